#!/usr/bin/env bash
# npm test: the whole suite, each thing once, with the time of every phase printed at the end.
#
#   npm test                                   everything on the embedded database (PGlite)
#   TEST_POSTGRES_URL=postgresql://…/name npm test
#                                              as CI: PostgreSQL too (the production-like target)
#
# With TEST_POSTGRES_URL every unit/route test runs on PostgreSQL and those whose result can depend
# on the database kind (vitest.config.ts, project `embedded`: the data layer and the query routes)
# again on PGlite; the fuzz and the full browser suite run on PostgreSQL, and the browser specs
# whose result depends on the database kind (tagged @db) run again on PGlite. The type check, lint and `next build` run once either way.
# TEST_POSTGRES_URL (no query parameters) names a database prefix this script owns: the unit tests
# make `<name>_template` and `<name>_f…` databases (the fuzz `<name>_fuzz_…`), the browser suite
# recreates `<name>_e2e`.
#
# Two lanes run side by side, because a 2-core machine otherwise idles while a browser waits:
#   checks lane:  typecheck + lint → vitest (PGlite) → vitest (PostgreSQL) → fuzz
#   browser lane: next build → Playwright → Playwright @db on PGlite
# (the browser lane is the longer one: everything that needs no browser goes to the checks lane).
# They share no database, port or data folder (the checks make databases of their own per file on
# random ports; the browser suite owns <name>_e2e, .data/e2e-* and ports 3210-3232, or E2E_PORT to +22:
# e2e/run-paths.ts).
# Each lane's output goes to test-logs/<lane>.log and is printed whole when it ends.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
unset DATABASE_URL E2E_DATABASE_URL

pg="${TEST_POSTGRES_URL:-}"
e2e_pg="${pg:+${pg}_e2e}"
logs=test-logs # not under test-results/: Playwright empties that folder as it starts
rm -rf "$logs"
mkdir -p "$logs"

# run_phase LANE NAME COMMAND…: runs one phase, records "name seconds status" in the lane's table.
run_phase() {
  local lane=$1 name=$2
  shift 2
  local started=$SECONDS code=0
  echo "=== ${name}"
  "$@" || code=$?
  printf '%s\t%s\t%s\n' "$name" $((SECONDS - started)) "$code" >>"$logs/$lane.phases"
  return "$code"
}

checks_lane() {
  # While the browser lane runs, the checks keep one core for themselves (one vitest worker each).
  export VITEST_MAX_WORKERS=${VITEST_MAX_WORKERS:-1}
  run_phase checks "typecheck + lint" bash -c "npm run -s typecheck && npm run -s lint"
  if [ -n "$pg" ]; then
    # PostgreSQL runs everything below; the embedded database what can differ (vitest.config.ts).
    run_phase checks "vitest on PGlite" npx vitest run --project embedded
    run_phase checks "vitest on PostgreSQL" env DATABASE_URL="$pg" npx vitest run --project unit
    # Two files, and by now the browser lane has usually ended: one worker each.
    run_phase checks "fuzz on PostgreSQL" env DATABASE_URL="${pg}_fuzz" VITEST_MAX_WORKERS=2 npx vitest run --project fuzz
  else
    run_phase checks "vitest on PGlite" npx vitest run --project unit
    run_phase checks "fuzz on PGlite" npx vitest run --project fuzz
  fi
}

browser_lane() {
  run_phase browser "next build" env THREADLINE_BUILD_SKIP_TYPECHECK=1 npx next build
  if [ -n "$pg" ]; then
    run_phase browser "fresh e2e database" npx tsx scripts/fresh-database.ts "$e2e_pg"
    run_phase browser "Playwright on PostgreSQL" env E2E_SKIP_BUILD=1 E2E_DATABASE_URL="$e2e_pg" npx playwright test
    run_phase browser "Playwright @db on PGlite" env E2E_SKIP_BUILD=1 npx playwright test --grep @db
  else
    run_phase browser "Playwright on PGlite" env E2E_SKIP_BUILD=1 npx playwright test
  fi
}

started=$SECONDS
# `set -e` does not reach into a function run in a condition, so each lane stops at its first
# failing phase by `&&`-free means: errexit inside a subshell of its own.
(set -e; checks_lane) >"$logs/checks.log" 2>&1 &
checks_pid=$!
(set -e; browser_lane) >"$logs/browser.log" 2>&1 &
browser_pid=$!
checks_code=0
browser_code=0
wait "$checks_pid" || checks_code=$?
echo "=== checks lane (exit ${checks_code})"
cat "$logs/checks.log"
wait "$browser_pid" || browser_code=$?
echo "=== browser lane (exit ${browser_code})"
cat "$logs/browser.log"

echo ""
echo "=== time per phase (the two lanes ran side by side)"
printf '%-30s %8s  %s\n' phase seconds result
[ -n "${INSTALL_SECONDS:-}" ] && printf '%-30s %8s  %s\n' "install (.ci/run)" "$INSTALL_SECONDS" ok
for lane in checks browser; do
  [ -f "$logs/$lane.phases" ] || continue
  while IFS=$'\t' read -r name seconds code; do
    printf '%-30s %8s  %s\n' "$name" "$seconds" "$([ "$code" = 0 ] && echo ok || echo "FAILED (exit $code)")"
  done <"$logs/$lane.phases"
done
printf '%-30s %8s\n' "both lanes, wall clock" $((SECONDS - started))

# The counts every runner printed (Vitest's "Tests  N passed | M failed", Playwright's "  N passed (…)"
# and "  N failed"), as one closing line; Vitest colours its summary, so colour codes go first.
counts=$(sed 's/\x1b\[[0-9;]*m//g' "$logs"/checks.log "$logs"/browser.log | awk '
  /^ *Tests +[0-9]/ { for (i = 2; i <= NF; i++) { if ($i ~ /^passed/) p += $(i - 1); if ($i ~ /^failed/) f += $(i - 1) } }
  /^ +[0-9]+ passed \(/ { p += $1 }
  /^ +[0-9]+ failed$/ { f += $1 }
  END { printf "%d %d", p, f }')
passed=${counts% *}
failed=${counts#* }
if [ "$checks_code" -ne 0 ] || [ "$browser_code" -ne 0 ]; then
  echo "npm test: FAILED (checks lane exit ${checks_code}, browser lane exit ${browser_code})"
  [ "$failed" = 0 ] && failed=1 # a phase failed before its runner could count
  echo "${passed} passed, ${failed} failed"
  exit 1
fi
echo "${passed} passed, ${failed} failed"
