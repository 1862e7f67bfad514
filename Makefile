# vl - village construction programme toolkit

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
SHAREDIR ?= $(PREFIX)/share/vl
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
LOCALEDIR ?= $(PREFIX)/share/locale


CFLAGS ?= -O2 -g
WARN = -std=c17 -Wall -Wextra -Wpedantic -Werror
CPPFLAGS += -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -Ilib \
	-DLOCALEDIR=\"$(LOCALEDIR)\"
JANSSON_CFLAGS != pkg-config --cflags jansson 2>/dev/null || true
JANSSON_LIBS != pkg-config --libs jansson 2>/dev/null || echo -ljansson
XLSX_CFLAGS != pkg-config --cflags xlsxwriter 2>/dev/null || true
XLSX_LIBS != pkg-config --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter
# -pthread: a big file is read by as many threads as there are cores
LDLIBS = $(JANSSON_LIBS) $(XLSX_LIBS) -lcsv -lcrypto -pthread
ALL_CFLAGS = $(WARN) -pthread $(CPPFLAGS) $(JANSSON_CFLAGS) $(XLSX_CFLAGS) \
	$(CFLAGS)

# build/ holds one tree per flavour: plain, or sanitized (make check)
B ?= build/plain

# libvl.a, layer by layer: each uses only the layers above it in this list
BASEOBJ = $(B)/lib/base/err.o $(B)/lib/base/strbuf.o $(B)/lib/base/slurp.o \
	$(B)/lib/base/money.o $(B)/lib/base/date.o $(B)/lib/base/i18n.o \
	$(B)/lib/base/groups.o $(B)/lib/base/halfwidth.o
IOOBJ = $(B)/lib/io/csv_read.o $(B)/lib/io/csv_encoding.o \
	$(B)/lib/io/csv_fast.o $(B)/lib/io/csv_split.o $(B)/lib/io/csv_write.o \
	$(B)/lib/io/plan.o $(B)/lib/io/output.o $(B)/lib/io/output_rows.o \
	$(B)/lib/io/words.o $(B)/lib/io/xlsx.o
REGOBJ = $(B)/lib/register/register.o $(B)/lib/register/tmpfile.o \
	$(B)/lib/register/journal.o $(B)/lib/register/audit.o \
	$(B)/lib/register/schema.o $(B)/lib/register/project.o \
	$(B)/lib/register/book.o $(B)/lib/register/history.o \
	$(B)/lib/register/funds.o \
	$(B)/lib/register/batch.o $(B)/lib/register/rewrite.o \
	$(B)/lib/register/init.o $(B)/lib/register/rollup.o
RULEOBJ = $(B)/lib/rules/stage.o $(B)/lib/rules/ledger.o \
	$(B)/lib/rules/sums.o $(B)/lib/rules/fund_rules.o \
	$(B)/lib/rules/reconcile.o $(B)/lib/rules/overdue.o \
	$(B)/lib/rules/standing.o $(B)/lib/rules/records.o \
	$(B)/lib/rules/entries.o $(B)/lib/rules/corrections.o \
	$(B)/lib/rules/reversals.o $(B)/lib/rules/fund_days.o $(B)/lib/rules/sample.o \
	$(B)/lib/rules/filter.o $(B)/lib/rules/districts.o
REPORTOBJ = $(B)/lib/report/tables.o $(B)/lib/report/fund_tables.o \
	$(B)/lib/report/ranking.o \
	$(B)/lib/report/insp_tables.o $(B)/lib/report/audit_table.o \
	$(B)/lib/report/summary.o $(B)/lib/report/summary_book.o \
	$(B)/lib/report/briefing.o $(B)/lib/report/briefing_charts.o \
	$(B)/lib/report/briefing_city.o \
	$(B)/lib/report/story.o $(B)/lib/report/split.o \
	$(B)/lib/report/since.o $(B)/lib/report/export.o
