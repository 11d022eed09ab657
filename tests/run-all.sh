#!/usr/bin/env bash
# Runs every test of MailFromConsole on a fresh machine: installs what the tests need (idempotent),
# builds once, runs each test project, and prints one closing line "Tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash tests/install-deps.sh || { echo "Installing test dependencies failed"; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build MailFromConsole.sln -c Debug -nologo -clp:ErrorsOnly -p:UseSharedCompilation=false || { echo "Build failed"; exit 1; }

# A real PostgreSQL for the storage and multi-instance tests, stopped however the run ends.
postgres_dir=$(mktemp -d "${TMPDIR:-/tmp}/mfc-postgres-run.XXXXXX")
trap 'bash "$root/tests/postgres.sh" stop "$postgres_dir"' EXIT
postgres_env=$(bash tests/postgres.sh start "$postgres_dir") || { echo "Starting PostgreSQL failed"; exit 1; }
eval "$postgres_env"

results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
status=0
# Browser tests last and alone: they start the console and Chromium, which want the two cores to themselves.
for project in Core Aws LocalAws Web EndToEnd; do
  dir="tests/MailFromConsole.$project.Tests"
  [[ $project == EndToEnd ]] && dir="tests/MailFromConsole.EndToEnd"
  echo "=== $project"
  dotnet test "$dir" --no-build -nologo --logger "trx;LogFileName=$project.trx" --results-directory "$results" \
    || status=1
done

# Sum the counters of every TRX file into the one closing line CI reads.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find(".//{*}Counters")
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"Tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
[[ $status -eq 0 ]] || echo "Some test project failed."
exit $status
