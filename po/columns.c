/*
 * po/columns.c - not compiled: the column headers and plan purposes that
 * table, --excel and xlsx output show translated, listed for xgettext
 * (they are names in struct vl_col tables, which it cannot see).
 * tests/cli/i18n_catalog.sh proves every header the tools print is here.
 */
N_("id") N_("date") N_("kind") N_("project") N_("town") N_("village")
N_("leader") N_("specialist") N_("due") N_("days_late") N_("status")
N_("detail") N_("budget") N_("allocated") N_("spent") N_("remaining")
N_("flag") N_("level") N_("source") N_("purpose") N_("amount") N_("count")
N_("other_funds")
N_("note") N_("stage") N_("phase") N_("aspect") N_("result") N_("finding")
N_("closed") N_("inspector") N_("check") N_("subject") N_("expected")
N_("actual") N_("difference") N_("plan") N_("received") N_("line")
N_("projects") N_("reviewed") N_("started") N_("completed") N_("accepted")
N_("started_share") N_("open_findings") N_("overdue_findings") N_("seq")
N_("time") N_("user") N_("tool") N_("action") N_("file") N_("record")
N_("chain") N_("draw") N_("last_inspected") N_("mode") N_("area")
N_("start_by") N_("complete_by") N_("hash") N_("digest")
N_("days_left") N_("voided") N_("void_reason") N_("reverses")
N_("reason") N_("dated") N_("columns added") N_("evidence") N_("closed_by")
N_("close_note") N_("close_evidence") N_("done") N_("title") N_("owner")
N_("construction") N_("equipment")
N_("district") N_("rank") N_("completed_share") N_("overdue")
N_("received_share")
N_("items") N_("late") N_("due_soon") N_("flags") N_("most_days_late")
N_("item") N_("of") N_("share")
