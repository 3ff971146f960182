# pdx build and test entry points. `make test` is the whole suite and is what
# CI runs; it installs everything the tests need (npm packages under the
# lockfile in tools/, linters and binaries from the Go module cache).

GO       ?= go
NPM      ?= npm
FUZZTIME ?= 60s
# Umbral's constant-time scalar multiplication is libsecp256k1 through cgo.
export CGO_ENABLED = 1

GOFILES = $(shell find . -name '*.go' -not -path './tools/node_modules/*')

.PHONY: test npm lint fuzz bench-reencrypt help

## help: this list of targets.
help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)

## test: lint, install the npm test oracles, the browser and the Docker engine, Compose and images of the live compose test, run every Go test (fuzz seed corpora included).
test: npm browser lint live-compose
	@rm -f $(LIVE_REPORT)
	$(LIVE_ENV) PDX_COMPOSE_REPORT=$(LIVE_REPORT) $(GO) test -count=1 -timeout 25m ./...; status=$$?; \
	if [ -s $(LIVE_REPORT) ]; then cat $(LIVE_REPORT); rm -f $(LIVE_REPORT); fi; exit $$status

## npm: install the pinned npm packages (solc, the Umbral oracle) under tools/.
npm: tools/node_modules/.package-lock.json

tools/node_modules/.package-lock.json: tools/package.json tools/package-lock.json
	@command -v node >/dev/null || { echo "node not found: the tests need Node 20 with npm" >&2; exit 1; }
	cd tools && $(NPM) ci --no-audit --no-fund

## browser: Debian's chromium for the dashboard's browser test (apt-get, as root or through sudo), unless /usr/bin/chromium or $PDX_CHROMIUM is there.
.PHONY: browser
browser: npm
	@if [ -x /usr/bin/chromium ] || [ -n "$$PDX_CHROMIUM" ]; then :; \
	elif command -v apt-get >/dev/null; then \
	  sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get install -y --no-install-recommends chromium || { $$sudo apt-get update && $$sudo apt-get install -y --no-install-recommends chromium; }; \
	else echo "install Chromium and set PDX_CHROMIUM to its binary (the dashboard test drives it headless)" >&2; exit 1; fi

## lint: go vet, gofmt and staticcheck (pinned in go.mod's tool block).
lint:
	$(GO) vet ./...
	@bad=$$(gofmt -l $(GOFILES)); if [ -n "$$bad" ]; then echo "gofmt needed on:" $$bad >&2; exit 1; fi
	$(GO) tool staticcheck ./...

## fuzz: run every fuzz target for FUZZTIME each (default 60s).
fuzz: npm
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

## bench-reencrypt: time each Umbral operation in pdx and in the npm oracle in one run.
bench-reencrypt: npm
	$(GO) run ./reencrypt/internal/cmd/bench-reencrypt

## gas: gas used per Registry operation on Ethereum mainnet's rules (Osaka), one `gas <op> <units>` line each; fails above target.
.PHONY: gas
gas:
	$(GO) run ./contracts/internal/cmd/gas

## bench-storage: put/get throughput of pdx envelopes (get as pdx get and pdx get --verify) against plain kubo and an age | ipfs add pipeline on one embedded node (16 MiB and 1 GiB), peak RSS of a 1 GiB put, bytes read by a 1 MiB range read.
.PHONY: bench-storage
bench-storage:
	$(GO) run ./node/internal/cmd/bench-storage

## bench-storage-cli: the commands, process against process: pdx put and pdx get -o (a pdx daemon on a kubo daemon, and one embedded) against age -r R FILE | ipfs add and ipfs cat CID | age -d > OUT through that kubo daemon (16 MiB and 1 GiB; builds pdx, ipfs and age itself).
.PHONY: bench-storage-cli
bench-storage-cli:
	$(GO) run ./node/internal/cmd/bench-storage -cli

## bench-proxy: one proxy under 64 concurrent brands (re-encryptions/s, p50/p99), grant and get latency end to end.
.PHONY: bench-proxy
bench-proxy:
	$(GO) run ./node/internal/cmd/bench-proxy

## bench-catchup: a fresh proxy catching up with 1,000 grants of its own among 10,000 of other proxies, reading every grant (before issue 19) and only those naming it (GrantedVia).
.PHONY: bench-catchup
bench-catchup:
	$(GO) run ./node/internal/cmd/bench-catchup

## bench-scale: listings, an index update, a daemon start (10,000 own versions) and a proxy's catch-up on a dev chain filled with 10^3, 10^4, 10^5 strangers' records, and the market at 10^6 offers from a synthetic history: `op n p50_ms` lines and the growth exponent of each (10-13 minutes on 2 busy cores; BENCH_SCALE_FLAGS=-quick for a smoke run, BENCH_SCALE_FLAGS=-synthetic=10000,100000 to skip 10^6).
.PHONY: bench-scale
bench-scale:
	$(GO) run ./node/internal/cmd/bench-scale $(BENCH_SCALE_FLAGS)

## bench-campaign: a campaign of 1,000 simulated participants (real acl/service calls, real proxies, the dev chain): join p50 and the time to 1,000 granted, then the brand's bulk get of the 1,000 x 4 KiB datasets against 1,000 single gets (MB/s, ms per dataset, the ratio; BENCH_CAMPAIGN_FLAGS=-n=20 for a smoke run).
.PHONY: bench-campaign
bench-campaign:
	$(GO) run ./node/internal/cmd/bench-campaign $(BENCH_CAMPAIGN_FLAGS)

