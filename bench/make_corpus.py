#!/usr/bin/env python3
"""Build a scale corpus for the benchmarks from the sample documents, deterministically.

Used by bench/run.py when the gazette binary has no working `generate` verb yet; writes the
same layout as `gazette generate`: DIR/corpus/... (the input files) and DIR/truth.json
({"groups": [[relative paths of one document], ...]}).

Documents are families: a *base* document is assembled from the samples (the header of one
sample with its region and year replaced, top-level sections drawn from all samples and
renumbered, sentences dropped and shuffled so that bases differ genuinely while sharing
boilerplate), then written as one to several copies: exact copies, other encodings
(gb18030, big5, utf-16, utf-8 with BOM), other scripts (OpenCC s2t / s2tw / s2hk),
site-wrapped HTML with page chrome, gzip, and lightly edited copies.

Requires the `opencc` package (bench/requirements.txt); stdlib otherwise.
Usage: make_corpus.py --out DIR --count N [--seed 42] [--samples ../shared/corpus] [--duplicates 0.2]

`--duplicates F` (below 0.5) makes about that share of the files copies of another: each
family is one file, or two with probability F / (1 - F). Without it families have one to six
files (about half the files are copies), like `gazette generate`'s two thirds.
"""
import argparse
import gzip
import html
import json
import os
import random
import re
import sys

import opencc

CITIES = [
    ("北京市", "京"), ("上海市", "沪"), ("天津市", "津"), ("重庆市", "渝"), ("广州市", "穗"), ("深圳市", "深"),
    ("杭州市", "杭"), ("南京市", "宁"), ("苏州市", "苏"), ("济南市", "济"), ("青岛市", "青"), ("成都市", "成"),
    ("武汉市", "武"), ("西安市", "西"), ("长沙市", "长"), ("郑州市", "郑"), ("合肥市", "合"), ("福州市", "榕"),
    ("厦门市", "厦"), ("南昌市", "洪"), ("昆明市", "昆"), ("贵阳市", "筑"), ("南宁市", "邕"), ("海口市", "海"),
    ("太原市", "并"), ("石家庄市", "石"), ("沈阳市", "沈"), ("大连市", "连"), ("长春市", "春"), ("哈尔滨市", "哈"),
    ("兰州市", "兰"), ("银川市", "银"), ("西宁市", "宁"), ("宁波市", "甬"), ("无锡市", "锡"), ("佛山市", "佛"),
    ("东莞市", "莞"), ("温州市", "温"), ("烟台市", "烟"), ("徐州市", "徐"),
]
SAMPLE_REGIONS = ["上海", "北京", "济南", "苏州", "天津"]
SYNONYMS = [("加强", "强化"), ("推进", "推动"), ("完善", "健全"), ("落实", "贯彻"), ("提升", "提高"),
            ("深化", "深入推进"), ("及时", "按时"), ("进一步", "持续"), ("规范", "统一"), ("公开", "公布")]
CHROME_TOP = ["首页 > 政务公开 > 政策文件", "字号：默认 超大 | 打印 | 关闭", "【我要纠错】", "扫一扫在手机打开当前页"]
CHROME_BOTTOM = ["相关词条", "主办单位：{city}人民政府办公厅 版权所有", "网站标识码 {code} ICP备案号", "责任编辑：{editor}"]
TOP_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+、")
YEAR = re.compile(r"20[0-3]\d(?=年|〕|\])")


