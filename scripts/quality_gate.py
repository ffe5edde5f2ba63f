#!/usr/bin/env python3
"""Clause-structure quality gate.

Runs the release binary over the sample documents (../shared/corpus), the development set
(../shared/devset/docs) and five metamorphic layout variants of both (flat, wrap, html,
gb18030, crlf from ../shared/tools/variants.py) — and, where the thresholds file names them,
the real office files of one format in ../shared/devset/formats (formats-EXT) and the samples
and devset written as office files by scripts/office_variants.py (office-KIND) — and scores each run with
`score.py structure`: clause precision/recall/F1 against the gold outlines, metadata fields
right, responsible units precision/recall. A variant changes only the layout, never the
outline, so its score shows how far the structure stage depends on line breaks, markup,
encoding or indentation rather than on the numbering itself.

Each run fails when a figure is below its minimum in scripts/quality_thresholds.json (units
only where the entry names them and the gold lists units), or when the binary exits with
anything but 0 or 1. Where the gold has labels (gold/labels/), the run is also scored with
`score.py labels` (area accuracy and macro-F1, topic micro-F1), against the entry's
area_accuracy / area_macro_f1 / topic_f1 minimums. The file's "targets" are printed beside the figures, not enforced.

When the thresholds name "subject", the official subject class (主题分类) is measured too, by
scripts/subject_eval.py: the pages that carry it (the devset's policy-library pages, the
official pages of a generated corpus) with the table hidden, first-level accuracy of the
prediction per set, and the same pages untouched, which must be read, not predicted.
Exit status 1 when any run fails. Standard library only.
"""
import argparse, concurrent.futures as cf, glob, json, os, re, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = ["flat", "wrap", "html", "gb18030", "crlf"]
SUMMARY = re.compile(r"structure: clause precision ([\d.]+) recall ([\d.]+) F1 ([\d.]+); "
                     r"metadata (\d+)/(\d+); units precision ([\d.]+) recall ([\d.]+)")
UNITS = ("units_precision", "units_recall")
LABELS_SUMMARY = re.compile(r"labels: area accuracy ([\d.]+) macro-F1 ([\d.]+); topic micro-F1 ([\d.]+) over (\d+) clauses")
LABELS = ("area_accuracy", "area_macro_f1", "topic_f1")


def sh(cmd, cwd, timeout):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, errors="replace", timeout=timeout)


def tail(r):
    return " ".join((r.stderr or r.stdout or "").strip().splitlines()[-3:])[:300]


def gold_has_units(gold):
    for p in glob.glob(os.path.join(gold, "*.json")):
        try:
            g = json.load(open(p, encoding="utf-8"))
        except ValueError:
            continue
        if isinstance(g, dict) and "outline" in g and g.get("responsible_units"):
            return True
    return False


def formats_subset(ext, folder, work):
    """The real office files of one format in devset/formats with their gold: a corpus of
    links and a gold folder holding only those documents."""
    corpus, gold = os.path.join(work, "corpus"), os.path.join(work, "gold")
    for p in (corpus, gold):
        os.makedirs(p, exist_ok=True)
    for f in sorted(glob.glob(os.path.join(folder, "*." + ext))):
        stem = os.path.splitext(os.path.basename(f))[0]
        g = os.path.join(folder, "gold", stem + ".json")
        if not os.path.exists(g):
            continue
        pairs = [(f, os.path.join(corpus, os.path.basename(f))), (g, os.path.join(gold, stem + ".json"))]
        lg = os.path.join(folder, "gold", "labels", stem + ".json")
        if os.path.exists(lg):
            os.makedirs(os.path.join(gold, "labels"), exist_ok=True)
            pairs.append((lg, os.path.join(gold, "labels", stem + ".json")))
        for src, dst in pairs:
            if not os.path.lexists(dst):
                os.symlink(src, dst)
    return corpus, gold


