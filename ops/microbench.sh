#!/usr/bin/env bash
# The JMH micro-suite of the exchange's hot pieces, one command: citizen-ID check, policy decision, field
# minimisation, canonical audit hash (HotPathBenchmark) and response signing (SigningBenchmark).
# Short runs; figures in docs/performance.md.
#   ops/microbench.sh [extra JMH options, e.g. -rf json -rff docs/benchmark/microbench.json]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl bench -am package -DskipTests
exec java -jar bench/target/benchmarks.jar 'HotPathBenchmark|SigningBenchmark' -f 1 -wi 2 -i 3 -w 1s -r 1s "$@"