## bench-index: the owner's listing of a dataset's 3 grants among 2,000 unrelated ones, from the home's chain-event index and from a chain scan.
.PHONY: bench-index
bench-index:
	$(GO) test -run '^$$' -bench BenchmarkGrantsOfDataset -benchtime 200x ./node/chainindex

## bench-market: one page of 50 offers from the market index (node/market) at 1,000 and 20,000 offers (a synthetic fill of the index's store), first and deep pages, unfiltered and filtered: the cost stays flat as the market grows.
.PHONY: bench-market
bench-market:
	$(GO) test ./node/market -run '^$$' -bench BenchmarkMarketPage -benchtime 1000x

# ---- the compose stack under a real Docker engine ---------------------------
COMPOSE_VERSION ?= v5.6.0
COMPOSE_DIR     ?= $(HOME)/.cache/pdx-test/compose-$(COMPOSE_VERSION)
PDX_COMPOSE     ?= $(COMPOSE_DIR)/docker-compose
# The live test's images are tagged per checkout (a hash of its path), so
# two checkouts tested at once never run each other's builds; `make
# images-offline` makes the operator's :dev tags.
LIVE_TAG        ?= test-$(shell printf %s "$(CURDIR)" | sha256sum | cut -c1-12)
LIVE_IMAGES      = PDX_IMAGE=pdx:$(LIVE_TAG) GETH_IMAGE=pdx-geth:$(LIVE_TAG) KUBO_IMAGE=pdx-kubo:$(LIVE_TAG)
# The live test's figures (image sizes, times to healthy), printed after the run.
LIVE_REPORT     ?= $(or $(TMPDIR),/tmp)/pdx-compose-$(LIVE_TAG).txt
LIVE_ENV         = $(LIVE_IMAGES) PDX_COMPOSE="$(PDX_COMPOSE)"

## live-compose: what the live compose test needs: the Docker engine, the compose plugin and this checkout's images (built as images-offline does).
## test-compose: docker-compose.yml under Docker: the owner/brand story, a killed proxy, a grant made while a proxy is down, a chain restart, down/up and down -v (installs the engine, the compose plugin and the images as needed; `make test` runs it too).
.PHONY: test-compose live-compose docker-engine compose-plugin images-offline
live-compose: docker-engine compose-plugin
	$(LIVE_IMAGES) sh deploy/offline/images.sh

test-compose: live-compose
	$(LIVE_ENV) $(GO) test -count=1 -timeout 30m -v -run '^TestComposeDocker$$' ./deploy

## docker-engine: Debian's docker.io (apt-get, as root or through sudo) unless an engine answers; starts dockerd as root when none runs.
docker-engine:
	@if docker info >/dev/null 2>&1; then exit 0; fi; \
	sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	need="the live compose test needs a Docker engine and none answers"; \
	if [ -n "$$sudo" ] && ! command -v sudo >/dev/null; then \
	  echo "$$need; this user is not root and has no sudo: install Docker Engine (Debian: apt-get install docker.io), start dockerd and give this user access to it (the docker group)" >&2; exit 1; \
	fi; \
	if ! command -v dockerd >/dev/null && ! command -v apt-get >/dev/null; then \
	  echo "$$need: install Docker Engine (docker.io on Debian) and start dockerd" >&2; exit 1; \
	fi; \
	if ! command -v dockerd >/dev/null; then \
	  $$sudo apt-get install -y --no-install-recommends docker.io || { $$sudo apt-get update && $$sudo apt-get install -y --no-install-recommends docker.io; } || exit 1; \
	fi; \
	$$sudo sh -c 'nohup dockerd >/var/log/pdx-dockerd.log 2>&1 &'; \
	for i in $$(seq 60); do docker info >/dev/null 2>&1 && exit 0; sleep 1; done; \
	echo "dockerd did not start within 60 s: see /var/log/pdx-dockerd.log" >&2; exit 1

## compose-plugin: Compose v2 ($(COMPOSE_VERSION)) built from its Go module into $(COMPOSE_DIR); Debian's docker-compose 1.29 refuses the file.
compose-plugin: $(PDX_COMPOSE)

$(COMPOSE_DIR)/docker-compose:
	@mkdir -p $(COMPOSE_DIR)
	dir=$$(cd $(COMPOSE_DIR) && GOFLAGS= $(GO) mod download -json github.com/docker/compose/v5@$(COMPOSE_VERSION) | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$$/\1/p'); \
	cd "$$dir" && GOFLAGS=-mod=mod CGO_ENABLED=0 $(GO) build -trimpath -ldflags "-s -w -X github.com/docker/compose/v5/internal.Version=$(COMPOSE_VERSION)" -o $@ ./cmd

## images-offline: build pdx:dev, pdx-geth:dev and pdx-kubo:dev from the unchanged Dockerfile; with no registry answering, from base images made on this host, the Go one carrying the host's Go caches for these builds so only pdx and the links compile (deploy/offline/images.sh).
images-offline: docker-engine
	sh deploy/offline/images.sh
