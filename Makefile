# Shortcuts for development; CI runs .ci/run.

.PHONY: build test long race lint golden fuzz bench

build:
	go run ./cmd/prayerfeed build

test:
	go test ./...

long:
	PRAYERFEED_LONG=1 go test -count=1 ./...

race:
	go test -race -count=1 ./...

lint:
	go vet ./...
	test -z "$$(gofmt -l .)"
	go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

golden:
	go test ./... -update

fuzz:
	go test ./internal/load -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime 60s
	go test ./internal/build -run '^$$' -fuzz '^FuzzRender$$' -fuzztime 60s

bench:
	go test -run '^$$' -bench . ./internal/build
	bench/run
