#!/usr/bin/env bash
# Stops the loopback cluster of STATE_DIR (see start.sh) and removes what start.sh created, as
# recorded in STATE_DIR/run/created. Safe to run twice and after a start that failed half-way.
# Leaves STATE_DIR itself (logs, keys) for the caller to delete, and keeps the test user.
#
#   stop.sh STATE_DIR
set -euo pipefail

(($# == 1)) || { echo "usage: $0 STATE_DIR" >&2; exit 2; }
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"
started_at=$EPOCHREALTIME

if [[ ! -d $1 ]]; then
  log "no state directory $1: nothing to stop"
  exit 0
fi
STATE_DIR=$(cd "$1" && pwd -P)
[[ $(id -u) == 0 ]] || die "needs root"
rm -f "$STATE_DIR/cluster.env" # from here on the cluster is not "up"

# ---------------------------------------------------------------------------------------------
# Processes: the daemons by their pid files (each checked to name this STATE_DIR, against pid
# reuse), every descendant of them (sshd's per-connection children outlive the listener),
# everything inside our network namespaces (slurmstepd and jobs, which slurmd daemonizes away
# from itself), and whatever the test user still runs (it exists only for this cluster).
# ---------------------------------------------------------------------------------------------
# Machine-wide things (namespaces, bridge, the user's processes) are touched only while this
# STATE_DIR owns the machine: a start that found the machine busy, or a stale state directory,
# must not tear down the cluster that runs now.
owner=""
[[ -s $OWNER_FILE ]] && read -r owner <"$OWNER_FILE" || true
owns_machine=""
[[ -z $owner || $owner == "$STATE_DIR" ]] && owns_machine=1
[[ -n $owns_machine ]] || log "the machine's cluster is $owner: stopping only this directory's daemons"

pids=()
pidfiles=("$STATE_DIR/login/sshd.pid" "$STATE_DIR/mfa/sshd.pid" "$STATE_DIR/slurm/slurmctld.pid"
  "$STATE_DIR/munge/munged.pid")
for node in "${NODES[@]}"; do
  pidfiles+=("$STATE_DIR/$node/sshd.pid" "$STATE_DIR/slurm/slurmd-$node.pid")
done
for pidfile in "${pidfiles[@]}"; do
  pid=$(read_pidfile "$pidfile")
  if [[ -n $pid ]] && is_ours "$pid"; then
    pids+=("$pid")
    mapfile -t -O "${#pids[@]}" pids < <(descendants "$pid")
  fi
done
for node in "${NODES[@]}"; do
  ns=$(node_netns "$node")
  if [[ -n $owns_machine ]] && journaled netns "$ns" && ip netns list | grep -qw "^$ns"; then
    mapfile -t -O "${#pids[@]}" pids < <(ip netns pids "$ns" 2>/dev/null)
  fi
done
# A daemon of ours whose command line names this STATE_DIR: catches one that a killed start.sh
# launched before its pid file was written. (Only daemon programs: a client such as the test JVM
# may well have the path on its command line.)
for proc in /proc/[0-9]*; do
  pid=${proc#/proc/}
  case $(readlink "$proc/exe" 2>/dev/null) in
    /usr/sbin/sshd | /usr/sbin/slurmctld | /usr/sbin/slurmd | /usr/sbin/munged)
      is_ours "$pid" && pids+=("$pid") ;;
  esac
done
if [[ -n $owns_machine ]] && id -u "$CLUSTER_USER" >/dev/null 2>&1; then
  mapfile -t -O "${#pids[@]}" pids < <(ps -o pid= -u "$CLUSTER_USER" 2>/dev/null | tr -d ' ')
fi
if ((${#pids[@]})); then
  mapfile -t pids < <(printf '%s\n' "${pids[@]}" | grep -E '^[0-9]+$' | sort -un)
  terminate_pids "${pids[@]}"
fi
# what the tests' runs left in the test user's home (work roots, Stagger's own state and cache);
# the user exists only for this harness, and its processes are gone now
if [[ -n $owns_machine ]] && home=$(getent passwd "$CLUSTER_USER" | cut -d: -f6) && [[ -d $home ]]; then
  rm -rf -- "$home"/stagger "$home"/stagger-it-* "$home"/.local/state/stagger "$home"/.cache/stagger
fi

# ---------------------------------------------------------------------------------------------
# System resources, newest first, each only when this STATE_DIR's journal says we made it.
# ---------------------------------------------------------------------------------------------
if [[ -n $owns_machine && -f $STATE_DIR/run/created ]]; then
  mapfile -t created < <(tac "$STATE_DIR/run/created")
  for entry in "${created[@]}"; do
    kind=${entry%% *} name=${entry#* }
    case $kind in
      netns)
        if ip netns list | grep -qw "^$name"; then
          left=$(ip netns pids "$name" 2>/dev/null | tr '\n' ' ')
          [[ -z $left ]] || log "WARNING: processes $left still in $name"
          ip netns del "$name" || log "WARNING: could not delete namespace $name"
        fi
        ;;
      link)
        if ip link show "$name" >/dev/null 2>&1; then ip link del "$name" || log "WARNING: could not delete $name"; fi
        ;;
      file)
        # only when it is still ours (another cluster may have written its own since)
        if [[ -f $name ]] && grep -qF -- "$STATE_DIR" "$name"; then rm -f "$name"; fi
        ;;
      dir)
        # empty unless someone else's sshd uses it right now; then it stays
        [[ -d $name ]] && { rmdir "$name" 2>/dev/null || log "$name not empty: left in place"; }
        ;;
      netnsdir)
        # made by our first ip netns add: a bind mount of itself; leave it if others use it now
        if [[ -d $name ]] && [[ -z $(ls -A "$name") ]]; then
          if mountpoint -q "$name"; then
            [[ -d /run/mount ]] && had_utab=1 || had_utab=""
            umount "$name" || true
            [[ -n $had_utab ]] || rmdir /run/mount 2>/dev/null || true # umount(8) made it just now
          fi
          rmdir "$name" 2>/dev/null || log "$name left in place"
        fi
        ;;
      owner)
        if [[ -f $name ]] && [[ $(<"$name") == "$STATE_DIR" ]]; then rm -f "$name"; fi
        ;;
      *) log "WARNING: unknown journal entry: $entry" ;;
    esac
  done
  # ip netns del frees the veth pairs asynchronously: wait, so that a start right after works
  for node in "${NODES[@]}"; do
    veth=$(node_veth "$node")
    wait_until 5 "$veth gone" bash -c "! ip link show $veth" || log "WARNING: $veth still present"
  done
  mv "$STATE_DIR/run/created" "$STATE_DIR/run/created.undone"
fi
rm -f "$STATE_DIR/run/owner-pid"

elapsed_ms=$(((${EPOCHREALTIME/./} - ${started_at/./}) / 1000))
log "stopped in ${elapsed_ms} ms: $STATE_DIR"
