# shellcheck shell=bash
# Installs what Broadsheet's scripts need, only when it is missing. Sourced by Scripts/*.
# Debian and Ubuntu are handled with apt-get; elsewhere the functions name what to install.

# Runs a command as root: directly when already root, otherwise through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Whether a Debian package is installed.
apt_package_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Installs the given Debian packages that are not installed yet; runs `apt-get update` only
# when at least one is missing, so a prepared machine never touches the network.
ensure_apt_packages() {
  local missing=() package
  for package in "$@"; do
    apt_package_installed "$package" || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: missing system packages: ${missing[*]}" >&2
    echo "hint: install their equivalents with your package manager (on macOS: brew install cmark)" >&2
    return 1
  fi
  echo "==> apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Makes a C library's headers and pkg-config file available, for a SwiftPM system-library
# target: ensure_system_library PKG_CONFIG_NAME DEBIAN_PACKAGE DISPLAY_NAME BREW_FORMULA.
ensure_system_library() {
  local module=$1 debian_package=$2 display_name=$3 brew_formula=$4
  if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$module"; then
    return 0
  fi
  if command -v dpkg-query >/dev/null 2>&1 || command -v apt-get >/dev/null 2>&1; then
    ensure_apt_packages "$debian_package"
  else
    echo "error: $display_name not found (pkg-config $module)" >&2
    echo "hint: install $display_name with your package manager, e.g. brew install $brew_formula" >&2
    return 1
  fi
}

# libcmark, for the CCmark target: every Markdown text is parsed with it.
ensure_libcmark() { ensure_system_library libcmark libcmark-dev cmark cmark; }

# OpenSSL, for the COpenSSL target: the newsletter sender's STARTTLS and TLS.
ensure_libssl() { ensure_system_library openssl libssl-dev OpenSSL openssl; }

# libdeflate, for the CLibDeflate target: the search index's entry packs are compressed with it.
ensure_libdeflate() { ensure_system_library libdeflate libdeflate-dev libdeflate libdeflate; }

# Fails with a hint when the Swift toolchain is not on PATH.
ensure_swift() {
  if ! command -v swift >/dev/null 2>&1; then
    echo "error: swift not found on PATH" >&2
    echo "hint: install Swift 6 from https://www.swift.org/install/ and add its usr/bin to PATH" >&2
    return 1
  fi
}

# Installs the exact versions pinned in a pip requirements file (NAME==VERSION lines)
# when python3 lacks any of them.
ensure_pip_requirements() {
  local requirements=$1 missing
  missing=$(python3 - "$requirements" <<'PY'
import importlib.metadata as metadata
import sys

missing = []
for line in open(sys.argv[1], encoding="utf-8"):
    requirement = line.split("#", 1)[0].strip()
    if not requirement:
        continue
    name, _, version = requirement.partition("==")
    try:
        if metadata.version(name) != version:
            missing.append(requirement)
    except metadata.PackageNotFoundError:
        missing.append(requirement)
print(" ".join(missing))
PY
  )
  [ -z "$missing" ] && return 0
  echo "==> pip install $missing"
  python3 -m pip install --quiet --disable-pip-version-check -r "$requirements"
}

# Installs what the print edition needs (docs/print.md): zlib's headers (ZIPFoundation, the
# EPUB's compression, links zlib on Linux, so every build needs them; the tests also read the
# search index's packs back through the CZlibDeflate target), the Noto fonts the PDF is set in (Latin from
# fonts-noto-core, Chinese from fonts-noto-cjk) and Typst from PyPI. Without Typst a build
# still writes the website and the EPUB, with a warning.
ensure_print_edition() {
  ensure_apt_packages zlib1g-dev fonts-noto-core fonts-noto-cjk
  ensure_pip_requirements Scripts/print-requirements.txt
}
