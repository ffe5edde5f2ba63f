#!/usr/bin/env python3
"""Subject class (主题分类) with the table hidden.

Pages that carry gov.cn's 主题分类 in their metadata table are free gold: this copies them —
the devset's policy-library pages (../shared/devset/docs) and the official pages of a corpus
made by `gazette generate` — removes the 主题分类 row (key and value) from the copies, runs the
binary on both the copies and the untouched pages, and reports per set:

  hidden   first-level accuracy of the prediction against the page's own value (the measure),
           and sub-class accuracy (the full 一级\\二级 path);
  baseline the accuracy of always answering the set's most common first-level class;
  read     first-level accuracy on the untouched pages, which must be read (source page), not
           predicted: 1.0 when the page values are all in the code list.

The page's value is the gold as written: 一级\\二级 gives its first level; a value of one part
(the generator writes 政务公开) is looked up among the names in subject_classes.yml. The runs
publish every copy (no dedup) so each page is its own document. The generated corpus is built
from the five samples (all open-government work plans and reports): its baseline is 1.0 and
its pages are copies of a few documents, so the devset's pages are the real test.

--labels FILE adds a set of documents without 主题分类 with the first-level codes an editor
assigned (JSON {"devset/docs/d006.md": "civil_affairs", …}, paths relative to --shared;
scripts/subject_dev_labels.json): reported, never gated.

Standard library only. --json prints the figures as JSON (for scripts/quality_gate.py).
"""
import argparse, gzip, json, os, re, shutil, subprocess, sys, tempfile
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KEY = r"主\s*[题題]\s*分\s*[类類]"
# The key cell and the value cell after it; or the key and its value inside one element.
TWO_CELLS = re.compile(r"<(t[dh])\b[^>]*>\s*(?:<[^>]+>\s*)*" + KEY + r"\s*[:：]?\s*(?:</?[^>]+>\s*)*?</\1>\s*"
                       r"<(t[dh])\b[^>]*>(.*?)</\2>", re.S)
ONE_ELEMENT = re.compile(KEY + r"\s*[:：]\s*([^<\n]*)")
TAG = re.compile(r"<[^>]+>")
SEPARATORS = ["\\", "＼", "/", "／", ">", "＞", "－", "—", "-", "|", "｜"]


def decode(raw):
    """(text, encoding) of a page's bytes: BOMs first, then UTF-8, GB18030, Big5."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", "replace"), "utf-16"
    for enc in ("utf-8", "gb18030", "big5"):
        try:
            return raw.decode(enc), enc
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", "replace"), "utf-8"


def read_page(path):
    with open(path, "rb") as fh:
        raw = fh.read()
    zipped = path.endswith(".gz")
    if zipped:
        raw = gzip.decompress(raw)
    text, enc = decode(raw)
    return text, enc, zipped


def write_page(path, text, enc, zipped):
    data = text.encode("utf-8-sig" if enc == "utf-8-sig" else enc)
    if zipped:
        data = gzip.compress(data, mtime=0)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)


def subject_value(html):
    """The page's 主题分类 value (tags stripped), or None."""
    m = TWO_CELLS.search(html)
    if m:
        v = TAG.sub("", m.group(3)).replace("&nbsp;", " ").strip()
        if v:
            return v
    m = ONE_ELEMENT.search(TAG.sub(lambda t: "\n" if t.group(0).lower().startswith(("</td", "</th", "</li", "</p", "</span", "</div", "<br")) else "", html))
    if m and m.group(1).strip():
        return m.group(1).strip()
    return None


def hide(html):
    """The page without its 主题分类 key and value; None when the key is still there."""
    out = TWO_CELLS.sub("", html, count=1)
    if subject_value(out):
        out = ONE_ELEMENT.sub("", out, count=1)
    return None if subject_value(out) else out


