#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of one target, outside `mvn test`:
#   scripts/fuzz.sh NwfDecoderFuzzTest|ImageInputFuzzTest|ImageIoReaderFuzzTest [EXECUTIONS] [MAX_DURATION]
# e.g. scripts/fuzz.sh NwfDecoderFuzzTest 1000000. A finding fails the run and is saved in the target's inputs
# directory (fuzz/src/test/resources/dev/nwf/fuzz/<Target>Inputs/<method>/crash-*): rename it after the failure,
# fix the cause, and `mvn test` replays it from then on. Inputs that gained coverage go to fuzz/.cifuzz-corpus/.
# A hang: an input over 10 s (SlowInput), or one that never returns (libFuzzer's -timeout below).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?which fuzz test class}"
runs="${2:-1000000}"
duration="${3:-}"
mvn -B -q -ntp install -DskipTests -pl fuzz -am
JAZZER_FUZZ=1 mvn -B -ntp -pl fuzz test -Dtest="$target" -Djazzer.max_executions="$runs" \
  -Djazzer.max_duration="$duration" -Djazzer.internal.arg.0=nwf-fuzz -Djazzer.internal.arg.1=-timeout=60 \
  -Djazzer.internal.arg.2=-print_final_stats=1
