# Mawjaz: two commands do everything.
#   make brief   install what is missing, build (release), render the default report to out/
#   make test    install what is missing, run the test suite
SWIFT ?= swift
# Libraries to build against, and the tools the tests read PDFs back with (python3-venv for the tests' pypdf
# and pdfminer, installed once from PyPI into ~/.cache/mawjaz-pdf-tools).
APT_PACKAGES := libcairo2-dev libpango1.0-dev pkg-config poppler-utils qpdf python3-venv
REPORT := Reports/mississippi-uzbekistan/report.yaml
BRIEF := out/mississippi-uzbekistan.pdf

PEERS ?= ../shared/bench/peers

# What `make fidelity` reads PDFs back with besides poppler: MuPDF and pdf.js (under node).
FIDELITY_PACKAGES := mupdf-tools libjs-pdf nodejs

.PHONY: brief test deps build reports bench bench-peers fidelity fuzz fuzz-build clean

brief: deps
	$(SWIFT) build -c release --product mawjaz
	.build/release/mawjaz render $(REPORT) -o $(BRIEF)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

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

build: deps
	$(SWIFT) build -c release

# Every sample report in Reports/, each to out/<folder>.pdf.
reports: build
	@for report in Reports/*/report.yaml; do \
	  .build/release/mawjaz render $$report -o out/$$(basename $$(dirname $$report)).pdf || exit 1; \
	done

# In-process timing of the default brief (release build).
bench: deps
	$(SWIFT) build -c release --product mawjaz-bench
	.build/release/mawjaz-bench $(REPORT)

# The peers (Typst, WeasyPrint, ReportLab, LuaLaTeX, a Pango+Cairo floor in C) on the same brief, then Mawjaz
# in the same run, its in-process time set beside theirs.
bench-peers: deps
	$(SWIFT) build -c release --product mawjaz-bench
	bash $(PEERS)/run_all.sh
	.build/release/mawjaz-bench $(REPORT) --peers $(PEERS)/out/results.json

# The copy-paste fidelity corpus (Tests/MawjazTests/Fixtures/fidelity) set by Mawjaz, Typst and WeasyPrint in Noto
# Naskh Arabic and Amiri, read back by poppler, PDFium, MuPDF and pdf.js: exact-token rates per kind.
fidelity: deps
	$(MAKE) --no-print-directory deps APT_PACKAGES="$(FIDELITY_PACKAGES)"
	$(SWIFT) build -c release --product mawjaz
	bash bench/fidelity/run.sh .build/release/mawjaz

# libFuzzer harnesses (Fuzz/, a package of its own with its own scratch folder, so the main build stays as it is):
# each runs FUZZ_SECONDS from the seeds in Fuzz/Corpus/<harness>, its finds kept in .build-fuzz/corpus/<harness>,
# a crash, a hang past 10 s or 2 GiB of memory written to .build-fuzz/artifacts/. FUZZ_RUNS=N runs N inputs instead.
FUZZERS := FuzzReport FuzzCSV FuzzMarkup FuzzPlaceholders FuzzTemplate
FUZZ_SECONDS ?= 60
FUZZ_FLAGS = -sanitize=fuzzer,address -parse-as-library

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

clean:
	rm -rf .build out
