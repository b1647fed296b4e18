#!/usr/bin/env bash
# Issue 8's speed figures for pages that never come from the output cache: the published application in Production
# mode as its own process on 127.0.0.1, with the development demo data (offers, stories, events, demo accounts),
# on SQLite and then on a throwaway PostgreSQL. wrk (2 threads, 64 connections, N s after a 3 s warm-up) loads
# /health, then each page of PAGES below with a query parameter that changes at every request (bench/unique.lua),
# so every request is rendered; the signed-in pages carry a real sign-in cookie. Then one connection alone (wrk -t1
# -c1) gives the latency of one request by itself. Prints requests/s, p50/p99, the ratio to /health in the same run
# and the p50 and p95 alone, one table per database.
# Usage: bash bench/pages.sh [seconds=10] [sqlite|postgres|both=both]
# PAGES in the environment replaces the list below, e.g. PAGES='caseload coordinator /admin/dossiers' for one page.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
databases=${2:-both}

# One page a line: label, who asks (anonymous, partner, administrator, coordinator: the departmental team's demo
# referent, who sees all 5,000 demo cases, newcomer: the demo household, or juror: the demo juror, with 500 of the demo
# contest's applications to evaluate) and the path. A path may name a page found
# at run time (STORY, EVENT, COMMUNE, INTERCOMMUNALITY, OPPORTUNITY, KIT: the first link of that kind on its listing;
# CANDIDATES: the first offer's candidates in the demo partner's space; JURY_RANKING: the demo contest's ranking, found
# from the demo juror's list).
# A new page is one more line here.
PAGES=${PAGES:-'
home              anonymous      /
story             anonymous      STORY
event             anonymous      EVENT
commune           anonymous      COMMUNE
intercommunality  anonymous      INTERCOMMUNALITY
territoire        anonymous      /territoire
open-data         anonymous      /donnees-ouvertes
opportunity       anonymous      OPPORTUNITY
offres-facets     anonymous      /offres?type=emploi&teletravail=1&tri=salaire
recherche         anonymous      /recherche?q=patrimoine
welcome-network   anonymous      /reseau-accueil
newcomer-events   anonymous      /reseau-accueil/evenements
partner-space     partner        /espace-partenaire
partner-housing   partner        /espace-partenaire/logements
candidates        partner        CANDIDATES
spouse-profiles   partner        /espace-partenaire/profils-conjoints
admin-home        administrator  /admin
caseload          coordinator    /admin/dossiers
kits              anonymous      /kits-accueil
kit               anonymous      KIT
my-kit            newcomer       /mon-espace/kit
brand-proposals   anonymous      /jeunes/marque?tri=votes
brand-propose     partner        /jeunes/marque/proposer
admin-brand       administrator  /admin/marque
calls             anonymous      /appels
call              anonymous      /appels/demo-jeunes-en-projets
youth-projects    anonymous      /projets-de-jeunes
my-applications   newcomer       /candidatures
jury-list         juror          /jury
jury-ranking      administrator  JURY_RANKING
'}

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

start_app() { # $1 = environment, $2 = log file; the rest of the settings come from the caller's environment
  # Production refuses to start without Site:BaseUrl or with AllowedHosts "*": give both, as a deployment does.
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT="$1" DevMail__Enabled=false Site__BaseUrl="$base" AllowedHosts="127.0.0.1;localhost" \
    dotnet Escale.Web.dll --urls "$base") >"$2" 2>&1 &
  app_pid=$!
  for _ in $(seq 1200); do curl -sf "$base/health/ready" >/dev/null 2>&1 && return 0; kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  echo "the application did not start:"; tail -20 "$2"; exit 1
}

settle() { # waits (at most 2 minutes) for the start-up's own work to end, the daily jobs a fresh start runs among it,
  # so that the figures are the pages' own: until the application uses under 5 % of one CPU for a second
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
  # Every cookie the browser would now send: the session, and the anti-forgery cookie its forms already got.
  awk 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"
}

first_link() { # $1 = listing path, $2 = link pattern (extended regular expression)
  curl -s "$base$1" | grep -oE "href=\"$2\"" | grep -v '/carte"' | head -n 1 | sed 's/^href="//; s/"$//'
}

load() { # $1 = path, $2 = cookie or "", $3.. = wrk options: prints "rps p50 p95 p99 errors non2xx"
  local path=$1 cookie=$2; shift 2
  # Each wrk run gets its own prefix: the counters restart at every run, and a value an earlier run used would be
  # answered from the output cache.
  wrk "$@" --latency -s bench/unique.lua ${cookie:+-H "Cookie: $cookie"} "$base" -- "$path" "$(date +%s%N)" | grep '^RESULT' | cut -d' ' -f2-
}

