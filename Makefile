# Build the career site, its PDFs and its ePub; run the tests.
# `make help` lists the targets. Options for sphinx-build go in SPHINXOPTS,
# e.g. `make pdf SPHINXOPTS="-t private"`.

VENV       ?= .venv
PYTHON     ?= $(VENV)/bin/python
BUILDDIR   ?= _build
SPHINXOPTS ?=
# Every warning fails the build, and every cross-reference must resolve.
STRICT     := -W --keep-going -n
SPHINX      = $(PYTHON) -m sphinx $(STRICT) $(SPHINXOPTS)
# The PDFs and the ePub that `make all` gathers for the site to link to.
DOWNLOADS  := $(abspath $(BUILDDIR)/downloads)

# Without a venv (VENV= PYTHON=python, as on Read the Docs) the caller has
# installed the requirements already.
ifneq ($(VENV),)
SITE_DEPS := $(VENV)/.site-installed
TEST_DEPS := $(VENV)/.test-installed
LIVE_DEPS := $(VENV)/.live-installed
endif
# The npm packages of the browser tests (axe-core, vnu-jar), as `npm ci` leaves them.
NPM_DEPS := node_modules/.package-lock.json

.DEFAULT_GOAL := html
.PHONY: help html epub latex pdf json docx new upgrade downloads all readthedocs live lint test venv system-deps clean

help:
	@echo "make html         the site, in $(BUILDDIR)/html (the default)"
	@echo "make pdf          the PDF book and the two-page résumé, in $(BUILDDIR)/latex"
	@echo "make epub         the ePub, in $(BUILDDIR)/epub"
	@echo "make json         the résumé as JSON Resume, $(BUILDDIR)/json/resume.json"
	@echo "make docx         the two-page résumés as Word files, in $(BUILDDIR)/docx"
	@echo "make new DEST=dir [FROM=resume.json]  a new site from a JSON Resume (or a starter)"
	@echo "make upgrade FROM=checkout [DRY_RUN=1]  the machinery of a newer checkout, pages untouched"
	@echo "make all          PDFs, ePub and JSON, then the site with links to them"
	@echo "make live         preview at http://127.0.0.1:8000 that reloads as you edit"
	@echo "make lint         ruff (lint and format check) and mypy, as configured in pyproject.toml"
	@echo "make test         lint, then every test (.venv/bin/python -m pytest)"
	@echo "make system-deps  the Debian/Ubuntu packages for PDF and browser tests (root)"
	@echo "make clean        remove $(BUILDDIR)"

# -- Python environment ---------------------------------------------------------

venv: $(TEST_DEPS)

$(VENV)/bin/python:
	python3 -m venv $(VENV)

$(VENV)/.site-installed: requirements.txt constraints.txt | $(VENV)/bin/python
	$(PYTHON) -m pip install -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt constraints.txt $(VENV)/.site-installed
	$(PYTHON) -m pip install -r requirements-test.txt -c constraints.txt
	touch $@

$(VENV)/.live-installed: requirements-live.txt constraints.txt $(VENV)/.site-installed
	$(PYTHON) -m pip install -r requirements-live.txt -c constraints.txt
	touch $@

# Without npm the tests that need these packages are skipped (failed in CI).
$(NPM_DEPS): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --ignore-scripts; \
	else \
	  echo "npm is not installed: the browser tests that need its packages will be skipped (make system-deps installs it)"; \
	fi

# -- Builds -----------------------------------------------------------------------
# Each builder keeps its own doctrees, outside its output folder.

# The site links the files in DOWNLOADS (resume_downloads_dir); the ePub must not.
html: $(SITE_DEPS)
	$(SPHINX) -b html -d $(BUILDDIR)/doctrees/html -D resume_downloads_dir=$(DOWNLOADS) . $(BUILDDIR)/html

epub: $(SITE_DEPS)
	$(SPHINX) -b epub -d $(BUILDDIR)/doctrees/epub . $(BUILDDIR)/epub

latex: $(SITE_DEPS)
	$(SPHINX) -b latex -d $(BUILDDIR)/doctrees/latex . $(BUILDDIR)/latex

json: $(SITE_DEPS)
	$(SPHINX) -b jsonresume -d $(BUILDDIR)/doctrees/json . $(BUILDDIR)/json

