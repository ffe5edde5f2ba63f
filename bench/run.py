#!/usr/bin/env python3
"""gazette's benchmark suite (`make bench`; not part of `make test`).

For each corpus size it builds (or reuses) a scale corpus under bench/corpus-<N>/ — with
`gazette generate` when the binary has it, else bench/make_corpus.py — and measures, each
timing repeated and reported as the median:

  run_full        `gazette run --full` with a cold cache: MB/s of raw input, documents/s,
                  CPU seconds, peak RSS, and the stage timings of Output/manifest.json
  run_nochange    the incremental run right after it (nothing changed), and its ratio
  run_grown       the incremental run after 1 % new files arrive (`gazette generate` with
                  the next seed), and its ratio to the full run: the nightly job's usual night
  run_rule_edit   the incremental run after an editor's rule change (a line added to a copy
                  of taxonomy.yml), and its ratio to the full run: the editors' rebuild
  normalize       `gazette normalize` over the corpus decoded and concatenated (UTF-8)
  opencc_t2s      the OpenCC 1.4.2 command-line tool, t2s, on the same concatenated file
  sha256sum       of the same file: a ceiling for anything that reads every byte
  python          bench/baseline_pipeline.py, the one-core Python pipeline
  floor           bench/floor.py over the full run's Output/: the CPU seconds SQLite (the
                  same database rebuilt by SQLite alone), zlib (corpus.jsonl.gz deflated
                  again) and the kernel (every output file written again) need by
                  themselves: the part of the run no code of gazette's can remove
  run_json_only   `gazette run --full` publishing only documents/*.json: the Python
                  baseline's output, so the like-for-like ratio beside the end-to-end one
  check           `gazette check` over the corpus (editors run it after a rule change)
  compare         `gazette compare` over the full run's Output/ (wall and peak RSS)
  pdf             PDF text extraction, `gazette extract` beside `pdftotext` on the same PDFs, once,
                  whatever the sizes (bench/pdf_extract.py; `--sizes ""` runs it alone)

MB is 10^6 bytes. Wall-clock figures move with the machine's load (recorded beside them);
the cpu_mb_s figures (bytes over user+system seconds) are steadier and are what
"per core" means. Results go to bench/results/<timestamp>.json and are compared with
bench/results/baseline.json; a change for the worse over 10 % is flagged.

Usage: bench/run.py [--sizes 1000,10000] [--repeat 3] [--save-baseline] [--only run,python,...]
"""
import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from textio import corpus_files, read_text  # noqa: E402
import pdf_extract  # noqa: E402

VENV = os.path.join(HERE, ".venv")
RESULTS = os.path.join(HERE, "results")
OPENCC_CLI = os.path.join(ROOT, ".deps", "opencc", "opencc-cli")
OPENCC_T2S = os.path.join(ROOT, ".deps", "opencc", "share", "opencc", "t2s.json")
GROUPS = ["run", "floor", "json", "check", "compare", "normalize", "opencc", "sha256", "python", "pdf"]
# Metric → which way is better; anything not listed is informational.
BETTER = {"mb_s": "higher", "docs_s": "higher", "cpu_mb_s": "higher", "wall_s": "lower", "cpu_s": "lower",
          "rss_mib": "lower", "ratio": "lower"}
SINGLE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def venv_python():
    """bench/.venv with bench/requirements.txt, created or refreshed when the requirements change."""
    req = os.path.join(HERE, "requirements.txt")
    with open(req, "rb") as f:
        want = hashlib.sha256(f.read()).hexdigest()
    stamp = os.path.join(VENV, ".requirements-sha256")
    py = os.path.join(VENV, "bin", "python")
    if os.path.exists(py) and os.path.exists(stamp) and open(stamp).read().strip() == want:
        return py
    log("creating bench/.venv from bench/requirements.txt")
    if not os.path.exists(py):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    subprocess.run([py, "-m", "pip", "install", "--quiet", "-r", req], check=True)
    with open(stamp, "w") as f:
        f.write(want + "\n")
    return py


