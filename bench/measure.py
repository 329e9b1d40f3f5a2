#!/usr/bin/python3
"""Measure commands for bench/run.sh and write docs/benchmarks.md.

Subcommands:
  run      run one command under /usr/bin/time -v and sample the memory of its
           whole process tree; write NAME.json in --work
  latency  run a search command once per query and repeat, timing each run;
           write NAME-latency.json in --work
  recall   search each sampled document for a run of its own Han text and
           count how often the document is found; write NAME-recall.json
  report   render the JSON files in --work as Markdown

Latency includes process start-up, because every tool is measured the same
way: one command-line invocation per query.
"""

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time

import psutil

# Interval between memory samples of a process tree, in seconds.
SAMPLE_SECONDS = 0.2


def parse_gnu_time(path):
    """Return wall, user and system seconds and max RSS (KiB) from `time -v`."""
    text = open(path, encoding="utf-8", errors="replace").read()

    def field(label):
        match = re.search(r"^\s*" + re.escape(label) + r": (.*)$", text, re.M)
        return match.group(1).strip() if match else None

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    seconds = 0.0
    if wall:
        for part in wall.split(":"):
            seconds = seconds * 60 + float(part)
    return {
        "wall_s": seconds,
        "user_s": float(field("User time (seconds)") or 0),
        "sys_s": float(field("System time (seconds)") or 0),
        "max_rss_kib": int(field("Maximum resident set size (kbytes)") or 0),
    }


def tree_rss_kib(process):
    """Sum the resident set sizes of a process and all its descendants."""
    total = 0
    try:
        members = [process] + process.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return total // 1024


def command_run(args):
    time_file = os.path.join(args.work, f"{args.name}.time")
    stdout = open(os.path.join(args.work, f"{args.name}.stdout"), "wb")
    stderr = open(os.path.join(args.work, f"{args.name}.stderr"), "wb")
    child = subprocess.Popen(["/usr/bin/time", "-v", "-o", time_file] + args.command,
                             stdout=stdout, stderr=stderr)
    load_before = os.getloadavg()[0]
    watched = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        peak = max(peak, tree_rss_kib(watched))
        time.sleep(SAMPLE_SECONDS)
    result = parse_gnu_time(time_file)
    result.update({"name": args.name, "command": args.command,
                   "exit_code": child.returncode, "tree_peak_rss_kib": peak,
                   "load_before": load_before})
    with open(os.path.join(args.work, f"{args.name}.json"), "w") as out:
        json.dump(result, out, indent=1)
    return 0


