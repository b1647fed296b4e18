#!/usr/bin/env bash
# Adds a migration with the same name to every database provider.
# Usage: bash scripts/add-migration.sh NameOfTheChange
set -euo pipefail
name=${1:?usage: add-migration.sh NameOfTheChange}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet restore Escale.slnx >/dev/null
for project in src/Escale.Migrations.Sqlite src/Escale.Migrations.PostgreSql; do
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
