#!/usr/bin/python3
"""Generate a benchmark corpus of procurement documents from real text.

Usage:
  bench/make-corpus.py --out DIR [--count N] [--seed S] [--jobs J]

The text comes from the real documents under ../shared/corpus: pdftotext for
PDF, the word/document.xml text of DOCX, markup stripped from HTML and XML,
every string value of JSON and plain reading of TXT and CSV. The text is split
into paragraphs, and each generated document is a run of consecutive
paragraphs from one source, so documents read like real notices. Their formats
are PDF with an embedded CJK font subset (reportlab), HTML in UTF-8 and in GBK
(declared gb2312), DOCX and TXT in UTF-8 and GB18030.

Text sizes follow a log-normal distribution with a median of about 4,000
characters, clipped to 300-120,000 characters. These are estimates of typical
notice sizes, not a measured distribution.

Output: DIR/docs/NNN/doc-NNNNNNN.EXT (1,000 files per folder) and
DIR/MANIFEST.tsv with the path under DIR/docs, format, file size and the UTF-8
size of each document's text, which the benchmark uses as the extracted text
size, and DIR/PARAMS.json with --count and --seed. Both sit outside DIR/docs
so that indexers given DIR/docs see only the documents.

The same --seed, --count and ../shared/corpus give the same files: document i
draws from a random generator seeded with (seed, i), so the output does not
depend on --jobs. PDFs are written with reportlab's invariant mode.
"""

import argparse
import bisect
import html
import html.parser
import itertools
import json
import math
import multiprocessing
import os
import random
import re
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SHARED = os.path.join(os.path.dirname(ROOT), "shared", "corpus")
CJK_FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
CJK_FONT = "WenQuanYiZenHei"

# Share of each output format, in percent. The mix is an estimate of what a
# scraped collection of Chinese notices contains.
FORMAT_MIX = [
    ("pdf", 25),
    ("html-utf8", 20),
    ("html-gbk", 20),
    ("docx", 15),
    ("txt-utf8", 15),
    ("txt-gb18030", 5),
]

MEDIAN_CHARS = 4000
SIGMA = 1.0
MIN_CHARS = 300
MAX_CHARS = 120000

# Every ZIP member gets this timestamp so DOCX bytes do not depend on the clock.
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
FILES_PER_FOLDER = 1000

# ---------------------------------------------------------------------------
# Reading the source text.


class _TextParser(html.parser.HTMLParser):
    """Collects the text of an HTML or XML page, skipping scripts and styles."""

    BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table", "td"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def markup_text(raw):
    parser = _TextParser()
    parser.feed(raw)
    return "".join(parser.parts)


def json_strings(value):
    """Yield every string in a JSON value; strings holding HTML are stripped."""
    if isinstance(value, str):
        yield markup_text(value) if "<" in value and ">" in value else value
    elif isinstance(value, dict):
        for item in value.values():
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)


def decode(raw, encoding):
    for codec in (encoding, "utf-8-sig", "gb18030"):
        if not codec:
            continue
        try:
            return raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("utf-8", errors="replace")


def source_text(path, fmt, encoding):
    """Return the text of one source file, or "" for formats not read here."""
    if fmt == "pdf":
        result = subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", path, "-"],
                                capture_output=True)
        return result.stdout.decode("utf-8", errors="replace")
    if fmt == "docx":
        with zipfile.ZipFile(path) as archive:
            body = archive.read("word/document.xml").decode("utf-8")
        return html.unescape(re.sub(r"<[^>]+>", "", body.replace("</w:p>", "\n")))
    raw = open(path, "rb").read()
    text = decode(raw, encoding if encoding not in ("", "n/a") else "utf-8")
    if fmt in ("html", "xml"):
        return markup_text(text)
    if fmt == "json":
        try:
            return "\n".join(json_strings(json.loads(text)))
        except json.JSONDecodeError:
            return text
    if fmt in ("txt", "csv"):
        return text
    return ""


