#!/usr/bin/env bash
# The Watering Hole, end to end against the mock CXone server, on a fresh clone:
# install the provider into a filesystem mirror (make install) and build the mock,
# terraform init from the mirror, apply examples/watering-hole, check that a second
# plan is empty, destroy, and show what the mock holds. Everything (binaries, Terraform
# CLI config, state, data dir) lives in one temporary folder that is removed on exit,
# and the mock is stopped on exit, whether the demo passed or failed.
set -euo pipefail

# shellcheck source=scripts/demo-lib.sh
. "$(dirname "$0")/demo-lib.sh"
demo_setup "Demo"

# mock_summary prints how many objects of each kind the mock holds, from /_mock/state.
mock_summary() {
  local state
  state=$(curl -fsS "$mock_url/_mock/state")
  if command -v python3 >/dev/null 2>&1; then
    printf '%s' "$state" | python3 -c '
import json, sys

state = json.load(sys.stdin)
def count(key, pred=None):
    items = state.get(key) or []
    return len(items) if pred is None else sum(1 for i in items if pred(i))
def digital(a):
    return a.get("DigitalEngagementEnabled", a.get("digitalEngagementEnabled")) is True

print("  users:          %d (%d active, %d with digital engagement)" % (count("agents"), count("agents", lambda a: a.get("isActive") is True), count("agents", digital)))
print("  skills:         %d (%d active)" % (count("skills"), count("skills", lambda s: s.get("isActive") is True)))
print("  assignments:    %d" % count("assignments"))
print("  routing queues: %d (%d deleted)" % (count("routing_queues"), count("routing_queues", lambda q: q.get("isDeleted") is True)))
print("  integrations:   %d" % count("integrations"))
print("  channels:       %d" % count("channels"))
print("  bindings:       %d" % count("bindings"))
'
  else
    printf '  (python3 not found: the raw state, shortened)\n%s\n' "$state" | cut -c1-2000
  fi
}

step "Terraform (the terraform on PATH, else the project's own build: scripts/terraform-path.sh)"
cd "$repo"
use_terraform

step "Installing the provider into a filesystem mirror (make install, as a user does)"
mkdir -p "$tmp/mock"
make -s --no-print-directory install PLUGIN_MIRROR="$tmp/mirror" | sed -n 1p

step "Building and starting the mock CXone server"
go build -o "$tmp/mock/mockcxone" ./internal/mockcxone/cmd/mockcxone
start_mock "$tmp/mock/mockcxone"

step "Preparing Terraform (the mirror as the only installation method: no registry)"
cat >"$tmp/terraformrc" <<EOF
provider_installation {
  filesystem_mirror {
    path    = "$tmp/mirror"
    include = ["registry.terraform.io/cxone-oss/cxone"]
  }
}
EOF
export TF_CLI_CONFIG_FILE="$tmp/terraformrc"
export TF_DATA_DIR="$tmp/work/.terraform"
export TF_IN_AUTOMATION=1
export CHECKPOINT_DISABLE=1
unset TF_PLUGIN_CACHE_DIR TF_WORKSPACE
mkdir -p "$tmp/work"
# Only the configuration is copied, never a state file left in the examples folder.
cp "$repo"/examples/watering-hole/*.tf "$tmp/work/"
cd "$tmp/work"

# The same settings a real tenant would take, pointed at the mock.
export CXONE_TENANT_ID=mock-tenant
export CXONE_AUTH_URL="$mock_url"
export CXONE_ACCESS_KEY_ID=mock-access-key
export CXONE_ACCESS_KEY_SECRET=mock-access-secret
unset CXONE_API_ENDPOINT CXONE_CLIENT_ID CXONE_CLIENT_SECRET CXONE_ADMIN_API_VERSION
export TF_VAR_middleware_client_secret="watering-hole-demo-secret"
echo "configuration: $tmp/work (copied from examples/watering-hole)"

step "terraform init"
terraform init -input=false

step "terraform validate"
terraform validate

step "terraform apply"
terraform apply -auto-approve -input=false

step "terraform output"
terraform output

step "What the mock holds after apply"
mock_summary

step "terraform plan (must show no changes)"
if terraform plan -detailed-exitcode -input=false; then
  plan_rc=0
else
  plan_rc=$?
fi
case "$plan_rc" in
0) echo "The second plan is empty: the configuration converged in one apply." ;;
2)
  echo "The second plan is NOT empty: apply did not converge." >&2
  exit 1
  ;;
*)
  echo "terraform plan failed (exit code $plan_rc)." >&2
  exit 1
  ;;
esac

step "terraform destroy"
terraform destroy -auto-approve -input=false

step "What the mock holds after destroy"
# CXone cannot delete skills or users: the skill and the new hire are deactivated (the
# queue marked deleted) and the agents lose digital engagement; everything else is gone.
mock_summary

step "The new hire after destroy (must be inactive, not gone)"
# cxone_user's destroy deactivates: the mock must still hold grey.brother, inactive.
new_hire=$(curl -fsS "$mock_url/_mock/state" | python3 -c '
import json, sys
users = [a for a in json.load(sys.stdin).get("agents") or [] if a.get("userName") == "grey.brother"]
print("missing" if not users else ("active" if users[0].get("isActive") else "inactive"))
')
case "$new_hire" in
inactive) echo "grey.brother is still in CXone, inactive: destroy deactivated the user." ;;
*)
  echo "grey.brother is $new_hire after destroy; want inactive." >&2
  exit 1
  ;;
esac

step "Stopping the mock"
kill "$mock_pid" 2>/dev/null || true
wait "$mock_pid" 2>/dev/null || true
mock_pid=""
echo "stopped"

printf '\nDemo passed: apply, empty second plan, destroy (the new hire left inactive).\n'
