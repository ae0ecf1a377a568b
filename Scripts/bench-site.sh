#!/usr/bin/env bash
# Site benchmark of `make bench`: gazette build against Hugo on the same generated corpus
# (bench/gen_corpus.py, bench/hugo-site), output on disk under /tmp (where users build), cold
# builds taken in turns, medians of wall time and peak memory. Then gazette again over its own
# output with nothing changed. Stands on the repository alone.
# Usage: Scripts/bench-site.sh PATH/TO/gazette [N articles, default 1000] [runs, default 5]
set -euo pipefail
gazette=$(realpath "$1"); count=${2:-1000}; runs=${3:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)
missing=""
command -v hugo >/dev/null || missing="$missing hugo"
[ -x /usr/bin/time ] || missing="$missing time"
command -v bc >/dev/null || missing="$missing bc"
[ -z "$missing" ] || { $sudo apt-get update -q && $sudo apt-get install -y -q $missing; }
work=$(mktemp -d /tmp/gazette-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 "$root/bench/gen_corpus.py" "$work/content" "$count" --seed 1
cp -r "$root/bench/hugo-site" "$work/hugo"
mkdir -p "$work/hugo/content" && cp -r "$work/content/articles" "$work/hugo/content/"

# measure NAME COMMAND...: appends wall seconds and peak RSS (MiB) to NAME_times / NAME_rss.
measure() {
  local name=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr"; exit 1; }
  read -r seconds kilobytes < "$work/time"
  eval "${name}_times+=($seconds); ${name}_rss+=($((kilobytes / 1024)))"
}
hugo_times=(); hugo_rss=(); gazette_times=(); gazette_rss=(); rebuild_times=(); rebuild_rss=()
build_gazette=("$gazette" build --quiet --no-search --content "$work/content" --templates "$root/Templates" --output "$work/out")
for run in $(seq "$runs"); do
  rm -rf "$work/hugo/public" "$work/out"; sync
  measure hugo hugo --quiet --source "$work/hugo"
  sync
  measure gazette "${build_gazette[@]}"
  measure rebuild "${build_gazette[@]}"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
pages_hugo=$(find "$work/hugo/public" -name '*.html' | wc -l); pages_gazette=$(find "$work/out" -name '*.html' | wc -l)
printf 'Site: %s articles (bench/gen_corpus.py), %s cold builds each in turns, output on disk (/tmp)\n' "$count" "$runs"
printf '%-26s %9s %9s %7s\n' tool "median s" "RSS MiB" pages
printf '%-26s %9.2f %9s %7s\n' "hugo $(hugo version | grep -o 'v[0-9.]*' | head -1)" "$(median "${hugo_times[@]}")" "$(median "${hugo_rss[@]}")" "$pages_hugo"
printf '%-26s %9.2f %9s %7s\n' "gazette" "$(median "${gazette_times[@]}")" "$(median "${gazette_rss[@]}")" "$pages_gazette"
printf '%-26s %9.2f %9s %7s\n' "gazette, nothing changed" "$(median "${rebuild_times[@]}")" "$(median "${rebuild_rss[@]}")" "$pages_gazette"
printf 'gazette / hugo time ratio: %.2f (below 1: faster than Hugo)\n' "$(echo "$(median "${gazette_times[@]}") / $(median "${hugo_times[@]}")" | bc -l)"
