/*
 * test_cli.c - the one command line of the four tools: a command found
 * wherever the shared options stand, its options and operands parsed
 * and checked, a usage error (exit 2, "usage: ...") for anything else.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "vl.h"

enum { K_NAME, K_BY, K_CHECK, K_STAGE, K_START };

static const char *const by_words[] = {"town", "project", NULL};

static const struct vl_option go_options[] = {
	VL_VALUE("name", K_NAME), VL_CHOICE("by", K_BY, by_words),
	VL_FLAG("check", K_CHECK),
	{"stage", true, K_STAGE, vl_project_stages, true, NULL},
	VL_VALUE("start_by", K_START), VL_VALUE("start-by", K_START),
	VL_END_OPTIONS
};

static struct vl_cli seen;	/* what the command was given */

static int
run(struct vl_cli *c)
{
	seen = *c;
	return 7;
}

static const struct vl_command commands[] = {
	{"go", run, "vl-x go [--by town|project] [FILE]", go_options, 0, 1,
	    true, NULL},
	{"quiet", run, "vl-x quiet", NULL, 0, 0, false, NULL},
	{NULL, NULL, NULL, NULL, 0, 0, false, NULL}
};

static const struct vl_tool tool = {"usage: vl-x COMMAND\n\n",
    "\nthe end\n", true, commands};

/* vl_cli_main on argv (NULL-terminated); its status */
static int
main_of(const char **words)
{
	static char *argv[32];
	int argc;

	for (argc = 0; words[argc]; argc++)
		argv[argc] = (char *)words[argc];
	argv[argc] = NULL;
	return vl_cli_main(&tool, argc, argv);
}

/* the same in a child, its exit status; stdout and stderr to *out */
static int
child(const char **words, char **out)
{
	char path[] = "/tmp/vl-cli.XXXXXX";
	struct vl_buf b = {0};
	int fd = mkstemp(path), status;
	pid_t pid;

	assert_true(fd >= 0);
	fflush(NULL);
	if ((pid = fork()) == 0) {
		dup2(fd, 1);
		dup2(fd, 2);
		exit(main_of(words));
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	close(fd);
	assert_int_equal(vl_slurp(path, path, &b), VL_OK);
	unlink(path);
	*out = b.data;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void
test_options(void **state)
{
	const char *argv[] = {"vl-x", "-C", "/tmp", "--as-of", "2023-06-15",
	    "go", "--by", "project", "file.csv", "--check", "--name", "N",
	    NULL};

	(void)state;
	assert_int_equal(main_of(argv), 7);
	assert_string_equal(seen.command->name, "go");
	assert_string_equal(seen.src.dir, "/tmp");
	assert_int_equal(seen.src.as_of, vl_date_from_ymd(2023, 6, 15));
	assert_string_equal(seen.arg[K_BY], "project");
	assert_int_equal(vl_cli_word(&seen, K_BY), 1);
	assert_string_equal(seen.arg[K_CHECK], "");
	assert_string_equal(seen.arg[K_NAME], "N");
	assert_null(seen.arg[K_STAGE]);
	assert_int_equal(vl_cli_word(&seen, K_STAGE), -1);
	assert_int_equal(seen.noperand, 1);
	assert_string_equal(seen.operand[0], "file.csv");
	assert_int_equal(seen.out.format, VL_FMT_CSV);
	assert_false(seen.format_given);
}

static void
test_lists_and_columns(void **state)
{
	const char *argv[] = {"vl-x", "go", "--stage", "started",
	    "--stage=completed,accepted", "--start-by", "2023-01-31",
	    "--format", "table", NULL};
	const char **value;
	size_t i;

	(void)state;
	assert_int_equal(main_of(argv), 7);
	assert_string_equal(seen.arg[K_STAGE], "started,completed,accepted");
	assert_true(seen.format_given);
	assert_int_equal(seen.out.format, VL_FMT_TABLE);
	/* the option named after a column, either spelling */
	value = vl_cli_columns(&seen, &vl_projects_spec);
	for (i = 0; i < vl_projects_spec.n; i++)
		if (strcmp(vl_projects_spec.field[i].name, "start_by") == 0)
			assert_string_equal(value[i], "2023-01-31");
		else
			assert_null(value[i]);
	free(value);
}

static void
usage_error(const char **argv, const char *said)
{
	char *out;

	assert_int_equal(child(argv, &out), VL_BADINPUT);
	if (!strstr(out, said))
		fail_msg("\"%s\" not said in:\n%s", said, out);
	free(out);
}

static void
test_refused(void **state)
{
	const char *choice[] = {"vl-x", "go", "--by", "village", NULL};
	const char *stage[] = {"vl-x", "go", "--stage", "started,built", NULL};
	const char *many[] = {"vl-x", "go", "a", "b", NULL};
	const char *none[] = {"vl-x", "quiet", "extra", NULL};
	const char *unknown[] = {"vl-x", "go", "--colour", NULL};
	const char *xlsx[] = {"vl-x", "go", "--format", "xlsx", NULL};
	const char *report[] = {"vl-x", "quiet", "-o", "/tmp/x.csv", NULL};
	const char *day[] = {"vl-x", "go", "--as-of", "2023-02-30", NULL};
	const char *command[] = {"vl-x", "-C", "/tmp", "stop", NULL};

	(void)state;
	usage_error(choice, "--by: \"village\" is not one of town, project");
	usage_error(stage, "--stage: \"built\" is not one of registered, "
	    "reviewed, started, completed, accepted");
	usage_error(many, "usage: vl-x go [--by town|project] [FILE]");
	usage_error(none, "usage: vl-x quiet");
	usage_error(unknown, "usage: vl-x go");
	usage_error(xlsx, "--format xlsx: name the file with -o FILE");
	usage_error(report, "quiet: -o and --format xlsx are for reports");
	usage_error(day, "--as-of: no such day: \"2023-02-30\"");
	usage_error(command, "unknown command \"stop\"");
	usage_error(command, "usage: vl-x go|quiet ... (see vl-x --help)");
}

/* the tool's text around the shared options' text, wherever --help is */
static void
test_help(void **state)
{
	const char *before[] = {"vl-x", "-C", "/tmp", "--help", NULL};
	const char *after[] = {"vl-x", "go", "--by", "town", "-h", NULL};
	char *a, *b;

	(void)state;
	assert_int_equal(child(before, &a), 0);
	assert_int_equal(child(after, &b), 0);
	assert_string_equal(a, b);
	assert_true(strncmp(a, "usage: vl-x COMMAND\n\noptions:\n", 30) == 0);
	assert_non_null(strstr(a, "  --format csv|json|table|xlsx\n"));
	assert_non_null(strstr(a, "  --version                the version\n"
	    "\nthe end\n"));
	free(a);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_lists_and_columns),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_help),
	};

	unsetenv("VL_AS_OF");
	unsetenv("VL_DIR");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
