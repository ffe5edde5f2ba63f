#!/usr/bin/env python3
"""Rebuild the gold-labelled clauses as classifier input (gold_clauses.json).

The structure stage is built in parallel, so the classifier's evaluation harness cuts
each gold clause out of the normalized document itself: the text between consecutive
gold headings (from ../shared/gold/<doc>.json outlines), parent = the enclosing clause
of the level above. Usage, from the repository root after `make build`:

  python3 Tests/GazetteCoreTests/Fixtures/classify/make_gold_clauses.py ../shared > Tests/GazetteCoreTests/Fixtures/classify/gold_clauses.json
"""
import difflib, glob, json, os, re, subprocess, sys, unicodedata

def squash(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))

def main(shared):
    out = []
    for lp in sorted(glob.glob(os.path.join(shared, "gold", "labels", "*.json"))):
        labels = json.load(open(lp, encoding="utf-8"))
        gold = json.load(open(os.path.join(shared, "gold", os.path.basename(lp)), encoding="utf-8"))
        src = os.path.join(shared, "corpus", labels["source"])
        text = subprocess.run([os.environ.get("GAZETTE_BIN", ".build/release/gazette"), "normalize", src], capture_output=True, check=True).stdout.decode("utf-8")
        lines = [l for l in text.split("\n")]
        sq = [squash(l) for l in lines]
        starts = []
        i = 0
        def found(h, line):
            # the heading at the start of the line, allowing small differences of wording
            if h[:12] in line or h[-8:] in line[:len(h) + 8]:
                return True
            return difflib.SequenceMatcher(None, h, line[:len(h) + 6]).ratio() >= 0.8
        for o in gold["outline"]:
            h = squash(o["heading"])
            j = i
            while j < len(lines) and not found(h, sq[j]):
                j += 1
            if j >= len(lines):
                sys.exit(f"{labels['source']}: heading not found: {o['heading']}")
            starts.append(j)
            i = j + 1
        clauses, stack = [], []
        for k, (o, lab) in enumerate(zip(gold["outline"], labels["labels"])):
            if k + 1 < len(starts):
                end = starts[k + 1]
            else:
                # the last clause ends at a blank line or where an appendix or page chrome starts
                end = starts[k] + 1
                while end < len(lines) and lines[end].strip() and not re.match(r"\s*(【|声明|附件|扫一扫)", lines[end]):
                    end += 1
            body_lines = lines[starts[k]:end]
            first = body_lines[0]
            # the heading sits at the start of its line; the body follows it
            nf = unicodedata.normalize("NFKC", first)
            tail = unicodedata.normalize("NFKC", o["heading"])[-4:]
            cut = nf.find(tail)
            rest = nf[cut + 4:].lstrip("。.,，:： ") if cut >= 0 else nf
            body = "\n".join([rest] + body_lines[1:]).strip()
            while stack and stack[-1][0] >= o["level"]:
                stack.pop()
            parent = stack[-1][1] if stack else None
            cid = (parent + "." if parent else "") + f"l{o['level']}n{o['number']}"
            stack.append((o["level"], cid))
            clauses.append({"id": cid, "parent": parent, "level": o["level"], "number": o["number"],
                            "label": o.get("label", ""), "heading": o["heading"], "text": body[:1500],
                            "area": lab["area"], "topics": lab["topics"]})
        out.append({"source": labels["source"], "region": gold.get("region"), "year": gold.get("year"), "clauses": clauses})
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared")
