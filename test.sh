#!/usr/bin/env bash
# Runs every test suite of Escale: unit, integration (SQLite and a real PostgreSQL), e-mail (a real
# SMTP server on loopback) and browser (Debian's Chromium driven by Playwright).
# Installs what is missing (PostgreSQL, Chromium), starts a throwaway PostgreSQL cluster on a free
# loopback port, and removes it at the end. Last line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
out="$root/.test-output"
rm -rf "$out" && mkdir -p "$out"

log() { printf '==> %s\n' "$*"; }

# 1. System packages the tests need.
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing packages: ${missing[*]} (run as root, or install them: apt-get install ${missing[*]})" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  log "Installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$out/apt.log" 2>&1 \
    || { tail -20 "$out/apt.log"; echo "0 passed, 1 failed"; exit 1; }
fi

# 2. A throwaway PostgreSQL cluster on a free loopback port, removed on exit.
. scripts/throwaway-postgres.sh
start_throwaway_postgres "$out" || { echo "0 passed, 1 failed"; exit 1; }
export ESCALE_TEST_POSTGRES="$THROWAWAY_PG"
export ESCALE_CHROMIUM=${ESCALE_CHROMIUM:-/usr/bin/chromium}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# 3. Build once, then run each test project.
log "Building"
if ! dotnet build Escale.slnx -c Release -nologo -v quiet >"$out/build.log" 2>&1; then
  grep -E "error|Error" "$out/build.log" | sort -u | head -40
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  log "Testing $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$out" 2>&1 | tee "$out/$name.log" | grep -E "^\s+(Failed|Skipped) |Error Message|Passed!|Failed!|Total tests" || true
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

# 4. Totals of every suite, read from the TRX reports.
passed=0 failed=0 skipped=0 found=0
for trx in "$out"/*.trx; do
  [ -f "$trx" ] || continue
  found=1
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  attr() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(attr passed)))
  failed=$((failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
  skipped=$((skipped + $(attr notExecuted)))
done
if [ "$found" -eq 0 ]; then failed=$((failed + 1)); status=1; fi
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
