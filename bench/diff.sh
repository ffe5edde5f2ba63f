#!/usr/bin/env bash
# Times `gazette diff` (release binary) on two ~30 KB documents over repeated runs.
# Usage: bench/diff.sh [A.txt B.txt] [runs]   (defaults: the two largest samples in ../shared/corpus, 20 runs)
# Reports the median and mean wall and CPU time of: diff of the two document records (JSON, as
# published in Output/documents), and diff of the two raw inputs (which also runs the stages).
# The target is a median under 0.2 s for the document records.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/gazette
[ -x "$BIN" ] || make build >/dev/null
if [ $# -ge 2 ]; then A=$1; B=$2; RUNS=${3:-20}; else
  mapfile -t big < <(ls -S ../shared/corpus/*.txt | head -2); A=${big[0]}; B=${big[1]}; RUNS=${1:-20}
fi
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
"$BIN" inspect --json "$A" > "$TMP/a.json"
"$BIN" inspect --json "$B" > "$TMP/b.json"
echo "A: $A ($(wc -c < "$A") bytes)  B: $B ($(wc -c < "$B") bytes)  runs: $RUNS"

# Wall time and CPU time (user+sys) per run: on a machine shared with builds the wall time
# includes waiting for a core; the CPU time is what the diff itself costs.
time_runs() { # label, then the command
  local label=$1; shift
  local TIMEFORMAT='%R %U %S' out=""
  "$@" > /dev/null   # warm-up
  for _ in $(seq "$RUNS"); do
    out+=$( { time "$@" > /dev/null; } 2>&1 )$'\n'
  done
  printf '%s' "$out" | awk -v label="$label" '
    NF == 3 { n++; w[n] = $1; c[n] = $2 + $3; sw += $1; sc += $2 + $3 }
    function median(a, n,   i, j, t) { for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
                                       return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    END { printf "%-28s wall median %.3f s (mean %.3f)   cpu median %.3f s (mean %.3f)\n", label, median(w, n), sw / n, median(c, n), sc / n }'
}
time_runs "diff records (json out)" "$BIN" diff "$TMP/a.json" "$TMP/b.json" --format json
time_runs "diff records (text out)" "$BIN" diff "$TMP/a.json" "$TMP/b.json" --no-color
time_runs "diff raw inputs (json out)" "$BIN" diff "$A" "$B" --format json
