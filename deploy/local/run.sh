#!/usr/bin/env bash
# Runs the whole system on this machine: a private PostgreSQL (unless GALLERY_DB is set), one silo and
# the gateway. Ctrl-C or SIGTERM stops everything it started. Data stays in $GALLERY_DATA for next time.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export GALLERY_DATA=${GALLERY_DATA:-$repo/.data}
http_port=${GALLERY_HTTP_PORT:-8080}
s3_port=${GALLERY_S3_PORT:-9000}
mkdir -p "$GALLERY_DATA/objects" "$GALLERY_DATA/mail" "$GALLERY_DATA/logs"
GALLERY_DATA=$(cd "$GALLERY_DATA" && pwd)

children=()
started_postgres=""
shutdown() {
  trap - EXIT INT TERM
  for pid in "${children[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${children[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$started_postgres" ]; then "$repo/deploy/local/pg-instance.sh" stop "$GALLERY_DATA"; fi
  echo "Gallery stopped."
}
trap shutdown EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -n "${GALLERY_DB:-}" ]; then
  database=$GALLERY_DB
else
  echo "Starting PostgreSQL under $GALLERY_DATA/postgres ..."
  started_postgres=yes
  database=$("$repo/deploy/local/pg-instance.sh" start "$GALLERY_DATA")
fi

echo "Building ..."
dotnet build "$repo/GalleryOrleans.sln" -c Release -v quiet -nologo >"$GALLERY_DATA/logs/build.log" 2>&1 \
  || { cat "$GALLERY_DATA/logs/build.log"; exit 1; }

# Development key for tokens and stored secrets: generated once per data folder, never committed.
key_file=$GALLERY_DATA/signing.key
if [ ! -s "$key_file" ]; then
  (umask 077 && head -c 32 /dev/urandom | base64 >"$key_file")
fi
export Auth__SigningKey=$(cat "$key_file")
# The cluster CA and node certificate for mutual TLS between the silo and the gateway: made once per data folder.
"$repo/deploy/local/cluster-certificates.sh" "$GALLERY_DATA/tls"
export Orleans__Tls__CertificatePath=$GALLERY_DATA/tls/node.crt
export Orleans__Tls__KeyPath=$GALLERY_DATA/tls/node.key
export Orleans__Tls__CaPath=$GALLERY_DATA/tls/ca.crt
export ConnectionStrings__Orleans=$database
export ConnectionStrings__Catalog=$database
export Storage__Root=$GALLERY_DATA/objects
export Email__PickupDirectory=$GALLERY_DATA/mail
export PublicBaseUrl=${GALLERY_PUBLIC_URL:-http://localhost:$http_port}
# A local development run: the dashboard is open. Production sets Dashboard__Username/Password instead.
export Dashboard__Open=${GALLERY_DASHBOARD_OPEN:-true}
export Gateway__HttpPort=$http_port
export Gateway__S3Port=$s3_port

start_app() { # name project-folder assembly
  local folder="$repo/$2/bin/Release/net10.0"
  (cd "$folder" && exec dotnet "$3.dll") >"$GALLERY_DATA/logs/$1.log" 2>&1 &
  children+=("$!")
}

start_app silo silo GalleryOrleans.Silo
start_app gateway gateway GalleryOrleans.Gateway

for _ in $(seq 1 180); do
  for pid in "${children[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "A process exited during start; logs are in $GALLERY_DATA/logs" >&2
      tail -n 30 "$GALLERY_DATA"/logs/{silo,gateway}.log >&2
      exit 1
    fi
  done
  if curl -fs "http://localhost:$http_port/readyz" >/dev/null 2>&1; then
    echo "Gallery ready at http://localhost:$http_port (S3 on port $s3_port, logs in $GALLERY_DATA/logs)"
    wait -n "${children[@]}" || true
    echo "A process exited; logs are in $GALLERY_DATA/logs" >&2
    exit 1
  fi
  sleep 1
done
echo "Gallery did not become ready in time; logs are in $GALLERY_DATA/logs" >&2
exit 1
