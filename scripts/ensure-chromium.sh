#!/usr/bin/env bash
# Make sure Debian's Chromium (and CJK and emoji fonts for screenshots) are installed for
# browser tests.
# Playwright's own browser download does not work on our machines, so we use the distro's.
set -euo pipefail
CHROMIUM="${HUDDLE_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ] && fc-list 2>/dev/null | grep -qi "Noto Sans CJK" \
  && fc-list 2>/dev/null | grep -qi "Noto Color Emoji"; then
  exit 0
fi
echo "==> Installing Debian's chromium, fonts-noto-cjk and fonts-noto-color-emoji for the browser tests"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "Chromium is missing and this user cannot install it. Run as root:" >&2
    echo "  apt-get update && apt-get install -y chromium fonts-noto-cjk fonts-noto-color-emoji" >&2
    echo "or skip the browser tests with: make test-fast" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium fonts-noto-cjk fonts-noto-color-emoji >/dev/null
echo "==> $("$CHROMIUM" --version)"
