# Shared by demo.sh and adopt-demo.sh (sourced, not run): a working folder, a mock
# started later into mock_pid, and an EXIT trap that stops the mock, shows the end
# of its log when the demo failed, and removes the folder.
# Usage: demo_setup "Adoption demo" (the name the failure message gives).

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mock_pid=""

demo_setup() {
  demo_name=$1
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/cxone-demo.XXXXXX")
  trap demo_cleanup EXIT
  # An interrupt ends the script through the EXIT trap, so the mock is stopped then too.
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

demo_cleanup() {
  local rc=$?
  if [ -n "$mock_pid" ] && kill -0 "$mock_pid" 2>/dev/null; then
    kill "$mock_pid" 2>/dev/null || true
    wait "$mock_pid" 2>/dev/null || true
  fi
  if [ "$rc" -ne 0 ]; then
    if [ -s "$tmp/mock/stderr.log" ]; then
      printf '\nLast lines of the mock'\''s log:\n' >&2
      tail -n 20 "$tmp/mock/stderr.log" >&2
    fi
    printf '\n%s FAILED (exit code %s).\n' "$demo_name" "$rc" >&2
  fi
  rm -rf "$tmp"
  exit "$rc"
}

step() { printf '\n==> %s\n' "$*"; }

# use_terraform puts the Terraform CLI of scripts/terraform-path.sh first on PATH (the
# terraform on PATH, else the project's own build of 1.14.3) and prints its version.
use_terraform() {
  local tf
  tf=$(bash "$repo/scripts/terraform-path.sh" | tail -n 1)
  mkdir -p "$tmp/tfbin"
  ln -sf "$tf" "$tmp/tfbin/terraform"
  PATH="$tmp/tfbin:$PATH"
  echo "terraform: $tf ($(terraform version 2>/dev/null | head -n 1))"
}

# start_mock BINARY [FLAGS...] starts the mock on a free loopback port into mock_pid and
# sets mock_url from its first line of output ("listening on http://127.0.0.1:PORT").
start_mock() {
  "$@" -addr 127.0.0.1:0 >"$tmp/mock/stdout.log" 2>"$tmp/mock/stderr.log" &
  mock_pid=$!
  mock_url=""
  local line
  for _ in $(seq 1 100); do
    # Read the line only once it is complete (ends in a newline), never half-written.
    line=""
    if [ "$(wc -l <"$tmp/mock/stdout.log")" -ge 1 ]; then
      line=$(head -n 1 "$tmp/mock/stdout.log")
    fi
    if [[ "$line" =~ ^listening\ on\ (http://127\.0\.0\.1:[0-9]+)$ ]]; then
      mock_url=${BASH_REMATCH[1]}
      echo "mock listening on $mock_url (pid $mock_pid)"
      return 0
    fi
    if ! kill -0 "$mock_pid" 2>/dev/null; then
      echo "the mock exited before it was ready:" >&2
      cat "$tmp/mock/stdout.log" "$tmp/mock/stderr.log" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "the mock did not say where it listens within 10 s; its output:" >&2
  cat "$tmp/mock/stdout.log" "$tmp/mock/stderr.log" >&2
  return 1
}
