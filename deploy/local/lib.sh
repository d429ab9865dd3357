# Shared by the scripts in deploy/local: sourced, it only defines functions.
# The scripts set $repo (the repository root) before calling them.

# The folder with PostgreSQL's server and client programs (Debian's 'postgresql' package).
pg_bin_dir() {
  local candidate
  candidate=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$candidate" ] && [ -x "$candidate/initdb" ]; then
    echo "$candidate"
  elif command -v pg_ctl >/dev/null 2>&1 && command -v psql >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
  else
    echo "PostgreSQL server binaries not found: install Debian's 'postgresql' package" >&2
    return 1
  fi
}

# Exports PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE from an Npgsql connection string, for psql and pg_dump.
pg_environment() {
  local part key value
  local IFS=';'
  for part in $1; do
    key=${part%%=*}
    value=${part#*=}
    case "${key,,}" in
      host | server) export PGHOST=$value ;;
      port) export PGPORT=$value ;;
      username | user\ id | userid | user) export PGUSER=$value ;;
      password) export PGPASSWORD=$value ;;
      database) export PGDATABASE=$value ;;
    esac
  done
}

port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A free loopback port below Linux's ephemeral range, none of those given (ports chosen earlier in this start).
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 12000))
    case " $* " in *" $port "*) continue ;; esac
    if port_is_free "$port"; then
      echo "$port"
      return
    fi
  done
  echo "no free port found" >&2
  return 1
}

# Makes $GALLERY_DATA absolute and creates its folders; sets http_port and s3_port.
prepare_data_folder() {
  export GALLERY_DATA=${GALLERY_DATA:-$repo/.data}
  http_port=${GALLERY_HTTP_PORT:-8080}
  s3_port=${GALLERY_S3_PORT:-9000}
  mkdir -p "$GALLERY_DATA/objects" "$GALLERY_DATA/mail" "$GALLERY_DATA/logs" "$GALLERY_DATA/run"
  GALLERY_DATA=$(cd "$GALLERY_DATA" && pwd)
}

# Sets $database: GALLERY_DB, or the private instance under $GALLERY_DATA/postgres, started here.
started_postgres=""
start_database() {
  if [ -n "${GALLERY_DB:-}" ]; then
    database=$GALLERY_DB
  else
    echo "Starting PostgreSQL under $GALLERY_DATA/postgres ..."
    started_postgres=yes
    database=$("$repo/deploy/local/pg-instance.sh" start "$GALLERY_DATA")
  fi
}

stop_database() {
  if [ -n "$started_postgres" ]; then
    "$repo/deploy/local/pg-instance.sh" stop "$GALLERY_DATA"
  fi
}

# The build output a program runs from. GALLERY_CONFIGURATION (default Release) picks the configuration.
program_folder() { # project-folder
  echo "$repo/$1/bin/${GALLERY_CONFIGURATION:-Release}/net10.0"
}

# Builds the solution, unless GALLERY_SKIP_BUILD=1 says the build output is there already (the tests).
build_programs() {
  if [ "${GALLERY_SKIP_BUILD:-}" = 1 ]; then
    return
  fi
  echo "Building ..."
  dotnet build "$repo/GalleryOrleans.sln" -c "${GALLERY_CONFIGURATION:-Release}" -v quiet -nologo \
    >"$GALLERY_DATA/logs/build.log" 2>&1 || { cat "$GALLERY_DATA/logs/build.log"; return 1; }
}

