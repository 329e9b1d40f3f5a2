#!/usr/bin/env bash
# The second set-up command: installs what is missing, builds and runs every
# test. Tests over ../shared skip with a message when it is absent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" -DBIDSCOPE_WERROR=ON
build_dir=${BUILD_DIR:-"$root/build"}
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" \
  --timeout 900
