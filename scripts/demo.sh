#!/usr/bin/env bash
# Set up and run nestc on the bundled example: the first command of the README.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/bootstrap.sh
example=examples/ci-agent
printf '\n\033[1m==> nestc -f %s/compose.yaml compile\033[0m\n' "$example" >&2
node bin/nestc.js -f "$example/compose.yaml" compile
printf '\n\033[1m==> nestc -f %s/compose.yaml graph\033[0m\n' "$example" >&2
node bin/nestc.js -f "$example/compose.yaml" graph
