#!/usr/bin/env bash
# Install everything unconvert needs on a fresh Debian machine: the fonts the PDF writer embeds, poppler and
# LibreOffice for the rendering tests and benchmarks, and the package itself with its test dependencies.
# Run as root (or with sudo available). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  fonts-liberation2   # Liberation Serif: metric-compatible with Times New Roman (Latin, Cyrillic)
  fonts-hosny-amiri   # Amiri: Arabic Naskh (PDF writer)
  fonts-arphic-uming  # AR PL UMing: Song/Ming face for Chinese text
  fonts-arphic-ukai   # AR PL UKai: Kai face for Chinese opening phrases
  fonts-wqy-zenhei    # WenQuanYi Zen Hei: Hei face for Chinese headings
  poppler-utils       # pdftoppm / pdftotext for screenshots and checks
)
if [ "${UNCONVERT_WITH_PANDOC:-0}" = 1 ]; then
  APT_PACKAGES+=(pandoc)  # the baseline in benchmarks/bench_convert.py --baselines
fi
if [ "${UNCONVERT_WITH_LIBREOFFICE:-1}" = 1 ]; then
  APT_PACKAGES+=(libreoffice-writer-nogui)  # opens our DOCX in tests; DOCX->PDF in the benchmark
fi

SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi
if command -v apt-get >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
fi

python3 -m pip install -q --upgrade pip
# '.[test]' holds both optional extras (batch: rich; dask: dask[distributed]) and the test tools (pytest,
# import-linter, mypy, ruff…): CI and developers get everything; `pip install .` alone is the plain library.
python3 -m pip install -q -e '.[test]'
