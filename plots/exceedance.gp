# Exceedance curves: the yearly generation [GWh] exceeded with each
# probability [%], for one year and for the mean of `years` years (the
# interannual variability averages out, so that curve is flatter). P50 and
# P90 of one year are marked; the Monte Carlo levels, when drawn, are points.
# Data: exceedance probability [%], MWh one year, MWh a year over `years`
# years, Monte Carlo MWh (NaN where not drawn).
set title chart_title noenhanced
set xlabel "Probability of exceedance [%]"
set ylabel "Yearly generation [GWh]"
set xrange [0:100]
set xtics 10
set key bottom left
set arrow from 50, graph 0 to 50, p50_gwh nohead lt 0
set arrow from 90, graph 0 to 90, p90_gwh nohead lt 0
set label sprintf("P50 %.0f GWh", p50_gwh) at 50, p50_gwh offset 1, 1
set label sprintf("P90 %.0f GWh", p90_gwh) at 90, p90_gwh offset -14, -1.5
if (mc) {
  plot datafile using 1:($2 / 1000) with lines lt 1 lw 2 title "one year", \
       datafile using 1:($3 / 1000) with lines lt 2 lw 2 title sprintf("mean of %d years", years), \
       datafile using 1:($4 / 1000) with points lt 4 pt 7 ps 1 title "Monte Carlo, one year"
} else {
  plot datafile using 1:($2 / 1000) with lines lt 1 lw 2 title "one year", \
       datafile using 1:($3 / 1000) with lines lt 2 lw 2 title sprintf("mean of %d years", years)
}
