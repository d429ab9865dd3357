#!/usr/bin/env bash
# Restarts every silo and then every gateway of a running cluster.sh, one at a time, without failing a request
# (for an upgrade: build, then run this). Run it with the same GALLERY_DATA (and GALLERY_DB, if set) as cluster.sh.
# - A silo gets SIGTERM: it hands its grains over and leaves the cluster; its supervisor starts it again, and the
#   next silo waits until the new one is Active in the membership table.
# - A gateway is first taken out of nginx's rotation (a graceful reload: requests under way finish, new ones go to
#   the other gateways), then stopped with SIGTERM once nginx holds no connection to it, started again by its
#   supervisor, and put back once its /readyz answers.
# Needs at least two silos and two gateways: with one, there is nowhere for the work to go meanwhile.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=deploy/local/lib.sh
source "$repo/deploy/local/lib.sh"

export GALLERY_DATA=${GALLERY_DATA:-$repo/.data}
run_dir=$GALLERY_DATA/run
nginx_dir=$run_dir/nginx
nginx_program=$(command -v nginx || echo /usr/sbin/nginx)
drain_timeout=${GALLERY_DRAIN_TIMEOUT:-60}

[ -s "$run_dir/nginx.pid" ] || { echo "No cluster.sh is running on $GALLERY_DATA" >&2; exit 1; }
database=${GALLERY_DB:-$("$repo/deploy/local/pg-instance.sh" connection "$GALLERY_DATA")}
mapfile -t silos < <(cd "$run_dir" && ls silo*.pid 2>/dev/null | sed 's/\.pid$//' | sort -V)
mapfile -t gateways < <(cd "$run_dir" && ls gateway*.pid 2>/dev/null | sed 's/\.pid$//' | sort -V)
if [ "${#silos[@]}" -lt 2 ] || [ "${#gateways[@]}" -lt 2 ]; then
  echo "A rolling restart needs at least 2 silos and 2 gateways (found ${#silos[@]} and ${#gateways[@]})" >&2
  exit 1
fi

program_pid() { # NAME
  cat "$run_dir/$1.pid" 2>/dev/null
}

# Whether the supervisor has started a new process in place of OLD-PID, and the old one is gone.
replaced() { # NAME OLD-PID
  local now
  now=$(program_pid "$1") && [ -n "$now" ] && [ "$now" != "$2" ] && ! kill -0 "$2" 2>/dev/null
}

newest_active_generation() { # SILO
  (pg_environment "$database" && "$(pg_bin_dir)/psql" -XAtq -c \
    "SELECT coalesce(max(generation), 0) FROM orleans_membership WHERE silo_name = '$1' AND status = 3")
}

active_after() { # SILO GENERATION
  local generation
  generation=$(newest_active_generation "$1" 2>/dev/null) && [ "$generation" -gt "$2" ]
}

restart_silo() { # SILO
  local generation old
  generation=$(newest_active_generation "$1")
  old=$(program_pid "$1")
  echo "$(date +%T) stopping $1 (pid $old); its grains move to the other silos"
  kill -TERM "$old"
  wait_until replaced "$1" "$old"
  wait_until active_after "$1" "$generation"
  echo "$(date +%T) $1 is back (pid $(program_pid "$1"))"
}

# The gateway's ports, from the balancer's "server 127.0.0.1:PORT ...; # NAME" lines: HTTP first, then S3.
gateway_ports() { # GATEWAY
  sed -nE "s/^ *server 127\.0\.0\.1:([0-9]+) .*# $1\$/\1/p" "$nginx_dir/nginx.conf"
}

# Marks the gateway's upstream lines down (out) or not (in), and reloads nginx: its old workers finish their requests.
set_rotation() { # GATEWAY in|out
  if [ "$2" = out ]; then
    sed -i -E "s/ max_fails=1 fail_timeout=5s; # $1\$/ max_fails=1 fail_timeout=5s down; # $1/" "$nginx_dir/nginx.conf"
  else
    sed -i -E "s/ down; # $1\$/; # $1/" "$nginx_dir/nginx.conf"
  fi
  "$nginx_program" -t -q -e stderr -p "$nginx_dir" -c nginx.conf
  "$nginx_program" -q -e stderr -p "$nginx_dir" -c nginx.conf -s reload
}

# Whether no connection to the gateway's ports is open any more (nginx's old workers are done with it).
drained() { # GATEWAY
  local port
  for port in $(gateway_ports "$1"); do
    [ -z "$(ss -Htn state established "( sport = :$port )")" ] || return 1
  done
}

restart_gateway() { # GATEWAY
  local old port
  old=$(program_pid "$1")
  port=$(gateway_ports "$1" | head -n 1)
  echo "$(date +%T) taking $1 out of rotation"
  set_rotation "$1" out
  GALLERY_READY_TIMEOUT=$drain_timeout wait_until drained "$1" ||
    echo "$1 still has connections after $drain_timeout s; stopping it anyway (it finishes the requests under way)" >&2
  echo "$(date +%T) stopping $1 (pid $old)"
  kill -TERM "$old"
  wait_until replaced "$1" "$old"
  wait_until all_answer "http://127.0.0.1:$port/readyz"
  set_rotation "$1" in
  echo "$(date +%T) $1 is back in rotation (pid $(program_pid "$1"))"
}

for silo in "${silos[@]}"; do
  restart_silo "$silo"
done
for gateway in "${gateways[@]}"; do
  restart_gateway "$gateway"
done
echo "Rolling restart done: ${#silos[@]} silos and ${#gateways[@]} gateways restarted one at a time."
