# pdx build and test entry points. `make test` is the whole suite and is what
# CI runs; it installs everything the tests need (npm packages under the
# lockfile in tools/, linters and binaries from the Go module cache).

GO       ?= go
NPM      ?= npm
FUZZTIME ?= 60s
# Umbral's constant-time scalar multiplication is libsecp256k1 through cgo.
export CGO_ENABLED = 1

GOFILES = $(shell find . -name '*.go' -not -path './tools/node_modules/*')

.PHONY: test npm lint fuzz bench-reencrypt

## test: lint, install the npm test oracles and the browser, run every Go test (fuzz seed corpora included).
test: npm browser lint
	$(GO) test -count=1 -timeout 25m ./...

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

## bench-storage: put/get throughput of pdx envelopes against plain kubo on one embedded node (16 MiB and 1 GiB), peak RSS of a 1 GiB put, bytes read by a 1 MiB range read.
.PHONY: bench-storage
bench-storage:
	$(GO) run ./node/internal/cmd/bench-storage

## bench-proxy: one proxy under 64 concurrent brands (re-encryptions/s, p50/p99), grant and get latency end to end.
.PHONY: bench-proxy
bench-proxy:
	$(GO) run ./node/internal/cmd/bench-proxy

## bench-catchup: a fresh proxy catching up with 1,000 grants of its own among 10,000 of other proxies, reading every grant (before issue 19) and only those naming it (GrantedVia).
.PHONY: bench-catchup
bench-catchup:
	$(GO) run ./node/internal/cmd/bench-catchup

# ---- the compose stack under a real Docker engine ---------------------------
COMPOSE_VERSION ?= v5.6.0
COMPOSE_DIR     ?= $(HOME)/.cache/pdx-test/compose-$(COMPOSE_VERSION)
PDX_COMPOSE     ?= $(COMPOSE_DIR)/docker-compose

## test-compose: docker-compose.yml under Docker: the owner/brand story, a killed proxy, a grant made while a proxy is down, a chain restart, down/up and down -v (installs the engine, the compose plugin and the images as needed).
.PHONY: test-compose docker-engine compose-plugin images-offline
test-compose: docker-engine compose-plugin images-offline
	PDX_COMPOSE_DOCKER=1 PDX_COMPOSE="$(PDX_COMPOSE)" $(GO) test -count=1 -timeout 30m -v -run '^TestComposeDocker$$' ./deploy

## docker-engine: Debian's docker.io (apt-get, as root or through sudo) unless an engine answers; starts dockerd as root when none runs.
docker-engine:
	@if docker info >/dev/null 2>&1; then exit 0; fi; \
	sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
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

## images-offline: build pdx:dev, pdx-geth:dev and pdx-kubo:dev from the unchanged Dockerfile; with no registry answering, from base images made on this host (deploy/offline/images.sh).
images-offline: docker-engine
	sh deploy/offline/images.sh
