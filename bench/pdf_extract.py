#!/usr/bin/env python3
"""PDF text extraction throughput: the `pdf` group of bench/run.py, or alone
(`python3 bench/pdf_extract.py [--bin .build/release/gazette] [--repeat 3]`).

`gazette extract --quiet` (poppler-glib's characters and boxes, then FixedLayout's lines,
columns, tables and paragraphs, all files in one process) over the devset's real PDFs and the
committed LibreOffice PDFs, beside `pdftotext` (poppler's own command-line tool, plain reading
order, no paragraphs, one process a file) on the same files. MB is 10^6 bytes of PDF; cpu_mb_s
(bytes per CPU second of the process) is the per-core figure, steadier than wall time on a
shared machine. Medians of the repetitions.
"""
import argparse, glob, os, resource, shutil, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def pdf_files():
    shared = os.path.join(ROOT, "..", "shared", "devset", "formats")
    return (sorted(glob.glob(os.path.join(shared, "*.pdf")))
            + sorted(glob.glob(os.path.join(ROOT, "Tests", "Fixtures", "office", "pdf", "**", "*.pdf"), recursive=True)))


def run_cpu(cmd):
    """(wall seconds, cpu seconds) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench(gazette, repeat):
    files = pdf_files()
    size = sum(os.path.getsize(f) for f in files)
    out = {"files": len(files), "bytes": size}
    tools = {"gazette_extract": lambda: [run_cpu([gazette, "extract", "--quiet", *files])]}
    if shutil.which("pdftotext"):
        tools["pdftotext"] = lambda: [run_cpu(["pdftotext", "-enc", "UTF-8", f, "/dev/null"]) for f in files]
    for name, once in tools.items():
        walls, cpus = [], []
        for _ in range(repeat):
            runs = once()
            walls.append(sum(w for w, _ in runs)); cpus.append(sum(c for _, c in runs))
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        out[name] = {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "mb_s": round(size / 1e6 / wall, 2),
                     "cpu_mb_s": round(size / 1e6 / max(cpu, 1e-6), 2)}
    return out


def report(d):
    lines = [f"PDF text extraction: {d['files']} files, {d['bytes'] / 1e6:.2f} MB of PDF (devset formats + committed fixtures)",
             f"  {'tool':<18} {'cpu_mb_s':>9} {'mb_s':>8} {'cpu_s':>7}"]
    for name in ("gazette_extract", "pdftotext"):
        if name in d:
            m = d[name]
            lines.append(f"  {name:<18} {m['cpu_mb_s']:>9} {m['mb_s']:>8} {m['cpu_s']:>7}")
    if "pdftotext" not in d:
        lines.append("  (pdftotext not installed: apt-get install poppler-utils)")
    return "\n".join(lines)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "gazette"))
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    if not os.access(a.bin, os.X_OK):
        sys.exit(f"bench: {a.bin} not found; run `make build` first")
    print(report(bench(os.path.abspath(a.bin), a.repeat)))
