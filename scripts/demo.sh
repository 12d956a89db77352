#!/usr/bin/env bash
# Set up and run nestc on the bundled example: the first command of the README.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/bootstrap.sh
example=examples/ci-agent
printf '\n\033[1m==> nestc config -f %s/compose.yaml\033[0m\n' "$example" >&2
node bin/nestc.js -f "$example/compose.yaml" config
