#!/usr/bin/env bash
# Prints the path of the Terraform CLI that `make test`, `make demo` and the other
# project commands run, as the last line of stdout:
#   1. TF_ACC_TERRAFORM_PATH, when it is set (the variable terraform-plugin-testing reads);
#   2. else the `terraform` on PATH;
#   3. else the project's own build of Terraform 1.14.3 (scripts/terraform-build.sh: built
#      once from its Go module through the Go module proxy, about 10 minutes on a fresh
#      machine, then cached outside the tree).
# terraform-plugin-testing falls back to downloading a Terraform release when none is on
# PATH; step 3 is the same fallback without a download from outside the Go module proxy.
set -euo pipefail

if [ -n "${TF_ACC_TERRAFORM_PATH:-}" ]; then
	[ -x "$TF_ACC_TERRAFORM_PATH" ] || { echo "terraform-path: TF_ACC_TERRAFORM_PATH=$TF_ACC_TERRAFORM_PATH is not an executable" >&2; exit 1; }
	printf '%s\n' "$TF_ACC_TERRAFORM_PATH"
	exit 0
fi
if tf="$(command -v terraform 2>/dev/null)" && [ -n "$tf" ]; then
	printf '%s\n' "$tf"
	exit 0
fi
echo "terraform-path: no terraform on PATH; using the project's own build of Terraform 1.14.3 (scripts/terraform-build.sh)" >&2
bash "$(dirname "${BASH_SOURCE[0]}")/terraform-build.sh" | tail -n 1
