/*
 * csv_encoding.c - which encoding a CSV file is in: what the caller
 * names, else UTF-8 when its first block reads as UTF-8 (or its first 64
 * Chinese characters do), else GB18030 (what Chinese Excel writes),
 * converted to UTF-8 with iconv.
 */
#include <iconv.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "base/err.h"
#include "io/csv_priv.h"


/* the end of the ASCII from s[i] on */
static inline size_t
ascii_end(const unsigned char *s, size_t i, size_t n)
{
	uint64_t w;

	for (; i + 8 <= n; i += 8) {	/* eight bytes at a time */
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080u)
			break;
	}
	while (i < n && s[i] < 0x80)
		i++;
	return i;
}

size_t
vl_csv_utf8_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0, k;

	while ((i = ascii_end(s, i, n)) < n) {
		if ((k = utf8_char(s + i, n - i)) == 0)
			return i;
		i += k;
	}
	return i;
}

bool
vl_utf8_valid(const char *s, size_t n)
{
	return vl_csv_utf8_prefix((const unsigned char *)s, n) == n;
}

/* Multi-byte UTF-8 characters less bytes that are not UTF-8: GB18030
 * text scores below zero, UTF-8 with a stray byte well above it (and may
 * well be valid GB18030 too, which must not turn its Chinese into other
 * Chinese). */
static long
utf8_score(const unsigned char *s, size_t n)
{
	long score = 0;
	size_t ok, i;

	for (;;) {
		ok = vl_csv_utf8_prefix(s, n);
		for (i = 0; i < ok; i++)
			score += (s[i] & 0xc0) == 0xc0;	/* a lead byte */
		if (ok == n)
			return score;
		score--;
		s += ok + 1, n -= ok + 1;
	}
}

/*
 * Enough to tell UTF-8 by: this many characters of three bytes or four
 * (Chinese) from the block's start, all read as UTF-8.  ASCII tells
 * nothing either way; 930 of GB18030's two-byte Chinese characters read
 * as UTF-8's two-byte ones (卢, C2 AC, as U+00AC), but as three-byte ones
 * hardly, and not 64 in a row.  A journal with a note a row is told in
 * its first rows, not validated a byte at a time over its first block
 * (as the fast path validates it again); the files of a roll-up's
 * registers, each smaller than a block, were validated whole twice.
 */
#define TELLING 64

/* Do the first TELLING characters of three bytes or four at s read as
 * UTF-8?  (A count of its own: one in vl_csv_utf8_prefix would cost the
 * reader on every line.) */
static bool
chinese_reads_as_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0, k, chars = 0;

	while (chars < TELLING && (i = ascii_end(s, i, n)) < n) {
		if ((k = utf8_char(s + i, n - i)) == 0)
			return false;
		i += k;
		chars += k >= 3;
	}
	return chars == TELLING;
}

static bool
reads_as_utf8(const unsigned char *s, size_t n, bool more)
{
	size_t ok;

	if (chinese_reads_as_utf8(s, n))
		return true;
	ok = vl_csv_utf8_prefix(s, n);
	/* a block may end inside a character */
	return ok == n || (more && n - ok < 4) || utf8_score(s, n) > 0;
}

void
vl_csv_decide_encoding(struct reader *r, const char *s, size_t n, bool more)
{
	const char *name = r->opts ? r->opts->encoding : NULL;

	if (name && (strcasecmp(name, "utf-8") == 0 ||
	    strcasecmp(name, "utf8") == 0)) {
		r->enc = ENC_UTF8;
		return;
	}
	if (!name && r->gb_bom)
		name = "GB18030";
	if (!name) {
		if (reads_as_utf8((const unsigned char *)s, n, more)) {
			r->enc = ENC_UTF8;
			return;
		}
		name = "GB18030";
	}
	r->cd = iconv_open("UTF-8", name);
	if (r->cd == (iconv_t)-1)
		vl_die(VL_BADINPUT, "%s: unknown input encoding", name);
	r->enc = ENC_ICONV;
}
