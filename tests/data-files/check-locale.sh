#!/bin/sh
# gantry-cli speaks German in a German session.  TAP output.
#
#   check-locale.sh GANTRY-CLI PO-BUILDDIR
#
# Runs `gantry-cli --help` with LANGUAGE=de, reading the German catalogue
# from the build tree (GANTRY_LOCALEDIR=PO-BUILDDIR, which holds
# de/LC_MESSAGES/gantry.mo), and checks that the usage text is German.
# Copyright 2026 The Gantry authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

cli=$1
localedir=$2
mo="$localedir/de/LC_MESSAGES/gantry.mo"

if [ ! -f "$mo" ]; then
  echo "1..0 # SKIP no German catalogue built ($mo)"
  exit 0
fi
if ! grep -q GANTRY_LOCALEDIR "$cli"; then
  echo "1..0 # SKIP gantry-cli does not read GANTRY_LOCALEDIR, so it cannot find an uninstalled catalogue"
  exit 0
fi

# C.UTF-8 is always there; LANGUAGE picks the catalogue.  (A plain "C"
# locale would make gettext ignore LANGUAGE.)
out=$(env LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE=de GANTRY_LOCALEDIR="$localedir" \
      "$cli" --help 2>&1)
status=$?
printf '%s\n' "$out" | sed 's/^/# /'

n=0
failed=0
check() {   # check DESCRIPTION COMMAND...
  desc=$1
  shift
  n=$((n + 1))
  if "$@"; then
    echo "ok $n - $desc"
  else
    echo "not ok $n - $desc"
    failed=1
  fi
}
has() { printf '%s\n' "$out" | grep -qF -- "$1"; }
lacks() { ! has "$1"; }

check "gantry-cli --help exits with 0" [ "$status" -eq 0 ]
check "the usage line is German" has "Aufruf: gantry-cli BEFEHL"
check "the command list heading is German" has "Befehle:"
check "the summary of convert is German" has "Zwischen .gantry und MS-Project-XML umwandeln"
check "no English heading is left" lacks "Commands:"
echo "1..$n"
exit $failed
