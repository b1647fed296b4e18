#!/usr/bin/env bash
# Issue 12's jury figures: a juror's list of evaluations with 500 applications (/jury as the demo juror) and the team's
# ranking of 5,000 applications × 10 jurors with normalisation (/admin/appels/{id}/jury/classement as the demo
# administrator; the whole ranking computed at every request, its first page of 100 rendered). The published
# application in Production mode as its own process on 127.0.0.1, on SQLite then on a throwaway PostgreSQL, with the
# development demo data plus the demo contest (Demo__JuryApplications at the seeding start in Development). wrk with a
# query parameter that changes at every request (bench/unique.lua): after a 3 s warm-up, N s by one connection alone
# (the target: p95 < 50 ms) and N s by 2 threads × 8 connections. Prints requests/s and p50/p95/p99 per page and database.
# Usage: bash bench/jury.sh [seconds=10] [sqlite|postgres|both=both] [applications=5000]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
databases=${2:-both}
applications=${3:-5000}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d)
app_pid=
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=; fi; }
cleanup() { stop_app; rm -rf "$work"; stop_throwaway_postgres; }
. scripts/throwaway-postgres.sh
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish src/Escale.Web -c Release -nologo -v quiet -o "$work/app" >/dev/null
port=
for candidate in $(shuf -i 20000-60000 -n 50); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
base="http://127.0.0.1:$port"

start_app() { # $1 = environment, $2 = log file; seeding 5,000 applications with their 50,000 evaluations takes minutes
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT="$1" DevMail__Enabled=false Site__BaseUrl="$base" AllowedHosts="127.0.0.1;localhost" \
    dotnet Escale.Web.dll --urls "$base") >"$2" 2>&1 &
  app_pid=$!
  for _ in $(seq 9000); do curl -sf "$base/health/ready" >/dev/null 2>&1 && return 0; kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  echo "the application did not start:"; tail -20 "$2"; exit 1
}

settle() { # until the application uses under 5 % of one CPU for a second (at most 2 minutes): the start-up's jobs are done
  local before after
  for _ in $(seq 120); do
    before=$(awk '{ print $14 + $15 }' "/proc/$app_pid/stat"); sleep 1; after=$(awk '{ print $14 + $15 }' "/proc/$app_pid/stat")
    [ $((after - before)) -lt 5 ] && return 0
  done
}

sign_in() { # $1 = e-mail, $2 = password: prints the Cookie header of a signed-in browser
  local jar=$work/jar token
  rm -f "$jar"
  token=$(curl -s -c "$jar" "$base/compte/connexion" | grep -o '__RequestVerificationToken[^>]*value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=$2" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/compte/connexion"
  awk 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"
}

load() { # $1 = path, $2 = cookie, $3.. = wrk options: prints "rps p50 p95 p99 errors non2xx"
  local path=$1 cookie=$2; shift 2
  wrk "$@" --latency -s bench/unique.lua -H "Cookie: $cookie" "$base" -- "$path" "$(date +%s%N)" | grep '^RESULT' | cut -d' ' -f2-
}

run() { # $1 = sqlite|postgres
  local provider=$1 name connection credentials juror admin started seeded call rows
  if [ "$provider" = sqlite ]; then
    name=Sqlite connection="Data Source=$work/jury.db"
  else
    start_throwaway_postgres "$work"
    name=Postgres connection="${THROWAWAY_PG/Database=postgres/Database=escale_jury}"
  fi
  export Database__Provider=$name "ConnectionStrings__$name=$connection" Demo__JuryApplications=$applications
  started=$(date +%s)
  start_app Development "$work/seed-$provider.log"
  seeded=$(( $(date +%s) - started ))
  stop_app
  credentials=$work/seed-$provider.log
  start_app Production "$work/app-$provider.log"
  settle
  juror=$(sign_in jury@demo.escale.test "$(awk '/jury@demo.escale.test/ { print $3 }' "$credentials")")
  admin=$(sign_in administrateur@demo.escale.test "$(awk '/administrateur@demo.escale.test/ { print $3 }' "$credentials")")
  curl -s -H "Cookie: $juror" "$base/jury" >"$work/list.html"
  call=$(grep -o 'data-call="[0-9]*"' "$work/list.html" | head -n 1 | grep -o '[0-9]*')
  [ -n "$call" ] || { echo "[$provider] the demo juror's list shows no call"; exit 1; }
  curl -s -H "Cookie: $admin" "$base/admin/appels/$call/jury/classement" >"$work/ranking.html"
  rows="$(grep -c 'data-assignment=' "$work/list.html") evaluations listed; $(grep -o '[0-9  ,]* candidatures classées' "$work/ranking.html" | head -n 1)"
  echo
  echo "[$provider] $applications applications × 10 jurors seeded in ${seeded} s (start-up included); $rows"
  echo "Production, ${seconds} s each after a 3 s warm-up ($(nproc) CPUs, wrk on the same machine, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  printf "%-16s %-26s %8s %8s %8s %8s %s\n" "page" "load" "req/s" "p50 ms" "p95 ms" "p99 ms" "errors/non-2xx"
  load /health "" -t1 -c1 -d3s >/dev/null
  echo "/health alone $(load /health "" -t1 -c1 -d"${seconds}s")" | awk '{ printf "%-16s %-26s %8.1f %8.2f %8.2f %8.2f %s/%s\n", $1, "alone, 1 connection", $3, $4, $5, $6, $7, $8 }'
  for page in "juror-list /jury juror" "ranking /admin/appels/$call/jury/classement admin"; do
    set -- $page
    local label=$1 path=$2 cookie
    [ "$3" = juror ] && cookie=$juror || cookie=$admin
    load "$path" "$cookie" -t1 -c1 -d3s >/dev/null
    echo "$label alone $(load "$path" "$cookie" -t1 -c1 -d"${seconds}s")" | awk '{ printf "%-16s %-26s %8.1f %8.2f %8.2f %8.2f %s/%s\n", $1, "alone, 1 connection", $3, $4, $5, $6, $7, $8 }'
    echo "$label loaded $(load "$path" "$cookie" -t2 -c8 -d"${seconds}s")" | awk '{ printf "%-16s %-26s %8.1f %8.2f %8.2f %8.2f %s/%s\n", $1, "2 threads × 8 connections", $3, $4, $5, $6, $7, $8 }'
  done
  stop_app
  unset "ConnectionStrings__$name"
}

[ "$databases" = postgres ] || run sqlite
[ "$databases" = sqlite ] || run postgres
