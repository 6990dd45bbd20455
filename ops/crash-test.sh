#!/usr/bin/env bash
# Crash consistency, one command (issue 10; docs/reliability.md): builds the hub and the drills, then runs a hub
# on an embedded PostgreSQL (or, with --database=h2, on its embedded H2 default) under load, kills it with
# SIGKILL, restarts it on the same database, and again, for several rounds. After each kill it checks that every
# 200 response the client received has its access-log record; after each restart, that the node's chain
# continues from its last record. A final restart serves once more: its 200s are looked up too, and the whole
# access log must verify. Prints the counts and exits 1 if a single answered exchange lost its record.
#   ops/crash-test.sh [--rounds=5] [--seconds=6] [--concurrency=16] [--database=postgres|h2]
# Hub logs go to target/crash-drill/.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl hub,bench -am package -DskipTests
exec java -cp bench/target/benchmarks.jar org.saphan.bench.load.CrashDrill "$@"