def measure(cmd, stdout=subprocess.DEVNULL, env=None, cwd=None):
    """(wall seconds, cpu seconds, peak RSS MiB, exit code) of one child process."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=cwd)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode not in (0, 1):
        log(f"{' '.join(cmd[:3])}… exited {p.returncode}: {err.decode('utf-8', 'replace')[-800:]}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0, p.returncode


def samples_dir():
    d = os.path.join(ROOT, "..", "shared", "corpus")
    return d if os.path.isdir(d) else "/work/shared/corpus"


def generator_kind(gazette):
    """'gazette generate' when the binary can generate, else 'make_corpus.py'."""
    probe = os.path.join(HERE, "work", "probe")
    shutil.rmtree(probe, ignore_errors=True)
    ok = subprocess.run([gazette, "generate", "--out", probe, "--count", "3", "--seed", "42", "--samples", samples_dir()],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    ok = ok and os.path.isdir(os.path.join(probe, "corpus"))
    shutil.rmtree(probe, ignore_errors=True)
    return "gazette generate" if ok else "make_corpus.py"


def ensure_corpus(n, seed, gazette, kind, py, duplicates=None):
    """bench/corpus-<n>/ (corpus/, truth.json, concat.txt), rebuilt when its recipe changed;
    with `duplicates`, bench/corpus-<n>-lowdup/ by make_corpus.py with that share of copies."""
    d = os.path.join(HERE, f"corpus-{n}" + ("-lowdup" if duplicates is not None else ""))
    with open(os.path.join(HERE, "make_corpus.py"), "rb") as f:
        script = hashlib.sha256(f.read()).hexdigest()[:12]
    recipe = {"count": n, "seed": seed, "generator": kind, "script": script if kind == "make_corpus.py" else None}
    if duplicates is not None:
        recipe["duplicates"] = duplicates
    stamp = os.path.join(d, "recipe.json")
    if os.path.exists(stamp) and json.load(open(stamp)) == recipe and os.path.exists(os.path.join(d, "concat.txt")):
        return d
    log(f"building the {n}-document corpus with {kind}")
    shutil.rmtree(d, ignore_errors=True)
    samples = samples_dir()
    if kind == "gazette generate":
        cmd = [gazette, "generate", "--out", d, "--count", str(n), "--seed", str(seed), "--samples", samples]
    else:
        cmd = [py, os.path.join(HERE, "make_corpus.py"), "--out", d, "--count", str(n), "--seed", str(seed), "--samples", samples]
        if duplicates is not None:
            cmd += ["--duplicates", str(duplicates)]
    subprocess.run(cmd, check=True)
    # The concatenated corpus: every file decoded to UTF-8, for the whole-text tools.
    with open(os.path.join(d, "concat.txt"), "w", encoding="utf-8") as out:
        for p in corpus_files(os.path.join(d, "corpus")):
            try:
                out.write(read_text(p)[0] + "\n")
            except (ValueError, OSError, EOFError):
                pass
    with open(stamp, "w") as f:
        json.dump(recipe, f)
    return d


def corpus_info(d):
    files = corpus_files(os.path.join(d, "corpus"))
    return {"files": len(files), "bytes": sum(os.path.getsize(p) for p in files),
            "concat_bytes": os.path.getsize(os.path.join(d, "concat.txt")),
            "recipe": json.load(open(os.path.join(d, "recipe.json")))}


class Series:
    """Repeated samples of named metrics, summarised by their median."""

    def __init__(self):
        self.samples = {}

    def add(self, name, value):
        self.samples.setdefault(name, []).append(value)

    def summary(self):
        out = {}
        for name, vals in self.samples.items():
            better = BETTER.get(name.rsplit(".", 1)[-1])
            out[name] = {"median": round(statistics.median(vals), 4), "runs": [round(v, 4) for v in vals]}
            if better:
                out[name]["better"] = better
        return out


def bench_size(n, args, gazette, kind, py, duplicates=None):
    d = ensure_corpus(n, args.seed, gazette, kind, py, duplicates)
    info = corpus_info(d)
    raw_mb, concat = info["bytes"] / 1e6, os.path.join(d, "concat.txt")
    concat_mb = info["concat_bytes"] / 1e6
    s = Series()
    work = os.path.join(HERE, "work", str(n) + ("-lowdup" if duplicates is not None else ""))
    config = os.path.join(ROOT, "pipeline.yml")
    log(f"{n} files, {raw_mb:.1f} MB raw, {concat_mb:.1f} MB decoded")
    for r in range(args.repeat):
        if "run" in args.only:
            shutil.rmtree(work, ignore_errors=True)
            os.makedirs(work)
            # A linked copy of the corpus, which the grown run adds files to.
            corpus = os.path.join(work, "corpus")
            subprocess.run(["cp", "-al", os.path.join(d, "corpus"), corpus], check=True)
            base = [gazette, "run", "--config", config, "--corpus", corpus,
                    "--output", os.path.join(work, "Output"), "--cache", os.path.join(work, "cache"), "--quiet"]
            wall, cpu, rss, rc = measure(base + ["--full"])
            s.add("run_full.wall_s", wall); s.add("run_full.cpu_s", cpu); s.add("run_full.rss_mib", rss)
            s.add("run_full.mb_s", raw_mb / wall); s.add("run_full.docs_s", info["files"] / wall)
            s.add("run_full.cpu_mb_s", raw_mb / cpu)
            try:
                m = json.load(open(os.path.join(work, "Output", "manifest.json")))
                for stage, secs in sorted(m["run"]["timings"].items()):
                    s.add(f"stage_{stage}.wall_s", secs)
                    if stage != "total" and secs > 0:
                        s.add(f"stage_{stage}.mb_s", raw_mb / secs)
                # The peak resident set at the end of each phase (manifest run.memory): where it rose.
                for phase, mib in sorted(m["run"].get("memory", {}).items()):
                    if phase != "budget":
                        s.add(f"memory_{phase}.rss_mib", mib)
                s.add("run_full.published", m["run"]["counts"].get("published", 0))
                s.add("run_full.duplicate", m["run"]["counts"].get("duplicate", 0))
                s.add("run_full.rejected", m["run"]["counts"].get("rejected", 0))
            except (OSError, ValueError, KeyError) as e:
                log(f"no usable manifest after the full run (exit {rc}): {e}")
            if "floor" in args.only:
                f = subprocess.run([sys.executable, os.path.join(HERE, "floor.py"), os.path.join(work, "Output"),
                                    os.path.join(work, "floor")], capture_output=True, text=True)
                try:
                    fl = json.loads(f.stdout)
                    for key in ("sqlite_s", "fts_s", "zlib_s", "write_s"):
                        if key in fl:
                            s.add(f"floor.{key}", fl[key])
                    s.add("floor.total_s", sum(fl.get(k, 0) for k in ("sqlite_s", "zlib_s", "write_s")))
                except ValueError:
                    log(f"floor.py failed: {f.stderr[-800:]}")
            wall2, _, rss2, _ = measure(base)
            s.add("run_nochange.wall_s", wall2); s.add("run_nochange.rss_mib", rss2)
            s.add("run_nochange.ratio", wall2 / wall)
            added = max(1, n // 100)
            new = os.path.join(work, "new")
            if kind == "gazette generate":
                subprocess.run([gazette, "generate", "--out", new, "--count", str(added), "--seed", str(args.seed + 1),
                                "--samples", samples_dir()], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            else:
                subprocess.run([py, os.path.join(HERE, "make_corpus.py"), "--out", new, "--count", str(added), "--seed", str(args.seed + 1),
                                "--samples", samples_dir(), "--prefix", "nightly-"]
                               + (["--duplicates", str(duplicates)] if duplicates is not None else []),
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            os.rename(os.path.join(new, "corpus"), os.path.join(corpus, "zz-nightly"))
            wall4, cpu4, rss4, _ = measure(base)
            s.add("run_grown.wall_s", wall4); s.add("run_grown.cpu_s", cpu4); s.add("run_grown.rss_mib", rss4)
            s.add("run_grown.ratio", wall4 / wall); s.add("run_grown.cpu_ratio", cpu4 / cpu); s.add("run_grown.added", added)
            # An editor's rule change: the same run with a taxonomy that hashes differently.
            edited = data_config(config, work, taxonomy_suffix="\n# edited: the bench's rule change\n")
            wall5, cpu5, rss5, _ = measure([gazette, "run", "--config", edited] + base[4:])
            s.add("run_rule_edit.wall_s", wall5); s.add("run_rule_edit.cpu_s", cpu5); s.add("run_rule_edit.rss_mib", rss5)
            s.add("run_rule_edit.ratio", wall5 / wall); s.add("run_rule_edit.cpu_ratio", cpu5 / cpu)
            if "compare" in args.only:
                wall3, _, rss3, _ = measure([gazette, "compare", "--config", config, "--output", os.path.join(work, "Output")])
                s.add("compare.wall_s", wall3); s.add("compare.rss_mib", rss3)
        if "json" in args.only:
            shutil.rmtree(work, ignore_errors=True)
            os.makedirs(work)
            json_config = data_config(config, work, formats="[json]")
            wall, cpu, rss, _ = measure([gazette, "run", "--config", json_config, "--corpus", os.path.join(d, "corpus"),
                                         "--output", os.path.join(work, "Output"), "--cache", os.path.join(work, "cache"),
                                         "--quiet", "--full"])
            s.add("run_json_only.wall_s", wall); s.add("run_json_only.mb_s", raw_mb / wall)
            s.add("run_json_only.cpu_mb_s", raw_mb / cpu); s.add("run_json_only.rss_mib", rss)
        if "check" in args.only:
            wall, cpu, rss, _ = measure([gazette, "check", "--config", config, "--corpus", os.path.join(d, "corpus"), "--quiet"])
            s.add("check.wall_s", wall); s.add("check.mb_s", raw_mb / wall); s.add("check.rss_mib", rss)
        if "normalize" in args.only:
            wall, cpu, rss, _ = measure([gazette, "normalize", concat])
            s.add("normalize.mb_s", concat_mb / wall); s.add("normalize.cpu_mb_s", concat_mb / cpu); s.add("normalize.rss_mib", rss)
        if "opencc" in args.only and os.path.exists(OPENCC_CLI):
            wall, cpu, rss, _ = measure([OPENCC_CLI, "-c", OPENCC_T2S, "-i", concat, "-o", "/dev/null"])
            s.add("opencc_t2s.mb_s", concat_mb / wall); s.add("opencc_t2s.cpu_mb_s", concat_mb / cpu); s.add("opencc_t2s.rss_mib", rss)
        if "sha256" in args.only:
            wall, cpu, _, _ = measure(["sha256sum", concat])
            s.add("sha256sum.mb_s", concat_mb / wall); s.add("sha256sum.cpu_mb_s", concat_mb / cpu)
        if "python" in args.only and r < args.python_repeat:
            out = os.path.join(HERE, "work", f"python-{n}")
            shutil.rmtree(out, ignore_errors=True)
            env = dict(os.environ, **SINGLE_THREAD_ENV)
            wall, cpu, rss, _ = measure([py, os.path.join(HERE, "baseline_pipeline.py"), "--corpus", os.path.join(d, "corpus"),
                                         "--out", out], env=env)
            s.add("python.wall_s", wall); s.add("python.mb_s", raw_mb / wall); s.add("python.docs_s", info["files"] / wall)
            s.add("python.cpu_mb_s", raw_mb / cpu); s.add("python.rss_mib", rss)
            shutil.rmtree(out, ignore_errors=True)
        log(f"{n}: repetition {r + 1}/{args.repeat} done (load {os.getloadavg()[0]:.1f})")
    shutil.rmtree(work, ignore_errors=True)
    return {"corpus": info, "metrics": s.summary()}


def data_config(config, work, formats=None, taxonomy_suffix=None):
    """A copy of pipeline.yml written into `work`, its data files by absolute path: with
    `formats`, publishing only those; with `taxonomy_suffix`, reading a copy of the taxonomy
    with that text added (a rule change as far as the cache is concerned)."""
    base = os.path.dirname(os.path.abspath(config))
    out = []
    for line in open(config, encoding="utf-8"):
        stripped = line.strip()
        indent = line[: len(line) - len(line.lstrip())]
        if formats and stripped.startswith("formats:"):
            line = indent + f"formats: {formats}\n"
        else:
            for key in ("taxonomy:", "units:", "overrides:"):
                if stripped.startswith(key):
                    value = stripped[len(key):].split("#")[0].strip()
                    if value and not os.path.isabs(value):
                        value = os.path.join(base, value)
                    if value and key == "taxonomy:" and taxonomy_suffix is not None:
                        copy = os.path.join(work, "taxonomy-edited.yml")
                        with open(value, encoding="utf-8") as src, open(copy, "w", encoding="utf-8") as dst:
                            dst.write(src.read() + taxonomy_suffix)
                        value = copy
                    if value:
                        line = indent + f"{key} {value}\n"
        out.append(line)
    name = "pipeline-json-only.yml" if formats else "pipeline-edited.yml"
    path = os.path.join(work, name)
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(out)
    return path


def targets(size):
    """The issue's targets, checked on one size's medians."""
    m = {k: v["median"] for k, v in size["metrics"].items()}
    out = {}
    if "run_full.mb_s" in m and "python.mb_s" in m:
        out["run_full >= 10x python (wall MB/s)"] = (round(m["run_full.mb_s"] / m["python.mb_s"], 2), 10.0, ">=")
    if "run_json_only.mb_s" in m and "python.mb_s" in m:
        # Not a target of its own: the same measure on the work the Python baseline does.
        out["run_json_only >= 10x python (wall MB/s; like for like)"] = (round(m["run_json_only.mb_s"] / m["python.mb_s"], 2), 10.0, ">=")
    if "normalize.cpu_mb_s" in m and "opencc_t2s.cpu_mb_s" in m:
        out["normalize >= OpenCC CLI per core (cpu MB/s)"] = (round(m["normalize.cpu_mb_s"] / m["opencc_t2s.cpu_mb_s"], 2), 1.0, ">=")
    # Issue 24's nightly targets (wall ratios to the full run; the CPU ratios are printed beside them).
    if "run_nochange.ratio" in m:
        out["no-change run <= 1% of full"] = (round(m["run_nochange.ratio"], 4), 0.01, "<=")
    if "run_grown.ratio" in m:
        out["run after 1% new files <= 5% of full"] = (round(m["run_grown.ratio"], 4), 0.05, "<=")
    if "run_rule_edit.ratio" in m:
        out["run after a rule edit <= 60% of full"] = (round(m["run_rule_edit.ratio"], 4), 0.60, "<=")
    if "run_full.rss_mib" in m:
        out["peak RSS <= 1 GiB"] = (round(max(m["run_full.rss_mib"], m.get("run_grown.rss_mib", 0), m.get("run_rule_edit.rss_mib", 0)), 1), 1024.0, "<=")
    if "floor.total_s" in m and "run_full.cpu_s" in m:
        out["full run CPU <= 2.5x the libraries' floor"] = (round(m["run_full.cpu_s"] / m["floor.total_s"], 2), 2.5, "<=")
    met = {">=": lambda v, t: v >= t, "<=": lambda v, t: v <= t, "<": lambda v, t: v < t}
    return {k: {"value": v, "target": t, "op": op, "met": met[op](v, t)} for k, (v, t, op) in out.items()}


def floor_budget(size):
    """What the 10x target leaves the run (CPU seconds on every core for a tenth of the Python
    baseline's wall time) beside what the libraries and the kernel alone need of it."""
    m = {k: v["median"] for k, v in size["metrics"].items()}
    if "floor.total_s" not in m or "python.wall_s" not in m:
        return None
    budget = (os.cpu_count() or 1) * m["python.wall_s"] / 10
    return {"budget_cpu_s": round(budget, 2), "floor_cpu_s": round(m["floor.total_s"], 2),
            "left_cpu_s": round(budget - m["floor.total_s"], 2),
            "run_full_cpu_s": round(m.get("run_full.cpu_s", 0), 2)}


def compare(result, baseline):
    """Table rows: size, metric, median, baseline median, ratio, flag."""
    rows = []
    for size, data in sorted(result["sizes"].items(), key=lambda kv: (int(kv[0].split("-")[0]), kv[0])):
        old = baseline.get("sizes", {}).get(size, {}).get("metrics", {}) if baseline else {}
        for name, v in sorted(data["metrics"].items()):
            b = old.get(name, {}).get("median")
            ratio = v["median"] / b if b else None
            flag = ""
            if ratio is not None and v.get("better") == "higher" and ratio < 0.9:
                flag = "REGRESSION"
            elif ratio is not None and v.get("better") == "lower" and ratio > 1.1:
                flag = "REGRESSION"
            rows.append((size, name, v["median"], b, ratio, flag))
    return rows


def fmt(x):
    if x is None:
        return "-"
    return f"{x:.4f}" if abs(x) < 1 else f"{x:.2f}" if abs(x) < 1000 else f"{x:.0f}"


def main():
    ap = argparse.ArgumentParser(description="gazette benchmark suite")
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--python-repeat", type=int, default=None, help="repetitions of the slow Python baseline (default: --repeat, 1 above 10,000 files)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "gazette"))
    ap.add_argument("--only", default=",".join(GROUPS), help="comma-separated subset of " + ",".join(GROUPS))
    ap.add_argument("--save-baseline", action="store_true", help="also write the results as bench/results/baseline.json")
    ap.add_argument("--lowdup", type=float, default=0.2,
                    help="also bench a make_corpus.py corpus with this share of duplicates per size (0: not)")
    args = ap.parse_args()
    args.only = set(args.only.split(","))
    gazette = os.path.abspath(args.bin)
    if not os.access(gazette, os.X_OK):
        sys.exit(f"bench: {gazette} not found; run `make build` first")
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    py = venv_python() if sizes else sys.executable   # the venv serves the corpus sizes only
    kind = generator_kind(gazette)
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    result = {"schema": 1, "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "commit": commit,
              "host": {"cpus": os.cpu_count(), "load_at_start": round(os.getloadavg()[0], 2)}, "repeat": args.repeat,
              "generator": kind, "sizes": {}}
    os.makedirs(RESULTS, exist_ok=True)
    path = os.path.join(RESULTS, result["timestamp"].replace(":", "") + ".json")
    if "pdf" in args.only:
        result["pdf"] = pdf_extract.bench(gazette, args.repeat)
        result["host"]["load_at_end"] = round(os.getloadavg()[0], 2)
        with open(path, "w") as f:
            json.dump(result, f, indent=1, sort_keys=True)
    for n in sizes:
        saved = args.python_repeat
        if args.python_repeat is None:
            args.python_repeat = args.repeat if n <= 10000 else 1
        # The generated corpus (mostly duplicates, which are never structured or published,
        # so it flatters every figure), then one where about a fifth of the files are copies.
        corpora = [(str(n), kind, None)] + ([(f"{n}-lowdup", "make_corpus.py", args.lowdup)] if args.lowdup else [])
        for label, how, dups in corpora:
            data = bench_size(n, args, gazette, how, py, dups)
            data["targets"] = targets(data)
            if floor_budget(data):
                data["floor_budget"] = floor_budget(data)
            result["sizes"][label] = data
            result["host"]["load_at_end"] = round(os.getloadavg()[0], 2)
            with open(path, "w") as f:
                json.dump(result, f, indent=1, sort_keys=True)
        args.python_repeat = saved
        result["host"]["load_at_end"] = round(os.getloadavg()[0], 2)
        # Written after every size, so a long run that is stopped keeps what it measured.
        with open(path, "w") as f:
            json.dump(result, f, indent=1, sort_keys=True)
    base_path = os.path.join(RESULTS, "baseline.json")
    baseline = json.load(open(base_path)) if os.path.exists(base_path) else None
    print(f"\ngazette bench {result['timestamp']} commit {commit}, corpus by {kind}, median of {args.repeat}, "
          f"load {result['host']['load_at_start']}→{result['host']['load_at_end']} on {result['host']['cpus']} cpus")
    if baseline:
        print(f"baseline: {baseline.get('timestamp')} commit {baseline.get('commit')}")
        for size in result["sizes"]:
            old = baseline.get("sizes", {}).get(size, {}).get("corpus", {})
            if old and (old.get("bytes"), old.get("recipe")) != (result["sizes"][size]["corpus"]["bytes"], result["sizes"][size]["corpus"]["recipe"]):
                print(f"  note: the {size}-file corpus differs from the baseline's; ratios compare different inputs")
    print(f"{'size':>7} {'metric':<28} {'median':>10} {'baseline':>10} {'ratio':>7}")
    regressions = 0
    for size, name, v, b, ratio, flag in compare(result, baseline):
        regressions += bool(flag)
        print(f"{size:>7} {name:<28} {fmt(v):>10} {fmt(b):>10} {fmt(ratio):>7} {flag}")
    for size, data in result["sizes"].items():
        c = data["corpus"]
        print(f"\ntargets at {size} files ({c['bytes'] / 1e6:.1f} MB raw, {c['concat_bytes'] / 1e6:.1f} MB decoded):")
        for k, t in data["targets"].items():
            print(f"  {'met   ' if t['met'] else 'MISSED'} {k}: {t['value']} (target {t['op']} {t['target']})")
        if "floor_budget" in data:
            b = data["floor_budget"]
            print(f"  10x leaves {b['budget_cpu_s']} CPU-s on {os.cpu_count()} cores; SQLite + zlib + writing the files alone take "
                  f"{b['floor_cpu_s']}, leaving {b['left_cpu_s']} for everything else (the full run now: {b['run_full_cpu_s']})")
    if "pdf" in result:
        print("\n" + pdf_extract.report(result["pdf"]))
    print(f"\nresults: {os.path.relpath(path, ROOT)}; {regressions} regression(s) over 10 %")
    if args.save_baseline:
        shutil.copyfile(path, base_path)
        print(f"saved as the new baseline: {os.path.relpath(base_path, ROOT)}")


if __name__ == "__main__":
    main()
