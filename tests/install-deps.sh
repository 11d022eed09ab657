#!/usr/bin/env bash
# Installs what the console and its tests need on a fresh Debian machine. Idempotent: installs only what is missing.
set -euo pipefail
packages=(chromium dnsutils awscli python3-boto3 python3-botocore sqlite3 postgresql)
# One dpkg-query for all of them: on a machine that has everything this is the whole run.
installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${packages[@]}" 2>/dev/null | awk '/ install ok installed$/ {print $1}' || true)
missing=()
for p in "${packages[@]}"; do
  grep -qx "$p" <<<"$installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# axe-core, the accessibility engine the browser tests inject into each page (from the npm registry, pinned).
axe_version=4.14.1
axe_dir="$(cd "$(dirname "$0")" && pwd)/.axe"
if ! grep -qs "\"version\": \"$axe_version\"" "$axe_dir/node_modules/axe-core/package.json"; then
  command -v npm >/dev/null || { SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"; $SUDO apt-get update -qq; DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null; }
  echo "Installing axe-core $axe_version"
  npm install --prefix "$axe_dir" --no-save --no-audit --no-fund --loglevel=error "axe-core@$axe_version" >/dev/null
fi
