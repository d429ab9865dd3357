#!/usr/bin/env bash
# Runs the ceph/s3-tests conformance suite against a throwaway local deployment.
#   run.sh PATH-TO-S3-TESTS [pytest arguments]
# Without pytest arguments it runs the files in selection.txt; with them (e.g. s3tests/functional/test_s3.py::test_x),
# only what they name. The excluded marks and names apply either way.
# Fetches nothing: PATH-TO-S3-TESTS is a checkout of https://github.com/ceph/s3-tests made beforehand.
# Starts deploy/local/run.sh on a temporary data folder and free ports, creates the suite's three users
# (main, alt, tenant) and their S3 keys through the HTTP API, writes s3tests.conf, runs the included
# tests (see README.md next to this script), prints the counts and stops everything it started.
# Debian's python3 runs the suite: python3-boto3 python3-pytest python3-munch python3-isodate python3-tz.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
suite=$(cd "${1:?usage: run.sh PATH-TO-S3-TESTS [pytest arguments]}" && pwd)
shift
python=${S3TESTS_PYTHON:-/usr/bin/python3}

work=$(mktemp -d /tmp/s3-conformance.XXXXXX)
chmod 755 "$work" # PostgreSQL runs as its own user when we are root
system_pid=""
cleanup() {
  if [ -n "$system_pid" ]; then
    kill -TERM "$system_pid" 2>/dev/null || true
    wait "$system_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
http_port=$(free_port)
s3_port=$(free_port)

echo "Starting the system (data in $work, HTTP $http_port, S3 $s3_port) ..."
GALLERY_DATA=$work/data GALLERY_HTTP_PORT=$http_port GALLERY_S3_PORT=$s3_port \
  Orleans__SiloPort=$(free_port) Orleans__GatewayPort=$(free_port) \
  RateLimits__RegisterPerIp__Permits=100 \
  "$repo/deploy/local/run.sh" >"$work/system.log" 2>&1 &
system_pid=$!
until grep -qs "Gallery ready" "$work/system.log"; do
  if ! kill -0 "$system_pid" 2>/dev/null; then cat "$work/system.log" >&2; exit 1; fi
  sleep 1
done

api=http://127.0.0.1:$http_port/api
json_field() { "$python" -c 'import json,sys; v=json.load(sys.stdin); [v:=v[k] for k in sys.argv[1:]]; print(v)' "$@"; }

# Prints "user-id access-key secret-key" of a new user with one S3 key.
create_user() { # name
  local password user token key
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  user=$(curl -fsS -H 'Content-Type: application/json' "$api/auth/register" \
    -d "{\"username\":\"$1\",\"email\":\"$1@s3-tests.invalid\",\"password\":\"$password\"}")
  token=$(curl -fsS -H 'Content-Type: application/json' "$api/auth/login" \
    -d "{\"email\":\"$1\",\"password\":\"$password\"}" | json_field accessToken)
  key=$(curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $token" "$api/auth/keys" -d '{}')
  # Listings name an owner by the user id in its 32-digit form.
  echo "$(echo "$user" | json_field id | tr -d '-') $(echo "$key" | json_field accessKeyId) $(echo "$key" | json_field secretAccessKey)"
}

# One [s3 NAME] section of s3tests.conf for a new user named s3NAME.
user_section() { # name
  local id key secret
  read -r id key secret <<<"$(create_user "s3$1")"
  [ -n "$secret" ] || { echo "Could not create the suite's user s3$1" >&2; exit 1; }
  printf '[s3 %s]\ndisplay_name = %s\nuser_id = %s\nemail = s3%s@s3-tests.invalid\naccess_key = %s\nsecret_key = %s\n' \
    "$1" "$id" "$id" "$1" "$key" "$secret"
}

# The iam sections are required by the suite's setup but used only by excluded (IAM/STS) tests.
{
  printf '[DEFAULT]\nhost = 127.0.0.1\nport = %s\nis_secure = False\nssl_verify = False\n\n' "$s3_port"
  printf '[fixtures]\nbucket prefix = s3t-{random}-\n\n'
  user_section main && printf 'api_name =\n\n'
  user_section alt && echo
  user_section tenant && printf 'tenant = none\n\n'
  cat <<'CONF'
[iam]
email = iam@s3-tests.invalid
user_id = unused
access_key = unused
secret_key = unused
display_name = unused

[iam root]
access_key = unused
secret_key = unused
user_id = unused
email = unused@s3-tests.invalid

[iam alt root]
access_key = unused
secret_key = unused
user_id = unused
email = unused@s3-tests.invalid
CONF
} >"$work/s3tests.conf"

if [ $# -gt 0 ]; then selection=("$@"); else mapfile -t selection <"$here/selection.txt"; fi
marks=$(grep -v '^#' "$here/excluded-marks.txt" | grep . | sed 's/^/not /' | paste -sd '&' | sed 's/&/ and /g')
names=$(grep -v '^#' "$here/excluded-names.txt" | grep . | sed 's/^/not /' | paste -sd '&' | sed 's/&/ and /g')
deselect=()
while read -r test; do deselect+=(--deselect "$test"); done < <(grep -v '^#' "$here/excluded-tests.txt" | grep .)

echo "Running the suite ..."
status=0
(cd "$suite" && S3TEST_CONF=$work/s3tests.conf "$python" -m pytest -p no:cacheprovider -q -rfE \
  --junitxml="$work/results.xml" -m "$marks" -k "$names" "${deselect[@]}" "${selection[@]}") || status=$?

"$python" - "$work/results.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
suite = ET.parse(sys.argv[1]).getroot()
suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
total, failures, errors, skipped = (int(suite.get(k, 0)) for k in ("tests", "failures", "errors", "skipped"))
ran = total - skipped
passed = ran - failures - errors
print(f"s3-tests: {passed} passed, {failures} failed, {errors} errors of {ran} run "
      f"({100.0 * passed / max(ran, 1):.1f}%); {skipped} skipped")
PY
exit "$status"
