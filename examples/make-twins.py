#!/usr/bin/env python3
"""Builds the .html, .docx, .odt and .pdf twins of a Markdown example tender.

    python3 examples/make-twins.py examples/cctp-site-communal.md

Needs the `markdown` package (pip install markdown) and LibreOffice
(Debian: libreoffice-writer). The twins are checked in, so neither is needed
to run the tests; rerun this after editing the Markdown.
"""
import pathlib
import subprocess
import sys
import tempfile

import markdown


def main(src: str) -> None:
    md = pathlib.Path(src)
    body = markdown.markdown(md.read_text(encoding="utf-8"), extensions=["tables"])
    title = md.stem
    html = (
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{title}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
    html_path = md.with_suffix(".html")
    html_path.write_text(html, encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        base = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless"]
        out = str(md.parent)
        subprocess.run(base + ["--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", out, str(html_path)], check=True)
        subprocess.run(base + ["--infilter=HTML (StarWriter)", "--convert-to", "odt", "--outdir", out, str(html_path)], check=True)
        subprocess.run(base + ["--convert-to", "pdf", "--outdir", out, str(md.with_suffix(".odt"))], check=True)


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["examples/cctp-site-communal.md"]:
        main(arg)
