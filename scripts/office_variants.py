#!/usr/bin/env python3
"""The samples and the devset written as office files, for the quality gate's office-KIND runs:

  office_variants.py make KIND OUTDIR [--shared ../shared]

writes OUTDIR/corpus/* and OUTDIR/gold/*.json (source renamed). Each KIND is a module of its
own, scripts/office_variants_KIND.py, with make(outdir, shared): pdf copies the PDFs made once
by LibreOffice and committed (see office_variants_pdf.py). Standard library only.
"""
import argparse, importlib, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["make"])
    ap.add_argument("kind")
    ap.add_argument("outdir")
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "shared"))
    a = ap.parse_args()
    sys.path.insert(0, HERE)
    try:
        module = importlib.import_module(f"office_variants_{a.kind}")
    except ImportError:
        sys.exit(f"office_variants.py: no kind {a.kind!r} (no scripts/office_variants_{a.kind}.py)")
    module.make(a.outdir, a.shared)


if __name__ == "__main__":
    main()
