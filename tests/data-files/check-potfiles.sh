#!/bin/sh
# po/POTFILES.in must list every source file with translatable strings,
# and every line in it must name an existing file.  TAP output.
#
#   check-potfiles.sh SOURCE-ROOT
#
# A file has translatable strings when it calls _(), N_(), C_(), NC_(),
# Q_() or one of the g_d*gettext functions (C files), or marks a property
# translatable="yes" (GtkBuilder .ui files).
# Copyright 2026 The Gantry authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

root=$1
potfiles="$root/po/POTFILES.in"
cd "$root" || exit 1

listed=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles")

c_pattern='(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|g_dgettext|g_dngettext|g_dpgettext|g_dpgettext2|g_dcgettext|ngettext)[[:space:]]*\('
users=$( { grep -rlE "$c_pattern" src --include='*.c' --include='*.h' 2>/dev/null
           grep -rl 'translatable="yes"' src --include='*.ui' 2>/dev/null; } | LC_ALL=C sort -u)

n=0
failed=0
for f in $users; do
  n=$((n + 1))
  if printf '%s\n' "$listed" | grep -qxF "$f"; then
    echo "ok $n - $f is in po/POTFILES.in"
  else
    echo "not ok $n - $f uses translatable strings but is not in po/POTFILES.in"
    grep -nE "$c_pattern" "$f" | head -n 3 | sed 's/^/#   /'
    failed=1
  fi
done

for f in $listed; do
  n=$((n + 1))
  if [ -f "$f" ]; then
    echo "ok $n - POTFILES.in entry $f exists"
  else
    echo "not ok $n - POTFILES.in names $f, which does not exist (xgettext would fail)"
    failed=1
  fi
done

dups=$(printf '%s\n' "$listed" | LC_ALL=C sort | uniq -d)
n=$((n + 1))
if [ -z "$dups" ]; then
  echo "ok $n - POTFILES.in has no duplicate lines"
else
  echo "not ok $n - POTFILES.in lists some files twice:"
  printf '%s\n' "$dups" | sed 's/^/#   /'
  failed=1
fi

echo "1..$n"
exit $failed
