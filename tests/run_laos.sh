#!/bin/sh
# The reference site end to end: summary with factors and sources, annual
# generation in the 1.4-1.9 TWh the acceptance asks, the outputs complete
# and consistent, and no temporary file left behind.
. "${top_srcdir:-.}/tests/lib.sh"
site=$top_srcdir/configs/laos-pv-1000mw.cfg
out=$tmp/laos

if "$RENEWCALC" run "$site" -o "$out" >"$tmp/summary" 2>"$tmp/stderr" && [ ! -s "$tmp/stderr" ]; then
  ok "reference run exits 0, silent on stderr"
else
  fail "reference run: $(cat "$tmp/stderr")"
fi

for want in "annual generation" "capacity factor" "coal saved" "CO2 avoided" \
            "source: NDRC/NEA" "source: IPCC 2006" "format csv"; do
  if grep -q "$want" "$tmp/summary"; then ok "summary shows '$want'"; else fail "summary lacks '$want'"; fi
done

# Annual generation from the CSV summary (total row, column 5).
"$RENEWCALC" run "$site" --format csv >"$tmp/summary.csv" 2>"$tmp/stderr"
twh=$(awk -F, '$1 == "\"total\"" { printf "%.4f", $5 / 1e6 }' "$tmp/summary.csv")
if awk -v t="$twh" 'BEGIN { exit !(t >= 1.4 && t <= 1.9) }'; then
  ok "annual generation $twh TWh within 1.4-1.9"
else
  fail "annual generation '$twh' TWh outside 1.4-1.9"
fi

# The monthly CSV adds up to the annual figure (to the printed precision).
sum=$(awk -F, 'NR > 1 { s += $NF } END { printf "%.3f", s }' "$out/monthly.csv")
annual=$(awk -F, '$1 == "\"total\"" { printf "%.3f", $5 }' "$out/summary.csv")
if awk -v a="$sum" -v b="$annual" 'BEGIN { d = a - b; exit !(d < 0.01 && d > -0.01) }'; then
  ok "monthly.csv adds up to the annual $annual MWh"
else
  fail "monthly.csv sums to $sum, summary says $annual"
fi

# The hourly CSV adds up too: sum of ac_kw over 8760 hours / 1000.
hsum=$(awk -F, 'NR > 1 { s += $6 } END { printf "%.0f", s / 1000 }' "$out/hourly.csv")
rows=$(awk 'END { print NR - 1 }' "$out/hourly.csv")
if [ "$rows" -eq 8760 ] && awk -v a="$hsum" -v b="$annual" 'BEGIN { d = a - b; exit !(d < 1 && d > -1) }'; then
  ok "hourly.csv has 8760 rows adding up to the annual figure"
else
  fail "hourly.csv: $rows rows summing to $hsum MWh, annual $annual"
fi

for f in summary.txt summary.json summary.csv monthly.csv lifetime.csv hourly.csv monthly.dat \
         monthly.gp avgday.dat avgday.gp losses.dat losses.gp lifetime.dat lifetime.gp style.gp; do
  if [ -s "$out/$f" ]; then ok "wrote $f"; else fail "missing $f"; fi
done
if [ -z "$(find "$out" -name '.*' -type f)" ]; then ok "no temporary files left"; else fail "temporary files left"; fi

# The loss waterfall closes: its last step ends at the AC energy of the
# summary, and each step starts where the previous one ended.
if awk -v ac="$annual" '!/^#/ { if (n++ > 0 && prev != "" && $(NF-1) != prev && $(NF-1) != 0) bad = 1; prev = $NF; last = $NF }
     END { d = last - ac; exit !(bad == 0 && d < 0.01 && d > -0.01) }' "$out/losses.dat"; then
  ok "losses.dat steps chain from POA x nameplate down to the annual AC energy"
else
  fail "losses.dat does not chain down to $annual MWh"
fi

# lifetime.csv: year 1 is the annual figure; the years add up to the lifetime total.
life=$(awk -F, 'NR > 1 { s += $2 } NR == 2 { y1 = $2 } END { printf "%.3f %.3f", y1, s }' "$out/lifetime.csv")
total=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "lifetime_generation_mwh") c = i }
                $1 == "\"total\"" { printf "%.3f", $c }' "$out/summary.csv")
set -- $life
if [ "$1" = "$annual" ] && awk -v a="$2" -v b="$total" 'BEGIN { d = a - b; exit !(d < 0.01 && d > -0.01) }'; then
  ok "lifetime.csv: year 1 = $1 MWh, years add up to $2 MWh"
else
  fail "lifetime.csv: year 1 $1 (annual $annual), sum $2 (lifetime $total)"
fi

# A failed run leaves the earlier outputs as they were.
before=$(cksum "$out/summary.json")
"$RENEWCALC" run "$site" -o "$out" --set location.latitude=123 >/dev/null 2>&1
code=$?
after=$(cksum "$out/summary.json")
if [ "$code" -eq 2 ] && [ "$before" = "$after" ]; then
  ok "a rejected run exits 2 and keeps the earlier outputs"
else
  fail "a rejected run: exit $code, outputs changed: $([ "$before" = "$after" ] && echo no || echo yes)"
fi
finish
