#!/usr/bin/env python3
"""Build data/idiom_choices.tsv, the statistics `IdiomChooser` uses to undo Taiwan-idiom
conversion where one Taiwan word has several mainland originals (资料 ← 数据 or 资料,
执行 ← 运行 or 执行, 开启 ← 打开 or 开启 …), and the Swift file that embeds it.

How: every simplified word of jieba's dictionary (with its frequency) is converted to
traditional by each converter available here, then back to simplified with OpenCC 1.4.2's t2s.
A word that comes back different is an exact training pair (mainland original → what a reader
of the converted text sees). From the pairs:
  - forms: the shortest Taiwan-side words (two characters or more) and their mainland
    candidates, each with its dictionary frequency (the word itself is a candidate when it is
    mainland usage and survives the round trip);
  - contexts: every dictionary word that contains a form once converted (数据来源 → 资料来源,
    资料室 → 资料室), with the candidate it implies and its frequency: how often each
    candidate occurs with its neighbours.
Forms the curated phrase table (RegionalPhraseData.swift) already rewrites whole are left to it.
The dictionary knows words, not government text's habits (统计数据, 平稳运行, 开启新征程), so
sentences of mainland government usage written for this purpose (data/idiom-training/*.txt)
are converted the same ways and aligned with their originals: each form met there adds its
candidate's count (TRAINING_WEIGHT each) and context windows of one and two characters either side.
Only phrase-level differences count: a word whose s2tw round trip already differs (着/著,
干/乾: character forms) gives no pair.

Candidate frequencies (the chooser's prior, used when no context decides) blend three sources,
each as the candidate's share among the form's candidates:
  - jieba's dictionary frequency (a 1990s-2000s general corpus: 资料 above 数据, 呼叫 above 调用);
  - jieba's analyse/idf.txt (same sdist), document frequency exp(-idf) over a later general
    corpus (数据 about three times 资料);
  - the training sentences (government usage: how often each candidate is the original there),
    trusted in proportion to how often the form was met (GOV_WEIGHT at most).
The blend is written back on the dictionary's scale (the form's total dictionary frequency).
Not used: wordfreq 3.1.1's Chinese list (Apache-2.0 code, CC BY-SA data): it folds traditional
text into simplified, so Taiwan usage counts as mainland (资料 above 数据, 智慧 above 智能) —
the very confusion this table undoes. pkuseg/spacy-pkuseg and thulac ship segmentation models,
not word frequencies.

Inputs, each pinned and hash-checked (the script stops on a mismatch):
  - jieba 0.42.1 (PyPI sdist, MIT): jieba/dict.txt, 349,046 words with frequencies;
  - OpenCC 1.4.2: .deps/opencc (scripts/deps.sh unpacks the PyPI wheel), its CLI and dictionaries;
  - OpenCC 1.1.6: Debian's `opencc` package (1.1.6+ds1-1), /usr/bin/opencc and /usr/share/opencc.
Converters: s2twp, s2tw and s2hk of both versions. Not used: the samples, the devset or
`gazette generate` output (the test set, or built from it). Documents that no statistic has
seen are under Tests/Fixtures/idiom-heldout/ (mainland text written for this purpose): the
quality gate scores their round trips as the held-out estimate.

Rebuild (after a version bump; not run by make):
  apt-get install -y opencc && scripts/deps.sh run && python3 scripts/build_idiom_choices.py
"""
import collections, difflib, functools, glob, hashlib, math, os, re, subprocess, sys, tarfile, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JIEBA = ("jieba", "0.42.1", "jieba-0.42.1.tar.gz", "055ca12f62674fafed09427f176506079bc135638a14e23e25be909131928db2")
OPENCC_142 = os.path.join(ROOT, ".deps/opencc")
DEBIAN_OPENCC = ("opencc", "1.1.6+ds1-1")
HASHES = {
    f"{OPENCC_142}/share/opencc/TWPhrases.ocd2": "4298bc78f8ff472eed0afd31996cb35f6e56cd4ace5ef8a6d27a35a5374b9476",
    f"{OPENCC_142}/share/opencc/TWVariants.ocd2": "ed89fe928857500a77cbb601be4a1769da34ce863875eaae18d1d50bd036db5e",
    f"{OPENCC_142}/share/opencc/STPhrases.ocd2": "c472f936ab624e8887ed48c2572d0af68b904f0be72d98e237a6b8c1f5de024d",
    f"{OPENCC_142}/share/opencc/TSPhrases.ocd2": "2b722237cc00a4ac985790deb6a68c99f34de10e980a0029ac82c72b0f7ae22b",
    f"{OPENCC_142}/opencc-cli": "31fc1af22f1ee4a245e6c2a217c8b297ae8d2968ea97ffe4421565d30dc5c2f5",
    "/usr/share/opencc/TWPhrases.ocd2": "cc6ea1904b6f0f9d89287ab96c358d33b4f805beaf95c04de083c487778b2111",
    "/usr/share/opencc/STPhrases.ocd2": "8d43128a3dded935997b7f4b7a34640dd7b8aa237ebcdb533dfdd14824898acb",
}
CONFIGS = ["s2twp", "s2tw", "s2hk"]
TRAINING_WEIGHT = 200  # one training sentence's occurrence, in dictionary-frequency units
GOV_WEIGHT = 0.6       # the training sentences' part of the prior, when a form is met often there
GOV_TRUST = 4          # ... reached half-way at this many meetings
SURVIVAL_FLOOR = 0.05  # the least part of the prior a form keeps as its own candidate
BOUNDARY_FREQ = 2000   # words across a form's edge must be this frequent to count
MIN_FREQ = 3          # dictionary words rarer than this are noise (names, fragments)
OUT_TSV = os.path.join(ROOT, "data/idiom_choices.tsv")
OUT_SWIFT = os.path.join(ROOT, "Sources/GazetteCore/Normalize/IdiomChoiceData.swift")


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""): h.update(block)
    return h.hexdigest()


