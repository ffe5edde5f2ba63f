#!/usr/bin/env python3
"""The samples and the devset written as DOCX, for the quality gate's office-docx run:

  office_variants.py make docx OUTDIR [--shared ../shared]     (or this file: make OUTDIR [--shared …])

Every sample (SHARED/corpus, gold SHARED/gold) and devset document (SHARED/devset/docs,
gold SHARED/devset/gold) that has a gold outline is written into OUTDIR/corpus, its gold
copied into OUTDIR/gold with `source` renamed. The outline must not change, so the run is
scored against the original gold.

Text and Markdown files are read as their lines; HTML pages as the text a reader sees: the
main block (the element with the most Chinese text that is not link text, page chrome
skipped, as gazette's HTML extractor picks it), table rows as TAB-separated cells, and the
page's metadata table (索引号 / 发文机关 …) as a table at the top.

The DOCX is written as Word writes one: paragraphs split into runs, a centred title, TAB
lines as real w:tbl tables (an empty first cell under a filled one as a vertical merge,
short rows spanning), a header and a footer with a PAGE field, core properties with a real,
a placeholder or no title. Clause labels (一、 （一） 1. （1） 第X条 …) stay typed in half the
documents; in the other half they are Word automatic numbering (numbering.xml, the label
removed from the text), in one quarter of all through paragraph styles that carry the
numbering (styles.xml); restarts and gaps are new w:num instances with a w:startOverride.
Deterministic. Standard library only.
"""
import glob, html.parser, io, json, os, re, sys, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------- reading the documents

def read_lines(path, tools):
    """The document's text as lines: a text file's own, an HTML page's reader text."""
    sys.path.insert(0, tools)
    from variants import read_text  # ../shared/tools/variants.py: UTF-8 or GB18030
    text = read_text(path)
    if path.lower().endswith((".html", ".htm")):
        return html_lines(text)
    return [l.strip() for l in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def documents(shared):
    """(gold dict, source path, lines) of every sample and devset document with an outline, in order."""
    tools = os.path.join(shared, "tools")
    for gold_dir, doc_dir in ((os.path.join(shared, "gold"), os.path.join(shared, "corpus")),
                              (os.path.join(shared, "devset/gold"), os.path.join(shared, "devset/docs"))):
        for gp in sorted(glob.glob(os.path.join(gold_dir, "*.json"))):
            g = json.load(open(gp, encoding="utf-8"))
            if not isinstance(g, dict) or "outline" not in g:
                continue
            src = os.path.join(doc_dir, g["source"])
            if os.path.exists(src) and src.lower().endswith((".txt", ".md", ".html", ".htm")):
                yield g, src, read_lines(src, tools)


# ---------------------------------------------------------------- HTML as a reader sees it

SKIP = {"script", "style", "noscript", "nav", "header", "footer", "form", "iframe", "select", "button", "svg",
        "canvas", "template", "head", "object", "embed", "input", "textarea"}
BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "ul", "ol",
         "dl", "dt", "dd", "blockquote", "pre", "center", "hr", "tbody", "thead"}
