#!/bin/sh
# A wind plant on a Weibull distribution with a built-in reference turbine
# (no profile, no shared data needed): the energy steps chain from the free
# stream through a fixed 6 % wake loss and the default losses to the grid
# (each loss a share of what reaches it), the months add up to the year, the
# integral and the IEC bin method agree within 1 % on a Rayleigh
# distribution, and the JSON holds the wind keys of DESIGN.md.
. "${top_srcdir:-.}/tests/lib.sh"
cat >"$tmp/site.cfg" <<'CFG'
name = "Weibull site";
location = { latitude = 20.0; longitude = 100.0; elevation = 500.0; };
plants = ( { type = "wind"; name = "NREL 5MW x 4";
  distribution = { weibull_k = 2.0; mean_speed = 7.0; height = 100.0; };
  turbine = { name = "NREL-5MW"; hub_height = 90.0; };
  count = 4; wake_model = "fixed"; wake_loss_percent = 6.0; } );
CFG
if "$RENEWCALC" run "$tmp/site.cfg" --format json -o "$tmp/out" >"$tmp/j" 2>"$tmp/err"; then
  ok "run exits 0"
else
  fail "run: $(cat "$tmp/err")"
fi
val() { awk -F': ' -v k="\"$1\"" '$1 ~ k { gsub(/[,}]/, "", $2); printf "%.12g\n", $2; exit }' "$tmp/j"; }
gross=$(val free_stream_mwh); net=$(val net_mwh); annual=$(val annual_generation_mwh)
integral=$(val aep_integral_mwh); iec=$(val aep_iec_rayleigh_mwh)
# 1 - 0.94 x 0.97 x 0.98 x 0.98 x 0.99 x 0.99 of the free stream reaches the grid
if awk -v g="$gross" -v n="$net" 'BEGIN { k = 0.94 * 0.97 * 0.98 * 0.98 * 0.99 * 0.99; d = n - g * k; exit !(d < 1e-6 * g && d > -1e-6 * g) }'; then
  ok "net $net MWh = free stream $gross MWh x 0.94 x 0.97 x 0.98 x 0.98 x 0.99 x 0.99"
else
  fail "net $net MWh against free stream $gross MWh"
fi
[ "$net" = "$annual" ] && ok "annual = net" || fail "annual $annual, net $net"
awk -v a="$integral" -v b="$iec" 'BEGIN { r = a / b - 1; exit !(r < 0.01 && r > -0.01) }' &&
  ok "integral $integral MWh and IEC bins $iec MWh within 1 %" || fail "integral $integral, IEC $iec"
sum=$(awk -F, 'NR > 1 { s += $NF } END { printf "%.3f", s }' "$tmp/out/monthly.csv")
awk -v a="$sum" -v b="$annual" 'BEGIN { d = a - b; exit !(d < 0.01 && d > -0.01) }' &&
  ok "months add up to $annual MWh" || fail "months add up to $sum, annual $annual"
for k in mean_hub_wind_speed_m_s wake_loss_percent capacity_factor specific_yield_kwh_per_kw; do
  grep -q "\"$k\"" "$tmp/j" && ok "JSON has $k" || fail "JSON lacks $k"
done
finish
