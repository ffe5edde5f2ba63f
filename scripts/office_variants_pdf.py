#!/usr/bin/env python3
"""PDF variants of the samples and the devset: the same documents printed to PDF by
LibreOffice with a CJK font (WenQuanYi Micro Hei, fonts-wqy-microhei), scored against the originals' gold (the outline must not
change). Installing LibreOffice in CI is slow, so the PDFs are made once and committed:

  office_variants_pdf.py build [--shared ../shared] [--out Tests/Fixtures/office/pdf]
      needs soffice and the font (apt: libreoffice-writer-nogui fonts-wqy-microhei); writes OUT/corpus/*.pdf,
      OUT/gold/*.json (source renamed) and the two layout fixtures OUT/layout/*.pdf
  office_variants_pdf.py make OUTDIR [--shared ../shared]
      what the quality gate runs (through office_variants.py make pdf): copies the committed
      PDFs and gold to OUTDIR/corpus and OUTDIR/gold

Text sources only (.txt, .md), as ../shared/tools/variants.py. Each document is written as a
flat ODF text (.fodt) in one of two house styles, alternating, so that paragraph breaks must
be found from different cues: "gbt" (GB/T 9704: 16 pt, fixed 28 pt lines, justified, first
lines indented two characters, page numbers "— N —" in the footer) and "plain" (12 pt, left
aligned, no indent, space after each paragraph, the title as a running header, "第 N 页" in
the footer). The first line is the title, centred and larger. Markdown loses its syntax
(headings centred, emphasis and comments dropped, front matter's title kept as the title).
Standard library only.
"""
import argparse, glob, html, json, os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures", "office", "pdf")
FONT = "WenQuanYi Micro Hei"   # TrueType: its subsets are half the size of Noto CJK's

STYLES = {
    "gbt": dict(size="16pt", title_size="22pt", line='fo:line-height="28pt"', indent="32pt", align="justify",
                after="0pt", margins=("3.7cm", "3.5cm", "2.8cm", "2.6cm"), header=False, footer="— {n} —"),
    "plain": dict(size="12pt", title_size="16pt", line='fo:line-height="130%"', indent="0pt", align="start",
                  after="6pt", margins=("2.5cm", "2.5cm", "2.5cm", "2.5cm"), header=True, footer="第 {n} 页"),
}


def read_text(path):
    raw = open(path, "rb").read()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", "replace")


def paragraphs(path):
    """(kind, text) per paragraph: kind is "title", "heading" (a Markdown heading) or "body"."""
    text = read_text(path).replace("\r\n", "\n").replace("\r", "\n")
    out, title = [], None
    if path.endswith(".md"):
        m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
        if m:
            t = re.search(r"^title:\s*(.+)$", m.group(1), re.M)
            title = t.group(1).strip().strip("'\"") if t else None
            text = text[m.end():]
        text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    for line in text.split("\n"):
        line = line.strip().replace("\u200b", "")
        if not line:
            continue
        kind = "body"
        if path.endswith(".md"):
            h = re.match(r"^(#{1,6})\s*(.*)$", line)
            if h:
                kind, line = "heading", h.group(2).strip()
            line = re.sub(r"\*\*|__|^>\s*", "", line)
            if not line:
                continue
        out.append([kind, line])
    if title and (not out or out[0][1] != title):
        out.insert(0, ["title", title])
    elif out:
        out[0][0] = "title"
    return out


def fodt(paras, style, columns=1, header_text=None):
    s = STYLES[style]
    top, bottom, left, right = s["margins"]
    esc = lambda t: html.escape(t, quote=False)
    body = []
    for kind, text in paras:
        name = {"title": "Title", "heading": "Heading"}.get(kind, "Body")
        body.append(f'<text:p text:style-name="{name}">{esc(text)}</text:p>')
    if columns > 1:   # the title across the page, the rest in a section of columns
        body = body[:1] + ['<text:section text:style-name="Columns" text:name="Columns">'] + body[1:] + ["</text:section>"]
    header = header_text if header_text is not None else (paras[0][1] if paras and s["header"] else None)
    head_xml = f'<style:header><text:p text:style-name="Furniture">{esc(header)}</text:p></style:header>' if header else ""
    foot = esc(s["footer"]).replace("{n}", '<text:page-number text:select-page="current"/>')
    cols = (f'<style:style style:name="Columns" style:family="section"><style:section-properties><style:columns '
            f'fo:column-count="{columns}" fo:column-gap="0.8cm"/></style:section-properties></style:style>')
    text_props = (f'style:font-name="{FONT}" fo:font-size="{{size}}" style:font-name-asian="{FONT}" '
                  f'style:font-size-asian="{{size}}" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"')
    tp = lambda size, bold=False: f'<style:text-properties {text_props.format(size=size)}' + (
        ' fo:font-weight="bold" style:font-weight-asian="bold"' if bold else "") + "/>"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="{FONT}" svg:font-family="'{FONT}'"/></office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">{tp(s["size"])}</style:default-style>
 <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-indent="{s["indent"]}"
  fo:text-align="{s["align"]}" {s["line"]} fo:margin-top="0pt" fo:margin-bottom="{s["after"]}"/>{tp(s["size"])}</style:style>
 <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center"
  fo:margin-top="0pt" fo:margin-bottom="18pt"/>{tp(s["title_size"], True)}</style:style>
 <style:style style:name="Heading" style:family="paragraph"><style:paragraph-properties fo:text-align="center"
  fo:margin-top="8pt" fo:margin-bottom="8pt"/>{tp(s["size"], True)}</style:style>
 <style:style style:name="Furniture" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>{tp("10.5pt")}</style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
  fo:margin-top="{top}" fo:margin-bottom="{bottom}" fo:margin-left="{left}" fo:margin-right="{right}"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
 {cols}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">{head_xml}
 <style:footer><text:p text:style-name="Furniture">{foot}</text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body></office:document>
