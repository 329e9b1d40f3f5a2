#!/usr/bin/env bash
# The first set-up command: installs what is missing, builds, indexes
# corpus-sample/ and runs a search.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" -DCMAKE_BUILD_TYPE=Release
bidscope="${BUILD_DIR:-$root/build}/cli/bidscope"
db="$root/demo-index"

echo
echo "== bidscope index --db demo-index corpus-sample/documents/"
"$bidscope" index --db "$db" "$root/corpus-sample/documents" || [ $? -eq 1 ]
echo
echo "== bidscope search --db demo-index 舆情监测"
"$bidscope" search --db "$db" 舆情监测
echo
echo "The index is in $db; try: $bidscope search --db $db '\"视频监控\" AND 公安局'"