def measure(name, args):
    """One run: (variants), gazette run, score.py structure. Returns a result dict."""
    sh_ = args.shared
    res = {"name": name, "lines": [], "error": None}
    d = os.path.join(args.work, name)
    os.makedirs(d, exist_ok=True)
    try:
        if name == "samples":
            corpus, gold = os.path.join(sh_, "corpus"), os.path.join(sh_, "gold")
        elif name == "devset":
            corpus, gold = os.path.join(sh_, "devset/docs"), os.path.join(sh_, "devset/gold")
        elif name.startswith("formats-"):
            corpus, gold = formats_subset(name[len("formats-"):], os.path.join(sh_, "devset/formats"), d)
        elif name.startswith("office-"):
            # The samples and the devset written as office files (scripts/office_variants.py).
            kind, vdir = name[len("office-"):], os.path.join(args.work, name, "variants")
            r = sh([sys.executable, os.path.join(ROOT, "scripts/office_variants.py"), "make", kind, vdir,
                    "--shared", sh_], ROOT, args.timeout)
            if r.returncode != 0:
                raise RuntimeError(f"office_variants.py exit {r.returncode}: {tail(r)}")
            corpus, gold = os.path.join(vdir, "corpus"), os.path.join(vdir, "gold")
        else:
            kind, vdir = name[len("variants-"):], os.path.join(args.work, name, "variants")
            r = sh([sys.executable, os.path.join(sh_, "tools/variants.py"), "make", kind, vdir,
                    os.path.join(sh_, "gold"), os.path.join(sh_, "corpus"),
                    os.path.join(sh_, "devset/gold"), os.path.join(sh_, "devset/docs")], ROOT, args.timeout)
            if r.returncode != 0:
                raise RuntimeError(f"variants.py exit {r.returncode}: {tail(r)}")
            corpus, gold = os.path.join(vdir, "corpus"), os.path.join(vdir, "gold")
        out = os.path.join(d, "out")
        # Own output (so its own lock file) and own cache: runs never share state.
        r = sh([args.bin, "run", "--config", "pipeline.yml", "--corpus", corpus, "--output", out,
                "--cache", os.path.join(d, "cache"), "--full", "--quiet"], ROOT, args.timeout)
        res["exit"] = r.returncode
        if r.returncode not in (0, 1):
            raise RuntimeError(f"gazette run exit {r.returncode}: {tail(r)}")
        r = sh([sys.executable, os.path.join(sh_, "tools/score.py"), "structure", "--output", out,
                "--gold", gold], ROOT, args.timeout)
        m = SUMMARY.search(r.stdout)
        if r.returncode != 0 or not m:
            raise RuntimeError(f"score.py exit {r.returncode}, no summary line: {tail(r)}")
        with open(os.path.join(d, "score.txt"), "w", encoding="utf-8") as fh:
            fh.write(r.stdout)
        res["lines"] = [l for l in r.stdout.splitlines() if l.startswith("  ")]
        p, rc, f, a, b, up, ur = m.groups()
        res.update(p=float(p), r=float(rc), f1=float(f), meta_ok=int(a), meta_n=int(b),
                   metadata=int(a) / int(b) if int(b) else 0.0, units_precision=float(up),
                   units_recall=float(ur), has_units=gold_has_units(gold),
                   docs=len(res["lines"]), missing=sum("no output document" in l for l in res["lines"]))
        if glob.glob(os.path.join(gold, "labels", "*.json")):
            r = sh([sys.executable, os.path.join(sh_, "tools/score.py"), "labels", "--output", out,
                    "--gold", gold], ROOT, args.timeout)
            m = LABELS_SUMMARY.search(r.stdout)
            if r.returncode != 0 or not m:
                raise RuntimeError(f"score.py labels exit {r.returncode}, no summary line: {tail(r)}")
            with open(os.path.join(d, "labels.txt"), "w", encoding="utf-8") as fh:
                fh.write(r.stdout)
            res.update(area_accuracy=float(m.group(1)), area_macro_f1=float(m.group(2)),
                       topic_f1=float(m.group(3)), label_clauses=int(m.group(4)))
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
        res["error"] = str(e)
    return res


