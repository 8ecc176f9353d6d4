#!/usr/bin/env bash
# Builds FerretDB (the embedded MongoDB-compatible database) from the Go module proxy.
# A plain `go install …/cmd/ferretdb@v1.24.2` builds a binary that panics at start because the
# module lacks build/version/version.txt (FerretDB's own build generates it), so we build from
# the downloaded module with that one file added, exactly as FerretDB's docs suggest.
# Usage: scripts/install-ferretdb.sh <output-binary-path> [version]
set -euo pipefail
out=$(realpath -m "${1:?output path}")
version=${2:-v1.24.2}
command -v go >/dev/null || { echo "Go is required to build FerretDB: install Go 1.22+ (https://go.dev/dl) or set MONGODB_URI" >&2; exit 3; }
dir=$(go mod download -json "github.com/FerretDB/FerretDB@${version}" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -n "$dir" ] || { echo "could not download github.com/FerretDB/FerretDB@${version}" >&2; exit 4; }
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
cp -r "$dir/." "$work/"
chmod -R u+w "$work"
echo "$version" > "$work/build/version/version.txt"
mkdir -p "$(dirname "$out")"
(cd "$work" && CGO_ENABLED=0 go build -trimpath -o "$out.tmp" ./cmd/ferretdb)
mv "$out.tmp" "$out"
echo "built $("$out" --version | head -1) at $out"
