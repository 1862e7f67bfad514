/*
 * date.c - ISO dates as days since 1970-01-01.
 *
 * The conversions are Howard Hinnant's days_from_civil and
 * civil_from_days on the proleptic Gregorian calendar: pure integer
 * arithmetic, so neither mktime() nor the time zone nor the locale can
 * change a date that is read or written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/date.h"
#include "base/i18n.h"

#define YEAR_MIN	1
#define YEAR_MAX	9999

static const char NOTDATE[] = N_("not a YYYY-MM-DD date");

struct ymd {
	int y, m, d;
};

static bool
isleap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return m == 2 && isleap(y) ? 29 : days[m - 1];
}

vl_date
vl_date_from_ymd(int y, int m, int d)
{
	long long yy, era, yoe, doy, doe;

	/* a year starting in March puts the leap day at its end */
	yy = (long long)y - (m <= 2);
	era = (yy >= 0 ? yy : yy - 399) / 400;
	yoe = yy - era * 400;
	doy = (153LL * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (vl_date)(era * 146097 + doe - 719468);
}

static struct ymd
civil(vl_date days)
{
	long long z, era, doe, yoe, doy, mp;
	struct ymd r;

	z = (long long)days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

void
vl_date_first(vl_date *d, vl_date when)
{
	if (*d == VL_NODATE || when < *d)
		*d = when;
}

void
vl_date_ymd(vl_date d, int *y, int *m, int *dd)
{
	struct ymd c = civil(d);

	*y = c.y, *m = c.m, *dd = c.d;
}

static bool
digit(char c)
{
	return (unsigned)(c - '0') <= 9;
}

/* the ASCII digits p[0..n) as a number; the caller has checked them */
static int
number(const char *p, int n)
{
	int v = 0;

	while (n-- > 0)
		v = v * 10 + (*p++ - '0');
	return v;
}

/* Is s "dddd-dd-dd" and nothing more?  Each test stops at a NUL, so
 * s[10] is read only if the ten before it exist. */
static bool
iso_shape(const char *s)
{
	return digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3]) &&
	    s[4] == '-' && digit(s[5]) && digit(s[6]) && s[7] == '-' &&
	    digit(s[8]) && digit(s[9]) && s[10] == '\0';
}

/* the 1 or 2 digits at *s, then sep (none when ""), as *v */
static bool
part(const char **s, const char *sep, int *v)
{
	const char *p = *s;
	size_t k = strlen(sep);
	int n = 0;

	while (n < 2 && digit(p[n]))
		n++;
	if (n == 0 || strncmp(p + n, sep, k) != 0)
		return false;
	*v = number(p, n);
	*s = p + n + k;
	return true;
}

bool
vl_date_slashed(const char *s, char iso[VL_DATE_BUFSZ])
{
	/* the separators after the year, the month and the day */
	static const char *const forms[][3] = {
		{"/", "/", ""},			/* the short date, 2023/1/5 */
		{"\xe5\xb9\xb4", "\xe6\x9c\x88", "\xe6\x97\xa5"},
						/* the long date, 2023年1月5日 */
	};
	const char *p;
	size_t i, k;
	int m, d;

	if (!(digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3])))
		return false;
	for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		k = strlen(forms[i][0]);
		p = s + 4 + k;
		if (strncmp(s + 4, forms[i][0], k) == 0 &&
		    part(&p, forms[i][1], &m) && part(&p, forms[i][2], &d) &&
		    *p == '\0') {
			snprintf(iso, VL_DATE_BUFSZ, "%.4s-%02d-%02d", s, m,
			    d);
			return true;
		}
	}
	return false;
}

int
vl_date_parse(const char *s, vl_date *d, const char **why)
{
	int y, m, dd;

	if (s == NULL || !iso_shape(s)) {
		*why = vl_tr(NOTDATE);
		return -1;
	}
	y = number(s, 4), m = number(s + 5, 2), dd = number(s + 8, 2);
	if (y < YEAR_MIN || y > YEAR_MAX) {
		*why = vl_tr("year out of range");
		return -1;
	}
	if (m < 1 || m > 12) {
		*why = vl_tr("month out of range");
		return -1;
	}
	if (dd < 1 || dd > month_days(y, m)) {
		*why = vl_tr("no such day");
		return -1;
	}
	*d = vl_date_from_ymd(y, m, dd);
	return 0;
}

/* v as exactly n decimal digits at p, zero-padded */
static void
put_digits(char *p, int v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/*
 * VL_NODATE formats as the empty string, which is how an absent date
 * is written in a CSV cell.  Any other day outside what the parser
 * accepts cannot be written in ten characters and comes out as
 * "####-##-##", as a spreadsheet shows what does not fit, never as a
 * truncated number that would read as a real date.
 */
char *
vl_date_format(vl_date d, char buf[VL_DATE_BUFSZ])
{
	struct ymd c;

	if (d == VL_NODATE) {
		buf[0] = '\0';
		return buf;
	}
	c = civil(d);
	if (c.y < YEAR_MIN || c.y > YEAR_MAX) {
		memcpy(buf, "####-##-##", VL_DATE_BUFSZ);
		return buf;
	}
	put_digits(buf, c.y, 4);
	buf[4] = '-';
	put_digits(buf + 5, c.m, 2);
	buf[7] = '-';
	put_digits(buf + 8, c.d, 2);
	buf[10] = '\0';
	return buf;
}

static int
local_today(vl_date *d, const char **why)
{
	time_t now;
	struct tm tm;

	if ((now = time(NULL)) == (time_t)-1 ||
	    localtime_r(&now, &tm) == NULL) {
		*why = vl_tr("cannot read the clock");
		return -1;
	}
	*d = vl_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return 0;
}

/*
 * An explicit --as-of wins over $VL_AS_OF so that one run can look at
 * another day without unsetting the variable; an empty $VL_AS_OF is
 * taken as unset, as a shell's "VL_AS_OF= cmd" intends.
 */
int
vl_today(const char *as_of, vl_date *d, const char **why)
{
	const char *env;

	if (as_of != NULL)
		return vl_date_parse(as_of, d, why);
	env = getenv("VL_AS_OF");
	if (env != NULL && *env != '\0')
		return vl_date_parse(env, d, why);
	return local_today(d, why);
}
