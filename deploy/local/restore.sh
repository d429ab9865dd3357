#!/usr/bin/env bash
# Restores a backup written by backup.sh into an empty data folder ($GALLERY_DATA): its private PostgreSQL
# (or the empty database $GALLERY_DB), the object files and the cluster key. Start the system on it afterwards
# with run.sh or cluster.sh. Object files are hard-linked from the backup when it is on the same filesystem
# (published files are never changed in place), else copied.
# Multipart uploads still in progress when the backup was taken are dropped: their parts are not in a backup,
# so their clients get NoSuchUpload and start again.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=deploy/local/lib.sh
source "$repo/deploy/local/lib.sh"

backup=${1:?usage: restore.sh BACKUP (a folder written by backup.sh)}
for part in database.dump objects signing.key; do
  [ -e "$backup/$part" ] || { echo "$backup is not a backup: $part is missing" >&2; exit 2; }
done
backup=$(cd "$backup" && pwd)
data=${GALLERY_DATA:-$repo/.data}
if [ -n "$(ls -A "$data/objects" 2>/dev/null)" ] || [ -e "$data/postgres" ] || [ -e "$data/signing.key" ]; then
  echo "$data holds data already; restore into an empty data folder" >&2
  exit 2
fi
prepare_data_folder
trap stop_database EXIT
start_database
pg_environment "$database"
bin_dir=$(pg_bin_dir)
tables=$("$bin_dir/psql" -XAtq -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
[ "$tables" -eq 0 ] || { echo "the database is not empty; restore into an empty one" >&2; exit 2; }

"$bin_dir/pg_restore" --no-owner --exit-on-error --dbname="$PGDATABASE" "$backup/database.dump"
# The upload grains keep their parts in grain state named "multipart" (MultipartUploadGrain).
"$bin_dir/psql" -XAtq -v ON_ERROR_STOP=1 -c "DELETE FROM multipart_upload" \
  -c "DELETE FROM orleans_grain_state WHERE grain_type = 'multipart'"

copy_mode=--link
probe=$(find "$backup/objects" -type f -print -quit)
if [ -n "$probe" ]; then
  ln "$probe" "$GALLERY_DATA/objects/.restore-probe" 2>/dev/null || copy_mode=--reflink=auto
  rm -f "$GALLERY_DATA/objects/.restore-probe"
fi
cp -R "$copy_mode" "$backup/objects/." "$GALLERY_DATA/objects/"
(umask 077 && cp "$backup/signing.key" "$GALLERY_DATA/signing.key")
echo "Restored $backup into $GALLERY_DATA; start it with deploy/local/run.sh or cluster.sh."
