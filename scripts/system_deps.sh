#!/usr/bin/env bash
# Debian packages the portal needs beyond Python: PDF rendering (WeasyPrint's
# libraries and fonts for Latin, Arabic and Chinese text), gettext, and the
# browser the browser tests drive. Installs what is missing when run as root.
set -euo pipefail

packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0
  libfontconfig1 fonts-dejavu-core fonts-hosny-amiri fonts-wqy-zenhei gettext)
if [ "${1:-}" = "--with-browser" ]; then
  packages+=(chromium)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
