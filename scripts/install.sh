#!/usr/bin/env bash
# Install everything unconvert needs on a fresh Debian machine: the fonts the PDF writer embeds, poppler and
# LibreOffice for the rendering tests and benchmarks, and the package itself with its test dependencies, in a
# virtual environment (.venv beside this folder, or $UNCONVERT_VENV).
#
# Why a virtual environment: Debian's own python3 refuses `pip install` outside one (PEP 668,
# "externally-managed-environment"), and installing into the machine's Python would upgrade or shadow what the
# system's packages rely on. The machine's pip is never touched. The console script is linked into
# /usr/local/bin (~/.local/bin when not root), so `unconvert` works from any folder afterwards; `.venv/bin/python`
# runs the test suite (see the README's quick start).
#
# Run as root (or with sudo available). Safe to run again. apt waits for a lock held by another apt or an
# unattended upgrade instead of failing. UNCONVERT_PYTHON picks the interpreter (default: python3), UNCONVERT_BIN
# the folder of the console script's link, UNCONVERT_APT_RETRY the seconds between two tries of a locked apt (5).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  fonts-liberation2   # Liberation Serif: metric-compatible with Times New Roman (Latin, Cyrillic)
  fonts-hosny-amiri   # Amiri: Arabic Naskh (PDF writer)
  fonts-arphic-uming  # AR PL UMing: Song/Ming face for Chinese text
  fonts-arphic-ukai   # AR PL UKai: Kai face for Chinese opening phrases
  fonts-wqy-zenhei    # WenQuanYi Zen Hei: Hei face for Chinese headings
  poppler-utils       # pdftoppm / pdftotext for screenshots and checks
  zbar-tools          # zbarimg: the tests read the first page's barcode and QR code back
)
if [ "${UNCONVERT_WITH_PANDOC:-0}" = 1 ]; then
  APT_PACKAGES+=(pandoc)  # the baseline in benchmarks/bench_convert.py --baselines
fi
if [ "${UNCONVERT_WITH_LIBREOFFICE:-1}" = 1 ]; then
  APT_PACKAGES+=(libreoffice-writer-nogui)  # opens our DOCX in tests; DOCX->PDF in the benchmark
fi

SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi
PYTHON="${UNCONVERT_PYTHON:-python3}"
VENV="${UNCONVERT_VENV:-.venv}"
RETRY="${UNCONVERT_APT_RETRY:-5}"

# Debian's python3 ships venv's ensurepip in a package of its own (python3-venv); a fresh machine may have no
# python3 at all.
if ! command -v "$PYTHON" >/dev/null; then
  APT_PACKAGES+=(python3 python3-venv)
elif ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
  APT_PACKAGES+=(python3-venv)
fi

# apt-get, waiting (up to 10 minutes) while another apt, dpkg or unattended-upgrades holds its lock: dpkg's lock
# through apt's own DPkg::Lock::Timeout, the package lists' lock (which that option does not cover in every apt)
# by trying again.
apt_get() {
  local waited=0 log
  log="$(mktemp)"
  while true; do
    if $SUDO apt-get -o DPkg::Lock::Timeout=600 "$@" 2>"$log"; then
      rm -f "$log"
      return 0
    fi
    if grep -qiE 'could not get lock|unable to acquire|is another process using it' "$log" && [ "$waited" -lt 600 ]; then
      echo "install.sh: apt is busy (another apt or an unattended upgrade); waiting..." >&2
      sleep "$RETRY"
      waited=$((waited + RETRY))
      continue
    fi
    cat "$log" >&2
    rm -f "$log"
    return 1
  done
}

if command -v apt-get >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt_get update -qq
  apt_get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
fi

# The environment; remade if it is broken (its python gone, or made by another interpreter that was removed).
if ! "$VENV/bin/python" -c 'import sys' 2>/dev/null; then
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
fi
# '.[test]' holds both optional extras (batch: rich; dask: dask[distributed]) and the test tools (pytest,
# import-linter, mypy, ruff…): CI and developers get everything; `pip install .` alone is the plain library.
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -e '.[test]'

# The console script on PATH: a link, so the environment stays the one place it is installed.
if [ -n "${UNCONVERT_BIN:-}" ]; then BIN="$UNCONVERT_BIN"
elif [ "$(id -u)" = 0 ]; then BIN=/usr/local/bin
else BIN="$HOME/.local/bin"; fi
mkdir -p "$BIN"
if [ -e "$BIN/unconvert" ] && [ ! -L "$BIN/unconvert" ]; then
  echo "install.sh: $BIN/unconvert exists and is not a link: left alone; run $VENV/bin/unconvert" >&2
else
  ln -sfn "$(cd "$VENV/bin" && pwd)/unconvert" "$BIN/unconvert"
  echo "install.sh: unconvert installed in $VENV ($VENV/bin/python runs the tests); $BIN/unconvert links to it" >&2
fi
