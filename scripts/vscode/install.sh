#!/usr/bin/env bash
# Installs what the real-VS-Code runner needs: Debian packages (Chromium,
# ripgrep, build tools for code-server's native modules) and code-server,
# which ships VS Code's own server and web workbench.
#
# code-server goes into a folder of its own, outside the project's
# node_modules, so it never ends up in the extension package.
# Idempotent: a second run only checks dpkg and a marker file.
set -euo pipefail

readonly CODE_SERVER_VERSION=4.100.3
readonly NODE_GYP_VERSION=12.4.0
# @vscode/ripgrep (nested in code-server) downloads this file from GitHub
# unless it already sits in its cache folder under os.tmpdir().
readonly RIPGREP_CACHE_DIR_NAME=vscode-ripgrep-cache-1.15.11
readonly RIPGREP_TARBALL=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
readonly APT_PACKAGES=(
  build-essential python3 pkg-config libkrb5-dev libxkbfile-dev
  libsecret-1-dev libx11-dev ripgrep chromium
  # Hangul (and other CJK text) in the demo and the screenshots; without it
  # Chromium draws Korean digests as empty boxes.
  fonts-noto-cjk
)

# Same default as codeServerHome() in workbench.mjs (os.homedir() there).
VSCODE_HOME="${DIGEST_VSCODE_HOME:-${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}/.cache/daily-papers-digest}"
CODE_SERVER_DIR="$VSCODE_HOME/code-server-$CODE_SERVER_VERSION"
MARKER="$CODE_SERVER_DIR/.digest-install-complete"

log() { printf '[install] %s\n' "$*" >&2; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

missing_apt_packages() {
  local pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      printf '%s\n' "$pkg"
    fi
  done
}

install_apt_packages() {
  local missing
  mapfile -t missing < <(missing_apt_packages)
  if [[ ${#missing[@]} -eq 0 ]]; then
    return
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_node_gyp() {
  # code-server's post-install runs nested npm installs that call `npx node-gyp`.
  if npm ls -g --depth=0 "node-gyp@$NODE_GYP_VERSION" >/dev/null 2>&1; then
    return
  fi
  log "npm install -g node-gyp@$NODE_GYP_VERSION"
  as_root npm install -g --no-audit --no-fund "node-gyp@$NODE_GYP_VERSION" >/dev/null
}

# Puts Debian's rg where @vscode/ripgrep looks for its download.
seed_ripgrep_cache() {
  local tmp_root=$1 cache="$1/$RIPGREP_CACHE_DIR_NAME" staging
  mkdir -p "$cache"
  staging=$(mktemp -d "$tmp_root/rg.XXXXXX")
  cp "$(command -v rg)" "$staging/rg"
  tar czf "$cache/$RIPGREP_TARBALL" -C "$staging" rg
  rm -rf "$staging"
}

install_code_server() {
  local staging="$CODE_SERVER_DIR.partial.$$" tmp_root
  # Leftovers of an interrupted install.
  rm -rf "$CODE_SERVER_DIR".partial.*
  mkdir -p "$staging"
  tmp_root="$staging/.tmp"
  mkdir -p "$tmp_root"
  seed_ripgrep_cache "$tmp_root"
  printf '{ "name": "digest-code-server", "private": true }\n' >"$staging/package.json"

  log "npm install code-server@$CODE_SERVER_VERSION into $CODE_SERVER_DIR (a few minutes)"
  (
    cd "$staging"
    TMPDIR="$tmp_root" npm_config_yes=true npm_config_unsafe_perm=true \
      npm install --no-audit --no-fund --loglevel=error \
      "code-server@$CODE_SERVER_VERSION" </dev/null
  )
  rm -rf "$tmp_root"
  test -f "$staging/node_modules/code-server/lib/vscode/out/server-main.js"

  rm -rf "$CODE_SERVER_DIR"
  mv "$staging" "$CODE_SERVER_DIR"
  echo "$CODE_SERVER_VERSION" >"$MARKER"
}

main() {
  install_apt_packages
  if [[ -f "$MARKER" ]]; then
    return
  fi
  mkdir -p "$VSCODE_HOME"
  install_node_gyp
  install_code_server
  log "done: $CODE_SERVER_DIR"
}

main "$@"
