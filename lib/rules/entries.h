/*
 * entries.h - progress and fund entries refused when they would make an
 * impossible history (a second start, a completion before the start, an
 * expense above the allocations, a reversal of nothing).
 */
#ifndef VL_ENTRIES_H
#define VL_ENTRIES_H

#include "register/batch.h"

/* b's rules for its file (progress.csv or funds.csv; others none): b's
 * seen, rule and ctx set.  Progress: a project starts once and completes
 * once, after its start, and a start is never after a milestone reached
 * or the completion (a voided row does not count).  Funds: no zero
 * amount; a negative one only as the exact negation of a real entry not
 * reversed before and not a reversal itself (reverses), dated on or
 * after it; allocations
 * within the budget; expenses within the allocations, also when an
 * allocation is reversed; the special fund's allocations within its
 * receipts when a receipt is reversed; no project's net sum negative;
 * every sum within the 64-bit range. */
void vl_entries_rules(struct vl_batch *b);
/* what vl_entries_rules made, after vl_batch_run */
void vl_entries_free(struct vl_batch *b);

#endif