SUBJECT_FIGURES = ("hidden_accuracy", "read_accuracy", "sub_accuracy")


def measure_subject(args):
    """scripts/subject_eval.py --json: the subject class with the table hidden, per set."""
    res = {"name": "subject", "error": None, "sets": {}}
    try:
        r = sh([sys.executable, os.path.join(ROOT, "scripts/subject_eval.py"), "--json", "--bin", args.bin, "--shared", args.shared,
                "--work", os.path.join(args.work, "subject")], ROOT, args.timeout)
        if r.returncode != 0:
            raise RuntimeError(f"subject_eval.py exit {r.returncode}: {tail(r)}")
        out = json.loads(r.stdout)
        res["sets"], res["misses"] = out["sets"], out.get("misses", [])
    except (RuntimeError, OSError, ValueError, subprocess.TimeoutExpired) as e:
        res["error"] = str(e)
    return res


def judge_subject(res, mins):
    """Reasons the subject measure fails its minimums ({set: {figure: minimum}})."""
    if res["error"]:
        return [res["error"]]
    bad = []
    for name, figs in sorted(mins.items()):
        if not isinstance(figs, dict):
            continue
        got = res["sets"].get(name)
        if not got or not got.get("pages"):
            bad.append(f"{name}: no pages with 主题分类")
            continue
        for key, minimum in figs.items():
            v = got.get(key)
            if v is None or v + 1e-9 < minimum:
                bad.append(f"{name} {key} {'-' if v is None else f'{v:.3f}'} < {minimum:.3f}")
    return bad


def measure_roundtrip(args):
    """scripts/roundtrip_eval.py --json: samples, devset and held-out text through each converter and back."""
    try:
        r = sh([sys.executable, os.path.join(ROOT, "scripts/roundtrip_eval.py"), "--json", "--bin", args.bin, "--shared", args.shared],
               ROOT, args.timeout)
        if r.returncode != 0:
            raise RuntimeError(f"roundtrip_eval.py exit {r.returncode}: {tail(r)}")
        return {"error": None, **json.loads(r.stdout)}
    except (RuntimeError, OSError, ValueError, subprocess.TimeoutExpired) as e:
        return {"error": str(e)}


def judge_roundtrip(res, maxs):
    """Reasons the round trips fail their maximums ({set: {worst, mean}}, mainland_changed)."""
    if res["error"]:
        return [res["error"]]
    bad = []
    if res["mainland_changed"] > maxs.get("mainland_changed", 0):
        bad.append(f"mainland originals: {res['mainland_changed']} characters changed")
    for name, figs in sorted(maxs.items()):
        if not isinstance(figs, dict):
            continue
        got = res["sets"].get(name)
        if not got:
            bad.append(f"{name}: no documents")
            continue
        for key, maximum in figs.items():
            if got[key] > maximum + 1e-12:
                bad.append(f"{name} {key} CER {got[key] * 100:.3f}% > {maximum * 100:.3f}%")
    return bad


def judge(res, mins):
    """List of reasons the run fails its minimums (empty = pass)."""
    if res["error"]:
        return [res["error"]]
    if mins is None:
        return ["no entry in the thresholds file"]
    bad = []
    for key in ("f1", "metadata") + UNITS:
        if key not in mins or (key in UNITS and not res["has_units"]):
            continue
        if res[key] + 1e-9 < mins[key]:
            bad.append(f"{key} {res[key]:.3f} < {mins[key]:.3f}")
    for key in LABELS:
        if key not in mins:
            continue
        if key not in res:
            bad.append(f"{key}: the gold has no labels to score")
        elif res[key] + 1e-9 < mins[key]:
            bad.append(f"{key} {res[key]:.3f} < {mins[key]:.3f}")
    return bad