def class_names(path):
    """First-level names and sub-class name → first-level name, read from subject_classes.yml
    (its `classes:` section as the file writes it: a first-level code at two spaces, its
    name four, sub-classes at six, with `{ name: … }` inline or a name line at eight)."""
    first, sub_to_first, current, in_classes, in_sub = set(), {}, None, False, False
    for line in open(path, encoding="utf-8"):
        if line.startswith("classes:"):
            in_classes = True
            continue
        if not in_classes or not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith(" "):
            break
        m = re.match(r"^  ([a-z][a-z0-9_]*):\s*$", line)
        if m:
            current, in_sub = None, False
            continue
        m = re.match(r"^    name:\s*(\S.*?)\s*$", line)
        if m:
            current = m.group(1)
            first.add(current)
            continue
        if re.match(r"^    sub:\s*$", line):
            in_sub = True
            continue
        if in_sub and current:
            m = re.match(r"^      [a-z][a-z0-9_]*:\s*\{\s*name:\s*([^,}]+?)\s*[,}]", line) or re.match(r"^        name:\s*(\S.*?)\s*$", line)
            if m:
                sub_to_first.setdefault(m.group(1), set()).add(current)
    if len(first) < 2:
        sys.exit(f"subject_eval: could not read the class names of {path}")
    return first, sub_to_first


def gold_first(value, first, sub_to_first):
    """The first-level name a page's value names, or None."""
    parts = [value]
    for s in SEPARATORS:
        parts = [q for p in parts for q in p.split(s)]
    parts = [re.sub(r"\s+", "", p) for p in parts if p.strip()]
    for p in parts:
        if p in first:
            return p
    for p in reversed(parts):
        owners = sub_to_first.get(p, set())
        if len(owners) == 1:
            return next(iter(owners))
    return None


def run(binary, config, corpus, out, cache, timeout):
    r = subprocess.run([binary, "run", "--config", config, "--corpus", corpus, "--output", out, "--cache", cache, "--full", "--quiet"],
                       cwd=ROOT, capture_output=True, text=True, errors="replace", timeout=timeout)
    if r.returncode not in (0, 1):
        sys.exit(f"subject_eval: gazette run exit {r.returncode}: {(r.stderr or r.stdout)[-400:]}")
    manifest = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
    docs = {}
    for i in manifest.get("inputs", []):
        if i.get("status") == "published" and i.get("document"):
            p = os.path.join(out, "documents", i["document"] + ".json")
            if os.path.exists(p):
                docs[i["path"]] = json.load(open(p, encoding="utf-8"))
    return docs