HAN = re.compile(r"[\u3400-\u9fff]")
LETTER = re.compile(r"[A-Za-z\u3400-\u9fff]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def paragraphs(text):
    """Split text into paragraphs of 20-2,000 characters.

    Lines are joined until a blank line or a line ending in sentence
    punctuation. Paragraphs in which fewer than a third of the characters are
    letters or Han (tables of numbers, page furniture) are dropped.
    """
    result = []
    current = []

    def flush():
        joined = "".join(current) if current and HAN.search(current[0]) else " ".join(current)
        # Control characters are invalid in XML, and lone surrogates from JSON
        # escapes cannot be encoded: neither belongs in a document.
        joined = CONTROL.sub("", joined).encode("utf-8", "ignore").decode("utf-8")
        joined = re.sub(r"[ \t\u3000]+", " ", joined).strip()
        if len(joined) >= 20 and len(LETTER.findall(joined)) * 3 >= len(joined):
            result.extend(joined[i:i + 2000] for i in range(0, len(joined), 2000))
        current.clear()

    for line in text.splitlines():
        line = line.strip()
        if not line:
            flush()
            continue
        current.append(line)
        if line[-1] in "。！？；.!?:：" or sum(map(len, current)) > 1500:
            flush()
    flush()
    return result


def load_sources(shared_corpus):
    """Return a list of (source path, paragraphs) from MANIFEST.tsv.

    Files the manifest calls garbled or image-only are skipped, because their
    extracted text is mojibake or empty.
    """
    sources = []
    manifest = os.path.join(shared_corpus, "MANIFEST.tsv")
    with open(manifest, encoding="utf-8") as rows:
        header = rows.readline().rstrip("\n").split("\t")
        for line in rows:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            notes = row.get("notes", "")
            if "garbled" in notes or "no text" in notes:
                continue
            path = os.path.join(shared_corpus, row["path"])
            text = source_text(path, row["format"], row.get("encoding", ""))
            parts = paragraphs(text)
            if parts:
                sources.append((row["path"], parts))
    sources.sort()
    return sources


# ---------------------------------------------------------------------------
# Writing documents.


def pick_format(rng):
    roll = rng.uniform(0, 100)
    for name, share in FORMAT_MIX:
        if roll < share:
            return name
        roll -= share
    return FORMAT_MIX[-1][0]


def pick_text(rng, sources):
    """Return (title, paragraphs) for one document, about a log-normal size."""
    target = int(MEDIAN_CHARS * math.exp(rng.gauss(0, SIGMA)))
    target = max(MIN_CHARS, min(MAX_CHARS, target))

    # The first paragraph is drawn uniformly from all paragraphs of all
    # sources. Drawing the source first would repeat the few paragraphs of
    # short sources until many documents were byte-identical.
    ends = list(itertools.accumulate(len(parts) for _, parts in sources))
    position = rng.randrange(ends[-1])
    source = bisect.bisect_right(ends, position)
    _, parts = sources[source]
    start = position - (ends[source - 1] if source else 0)
    chosen = []
    size = 0
    index = start
    while size < target:
        chosen.append(parts[index])
        size += len(parts[index])
        index = (index + 1) % len(parts)
        if index == start:
            break
    title = chosen[0][:60]
    return title, chosen


def write_pdf(path, title, parts):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(path, pagesize=A4, invariant=1, initialFontName=CJK_FONT)
    pdf.setTitle(title)
    width, height = A4
    margin, size, leading = 56, 10.5, 16
    y = height - margin
    pdf.setFont(CJK_FONT, size)
    usable = width - 2 * margin
    for part in parts:
        for line in wrap(part, usable, size, pdfmetrics):
            if y < margin + leading:
                pdf.showPage()
                pdf.setFont(CJK_FONT, size)
                y = height - margin
            pdf.drawString(margin, y - size, line)
            y -= leading
        y -= leading / 2
    pdf.save()


def wrap(text, width, size, pdfmetrics):
    """Break text into lines no wider than width points at any character.

    Character widths are cached per character, because measuring every
    candidate line with stringWidth makes long documents quadratic.
    """
    lines = []
    current = []
    current_width = 0.0
    for char in text:
        char_width = _char_width(char, size, pdfmetrics)
        if current and current_width + char_width > width:
            lines.append("".join(current))
            current, current_width = [], 0.0
        current.append(char)
        current_width += char_width
    if current:
        lines.append("".join(current))
    return lines


_WIDTHS = {}


def _char_width(char, size, pdfmetrics):
    key = (char, size)
    if key not in _WIDTHS:
        _WIDTHS[key] = pdfmetrics.stringWidth(char, CJK_FONT, size)
    return _WIDTHS[key]


def write_html(path, title, parts, charset, codec):
    body = "\n".join(f"<p>{html.escape(part)}</p>" for part in parts)
    page = (f"<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" "
            f"content=\"text/html; charset={charset}\">\n<title>{html.escape(title)}"
            f"</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n")
    # Characters outside GBK become numeric character references, so the page
    # still shows them.
    with open(path, "wb") as out:
        out.write(page.encode(codec, errors="xmlcharrefreplace"))


DOCX_PARTS = {
    "[Content_Types].xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '</Types>',
    "_rels/.rels":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '</Relationships>',
}


def write_docx(path, title, parts):
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{html.escape(part, quote=False)}"
                   f"</w:t></w:r></w:p>" for part in parts)
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:body>{body}</w:body></w:document>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:title>{html.escape(title, quote=False)}</dc:title></cp:coreProperties>')
    members = dict(DOCX_PARTS)
    members["word/document.xml"] = document
    members["docProps/core.xml"] = core
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))


