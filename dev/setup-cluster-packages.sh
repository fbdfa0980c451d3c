#!/usr/bin/env bash
# Installs, when missing, the system packages the loopback cluster of the cluster-run tests needs
# (dev/cluster/), and says what it installs:
#   openssh-server                login node and compute nodes (one private sshd each, on loopback)
#   slurm-wlm munge               a single-node Slurm (slurmctld + slurmd, munged for its credentials)
#   libpam-google-authenticator   the MFA login node's test-only PAM service (TOTP)
#   oathtool                      the tests' TOTP codes
#   iproute2                      compute nodes in network namespaces
# Installing them must start no daemon (Debian's maintainer scripts would start sshd, munged and
# slurmd listening on all addresses): a policy-rc.d that refuses every start is put in place for
# the install when none is there, and removed afterwards. Idempotent; a no-op when all are present.
set -euo pipefail
packages=(openssh-server slurm-wlm munge libpam-google-authenticator oathtool iproute2)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-cluster-packages: install ${missing[*]} with your package manager (the cluster tests need them)" >&2
  exit 2
fi
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
policy=/usr/sbin/policy-rc.d
made_policy=""
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\n# put here by Stagger dev/setup-cluster-packages.sh for one install: start no daemon\nexit 101\n' \
    | as_root tee "$policy" >/dev/null
  as_root chmod 755 "$policy"
  made_policy=1
fi
cleanup() { if [ -n "$made_policy" ]; then as_root rm -f "$policy"; fi; }
trap cleanup EXIT
echo "setup-cluster-packages: installing with apt: ${missing[*]}"
install() {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" >/dev/null
}
if ! install; then
  echo "setup-cluster-packages: refreshing package lists and retrying once"
  as_root apt-get update -q >/dev/null
  install
fi
