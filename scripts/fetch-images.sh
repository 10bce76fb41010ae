#!/usr/bin/env bash
# Fetches photos for training and benchmarking from Debian packages into data/ (never committed).
#   data/eval/   set A of ../shared/notes/anchors.md: 4 skimage photos + mate-backgrounds nature/*.jpg
#                (the benchmark shrinks the mate photos 2x, as the anchor figures did)
#   data/train/  other photos, disjoint from set A: skimage extras and the Ubuntu Touch (Lomiri) 16.04/20.04 photo
#                wallpapers (2-6k px; `nwf train --max-side` shrinks them). KDE Plasma's wallpapers
#                (plasma-workspace-wallpapers) and libjxl-testdata are reserved for independent evaluation: never
#                fetched here (earlier versions of this script copied Plasma's into data/train).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/data"
work="$data/.debs"
mkdir -p "$work" "$data/eval" "$data/train"
cd "$work"
for pkg in python3-skimage mate-backgrounds lomiri-wallpapers-16.04 lomiri-wallpapers-20.04; do
  if ! ls "$pkg"_*.deb >/dev/null 2>&1; then
    apt-get download "$pkg" >/dev/null 2>&1 || { echo "could not download $pkg" >&2; exit 1; }
  fi
  dpkg -x "$pkg"_*.deb "x-$pkg"
done
sk="x-python3-skimage/usr/lib/python3/dist-packages/skimage/data"
for f in astronaut chelsea coffee motorcycle_left; do cp "$sk/$f.png" "$data/eval/"; done
for f in x-mate-backgrounds/usr/share/backgrounds/mate/nature/*.jpg; do cp "$f" "$data/eval/mate-$(basename "$f")"; done
for f in rocket.jpg hubble_deep_field.jpg retina.jpg ihc.png camera.png coins.png moon.png grass.png gravel.png brick.png page.png; do
  cp "$sk/$f" "$data/train/"
done
for f in x-lomiri-wallpapers-16.04/usr/share/backgrounds/*.jpg x-lomiri-wallpapers-20.04/usr/share/backgrounds/Kleiber_by_Lukas_Baubkus.jpg; do
  cp "$f" "$data/train/lomiri-$(basename "$f")"
done
echo "eval:  $(ls "$data/eval" | wc -l) images in $data/eval"
echo "train: $(ls "$data/train" | wc -l) images in $data/train"
