# Monthly generation [GWh], stacked by plant.
# Data: first row names the columns; then month number, month name and one
# column of MWh per plant (columns 3 .. 2 + nplants).
set title chart_title noenhanced
set ylabel "Generation [GWh]"
set xlabel "Month"
set yrange [0:*]
set style data histograms
set style histogram rowstacked
set style fill solid 0.85 border rgb "#404040"
set boxwidth 0.75
set key top right
plot for [i=3:2+nplants] datafile using (column(i)/1000):xtic(2) title columnhead(i) lt (i-2)
