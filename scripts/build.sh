#!/usr/bin/env bash
# Configures and builds bidscope in BUILD_DIR (default: build).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-"$root/build"}
generator=()
if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
cmake -S "$root" -B "$build_dir" "${generator[@]}" "$@"
cmake --build "$build_dir" -j "$(nproc)"
