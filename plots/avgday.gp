# Average day of each month: mean AC power [MW] by local standard hour,
# all plants together, one line per month.
# Data: first row names the columns; then the hour (interval start, local
# standard time) and twelve columns of MW (January .. December).
set title chart_title noenhanced
set ylabel "Mean AC power [MW]"
set xlabel "Hour of day (local standard time)"
set xrange [0:24]
set xtics 0,3,24
set yrange [0:*]
set key outside right top
plot for [m=2:13] datafile using ($1 + 0.5):m with linespoints title columnhead(m) lt (m-1) pt 7 ps 0.6
