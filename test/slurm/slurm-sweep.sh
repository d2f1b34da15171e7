#!/usr/bin/env bash
# `npm run test:slurm` (FORMAT.md "Shards and merge", docs/cluster.md): proves that a kmsim sweep
# runs as a real Slurm job array. As root on Debian it installs slurm-wlm and munge with apt if
# missing, writes a single-node cluster configuration in a temporary folder (ports of its own),
# starts munged (unless one answers), slurmctld and slurmd, submits the array job of a bundled
# sweep with `sbatch --wait`, merges the shards, and compares the result byte for byte with a
# local unsharded run. It always stops the daemons it started (by PID) and removes its files,
# even on failure. Where it cannot run it says why and passes, unless KMSIM_REQUIRE_SLURM=1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
SCENARIO=scenarios/branch-size-sweep.yaml
SHARDS=3
REPLICATIONS=2
LIMIT_S=${KMSIM_SLURM_TIMEOUT:-900}

skip() {
  if [[ "${KMSIM_REQUIRE_SLURM:-}" == 1 ]]; then
    echo "test:slurm: FAILED: cannot run ($1) and KMSIM_REQUIRE_SLURM=1" >&2
    exit 1
  fi
  echo "test:slurm: skipped: $1 (set KMSIM_REQUIRE_SLURM=1 to make this a failure)"
  exit 0
}

[[ "$(uname -s)" == Linux ]] || skip "not Linux"
[[ "$(id -u)" == 0 ]] || skip "not root (it installs packages and starts cluster daemons)"
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  command -v apt-get >/dev/null || skip "slurm-wlm and munge are not installed and there is no apt-get"
  echo "test:slurm: installing slurm-wlm and munge with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends slurm-wlm munge >/dev/null 2>&1 \
    || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends slurm-wlm munge >/dev/null; } \
    || skip "apt-get could not install slurm-wlm and munge"
fi
[[ -f dist/cli/main.js ]] || { echo "test:slurm: building dist/"; npm run build >/dev/null; }

WORK=$(mktemp -d /tmp/kmsim-slurm.XXXXXX)
chmod 755 "$WORK"
STARTED_PIDS=()
cleanup() {
  local status=$?
  for pid in "${STARTED_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STARTED_PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [[ $status -ne 0 ]]; then
    for log in "$WORK"/*.log; do [[ -f "$log" ]] && { echo "--- $log (last lines)"; tail -n 20 "$log"; }; done >&2
  fi
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# munge: reuse a daemon that answers, else start one of our own (as the munge user).
if ! (munge -n | unmunge) >/dev/null 2>&1; then
  [[ -f /etc/munge/munge.key ]] || { mungekey --create >/dev/null 2>&1 || /usr/sbin/create-munge-key -f >/dev/null; chown munge:munge /etc/munge/munge.key; }
  install -d -o munge -g munge -m 0755 /run/munge
  # The pid file goes where the munge user may write; the daemon forks, so its pid comes from there.
  MUNGE_PID_FILE=/run/munge/kmsim-test-$$.pid
  runuser -u munge -- /usr/sbin/munged --pid-file="$MUNGE_PID_FILE"
  for _ in $(seq 50); do [[ -s "$MUNGE_PID_FILE" ]] && break; sleep 0.1; done
  STARTED_PIDS+=("$(cat "$MUNGE_PID_FILE")")
  rm -f "$MUNGE_PID_FILE"
  (munge -n | unmunge) >/dev/null 2>&1 || { echo "test:slurm: munged does not answer" >&2; exit 1; }
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
NODE=$(hostname -s)
CPUS=$(nproc)
CTLD_PORT=$(free_port)
SLURMD_PORT=$(free_port)
mkdir -p "$WORK/state" "$WORK/spool"
cat > "$WORK/slurm.conf" <<CONF
ClusterName=kmsimtest
SlurmctldHost=$NODE(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CryptoType=crypto/munge
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/slurmctld.log
SlurmdLogFile=$WORK/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$CPUS State=UNKNOWN
PartitionName=kmsim Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$WORK/slurm.conf"

slurmctld -f "$SLURM_CONF" -i
for _ in $(seq 100); do [[ -s "$WORK/slurmctld.pid" ]] && break; sleep 0.1; done
STARTED_PIDS+=("$(cat "$WORK/slurmctld.pid")")
slurmd -f "$SLURM_CONF"
for _ in $(seq 100); do [[ -s "$WORK/slurmd.pid" ]] && break; sleep 0.1; done
STARTED_PIDS+=("$(cat "$WORK/slurmd.pid")")
for _ in $(seq 300); do
  state=$(sinfo -h -n "$NODE" -o %t 2>/dev/null || true)
  [[ "$state" == idle* || "$state" == mix* ]] && break
  sleep 0.2
done
[[ "$state" == idle* || "$state" == mix* ]] || { echo "test:slurm: node $NODE not idle (state: ${state:-none})" >&2; exit 1; }
echo "test:slurm: single-node cluster up ($NODE, $CPUS CPUs, slurmctld port $CTLD_PORT)"

# The array job, as docs/cluster.md shows it: task i runs shard i+1 of N into its own folder.
timeout "$LIMIT_S" sbatch --wait --quiet --chdir "$ROOT" --array=0-$((SHARDS - 1)) --cpus-per-task=1 \
  --output="$WORK/array-%a.log" \
  --export=ALL,N=$SHARDS,SCENARIO=$SCENARIO,SHARED=$WORK/shared,KMSIM_REPLICATIONS=$REPLICATIONS \
  --wrap 'K=$((SLURM_ARRAY_TASK_ID + 1)); exec node bin/kmsim.js sweep "$SCENARIO" --replications "$KMSIM_REPLICATIONS" --shard "$K/$N" --out "$SHARED/shard-$K" --workers 1'
node bin/kmsim.js merge "$WORK/merged" $(for k in $(seq 1 $SHARDS); do echo "$WORK/shared/shard-$k"; done) >/dev/null
node bin/kmsim.js sweep "$SCENARIO" --replications $REPLICATIONS --out "$WORK/local" >/dev/null
for f in points.csv runs.csv sweep.csv sweep-chart.svg sweep-chart.html; do
  cmp "$WORK/local/$f" "$WORK/merged/$f" || { echo "test:slurm: FAILED: $f of the Slurm job array differs from the local run" >&2; exit 1; }
done
echo "test:slurm: passed: $SHARDS array tasks on Slurm, merged, byte-identical to the local run"
