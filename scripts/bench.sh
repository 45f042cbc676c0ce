#!/usr/bin/env bash
# `make bench`: measures the provider against the mock CXone server with the real
# Terraform CLI and compares it with terraform_data (see internal/bench). Arguments
# are passed to the bench, and so is BENCH_ARGS, e.g.
#   make bench BENCH_ARGS="-n 50 -out bench-results/smoke.json"
#   bash scripts/bench.sh -n 100 -latency 0 -v
# The table goes to stdout, the JSON to bench-results/bench.json unless -out says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v terraform >/dev/null || { echo "bench: the Terraform CLI is not on PATH" >&2; exit 1; }

# BENCH_ARGS is split on spaces on purpose: it is a list of flags.
# shellcheck disable=SC2086
exec go run ./internal/bench ${BENCH_ARGS:-} "$@"
