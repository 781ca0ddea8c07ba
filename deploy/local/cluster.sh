#!/usr/bin/env bash
# Runs a cluster of Conversations nodes on this machine against a local PostgreSQL, with CONTRACT.md's
# "Running a cluster" settings: node k listens on http://127.0.0.1:508k, silo port 1111k, gateway 3000k,
# data folder .cluster/nodek/data.
#
#   CONVERSATIONS_POSTGRES="Host=localhost;Username=…;Password=…;Database=…" deploy/local/cluster.sh start [N]
#   deploy/local/cluster.sh status      # each node's pid and /health/ready
#   deploy/local/cluster.sh kill K      # SIGKILL node K, as a machine dies (its grains move to the others)
#   deploy/local/cluster.sh start-node K
#   deploy/local/cluster.sh stop        # SIGTERM every node this script started
#
# start publishes the server once into .cluster/app (REBUILD=1 publishes again). Logs: .cluster/nodeK/log.
# Other settings: CLUSTER_DIR (state folder), CLUSTER_ID (Orleans:ClusterId, default conversations),
# EXTRA_ARGS (more --Key value arguments for every node).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state="${CLUSTER_DIR:-$root/.cluster}"
cluster_id="${CLUSTER_ID:-conversations}"

http_port() { echo $((5080 + $1)); }
silo_port() { echo $((11110 + $1)); }
gateway_port() { echo $((30000 + $1)); }
pid_of() { cat "$state/node$1/pid" 2>/dev/null || true; }
alive() { local pid; pid="$(pid_of "$1")"; [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; }
nodes() { ls -d "$state"/node* 2>/dev/null | sed 's/.*node//' | sort -n; }

publish() {
  if [[ -f "$state/app/Conversations.Server.dll" && -z "${REBUILD:-}" ]]; then
    return
  fi
  echo "publishing the server into $state/app"
  dotnet publish "$root/src/Conversations.Server" -c Release -o "$state/app" --nologo -v quiet
}

start_node() {
  local k="$1"
  : "${CONVERSATIONS_POSTGRES:?set CONVERSATIONS_POSTGRES to an Npgsql connection string of a local PostgreSQL database}"
  if alive "$k"; then
    echo "node$k already runs (pid $(pid_of "$k"))"
    return
  fi
  mkdir -p "$state/node$k/data"
  # shellcheck disable=SC2086 # EXTRA_ARGS is a list of arguments on purpose.
  nohup dotnet "$state/app/Conversations.Server.dll" \
    --contentRoot "$state/app" \
    --urls "http://127.0.0.1:$(http_port "$k")" \
    --Storage:Provider Postgres \
    --ConnectionStrings:Conversations "$CONVERSATIONS_POSTGRES" \
    --Orleans:Clustering Postgres \
    --Orleans:ClusterId "$cluster_id" \
    --Orleans:SiloPort "$(silo_port "$k")" \
    --Orleans:GatewayPort "$(gateway_port "$k")" \
    --Orleans:AdvertisedAddress 127.0.0.1 \
    --Storage:DataDirectory "$state/node$k/data" \
    ${EXTRA_ARGS:-} >"$state/node$k/log" 2>&1 &
  echo $! >"$state/node$k/pid"
  echo "node$k starting (pid $!): http://127.0.0.1:$(http_port "$k"), silo $(silo_port "$k"), gateway $(gateway_port "$k")"
}

wait_ready() {
  local k="$1" deadline=$((SECONDS + 120))
  until curl -fsS "http://127.0.0.1:$(http_port "$k")/health/ready" >/dev/null 2>&1; do
    if ! alive "$k"; then
      echo "node$k exited; last lines of $state/node$k/log:" >&2
      tail -n 30 "$state/node$k/log" >&2
      exit 1
    fi
    if ((SECONDS > deadline)); then
      echo "node$k not ready after 120 s; see $state/node$k/log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "node$k ready"
}

case "${1:-}" in
  start)
    count="${2:-3}"
    publish
    # The first node migrates the schema and seeds an empty database; the others join it.
    start_node 1
    wait_ready 1
    for ((k = 2; k <= count; k++)); do start_node "$k"; done
    for ((k = 2; k <= count; k++)); do wait_ready "$k"; done
    echo "cluster '$cluster_id' of $count node(s) up; stop it with: $0 stop"
    ;;
  start-node)
    publish
    start_node "${2:?node number}"
    wait_ready "$2"
    ;;
  status)
    for k in $(nodes); do
      if alive "$k"; then
        ready="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(http_port "$k")/health/ready" || true)"
        echo "node$k pid $(pid_of "$k") http://127.0.0.1:$(http_port "$k") ready=$ready"
      else
        echo "node$k stopped"
      fi
    done
    ;;
  kill)
    k="${2:?node number}"
    alive "$k" || { echo "node$k is not running" >&2; exit 1; }
    kill -9 "$(pid_of "$k")"
    echo "node$k killed (SIGKILL)"
    ;;
  stop)
    for k in $(nodes); do
      if alive "$k"; then
        kill -TERM "$(pid_of "$k")"
      fi
    done
    for k in $(nodes); do
      for _ in $(seq 1 60); do alive "$k" || break; sleep 0.5; done
      if alive "$k"; then
        echo "node$k did not stop within 30 s; SIGKILL" >&2
        kill -9 "$(pid_of "$k")"
      fi
      rm -f "$state/node$k/pid"
      echo "node$k stopped"
    done
    ;;
  *)
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
