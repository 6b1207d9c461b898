#!/bin/sh
# A power curve in the wrong unit or beyond physics is refused by `run` with
# exit 2, naming the site file's line: a 2 MW curve written in W (two
# turbines would be a 4,007 MW plant), the same with the rated power in the
# site file, one written in MW, and a rotor too small for its curve (Betz
# limit, hand values in tests/check_turbine.c). A curve whose column says W
# runs as a 2 x 2 MW plant.
. "${top_srcdir:-.}/tests/lib.sh"
prof=$top_srcdir/profiles/laos-ridge-wind-synth.csv
curve() { # header, scale of the 2 MW curve's kW
  { echo "$1"
    for p in 2.5,0 3.5,42.2 4.5,145.2 8.5,1087.6 12.5,2003.5 20.0,2003.5; do
      echo "${p%,*},$(awk -v p="${p#*,}" -v s="$2" 'BEGIN { printf "%.10g", p * s }')"
    done
  } >"$tmp/curve.csv"
}
site() { # rotor, extra turbine keys
  cat >"$tmp/site.cfg" <<CFG
name = "Curve units";
location = { latitude = 20.7; longitude = 102.0; elevation = 1450.0; };
plants = (
  { type = "wind"; profile = "$prof";
    turbine = { power_curve = "curve.csv"; rotor_diameter = $1; hub_height = 100.0; $2 };
    count = 2; }
);
CFG
}
refused() {
  what=$1 want=$2
  "$RENEWCALC" run "$tmp/site.cfg" --format json >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ $rc -eq 2 ] && [ "$(cat "$tmp/err")" = "$want" ]; then
    ok "$what refused"
  else
    fail "$what: exit $rc, expected exit 2 and '$want', got '$(cat "$tmp/err")'"
  fi
}
head="$tmp/site.cfg:5: turbine 'curve'"
curve wind_speed,power 1000
site 90.0 ""
refused "a curve in W" "$head: power curve point 2: expected at most 99.0014 kW at 3.5 m/s (the Betz limit for a 90 m rotor at 1.225 kg/m3), got 42200 kW (a curve in W?)"
site 90.0 "rated_kw = 2000.0;"
refused "a curve in W, rated in the site file" "$head: power curve: expected kW (rated 2000 kW), got values up to 2003500 (a curve in W?)"
curve wind_speed,power 0.001
site 90.0 ""
refused "a curve in MW" "$head: power curve: expected kW, got values up to 2.0035 (a peak power coefficient of 0.00045 for a 90 m rotor: a curve in MW?)"
# 1087.6 kW at 8.5 m/s needs a rotor of at least 2 sqrt(1087.6e3 /
# (16/27 x 0.6125 x 614.125) / pi) = 78.8 m; with 70 m the limit is
# 16/27 x 0.6125 x (pi x 35^2 = 3848.451) x v^3 / 1000: 127.288 kW at 4.5 m/s
# and 857.838 kW at 8.5 m/s, both below the curve; each point is named.
curve wind_speed,power 1
site 70.0 ""
refused "a rotor too small for its curve" "$head: power curve point 3: expected at most 127.288 kW at 4.5 m/s (the Betz limit for a 70 m rotor at 1.225 kg/m3), got 145.2 kW
$head: power curve point 4: expected at most 857.838 kW at 8.5 m/s (the Betz limit for a 70 m rotor at 1.225 kg/m3), got 1087.6 kW"
curve wind_speed,power_W 1000
site 90.0 ""
if "$RENEWCALC" run "$tmp/site.cfg" --format json >"$tmp/out" 2>"$tmp/err" &&
    awk -F': ' '/"capacity_mw"/ { c = $2 + 0; exit } END { exit !(c > 4.006 && c < 4.008) }' "$tmp/out"; then
  ok "a power_W column runs as 2 x 2.0035 MW"
else
  fail "power_W column: $(cat "$tmp/err") $(grep capacity_mw "$tmp/out")"
fi
finish
