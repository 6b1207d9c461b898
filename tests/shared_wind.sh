#!/bin/sh
# Wind plants on the SAM SRW files in ../shared/data/wind:
# - one Vestas V112-3.075 MW at 80 m (a measured height: no extrapolation),
#   no losses, no wakes, with each air-density correction; prints the annual
#   energies (SAM's wind model convention is the "power" correction: the
#   curve's power times rho/1.225, the curve interpolated linearly, zero
#   above its last point) and checks that at these sites, all 750-2100 m
#   up, the density corrections lower the energy, the power scaling most;
# - the hourly sum agrees with the energy from the Weibull fit of the same
#   hub-height speeds within 10 % (a fit of an hourly year, not the year);
# - a 3 x 3 farm aligned with the prevailing wind (rows running west-east,
#   the wind mostly from the west) loses more to wakes at 5 rotor diameters
#   than at 8, and both losses are printed.
# Skips when the shared data folder is absent.
. "${top_srcdir:-.}/tests/lib.sh"
data=$SHARED/data/wind
if [ ! -d "$data" ]; then
  echo "SKIP: $data not found (the shared wind files are not on this machine)"
  exit 77
fi
curve=$data/turbines/power_curve_V112_3075.csv
site() { # srw, density, count, layout-line, wake-line
  cat >"$tmp/site.cfg" <<CFG
name = "wind test";
location = { latitude = 40.0; longitude = -100.0; elevation = 1000.0; };
plants = ( { type = "wind"; profile = "$data/$1";
  turbine = { power_curve = "$curve"; rotor_diameter = 112.0; hub_height = 80.0; };
  count = $3; $4 $5 losses_percent = 0.0; density_correction = "$2"; } );
CFG
}
printf '%-32s %12s %12s %12s %12s\n' "file, V112 at 80 m [MWh]" "off" "iec" "power" "Weibull fit"
for f in "AR Northwestern-Flat Lands.srw" "AZ Eastern-Rolling Hills.srw" "WY_Southern-Flat_Lands.srw"; do
  [ -f "$data/$f" ] || continue
  for dens in off iec power; do
    site "$f" $dens 1 "" ""
    "$RENEWCALC" run "$tmp/site.cfg" --format json >"$tmp/$dens.json" 2>"$tmp/err" || fail "$f $dens: $(head -n 1 "$tmp/err")"
  done
  e_off=$(awk -F': ' '/"annual_generation_mwh"/ { print $2 + 0; exit }' "$tmp/off.json")
  e_iec=$(awk -F': ' '/"annual_generation_mwh"/ { print $2 + 0; exit }' "$tmp/iec.json")
  e_pow=$(awk -F': ' '/"annual_generation_mwh"/ { print $2 + 0; exit }' "$tmp/power.json")
  e_fit=$(awk -F': ' '/"aep_integral_mwh"/ { print $2 + 0; exit }' "$tmp/power.json")
  printf '%-32s %12.1f %12.1f %12.1f %12.1f\n' "$f" "$e_off" "$e_iec" "$e_pow" "$e_fit"
  awk -v a="$e_off" -v b="$e_iec" -v c="$e_pow" 'BEGIN { exit !(a > b && b > c && c > 0) }' &&
    ok "$f: off > iec > power" || fail "$f: off $e_off, iec $e_iec, power $e_pow"
  awk -v a="$e_fit" -v b="$e_pow" 'BEGIN { r = a / b - 1; exit !(r < 0.1 && r > -0.1) }' &&
    ok "$f: Weibull-fit energy within 10 % of the hourly sum" ||
    fail "$f: Weibull-fit energy $e_fit against the hourly sum $e_pow"
done
f=WY_Southern-Flat_Lands.srw
if [ -f "$data/$f" ]; then
  for d in 5 8; do
    site "$f" iec 9 "layout = { rows = 3; columns = 3; row_spacing = $d.0; column_spacing = $d.0; orientation = 270.0; };" 'wake_model = "park";'
    "$RENEWCALC" run "$tmp/site.cfg" --format json >"$tmp/farm$d.json" 2>"$tmp/err" || fail "farm $d D: $(head -n 1 "$tmp/err")"
    eval "loss$d=\$(awk -F': ' '/\"wake_loss_percent\"/ { print \$2 + 0; exit }' \"\$tmp/farm$d.json\")"
  done
  echo "3 x 3 V112 farm on $f, rows west-east: wake loss $loss5 % at 5 D, $loss8 % at 8 D"
  awk -v a="$loss5" -v b="$loss8" 'BEGIN { exit !(a > b && b > 0) }' &&
    ok "wake loss at 5 D ($loss5 %) above 8 D ($loss8 %)" || fail "wake loss 5 D $loss5 %, 8 D $loss8 %"
fi
finish
