#!/usr/bin/env bash
# `make mirror-check`: the provider installed like any other provider. A configuration that
# uses cxone-oss/cxone and hashicorp/time runs terraform init, plan, apply, an empty second
# plan and destroy against the mock, with both providers taken from one filesystem mirror:
# cxone-oss/cxone put there by `make install`, hashicorp/time built from its Go module.
# The CLI configuration lists only that mirror, so Terraform never contacts a registry, and
# the check fails if any command prints the development-overrides warning.
#
# hashicorp/time stands for "another provider": HashiCorp's random, null and local tag
# v2/v3 releases on a module path without the /vN suffix, so the Go module proxy serves
# none of their current releases; time is still v0 and is served.
set -euo pipefail

# shellcheck source=scripts/demo-lib.sh
. "$(dirname "$0")/demo-lib.sh"
demo_setup "Mirror check"

TIME_VERSION=0.14.2
cd "$repo"
version=$(make -s -f GNUmakefile --no-print-directory print-install-version)
os_arch="$(go env GOOS)_$(go env GOARCH)"
mirror="$tmp/mirror"
mkdir -p "$tmp/mock" "$tmp/work"

step "Terraform (scripts/terraform-path.sh)"
use_terraform

step "make install into a filesystem mirror ($mirror)"
make -s --no-print-directory install PLUGIN_MIRROR="$mirror" | sed -n 1p

step "hashicorp/time v$TIME_VERSION, built from its Go module into the same mirror"
time_dir="$mirror/registry.terraform.io/hashicorp/time/$TIME_VERSION/$os_arch"
mkdir -p "$time_dir" "$tmp/gobin"
GOBIN="$tmp/gobin" GOFLAGS=-buildvcs=false go install -trimpath "github.com/hashicorp/terraform-provider-time@v$TIME_VERSION"
mv "$tmp/gobin/terraform-provider-time" "$time_dir/terraform-provider-time_v$TIME_VERSION"
echo "installed $time_dir/terraform-provider-time_v$TIME_VERSION"

step "Starting the mock CXone server"
go build -o "$tmp/mock/mockcxone" ./internal/mockcxone/cmd/mockcxone
start_mock "$tmp/mock/mockcxone" -sync-delay 200ms -quiet

step "A CLI configuration with the mirror as the only installation method"
cat >"$tmp/terraformrc" <<EOF
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/cxone-oss/cxone", "registry.terraform.io/hashicorp/time"]
  }
}
EOF
cat "$tmp/terraformrc"
export TF_CLI_CONFIG_FILE="$tmp/terraformrc"
export TF_DATA_DIR="$tmp/work/.terraform"
export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
unset TF_PLUGIN_CACHE_DIR TF_WORKSPACE TF_CLI_ARGS TF_CLI_ARGS_init
export CXONE_TENANT_ID=mock-tenant CXONE_AUTH_URL="$mock_url"
export CXONE_ACCESS_KEY_ID=mock-access-key CXONE_ACCESS_KEY_SECRET=mock-access-secret
unset CXONE_API_ENDPOINT CXONE_CLIENT_ID CXONE_CLIENT_SECRET CXONE_ADMIN_API_VERSION

cat >"$tmp/work/main.tf" <<EOF
terraform {
  required_providers {
    cxone = {
      source  = "cxone-oss/cxone"
      version = "$version"
    }
    time = {
      source  = "hashicorp/time"
      version = "$TIME_VERSION"
    }
  }
}

provider "cxone" {}

resource "time_static" "opened" {}

resource "cxone_digital_skill" "season" {
  name  = "Dry season \${time_static.opened.year}"
  notes = "Opened \${time_static.opened.rfc3339}."
}
EOF
cd "$tmp/work"

# run CMD...: runs a terraform command, keeps its output, and fails on the
# development-overrides warning.
run() {
  local log="$tmp/last.log" rc=0
  "$@" >"$log" 2>&1 || rc=$?
  cat "$log"
  if grep -qi 'development overrides\|dev_overrides' "$log"; then
    echo "'$*' printed the development-overrides warning" >&2
    return 1
  fi
  return "$rc"
}

step "terraform init (no registry: the mirror only)"
run terraform init -input=false -no-color
for want in "cxone-oss/cxone v$version" "hashicorp/time v$TIME_VERSION"; do
  grep -q "Installed $want" "$tmp/last.log" || { echo "terraform init did not install $want from the mirror" >&2; exit 1; }
done

step "terraform plan"
run terraform plan -input=false -no-color -out="$tmp/plan"

step "terraform apply"
run terraform apply -input=false -no-color "$tmp/plan"

step "terraform plan (must show no changes)"
rc=0
run terraform plan -input=false -no-color -detailed-exitcode || rc=$?
[ "$rc" -eq 0 ] || { echo "the second plan exited $rc; want 0 (no changes)" >&2; exit 1; }

step "terraform destroy"
run terraform destroy -auto-approve -input=false -no-color

printf '\nMirror check passed: init from a filesystem mirror (cxone-oss/cxone %s, hashicorp/time %s), plan, apply, an empty plan and destroy, with no development-overrides warning.\n' "$version" "$TIME_VERSION"
