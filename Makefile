# flex: the two commands a new checkout needs are `make run` and `make test`.
SWIFT ?= swift
BIN_DEBUG = $$($(SWIFT) build --show-bin-path)
BIN_RELEASE = $$($(SWIFT) build -c release --show-bin-path)

.PHONY: run quickstart build test setup bench bench-http

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

# Install what is missing (libedit-dev, pkg-config), then run every test: unit tests, the
# .flex script corpus and the end-to-end tests of the built binary.
# Two runs of one build: the suites that serve HTTP in process (FlexHTTPTests, FlexServerTests)
# need Swift's cooperative threads to answer, and on a 2-core machine the end-to-end tests that
# wait for child processes hold those threads for seconds at a time.
NETWORK_SUITES = FlexHTTPTests|FlexServerTests
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --filter '$(NETWORK_SUITES)'
	$(SWIFT) test --skip-build --skip '$(NETWORK_SUITES)'

setup:
	@scripts/setup.sh

# Release build of the benchmark programs (and of flex, which flex-bench times as a process):
# flex-bench's sections, then REPL completion latency with 10,000 names (repl-bench), then what
# one endless case costs `flex test --timeout 2s` of 4,000 cases (test-bench --timeout).
bench: setup
	$(SWIFT) build -c release --static-swift-stdlib --product flex
	$(SWIFT) build -c release --static-swift-stdlib --product flex-bench
	$(SWIFT) build -c release --static-swift-stdlib --product repl-bench
	$(SWIFT) build -c release --static-swift-stdlib --product test-bench
	"$(BIN_RELEASE)/flex-bench"
	"$(BIN_RELEASE)/repl-bench"
	"$(BIN_RELEASE)/test-bench" --timeout

# HTTP figures: flex run --backend live vs Python requests, and wrk on flex serve vs a bare
# Hummingbird endpoint (installs wrk and requests if missing; everything on 127.0.0.1).
bench-http: setup
	bench/http-bench.sh