def check_inputs():
    for path, want in HASHES.items():
        if not os.path.exists(path): sys.exit(f"missing {path} (see the header: how to rebuild)")
        if sha256(path) != want: sys.exit(f"{path}: sha256 differs from the pinned one")
    got = subprocess.run(["dpkg-query", "-W", "-f=${Version}", DEBIAN_OPENCC[0]], capture_output=True, text=True).stdout
    if got != DEBIAN_OPENCC[1]: sys.exit(f"Debian opencc {got or 'not installed'}, want {DEBIAN_OPENCC[1]}")


def jieba_dict(work):
    name, version, sdist, want = JIEBA
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary=:all:",
                    "-d", work, f"{name}=={version}"], check=True)
    path = os.path.join(work, sdist)
    if sha256(path) != want: sys.exit(f"{sdist}: sha256 differs from the pinned one")
    with tarfile.open(path) as t:
        return (t.extractfile(f"jieba-{version}/jieba/dict.txt").read().decode("utf-8"),
                t.extractfile(f"jieba-{version}/jieba/analyse/idf.txt").read().decode("utf-8"))


def blend(form, cs, idf, gov, survival):
    """The candidates' prior on the dictionary's scale: the mean of their dictionary and
    idf shares (the form's own times its survival), then moved toward their share in the
    training sentences (see the header)."""
    total = sum(cs.values()) or 1
    dict_share = {c: f / total for c, f in cs.items()}
    df = {c: math.exp(-idf[c]) if c in idf else 0.0 for c in cs}
    df_total = sum(df.values())
    general = {c: (dict_share[c] + df[c] / df_total) / 2 if df_total else dict_share[c] for c in cs}
    if form in general:
        general[form] *= survival.get(form, 1.0)
        g = sum(general.values()) or 1
        general = {c: v / g for c, v in general.items()}
    met = sum(gov.get(c, 0) for c in cs)
    trust = GOV_WEIGHT * met / (met + GOV_TRUST)
    prior = {c: (1 - trust) * general[c] + trust * (gov.get(c, 0) + 0.25) / (met + 0.25 * len(cs)) for c in cs}
    return {c: max(1, round(p * total)) for c, p in prior.items()}


