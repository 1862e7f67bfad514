/*
 * cli.h - what every tool's command line shares: -C, --format, --excel,
 * --encoding, --input-encoding, --as-of, -o, --lang, --help, --version,
 * and the table of subcommands.
 */
#ifndef VL_CLI_H
#define VL_CLI_H

#include <getopt.h>

#include "base/date.h"
#include "io/output.h"

#define VL_VERSION "0.1.0"

enum {
	VL_OPT_FORMAT = 0x100, VL_OPT_EXCEL, VL_OPT_ENCODING,
	VL_OPT_INPUT_ENCODING, VL_OPT_AS_OF, VL_OPT_VERSION, VL_OPT_LANG,
	VL_OPT_TOOL	/* first free value for a tool's own options */
};

/* the long options every tool takes; end a tool's table with these */
#define VL_CLI_OPTIONS \
	{"dir", required_argument, NULL, 'C'}, \
	{"format", required_argument, NULL, VL_OPT_FORMAT}, \
	{"excel", no_argument, NULL, VL_OPT_EXCEL}, \
	{"encoding", required_argument, NULL, VL_OPT_ENCODING}, \
	{"input-encoding", required_argument, NULL, VL_OPT_INPUT_ENCODING}, \
	{"as-of", required_argument, NULL, VL_OPT_AS_OF}, \
	{"output", required_argument, NULL, 'o'}, \
	{"help", no_argument, NULL, 'h'}, \
	{"version", no_argument, NULL, VL_OPT_VERSION}, \
	{"lang", required_argument, NULL, VL_OPT_LANG}, \
	{NULL, 0, NULL, 0}
#define VL_CLI_SHORT "C:ho:"

struct vl_cli {
	const char *dir;	/* resolved: -C, $VL_DIR, "." */
	struct vl_outopts out;
	vl_date today;		/* --as-of, $VL_AS_OF, the local date */
	const char *as_of;	/* as given, or NULL */
};

struct vl_subcmd {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;	/* after "tool name " */
};

/* defaults for c; call before parsing */
void vl_cli_init(struct vl_cli *c);
/* Handle a shared option: 1 if it was one, 0 if not.  --help prints
 * help to stdout and exits 0; a bad value is a usage error (exit 2). */
int vl_cli_option(struct vl_cli *c, int opt, const char *arg,
    const char *help);
/* after parsing: fixes today and the directory; exits 2 on a bad date,
 * on --format xlsx without -o, and on -o to no directory or over a
 * register file */
void vl_cli_done(struct vl_cli *c);
/* for a command that prints no report: -o and --format xlsx are usage
 * errors (exit 2) */
void vl_cli_no_records(const struct vl_cli *c, const char *command);
/* main() of a tool with subcommands */
int vl_cli_dispatch(int argc, char **argv, const struct vl_subcmd *cmds,
    const char *help);
/* the encoding register files are read in when not UTF-8 (NULL: auto) */
extern const char *vl_input_encoding;


#endif
