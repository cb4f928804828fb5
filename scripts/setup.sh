#!/usr/bin/env bash
# Install what typeflake's full test suite needs besides npm packages: the real `nix`
# (Debian's nix-bin). Safe to run repeatedly; does nothing when nix is already there.
set -euo pipefail

if command -v nix-instantiate >/dev/null 2>&1 && command -v nix >/dev/null 2>&1; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "typeflake setup: nix is missing and this is not a Debian/Ubuntu machine." >&2
  echo "Install Nix (https://nixos.org/download) and run the command again." >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "typeflake setup: installing Debian's nix-bin (the real nix, for the tests)…" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nix-bin >/dev/null
nix --version >&2
