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
