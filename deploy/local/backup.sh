#!/usr/bin/env bash
# Writes a consistent backup of a running system into DEST, a new folder:
#   DEST/database.dump   pg_dump (custom format) of the database, without the cluster's membership rows
#   DEST/objects/        every object file a row of that dump names, at the same relative path
#   DEST/signing.key     the cluster key (it decrypts stored S3 secrets and share tokens: keep DEST private)
# The database is $GALLERY_DB, or the private instance under $GALLERY_DATA/postgres; the objects are under
# $GALLERY_DATA/objects. Object files are hard links when DEST is on the same filesystem (published files are
# never changed in place, so a link is a copy that costs no space), else copies. restore.sh puts a backup back.
#
# Why no object a row names can be missing: a file is published (renamed into place) before the row naming it is
# committed, and unlinked only after the row's removal is committed. The backup takes one snapshot of the database
# while holding a SHARE lock on bucket_object, which lets no row of it be removed until the lock is released; every
# file the snapshot names is linked while the lock is held, and the dump is taken from that same snapshot. Writers
# of the object index wait meanwhile (the time is printed); reads and everything else go on.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=deploy/local/lib.sh
source "$repo/deploy/local/lib.sh"

dest=${1:?usage: backup.sh DEST (a folder that does not exist yet)}
[ ! -e "$dest" ] || { echo "$dest exists already; name a new folder" >&2; exit 2; }
GALLERY_DATA=$(cd "${GALLERY_DATA:-$repo/.data}" && pwd)
objects=$GALLERY_DATA/objects
pg_environment "${GALLERY_DB:-$("$repo/deploy/local/pg-instance.sh" connection "$GALLERY_DATA")}"
bin_dir=$(pg_bin_dir)
umask 077
mkdir -p "$dest/objects"
dest=$(cd "$dest" && pwd)

# The session that holds the lock and the snapshot until the dump is written.
coproc SNAPSHOT { "$bin_dir/psql" -XAtq -v ON_ERROR_STOP=1 2>&1; }
trap 'kill "${SNAPSHOT_PID:-}" 2>/dev/null || true' EXIT
held_since=$SECONDS
echo "BEGIN ISOLATION LEVEL REPEATABLE READ; LOCK TABLE bucket_object IN SHARE MODE; SELECT pg_export_snapshot();" >&"${SNAPSHOT[1]}"
read -r -t 300 snapshot <&"${SNAPSHOT[0]}" || true
[[ ${snapshot:-} =~ ^[0-9A-F]+-[0-9A-F]+-[0-9]+$ ]] || { echo "could not take a snapshot: ${snapshot:-no answer}" >&2; exit 1; }

"$bin_dir/psql" -XAtq -v ON_ERROR_STOP=1 -c "BEGIN ISOLATION LEVEL REPEATABLE READ" -c "SET TRANSACTION SNAPSHOT '$snapshot'" \
  -c "SELECT location FROM bucket_object" -c "COMMIT" >"$dest/objects.txt"
if grep -Evq '^buckets/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/[0-9a-f]{2}/[0-9a-f]{32}$' "$dest/objects.txt"; then
  echo "the object index names a file outside the storage layout; nothing backed up" >&2
  exit 1
fi
copy_mode=--link
first=$(head -n 1 "$dest/objects.txt")
if [ -n "$first" ]; then
  mkdir -p "$dest/objects/$(dirname "$first")"
  ln "$objects/$first" "$dest/objects/$first.probe" 2>/dev/null || copy_mode=--reflink=auto
  rm -f "$dest/objects/$first.probe"
fi
(cd "$objects" && tr '\n' '\0' <"$dest/objects.txt" | xargs -0 -r cp "$copy_mode" --parents -t "$dest/objects")
"$bin_dir/pg_dump" --snapshot="$snapshot" --format=custom --no-owner \
  --exclude-table-data='orleans_membership*' --file="$dest/database.dump"
printf 'COMMIT;\n\\q\n' >&"${SNAPSHOT[1]}"
wait "$SNAPSHOT_PID" || true
held=$((SECONDS - held_since))

(umask 077 && cp "$GALLERY_DATA/signing.key" "$dest/signing.key")
count=$(wc -l <"$dest/objects.txt")
echo "Backup written to $dest: database dump and $count object files (object index held still for $held s)."
