#!/usr/bin/env bash
# Issue 3's speed figures, on SQLite and on a throwaway PostgreSQL: seeds N published stories and M events into a
# fresh database, starts the built application in Production mode as its own process on 127.0.0.1, and loads it with
# wrk (64 connections, 2 threads) on: the trivial /health, the home page, story pages (rotating over many), listing
# pages (rotating over filters and pages) and the search (/recherche?q=…, rotating over French words; skipped with a
# note when that route answers 404). Prints requests/s, p50/p95/p99 and the ratio to /health, per provider.
# Usage: bash bench/stories.sh [stories=10000] [events=2000] [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
stories=${1:-10000}
events=${2:-2000}
seconds=${3:-10}
rotation=2000 # story pages the load rotates over: all cached after the warm-up, within the cache's 100 MB
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d)
app_pid=
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; stop_throwaway_postgres; }
. scripts/throwaway-postgres.sh
start_throwaway_postgres "$work"
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Escale.Web -c Release -nologo -v quiet >/dev/null
dotnet build bench/Escale.Bench -c Release -nologo -v quiet >/dev/null
bench=bench/Escale.Bench/bin/Release/net10.0/Escale.Bench
port=
for candidate in $(shuf -i 20000-60000 -n 50); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done

# Listing pages: the three listings, their filters and a few pages.
{
  for l in /recits /evenements /vivre-ici; do echo "$l"; echo "$l?page=2"; echo "$l?page=3"; done
  for p in changer-de-vie profils-recherches jeunes vacances-pour-la-vie; do echo "/recits?profil=$p"; echo "/evenements?profil=$p"; done
  for t in nature patrimoine sport sante ecoles petite-enfance mobilite logement tres-haut-debit culture; do echo "/recits?theme=$t"; echo "/vivre-ici?theme=$t"; done
  for t in portrait pepite actualite; do echo "/recits?type=$t"; echo "/recits?type=$t&page=2"; done
} >"$work/listing.txt"
for w in vigneronne menuisier truffe fibre festival randonnée école médecin coworking artisan noix patrimoine gare crèche \
         logement château concert vélo agriculture entreprise Cahors Figeac Gramat causse vallée; do
  echo "/recherche?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$w")"
done >"$work/search.txt"
echo /health >"$work/health.txt"
echo / >"$work/home.txt"

measure() { # $1 = label, $2 = paths file: prints "label rps p50 p95 p99 errors non2xx"
  local first status
  first=$(head -n 1 "$2")
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$first")
  if [ "$status" != 200 ]; then echo "$1 skipped HTTP-$status"; return; fi
  # Warm-up: every path once (a story's first render costs tens of milliseconds), then 3 s of load.
  xargs -P 4 -I{} curl -s -o /dev/null "http://127.0.0.1:$port{}" <"$2"
  wrk -t2 -c64 -d3s -s bench/rotate.lua "http://127.0.0.1:$port" -- "$2" >/dev/null
  echo "$1 $(wrk -t2 -c64 -d"${seconds}s" --latency -s bench/rotate.lua "http://127.0.0.1:$port" -- "$2" | grep '^RESULT' | cut -d' ' -f2-)"
}

run() { # $1 = sqlite|postgres
  local provider=$1 name connection results
  if [ "$provider" = sqlite ]; then
    name=Sqlite connection="Data Source=$work/stories.db"
  else
    name=Postgres connection="${THROWAWAY_PG/Database=postgres/Database=escale_stories}"
  fi
  "$bench" stories-seed "$provider" "$connection" "$stories" "$events" "$work/stories-all.txt"
  shuf -n "$rotation" --random-source=<(yes) "$work/stories-all.txt" >"$work/story.txt"
  env ASPNETCORE_ENVIRONMENT=Production Site__BaseUrl="http://127.0.0.1:$port" AllowedHosts="127.0.0.1;localhost" Database__Provider=$name "ConnectionStrings__$name=$connection" Logging__LogLevel__Default=Warning \
    dotnet src/Escale.Web/bin/Release/net10.0/Escale.Web.dll --urls "http://127.0.0.1:$port" >"$work/app-$provider.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 600); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.1; done
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "the application did not start:"; tail -20 "$work/app-$provider.log"; exit 1; }
  results=$(for label in health home story listing search; do measure "$label" "$work/$label.txt"; done)
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
  echo
  echo "[$provider] $stories stories + $events events, wrk 64 connections, 2 threads, ${seconds} s each after a warm-up ($(nproc) CPUs, wrk on the same machine)"
  echo "$results" | awk -v provider="$provider" '
    BEGIN { printf "%-10s %10s %9s %9s %9s %8s %s\n", "endpoint", "req/s", "p50 ms", "p95 ms", "p99 ms", "ratio", "errors/non-2xx" }
    $2 == "skipped" { printf "%-10s skipped: the route answered %s (not built on this branch)\n", $1, substr($3, 6); next }
    $1 == "health" { base = $2 }
    { printf "%-10s %10.0f %9.2f %9.2f %9.2f %7.0f%% %s/%s\n", $1, $2, $3, $4, $5, base ? 100 * $2 / base : 0, $6, $7 }'
}

run sqlite
run postgres
