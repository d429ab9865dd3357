#!/usr/bin/env bash
# Builds the calibration set for similar-photo thresholds from openly licensed photos that Debian ships
# in its wallpaper packages, in the layout of shared/testdata/similar (images/ and truth.json).
#
#   build-set.sh OUTPUT_DIR
#
# Per source photo (the "scene"):
#   copies: the photo at 1600 px (base), JPEG q40, half size, 5% cropped on every side, 20% brighter;
#   shots:  three overlapping 80%x85% windows of the full-resolution photo, each shifted by 10% of the
#           width and 7% of the height from the previous one, the last also 8% brighter.
# Real bursts (the same moment shot several times) are not in any package, so the shifted windows stand
# in for "distinct shots of one scene": they share most content but no pixel grid, framing or crop.
# That is a proxy: it moves the frame but not the subject, so a person who moved between frames is not
# modelled. Different photos of similar subjects (two sunsets, two flowers, two seascapes) are the hard
# negatives. truth.json lists one group per scene and the shot files of each scene.
# Needs apt-get download and dpkg -x (no root), and the vips command line (Debian: libvips-tools).
set -euo pipefail

out=${1:?usage: build-set.sh OUTPUT_DIR}
command -v vips >/dev/null || { echo "vips not found: apt-get install libvips-tools" >&2; exit 1; }

packages=(lomiri-wallpapers-16.04 lomiri-wallpapers-20.04 mate-backgrounds plasma-workspace-wallpapers ukui-wallpapers)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out/images"

(cd "$work" && apt-get download "${packages[@]}" >/dev/null)
for deb in "$work"/*.deb; do
  dpkg -x "$deb" "$work/root"
done

# Photographs only (the packages also hold drawings and abstract art); one resolution per wallpaper.
mapfile -t sources < <(
  find "$work/root/usr/share/backgrounds" -maxdepth 1 -iname '*.jpg'
  find "$work/root/usr/share/backgrounds/mate/nature" -iname '*.jpg'
  find "$work/root/usr/share/wallpapers" -path '*/contents/images/*.jpg' \
    \( -name '2560x1600.jpg' -o -name '3200x2000.jpg' -o -name '5120x2880.jpg' \)
)

size() { vipsheader -f "$1" "$2"; }

json_groups=()
json_shots=()
for src in "${sources[@]}"; do
  name=$(basename "$src" .jpg)
  [[ $src == */contents/images/* ]] && name=$(basename "$(dirname "$(dirname "$(dirname "$src")")")")
  name=$(echo "$name" | tr -c 'A-Za-z0-9\n' '-')
  base="$out/images/$name.jpg"
  vips thumbnail "$src" "$base[Q=90,strip]" 1600 --height 1600
  vips copy "$base" "$out/images/${name}__q40.jpg[Q=40]"
  vips resize "$base" "$out/images/${name}__half.jpg[Q=90]" 0.5
  w=$(size width "$base"); h=$(size height "$base")
  vips extract_area "$base" "$out/images/${name}__crop5.jpg[Q=90]" $((w / 20)) $((h / 20)) $((w * 9 / 10)) $((h * 9 / 10))
  vips linear "$base" "$out/images/${name}__bright.jpg[Q=90]" 1.2 0 --uchar

  W=$(size width "$src"); H=$(size height "$src")
  for shot in 0 1 2; do
    window="$work/window.v"
    vips extract_area "$src" "$window" $((W * shot / 10)) $((H * 7 * shot / 100)) $((W * 8 / 10)) $((H * 85 / 100))
    if [[ $shot == 2 ]]; then
      vips linear "$window" "$work/bright.v" 1.08 0 --uchar
      mv "$work/bright.v" "$window"
    fi
    vips thumbnail "$window" "$out/images/${name}__shot$shot.jpg[Q=90,strip]" 1600 --height 1600
  done

  files=("$name.jpg" "${name}__q40.jpg" "${name}__half.jpg" "${name}__crop5.jpg" "${name}__bright.jpg"
    "${name}__shot0.jpg" "${name}__shot1.jpg" "${name}__shot2.jpg")
  json_groups+=("[$(printf '"%s",' "${files[@]}" | sed 's/,$//')]")
  json_shots+=("[$(printf '"%s",' "${files[@]:5}" | sed 's/,$//')]")
done

{
  echo '{'
  echo " \"groups\": [$(IFS=,; echo "${json_groups[*]}")],"
  echo " \"shots\": [$(IFS=,; echo "${json_shots[*]}")]"
  echo '}'
} > "$out/truth.json"
echo "Built ${#sources[@]} scenes, $(ls "$out/images" | wc -l) images in $out"