def pipeline_config(work, repo_config):
    """pipeline.yml's classify data files (absolute) with every copy published: no dedup, JSON only."""
    text = open(repo_config, encoding="utf-8").read()
    base = os.path.dirname(os.path.abspath(repo_config))
    files = {}
    for key, default in (("taxonomy", "taxonomy.yml"), ("units", "units.yml"), ("overrides", "overrides.yml"), ("subjects", "subject_classes.yml")):
        m = re.search(r"^\s+" + key + r":\s*(\S+)", text, re.M)
        p = m.group(1) if m else default
        files[key] = p if os.path.isabs(p) else os.path.join(base, p)
    path = os.path.join(work, "pipeline.yml")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("stages: [ingest, clean, normalize, structure, classify, publish]\n")
        fh.write("classify:\n" + "".join(f"  {k}: {json.dumps(v)}\n" for k, v in files.items() if os.path.exists(v) or k == "taxonomy"))
        fh.write("publish:\n  formats: [json]\n")
    return path, files["subjects"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=".build/release/gazette")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--config", default="pipeline.yml")
    ap.add_argument("--count", type=int, default=120, help="files `gazette generate` makes (about a third are pages with the table)")
    ap.add_argument("--seed", type=int, default=26)
    ap.add_argument("--labels", default=None, help="JSON of devset documents without 主题分类 → an editor's first-level code (reported, not gated)")
    ap.add_argument("--work", default=None)
    ap.add_argument("--timeout", type=int, default=1800)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", action="store_true", help="list every page, not only the misses")
    args = ap.parse_args()
    binary, shared, config = (os.path.abspath(p) for p in (args.bin, args.shared, args.config))
    if not os.access(binary, os.X_OK):
        sys.exit(f"subject_eval: no executable at {binary}")
    work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="subject-"))
    os.makedirs(work, exist_ok=True)
    for d in ("pages", "hidden", "gen"):
        shutil.rmtree(os.path.join(work, d), ignore_errors=True)
    cfg, subjects_file = pipeline_config(work, config)
    first, sub_to_first = class_names(subjects_file)

    # Pages with 主题分类: (set, relative path, gold value, text, encoding, zipped).
    pages = []
    docs_dir = os.path.join(shared, "devset", "docs")
    for name in sorted(os.listdir(docs_dir)):
        if name.endswith((".html", ".htm", ".html.gz", ".htm.gz")):
            text, enc, zipped = read_page(os.path.join(docs_dir, name))
            v = subject_value(text)
            if v:
                pages.append(("devset", "devset/" + name, v, text, enc, zipped))
    gen = os.path.join(work, "gen")
    r = subprocess.run([binary, "generate", "--out", gen, "--count", str(args.count), "--seed", str(args.seed),
                        "--samples", os.path.join(ROOT, "Corpus"), "--config", config], cwd=ROOT, capture_output=True, text=True,
                       errors="replace", timeout=args.timeout)
    if r.returncode != 0:
        sys.exit(f"subject_eval: gazette generate exit {r.returncode}: {(r.stderr or r.stdout)[-400:]}")
    groups = {}
    truth = os.path.join(gen, "truth.json")
    if os.path.exists(truth):
        for k, g in enumerate(json.load(open(truth, encoding="utf-8")).get("groups", [])):
            for p in g:
                groups[p] = k
    for dirpath, _, names in sorted(os.walk(os.path.join(gen, "corpus"))):
        for name in sorted(names):
            if ".htm" not in name:
                continue
            full = os.path.join(dirpath, name)
            text, enc, zipped = read_page(full)
            v = subject_value(text)
            if v:
                pages.append(("generated", "generated/" + os.path.relpath(full, gen), v, text, enc, zipped))

    skipped = []
    for s, rel, v, text, enc, zipped in pages:
        hidden = hide(text)
        if hidden is None:
            skipped.append(rel)
            continue
        write_page(os.path.join(work, "pages", rel), text, enc, zipped)
        write_page(os.path.join(work, "hidden", rel), hidden, enc, zipped)
    labels = {}
    if args.labels:
        labels = json.load(open(args.labels, encoding="utf-8"))
        labels = {k: v for k, v in labels.items() if not k.startswith("_")}
        for rel in labels:
            dst = os.path.join(work, "hidden", "labelled", rel.replace("/", "__"))
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copyfile(os.path.join(shared, rel), dst)

    read = run(binary, cfg, os.path.join(work, "pages"), os.path.join(work, "out-pages"), os.path.join(work, "cache-pages"), args.timeout)
    pred = run(binary, cfg, os.path.join(work, "hidden"), os.path.join(work, "out-hidden"), os.path.join(work, "cache-hidden"), args.timeout)

    def first_of(subject):
        return subject["name"].split("\\")[0] if subject and subject.get("code") else None

    def key_of(path):
        # Manifest paths start with the corpus folder's name.
        return path.split("/", 1)[1] if "/" in path else path

    pred = {key_of(k): v for k, v in pred.items()}
    read = {key_of(k): v for k, v in read.items()}
    rows = []
    for s, rel, v, *_ in pages:
        if rel in skipped:
            continue
        g = gold_first(v, first, sub_to_first)
        p, q = pred.get(rel), read.get(rel)
        ps, qs = (p or {}).get("subject"), (q or {}).get("subject")
        gold_path = v if any(sep in v for sep in SEPARATORS) else None
        rows.append({
            "set": s, "page": rel, "gold": v, "gold_first": g, "title": (p or q or {}).get("title", ""),
            "predicted": ps["name"] if ps and ps.get("code") else None,
            "predicted_first": first_of(ps) if ps and ps.get("source") == "predicted" else None,
            "evidence": (ps or {}).get("evidence", [])[:2],
            "read": qs["name"] if qs else None,
            "read_first": first_of(qs) if qs and qs.get("source") == "page" else None,
            "sub_ok": None if gold_path is None else bool(ps and ps.get("code") and re.sub(r"\s+", "", ps["name"]) == re.sub(r"\s+", "", gold_path.replace("/", "\\"))),
            "group": groups.get(rel.split("/", 1)[1]) if s == "generated" else rel,
        })
    for rel, code in sorted(labels.items()):
        doc = pred.get("labelled/" + rel.replace("/", "__"), {})
        ps = doc.get("subject")
        rows.append({"set": "labelled", "page": rel, "gold": code, "gold_code": code, "title": doc.get("title", ""),
                     "predicted": ps["name"] if ps and ps.get("code") else None,
                     "predicted_code": (ps or {}).get("code"), "evidence": (ps or {}).get("evidence", [])[:2], "group": rel})

    def figures(rs, labelled=False):
        n = len(rs)
        if not n:
            return {"pages": 0}
        if labelled:
            ok = sum(1 for r in rs if r["predicted_code"] and r["predicted_code"].split(".")[0] == r["gold_code"])
            common, count = Counter(r["gold_code"] for r in rs).most_common(1)[0]
            return {"pages": n, "hidden_accuracy": ok / n, "baseline": count / n, "baseline_class": common,
                    "predicted_none": sum(1 for r in rs if not r["predicted_code"])}
        ok = sum(1 for r in rs if r["gold_first"] and r["predicted_first"] == r["gold_first"])
        subs = [r for r in rs if r["sub_ok"] is not None]
        common, count = Counter(r["gold_first"] for r in rs).most_common(1)[0]
        return {"pages": n, "documents": len({r["group"] for r in rs}),
                "hidden_accuracy": ok / n, "sub_accuracy": (sum(r["sub_ok"] for r in subs) / len(subs)) if subs else None,
                "sub_pages": len(subs), "baseline": count / n, "baseline_class": common,
                "read_accuracy": sum(1 for r in rs if r["gold_first"] and r["read_first"] == r["gold_first"]) / n,
                "predicted_none": sum(1 for r in rs if not r["predicted_first"]),
                "gold_unknown": sum(1 for r in rs if not r["gold_first"])}

    sets = {}
    for s in ("devset", "generated"):
        sets[s] = figures([r for r in rows if r["set"] == s])
    sets["pooled"] = figures([r for r in rows if r["set"] in ("devset", "generated")])
    if labels:
        sets["labelled"] = figures([r for r in rows if r["set"] == "labelled"], labelled=True)
    result = {"sets": sets, "skipped": skipped, "work": work,
              "misses": [r for r in rows if (r.get("gold_first") and r.get("predicted_first") != r["gold_first"])
                         or (r.get("gold_code") and (r.get("predicted_code") or "").split(".")[0] != r["gold_code"])]}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0

    print("subject class (主题分类) with the table hidden: first-level accuracy of the prediction")
    print(f"{'set':<16} {'pages':>5} {'docs':>5} {'hidden':>7} {'sub-class':>10}  {'baseline (most common class)':<40} {'read':>6}")
    for s, f in sets.items():
        if not f.get("pages"):
            print(f"{s:<16} {0:>5}")
            continue
        sub = f"{f['sub_accuracy']:.3f}/{f['sub_pages']}" if f.get("sub_accuracy") is not None else "-"
        read_ = f"{f['read_accuracy']:.3f}" if "read_accuracy" in f else "-"
        base = f"{f['baseline']:.3f} ({f['baseline_class']})"
        print(f"{s:<16} {f['pages']:>5} {f.get('documents', f['pages']):>5} {f['hidden_accuracy']:>7.3f} {sub:>10}  {base:<40} {read_:>6}")
    shown = rows if args.verbose else result["misses"]
    if shown:
        print("\n" + ("pages:" if args.verbose else "misses:"))
        for r in shown:
            print(f"  {r['page']}: {r['title'][:40]}\n    page {r['gold']} → predicted {r['predicted']}")
            for e in r["evidence"]:
                print(f"      {e[:220]}")
    if skipped:
        print("\nskipped (the 主题分类 row could not be removed): " + ", ".join(skipped))
    print(f"\nwork folder {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
