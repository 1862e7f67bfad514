/*
 * i18n.c - Chinese for people, English for machines (GNU gettext).
 *
 * Messages, --help and what table, --excel, xlsx, the summary, show and
 * the briefing show (headers, the words of values, details) are
 * translated; CSV and JSON keys and values never are, so scripts never
 * break.  The language comes from --lang, else $LANGUAGE, else the first
 * set of $LC_ALL, $LC_MESSAGES, $LANG: Chinese when it starts with "zh".
 * Under cron's empty environment everything is English.
 *
 * Only LC_MESSAGES is ever set, and to C.UTF-8 with $LANGUAGE naming the
 * catalogue: so a machine that never generated the zh_CN locale still
 * gets Chinese, and numbers, sorting and widths never follow a locale.
 */
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/strbuf.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

static bool chinese;

static char *
copy_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static const char *
language_from_environment(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	const char *v = getenv("LANGUAGE");
	size_t i;

	if (v && *v)
		return v;
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++)
		if ((v = getenv(vars[i])) && *v)
			return v;
	return "";
}

/* $VL_LOCALEDIR, else the build tree beside the binary (build/X/bin/..
 * /locale, so bin/vl-add works uninstalled), else the installed one. */
static const char *
catalogue_dir(void)
{
	static char dir[4200];
	static const char *found;	/* once: a briefing asks per row */
	const char *env = getenv("VL_LOCALEDIR");
	char exe[4000], probe[4300], *slash;
	ssize_t n;

	if (env && *env)
		return env;
	if (found)
		return found;
	found = LOCALEDIR;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			snprintf(dir, sizeof dir, "%s/../locale", exe);
			snprintf(probe, sizeof probe,
			    "%s/zh_CN/LC_MESSAGES/vl.mo", dir);
			if (access(probe, R_OK) == 0)
				found = dir;
		}
	}
	return found;
}

int
vl_i18n_init(const char *lang)
{
	if (!lang)
		lang = language_from_environment();
	else if (strcmp(lang, "zh") != 0 && strcmp(lang, "en") != 0)
		return -1;
	chinese = lang[0] == 'z' && lang[1] == 'h';
	if (!chinese)
		return 0;
	setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", "zh_CN", 1);
	bindtextdomain("vl", catalogue_dir());
	bind_textdomain_codeset("vl", "UTF-8");
	return 0;
}

const char *
vl_tr(const char *msgid)
{
	return chinese && *msgid ? dgettext("vl", msgid) : msgid;
}

const char *
vl_trc(const char *context, const char *msgid)
{
	char key[256];
	const char *t;

	if (!chinese || !*msgid ||
	    (size_t)snprintf(key, sizeof key, "%s\004%s", context, msgid) >=
	    sizeof key)
		return msgid;
	t = dgettext("vl", key);
	return t == key ? msgid : t;
}

/* The catalogue read with Chinese chosen for a moment: LC_MESSAGES and
 * $LANGUAGE as vl_i18n_init sets them, then as they were. */
static const char *
chinese_anyway(const char *key)
{
	const char *was = setlocale(LC_MESSAGES, NULL), *lang;
	char *locale = copy_or_null(was), *language;
	const char *t;

	lang = getenv("LANGUAGE");
	language = copy_or_null(lang);
	setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", "zh_CN", 1);
	bindtextdomain("vl", catalogue_dir());
	bind_textdomain_codeset("vl", "UTF-8");
	t = dgettext("vl", key);
	if (language)
		setenv("LANGUAGE", language, 1);
	else
		unsetenv("LANGUAGE");
	setlocale(LC_MESSAGES, locale ? locale : "C");
	free(language);
	free(locale);
	return t;
}

/*
 * The Chinese of the few words vl_tr_zh is asked for (kinds, aspects,
 * levels...) kept once found: under --lang en each asking sets the
 * locale and the environment twice, and a briefing asks for every row.
 */
#define ZH_KEPT 128
static struct {
	char *key;
	const char *zh;		/* NULL: the catalogue has none */
} zh_kept[ZH_KEPT];
static size_t nzh_kept;

/* key's Chinese (NULL: none) for *zh once found; false: not asked yet */
static bool
chinese_kept(const char *key, const char **zh)
{
	size_t i;

	for (i = 0; i < nzh_kept; i++)
		if (strcmp(zh_kept[i].key, key) == 0) {
			*zh = zh_kept[i].zh;
			return true;
		}
	return false;
}

const char *
vl_tr_zh(const char *context, const char *msgid)
{
	char key[256];
	const char *t;

	if (!*msgid || (size_t)snprintf(key, sizeof key, "%s%s%s",
	    context ? context : "", context ? "\004" : "", msgid) >=
	    sizeof key)
		return msgid;
	if (chinese)
		t = dgettext("vl", key);
	else if (chinese_kept(key, &t))
		return t ? t : msgid;
	else {
		t = chinese_anyway(key);
		if (nzh_kept < ZH_KEPT) {
			zh_kept[nzh_kept].key = vl_xstrdup(key);
			zh_kept[nzh_kept++].zh = t == key ? NULL : t;
		}
	}
	return t == key ? msgid : t;
}

const char *
vl_trn(long n, const char *one, const char *many)
{
	if (chinese)
		return dngettext("vl", one, many, (unsigned long)(n < 0 ? -n :
		    n));
	return n == 1 ? one : many;
}

const char *
vl_tr_if(bool human, const char *msgid)
{
	return human ? vl_tr(msgid) : msgid;
}
