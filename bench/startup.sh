#!/usr/bin/env bash
# Measures the run command's start-up on a built tree: time from process start until
# /health/ready answers 200, on an empty database (migrate + seed the territory) and on an
# already seeded one. Usage: bash bench/startup.sh [runs]   (default 5 runs of each)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
dotnet build src/Escale.Web -c Release -nologo -v quiet >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=5099

measure() { # $1 = database file; prints milliseconds until ready
  local start end pid
  start=$(date +%s%N)
  ConnectionStrings__Sqlite="Data Source=$1" ASPNETCORE_ENVIRONMENT=Production Site__BaseUrl="http://127.0.0.1:$port" AllowedHosts="127.0.0.1;localhost" Logging__LogLevel__Default=Warning \
    dotnet src/Escale.Web/bin/Release/net10.0/Escale.Web.dll --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do sleep 0.02; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

empty=() seeded=()
for i in $(seq "$runs"); do
  empty+=("$(measure "$work/empty-$i.db")")
  seeded+=("$(measure "$work/empty-$i.db")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "start-up to ready, empty database (migrate + seed): median $(median "${empty[@]}") ms  (runs: ${empty[*]})"
echo "start-up to ready, seeded database:                 median $(median "${seeded[@]}") ms  (runs: ${seeded[*]})"
