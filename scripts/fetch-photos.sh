#!/usr/bin/env bash
# Builds photo set P (issue #21): images that never went through JPEG, in a development half and a separate
# validation half, from Debian packages other than the reserved ones (libjxl-testdata, plasma-workspace-wallpapers).
#   data/photos/dev/   choices are made by looking at these
#   data/photos/val/   never used for a choice or for training; report it beside dev
# Three kinds, alternated between the halves in a fixed order so each half holds each kind:
#   render-*  POV-Ray 3.7's own example scenes (povray-examples), rendered here at 800x600 with anti-aliasing
#             (needs the povray package; about 15 minutes on two cores)
#   cam-*     8-bit gray camera frames of ViSP's test sequences (visp-images-data: PGM grabs of 2000s cameras;
#             frames in which nwf's block-grid tool finds JPEG's 8x8 grid are left out)
#   ct-*      16-bit gray CT slices (invesalius-examples' Cranium project: int16 Hounsfield units + 1024, 12 bits used)
#   photo-*   colour camera photos of OpenCV's sample data (opencv-doc): Middlebury's RubberWhale and a photo of a dog
#             (dev), Oxford's graffiti and a house (val); its other photos are JPEG files, or PNGs in which nwf's
#             block-grid tool finds JPEG's grid (box, box_in_scene, basketball)
# Needs: apt-get download, dpkg -x, povray, python3 with numpy and Pillow.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/data/photos"
work="$root/data/.debs"
mkdir -p "$work" "$data/dev" "$data/val" "$data/.render"
cd "$work"
for pkg in povray-examples visp-images-data invesalius-examples opencv-doc; do
  if ! ls "$pkg"_*.deb >/dev/null 2>&1; then
    apt-get download "$pkg" >/dev/null 2>&1 || { echo "could not download $pkg" >&2; exit 1; }
  fi
  [ -d "x-$pkg" ] || dpkg -x "$pkg"_*.deb "x-$pkg"
done
command -v povray >/dev/null || { echo "povray is needed to render the scenes: apt-get install povray" >&2; exit 1; }

# Alternates the images of one kind between the halves: the 1st, 3rd, ... to dev, the 2nd, 4th, ... to val.
place() { # kind index file
  local half=dev
  if (( $2 % 2 == 1 )); then half=val; fi
  cp "$3" "$data/$half/$1-$(basename "$3")"
}

pov="$work/x-povray-examples/usr/share/doc/povray/examples"
scenes=(advanced/abyss advanced/balcony/balcony advanced/biscuit advanced/chess2 advanced/crater/crater
  advanced/desk/desk advanced/drums2/drums advanced/glasschess/glasschess advanced/grenadine/grenadine
  advanced/isocacti advanced/lamppost advanced/landscape advanced/mist advanced/ntreal/ntreal advanced/pawns
  advanced/quilt1 advanced/sombrero advanced/sunsethf advanced/swirlbox advanced/teapot/teapot advanced/wallstucco
  advanced/whiltile advanced/wineglass advanced/woodbox interior/caustic2 interior/crystal interior/magglass
  interior/rainbow1 radiosity/cornell radiosity/patio-radio_37 templates/Basic_Scenes/Grass_partly_cloudy_sky
  templates/Basic_Scenes/Sea_partly_cloudy_sky)
render() { # scene
  local out="$data/.render/$(basename "$1").png"
  [ -s "$out" ] && return 0
  (cd "$pov/$(dirname "$1")" && timeout 600 povray "+I$(basename "$1").pov" "+O${out%.png}.part.png" +W800 +H600 \
    +A0.3 -D +FN8 -GA +WT1 "+L$pov/../include" +L/usr/share/povray-3.7/include >/dev/null 2>&1) \
    && mv "${out%.png}.part.png" "$out"
}
export -f render; export pov data
printf '%s\n' "${scenes[@]}" | xargs -P "$(nproc)" -I{} bash -c 'render {} || echo "could not render {}" >&2'
i=0
for s in "${scenes[@]}"; do
  f="$data/.render/$(basename "$s").png"
  [ -s "$f" ] && place render $((i++)) "$f"
done

visp="$work/x-visp-images-data/usr/share/visp-images-data/ViSP-images"
i=0
# Not mbt/ nor calibration/: nwf finds JPEG's 8x8 block grid in those frames (an MJPEG camera's).
for f in cube/image.0000.pgm cube/image.0060.pgm mire-2/image.0001.pgm mire-2/image.0400.pgm line/image.0001.pgm \
    ellipse-1/image.0001.pgm; do
  tmp="$data/.render/$(echo "$f" | tr / -)"
  python3 -c "import sys; from PIL import Image; Image.open(sys.argv[1]).save(sys.argv[2])" "$visp/$f" "${tmp%.pgm}.png"
  place cam $((i++)) "${tmp%.pgm}.png"
done

inv="$data/.render/cranium"
mkdir -p "$inv"
tar xzf "$work/x-invesalius-examples/usr/share/doc/invesalius-examples/examples/Cranium.inv3" -C "$inv"
python3 - "$inv" <<'EOF'
import glob, sys, numpy as np
from PIL import Image
d = sys.argv[1]
m = np.fromfile(glob.glob(d + "/*/matrix.dat")[0], dtype="<i2").reshape(108, 256, 256)
for z in (20, 40, 60, 80):
    s = (m[z].astype(np.int32) + 1024).clip(0, 65535).astype(np.uint16)
    Image.fromarray(s).save(f"{d}/slice{z:03d}.png")
EOF
i=0
for f in "$inv"/slice*.png; do place ct $((i++)) "$f"; done
ocv="$work/x-opencv-doc/usr/share/doc/opencv-doc/examples"
cp "$ocv/data/rubberwhale1.png" "$data/dev/photo-rubberwhale1.png"
cp "$ocv/data/chicky_512.png" "$data/dev/photo-chicky_512.png"
cp "$ocv/data/graf1.png" "$data/val/photo-graf1.png"
cp "$ocv/reg/home.png" "$data/val/photo-home.png"
echo "dev: $(ls "$data/dev" | wc -l) images in $data/dev"
echo "val: $(ls "$data/val" | wc -l) images in $data/val"
