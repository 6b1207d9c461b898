# Power curve of the turbine (left axis) with the hub-height wind speed
# distribution of the year: histogram of the hours and the fitted Weibull
# (right axis).
# Data: index 0: speed [m/s], power [kW] of the curve as published;
#       index 1: bin centre [m/s], share of hours [%], Weibull [%].
set title chart_title noenhanced
set xlabel "Wind speed at hub height [m/s]"
set ylabel "Power [kW]"
set y2label "Share of hours [%]"
set yrange [0:*]
set y2range [0:*]
set ytics nomirror
set y2tics
set style fill solid 0.35 border rgb "#808080"
set boxwidth 0.9 relative
set key top right
plot datafile index 1 using 1:2 axes x1y2 with boxes lt 8 title "hours at hub height", \
     datafile index 1 using 1:3 axes x1y2 with lines lt 4 lw 2 title "Weibull fit", \
     datafile index 0 using 1:2 with linespoints lt 1 pt 7 ps 0.5 lw 2 title "power curve"
