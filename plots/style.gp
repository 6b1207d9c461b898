# renewcalc chart style, loaded by every chart script: edit this one file to
# restyle every chart (fonts, palette, grid, terminal sizes).
#
# Variables a chart script (or `gnuplot -e`) may set before loading it:
#   fmt      png (default), svg or pdf
#   outbase  output file name without extension (default: chart)
#   width, height  image size in pixels (default 945 x 590); a pdf takes
#            them at 150 dpi (945 x 590 is the default 16 cm x 10 cm)

if (!exists("fmt")) fmt = "png"
if (!exists("outbase")) outbase = "chart"
custom_size = exists("width") || exists("height")
if (!exists("width")) width = 945
if (!exists("height")) height = 590

# Sizes suit an A4 report: 16 cm wide at 150 dpi for png.
if (fmt eq "svg") {
  set terminal svg size width,height dynamic enhanced font "DejaVu Sans,13" \
      background rgb "white"
} else {
  if (fmt eq "pdf") {
    if (custom_size) {
      set terminal pdfcairo size (width / 150.0),(height / 150.0) enhanced font "DejaVu Sans,9"
    } else {
      set terminal pdfcairo size 16cm,10cm enhanced font "DejaVu Sans,9"
    }
  } else {
    set terminal pngcairo size width,height enhanced font "DejaVu Sans,11" \
        background rgb "white"
  }
}
set output outbase . "." . fmt

# Palette: twelve distinguishable colours (one per month or plant).
set linetype 1 lc rgb "#1f77b4" lw 2 pt 7
set linetype 2 lc rgb "#ff7f0e" lw 2 pt 7
set linetype 3 lc rgb "#2ca02c" lw 2 pt 7
set linetype 4 lc rgb "#d62728" lw 2 pt 7
set linetype 5 lc rgb "#9467bd" lw 2 pt 7
set linetype 6 lc rgb "#8c564b" lw 2 pt 7
set linetype 7 lc rgb "#e377c2" lw 2 pt 7
set linetype 8 lc rgb "#7f7f7f" lw 2 pt 7
set linetype 9 lc rgb "#bcbd22" lw 2 pt 7
set linetype 10 lc rgb "#17becf" lw 2 pt 7
set linetype 11 lc rgb "#393b79" lw 2 pt 7
set linetype 12 lc rgb "#ad494a" lw 2 pt 7
set linetype cycle 12

set grid ytics lc rgb "#d9d9d9" lw 1 dt 1
set border 3 lc rgb "#404040"
set tics nomirror textcolor rgb "#404040"
set key noenhanced box lc rgb "#d9d9d9"
set datafile separator whitespace
