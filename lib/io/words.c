/*
 * words.c - the words of a report's values in the reader's language:
 * "late" is 已逾期 in a status column, for people only (output.c asks for
 * table, --excel and xlsx; CSV and JSON keep the word).  The column's
 * name is the message context, so one English word may take two Chinese
 * ones in two columns (po/values.c lists them).  A CHANGES column (the
 * audit's detail: "leader: 苏霞 → 李明; reason: 换人") has its names
 * translated, its values kept.  And how wide a text stands on a terminal,
 * a Chinese character two columns.
 */
#include <locale.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "io/output_priv.h"

/* a word, or a list of them "a;b", in the reader's language */
static const char *
word(const char *column, const char *v, char **tmp)
{
	struct vl_buf b = {0};
	const char *p, *semi;
	char part[128];
	size_t n;

	*tmp = NULL;
	if (!strchr(v, ';'))
		return vl_trc(column, v);
	for (p = v; ; p = semi + 1) {
		semi = strchr(p, ';');
		n = semi ? (size_t)(semi - p) : strlen(p);
		snprintf(part, sizeof part, "%.*s", (int)n, p);
		vl_buf_printf(&b, "%s%s", p == v ? "" : ";",
		    vl_trc(column, part));
		if (!semi)
			break;
	}
	return *tmp = b.data;
}

/* a name of a change, "leader" or "reverses 108" or "columns added",
 * in the reader's language (the column's header), what follows kept */
static void
change_name(struct vl_buf *b, const char *name, size_t n)
{
	char key[64];
	size_t word = strcspn(name, " ");

	snprintf(key, sizeof key, "%.*s", (int)n, name);
	if (strcmp(vl_tr(key), key) != 0 || word >= n) {
		vl_buf_puts(b, vl_tr(key));
		return;
	}
	key[word] = '\0';
	vl_buf_printf(b, "%s%.*s", vl_tr(key), (int)(n - word), name + word);
}

/* Is name..n a change's name, lower-case words and an id after them? */
static bool
is_name(const char *name, size_t n)
{
	size_t word = strspn(name, "abcdefghijklmnopqrstuvwxyz_ ");

	return word > 0 && n < 64 && (word == n ||
	    strspn(name + word, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") ==
	    n - word);
}

/* Is the change named name..n of a column whose values are words of a
 * vocabulary (mode: repair → new), said in the reader's language? */
static bool
vocabulary(const char *name, size_t n)
{
	static const char *const words[] = {"mode", "stage", "kind", "level",
	    "source", "purpose", "phase", "aspect", "result", NULL};
	size_t k;

	for (k = 0; words[k]; k++)
		if (strlen(words[k]) == n && strncmp(name, words[k], n) == 0)
			return true;
	return false;
}

/* v..n, a word of column's vocabulary, in the reader's language */
static void
vocabulary_word(struct vl_buf *b, const char *column, const char *v,
    size_t n)
{
	char word[64];

	if (n == 0 || n >= sizeof word) {
		vl_buf_printf(b, "%.*s", (int)n, v);
		return;
	}
	snprintf(word, sizeof word, "%.*s", (int)n, v);
	vl_buf_puts(b, vl_trc(column, word));
}

/* "OLD → NEW" of a vocabulary's column, each word in the reader's
 * language */
static void
change_words(struct vl_buf *b, const char *column, const char *v, size_t n)
{
	static const char arrow[] = " → ";
	const size_t alen = sizeof arrow - 1;
	size_t k;

	for (k = 0; k + alen <= n; k++)
		if (memcmp(v + k, arrow, alen) == 0) {
			vocabulary_word(b, column, v, k);
			vl_buf_puts(b, arrow);
			vocabulary_word(b, column, v + k + alen, n - k - alen);
			return;
		}
	vocabulary_word(b, column, v, n);
}

/* A change's value as it is, but for the names in it: the columns of
 * "columns added: id voided" and the "amount" of a reversal's "amount
 * -120.00". */
static void
change_value(struct vl_buf *b, bool columns, const char *v, size_t n)
{
	char word[64];
	size_t w;

	if (!columns && n > 7 && strncmp(v, "amount ", 7) == 0) {
		vl_buf_printf(b, "%s%.*s", vl_tr("amount"), (int)(n - 6),
		    v + 6);
		return;
	}
	while (columns && n > 0) {
		w = strcspn(v, " ");
		w = w < n ? w : n;
		snprintf(word, sizeof word, "%.*s", (int)w, v);
		vl_buf_puts(b, vl_tr(word));
		v += w, n -= w;
		if (n > 0)
			vl_buf_puts(b, " "), v++, n--;
	}
	vl_buf_printf(b, "%.*s", (int)n, v);
}

/* "NAME: VALUE; NAME: VALUE" with the names in the reader's language; a
 * part that is not NAME: VALUE (a value holding "; ") is kept */
static const char *
changes(const char *v, char **tmp)
{
	struct vl_buf b = {0};
	const char *p, *semi, *colon;
	size_t n;

	for (p = v; ; p = semi + 2) {
		semi = strstr(p, "; ");
		n = semi ? (size_t)(semi - p) : strlen(p);
		colon = strstr(p, ": ");
		if (p != v)
			vl_buf_puts(&b, "; ");
		if (!colon || colon >= p + n || !is_name(p, colon - p)) {
			vl_buf_printf(&b, "%.*s", (int)n, p);
		} else {
			change_name(&b, p, colon - p);
			vl_buf_puts(&b, ": ");
			if (vocabulary(p, colon - p)) {
				char column[16];

				snprintf(column, sizeof column, "%.*s",
				    (int)(colon - p), p);
				change_words(&b, column, colon + 2,
				    p + n - colon - 2);
			} else {
				change_value(&b, strncmp(p, "columns added: ",
				    15) == 0, colon + 2, p + n - colon - 2);
			}
		}
		if (!semi)
			break;
	}
	return *tmp = b.data ? b.data : vl_xstrdup("");
}

const char *const *
vl_out_words(const struct vl_col *cols, size_t ncols,
    const char *const *values, const char **buf, char **tmp)
{
	size_t i;

	for (i = 0; i < ncols; i++)
		if (!values[i])
			buf[i] = NULL;
		else if (cols[i].type == VL_COL_WORD)
			buf[i] = word(cols[i].name, values[i], &tmp[i]);
		else if (cols[i].type == VL_COL_CHANGES)
			buf[i] = changes(values[i], &tmp[i]);
		else
			buf[i] = values[i];
	return buf;
}

static locale_t utf8;

static void
make_utf8(void)
{
	utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

/* made once, whichever thread measures first (a page's lines are made by
 * two: vl_out_rows) */
static locale_t
utf8_locale(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, make_utf8);
	return utf8;
}

size_t
vl_text_width(const char *s)
{
	locale_t loc = utf8_locale(), old;
	mbstate_t st;
	size_t n = strlen(s), width = 0, k;
	wchar_t wc;
	int w;

	if (!loc)
		return n;
	old = uselocale(loc);
	memset(&st, 0, sizeof st);
	while (n > 0) {
		if ((unsigned char)*s < 0x80) {	/* ASCII: one column */
			width++, s++, n--;
			continue;
		}
		k = mbrtowc(&wc, s, n, &st);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			memset(&st, 0, sizeof st);
			k = 1, w = 1;
		} else {
			w = wcwidth(wc);
		}
		width += w < 0 ? 1 : (size_t)w;
		s += k, n -= k;
	}
	uselocale(old);
	return width;
}
