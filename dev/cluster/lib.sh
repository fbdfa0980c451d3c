# Shared by start.sh, stop.sh and rekey-login.sh (sourced, not run). The loopback cluster:
#   login node  sshd on 127.0.0.1:<free port>      (root network namespace, the tests' "login node")
#   MFA node    sshd on 127.0.0.1:<free port>      (publickey + TOTP through a test-only PAM service)
#   node1/node2 sshd on 10.213.0.11/.12:22, each in its own network namespace and UTS namespace,
#               on a bridge whose root-namespace address 10.213.0.1 is the login side
#   Slurm       munged + slurmctld (on 10.213.0.1) + slurmd on node1 (inside node1's namespaces)
# Names below are machine-wide (one bridge, fixed namespaces and addresses, Slurm's ports), so one
# cluster runs at a time per machine; OWNER_FILE says which state directory owns it.

readonly CLUSTER_USER=stagger-ci
readonly BRIDGE=stg-br0
readonly BRIDGE_ADDR=10.213.0.1
readonly NET_PREFIX=24
readonly NODES=(node1 node2)
readonly SLURM_NODE=node1
readonly SLURM_PARTITION=debug
readonly SLURM_CPUS=4
readonly MFA_SERVICE=stagger-mfa-sshd       # PAM service name = the name sshd is started under
readonly PAM_FILE=/etc/pam.d/$MFA_SERVICE
readonly OWNER_FILE=/run/stagger-loopback-cluster.owner
readonly KEY_PASSPHRASE='correct horse battery'

node_addr() { # node1 -> 10.213.0.11
  echo "10.213.0.$((10 + ${1#node}))"
}
node_netns() { echo "stg-$1"; }
node_veth() { echo "stg-$1-h"; }  # root-namespace end of the node's veth pair (<= 15 chars)

log() { printf '[cluster %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# A pid counts as alive only when it exists and is not a zombie: PID 1 here reaps orphans only
# every ~2 s, so a dead daemon keeps answering kill -0 for a while.
is_alive() {
  local pid=$1 stat
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
  stat=${stat##*) }                     # the command name may hold spaces and parentheses
  [[ ${stat%% *} != Z && ${stat%% *} != X ]]
}

# True when pid is alive and its command line names this state directory: guards every kill
# against pid reuse (all our daemons are started with a config path inside STATE_DIR).
is_ours() {
  local pid=$1
  is_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$STATE_DIR/"
}

read_pidfile() { # prints the pid in file $1, or nothing
  local pid=""
  [[ -s $1 ]] && read -r pid <"$1" || true
  [[ $pid =~ ^[0-9]+$ ]] && echo "$pid" || true
}

descendants() { # every descendant pid of $1 (children first level by level)
  local pid=$1 child
  for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}

# TERM the given pids, wait up to $STOP_WAIT s for them to be gone (zombies count as gone), then KILL.
STOP_WAIT=${STOP_WAIT:-5}
terminate_pids() {
  local pids=() pid i
  for pid in "$@"; do is_alive "$pid" && pids+=("$pid"); done
  ((${#pids[@]})) || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for ((i = 0; i < STOP_WAIT * 10; i++)); do
    local left=()
    for pid in "${pids[@]}"; do is_alive "$pid" && left+=("$pid"); done
    ((${#left[@]})) || return 0
    pids=("${left[@]}")
    sleep 0.1
  done
  log "killing ${pids[*]} (still alive ${STOP_WAIT}s after SIGTERM)"
  kill -KILL "${pids[@]}" 2>/dev/null || true
  for ((i = 0; i < 30; i++)); do
    local left=()
    for pid in "${pids[@]}"; do is_alive "$pid" && left+=("$pid"); done
    ((${#left[@]})) || return 0
    pids=("${left[@]}")
    sleep 0.1
  done
}

wait_until() { # wait_until SECONDS DESCRIPTION COMMAND...: polls every 50 ms until the deadline
  local deadline=$((${EPOCHREALTIME/./} + $1 * 1000000))
  shift 2
  while ((${EPOCHREALTIME/./} < deadline)); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  return 1
}

# The created-resources journal: a line is written BEFORE the thing is made, so that stop.sh
# can undo a start that died half-way. Lines: "<kind> <name>".
journal() { echo "$1 $2" >>"$STATE_DIR/run/created"; }
journaled() { [[ -f $STATE_DIR/run/created ]] && grep -qxF -- "$1 $2" "$STATE_DIR/run/created"; }

# Quotes a value so that the line KEY=VALUE reads the same to a POSIX shell and to
# java.util.Properties: every character outside a safe set gets a backslash (Properties drops a
# backslash before any character except t, n, r, f, u, and those are all in the safe set).
env_quote() {
  local s=$1 out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    if [[ $c =~ [A-Za-z0-9_./:@+,=%-] ]]; then out+=$c; else out+="\\$c"; fi
  done
  printf '%s' "$out"
}
