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
#include <pthread.h>
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
	const char *env = getenv("VL_LOCALEDIR");
	char exe[4000], probe[4300], *slash;
	ssize_t n;

	if (env && *env)
		return env;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			snprintf(dir, sizeof dir, "%s/../locale", exe);
			snprintf(probe, sizeof probe,
			    "%s/zh_CN/LC_MESSAGES/vl.mo", dir);
			if (access(probe, R_OK) == 0)
				return dir;
		}
	}
	return LOCALEDIR;
}

/*
 * The catalogue's Chinese under --lang en (the briefing's words, values
 * read back in Chinese).  gettext takes the language from LANGUAGE, so
 * it says zh_CN for that moment, then what it said before; the thread
 * takes a locale of its own for its messages (uselocale), never the
 * process's.  One thread at a time, and LANGUAGE is in the environment
 * from the start (empty, as good as unset, when it was not), so that
 * setting it only replaces a value: threads that read the environment
 * meanwhile (a roll-up's registers are read by several) see one or the
 * other.  What was found is kept: a briefing asks for every row.
 */
static locale_t zh_messages;
static pthread_once_t zh_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t zh_lock = PTHREAD_MUTEX_INITIALIZER;

#define ZH_KEPT 128
static struct {
	char *key;
	const char *zh;		/* NULL: the catalogue has none */
} zh_kept[ZH_KEPT];
static size_t nzh_kept;

static void
zh_ready(void)
{
	if (!getenv("LANGUAGE"))
		setenv("LANGUAGE", "", 1);
	bindtextdomain("vl", catalogue_dir());
	bind_textdomain_codeset("vl", "UTF-8");
	/* getopt_long's messages (unknown option...) are the C library's:
	 * under the C locale's ASCII their Chinese came out as '?' */
	bind_textdomain_codeset("libc", "UTF-8");
	zh_messages = newlocale(LC_MESSAGES_MASK, "C.UTF-8", (locale_t)0);
}

/* key's Chinese, NULL when there is none; under zh_lock */
static const char *
zh_of(const char *key)
{
	const char *now = getenv("LANGUAGE");
	char *language = strdup(now ? now : "");
	locale_t was;
	const char *t;

	if (!zh_messages || !language) {
		free(language);
		return NULL;
	}
	setenv("LANGUAGE", "zh_CN", 1);
	was = uselocale(zh_messages);
	t = dgettext("vl", key);
	uselocale(was);
	setenv("LANGUAGE", language, 1);
	free(language);
	return t == key ? NULL : t;
}

/* key's Chinese, NULL when there is none */
static const char *
chinese_anyway(const char *key)
{
	const char *t;
	size_t i;

	pthread_once(&zh_once, zh_ready);
	pthread_mutex_lock(&zh_lock);
	for (i = 0; i < nzh_kept; i++)
		if (strcmp(zh_kept[i].key, key) == 0)
			break;
	if (i < nzh_kept) {
		t = zh_kept[i].zh;
	} else {
		t = zh_of(key);
		if (nzh_kept < ZH_KEPT) {
			zh_kept[nzh_kept].key = strdup(key);
			zh_kept[nzh_kept].zh = t;
			nzh_kept += zh_kept[nzh_kept].key != NULL;
		}
	}
	pthread_mutex_unlock(&zh_lock);
	return t;
}

int
vl_i18n_init(const char *lang)
{
	if (!lang)
		lang = language_from_environment();
	else if (strcmp(lang, "zh") != 0 && strcmp(lang, "en") != 0)
		return -1;
	chinese = lang[0] == 'z' && lang[1] == 'h';
	pthread_once(&zh_once, zh_ready);	/* before any thread */
	if (chinese) {
		setlocale(LC_MESSAGES, "C.UTF-8");
		setenv("LANGUAGE", "zh_CN", 1);
	}
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

const char *
vl_tr_zh(const char *context, const char *msgid)
{
	char key[256];
	const char *t;

	if (!*msgid || (size_t)snprintf(key, sizeof key, "%s%s%s",
	    context ? context : "", context ? "\004" : "", msgid) >=
	    sizeof key)
		return msgid;
	if (!chinese)
		return (t = chinese_anyway(key)) ? t : msgid;
	t = dgettext("vl", key);
	return t == key ? msgid : t;
}

const char *
vl_word_named(const char *context, const char *const *words, const char *v)
{
	const char *const *w;

	for (w = words; *w; w++)
		if (strcmp(v, *w) == 0)
			return *w;
	for (w = words; *w; w++)
		if (strcmp(v, vl_tr_zh(context, *w)) == 0)
			return *w;
	return NULL;
}

char *
vl_words_said(const char *context, const char *const *words)
{
	struct vl_buf list = {0};
	const char *zh;

	for (; *words; words++) {
		if (list.len)
			vl_buf_puts(&list, vl_tr(", "));
		if (strcmp((zh = vl_trc(context, *words)), *words) != 0)
			vl_buf_printf(&list, vl_tr("%s (%s)"), zh, *words);
		else
			vl_buf_puts(&list, *words);
	}
	return list.data ? list.data : vl_xstrdup("");
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
