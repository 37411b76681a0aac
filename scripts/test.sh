#!/usr/bin/env bash
# npm test: the whole suite, each thing once, with the time of every phase printed at the end.
#
#   npm test                                   everything on the embedded database (PGlite)
#   TEST_POSTGRES_URL=postgresql://… npm test  as CI: PostgreSQL too (the production-like target)
#
# With TEST_POSTGRES_URL the unit/route tests run on both databases, the webhook fuzz and the full
# browser suite run on PostgreSQL, and the browser specs whose result depends on the database kind
# (tagged @db) run again on PGlite. The type check, lint and `next build` run once either way.
# TEST_POSTGRES_URL names a database this script may drop and recreate (and `<name>_e2e` beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
unset DATABASE_URL E2E_DATABASE_URL

phases=()
run_phase() {
  local name=$1
  shift
  local started=$SECONDS
  echo ""
  echo "=== ${name}"
  if "$@"; then
    phases+=("$(printf '%-34s %5ds  ok' "$name" $((SECONDS - started)))")
  else
    local code=$?
    phases+=("$(printf '%-34s %5ds  FAILED (exit %d)' "$name" $((SECONDS - started)) "$code")")
    print_phases
    exit "$code"
  fi
}
print_phases() {
  echo ""
  echo "=== time per phase"
  printf '%s\n' "${phases[@]}"
}

# .ci/run times its install step and passes it on, to stand first in the table.
[ -n "${INSTALL_SECONDS:-}" ] && phases+=("$(printf '%-34s %5ds  ok' "install (.ci/run)" "$INSTALL_SECONDS")")

pg="${TEST_POSTGRES_URL:-}"
e2e_pg="${pg:+${pg}_e2e}" # a URL without query parameters

run_phase "typecheck + lint" bash -c "npm run -s typecheck && npm run -s lint"
run_phase "vitest on PGlite" npx vitest run --project unit
if [ -n "$pg" ]; then
  run_phase "vitest on PostgreSQL" env DATABASE_URL="$pg" npx vitest run --project unit
  run_phase "fuzz on PostgreSQL" env DATABASE_URL="$pg" npx vitest run --project fuzz
else
  run_phase "fuzz on PGlite" npx vitest run --project fuzz
fi
run_phase "next build" env THREADLINE_BUILD_SKIP_TYPECHECK=1 npx next build
if [ -n "$pg" ]; then
  run_phase "fresh e2e database" npx tsx scripts/fresh-database.ts "$e2e_pg"
  run_phase "Playwright on PostgreSQL" env E2E_SKIP_BUILD=1 E2E_DATABASE_URL="$e2e_pg" npx playwright test
  run_phase "Playwright @db on PGlite" env E2E_SKIP_BUILD=1 npx playwright test --grep @db
else
  run_phase "Playwright on PGlite" env E2E_SKIP_BUILD=1 npx playwright test
fi
print_phases
