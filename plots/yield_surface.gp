# Annual specific yield [kWh/kWp] of a fixed rack over tilt x azimuth, as a
# heat map with contour lines, the optimum and the site file's orientation
# marked.
# Data: blocks of rows "tilt azimuth yield", one block per tilt, blank line
# between blocks (pm3d grid). Variables set above: opt_tilt, opt_azimuth,
# opt_yield (the optimum), site_tilt, site_azimuth, az_min, az_max
# (azimuths in the data's coordinate, degrees clockwise from north).
set title chart_title noenhanced
set xlabel "Azimuth [deg clockwise from north]"
set ylabel "Tilt [deg]"
set cblabel "Specific yield [kWh/kWp]"
set xrange [az_min:az_max]
set yrange [0:90]
set xtics 30
set ytics 15
set border 15
set xtics mirror
set ytics mirror
unset grid
set view map
set pm3d map interpolate 0,0
set palette defined (0 "#313695", 1 "#4575b4", 2 "#74add1", 3 "#abd9e9", 4 "#fee090", \
                     5 "#fdae61", 6 "#f46d43", 7 "#a50026")
set contour base
set cntrparam levels auto 10
unset clabel
set key outside right bottom
set label 1 sprintf("optimum %.1f / %.1f deg\n%.0f kWh/kWp", opt_tilt, \
    (opt_azimuth < 0 ? opt_azimuth + 360 : opt_azimuth), opt_yield) \
    at opt_azimuth, opt_tilt, opt_yield point pointtype 7 pointsize 1.6 lc rgb "black" \
    offset 1.2,1.2 front noenhanced textcolor rgb "black"
set label 2 "site file" at site_azimuth, site_tilt, opt_yield \
    point pointtype 6 pointsize 1.6 lc rgb "black" offset 1.2,-1.2 front textcolor rgb "black"
splot datafile using 2:1:3 with pm3d notitle, \
      datafile using 2:1:3 with lines nosurface lc rgb "#404040" notitle
