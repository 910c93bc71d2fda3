#!/usr/bin/env bash
# What the test suite needs beyond Python, installed from Debian's packages when missing (run by `make test`):
# PostgreSQL's binaries (tests/pg.py starts a throwaway server of its own on loopback) and Chromium
# (tests/test_web.py drives it through Playwright; no browser is ever downloaded).
set -euo pipefail

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
echo "make test: installing ${missing[*]} from Debian's packages (needed by the store and browser tests)" >&2
$sudo apt-get update
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
