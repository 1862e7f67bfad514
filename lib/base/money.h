/*
 * money.h - amounts as int64_t fen (1/100 yuan): one parser, one
 * formatter, overflow-checked arithmetic.  No float type, ever.
 */
#ifndef VL_MONEY_H
#define VL_MONEY_H

#include <stdbool.h>
#include <stdint.h>

#define VL_MONEY_BUFSZ 32	/* enough for any int64_t fen, sign and point */
#define VL_WAN_BUFSZ 64
#define VL_GAP_BUFSZ 64

/* Parse one amount (SPEC 3: 36940, 36940.5, -120.00, 3.694万, "36,940.00").
 * Returns 0 and sets *fen, or -1 and sets *why to a reason. */
int vl_money_parse(const char *s, int64_t *fen, const char **why);
/* plain yuan with exactly two decimals: -120.00 */
char *vl_money_format(int64_t fen, char buf[VL_MONEY_BUFSZ]);
/* a headline in 万元 (10,000 yuan) to two places: 148.60万元 */
const char *vl_wan(int64_t fen, char buf[VL_WAN_BUFSZ]);
/* the amount in yuan with a comma every three digits: "1,486,033.30" */
const char *vl_money_grouped(int64_t fen, char buf[VL_MONEY_BUFSZ]);
/* actual against expected in words: "short by 400.00", "over by 0.01" */
const char *vl_money_gap(int64_t expected, int64_t actual,
    char buf[VL_GAP_BUFSZ]);
/* the same, translated for people (human) */
const char *vl_money_gap_for(bool human, int64_t expected, int64_t actual,
    char buf[VL_GAP_BUFSZ]);
/* overflow-checked arithmetic: false on overflow, *r untouched */
bool vl_money_add(int64_t a, int64_t b, int64_t *r);
bool vl_money_sub(int64_t a, int64_t b, int64_t *r);
/* The most the amounts of one file (the journal, the budgets, the plan)
 * may add up to, signs dropped: a quarter of the 64-bit range, so that no
 * sum the tools keep of them, nor any difference of two such sums, can
 * leave the range.  A write that would pass it is refused. */
#define VL_MONEY_LIMIT (INT64_MAX / 4)
/* *sum += |fen|; false, *sum untouched, when it would pass the limit */
bool vl_money_add_magnitude(int64_t *sum, int64_t fen);
/* *sum += fen for a total across registers (a roll-up): each register's
 * sums are within VL_MONEY_LIMIT, many of them together need not be.
 * Past the 64-bit range it says so, what naming the total, and exits 2
 * (call it before any output): never a wrong total. */
void vl_money_total(int64_t *sum, int64_t fen, const char *what);
/* VL_MONEY_LIMIT in yuan: "23058430092136939.51" */
const char *vl_money_limit_text(void);

#endif
