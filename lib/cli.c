/*
 * cli.c - the command line every tool shares: -C, --format, --excel,
 * --encoding, --input-encoding, --as-of, -o, --help, --version, and the
 * subcommand table.
 */
#include <getopt.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "vl.h"

void
vl_cli_init(struct vl_cli *c)
{
	memset(c, 0, sizeof *c);
	c->out.format = VL_FMT_CSV;
	c->today = VL_NODATE;
}

static bool
known_encoding(const char *e)
{
	return strcasecmp(e, "utf-8") == 0 || strcasecmp(e, "utf8") == 0 ||
	    strcasecmp(e, "gb18030") == 0;
}

int
vl_cli_option(struct vl_cli *c, int opt, const char *arg, const char *help)
{
	switch (opt) {
	case 'C':
		c->dir = arg;
		return 1;
	case VL_OPT_FORMAT:
		if (vl_format_parse(arg, &c->out.format) != 0)
			vl_die(VL_BADINPUT, "--format: \"%s\" is not one of "
			    "csv, json, table, xlsx", arg);
		return 1;
	case 'o':
		c->out.output = arg;
		return 1;
	case VL_OPT_EXCEL:
		c->out.excel = true;
		return 1;
	case VL_OPT_ENCODING:
	case VL_OPT_INPUT_ENCODING:
		if (!known_encoding(arg))
			vl_die(VL_BADINPUT, "%s: \"%s\" is not one of utf-8, "
			    "gb18030", opt == VL_OPT_ENCODING ? "--encoding" :
			    "--input-encoding", arg);
		if (opt == VL_OPT_ENCODING)
			c->out.encoding = arg;
		else
			vl_input_encoding = arg;
		return 1;
	case VL_OPT_LANG:
		if (vl_i18n_init(arg) != 0)
			vl_die(VL_BADINPUT, "--lang: \"%s\" is not one of en, zh",
			    arg);
		return 1;
	case VL_OPT_AS_OF:
		c->as_of = arg;
		return 1;
	case 'h':
		fputs(vl_tr(help), stdout);
		exit(vl_close_stdout());
	case VL_OPT_VERSION:
		printf("%s (vl) %s\n", vl_progname(), VL_VERSION);
		exit(vl_close_stdout());
	}
	return 0;
}

/* a file of the register (or its lock, journal, temp files)? */
static bool
register_file(const char *name)
{
	return vl_reg_is_file(name) || strncmp(name, ".vl", 3) == 0;
}

/* -o FILE: into a directory there is, never over a directory or a file
 * of the register; a workbook only to a file, never to stdout */
static void
check_output(struct vl_cli *c)
{
	const char *path = c->out.output, *d, *b;
	char *dcopy, *bcopy;
	struct stat st, dst, rst;
	bool exists;

	if (path && strcmp(path, "-") == 0)
		path = c->out.output = NULL;
	if (!path) {
		if (c->out.format == VL_FMT_XLSX)
			vl_die(VL_BADINPUT, "--format xlsx: name the file with "
			    "-o FILE (a workbook is never written to stdout)");
		return;
	}
	if (!*path)
		vl_die(VL_BADINPUT, "-o: an empty file name");
	exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode))
		vl_die(VL_BADINPUT, "-o %s: a directory, not a file", path);
	if (exists && !S_ISREG(st.st_mode) && c->out.format == VL_FMT_XLSX)
		vl_die(VL_BADINPUT, "-o %s: not a regular file; a workbook is "
		    "written to a file", path);
	d = dirname(dcopy = vl_xstrdup(path));	/* may return static "." */
	if (stat(d, &dst) != 0 || !S_ISDIR(dst.st_mode))
		vl_die(VL_BADINPUT, "-o %s: no directory \"%s\" to write it in",
		    path, d);
	b = basename(bcopy = vl_xstrdup(path));
	if (stat(c->dir, &rst) == 0 && rst.st_dev == dst.st_dev &&
	    rst.st_ino == dst.st_ino && register_file(b))
		vl_die(VL_BADINPUT, "-o %s: a file of the register; output is "
		    "never written over it", path);
	free(dcopy);
	free(bcopy);
}

