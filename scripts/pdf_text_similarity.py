#!/usr/bin/env python3
"""Compares bidscope's PDF text and pdftotext's with reference .txt twins.

Some PDFs of the corpus have a .txt file of the same name, made from the
same source. For each of them this prints a Markdown table row with the
character-level similarity to that twin of bidscope's text and of
pdftotext's default output. Whitespace is removed before comparing, and the
similarity is difflib's ratio: 2 * matching characters / total characters.

Usage: pdf_text_similarity.py BIDSCOPE_BINARY CORPUS_DIR
"""

import difflib
import json
import pathlib
import re
import subprocess
import sys

WHITESPACE = re.compile(r"\s+")


def without_whitespace(text):
    return WHITESPACE.sub("", text)


def bidscope_text(binary, pdf):
    result = subprocess.run(
        [binary, "extract", "--json", "--ocr", "never", str(pdf)],
        capture_output=True, text=True, check=True)
    document = json.loads(result.stdout.splitlines()[0])
    return "\n".join(page.get("text", "") for page in document["pages"])


def pdftotext_text(pdf):
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                            capture_output=True, text=True, check=True)
    return result.stdout


def similarity(text, reference):
    matcher = difflib.SequenceMatcher(None, without_whitespace(text),
                                      without_whitespace(reference),
                                      autojunk=False)
    return matcher.ratio()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary, corpus = sys.argv[1], pathlib.Path(sys.argv[2])
    print("| PDF | twin characters | bidscope | pdftotext |")
    print("|---|---:|---:|---:|")
    for pdf in sorted(corpus.rglob("*.pdf")):
        twin = pdf.with_suffix(".txt")
        if not twin.is_file():
            continue
        reference = twin.read_text(encoding="utf-8", errors="replace")
        ours = similarity(bidscope_text(binary, pdf), reference)
        theirs = similarity(pdftotext_text(pdf), reference)
        name = pdf.relative_to(corpus)
        print(f"| {name} | {len(without_whitespace(reference))} "
              f"| {ours:.3f} | {theirs:.3f} |", flush=True)


if __name__ == "__main__":
    main()
