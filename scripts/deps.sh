#!/usr/bin/env bash
# Install what gazette needs to build and run, idempotently:
#  - Debian packages (apt-get, only those missing),
#  - OpenCC 1.4.2 from the PyPI `opencc` wheel, which ships libopencc.a, libmarisa.a,
#    opencc.h and the dictionaries. Debian's libopencc-dev is 1.1.6 (slower, with known
#    government-text dictionary errors), so we pin 1.4.2 and unpack it into .deps/.
# Usage: scripts/deps.sh [run|test]
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
OPENCC_VERSION=1.4.2

# antiword reads .doc and .wps files, as a child process; poppler-glib reads PDFs in-process.
pkgs=(pkg-config libxml2-dev zlib1g-dev libsqlite3-dev libssl-dev libpoppler-glib-dev poppler-utils python3 python3-pip unzip antiword)
if [ "$mode" = test ]; then
  # opencc: Debian's OpenCC 1.1.6, the second converter of the round trips (scripts/roundtrip_eval.py).
  pkgs+=(chromium sqlite3 valgrind fonts-wqy-microhei opencc)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# python3/pip may come from elsewhere (pyenv): accept any working python3 with pip.
if command -v python3 >/dev/null && python3 -m pip --version >/dev/null 2>&1; then
  filtered=(); for p in "${missing[@]}"; do case "$p" in python3|python3-pip) ;; *) filtered+=("$p");; esac; done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "deps: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

dest=.deps/opencc
if [ ! -f "$dest/.version-$OPENCC_VERSION" ]; then
  echo "deps: fetching OpenCC $OPENCC_VERSION (PyPI wheel)"
  rm -rf "$dest" .deps/wheel && mkdir -p .deps/wheel "$dest"
  python3 -m pip download --quiet --no-deps --only-binary=:all: -d .deps/wheel "opencc==$OPENCC_VERSION"
  python3 -m zipfile -e .deps/wheel/opencc-*.whl .deps/wheel/x
  cp -r .deps/wheel/x/opencc/clib/include .deps/wheel/x/opencc/clib/lib64 .deps/wheel/x/opencc/clib/share "$dest/"
  cp .deps/wheel/x/opencc/clib/bin/opencc "$dest/opencc-cli" && chmod +x "$dest/opencc-cli"
  rm -rf .deps/wheel
  touch "$dest/.version-$OPENCC_VERSION"
fi
abs=$(cd "$dest" && pwd)
mkdir -p .deps/pkgconfig
cat > .deps/pkgconfig/opencc.pc <<PC
prefix=$abs
libdir=\${prefix}/lib64
includedir=\${prefix}/include

Name: opencc
Description: Open Chinese Convert (static, from the PyPI wheel)
Version: $OPENCC_VERSION
Libs: -L\${libdir}
Cflags: -I\${includedir}/opencc
PC
