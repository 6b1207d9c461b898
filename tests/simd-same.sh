#!/bin/sh
# The hourly chain's vectorised loops (src/simd.h) give the same figures on
# every vector unit. Two builds or ways of running, A and B (say the build
# as it is, which takes the widest unit of the processor, and the same
# build under "valgrind --tool=none", whose processor has no AVX-512, or a
# build without the wider copies), must give the same figures bit for bit
# (tests/simd_dump, per site and on a shared time axis) for the reference
# site and for trackers and fixed racks under each sky model on a
# measured year (when ../shared/data is there), and the same batch table
# for sites from 70 S to 78 N (polar day and night, every sunrise and
# sunset row).
# Usage: tests/simd-same.sh A_DIR "A_PREFIX" B_DIR "B_PREFIX"
#   (DIR: a built tree with src/renewcalc and tests/simd_dump; PREFIX: a
#   command to run them under, or "")
set -eu
a_dir=$1 a_pre=$2 b_dir=$3 b_pre=$4
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${RENEWCALC_SHARED:-$top/../shared}
work=$(mktemp -d "${TMPDIR:-/tmp}/renewcalc-simd.XXXXXX")
trap 'rm -rf "$work"' EXIT
export RENEWCALC_FACTORS_DIR="$top/configs/factors" RENEWCALC_PLOTS_DIR="$top/plots"

prof=$top/profiles/laos-oudomxay-synth.csv
cp "$top/configs/laos-pv-1000mw.cfg" "$work/laos.cfg"
sed -i "s|\.\./profiles/|$top/profiles/|" "$work/laos.cfg"
configs="$work/laos.cfg"
tmy=$shared/data/solar/phoenix_az_33.450495_-111.983688_psmv3_60_tmy.csv
if [ -f "$tmy" ]; then
  n=0
  for array in 'mount = "single_axis"; backtrack = true;' \
               'mount = "fixed"; tilt = 30.0; azimuth = 180.0;'; do
    for sky in perez haydavies isotropic; do
      n=$((n + 1))
      cat >"$work/m$n.cfg" <<EOF
name = "vector units $n";
location = { latitude = 33.45; longitude = -111.98; elevation = 340.0; };
emissions = { preset = "cn-coal"; };
plants = ( { type = "pv"; name = "p"; profile = "$tmy"; capacity_mw_ac = 50.0;
             dc_ac_ratio = 1.3; array = { $array }; sky_model = "$sky"; } );
EOF
      configs="$configs $work/m$n.cfg"
    done
  done
else
  echo "simd-same: $shared/data absent, the measured year is left out"
fi

# Sites from 70 S to 78 N, fixed racks and trackers, on the reference profile.
awk -v prof="$prof" 'BEGIN {
  print "name,latitude,longitude,elevation,capacity_mw,mount,tilt,profile"
  for (s = 0; s < 30; s++) {
    lat = -70 + 148 * s / 29
    printf("s%d,%.3f,%.3f,100,50,%s,%s,%s\n", s, lat, -170 + 11.3 * s,
           s % 3 == 0 ? "single_axis" : "fixed", s % 3 == 0 ? "" : int(lat < 0 ? -lat : lat), prof)
  } }' >"$work/sites.csv"

same=0
differ=0
compare() { # what, file A, file B
  if cmp -s "$2" "$3"; then
    same=$((same + 1))
  else
    differ=$((differ + 1))
    echo "FAIL $1 differs:"
    diff "$2" "$3" | head -5
  fi
}
for side in a b; do
  eval "dir=\$${side}_dir pre=\$${side}_pre"
  # shellcheck disable=SC2086
  $pre "$dir/tests/simd_dump" $configs >"$work/$side.dump"
  # shellcheck disable=SC2086
  $pre "$dir/src/renewcalc" batch "$work/sites.csv" -j 1 --no-progress -o "$work/$side.batch.csv"
done
compare "figures of $(echo $configs | wc -w) sites" "$work/a.dump" "$work/b.dump"
compare "batch of 30 sites" "$work/a.batch.csv" "$work/b.batch.csv"
echo "simd-same: $same outputs the same, $differ different"
[ "$differ" -eq 0 ]
