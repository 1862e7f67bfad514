/*
 * cli.c - one command line for the four tools: the command found, its
 * options and the shared ones parsed (getopt_long) and checked, --help
 * put together from the tool's text and the shared options' text.
 *
 * The shared options may stand before the command (vl-add -C DIR init)
 * or after it; --lang counts before any message is written.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <iconv.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "cli/cli.h"
#include "io/csv.h"
#include "register/register.h"

enum {	/* getopt's values of the shared options without a letter */
	OPT_FORMAT = 0x100, OPT_EXCEL, OPT_ENCODING, OPT_INPUT_ENCODING,
	OPT_AS_OF, OPT_VERSION, OPT_LANG, OPT_REGISTERS,
	OPT_OWN	/* + the key of a command's own option */
};

static const struct option shared[] = {
	{"dir", required_argument, NULL, 'C'},
	{"registers", required_argument, NULL, OPT_REGISTERS},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"excel", no_argument, NULL, OPT_EXCEL},
	{"encoding", required_argument, NULL, OPT_ENCODING},
	{"input-encoding", required_argument, NULL, OPT_INPUT_ENCODING},
	{"as-of", required_argument, NULL, OPT_AS_OF},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, OPT_VERSION},
	{"lang", required_argument, NULL, OPT_LANG}
};
#define NSHARED (sizeof shared / sizeof shared[0])
#define SHORT "C:ho:"

/* The shared options' help, written once for every tool. */
static const char help_register[] = N_(
    "options:\n"
    "  -C, --dir DIR            the register (default $VL_DIR, else .);\n"
    "                           given again, a roll-up of several\n"
    "  --registers FILE         a roll-up of the registers FILE names, one\n"
    "                           directory a line (DIR [SEQ:HASH])\n"
    "  --as-of DATE             the day (default $VL_AS_OF, else today)\n");
static const char help_output[] = N_(
    "  --format csv|json|table|xlsx\n"
    "                           the output format (default csv); xlsx:\n"
    "                           an Excel workbook, needs -o\n"
    "  -o, --output FILE        write FILE (whole, or not at all) instead\n"
    "                           of standard output\n"
    "  --excel                  for a spreadsheet: BOM, CRLF, formulas\n"
    "                           made harmless\n"
    "  --encoding utf-8|gb18030 the output encoding\n");
static const char help_common[] = N_(
    "  --input-encoding ENC     utf-8 or gb18030 (default: detected)\n"
    "  --lang en|zh             English or Chinese messages, help and\n"
    "                           table headers (default: $LANGUAGE, else\n"
    "                           $LC_ALL, $LC_MESSAGES, $LANG: zh... is\n"
    "                           Chinese); CSV and JSON keys stay English\n"
    "  -h, --help               this help\n"
    "  --version                the version\n");

static const struct vl_tool *tool;

static int
print_help(void)
{
	fputs(vl_tr(tool->help), stdout);
	fputs(vl_tr(help_register), stdout);
	if (tool->reports)
		fputs(vl_tr(help_output), stdout);
	fputs(vl_tr(help_common), stdout);
	fputs(vl_tr(tool->more), stdout);
	return vl_close_stdout();
}

static int
print_version(void)
{
	printf("%s (vl) %s\n", vl_progname(), VL_VERSION);
	return vl_close_stdout();
}

_Noreturn void
vl_cli_usage(const struct vl_cli *c)
{
	vl_usage(c->command->usage);
}

/* the word of o's that v names, in English or as a Chinese table shows
 * it (--kind 未动工 is --kind not-started); else --NAME: "v" is not one
 * of a, b, c */
static const char *
need_choice(const struct vl_option *o, const char *v)
{
	const char *context = o->context ? o->context : o->name;
	const char *w = vl_word_named(context, o->choices, v);

	if (!w)
		vl_die(VL_BADINPUT, "--%s: \"%s\" is not one of %s", o->name,
		    v, vl_words_said(context, o->choices));
	return w;
}

/* the values of a list option given more than once, joined by commas
 * (--stage started --stage completed) */
static struct vl_buf lists[VL_CLI_KEYS];

