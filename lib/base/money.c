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

#include "base/err.h"
#include "base/i18n.h"
#include "base/money.h"

/* "万" in UTF-8: an amount in units of 10000 yuan */
#define WAN		"\xe4\xb8\x87"
#define WAN_LEN		(sizeof(WAN) - 1)

/* decimal places of fen in one yuan and in one 万 */
#define YUAN_EXP	2
#define WAN_EXP		6

static const char NOTAMOUNT[] = N_("not an amount");
static const char MISPLACED[] = N_("misplaced thousands separator");

/*
 * Amounts are on the hot path of every journal read, so the text is
 * walked once: each digit is added to the magnitude as it is checked.
 * An overflow is only noted on the way, so that a syntax error further
 * on is still reported as such and not as an overflow.
 */
struct scan {
	const char *p;
	uint64_t v;		/* the magnitude so far, in units of its last
				 * digit */
	unsigned ndigits;	/* added to v so far */
	bool big;		/* it no longer fits in a uint64_t */
};

/* a run of ASCII digits (never isdigit(): no locale may widen what counts
 * as one) added to the magnitude; how many */
static size_t
digits(struct scan *sc)
{
	const char *start = sc->p;

	for (; *sc->p >= '0' && *sc->p <= '9'; sc->p++, sc->ndigits++) {
		/* 19 digits always fit: checked only from the 20th on */
		if (sc->ndigits < 19) {
			sc->v = sc->v * 10 + (uint64_t)(*sc->p - '0');
			continue;
		}
		if (__builtin_mul_overflow(sc->v, 10, &sc->v) ||
		    __builtin_add_overflow(sc->v, (uint64_t)(*sc->p - '0'),
		    &sc->v))
			sc->big = true;
	}
	return (size_t)(sc->p - start);
}

/*
 * The integer part: digits, or digits grouped by ',' where the first
 * group has 1 to 3 digits and every later one exactly 3.
 */
