#!/bin/sh
# Reproduces docs/benchmarks.md: generates the data sets, times loading (on one core and on all), edits and
# saves, runs `chronoscope bench` several times on each file (offscreen, and in a real window under Xvfb),
# then the Google Benchmark layout stages. Each `bench --json` line is one run; the doc gives medians.
# Usage: bench/run.sh [BUILD_DIR] [RUNS]   (after the README's build; needs xvfb-run for the window figures)
set -eu
build=${1:-build}
runs=${2:-5}
data=${TMPDIR:-/tmp}/chronoscope-bench
mkdir -p "$data"
cs="$build/app/chronoscope"
"$cs" generate --events 10000 --seed 7 -o "$data/g10k.yaml"
"$cs" generate --events 100000 --seed 7 -o "$data/g100k.yaml"
"$cs" generate --events 100000 --seed 7 --prose -o "$data/p100k.yaml"
"$cs" generate --events 1000000 --seed 7 -o "$data/g1m.yaml"
"$cs" generate --events 1000000 --seed 7 -o "$data/g1m.csv"
echo "== loading: one core (taskset -c 0), then every core"
for f in g100k.yaml p100k.yaml g1m.yaml; do
  for i in $(seq "$runs"); do
    echo "$f 1 $(taskset -c 0 "$cs" bench "$data/$f" --frames 2 --json)"
    echo "$f all $("$cs" bench "$data/$f" --frames 2 --json)"
  done
done
echo "== edits and saves at 100,000 events"
for i in $(seq "$runs"); do
  echo "g100k.yaml edits $("$cs" bench "$data/g100k.yaml" --frames 2 --edits 50 --json)"
done
echo "== interop: 100k events to every format and back"
for pair in timelinejs:tl.json timelinejs-sheet:tl-sheet.csv vis:vis.json csv:plain.csv markdown:chron.md; do
  to=${pair%%:*}; out="$data/${pair#*:}"
  for i in $(seq "$runs"); do
    /usr/bin/time -f "write $to %e s" "$cs" convert "$data/g100k.yaml" "$out" --to "$to" 2>&1 | grep '^write'
    [ "$to" = markdown ] || /usr/bin/time -f "read $to %e s" "$cs" convert "$out" "$data/back.yaml" --from "$to" --to yaml 2>&1 | grep '^read'
  done
done
echo "== frames"
for f in g10k.yaml g100k.yaml g1m.csv; do
  for i in $(seq "$runs"); do
    echo "== $f run $i"
    xvfb-run -a -s "-screen 0 1920x1080x24" "$cs" bench "$data/$f" --frames 120 --window
  done
done
"$build/bench/layout_bench" --benchmark_repetitions="$runs" --benchmark_report_aggregates_only=true \
  --benchmark_filter='_median$|.' 2>&1 | grep -E "median|Run on|CPU"
