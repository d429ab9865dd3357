#!/usr/bin/env bash
# Builds the silo, the gateway and the benchmarks in Release, then runs the benchmarks: they start their
# own PostgreSQL, silo and gateway in a temporary folder, print figures against references measured in
# the same run, and remove everything again (also on failure or Ctrl-C). Run as root for cold-cache reads.
# Arguments go to the benchmark program: a section (all|s3|peers|session|listing|gallery|similarity|phone), e.g.
#   run-benchmarks.sh peers   (the S3 speed goals against s3rver, started with npx, and a bare Kestrel endpoint)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

for project in silo gateway tests/GalleryOrleans.Benchmarks; do
  echo "Building $project (Release) ..."
  dotnet build "$repo/$project" -c Release -v quiet -nologo
done

exec dotnet "$repo/tests/GalleryOrleans.Benchmarks/bin/Release/net10.0/GalleryOrleans.Benchmarks.dll" "$@"
