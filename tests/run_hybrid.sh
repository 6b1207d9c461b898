#!/bin/sh
# The northern Laos clean-energy base (PV + wind + biomass behind one
# 900 MW connection) over a full year:
# - in every hour the plants' exported power adds up to at most the export
#   limit (hourly.csv, after curtailment);
# - energy is conserved: for every plant and in total, energy before the
#   limit less the curtailment is the energy exported (summary.json);
# - the biomass plant in "fill" dispatch burns no more than its supply;
# - with an unlimited connection "fill" gives what "baseload" gives.
. "${top_srcdir:-.}/tests/lib.sh"
site=$top_srcdir/configs/laos-clean-energy-base.cfg
if "$RENEWCALC" run "$site" -o "$tmp/out" --format json >"$tmp/j" 2>"$tmp/err"; then
  ok "clean-energy base runs"
else
  fail "run: $(cat "$tmp/err")"
fi
# hourly.csv: plant,time_start,poa,t_cell,dc,ac,clipping -> sum ac by time
worst=$(awk -F, 'NR > 1 { s[$2] += $6 } END { m = 0; for (t in s) if (s[t] > m) m = s[t]; printf "%.3f", m / 1000 }' "$tmp/out/hourly.csv")
hours=$(awk -F, 'NR > 1 { s[$2] = 1 } END { n = 0; for (t in s) n++; print n }' "$tmp/out/hourly.csv")
if [ "$hours" -eq 8760 ] && awk -v w="$worst" 'BEGIN { exit !(w <= 900.0 + 1e-6) }'; then
  ok "8760 hours, largest hourly export $worst MW <= 900 MW"
else
  fail "$hours hours, largest hourly export $worst MW"
fi
# per plant: before - curtailed = exported (the annual figure)
bad=$(awk -F': ' '
  /"annual_generation_mwh"/ { gsub(/,/, "", $2); a = $2 }
  /"before_curtailment_mwh"/ { gsub(/,/, "", $2); b = $2 }
  /"curtailed_mwh"/ && b != "" { gsub(/,/, "", $2); d = b - $2 - a; if (d > 1e-6 * b || d < -1e-6 * b) n++; b = "" }
  END { print n + 0 }' "$tmp/j")
[ "$bad" -eq 0 ] && ok "every plant: before - curtailed = exported" || fail "$bad plants do not balance"
supply=$(awk -F': ' '/"fuel_supply_gj"/ { gsub(/,/, "", $2); print $2; exit }' "$tmp/j")
used=$(awk -F': ' '/"fuel_used_gj"/ { gsub(/,/, "", $2); print $2; exit }' "$tmp/j")
awk -v u="$used" -v s="$supply" 'BEGIN { exit !(u <= s * (1 + 1e-9) && u > 0) }' &&
  ok "biomass burns $used GJ of $supply GJ supplied" || fail "biomass burns $used GJ of $supply GJ"
# unlimited connection: fill = baseload
fill=$("$RENEWCALC" run "$site" --format csv --set grid.export_limit_mw=100000 | awk -F, 'NR == 4 { print $5 }')
base=$("$RENEWCALC" run "$site" --format csv --set grid.export_limit_mw=100000 \
  --set plants[2].dispatch=baseload | awk -F, 'NR == 4 { print $5 }')
[ -n "$fill" ] && [ "$fill" = "$base" ] && ok "unlimited connection: fill = baseload = $fill MWh" ||
  fail "unlimited connection: fill $fill MWh, baseload $base MWh"
finish
