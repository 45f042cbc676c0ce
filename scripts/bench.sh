#!/usr/bin/env bash
# `make bench`: measures the provider against the mock CXone server with the real
# Terraform CLI and compares it with terraform_data (see internal/bench). Arguments
# are passed to the bench, and so is BENCH_ARGS, e.g.
#   make bench BENCH_ARGS="-n 50 -out bench-results/smoke.json"
#   bash scripts/bench.sh -n 100 -latency 0 -v
# The table goes to stdout, the JSON to bench-results/bench.json unless -out says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

# The terraform on PATH, else the project's own build of 1.14.3 (scripts/terraform-path.sh);
# a -terraform in the arguments still wins.
tf=$(bash scripts/terraform-path.sh | tail -n 1)

# The query row needs Terraform 1.14+: the one `make terraform-1.14` cached, when it
# has been built (it is not built here). -query-terraform= in BENCH_ARGS leaves the row out.
query_args=()
tf114="${CXONE_TF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-cxone}/terraform-1.14.3/terraform"
if [ -x "$tf114" ]; then
  query_args=(-query-terraform "$tf114")
fi

# BENCH_ARGS is split on spaces on purpose: it is a list of flags.
# shellcheck disable=SC2086
exec go run ./internal/bench -terraform "$tf" "${query_args[@]}" ${BENCH_ARGS:-} "$@"
