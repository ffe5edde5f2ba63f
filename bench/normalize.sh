#!/usr/bin/env bash
# Throughput of `gazette normalize` against OpenCC 1.4.2's own command-line tool (t2s).
# Builds a concatenated traditional corpus (default ~64 MB) from ../shared/roundtrip and
# ../shared/corpus into bench/corpus-normalize/ (git-ignored), runs both tools on it and
# prints MB/s of wall time and MB/s per CPU second (user+sys: the per-core figure, robust
# on a shared machine) and peak RSS.
# Usage: bench/normalize.sh [target-MB] [runs]   (needs `make build` first)
set -euo pipefail
cd "$(dirname "$0")/.."
target_mb=${1:-64}
runs=${2:-3}
bin=.build/release/gazette
cli=.deps/opencc/opencc-cli
conf=.deps/opencc/share/opencc/t2s.json
dir=bench/corpus-normalize
[ -x "$bin" ] || { echo "build first: make build" >&2; exit 2; }
mkdir -p "$dir"
corpus="$dir/traditional-${target_mb}MB.txt"
if [ ! -s "$corpus" ]; then
  sources=(../shared/roundtrip/*.s2t.txt ../shared/roundtrip/*.s2tw.txt ../shared/roundtrip/*.s2hk.txt
           ../shared/roundtrip/*.s2twp.txt ../shared/corpus/000_*.txt ../shared/corpus/001_*.txt ../shared/corpus/004_*.txt)
  : > "$corpus.tmp"
  while [ "$(stat -c %s "$corpus.tmp")" -lt $((target_mb * 1000000)) ]; do cat "${sources[@]}" >> "$corpus.tmp"; done
  mv "$corpus.tmp" "$corpus"
fi
bytes=$(stat -c %s "$corpus")
echo "corpus: $corpus ($bytes bytes)"

measure() { # name, command...
  local name=$1; shift
  local best_wall=999999 best_cpu=999999 rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$dir/time.txt" "$@" > /dev/null
    read -r wall user sys kb < "$dir/time.txt"
    cpu=$(echo "$user + $sys" | bc -l)
    best_wall=$(echo "if ($wall < $best_wall) $wall else $best_wall" | bc -l)
    best_cpu=$(echo "if ($cpu < $best_cpu) $cpu else $best_cpu" | bc -l)
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  printf "%-22s %8.1f MB/s wall  %8.1f MB/s per CPU-second  peak RSS %6.1f MB\n" "$name" \
    "$(echo "$bytes / 1000000 / $best_wall" | bc -l)" "$(echo "$bytes / 1000000 / $best_cpu" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}
measure "gazette normalize" "$bin" normalize "$corpus"
measure "opencc-cli t2s" "$cli" -c "$conf" -i "$corpus" -o /dev/null
