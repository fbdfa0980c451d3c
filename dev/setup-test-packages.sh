#!/usr/bin/env bash
# Installs the system packages the workbench's window tests need, when missing, and says what it
# installs: an X server without a display (xvfb, for xvfb-run) and GTK 3 (JavaFX's glass toolkit
# needs it for a real window). Headless Monocle tests need neither. Idempotent; a no-op when present.
set -euo pipefail
packages=(xvfb xauth libgtk-3-0)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-test-packages: install ${missing[*]} (an X virtual framebuffer and GTK 3) with your package manager" >&2
  exit 2
fi
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
echo "setup-test-packages: installing with apt: ${missing[*]}"
if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "setup-test-packages: refreshing package lists and retrying once"
  as_root apt-get update -q >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
