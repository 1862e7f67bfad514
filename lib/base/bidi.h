/*
 * bidi.h - the invisible characters that reorder text on display
 * (U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069, U+061C): not
 * control characters to Unicode, but a name holding U+202E prints
 * backwards and can make "21" of "12" in a terminal or a browser
 * (Trojan Source).  Wherever text from a file reaches a person, they
 * go the way control characters go.
 */
#ifndef VL_BIDI_H
#define VL_BIDI_H

#include <stddef.h>

/* The length in bytes of the bidirectional control p starts with (as
 * UTF-8), else 0.  p is NUL-terminated. */
static inline size_t
vl_bidi_len(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p[0] == 0xd8 && p[1] == 0x9c)
		return 2;	/* U+061C */
	if (p[0] != 0xe2)
		return 0;
	if (p[1] == 0x80 && (p[2] == 0x8e || p[2] == 0x8f ||
	    (p[2] >= 0xaa && p[2] <= 0xae)))
		return 3;	/* U+200E, U+200F, U+202A-U+202E */
	if (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)
		return 3;	/* U+2066-U+2069 */
	return 0;
}

/* Its code point, for a message: "\u202e" */
static inline unsigned
vl_bidi_code(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p[0] == 0xd8)
		return 0x061c;
	return (p[0] & 0x0fu) << 12 | (p[1] & 0x3fu) << 6 | (p[2] & 0x3fu);
}

#endif
