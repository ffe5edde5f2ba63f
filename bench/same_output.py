#!/usr/bin/env python3
"""Compare two Output/ trees file by file, ignoring what may differ between runs
(manifest.json's run timings, and its configuration hash and fingerprint, which name the build). Used to check that a speed-up changed nothing a user sees:

    bench/same_output.py OLD_OUTPUT NEW_OUTPUT

Exit 0 when identical; otherwise lists missing, extra and differing files (first 40) and exits 1.
gazette.sqlite is compared by its table contents, not its bytes: an incremental run updates the
previous database in place, so its rows sit on other pages and its clauses have other rowids
(`clauses.rowid` is a surrogate key; the full-text index is compared by (doc_id, clause_id)).

    bench/same_output.py --dump FILE   prints what FILE is compared by (tests use it)
"""
import gzip
import json
import os
import hashlib
import sqlite3
import sys


def files(root):
    out = {}
    for d, _, names in os.walk(root):
        for n in names:
            p = os.path.join(d, n)
            out[os.path.relpath(p, root)] = p
    return out


def content(rel, path):
    if rel == "manifest.json":
        m = json.load(open(path, encoding="utf-8"))
        for k in ("timings", "memory", "config_hash", "fingerprint"):  # per build and per run
            m.get("run", {}).pop(k, None)
        return json.dumps(m, sort_keys=True, ensure_ascii=False).encode()
    if rel.endswith(".sqlite"):
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        tables = [r[0] for r in con.execute("select name from sqlite_master where type='table' order by name")]
        dump = []
        for t in tables:
            if "_" in t and t.split("_")[-1] in ("data", "idx", "content", "docsize", "config"):
                continue  # FTS5 shadow tables: their layout depends on insertion batching
            cols = [r[1] for r in con.execute(f'pragma table_info("{t}")') if not (r[1] == "rowid" and r[5])]
            names = ", ".join(f'"{c}"' for c in cols)
            dump.append(repr((t, sorted(map(repr, con.execute(f'select {names} from "{t}"'))))))
        # What the full-text indexes hold, whatever their segments: every (term, clause,
        # column, offset) instance, the clause named by (doc_id, clause_id), sorted per term.
        clause = {r[0]: (r[1], r[2]) for r in con.execute("select rowid, doc_id, clause_id from clauses")} \
            if "clauses" in tables else {}
        for t in [r[0] for r in con.execute("select name from sqlite_master where sql like 'CREATE VIRTUAL TABLE%fts5(%'")]:
            con.execute(f'CREATE VIRTUAL TABLE temp."v_{t}" USING fts5vocab(main, "{t}", instance)')
            h = hashlib.sha256()
            term, rows = None, []
            for row in con.execute(f'select term, doc, col, offset from temp."v_{t}"'):
                if row[0] != term:
                    h.update(repr((term, sorted(rows))).encode())
                    term, rows = row[0], []
                rows.append((clause.get(row[1], row[1]), row[2], row[3]))
            h.update(repr((term, sorted(rows))).encode())
            dump.append(repr((t, "instances", h.hexdigest())))
        return "\n".join(dump).encode()
    data = open(path, "rb").read()
    if rel.endswith(".gz"):
        data = gzip.decompress(data)
    return data


def main():
    if sys.argv[1] == "--dump":
        sys.stdout.buffer.write(content(os.path.basename(sys.argv[2]), sys.argv[2]))
        return 0
    a, b = files(sys.argv[1]), files(sys.argv[2])
    problems = [f"only in {sys.argv[1]}: {r}" for r in sorted(a.keys() - b.keys())]
    problems += [f"only in {sys.argv[2]}: {r}" for r in sorted(b.keys() - a.keys())]
    for r in sorted(a.keys() & b.keys()):
        if content(r, a[r]) != content(r, b[r]):
            problems.append(f"differs: {r}")
    for p in problems[:40]:
        print(p)
    if len(problems) > 40:
        print(f"... and {len(problems) - 40} more")
    print(f"{len(a)} vs {len(b)} files, {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
