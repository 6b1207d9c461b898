# Heat map of the site's AC power [MW], all plants together, by day of the
# year (x) and local standard hour (y): the seasons run left to right, the
# day from bottom to top. Multi-year profiles are averaged day by day.
# Data: blocks of rows "day hour MW", one block of 24 hours per day; NaN
# where no profile covers the hour. Variables set above: ndays (365 or
# 366), max_mw (the largest cell, for the colour scale).
set title chart_title noenhanced
set xlabel "Day of year (ticks: first day of the month)"
set ylabel "Hour of day (local standard time)"
set cblabel "AC power [MW]"
set xrange [0.5:ndays + 0.5]
set yrange [-0.5:23.5]
set cbrange [0:max_mw]
set xtics ("Jan" 1, "Feb" 32, "Mar" 60, "Apr" 91, "May" 121, "Jun" 152, "Jul" 182, \
           "Aug" 213, "Sep" 244, "Oct" 274, "Nov" 305, "Dec" 335) out
set ytics 0, 3, 21 out
set border 15
set tics front
unset grid
set palette defined (0 "#0b0b2b", 1 "#313695", 2 "#4575b4", 3 "#74add1", 4 "#abd9e9", \
                     5 "#fee090", 6 "#fdae61", 7 "#f46d43", 8 "#a50026")
plot datafile using 1:2:3 with image notitle
