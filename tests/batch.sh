#!/bin/sh
# renewcalc batch and merge:
# - a batch row of the reference site, with the reference site file as the
#   template, carries the same figures as renewcalc run of that file;
# - the outputs of -j 1, -j 2 and of 4 shards merged are byte-identical;
# - every row is physical (0 < energy <= capacity x 8760 h, the capacity
#   factor is energy / (capacity x 8760 h)) and the totals row is the sum of
#   the rows, added up here independently;
# - the totals row carries the SHA-256 of the list and of the template;
# - bad lists, options and shard sets (shards of two lists of the same
#   length, or run with two templates, included) get a one-line message
#   naming the file and line, exit status 2, and no output file.
. "${top_srcdir:-.}/tests/lib.sh"
prof=$top_srcdir/profiles/laos-oudomxay-synth.csv
wind=$top_srcdir/profiles/laos-ridge-wind-synth.csv
laos=$top_srcdir/configs/laos-pv-1000mw.cfg

# ---- the reference site as a batch row --------------------------------------
cat >"$tmp/ref.csv" <<EOF
name,latitude,longitude,elevation,capacity_mw,dc_ac_ratio,mount,tilt,azimuth,profile,emissions
Laos reference,20.69,101.99,700,1000,1.3,fixed,20,180,$prof,cn-coal
EOF
if "$RENEWCALC" batch "$tmp/ref.csv" --template "$laos" -j 1 -o "$tmp/ref.out" 2>"$tmp/err"; then
  ok "reference site as a batch row runs"
else
  fail "batch of the reference row: $(cat "$tmp/err")"
