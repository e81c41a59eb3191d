#!/bin/sh
# Gantry's set-up script for a fresh Debian 12 (or Ubuntu 24.04) machine.
#
#   build-aux/dev.sh run    install what is missing, build, start Gantry on the example plan
#   build-aux/dev.sh test   install what is missing, build, run the whole test suite
#                           (under Xvfb when there is no display)
#   build-aux/dev.sh asan   the same suite built with AddressSanitizer and
#                           UndefinedBehaviorSanitizer, in _build-asan/
#
# Packages come from apt-get, through sudo when not root.  The build goes to _build/.
set -eu

mode=${1:-run}
case "$mode" in
  run|test|asan) ;;
  *) echo "usage: $0 run|test|asan" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

packages="meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libgtk-4-dev libxml2-dev libsqlite3-dev libcairo2-dev libpango1.0-dev
  xvfb xauth libxml2-utils sqlite3 poppler-utils xsltproc planner
  desktop-file-utils appstream adwaita-icon-theme fonts-dejavu-core fonts-cantarell
  shared-mime-info locales libglib2.0-bin python3"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
fi

build=_build
setup_opts=""
if [ "$mode" = asan ]; then
  build=_build-asan
  setup_opts="-Db_sanitize=address,undefined -Db_lundef=false"
  # Leaks that are not Gantry's: fontconfig's process-wide caches; Mesa's
  # GL driver under Xvfb (avoided with GL off).
  export LSAN_OPTIONS="suppressions=$root/tests/report/lsan.supp"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  export ASAN_OPTIONS="detect_leaks=1"
  export GDK_DEBUG=gl-disable
fi
if [ -f $build/build.ninja ]; then
  meson setup --reconfigure $build $setup_opts
else
  meson setup $build $setup_opts
fi
meson compile -C $build

if [ "$mode" = run ]; then
  example="$root/data/examples/crm-rollout.xml"
  [ -f "$example" ] || example="$root/data/examples/crm-rollout.gantry"
  exec "$root/_build/src/gantry" "$example"
fi

# test / asan
status=0
test_opts="--print-errorlogs"
[ "$mode" = asan ] && test_opts="$test_opts --timeout-multiplier 4"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1600x1000x24" meson test -C $build $test_opts || status=$?
else
  meson test -C $build $test_opts || status=$?
fi
# One plain closing line for humans and CI: "N passed, N failed, N skipped".
python3 - "$root/$build/meson-logs/testlog.json" <<'PY' || true
import json, sys
ok = bad = skip = 0
for line in open(sys.argv[1]):
    r = json.loads(line)["result"]
    if r in ("OK", "EXPECTEDFAIL"): ok += 1
    elif r == "SKIP": skip += 1
    else: bad += 1
print(f"{ok} passed, {bad} failed, {skip} skipped")
PY
exit $status
