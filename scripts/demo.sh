#!/usr/bin/env bash
# The Watering Hole, end to end against the mock CXone server, on a fresh clone:
# install the provider into a filesystem mirror (make install) and build the mock,
# terraform init from the mirror, apply examples/watering-hole (the inbound set-up and
# King Louie's launch campaign), check that a second plan is empty, destroy, and show what
# the mock holds. Everything (binaries, Terraform CLI config, state, data dir) lives in one
# temporary folder that is removed on exit, and the mock is stopped on exit, whether the
# demo passed or failed.
#
# Which Terraform: the launch's deeds are Terraform 1.14 actions
# (examples/watering-hole-launch-actions, copied in on 1.14). The demo runs on 1.14 when it
# is at hand without a build: TF_ACC_TERRAFORM_PATH when it names 1.14 or later, else the
# project's own build of 1.14.3 when it is cached (make terraform-1.14), else the terraform
# on PATH when it is 1.14 or later. Otherwise it runs the terraform of
# scripts/terraform-path.sh (1.11 here and in CI) without the actions, and says so: building
# 1.14 takes about ten minutes on a fresh machine, too long for a demo. On 1.14 the trigger
# uploads the records and starts the skill during apply, then terraform apply -invoke sends
# the test message and stops the skill, and the mock's state shows each.
set -euo pipefail

# shellcheck source=scripts/demo-lib.sh
. "$(dirname "$0")/demo-lib.sh"
demo_setup "Demo"

# mock_py runs a Python program on the mock's /_mock/state, read from stdin.
mock_py() {
  curl -fsS "$mock_url/_mock/state" | python3 -c "$1"
}

# mock_summary prints how many objects of each kind the mock holds, from /_mock/state.
mock_summary() {
  if ! command -v python3 >/dev/null 2>&1; then
    printf '  (python3 not found: the raw state, shortened)\n%s\n' "$(curl -fsS "$mock_url/_mock/state")" | cut -c1-2000
    return
  fi
  mock_py '
import json, sys

state = json.load(sys.stdin)
def count(key, pred=None):
    items = state.get(key) or []
    return len(items) if pred is None else sum(1 for i in items if pred(i))
def digital(a):
    return a.get("DigitalEngagementEnabled", a.get("digitalEngagementEnabled")) is True
def active(i):
    return i.get("isActive") is True
def outbound(s):
    return bool(s.get("outboundStrategy"))

print("  users:             %d (%d active, %d with digital engagement)" % (count("agents"), count("agents", active), count("agents", digital)))
print("  skills:            %d inbound (%d active), %d outbound (%d active, %d running)" % (
    count("skills", lambda s: not outbound(s)), count("skills", lambda s: not outbound(s) and active(s)),
    count("skills", outbound), count("skills", lambda s: outbound(s) and active(s)), count("skills", lambda s: s.get("isRunning") is True)))
print("  assignments:       %d" % count("assignments"))
print("  routing queues:    %d (%d deleted)" % (count("routing_queues"), count("routing_queues", lambda q: q.get("isDeleted") is True)))
print("  integrations:      %d" % count("integrations"))
print("  channels:          %d (%d with an outbound flow)" % (count("channels"), count("channels", lambda c: c.get("hasOutboundFlow") is True)))
print("  bindings:          %d" % count("bindings"))
for key, label in (("message_templates", "message templates"), ("campaigns", "campaigns"), ("dispositions", "dispositions"), ("dnc_groups", "DNC groups")):
    print("  %-18s %d (%d active)" % (label + ":", count(key), count(key, active)))
print("  DNC group links:   %d" % count("dnc_group_skills"))
print("  calling lists:     %d (%d records)" % (count("calling_lists"), sum(l.get("totalRecords", 0) for l in state.get("calling_lists") or [])))
print("  upload jobs:       %d" % count("upload_jobs"))
print("  outbound messages: %d" % count("outbound_messages"))
'
}

# launch_skill_running prints whether the launch skill runs: running, stopped or missing.
launch_skill_running() {
  mock_py '
import json, sys
s = [s for s in json.load(sys.stdin).get("skills") or [] if s.get("skillName") == "Watering-Hole.Launch"]
print("missing" if not s else ("running" if s[0].get("isRunning") else "stopped"))
'
}

# expect WHAT GOT WANT fails the demo unless GOT is WANT.
expect() {
  if [ "$2" != "$3" ]; then
    echo "$1: $2, want $3" >&2
    exit 1
  fi
  echo "$1: $2"
}

# tf_version_at_least BINARY MAJOR MINOR: the binary reports that version or a later one.
tf_version_at_least() {
  local v major minor
  v=$(CHECKPOINT_DISABLE=1 "$1" version 2>/dev/null | head -n 1)
  [[ "$v" =~ ^Terraform\ v([0-9]+)\.([0-9]+)\. ]] || return 1
  major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]}
  [ "$major" -gt "$2" ] || { [ "$major" -eq "$2" ] && [ "$minor" -ge "$3" ]; }
}

step "Terraform (1.14 with the launch's actions when at hand without a build, else scripts/terraform-path.sh)"
cd "$repo"
tf14=""
if [ -n "${TF_ACC_TERRAFORM_PATH:-}" ]; then
  tf_version_at_least "$TF_ACC_TERRAFORM_PATH" 1 14 && tf14=$TF_ACC_TERRAFORM_PATH
