#!/usr/bin/env bash
# `make install`: builds the provider into a local filesystem mirror, in the layout
# `terraform init` reads (the "unpacked" layout of a provider_installation mirror):
#   MIRROR/registry.terraform.io/cxone-oss/cxone/VERSION/OS_ARCH/terraform-provider-cxone_vVERSION
# The default MIRROR, ~/.terraform.d/plugins, is Terraform's implied local mirror: with no
# provider_installation block in the CLI configuration, `terraform init` installs
# cxone-oss/cxone from it and every other provider from its registry, with no
# development-overrides warning.
#
# Usage: install.sh MIRROR PROVIDER_ADDRESS VERSION LDFLAGS
set -euo pipefail
cd "$(dirname "$0")/.."

mirror=${1:?mirror directory}
addr=${2:?provider address}
version=${3:?version (the top version of CHANGELOG.md)}
ldflags=${4:-}

[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "install: version \"$version\" is not MAJOR.MINOR.PATCH" >&2; exit 1; }
os_arch="$(go env GOOS)_$(go env GOARCH)"
dir="$mirror/$addr/$version/$os_arch"
name="terraform-provider-${addr##*/}_v$version"

mkdir -p "$dir"
# Built beside its final name, then renamed: a terraform init running meanwhile never
# sees half a binary.
go build -trimpath -ldflags "$ldflags -X main.version=$version" -o "$dir/.$name.partial" .
mv -f "$dir/.$name.partial" "$dir/$name"
echo "installed $dir/$name"

source_addr=${addr#registry.terraform.io/}
cat <<EOF

terraform init now finds $source_addr $version (source = "$source_addr" in required_providers).
EOF
if [ "$mirror" = "$HOME/.terraform.d/plugins" ]; then
	cat <<EOF
That folder is Terraform's implied local mirror: it is used when your CLI configuration has no
provider_installation block. If it has one, add the mirror to it:
EOF
else
	echo "Add this mirror to your Terraform CLI configuration (TF_CLI_CONFIG_FILE or ~/.terraformrc):"
fi
cat <<EOF

provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["$addr"]
  }
  direct {
    exclude = ["$addr"]
  }
}

A configuration initialised with an earlier build has its checksum in .terraform.lock.hcl:
run 'terraform init -upgrade' there to take the new build.
EOF