static const char *
int_part(struct scan *sc)
{
	size_t n = digits(sc);

	if (*sc->p != ',')
		return n == 0 ? NOTAMOUNT : NULL;
	if (n == 0 || n > 3)
		return MISPLACED;
	while (*sc->p == ',') {
		sc->p++;
		if (digits(sc) != 3)
			return MISPLACED;
	}
	return NULL;
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

/* The reason in the reader's language: it ends up in a message. */
static int
refuse(const char **why, const char *reason)
{
	*why = vl_tr(reason);
	return -1;
}

/*
 * The shape nearly every amount of a journal has, "35224.16", "12.5" or
 * "300": up to 16 digits, a point and one or two more, nothing else.
 * Read here in a few instructions; any other text (blanks, a sign,
 * separators, 万, a bad amount) is left to the full walk below, which
 * would read this shape to the same value.
 */
static bool
plain_amount(const char *s, int64_t *fen)
{
	uint64_t v = 0;
	int n = 0, f = 0;

	for (; (unsigned)(*s - '0') <= 9; s++, n++)
		v = v * 10 + (uint64_t)(*s - '0');
	if (n == 0 || n > 16)
		return false;
	if (*s == '.')
		for (s++; f < 2 && (unsigned)(*s - '0') <= 9; s++, f++)
			v = v * 10 + (uint64_t)(*s - '0');
	if (*s != '\0' || (s[-1] == '.'))
		return false;
	for (; f < 2; f++)
		v *= 10;
	*fen = (int64_t)v;	/* below 10^18 */
	return true;
}

/*
 * Blanks around the amount are allowed.  "12." and ".5" are refused as
 * not an amount: a point must have digits on both sides, so that a
 * truncated or mistyped cell is not silently read as a round number.
 */
int
vl_money_parse(const char *s, int64_t *fen, const char **why)
{
	struct scan sc = {s, 0, 0, false};
	const char *bad;
	size_t flen = 0;
	bool neg, wan;
	int exp;

	if (s == NULL)
		return refuse(why, "empty amount");
	if (plain_amount(s, fen))
		return 0;
	while (*sc.p == ' ')
		sc.p++;
	if (*sc.p == '\0')
		return refuse(why, "empty amount");
	neg = *sc.p == '-';
	if (*sc.p == '-' || *sc.p == '+')
		sc.p++;
	if ((bad = int_part(&sc)) != NULL)
		return refuse(why, bad);
	if (*sc.p == '.') {
		sc.p++;
		if ((flen = digits(&sc)) == 0)
			return refuse(why, NOTAMOUNT);
	}
	wan = strncmp(sc.p, WAN, WAN_LEN) == 0;
	if (wan)
		sc.p += WAN_LEN;
	if (*sc.p == ',')
		return refuse(why, MISPLACED);
	while (*sc.p == ' ')
		sc.p++;
	if (*sc.p != '\0')
		return refuse(why, NOTAMOUNT);
	exp = wan ? WAN_EXP : YUAN_EXP;
	if (flen > (size_t)exp)
		return refuse(why, wan ? N_("more than 6 decimals of 万") :
		    N_("more than 2 decimals"));
	for (; flen < (size_t)exp; flen++)
		if (__builtin_mul_overflow(sc.v, 10, &sc.v))
			sc.big = true;
	if (sc.big || !apply_sign(sc.v, neg, fen))
		return refuse(why, "out of range");
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

void
vl_money_total(int64_t *sum, int64_t fen, const char *what)
{
	char max[VL_MONEY_BUFSZ];

	if (!vl_money_add(*sum, fen, sum))
		vl_die(VL_BADINPUT, "%s: the registers' sums add up past what "
		    "a total holds exactly (%s yuan); roll up fewer registers "
		    "at once", what, vl_money_format(INT64_MAX, max));
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

/*
 * As Chinese reports write a headline: 万元 to two places, rounded half
 * away from zero ("148.60万元"); the exact amount goes beside it.  Whole
 * integers: 0.01万 is 10000 fen.
 */
const char *
vl_wan(int64_t fen, char buf[VL_WAN_BUFSZ])
{
	uint64_t u = fen < 0 ? (uint64_t)-(fen + 1) + 1 : (uint64_t)fen;
	uint64_t hundredths = u / 10000 + (u % 10000 >= 5000);

	snprintf(buf, VL_WAN_BUFSZ, "%s%" PRIu64 ".%02u万元",
	    fen < 0 && hundredths ? "-" : "", hundredths / 100,
	    (unsigned)(hundredths % 100));
	return buf;
}

const char *
vl_money_grouped(int64_t fen, char buf[VL_MONEY_BUFSZ])
{
	char plain[VL_MONEY_BUFSZ];
	const char *p = vl_money_format(fen, plain), *point;
	size_t digits, i, n = 0;

	if (*p == '-')
		buf[n++] = *p++;
	point = strchr(p, '.');
	digits = (size_t)(point - p);
	for (i = 0; i < digits; i++) {
		if (i > 0 && (digits - i) % 3 == 0)
			buf[n++] = ',';
		buf[n++] = p[i];
	}
	snprintf(buf + n, VL_MONEY_BUFSZ - n, "%s", point);
	return buf;
}

const char *
vl_money_gap(int64_t expected, int64_t actual, char buf[VL_GAP_BUFSZ])
{
	return vl_money_gap_for(false, expected, actual, buf);
}

const char *
vl_money_gap_for(bool human, int64_t expected, int64_t actual,
    char buf[VL_GAP_BUFSZ])
{
	const bool h = human;
	char m[VL_MONEY_BUFSZ];
	int64_t d;

	/* a difference past the 64-bit range, or of INT64_MIN fen, whose
	 * negation is: the word alone, never a wrong number */
	if (!vl_money_sub(actual, expected, &d) || d == INT64_MIN)
		snprintf(buf, VL_GAP_BUFSZ, "%s", actual < expected ?
		    vl_tr_if(h, "short") : vl_tr_if(h, "over"));
	else if (d < 0 && vl_money_sub(0, d, &d))
		snprintf(buf, VL_GAP_BUFSZ, vl_tr_if(h, "short by %s"),
		    vl_money_format(d, m));
	else
		snprintf(buf, VL_GAP_BUFSZ, vl_tr_if(h, "over by %s"),
		    vl_money_format(d, m));
	return buf;
}

bool
vl_money_add_magnitude(int64_t *sum, int64_t fen)
{
	int64_t t;

	if (fen == INT64_MIN)
		return false;
	if (__builtin_add_overflow(*sum, fen < 0 ? -fen : fen, &t) ||
	    t > VL_MONEY_LIMIT)
		return false;
	*sum = t;
	return true;
}

const char *
vl_money_limit_text(void)
{
	static _Thread_local char buf[VL_MONEY_BUFSZ];

	return vl_money_format(VL_MONEY_LIMIT, buf);
}
