#!/usr/bin/env bash
# Site benchmark of `make bench`: gazette build against Hugo on the same generated corpus,
# output on tmpfs (/dev/shm) so that CPU work is compared, runs taken in turns, medians.
# Usage: Scripts/bench-site.sh PATH/TO/gazette [N articles, default 1000] [runs, default 5]
set -euo pipefail
gazette=$(realpath "$1"); count=${2:-1000}; runs=${3:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
command -v hugo >/dev/null || { apt-get update -q && apt-get install -y -q hugo; }
work=$(mktemp -d /dev/shm/gazette-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 "$shared/bench/gen_corpus.py" "$work/corpus" "$count" --seed 1 --quiet
cp -r "$shared/bench/hugo-site" "$work/hugo"
mkdir -p "$work/hugo/content" && cp -r "$work/corpus/articles" "$work/hugo/content/"
mkdir -p "$work/content" && cp -r "$work/corpus/articles" "$work/content/"
printf 'title: Rapport numérique santé\nbase_url: https://rapport.example.fr/\nitems_per_page: 20\n' > "$work/content/site.yml"

now() { date +%s.%N; }
hugo_times=(); gazette_times=(); rebuild_times=()
for run in $(seq "$runs"); do
  rm -rf "$work/hugo/public" "$work/out"
  start=$(now); (cd "$work/hugo" && hugo --quiet >/dev/null); hugo_times+=("$(echo "$(now) - $start" | bc)")
  start=$(now); "$gazette" build --no-search --content "$work/content" --templates "$root/Templates" --output "$work/out" >/dev/null
  gazette_times+=("$(echo "$(now) - $start" | bc)")
  # The same build again over its own output: unchanged files are compared and hard-linked.
  start=$(now); "$gazette" build --no-search --content "$work/content" --templates "$root/Templates" --output "$work/out" >/dev/null
  rebuild_times+=("$(echo "$(now) - $start" | bc)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
hugo_median=$(median "${hugo_times[@]}"); gazette_median=$(median "${gazette_times[@]}"); rebuild_median=$(median "${rebuild_times[@]}")
pages_hugo=$(find "$work/hugo/public" -name '*.html' | wc -l); pages_gazette=$(find "$work/out" -name '*.html' | wc -l)
printf 'Site: %s articles, %s runs each in turns, output on tmpfs\n' "$count" "$runs"
printf '%-10s %10s %8s\n' tool "median s" pages
printf '%-10s %10.3f %8s\n' hugo "$hugo_median" "$pages_hugo" gazette "$gazette_median" "$pages_gazette"
printf '%-10s %10.3f %8s   (gazette again over its own output)\n' rebuild "$rebuild_median" "$pages_gazette"
printf 'gazette / hugo time ratio: %.2f (below 1 means faster than Hugo)\n' "$(echo "$gazette_median / $hugo_median" | bc -l)"
