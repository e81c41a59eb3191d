#!/bin/sh
# Checks every translation in po/ with msgfmt --check, in TAP.
#
#   check-po.sh MSGFMT PO-DIR
#
# For each language in LINGUAS: the .po exists, `msgfmt --check` (format
# strings, header, domain) passes, the header declares Plural-Forms, and
# the file has no fuzzy or untranslated messages.  Every .po file in the
# folder must also be listed in LINGUAS, or it would never be built.
# Copyright 2026 The Gantry authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

msgfmt=$1
podir=$2

if [ -z "$msgfmt" ] || [ ! -x "$msgfmt" ]; then
  echo "1..0 # SKIP msgfmt not found (install gettext)"
  exit 0
fi

langs=$(sed -e 's/#.*//' "$podir/LINGUAS" | tr -s ' \t' '\n\n' | sed '/^$/d')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
result() {   # result OK|FAIL description
  n=$((n + 1))
  if [ "$1" = OK ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2"
    failed=1
  fi
}

for lang in $langs; do
  po="$podir/$lang.po"
  if [ ! -f "$po" ]; then
    result FAIL "$lang.po exists (listed in LINGUAS)"
    continue
  fi
  if out=$(LC_ALL=C "$msgfmt" --check --statistics -o "$tmp/$lang.mo" "$po" 2>&1); then
    result OK "msgfmt --check $lang.po"
  else
    result FAIL "msgfmt --check $lang.po"
  fi
  printf '%s\n' "$out" | sed 's/^/# /'

  if grep -q '^"Plural-Forms: nplurals=[0-9]*; *plural=.*;\\n"' "$po"; then
    result OK "$lang.po declares Plural-Forms"
  else
    result FAIL "$lang.po declares Plural-Forms"
  fi

  # msgfmt --statistics: "N translated messages, M fuzzy translations, K untranslated messages."
  case "$out" in
    *fuzzy*|*untranslated*)
      result FAIL "$lang.po is complete (no fuzzy or untranslated messages)" ;;
    *" translated message"*)
      result OK "$lang.po is complete (no fuzzy or untranslated messages)" ;;
    *)
      result FAIL "$lang.po has translated messages" ;;
  esac
done

for po in "$podir"/*.po; do
  [ -e "$po" ] || continue
  lang=$(basename "$po" .po)
  if printf '%s\n' $langs | grep -qx "$lang"; then
    result OK "$lang.po is listed in LINGUAS"
  else
    result FAIL "$lang.po is listed in LINGUAS"
  fi
done

if [ $n -eq 0 ]; then
  echo "1..0 # SKIP no translations in LINGUAS"
  exit 0
fi
echo "1..$n"
exit $failed
