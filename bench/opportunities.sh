#!/usr/bin/env bash
# Issue 4's speed figures, on SQLite and on a throwaway PostgreSQL, in one run:
#   importing a generated France Travail file of N offers (time, peak memory), importing it again
#   (time, and that nothing changed), then faceted search with counts vs a primary-key lookup.
# Usage: bash bench/opportunities.sh [offers=100000] [queries=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
offers=${1:-100000}
queries=${2:-2000}
out=$(mktemp -d)
. scripts/throwaway-postgres.sh
start_throwaway_postgres "$out"
export ESCALE_BENCH_POSTGRES="$THROWAWAY_PG"
dotnet build bench/Escale.Bench -c Release -nologo -v quiet >/dev/null
bench=bench/Escale.Bench/bin/Release/net10.0/Escale.Bench
# One process per provider, so that each peak-memory figure is its own.
"$bench" sqlite "$offers" "$queries"
"$bench" postgres "$offers" "$queries"
