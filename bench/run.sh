#!/usr/bin/env bash
# Benchmarks bidscope against omindex and recollindex on one generated corpus
# and writes docs/benchmarks.md.
#
# Usage: bench/run.sh [--count N] [--seed S] [--corpus DIR] [--work DIR]
#                     [--bidscope PATH] [--repeat R] [--output FILE]
#                     [--tools LIST] [--index-runs N] [--pdf-limit N]
#                     [--note TEXT]...
#
#   --count N       documents to generate (default 100000)
#   --seed S        generator seed (default 1)
#   --corpus DIR    reuse a corpus written by bench/make-corpus.py --out DIR
#                   instead of generating one; --count and --seed are then
#                   ignored and the report takes them from DIR/PARAMS.json
#   --work DIR      folder for indexes, logs and measurements; emptied first
#                   (default /tmp/bidscope-bench)
#   --bidscope PATH the bidscope binary (default build/cli/bidscope)
#   --repeat R      runs of each search query per tool (default 5)
#   --output FILE   report path (default docs/benchmarks.md)
#   --tools LIST    comma-separated tools to index with: bidscope, omindex,
#                   recoll (default: all three). A large corpus can run
#                   with bidscope alone while the peers are compared on a
#                   smaller one. The report marks tools left out as not
#                   measured
#   --index-runs N  times each tool indexes the corpus, into a new index each
#                   time, the tools taking turns (default 1). The report
#                   gives the run of median wall time and lists all of them
#   --pdf-limit N   PDFs (the first N of the manifest) for the extraction CPU
#                   comparison (default 500)
#   --note TEXT     a line for the report's notes, such as what else ran on
#                   the machine (repeatable)
#
# Needs the Debian packages xapian-omega, xapian-tools, recoll, time,
# poppler-utils, python3-reportlab, python3-psutil and fonts-wqy-zenhei, and
# installs the missing ones with apt-get (as root, or through sudo). A tool
# that is still missing or fails is reported as such; no number is made up.
set -euo pipefail

packages=(xapian-omega xapian-tools recoll time poppler-utils
          python3-reportlab python3-psutil fonts-wqy-zenhei)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f '${Status}' "$package" 2>/dev/null |
      grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if ((${#missing[@]})); then
  echo "run.sh: installing missing packages: ${missing[*]}" >&2
  sudo_command=()
  if ((EUID != 0)); then sudo_command=(sudo); fi
  if ! "${sudo_command[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y --no-install-recommends "${missing[@]}" >&2; then
    echo "run.sh: apt-get install failed; the missing tools are reported" \
      "as not measured" >&2
  fi
fi

root=$(cd "$(dirname "$0")/.." && pwd)
count=100000
seed=1
corpus=""
work=/tmp/bidscope-bench
bidscope="$root/build/cli/bidscope"
repeat=5
tools=bidscope,omindex,recoll
pdf_limit=500
index_runs=1
output="$root/docs/benchmarks.md"
command_line="bench/run.sh$(printf ' %q' "$@")"
notes=()

while (($#)); do
  case "$1" in
    --count) count=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --bidscope) bidscope=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --output) output=$2; shift 2 ;;
    --note) notes+=("$2"); shift 2 ;;
    --tools) tools=$2; shift 2 ;;
    --pdf-limit) pdf_limit=$2; shift 2 ;;
    --index-runs) index_runs=$2; shift 2 ;;
    *) echo "run.sh: unknown option '$1'; see the usage at the top of $0" >&2
       exit 2 ;;
  esac
done

if [[ ! $index_runs =~ ^[1-9][0-9]*$ ]]; then
  echo "run.sh: --index-runs needs a whole number of at least 1, not '$index_runs'" >&2
  exit 2
fi

measure=("$root/bench/measure.py")
wanted() { [[ ,$tools, == *",$1,"* ]]; }
log() { echo "run.sh: $*" >&2; }
note() { echo "$*" >>"$work/notes.txt"; log "$*"; }

rm -rf "$work"
mkdir -p "$work"
: >"$work/notes.txt"
for line in "${notes[@]}"; do note "$line"; done

# Corpus: generate unless one was given.
if [[ -z $corpus ]]; then
  corpus="$work/corpus"
  log "generating $count documents (seed $seed) in $corpus"
  "$root/bench/make-corpus.py" --out "$corpus" --count "$count" --seed "$seed"
else
  note "Corpus reused from $corpus."
fi
docs="$corpus/docs"
/usr/bin/python3 - "$corpus" >"$work/corpus.json" <<'EOF'
import collections, json, os, sys
formats = collections.Counter()
files = size = text = 0
with open(os.path.join(sys.argv[1], "MANIFEST.tsv"), encoding="utf-8") as rows:
    next(rows)
    for row in rows:
        path, fmt, size_bytes, text_bytes = row.rstrip("\n").split("\t")
        files += 1
        size += int(size_bytes)
        text += int(text_bytes)
        formats[fmt] += 1
