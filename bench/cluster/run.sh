#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# bench/cluster/run.sh — DESIGN.md's scale budget, measured: intervisie_load through nginx against
# three `intervisie serve` nodes on one PostgreSQL 15, side by side with one node on SQLite, in
# one run. See bench/cluster/README.md for what it prints and what the columns mean.
#
#   bench/cluster/run.sh                  # from the checkout's top, after building intervisie
#                                         # and intervisie_load into build/
#
# Settings (environment): BUILD (build), BIG_MEETINGS (6250 = 50,000 connections), LOADERS (4
# load processes for it), SMALL_MEETINGS (2000 = 16,000 connections: one node, one load
# process), PACE (1 = human pace), WARMUP (15 s), DURATION (60 s), SETTLE (5 s), NODES (3),
# NGINX_WORKERS (8), SOURCE_ADDRESSES (4), SETUP_CONCURRENCY (48 HTTP
# connections per load process creating the meetings), PHASES ("cluster-big sqlite cluster-small").
#
# PostgreSQL runs with fsync ON (its default, synchronous_commit on): an ack means the event is
# on disk, as in production. The SQLite node syncs its WAL too. Everything this script starts
# is stopped on exit, on an error and on Ctrl-C; its temporary directory is removed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../.." && pwd)
BUILD=${BUILD:-$top/build}
BIG_MEETINGS=${BIG_MEETINGS:-6250}
LOADERS=${LOADERS:-4}
SMALL_MEETINGS=${SMALL_MEETINGS:-2000}
PACE=${PACE:-1}
WARMUP=${WARMUP:-15}
DURATION=${DURATION:-60}
SETTLE=${SETTLE:-5}
NODES=${NODES:-3}
NGINX_WORKERS=${NGINX_WORKERS:-8}
SOURCE_ADDRESSES=${SOURCE_ADDRESSES:-4}
SETUP_CONCURRENCY=${SETUP_CONCURRENCY:-48}
PHASES=${PHASES:-cluster-big sqlite cluster-small}
PG_BIN=/usr/lib/postgresql/15/bin
NGINX=/usr/sbin/nginx
server_bin=$BUILD/intervisie
load_bin=$BUILD/intervisie_load
stat=$here/procstat.py
# The interpreter itself, not a version manager's shim, which can take seconds to start on a
# busy machine (and the samples are timed).
py=$(python3 -c 'import sys; print(sys.executable)')

for binary in "$server_bin" "$load_bin" "$PG_BIN/postgres" "$NGINX"; do
  [[ -x $binary ]] || { echo "run.sh: $binary is missing (build it first)" >&2; exit 2; }
done

work=$(mktemp -d /tmp/intervisie-cluster-bench-XXXXXX)
chmod 0755 "$work" # PostgreSQL's user must reach its directory inside
results=$work/results
mkdir -p "$results"
say() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# --- what runs, and how it is stopped ------------------------------------------------------
node_pids=()
nginx_pid=""
pg_pid=""
load_pids=()
sqlite_pid=""

