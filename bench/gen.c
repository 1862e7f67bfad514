/*
 * gen.c - the benchmark's data: a national register, or a long fund
 * journal, in the register's own format, the same bytes on every run.
 *
 *   gen register DIR [-p PROJECTS] [-f FUNDS] [-i INSPECTIONS] [-g PROGRESS]
 *       plan.json, projects.csv, funds.csv, inspections.csv, progress.csv
 *       (default: 600000 projects, 6000000 fund rows, 3000000 inspections,
 *       1200000 progress rows), consistent as of 2023-06-15 but for a few
 *       planted findings, as a region rolling up its counties would hold.
 *   gen journal FILE [-r ROWS] [-p PROJECTS] [-n] [-q]
 *       a journal in the form of funds.csv, every row with a level (default
 *       5000000 rows, about 100 bytes each); -n puts the note column first,
 *       -q quotes some amounts with thousands separators.
 *
 * What spreadsheets do to such files is in them too: some notes hold commas
 * or quotes (so are quoted), and in the register (or with -q) some amounts
 * are quoted with thousands separators ("36,940.00").  Money is integer
 * fen here as everywhere.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static uint64_t seed = 0x7673686f7273u;	/* fixed: the same data every run */

/* splitmix64 */
static uint64_t
rnd(void)
{
	uint64_t z = (seed += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* uniform in [0, n) */
static uint64_t
below(uint64_t n)
{
	return rnd() % n;
}

static const char *const syll[] = {
	"青", "山", "河", "口", "石", "桥", "东", "岭", "松", "林", "红", "星",
	"新", "华", "金", "沙", "白", "云", "龙", "泉", "平", "安", "长", "乐",
	"兴", "隆", "双", "溪", "柳", "塘", "高", "峰", "南", "湖", "北", "坪",
	"清", "水", "凤", "凰", "马", "鞍", "桃", "源", "和", "顺", "永", "福",
	"大", "同", "西", "岸", "黄", "土", "梅", "花", "明", "月", "古", "城"
};
#define NSYLL (sizeof syll / sizeof syll[0])

static const char *const surname[] = {
	"韦", "黄", "蓝", "覃", "莫", "廖", "蒙", "陆", "李", "王", "张", "刘",
	"陈", "杨", "赵", "周", "吴", "胡", "郭", "罗"
};
#define NSURNAME (sizeof surname / sizeof surname[0])

static const char *const phrase[] = {
	"中央专项资金", "自治区财政配套", "市级配套资金", "区财政资金",
	"党费补助", "主体工程进度款", "办公桌椅采购", "电脑投影设备",
	"门窗安装", "屋面防水", "地面硬化", "水电安装", "外墙涂料",
	"围墙大门", "标识标牌", "消防器材", "会议桌椅", "档案柜"
};
#define NPHRASE (sizeof phrase / sizeof phrase[0])

static int
chance(unsigned per_mille)
{
	return below(1000) < per_mille;
}

static void
name2(FILE *f, const char *suffix)
{
	fprintf(f, "%s%s%s", syll[below(NSYLL)], syll[below(NSYLL)], suffix);
}

static void
person(FILE *f)
{
	fprintf(f, "%s%s", surname[below(NSURNAME)], syll[below(NSYLL)]);
	if (chance(600))
		fputs(syll[below(NSYLL)], f);
}

/* plain yuan, or quoted with thousands separators as Excel writes them */
static void
amount(FILE *f, int64_t fen, int quoted_per_mille)
{
	uint64_t y = (uint64_t)(fen < 0 ? -fen : fen) / 100;
	unsigned c = (unsigned)((fen < 0 ? -fen : fen) % 100);
	char digits[32], grouped[48];
	size_t n, i, o = 0;

	if (!chance((unsigned)quoted_per_mille) || y < 1000) {
		fprintf(f, "%s%" PRIu64 ".%02u", fen < 0 ? "-" : "", y, c);
		return;
	}
	n = (size_t)snprintf(digits, sizeof digits, "%" PRIu64, y);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	fprintf(f, "\"%s%s.%02u\"", fen < 0 ? "-" : "", grouped, c);
}

/* free text: mostly plain, some with a comma or quotes (so quoted) */
static void
note(FILE *f, long batch)
{
	const char *a = phrase[below(NPHRASE)], *b = phrase[below(NPHRASE)];
	unsigned r = (unsigned)below(1000);

	unsigned v = (unsigned)below(1000000);

	if (r < 30)
		fprintf(f, "\"%s,%s第%ld批 凭证%06u\"", a, b, batch, v);
	else if (r < 35)
		fprintf(f, "\"按\"\"%s\"\"拨付,第%ld批 凭证%06u\"", a, batch, v);
	else if (r < 600)
		fprintf(f, "%s%s第%ld批 凭证%06u", a, b, batch, v);
	else
		fprintf(f, "%s第%ld批 凭证%06u", a, batch, v);
}

/* ---- dates ------------------------------------------------------------- */

/* days since 1970-01-01 and back (Howard Hinnant's algorithms) */
static long
days(int y, int m, int d)
{
	long yy = y - (m <= 2), era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;

	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void
date(FILE *f, long z)
{
	long era, doe, yoe, doy, mp, y, m, d;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y = yoe + era * 400 + (m <= 2);
	fprintf(f, "%04ld-%02ld-%02ld", y, m, d);
}

/* a day in [from, from + span) */
static long
day_in(long from, long span)
{
	return from + (long)below((uint64_t)span);
}

static FILE *
create(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (!(f = fopen(path, "w"))) {
		perror(path);
		exit(1);
	}
	setvbuf(f, NULL, _IOFBF, 1 << 20);
	return f;
}

static void
finish(FILE *f)
{
	if (fclose(f) != 0) {
		perror("gen: write");
		exit(1);
	}
}

/* ---- a national register ---------------------------------------------- */

struct reg {
	long projects, funds, insp, progress;
	int64_t *budget;
	int64_t total;
	long *completed;	/* day of completion, or -1 */
};

static const char *const levels[] = {"central", "region", "city",
    "district"};
/* shares of the total in 1/10000: the seed's 168.46 : 16.24 of 184.7 */
static const int64_t upper_share = 9121;

static void
projects(struct reg *g, const char *dir)
{
	FILE *f = create(dir, "projects.csv");
	static const char *const modes[] = {"new", "expand", "repair"};
	long i, ntowns = g->projects / 15 + 1;

	fputs("id,town,village,leader,specialist,budget,mode,area,start_by,"
	    "complete_by\n", f);
	g->budget = calloc((size_t)g->projects, sizeof *g->budget);
	for (i = 0; i < g->projects; i++) {
		long town = (long)below((uint64_t)ntowns);

		g->budget[i] = (int64_t)(30000 + below(50001)) * 100;
		g->total += g->budget[i];
		fprintf(f, "P%06ld,%s%s%ld镇,", i + 1, syll[town % NSYLL],
		    syll[town / NSYLL % NSYLL], town / (NSYLL * NSYLL));
		name2(f, "村,");
		if (!chance(3))
			person(f);
		fputc(',', f);
		if (!chance(3))
			person(f);
		fputc(',', f);
		amount(f, g->budget[i], 0);
		fprintf(f, ",%s,%d,", modes[below(3)], 80 + (int)below(321));
		if (chance(50))
			date(f, days(2023, 1, 31));
		fputc(',', f);
		if (chance(50))
			date(f, days(2023, 8, 31));
		fputc('\n', f);
	}
	finish(f);
}

static void
plan(const struct reg *g, const char *dir)
{
	FILE *f = create(dir, "plan.json");
	int64_t upper = g->total / 10000 * upper_share;

	fprintf(f, "{\n  \"name\": \"村级组织活动场所建设(全国汇总)\",\n"
	    "  \"villages\": %ld,\n  \"start_by\": \"2022-12-31\",\n"
	    "  \"complete_by\": \"2023-05-31\",\n", g->projects);
	fprintf(f, "  \"total\": \"%" PRId64 ".%02d\",\n  \"funding\": [\n",
	    g->total / 100, (int)(g->total % 100));
	fprintf(f, "    {\"name\": \"中央、自治区、市\", \"levels\": "
	    "[\"central\", \"region\", \"city\"], \"amount\": \"%" PRId64
	    ".%02d\"},\n", upper / 100, (int)(upper % 100));
	fprintf(f, "    {\"name\": \"区\", \"levels\": [\"district\"], "
	    "\"amount\": \"%" PRId64 ".%02d\"}\n  ],\n", (g->total - upper) / 100,
	    (int)((g->total - upper) % 100));
	fputs("  \"purposes\": [\"construction\", \"equipment\"]\n}\n", f);
	finish(f);
}

/* One fund row; level, project, purpose may be NULL. */
static int quoted_amounts = 20;	/* per mille */

static void
fund(FILE *f, long id, long day, const char *kind, const char *level,
    const char *source, long project, const char *purpose, int64_t fen,
    int note_first)
{
	if (note_first) {
		note(f, id % 97 + 1);
		fputc(',', f);
	}
	fprintf(f, "%ld,", id);
	date(f, day);
	fprintf(f, ",%s,%s,%s,", kind, level ? level : "", source ? source : "");
	if (project >= 0)
		fprintf(f, "P%06ld", project + 1);
	fprintf(f, ",%s,", purpose ? purpose : "");
	amount(f, fen, quoted_amounts);
	if (!note_first) {
		fputc(',', f);
		note(f, id % 97 + 1);
	}
	fputc('\n', f);
}

/* receipts: each funding line in nrows parts that add up to it exactly */
static long
receipts(const struct reg *g, FILE *f, long nrows)
{
	int64_t upper = g->total / 10000 * upper_share;
	int64_t line[2] = {upper, g->total - upper}, left, part;
	long id = 0, k, n;
	int l;

	for (l = 0; l < 2; l++) {
		n = l == 0 ? nrows * 3 / 4 : nrows - nrows * 3 / 4;
		left = line[l];
		for (k = 0; k < n; k++) {
			part = k + 1 == n ? left : line[l] / n;
			left -= part;
			fund(f, ++id, day_in(days(2022, 8, 1), 90), "receipt",
			    l == 0 ? levels[k % 3] : levels[3],
			    chance(900) ? "finance" : "party_fee", -1, NULL,
			    part, 0);
		}
	}
	return id;
}

static void
funds(struct reg *g, const char *dir)
{
	FILE *f = create(dir, "funds.csv");
	long id, i, nrec = 1000, nexp, stride = 7919, p;
	int64_t spent;

	fputs("id,date,kind,level,source,project,purpose,amount,note\n", f);
	id = receipts(g, f, nrec);
	for (i = 0; i < g->projects; i++)
		fund(f, ++id, day_in(days(2022, 11, 1), 50), "allocation",
		    NULL, NULL, i, NULL, g->budget[i], 0);
	nexp = g->funds - id;
	/* every project gets its share of the expenses, none overspent but
	 * the few planted below */
	for (i = 0; i < nexp; i++) {
		p = (long)((uint64_t)i * (uint64_t)stride % (uint64_t)g->projects);
		spent = g->budget[p] / 12 - (int64_t)below(1000) * 100;
		if (i < 3)
			spent = g->budget[p] + 100;	/* overspent */
		fund(f, ++id, day_in(days(2022, 12, 1), 240), "expense", NULL,
		    NULL, p, i == 3 ? "furniture" : chance(800) ?
		    "construction" : "equipment", spent, 0);
	}
	finish(f);
}

static void
progress(struct reg *g, const char *dir)
{
	FILE *f = create(dir, "progress.csv");
	long i, n = 0, start;

	fputs("date,project,stage,note\n", f);
	g->completed = calloc((size_t)g->projects, sizeof *g->completed);
	for (i = 0; i < g->projects && n < g->progress; i++) {
		g->completed[i] = -1;
		if (chance(40))
			continue;	/* never started */
		start = day_in(days(2022, 11, 20), 60);
		date(f, start);
		fprintf(f, ",P%06ld,started,\n", i + 1);
		n++;
		if (chance(300) || n >= g->progress)
			continue;
		g->completed[i] = day_in(start + 90, 150);
		date(f, g->completed[i]);
		fprintf(f, ",P%06ld,completed,竣工\n", i + 1);
		n++;
	}
	for (; i < g->projects; i++)
		g->completed[i] = -1;
	for (; n < g->progress; n++) {	/* a start recorded twice */
		date(f, day_in(days(2022, 12, 1), 60));
		fprintf(f, ",P%06ld,started,复工\n", (long)below((uint64_t)
		    g->projects) + 1);
	}
	finish(f);
}

static void
inspection(FILE *f, long id, long day, long project, const char *phase,
    const char *aspect, int fail)
{
	fprintf(f, "%ld,", id);
	date(f, day);
	fprintf(f, ",P%06ld,%s,%s,%s,", project + 1, phase, aspect,
	    fail ? "fail" : "pass");
	if (fail) {
		fprintf(f, "%s不合格,", phrase[below(NPHRASE)]);
		date(f, day + 15 + (long)below(30));
		fputc(',', f);
		if (chance(700))
			date(f, day + 10 + (long)below(40));
	} else {
		fputs(",,", f);
	}
	fputc(',', f);
	person(f);
	fputc('\n', f);
}

static void
inspections(const struct reg *g, const char *dir)
{
	static const char *const aspects[] = {"quality", "progress", "funds",
	    "safety"};
	FILE *f = create(dir, "inspections.csv");
	long id = 0, i, p;

	fputs("id,date,project,phase,aspect,result,finding,due,closed,"
	    "inspector\n", f);
	for (i = 0; i < g->projects && id < g->insp; i++)
		inspection(f, ++id, day_in(days(2022, 11, 1), 25), i, "review",
		    "quality", chance(20));
	for (i = 0; i < g->projects && id < g->insp; i++)
		if (g->completed[i] >= 0)
			inspection(f, ++id, g->completed[i] + (long)below(40),
			    i, "acceptance", "quality", chance(80));
	while (id < g->insp) {
		p = (long)below((uint64_t)g->projects);
		inspection(f, ++id, day_in(days(2022, 12, 15), 180), p,
		    "check", aspects[below(4)], chance(100));
	}
	finish(f);
}

/* ---- a long journal ----------------------------------------------------- */

static void
journal(const char *path, long rows, long nprojects, int note_first)
{
	FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "w");
	static const char *const kinds[] = {"receipt", "allocation", "expense"};
	long id;
	int k;

	if (!f) {
		perror(path);
		exit(1);
	}
	setvbuf(f, NULL, _IOFBF, 1 << 20);
	fputs(note_first ? "note,id,date,kind,level,source,project,purpose,"
	    "amount\n" : "id,date,kind,level,source,project,purpose,amount,"
	    "note\n", f);
	for (id = 1; id <= rows; id++) {
		k = chance(300) ? 0 : chance(300) ? 1 : 2;
		fund(f, id, day_in(days(2022, 8, 1), 330), kinds[k],
		    levels[below(4)], k == 0 ? "finance" : NULL,
		    k == 0 ? -1 : (long)below((uint64_t)nprojects),
		    k == 2 ? chance(800) ? "construction" : "equipment" : NULL,
		    (int64_t)(1000 + below(5000000)), note_first);
	}
	finish(f);
}

static void
usage(void)
{
	fputs("usage: gen register DIR [-p N] [-f N] [-i N] [-g N]\n"
	    "       gen journal FILE [-r ROWS] [-p PROJECTS] [-n] [-q]\n",
	    stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	struct reg g = {600000, 6000000, 3000000, 1200000, NULL, 0, NULL};
	long rows = 5000000;
	int c, note_first = 0, is_reg;

	if (argc < 3)
		usage();
	is_reg = strcmp(argv[1], "register") == 0;
	if (!is_reg && strcmp(argv[1], "journal") != 0)
		usage();
	optind = 3;
	if (!is_reg)
		g.projects = 500000;
	if (!is_reg)
		quoted_amounts = 0;
	while ((c = getopt(argc, argv, "p:f:i:g:r:nq")) != -1)
		switch (c) {
		case 'p': g.projects = atol(optarg); break;
		case 'f': g.funds = atol(optarg); break;
		case 'i': g.insp = atol(optarg); break;
		case 'g': g.progress = atol(optarg); break;
		case 'r': rows = atol(optarg); break;
		case 'n': note_first = 1; break;
		case 'q': quoted_amounts = 20; break;
		default: usage();
		}
	if (g.projects < 1)
		usage();
	if (!is_reg) {
		journal(argv[2], rows, g.projects, note_first);
		return 0;
	}
	if (g.funds < g.projects + 1004)
		g.funds = g.projects + 1004;
	projects(&g, argv[2]);
	plan(&g, argv[2]);
	funds(&g, argv[2]);
	progress(&g, argv[2]);
	inspections(&g, argv[2]);
	free(g.budget);
	free(g.completed);
	return 0;
}
