/*
 * briefing.h - the briefing for a district meeting: one self-contained
 * HTML page, its charts inline SVG.
 */
#ifndef VL_BRIEFING_H
#define VL_BRIEFING_H

#include "base/date.h"
#include "base/strbuf.h"
#include "register/book.h"
#include "register/rollup.h"
#include "rules/ledger.h"

/* The briefing of a book loaded with plan, projects, progress and
 * inspections, and its ledger, as of the book's day: one self-contained
 * HTML page (inline SVG charts, no script, nothing fetched), appended to
 * out.  The same book and day give the same bytes. */
void vl_briefing(const struct vl_book *b, const struct vl_ledger *l,
    struct vl_buf *out);

/* The briefing of a city or region meeting over the registers of r (a
 * roll-up loaded as for a report) and their ledgers: the districts added
 * up, ranked as vl_district_ranks ranks them, their late items counted
 * by kind and their late tasks named, in the same page's style.  Exits 2
 * when a total of the districts passes 64 bits (vl_money_total). */
void vl_briefing_city(const struct vl_rollup *r,
    const struct vl_ledger *ledgers, struct vl_buf *out);

#endif
