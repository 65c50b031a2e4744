#!/usr/bin/env bash
# Builds the FerretDB binary pinned in this directory's go.mod into ./bin/ferretdb.
# Reuses an existing binary when go.mod/go.sum (and this script) are unchanged.
#
# FerretDB's build/version package panics at startup unless build/version/version.txt
# exists, and that generated file is not part of the published module. So the
# pinned module source is copied from the Go module cache into a temp dir, the
# file is added there, and the build uses a temporary modfile with a `replace`
# pointing at that copy. go.mod/go.sum in this directory are never modified.
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="$DIR/bin/ferretdb"
STAMP="$DIR/bin/ferretdb.stamp"
MOD=github.com/FerretDB/FerretDB

if ! command -v go >/dev/null 2>&1; then
  if [ -x /usr/local/go/bin/go ]; then
    export PATH="/usr/local/go/bin:$PATH"
  else
    echo "ferretdb build: go not found (need Go >= 1.24 on PATH or in /usr/local/go/bin)" >&2
    exit 1
  fi
fi

want="$(cat "$DIR/go.mod" "$DIR/go.sum" "${BASH_SOURCE[0]}" | sha256sum | cut -d' ' -f1)"
if [ -x "$BIN" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  echo "ferretdb: up to date at $BIN"
  exit 0
fi

start=$(date +%s)
mkdir -p "$DIR/bin"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ferretdb-build.XXXXXX")"
trap 'chmod -R u+w "$WORK" 2>/dev/null || true; rm -rf "$WORK"' EXIT

cd "$DIR"
go mod download "$MOD"
ver="$(go list -m -f '{{.Version}}' "$MOD")"
src="$(go list -m -f '{{.Dir}}' "$MOD")"

cp -R "$src" "$WORK/src"
chmod -R u+w "$WORK/src"
echo "$ver" > "$WORK/src/build/version/version.txt"

cp "$DIR/go.mod" "$WORK/go.mod"
cp "$DIR/go.sum" "$WORK/go.sum"
go mod edit -modfile="$WORK/go.mod" -replace="$MOD=$WORK/src"

CGO_ENABLED=0 go build -trimpath -modfile="$WORK/go.mod" -o "$BIN.tmp" "$MOD/cmd/ferretdb"
mv -f "$BIN.tmp" "$BIN"
echo "$want" > "$STAMP"
echo "ferretdb: built $BIN (FerretDB $ver) in $(( $(date +%s) - start ))s"
