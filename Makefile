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

.PHONY: brief test deps build reports bench bench-batch bench-peers docs fidelity clean

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

# 500 one-page district briefs from one CSV: the library in-process, mawjaz batch -j 1 and -j 2, two shard
# processes, a shell loop of mawjaz render; byte comparison with one-by-one renders; memory over 5,000 renders.
bench-batch: deps
	$(SWIFT) build -c release --product mawjaz
	$(SWIFT) build -c release --product mawjaz-bench
	.build/release/mawjaz-bench batch

# The library's documentation (DocC) from the symbol graphs and Sources/Mawjaz/Mawjaz.docc, into .build/docs.
docs: deps
	$(SWIFT) package dump-symbol-graph --minimum-access-level public
	docc convert Sources/Mawjaz/Mawjaz.docc --additional-symbol-graph-dir "$$(ls -d .build/*/symbolgraph | head -1)" \
	  --fallback-display-name Mawjaz --fallback-bundle-identifier org.mawjaz.Mawjaz --output-path .build/docs

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

clean:
	rm -rf .build out
