#!/usr/bin/env bash
# Runs the whole system on this machine: a private PostgreSQL (unless GALLERY_DB is set), one silo and
# the gateway. A silo or gateway that dies is restarted (deploy/local/lib.sh: supervise); Ctrl-C or SIGTERM
# stops everything it started. Data stays in $GALLERY_DATA for next time.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=deploy/local/lib.sh
source "$repo/deploy/local/lib.sh"

shutdown() {
  trap - EXIT INT TERM HUP
  stop_supervised "${supervisors[@]}"
  stop_database
  echo "Gallery stopped."
}

prepare_data_folder
trap shutdown EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

start_database
build_programs
export_common_settings
export Gateway__HttpPort=$http_port
export Gateway__S3Port=$s3_port

supervise_program silo silo GalleryOrleans.Silo
supervise_program gateway gateway GalleryOrleans.Gateway
wait_until all_answer "http://localhost:$http_port/readyz"
echo "Gallery ready at http://localhost:$http_port (S3 on port $s3_port, logs in $GALLERY_DATA/logs)"
wait_for_signal
