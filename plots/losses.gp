# Loss waterfall: energy from plane-of-array irradiation at STC efficiency
# down to AC energy [GWh], one bar per step (all plants together).
# Data: rows of the step name, the energy before
# and after the step [MWh]; the first and last rows are totals (before = 0).
set title chart_title noenhanced
set ylabel "Energy [GWh]"
set yrange [0:*]
set xtics rotate by -35 left noenhanced
set style fill solid 0.85 border rgb "#404040"
set key off
set bmargin 8
set autoscale xfix
set offsets 0.6, 0.6, 0, 0
gain_or_total(a, b) = (a == 0 || b > a)
plot datafile using 0:(($2 + $3) / 2000):(0.35):(abs($3 - $2) / 2000):(gain_or_total($2, $3) ? 0x1f77b4 : 0xd62728):xtic(1) \
     with boxxyerror lc rgb variable
