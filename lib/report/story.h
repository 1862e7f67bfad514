/*
 * story.h - a project's whole story, as text for a clerk (vl-inspect
 * show).
 */
#ifndef VL_STORY_H
#define VL_STORY_H

#include <stddef.h>

#include "base/strbuf.h"
#include "register/book.h"

/* The project an argument names: a project id, else the project of an
 * inspection id; -1 if neither. */
long vl_story_project(const struct vl_book *b, const char *arg);
/* Project i of a book loaded with plan, projects, progress and
 * inspections, as of its day, appended to s: its people, budget and
 * deadlines, its stage and the day each step was reached, its
 * inspections, and its warnings (the overdue list's, and what its
 * history shows). */
void vl_story(const struct vl_book *b, size_t i, struct vl_buf *s);

#endif
