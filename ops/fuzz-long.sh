#!/usr/bin/env bash
# The longer fuzz run: repeats every module's short Jazzer run (10 s per target per round); each round
# continues from the corpus the previous rounds built in <module>/.cifuzz-corpus/. A finding stops the run
# and leaves its input under src/test/resources/.../<Class>Inputs/<method>/: fix the code, keep the input
# as a regression test.
#   ops/fuzz-long.sh [rounds=30] [modules=schemas,security,exchange-core]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-30}
modules=${2:-schemas,security,exchange-core}
mvn -q -pl "$modules" -am test-compile
for round in $(seq 1 "$rounds"); do
  echo "== fuzz round $round of $rounds"
  mvn -q -pl "$modules" surefire:test@fuzz
done
