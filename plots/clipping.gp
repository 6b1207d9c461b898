# Inverter clipping of the first PV plant, by DC power: every interval with
# DC output is put in one of 50 bands of DC power [MW]. Bars (right axis):
# the AC energy a year the inverter limit cuts off in each band [MWh]. Lines
# (left axis): mean and largest AC power of the band [MW], against the
# 1:1 line and the AC rating; where the mean AC line meets the rating the
# inverter saturates, and the bars show how much energy that costs. AC is
# after the grid export limit, so a curtailed site flattens below the rating.
# Data: rows "band centre DC [MW], hours a year, mean DC, mean AC, largest
# AC [MW], clipped MWh a year" (NaN for empty bands). Variables set above:
# ac_rating_mw, dc_max_mw, bin_mw.
set title chart_title noenhanced
set xlabel "DC power after losses [MW]"
set ylabel "AC power [MW]"
set y2label "Energy clipped a year [MWh]"
set xrange [0:dc_max_mw]
set yrange [0:ac_rating_mw * 1.25]
set y2range [0:*]
set ytics nomirror
set y2tics nomirror
set border 11
set style fill solid 0.6 border rgb "#404040"
set boxwidth bin_mw * 0.9
set key top left
set arrow from 0, ac_rating_mw to dc_max_mw, ac_rating_mw nohead lt 4 dt 2 lw 1.5
set label sprintf("AC rating %.0f MW", ac_rating_mw) at dc_max_mw * 0.6, ac_rating_mw \
    center offset 0, 0.8 textcolor lt 4
plot datafile using 1:6 axes x1y2 with boxes lt 2 title "energy clipped (right axis)", \
     datafile using 1:4 with lines lt 1 lw 2 title "mean AC", \
     datafile using 1:5 with lines lt 3 lw 1.5 dt 2 title "largest AC", \
     datafile using 1:1 with lines lt 8 lw 1 dt 3 title "AC = DC"
