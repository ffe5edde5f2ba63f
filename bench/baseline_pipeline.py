#!/usr/bin/env python3
"""The Python baseline the benchmarks compare gazette against.

What a competent data engineer would write for the same job, in one process on one core:
read every file (gzip; BOM / UTF-8 / GB18030 / Big5 detection), extract HTML text with the
stdlib html.parser, convert to simplified with OpenCC's Python binding (t2s), split clauses
with regular expressions (一、 （一） 1. （1）), find exact duplicates by text hash and near
duplicates with datasketch's MinHash LSH over character shingles, and write one JSON file
per canonical document plus a manifest.

Usage: baseline_pipeline.py --corpus DIR --out DIR [--threshold 0.9] [--shingle 5] [--perm 128]
"""
import argparse
import gzip
import hashlib
import json
import os
import re
import sys
from html.parser import HTMLParser

import opencc
from datasketch import MinHash, MinHashLSH

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from textio import corpus_files, decode  # noqa: E402  (stdlib-only helpers beside this file)

BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "title"}
CLAUSE = re.compile(r"^\s*(?:(?P<l1>[一二三四五六七八九十]+)、|[（(](?P<l2>[一二三四五六七八九十]+)[）)]|(?P<l3>\d{1,2})[.．、](?!\d)|[（(](?P<l4>\d{1,2})[）)])")


class TextExtractor(HTMLParser):
    """Visible text of a page, one line per block element; scripts and styles dropped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)

    def text(self):
        return "\n".join(l.strip() for l in "".join(self.parts).splitlines() if l.strip())


def split_clauses(text):
    clauses, counters = [], {}
    for line in text.splitlines():
        m = CLAUSE.match(line)
        if m:
            level = int(next(k for k, v in m.groupdict().items() if v)[1])
            counters[level] = counters.get(level, 0) + 1
            for deeper in [k for k in counters if k > level]:
                del counters[deeper]
            cid = ".".join(f"{k}-{counters[k]}" for k in sorted(counters))
            clauses.append({"id": cid, "level": level, "label": m.group(0).strip(), "text": line.strip()})
        elif clauses:
            clauses[-1]["text"] += "\n" + line.strip()
    return clauses


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--threshold", type=float, default=0.9)
    ap.add_argument("--shingle", type=int, default=5)
    ap.add_argument("--perm", type=int, default=128)
    args = ap.parse_args()

    converter = opencc.OpenCC("t2s")
    lsh = MinHashLSH(threshold=args.threshold, num_perm=args.perm)
    docs_dir = os.path.join(args.out, "documents")
    os.makedirs(docs_dir, exist_ok=True)
    paths = corpus_files(args.corpus)
    inputs, by_hash, docs = [], {}, {}
    for path in paths:
        rel = os.path.relpath(path, args.corpus)
        with open(path, "rb") as f:
            raw = f.read()
        sha = hashlib.sha256(raw).hexdigest()
        try:
            data = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
            text, encoding = decode(data)
            if rel.endswith((".html", ".htm", ".html.gz", ".htm.gz")) or text.lstrip().startswith("<"):
                p = TextExtractor()
                p.feed(text)
                text = p.text()
        except (ValueError, OSError, EOFError) as e:
            inputs.append({"path": rel, "sha256": sha, "status": "rejected", "reason": str(e)})
            continue
        simplified = converter.convert(text)
        doc_id = re.sub(r"[^A-Za-z0-9_-]", "_", rel)
        text_hash = hashlib.sha256(simplified.encode("utf-8")).hexdigest()
        if text_hash in by_hash:
            inputs.append({"path": rel, "sha256": sha, "status": "duplicate", "document": by_hash[text_hash]})
            docs[by_hash[text_hash]]["duplicates"].append({"path": rel, "sha256": sha, "similarity": 1.0})
            continue
        compact = re.sub(r"\s+", "", simplified)
        shingles = {compact[i:i + args.shingle] for i in range(max(1, len(compact) - args.shingle + 1))}
        m = MinHash(num_perm=args.perm)
        m.update_batch([s.encode("utf-8") for s in shingles])
        near = [k for k in lsh.query(m) if docs[k]["minhash"].jaccard(m) >= args.threshold]
        if near:
            canon = sorted(near)[0]
            inputs.append({"path": rel, "sha256": sha, "status": "duplicate", "document": canon})
            docs[canon]["duplicates"].append({"path": rel, "sha256": sha, "similarity": round(docs[canon]["minhash"].jaccard(m), 3)})
            by_hash[text_hash] = canon
            continue
        lsh.insert(doc_id, m)
        by_hash[text_hash] = doc_id
        inputs.append({"path": rel, "sha256": sha, "status": "published", "document": doc_id})
        docs[doc_id] = {"minhash": m, "duplicates": [], "record": {
            "id": doc_id, "source": {"path": rel, "sha256": sha, "encoding": encoding}, "text": simplified,
            "clauses": split_clauses(simplified)}}
    for doc_id, d in docs.items():
        record = dict(d["record"], duplicates=d["duplicates"])
        with open(os.path.join(docs_dir, doc_id + ".json"), "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False, indent=2)
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"inputs": inputs}, f, ensure_ascii=False, indent=2)
    print(f"baseline: {len(paths)} inputs, {len(docs)} documents", file=sys.stderr)


if __name__ == "__main__":
    main()
