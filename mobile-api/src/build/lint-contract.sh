#!/usr/bin/env bash
# Lints the installer mobile API contract with Spectral's OpenAPI ruleset (.spectral.yaml), failing on warnings too.
# Run by the Maven build of mobile-api in `validate` (exec-maven-plugin), so `./mvnw verify` cannot pass with a broken
# contract. Usage: lint-contract.sh [contract.yaml] (default: src/main/resources/openapi.yaml), from mobile-api/.
#
# Offline: the first run installs Spectral (npm ci, pinned by package-lock.json) and stamps node_modules with the
# lock file's checksum; later runs reuse that install without the network. When the lock file changes, npm ci runs
# again (--prefer-offline: from npm's cache where it can).
set -euo pipefail
cd "$(dirname "$0")/../.."
contract="${1:-src/main/resources/openapi.yaml}"

if ! command -v npm >/dev/null 2>&1 || ! command -v npx >/dev/null 2>&1; then
  echo "FATAL: npm (Node.js 18 or later) is required to lint the mobile API contract with Spectral," >&2
  echo "       and was not found on PATH. Install Node.js (e.g. apt-get install -y nodejs npm), or build without" >&2
  echo "       the lint, knowingly, with -Dspectral.skip=true." >&2
  exit 1
fi

stamp=node_modules/.shifu-package-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -x node_modules/.bin/spectral ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Installing Spectral for the contract lint (npm ci)"
  if ! npm ci --prefer-offline --no-audit --no-fund --loglevel=error; then
    echo "FATAL: npm ci failed: Spectral could not be installed (offline with an empty npm cache? run one build" >&2
    echo "       online first)." >&2
    exit 1
  fi
  echo "$want" > "$stamp"
fi

npx --no-install spectral lint --fail-severity=warn "$contract"
echo "spectral: $contract passes (no warnings or errors)"
