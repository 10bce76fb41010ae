#!/usr/bin/env bash
# Runs the benchmarks (tests tagged "benchmark", excluded from `mvn test`) and prints their figures.
# Needs data/ from scripts/fetch-images.sh (photos) and scripts/fetch-graphics.sh (set G); reference codecs (cjxl, cwebp,
# optipng) are used when on PATH. Set G alone: scripts/bench.sh -Dtest=GraphicsSetBenchmark
# Extra arguments go to Maven, e.g. -Dbench.cjxl.effort=7 -Dbench.optipng.level=2 -Dtest=CoderBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp install -DskipTests
run() { mvn -B -ntp -pl src surefire:test -Dgroups=benchmark -DexcludedGroups=none -DtrimStackTrace=false "$@" \
          | grep -vE '^\[(INFO|WARNING)\]|AutoNonVariableTypeMode|^$' || true; }
run -Dtest='CoderBenchmark,PhotoSetBenchmark,GraphicsSetBenchmark' "$@"
for t in 1 2; do run -Dtest=NetworkBenchmark -Dai.djl.pytorch.num_threads=$t "$@"; done
