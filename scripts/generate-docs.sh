#!/usr/bin/env bash
# `make generate`: `terraform fmt` the examples and render docs/ with tfplugindocs from the
# schema, templates/ and examples/. tfplugindocs reads the schema through
# `terraform providers schema -json`, and only Terraform 1.14 reports list resources and
# identities there, so this finds or builds Terraform 1.14.3 first (scripts/terraform-build.sh:
# about 10 minutes once on a fresh machine, then cached). tfplugindocs empties its output folder
# before rendering, so it renders into a temporary folder and docs/ is replaced only when every
# step passed: a failure leaves docs/ as it was.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

tf=$(bash scripts/terraform-build.sh | tail -n 1)
# sed reads to the end: head would close the pipe early, and Terraform, writing on, would
# die of SIGPIPE, which pipefail turns into a failed generate (exit 141).
"$tf" version | sed -n 1p
"$tf" fmt -recursive examples/

# tfplugindocs takes the output folder relative to the provider's folder.
out=$(mktemp -d "$repo/.docs-generate.XXXXXX")
trap 'rm -rf "$out"' EXIT
PATH="$(dirname "$tf"):$PATH" go tool -modfile=tools/go.mod tfplugindocs generate \
	--provider-name cxone --rendered-provider-name CXone \
	--rendered-website-dir "${out#"$repo"/}"
[ -f "$out/index.md" ] || { echo "generate: tfplugindocs rendered no index.md; docs/ left as it was" >&2; exit 1; }

rm -rf docs
mv "$out" docs
chmod 755 docs
echo "docs/ regenerated"
