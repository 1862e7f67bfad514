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
/* the word of words that v names, as it is or in the Chinese a table
 * shows it in (已动工 for started, context "stage"); NULL: none */
const char *vl_word_named(const char *context, const char *const *words,
    const char *v);
/* words for a message, each with its Chinese under --lang zh (as
 * either is read): "新建（new）、改扩建（expand）", or "new, expand";
 * newly allocated */
char *vl_words_said(const char *context, const char *const *words);
/* one or many (days, rows): English's two forms, one in Chinese */
const char *vl_trn(long n, const char *one, const char *many);
/* marks a value word of a vocabulary for the catalogue */
#define NC_(context, s) s

#endif
