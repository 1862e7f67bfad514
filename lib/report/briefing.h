/*
 * briefing.h - the briefing for a district meeting: one self-contained
 * HTML page, its charts inline SVG.
 */
#ifndef VL_BRIEFING_H
#define VL_BRIEFING_H

#include "base/date.h"
#include "base/strbuf.h"
#include "register/book.h"
#include "rules/ledger.h"

/* The briefing of a book loaded with plan, projects, progress and
 * inspections, and its ledger, as of the book's day: one self-contained
 * HTML page (inline SVG charts, no script, nothing fetched), appended to
 * out.  The same book and day give the same bytes. */
void vl_briefing(const struct vl_book *b, const struct vl_ledger *l,
    struct vl_buf *out);

#endif