def write_txt(path, title, parts, codec):
    text = title + "\n\n" + "\n\n".join(parts) + "\n"
    with open(path, "wb") as out:
        out.write(text.encode(codec, errors="replace"))


EXTENSIONS = {"pdf": "pdf", "html-utf8": "html", "html-gbk": "html", "docx": "docx",
              "txt-utf8": "txt", "txt-gb18030": "txt"}


def write_document(out_dir, seed, number, sources):
    """Write document `number` and return its MANIFEST.tsv row."""
    rng = random.Random(f"{seed}:{number}")
    fmt = pick_format(rng)
    title, parts = pick_text(rng, sources)
    relative = os.path.join(f"{number // FILES_PER_FOLDER:03d}",
                            f"doc-{number:07d}.{EXTENSIONS[fmt]}")
    path = os.path.join(out_dir, "docs", relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if fmt == "pdf":
        write_pdf(path, title, parts)
    elif fmt == "html-utf8":
        write_html(path, title, parts, "utf-8", "utf-8")
    elif fmt == "html-gbk":
        write_html(path, title, parts, "gb2312", "gbk")
    elif fmt == "docx":
        write_docx(path, title, parts)
    elif fmt == "txt-utf8":
        write_txt(path, title, parts, "utf-8")
    else:
        write_txt(path, title, parts, "gb18030")
    text_bytes = len("\n".join(parts).encode("utf-8"))
    return f"{relative}\t{fmt}\t{os.path.getsize(path)}\t{text_bytes}\n"


_SOURCES = None


def _init_worker(sources):
    global _SOURCES
    _SOURCES = sources
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    pdfmetrics.registerFont(TTFont(CJK_FONT, CJK_FONT_FILE, subfontIndex=0))


def _write_one(task):
    out_dir, seed, number = task
    return write_document(out_dir, seed, number, _SOURCES)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="folder to write the corpus to")
    parser.add_argument("--count", type=int, default=100000,
                        help="number of documents (default: 100000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes (default: the number of CPUs)")
    parser.add_argument("--shared-corpus", default=DEFAULT_SHARED,
                        help="folder with MANIFEST.tsv and the real documents "
                             "(default: ../shared/corpus beside the source tree)")
    args = parser.parse_args()
    if args.count < 1:
        parser.error(f"--count must be at least 1, got {args.count}")
    if not os.path.isfile(os.path.join(args.shared_corpus, "MANIFEST.tsv")):
        parser.error(f"MANIFEST.tsv not found in {args.shared_corpus}; "
                     "pass --shared-corpus")

    # A worker whose initializer fails is replaced by another that fails the
    # same way, so multiprocessing.Pool would retry forever: check first.
    try:
        import reportlab  # noqa: F401
    except ImportError:
        sys.exit("make-corpus.py: the reportlab module is missing for "
                 f"{sys.executable}; install python3-reportlab and run the "
                 "script as bench/make-corpus.py (it runs /usr/bin/python3)")
    if not os.path.isfile(CJK_FONT_FILE):
        sys.exit(f"make-corpus.py: font {CJK_FONT_FILE} not found; "
                 "install fonts-wqy-zenhei")

    sources = load_sources(args.shared_corpus)
    if not sources:
        sys.exit(f"make-corpus.py: no usable text in {args.shared_corpus}")
    os.makedirs(args.out, exist_ok=True)
    tasks = [(args.out, args.seed, number) for number in range(args.count)]
    with multiprocessing.Pool(args.jobs, _init_worker, (sources,)) as pool:
        rows = pool.map(_write_one, tasks, chunksize=64)
    with open(os.path.join(args.out, "MANIFEST.tsv"), "w", encoding="utf-8") as manifest:
        manifest.write("path\tformat\tbytes\ttext_bytes\n")
        manifest.writelines(rows)
    with open(os.path.join(args.out, "PARAMS.json"), "w", encoding="utf-8") as params:
        json.dump({"count": args.count, "seed": args.seed}, params)
    print(f"make-corpus.py: wrote {args.count} documents from {len(sources)} "
          f"sources to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
