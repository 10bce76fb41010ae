#!/usr/bin/env bash
# Builds set G, non-photographic images, into data/graphics/ (never committed): icons with alpha and game sprites from
# Debian packages, diagrams rendered with graphviz, plots rendered with gnuplot, screenshots and text pages of real
# HTML documentation rendered with headless Chromium. Each kind is split by turns into a development half (dev/, for
# choices) and a validation half (val/, never used for choices); data/graphics/manifest.tsv lists every image.
# Needs: apt-get download (no root), and to render: gnuplot, dot (graphviz), chromium, python3
#   sudo apt-get install gnuplot-nox graphviz chromium
# Reserved for independent evaluation and not used: libjxl-testdata, plasma-workspace-wallpapers.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/data/graphics"
work="$out/.work"
for tool in gnuplot dot chromium python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool (sudo apt-get install gnuplot-nox graphviz chromium)" >&2; exit 1; }
done
rm -rf "$out/dev" "$out/val"
mkdir -p "$work/debs" "$out/dev" "$out/val"
cd "$work/debs"
for pkg in tango-icon-theme oxygen-icon-theme lbreakout2-data pingus-data debian-reference-en graphviz-doc; do
  if ! ls "$pkg"_*.deb >/dev/null 2>&1; then
    apt-get download "$pkg" >/dev/null 2>&1 || { echo "could not download $pkg" >&2; exit 1; }
  fi
  dpkg -x "$pkg"_*.deb x
done
x="$work/debs/x"
manifest="$out/manifest.tsv"
printf "name\tsplit\tkind\tsource\n" > "$manifest"
declare -A turn last_group last_split
# add KIND NAME FILE SOURCE [GROUP]: copies FILE as KIND-NAME.png into dev/ or val/, alternating per kind; renders of
# one GROUP (a graph at two resolutions) stay on one side, so validation never sees what development saw
add() {
  local kind="$1" name="$2" file="$3" source="$4" group="${5:-}"
  local split
  if [ -n "$group" ] && [ "${last_group[$kind]:-}" = "$group" ]; then
    split="${last_split[$kind]}"
  else
    local n="${turn[$kind]:-0}"
    split=dev
    [ $((n % 2)) -eq 1 ] && split=val
    turn[$kind]=$((n + 1))
  fi
  last_group[$kind]="$group"
  last_split[$kind]="$split"
  cp "$file" "$out/$split/$kind-$name.png"
  printf "%s\t%s\t%s\t%s\n" "$kind-$name.png" "$split" "$kind" "$source" >> "$manifest"
}

# icons with alpha, several sizes
for f in apps/accessories-calculator apps/preferences-desktop-theme apps/utilities-terminal apps/internet-web-browser \
         places/folder-documents places/user-home devices/computer devices/drive-harddisk; do
  for s in 256x256 48x48; do
    p="$x/usr/share/icons/oxygen/base/$s/$f.png"
    [ -f "$p" ] && add icon "oxygen-$s-$(basename "$f")" "$p" oxygen-icon-theme "$f"
  done
done
for f in actions/document-save apps/accessories-text-editor places/network-server status/weather-storm; do
  p="$x/usr/share/icons/Tango/32x32/$f.png"
  [ -f "$p" ] && add icon "tango-32-$(basename "$f")" "$p" tango-icon-theme
done

# game sprites and pixel art
g="$x/usr/share/games/lbreakout2/gfx"
for f in AbsoluteB/bricks.png AbsoluteB/extras.png AbsoluteB/paddle.png AbsoluteB/back0.png AbsoluteB/back3.png \
         AbsoluteB/menuback.png AbsoluteB/weapon.png loading.png; do
  [ -f "$g/$f" ] && add sprite "lbreakout2-$(echo "$f" | tr '/' '-' | sed 's/\.png$//')" "$g/$f" lbreakout2-data
done
find "$x/usr/share/games/pingus" -name '*.png' -size +6k | sort | awk 'NR % 60 == 1' | head -8 | while read -r f; do
  rel="${f#"$x/usr/share/games/pingus/"}"
  echo "$rel|$f"
done > "$work/pingus.txt"
while IFS='|' read -r rel f; do add sprite "pingus-$(echo "${rel%.png}" | tr '/' '-')" "$f" pingus-data; done < "$work/pingus.txt"

