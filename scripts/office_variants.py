#!/usr/bin/env python3
"""The samples and the devset as office files, for the quality gate's office-KIND runs:

  office_variants.py make KIND OUTDIR [--shared ../shared]

writes OUTDIR/corpus (the files) and OUTDIR/gold (their gold, "source" renamed). Each kind
lives in scripts/office_variants_KIND.py as make(kind, outdir, shared). Standard library only.
"""
import argparse, importlib, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["make"])
    ap.add_argument("kind")
    ap.add_argument("outdir")
    ap.add_argument("--shared", default="../shared")
    args = ap.parse_args()
    try:
        module = importlib.import_module(f"office_variants_{args.kind}")
    except ImportError:
        sys.exit(f"office_variants: no kind {args.kind!r} (no scripts/office_variants_{args.kind}.py)")
    module.make(args.kind, os.path.abspath(args.outdir), os.path.abspath(args.shared))
    return 0


if __name__ == "__main__":
    sys.exit(main())
