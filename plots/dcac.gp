# Clipping loss [% of DC energy] and annual generation [GWh] by DC/AC ratio
# at a fixed AC rating, with the clipping limit and the largest ratio
# within it marked.
# Data: rows "ratio clipping_percent annual_mwh specific_yield". Variables
# set above: limit_pct (the limit), best_ratio (the answer; < 0: none).
set title chart_title noenhanced
set xlabel "DC/AC ratio"
set ylabel "Clipping loss [% of DC energy]"
set y2label "Annual generation [GWh]"
set border 11
set ytics nomirror
set y2tics nomirror
set xrange [1:2]
set yrange [0:*]
set key top left
set arrow 1 from graph 0, first limit_pct to graph 1, first limit_pct nohead dt 2 lw 1.5 lc rgb "#d62728" front
set label 1 sprintf("limit %.2f %%", limit_pct) at graph 0.02, first limit_pct offset 0,0.6 textcolor rgb "#d62728" front
if (best_ratio > 0) {
  set arrow 2 from first best_ratio, graph 0 to first best_ratio, graph 1 nohead dt 3 lw 1.5 lc rgb "#404040" front
  set label 2 sprintf("DC/AC %.3f", best_ratio) at first best_ratio, graph 0.95 offset 0.6,0 textcolor rgb "#404040" front
}
plot datafile using 1:2 with linespoints lt 1 pt 7 ps 0.6 title "clipping loss", \
     datafile using 1:($3/1000) axes x1y2 with linespoints lt 2 pt 7 ps 0.6 title "annual generation"
