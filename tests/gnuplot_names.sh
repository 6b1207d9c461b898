#!/bin/sh
# Names from the inputs never run a command through gnuplot: a site name, a
# plant name, a power-curve file's "# name:" line, a bond book's, a bond's
# and a project's names carrying backticks, $( ), quotes that would close a
# gnuplot string, a backslash and an @ macro go through `run --plot`,
# `portfolio --plot`, `optimize`, `report`, `plot DIR` and `gnuplot NAME.gp`
# run by hand in each output folder; no PWNED file may appear and every
# chart still renders. A name with a line break either is refused (exit 2)
# or runs nothing. Skips when gnuplot is not installed.
. "${top_srcdir:-.}/tests/lib.sh"
if ! command -v gnuplot >/dev/null 2>&1; then
  echo "SKIP: gnuplot is not installed (Debian: gnuplot-nox)"
  exit 77
fi
mkdir "$tmp/in" "$tmp/work"
cp "$top_srcdir/profiles/laos-oudomxay-synth.csv" "$top_srcdir/profiles/laos-ridge-wind-synth.csv" \
  "$tmp/in/"

# The hostile name, written as a libconfig string body: backticks, $( ),
# a quote that ends a single-quoted string (bare and after a backslash),
# a double quote, a backslash and a macro.
evil='`touch PWNED` $(touch PWNED2) '"'"'; system(\"touch PWNED3\"); '"'"' \\'"'"'; system(\"touch PWNED3b\"); '"'"' \" \\ @PWNEDMACRO'
# The same name in a CSV comment line (no libconfig escapes).
evil_csv='`touch PWNED` $(touch PWNED2) '"'"'; system("touch PWNED3"); '"'"' \'"'"'; system("touch PWNED3b"); '"'"' " \ @PWNEDMACRO'

# site.cfg: a PV and a wind plant, the turbine from a power-curve file;
# $1 is the name of site, plants and turbine (a libconfig string body),
# $2 the turbine's "# name:" value.
write_inputs() {
  cat >"$tmp/in/curve.csv" <<CSV
# name: $2
# rated_kw: 2000
wind_speed,power,ct
3.0,0,0.8
4.0,60,0.8
6.0,400,0.78
8.0,1000,0.7
10.0,1700,0.5
12.0,2000,0.35
25.0,2000,0.1
CSV
  cat >"$tmp/in/site.cfg" <<CFG
name = "site $1";
location = { latitude = 20.69; longitude = 101.99; elevation = 700.0; };
lifetime_years = 5;
plants = (
  { type = "pv"; name = "pv $1"; profile = "laos-oudomxay-synth.csv";
    capacity_mw_ac = 50.0; dc_ac_ratio = 1.4;
    array = { mount = "fixed"; tilt = 20.0; azimuth = 180.0; }; },
  { type = "wind"; name = "wind $1"; profile = "laos-ridge-wind-synth.csv";
    turbine = { power_curve = "curve.csv"; hub_height = 100.0; rotor_diameter = 90.0; };
    count = 4; }
);
CFG
  cat >"$tmp/in/bond.cfg" <<CFG
name = "book $1";
bonds = (
  { name = "bond $1"; currency = "USD"; amount = 100000000.0;
    projects = ( { site = "site.cfg"; name = "project $1"; total_cost = 200000000.0;
                   financed = 50000000.0; } ); },
  { name = "second $1"; currency = "USD"; amount = 50000000.0;
    projects = ( { site = "site.cfg"; total_cost = 200000000.0; financed = 20000000.0; } ); }
);
CFG
}

# Any PWNED file under the test folder (the working folder, the inputs,
# every output folder) or in the folder the test started in.
start=$(pwd)
pwned() {
  { find "$tmp" -name 'PWNED*'; ls -d "$start"/PWNED* 2>/dev/null; } | tr '\n' ' '
}

# Runs renewcalc with these arguments from the working folder; sets rc.
renew() {
  (cd "$tmp/work" && "$RENEWCALC" "$@") >"$tmp/stdout" 2>"$tmp/stderr"
  rc=$?
}

