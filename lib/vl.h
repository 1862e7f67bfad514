/*
 * vl.h - libvl for the four tools: every module's header, layer by
 * layer.  Inside the library each file includes the headers it uses.
 *
 *   base/      err, strbuf, money, date, i18n, groups
 *   io/        csv, plan, output
 *   register/  register (tmpfile, journal), audit, schema, project, book,
 *              funds, batch, rewrite, init
 *   rules/     stage, ledger, sums, fund_rules, reconcile, overdue,
 *              standing, records, sample, filter
 *   report/    tables, summary, briefing, story
 *   cli/       cli
 *
 * Every exported name starts with vl_.  Money is int64_t fen everywhere;
 * there is no float type in any of these headers.
 */
#ifndef VL_H
#define VL_H

#include "base/err.h"
#include "base/strbuf.h"
#include "base/money.h"
#include "base/date.h"
#include "base/i18n.h"
#include "base/groups.h"

#include "io/csv.h"
#include "io/plan.h"
#include "io/output.h"

#include "register/register.h"
#include "register/audit.h"
#include "register/schema.h"
#include "register/project.h"
#include "register/book.h"
#include "register/funds.h"
#include "register/batch.h"
#include "register/rewrite.h"
#include "register/init.h"
#include "register/rollup.h"

#include "rules/stage.h"
#include "rules/ledger.h"
#include "rules/sums.h"
#include "rules/overdue.h"
#include "rules/standing.h"
#include "rules/fund_rules.h"
#include "rules/reconcile.h"
#include "rules/records.h"
#include "rules/entries.h"
#include "rules/corrections.h"
#include "rules/reversals.h"
#include "rules/sample.h"
#include "rules/filter.h"
#include "rules/districts.h"

#include "report/tables.h"
#include "report/fund_tables.h"
#include "report/insp_tables.h"
#include "report/audit_table.h"
#include "report/summary.h"
#include "report/export.h"
#include "report/briefing.h"
#include "report/story.h"

#include "cli/cli.h"

#endif
