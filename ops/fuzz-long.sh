#!/usr/bin/env bash
# The longer fuzz run (docs/security.md): repeats every fuzz target's short Jazzer run (its maxDuration per round);
# each round continues from the corpus the previous rounds built in <module>/.cifuzz-corpus/. A finding stops the
# run and leaves its input under src/test/resources/.../<Class>Inputs/<method>/crash-*: fix the code, and keep the
# input as a regression test under a name that says what it found (crash-* files are git-ignored).
# At the end it prints, per target, the executions and seconds summed over all rounds.
#   ops/fuzz-long.sh [rounds=30] [modules=schemas,security,exchange-core,connectors,hub]
# Targets (5): IdentifiersFuzzTest (schemas: citizen, juristic, officer, request, service ids, legal bases),
# ExchangeSignatureVerifierFuzzTest (security: the JWS verifier), SoapFaceFuzzTest (exchange-core: envelopes sent to
# the SOAP consumer face, /services/exchange), SoapAnswerFuzzTest (connectors: providers' SOAP answers),
# HubFacesFuzzTest (hub: REST exchange body and headers, GDX parameters and paths, consents, audit/usage queries,
# the token form, through the real application).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-30}
modules=${2:-schemas,security,exchange-core,connectors,hub}
log=$(mktemp -t saphan-fuzz.XXXXXX)
for round in $(seq 1 "$rounds"); do
  echo "== fuzz round $round of $rounds"
  # the test phase (not surefire:test alone) so the reactor's own classes are on each module's test classpath;
  # -Dtest makes the default execution replay the kept inputs, then the fuzz execution fuzzes
  mvn -o -B -pl "$modules" -am test -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | tee -a "$log" | grep -E '^\[INFO\] Running |^Done [0-9]+ runs|executions per face|FAIL|ERROR' || true
  if grep -qE 'Tests run:.*(Failures: [1-9]|Errors: [1-9])' "$log"; then
    echo "a fuzz target failed: see $log and the new files under src/test/resources"; exit 1
  fi
done
echo "== executions per target over $rounds round(s) (log: $log)"
awk '/^\[INFO\] Running /{target=$3} /^Done [0-9]+ runs in/{runs[target]+=$2; secs[target]+=$5}
     END{for (t in runs) printf "%-70s %12d runs %6d s\n", t, runs[t], secs[t]}' "$log" | sort
