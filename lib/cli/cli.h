/*
 * cli.h - one command line for the four tools.  A tool declares its
 * commands, each with its options and usage; the options every tool
 * shares (-C, --as-of, --format, -o, --excel, --encoding,
 * --input-encoding, --lang, --help, --version) and their help are here,
 * written once.
 */
#ifndef VL_CLI_H
#define VL_CLI_H

#include <stdbool.h>

#include "io/output.h"
#include "register/book.h"
#include "register/rollup.h"
#include "register/schema.h"
#include "rules/filter.h"

#define VL_VERSION "0.1.0"
#define VL_CLI_KEYS 32	/* a command's own options are keys 0 to 31 */

/* An option of a command's own: --name, or --name VALUE. */
struct vl_option {
	const char *name;
	bool value;			/* takes a value */
	int key;			/* the value goes to cli->arg[key] */
	/* NULL, or the words the value may be (a comma-separated list of
	 * them when list, and the values of a list given twice are joined):
	 * another is a usage error */
	const char *const *choices;
	bool list;
	/* the words' column in the catalogue, where they are said in
	 * Chinese (and may be typed so: --kind 未动工); NULL: name */
	const char *context;
};

/* a table's entries: an option with a value, one of words, a flag */
#define VL_VALUE(name, key) {name, true, key, NULL, false, NULL}
#define VL_CHOICE(name, key, words) {name, true, key, words, false, NULL}
#define VL_FLAG(name, key) {name, false, key, NULL, false, NULL}
#define VL_END_OPTIONS {NULL, false, 0, NULL, false, NULL}
/* A filter (rules/filter.h): --NAME VALUE, repeatable, into cli->filter;
 * words: the values it may take, or NULL for any. */
#define VL_FKEY VL_CLI_KEYS	/* a filter's key: VL_FKEY + its column */
#define VL_FILTER(name, col, words) {name, true, VL_FKEY + (col), words, \
	false, NULL}
/* the same, its words of the catalogue's column context */
#define VL_FILTER_OF(name, col, words, context) {name, true, \
	VL_FKEY + (col), words, false, context}
/* the filters of a project's own columns, spelled alike everywhere */
#define VL_PROJECT_FILTERS \
	VL_FILTER("town", VL_FC_TOWN, NULL), \
	VL_FILTER("village", VL_FC_VILLAGE, NULL), \
	VL_FILTER("project", VL_FC_PROJECT, NULL), \
	VL_FILTER("leader", VL_FC_LEADER, NULL), \
	VL_FILTER("specialist", VL_FC_SPECIALIST, NULL)
/* a roll-up's registers kept by their district (SPEC 9); given with one
 * register, that register is read as a roll-up of one */
#define VL_DISTRICT_FILTER VL_FILTER("district", VL_FC_DISTRICT, NULL)

struct vl_cli;

struct vl_command {
	const char *name;
	int (*run)(struct vl_cli *cli);
	const char *usage;	/* the line after "usage: " */
	const struct vl_option *options;	/* ended by a NULL name */
	int min, max;		/* operands it takes */
	bool report;		/* prints a report: -o, --format xlsx apply */
	const void *data;	/* the command's own (vl-add: its file) */
};

struct vl_tool {
	const char *help;	/* --help before the shared options (N_) */
	const char *more;	/* --help after them (N_) */
	bool reports;		/* --help lists the output options */
	const struct vl_command *commands;	/* ended by a NULL name */
};

/* What the command line says, the shared options settled. */
struct vl_cli {
	struct vl_source src;	/* -C ($VL_DIR, "."), --as-of ($VL_AS_OF,
				 * the local date), --input-encoding */
	/* every register read: -C given more than once and --registers FILE
	 * (a roll-up), else src's directory alone */
	struct vl_copy *regs;
	size_t nregs;
	bool rollup;		/* several registers, or --district: a
				 * district column */
	struct vl_outopts out;	/* --format, --excel, --encoding, -o */
	bool format_given;	/* --format or --excel */
	/* a command's own options: the value, "" for one without, NULL
	 * for one not given */
	const char *arg[VL_CLI_KEYS];
	struct vl_filter filter;	/* the command's filters given */
	char **operand;
	int noperand;
	const struct vl_command *command;
};

/* main() of a tool: the language chosen, the command found, its
 * options parsed and checked (a usage error exits 2), run. */
int vl_cli_main(const struct vl_tool *t, int argc, char **argv);
/* "usage: " and the command's usage on stderr; exit VL_BADINPUT */
_Noreturn void vl_cli_usage(const struct vl_cli *c);
/* A command that writes, or reads one register only: a usage error when
 * the command line names several (-C twice, --registers),
 * said as the one or the other (the command's report flag). */
void vl_cli_one_register(const struct vl_cli *c);
/* The index of the word the option of that key was given among its
 * choices, or -1 when it was not given. */
int vl_cli_word(const struct vl_cli *c, int key);
/* The values of the options named after spec's columns (--start-by is
 * start_by), in the spec's order, NULL where not given; free it. */
const char **vl_cli_columns(const struct vl_cli *c,
    const struct vl_filespec *spec);

#endif
