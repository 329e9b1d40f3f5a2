#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, AddressSanitizer and UBSan, runs
# the unit tests in that build, then runs each fuzz target for FUZZ_SECONDS
# (default 60) seeded from corpus-sample/documents/ (and, for the query
# parser, corpus-sample/queries.tsv; for a target with a folder in
# fuzz/seeds/, the files in it). A crash fails the script and
# leaves the input in the work folder it names.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${FUZZ_BUILD_DIR:-"$root/build-fuzz"}
seconds=${FUZZ_SECONDS:-60}

CC=clang CXX=clang++ cmake -S "$root" -B "$build_dir" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBIDSCOPE_FUZZ=ON -DBIDSCOPE_SANITIZE=ON
cmake --build "$build_dir" -j "$(nproc)"

# Unit tests under the sanitizers. Tests that run the bidscope binary are
# left out: its workers run under an address-space limit that ASan's shadow
# memory cannot live within, and one test exhausts that limit on purpose.
ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" \
  -E '^(Cli|Translation|Sharded|ShardStub)' --timeout 900

work=$(mktemp -d "${TMPDIR:-/tmp}/bidscope-fuzz.XXXXXX")
echo "fuzz: work folder $work"
for target in "$build_dir"/fuzz/*_fuzz; do
  name=$(basename "$target")
  seeds="$work/$name-seeds"
  mkdir -p "$seeds"
  cp "$root"/corpus-sample/documents/* "$seeds"/
  # Targets whose input is not a document have seeds of their own.
  if [[ -d $root/fuzz/seeds/$name ]]; then
    cp "$root/fuzz/seeds/$name"/* "$seeds"/
  fi
  # The query parser also starts from the queries of the sample searches.
  if [[ $name == query_fuzz ]]; then
    tail -n +2 "$root/corpus-sample/queries.tsv" | cut -f1 |
      split -l 1 - "$seeds/query-"
  fi
  echo "fuzz: $name for ${seconds}s"
  (cd "$work" && ASAN_OPTIONS=detect_leaks=0 "$target" -max_total_time="$seconds" \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 "$seeds" \
    2>"$work/$name.log") || {
    tail -50 "$work/$name.log"
    echo "fuzz: $name failed; the input is in $work"
    exit 1
  }
  grep -E '^stat::number_of_executed_units' "$work/$name.log" || true
done
rm -rf "$work"
