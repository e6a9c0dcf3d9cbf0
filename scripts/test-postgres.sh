#!/usr/bin/env bash
# Runs Starl's tests against a throwaway PostgreSQL cluster as well as SQLite, then removes the cluster.
# Arguments go to vitest: scripts/test-postgres.sh test/practice/storage.test.ts src/server/routes
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/postgres-cluster.sh
start_test_cluster
npx vitest run "$@"
