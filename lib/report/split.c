/*
 * split.c - the daily overdue list split per person or town (vl-report
 * overdue --split-by leader|specialist|town -o DIR), so that cron can
 * mail each their own part: one file each, written whole or not at all,
 * even when it holds no item ("nothing for you today" is news too), and
 * index.csv naming them for a script to loop over.
 *
 * A file is named after its person: the name as it is when it is safe
 * on any file system and in a shell loop, else the name with every
 * unsafe byte made '_' and "~" and 8 hex digits of the name's SHA-256
 * after it, so that two names never share a file and a name always gets
 * the same one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/err.h"
#include "base/groups.h"
#include "base/strbuf.h"
#include "register/audit.h"
#include "report/tables.h"
#include "rules/overdue.h"

#define NAME_MAX_BYTES 64	/* of the name's part of a file name */

static bool
unsafe(unsigned char c)
{
	return c < 0x20 || c == 0x7f || strchr("/\\:*?\"<>|,", c) != NULL;
}

/* name made a file name in buf: see the head of the file */
static void
file_name(const char *name, const char *ext, struct vl_buf *buf)
{
	size_t n = strlen(name), i, start = buf->len;
	char hash[VL_HASH_HEX];
	struct vl_sha256 h;
	bool changed = n == 0 || name[0] == '.' || name[0] == '-' ||
	    strcasecmp(name, "index") == 0;

	if (n > NAME_MAX_BYTES) {	/* cut before a UTF-8 lead byte */
		for (n = NAME_MAX_BYTES; n > 0 &&
		    ((unsigned char)name[n] & 0xc0) == 0x80; n--)
			;
		changed = true;
	}
	for (i = 0; i < n; i++) {
		changed |= unsafe((unsigned char)name[i]);
		vl_buf_add(buf, unsafe((unsigned char)name[i]) ||
		    (i == 0 && (name[0] == '.' || name[0] == '-')) ? "_" :
		    name + i, 1);
	}
	if (buf->len == start)
		vl_buf_puts(buf, "_");
	if (changed) {
		vl_sha256_init(&h);
		vl_sha256_add(&h, name, strlen(name));
		vl_sha256_end(&h, hash);
		vl_buf_printf(buf, "~%.8s", hash);
	}
	vl_buf_printf(buf, ".%s", ext);
}

static const char *
extension(enum vl_format f)
{
	static const char *const ext[] = {"csv", "json", "txt", "xlsx"};

	return ext[f];
}

struct split {
	const struct vl_book *b;
	const struct vl_outopts *o;
	const char *dir;
	enum vl_fcol by;
	struct vl_overdue *list;
	size_t n;
	struct vl_out *index;
};

/* the items of key into DIR/file; how many, *late of them late */
static int
write_one(struct split *s, const char *key, const char *file, long *items,
    long *late)
{
	struct vl_outopts oo = *s->o;
	struct vl_buf path = {0};
	const char *row[VL_NFC];
	struct vl_out *out;
	size_t i;
	int status;

	vl_buf_printf(&path, "%s/%s", s->dir, file);
	oo.output = path.data;
	out = vl_overdue_open(s->b, &oo);
	*items = *late = 0;
	for (i = 0; i < s->n; i++) {
		vl_overdue_frow(&s->list[i], row);
		if (!row[s->by] || strcmp(row[s->by], key) != 0)
			continue;
		vl_overdue_put(out, &s->list[i]);
		++*items;
		*late += s->list[i].status == VL_OD_LATE;
	}
	status = vl_out_close(out);
	vl_buf_free(&path);
	return status;
}


static int
write_index_row(struct split *s, const char *key)
{
	struct vl_buf file = {0};
	char n[2][24];
	const char *v[4];
	long items, late;
	int status;

	file_name(key, extension(s->o->format), &file);
	status = write_one(s, key, file.data, &items, &late);
	snprintf(n[0], sizeof n[0], "%ld", items);
	snprintf(n[1], sizeof n[1], "%ld", late);
	v[0] = key, v[1] = file.data, v[2] = n[0], v[3] = n[1];
	vl_out_row(s->index, v);
	vl_buf_free(&file);
	return status;
}

int
vl_report_overdue_split(const struct vl_book *b, const struct vl_outopts *o,
    long within, const struct vl_filter *f, enum vl_fcol by, bool *found)
{
	struct split s = {b, o, o->output, by, NULL, 0, NULL};
	struct vl_outopts io = {VL_FMT_CSV, false, NULL, NULL, "", NULL, NULL,
	    NULL};
	struct vl_col cols[] = {{vl_filter_names[by], VL_COL_TEXT},
	    {"file", VL_COL_TEXT}, {"items", VL_COL_INT},
	    {"late", VL_COL_INT}};
	struct vl_groups keys = {0};
	const char *row[VL_NFC] = {NULL};
	struct vl_buf path = {0};
	int status = VL_OK, st;
	size_t i;

	s.n = vl_overdue_collect(b, within, &s.list);
	s.n = vl_overdue_filter(s.list, s.n, f);
	for (i = 0, *found = false; i < s.n; i++)
		*found |= vl_overdue_actionable(&s.list[i]);
	/* everyone the projects name, the owners of tasks, then anyone
	 * else an item names; an item of no town (a task) goes to no
	 * town's file */
	for (i = 0; i < b->projects.n; i++)
		if (vl_filter_project(f, &b->projects.v[i])) {
			vl_filter_project_row(row, &b->projects.v[i]);
			vl_groups_add(&keys, row[by], 0, 0);
		}
	for (i = 0; by == VL_FC_LEADER && i < b->ntasks; i++)
		if (vl_filter_task(f, &b->tasks[i]))
			vl_groups_add(&keys, b->tasks[i].owner, 0, 0);
	for (i = 0; i < s.n; i++) {
		vl_overdue_frow(&s.list[i], row);
		if (row[by])
			vl_groups_add(&keys, row[by], 0, 0);
	}
	vl_buf_printf(&path, "%s/index.csv", s.dir);
	io.output = path.data;
	s.index = vl_out_report(&io, "index", b->as_of, 4, cols);
	for (i = 0; i < keys.n; i++)
		if ((st = write_index_row(&s, keys.v[i].key)) != VL_OK &&
		    status == VL_OK)
			status = st;
	/* the index last: a script never finds a file it names missing */
	if ((st = vl_out_close(s.index)) != VL_OK && status == VL_OK)
		status = st;
	vl_groups_free(&keys);
	vl_buf_free(&path);
	free(s.list);
	return status;
}