CLIOBJ = $(B)/lib/cli/cli.o
LIBOBJ = $(BASEOBJ) $(IOOBJ) $(REGOBJ) $(RULEOBJ) $(REPORTOBJ) $(CLIOBJ)
# every header, public (lib/vl.h and one a module) and private (*_priv.h)
HEADERS = lib/vl.h $(wildcard lib/*/*.h)
TOOLS = vl-add vl-fund vl-inspect vl-report
BINS = $(TOOLS:%=$(B)/bin/%)
UNIT = $(basename $(notdir $(wildcard tests/unit/test_*.c)))
UNITBINS = $(UNIT:%=$(B)/tests/%)
# helpers of the reliability tests (tests/tools/)
TESTTOOLS = $(B)/tests/audit-verify $(B)/tests/faultshim.so
MAN1 = man/vl-add.1 man/vl-fund.1 man/vl-inspect.1 man/vl-report.1
MAN5 = man/vl-register.5
MAN7 = man/vl.7
# the Chinese catalogue; tests find it through VL_LOCALEDIR
MO = $(B)/locale/zh_CN/LC_MESSAGES/vl.mo
# what carries a message: the format argument of these functions
XGETTEXT_KEYS = --keyword=vl_errat:4 \
	--keyword=vl_warn:1 --keyword=vl_die:2 --keyword=vl_tr:1 \
	--keyword=N_:1 --keyword=NC_:1c,2 --keyword=vl_trc:1c,2 \
	--keyword=vl_tr_if:2 --keyword=finding:7 --keyword=say:2 \
	--keyword=vl_trn:2,3 --keyword=bad:3 --keyword=perr:3 --keyword=refuse:2 \
	--keyword=need:5 --keyword=fault:1 --keyword=vl_reg_fault_at:2 \
	--keyword=vl_stage_fault:3 \
	--keyword=byte_error:3 --keyword=problem:3

all: deps $(BINS) $(MO)
	@if [ "$(B)" = build/plain ]; then mkdir -p bin && \
	    for t in $(TOOLS); do ln -sf ../$(B)/bin/$$t bin/$$t; done; fi

$(B)/lib/%.o: lib/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(B)/libvl.a: $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

$(B)/bin/%: cmd/%.c $(B)/libvl.a $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -I$(B)/gen $(LDFLAGS) $< $(B)/libvl.a $(LDLIBS) -o $@

$(B)/bin/vl-add: $(B)/gen/plan-template.inc

# the plan template, as a C string, so init works without share/
$(B)/gen/plan-template.inc: share/plan-template.json
	@mkdir -p $(@D)
	sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$$/\\n"/' share/plan-template.json > $@

$(B)/tests/%: tests/unit/%.c $(B)/libvl.a $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) $< $(B)/libvl.a $(LDLIBS) -lcmocka -o $@

$(B)/tests/audit-verify: tests/tools/audit-verify.c $(B)/libvl.a $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) $< $(B)/libvl.a $(LDLIBS) -o $@

# LD_PRELOADed by the fault tests, so never sanitized (ASan must load first)
$(B)/tests/faultshim.so: tests/tools/faultshim.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS) -O2 -g -fPIC -shared $< -o $@ -ldl

# libFuzzer targets (clang): the CSV reader, money, dates, the plan
FUZZERS = csv csvfast money date plan
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS = -O1 -g -fno-omit-frame-pointer -fno-sanitize-recover=all \
	-fsanitize=fuzzer-no-link,address,undefined

$(B)/fuzz/fuzz_%: fuzz/fuzz_%.c $(B)/libvl.a $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer,address,undefined $< \
	    $(B)/libvl.a $(LDLIBS) -o $@

# Install what is missing on a fresh Debian machine (as root or by sudo).
deps:
	@sh tools/deps.sh

units: $(UNITBINS) $(TESTTOOLS)

# unit tests, CLI tests, then the same again under ASan+UBSan
check: all $(UNITBINS) $(TESTTOOLS)
	@rm -f tests/out/summary
	@sh tests/run.sh $(B)
	@$(MAKE) --no-print-directory B=build/asan \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" sanitized
	@awk '{p += $$1; f += $$2} END {print "check: " p " passed, " f " failed"}' tests/out/summary

sanitized: $(BINS) $(UNITBINS) $(MO) $(TESTTOOLS)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    sh tests/run.sh $(B)

# each fuzz target for FUZZ_SECONDS (make fuzz FUZZ_SECONDS=10 in CI)
fuzz:
	@command -v clang > /dev/null || { echo "make fuzz needs clang" \
	    "and libclang-rt-14-dev (apt-get install clang libclang-rt-14-dev)"; \
	    exit 1; }
	@$(MAKE) --no-print-directory B=build/fuzz CC=clang \
	    CFLAGS="$(FUZZ_CFLAGS)" fuzzers
	@sh fuzz/run.sh build/fuzz $(FUZZ_SECONDS) $(FUZZERS)

fuzzers: $(FUZZERS:%=$(B)/fuzz/fuzz_%)

# the long runs: hundreds of kills, more writers, every errno
torture: all units
	@rm -f tests/out/summary
	@VL_TORTURE=1 sh tests/run.sh $(B)

valgrind: all $(UNITBINS) $(TESTTOOLS)
	@VL_VALGRIND=1 sh tests/run.sh build/plain

# the benchmark (bench/run.sh: BENCH_ROWS=1000000 for a quick one); the
# tables go to stdout and bench/out/latest.md
bench: all $(B)/bench/gen
	@mkdir -p bench/out
	@sh bench/run.sh $(B) > bench/out/latest.md && cat bench/out/latest.md

$(B)/bench/gen: bench/gen.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS) -O2 $< -o $@

demo: all
	@sh share/demo.sh

$(MO): po/zh_CN.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ po/zh_CN.po

# po/vl.pot from the sources; `make po` merges it into po/zh_CN.po.
# POT=FILE makes it elsewhere (tests/cli/i18n_catalog.sh: make POT=X X)
POT = po/vl.pot
$(POT): lib/*/*.c cmd/*.c po/columns.c po/values.c
	xgettext --from-code=UTF-8 --language=C --no-location --sort-output \
	    --package-name=vl $(XGETTEXT_KEYS) -o $@ lib/*/*.c cmd/*.c \
	    po/columns.c po/values.c

po: $(POT)
	msgmerge --quiet --update --no-fuzzy-matching --backup=none \
	    po/zh_CN.po $(POT)

install: all
	mkdir -p $(DESTDIR)$(LOCALEDIR)/zh_CN/LC_MESSAGES
	cp $(MO) $(DESTDIR)$(LOCALEDIR)/zh_CN/LC_MESSAGES/vl.mo
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 \
	    $(DESTDIR)$(SHAREDIR)/demo $(DESTDIR)$(COMPLETIONDIR)
	cp $(BINS) $(DESTDIR)$(BINDIR)/
	cp $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	cp $(MAN5) $(DESTDIR)$(MANDIR)/man5/
	cp $(MAN7) $(DESTDIR)$(MANDIR)/man7/
	cp share/demo/*.csv share/demo/*.json share/demo/.vl-head \
	    $(DESTDIR)$(SHAREDIR)/demo/
	cp share/plan-template.json share/villages.csv share/crontab.example \
	    $(DESTDIR)$(SHAREDIR)/
	for d in city qingshan baishui; do \
	    mkdir -p $(DESTDIR)$(SHAREDIR)/rollup/$$d && \
	    cp share/rollup/$$d/*.csv share/rollup/$$d/*.json \
	    share/rollup/$$d/.vl-head $(DESTDIR)$(SHAREDIR)/rollup/$$d/ || \
	    exit 1; \
	done
	cp share/bash-completion/vl $(DESTDIR)$(COMPLETIONDIR)/vl

uninstall:
	cd $(DESTDIR)$(BINDIR) && rm -f $(TOOLS)
	rm -rf $(DESTDIR)$(SHAREDIR)

lint:
	mandoc -Tlint -Wwarning $(MAN1) $(MAN5) $(MAN7)

clean:
	rm -rf build bin tests/out

.PHONY: all po deps units check sanitized valgrind demo install uninstall lint clean \
	fuzz fuzzers torture bench