fi
"$RENEWCALC" run "$laos" --format json >"$tmp/ref.json"
# json: the total and lifetime groups; compare at the table's 3 decimals
get() { awk -v g="\"$1\"" -v k="\"$2\"" -F': ' '
  index($0, g) { on = 1 } on && index($0, k) { gsub(/[ ,]/, "", $2); printf "%.3f", $2; exit }' "$tmp/ref.json"; }
row=$(sed -n 2p "$tmp/ref.out")
col() { echo "$row" | awk -F, -v c="$1" '{ print $c }'; }
for pair in "7 total annual_generation_mwh" "13 total coal_saved_tce" "14 total co2_avoided_t" \
            "19 lifetime generation_mwh" "21 lifetime co2_avoided_t"; do
  set -- $pair
  want=$(get "$2" "$3")
  got=$(col "$1")
  [ -n "$want" ] && [ "$got" = "$want" ] && ok "batch $3 = run's $want" ||
    fail "batch $3 '$got', run gives '$want'"
done

# ---- a mixed list ----------------------------------------------------------------
{
  echo "name,technology,latitude,longitude,elevation,capacity_mw,mount,tilt,azimuth,turbine,count,hub_height,profile,ghi_kwh_m2_day,temp_c,emissions"
  echo "fixed 20,pv,20.69,101.99,700,50,fixed,20,,,,,$prof,,,"
  echo "fixed 10 east,pv,20.69,101.99,700,5,fixed,10,120,,,,$prof,,,cn-coal"
  echo "tracker,pv,20.69,101.99,700,80,single_axis,,,,,,$prof,,,"
  echo "two axis,pv,20.69,101.99,700,2.5,two_axis,,,,,,$prof,,,cn-coal-2020"
  echo "\"Vientiane, monthly\",pv,17.97,102.6,170,30,fixed,18,,,,,,4.2 4.9 5.3 5.6 5.2 4.6 4.3 4.2 4.4 4.6 4.4 4.0,22 24 27 29 28 28 27 27 27 26 24 22,"
  echo "southern monthly,pv,-23.5,133.9,550,12,fixed,25,,,,,,7.5 7.0 6.3 5.4 4.4 3.9 4.2 5.1 6.2 7.0 7.5 7.7,28,"
  echo "ridge wind,wind,20.7,102.0,1450,,,,,IEA-3.4MW,10,110,$wind,,,"
  echo "ridge wind 5MW,wind,20.7,102.0,1450,,,,,NREL-5MW,3,,$wind,,,"
  echo "fixed 30,pv,20.69,101.99,700,1,fixed,30,,,,,$prof,,,"
  echo "fixed 0,pv,20.69,101.99,700,1,fixed,0,,,,,$prof,,,"
  echo "fixed 90 south,pv,20.69,101.99,700,1,fixed,90,180,,,,$prof,,,"
} >"$tmp/mixed.csv"
n=11
if "$RENEWCALC" batch "$tmp/mixed.csv" -j 1 -o "$tmp/j1.csv" 2>"$tmp/err"; then
  ok "mixed list (pv fixed, tracker, two-axis, monthly means, wind) runs"
else
  fail "mixed list: $(cat "$tmp/err")"
fi
"$RENEWCALC" batch "$tmp/mixed.csv" -j 2 -o "$tmp/j2.csv" 2>"$tmp/err" || fail "-j 2: $(cat "$tmp/err")"
cmp -s "$tmp/j1.csv" "$tmp/j2.csv" && ok "-j 1 and -j 2 byte-identical" || fail "-j 1 and -j 2 differ"
for k in 1 2 3 4; do
  "$RENEWCALC" batch "$tmp/mixed.csv" -j 1 --shard "$k/4" -o "$tmp/shard$k.csv" 2>"$tmp/err" ||
    fail "shard $k/4: $(cat "$tmp/err")"
done
# in any order
if "$RENEWCALC" merge "$tmp/shard3.csv" "$tmp/shard1.csv" "$tmp/shard4.csv" "$tmp/shard2.csv" \
     -o "$tmp/merged.csv" 2>"$tmp/err"; then
  cmp -s "$tmp/j1.csv" "$tmp/merged.csv" && ok "4 shards merged byte-identical to one run" ||
    fail "merged shards differ from one run"
else
  fail "merge: $(cat "$tmp/err")"
fi
# more shards than sites: the empty shards still merge
"$RENEWCALC" batch "$tmp/ref.csv" --template "$laos" --shard 1/3 -o "$tmp/e1.csv" &&
  "$RENEWCALC" batch "$tmp/ref.csv" --template "$laos" --shard 2/3 -o "$tmp/e2.csv" &&
  "$RENEWCALC" batch "$tmp/ref.csv" --template "$laos" --shard 3/3 -o "$tmp/e3.csv" &&
  "$RENEWCALC" merge "$tmp/e2.csv" "$tmp/e3.csv" "$tmp/e1.csv" -o "$tmp/e.csv" &&
  cmp -s "$tmp/e.csv" "$tmp/ref.out" && ok "3 shards of a 1-site list (two empty) merge to one run" ||
  fail "empty shards do not merge to one run"
"$RENEWCALC" batch "$tmp/mixed.csv" --no-progress >"$tmp/stdout.csv" 2>"$tmp/err" &&
  cmp -s "$tmp/j1.csv" "$tmp/stdout.csv" && ok "stdout and -o FILE give the same table" ||
  fail "stdout differs from -o FILE: $(cat "$tmp/err")"
rows=$(awk 'END { print NR }' "$tmp/j1.csv")
[ "$rows" -eq $((n + 2)) ] && ok "header, $n rows, totals" || fail "$rows lines for $n sites"
# name with a comma stays one field
awk -F, 'NR == 6 && $2 == "\"Vientiane" { f = 1 } END { exit !f }' "$tmp/j1.csv" &&
  ok "a name with a comma is quoted" || fail "quoted name: $(sed -n 6p "$tmp/j1.csv")"
# physics of every row: strip the one quoted name first
bad=$(sed 's/"[^"]*"/name/' "$tmp/j1.csv" | awk -F, 'NR > 1 && $1 != "total" {
  cap = $6; e = $7; cf = $8
  if (!(e > 0) || e > cap * 8760 * 1.000001) { print "energy " $0; next }
  d = e / (cap * 8760) - cf; if (d < 0) d = -d
  if (d > 6e-6) print "cf " $0
  if ($3 == "pv" && !($10 > 0)) print "poa " $0
  if ($3 == "wind" && !($12 > 0)) print "hub speed " $0 }')
[ -z "$bad" ] && ok "every row: 0 < energy <= capacity x 8760 h, cf = energy / (capacity x 8760 h)" ||
  fail "rows: $bad"
# trackers beat the fixed rack on the same profile; the wall (90 deg) loses
e_of() { sed 's/"[^"]*"/name/' "$tmp/j1.csv" | awk -F, -v r="$1" 'NR == r { print $7 / $6 }'; }
awk -v f="$(e_of 2)" -v t="$(e_of 4)" -v w="$(e_of 12)" -v a="$(e_of 5)" \
  'BEGIN { exit !(t > f && a > t && w < f) }' &&
  ok "per MW: two-axis > single-axis > fixed 20 deg > vertical" ||
  fail "yield order: fixed $(e_of 2) tracker $(e_of 4) two-axis $(e_of 5) wall $(e_of 12)"
# totals = the sums of the rows, added up here
want=$(sed 's/"[^"]*"/name/' "$tmp/j1.csv" | awk -F, 'NR > 1 && $1 != "total" {
  c += $6; e += $7; cl += $11; co += $13; co2 += $14; le += $19; p50 += $22 }
  END { printf "%.3f %.3f %.3f %.3f %.3f %.3f %.3f %.5f", c, e, cl, co, co2, le, p50, e / (c * 8760) }')
got=$(awk -F, '$1 == "total" { print $6, $7, $11, $13, $14, $19, $22, $8 }' "$tmp/j1.csv")
[ "$got" = "$want" ] && ok "totals row = sums of the rows ($got)" || fail "totals '$got', sums '$want'"
awk -F, '$1 == "total" && $2 ~ /^all 11 sites / { f = 1 } END { exit !f }' "$tmp/j1.csv" &&
  ok "totals row names the site count" || fail "totals label"
# the totals row names the list and the template by their SHA-256, as sha256sum gives it
if command -v sha256sum >/dev/null 2>&1; then
  sum() { sha256sum | cut -d' ' -f1; }
  want="all 11 sites from list sha256:$(sum <"$tmp/mixed.csv") with template sha256:$(printf 'no template' | sum)"
  got=$(awk -F, '$1 == "total" { print $2 }' "$tmp/j1.csv")
  [ "$got" = "$want" ] && ok "totals row: digests of the list and of no template" ||
    fail "totals label '$got', expected '$want'"
  want="all 1 sites from list sha256:$(sum <"$tmp/ref.csv") with template sha256:$(sum <"$laos")"
  got=$(awk -F, '$1 == "total" { print $2 }' "$tmp/ref.out")
  [ "$got" = "$want" ] && ok "totals row: digests of the list and of the template file" ||
    fail "totals label '$got', expected '$want'"
fi

# ---- bad input: one line naming file:line, exit 2, no output file -----------
expect_bad() { # name, expected text, then the batch arguments
  name=$1 want=$2
  shift 2
  rm -f "$tmp/bad.out"
  "$RENEWCALC" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ "$rc" -eq 2 ] && grep -q -- "$want" "$tmp/err" && [ ! -e "$tmp/bad.out" ]; then
    ok "$name: exit 2, '$want'"
  else
    fail "$name: exit $rc, stderr: $(head -c 300 "$tmp/err")"
  fi
}
hdr="name,latitude,longitude,capacity_mw,tilt,profile"
printf '%s\nA,20,100,1,20,%s\n' "name,latitude,longitud,capacity_mw,profile" "$prof" >"$tmp/b1.csv"
expect_bad "misspelt column" "b1.csv:1: column 3: expected one of the batch columns (docs/batch.md); did you mean 'longitude', got 'longitud'" batch "$tmp/b1.csv" -o "$tmp/bad.out"
printf '%s\nA,20,100,1,20,%s\nB,20,100,1,120,%s\n' "$hdr" "$prof" "$prof" >"$tmp/b2.csv"
expect_bad "tilt out of range" "b2.csv:3: tilt: expected a number between 0 and 90 deg, got '120'" batch "$tmp/b2.csv" -o "$tmp/bad.out"
printf '%s\nA,20,100,1,20,nowhere.csv\n' "$hdr" >"$tmp/b3.csv"
expect_bad "missing profile" "b3.csv:2: profile: expected a readable profile file, got '$tmp/nowhere.csv' (No such file or directory)" batch "$tmp/b3.csv" -o "$tmp/bad.out"
printf '%s\nA,20,100,,20,%s\n' "$hdr" "$prof" >"$tmp/b4.csv"
expect_bad "missing capacity" "b4.csv:2: capacity_mw: expected a number between 0.001 and 100000 MW, got nothing" batch "$tmp/b4.csv" -o "$tmp/bad.out"
printf '%s\nA,20,100,1,20\n' "$hdr" >"$tmp/b5.csv"
expect_bad "short row" "b5.csv:2: expected 6 fields as in the header, got 5" batch "$tmp/b5.csv" -o "$tmp/bad.out"
printf 'name,latitude,longitude,capacity_mw,ghi_kwh_m2_day,temp_c\nA,20,100,1,4 5 6,25\n' >"$tmp/b6.csv"
expect_bad "11 months short" "b6.csv:2: ghi_kwh_m2_day: expected 12 numbers between 0.1 and 12 kWh/m2/day" batch "$tmp/b6.csv" -o "$tmp/bad.out"
printf 'name,latitude,longitude,capacity_mw,profile,emissions\nA,20,100,1,%s,no-such\n' "$prof" >"$tmp/b7.csv"
expect_bad "unknown preset" "b7.csv:2:" batch "$tmp/b7.csv" -o "$tmp/bad.out"
printf 'name,technology,latitude,longitude,turbine,count,profile\nW,wind,20,100,Vestas-9,2,%s\n' "$wind" >"$tmp/b8.csv"
expect_bad "unknown turbine" "b8.csv:2: turbine: expected one of \"NREL-5MW\"" batch "$tmp/b8.csv" -o "$tmp/bad.out"
printf 'name,technology,latitude,longitude,turbine,count,profile\nW,wind,20,100,NREL-5MW,2,%s\n' "$wind" >"$tmp/b9.csv"
expect_bad "wind row, PV-only template" "b9.csv:2: technology: expected a wind plant in the template" batch "$tmp/b9.csv" --template "$laos" -o "$tmp/bad.out"
printf '%s\nA,20,100,1,20,%s\n' "$hdr" "$tmp/b5.csv" >"$tmp/b10.csv"
expect_bad "profile that is not a profile" "b10.csv:2: site 'A':" batch "$tmp/b10.csv" -o "$tmp/bad.out"
expect_bad "bad --shard" "--shard: expected K/N with 1 <= K <= N, got '5/4'" batch "$tmp/mixed.csv" --shard 5/4 -o "$tmp/bad.out"
expect_bad "bad -j" "-j: expected a whole number of threads between 1 and 256, got '0'" batch "$tmp/mixed.csv" -j 0 -o "$tmp/bad.out"
expect_bad "merge, a shard missing" "expected 3 shards as given, got shard 1/4: merge needs all 4 shards of the list" merge "$tmp/shard1.csv" "$tmp/shard2.csv" "$tmp/shard3.csv" -o "$tmp/bad.out"
expect_bad "merge, a shard twice" "expected each shard once" merge "$tmp/shard1.csv" "$tmp/shard2.csv" "$tmp/shard2.csv" "$tmp/shard4.csv" -o "$tmp/bad.out"
head -n 3 "$tmp/shard2.csv" >"$tmp/cut.csv"
expect_bad "merge, a shard cut short" "cut.csv: expected the output of renewcalc batch --shard K/N, ending in its totals row" merge "$tmp/shard1.csv" "$tmp/cut.csv" "$tmp/shard3.csv" "$tmp/shard4.csv" -o "$tmp/bad.out"
# Two lists of the same length (two sites each) that differ in one row, and
# one list run with two templates: their shards look alike but do not join.
printf '%s\nA,20.69,101.99,50,20,%s\nB,20.69,101.99,5,10,%s\n' "$hdr" "$prof" "$prof" >"$tmp/la.csv"
printf '%s\nA,20.69,101.99,50,20,%s\nB,20.69,101.99,7,10,%s\n' "$hdr" "$prof" "$prof" >"$tmp/lb.csv"
"$RENEWCALC" batch "$tmp/la.csv" -j 1 --shard 1/2 -o "$tmp/la1.csv" &&
  "$RENEWCALC" batch "$tmp/lb.csv" -j 1 --shard 2/2 -o "$tmp/lb2.csv" &&
  "$RENEWCALC" batch "$tmp/la.csv" -j 1 --template "$laos" --shard 2/2 -o "$tmp/la2t.csv" ||
  fail "shards of two lists"
# a shard's lines: the header, its one site, the totals row (line 3)
expect_bad "merge, shards of two lists of the same length" "lb2.csv:3: list: expected a shard of the list $tmp/la1.csv was cut from" merge "$tmp/la1.csv" "$tmp/lb2.csv" -o "$tmp/bad.out"
expect_bad "merge, shards run with two templates" "la2t.csv:3: template: expected a shard run with the template of $tmp/la1.csv" merge "$tmp/la1.csv" "$tmp/la2t.csv" -o "$tmp/bad.out"
expect_bad "merge, not a batch output" "header: expected the header of renewcalc batch" merge "$tmp/mixed.csv" -o "$tmp/bad.out"
finish
