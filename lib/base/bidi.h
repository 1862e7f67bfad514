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

/* The length in bytes of the character p starts with when it is not
 * to reach a person as it is: a control character (C0, DEL, C1 as
 * UTF-8) or a bidirectional control; else 0 (and 0 at the NUL).  Each
 * caller treats it its own way (escaped, a blank, '?').  p is
 * NUL-terminated. */
static inline size_t
vl_unsafe_len(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if ((p[0] && p[0] < 0x20) || p[0] == 0x7f)
		return 1;
	if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
		return 2;
	return vl_bidi_len(s);
}

/* The code point of the character vl_unsafe_len() measured, for a
 * message: "\u202e" */
static inline unsigned
vl_unsafe_code(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p[0] < 0x80)
		return p[0];
	if (p[0] < 0xe0)	/* C1, U+061C */
		return (p[0] & 0x1fu) << 6 | (p[1] & 0x3fu);
	return (p[0] & 0x0fu) << 12 | (p[1] & 0x3fu) << 6 | (p[2] & 0x3fu);
}

#endif
