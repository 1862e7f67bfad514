/*
 * audit-verify - a test helper: is a register's audit.csv whole?
 *
 *   audit-verify [-c] DIR
 *
 * Unless -c (the chain only, for a reader racing writers), asks
 * vl_audit_outside_edits whether every file is what the tools last left
 * (finishing first a commit an interruption left after its commit
 * point); then walks the hash chain with vl_audit_read (seq 1, 2, ...
 * and every hash its predecessor's and its own fields').  Prints "audit: N lines" and
 * exits 0; 1 on a break or an outside edit; 2 when audit.csv cannot be
 * read as CSV.  Until vl-report audit exists, the tests use this.
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
	long n = 0, broken = 0, edits = 0;
	int status;

	vl_setprogname(argv[0]);
	if (argc != 2 + chain_only)
		vl_usage("audit-verify [-c] DIR");
	vl_reg_open(&reg, argv[argc - 1]);
	/* first, as it finishes a commit an interruption left half done */
	if (!chain_only)
		edits = vl_audit_outside_edits(&reg);
	status = vl_audit_read(&reg, &a, on_line, &n, &broken);
	vl_audit_free(&a);
	if (status == VL_OK && broken)
		vl_warn("%s/audit.csv:%ld: the chain is broken here",
		    reg.dir, broken);
	vl_reg_close(&reg);
	if (status != VL_OK)
		return status;
	printf("audit: %ld lines\n", n);
	return broken || edits ? VL_FINDINGS : vl_close_stdout();
}
