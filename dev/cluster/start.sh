#!/usr/bin/env bash
# Starts the loopback cluster that the cluster-run tests talk to (see lib.sh for its shape) and
# writes STATE_DIR/cluster.env describing it. Needs root and the packages of
# dev/setup-cluster-packages.sh. Idempotent: a second run with the same STATE_DIR only starts what
# is not running. Undo everything with dev/cluster/stop.sh STATE_DIR (also after a failed start).
#
#   start.sh STATE_DIR [--owner-pid PID]
#
# Exit status: 0 up; 69 this machine cannot host the cluster (not root, packages missing: tests
# should be skipped); 75 another live cluster owns the machine (try again later); else failed.
#
# --owner-pid names the process (a test JVM) the cluster belongs to: when it is dead, a later
# start.sh with another STATE_DIR may stop this cluster and take the machine over; a cluster
# without an owner pid (started by hand) is never taken over.
set -euo pipefail

usage() { echo "usage: $0 STATE_DIR [--owner-pid PID]" >&2; exit 2; }
(($# >= 1)) || usage
STATE_DIR=$1
shift
OWNER_PID=""
while (($#)); do
  case $1 in
    --owner-pid) OWNER_PID=${2:?}; shift 2 ;;
    *) usage ;;
  esac
done

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"
started_at=$EPOCHREALTIME

# ---------------------------------------------------------------------------------------------
# Preconditions
# ---------------------------------------------------------------------------------------------
unavailable() { log "cannot host the loopback cluster here: $*"; exit 69; }
[[ $(uname -s) == Linux ]] || unavailable "needs Linux (network namespaces)"
[[ $(id -u) == 0 ]] || unavailable "needs root (it creates a user, network namespaces and daemons that switch users)"
missing=()
for tool in /usr/sbin/sshd /usr/sbin/slurmctld /usr/sbin/slurmd /usr/sbin/munged ip unshare ssh ssh-keygen \
  ssh-keyscan sinfo runuser useradd ss base32; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[[ -n $(find /lib /usr/lib /lib64 /usr/lib64 -name pam_google_authenticator.so -print -quit 2>/dev/null) ]] ||
  missing+=(pam_google_authenticator.so)
((${#missing[@]} == 0)) || unavailable "missing ${missing[*]} (dev/setup-cluster-packages.sh installs them)"

mkdir -p "$STATE_DIR"
STATE_DIR=$(cd "$STATE_DIR" && pwd -P)
# The path ends up in sshd_config, slurm.conf and a PAM line: none of them has a quoting rule
# we want to depend on, so keep it plain.
[[ $STATE_DIR =~ ^[A-Za-z0-9_./-]+$ ]] || die "STATE_DIR must be a plain path (letters, digits, _ . / -): $STATE_DIR"

# ---------------------------------------------------------------------------------------------
# One cluster per machine: the bridge, namespaces, addresses and Slurm ports are fixed names.
# ---------------------------------------------------------------------------------------------
claim_machine() {
  local other=""
  # two test runs starting at once: one claims, the other then sees the owner (flock on a
  # directory that always exists, so that no lock file is left behind)
  exec 9</run/lock
  flock -w 60 9 || die "could not lock /run/lock to claim the machine"
  [[ -s $OWNER_FILE ]] && read -r other <"$OWNER_FILE" || true
  if [[ -n $other && $other != "$STATE_DIR" ]]; then
    local other_owner=""
    [[ -s $other/run/owner-pid ]] && read -r other_owner <"$other/run/owner-pid" || true
    if [[ ! -d $other ]]; then
      log "previous cluster state $other is gone; clearing what it left"
      clear_leftovers "$other"
    elif [[ -n $other_owner ]] && ! is_alive "$other_owner"; then
      log "cluster $other belongs to dead process $other_owner: stopping it"
      "$HERE/stop.sh" "$other" || die "could not stop the orphaned cluster $other"
    else
      log "another loopback cluster runs from $other${other_owner:+ (owner pid $other_owner)}; stop it with: $HERE/stop.sh $other"
      exit 75
    fi
  fi
  echo "$STATE_DIR" >"$OWNER_FILE"
  exec 9<&- # the daemons started later must not inherit (and hold) the lock
}

# Resources of a cluster whose state directory was deleted: no journal to go by, so remove the
# fixed names, but only when no process lives in the namespaces (else they are someone's).
clear_leftovers() {
  local node ns
  for node in "${NODES[@]}"; do
    ns=$(node_netns "$node")
    if ip netns list | grep -qw "^$ns"; then
      [[ -z $(ip netns pids "$ns" 2>/dev/null) ]] || die "namespace $ns still has processes; stop them first"
      ip netns del "$ns"
    fi
  done
  ip link show "$BRIDGE" >/dev/null 2>&1 && ip link del "$BRIDGE" || true
  if [[ -f $PAM_FILE ]] && grep -qF -- "$1" "$PAM_FILE"; then rm -f "$PAM_FILE"; fi
}

claim_machine
mkdir -p "$STATE_DIR"/{run,client,login,mfa,slurm/state,slurm/spool,slurm/log,munge,user}
for node in "${NODES[@]}"; do mkdir -p "$STATE_DIR/$node"; done
touch "$STATE_DIR/run/created"
journaled owner "$OWNER_FILE" || journal owner "$OWNER_FILE"
[[ -n $OWNER_PID ]] && echo "$OWNER_PID" >"$STATE_DIR/run/owner-pid"
# sshd reads AuthorizedKeysFile as the user, and jobs read SLURM_CONF as the user: the tree must be
# traversable (temp directories start as 0700). Private keys stay 0600 root.
chmod 755 "$STATE_DIR" "$STATE_DIR"/{login,mfa,slurm,user}
chmod 700 "$STATE_DIR/client"

# ---------------------------------------------------------------------------------------------
# The test user: jobs run as stagger-ci, never as root. Kept between runs (userdel would have to
# wait for the user's zombies, see DESIGN section 6).
# ---------------------------------------------------------------------------------------------
if ! id "$CLUSTER_USER" >/dev/null 2>&1; then
  log "creating user $CLUSTER_USER"
  useradd -m -s /bin/bash "$CLUSTER_USER"
fi
# '*' = no password, but not "locked" (sshd refuses locked accounts even for key logins)
[[ $(getent shadow "$CLUSTER_USER" | cut -d: -f2) == '*' ]] || usermod -p '*' "$CLUSTER_USER"
USER_HOME=$(getent passwd "$CLUSTER_USER" | cut -d: -f6)

# ---------------------------------------------------------------------------------------------
# Keys: made once per STATE_DIR, reused on a second start.
# ---------------------------------------------------------------------------------------------
make_key() { # make_key PATH COMMENT [PASSPHRASE]
  [[ -s $1 ]] || ssh-keygen -q -t ed25519 -N "${3:-}" -C "$2" -f "$1"
}
C=$STATE_DIR/client
make_key "$C/id_ed25519" "stagger-ci test key"
make_key "$C/id_ed25519_pass" "stagger-ci test key with passphrase" "$KEY_PASSPHRASE"
make_key "$C/id_wrong" "key that no server authorizes"
make_key "$STATE_DIR/login/ssh_host_ed25519_key" "login host key"
make_key "$STATE_DIR/login/ssh_host_ed25519_key.other" "login host key after a re-key"
make_key "$STATE_DIR/mfa/ssh_host_ed25519_key" "mfa host key"
for node in "${NODES[@]}"; do make_key "$STATE_DIR/$node/ssh_host_ed25519_key" "$node host key"; done
make_key "$STATE_DIR/user/id_ed25519" "stagger-ci inside the cluster"
# The login sshd reads its host key from host_key_active, which rekey-login.sh swaps.
[[ -s $STATE_DIR/login/host_key_active ]] || install -m 600 "$STATE_DIR/login/ssh_host_ed25519_key" "$STATE_DIR/login/host_key_active"

cat "$C/id_ed25519.pub" "$C/id_ed25519_pass.pub" "$STATE_DIR/user/id_ed25519.pub" >"$STATE_DIR/authorized_keys"
chmod 644 "$STATE_DIR/authorized_keys"

# The TOTP secret: totp.secret holds base32 only (oathtool -b, the Java helper); google_auth is
# pam_google_authenticator's file format (secret, then options), read as root (user=root).
if [[ ! -s $STATE_DIR/mfa/totp.secret ]]; then
  head -c 20 /dev/urandom | base32 | tr -d '=\n' >"$STATE_DIR/mfa/totp.secret"
  chmod 600 "$STATE_DIR/mfa/totp.secret"
fi
TOTP_SECRET=$(<"$STATE_DIR/mfa/totp.secret")
# No DISALLOW_REUSE and no RATE_LIMIT: tests log in several times within one 30 s step.
# WINDOW_SIZE 3 accepts the previous and next code too (clock edges).
if [[ ! -s $STATE_DIR/mfa/google_auth ]]; then
  printf '%s\n" TOTP_AUTH\n" WINDOW_SIZE 3\n' "$TOTP_SECRET" >"$STATE_DIR/mfa/google_auth"
  chmod 600 "$STATE_DIR/mfa/google_auth"
fi

# ---------------------------------------------------------------------------------------------
# Network: a bridge in the root namespace (the login side) and one namespace per compute node.
# ---------------------------------------------------------------------------------------------
ensure_bridge() {
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    journal link "$BRIDGE"
    ip link add "$BRIDGE" type bridge
  fi
  ip -4 addr show dev "$BRIDGE" | grep -qF "inet $BRIDGE_ADDR/" || ip addr add "$BRIDGE_ADDR/$NET_PREFIX" dev "$BRIDGE"
  ip link set "$BRIDGE" up
}

ensure_node_net() {
  local node=$1 ns veth addr
  ns=$(node_netns "$node") veth=$(node_veth "$node") addr=$(node_addr "$node")
  if ! ip netns list | grep -qw "^$ns"; then
    # ip netns add makes /run/netns a bind mount of itself: undo that too when it is ours
    [[ -d /run/netns ]] || journaled netnsdir /run/netns || journal netnsdir /run/netns
    journal netns "$ns"
    ip netns add "$ns"
  fi
  ip -n "$ns" link set lo up
  if ! ip -n "$ns" link show eth0 >/dev/null 2>&1; then
    # ip netns del frees a veth asynchronously: the root end of an old pair may linger a moment
    ip link del "$veth" >/dev/null 2>&1 || true
    wait_until 3 "old $veth gone" bash -c "! ip link show $veth" || die "stale interface $veth does not go away"
    ip link add "$veth" type veth peer name eth0 netns "$ns"
  fi
  ip link set "$veth" master "$BRIDGE" up
  ip -n "$ns" -4 addr show dev eth0 | grep -qF "inet $addr/" || ip -n "$ns" addr add "$addr/$NET_PREFIX" dev eth0
  ip -n "$ns" link set eth0 up
}

ensure_bridge
for node in "${NODES[@]}"; do ensure_node_net "$node"; done

# ---------------------------------------------------------------------------------------------
# sshd instances
# ---------------------------------------------------------------------------------------------
# mount(8) (in as_host) creates /run/mount (libmount's utab) on first use: ours to remove when
# it was not there
[[ -d /run/mount ]] || journaled dir /run/mount || journal dir /run/mount
# No init system: sshd's privilege-separation directory must be made by hand.
if [[ ! -d /run/sshd ]]; then
  journal dir /run/sshd
  mkdir -p -m 755 /run/sshd
fi

listening() { # listening NETNS|"" ADDR:PORT: a TCP listener there (probing by connecting would
  # only fill sshd's log with aborted handshakes)
  [[ -n $(ss ${1:+-N "$1"} -Hltn "src $2" 2>/dev/null) ]]
}
port_in_use() { [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]; }
pick_port() { # a free port below the ephemeral range, so that outgoing connections cannot take it
  local p i
  for ((i = 0; i < 200; i++)); do
    p=$((20000 + RANDOM % 12000))
    port_in_use "$p" || { echo "$p"; return 0; }
  done
  die "no free port found"
}

# Settings every sshd of the cluster shares.
common_sshd_config() { # common_sshd_config DIR
  cat <<EOF
PidFile $1/sshd.pid
AuthorizedKeysFile $STATE_DIR/authorized_keys
# test files live under /tmp, which the default StrictModes refuses
StrictModes no
AllowUsers $CLUSTER_USER
PermitRootLogin no
PubkeyAuthentication yes
PasswordAuthentication no
Subsystem sftp internal-sftp
AllowTcpForwarding yes
MaxSessions 10
# tests open many connections at once; the default 10:30:100 drops some at random
MaxStartups 100
PrintMotd no
PrintLastLog no
LogLevel VERBOSE
# non-interactive commands read ~/.bashrc, which returns early on Debian: give Slurm's config here
SetEnv SLURM_CONF=$STATE_DIR/slurm/slurm.conf
EOF
}

write_login_config() {
  {
    echo "# login node of the loopback cluster"
    echo "ListenAddress 127.0.0.1:$1"
    echo "HostKey $STATE_DIR/login/host_key_active"
    echo "UsePAM no"
    echo "KbdInteractiveAuthentication no"
    common_sshd_config "$STATE_DIR/login"
  } >"$STATE_DIR/login/sshd_config"
}

write_mfa_config() {
  {
    echo "# MFA login node: public key, then a TOTP code through PAM service $MFA_SERVICE"
    echo "ListenAddress 127.0.0.1:$1"
    echo "HostKey $STATE_DIR/mfa/ssh_host_ed25519_key"
    echo "UsePAM yes"
    echo "KbdInteractiveAuthentication yes"
    echo "AuthenticationMethods publickey,keyboard-interactive"
    common_sshd_config "$STATE_DIR/mfa"
  } >"$STATE_DIR/mfa/sshd_config"
}

write_node_config() { # write_node_config NODE
  local dir=$STATE_DIR/$1
  {
    echo "# compute node $1, inside network namespace $(node_netns "$1")"
    echo "ListenAddress $(node_addr "$1"):22"
    echo "HostKey $dir/ssh_host_ed25519_key"
    echo "UsePAM no"
    echo "KbdInteractiveAuthentication no"
    common_sshd_config "$dir"
  } >"$dir/sshd_config"
}

# Only PAM "auth" matters for the test (the code); account and session must simply let the
# user in. pam_unix's account check still refuses expired/locked accounts, like a real sshd stack.
write_pam_service() {
  [[ -f $PAM_FILE ]] || journal file "$PAM_FILE"
  cat >"$STATE_DIR/mfa/pam-service" <<EOF
# Test-only PAM service of the Stagger loopback cluster ($STATE_DIR); removed by dev/cluster/stop.sh.
auth     required pam_google_authenticator.so secret=$STATE_DIR/mfa/google_auth user=root
account  required pam_unix.so
session  required pam_permit.so
password required pam_deny.so
EOF
  install -m 644 "$STATE_DIR/mfa/pam-service" "$PAM_FILE"
}

sshd_running() { # sshd_running DIR: prints the listener's pid when it runs
  local pid
  pid=$(read_pidfile "$1/sshd.pid")
  [[ -n $pid ]] && is_ours "$pid" && echo "$pid"
}

# start_loopback_sshd DIR CONFIG_WRITER [PROGRAM]: an sshd on 127.0.0.1 (login, MFA) at the port
# recorded in DIR/port, or at a new free one when there is none or it is taken.
start_loopback_sshd() {
  local dir=$1 writer=$2 program=${3:-/usr/sbin/sshd} port attempt
  if sshd_running "$dir" >/dev/null; then return 0; fi
  for attempt in 1 2 3; do
    port=$(read_pidfile "$dir/port") # same format: one number
    if [[ -z $port ]] || port_in_use "$port"; then port=$(pick_port); fi
    echo "$port" >"$dir/port"
    "$writer" "$port"
    rm -f "$dir/sshd.pid"
    # sshd binds before it forks into the background: a taken port fails right here
    if "$program" -f "$dir/sshd_config" -E "$dir/sshd.log"; then
      wait_until 5 "sshd pid file" test -s "$dir/sshd.pid" || die "sshd of $dir wrote no pid file (see $dir/sshd.log)"
      wait_until 5 "sshd on $port" listening "" "127.0.0.1:$port" ||
        die "sshd of $dir does not answer on $port (see $dir/sshd.log)"
      return 0
    fi
    log "sshd of $dir failed on port $port (attempt $attempt); see $dir/sshd.log"
    rm -f "$dir/port"
  done
  die "could not start sshd of $dir"
}

# as_host NETNS|"" HOSTNAME COMMAND...: runs COMMAND (a daemon) as on host HOSTNAME of the cluster:
#  - in network namespace NETNS when given (nsenter, not ip netns exec, which also remounts /sys
#    and so hides /sys/fs/cgroup that slurmd needs),
#  - under its own hostname (unshare --uts: `hostname` says node1 in jobs, Open MPI's shared-memory
#    transport tells nodes apart by it, and slurmctld only runs on the host SlurmctldHost names),
#  - with the cluster's /etc/hosts in a private mount namespace (Slurm binds to the address its
#    own name resolves to; the machine's /etc/hosts stays untouched).
as_host() {
  local netns=$1 host=$2
  shift 2
  local enter=()
  [[ -z $netns ]] || enter=(nsenter --net="/run/netns/$netns")
  "${enter[@]}" unshare --uts --mount --propagation private -- \
    /bin/sh -c 'hostname "$1" && mount --bind "$2" /etc/hosts && shift 2 && exec "$@"' \
    sh "$host" "$STATE_DIR/hosts" "$@"
}

write_cluster_hosts() { # the cluster's names, as its daemons see them
  local node
  {
    echo "# /etc/hosts inside the loopback cluster's daemons (dev/cluster/start.sh)"
    echo "127.0.0.1 localhost"
    echo "$BRIDGE_ADDR login"
    for node in "${NODES[@]}"; do echo "$(node_addr "$node") $node"; done
  } >"$STATE_DIR/hosts"
  chmod 644 "$STATE_DIR/hosts"
}
write_cluster_hosts

start_node_sshd() { # start_node_sshd NODE: sshd in the node's network namespace, under its hostname
  local node=$1 dir=$STATE_DIR/$1 ns addr
  ns=$(node_netns "$node") addr=$(node_addr "$node")
  if sshd_running "$dir" >/dev/null; then return 0; fi
  write_node_config "$node"
  rm -f "$dir/sshd.pid"
  as_host "$ns" "$node" /usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/sshd.log" ||
    die "sshd of $node failed (see $dir/sshd.log)"
  wait_until 5 "sshd pid file" test -s "$dir/sshd.pid" || die "sshd of $node wrote no pid file (see $dir/sshd.log)"
  wait_until 5 "sshd of $node" listening "$ns" "$addr:22" ||
    die "sshd of $node does not answer on $addr:22 (see $dir/sshd.log)"
}

start_loopback_sshd "$STATE_DIR/login" write_login_config
write_pam_service
# sshd uses its program name as PAM service name: a symlink with the service's name selects it
ln -sfn /usr/sbin/sshd "$STATE_DIR/mfa/$MFA_SERVICE"
start_loopback_sshd "$STATE_DIR/mfa" write_mfa_config "$STATE_DIR/mfa/$MFA_SERVICE"
for node in "${NODES[@]}"; do start_node_sshd "$node"; done
LOGIN_PORT=$(<"$STATE_DIR/login/port")
MFA_PORT=$(<"$STATE_DIR/mfa/port")

# ---------------------------------------------------------------------------------------------
# Client side: known_hosts, ssh_config (for OpenSSH's ssh and JSch's OpenSSHConfig alike), and
# the user's own ~/.ssh so that jobs and mpirun can ssh between nodes as stagger-ci.
# ---------------------------------------------------------------------------------------------
host_key_line() { # host_key_line NAMES PUBKEYFILE
  echo "$1 $(cut -d' ' -f1,2 "$2")"
}
{
  host_key_line "[127.0.0.1]:$LOGIN_PORT" "$STATE_DIR/login/ssh_host_ed25519_key.pub"
  host_key_line "[127.0.0.1]:$MFA_PORT" "$STATE_DIR/mfa/ssh_host_ed25519_key.pub"
  for node in "${NODES[@]}"; do
    host_key_line "$node,$(node_addr "$node")" "$STATE_DIR/$node/ssh_host_ed25519_key.pub"
  done
} >"$C/known_hosts"

client_host_block() { # client_host_block ALIAS HOSTNAME PORT IDENTITY [extra lines...]
  local alias=$1 host=$2 port=$3 identity=$4
  shift 4
  cat <<EOF
Host $alias
  HostName $host
  Port $port
  User $CLUSTER_USER
  IdentityFile $identity
  IdentitiesOnly yes
  UserKnownHostsFile $C/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  ConnectTimeout 10
  LogLevel ERROR
EOF
  local line
  for line in "$@"; do echo "  $line"; done
  echo
}
{
  echo "# Loopback cluster of $STATE_DIR (generated by dev/cluster/start.sh)"
  client_host_block login 127.0.0.1 "$LOGIN_PORT" "$C/id_ed25519" "BatchMode yes"
  client_host_block login-mfa 127.0.0.1 "$MFA_PORT" "$C/id_ed25519" \
    "PreferredAuthentications publickey,keyboard-interactive" "NumberOfPasswordPrompts 1"
  client_host_block login-wrongkey 127.0.0.1 "$LOGIN_PORT" "$C/id_wrong" "BatchMode yes"
  for node in "${NODES[@]}"; do
    client_host_block "$node" "$(node_addr "$node")" 22 "$C/id_ed25519" "BatchMode yes" "ProxyJump login"
  done
} >"$C/ssh_config"
chmod 600 "$C"/id_ed25519 "$C"/id_ed25519_pass "$C"/id_wrong

install_user_ssh() {
  local ssh_dir=$USER_HOME/.ssh node
  install -d -m 700 -o "$CLUSTER_USER" -g "$CLUSTER_USER" "$ssh_dir"
  install -m 600 -o "$CLUSTER_USER" -g "$CLUSTER_USER" "$STATE_DIR/user/id_ed25519" "$ssh_dir/id_stagger_cluster"
  {
    for node in "${NODES[@]}"; do
      host_key_line "$node,$(node_addr "$node")" "$STATE_DIR/$node/ssh_host_ed25519_key.pub"
    done
  } >"$ssh_dir/known_hosts_stagger_cluster"
  {
    echo "# written by the Stagger loopback cluster (dev/cluster/start.sh) on every start"
    for node in "${NODES[@]}"; do printf 'Host %s\n  HostName %s\n' "$node" "$(node_addr "$node")"; done
    printf 'Host *\n  IdentityFile ~/.ssh/id_stagger_cluster\n  UserKnownHostsFile ~/.ssh/known_hosts_stagger_cluster\n'
    printf '  StrictHostKeyChecking yes\n  BatchMode yes\n  LogLevel ERROR\n'
  } >"$ssh_dir/config"
  chown "$CLUSTER_USER:" "$ssh_dir/config" "$ssh_dir/known_hosts_stagger_cluster"
  chmod 600 "$ssh_dir/config"
}
install_user_ssh

# ---------------------------------------------------------------------------------------------
# Slurm: munged with a private socket, slurmctld on the bridge address, slurmd on node1.
# ---------------------------------------------------------------------------------------------
MUNGE_SOCKET=$STATE_DIR/munge/munge.socket
SLURM_CONF=$STATE_DIR/slurm/slurm.conf
SL=$STATE_DIR/slurm
CTLD_HOST=login

start_munged() {
  local pid
  pid=$(read_pidfile "$STATE_DIR/munge/munged.pid")
  [[ -n $pid ]] && is_ours "$pid" && return 0
  chown munge: "$STATE_DIR/munge"
  chmod 755 "$STATE_DIR/munge"
  rm -f "$MUNGE_SOCKET" "$MUNGE_SOCKET.lock" "$STATE_DIR/munge/munged.pid"
  # a private socket (given to Slurm through AuthInfo) keeps clear of any system munged
  runuser -u munge -- /usr/sbin/munged --socket="$MUNGE_SOCKET" --pid-file="$STATE_DIR/munge/munged.pid" \
    --log-file="$STATE_DIR/munge/munged.log" --seed-file="$STATE_DIR/munge/munged.seed" --num-threads=2 ||
    die "munged failed (see $STATE_DIR/munge/munged.log)"
  wait_until 5 "munge socket" test -S "$MUNGE_SOCKET" || die "munged made no socket (see $STATE_DIR/munge/munged.log)"
}

write_slurm_conf() {
  local spool_node_dir
  cat >"$SLURM_CONF.tmp" <<EOF
# Single-node Slurm of the Stagger loopback cluster (generated by dev/cluster/start.sh)
ClusterName=stagger
# slurmctld listens on the bridge address: the login side; node1 reaches it over its veth
SlurmctldHost=$CTLD_HOST($BRIDGE_ADDR)
SlurmUser=root
SlurmdUser=root
MailProg=/bin/true
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$MUNGE_SOCKET
# bind to the configured addresses, never to 0.0.0.0
CommunicationParameters=NoInAddrAny,NoCtldInAddrAny
StateSaveLocation=$SL/state
SlurmdSpoolDir=$SL/spool/%n
SlurmctldPidFile=$SL/slurmctld.pid
SlurmdPidFile=$SL/slurmd-%n.pid
SlurmctldLogFile=$SL/log/slurmctld.log
SlurmdLogFile=$SL/log/slurmd-%n.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/filetxt
JobCompLoc=$SL/log/jobcomp.txt
# finished jobs stay visible to squeue for 30 s (default 300)
MinJobAge=30
# the node claims $SLURM_CPUS CPUs whatever the machine has
SlurmdParameters=config_overrides
PlugStackConfig=$SL/plugstack.conf
NodeName=$SLURM_NODE NodeHostname=$SLURM_NODE NodeAddr=$(node_addr "$SLURM_NODE") CPUs=$SLURM_CPUS Sockets=1 CoresPerSocket=$SLURM_CPUS ThreadsPerCore=1 State=UNKNOWN
PartitionName=$SLURM_PARTITION Nodes=$SLURM_NODE Default=YES MaxTime=INFINITE State=UP
EOF
  mv "$SLURM_CONF.tmp" "$SLURM_CONF"
  : >"$SL/plugstack.conf" # keeps /etc/slurm's plugstack (and what others drop there) out
  spool_node_dir=$SL/spool/$SLURM_NODE
  mkdir -p "$spool_node_dir"
  chmod 755 "$SL" "$SL/log" "$SL/spool"
  chmod 644 "$SLURM_CONF" "$SL/plugstack.conf"
}

start_slurmctld() {
  local pid
  pid=$(read_pidfile "$SL/slurmctld.pid")
  [[ -n $pid ]] && is_ours "$pid" && return 0
  rm -f "$SL/slurmctld.pid"
  # as host "login", whose name resolves (in its private /etc/hosts) to the bridge address:
  # NoCtldInAddrAny binds to what the controller's name resolves to, not to the address in ()
  SLURM_CONF=$SLURM_CONF as_host "" "$CTLD_HOST" /usr/sbin/slurmctld -f "$SLURM_CONF" || die "slurmctld failed (see $SL/log/slurmctld.log)"
  wait_until 5 "slurmctld pid" test -s "$SL/slurmctld.pid" || die "slurmctld wrote no pid file (see $SL/log/slurmctld.log)"
}

start_slurmd() {
  local pid
  pid=$(read_pidfile "$SL/slurmd-$SLURM_NODE.pid")
  [[ -n $pid ]] && is_ours "$pid" && return 0
  rm -f "$SL/slurmd-$SLURM_NODE.pid"
  # inside the node's namespaces: jobs see hostname node1 and the node's network only
  SLURM_CONF=$SLURM_CONF as_host "$(node_netns "$SLURM_NODE")" "$SLURM_NODE" /usr/sbin/slurmd -f "$SLURM_CONF" -N "$SLURM_NODE" ||
    die "slurmd failed (see $SL/log/slurmd-$SLURM_NODE.log)"
  wait_until 5 "slurmd pid" test -s "$SL/slurmd-$SLURM_NODE.pid" ||
    die "slurmd wrote no pid file (see $SL/log/slurmd-$SLURM_NODE.log)"
}

node_idle() {
  local state
  state=$(SLURM_CONF=$SLURM_CONF sinfo -h -N -n "$SLURM_NODE" -o %T 2>/dev/null) || return 1
  [[ $state == idle || $state == mixed || $state == allocated ]]
}

start_munged
write_slurm_conf
start_slurmctld
start_slurmd
wait_until 20 "node $SLURM_NODE idle" node_idle ||
  die "Slurm node $SLURM_NODE not idle: $(SLURM_CONF=$SLURM_CONF sinfo -N 2>&1 | tail -n 2 | tr '\n' ' ') (see $SL/log)"

# ---------------------------------------------------------------------------------------------
# cluster.env: written last, atomically; its presence means "up".
# ---------------------------------------------------------------------------------------------
fingerprint() { ssh-keygen -lf "$1" | cut -d' ' -f2; }
{
  emit() { printf '%s=%s\n' "$1" "$(env_quote "$2")"; }
  echo "# Loopback cluster (dev/cluster/start.sh); shell and java.util.Properties syntax"
  emit STATE_DIR "$STATE_DIR"
  emit USER "$CLUSTER_USER"
  emit USER_HOME "$USER_HOME"
  emit LOGIN_HOST 127.0.0.1
  emit LOGIN_PORT "$LOGIN_PORT"
  emit LOGIN_SSHD_PIDFILE "$STATE_DIR/login/sshd.pid"
  emit LOGIN_SSHD_LOG "$STATE_DIR/login/sshd.log"
  emit LOGIN_HOSTKEY_FINGERPRINT "$(fingerprint "$STATE_DIR/login/ssh_host_ed25519_key.pub")"
  emit LOGIN_OTHER_HOSTKEY_FINGERPRINT "$(fingerprint "$STATE_DIR/login/ssh_host_ed25519_key.other.pub")"
  emit MFA_HOST 127.0.0.1
  emit MFA_PORT "$MFA_PORT"
  emit MFA_SSHD_LOG "$STATE_DIR/mfa/sshd.log"
  emit MFA_HOSTKEY_FINGERPRINT "$(fingerprint "$STATE_DIR/mfa/ssh_host_ed25519_key.pub")"
  emit MFA_PROMPT "Verification code: "
  emit SSH_CONFIG "$C/ssh_config"
  emit KNOWN_HOSTS "$C/known_hosts"
  emit KEY "$C/id_ed25519"
  emit KEY_PASS "$C/id_ed25519_pass"
  emit KEY_PASSPHRASE "$KEY_PASSPHRASE"
  emit KEY_WRONG "$C/id_wrong"
  emit TOTP_SECRET_FILE "$STATE_DIR/mfa/totp.secret"
  emit TOTP_SECRET "$TOTP_SECRET"
  emit SLURM_CONF "$SLURM_CONF"
  emit SLURM_NODE "$SLURM_NODE"
  emit SLURM_PARTITION "$SLURM_PARTITION"
  emit SLURM_CPUS "$SLURM_CPUS"
  emit SLURM_LOG_DIR "$SL/log"
  emit BRIDGE_ADDR "$BRIDGE_ADDR"
  emit NODES "${NODES[*]}"
  for node in "${NODES[@]}"; do
    up=${node^^}
    emit "${up}_ADDR" "$(node_addr "$node")"
    emit "${up}_NETNS" "$(node_netns "$node")"
    emit "${up}_HOSTKEY_FINGERPRINT" "$(fingerprint "$STATE_DIR/$node/ssh_host_ed25519_key.pub")"
  done
} >"$STATE_DIR/cluster.env.tmp"
mv "$STATE_DIR/cluster.env.tmp" "$STATE_DIR/cluster.env"

elapsed_ms=$(((${EPOCHREALTIME/./} - ${started_at/./}) / 1000))
log "up in ${elapsed_ms} ms: $STATE_DIR/cluster.env"
