#!/usr/bin/env bash
# Gives the login node of the loopback cluster a CHANGED host key (login/ssh_host_ed25519_key.other,
# which is in no known_hosts file), or with --restore its original one again, and restarts the
# login sshd (SIGHUP: same port, open connections stay) so that new connections see it.
# --restart only restarts it with the key it has. Returns once the login port serves the key.
#
#   rekey-login.sh STATE_DIR [--restore | --restart]
set -euo pipefail

(($# == 1 || $# == 2)) || { echo "usage: $0 STATE_DIR [--restore | --restart]" >&2; exit 2; }
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"
STATE_DIR=$(cd "$1" && pwd -P)
L=$STATE_DIR/login
case ${2:-} in
  "") key=$L/ssh_host_ed25519_key.other ;;
  --restore) key=$L/ssh_host_ed25519_key ;;
  --restart) key="" ;;
  *) die "unknown option $2" ;;
esac

pid=$(read_pidfile "$L/sshd.pid")
[[ -n $pid ]] && is_ours "$pid" || die "the login sshd of $STATE_DIR is not running"
port=$(<"$L/port")
if [[ -n $key ]]; then
  want=$(ssh-keygen -lf "$key.pub" | cut -d' ' -f2)
  # replace atomically: a connection accepted meanwhile reads either key, never half a file
  install -m 600 "$key" "$L/host_key_active.tmp"
  mv "$L/host_key_active.tmp" "$L/host_key_active"
else
  want=$(ssh-keygen -lf "$L/host_key_active" | cut -d' ' -f2)
fi
# sshd re-executes itself on SIGHUP and reloads config and host keys; it may fork anew and
# rewrite its pid file, so wait for the served key rather than for a pid
kill -HUP "$pid"

served() {
  [[ $(ssh-keyscan -T 2 -t ed25519 -p "$port" 127.0.0.1 2>/dev/null | ssh-keygen -lf - 2>/dev/null | cut -d' ' -f2) == "$want" ]]
}
wait_until 10 "login serves $want" served || die "login sshd does not serve $want after the restart (see $L/sshd.log)"
log "login sshd on port $port now serves host key $want"
