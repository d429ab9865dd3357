#!/usr/bin/env bash
# Installs what the tests and the local run need and a fresh Debian machine may lack.
# Needs root for apt-get; as another user it only reports what is missing.
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v curl >/dev/null 2>&1 || missing+=(curl)
# deploy/local/cluster-certificates.sh makes the cluster's TLS certificates (run.sh, the tests, create-secrets.sh).
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# cluster.sh balances its gateways with nginx, run as an ordinary process (no system service).
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
# The S3 tests drive the real aws CLI.
command -v aws >/dev/null 2>&1 || missing+=(awscli)
# The web UI tests drive Debian's Chromium through Playwright (never a downloaded browser).
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The silo decodes HEIC photos with libheif's programs and reads, poster-frames and transcodes videos with
# ffmpeg; the tests make their phone fixtures with the same tools (heif-enc, ffmpeg with libx265).
command -v heif-convert >/dev/null 2>&1 || missing+=(libheif-examples)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
# deploy/s3-conformance/run.sh runs the ceph/s3-tests suite with Debian's python3 and these modules.
for pair in boto3:python3-boto3 pytest:python3-pytest munch:python3-munch isodate:python3-isodate pytz:python3-tz \
  requests:python3-requests; do
  /usr/bin/python3 -c "import ${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
# The benchmarks' S3 peer, s3rver, runs with npx (npm fetches the pinned package on first use).
command -v npx >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing packages: ${missing[*]} (install them with apt-get as root)" >&2
  exit 1
fi
echo "Installing ${missing[*]} ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
