#!/usr/bin/env bash
# Issue 11's figure for the welcome kits: the p95 of downloading the personalised kit PDF (/mon-espace/kit/pdf) as the
# signed-in demo household (nouvel-arrivant@demo.escale.test, its case on the Grand-Figeac in the Lot's demo data),
# the published application in Production mode on SQLite, after a first start in Development that seeds the demo
# data. wrk asks for the PDF N seconds (after a 3 s warm-up) by one connection alone, then by 2 threads × 8
# connections, each request with its own query parameter (bench/unique.lua). The target: p95 < 300 ms.
# Usage: bash bench/kit-pdf.sh [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d)
app_pid=
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=; fi; }
trap 'stop_app; rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish src/Escale.Web -c Release -nologo -v quiet -o "$work/app" >/dev/null
port=
for candidate in $(shuf -i 20000-60000 -n 50); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
base="http://127.0.0.1:$port"
export Database__Provider=Sqlite "ConnectionStrings__Sqlite=Data Source=$work/kit.db"

start_app() { # $1 = environment, $2 = log file
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT="$1" DevMail__Enabled=false Site__BaseUrl="$base" AllowedHosts="127.0.0.1;localhost" \
    dotnet Escale.Web.dll --urls "$base") >"$2" 2>&1 &
  app_pid=$!
  for _ in $(seq 1200); do curl -sf "$base/health/ready" >/dev/null 2>&1 && return 0; kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  echo "the application did not start:"; tail -20 "$2"; exit 1
}

start_app Development "$work/seed.log"
stop_app
password=$(awk '/nouvel-arrivant@demo.escale.test/ { print $3 }' "$work/seed.log")
start_app Production "$work/app.log"
jar=$work/jar
token=$(curl -s -c "$jar" "$base/compte/connexion" | grep -o '__RequestVerificationToken[^>]*value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.Email=nouvel-arrivant@demo.escale.test" --data-urlencode "Input.Password=$password" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/compte/connexion"
cookie=$(awk 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
path=/mon-espace/kit/pdf
status=$(curl -s -o "$work/kit.pdf" -w '%{http_code} %{content_type}' -H "Cookie: $cookie" "$base$path")
[ "$status" = "200 application/pdf" ] || { echo "$path answered $status"; exit 1; }

load() { # wrk options: prints "rps p50 p95 p99 errors non2xx"
  wrk "$@" --latency -s bench/unique.lua -H "Cookie: $cookie" "$base" -- "$path" "$(date +%s%N)" | grep '^RESULT' | cut -d' ' -f2-
}
load -t1 -c1 -d3s >/dev/null
alone=$(load -t1 -c1 -d"${seconds}s")
loaded=$(load -t2 -c8 -d"${seconds}s")
echo "personalised kit PDF ($(stat -c %s "$work/kit.pdf") bytes), SQLite, Production, ${seconds} s each after a 3 s warm-up ($(nproc) CPUs, wrk on the same machine, load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf "%-22s %8s %8s %8s %8s %s\n" "" "req/s" "p50 ms" "p95 ms" "p99 ms" "errors/non-2xx"
echo "alone (1 connection) $alone" | awk '{ printf "%-22s %8.1f %8.2f %8.2f %8.2f %s/%s\n", "alone, 1 connection", $4, $5, $6, $7, $8, $9 }'
echo "x $loaded" | awk '{ printf "%-22s %8.1f %8.2f %8.2f %8.2f %s/%s\n", "2 threads x 8 conn.", $2, $3, $4, $5, $6, $7 }'