"""


def to_pdf(documents, out_dir):
    """documents: {stem: fodt text}. Converted in one soffice run."""
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for stem, xml in documents.items():
            p = os.path.join(tmp, stem + ".fodt")
            open(p, "w", encoding="utf-8").write(xml)
            paths.append(p)
        r = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                            "--convert-to", "pdf:writer_pdf_Export", "--outdir", out_dir] + paths,
                           capture_output=True, text=True, timeout=1800)
        missing = [s for s in documents if not os.path.exists(os.path.join(out_dir, s + ".pdf"))]
        if r.returncode != 0 or missing:
            sys.exit(f"soffice failed ({r.returncode}) for {missing}: {r.stderr[-500:]}")


def sources(shared):
    for gold_dir, doc_dir in ((os.path.join(shared, "gold"), os.path.join(shared, "corpus")),
                              (os.path.join(shared, "devset/gold"), os.path.join(shared, "devset/docs"))):
        for gp in sorted(glob.glob(os.path.join(gold_dir, "*.json"))):
            g = json.load(open(gp, encoding="utf-8"))
            src = os.path.join(doc_dir, g.get("source", ""))
            if "outline" in g and src.endswith((".txt", ".md")) and os.path.exists(src):
                yield g, src


def build(shared, out):
    docs, golds = {}, {}
    for n, (g, src) in enumerate(sources(shared)):
        stem = os.path.splitext(g["source"])[0]
        docs[stem] = fodt(paragraphs(src), "gbt" if n % 2 == 0 else "plain")
        golds[stem] = dict(g, source=stem + ".pdf", doc_file=stem + ".pdf")
    shutil.rmtree(os.path.join(out, "corpus"), ignore_errors=True)
    to_pdf(docs, os.path.join(out, "corpus"))
    os.makedirs(os.path.join(out, "gold"), exist_ok=True)
    for stem, g in golds.items():
        with open(os.path.join(out, "gold", stem + ".json"), "w", encoding="utf-8") as fh:
            json.dump(g, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    layout_fixtures(shared, os.path.join(out, "layout"))
    total = sum(os.path.getsize(p) for p in glob.glob(os.path.join(out, "**", "*.pdf"), recursive=True))
    print(f"{len(docs)} PDFs and their gold in {out}; {total / 1e6:.2f} MB of PDF")


def layout_fixtures(shared, out):
    """two-column.pdf (a report set in two columns under a title across the page) and
    running-header.pdf (the plain style, several pages, a running header and page numbers)."""
    report = paragraphs(os.path.join(shared, "corpus", "004_b4329e84c20cd7da.txt"))
    notice = paragraphs(os.path.join(shared, "corpus", "001_4abc55ab1248088c.txt"))
    docs = {"two-column": fodt(report[:16], "plain", columns=2, header_text=""),
            "running-header": fodt(notice, "plain", header_text="上海市人民政府公报")}
    to_pdf(docs, out)


def make(outdir, shared=None):
    """The committed PDFs and gold, copied to OUTDIR/corpus and OUTDIR/gold."""
    for sub in ("corpus", "gold"):
        dst = os.path.join(outdir, sub)
        shutil.rmtree(dst, ignore_errors=True)
        shutil.copytree(os.path.join(FIXTURES, sub), dst)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["build", "make"])
    ap.add_argument("outdir", nargs="?")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--out", default=FIXTURES)
    a = ap.parse_args()
    if a.command == "build":
        build(a.shared, a.out)
    else:
        if not a.outdir:
            ap.error("make needs OUTDIR")
        make(a.outdir, a.shared)


if __name__ == "__main__":
    main()
