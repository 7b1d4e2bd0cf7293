#!/usr/bin/env bash
# cuecard search against fzf --filter on the same texts, whole process, same query.
#
#   scripts/compare-fzf.sh [QUESTIONS] [QUERY]     (defaults: 100000, "escalation customers")
#
# Generates a pack (into a temporary directory, removed afterwards), installs fzf if it is
# missing (Debian's package), runs each command RUNS times and prints the median wall times and
# their ratio (cuecard / fzf: below 1 means cuecard is faster).
set -euo pipefail
cd "$(dirname "$0")/.."

questions=${1:-100000}
query=${2:-escalation customers}
runs=${RUNS:-7}

if ! command -v fzf >/dev/null; then
  apt-get update -qq && apt-get install -y -qq fzf >/dev/null
fi
cargo build --release --quiet --bin cuecard --example generate-pack
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
target/release/examples/generate-pack "$dir" "$questions"

median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

cuecard_ms=$(median_ms target/release/cuecard search --content "$dir" --limit 50 "$query")
fzf_ms=$(median_ms bash -c "fzf --filter '$query' < '$dir/lines.txt' | head -n 50")
lines=$(wc -l < "$dir/lines.txt")
echo "pack: $questions questions, $lines texts; query: \"$query\"; median of $runs runs"
echo "cuecard search: ${cuecard_ms} ms"
echo "fzf --filter:   ${fzf_ms} ms"
awk -v a="$cuecard_ms" -v b="$fzf_ms" 'BEGIN { printf "ratio cuecard/fzf: %.2f\n", a / b }'
