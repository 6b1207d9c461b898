#!/bin/sh
# Irradiance beyond the physical limit (0..2000 W/m2, src/bounds.h) in an
# otherwise complete TMY3 year is refused with FILE:LINE and exit 2, and
# nothing is written: a unit slip (5000) or a value at the edge of the
# double range (1.6e308, whose sums overflow to inf) must not reach the
# summary.
. "${top_srcdir:-.}/tests/lib.sh"
# A full TMY3 year (8760 rows from 01/01 01:00): 400 W/m2 from 09:00 to
# 16:00, night otherwise; row 06/21 12:00 (data row 171 x 24 + 12 = 4116,
# line 4118 after the two header lines) carries the value under test.
make_tmy3() { # FILE GHI DNI
  awk -v ghi="$2" -v dni="$3" 'BEGIN {
    print "723170,\"GREENSBORO PIEDMONT TRIAD INT\",NC,-5.0,36.100,-79.950,273"
    print "Date (MM/DD/YYYY),Time (HH:MM),GHI (W/m^2),DNI (W/m^2),DHI (W/m^2),Dry-bulb (C),Pressure (mbar),Wspd (m/s),Alb (unitless)"
    split("31 28 31 30 31 30 31 31 30 31 30 31", len, " ")
    for (m = 1; m <= 12; m++)
      for (d = 1; d <= len[m]; d++)
        for (h = 1; h <= 24; h++) {
          g = (h >= 9 && h <= 16) ? 400 : 0; b = (h >= 9 && h <= 16) ? 300 : 0
          dh = (h >= 9 && h <= 16) ? 180 : 0
          if (m == 6 && d == 21 && h == 12) { g = ghi; b = dni }
          printf "%02d/%02d/1999,%02d:00,%s,%s,%s,20.5,993,3.2,0.20\n", m, d, h, g, b, dh
        }
  }' >"$1"
}
for case in "ghi 5000 300 GHI 5000" "dni 400 1.6e308 DNI 1.6e308"; do
  set -- $case
  prof=$tmp/tmy3-$1.csv
  make_tmy3 "$prof" "$2" "$3"
  cat >"$tmp/site-$1.cfg" <<CFG
name = "limits $1";
location = { latitude = 36.1; longitude = -79.95; elevation = 273.0; };
plants = ( { type = "pv"; profile = "tmy3-$1.csv"; capacity_mw_ac = 10.0; } );
CFG
  "$RENEWCALC" run "$tmp/site-$1.cfg" -o "$tmp/out-$1" >"$tmp/stdout" 2>"$tmp/stderr"
  code=$?
  want="$prof:4118: column '$4 (W/m^2)': expected a number between 0 and 2000 W/m2, got '$5'"
  got=$(head -n 1 "$tmp/stderr")
  if [ "$code" -eq 2 ] && [ "$got" = "$want" ] && [ ! -e "$tmp/out-$1" ] && [ ! -s "$tmp/stdout" ]; then
    ok "TMY3 $4 $5 refused at line 4118"
  else
    fail "TMY3 $4 $5: exit $code, '$got', expected '$want'"
  fi
done
# The same year with every value in range runs: the limit does not refuse
# a plain year.
make_tmy3 "$tmp/tmy3-ok.csv" 400 300
sed 's/tmy3-ghi.csv/tmy3-ok.csv/' "$tmp/site-ghi.cfg" >"$tmp/site-ok.cfg"
if "$RENEWCALC" run "$tmp/site-ok.cfg" -o "$tmp/out-ok" >/dev/null 2>"$tmp/stderr"; then
  ok "the year in range runs"
else
  fail "the year in range: $(cat "$tmp/stderr")"
fi
finish
