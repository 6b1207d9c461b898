#!/bin/sh
# A profile shorter than a year is taken only when the plant asks for it
# (annualise = true), and then every output says so: summary.txt under the
# plant and under the total, summary.json (annualised_from_days) and
# summary.csv (its last column). The annual figure is the day's energy
# scaled by 365.25 days; a full-year profile is marked as not annualised.
. "${top_srcdir:-.}/tests/lib.sh"
cat >"$tmp/site.cfg" <<CFG
name = "one day";
location = { latitude = 20.69; longitude = 101.99; elevation = 700.0; };
plants = ( { type = "pv"; name = "day field"; profile = "$top_srcdir/tests/profiles/csv-one-day.csv";
  capacity_mw_ac = 10.0; annualise = true; } );
CFG
# Without annualise the day is refused, naming the profile and its span.
sed 's/ annualise = true;//' "$tmp/site.cfg" >"$tmp/site-plain.cfg"
"$RENEWCALC" run "$tmp/site-plain.cfg" -o "$tmp/plain" >"$tmp/stdout" 2>"$tmp/err"
code=$?
want="$top_srcdir/tests/profiles/csv-one-day.csv: expected at least one year of data (365 days), got 1 day (24 intervals); set annualise = true in the plant to scale it"
if [ "$code" -eq 2 ] && [ "$(head -n 1 "$tmp/err")" = "$want" ] && [ ! -e "$tmp/plain" ] &&
   [ ! -s "$tmp/stdout" ]; then
  ok "without annualise the one-day profile is refused"
else
  fail "without annualise: exit $code, '$(head -n 1 "$tmp/err")'"
fi
if "$RENEWCALC" run "$tmp/site.cfg" -o "$tmp/out" >/dev/null 2>"$tmp/err"; then
  ok "a one-day profile with annualise = true runs"
else
  fail "run: $(cat "$tmp/err")"
fi
out=$tmp/out
if grep -q '^  annualised from 1 day: ' "$out/summary.txt" 2>/dev/null &&
   grep -q '^  includes plant 1 (day field) annualised from 1 day$' "$out/summary.txt"; then
  ok "summary.txt says annualised from 1 day, under the plant and the total"
else
  fail "summary.txt does not say annualised from 1 day"
fi
if grep -Eq '"annualised_from_days": 1(\.0*)?($|[,} ])' "$out/summary.json" 2>/dev/null; then
  ok "summary.json: annualised_from_days 1"
else
  fail "summary.json has no annualised_from_days 1"
fi
col=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "annualised_from_days") c = i }
               $1 == "\"day field\"" && c { print $c }' "$out/summary.csv" 2>/dev/null)
if [ "$col" = "1.0000" ]; then
  ok "summary.csv: annualised_from_days 1.0000"
else
  fail "summary.csv: annualised_from_days '$col', expected 1.0000"
fi
# The year is the day's AC energy (hourly.csv, kW over 1 h intervals) times
# 365.25 days, the scale of a profile that is not a whole year.
day=$(awk -F, 'NR > 1 { s += $6 } END { printf "%.6f", s / 1000 }' "$out/hourly.csv" 2>/dev/null)
annual=$(awk -F, '$1 == "\"day field\"" { print $5 }' "$out/summary.csv" 2>/dev/null)
if awk -v d="${day:-0}" -v a="${annual:-0}" 'BEGIN { e = d * 365.25; exit !(d > 0 && (a - e) < 1e-3 * e && (e - a) < 1e-3 * e) }'; then
  ok "annual $annual MWh = $day MWh x 365.25"
else
  fail "annual '$annual' MWh, expected the day's '$day' MWh x 365.25"
fi

# A year of data is a year's figures: null in the JSON, empty in the CSV.
cd "$top_srcdir" || exit 1
if "$RENEWCALC" run configs/laos-pv-1000mw.cfg -o "$tmp/year" >/dev/null 2>"$tmp/err" &&
   grep -q '"annualised_from_days": null' "$tmp/year/summary.json" &&
   ! grep -q 'annualised' "$tmp/year/summary.txt" &&
   awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "annualised_from_days") c = i }
            NR > 1 && (!c || $c != "") { bad = 1 } END { exit bad || !c }' "$tmp/year/summary.csv"; then
  ok "a full-year profile: annualised_from_days null, empty, not in the text"
else
  fail "a full-year profile is marked as annualised, or the marks are missing: $(cat "$tmp/err")"
fi
finish
