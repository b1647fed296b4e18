#!/usr/bin/env bash
# Issue 3's content search speed, on SQLite and on a throwaway PostgreSQL, in one run: seeds N published items
# and M events of generated French text, builds the full-text index, then measures IContentSearch.SearchAsync
# in process over varied French queries (p50/p95/p99, and per query). Target: p95 < 30 ms on both.
# Usage: bash bench/content-search.sh [items=10000] [events=2000] [queries=2000] [corpus=varied|repeated]
# (varied: many templates, the pack's communes, ROME occupations, themes; repeated: a dozen sentences, a stress case)
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-10000}
events=${2:-2000}
queries=${3:-2000}
corpus=${4:-varied}
out=$(mktemp -d)
. scripts/throwaway-postgres.sh
start_throwaway_postgres "$out"
export ESCALE_BENCH_POSTGRES="$THROWAWAY_PG"
dotnet build bench/Escale.Bench -c Release -nologo -v quiet >/dev/null
bench=bench/Escale.Bench/bin/Release/net10.0/Escale.Bench
"$bench" content-search sqlite "$items" "$events" "$queries" "$corpus"
"$bench" content-search postgres "$items" "$events" "$queries" "$corpus"
