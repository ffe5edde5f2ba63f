#!/usr/bin/env python3
"""Round trips across converters: mainland documents converted to traditional by OpenCC 1.4.2
(.deps/opencc, the PyPI wheel) and 1.1.6 (Debian's `opencc`) with s2t, s2tw, s2twp and s2hk,
then normalized back by `gazette normalize`; character error rate against the original.

Sets: `test` — the samples that are mainland simplified text (of ../shared/corpus, those
OpenCC's t2s leaves unchanged: the others are traditional originals, whose mainland form no
one has) and the devset documents (../shared/devset/docs, as t2s makes them: one has a 繁體
link); `heldout` — Tests/Fixtures/idiom-heldout, mainland text no statistic of
data/idiom_choices.tsv was built from: the estimate for unseen documents. `mainland` counts the
characters `gazette normalize` changes in the originals themselves (it must be 0).

Usage: scripts/roundtrip_eval.py [--bin .build/release/gazette] [--json] [--verbose] [--words]
       [--choices FILE]   (statistics to use instead of the built-in ones: build_idiom_choices.py --tsv-only)
Needs: scripts/deps.sh test (installs Debian's opencc; .deps/opencc holds 1.4.2).
"""
import argparse, collections, concurrent.futures as cf, difflib, glob, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIGS = ["s2t", "s2tw", "s2twp", "s2hk"]
CONVERTERS = {
    "opencc-1.4.2": lambda c: [f"{ROOT}/.deps/opencc/opencc-cli", "-c", f"{ROOT}/.deps/opencc/share/opencc/{c}.json"],
    "opencc-1.1.6": lambda c: ["/usr/bin/opencc", "-c", f"/usr/share/opencc/{c}.json"],
}
DEBIAN_OPENCC = "1.1.6+ds1-1"


def edits(ref, hyp):
    """Character edits as ../shared/tools/score.py counts them (difflib opcodes), computed per
    differing block of lines so that long documents stay fast."""
    a, b = ref.splitlines(keepends=True), hyp.splitlines(keepends=True)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal": continue
        x, y = "".join(a[i1:i2]), "".join(b[j1:j2])
        for op2, k1, k2, l1, l2 in difflib.SequenceMatcher(None, x, y, autojunk=False).get_opcodes():
            if op2 != "equal": out.append((max(k2 - k1, l2 - l1), x[max(0, k1 - 3):k2 + 3], y[max(0, l1 - 3):l2 + 3]))
    return out


def run(cmd, data=None, env=None):
    r = subprocess.run(cmd, input=data, capture_output=True, env=env)
    if r.returncode != 0: raise RuntimeError(f"{' '.join(cmd[:3])}: exit {r.returncode}: {r.stderr.decode(errors='replace')[:200]}")
    return r.stdout


def documents(shared):
    t2s = CONVERTERS["opencc-1.4.2"]("t2s")
    docs = []
    for path in sorted(glob.glob(f"{shared}/corpus/*.txt")):
        raw = open(path, "rb").read()
        if run(t2s, raw) == raw: docs.append(("test", path, raw))
    for path in sorted(glob.glob(f"{shared}/devset/docs/*")):
        docs.append(("test", path, run(t2s, open(path, "rb").read())))
    for path in sorted(glob.glob(f"{ROOT}/Tests/Fixtures/idiom-heldout/*.txt")):
        docs.append(("heldout", path, open(path, "rb").read()))
    return docs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=f"{ROOT}/.build/release/gazette")
    ap.add_argument("--shared", default=f"{ROOT}/../shared")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", action="store_true", help="print every differing span")
    ap.add_argument("--words", action="store_true", help="count the wrong words (original → output) per set and configuration")
    ap.add_argument("--choices", help="idiom statistics file (GAZETTE_IDIOM_CHOICES) instead of the built-in table")
    args = ap.parse_args()
    got = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "opencc"], capture_output=True, text=True).stdout
    if got != DEBIAN_OPENCC: sys.exit(f"roundtrip: Debian opencc {got or 'not installed'}, want {DEBIAN_OPENCC} (scripts/deps.sh test)")
    work = tempfile.mkdtemp(prefix="roundtrip-")
    env = dict(os.environ)
    if args.choices: env["GAZETTE_IDIOM_CHOICES"] = os.path.abspath(args.choices)

    def one(job):
        kind, path, ref_bytes, conv, config = job
        name = os.path.basename(path)
        src = os.path.join(work, f"{conv}.{config}.{name}")
        if conv is None:
            src = os.path.join(work, "orig." + name)
            open(src, "wb").write(ref_bytes)
        else:
            open(src, "wb").write(run(CONVERTERS[conv](config), ref_bytes))
        out = run([args.bin, "normalize", src], env=env).decode("utf-8", errors="replace")
        ref = ref_bytes.decode("utf-8")
        e = edits(ref, out)
        return kind, conv, config, name, sum(n for n, _, _ in e), len(ref), e

    jobs = []
    for kind, path, raw in documents(args.shared):
        jobs.append((kind, path, raw, None, None))
        jobs += [(kind, path, raw, conv, config) for conv in CONVERTERS for config in CONFIGS]
    with cf.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(one, jobs))

    table, mainland_changed, lines = {}, 0, []
    wrong = {}   # (set, conv config) → Counter of "original→output"
    for kind, conv, config, name, n, length, e in results:
        if conv is None:
            mainland_changed += n
            lines += [f"  mainland {name}: {x!r} -> {y!r}" for _, x, y in e]
            continue
        row = table.setdefault(kind, {}).setdefault(f"{conv} {config}", {"files": 0, "worst": 0.0, "worst_file": "", "sum": 0.0})
        cer = n / max(1, length)
        row["files"] += 1; row["sum"] += cer
        if cer >= row["worst"]: row["worst"], row["worst_file"] = cer, name
        lines += [f"  {conv} {config} {name}: {x!r} -> {y!r}" for _, x, y in e]
        for _, x, y in e:
            k = 0
            while k < min(len(x), len(y)) and x[k] == y[k]: k += 1
            j = 0
            while j < min(len(x), len(y)) - k and x[-1 - j] == y[-1 - j]: j += 1
            wrong.setdefault((kind, f"{conv} {config}"), collections.Counter())[f"{x[k:len(x) - j]}→{y[k:len(y) - j]}"] += 1
    summary = {"mainland_changed": mainland_changed, "sets": {}}
    for kind, rows in table.items():
        s = summary["sets"][kind] = {"rows": {}}
        for key, r in sorted(rows.items()):
            s["rows"][key] = {"files": r["files"], "worst": r["worst"], "mean": r["sum"] / r["files"], "worst_file": r["worst_file"]}
        s["worst"] = max(r["worst"] for r in s["rows"].values())
        s["mean"] = sum(r["sum"] for r in rows.values()) / sum(r["files"] for r in rows.values())
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
        return
    if args.verbose: print("\n".join(lines))
    if args.words:
        for (kind, key), c in sorted(wrong.items()):
            print(f"{kind} {key}: " + ", ".join(f"{w} {n}" for w, n in c.most_common()))
    for kind, s in summary["sets"].items():
        print(f"{kind}: worst CER {s['worst'] * 100:.3f}%, mean {s['mean'] * 100:.4f}%")
        for key, r in s["rows"].items():
            print(f"  {key:<20} files {r['files']:>3}  worst {r['worst'] * 100:.3f}%  mean {r['mean'] * 100:.4f}%  ({r['worst_file']})")
    print(f"mainland originals: {mainland_changed} characters changed")


if __name__ == "__main__":
    main()
