/*
 * audit-verify - a test helper: is a register's audit.csv whole?
 *
 *   audit-verify [-c] DIR
 *
 * Under the reader's lock (finishing first a commit an interruption left
 * after its commit point), unless -c (the chain only), asks
 * vl_audit_outside_edits whether every file is what the tools last
 * left; then walks the hash chain with vl_audit_read (seq 1, 2, ... and
 * every hash its predecessor's and its own fields') and checks that the
 * trail reaches its head (.vl-head).  Prints "audit: N lines" and exits
 * 0; 1 on a break, a trail short of its head or an outside edit; 2 when
 * audit.csv cannot be read as CSV; 3 on a fault (a file not regular).
 */
#include <stdlib.h>
#include <string.h>

#include "vl.h"

static int
on_line(const struct vl_record *r, bool broken, void *ctx)
{
	long *n = ctx;

	(void)r;
	(void)broken;
	(*n)++;
	return 0;
}

int
main(int argc, char **argv)
{
	struct vl_reg reg;
	struct vl_audit a;
	bool chain_only = argc == 3 && strcmp(argv[1], "-c") == 0;
	struct vl_trail t;
	long n = 0, broken = 0, edits = 0;
	int status, trail = 0;

	vl_setprogname(argv[0]);
	if (argc != 2 + chain_only)
		vl_usage("audit-verify [-c] DIR");
	vl_reg_open(&reg, argv[argc - 1]);
	/* as a reader: finishes a commit an interruption left half done,
	 * and no writer commits while the trail is read */
	if ((status = vl_reg_lock_shared(&reg)) != VL_OK) {
		vl_reg_close(&reg);
		return status;
	}
	if (!chain_only)
		edits = vl_audit_outside_edits(&reg);
	status = vl_audit_read(&reg, &a, on_line, &n, &broken);
	if (status == VL_OK && broken)
		vl_warn("%s/audit.csv:%ld: the chain is broken here",
		    reg.dir, broken);
	/* the trail reaches its head, .vl-head */
	if (status == VL_OK && vl_trail_check(&reg, &a, &t) != VL_TRAIL_OK) {
		vl_trail_say(&reg, &t, false);
		trail = 1;
	}
	vl_audit_free(&a);
	vl_reg_close(&reg);
	if (status != VL_OK)
		return status;
	printf("audit: %ld lines\n", n);
	return broken || edits || trail ? VL_FINDINGS : vl_close_stdout();
}