def decode(raw):
    """The samples are UTF-8 text; accept the usual alternatives anyway."""
    for enc in ("utf-8-sig", "gb18030", "big5hkscs"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def split_sample(text):
    """Header lines (before the first top-level heading) and top-level sections (lists of lines)."""
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    header, sections = [], []
    for line in lines:
        if TOP_HEADING.match(line):
            sections.append([line])
        elif sections:
            sections[-1].append(line)
        else:
            header.append(line)
    return header, sections


class Builder:
    def __init__(self, samples_dir, seed):
        self.rng = random.Random(seed)
        self.t2s = opencc.OpenCC("t2s")
        self.conv = {c: opencc.OpenCC(c) for c in ("s2t", "s2tw", "s2hk")}
        self.headers, self.sections, self.years = [], [], []
        for name in sorted(os.listdir(samples_dir)):
            with open(os.path.join(samples_dir, name), "rb") as f:
                text = self.t2s.convert(decode(f.read()))
            header, sections = split_sample(text)
            if header:
                self.headers.append(header)
                m = YEAR.search("\n".join(header))
                self.years.append(int(m.group(0)) if m else 2020)
            self.sections.extend(s for s in sections if len(s) > 1)
        if not self.headers or not self.sections:
            sys.exit("make_corpus: the samples have no recognisable headers and sections")

    def vary(self, line):
        """Drop and shuffle sentences, swap synonyms: the same kind of text, not the same text."""
        rng = self.rng
        parts = [p for p in re.split(r"(?<=。)", line) if p]
        if len(parts) > 2:
            parts = [p for p in parts if rng.random() > 0.25] or parts[:1]
            if rng.random() < 0.3:
                i = rng.randrange(len(parts) - 1) if len(parts) > 1 else 0
                parts[i:i + 2] = reversed(parts[i:i + 2])
        out = "".join(parts)
        for a, b in SYNONYMS:
            if a in out and rng.random() < 0.3:
                out = out.replace(a, b)
        return out

    def base_document(self):
        rng = self.rng
        k = rng.randrange(len(self.headers))
        city, abbr = rng.choice(CITIES)
        year = rng.randint(2015, 2024)
        shift = year - self.years[k]
        header = "\n".join(self.headers[k])
        body_sections = rng.sample(self.sections, min(len(self.sections), rng.randint(4, 12)))
        nums = "一二三四五六七八九十"
        body = []
        for n, sec in enumerate(body_sections):
            body.append(TOP_HEADING.sub(nums[n % 10] + "、", sec[0], count=1))
            body.extend(self.vary(l) for l in sec[1:] if rng.random() > 0.1)
        text = header + "\n" + "\n".join(body)
        for r in SAMPLE_REGIONS:
            text = text.replace(r + "市", city).replace(r, city[:-1])
        text = re.sub(r"[沪京济苏津]府办", abbr + "府办", text)
        text = YEAR.sub(lambda m: str(int(m.group(0)) + shift), text)
        return text, city

    def edited(self, text):
        """A lightly edited copy: a paragraph dropped, a few characters changed, spacing changed."""
        rng = self.rng
        lines = text.split("\n")
        if len(lines) > 8:
            del lines[rng.randrange(4, len(lines))]
        chars = list("\n".join(lines))
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(len(chars))
            if "\u4e00" <= chars[i] <= "\u9fff":
                chars[i] = rng.choice("的了和与及在对")
        out = "".join(chars)
        return out.replace("\n", "\n\n") if rng.random() < 0.5 else out

    def html_page(self, text, city):
        rng = self.rng
        title = text.split("\n", 1)[0][:60]
        top = "".join(f"<div class=\"nav\">{html.escape(c)}</div>\n" for c in CHROME_TOP if rng.random() < 0.8)
        bottom = "".join("<p class=\"foot\">" + html.escape(c.format(city=city, code=rng.randint(1000000000, 9999999999),
                                                                        editor=rng.choice("王李张刘陈杨") + rng.choice("敏静伟芳强磊")))
                         + "</p>\n" for c in CHROME_BOTTOM if rng.random() < 0.7)
        paras = "\n".join(f"<p>{html.escape(l)}</p>" for l in text.split("\n") if l.strip())
        return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title></head>\n"
                f"<body><div class=\"header\">{html.escape(city)}人民政府门户网站</div>\n{top}"
                f"<div class=\"article\"><h1>{html.escape(title)}</h1>\n{paras}\n</div>\n{bottom}</body></html>\n")

    @staticmethod
    def encode(text, encoding):
        if encoding == "big5":
            for enc in ("big5", "big5hkscs"):
                try:
                    return text.encode(enc), "big5"
                except UnicodeEncodeError:
                    continue
            return text.encode("utf-8"), "utf-8"
        if encoding == "gb18030":
            return text.encode("gb18030"), encoding
        if encoding == "utf-16":
            return text.encode("utf-16"), encoding     # with BOM
        if encoding == "utf-8-sig":
            return text.encode("utf-8-sig"), encoding
        return text.encode("utf-8"), "utf-8"

    def copy_files(self, text, city, duplicates=None):
        """One family: list of (kind, bytes, extension)."""
        rng = self.rng
        if duplicates is not None:
            size = 2 if rng.random() < duplicates / (1 - duplicates) else 1
        else:
            size = rng.choices([1, 2, 3, 4, 5, 6], weights=[45, 25, 15, 9, 4, 2])[0]
        simplified_original = rng.random() < 0.75
        script = "s" if simplified_original else rng.choice(["s2t", "s2tw", "s2hk"])
        first = text if script == "s" else self.conv[script].convert(text)
        enc = rng.choices(["utf-8", "gb18030", "big5"], weights=[70, 20, 10])[0] if script != "s" else \
            rng.choices(["utf-8", "gb18030"], weights=[80, 20])[0]
        data, _ = self.encode(first, enc)
        files = [(data, "txt")]
        for _ in range(size - 1):
            kind = rng.choices(["exact", "encoding", "script", "html", "edited", "gzip"], weights=[15, 20, 20, 20, 15, 10])[0]
            if kind == "exact":
                files.append(files[0])
            elif kind == "encoding":
                files.append((self.encode(text, rng.choice(["gb18030", "utf-16", "utf-8-sig"]))[0], "txt"))
            elif kind == "script":
                conv = rng.choice(["s2t", "s2tw", "s2hk"])
                files.append((self.encode(self.conv[conv].convert(text), rng.choice(["utf-8", "big5"]))[0], "txt"))
            elif kind == "html":
                page = self.html_page(text, city).encode("utf-8")
                files.append((gzip.compress(page, mtime=0), "html.gz") if rng.random() < 0.33 else (page, "html"))
            elif kind == "edited":
                files.append((self.edited(text).encode("utf-8"), "txt"))
            else:
                files.append((gzip.compress(text.encode("utf-8"), mtime=0), "txt.gz"))
        return files


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--samples", default=os.path.join(here, "..", "..", "shared", "corpus"))
    ap.add_argument("--duplicates", type=float, default=None, help="share of files that are copies (below 0.5)")
    ap.add_argument("--prefix", default="", help="prefix of the top folders (a batch added to an existing corpus)")
    args = ap.parse_args()
    if args.duplicates is not None and not 0 <= args.duplicates < 0.5:
        sys.exit("make_corpus: --duplicates must be in [0, 0.5)")
    if not os.path.isdir(args.samples):
        args.samples = "/work/shared/corpus"
    b = Builder(args.samples, args.seed)
    root = os.path.join(args.out, "corpus")
    groups, written, family = [], 0, 0
    while written < args.count:
        text, city = b.base_document()
        files = b.copy_files(text, city, args.duplicates)[: args.count - written]
        group = []
        for j, (data, ext) in enumerate(files):
            site = f"{args.prefix}site{(family * 7 + j) % 23:02d}"
            rel = f"{site}/{family // 1000:03d}/doc{family:06d}-{j}.{ext}"
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
            group.append(rel)
        groups.append(group)
        written += len(files)
        family += 1
    with open(os.path.join(args.out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump({"groups": groups}, f, ensure_ascii=False, indent=0)
    print(f"make_corpus: {written} files in {family} documents under {root}", file=sys.stderr)


if __name__ == "__main__":
    main()
