#!/usr/bin/env bash
# Runs every test: installs what is missing, then the whole solution's test suite. Each test run
# starts its own throwaway PostgreSQL (or uses the server in GALLERY_TEST_DB) and removes it after.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
"$repo/deploy/local/install-prerequisites.sh"
dotnet test "$repo/GalleryOrleans.sln" -c Release --logger "console;verbosity=normal" "$@"
