/*
 * date.h - ISO dates as days since 1970-01-01, by integer arithmetic
 * only: no time zone or locale can change one.
 */
#ifndef VL_DATE_H
#define VL_DATE_H

#include <stdbool.h>
#include <stdint.h>

/* days since 1970-01-01 (negative before) */
typedef int32_t vl_date;
#define VL_DATE_BUFSZ 11
#define VL_NODATE INT32_MIN

/* strict YYYY-MM-DD, year 0001..9999; 0 or -1 with *why */
int vl_date_parse(const char *s, vl_date *d, const char **why);
/* s as a date a spreadsheet saves it, YYYY/M/D (Chinese Excel's short
 * date: 2023/1/5) or YYYY年M月D日 (its long date), written YYYY-MM-DD
 * into iso; false when s is not of such a shape (the day itself is
 * vl_date_parse's to check) */
bool vl_date_slashed(const char *s, char iso[VL_DATE_BUFSZ]);
/* YYYY-MM-DD; VL_NODATE is "", how an absent date stands in a cell */
char *vl_date_format(vl_date d, char buf[VL_DATE_BUFSZ]);
vl_date vl_date_from_ymd(int y, int m, int d);
/* *d becomes when if when is earlier, or *d is VL_NODATE (none yet) */
void vl_date_first(vl_date *d, vl_date when);
/* the year, month and day of d */
void vl_date_ymd(vl_date d, int *y, int *m, int *dd);
/* today: as_of if not NULL, else $VL_AS_OF, else the local date.
 * Returns 0, or -1 with *why when the given date is invalid. */
int vl_today(const char *as_of, vl_date *d, const char **why);

#endif