CACHE = None   # --cache DIR: converter outputs kept by the hash of their input (rebuilding while editing the training text)


def convert(words, converter, config, work):
    """Each word converted alone (one per line) by `converter` (142 or 116) with `config`."""
    src, dst = os.path.join(work, "in.txt"), os.path.join(work, "out.txt")
    data = "\n".join(words) + "\n"
    key = None
    if CACHE:
        key = os.path.join(CACHE, hashlib.sha256(f"{converter} {config}\n{data}".encode()).hexdigest())
        if os.path.exists(key): return open(key, encoding="utf-8").read().split("\n")[: len(words)]
    open(src, "w", encoding="utf-8").write(data)
    if converter == "142":
        cmd = [f"{OPENCC_142}/opencc-cli", "-c", f"{OPENCC_142}/share/opencc/{config}.json"]
    else:
        cmd = ["/usr/bin/opencc", "-c", f"/usr/share/opencc/{config}.json"]
    subprocess.run(cmd + ["-i", src, "-o", dst], check=True)
    text = open(dst, encoding="utf-8").read()
    out = text.split("\n")[: len(words)]
    assert len(out) == len(words), (converter, config)
    if key: open(key, "w", encoding="utf-8").write(text)
    return out


def phrase_table_sources():
    """Words the curated phrase table rewrites or protects whole: those forms stay its business."""
    text = open(os.path.join(ROOT, "Sources/GazetteCore/Normalize/RegionalPhraseData.swift"), encoding="utf-8").read()
    out = set()
    for line in text.split("\n"):
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("["): continue
        for token in line.split(" "):
            out.add(token.split(">")[0])
    return out


def aligned_forms(orig, conv, cands):
    """(form, offset in conv, candidate) for every form in `conv`, the round trip of `orig`,
    whose original (by character alignment) is one of its candidates."""
    out = []
    blocks = difflib.SequenceMatcher(None, orig, conv, autojunk=False).get_opcodes()
    def original(lo, hi):
        """The original text of conv[lo:hi], when the span's ends fall on block boundaries or inside equal blocks."""
        a = b = None
        for op, i1, i2, j1, j2 in blocks:
            if a is None and j1 <= lo <= j2:
                a = i1 + (lo - j1) if op == "equal" else (i1 if lo == j1 else None)
                if a is None: return None
            if j1 <= hi <= j2 and (b is None):
                if op == "equal": b = i1 + (hi - j1)
                elif hi == j2: b = i2
                elif hi == j1: b = i1
                else: return None
                if a is not None: return orig[a:b]
        return None
    i = 0
    while i < len(conv):
        hit = None
        for j in range(min(len(conv), i + 8), i + 1, -1):
            if conv[i:j] in cands: hit = conv[i:j]; break
        if hit:
            c = original(i, i + len(hit))
            if c in cands[hit] or c == hit: out.append((hit, i, c))   # the form itself: it is mainland usage
            i += len(hit)
        else:
            i += 1
    return out


