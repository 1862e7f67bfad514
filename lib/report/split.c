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
 * the same one.  '~' is unsafe too: a name kept as it is never holds
 * one, so it is never the file another name was made into.
 *
 * A roll-up (SPEC 9) splits a file a district (--split-by district), or
 * a file a person or town of each district in a folder of the district:
 * 张三 of two districts is two people.  Each file is a roll-up's list,
 * the district column first.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/err.h"
#include "base/groups.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "io/csv.h"
#include "register/audit.h"
#include "report/tables.h"
#include "rules/overdue.h"

#include <sys/stat.h>

#define NAME_MAX_BYTES 64	/* of the name's part of a file name */

static bool
unsafe(unsigned char c)
{
	return c < 0x20 || c == 0x7f || strchr("/\\:*?\"<>|,~", c) != NULL;
}

/* name made a file name in buf (ext NULL: a folder's): see the head of
 * the file */
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
	if (ext)
		vl_buf_printf(buf, ".%s", ext);
}

static const char *
extension(enum vl_format f)
{
	static const char *const ext[] = {"csv", "json", "txt", "xlsx"};

	return ext[f];
}

struct part {			/* a register's items */
	const struct vl_book *b;
	const char *district;	/* a roll-up's, else NULL */
	struct vl_overdue *list;
	size_t n;
};

struct split {
	const struct vl_outopts *o;	/* each file's: a roll-up's leads */
	const char *dir;
	enum vl_fcol by;	/* VL_FC_DISTRICT: a file a district */
	struct vl_out *index;
};

static bool
is_key(const struct split *s, const struct vl_overdue *it, const char *key)
{
	const char *row[VL_NFC];

	if (s->by == VL_FC_DISTRICT)
		return true;
	vl_overdue_frow(it, row);	/* a task is of no town: no file */
	return row[s->by] && strcmp(row[s->by], key) == 0;
}

/* DIR/name, a folder of the split (folder) or a file, is one the split
 * may write into or over: not there, or a real folder or regular file,
 * never a symbolic link, a FIFO or a device someone put in its place,
 * which would take the list outside DIR or hang cron.  VL_OK, or
 * VL_SYSFAULT said. */
static int
planted(const struct split *s, const char *name, bool folder)
{
	struct vl_buf path = {0};
	struct stat st;
	int status = VL_OK;

	vl_buf_printf(&path, "%s/%s", s->dir, name);
	if (lstat(path.data, &st) != 0) {
		if (errno != ENOENT) {
			vl_warn("%s: %s", path.data, strerror(errno));
			status = VL_SYSFAULT;
		}
	} else if (folder ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)) {
		vl_warn("%s: %s, not a %s the split writes: refused (nothing "
		    "is written through it; nothing was written)", path.data,
		    vl_file_kind(st.st_mode), folder ? vl_tr("folder") :
		    vl_tr("file"));
		status = VL_SYSFAULT;
	}
	vl_buf_free(&path);
	return status;
}

/* the items of key into DIR/file; how many, *late of them late */
static int
write_one(struct split *s, const struct part *p, const char *key,
    const char *file, long *counts)
{
	struct vl_outopts oo = *s->o;
	struct vl_buf path = {0};
	struct vl_out *out;
	size_t i;
	int status;

	vl_buf_printf(&path, "%s/%s", s->dir, file);
	oo.output = path.data;
	out = vl_overdue_open(p->b, &oo);
	vl_out_lead(out, p->district);
	counts[0] = counts[1] = 0;
	for (i = 0; i < p->n; i++) {
		if (!is_key(s, &p->list[i], key))
			continue;
		vl_overdue_put(out, &p->list[i]);
		counts[0]++;
		counts[1] += p->list[i].status == VL_OD_LATE;
	}
	status = vl_out_close(out);
	vl_buf_free(&path);
	return status;
}

/* a roll-up's folder of a district's files, made when missing */
static int
folder(struct split *s, const struct part *p, struct vl_buf *file)
{
	struct vl_buf path = {0};
	int status = VL_OK;

	file_name(p->district, NULL, file);
	vl_buf_printf(&path, "%s/%s", s->dir, file->data);
	if (mkdir(path.data, 0777) != 0 && errno != EEXIST) {
		vl_warn("%s: cannot make the folder: %s", path.data,
		    strerror(errno));
		status = VL_SYSFAULT;
	}
	vl_buf_puts(file, "/");
	vl_buf_free(&path);
	return status;
}

static int
write_index_row(struct split *s, const struct part *p, const char *key)
{
	struct vl_buf file = {0};
	char n[2][24];
	const char *v[4];
	long counts[2];
	int status = VL_OK;

	if (p->district && s->by != VL_FC_DISTRICT)
		status = folder(s, p, &file);
	file_name(key, extension(s->o->format), &file);
	if (status == VL_OK)
		status = write_one(s, p, key, file.data, counts);
	if (status != VL_OK)
		counts[0] = counts[1] = 0;
	snprintf(n[0], sizeof n[0], "%ld", counts[0]);
	snprintf(n[1], sizeof n[1], "%ld", counts[1]);
	v[0] = key, v[1] = file.data, v[2] = n[0], v[3] = n[1];
	vl_out_lead(s->index, p->district);
	vl_out_row(s->index, v);
	vl_buf_free(&file);
	return status;
}

/* every key of a part: everyone its projects f passes name, the owners
 * of its tasks (by leader), then anyone else an item names; a roll-up's
 * district alone by district */
