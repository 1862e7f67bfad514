/*
 * i18n.h - Chinese for people, English for machines (GNU gettext):
 * messages, --help and table headers are translated, CSV and JSON keys
 * and values never.
 */
#ifndef VL_I18N_H
#define VL_I18N_H

#include <stdbool.h>

/* marks a string for the catalogue without translating it there */
#define N_(s) s
/* lang "zh", "en", or NULL for the environment; -1 for another value */
int vl_i18n_init(const char *lang);
/* the translation of a message, --help text or column header */
const char *vl_tr(const char *msgid);

#endif
