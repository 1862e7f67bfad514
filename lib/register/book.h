/*
 * book.h - a register loaded for reading, as of a day: the plan, the
 * projects, each project's progress and the inspections, indexed by
 * project.
 */
#ifndef VL_BOOK_H
#define VL_BOOK_H

#include <stdbool.h>
#include <stddef.h>

#include "base/date.h"
#include "base/strbuf.h"
#include "io/plan.h"
#include "register/project.h"
#include "register/register.h"

/* Which register, as of which day, its CSV files in which encoding: what
 * a tool's command line says (-C, --as-of, --input-encoding). */
struct vl_source {
	const char *dir;
	vl_date as_of;		/* records dated later are not there yet;
				 * VL_NODATE: every record */
	const char *encoding;	/* of the CSV files; NULL: detected */
	/* dir opened and locked as a reader, its trail verified under that
	 * lock (a roll-up's): the book takes it over and reads under it,
	 * not opening, locking and checking the register again; NULL: the
	 * book opens its own */
	struct vl_reg *held;
};

struct vl_progress_state {	/* per project, as of a day */
	vl_date started, completed;	/* first such entry, or VL_NODATE */
	/* each of the plan's milestones, first reached, or VL_NODATE;
	 * NULL when the plan names none */
	vl_date *milestone;
};

struct vl_inspection {
	char *id, *project, *phase, *aspect, *result, *finding, *inspector;
	char *evidence;		/* given when it was added ("" : none) */
	/* who verified the rectification, what they said, what shows it:
	 * "" while it is open as of the book's day */
	char *closed_by, *close_note, *close_evidence;
	vl_date date, due, closed;	/* VL_NODATE when empty */
	long line;
};

/* A project's first passed review and acceptance as of the book's day
 * (VL_NODATE: none yet), counted from every inspection read, even when
 * the book keeps only the failed ones (VL_LOAD_FAILS). */
struct vl_passes {
	vl_date reviewed, accepted;
};

/* A duty of tasks.csv as of the book's day (VL_LOAD_TASKS). */
struct vl_task {
	char *id, *area, *title, *owner, *evidence, *note;
	vl_date due;
	vl_date done;		/* VL_NODATE: not done by the day */
	long line;
};

/* A row voided as of the book's day: kept out of everything the book
 * counts, and listed on its own for whoever shows the project's story. */
struct vl_void {
	const char *file;	/* "progress.csv" or "inspections.csv" */
	char *id, *what, *reason;	/* what: the stage, or the phase */
	long project;		/* index into projects */
	vl_date date, voided;
};

struct vl_book {
	struct vl_reg reg;
	vl_date as_of;		/* the day it was loaded as of */
	const char *encoding;	/* its CSV files', as given: NULL detected */
	struct vl_plan plan;
	struct vl_projects projects;
	struct vl_progress_state *progress;	/* projects.n of them */
	vl_date *reached;	/* their milestones, in one block */
	struct vl_inspection *insp;
	size_t ninsp;
	/* insp by project: project i's are insp[insp_of[k]] for k from
	 * insp_first[i] to insp_first[i + 1], in the order of the file;
	 * and the project of each, insp[k]'s projects.v[insp_project[k]]
	 * (-1: none) */
	size_t *insp_first, *insp_of;
	long *insp_project;
	struct vl_passes *passes;	/* per project, when inspections are
					 * loaded; else NULL */
	struct vl_arena strings;	/* the inspections' texts */
	struct vl_void *voids;	/* VL_LOAD_VOIDS: the rows voided */
	size_t nvoids;
	struct vl_task *tasks;	/* VL_LOAD_TASKS: those not voided */
	size_t ntasks;
	struct vl_edits *edits;	/* VL_LOAD_DIGESTS: being taken */
	/* Narrowed to some projects (vl_filter_narrow: summary, funds and
	 * briefing --town ...): the projects kept, keep[i] for projects.v[i],
	 * kept of them, and the tasks kept, task_keep[i] for tasks[i]; what
	 * counts, lists and sums (standing.c, overdue.c, ledger.c) looks at
	 * those only.  NULL: every project and task. */
	bool *keep, *task_keep;
	size_t kept;
	char *narrowed_to;	/* what keeps them, for people: "town 青山镇" */
	char *narrowed_zh;	/* the same in Chinese (the briefing's) */
};

