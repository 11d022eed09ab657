#!/usr/bin/env bash
# Runs every test of MailFromConsole on a fresh machine: installs what the tests need (idempotent),
# builds once, runs each test project, and prints one closing line "Tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash tests/install-deps.sh || { echo "Installing test dependencies failed"; exit 1; }

# A real PostgreSQL for the storage and multi-instance tests, started beside the build (it needs little CPU) and
# stopped however the run ends.
postgres_dir=$(mktemp -d "${TMPDIR:-/tmp}/mfc-postgres-run.XXXXXX")
bash tests/postgres.sh start "$postgres_dir" >"$postgres_dir/env" &
postgres_pid=$!
trap 'wait "$postgres_pid" 2>/dev/null; bash "$root/tests/postgres.sh" stop "$postgres_dir"' EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build MailFromConsole.sln -c Debug -nologo -clp:ErrorsOnly -p:UseSharedCompilation=false || { echo "Build failed"; exit 1; }

wait "$postgres_pid" || { echo "Starting PostgreSQL failed"; exit 1; }
eval "$(cat "$postgres_dir/env")"

results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
status=0
run_tests() { # name, project folder, extra dotnet test arguments
  local name=$1 dir=$2; shift 2
  dotnet test "$dir" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@"
}

# The Terraform tests spend minutes waiting on the provider's own Route 53 polling, not on the cores: they run
# beside the fast projects (their output shown once they are done), up to four classes at once.
terraform_tests="FullyQualifiedName~MailFromConsole.LocalAws.Tests.Terraform."
other_local_aws_tests="FullyQualifiedName!~MailFromConsole.LocalAws.Tests.Terraform."
run_tests LocalAws.Terraform tests/MailFromConsole.LocalAws.Tests --filter "$terraform_tests" \
  -- xUnit.MaxParallelThreads=4 >"$results/LocalAws.Terraform.log" 2>&1 &
terraform_pid=$!

for project in Core Aws LocalAws Web; do
  echo "=== $project"
  if [[ $project == LocalAws ]]; then
    run_tests "$project" "tests/MailFromConsole.$project.Tests" --filter "$other_local_aws_tests" || status=1
  else
    run_tests "$project" "tests/MailFromConsole.$project.Tests" || status=1
  fi
done
echo "=== LocalAws.Terraform"
wait "$terraform_pid" || status=1
cat "$results/LocalAws.Terraform.log"

# Browser tests last and alone: they start the console and Chromium, which want the two cores to themselves.
echo "=== EndToEnd"
run_tests EndToEnd tests/MailFromConsole.EndToEnd || status=1

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
