#!/usr/bin/env bash
# Runs, locally and in the same order, the commands of the build job of .github/workflows/site.yml:
# everything GitHub runs except the GitHub-only actions (checkout, Pages configuration, artifact uploads
# and the deploy). tests/test_workflow.py checks that WORKFLOW_STEPS below equals the workflow's `run:` steps.
set -euo pipefail
cd "$(dirname "$0")/.."

WORKFLOW_STEPS=(
  "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium npm"
  "python3 dev.py test"
  "python3 dev.py build"
)

for step in "${WORKFLOW_STEPS[@]}"; do
  if [[ "$step" == apt-get* ]]; then
    # Installing system packages needs root; a developer who already has both tools skips it.
    if command -v chromium >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
      echo "dry run: skip (chromium and npm already installed): $step"
      continue
    fi
    if [ "$(id -u)" != 0 ]; then
      echo "dry run: skip (needs root; browser tests will skip): $step"
      continue
    fi
  fi
  echo "dry run: $step"
  bash -c "$step"
done
echo "dry run: every step of the build job passed (deploy is GitHub-only)"