json.dump({"files": files, "bytes": size, "text_bytes": text,
           "formats": formats,
           "seed": json.load(open(os.path.join(sys.argv[1], "PARAMS.json")))["seed"]},
          sys.stdout)
EOF
awk -F'\t' 'NR > 1 && $2 == "pdf" && n < limit { printf "%s/%s%c", docs, $1, 0; n++ }' \
  docs="$docs" limit="$pdf_limit" "$corpus/MANIFEST.tsv" >"$work/pdfs.list"

# Versions of everything measured.
/usr/bin/python3 - "$bidscope" >"$work/versions.json" <<'EOF'
import json, subprocess, sys
def first_line(command):
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=30)
        lines = (result.stdout + result.stderr).strip().splitlines()
        return lines[0] if lines else "unknown"
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"not available ({error})"
json.dump({
    "bidscope": first_line([sys.argv[1], "--version"]),
    "omindex": first_line(["omindex", "--version"]),
    "recollindex": first_line(["dpkg-query", "-W", "-f", "recoll ${Version}", "recoll"]),
    "pdftotext": first_line(["pdftotext", "-v"]),
}, sys.stdout, indent=1)
EOF

# Read every file once so that all tools start from the page cache.
find "$docs" -type f -print0 | xargs -0 cat >/dev/null

# bidscope index, when the binary exists and has the index command.
bidscope_ready=false
if ! wanted bidscope; then
  note "bidscope: not measured in this run (--tools $tools)."
elif [[ -x $bidscope ]] && "$bidscope" index --help >/dev/null 2>&1; then
  bidscope_ready=true
else
  note "bidscope: not yet measured: $bidscope is missing or has no working 'index' command."
fi
index_bidscope() {
  rm -rf "$work/bidscope-db"
  log "bidscope index ($1)"
  "${measure[@]}" run --name "$1" --work "$work" -- \
    "$bidscope" index --db "$work/bidscope-db" --json "$docs"
}

omindex_ready=false
if ! wanted omindex; then
  note "omindex: not measured in this run (--tools $tools)."
elif command -v omindex >/dev/null; then
  omindex_ready=true
else
  note "omindex: not measured: install the Debian package xapian-omega."
fi

# omindex with Xapian's CJK n-gram mode.
index_omindex() {
  rm -rf "$work/omega-db"
  log "omindex ($1)"
  XAPIAN_CJK_NGRAM=1 "${measure[@]}" run --name "$1" --work "$work" -- \
    omindex --db "$work/omega-db" --url / "$docs"
}

recoll_ready=false
if ! wanted recoll; then
  note "recollindex: not measured in this run (--tools $tools)."
elif command -v recollindex >/dev/null; then
  recoll_ready=true
else
  note "recollindex: not measured: install the Debian package recoll."
fi

# recollindex with its default settings, except that building the aspell
# spelling dictionary is switched off (it fails without an aspell language for
# the C locale) and logging is reduced to errors and warnings (level 2).
index_recoll() {
  rm -rf "$work/recoll-db"
  mkdir -p "$work/recoll-conf"
  cat >"$work/recoll-conf/recoll.conf" <<EOF
topdirs = $docs
dbdir = $work/recoll-db
noaspell = 1
loglevel = 2
EOF
  log "recollindex ($1)"
  "${measure[@]}" run --name "$1" --work "$work" -- \
    recollindex -c "$work/recoll-conf"
}

# Keeps, as NAME, the run of median wall time among NAME-run1..N, and notes
# every run's wall time.
keep_median_run() {
  local name=$1 label=$2 chosen
  chosen=$(/usr/bin/python3 - "$work" "$name" "$index_runs" <<'PY'
import json, os, sys
work, name, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
walls = []
for k in range(1, runs + 1):
    with open(os.path.join(work, f"{name}-run{k}.json")) as source:
        walls.append((json.load(source)["wall_s"], k))
ordered = sorted(walls)
print(ordered[(len(ordered) - 1) // 2][1],
      ", ".join(f"{wall:.1f}" for wall, _ in walls))
PY
)
  local run=${chosen%% *}
  for ext in json stdout stderr time; do
    cp "$work/$name-run$run.$ext" "$work/$name.$ext"
  done
  if ((index_runs > 1)); then
    note "$label: $index_runs runs of ${chosen#* } s of wall time, in order. The report gives run $run, the median."
  fi
}

# The tools take turns, so that a change in the machine's speed during the
# runs touches each of them alike.
for ((run = 1; run <= index_runs; ++run)); do
  if $bidscope_ready; then index_bidscope "bidscope-run$run"; fi
  if $omindex_ready; then index_omindex "omindex-run$run"; fi
  if $recoll_ready; then index_recoll "recoll-run$run"; fi
done
if $omindex_ready; then keep_median_run omindex omindex; fi
if $recoll_ready; then keep_median_run recoll recollindex; fi

if $bidscope_ready; then
  keep_median_run bidscope "bidscope index"
  bidscope_exit=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["exit_code"])' "$work/bidscope.json")
  if [[ $bidscope_exit != 0 && $bidscope_exit != 1 ]]; then
    note "bidscope index exited with $bidscope_exit: $(head -c 300 "$work/bidscope.stderr" | tr '\n' ' ')"
    bidscope_ready=false
  elif [[ $bidscope_exit == 1 ]]; then
    note "bidscope index finished with exit code 1 (some files failed); see bidscope.stdout in the work folder."
  fi
