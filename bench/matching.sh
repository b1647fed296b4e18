#!/usr/bin/env bash
# Issue 9's matching figures, in memory (no database): BenchmarkDotNet on one household against N generated
# opportunities and on building the prepared index, then every one of M households matched again as after an
# import (total time, each household's p50/p95/p99, peak memory), in its own process so the peak is its own.
# Usage: bash bench/matching.sh [opportunities=100000] [households=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
opportunities=${1:-100000}
households=${2:-10000}
dotnet build bench/Escale.Bench -c Release -nologo -v quiet >/dev/null
bench=bench/Escale.Bench/bin/Release/net10.0/Escale.Bench
"$bench" matching "$opportunities" | sed -n '/^| Method/,/^$/p'
"$bench" rematch "$households" "$opportunities"
