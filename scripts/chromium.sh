#!/usr/bin/env bash
# Makes sure headless Chromium is available for the HTML report tests and prints its path:
#   export PACER_CHROMIUM="$(scripts/chromium.sh)"
# Installs Debian's chromium package when it is missing (needs root; runs apt-get update first).
# A path already in PACER_CHROMIUM wins when it exists.
set -euo pipefail

log() { echo "chromium.sh: $*" >&2; }

find_chromium() {
  local candidate
  for candidate in "${PACER_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    if [[ -n $candidate && -x $candidate ]]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if path="$(find_chromium)"; then
  echo "$path"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  log "chromium is missing and installing it needs root: run 'sudo apt-get update && sudo apt-get install -y chromium'"
  exit 1
fi

log "installing chromium from Debian"
export DEBIAN_FRONTEND=noninteractive
apt-get update >&2
apt-get install -y chromium >&2

if ! path="$(find_chromium)"; then
  log "chromium was installed but no executable was found"
  exit 1
fi
echo "$path"
