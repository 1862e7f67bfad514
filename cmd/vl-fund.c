/*
 * vl-fund - not written yet; see its issue.
 */
#include "vl.h"

static const char help[] =
    "usage: vl-fund COMMAND [OPTIONS]\n";

static int
not_yet(int argc, char **argv)
{
	(void)argc;
	vl_die(VL_BADINPUT, "%s: not implemented yet", argv[0]);
}

static const struct vl_subcmd cmds[] = {
	{"help", not_yet, ""},
	{NULL, NULL, NULL}
};

int
main(int argc, char **argv)
{
	return vl_cli_dispatch(argc, argv, cmds, help);
}
