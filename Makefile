# flex: the two commands a new checkout needs are `make run` and `make test`.
SWIFT ?= swift
BIN_DEBUG = $$($(SWIFT) build --show-bin-path)
BIN_RELEASE = $$($(SWIFT) build -c release --show-bin-path)

.PHONY: run quickstart build test setup bench bench-http install uninstall test-install

# Build flex and start it on the embedded simulator: the REPL on a terminal.
run: build
	@"$(BIN_DEBUG)/flex"

# The first story to read and run: examples/quickstart.flex.
quickstart: build
	@"$(BIN_DEBUG)/flex" run examples/quickstart.flex

# The REPL links libedit, so building needs the setup step too.
build: setup
	$(SWIFT) build --product flex
	$(SWIFT) build --product flex-serve

# Install what is missing (libedit-dev, pkg-config, Chromium, Selenium), then run every test: unit
# tests, the .flex script corpus, the end-to-end tests of the built binary, and the checkout page
# in headless Chromium (tests-browser/, against the built flex-serve). First, cheaply, that the
# examples and the corpus are in `flex fmt`'s layout (a diff and exit 1 when one is not).
# Two runs of one build: the suites that serve HTTP in process (FlexHTTPTests, FlexServerTests)
# need Swift's cooperative threads to answer, and on a 2-core machine the end-to-end tests that
# wait for child processes hold those threads for seconds at a time.
NETWORK_SUITES = FlexHTTPTests|FlexServerTests
test:
	@scripts/setup.sh test
	$(SWIFT) build --build-tests
	"$(BIN_DEBUG)/flex" fmt --check examples fixtures/scripts
	$(SWIFT) test --skip-build --filter '$(NETWORK_SUITES)'
	$(SWIFT) test --skip-build --skip '$(NETWORK_SUITES)'
	$(SWIFT) build --product flex-serve
	tests-browser/run.sh "$(BIN_DEBUG)"
	$(MAKE) test-install

# Install into DESTDIR/PREFIX: bin/flex (release, Swift runtime linked statically), libexec/flex/flex-serve,
# share/man/man1/flex*.1 and the bash, zsh and fish completions (scripts/install.sh says how each is made).
PREFIX ?= /usr/local
DESTDIR ?=
install: setup
	SWIFT="$(SWIFT)" scripts/install.sh stage
	DESTDIR="$(DESTDIR)" scripts/install.sh install "$(PREFIX)"

uninstall:
	DESTDIR="$(DESTDIR)" scripts/install.sh uninstall "$(PREFIX)"

# make install into a temporary DESTDIR, the installed flex run from elsewhere with env -i, then
# make uninstall; the one release build of make test (scripts/test-install.sh).
test-install: setup
	SWIFT="$(SWIFT)" scripts/test-install.sh

setup:
	@scripts/setup.sh

# Release build of the benchmark programs (and of flex, which flex-bench times as a process):
# flex-bench's sections, then REPL completion latency with 10,000 names (repl-bench), then what
# one endless case costs `flex test --timeout 2s` of 4,000 cases (test-bench --timeout). Section (g)
# times flex as make install installs it: this tree installed under .build/bench-install.
BENCH_INSTALL = $(CURDIR)/.build/bench-install
bench: setup
	SWIFT="$(SWIFT)" scripts/install.sh stage
	DESTDIR="$(BENCH_INSTALL)" scripts/install.sh install /usr/local
	$(SWIFT) build -c release --static-swift-stdlib --product flex-bench
	$(SWIFT) build -c release --static-swift-stdlib --product repl-bench
	$(SWIFT) build -c release --static-swift-stdlib --product swift-hello
	$(SWIFT) build -c release --static-swift-stdlib --product test-bench
	FLEX_BENCH_FLEX="$(BENCH_INSTALL)/usr/local/bin/flex" "$(BIN_RELEASE)/flex-bench"
	"$(BIN_RELEASE)/repl-bench"
	"$(BIN_RELEASE)/test-bench" --timeout

# HTTP figures: flex run --backend live vs Python requests, and wrk on flex serve vs a bare
# Hummingbird endpoint (installs wrk and requests if missing; everything on 127.0.0.1).
bench-http: setup
	bench/http-bench.sh
