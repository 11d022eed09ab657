#!/usr/bin/env bash
# Adds one EF Core migration for BOTH providers (SQLite and PostgreSQL each have their own set), e.g.
#   src/MailFromConsole.Web/Infrastructure/Storage/add-migration.sh AccountView
# after adding or changing an IEntityTypeConfiguration<T>. Uses the dotnet-ef version pinned beside this script.
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: $0 MigrationName" >&2; exit 2; }
cd "$(dirname "$0")"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$1" --project ../.. --context "${provider}ConsoleDbContext" \
    --output-dir "Infrastructure/Storage/Migrations/$provider"
done
