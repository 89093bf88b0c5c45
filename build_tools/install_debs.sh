#!/bin/sh
# Install the Debian packages named as arguments when they are missing and apt-get is usable.
# Elsewhere it says what is missing and carries on (tests that need a package skip with a reason).
missing=""
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "installing Debian packages:$missing"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null \
    || { echo "apt-get could not install:$missing" >&2; exit 1; }
else
  echo "note: Debian packages missing and apt-get not usable here:$missing" >&2
fi