stop_pid() { # pid, signal: signal it, wait up to 10 s, then KILL
  local pid=$1 signal=${2:-TERM}
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

stop_cluster() {
  local pid
  for pid in "${load_pids[@]}"; do stop_pid "$pid"; done
  load_pids=()
  [[ -n $nginx_pid ]] && stop_pid "$nginx_pid" QUIT # graceful: the master stops its workers
  nginx_pid=""
  for pid in "${node_pids[@]}"; do stop_pid "$pid"; done
  node_pids=()
  [[ -n $sqlite_pid ]] && stop_pid "$sqlite_pid"
  sqlite_pid=""
  [[ -n $pg_pid ]] && stop_pid "$pg_pid" INT # PostgreSQL's fast shutdown
  pg_pid=""
  wait 2>/dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_cluster
  if [[ ${KEEP:-0} == 1 ]]; then say "kept $work"; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT TERM

free_port() {
  "$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

wait_http() { # url, what, pid
  for _ in $(seq 300); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || { say "$2 ended at start"; return 1; }
    sleep 0.1
  done
  say "$2 did not answer $1 within 30 s"; return 1
}

# --- PostgreSQL 15, as nobody when root (it refuses root), fsync on ------------------------------
pg_port=""
start_postgres() {
  local pg=$work/pg as=()
  rm -rf "$pg"
  mkdir -p "$pg"
  if [[ $(id -u) == 0 ]]; then
    chown nobody:nogroup "$pg"
    as=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
  fi
  "${as[@]}" "$PG_BIN/initdb" -D "$pg/data" -U intervisie -A trust -E UTF8 --locale=C \
    --no-instructions >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log" >&2; return 1; }
  pg_port=$(free_port)
  # Defaults kept: fsync=on, synchronous_commit=on, full_page_writes=on, shared_buffers=128MB.
  "${as[@]}" "$PG_BIN/postgres" -D "$pg/data" -p "$pg_port" -h 127.0.0.1 -k "$pg" \
    -c max_connections=200 >"$work/postgres.log" 2>&1 &
  pg_pid=$!
  for _ in $(seq 300); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && break
    kill -0 "$pg_pid" 2>/dev/null || { tail "$work/postgres.log" >&2; return 1; }
    sleep 0.1
  done
  "$PG_BIN/psql" -q -h 127.0.0.1 -p "$pg_port" -U intervisie -d postgres \
    -c "CREATE DATABASE intervisie" >/dev/null
  say "PostgreSQL 15 on port $pg_port (pid $pg_pid), fsync $("$PG_BIN/psql" -Atq -h 127.0.0.1 \
    -p "$pg_port" -U intervisie -d postgres -c 'show fsync'), data in $pg/data"
}

# --- the nodes and nginx ---------------------------------------------------------------------
nginx_port=""
start_cluster() {
  start_postgres
  rm -f "$work/master.key"
  "$server_bin" new-master-key "$work/master.key" >/dev/null
  nginx_port=$(free_port)
  mkdir -p "$work/nginx/intervisie"
  : >"$work/nginx/intervisie/nodes.conf"
  local i port
  for ((i = 1; i <= NODES; i++)); do
    port=$(free_port)
    "$server_bin" serve --host 127.0.0.1 --port "$port" \
      --store "postgresql://intervisie@127.0.0.1:$pg_port/intervisie" \
      --master-key "$work/master.key" --trusted-proxy 127.0.0.1 \
      --public-url "http://127.0.0.1:$nginx_port" --sessions-per-minute 1000000 \
      >"$work/node-$i.log" 2>&1 &
    node_pids+=("$!")
    wait_http "http://127.0.0.1:$port/healthz" "node $i" "$!"
    echo "server 127.0.0.1:$port max_fails=1 fail_timeout=5s;" >>"$work/nginx/intervisie/nodes.conf"
  done
  # The routing and proxy settings are deploy/nginx/intervisie/ exactly as shipped; the node list
  # sits beside a copy of them (routing.conf includes intervisie/nodes.conf from the prefix).
  cp "$top/deploy/nginx/intervisie/routing.conf" "$top/deploy/nginx/intervisie/proxy.conf" \
    "$work/nginx/intervisie/"
  # Every proxied connection holds two descriptors in one worker (client and node): 2 x 50,000
  # over NGINX_WORKERS workers; `reuseport` gives each worker its own listening socket, so the
  # kernel spreads connections evenly instead of one worker taking most of them.
  cat >"$work/nginx/nginx.conf" <<EOF
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
worker_processes $NGINX_WORKERS;
worker_rlimit_nofile 19500;
events { worker_connections 19000; }
http {
  access_log off;
  include intervisie/routing.conf;
  server {
    listen 127.0.0.1:$nginx_port reuseport backlog=4096;
    location / { include intervisie/proxy.conf; }
  }
}
EOF
  "$NGINX" -p "$work/nginx/" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" \
    -g "daemon off;" >"$work/nginx/stdout.log" 2>&1 &
  nginx_pid=$!
  wait_http "http://127.0.0.1:$nginx_port/healthz" nginx "$nginx_pid"
  say "$NODES nodes (pids ${node_pids[*]}) behind nginx on port $nginx_port (master $nginx_pid," \
    "$NGINX_WORKERS workers)"
}

start_sqlite_node() {
  local port
  port=$(free_port)
  mkdir -p "$work/sqlite"
  "$server_bin" serve --host 127.0.0.1 --port "$port" --data "$work/sqlite" \
    --sessions-per-minute 1000000 --connections-per-address 0 >"$work/sqlite.log" 2>&1 &
  sqlite_pid=$!
  wait_http "http://127.0.0.1:$port/healthz" "SQLite node" "$sqlite_pid"
  sqlite_port=$port
  say "one node on SQLite, port $port (pid $sqlite_pid), store in $work/sqlite" \
    "($(stat -f -c %T "$work/sqlite"))"
}

# --- one measured configuration ----------------------------------------------------------------
groups() { # the process groups sampled: server side and the load processes
  local all=()
  if ((${#node_pids[@]})); then all+=("nodes=$(IFS=,; echo "${node_pids[*]}")"); fi
  [[ -n $sqlite_pid ]] && all+=("nodes=$sqlite_pid")
  [[ -n $nginx_pid ]] && all+=("nginx=$nginx_pid")
  [[ -n $pg_pid ]] && all+=("postgres=$pg_pid")
  ((${#load_pids[@]})) && all+=("load=$(IFS=,; echo "${load_pids[*]}")")
  printf '%s\n' "${all[@]}"
}

sample() { # file [--cpu-only]
  mapfile -t g < <(groups)
  "$py" "$stat" sample "$1" ${2:-} "${g[@]}"
}

# slug, name, port, meetings, load processes
measure() {
  local name=$2 port=$3 meetings=$4 loaders=$5 dir=$results/$1
  mkdir -p "$dir"
  sample "$dir/empty.json"
  local i m per=$(((meetings + loaders - 1) / loaders)) left=$meetings
  for ((i = 1; i <= loaders; i++)); do
    m=$((left < per ? left : per))
    left=$((left - m))
    "$load_bin" --port "$port" --meetings "$m" --pace "$PACE" --warmup "$WARMUP" \
      --duration "$DURATION" --settle "$SETTLE" --source-addresses "$SOURCE_ADDRESSES" \
      --seed "$i" --connect-burst 128 --setup-concurrency "$SETUP_CONCURRENCY" --latencies "$dir/load-$i.lat" \
      --ready-file "$dir/ready-$i" --go-file "$dir/go" >"$dir/load-$i.out" 2>"$dir/load-$i.err" &
    load_pids+=("$!")
  done
  say "$name: $loaders load process(es), $meetings meetings = $((meetings * 8)) connections to" \
    "port $port; setting up"
  local began=$SECONDS ready
  while :; do
    ready=0
    for ((i = 1; i <= loaders; i++)); do [[ -e $dir/ready-$i ]] && ready=$((ready + 1)); done
    ((ready == loaders)) && break
    for pid in "${load_pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || { say "a load process ended during setup:"; \
        cat "$dir"/load-*.err "$dir"/load-*.out >&2; return 1; }
    done
    sleep 1
  done
  say "$name: all set up in $((SECONDS - began)) s: $(cat "$dir"/ready-* | tr '\n' ';')"
  sleep 2
  sample "$dir/idle.json"
  # Everyone connected and quiet: the load processes settle, warm up, then measure together.
  touch "$dir/go"
  sleep $((SETTLE + WARMUP))
  sample "$dir/start.json" --cpu-only
  # Until a moment short of the load processes' window (they exit as soon as it ends), counted
  # from the first sample's time stamp (a sample takes seconds with 50,000 descriptors open).
  "$py" -c "import json, time; t = json.load(open('$dir/start.json'))['time'];
time.sleep(max(0, t + $DURATION - 0.25 - time.time()))"
  sample "$dir/end.json"
  say "$name: measured ${DURATION} s; waiting for the load processes' reports"
  for pid in "${load_pids[@]}"; do wait "$pid" || say "a load process exited with $?"; done
  load_pids=()
  "$py" "$stat" row "$name" "$((meetings * 8))" "$meetings" "$dir" >"$dir/row.json"
  grep -h -E "^(connections|commands|latency|  |messages|saturated)" "$dir"/load-*.out | \
    sort | uniq -c | sort -rn | head -20 >&2 || true
}

say "intervisie cluster benchmark in $work; phases: $PHASES; $(nproc) cores; open files" \
  "$(ulimit -Hn) per process (hard)"
for phase in $PHASES; do
  case $phase in
  cluster-big)
    start_cluster
    measure cluster-big "nginx + $NODES nodes + PostgreSQL, $((BIG_MEETINGS * 8))" "$nginx_port" \
      "$BIG_MEETINGS" "$LOADERS"
    stop_cluster ;;
  sqlite)
    start_sqlite_node
    measure sqlite "1 node, SQLite, $((SMALL_MEETINGS * 8))" "$sqlite_port" "$SMALL_MEETINGS" 1
    stop_cluster ;;
  cluster-small)
    start_cluster
    measure cluster-small "nginx + $NODES nodes + PostgreSQL, $((SMALL_MEETINGS * 8))" "$nginx_port" \
      "$SMALL_MEETINGS" 1
    stop_cluster ;;
  *) say "unknown phase $phase"; exit 2 ;;
  esac
done

echo
"$py" "$stat" table "$results/rows.jsonl"
cp "$results/rows.jsonl" "${OUT:-/dev/null}" 2>/dev/null || true