# The settings every silo and gateway shares, as environment variables.
export_common_settings() {
  # Development key for tokens and stored secrets: generated once per data folder, never committed.
  local key_file=$GALLERY_DATA/signing.key
  if [ ! -s "$key_file" ]; then
    (umask 077 && head -c 32 /dev/urandom | base64 >"$key_file")
  fi
  Auth__SigningKey=$(cat "$key_file")
  export Auth__SigningKey
  # The cluster CA and node certificate for mutual TLS between silos and gateways: made once per data folder.
  "$repo/deploy/local/cluster-certificates.sh" "$GALLERY_DATA/tls"
  export Orleans__Tls__CertificatePath=$GALLERY_DATA/tls/node.crt
  export Orleans__Tls__KeyPath=$GALLERY_DATA/tls/node.key
  export Orleans__Tls__CaPath=$GALLERY_DATA/tls/ca.crt
  export ConnectionStrings__Orleans=$database
  export ConnectionStrings__Catalog=$database
  export Storage__Root=$GALLERY_DATA/objects
  export Email__PickupDirectory=$GALLERY_DATA/mail
  export PublicBaseUrl=${GALLERY_PUBLIC_URL:-http://localhost:$http_port}
  # libvips and ONNX Runtime allocate from many threads; glibc's default of one malloc arena per thread (up to 8 per
  # core) kept 50-60 MB of freed memory in each, and a silo's memory grew for as long as new threads touched images.
  export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
  # A local development run: the dashboard is open. Production sets Dashboard__Username/Password instead.
  export Dashboard__Open=${GALLERY_DASHBOARD_OPEN:-true}
}

# Runs COMMAND in FOLDER as NAME and restarts it whenever it exits, waiting 1 s, then twice as long after each
# quick failure (at most 30 s; back to 1 s once it has run for a minute). Its pid is in $GALLERY_DATA/run/NAME.pid,
# its output in $GALLERY_DATA/logs/NAME.log. stop_supervised stops it and its supervisor.
supervisors=()
supervise() { # NAME FOLDER COMMAND...
  local name=$1 folder=$2
  shift 2
  (
    # The loop reads exit statuses itself: a failed wait must not end it.
    set +e
    child=""
    stopping=""
    trap 'stopping=yes; [ -z "$child" ] || kill -TERM "$child" 2>/dev/null' TERM
    delay=1
    while [ -z "$stopping" ]; do
      started=$SECONDS
      (cd "$folder" && exec "$@") >>"$GALLERY_DATA/logs/$name.log" 2>&1 &
      child=$!
      echo "$child" >"$GALLERY_DATA/run/$name.pid"
      # A TERM that came before $child was set found nothing to stop.
      [ -z "$stopping" ] || kill -TERM "$child" 2>/dev/null
      status=0
      # wait returns early when the TERM trap runs; the child is then still stopping.
      while kill -0 "$child" 2>/dev/null; do
        # (2>/dev/null: no job notice "Killed" from bash; the line below says what happened.)
        wait "$child" 2>/dev/null
        status=$?
      done
      [ -z "$stopping" ] || break
      if ((SECONDS - started >= 60)); then delay=1; fi
      echo "$(date +%T) $name exited with status $status; restarting it in $delay s (log: $GALLERY_DATA/logs/$name.log)" >&2
      sleep "$delay" &
      child=$!
      wait "$child"
      delay=$((delay * 2 > 30 ? 30 : delay * 2))
    done
    rm -f "$GALLERY_DATA/run/$name.pid"
  ) &
  supervisors+=("$!")
}

# Stops programs that supervise started, given by their supervisors' pids (${supervisors[@]}: all of them).
# Each supervisor passes SIGTERM to its program (a silo or gateway then stops gracefully) and returns once the
# program has exited.
stop_supervised() { # SUPERVISOR-PID...
  local pid
  for pid in "$@"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
}

# Runs `dotnet ASSEMBLY.dll` from PROJECT's build output under supervision; VAR=value pairs are its own settings.
supervise_program() { # NAME PROJECT-FOLDER ASSEMBLY [VAR=value...]
  local name=$1 folder
  folder=$(program_folder "$2")
  local assembly=$3
  shift 3
  if [ ! -f "$folder/$assembly.dll" ]; then
    echo "$folder/$assembly.dll is missing: build the solution first (or unset GALLERY_SKIP_BUILD)" >&2
    return 1
  fi
  supervise "$name" "$folder" env "$@" dotnet "$assembly.dll"
}

# Runs CHECK every second until it succeeds, for at most GALLERY_READY_TIMEOUT seconds (default 180).
wait_until() { # CHECK...
  for _ in $(seq 1 "${GALLERY_READY_TIMEOUT:-180}"); do
    "$@" && return 0
    sleep 1
  done
  echo "Gallery did not become ready in time; logs are in $GALLERY_DATA/logs" >&2
  tail -n 30 "$GALLERY_DATA"/logs/*.log >&2
  return 1
}

# Whether every URL answers 200.
all_answer() { # URL...
  local url
  for url in "$@"; do
    curl -fs -o /dev/null --max-time 10 "$url" || return 1
  done
}

# Keeps the calling script in the foreground until a signal, whose trap stops everything.
wait_for_signal() {
  wait "${supervisors[@]}" || true
  echo "Every supervised process ended; stopping." >&2
  return 1
}
