#!/usr/bin/env bash
# The end-to-end tests use Debian's Chromium: Playwright cannot download its own browser here.
# Installs it when it is missing and we can (root with apt-get); otherwise says how to get one.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Chromium not found at $chromium: installing Debian's chromium package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  [ -x "$chromium" ] && exit 0
fi
cat >&2 <<MSG
The end-to-end tests need Chromium and none was found at $chromium.
Install it with your package manager (on Debian or Ubuntu: sudo apt-get install chromium),
or set CHROMIUM_PATH to the path of a Chromium or Chrome executable.
MSG
exit 1
