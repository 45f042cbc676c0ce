#!/usr/bin/env bash
# Builds Terraform from its Go module (served by the Go module proxy) into a
# cache outside the tree, once, and prints the binary's path as the last line
# of stdout; everything else goes to stderr. Later runs reuse the cached binary
# when `terraform version` says it is the wanted version.
#
#   TF_ACC_TERRAFORM_PATH="$(bash scripts/terraform-build.sh)" make testacc
#   bash scripts/terraform-build.sh --cached   # the cached binary's path, or exit 1: never builds
#
# The module zip leaves out the nested modules that Terraform's go.mod replaces
# with local directories (the remote state backends other than http and inmem,
# and internal/legacy). A throwaway main module, generated in a temporary
# directory from tools/terraform-1.14/, requires Terraform and replaces each of
# them with a stand-in; the stand-in backends report that they are not part of
# the build. Nothing is written inside the repository.
#
# Environment:
#   CXONE_TF_CACHE  cache root (default: ${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-cxone);
#                   the binary is <root>/terraform-<version>/terraform
#   GO              Go command (default: go)
set -euo pipefail

TF_VERSION=1.14.3
TF_MODULE=github.com/hashicorp/terraform

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
inputs="$root/tools/terraform-1.14"
cache_root="${CXONE_TF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-cxone}"
dest_dir="$cache_root/terraform-$TF_VERSION"
dest="$dest_dir/terraform"
GO="${GO:-go}"

log() { printf 'terraform-build: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# is_wanted BINARY: the binary runs and reports exactly the wanted version.
is_wanted() {
	[ -x "$1" ] || return 1
	local first
	first="$(CHECKPOINT_DISABLE=1 "$1" version 2>/dev/null | head -n 1)" || return 1
	[ "$first" = "Terraform v$TF_VERSION" ]
}

if is_wanted "$dest"; then
	log "reusing $dest"
	printf '%s\n' "$dest"
	exit 0
fi
if [ "${1:-}" = "--cached" ]; then
	log "no cached build of Terraform v$TF_VERSION at $dest (make terraform-1.14 builds it)"
	exit 1
fi

mkdir -p "$dest_dir"
# One build at a time per cache: a second caller waits, then reuses the result.
if command -v flock >/dev/null 2>&1; then
	exec 9>"$dest_dir/.lock"
	flock 9
	if is_wanted "$dest"; then
		log "reusing $dest (built by a concurrent run)"
		printf '%s\n' "$dest"
		exit 0
	fi
	# Left by a run that was killed outright; no other build holds the lock.
	rm -f "$dest_dir"/.terraform.partial.*
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/cxone-terraform-build.XXXXXX")"
partial="$dest_dir/.terraform.partial.$$"
trap 'rm -rf "$work"; rm -f "$partial"' EXIT
cd "$work"

export GOWORK=off GOFLAGS=-mod=mod CGO_ENABLED=0
log "building Terraform v$TF_VERSION with $("$GO" env GOVERSION) in $work"

# Terraform's own go.mod: the list of nested modules to stand in for, and the
# dependency versions the build must select.
tf_gomod="$("$GO" mod download -json "$TF_MODULE@v$TF_VERSION" | sed -n 's|^[[:space:]]*"GoMod": "\(.*\)",*$|\1|p')"
[ -f "$tf_gomod" ] || die "could not download $TF_MODULE@v$TF_VERSION"

nested="$(sed -n -E 's#^[[:space:]]*(replace[[:space:]]+)?('"$TF_MODULE"'/[^[:space:]]+)[[:space:]]+=>[[:space:]]+\./.*$#\2#p' "$tf_gomod")"
[ -n "$nested" ] || die "no local replace directives found in $tf_gomod"

subst() { sed -e "s,@TF_VERSION@,$TF_VERSION,g" -e "s,@MODULE@,$2,g" -e "s,@PACKAGE@,$3,g" "$1"; }

subst "$inputs/go.mod.tmpl" "" "" >go.mod
for module in $nested; do
	rel="${module#"$TF_MODULE"/}"
	dir="standin/$rel"
	mkdir -p "$dir"
	subst "$inputs/standin/go.mod.tmpl" "$module" "" >"$dir/go.mod"
	case "$rel" in
	internal/backend/remote-state/*)
		subst "$inputs/standin/backend.go.tmpl" "$module" "${rel##*/}" >"$dir/backend.go"
		;;
	esac
	printf 'replace %s => ./%s\n' "$module" "$dir" >>go.mod
	log "stand-in: $module"
done

start=$SECONDS
"$GO" build -trimpath \
	-ldflags "-s -w -X $TF_MODULE/version.dev=no" \
	-o "$partial" "$TF_MODULE"
log "go build took $((SECONDS - start))s"

# Every module linked into the binary that Terraform's go.mod requires must be
# at the version it names, so the build matches Terraform's own.
"$GO" version -m "$partial" | awk '$1 == "dep" { print $2, $3 }' >linked.txt
awk '
	FNR == NR { linked[$1] = $2; next }
	/^require[[:space:]]*\($/ { inblock = 1; next }
	inblock && /^\)/ { inblock = 0; next }
	{
		line = $0; sub(/\/\/.*/, "", line); n = split(line, f, /[[:space:]]+/)
		path = ""; version = ""
		if (inblock) { for (i = 1; i <= n; i++) if (f[i] != "") { if (path == "") path = f[i]; else if (version == "") version = f[i] } }
		else if (f[1] == "require" && n >= 3) { path = f[2]; version = f[3] }
		if (path == "" || !(path in linked)) next
		checked++
		if (linked[path] != version) { printf "  %s: Terraform requires %s, the build linked %s\n", path, version, linked[path]; bad = 1 }
	}
	END { if (!checked) { print "  no module to compare"; bad = 1 }; exit bad }
' linked.txt "$tf_gomod" >&2 || die "dependency versions differ from Terraform's go.mod"

is_wanted "$partial" || die "the built binary does not report Terraform v$TF_VERSION"
mv -f "$partial" "$dest"
log "installed $dest"
printf '%s\n' "$dest"