/* a command's own option, its value checked against its words */
static void
own_option(struct vl_cli *c, const struct vl_option *o, const char *arg)
{
	char *copy, *save = NULL, *w;

	if (o->key >= VL_FKEY) {	/* a filter: each value one more */
		vl_filter_add(&c->filter, o->key - VL_FKEY, o->choices ?
		    need_choice(o, arg) : arg);
		return;
	}
	if (o->choices && !o->list) {
		arg = need_choice(o, arg);
	} else if (o->choices) {	/* each word as the word it names */
		struct vl_buf *words = &lists[o->key];

		if (!c->arg[o->key])
			words->len = 0;
		copy = vl_xstrdup(arg);
		for (w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL,
		    ",", &save))
			vl_buf_printf(words, "%s%s", words->len ? "," : "",
			    need_choice(o, w));
		free(copy);
		c->arg[o->key] = words->data;
		return;
	}
	if (o->list && c->arg[o->key]) {
		struct vl_buf *joined = &lists[o->key];

		if (c->arg[o->key] != joined->data) {	/* the second one */
			joined->len = 0;
			vl_buf_puts(joined, c->arg[o->key]);
		}
		vl_buf_printf(joined, ",%s", arg);
		arg = joined->data;
	}
	c->arg[o->key] = arg ? arg : "";
}

static bool
known_encoding(const char *e)
{
	return strcasecmp(e, "utf-8") == 0 || strcasecmp(e, "utf8") == 0 ||
	    strcasecmp(e, "gb18030") == 0;
}

static const char *
encoding(int opt, const char *arg)
{
	if (!known_encoding(arg))
		vl_die(VL_BADINPUT, "%s: \"%s\" is not one of utf-8, gb18030",
		    opt == OPT_ENCODING ? "--encoding" : "--input-encoding",
		    arg);
	return arg;
}

/* the registers named, kept for the life of the program as the command
 * line is */
static struct vl_copy *registers;

static void
add_register(struct vl_cli *c, const char *dir, const char *expect,
    const char *where)
{
	registers = vl_xrealloc(registers, (c->nregs + 1) *
	    sizeof *registers);
	c->regs = registers;
	c->regs[c->nregs++] = (struct vl_copy){dir, expect, where};
}

/* "SEQ:HASH": a number, a colon, 64 hex digits (in either case: a head
 * copied by hand or from a mail may come in capitals) */
static bool
head_form(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n > 0 && s[n] == ':' && strlen(s + n + 1) == 64 &&
	    strspn(s + n + 1, "0123456789abcdefABCDEF") == 64;
}

/* the last blank or tab of s, or NULL */
static char *
last_blank(char *s)
{
	char *sp = strrchr(s, ' '), *tab = strrchr(s, '\t');

	return !sp || (tab && tab > sp) ? tab : sp;
}

/* One line of a registers file: DIR, or DIR SEQ:HASH (the head of the
 * audit trail the copy must hold); a relative DIR is taken from the
 * file's directory. */
static void
register_line(struct vl_cli *c, const char *file, long n, char *line,
    const char *base)
{
	char *end = line + strlen(line), *expect = NULL, *sp, *h;
	struct vl_buf dir = {0}, where = {0};

	if (n == 1 && strncmp(line, "\xef\xbb\xbf", 3) == 0)
		line += 3;	/* a BOM, as Notepad writes one */
	while (end > line && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '\r' || end[-1] == '\n'))
		*--end = '\0';
	while (*line == ' ' || *line == '\t')
		line++;
	if (!*line || *line == '#')
		return;
	if ((sp = last_blank(line)) && head_form(sp + 1)) {
		expect = vl_xstrdup(sp + 1);
		for (h = expect; *h; h++)	/* as vl writes heads */
			*h = (char)tolower((unsigned char)*h);
		while (sp > line && (sp[-1] == ' ' || sp[-1] == '\t'))
			sp--;
		*sp = '\0';
	} else if (sp && strchr(sp + 1, ':')) {
		vl_errat(file, n, "head", "\"%s\": a head is SEQ:HASH, the "
		    "seq and the 64 hex digits vl-report audit --head prints",
		    sp + 1);
		return;
	}
	if (line[0] != '/' && strcmp(base, ".") != 0)
		vl_buf_printf(&dir, "%s/", base);
	vl_buf_puts(&dir, line);
	vl_buf_printf(&where, "%s:%ld", file, n);
	add_register(c, dir.data, expect, where.data);
}

/* A line of a list that is not UTF-8 read as GB18030, as a register's
 * files are (SPEC 4): Notepad on a Chinese Windows saves 青山区 so.
 * malloc'd; NULL: neither. */
