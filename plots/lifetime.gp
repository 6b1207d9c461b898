# Lifetime: generation of each operating year [GWh] (bars, left axis) and
# the CO2 avoided up to that year [Mt] (line, right axis).
# Data: rows of year, generation [MWh], CO2
# avoided that year [t], CO2 avoided up to that year [t].
set title chart_title noenhanced
set xlabel "Operating year"
set ylabel "Generation [GWh]"
set y2label "CO2 avoided, cumulative [Mt]"
set yrange [0:*]
set y2range [0:*]
set ytics nomirror
set y2tics
set style fill solid 0.85 border rgb "#404040"
set boxwidth 0.7
set key outside bottom center horizontal
set autoscale xfix
set offsets 0.7, 0.7, 0, 0
set bmargin 6
plot datafile using 1:($2 / 1000) with boxes lt 1 title "generation", \
     datafile using 1:($4 / 1e6) axes x1y2 with linespoints lt 4 pt 7 ps 0.6 title "CO2 avoided, cumulative"
