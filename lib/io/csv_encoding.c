/*
 * csv_encoding.c - which encoding a CSV file is in: what the caller
 * names, else UTF-8 when its first block reads as UTF-8 (its first 64 KiB
 * when they hold Chinese), else GB18030
 * (what Chinese Excel writes), converted to UTF-8 with iconv.
 */
#include <iconv.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "base/err.h"
#include "io/csv_priv.h"


size_t
vl_csv_utf8_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0, k;
	uint64_t w;

	while (i < n) {
		if (i + 8 <= n) {	/* eight ASCII bytes at a time */
			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080u) == 0) {
				i += 8;
				continue;
			}
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
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

/* Enough of a block to tell UTF-8 by: 64 KiB that read as UTF-8 with
 * characters beyond ASCII in them (GB18030's Chinese does not read as
 * UTF-8 for long).  A register of a roll-up is small: its files are
 * each within their first block, and were checked whole twice. */
#define TELLING ((size_t)64 << 10)

static bool
reads_as_utf8(const unsigned char *s, size_t n, bool more)
{
	size_t head = n < TELLING ? n : TELLING, ok, i;

	if (head < n && vl_csv_utf8_prefix(s, head) == head)
		for (i = 0; i < head; i++)
			if (s[i] >= 0x80)
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
