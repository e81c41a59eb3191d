#!/bin/sh
# Runs a validator over files and reports in TAP, one line per file.
#
#   check-tool.sh NAME TOOL [TOOL-ARGS...] -- FILE...
#
# TOOL is the validator's full path; when it is empty (meson did not find
# it), the whole test is skipped, saying which package provides it.
# Copyright 2026 The Gantry authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

name=$1
tool=$2
shift 2

args=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  args="$args $1"
  shift
done
[ $# -gt 0 ] && shift   # the --

if [ -z "$tool" ] || [ ! -x "$tool" ]; then
  echo "1..0 # SKIP $name not found (install: $name's package, see build-aux/dev.sh)"
  exit 0
fi

if [ $# -eq 0 ]; then
  echo "1..1"
  echo "not ok 1 - $name: no files to check"
  exit 1
fi

echo "1..$#"
n=0
failed=0
for f in "$@"; do
  n=$((n + 1))
  if [ ! -e "$f" ]; then
    echo "not ok $n - $name $f: file is missing"
    failed=1
    continue
  fi
  # shellcheck disable=SC2086  # args are split on purpose
  out=$("$tool" $args "$f" 2>&1)
  status=$?
  if [ $status -eq 0 ]; then
    echo "ok $n - $name $(basename "$f")"
  else
    echo "not ok $n - $name $(basename "$f") exited with $status"
    failed=1
  fi
  # Show what the tool said (warnings too) as TAP diagnostics.
  if [ -n "$out" ]; then
    printf '%s\n' "$out" | sed 's/^/# /'
  fi
done
exit $failed