# The two-page résumés as Word files, under the PDFs' names (resume.site.docx).
docx: $(SITE_DEPS)
	$(SPHINX) -b docx -d $(BUILDDIR)/doctrees/docx . $(BUILDDIR)/docx

# A new knowledge base in DEST, from the JSON Resume file FROM or, without it,
# a starter to edit.
new: $(TEST_DEPS)
	@test -n "$(DEST)" || { echo "make new: set DEST=path/to/new-site"; exit 2; }
	PYTHONPATH=_ext $(PYTHON) -m resume.jsonresume.newsite $(if $(FROM),--from "$(FROM)") "$(DEST)"

# The machinery (_ext, _latex, this Makefile, requirements, CI, tests/unit and
# tests/ext: resume.scaffold.machinery) of the newer checkout FROM, run with
# FROM's own code; pages, conf.py, README and guide are left byte for byte.
upgrade: $(SITE_DEPS)
	@test -n "$(FROM)" || { echo "make upgrade: set FROM=path/to/a/newer/checkout"; exit 2; }
	PYTHONPATH="$(FROM)/_ext" $(PYTHON) -m resume.scaffold.upgrade --from "$(FROM)" $(if $(DRY_RUN),--dry-run) .

# latexmk runs XeLaTeX as often as needed for every .tex file; the
# documents are built side by side. A character missing from the fonts is an
# error (resumestyle.sty), so a PDF that comes out is complete; the extension
# warns at the page and line of such a character and prints '?' in its place. The PDFs carry
# the edition's date, which the latex build writes into latexmkrc, so that two
# builds are byte-identical. The previous build's PDFs are removed first, so
# that a failed build leaves none of them behind to be mistaken for new ones.
# Then resume.site.fit lists the project lines each two-page résumé left out to
# fit (resumebrief.cls), and fails on one that does not fit even without them.
pdf: latex
	rm -f $(BUILDDIR)/latex/*.pdf
	$(MAKE) -C $(BUILDDIR)/latex -j2 all-pdf \
	  LATEXMKOPTS="-interaction=nonstopmode -halt-on-error -file-line-error"
	PYTHONPATH=_ext $(PYTHON) -m resume.site.fit $(BUILDDIR)/latex

downloads: pdf epub json docx
	mkdir -p $(DOWNLOADS)
	cp $(BUILDDIR)/latex/*.pdf $(BUILDDIR)/epub/*.epub $(BUILDDIR)/json/resume.json $(BUILDDIR)/docx/*.docx $(DOWNLOADS)/

all: downloads
	$(MAKE) html

# Read the Docs (.readthedocs.yaml): the career book becomes the version's
# PDF download, and the two-page résumés, PDF and Word, go beside the HTML
# pages, where the site's download links point.
readthedocs: pdf docx
	mkdir -p "$(OUT)/pdf" "$(OUT)/html"
	for pdf in $(BUILDDIR)/latex/*.pdf; do \
	  case "$$pdf" in *-career-book*) cp "$$pdf" "$(OUT)/pdf/" ;; *) cp "$$pdf" "$(OUT)/html/" ;; esac; \
	done
	cp $(BUILDDIR)/docx/*.docx "$(OUT)/html/"

# Not strict: a page with a problem lists it at its top (resume_show_problems).
live: $(LIVE_DEPS)
	$(PYTHON) -m sphinx_autobuild . $(BUILDDIR)/live -d $(BUILDDIR)/doctrees/live \
	  --watch _ext --ignore $(BUILDDIR) --ignore test-artifacts --port 8000 \
	  -D resume_show_problems=1 -D resume_downloads_dir=$(DOWNLOADS) $(SPHINXOPTS)

# -- Tests and machine setup ------------------------------------------------------

# Python checks, configured in pyproject.toml: `ruff format` rewrites what
# the format check reports.
lint: $(TEST_DEPS)
	$(PYTHON) -m ruff check _ext tests benchmarks conf.py
	$(PYTHON) -m ruff format --check _ext tests benchmarks conf.py
	$(PYTHON) -m mypy

# One pytest worker per core; the modules of the slow tests start first.
test: lint $(NPM_DEPS)
	$(PYTHON) -m pytest -n auto --dist loadscope

system-deps:
	.ci/install-system-deps

clean:
	rm -rf $(BUILDDIR)