void
vl_cli_done(struct vl_cli *c)
{
	const char *why;

	long seconds;

	c->dir = vl_reg_dirname(c->dir);
	if (vl_lock_timeout(&seconds) != 0)
		vl_die(VL_BADINPUT, "VL_LOCK_TIMEOUT: \"%s\" is not a number of "
		    "seconds from 0 to 86400 (how long to wait for the "
		    "register's lock)", getenv("VL_LOCK_TIMEOUT"));
	if (vl_today(c->as_of, &c->today, &why) != 0)
		vl_die(VL_BADINPUT, "%s: %s: \"%s\"", c->as_of ? "--as-of" :
		    "VL_AS_OF", why, c->as_of ? c->as_of : getenv("VL_AS_OF"));
	check_output(c);
}

void
vl_cli_no_records(const struct vl_cli *c, const char *command)
{
	if (c->out.output || c->out.format == VL_FMT_XLSX)
		vl_die(VL_BADINPUT, "%s: -o and --format xlsx are for reports, "
		    "and it prints none", command);
}

static bool
takes_value(const char *opt)
{
	static const char *const with_value[] = {"-C", "--dir", "--format",
	    "--encoding", "--input-encoding", "--as-of", "-o", "--output",
	    "--lang", NULL};

	return vl_in(with_value, opt);
}

/* The shared options may stand before the command (vl-add -C DIR init):
 * move the command word to the front, so that getopt sees them after. */
static int
find_command(int argc, char **argv, const struct vl_subcmd *cmds)
{
	const struct vl_subcmd *c;
	int i;

	for (i = 1; i < argc; i++) {
		if (argv[i][0] == '-') {
			i += takes_value(argv[i]);
			continue;
		}
		for (c = cmds; c->name; c++)
			if (strcmp(c->name, argv[i]) == 0) {
				char *word = argv[i];

				memmove(argv + 2, argv + 1, (size_t)(i - 1) *
				    sizeof *argv);
				argv[1] = word;
				return (int)(c - cmds);
			}
		return -1;
	}
	return -1;
}

/* Before any message: --lang wherever it stands, else the environment. */
static void
choose_language(int argc, char **argv)
{
	const char *lang = NULL;
	int i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			lang = argv[++i];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			lang = argv[i] + 7;
	if (vl_i18n_init(lang) != 0) {
		vl_i18n_init(NULL);
		vl_die(VL_BADINPUT, "--lang: \"%s\" is not one of en, zh", lang);
	}
}

int
vl_cli_dispatch(int argc, char **argv, const struct vl_subcmd *cmds,
    const char *help)
{
	const struct vl_subcmd *c;
	struct vl_buf names = {0};
	int k;

	vl_setprogname(argv[0]);
	choose_language(argc, argv);
	if ((k = find_command(argc, argv, cmds)) >= 0)
		return cmds[k].run(argc - 1, argv + 1);
	for (k = 1; k < argc; k++) {	/* vl-fund -C reg --help */
		if (strcmp(argv[k], "--help") == 0 ||
		    strcmp(argv[k], "-h") == 0) {
			fputs(vl_tr(help), stdout);
			return vl_close_stdout();
		}
		if (strcmp(argv[k], "--version") == 0) {
			printf("%s (vl) %s\n", vl_progname(), VL_VERSION);
			return vl_close_stdout();
		}
	}
	for (c = cmds; c->name; c++)
		vl_buf_printf(&names, "%s%s", c == cmds ? "" : "|", c->name);
	for (k = 1; k < argc && argv[k][0] == '-'; k++)
		k += takes_value(argv[k]);
	if (k < argc)
		vl_warn("unknown command \"%s\"", argv[k]);
	fprintf(stderr, vl_tr("usage: %s %s ... (see %s --help)\n"),
	    vl_progname(),
	    names.data, vl_progname());
	vl_buf_free(&names);
	return VL_BADINPUT;
}
