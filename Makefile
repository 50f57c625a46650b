# Shortcuts for development; CI runs .ci/run.

.PHONY: build test lint golden fuzz

build:
	go run ./cmd/prayerfeed build

test:
	go test ./...

lint:
	go vet ./...
	test -z "$$(gofmt -l .)"

golden:
	go test ./... -update

fuzz:
	go test ./internal/load -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime 60s
	go test ./internal/build -run '^$$' -fuzz '^FuzzRender$$' -fuzztime 60s