elif tf14=$(bash scripts/terraform-build.sh --cached 2>/dev/null | tail -n 1); then
  :
elif command -v terraform >/dev/null 2>&1 && tf_version_at_least "$(command -v terraform)" 1 14; then
  tf14=$(command -v terraform)
else
  tf14=""
fi
if [ -n "$tf14" ]; then
  export TF_ACC_TERRAFORM_PATH=$tf14
fi
use_terraform
if tf_version_at_least terraform 1 14; then
  with_actions=1
  echo "Terraform 1.14 or later: the launch's actions (examples/watering-hole-launch-actions) run too."
else
  with_actions=0
  echo "Terraform before 1.14: the launch's actions are left out (they need 1.14)."
  echo "make terraform-1.14 builds 1.14.3 once (about ten minutes); the next make demo runs them."
fi

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
if [ "$with_actions" = 1 ]; then
  # The actions' layer, as its README says: action blocks, the calling list's trigger
  # (an override file) and the records.
  cp "$repo"/examples/watering-hole-launch-actions/*.tf "$repo"/examples/watering-hole-launch-actions/records.csv "$tmp/work/"
fi
cd "$tmp/work"

# The same settings a real tenant would take, pointed at the mock.
export CXONE_TENANT_ID=mock-tenant
export CXONE_AUTH_URL="$mock_url"
export CXONE_ACCESS_KEY_ID=mock-access-key
export CXONE_ACCESS_KEY_SECRET=mock-access-secret
unset CXONE_API_ENDPOINT CXONE_CLIENT_ID CXONE_CLIENT_SECRET CXONE_ADMIN_API_VERSION
export TF_VAR_middleware_client_secret="watering-hole-demo-secret"
if [ "$with_actions" = 1 ]; then
  echo "configuration: $tmp/work (copied from examples/watering-hole and examples/watering-hole-launch-actions)"
else
  echo "configuration: $tmp/work (copied from examples/watering-hole)"
fi

step "terraform init"
terraform init -input=false

step "terraform validate"
terraform validate

if [ "$with_actions" = 1 ]; then
  step "terraform apply (creating the calling list triggers the upload, which starts the skill)"
else
  step "terraform apply"
fi
terraform apply -auto-approve -input=false

step "terraform output"
terraform output

step "What the mock holds after apply"
mock_summary

if [ "$with_actions" = 1 ]; then
  step "The launch in the mock: records uploaded, skill started"
  uploaded=$(mock_py '
import json, sys
jobs = json.load(sys.stdin).get("upload_jobs") or []
print(";".join("%s records, %s valid, %s invalid%s" % (j.get("totalRecords"), j.get("validRecords"), j.get("invalidRecords"), "" if j.get("isComplete") else " (not complete)") for j in jobs) or "no upload job")
')
  expect "upload job of The Jungle mailing list" "$uploaded" "5 records, 5 valid, 0 invalid"
  expect "skill Watering-Hole.Launch" "$(launch_skill_running)" running
fi

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

if [ "$with_actions" = 1 ]; then
  step "terraform apply -invoke=action.cxone_channel_send_message.test_message"
  terraform apply -auto-approve -input=false -invoke=action.cxone_channel_send_message.test_message | sed '/^Outputs:$/,$d'
  step "The test message in the mock (outbound_messages)"
  sent=$(mock_py '
import json, sys
for m in json.load(sys.stdin).get("outbound_messages") or []:
    to = ", ".join(r.get("idOnExternalPlatform", "?") for r in m.get("recipients") or [])
    text = ((m.get("messageContent") or {}).get("payload") or {}).get("text", "")
    print("to %s: %s (%s)" % (to, text, "delivered to " + m["forwardedTo"] if m.get("forwardedTo") else "recorded; the middleware is not one the mock reaches"))
')
  echo "$sent"
  expect "test messages recorded" "$(printf '%s' "$sent" | grep -c '^to ')" 1

  step "terraform apply -invoke=action.cxone_outbound_skill_stop.end_of_campaign"
  terraform apply -auto-approve -input=false -invoke=action.cxone_outbound_skill_stop.end_of_campaign | sed '/^Outputs:$/,$d'
  expect "skill Watering-Hole.Launch" "$(launch_skill_running)" stopped

  step "terraform plan after the actions (must show no changes: actions write no state)"
  if ! terraform plan -detailed-exitcode -input=false >/dev/null; then
    echo "the plan after the actions is not empty" >&2
    exit 1
  fi
  echo "No changes."
fi

step "terraform destroy"
terraform destroy -auto-approve -input=false

step "What the mock holds after destroy"
# CXone cannot delete skills or users: the skills and the new hire are deactivated (the
# queues marked deleted) and the agents lose digital engagement. The template, campaign,
# dispositions and DNC group are deactivated too; everything else is gone (the mock keeps
# its record of upload jobs and messages sent).
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

if [ "$with_actions" = 1 ]; then
  printf '\nDemo passed on %s: apply (the launch'"'"'s records uploaded and its skill started by the trigger), empty second plan, test message and stop by terraform apply -invoke, destroy (the new hire left inactive).\n' "$(terraform version | head -n 1)"
else
  printf '\nDemo passed on %s, without the launch'"'"'s actions (they need Terraform 1.14): apply, empty second plan, destroy (the new hire left inactive).\n' "$(terraform version | head -n 1)"
fi