fi

# A compacted copy of the bidscope index (Xapian's compactor rewrites every
# table with full blocks), to show how much of the index is free space.
if [[ -d $work/bidscope-db ]] && command -v xapian-compact >/dev/null; then
  log "xapian-compact of the bidscope index"
  xapian-compact "$work/bidscope-db" "$work/bidscope-db-compact" \
    >"$work/compact.log" 2>&1 || note "xapian-compact failed; see compact.log"
fi

# Index sizes in bytes, with the size of each Xapian table of the bidscope
# index before and after compaction.
/usr/bin/python3 - "$work" >"$work/sizes.json" <<'EOF'
import json, os, subprocess, sys
def du(path):
    return int(subprocess.run(["du", "-sb", path], capture_output=True,
                              text=True).stdout.split()[0])
sizes = {}
for name, folder in (("bidscope", "bidscope-db"), ("omindex", "omega-db"),
                     ("recoll", "recoll-db"),
                     ("bidscope_compacted", "bidscope-db-compact")):
    path = os.path.join(sys.argv[1], folder)
    if os.path.isdir(path):
        sizes[name] = du(path)
        if name.startswith("bidscope"):
            sizes[name + "_tables"] = {
                entry[:-len(".glass")]: du(os.path.join(path, entry))
                for entry in sorted(os.listdir(path)) if entry.endswith(".glass")}
json.dump(sizes, sys.stdout)
EOF

# Search latency, one process per query run.
queries="$root/bench/queries.txt"
if $bidscope_ready; then
  log "bidscope search latency"
  "${measure[@]}" latency --name bidscope --work "$work" --queries "$queries" \
    --repeat "$repeat" -- "$bidscope" search --db "$work/bidscope-db" --json '{}'
fi
if [[ -d $work/omega-db ]]; then
  log "quest latency"
  XAPIAN_CJK_NGRAM=1 "${measure[@]}" latency --name omindex --work "$work" \
    --queries "$queries" --repeat "$repeat" -- \
    quest -d "$work/omega-db" -m 10 -f default,cjk_ngram -o and '{}'
fi
if [[ -d $work/recoll-db ]]; then
  log "recollq latency"
  "${measure[@]}" latency --name recoll --work "$work" --queries "$queries" \
    --repeat "$repeat" -- recollq -c "$work/recoll-conf" -n 0-9 '{}'
fi

# Documents found by a run of their own text, per format and tool. Generated
# documents repeat passages of their sources, so a probe can match thousands
# of documents: every tool lists up to 100,000 hits.
if $bidscope_ready; then
  "${measure[@]}" recall --name bidscope --work "$work" --corpus "$corpus" -- \
    "$bidscope" search --db "$work/bidscope-db" --json -n 100000 \
    --snippet-chars 0 '{}'
fi
if [[ -d $work/omega-db ]]; then
  XAPIAN_CJK_NGRAM=1 "${measure[@]}" recall --name omindex --work "$work" \
    --corpus "$corpus" -- \
    quest -d "$work/omega-db" -m 100000 -f default,cjk_ngram -o and '{}'
fi
if [[ -d $work/recoll-db ]]; then
  "${measure[@]}" recall --name recoll --work "$work" --corpus "$corpus" -- \
    recollq -c "$work/recoll-conf" -n 0-99999 '{}'
fi

# Extraction CPU on the PDFs: pdftotext against bidscope extract.
log "pdftotext CPU"
"${measure[@]}" run --name pdftotext-cpu --work "$work" -- \
  sh -c 'xargs -0 -a "$1" -I{} pdftotext -q {} - >/dev/null' sh "$work/pdfs.list"
if $bidscope_ready; then
  log "bidscope extract CPU"
  "${measure[@]}" run --name bidscope-extract-cpu --work "$work" -- \
    sh -c 'xargs -0 -a "$1" -I{} "$2" extract --json {} >/dev/null' sh \
    "$work/pdfs.list" "$bidscope"
  "${measure[@]}" run --name bidscope-extract-batch-cpu --work "$work" -- \
    sh -c 'xargs -0 -a "$1" "$2" extract --json >/dev/null' sh \
    "$work/pdfs.list" "$bidscope"
fi

"${measure[@]}" report --work "$work" --output "$output" \
  --command "$command_line" --finished "$(date -u '+%Y-%m-%d %H:%M UTC')"
log "wrote $output; raw measurements are in $work"