run() { # $1 = sqlite|postgres
  local provider=$1 name connection credentials partner admin coordinator newcomer juror cookie path label who status results
  if [ "$provider" = sqlite ]; then
    name=Sqlite connection="Data Source=$work/pages.db"
  else
    start_throwaway_postgres "$work"
    name=Postgres connection="${THROWAWAY_PG/Database=postgres/Database=escale_pages}"
  fi
  # Demo__Cases: the first (Development) start seeds that many welcome cases for the caseload page (issue 9: 5,000).
  # Demo__JuryApplications: the demo contest's applications, each evaluated by ten jurors (bench/jury.sh asks 5,000).
  export Database__Provider=$name "ConnectionStrings__$name=$connection" Demo__Cases=5000 Demo__JuryApplications=500
  # The demo data is what a developer's first start seeds: start once in Development, keep the demo accounts'
  # passwords (printed once, on the console), then serve in Production from the same database.
  start_app Development "$work/seed-$provider.log"
  stop_app
  credentials=$work/seed-$provider.log
  partner=$(awk '/partenaire@demo.escale.test/ { print $3 }' "$credentials")
  admin=$(awk '/administrateur@demo.escale.test/ { print $3 }' "$credentials")
  coordinator=$(awk '/coordination@demo.escale.test/ { print $3 }' "$credentials")
  newcomer=$(awk '/nouvel-arrivant@demo.escale.test/ { print $3 }' "$credentials")
  juror=$(awk '/jury@demo.escale.test/ { print $3 }' "$credentials")
  start_app Production "$work/app-$provider.log"
  settle
  declare -A cookies=([anonymous]="" [partner]="$(sign_in partenaire@demo.escale.test "$partner")" [administrator]="$(sign_in administrateur@demo.escale.test "$admin")"
    [coordinator]="$(sign_in coordination@demo.escale.test "$coordinator")" [newcomer]="$(sign_in nouvel-arrivant@demo.escale.test "$newcomer")"
    [juror]="$(sign_in jury@demo.escale.test "$juror")")
  declare -A found=(
    [STORY]=$(first_link /recits '/recits/[a-z0-9-]+')
    [EVENT]=$(first_link /evenements '/evenements/[a-z0-9-]+')
    [COMMUNE]=$(first_link /communes '/communes/[0-9AB]+/[a-z0-9-]+')
    [INTERCOMMUNALITY]=$(first_link /intercommunalites '/intercommunalites/[a-z0-9-]+')
    [OPPORTUNITY]=$(first_link /offres '/offres/[0-9]+/[a-z0-9-]+')
    [KIT]=$(first_link /kits-accueil '/kits-accueil/[a-z0-9-]+/[a-z0-9-]+')
    [JURY_RANKING]=$(curl -s -H "Cookie: ${cookies[juror]}" "$base/jury" | grep -o 'data-call="[0-9]*"' | head -n 1 | sed 's/data-call="\([0-9]*\)"/\/admin\/appels\/\1\/jury\/classement/')
    [CANDIDATES]=$(curl -s -H "Cookie: ${cookies[partner]}" "$base/espace-partenaire" | grep -oE 'href="/espace-partenaire/offres/[0-9]+/candidats"' | head -n 1 | sed 's/^href="//; s/"$//'))
  results=$(
    load /health "" -t2 -c64 -d3s >/dev/null
    echo "/health $(load /health "" -t2 -c64 -d"${seconds}s") $(load /health "" -t1 -c1 -d3s | cut -d' ' -f2,3) /health"
    echo "$PAGES" | while read -r label who path; do
      [ -n "$label" ] || continue
      path=${found[$path]:-$path}
      cookie=${cookies[$who]}
      status=$(curl -s -o /dev/null -w '%{http_code}' ${cookie:+-H "Cookie: $cookie"} "$base$path")
      if [ "$status" != 200 ]; then echo "$label skipped HTTP-$status $path"; continue; fi
      load "$path" "$cookie" -t2 -c64 -d3s >/dev/null
      echo "$label $(load "$path" "$cookie" -t2 -c64 -d"${seconds}s") $(load "$path" "$cookie" -t1 -c1 -d3s | cut -d' ' -f2,3) $path"
    done)
  stop_app
  unset "ConnectionStrings__$name"
  echo
  echo "[$provider] demo data, Production, wrk 2 threads × 64 connections, ${seconds} s each after a 3 s warm-up; alone: 1 connection, 3 s ($(nproc) CPUs, wrk on the same machine, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "$results" | awk '
    BEGIN { printf "%-17s %9s %8s %8s %7s %9s %9s %s\n", "page", "req/s", "p50 ms", "p99 ms", "ratio", "alone p50", "alone p95", "errors/non-2xx  path" }
    $2 == "skipped" { printf "%-17s skipped: answered %s  %s\n", $1, substr($3, 6), $4; next }
    $1 == "/health" { base = $2 }
    { printf "%-17s %9.0f %8.2f %8.2f %6.1f%% %9s %9s %s/%s  %s\n", $1, $2, $3, $5, base ? 100 * $2 / base : 0, $8, $9, $6, $7, $10 }'
}

[ "$databases" = postgres ] || run sqlite
[ "$databases" = sqlite ] || run postgres