static char *
utf8_line(const char *line)
{
	size_t in = strlen(line), left = 4 * in + 1;
	char *buf, *ip = (char *)line, *op;
	iconv_t cd;

	if (vl_utf8_valid(line, in))
		return vl_xstrdup(line);
	if ((cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1)
		return NULL;
	op = buf = vl_xcalloc(left, 1);
	if (iconv(cd, &ip, &in, &op, &left) == (size_t)-1) {
		free(buf);
		buf = NULL;
	}
	iconv_close(cd);
	return buf;
}

/* --registers FILE: one register a line; blank lines and # comments
 * skipped.  A bad line is a usage error, every one said. */
static void
read_registers(struct vl_cli *c, const char *file)
{
	bool std_in = strcmp(file, "-") == 0;
	FILE *f = std_in ? stdin : fopen(file, "r");
	char *line = NULL, *copy, *base, *utf8;
	size_t cap = 0, before = c->nregs;
	long n = 0, errors = vl_error_count();

	if (!f)
		vl_die(VL_BADINPUT, "--registers %s: %s", file,
		    strerror(errno));
	/* relative names are the file's neighbours; from stdin, here */
	copy = vl_xstrdup(std_in ? "." : file);
	base = vl_xstrdup(dirname(copy));
	free(copy);
	while (getline(&line, &cap, f) != -1) {
		if ((utf8 = utf8_line(line)))
			register_line(c, file, ++n, utf8, base);
		else
			vl_errat(file, ++n, NULL, "neither UTF-8 nor GB18030: "
			    "save the list as UTF-8");
		free(utf8);
	}
	free(line);
	free(base);
	if (f != stdin)
		fclose(f);
	if (vl_error_count() > errors)
		exit(VL_BADINPUT);
	if (c->nregs == before)
		vl_die(VL_BADINPUT, "--registers %s: no register named", file);
	c->rollup = true;
}

/* A shared option into c; as_of gets --as-of as given.  false: not
 * one (a usage error). */
static bool
shared_option(struct vl_cli *c, int opt, const char *arg, const char **as_of)
{
	static const char *const formats[] = {"csv", "json", "table", "xlsx",
	    NULL};
	static const struct vl_option format = VL_CHOICE("format", 0,
	    formats);

	switch (opt) {
	case 'C':
		add_register(c, arg, NULL, NULL);
		break;
	case OPT_REGISTERS:
		read_registers(c, arg);
		break;
	case OPT_FORMAT:
		need_choice(&format, arg);
		vl_format_parse(arg, &c->out.format);
		c->format_given = true;
		break;
	case 'o':
		c->out.output = arg;
		break;
	case OPT_EXCEL:
		c->out.excel = c->format_given = true;
		break;
	case OPT_ENCODING:
		c->out.encoding = encoding(opt, arg);
		break;
	case OPT_INPUT_ENCODING:
		c->src.encoding = encoding(opt, arg);
		break;
	case OPT_LANG:	/* chosen before any message: choose_language */
		break;
	case OPT_AS_OF:
		*as_of = arg;
		break;
	case 'h':
		exit(print_help());
	case OPT_VERSION:
		exit(print_version());
	default:
		return false;
	}
	return true;
}

/* a file of the register (or its lock, journal, temp files)? */
static bool
register_file(const char *name)
{
	return vl_reg_is_file(name) || strncmp(name, ".vl", 3) == 0;
}

/* --split-by: -o names a directory, never the register's own (a
 * person's file must not land on projects.csv); one missing is made when
 * the report is (nothing made for bad input) */
static void
check_split_dir(struct vl_cli *c)
{
	const char *path = c->out.output;
	struct stat st, rst;
	bool there;
	size_t i;

	if (!path || !*path || strcmp(path, "-") == 0)
		vl_die(VL_BADINPUT, "--split-by: name the directory of the "
		    "files with -o DIR");
	if (!(there = stat(path, &st) == 0) && errno == ENOENT)
		return;
	if (!there || !S_ISDIR(st.st_mode))
		vl_die(VL_BADINPUT, "-o %s: not a directory; --split-by writes "
		    "a file per person into one", path);
	for (i = 0; i < c->nregs; i++)
		if (stat(c->regs[i].dir, &rst) == 0 && rst.st_dev ==
		    st.st_dev && rst.st_ino == st.st_ino)
			vl_die(VL_BADINPUT, "-o %s: the register's directory; "
			    "the files go elsewhere", path);
}

/* is a command's own option of that name given? */
static bool
given(const struct vl_cli *c, const char *name)
{
	const struct vl_option *o;

	for (o = c->command->options; o && o->name; o++)
		if (strcmp(o->name, name) == 0 && o->key < VL_FKEY)
			return c->arg[o->key] != NULL;
	return false;
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
	size_t i;

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
	for (i = 0; i < c->nregs; i++)
		if (stat(c->regs[i].dir, &rst) == 0 && rst.st_dev ==
		    dst.st_dev && rst.st_ino == dst.st_ino && register_file(b))
			vl_die(VL_BADINPUT, "-o %s: a file of the register; "
			    "output is never written over it", path);
	free(dcopy);
	free(bcopy);
}

/* The registers: -C once (or $VL_DIR, or .) is src; several, or a
 * --district filter, are a roll-up, each read as of src's day, in its
 * encoding. */
static void
settle_registers(struct vl_cli *c)
{
	if (c->nregs > 1 || vl_filter_on(&c->filter, VL_FC_DISTRICT))
		c->rollup = true;
	if (c->nregs == 0)
		add_register(c, vl_reg_dirname(NULL), NULL, NULL);
	c->src.dir = c->regs[0].dir;
}

void
vl_cli_one_register(const struct vl_cli *c)
{
	if (!c->rollup)
		return;
	/* a reading command that takes one register (vl-add export) is
	 * not told that several are "for reading" */
	if (c->command->report)
		vl_die(VL_BADINPUT, "%s: reads one register at a time; give "
		    "-C once, without --registers", c->command->name);
	vl_die(VL_BADINPUT, "%s: one register at a time; -C twice and "
	    "--registers are for reading", c->command->name);
}

/* The day, the directory and the output the options name, checked. */
static void
settle(struct vl_cli *c, const char *as_of)
{
	const char *why;
	long seconds;

	if (vl_lock_timeout(&seconds) != 0)
		vl_die(VL_BADINPUT, "VL_LOCK_TIMEOUT: \"%s\" is not a number of "
		    "seconds from 0 to 86400 (how long to wait for the "
		    "register's lock)", getenv("VL_LOCK_TIMEOUT"));
	if (vl_today(as_of, &c->src.as_of, &why) != 0)
		vl_die(VL_BADINPUT, "%s: %s: \"%s\"", as_of ? "--as-of" :
		    "VL_AS_OF", why, as_of ? as_of : getenv("VL_AS_OF"));
	settle_registers(c);
	if (given(c, "split-by"))
		check_split_dir(c);
	else
		check_output(c);
	/* JSON with a byte-order mark is no JSON (RFC 8259) */
	if (c->out.excel && c->out.format == VL_FMT_JSON)
		vl_die(VL_BADINPUT, "--excel is for a spreadsheet (CSV with a "
		    "BOM, CRLF, formulas made text); --format json is for "
		    "programs: give one or the other");
	/* a command that prints no report takes no file to print it to */
	if (!c->command->report && (c->out.output ||
	    c->out.format == VL_FMT_XLSX))
		vl_die(VL_BADINPUT, "%s: -o and --format xlsx are for reports, "
		    "and it prints none", c->command->name);
}

/* getopt_long's table: the command's own options, then the shared; two
 * names of one option (--start_by, --start-by) share its value, so that
 * getopt takes an abbreviation of both as one */
static struct option *
long_options(const struct vl_command *cmd)
{
	const struct vl_option *o = cmd->options;
	size_t n = 0, i;
	struct option *t;

	while (o && o[n].name)
		n++;
	t = vl_xcalloc(n + NSHARED + 1, sizeof *t);
	for (i = 0; i < n; i++) {
		if (o[i].key < 0 || o[i].key >= VL_FKEY + VL_NFC)
			vl_die(VL_SYSFAULT, "internal error: --%s has key %d",
			    o[i].name, o[i].key);
		t[i] = (struct option){o[i].name, o[i].value ?
		    required_argument : no_argument, NULL, OPT_OWN + o[i].key};
	}
	memcpy(t + n, shared, sizeof shared);
	return t;
}

/* the first of a command's options with that key */
static const struct vl_option *
own(const struct vl_command *cmd, int key)
{
	const struct vl_option *o = cmd->options;

	while (o->key != key)
		o++;
	return o;
}

static void
parse(struct vl_cli *c, int argc, char **argv)
{
	struct option *longopts = long_options(c->command);
	const char *as_of = NULL;
	char *command = argv[0];
	struct vl_buf name = {0};
	int opt;

	/* getopt says "vl-add fund: unrecognized option", tool and command */
	vl_buf_printf(&name, "%s %s", vl_progname(), command);
	argv[0] = name.data;
	optind = 1;
	while ((opt = getopt_long(argc, argv, SHORT, longopts, NULL)) != -1)
		if (opt >= OPT_OWN)
			own_option(c, own(c->command, opt - OPT_OWN), optarg);
		else if (!shared_option(c, opt, optarg, &as_of))
			vl_cli_usage(c);
	argv[0] = command;
	vl_buf_free(&name);
	free(longopts);
	c->operand = argv + optind;
	c->noperand = argc - optind;
	if (c->noperand < c->command->min || c->noperand > c->command->max)
		vl_cli_usage(c);
	settle(c, as_of);
}

int
vl_cli_word(const struct vl_cli *c, int key)
{
	const struct vl_option *o;
	int i;

	for (o = c->command->options; o && o->name; o++)
		if (o->key == key && o->choices && c->arg[key])
			for (i = 0; o->choices[i]; i++)
				if (strcmp(o->choices[i], c->arg[key]) == 0)
					return i;
	return -1;
}

const char **
vl_cli_columns(const struct vl_cli *c, const struct vl_filespec *spec)
{
	const char **value = vl_xcalloc(spec->n, sizeof *value);
	const struct vl_option *o;
	char name[64];
	size_t i;

	for (o = c->command->options; o && o->name; o++) {
		if (o->key >= VL_FKEY)	/* a filter sets no field */
			continue;
		snprintf(name, sizeof name, "%s", o->name);
		for (i = 0; name[i]; i++)	/* --start-by: start_by */
			name[i] = name[i] == '-' ? '_' : name[i];
		for (i = 0; i < spec->n; i++)
			if (strcmp(spec->field[i].name, name) == 0 &&
			    c->arg[o->key])
				value[i] = c->arg[o->key];
	}
	return value;
}

/* Does opt, a shared option standing before the command, take the next
 * word as its value? */
static bool
takes_value(const char *opt)
{
	size_t i;

	if (strcmp(opt, "-C") == 0 || strcmp(opt, "-o") == 0)
		return true;
	for (i = 0; i < NSHARED && strncmp(opt, "--", 2) == 0; i++)
		if (strcmp(opt + 2, shared[i].name) == 0)
			return shared[i].has_arg == required_argument;
	return false;
}

/* The shared options may stand before the command (vl-add -C DIR init):
 * move the command word to the front, so that getopt sees them after. */
static const struct vl_command *
find_command(int argc, char **argv, const struct vl_command *cmds)
{
	const struct vl_command *c;
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
				return c;
			}
		return NULL;
	}
	return NULL;
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

