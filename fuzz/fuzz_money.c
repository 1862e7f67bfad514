/*
 * fuzz_money.c - libFuzzer target: the money parser on any text, and the
 * round trips parse(format(x)) == x for what it accepts and for any
 * 64-bit number of fen.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vl.h"

static void
round_trip(int64_t fen)
{
	char buf[VL_MONEY_BUFSZ];
	const char *why;
	int64_t back;

	vl_money_format(fen, buf);
	if (vl_money_parse(buf, &back, &why) != 0 || back != fen)
		__builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	const char *why = NULL;
	int64_t fen, raw;

	memcpy(s, data, size);
	s[size] = '\0';
	if (vl_money_parse(s, &fen, &why) == 0)
		round_trip(fen);
	else if (!why || !*why)
		__builtin_trap();	/* a refusal always says why */
	if (size >= sizeof raw) {
		memcpy(&raw, data, sizeof raw);
		round_trip(raw);
	}
	free(s);
	return 0;
}
