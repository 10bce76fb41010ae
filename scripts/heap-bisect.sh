#!/bin/bash
# The smallest Java heap (MiB, within 3 %) in which one encoding or decoding completes as `nwf encode` / `nwf decode`
# run it (dev.nwf.bench.MemoryProbe in a fresh JVM, G1): MemoryBenchmark's bisection, for an image of your choice.
#   scripts/heap-bisect.sh encode IN.png OUT.nwf [TOOL,TOOL...]     (tools left out, as nwf encode --without)
#   scripts/heap-bisect.sh decode IN.nwf OUT.png
# LO and HI (MiB) bound the search: HI must suffice. Needs `mvn -B -ntp install -DskipTests` and
# `mvn -B -ntp -pl src test-compile` first.
set -euo pipefail
cd "$(dirname "$0")/.."
CP=src/target/test-classes:$(mvn -q -B -ntp -Dstyle.color=never -pl src dependency:build-classpath -Dmdep.outputFile=/dev/stdout \
    -Dmdep.includeScope=test | sed 's/\x1b\[[0-9;]*m//g')
run() { java -Xmx"$1"m -cp "$CP" dev.nwf.bench.MemoryProbe "${@:2}" >/dev/null 2>&1; }
lo=${LO:-64}
hi=${HI:-4000}
run "$hi" "$@" || { echo "does not complete in $hi MiB" >&2; exit 1; }
while [ $((hi - lo)) -gt $(( hi * 3 / 100 > 4 ? hi * 3 / 100 : 4 )) ]; do
  mid=$(( (lo + hi) / 2 ))
  if run "$mid" "$@"; then hi=$mid; else lo=$mid; fi
done
# the peak depends a little on how the threads meet: raise until a run completes again
while ! run "$hi" "$@"; do hi=$((hi + hi * 3 / 100)); done
echo "$hi"
