"""office-doc: the Word 97 files made from samples and devset documents, committed in
Tests/Fixtures/office/doc (scripts/make_doc_fixtures.py rebuilds them with LibreOffice,
which the quality gate does not need), copied with their gold."""
import glob, os, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests/Fixtures/office/doc")


def make(outdir, shared):
    outdir, shared = os.path.abspath(outdir), os.path.abspath(shared)
    corpus, gold = os.path.join(outdir, "corpus"), os.path.join(outdir, "gold")
    for p in (corpus, gold):
        os.makedirs(p, exist_ok=True)
    for doc in sorted(glob.glob(os.path.join(FIXTURES, "*.doc"))):
        stem = os.path.splitext(os.path.basename(doc))[0]
        shutil.copyfile(doc, os.path.join(corpus, stem + ".doc"))
        shutil.copyfile(os.path.join(FIXTURES, "gold", stem + ".json"), os.path.join(gold, stem + ".json"))
