#!/usr/bin/env python3
"""Rewrites the generated catalogue in docs/detectors.md from the rule packs:
`update-detector-docs.py BINARY [--check]`. With --check, exits 1 (printing a diff) when the
checked-in copy is not what the binary generates."""
import difflib
import subprocess
import sys
from pathlib import Path

BEGIN = "<!-- BEGIN GENERATED: gdprscan rules list --format markdown -->\n"
END = "<!-- END GENERATED -->\n"
DOC = Path(__file__).resolve().parent.parent / "docs" / "detectors.md"


def main():
    binary, check = sys.argv[1], "--check" in sys.argv[2:]
    generated = subprocess.run([binary, "rules", "list", "--format", "markdown"], check=True,
                               capture_output=True, text=True).stdout
    text = DOC.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    current = text[start:end]
    if check:
        if current == generated:
            return 0
        sys.stdout.writelines(difflib.unified_diff(current.splitlines(True), generated.splitlines(True),
                                                   "docs/detectors.md", "rules list --format markdown", n=1))
        print("docs/detectors.md is not current: run `make docs`")
        return 1
    DOC.write_text(text[:start] + generated + text[end:], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
