/*
 * book_priv.h - a book made by hand, as the tests make one; not libvl's
 * interface (vl_book_load makes the book and its index).
 */
#ifndef VL_BOOK_PRIV_H
#define VL_BOOK_PRIV_H

#include "register/book.h"

/* The index of insp by project, made again from the inspections'
 * project ids. */
void vl_book_index(struct vl_book *b);

#endif