def fmt_limits(d):
    if not d:
        return "-"
    return " ".join(f"{d[k]:.2f}" if k in d else "-" for k in ("f1", "metadata") + UNITS)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=".build/release/gazette")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--thresholds", default="scripts/quality_thresholds.json")
    ap.add_argument("--work", default=None, help="scratch folder (default: a fresh temporary one)")
    ap.add_argument("--only", default=None, help="comma list of run names")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=1800, help="seconds per subprocess")
    ap.add_argument("--verbose", action="store_true", help="also print the scorer's per-document lines")
    args = ap.parse_args()
    args.bin, args.shared, args.thresholds = map(os.path.abspath, (args.bin, args.shared, args.thresholds))
    args.work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="quality-"))
    os.makedirs(args.work, exist_ok=True)
    if not os.access(args.bin, os.X_OK):
        sys.exit(f"quality gate: no executable at {args.bin} (make build first)")
    limits = json.load(open(args.thresholds, encoding="utf-8"))
    targets = limits.get("targets", {})
    # Runs on office files exist once the thresholds file has an entry for them:
    # formats-EXT (the real files in devset/formats), office-KIND (samples and devset as KIND).
    extra = sorted(k for k in limits if k.startswith(("formats-", "office-")))
    names = ["samples", "devset"] + [f"variants-{k}" for k in KINDS] + extra + (["subject"] if "subject" in limits else []) \
        + (["roundtrip"] if "roundtrip" in limits else [])
    if args.only:
        wanted = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = set(wanted) - set(names)
        if unknown:
            sys.exit(f"quality gate: unknown run(s) {', '.join(sorted(unknown))}; known: {', '.join(names)}")
        names = [n for n in names if n in wanted]

    subject_wanted = "subject" in limits and (not args.only or "subject" in args.only.split(","))
    roundtrip_wanted = "roundtrip" in limits and (not args.only or "roundtrip" in args.only.split(","))
    names = [n for n in names if n not in ("subject", "roundtrip")]
    t0 = time.monotonic()
    with cf.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        subject_future = pool.submit(measure_subject, args) if subject_wanted else None
        roundtrip_future = pool.submit(measure_roundtrip, args) if roundtrip_wanted else None
        results = list(pool.map(lambda n: measure(n, args), names))
        subject = subject_future.result() if subject_future else None
        roundtrip = roundtrip_future.result() if roundtrip_future else None
    wall = time.monotonic() - t0

    if args.verbose:
        for res in results:
            print(f"{res['name']}:")
            for l in res["lines"] or ["  (no per-document lines)"]:
                print(l if len(l) <= 300 else l[:300] + " …")
    cols = [("run", -17), ("docs", 5), ("P", 5), ("R", 5), ("F1", 5), ("metadata", 13), ("unitsP", 6),
            ("unitsR", 6), ("minimum f1 meta uP uR", -21), ("target f1 meta uP uR", -21), ("result", -6)]
    row = lambda cells: "  ".join(f"{c:<{-w}}" if w < 0 else f"{c:>{w}}" for c, (_, w) in zip(cells, cols)).rstrip()
    head = row([c for c, _ in cols])
    rows, notes, failed = [head, "-" * len(head)], [], 0
    for res in results:
        name, mins = res["name"], limits.get(res["name"])
        bad = judge(res, mins)
        failed += bool(bad)
        notes += [f"  {name}: {b}" for b in bad]
        if res["error"]:
            figs = ["-"] * 7
        else:
            figs = [f"{res['docs'] - res['missing']}/{res['docs']}", f"{res['p']:.3f}", f"{res['r']:.3f}",
                    f"{res['f1']:.3f}", f"{res['meta_ok']}/{res['meta_n']} {res['metadata']:.3f}"]
            figs += ([f"{res['units_precision']:.3f}", f"{res['units_recall']:.3f}"] if res["has_units"] else ["n/a"] * 2)
        rows.append(row([name] + figs + [fmt_limits(mins), fmt_limits(targets.get(name)), "FAIL" if bad else "PASS"]))
    labelled = [res for res in results if "area_accuracy" in res]
    if labelled:
        rows += ["", "labels (score.py labels): run, clauses, area accuracy, area macro-F1, topic micro-F1; minimums"]
        for res in labelled:
            mins = limits.get(res["name"]) or {}
            lim = " ".join(f"{mins[k]:.2f}" if k in mins else "-" for k in LABELS)
            rows.append(f"  {res['name']:<17} {res['label_clauses']:>4}  {res['area_accuracy']:.3f}  "
                        f"{res['area_macro_f1']:.3f}  {res['topic_f1']:.3f}  [{lim}]")
    n = len(results)
    if subject is not None:
        mins, goals = limits.get("subject", {}), targets.get("subject", {})
        bad = judge_subject(subject, mins)
        failed += bool(bad)
        n += 1
        notes += [f"  subject: {b}" for b in bad]
        rows += ["", "subject class (主题分类), table hidden: first-level accuracy of the prediction; read = table kept"]
        rows.append(f"  {'set':<11} {'pages':>5} {'hidden':>7} {'sub':>6} {'baseline':>9}  {'read':>6}  {'minimum hidden/read':<20} {'target':<7} result")
        for name in ("devset", "generated", "pooled"):
            f = subject["sets"].get(name) or {}
            m = mins.get(name) or {}
            lim = "/".join(f"{m[k]:.2f}" if k in m else "-" for k in ("hidden_accuracy", "read_accuracy"))
            goal = f"{goals[name]['hidden_accuracy']:.2f}" if isinstance(goals.get(name), dict) and "hidden_accuracy" in goals[name] else "-"
            if not f.get("pages"):
                rows.append(f"  {name:<11} {'-':>5}")
                continue
            sub = f"{f['sub_accuracy']:.3f}" if f.get("sub_accuracy") is not None else "-"
            verdict = "FAIL" if any(b.startswith(name + " ") or b.startswith(name + ":") for b in bad) else "PASS"
            rows.append(f"  {name:<11} {f['pages']:>5} {f['hidden_accuracy']:>7.3f} {sub:>6} {f['baseline']:>9.3f}  {f['read_accuracy']:>6.3f}  "
                        f"{lim:<20} {goal:<7} {verdict}")
    if roundtrip is not None:
        maxs = limits["roundtrip"]
        bad = judge_roundtrip(roundtrip, maxs)
        failed += bool(bad)
        n += 1
        notes += [f"  roundtrip: {b}" for b in bad]
        rows += ["", "round trips (scripts/roundtrip_eval.py): converter config, files, worst and mean CER"]
        for name, s in sorted((roundtrip.get("sets") or {}).items()):
            m = maxs.get(name) or {}
            rows.append(f"  {name}: worst {s['worst'] * 100:.3f}% mean {s['mean'] * 100:.4f}%  "
                        "[maximum " + " / ".join(f"{m[k] * 100:.4f}%" if k in m else "-" for k in ("worst", "mean")) + "]")
            for key, r in s["rows"].items():
                rows.append(f"    {key:<20} {r['files']:>3}  {r['worst'] * 100:.3f}%  {r['mean'] * 100:.4f}%")
        if not roundtrip["error"]:
            rows.append(f"  mainland originals: {roundtrip['mainland_changed']} characters changed "
                        f"[maximum {maxs.get('mainland_changed', 0)}]  {'FAIL' if bad else 'PASS'}")
    if notes:
        rows += ["", "below threshold or errored:"] + notes
    rows += ["", f"work folder {args.work}; wall time {wall:.1f} s",
             f"quality gate: all {n} runs at or above their thresholds" if not failed
             else f"quality gate: {failed} of {n} runs below their thresholds"]
    text = "\n".join(rows)
    with open(os.path.join(args.work, "quality.txt"), "w", encoding="utf-8") as fh:
        fh.write(text + "\n")
    print(text)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
