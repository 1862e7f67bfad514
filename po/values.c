/*
 * po/values.c - not compiled: the words of the vocabularies that table,
 * --excel, xlsx, the summary and show print translated (VL_COL_WORD
 * columns, vl_trc), each with its column's name as the context, listed
 * for xgettext.  CSV and JSON print them as they are.
 */
/* overdue kinds */
NC_("kind", "not-started") NC_("kind", "rectification")
NC_("kind", "not-completed") NC_("kind", "not-accepted")
NC_("kind", "started-before-review") NC_("kind", "missing-leader")
NC_("kind", "missing-specialist") NC_("kind", "task")
NC_("kind", "milestone")
/* kinds of change (vl-report progress --since): "milestone" is one
 * reached, not the overdue list's late one, hence a context of their own */
NC_("change", "started") NC_("change", "milestone") NC_("change", "completed")
NC_("change", "finding-opened") NC_("change", "finding-closed")
NC_("change", "received") NC_("change", "spent") NC_("change", "task-done")
NC_("change", "voided")
/* fund kinds */
NC_("kind", "receipt") NC_("kind", "allocation") NC_("kind", "expense")
/* statuses: of the overdue list, of the fund checks */
NC_("status", "late") NC_("status", "due-soon") NC_("status", "flag")
NC_("status", "pending") NC_("status", "discrepancy")
/* statuses of a progress entry (vl-report progress --entries) */
NC_("status", "counted") NC_("status", "void")
/* stages */
NC_("stage", "registered") NC_("stage", "reviewed") NC_("stage", "started")
NC_("stage", "completed") NC_("stage", "accepted")
/* milestones a plan may name between started and completed (SPEC 7) */
NC_("stage", "approved") NC_("stage", "roofed") NC_("stage", "equipped")
/* inspections */
NC_("phase", "review") NC_("phase", "check") NC_("phase", "acceptance")
NC_("aspect", "quality") NC_("aspect", "progress") NC_("aspect", "funds")
NC_("aspect", "safety") NC_("aspect", "other")
/* an aspect a plan may name: acceptance against the 整村推进 indicators */
NC_("aspect", "indicators")
NC_("result", "pass") NC_("result", "fail")
/* funds */
NC_("level", "central") NC_("level", "region") NC_("level", "city")
NC_("level", "district") NC_("level", "(none)")
/* levels a plan may name outside its funding lines: other funds, 多方筹集 */
NC_("level", "village") NC_("level", "donation") NC_("level", "unit")
NC_("source", "finance") NC_("source", "party_fee")
NC_("purpose", "construction") NC_("purpose", "equipment")
NC_("line", "(no line)") NC_("line", "total")
NC_("line", "(other funds)")
/* vl-fund sum: other funds (多方筹集) a group apart, by any key but level */
NC_("source", "(other funds)") NC_("kind", "(other funds)")
NC_("purpose", "(other funds)")
NC_("town", "total") NC_("row", "total")
NC_("leader", "total") NC_("specialist", "total")
NC_("district", "total")
NC_("subject", "total")
NC_("subject", "central") NC_("subject", "region") NC_("subject", "city")
NC_("subject", "district") NC_("subject", "projects")
NC_("subject", "village") NC_("subject", "donation") NC_("subject", "unit")
NC_("mode", "new") NC_("mode", "expand") NC_("mode", "repair")
/* vl-fund check and balance */
NC_("check", "plan") NC_("check", "plan-lines") NC_("check", "budgets") NC_("check", "receipts")
NC_("check", "allocations-vs-receipts") NC_("check", "allocation")
NC_("check", "expense-vs-allocation") NC_("check", "project")
NC_("check", "purpose") NC_("check", "villages") NC_("check", "reversal")
NC_("check", "city-transfer") NC_("check", "other-funds")
NC_("flag", "unknown-project") NC_("flag", "over-budget")
NC_("flag", "overspent") NC_("flag", "unknown-purpose")
/* the audit trail */
NC_("action", "init") NC_("action", "add") NC_("action", "write")
NC_("action", "close") NC_("action", "edited-outside")
NC_("action", "removed-outside") NC_("action", "anchor")
NC_("action", "restart") NC_("action", "amend") NC_("action", "void")
NC_("action", "import") NC_("action", "add-ids") NC_("action", "add-columns")
NC_("action", "done") NC_("action", "reopen")
NC_("chain", "ok") NC_("chain", "broken")
