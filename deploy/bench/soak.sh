#!/usr/bin/env bash
# The soak benchmark: builds the solution in Release, starts deploy/local/cluster.sh (3 silos, 2 gateways, nginx)
# on a temporary data folder, runs the mixed load for MINUTES (default 10) and prints per minute the throughput,
# p50/p99 latency, errors and each process's memory, with the last minute against the first; then stops the cluster
# and deletes the folder. Exits 1 if any request failed.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
echo "Building the solution (Release) ..."
dotnet build "$repo/GalleryOrleans.sln" -c Release -v quiet -nologo
exec dotnet "$repo/tests/GalleryOrleans.Benchmarks/bin/Release/net10.0/GalleryOrleans.Benchmarks.dll" soak "${1:-10}"
