#!/usr/bin/env bash
# Kill test: builds a generated corpus and kills the build with SIGKILL at random moments, many
# times; after every kill Output/ must be exactly one of the two complete sites (the previous
# one or the new one), never half-written, never missing. The next build removes leftovers.
# Usage: Scripts/kill-test.sh PATH/TO/gazette [articles, default 1000] [kills, default 30]
set -euo pipefail
gazette=$(realpath "$1"); count=${2:-1000}; kills=${3:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/gazette-kill.XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 "$root/bench/gen_corpus.py" "$work/corpus" "$count" --seed 1
for variant in a b; do
  mkdir -p "$work/$variant"
  cp -r "$work/corpus/articles" "$work/$variant/"
  printf 'title: Site %s\nbase_url: https://%s.example/\n' "$variant" "$variant" > "$work/$variant/site.yml"
done
build() { "$gazette" build --no-search --content "$work/$1" --templates "$root/Templates" --output "$work/Output" >/dev/null; }
digest() { (cd "$work/Output" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1); }

build b; expected_b=$(digest)
start=$(date +%s%N); build a; expected_a=$(digest); elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "kill test: $count articles, a build takes about $elapsed_ms ms, $kills kills"

variant=b
for attempt in $(seq "$kills"); do
  delay_ms=$(( RANDOM % (elapsed_ms * 3 / 2 + 1) ))
  "$gazette" build --no-search --content "$work/$variant" --templates "$root/Templates" --output "$work/Output" >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -d "$work/Output" ] || { echo "FAIL after kill $attempt at ${delay_ms} ms: Output/ is missing"; exit 1; }
  now=$(digest)
  if [ "$now" != "$expected_a" ] && [ "$now" != "$expected_b" ]; then
    echo "FAIL after kill $attempt at ${delay_ms} ms: Output/ is neither the old nor the new site"; exit 1
  fi
  [ "$now" = "$expected_a" ] && variant=b || variant=a
done
leftovers_before=$(find "$work" -maxdepth 1 -name '.Output.gazette-staging-*' | wc -l)
build a
leftovers_after=$(find "$work" -maxdepth 1 -name '.Output.gazette-staging-*' | wc -l)
[ "$leftovers_after" -eq 0 ] || { echo "FAIL: $leftovers_after staging folders left after a full build"; exit 1; }
[ "$(digest)" = "$expected_a" ] || { echo "FAIL: the final build differs from the first one"; exit 1; }
echo "kill test: $kills passed, 0 failed ($leftovers_before staging folders of killed builds removed by the next build)"
