/*
 * fuzz_money.c - libFuzzer target: the money parser on any text, and the
 * round trips parse(format(x)) == x for what it accepts and for any
 * 64-bit number of fen.  A blank put before the text is skipped by the
 * full walk but never taken by the short way for the common shape
 * (money.c's plain_amount), so the two must read the text alike.
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

	char *padded = malloc(size + 2);
	const char *why2 = NULL;
	int64_t fen2 = 0;
	int got;

	memcpy(s, data, size);
	s[size] = '\0';
	padded[0] = ' ';
	memcpy(padded + 1, s, size + 1);
	if ((got = vl_money_parse(s, &fen, &why)) == 0)
		round_trip(fen);
	else if (!why || !*why)
		__builtin_trap();	/* a refusal always says why */
	/* the same answer by the full walk (a leading blank is allowed, so
	 * only text that starts with one can differ: a second blank) */
	if (size == 0 || data[0] != ' ') {
		if (vl_money_parse(padded, &fen2, &why2) != got ||
		    (got == 0 && fen2 != fen) ||
		    (got != 0 && strcmp(why, why2) != 0))
			__builtin_trap();
	}
	free(padded);
	if (size >= sizeof raw) {
		memcpy(&raw, data, sizeof raw);
		round_trip(raw);
	}
	free(s);
	return 0;
}
