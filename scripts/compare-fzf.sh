#!/usr/bin/env bash
# cuecard search against fzf --filter on the same texts, whole process, for a set of queries on
# two shapes of generated pack.
#
#   scripts/compare-fzf.sh [QUESTIONS]          (default: 100000 questions per pack)
#   RUNS=9 scripts/compare-fzf.sh               (paired runs per query; default 9)
#
# Shapes: `one` (one framework, 100-question competencies, texts of similar length) and `varied`
# (10 frameworks × 100 competencies, short and long texts, 0–4 key points and 0–2 follow-ups).
# Each pack is generated into a temporary directory (removed afterwards) with `lines.txt`, every
# text of the pack one per line, for fzf. cuecard runs with a cache directory of its own in that
# directory: the first run builds the cache (its time is shown apart), the timed runs read it.
# Each run of cuecard is paired with a run of fzf on the same query, one after the other; the
# table shows the median wall times, their ratio (cuecard / fzf: below 1 means cuecard is faster)
# and the median peak resident memory (`/usr/bin/time`'s maximum RSS) of each. fzf has no tags,
# so for `#behavioral metrics` it gets `behavioral metrics`.
#
# Installs fzf and GNU time when missing (Debian's packages).
set -euo pipefail
cd "$(dirname "$0")/.."

questions=${1:-100000}
runs=${RUNS:-9}
queries=("sla" "deescalate" "customer satisfaction" "rspnstm" "esclation" "#behavioral metrics")

if ! command -v fzf >/dev/null || [ ! -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq fzf time >/dev/null
fi
cargo build --release --quiet --bin cuecard --example generate-pack
target=${CARGO_TARGET_DIR:-target}
cuecard=$target/release/cuecard
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs "$@" once; prints "<wall ms> <max RSS KiB>".
measure() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(tail -n 1 "$work/rss")"
}

median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); $(date -u +%Y-%m-%d)"
echo "fzf $(fzf --version | cut -d' ' -f1); median of $runs paired runs; times in ms, memory in MiB"
for shape in one varied; do
  pack=$work/$shape
  "$target/release/examples/generate-pack" "$pack" "$questions" "$shape"
  export CUECARD_CACHE_DIR=$work/cache-$shape CUECARD_DATA_DIR=$work/data
  # Files modified in the last two seconds are not cached yet (see the README's cache section).
  sleep 2
  read -r build_ms build_rss < <(measure "$cuecard" search --content "$pack" sla)
  texts=$(wc -l < "$pack/lines.txt")
  echo
  echo "pack \"$shape\": $questions questions, $texts texts, $(du -sh --exclude=lines.txt "$pack" | cut -f1) of TOML; first run (cache built): ${build_ms} ms, $(( build_rss / 1024 )) MiB"
  printf '%-24s %9s %9s %7s %12s %10s\n' query cuecard fzf ratio "cuecard MiB" "fzf MiB"
  for query in "${queries[@]}"; do
    fzf_query=${query//#/}
    : > "$work/c" ; : > "$work/f"
    for _ in $(seq "$runs"); do
      measure "$cuecard" search --content "$pack" --limit 50 "$query" >> "$work/c"
      measure fzf --filter "$fzf_query" < "$pack/lines.txt" >> "$work/f"
    done
    c_ms=$(cut -d' ' -f1 "$work/c" | median); c_kb=$(cut -d' ' -f2 "$work/c" | median)
    f_ms=$(cut -d' ' -f1 "$work/f" | median); f_kb=$(cut -d' ' -f2 "$work/f" | median)
    awk -v q="$query" -v c="$c_ms" -v f="$f_ms" -v ck="$c_kb" -v fk="$f_kb" \
      'BEGIN { printf "%-24s %9d %9d %7.2f %12.1f %10.1f\n", q, c, f, c / f, ck / 1024, fk / 1024 }'
  done
done