static void
part_keys(const struct split *s, const struct part *p,
    const struct vl_filter *f, struct vl_groups *keys)
{
	const char *row[VL_NFC] = {NULL};
	size_t i;

	if (s->by == VL_FC_DISTRICT) {
		vl_groups_add(keys, p->district, 0, 0);
		return;
	}
	for (i = 0; i < p->b->projects.n; i++)
		if (vl_filter_project(f, &p->b->projects.v[i])) {
			vl_filter_project_row(row, &p->b->projects.v[i]);
			vl_groups_add(keys, row[s->by], 0, 0);
		}
	for (i = 0; s->by == VL_FC_LEADER && i < p->b->ntasks; i++)
		if (vl_filter_task(f, &p->b->tasks[i]))
			vl_groups_add(keys, p->b->tasks[i].owner, 0, 0);
	for (i = 0; i < p->n; i++) {
		vl_overdue_frow(&p->list[i], row);
		if (row[s->by])
			vl_groups_add(keys, row[s->by], 0, 0);
	}
}

/* every name the split would write under DIR, looked at before any is
 * written: VL_OK, or VL_SYSFAULT with each one in the way said */
static int
check_names(struct split *s, const struct part *p, size_t np,
    const struct vl_filter *f)
{
	int status = planted(s, "index.csv", false), st;
	size_t i, k;

	for (k = 0; k < np; k++) {
		struct vl_groups keys = {0};
		struct vl_buf folder = {0};

		if (p[k].district && s->by != VL_FC_DISTRICT) {
			file_name(p[k].district, NULL, &folder);
			if ((st = planted(s, folder.data, true)) != VL_OK)
				status = st;
			vl_buf_puts(&folder, "/");
		}
		part_keys(s, &p[k], f, &keys);
		for (i = 0; i < keys.n; i++) {
			struct vl_buf file = {0};

			vl_buf_puts(&file, folder.data ? folder.data : "");
			file_name(keys.v[i].key, extension(s->o->format),
			    &file);
			if ((st = planted(s, file.data, false)) != VL_OK)
				status = st;
			vl_buf_free(&file);
		}
		vl_groups_free(&keys);
		vl_buf_free(&folder);
	}
	return status;
}

/* the files of every part, then DIR/index.csv naming them: CSV, for
 * a spreadsheet (--excel) and in the encoding (--encoding) the files
 * are, opened beside them */
static int
split_parts(struct split *s, const struct part *p, size_t np,
    const struct vl_filter *f, vl_date day)
{
	struct vl_outopts io = {VL_FMT_CSV, s->o->excel, s->o->encoding, NULL,
	    "", NULL, s->o->lead && s->by != VL_FC_DISTRICT ? "district" :
	    NULL, NULL, NULL, NULL};
	struct vl_col cols[] = {{vl_filter_names[s->by], VL_COL_TEXT},
	    {"file", VL_COL_TEXT}, {"items", VL_COL_INT},
	    {"late", VL_COL_INT}};
	struct vl_buf path = {0};
	int status = VL_OK, st;
	size_t i, k;

	if (mkdir(s->dir, 0777) != 0 && errno != EEXIST) {
		int e = errno;

		vl_warn("-o %s: cannot make the directory: %s", s->dir,
		    strerror(e));
		/* in a directory that is not there: a usage error, as -o
		 * FILE's is */
		return e == ENOENT ? VL_BADINPUT : VL_SYSFAULT;
	}
	if ((status = check_names(s, p, np, f)) != VL_OK)
		return status;
	vl_buf_printf(&path, "%s/index.csv", s->dir);
	io.output = path.data;
	s->index = vl_out_report(&io, "index", day, 4, cols);
	for (k = 0; k < np; k++) {
		struct vl_groups keys = {0};

		part_keys(s, &p[k], f, &keys);
		for (i = 0; i < keys.n; i++)
			if ((st = write_index_row(s, &p[k], keys.v[i].key)) !=
			    VL_OK && status == VL_OK)
				status = st;
		vl_groups_free(&keys);
	}
	/* the index last: a script never finds a file it names missing */
	if ((st = vl_out_close(s->index)) != VL_OK && status == VL_OK)
		status = st;
	vl_buf_free(&path);
	return status;
}

/* p's list as of its book's day, the items f passes */
static void
part_list(struct part *p, long within, const struct vl_filter *f,
    bool *found)
{
	size_t i;

	p->n = vl_overdue_collect(p->b, within, &p->list);
	p->n = vl_overdue_filter(p->list, p->n, f);
	for (i = 0; i < p->n; i++)
		*found |= vl_overdue_actionable(&p->list[i]);
}

int
vl_report_overdue_split(const struct vl_book *b, const struct vl_outopts *o,
    long within, const struct vl_filter *f, enum vl_fcol by, bool *found)
{
	struct split s = {o, o->output, by, NULL};
	struct part p = {b, NULL, NULL, 0};
	int status;

	*found = false;
	part_list(&p, within, f, found);
	status = split_parts(&s, &p, 1, f, b->as_of);
	free(p.list);
	return status;
}

int
vl_rollup_report_overdue_split(const struct vl_rollup *r,
    const struct vl_outopts *o, long within, const struct vl_filter *f,
    enum vl_fcol by, bool *found)
{
	struct vl_outopts own = vl_outopts_by_district(o);
	struct split s = {&own, o->output, by, NULL};
	struct part *p = vl_xcalloc(r->n + 1, sizeof *p);
	int status;
	size_t i;

	*found = false;
	for (i = 0; i < r->n; i++) {
		p[i] = (struct part){&r->book[i], r->district[i], NULL, 0};
		part_list(&p[i], within, f, found);
	}
	status = split_parts(&s, p, r->n, f, r->as_of);
	for (i = 0; i < r->n; i++)
		free(p[i].list);
	free(p);
	return status;
}
