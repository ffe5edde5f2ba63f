#!/usr/bin/env python3
"""The CPU time that the libraries and the kernel alone need for a full run's Output/.

Usage: bench/floor.py OUTPUT_DIR SCRATCH_DIR   (prints a JSON object of CPU seconds)

Each figure is what the library does for the same output, with none of gazette's own work
around it — a lower bound on what any pipeline publishing that Output/ must spend:

  sqlite_s   a fresh copy of gazette.sqlite built by SQLite alone: the same schema, every
             table filled by INSERT … SELECT from the published file (rowid order), the
             indexes created, the FTS5 index rebuilt (with the sink's 32 MiB term buffer);
             no statement binding of ours
  fts_s      the FTS5 trigram index's part of that (its `rebuild`)
  zlib_s     corpus.jsonl.gz's content deflated again at gazette's level (4), in 1 MiB pieces
  write_s    every file of Output/ written again into SCRATCH_DIR (the kernel's share:
             user+system CPU of the writes only, the bytes read beforehand)

Measured in this process with time.process_time (user + system CPU), one after the other.
SCRATCH_DIR is emptied before and removed after.
"""
import gzip
import json
import os
import shutil
import sqlite3
import sys
import time
import zlib


def sqlite_floor(db, scratch):
    """(total CPU s, FTS rebuild CPU s) of rebuilding `db` with SQLite alone."""
    path = os.path.join(scratch, "floor.sqlite")
    src = sqlite3.connect(db)
    rows = src.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    src.close()
    # The FTS5 table is created as such; its shadow tables (clause_fts_*) come with it.
    tables = [(name, sql) for kind, name, sql in rows if kind == "table" and not name.startswith("clause_fts")]
    virtual = [sql for kind, name, sql in rows if kind == "table" and sql.upper().startswith("CREATE VIRTUAL TABLE")]
    indexes = [sql for kind, _, sql in rows if kind == "index"]
    t0 = time.process_time()
    con = sqlite3.connect(path, isolation_level=None)
    con.executescript("PRAGMA page_size=4096; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
                      "PRAGMA locking_mode=EXCLUSIVE;")
    con.execute("ATTACH DATABASE ? AS src", (db,))
    con.execute("BEGIN")
    for name, sql in tables:
        con.execute(sql)
    for sql in virtual:
        con.execute(sql)
    for name, sql in tables:
        cols = [r[1] for r in con.execute(f"PRAGMA main.table_info('{name}')")]
        order = "" if "WITHOUT ROWID" in sql.upper() else " ORDER BY rowid"
        collist = ", ".join(f'"{c}"' for c in cols)
        con.execute(f'INSERT INTO main."{name}" ({collist}) SELECT {collist} FROM src."{name}"{order}')
    for sql in indexes:
        con.execute(sql)
    con.execute("COMMIT")
    con.execute("BEGIN")
    t1 = time.process_time()
    if virtual:
        # The pending-terms buffer gazette's sink sets (32 MiB): with SQLite's 1 MiB default
        # the same rebuild spends more time merging segments than tokenizing.
        con.execute("INSERT INTO clause_fts(clause_fts, rank) VALUES('hashsize', 33554432)")
        con.execute("INSERT INTO clause_fts(clause_fts) VALUES('rebuild')")
    t2 = time.process_time()
    con.execute("COMMIT")
    con.close()
    total = time.process_time() - t0
    os.remove(path)
    return total, t2 - t1


def zlib_floor(gz):
    """CPU s of deflating the decompressed content of `gz` at level 4 (gzip framing)."""
    with gzip.open(gz, "rb") as f:
        data = f.read()
    t0 = time.process_time()
    c = zlib.compressobj(4, zlib.DEFLATED, 31)
    for i in range(0, len(data), 1 << 20):
        c.compress(data[i:i + (1 << 20)])
    c.flush()
    return time.process_time() - t0, len(data)


def write_floor(output, scratch):
    """CPU s of writing every file of `output` again (bytes read first, in batches)."""
    files = []
    for root, _, names in os.walk(output):
        for name in names:
            files.append(os.path.join(root, name))
    spent, written, batch, size = 0.0, 0, [], 0

    def flush():
        nonlocal spent, written, batch, size
        t0 = time.process_time()
        for rel, data in batch:
            dest = os.path.join(scratch, "out", rel)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, "wb") as f:
                f.write(data)
        spent += time.process_time() - t0
        written += size
        batch, size = [], 0

    for p in files:
        with open(p, "rb") as f:
            data = f.read()
        batch.append((os.path.relpath(p, output), data))
        size += len(data)
        if size > 256 << 20:
            flush()
    flush()
    return spent, written, len(files)


def main():
    output, scratch = sys.argv[1], sys.argv[2]
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    try:
        out = {}
        db = os.path.join(output, "gazette.sqlite")
        if os.path.exists(db):
            out["sqlite_s"], out["fts_s"] = sqlite_floor(db, scratch)
        gz = os.path.join(output, "corpus.jsonl.gz")
        if os.path.exists(gz):
            out["zlib_s"], out["zlib_input_bytes"] = zlib_floor(gz)
        out["write_s"], out["write_bytes"], out["write_files"] = write_floor(output, scratch)
        print(json.dumps(out))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
