#!/usr/bin/env python3
"""Prints the text MuPDF (PyMuPDF's `page.get_text()`, MuPDF 1.28) extracts from a PDF, page by page; with --chars,
each line's characters in the order `get_text("rawdict")` holds them, with their x, to see how it ordered a line.

Usage: mupdf-text.py PDF [--chars]   (run with the Python of the readers' environment, see measure.py)
"""
import sys

import pymupdf


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    document = pymupdf.open(sys.argv[1])
    if "--chars" in sys.argv[2:]:
        for number, page in enumerate(document, 1):
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    chars = [c for span in line["spans"] for c in span["chars"]]
                    print(f"p{number} " + " ".join(f"{c['c']}@{c['origin'][0]:.1f}" for c in chars))
        return
    print("\n".join(page.get_text() for page in document))


if __name__ == "__main__":
    main()
