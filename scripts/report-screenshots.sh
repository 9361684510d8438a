#!/usr/bin/env bash
# Regenerates the report screenshots in docs/images/ from the HTML report tests, which write the
# sample runs' reports and photograph them in headless Chromium: the run report, the load report
# (closed model, light and dark) and an open-model (--rate) load report.
#   scripts/report-screenshots.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACER_CHROMIUM="$("$root/scripts/chromium.sh")"
export PACER_CHROMIUM
export PACER_DOCS_IMAGES="$root/docs/images"
dotnet test "$root/tests/Pacer.Reports.Tests" --filter "FullyQualifiedName~Chromium"
for image in run-report.png load-report.png load-report-dark.png load-rate-report.png; do
  if [[ ! -s $PACER_DOCS_IMAGES/$image ]]; then
    echo "report-screenshots.sh: $image was not written" >&2
    exit 1
  fi
  echo "report-screenshots.sh: docs/images/$image ($(stat -c %s "$PACER_DOCS_IMAGES/$image") bytes)"
done
