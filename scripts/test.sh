#!/usr/bin/env bash
# The second set-up command: installs what is missing, builds and runs every
# test. Tests over ../shared skip with a message when it is absent.
#
# Stages: the unit tests under AddressSanitizer and UBSan with each libFuzzer
# target run for FUZZ_SECONDS (scripts/fuzz.sh; BIDSCOPE_SKIP_FUZZ=1 leaves
# it out), then the whole suite on the normal build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"

if [ "${BIDSCOPE_SKIP_FUZZ:-0}" != 1 ]; then
  FUZZ_SECONDS=${FUZZ_SECONDS:-60} "$root/scripts/fuzz.sh"
fi

"$root/scripts/build.sh"
build_dir=${BUILD_DIR:-"$root/build"}
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" \
  --timeout 900
