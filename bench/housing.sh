#!/usr/bin/env bash
# Issue 11's housing figure: 200 requests for the same nights of one temporary housing offer, posted at once by a
# signed-in household through the request form, on a throwaway PostgreSQL. The database's exclusion constraint lets
# exactly one booking hold the nights; the others are refused beside the field. Runs the integration test that asserts
# it (HousingConcurrencyTests) and prints its line: "200 concurrent requests → N booking(s), …".
# Usage: bash bench/housing.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/throwaway-postgres.sh
work=$(mktemp -d)
trap 'stop_throwaway_postgres; rm -rf "$work"' EXIT
start_throwaway_postgres "$work" >/dev/null
export ESCALE_TEST_POSTGRES="$THROWAWAY_PG"
dotnet build tests/Escale.Tests -c Release -nologo -v quiet >/dev/null
dotnet test tests/Escale.Tests -c Release --no-build --filter "FullyQualifiedName~HousingConcurrencyTests" \
  --logger "console;verbosity=detailed" >"$work/test.log" 2>&1 || { tail -40 "$work/test.log"; exit 1; }
grep -o "[0-9]* concurrent requests → .*" "$work/test.log" | head -1
