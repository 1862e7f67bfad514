/*
 * money.c - amounts as int64_t fen (1/100 yuan), never a float.
 *
 * One parser and one formatter for every amount vl reads or writes
 * (SPEC 3).  The parser is deliberately strict: a register is kept by
 * clerks in spreadsheets, and an amount that is only almost right must
 * be refused rather than guessed at.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "vl.h"

/* "万" in UTF-8: an amount in units of 10000 yuan */
#define WAN		"\xe4\xb8\x87"
#define WAN_LEN		(sizeof(WAN) - 1)

/* decimal places of fen in one yuan and in one 万 */
#define YUAN_EXP	2
#define WAN_EXP		6

/* The pieces of an amount, found before any arithmetic is done so that
 * a syntax error is reported as such and not as an overflow. */
struct amount {
	bool neg;
	const char *ip;		/* integer part, may hold separators */
	size_t ilen;
	const char *fp;		/* fraction digits after the point */
	size_t flen;
	bool wan;
};

static const char NOTAMOUNT[] = "not an amount";

static bool
isdigit_ascii(char c)
{
	/* not isdigit(): no locale may ever widen what counts as a digit */
	return c >= '0' && c <= '9';
}

static size_t
digit_run(const char *p)
{
	size_t n;

	for (n = 0; isdigit_ascii(p[n]); n++)
		;
	return n;
}

/*
 * The integer part: digits, or digits grouped by ',' where the first
 * group has 1 to 3 digits and every later one exactly 3.  Returns the
 * length consumed, or 0 with *why set.
 */
static size_t
scan_int(const char *p, const char **why)
{
	size_t n, g;

	n = digit_run(p);
	if (p[n] != ',') {
		if (n == 0)
			*why = NOTAMOUNT;
		return n;
	}
	if (n == 0 || n > 3)
		goto misplaced;
	while (p[n] == ',') {
		g = digit_run(p + n + 1);
		if (g != 3)
			goto misplaced;
		n += 1 + g;
	}
	return n;
misplaced:
	*why = "misplaced thousands separator";
	return 0;
}

/*
 * Split s into its pieces.  "12." and ".5" are refused as not an
 * amount: a point must have digits on both sides, so that a truncated
 * or mistyped cell is not silently read as a round number.
 */
static int
scan(const char *s, struct amount *a, const char **why)
{
	const char *p = s, *end;

	end = s + strlen(s);
	while (*p == ' ')
		p++;
	while (end > p && end[-1] == ' ')
		end--;
	if (p == end) {
		*why = "empty amount";
		return -1;
	}
	a->neg = *p == '-';
	if (*p == '-' || *p == '+')
		p++;
	a->ip = p;
	if ((a->ilen = scan_int(p, why)) == 0)
		return -1;
	p += a->ilen;
	a->fp = p;
	a->flen = 0;
	if (*p == '.') {
		a->fp = ++p;
		if ((a->flen = digit_run(p)) == 0) {
			*why = NOTAMOUNT;
			return -1;
		}
		p += a->flen;
	}
	a->wan = (size_t)(end - p) >= WAN_LEN &&
	    memcmp(p, WAN, WAN_LEN) == 0;
	if (a->wan)
		p += WAN_LEN;
	if (p != end) {
		*why = *p == ',' ? "misplaced thousands separator" : NOTAMOUNT;
		return -1;
	}
	return 0;
}

/* v = v * 10 + digit for each digit of p[0..n), skipping separators */
static bool
accumulate(uint64_t *v, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == ',')
			continue;
		if (__builtin_mul_overflow(*v, 10, v) ||
		    __builtin_add_overflow(*v, (uint64_t)(p[i] - '0'), v))
			return false;
	}
	return true;
}

/* the magnitude in fen; false if it does not fit in a uint64_t */
static bool
magnitude(const struct amount *a, int exp, uint64_t *mag)
{
	uint64_t v = 0;
	size_t i;

	if (!accumulate(&v, a->ip, a->ilen) ||
	    !accumulate(&v, a->fp, a->flen))
		return false;
	for (i = a->flen; i < (size_t)exp; i++)
		if (__builtin_mul_overflow(v, 10, &v))
			return false;
	*mag = v;
	return true;
}

/*
 * Apply the sign.  The negative range is one larger than the positive
 * one, so INT64_MIN fen is an amount like any other.
 */
static bool
apply_sign(uint64_t mag, bool neg, int64_t *fen)
{
	if (!neg) {
		if (mag > (uint64_t)INT64_MAX)
			return false;
		*fen = (int64_t)mag;
	} else {
		if (mag > (uint64_t)INT64_MAX + 1)
			return false;
		*fen = mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN :
		    -(int64_t)mag;
	}
	return true;
}

int
vl_money_parse(const char *s, int64_t *fen, const char **why)
{
	struct amount a;
	uint64_t mag;
	int exp;

	if (s == NULL) {
		*why = "empty amount";
		return -1;
	}
	if (scan(s, &a, why) == -1)
		return -1;
	exp = a.wan ? WAN_EXP : YUAN_EXP;
	if (a.flen > (size_t)exp) {
		*why = a.wan ? "more than 6 decimals of " WAN :
		    "more than 2 decimals";
		return -1;
	}
	if (!magnitude(&a, exp, &mag) || !apply_sign(mag, a.neg, fen)) {
		*why = "out of range";
		return -1;
	}
	return 0;
}

char *
vl_money_format(int64_t fen, char buf[VL_MONEY_BUFSZ])
{
	uint64_t mag;

	/* -INT64_MIN is not an int64_t: negate one step short of it */
	mag = fen < 0 ? (uint64_t)-(fen + 1) + 1 : (uint64_t)fen;
	snprintf(buf, VL_MONEY_BUFSZ, "%s%" PRIu64 ".%02u",
	    fen < 0 ? "-" : "", mag / 100, (unsigned)(mag % 100));
	return buf;
}

bool
vl_money_add(int64_t a, int64_t b, int64_t *r)
{
	int64_t t;

	if (__builtin_add_overflow(a, b, &t))
		return false;
	*r = t;
	return true;
}

bool
vl_money_sub(int64_t a, int64_t b, int64_t *r)
{
	int64_t t;

	if (__builtin_sub_overflow(a, b, &t))
		return false;
	*r = t;
	return true;
}

bool
vl_money_mul(int64_t a, int64_t n, int64_t *r)
{
	int64_t t;

	if (__builtin_mul_overflow(a, n, &t))
		return false;
	*r = t;
	return true;
}
