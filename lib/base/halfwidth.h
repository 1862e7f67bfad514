/*
 * halfwidth.h - what a Chinese input method types in a number: the
 * full-width forms (１２３４，５．０ －：) read as the ASCII they stand for.
 */
#ifndef VL_HALFWIDTH_H
#define VL_HALFWIDTH_H

/* s with every full-width form (U+FF01..U+FF5E: digits, letters, ，．－：)
 * as its ASCII and the ideographic blank U+3000 as a blank; malloc'd,
 * or NULL when s holds none. */
char *vl_halfwidth(const char *s);

#endif