# Every chart script of folder $1 rendered by hand, as a report author
# would: `gnuplot NAME.gp` in the folder writes NAME.png.
by_hand() {
  for gp in "$1"/*.gp; do
    name=$(basename "$gp" .gp)
    [ "$name" = style ] && continue
    rm -f "$1/$name.png"
    if (cd "$1" && gnuplot "$name.gp") 2>"$tmp/gperr" && [ -s "$1/$name.png" ]; then
      ok "gnuplot $(basename "$1")/$name.gp by hand renders"
    else
      fail "gnuplot $(basename "$1")/$name.gp by hand: $(head -n 3 "$tmp/gperr")"
    fi
  done
}

write_inputs "$evil" "$evil_csv"
out=$tmp/out
renew run "$tmp/in/site.cfg" -o "$out/run" --plot
[ "$rc" = 0 ] && [ -s "$out/run/windcurve.png" ] && [ -s "$out/run/clipping.png" ] &&
  ok "run --plot renders with hostile names" || fail "run --plot: exit $rc: $(cat "$tmp/stderr")"
renew portfolio "$tmp/in/bond.cfg" -o "$out/portfolio" --plot
[ "$rc" = 0 ] && [ -s "$out/portfolio/portfolio.png" ] &&
  ok "portfolio --plot renders with hostile names" ||
  fail "portfolio --plot: exit $rc: $(cat "$tmp/stderr")"
renew optimize "$tmp/in/site.cfg" --grid 15 -o "$out/optimize"
[ "$rc" = 0 ] && [ -s "$out/optimize/yield_surface.gp" ] &&
  ok "optimize writes its charts with hostile names" ||
  fail "optimize: exit $rc: $(cat "$tmp/stderr")"
renew report "$tmp/in/site.cfg" -o "$out/report"
[ "$rc" = 0 ] && [ -s "$out/report/report.html" ] &&
  ok "report renders with hostile names" || fail "report: exit $rc: $(cat "$tmp/stderr")"
renew report "$tmp/in/bond.cfg" -o "$out/report-bond"
[ "$rc" = 0 ] && [ -s "$out/report-bond/report.html" ] &&
  ok "report on the bond file renders with hostile names" ||
  fail "report on the bond file: exit $rc: $(cat "$tmp/stderr")"
for d in run portfolio optimize report report-bond; do
  renew plot "$out/$d" --plot-format svg
  [ "$rc" = 0 ] && ok "plot $d --plot-format svg" || fail "plot $d: exit $rc: $(cat "$tmp/stderr")"
  by_hand "$out/$d"
done
[ -z "$(pwned)" ] && ok "no name ran a command" || fail "a name ran a command: $(pwned)"

# A line break inside a name must not start a new gnuplot command.
rm -rf "$out" "$tmp/work"/*
nl='x\nsystem \"touch PWNED4\"\n! touch PWNED5\n`touch PWNED6`'
nl_csv=$(printf 'x\r! touch PWNED7\r`touch PWNED8`')
write_inputs "$nl" "$nl_csv"
renew run "$tmp/in/site.cfg" -o "$out/nl" --plot
case $rc in
  2) ok "run: a name with a line break is refused (exit 2)" ;;
  0) ok "run: a name with a line break renders (exit 0)"
     by_hand "$out/nl"
     # monthly.dat: three comment lines, the column heads, twelve months
     lines=$(grep -c '' "$out/nl/monthly.dat")
     comments=$(grep -c '^#' "$out/nl/monthly.dat")
     [ "$lines" = 16 ] && [ "$comments" = 3 ] && ok "monthly.dat keeps its 16 lines, 3 comments" ||
       fail "monthly.dat has $lines lines, $comments comments" ;;
  *) fail "run with a line break in a name: exit $rc: $(cat "$tmp/stderr")" ;;
esac
renew portfolio "$tmp/in/bond.cfg" -o "$out/nlbond" --plot
case $rc in
  0|2) ok "portfolio: a name with a line break: exit $rc" ;;
  *) fail "portfolio with a line break in a name: exit $rc: $(cat "$tmp/stderr")" ;;
esac
[ -z "$(pwned)" ] && ok "no line break in a name ran a command" ||
  fail "a line break in a name ran a command: $(pwned)"
finish
