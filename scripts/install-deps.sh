#!/usr/bin/env bash
# Installs the Debian 12 packages bidscope builds, tests and runs with.
# Non-interactive and idempotent: packages already present are left alone.
set -euo pipefail

packages=(
  # Build tools and test framework.
  build-essential cmake ninja-build pkg-config git
  libgtest-dev libgmock-dev googletest
  # clang with libFuzzer and the sanitizer runtimes, for scripts/fuzz.sh.
  clang libclang-rt-14-dev
  # Extraction: PDF, Unicode and encodings, markup, containers, OCR.
  libpoppler-cpp-dev libpoppler-private-dev poppler-utils poppler-data
  libicu-dev libxml2-dev libxml2-utils libzip-dev libarchive-dev nettle-dev
  libgmime-3.0-dev
  libopencc-dev libopencc-data
  libtesseract-dev libleptonica-dev tesseract-ocr
  tesseract-ocr-eng tesseract-ocr-chi-sim tesseract-ocr-chi-tra
  tesseract-ocr-chi-sim-vert tesseract-ocr-chi-tra-vert tesseract-ocr-osd
  wv catdoc antiword p7zip-full
  # Index and search; zlib compresses the stored data.
  libxapian-dev xapian-tools zlib1g-dev
  # Memory allocator of the bidscope program.
  libjemalloc-dev
  # Command line and JSON.
  nlohmann-json3-dev libcli11-dev libfmt-dev
  # Fonts used to render CJK pages for OCR tests.
  fonts-wqy-zenhei
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
      grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
