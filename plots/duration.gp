# Load-duration curve: the hourly AC power of all plants together [MW],
# sorted from the largest down, against the hours of a year it is reached
# or exceeded [h]; the right axis reads the same curve as a share of the
# plants' AC capacity [%]. The grid export limit, when there is one, is a
# dashed line.
# Data: rows "hours a year at or above, MW, % of AC capacity". Variables
# set above: capacity_mw (AC capacity of the plants drawn), export_limit_mw
# (< 0: none).
set title chart_title noenhanced
set xlabel "Hours a year at or above [h]"
set ylabel "AC power of all plants [MW]"
set y2label "Share of AC capacity [%]"
set xrange [0:8760]
set xtics 0, 1000, 8760
set yrange [0:capacity_mw * 1.05]
set y2range [0:105]
set y2tics 0, 20, 100 nomirror
set ytics nomirror
set border 11
set key top right
if (export_limit_mw > 0) {
  set arrow from 0, export_limit_mw to 8760, export_limit_mw nohead lt 4 dt 2 lw 1.5
  set label sprintf("export limit %.0f MW", export_limit_mw) at 8760, export_limit_mw \
      right offset -1, 0.8 textcolor lt 4
}
plot datafile using 1:2 with lines lt 1 lw 2 title sprintf("all plants (%.0f MW AC)", capacity_mw)
