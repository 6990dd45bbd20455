#!/usr/bin/env bash
# Several hub nodes on one PostgreSQL, one command (issue 10; docs/reliability.md): builds the hub and the drills,
# starts an embedded PostgreSQL and N hub JVMs on their own ports with their own node ids (sharing the database and
# the key files), and drives the same load through all of them. Checks tokens (and their revocation within the 5 s
# token cache), replay protection and a quota across nodes, one chain per node, usage reports and audit queries that
# see every node, and verification of every chain.
#   ops/multi-node.sh [--nodes=3] [--seconds=10] [--concurrency=12]
# Hub logs go to target/multi-node-drill/. Exits 1 if any check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl hub,bench -am package -DskipTests
exec java -cp bench/target/benchmarks.jar org.saphan.bench.load.MultiNodeDrill "$@"