/* No command: --help, --version, or a usage error naming the commands. */
static int
no_command(int argc, char **argv, const struct vl_command *cmds)
{
	const struct vl_command *c;
	struct vl_buf names = {0};
	int k;

	for (k = 1; k < argc; k++) {	/* vl-fund -C reg --help */
		if (strcmp(argv[k], "--help") == 0 ||
		    strcmp(argv[k], "-h") == 0)
			return print_help();
		if (strcmp(argv[k], "--version") == 0)
			return print_version();
	}
	for (c = cmds; c->name; c++)
		vl_buf_printf(&names, "%s%s", c == cmds ? "" : "|", c->name);
	for (k = 1; k < argc && argv[k][0] == '-'; k++)
		k += takes_value(argv[k]);
	if (k < argc)
		vl_warn("unknown command \"%s\"", argv[k]);
	fprintf(stderr, vl_tr("usage: %s %s ... (see %s --help)\n"),
	    vl_progname(), names.data, vl_progname());
	vl_buf_free(&names);
	return VL_BADINPUT;
}

/* A roll-up holds each register's lock until it is done: a city's
 * thousands of registers want more open files than the 1024 a shell
 * allows by default, as many as the system lets a process have. */
static void
raise_file_limit(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

int
vl_cli_main(const struct vl_tool *t, int argc, char **argv)
{
	struct vl_cli c;
	int status;

	tool = t;
	vl_alloc_init();
	raise_file_limit();
	vl_setprogname(argv[0]);
	choose_language(argc, argv);
	memset(&c, 0, sizeof c);
	c.out.format = VL_FMT_CSV;
	c.src.as_of = VL_NODATE;
	if (!(c.command = find_command(argc, argv, t->commands)))
		return no_command(argc, argv, t->commands);
	parse(&c, argc - 1, argv + 1);
	if (!t->reports)	/* a tool that writes reads one register */
		vl_cli_one_register(&c);
	status = c.command->run(&c);
	vl_filter_free(&c.filter);
	return status;
}