VOID = {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source", "param", "embed"}
CHROME = ["nav", "menu", "footer", "header", "breadcrumb", "crumb", "share", "sidebar", "topbar", "toolbar", "copyright",
          "related", "links", "login", "search", "banner", "print", "fontsize", "qrcode", "ewm"]
META_KEYS = ["索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "发布机构", "主题词", "公文种类", "文号", "信息来源", "来源", "有效性"]
CJK = re.compile(r"[\u4e00-\u9fff]")


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []


class TreeBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        # Cells and rows close the open cell or row of their table; a paragraph closes a paragraph.
        closes = {"td": ("td", "th"), "th": ("td", "th"), "tr": ("tr", "td", "th"), "p": ("p",), "li": ("li",)}.get(tag, ())
        while closes and self.stack[-1].tag in closes:
            self.stack.pop()
        node = Node(tag, {k: v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k].tag == tag:
                del self.stack[k:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def text_of(n):
    out, stack = [], [n]
    while stack:
        x = stack.pop()
        if isinstance(x, str):
            out.append(x)
        else:
            stack.extend(reversed(x.children))
    return "".join(out)


def collapse(s):
    """White space folded to one space; a source line break (\\x01 or \\n) next to a Chinese
    character was only the page author's wrapping and goes."""
    s = s.replace("\n", "\x01")
    s = re.sub(r"[ \r\f\v\u00a0]*\x01[ \r\f\v\u00a0\x01]*", "\x01", s)
    s = re.sub(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\x01|\x01(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])", "", s)
    return re.sub(r"[ \x01\r\f\v\u00a0]+", " ", s).strip()


def is_chrome(n):
    if n.tag in SKIP:
        return True
    idc = (n.attrs.get("id", "") + " " + n.attrs.get("class", "")).lower()
    if any(w in idc for w in ("content", "article", "zoom", "trs_editor")):
        return False
    return any(w in idc for w in CHROME)


def is_meta_table(t):
    cells = [c for c in walk(t) if c.tag in ("td", "th")]
    keys = sum(1 for c in cells if len(collapse(text_of(c))) < 40 and
               any(collapse(text_of(c)).replace(" ", "").replace("\u3000", "").startswith(k) for k in META_KEYS))
    return keys >= 2 and len(cells) <= 60 and keys * 4 >= len(cells)


def walk(n):
    stack = [n]
    while stack:
        x = stack.pop()
        if isinstance(x, Node):
            yield x
            stack.extend(reversed(x.children))


def best_block(body):
    """The element whose own Chinese text, less twice its link text, is largest."""
    best, score = body, -1
    post = []   # (node, own, link) computed bottom-up without recursion
    order, stack = [], [body]
    while stack:
        x = stack.pop()
        order.append(x)
        for c in x.children:
            if isinstance(c, Node) and not is_chrome(c) and not (c.tag == "table" and is_meta_table(c)):
                stack.append(c)
    counts = {}
    for x in reversed(order):
        own = link = 0
        for c in x.children:
            if isinstance(c, str):
                own += len(CJK.findall(c))
            elif id(c) in counts:
                o, l = counts[id(c)]
                if c.tag == "a":
                    link += o + l
                else:
                    own, link = own + o, link + l
        counts[id(x)] = (own, link)
        if x.tag in ("div", "td", "article", "section", "main", "body") and own - 2 * link > score:
            best, score = x, own - 2 * link
    return best


def is_layout_cell(c):
    blocks = cjk = 0
    for x in walk(c):
        if x is c:
            continue
        if x.tag == "table":
            return True
        if x.tag in ("p", "div", "br", "li"):
            blocks += 1
    cjk = len(CJK.findall(text_of(c)))
    return blocks >= 3 or cjk > 300


def render(n, out):
    """Block elements as line breaks, a table row as one line of TAB-separated cells."""
    work = [("node", n)]
    while work:
        kind, x = work.pop()
        if kind == "text":
            out.append(x)
            continue
        if kind == "close":
            if not out or not out[-1].endswith("\n"):
                out.append("\n")
            continue
        for c in reversed(x.children):
            if isinstance(c, str):
                work.append(("text", c.replace("\n", "\x01")))
            elif is_chrome(c) or (c.tag == "table" and is_meta_table(c)):
                continue
            elif c.tag in ("td", "th") and not is_layout_cell(c):
                work.append(("text", collapse(text_of(c)).replace("\t", " ") + "\t"))
            else:
                if c.tag in BLOCK or c.tag in ("td", "th"):
                    work.append(("close", None))
                work.append(("node", c))
                if c.tag in BLOCK or c.tag in ("td", "th"):
                    work.append(("close", None))


def html_lines(page):
    tb = TreeBuilder()
    tb.feed(page)
    tb.close()
    root = tb.root
    body = next((x for x in walk(root) if x.tag == "body"), root)
    meta = []
    for t in walk(root):
        if t.tag == "table" and is_meta_table(t) and not any(x.tag == "table" for x in walk(t) if x is not t):
            for tr in (x for x in walk(t) if x.tag == "tr"):
                cells = [collapse(text_of(c)) for c in tr.children if isinstance(c, Node) and c.tag in ("td", "th")]
                if any(cells):
                    meta.append("\t".join(cells))
            break
    out = []
    render(best_block(body), out)
    lines = []
    for raw in "".join(out).split("\n"):
        cells = [collapse(c) for c in raw.rstrip("\t").split("\t")]
        line = "\t".join(cells).strip()
        if line.replace("\t", "").strip():
            lines.append(line)
    h1 = next((x for x in walk(body) if x.tag == "h1" and not any(is_chrome(a) for a in ancestors(x))), None)
    if h1 is not None:
        h = collapse(text_of(h1))
        if len(CJK.findall(h)) >= 6 and not any(h in l for l in lines):
            lines.insert(0, h)
    return meta + lines


def ancestors(n):
    p = n.parent
    while p is not None:
        yield p
        p = p.parent


# ---------------------------------------------------------------- DOCX

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NUMERALS = "〇零一二三四五六七八九两壹贰叁肆伍陆柒捌玖十拾百佰千仟"
CN = "[" + NUMERALS + "]"

# Label families: pattern on the line, Word's lvlText for it, number format.
LABELS = [
    ("article", re.compile(r"^(第)(" + CN + r"{1,6})(条|章|节)([ \u3000]+)(\S.*)$"), "chineseCounting"),
    ("chineseComma", re.compile(r"^(" + CN + r"{1,4})([、．.])(.*)$"), "chineseCounting"),
    ("parenChinese", re.compile(r"^([（(])(" + CN + r"{1,4})([）)])(.*)$"), "chineseCounting"),
    ("parenArabic", re.compile(r"^([（(])(\d{1,3})([）)])(.+)$"), "decimal"),
    ("arabicDot", re.compile(r"^(\d{1,2})([.、．])(.+)$"), "decimal"),
]


def cn_value(s):
    digits = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
    units = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
    total = cur = 0
    for ch in s:
        if ch in digits:
            cur = digits[ch]
        else:
            total += (cur or 1) * units[ch]
            cur = 0
    return total + cur


def cn_counting(n):
    """Word's chineseCounting for 1–99: 一 … 十 十一 … 二十一."""
    d = "〇一二三四五六七八九"
    if n < 10:
        return d[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else d[tens]) + "十" + (d[ones] if ones else "")


def split_label(line):
    """(family key, lvlText, numFmt, number, text after the label) when the line opens with a
    label Word's numbering can write exactly as typed; else None."""
    for fam, rx, fmt in LABELS:
        m = rx.match(line)
        if not m:
            continue
        g = m.groups()
        if fam == "article":
            n = cn_value(g[1])
            if not 0 < n < 100 or cn_counting(n) != g[1]:
                return None
            return (fam + g[2], "第%1" + g[2], fmt, n, g[4])
        if fam == "chineseComma":
            n, rest = cn_value(g[0]), g[2]
            if not 0 < n < 100 or cn_counting(n) != g[0] or not rest or rest[0] in NUMERALS:
                return None
            return (fam + g[1], "%1" + g[1], fmt, n, rest)
        if fam in ("parenChinese", "parenArabic"):
            n = cn_value(g[1]) if fam == "parenChinese" else int(g[1])
            if not 0 < n < 100 or (fam == "parenChinese" and cn_counting(n) != g[1]) or not g[3].strip():
                return None
            return (fam + g[0] + g[2], g[0] + "%1" + g[2], fmt, n, g[3].lstrip(" \u3000"))
        n, rest = int(g[0]), g[2]
        if n == 0 or g[0].startswith("0") or rest[0].isdigit() or rest[0] in "%％ " or rest[0] in "万亿元个年月日次":
            return None
        return (fam + g[1], "%1" + g[1], fmt, n, rest)
    return None


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def runs(text, k):
    """The text as Word stores it: several runs, now and then a proofing mark between them."""
    out, i, size = [], 0, 7 + k % 13
    while i < len(text):
        piece = text[i:i + size]
        out.append('<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>' % esc(piece))
        if (i // size + k) % 5 == 0:
            out.append('<w:proofErr w:type="gramStart"/>')
        i += size
    return "".join(out)


class Docx:
    def __init__(self, index, auto, styled, suffix):
        self.index, self.auto, self.styled, self.suffix = index, auto, styled, suffix
        self.abstract = {}       # family key -> (abstractNumId, lvlText, numFmt)
        self.nums = []           # (numId, abstractNumId, startOverride or None)
        self.current = {}        # family key -> (numId, last number)
        self.styles = {}         # family key -> style id carrying the numbering

    def numbering_for(self, fam, lvl_text, fmt, n):
        """The numId whose next label is n, and whether the paragraph style already names it."""
        if fam not in self.abstract:
            self.abstract[fam] = (len(self.abstract), lvl_text, fmt)
        a = self.abstract[fam][0]
        cur = self.current.get(fam)
        if cur and cur[1] + 1 == n:
            self.current[fam] = (cur[0], n)
            return cur[0], self.styled and fam in self.styles and self.styles[fam][1] == cur[0]
        num_id = len(self.nums) + 1
        self.nums.append((num_id, a, None if (cur is None and n == 1) else n))
        self.current[fam] = (num_id, n)
        if self.styled and fam not in self.styles:
            self.styles[fam] = ("List%d" % (a + 1), num_id)
            return num_id, True
        return num_id, False

    def paragraph(self, line, k):
        ppr = []
        lab = split_label(line) if self.auto else None
        if lab:
            fam, lvl_text, fmt, n, rest = lab
            num_id, via_style = self.numbering_for(fam, lvl_text, fmt, n)
            if self.styled and fam in self.styles:
                ppr.append('<w:pStyle w:val="%s"/>' % self.styles[fam][0])
            if not via_style:
                ppr.append('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr>' % num_id)
            line = rest
        if k == 0:
            ppr.append('<w:jc w:val="center"/>')
        return "<w:p>%s%s</w:p>" % ("<w:pPr>%s</w:pPr>" % "".join(ppr) if ppr else "", runs(line, k + self.index))

    def table(self, rows):
        width = max(len(r) for r in rows)
        out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>']
        out += ['<w:gridCol w:w="%d"/>' % (9000 // width)] * width
        out.append("</w:tblGrid>")
        # An empty first cell under a filled one continues it (a vertically merged cell).
        merged = [False] * len(rows)
        for r in range(1, len(rows)):
            merged[r] = rows[r][0] == "" and (rows[r - 1][0] != "" or merged[r - 1])
        for r, row in enumerate(rows):
            out.append("<w:tr>")
            for j, cell in enumerate(row):
                pr = ['<w:tcW w:w="%d" w:type="dxa"/>' % (9000 // width)]
                span = width - len(row) + 1 if j == len(row) - 1 else 1
                if span > 1:
                    pr.append('<w:gridSpan w:val="%d"/>' % span)
                if j == 0 and merged[r]:
                    pr.append("<w:vMerge/>")
                elif j == 0 and r + 1 < len(rows) and merged[r + 1]:
                    pr.append('<w:vMerge w:val="restart"/>')
                body = "" if j == 0 and merged[r] else runs(cell, j)
                out.append("<w:tc><w:tcPr>%s</w:tcPr><w:p>%s</w:p></w:tc>" % ("".join(pr), body))
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    def body(self, lines):
        parts, k, i = [], 0, 0
        lines = [l for l in lines if l.strip()]
        while i < len(lines):
            if "\t" in lines[i]:
                j = i
                while j < len(lines) and "\t" in lines[j]:
                    j += 1
                parts.append(self.table([[c.strip() for c in l.split("\t")] for l in lines[i:j]]))
                parts.append("<w:p/>")
                i = j
                continue
            parts.append(self.paragraph(lines[i], k))
            k += 1
            i += 1
        sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/>'
                '<w:footerReference w:type="default" r:id="rIdFooter1"/>'
                '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"'
                ' w:header="851" w:footer="1134" w:gutter="0"/></w:sectPr>')
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="%s" xmlns:r="%s"><w:body>%s%s</w:body></w:document>'
                % (W_NS, R_NS, "".join(parts), sect))

    def numbering(self):
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="%s">' % W_NS]
        for fam, (a, lvl_text, fmt) in sorted(self.abstract.items(), key=lambda x: x[1][0]):
            style = ('<w:pStyle w:val="%s"/>' % self.styles[fam][0]) if fam in self.styles else ""
            out.append('<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="singleLevel"/>'
                       '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="%s"/>%s<w:suff w:val="%s"/><w:lvlText w:val="%s"/>'
                       '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl></w:abstractNum>'
                       % (a, fmt, style, self.suffix, esc(lvl_text)))
        for num_id, a, start in self.nums:
            over = ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="%d"/></w:lvlOverride>' % start) if start else ""
            out.append('<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>%s</w:num>' % (num_id, a, over))
        out.append("</w:numbering>")
        return "".join(out)

    def styles_xml(self):
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="%s">' % W_NS,
               '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>',
               '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>',
               '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>']
        for fam, (sid, num_id) in self.styles.items():
            out.append('<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/>'
                       '<w:pPr><w:numPr><w:numId w:val="%d"/></w:numPr></w:pPr></w:style>' % (sid, sid, num_id))
        out.append("</w:styles>")
        return "".join(out)


def page_field(index):
    """A footer page number, as a simple field or as begin/separate/end field characters."""
    if index % 2:
        return '<w:fldSimple w:instr=" PAGE \\* MERGEFORMAT "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def docx_variant(doc, index):
    g, src, lines = doc
    # Half the documents number their clauses with Word's automatic numbering, a quarter of
    # all through paragraph styles; the label follows a tab (Word) or nothing (WPS).
    auto = index % 2 == 0
    d = Docx(index, auto=auto, styled=index % 4 == 2, suffix="nothing" if index % 3 == 1 else "tab")
    document = d.body(lines)
    title = g.get("title") or ""
    core_title = [title, "Microsoft Word - %s.doc" % os.path.splitext(g["source"])[0], ""][index % 3]
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
            '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
            '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
            '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>'),
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
            '<dc:title>%s</dc:title><dc:creator>Administrator</dc:creator></cp:coreProperties>' % esc(core_title)),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            '<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
            '<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
            '</Relationships>'),
        "word/document.xml": document,
        "word/styles.xml": d.styles_xml(),
        "word/numbering.xml": d.numbering(),
        "word/header1.xml": ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="%s"><w:p><w:pPr><w:jc w:val="right"/></w:pPr>%s</w:p></w:hdr>'
                             % (W_NS, runs(title or "政务公开", 0))),
        "word/footer1.xml": ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="%s"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
                             '<w:r><w:t xml:space="preserve">— </w:t></w:r>%s<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>'
                             % (W_NS, page_field(index))),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))
    return os.path.splitext(g["source"])[0] + ".docx", buf.getvalue()


def make(out, shared):
    shared = os.path.abspath(shared)
    os.makedirs(os.path.join(out, "corpus"), exist_ok=True)
    os.makedirs(os.path.join(out, "gold"), exist_ok=True)
    n = 0
    for index, doc in enumerate(documents(shared)):
        g = doc[0]
        name, data = docx_variant(doc, index)
        with open(os.path.join(out, "corpus", name), "wb") as fh:
            fh.write(data)
        stem = os.path.splitext(g["source"])[0]
        with open(os.path.join(out, "gold", stem + ".json"), "w", encoding="utf-8") as fh:
            json.dump(dict(g, source=name), fh, ensure_ascii=False, indent=1)
        n += 1
    print("%d docx variants" % n)


if __name__ == "__main__":
    args = sys.argv[1:]
    shared = os.path.join(HERE, "..", "..", "shared")
    if "--shared" in args:
        k = args.index("--shared")
        shared = args[k + 1]
        del args[k:k + 2]
    if len(args) != 2 or args[0] != "make":
        sys.exit(__doc__)
    make(args[1], shared)
