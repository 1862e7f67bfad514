/*
 * test_strbuf.c - the set of strings kept once (vl_strset_intern): the
 * same text gives the same copy, however many texts and whatever their
 * hashes, and the empty text is "".  A block grown past 2 MiB (into
 * huge pages, strbuf.c) keeps every byte it had.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "vl.h"

static void
test_intern_once(void **state)
{
	struct vl_strset set = {0};
	struct vl_arena a = {0};
	char buf[32];
	char *first[5000];
	size_t i;

	(void)state;
	/* enough to grow the table many times over */
	for (i = 0; i < 5000; i++) {
		snprintf(buf, sizeof buf, "青山镇%zu", i);
		first[i] = vl_strset_intern(&set, &a, buf);
		assert_string_equal(first[i], buf);
		assert_ptr_not_equal(first[i], buf);	/* a copy */
	}
	assert_int_equal(set.n, 5000);
	for (i = 0; i < 5000; i++) {
		snprintf(buf, sizeof buf, "青山镇%zu", i);
		assert_ptr_equal(vl_strset_intern(&set, &a, buf), first[i]);
	}
	assert_int_equal(set.n, 5000);	/* nothing new */
	assert_string_equal(vl_strset_intern(&set, &a, ""), "");
	assert_int_equal(set.n, 5000);
	assert_true(4 * set.n <= 3 * set.nslot);
	vl_strset_free(&set);
	assert_null(set.slot);
	/* the strings outlive the table */
	assert_string_equal(first[4999], "青山镇4999");
	vl_arena_free(&a);
}

/* bytes [from, to) of p hold their index mod 251 */
static void
fill(unsigned char *p, size_t from, size_t to)
{
	for (; from < to; from++)
		p[from] = (unsigned char)(from % 251);
}

static bool
filled(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != (unsigned char)(i % 251))
			return false;
	return true;
}

static void
test_grow_big(void **state)
{
	size_t sizes[] = {1000, 1 << 20, (2 << 20) - 100, 3 << 20, 9 << 20,
	    40 << 20, 5 << 20, 100};
	unsigned char *p = NULL;
	size_t i, had = 0;

	(void)state;
	vl_alloc_init();
	/* from the heap into mappings of their own, grown and shrunk */
	for (i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		p = vl_xrealloc(p, sizes[i]);
		assert_true(filled(p, had < sizes[i] ? had : sizes[i]));
		fill(p, 0, sizes[i]);
		had = sizes[i];
	}
	free(p);
	p = vl_xcalloc(3 << 20, 1);
	assert_int_equal(p[(3 << 20) - 1], 0);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_intern_once),
		cmocka_unit_test(test_grow_big),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
