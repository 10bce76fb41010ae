#!/usr/bin/env bash
# Compares two builds of nwf on a folder of PNGs: bytes per file (sizes are deterministic) and decoding speed as the
# best of several rounds in one JVM, the two builds alternating (this machine's speed wanders by +-15 %).
#   scripts/compare-builds.sh OLD_CLI_TARGET NEW_CLI_TARGET PNG_DIR [ROUNDS]
# where *_CLI_TARGET is a build's cli/target folder (nwf.jar and lib/). ROUNDS 0 compares sizes only.
set -euo pipefail
old="$1"; new="$2"; images="$3"; rounds="${4:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
here="$(cd "$(dirname "$0")" && pwd)"
cp_of() { echo "$1/nwf.jar:$(ls "$1"/lib/*.jar | tr '\n' ':')"; }
mkdir -p "$work/old" "$work/new"
printf "%-28s %12s %12s %9s\n" image old new new/old
to=0; tn=0
for f in "$images"/*.png; do
  b=$(basename "$f" .png)
  java -jar "$old/nwf.jar" encode "$f" -o "$work/old/$b.nwf" -q
  java -jar "$new/nwf.jar" encode "$f" -o "$work/new/$b.nwf" -q
  so=$(stat -c %s "$work/old/$b.nwf"); sn=$(stat -c %s "$work/new/$b.nwf")
  to=$((to + so)); tn=$((tn + sn))
  printf "%-28s %12d %12d %9.5f\n" "$b" "$so" "$sn" "$(echo "$sn / $so" | bc -l)"
done
printf "%-28s %12d %12d %9.5f\n" total "$to" "$tn" "$(echo "$tn / $to" | bc -l)"
[ "$rounds" -gt 0 ] || exit 0
echo "decode MP/s (best of $rounds rounds per process; processes alternate old, new):"
for i in 1 2 3; do
  o=$(java -cp "$(cp_of "$old")" "$here/DecodeSpeed.java" "$work/old" "$rounds")
  n=$(java -cp "$(cp_of "$new")" "$here/DecodeSpeed.java" "$work/new" "$rounds")
  echo "  pass $i: old $o  new $n  new/old $(echo "$n / $o" | bc -l | cut -c1-5)"
done
