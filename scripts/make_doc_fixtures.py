#!/usr/bin/env python3
"""Rebuild the committed Word 97 fixtures in Tests/Fixtures/office/doc from samples and
devset documents: LibreOffice headless (libreoffice-writer-nogui, fonts-noto-cjk) saves
each as .doc ("MS Word 97"), its gold is copied with "source" renamed. Not run by the
tests (they use the committed files); run by hand when the selection changes.

  python3 scripts/make_doc_fixtures.py [--shared ../shared]
"""
import argparse, json, os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests/Fixtures/office/doc")
# (folder under shared, file, gold folder): two samples, an HTML page with a metadata
# table and a layout table, a Markdown regulation with chapters, a flattened text file.
CHOSEN = [("corpus", "001_4abc55ab1248088c.txt", "gold"), ("corpus", "003_5e563d7ae628c257.txt", "gold"),
          ("devset/docs", "d002.html", "devset/gold"), ("devset/docs", "d008.md", "devset/gold"),
          ("devset/docs", "d023.txt", "devset/gold")]
# Made here, in features/: a header, footer, footnote, link, page break, table and list
# (features.fodt), a document too short for antiword (short.txt) and a paragraph of 340
# Chinese characters without an ASCII byte, which catdoc garbles (short-unbroken.txt).
FEATURES = ["features.fodt", "short.txt", "short-unbroken.txt"]


def convert(src, work):
    """src as .doc in work; text and Markdown are read as UTF-8 text, one line a paragraph."""
    stem, ext = os.path.splitext(os.path.basename(src))
    if ext == ".fodt":
        tmp, infilter = src, "OpenDocument Text Flat XML"
    elif ext in (".txt", ".md"):
        tmp = os.path.join(work, stem + ".txt")
        shutil.copyfile(src, tmp)
        infilter = "Text (encoded):UTF8"
    else:
        tmp = os.path.join(work, stem + ".html")
        shutil.copyfile(src, tmp)
        infilter = "HTML (StarWriter)"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{work}/profile", f"--infilter={infilter}",
                    "--convert-to", "doc:MS Word 97", "--outdir", work, tmp], check=True, capture_output=True, timeout=300)
    return os.path.join(work, stem + ".doc")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "../shared"))
    args = ap.parse_args()
    os.makedirs(os.path.join(OUT, "gold"), exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for folder, name, gold in CHOSEN:
            stem = os.path.splitext(name)[0]
            doc = convert(os.path.join(args.shared, folder, name), work)
            shutil.copyfile(doc, os.path.join(OUT, stem + ".doc"))
            g = json.load(open(os.path.join(args.shared, gold, stem + ".json"), encoding="utf-8"))
            g["source"] = stem + ".doc"
            with open(os.path.join(OUT, "gold", stem + ".json"), "w", encoding="utf-8") as fh:
                json.dump(g, fh, ensure_ascii=False, indent=1)
                fh.write("\n")
            print(f"{stem}.doc {os.path.getsize(os.path.join(OUT, stem + '.doc'))} bytes")
        for name in FEATURES:
            doc = convert(os.path.join(OUT, "features", name), work)
            shutil.copyfile(doc, os.path.join(OUT, "features", os.path.basename(doc)))
            print(f"features/{os.path.basename(doc)} {os.path.getsize(doc)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
