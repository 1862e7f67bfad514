/*
 * i18n.h - Chinese for people, English for machines (GNU gettext):
 * messages, --help and what the human formats show (headers, words,
 * details) are translated, CSV and JSON keys and values never.
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
/* a value word of a vocabulary (a column's name, say "status"): the same
 * English word may need another Chinese one in another column */
const char *vl_trc(const char *context, const char *msgid);
/* msgid translated for a human format (table, --excel, xlsx, the
 * summary), as it is for a machine one (CSV, JSON) */
const char *vl_tr_if(bool human, const char *msgid);
/* the Chinese of msgid whatever the language (a Chinese header read
 * back, the Chinese briefing); msgid itself when there is none */
const char *vl_tr_zh(const char *context, const char *msgid);
/* one or many (days, rows): English's two forms, one in Chinese */
const char *vl_trn(long n, const char *one, const char *many);
/* marks a value word of a vocabulary for the catalogue */
#define NC_(context, s) s

#endif
