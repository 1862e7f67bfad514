/*
 * fuzz_plan.c - libFuzzer target: the plan loader (jansson underneath,
 * then every check of plan.c) on any bytes.
 */
#include <stdint.h>

#include "vl.h"

/* its messages a line at a time (stderr is closed: -close_fd_mask=2) */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	vl_setprogname((*argv)[0]);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vl_plan p;

	if (vl_plan_load_mem((const char *)data, size, "fuzz", &p) == VL_OK) {
		(void)vl_plan_has_purpose(&p, "construction");
		(void)vl_plan_funding_of(&p, "district");
	}
	vl_plan_free(&p);
	return 0;
}
