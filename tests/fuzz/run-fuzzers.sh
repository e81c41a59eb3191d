#!/bin/sh
# Runs each libFuzzer harness in turn and prints how many inputs it tried.
#
#   tests/fuzz/run-fuzzers.sh BUILD-DIR [SECONDS-EACH] [FUZZER...]
#
# BUILD-DIR was set up with CC=clang and -Dfuzzing=true.  Each fuzzer keeps
# what it learns in BUILD-DIR/tests/fuzz/corpus-NAME and reads the seeds in
# tests/fuzz/seeds/ (and, for MSPDI, the real MS Project files in
# ../shared/corpus/mspdi when that folder exists, read-only).  .gantry
# seeds are made from the MSPDI seeds with gantry-cli convert.  Crashes
# are written to BUILD-DIR/tests/fuzz/crash-*.
# Copyright 2026 The Gantry authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=$(cd "$1" && pwd)
seconds=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$build/tests/fuzz"
fuzzers=${*:-fuzz-mspdi fuzz-store fuzz-time fuzz-text}

# Seeds for the .gantry opener: the MSPDI seeds saved as .gantry files.
mkdir -p "$out/seeds-store"
for xml in "$here"/seeds/mspdi/*.xml; do
  name=$(basename "$xml" .xml)
  [ -f "$out/seeds-store/$name.gantry" ] ||
    "$build/src/cli/gantry-cli" convert "$xml" "$out/seeds-store/$name.gantry" \
      >/dev/null 2>&1 || true
done

status=0
for f in $fuzzers; do
  kind=${f#fuzz-}
  corpus="$out/corpus-$f"
  mkdir -p "$corpus"
  dirs="$corpus $here/seeds/$kind"
  opts="-max_total_time=$seconds -timeout=20 -rss_limit_mb=2048 -print_final_stats=1"
  case $kind in
    mspdi)
      opts="$opts -dict=$here/mspdi.dict -max_len=65536"
      [ -d "$root/../shared/corpus/mspdi" ] && dirs="$dirs $root/../shared/corpus/mspdi"
      ;;
    store)
      dirs="$corpus $here/seeds/store $out/seeds-store"
      opts="$opts -max_len=131072"
      ;;
    *)
      opts="$opts -max_len=512"
      ;;
  esac
  log="$out/$f.log"
  echo "== $f for ${seconds}s (log: $log)"
  # shellcheck disable=SC2086
  if (cd "$out" && "$out/$f" $opts $dirs >"$log" 2>&1); then
    result=ok
  else
    result="FAILED (see $log and $out/crash-*)"
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
  echo "$f: $result, ${runs:-?} executions (${speed:-?}/s), $cov"
done
exit $status
