#!/usr/bin/env bash
# A private PostgreSQL instance in a folder, for the local run and the tests. No system service.
#   pg-instance.sh start DIR       initialises DIR/postgres on first use, starts it on a free loopback
#                                  port and prints its connection string on stdout
#   pg-instance.sh connection DIR  prints the connection string of the running instance
#   pg-instance.sh stop DIR        stops it
#   pg-instance.sh destroy DIR     stops it and deletes DIR (throwaway instances of the tests)
# PostgreSQL refuses to run as root, so as root the server runs as the 'postgres' user.
# The password is generated on first use and kept in DIR/postgres/password (mode 600).
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command_name=${1:?usage: pg-instance.sh start|stop DIR}
base_dir=${2:?usage: pg-instance.sh start|stop DIR}
mkdir -p "$base_dir"
base_dir=$(cd "$base_dir" && pwd)
instance_dir="$base_dir/postgres"
data_dir="$instance_dir/data"
password_file="$instance_dir/password"
log_file="$instance_dir/server.log"

bin_dir=$(pg_bin_dir)

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

initialise() {
  mkdir -p "$instance_dir"
  chmod 700 "$instance_dir"
  head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$password_file"
  chmod 600 "$password_file"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown -R postgres "$instance_dir"
    # The server user has to reach the instance folder through its parents.
    local parent=$base_dir
    while [ "$parent" != "/" ]; do chmod o+x "$parent"; parent=$(dirname "$parent"); done
  fi
  as_server_user "$bin_dir/initdb" -D "$data_dir" -U gallery --pwfile="$password_file" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
}

start() {
  [ -f "$data_dir/PG_VERSION" ] || initialise
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 10000))
    port_is_free "$port" || continue
    if as_server_user "$bin_dir/pg_ctl" -D "$data_dir" -l "$log_file" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k '' -c max_connections=300 -c fsync=${GALLERY_PG_FSYNC:-on}" start >/dev/null; then
      local password
      password=$(cat "$password_file")
      if ! PGPASSWORD=$password "$bin_dir/psql" -h 127.0.0.1 -p "$port" -U gallery -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'gallery'" | grep -q 1; then
        PGPASSWORD=$password "$bin_dir/createdb" -h 127.0.0.1 -p "$port" -U gallery gallery
      fi
      connection_string "$port"
      return
    fi
  done
  echo "could not start PostgreSQL; see $log_file" >&2
  exit 1
}

connection_string() { # port
  echo "Host=127.0.0.1;Port=$1;Username=gallery;Password=$(cat "$password_file");Database=gallery"
}

# The running instance's connection string; its port is the fourth line of postmaster.pid.
connection() {
  [ -f "$data_dir/postmaster.pid" ] || { echo "PostgreSQL is not running under $base_dir" >&2; exit 1; }
  connection_string "$(sed -n 4p "$data_dir/postmaster.pid")"
}

stop() {
  if [ -f "$data_dir/postmaster.pid" ]; then
    as_server_user "$bin_dir/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null
  fi
}

case "$command_name" in
  start) start ;;
  connection) connection ;;
  stop) stop ;;
  destroy) stop; rm -rf "$base_dir" ;;
  *) echo "usage: pg-instance.sh start|connection|stop|destroy DIR" >&2; exit 2 ;;
esac
