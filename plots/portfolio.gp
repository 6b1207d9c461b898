# Portfolio: the CO2 avoided a year that is attributed to the book's bonds,
# by project [kt], stacked by bond.
# Data: first row names the columns; then the project's name and one column
# of t CO2 per bond (columns 2 .. 1 + nbonds), then the part of the project
# no bond of the book finances (column 2 + nbonds, not plotted: add
# `, datafile using (column(2+nbonds)/1000) title columnhead(2+nbonds)` to
# show the whole project).
set title chart_title noenhanced
set ylabel "CO2 avoided a year [kt]"
set yrange [0:*]
set style data histograms
set style histogram rowstacked
set style fill solid 0.85 border rgb "#404040"
set boxwidth 0.6
set key top right
set xtics noenhanced
plot for [i=2:1+nbonds] datafile using (column(i)/1000):xtic(1) title columnhead(i) lt (i-1)
