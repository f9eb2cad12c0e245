#!/usr/bin/env bash
# Runs every Waymark test: unit, integration, browser (real Chromium) and accessibility (axe),
# first on SQLite, then again on a real PostgreSQL server that this script starts and stops
# (the browser tests in the PostgreSQL pass only; the authorization matrix, write-audit and output-encoding tests in the
# SQLite pass only).
# Installs what is missing on a fresh Debian machine: Chromium, PostgreSQL, Node.js and npm, LibreOffice Writer.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RESULTS=${WAYMARK_TEST_RESULTS:-$ROOT/artifacts/test-results}
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need_apt+=(chromium)
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
# LibreOffice (no GUI) converts the plans' Word documents to PDF in a test, as a council's own tools would open them.
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "==> Installing ${need_apt[*]} (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
export CHROMIUM_PATH=${CHROMIUM_PATH:-$(command -v chromium || echo /usr/bin/chromium)}

echo "==> Starting PostgreSQL for the second pass"
# A server that was already running (a developer's, another clone's) is used and left running; one started here is stopped.
pg_was_running=0; build/postgres.sh running && pg_was_running=1
PG_ADMIN=$(build/postgres.sh start)
[ "$pg_was_running" = 1 ] || trap 'build/postgres.sh stop' EXIT

echo "==> Building (restores NuGet and npm packages on first run)"
dotnet build Waymark.slnx -c Release -nologo -clp:ErrorsOnly

run_pass() { # provider, then any further arguments for dotnet test
  local provider=$1; shift
  echo "==> Tests on $provider"
  local status=0 started=$SECONDS
  WAYMARK_TEST_PROVIDER=$provider WAYMARK_TEST_POSTGRES="$PG_ADMIN" \
    dotnet test Waymark.slnx -c Release --no-build -nologo \
      --logger "trx;LogFilePrefix=$provider" --results-directory "$RESULTS" "$@" \
      -- RunConfiguration.TreatNoTestsAsError=true || status=$?
  pass_times+=("$provider: $(( (SECONDS - started) / 60 ))m $(( (SECONDS - started) % 60 ))s")
  return $status
}

# Each test runs once where the database cannot change its outcome:
# - the browser journeys and axe checks on PostgreSQL (the production database): they test pages, which are the same on
#   either database;
# - the authorization matrix, the write-audit recipes and the output-encoding crawl (trait Database=Independent) on
#   SQLite: they test routing, policies and rules, and take minutes; the SQLite pass is the shorter one.
# - tests of PostgreSQL itself, such as two web nodes on one database (trait Database=PostgreSQL), on PostgreSQL.
# Every other test runs on both.
status=0; pass_times=()
run_pass sqlite --filter "FullyQualifiedName!~Waymark.Web.Tests.Browser&Database!=PostgreSQL" || status=1
run_pass postgres --filter "Database!=Independent" || status=1

# Counts from the TRX files: every pass, and the browser and accessibility tests on their own,
# so that a run where they silently did nothing is visible.
count() { # outcome, provider, name filter
  cat "$RESULTS"/"$2"*.trx 2>/dev/null | grep -o "<UnitTestResult [^>]*" | grep "testName=\"[^\"]*$3" | grep -c "outcome=\"$1\"" || true
}
total_passed=0; total_failed=0
echo
echo "==> Summary"
for provider in sqlite postgres; do
  p=$(count Passed "$provider" ""); f=$(count Failed "$provider" "")
  b=$(count Passed "$provider" "\\.Browser\\."); a=$(cat "$RESULTS"/"$provider"*.trx 2>/dev/null | grep -o "<UnitTestResult [^>]*" | grep -E 'testName="[^"]*\.Browser\.[^"]*(Accessib|Journey)' | grep -c 'outcome="Passed"' || true)
  printf '%-9s %4d passed, %d failed (browser tests passed: %d; with accessibility checks: %d)\n' "$provider:" "$p" "$f" "$b" "$a"
  total_passed=$((total_passed + p)); total_failed=$((total_failed + f))
  if [ "$p" -eq 0 ] || { [ "$provider" = postgres ] && [ "$b" -eq 0 ]; }; then
    echo "No tests (or no browser tests) ran on $provider." >&2; status=1
  fi
done
# The database-independent tests ran in the SQLite pass, and the matrix checked its cases (each half prints its count).
for name in AuthorizationMatrixTests AuthorizationMatrixUnpublishedTests WriteAuditTests OutputEncodingTests; do
  n=$(count Passed sqlite "\\.Security\\.$name\\.")
  if [ "$n" -eq 0 ]; then echo "The database-independent tests $name did not pass on sqlite." >&2; status=1; fi
done
matrix_cases=$(cat "$RESULTS"/sqlite*.trx 2>/dev/null | grep -o 'Authorization matrix cases checked: [0-9]*' | awk '{ n += $NF } END { print n + 0 }' || true)
echo "Authorization matrix: ${matrix_cases:-0} cases checked"
[ "${matrix_cases:-0}" -gt 0 ] || { echo "The authorization matrix checked no cases." >&2; status=1; }
echo "Time per pass: ${pass_times[*]/%/;}"
echo
echo "$total_passed passed, $total_failed failed"
exit $status
