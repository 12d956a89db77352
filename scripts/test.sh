#!/usr/bin/env bash
# The whole test suite: the second command of the README, and what CI runs (.ci/run).
# Installs what the tests need (Node deps, Debian's docker-compose 1.29 for the differential
# tests, OpenSSH for the ssh:// engine test, an engine), then type-checks, lints and runs every
# test. Fails loudly when a prerequisite is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/bootstrap.sh

if ! command -v docker-compose >/dev/null; then
  log "installing Debian's docker-compose (reference for the differential tests)"
  apt_install docker-compose
fi
if [ ! -x /usr/sbin/sshd ] || ! command -v ssh-agent >/dev/null; then
  # The end-to-end test of an ssh:// engine runs an sshd of its own, on 127.0.0.1 only, for the
  # test's own key, and stops it. The package's system-wide sshd is kept from starting (Debian's
  # policy-rc.d) and from starting at boot: installing it must not open a port on this machine.
  log "installing OpenSSH, its system service left stopped and disabled"
  policy=/usr/sbin/policy-rc.d
  made_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod 755 "$policy"
    made_policy=1
    trap 'as_root rm -f "$policy"' EXIT
  fi
  apt_install openssh-server openssh-client
  if [ "$made_policy" = 1 ]; then
    as_root rm -f "$policy"
    trap - EXIT
  fi
  if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
    as_root systemctl disable --now ssh.service ssh.socket >/dev/null 2>&1 || true
  fi
fi

# The end-to-end tests need a real engine: reuse one that answers, else start dockerd (and stop
# it at exit); then the registry-free test images. A machine without one fails here, loudly.
source scripts/engine.sh
trap engine_stop EXIT
engine_start
engine_images

log "type-checking"
npm run --silent typecheck
log "linting"
npm run --silent lint
log "running tests"
mkdir -p .tmp
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json "$@" || status=$?
# One plain closing line that any CI can read, from vitest's own JSON report.
node -e '
  const r = JSON.parse(require("fs").readFileSync(".tmp/vitest.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || { echo "no test report was written" >&2; status=1; }
exit "$status"