/* The parts a tool needs, in this order of dependence. */
enum {
	VL_LOAD_PLAN = 1,
	VL_LOAD_PROJECTS = 2,
	VL_LOAD_PROGRESS = 4,
	VL_LOAD_INSPECTIONS = 8,
	VL_LOAD_WRITE = 16,	/* under a writer's lock, not a reader's */
	VL_LOAD_VOIDS = 32,	/* the voided rows of the files loaded */
	VL_LOAD_TASKS = 64,	/* tasks.csv, when the register has one */
	/* of the inspections keep the failed ones only, the findings every
	 * report reads (the passes are counted all the same): a national
	 * register's 3 million inspections are mostly passes */
	VL_LOAD_FAILS = 128,
	/* the files' digests taken meanwhile, for vl_book_outside_edits */
	VL_LOAD_DIGESTS = 256,
	/* a plan still the template is said by the command itself (vl-fund
	 * check: a discrepancy), not warned of as well */
	VL_LOAD_TEMPLATE_SAID = 512
};
struct vl_filespec;
/* What a writer of spec's file loads to read the rows there as every
 * reader does, each checked (against the plan's words, say), and to
 * write nothing to a file they refuse: VL_LOAD_PROGRESS, _INSPECTIONS
 * (the failed ones kept, as the reports keep them) or _TASKS; 0 for
 * projects.csv, always loaded, and funds.csv, which vl_fund_read
 * reads. */
int vl_load_of(const struct vl_filespec *spec);
/* Load what `what` asks of the register src names, as of its day.
 * Every bad record of every file is reported.  The register is read
 * under its lock (vl_reg_lock_shared, or vl_reg_lock with
 * VL_LOAD_WRITE), held in b->reg until vl_book_free; a trail that does
 * not reach its head is warned of, and refused for a writer.  Returns
 * VL_OK, VL_BADINPUT or VL_SYSFAULT; free b in every case. */
int vl_book_load(struct vl_book *b, const struct vl_source *src, int what);
/* Were b's files read, vl_book_load having returned status: its plan and
 * projects, a bad row in them or not.  Its journal is then read as well
 * (vl_ledger_load_after), so that a bad row there is said with theirs:
 * every problem of the register in one run. */
bool vl_book_read(const struct vl_book *b, int status);
void vl_book_free(struct vl_book *b);
/* vl_audit_outside_edits of b's register, from the digests taken while
 * it was loaded (VL_LOAD_DIGESTS) or now */
long vl_book_outside_edits(struct vl_book *b);
/* The villages every headline counts progress against: the plan's, or
 * the projects registered when there are more (a discrepancy of vl-fund
 * check), so a headline never says 3/3 when the register has 5; of a
 * narrowed book, the projects kept. */
long vl_book_villages(const struct vl_book *b);
/* is project i (task i) among those the book is narrowed to? */
static inline bool
vl_book_kept(const struct vl_book *b, size_t i)
{
	return !b->keep || b->keep[i];
}
static inline bool
vl_book_task_kept(const struct vl_book *b, size_t i)
{
	return !b->task_keep || b->task_keep[i];
}
/* how many inspections project i has, *list their indexes in insp */
size_t vl_book_inspections(const struct vl_book *b, size_t i,
    const size_t **list);
/* "DIR/name" for messages: the name alone when DIR is "." */
const char *vl_book_display(const struct vl_book *b, const char *name);
struct vl_outopts;
/* o's title row names the register and, for a narrowed book, the
 * projects it keeps */
void vl_book_names(const struct vl_book *b, struct vl_outopts *o);
/* A report of villages' projects (overdue, progress, summary, briefing,
 * sample) of b alone: VL_OK, or VL_BADINPUT when b is a city register,
 * whose projects are the districts it funds (said, with what to do). */
int vl_book_of_villages(const struct vl_book *b);

#endif
