#!/bin/sh
# System packages the tests need, from Debian (run before the Python test extra installs):
# - Chromium drives the browser tests (Playwright uses it; no browser download);
# - ICU's headers, pkg-config and a C++ compiler build PyICU, which followthemoney (the FtM
#   export's consumer, opened by the tests) depends on and which ships no Linux wheel.
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
pkg-config --exists icu-uc 2>/dev/null || missing="$missing libicu-dev pkg-config"
command -v g++ >/dev/null 2>&1 || missing="$missing g++"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
  echo "missing system packages:$missing (install them; browser and FtM tests need them)" >&2
fi