def main():
    check_inputs()
    work = tempfile.mkdtemp()
    freq = {}
    dict_text, idf_text = jieba_dict(work)
    idf = {}
    for line in idf_text.splitlines():
        parts = line.split(" ")
        if len(parts) == 2: idf[parts[0]] = float(parts[1])
    for line in dict_text.splitlines():
        parts = line.split(" ")
        if len(parts) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", parts[0]): freq[parts[0]] = int(parts[1])
    words = sorted(freq)
    back = lambda ws: convert(ws, "142", "t2s", work)
    simplified = [w for w, b in zip(words, back(words)) if w == b and freq[w] >= MIN_FREQ]
    # Round trips: converter → t2s (1.4.2). s2tw's round trip marks character-level differences.
    trips = {}
    for conv in ["142", "116"]:
        for config in CONFIGS:
            trips[(conv, config)] = dict(zip(simplified, back(convert(simplified, conv, config, work))))
    pairs = collections.Counter()   # (mainland word, taiwan form) → number of converters agreeing
    for (conv, config), rt in trips.items():
        plain = trips[(conv, "s2tw")]
        n = 0
        for w, b in rt.items():
            if b != w and plain[w] == w and len(b) >= 2:
                pairs[(w, b)] += 1; n += 1
        print(f"  {conv} {config}: {n} words change vocabulary", file=sys.stderr)
    curated = phrase_table_sources()

    # Forms, shortest first: a pair already explained by a shorter form inside it is a context.
    cands = collections.defaultdict(dict)
    def forms_in(b):
        """(offset, form) of every form inside b."""
        return [(i, b[i:j]) for i in range(len(b)) for j in range(i + 2, len(b) + 1) if b[i:j] in cands]
    def explained(w, b):
        """w is b with one or more shorter forms replaced by candidates (数据文件 → 资料档案 is
        资料 and 档案, each decided by its own context, not a form that always rewrites both)."""
        @functools.lru_cache(maxsize=None)
        def go(i, k):
            if i == len(b): return k == len(w)
            if k < len(w) and b[i] == w[k] and go(i + 1, k + 1): return True
            for j in range(i + 2, len(b)):
                if b[i:j] in cands and any(w.startswith(c, k) and go(j, k + len(c)) for c in cands[b[i:j]]): return True
            if i > 0 and b[i:] in cands and any(w.startswith(c, k) and go(len(b), k + len(c)) for c in cands[b[i:]]): return True
            return False
        return w != b and go(0, 0)
    for w, b in sorted(pairs, key=lambda p: (len(p[1]), p)):
        if b in curated or explained(w, b): continue
        if len(b) == len(w) and sum(x != y for x, y in zip(w, b)) == 1 and len(b) > 2:
            continue   # one character differs inside a longer word: a character variant, not idiom
        cands[b][w] = freq[w]
    # The form itself is a candidate when it is a mainland word (a converter may leave it). How
    # often s2twp leaves it alone (each converter, the word by itself) scales its part of the
    # prior: s2twp turns 程序 into 程式, so a 程序 in its output was 进程 (SURVIVAL_FLOOR at least:
    # longer phrases may keep it, and their contexts say so).
    simple = set(simplified)
    survival = {}
    for b in cands:
        if b in simple:
            cands[b][b] = freq[b]
            kept = sum(trips[(conv, "s2twp")][b] == b for conv in ["142", "116"]) / 2
            survival[b] = max(kept, SURVIVAL_FLOOR)

    # Contexts: dictionary words containing a form once converted, with the candidate they imply.
    contexts = set()
    for (conv, config), rt in trips.items():
        if config != "s2twp": continue
        for w, b in rt.items():
            if trips[(conv, "s2tw")][w] != w: continue
            for i, t in forms_in(b):
                if len(b) <= len(t): continue
                for c in cands[t]:
                    if w == b[:i] + c + b[i + len(t):]: contexts.add((b, i, t, c, freq[w]))

    # Word boundaries: a frequent word sharing the form's first or last character (区内建设: 建设
    # after 内建) says the form is not there; such contexts imply the form itself, unchanged.
    starting, ending = collections.defaultdict(list), collections.defaultdict(list)
    for w in simplified:
        if len(w) >= 2: starting[w[0]].append(w); ending[w[-1]].append(w)
    boundaries = 0
    for t, cs in cands.items():
        top = max(cs.values())
        for x in starting[t[-1]]:
            if freq[x] > max(2 * top, BOUNDARY_FREQ) and x != t: contexts.add((t + x[1:], 0, t, t, freq[x])); boundaries += 1
        for x in ending[t[0]]:
            if freq[x] > max(2 * top, BOUNDARY_FREQ) and x != t: contexts.add((x[:-1] + t, len(x) - 1, t, t, freq[x])); boundaries += 1
    print(f"  boundaries: {boundaries} contexts", file=sys.stderr)

    # Training sentences: every form in their round trip, aligned with the original sentence.
    training = []
    for path in sorted(glob.glob(os.path.join(ROOT, "data/idiom-training/*.txt"))):
        training += [l.strip() for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")]
    counted = 0
    gov = collections.defaultdict(collections.Counter)   # form → candidate → meetings in the training sentences
    for conv in ["142", "116"]:
        for orig, b in zip(training, back(convert(training, conv, "s2twp", work))):
            for t, i, c in aligned_forms(orig, b, cands):
                counted += 1
                gov[t][c] += 0.5   # two converters: one meeting
                for left in range(0, 3):
                    for right in range(0, 3):
                        lo, hi = i - left, i + len(t) + right
                        if (left or right) and lo >= 0 and hi <= len(b) and re.fullmatch(r"[\u4e00-\u9fff]+", b[lo:hi]):
                            contexts.add((b[lo:hi], left, t, c, -1))
    # Training windows met more than once are summed (a set holds one; -1 marks them for counting).
    window_counts = collections.Counter()
    for conv in ["142", "116"]:
        for orig, b in zip(training, back(convert(training, conv, "s2twp", work))):
            for t, i, c in aligned_forms(orig, b, cands):
                for left in range(0, 3):
                    for right in range(0, 3):
                        lo, hi = i - left, i + len(t) + right
                        if (left or right) and lo >= 0 and hi <= len(b):
                            window_counts[(b[lo:hi], left, t, c)] += TRAINING_WEIGHT // 2
    contexts = {(b, i, t, c, f if f >= 0 else window_counts[(b, i, t, c)]) for b, i, t, c, f in contexts}
    print(f"  training: {len(training)} sentences, {counted} forms met", file=sys.stderr)
    for t in cands:
        if len(cands[t]) > 1 or t in gov:
            for c in gov[t]: cands[t].setdefault(c, 0)
            cands[t] = blend(t, cands[t], idf, gov[t], survival)

    lines = [
        "# Taiwan-idiom forms with their mainland candidates, and the contexts that choose between them:",
        "# made by scripts/build_idiom_choices.py (jieba 0.42.1 dict.txt through OpenCC 1.4.2 and 1.1.6", 
        "# s2twp/s2tw/s2hk and back with t2s): do not edit.",
        "# F<TAB>taiwan form<TAB>candidate:frequency,...",
        "# C<TAB>converted word<TAB>offset of the form (characters)<TAB>form<TAB>candidate it implies<TAB>frequency",
    ]
    for t in sorted(cands):
        lines.append("F\t" + t + "\t" + ",".join(f"{c}:{f}" for c, f in sorted(cands[t].items(), key=lambda kv: (-kv[1], kv[0]))))
    for b, i, t, c, f in sorted(contexts):
        lines.append(f"C\t{b}\t{i}\t{t}\t{c}\t{f}")
    body = "\n".join(lines) + "\n"
    if TSV_ONLY:
        open(TSV_ONLY, "w", encoding="utf-8").write(body)
        print(f"wrote {TSV_ONLY} only", file=sys.stderr)
        return
    open(OUT_TSV, "w", encoding="utf-8").write(body)
    ambiguous = sum(1 for cs in cands.values() if len(cs) > 1)
    swift = ("// Generated by scripts/build_idiom_choices.py from data/idiom_choices.tsv: do not edit.\n\n"
             "/// The statistics `IdiomChooser` reads (see data/idiom_choices.tsv's header).\n"
             f"/// {len(cands)} forms ({ambiguous} with more than one candidate), {len(contexts)} contexts.\n"
             "enum IdiomChoiceData {\n"
             f'    static let source = #"""\n{body}"""#\n'
             "}\n")
    open(OUT_SWIFT, "w", encoding="utf-8").write(swift)
    print(f"wrote {OUT_TSV} and {OUT_SWIFT}: {len(cands)} forms ({ambiguous} ambiguous), {len(contexts)} contexts", file=sys.stderr)


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser(description="Build data/idiom_choices.tsv and IdiomChoiceData.swift (see the header).")
    ap.add_argument("--cache", help="keep converter outputs here between runs")
    ap.add_argument("--tsv-only", help="write the table to this file only (for scripts/roundtrip_eval.py --choices)")
    args = ap.parse_args()
    CACHE, TSV_ONLY = args.cache, args.tsv_only
    if CACHE: os.makedirs(CACHE, exist_ok=True)
    main()
