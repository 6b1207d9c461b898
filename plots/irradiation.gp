# Monthly irradiation [kWh/m2] of the first PV plant: global horizontal
# (GHI, from the profile) beside plane of array (POA, after transposition,
# shading and, for bifacial modules, the rear side), with the gain of the
# plane over the horizontal [%] on the right axis.
# Data: first row names the columns; then month number, month name, GHI,
# POA [kWh/m2] and the gain POA/GHI - 1 [%].
set title chart_title noenhanced
set ylabel "Irradiation [kWh/m^2]"
set y2label "Gain of the plane over horizontal [%]"
set xlabel "Month"
set yrange [0:*]
set ytics nomirror
set y2tics nomirror
set border 11
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border rgb "#404040"
set boxwidth 0.9
set key outside top center horizontal
plot datafile using 3:xtic(2) title columnhead(3) lt 1, \
     datafile using 4 title columnhead(4) lt 2, \
     datafile using ($1 - 1):5 axes x1y2 with linespoints lt 4 pt 7 ps 0.8 \
         title "gain [%] (right axis)"