def percentile(values, fraction):
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, int(-(-fraction * len(ordered) // 1)))
    return ordered[min(rank, len(ordered)) - 1]


def command_latency(args):
    queries = [line.strip() for line in open(args.queries, encoding="utf-8")
               if line.strip() and not line.startswith("#")]
    if "{}" not in args.command:
        sys.exit("measure.py latency: the command needs a {} argument for the query")
    timings = []
    failures = []
    for query in queries:
        command = [query if part == "{}" else part for part in args.command]
        for _ in range(args.repeat):
            start = time.perf_counter()
            result = subprocess.run(command, capture_output=True)
            elapsed = time.perf_counter() - start
            # Exit status 1 means "nothing found" for bidscope and recollq.
            if result.returncode not in (0, 1):
                failures.append({"query": query, "exit_code": result.returncode,
                                 "stderr": result.stderr.decode(errors="replace")[:300]})
                continue
            timings.append(elapsed * 1000)
    summary = {"name": args.name, "command": args.command, "queries": len(queries),
               "repeat": args.repeat, "runs": len(timings), "failures": failures}
    if timings:
        summary["p50_ms"] = percentile(timings, 0.50)
        summary["p99_ms"] = percentile(timings, 0.99)
    with open(os.path.join(args.work, f"{args.name}-latency.json"), "w") as out:
        json.dump(summary, out, indent=1, ensure_ascii=False)
    return 0


# Codec of each generated format, for reading a document's own text back.
FORMAT_CODECS = {"html-utf8": "utf-8", "html-gbk": "gbk", "txt-utf8": "utf-8",
                 "txt-gb18030": "gb18030"}
PROBE_CHARS = 8


def document_text(path, fmt):
    """Return the text of a generated document, read the way its format needs."""
    if fmt == "pdf":
        return subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", path, "-"],
                              capture_output=True).stdout.decode("utf-8", "replace")
    if fmt == "docx":
        import zipfile
        with zipfile.ZipFile(path) as archive:
            return re.sub(r"<[^>]+>", "", archive.read("word/document.xml").decode())
    text = open(path, "rb").read().decode(FORMAT_CODECS[fmt], "replace")
    return re.sub(r"<[^>]+>", "", text.split("<body>", 1)[-1])


def probe(text):
    """Pick a run of PROBE_CHARS Han characters from the middle of the text."""
    runs = re.findall(r"[\u4e00-\u9fff]{%d}" % PROBE_CHARS, text)
    return runs[len(runs) // 2] if runs else None


def command_recall(args):
    by_format = {}
    with open(os.path.join(args.corpus, "MANIFEST.tsv"), encoding="utf-8") as rows:
        next(rows)
        for row in rows:
            relative, fmt = row.split("\t")[:2]
            by_format.setdefault(fmt, []).append(relative)
    results = {}
    for fmt, paths in sorted(by_format.items()):
        found = probed = 0
        for relative in paths[:args.per_format]:
            query = probe(document_text(os.path.join(args.corpus, "docs", relative), fmt))
            if query is None:
                continue
            command = [query if part == "{}" else part for part in args.command]
            output = subprocess.run(command, capture_output=True).stdout.decode(
                "utf-8", "replace")
            probed += 1
            found += relative in output
        results[fmt] = {"found": found, "probed": probed}
    with open(os.path.join(args.work, f"{args.name}-recall.json"), "w") as out:
        json.dump({"name": args.name, "command": args.command, "formats": results},
                  out, indent=1)
    return 0


# ---------------------------------------------------------------------------
# Report.


def load(work, name):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as source:
        return json.load(source)


def machine_lines():
    cpu = "unknown"
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory_gib = psutil.virtual_memory().total / 2**30
    return [f"- CPU: {cpu}, {os.cpu_count()} logical CPUs (nproc)",
            f"- Memory: {memory_gib:.1f} GiB",
            f"- System: {platform.platform()}"]


def fmt_number(value, digits=1):
    return "n/a" if value is None else f"{value:,.{digits}f}"


def index_row(label, run, size, corpus):
    if run is None:
        return f"| {label} | not yet measured | | | | | | | | |"
    if run["exit_code"] not in (0, 1):
        return (f"| {label} | failed: exit code {run['exit_code']}, see "
                f"{run['name']}.stderr | | | | | | | | |")
    wall = run["wall_s"] or float("nan")
    files_per_s = corpus["files"] / wall
    mib_per_s = corpus["bytes"] / 2**20 / wall
    cpu = run["user_s"] + run["sys_s"]
    ratio = size / corpus["text_bytes"] if size and corpus["text_bytes"] else None
    return (f"| {label} | {wall:,.1f} | {files_per_s:,.1f} | {mib_per_s:,.2f} | "
            f"{cpu:,.1f} | {run['max_rss_kib'] / 1024:,.0f} | "
            f"{run['tree_peak_rss_kib'] / 1024:,.0f} | {size / 2**20:,.1f} | "
            f"{fmt_number(ratio, 2)} | {run.get('load_before', 0):.2f} |")


def latency_row(label, latency):
    if latency is None:
        return f"| {label} | not yet measured | | | |"
    if not latency["runs"]:
        return f"| {label} | every run failed | | | {len(latency['failures'])} |"
    return (f"| {label} | {latency['queries']} x {latency['repeat']} | "
            f"{latency['p50_ms']:,.1f} | {latency['p99_ms']:,.1f} | "
            f"{len(latency['failures'])} |")


def target_rows(work, corpus, sizes):
    """Compare bidscope with the targets; a missing measurement stays missing."""
    runs = {name: load(work, f"{name}.json") for name in ("bidscope", "omindex", "recoll")}
    latency = load(work, "bidscope-latency.json")
    extract = {name: load(work, f"{name}.json")
               for name in ("pdftotext-cpu", "bidscope-extract-cpu")}
    rows = []

    def ok(run):
        return run is not None and run["exit_code"] in (0, 1) and run["wall_s"] > 0

    def add(target, value, met):
        if met is None:
            verdict = "not yet measured"
        elif met:
            verdict = "met"
        else:
            verdict = "NOT met"
        rows.append(f"| {target} | {value} | {verdict} |")

    bidscope = runs["bidscope"]
    for peer, factor in (("recoll", 3), ("omindex", 2)):
        if ok(bidscope) and ok(runs[peer]):
            speedup = runs[peer]["wall_s"] / bidscope["wall_s"]
            add(f"throughput >= {factor}x {peer}", f"{speedup:.2f}x", speedup >= factor)
        else:
            add(f"throughput >= {factor}x {peer}", "", None)
    if ok(extract["pdftotext-cpu"]) and ok(extract["bidscope-extract-cpu"]):
        base = extract["pdftotext-cpu"]["user_s"] + extract["pdftotext-cpu"]["sys_s"]
        ours = (extract["bidscope-extract-cpu"]["user_s"]
                + extract["bidscope-extract-cpu"]["sys_s"])
        ratio = ours / base if base else float("inf")
        add("extraction CPU <= 1.3x pdftotext", f"{ratio:.2f}x", ratio <= 1.3)
    else:
        add("extraction CPU <= 1.3x pdftotext", "", None)
    if ok(bidscope):
        peak = max(bidscope["max_rss_kib"], bidscope["tree_peak_rss_kib"]) / 1024
        note = "" if corpus["files"] >= 100000 else f" (at {corpus['files']:,} files)"
        add("peak RSS < 1 GB at 100,000 files", f"{peak:,.0f} MiB{note}",
            peak < 1000 if corpus["files"] >= 100000 else None)
    else:
        add("peak RSS < 1 GB at 100,000 files", "", None)
    if latency and latency.get("runs"):
        add("search p50 < 10 ms", f"{latency['p50_ms']:.1f} ms", latency["p50_ms"] < 10)
        add("search p99 < 100 ms", f"{latency['p99_ms']:.1f} ms", latency["p99_ms"] < 100)
    else:
        add("search p50 < 10 ms", "", None)
        add("search p99 < 100 ms", "", None)
    if ok(bidscope) and sizes.get("bidscope"):
        ratio = sizes["bidscope"] / corpus["text_bytes"]
        add("index < 2x extracted text", f"{ratio:.2f}x", ratio < 2)
    else:
        add("index < 2x extracted text", "", None)
    return rows


def table_rows(sizes, corpus):
    """Rows of the bidscope index's Xapian tables, before and after compaction."""
    before = sizes.get("bidscope_tables")
    after = sizes.get("bidscope_compacted_tables") or {}
    if not before:
        return ["| not yet measured | | | |"]
    rows = []
    for table in sorted(before):
        compacted = after.get(table)
        rows.append(f"| {table} | {before[table] / 2**20:,.1f} | "
                    f"{fmt_number(compacted / 2**20 if compacted else None)} | "
                    f"{fmt_number(compacted / corpus['text_bytes'] if compacted else None, 2)} |")
    total = sizes.get("bidscope_compacted")
    rows.append(f"| whole index | {sizes['bidscope'] / 2**20:,.1f} | "
                f"{fmt_number(total / 2**20 if total else None)} | "
                f"{fmt_number(total / corpus['text_bytes'] if total else None, 2)} |")
    return rows


def recall_rows(work, formats):
    rows = []
    for name, label in (("bidscope", "bidscope"), ("omindex", "omindex + quest"),
                        ("recoll", "recollindex + recollq")):
        recall = load(work, f"{name}-recall.json")
        if recall is None:
            rows.append(f"| {label} | " + " | ".join("not yet measured" for _ in formats) + " |")
            continue
        cells = []
        for fmt in formats:
            counts = recall["formats"].get(fmt, {"found": 0, "probed": 0})
            cells.append(f"{counts['found']} / {counts['probed']}")
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return rows


def pdf_count(work):
    """Number of PDFs in the extraction CPU comparison (pdfs.list)."""
    path = os.path.join(work, "pdfs.list")
    if not os.path.exists(path):
        return 0
    with open(path, "rb") as names:
        return names.read().count(b"\0")


def extraction_rows(work):
    rows = []
    for name, label in (("pdftotext-cpu", "pdftotext, one process per file"),
                        ("bidscope-extract-cpu", "bidscope extract --json, one process per file"),
                        ("bidscope-extract-batch-cpu",
                         "bidscope extract --json, many files per process")):
        run = load(work, f"{name}.json")
        if run is None:
            rows.append(f"| {label} | not yet measured | | |")
        elif run["exit_code"] not in (0, 1):
            rows.append(f"| {label} | failed: exit code {run['exit_code']} | | |")
        else:
            rows.append(f"| {label} | {run['user_s'] + run['sys_s']:,.2f} | "
                        f"{run['wall_s']:,.2f} | {run['max_rss_kib'] / 1024:,.0f} |")
    return rows


def command_report(args):
    corpus = load(args.work, "corpus.json")
    sizes = load(args.work, "sizes.json") or {}
    versions = load(args.work, "versions.json") or {}
    lines = [
        "# Benchmarks",
        "",
        "Indexing throughput, memory, index size and search latency of bidscope",
        "against omindex (Xapian Omega) and recollindex (Recoll) on one generated",
        "corpus in one session, written by `bench/run.sh`.",
        "",
        "## Machine",
        "",
        *machine_lines(),
        "",
        "## Command",
        "",
        "```",
        args.command,
        "```",
        "",
        f"Run finished: {args.finished}.",
        "",
        "## Corpus",
        "",
        f"`bench/make-corpus.py --count {corpus['files']} --seed {corpus['seed']}`: "
        f"{corpus['files']:,} documents, {corpus['bytes'] / 2**20:,.1f} MiB of files, "
        f"{corpus['text_bytes'] / 2**20:,.1f} MiB of UTF-8 text. Formats: "
        + ", ".join(f"{name} {count:,}" for name, count in sorted(corpus["formats"].items()))
        + ".",
        "",
        "## Versions",
        "",
        *[f"- {name}: {value}" for name, value in sorted(versions.items())],
        "",
        "## Indexing",
        "",
        "Every tool reads the same files from the page cache (they are read once",
        "before the first run). Peak RSS is given twice: the largest single process",
        "(`/usr/bin/time -v`) and the sum over the process tree, sampled every "
        f"{SAMPLE_SECONDS} s, which counts worker and filter processes. MiB = 2^20",
        "bytes, and MiB/s counts file bytes. The index / text column is the index",
        "size (`du`) divided by the extracted text size. The load column is the",
        "1-minute load average just before the run: other work on the machine",
        "slows every tool and makes the numbers noisier.",
        "",
        "| tool | wall s | files/s | MiB/s | CPU s | peak RSS MiB (process) | "
        "peak RSS MiB (tree) | index MiB | index / text | load |",
        "|---|---|---|---|---|---|---|---|---|---|",
        index_row("bidscope index", load(args.work, "bidscope.json"),
                  sizes.get("bidscope"), corpus),
        index_row("omindex (XAPIAN_CJK_NGRAM=1)", load(args.work, "omindex.json"),
                  sizes.get("omindex"), corpus),
        index_row("recollindex", load(args.work, "recoll.json"), sizes.get("recoll"), corpus),
        "",
        "## bidscope index tables",
        "",
        "Size of each Xapian table of the bidscope index as the run left it and",
        "after `xapian-compact` (which writes every table with full blocks), and",
        "the compacted size divided by the extracted text size.",
        "",
        "| table | MiB after the run | MiB compacted | compacted / text |",
        "|---|---|---|---|",
        *table_rows(sizes, corpus),
        "",
        "## Search latency",
        "",
        "Each query of `bench/queries.txt` runs the given number of times as a",
        "separate process, so the times include process start-up and opening the",
        "index. Percentiles are nearest-rank over all runs.",
        "",
        "| tool | queries x runs | p50 ms | p99 ms | failed runs |",
        "|---|---|---|---|---|",
        latency_row("bidscope search --json", load(args.work, "bidscope-latency.json")),
        latency_row("quest -f default,cjk_ngram -o and", load(args.work, "omindex-latency.json")),
        latency_row("recollq", load(args.work, "recoll-latency.json")),
        "",
        "## Documents found by their own text",
        "",
        "A sanity check on extraction. For the first 20 documents of each format,",
        f"each tool searches a run of {PROBE_CHARS} Han characters from the middle of "
        "the",
        "document's text (up to 100,000 hits), and the table counts how often the",
        "document itself is among the hits. A miss means the tool lost or misread the text, for",
        "example by decoding GBK or GB18030 bytes with the wrong character set.",
        "",
        "| tool | " + " | ".join(sorted(corpus["formats"])) + " |",
        "|---|" + "---|" * len(corpus["formats"]),
        *recall_rows(args.work, sorted(corpus["formats"])),
        "",
        "## Extraction CPU on the PDFs",
        "",
        f"{pdf_count(args.work):,} of the {corpus['formats'].get('pdf', 0):,} generated PDFs (the first in the manifest), text written to",
        "/dev/null. CPU is user plus system time of the command and its children.",
        "",
        "| command | CPU s | wall s | peak RSS MiB |",
        "|---|---|---|---|",
        *extraction_rows(args.work),
        "",
        "## Targets",
        "",
        "| target | bidscope | verdict |",
        "|---|---|---|",
        *target_rows(args.work, corpus, sizes),
        "",
    ]
    notes = [line.rstrip() for line in open(os.path.join(args.work, "notes.txt"))
             ] if os.path.exists(os.path.join(args.work, "notes.txt")) else []
    if notes:
        lines += ["## Notes from this run", "", *[f"- {note}" for note in notes if note], ""]
    with open(args.output, "w", encoding="utf-8") as out:
        out.write("\n".join(lines))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="subcommand", required=True)
    run = sub.add_parser("run", help="time one command")
    run.add_argument("--name", required=True)
    run.add_argument("--work", required=True)
    run.add_argument("command", nargs=argparse.REMAINDER)
    latency = sub.add_parser("latency", help="time a search command per query")
    latency.add_argument("--name", required=True)
    latency.add_argument("--work", required=True)
    latency.add_argument("--queries", required=True)
    latency.add_argument("--repeat", type=int, default=5)
    latency.add_argument("command", nargs=argparse.REMAINDER)
    recall = sub.add_parser("recall", help="count documents found by their own text")
    recall.add_argument("--name", required=True)
    recall.add_argument("--work", required=True)
    recall.add_argument("--corpus", required=True, help="folder written by make-corpus.py")
    recall.add_argument("--per-format", type=int, default=20,
                        help="documents sampled per format (default: 20)")
    recall.add_argument("command", nargs=argparse.REMAINDER)
    report = sub.add_parser("report", help="write the Markdown report")
    report.add_argument("--work", required=True)
    report.add_argument("--output", required=True)
    report.add_argument("--command", required=True, help="the bench/run.sh command line")
    report.add_argument("--finished", required=True, help="UTC time the run finished")
    args = parser.parse_args()
    if hasattr(args, "command") and isinstance(args.command, list):
        if args.command[:1] == ["--"]:
            args.command = args.command[1:]
        if not args.command:
            parser.error("missing the command to measure after --")
    handlers = {"run": command_run, "latency": command_latency,
                "recall": command_recall, "report": command_report}
    return handlers[args.subcommand](args)


if __name__ == "__main__":
    sys.exit(main())