# diagrams: graphviz's example graphs, at two resolutions
graphs="$x/usr/share/doc/graphviz/examples/graphs"
for gv in directed/clust4.gv directed/unix.gv directed/world.gv directed/switch.gv undirected/process.gv \
          directed/fsm.gv directed/structs.gv undirected/ngk10_4.gv directed/abstract.gv; do
  [ -f "$graphs/$gv" ] || continue
  b=$(basename "$gv" .gv)
  engine=dot
  case "$gv" in undirected/*) engine=neato ;; esac
  for dpi in 96 200; do
    "$engine" -Tpng -Gdpi=$dpi "$graphs/$gv" -o "$work/$b-$dpi.png" 2>/dev/null \
      && add diagram "$b-$dpi" "$work/$b-$dpi.png" graphviz "$b"
  done
done

# plots: gnuplot's PNG terminal (libgd), at the sizes figures come in
plot() {
  local name="$1" size="$2" body="$3"
  gnuplot -e "set terminal png size $size; set output '$work/$name.png'; $body" 2>/dev/null
  add plot "$name" "$work/$name.png" gnuplot
}
plot lines-640x480 640,480 "set grid; plot sin(x) title 'sin', cos(x) title 'cos', sin(x)*cos(2*x) title 'product'"
plot lines-1600x1000 1600,1000 "set grid; set key left; plot [0:20] besj0(x), besj1(x), exp(-x/5)*sin(x) lw 2"
plot bars-800x600 800,600 "set style fill solid 0.6; set boxwidth 0.7; plot '+' using (\$0):(sin(\$0/3)+1.2) \
  with boxes title 'series' , '' using (\$0):(cos(\$0/4)+1.2) with linespoints title 'trend'"
plot scatter-1024x768 1024,768 "set samples 400; plot '+' using (\$1):(sin(\$1*7)*cos(\$1*3)+0.3*sin(\$1*91)) with points pt 7 title 'data'"
plot surface-1200x900 1200,900 "set pm3d; set isosamples 40; splot sin(sqrt(x*x+y*y))/sqrt(x*x+y*y+0.01)"
plot heatmap-900x900 900,900 "set view map; set pm3d at b; set isosamples 80; splot sin(x)*cos(y)*exp(-(x*x+y*y)/40) with pm3d"
plot contour-1000x800 1000,800 "set contour; unset surface; set view map; set isosamples 60; set cntrparam levels 12; \
  splot x*x-y*y+sin(3*x)"
plot polar-700x700 700,700 "set polar; set grid polar; set size square; plot [0:12*pi] t/10*sin(3*t) lw 2"
plot boxes-2100x2100 2100,2100 "set style fill solid 0.25 border; set boxwidth 0.5; plot for [i=1:8] '+' using (i):(i*0.7+sin(i)) \
  with boxes notitle"
plot histogram-1280x720 1280,720 "set style histogram clustered; set style data histograms; set style fill solid 0.8; \
  plot '+' using (abs(sin(\$0))*10) title 'a', '' using (abs(cos(\$0/2))*8) title 'b'"
plot steps-480x320 480,320 "plot [0:10] floor(x) with steps title 'floor', x/2 with lines title 'ramp'"
plot filled-1400x600 1400,600 "set style fill transparent solid 0.4; plot [0:10] sin(x)+2 with filledcurves y1=0 title 'a', \
  cos(x)+2 with filledcurves y1=0 title 'b'"

# screenshots and text pages of real HTML documentation
chrome() {
  local url="$1" size="$2" file="$3" extra="${4:-}"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/chrome" \
    --window-size="$size" --screenshot="$file" $extra "$url" >/dev/null 2>&1
}
ref="$x/usr/share/debian-reference"
i=0
for page in ch01 ch02 ch03 ch05 ch07 ch09 ch10 ch11 ch12; do
  [ -f "$ref/$page.en.html" ] || continue
  case $((i % 3)) in 0) size=1280,800 ;; 1) size=1920,1080 ;; 2) size=412,915 ;; esac
  i=$((i + 1))
  chrome "file://$ref/$page.en.html" "$size" "$work/$page.png" && add screenshot "debian-reference-$page-${size/,/x}" \
    "$work/$page.png" debian-reference-en
done
# text pages as a scanner would see them: gray, large and small type
for page in ch04 ch06 ch08; do
  [ -f "$ref/$page.en.html" ] || continue
  cat > "$work/text-$page.html" <<EOF
<html><head><style>html{filter:grayscale(1)} body{font:15px/1.45 serif;margin:40px;max-width:760px}</style></head>
<body><iframe src="file://$ref/$page.en.html" style="border:0;width:780px;height:1600px"></iframe></body></html>
EOF
  chrome "file://$work/text-$page.html" 860,1200 "$work/text-$page.png" && add text "$page-860x1200" "$work/text-$page.png" \
    debian-reference-en
done

python3 - "$out" <<'EOF'
import struct, sys, os
out = sys.argv[1]
rows = open(os.path.join(out, "manifest.tsv")).read().splitlines()
lines = [rows[0] + "\twidth\theight\tbytes"]
for r in rows[1:]:
    name, split = r.split("\t")[:2]
    p = os.path.join(out, split, name)
    with open(p, "rb") as f:
        head = f.read(24)
    w, h = struct.unpack(">II", head[16:24])
    lines.append(f"{r}\t{w}\t{h}\t{os.path.getsize(p)}")
open(os.path.join(out, "manifest.tsv"), "w").write("\n".join(lines) + "\n")
EOF
echo "set G: $(($(wc -l < "$manifest") - 1)) images ($(ls "$out/dev" | wc -l) dev, $(ls "$out/val" | wc -l) val), manifest $manifest"
