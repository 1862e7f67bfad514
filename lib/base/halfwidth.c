/*
 * halfwidth.c - full-width forms as ASCII.  A Chinese input method left
 * in full-width mode types １２３４，５ for 1234,5: the same keys, other
 * code points.  Amounts, dates and ids are read through this, so what
 * the clerk meant is what is stored (in ASCII, as always).
 */
#include <stdlib.h>
#include <string.h>

#include "base/halfwidth.h"
#include "base/strbuf.h"

/* the ASCII of the full-width character at s (3 bytes), or 0 */
static char
ascii_of(const unsigned char *s)
{
	unsigned cp;

	if (s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80)
		return ' ';	/* U+3000, the ideographic blank */
	if (s[0] != 0xef || (s[1] != 0xbc && s[1] != 0xbd) ||
	    (s[2] & 0xc0) != 0x80)
		return 0;
	cp = 0xf000 | (unsigned)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
	/* U+FF01..U+FF5E stand for 0x21..0x7e, 0xfee0 apart */
	return cp >= 0xff01 && cp <= 0xff5e ? (char)(cp - 0xfee0) : 0;
}

char *
vl_halfwidth(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out = NULL, *o = NULL, c;

	for (; *p; p++) {
		c = p[0] >= 0xe3 && p[1] && p[2] ? ascii_of(p) : 0;
		if (c && !out) {	/* the first: copy what came before */
			out = vl_xmalloc(strlen(s) + 1);
			memcpy(out, s, (size_t)((const char *)p - s));
			o = out + ((const char *)p - s);
		}
		if (c) {
			*o++ = c;
			p += 2;
		} else if (out) {
			*o++ = (char)*p;
		}
	}
	if (out)
		*o = '\0';
	return out;
}
