/*
 * fuzz_date.c - libFuzzer target: the date parser on any text.  What it
 * accepts formats back to the same text (strict YYYY-MM-DD); any day of
 * years 1..9999 formats to a date that parses back to the same day.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vl.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), buf[VL_DATE_BUFSZ];
	const char *why = NULL;
	vl_date d, back;
	int32_t raw;

	memcpy(s, data, size);
	s[size] = '\0';
	if (vl_date_parse(s, &d, &why) == 0) {
		if (strcmp(vl_date_format(d, buf), s) != 0)
			__builtin_trap();
	} else if (!why || !*why) {
		__builtin_trap();
	}
	if (size >= sizeof raw) {
		memcpy(&raw, data, sizeof raw);
		d = vl_date_from_ymd(1, 1, 1) + (vl_date)((uint32_t)raw %
		    (uint32_t)(vl_date_from_ymd(9999, 12, 31) -
		    vl_date_from_ymd(1, 1, 1) + 1));
		if (vl_date_parse(vl_date_format(d, buf), &back, &why) != 0 ||
		    back != d)
			__builtin_trap();
	}
	free(s);
	return 0;
}
