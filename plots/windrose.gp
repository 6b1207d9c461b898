# Wind rose: share of hours [%] by the direction the wind comes from (16
# sectors, north at the top) and by hub-height speed class, stacked outward.
# Data: one index per speed class (its name in the variable classes), each a
# set of closed wedges: angle [deg, clockwise from north], radius [%].
set title chart_title noenhanced offset 0, 1.5
set tmargin 4
set polar
set angles degrees
set theta top clockwise
set size square
unset border
unset xtics
unset ytics
set rtics
set grid polar 45 lc rgb "#d9d9d9"
set style fill solid 0.85 border rgb "#404040"
set key outside right top title "m/s"
set label "N" at graph 0.5, graph 1.03 center
set label "E" at graph 1.03, graph 0.5 left
set label "S" at graph 0.5, graph -0.03 center
set label "W" at graph -0.03, graph 0.5 right
plot for [k = 0:nclasses - 1] datafile index k using 1:2 with filledcurves closed \
     lt (k + 1) title word(classes, k + 1)
