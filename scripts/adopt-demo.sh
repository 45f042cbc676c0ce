#!/usr/bin/env bash
# Adoption end to end against the mock CXone server, on Terraform 1.14: set a tenant up
# by hand through the API, then the three commands of examples/adopt:
#   terraform query -generate-config-out=generated.tf
#   terraform plan    (must import every object and add, change and destroy nothing)
#   terraform apply   (then the next plan must be empty)
# The provider is used through dev_overrides: no terraform init, no registry. Everything
# lives in one temporary folder, removed on exit, and the mock is stopped on exit.
set -euo pipefail

# shellcheck source=scripts/demo-lib.sh
. "$(dirname "$0")/demo-lib.sh"
demo_setup "Adoption demo"
# Objects the hand-made set-up makes (acctest.HandMadeObjects): 2 skills, 3 users with
# digital engagement, 4 assignments, 1 integration, 2 channels, 2 bindings, 1 new user;
# outbound: 1 message template, 1 campaign, 2 dispositions, 1 outbound skill, 1 DNC
# group, 1 DNC group link, 1 calling list.
want_imports=23

step "Terraform 1.14 (make -s terraform-1.14: built once from its Go module, then cached)"
cd "$repo"
tf=$(make -s terraform-1.14 | tail -n 1)
"$tf" version | head -n 1

step "Building the provider, the mock and the hand-made set-up"
mkdir -p "$tmp/bin" "$tmp/mock"
go build -o "$tmp/bin/terraform-provider-cxone" .
go build -o "$tmp/mock/mockcxone" ./internal/mockcxone/cmd/mockcxone
go build -o "$tmp/mock/handmade" ./internal/acctest/cmd/handmade

step "Starting the mock CXone server"
start_mock "$tmp/mock/mockcxone" -sync-delay 200ms -quiet

step "Setting the tenant up by hand, through the API as the CXone UI would"
"$tmp/mock/handmade" -auth-url "$mock_url"

step "Preparing Terraform (dev_overrides, no registry, no terraform init)"
cat >"$tmp/terraformrc" <<EOT
provider_installation {
  dev_overrides {
    "cxone-oss/cxone" = "$tmp/bin"
  }
  direct {}
}
EOT
export TF_CLI_CONFIG_FILE="$tmp/terraformrc"
export TF_DATA_DIR="$tmp/work/.terraform"
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
unset TF_PLUGIN_CACHE_DIR TF_WORKSPACE
export CXONE_TENANT_ID=mock-tenant CXONE_AUTH_URL="$mock_url"
export CXONE_ACCESS_KEY_ID=mock-access-key CXONE_ACCESS_KEY_SECRET=mock-access-secret
unset CXONE_API_ENDPOINT CXONE_CLIENT_ID CXONE_CLIENT_SECRET CXONE_ADMIN_API_VERSION
mkdir -p "$tmp/work"
cp "$repo"/examples/adopt/*.tf "$repo"/examples/adopt/*.tfquery.hcl "$tmp/work/"
cd "$tmp/work"
echo "configuration: $tmp/work (copied from examples/adopt)"

step "terraform query -generate-config-out=generated.tf"
"$tf" query -no-color -generate-config-out=generated.tf
imports=$(grep -c '^import {' generated.tf || true)
echo "generated.tf: $imports import blocks, $(grep -c '^resource ' generated.tf || true) resource blocks"
grep -o '^resource "cxone_[a-z_]*"' generated.tf | sort | uniq -c | sed 's/resource //' || true
if [ "$imports" -ne "$want_imports" ]; then
  echo "the query found $imports objects to import; the hand-made set-up has $want_imports" >&2
  exit 1
fi

step "terraform plan (must be imports only)"
"$tf" plan -no-color -input=false | tee plan.txt
want="Plan: $want_imports to import, 0 to add, 0 to change, 0 to destroy."
if ! grep -qxF "$want" plan.txt; then
  echo "the plan is not '$want'" >&2
  exit 1
fi

step "terraform apply"
"$tf" apply -no-color -auto-approve -input=false

step "terraform plan (must show no changes)"
if "$tf" plan -no-color -detailed-exitcode -input=false; then
  plan_rc=0
else
  plan_rc=$?
fi
case "$plan_rc" in
0) echo "The plan after the apply is empty: the tenant is adopted." ;;
2) echo "The plan after the apply is NOT empty." >&2; exit 1 ;;
*) echo "terraform plan failed (exit code $plan_rc)." >&2; exit 1 ;;
esac

step "Stopping the mock"
kill "$mock_pid" 2>/dev/null || true
wait "$mock_pid" 2>/dev/null || true
mock_pid=""

printf '\nAdoption demo passed: %d objects imported with the generated configuration, no change planned, empty plan after apply.\n' "$want_imports"
