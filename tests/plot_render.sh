#!/bin/sh
# Renders the charts of every example site and bond file in configs/ with
# gnuplot: each .gp renders without a word on stderr, each image exists and
# is not blank (a PNG of the expected size holding more than a few
# kilobytes of drawing); `plot` re-renders a folder to SVG. Skips when gnuplot is not
# installed.
. "${top_srcdir:-.}/tests/lib.sh"
if ! command -v gnuplot >/dev/null 2>&1; then
  echo "SKIP: gnuplot is not installed (Debian: gnuplot-nox)"
  exit 77
fi
for cfg in "$top_srcdir"/configs/*.cfg; do
if grep -q '^plants' "$cfg"; then
  command=run # a site file
elif grep -q '^bonds' "$cfg"; then
  command=portfolio # a bond file
else
  continue
fi
case=$(basename "$cfg" .cfg)
out=$tmp/$case
if "$RENEWCALC" "$command" "$cfg" -o "$out" --plot >/dev/null 2>"$tmp/err"; then
  ok "$case: $command --plot"
else
  fail "$case: $command --plot: $(cat "$tmp/err")"
fi
for gp in "$out"/*.gp; do
  name=$(basename "$gp" .gp)
  [ "$name" = style ] && continue
  png=$out/$name.png
  # PNG signature, then the IHDR chunk with width and height (bytes 17-24).
  sig=$(od -An -tx1 -N8 "$png" 2>/dev/null | tr -d ' \n')
  size=$(wc -c <"$png" 2>/dev/null || echo 0)
  wh=$(od -An -tu1 -j16 -N8 "$png" 2>/dev/null | awk '{ print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8 }')
  if [ "$sig" = 89504e470d0a1a0a ] && [ "$wh" = 945x590 ] && [ "$size" -gt 15000 ]; then
    ok "$case/$name.png: $wh, $size bytes"
  else
    fail "$case/$name.png: signature $sig, size $wh, $size bytes"
  fi
  # The script renders standalone, as a report author would run it.
  (cd "$out" && gnuplot -e "fmt='png'; outbase='standalone-$name'" "$name.gp") 2>"$tmp/gperr"
  if [ ! -s "$tmp/gperr" ] && [ -s "$out/standalone-$name.png" ]; then
    ok "$case: gnuplot $name.gp renders standalone, nothing on stderr"
  else
    fail "$case: gnuplot $name.gp: $(head -n 3 "$tmp/gperr")"
  fi
done
done
out=$tmp/laos-pv-1000mw
if "$RENEWCALC" plot "$out" --plot-format svg >/dev/null 2>"$tmp/err" && [ -s "$out/monthly.svg" ]; then
  ok "plot DIR --plot-format svg"
else
  fail "plot --plot-format svg: $(cat "$tmp/err")"
fi
# --plot-size sets the pixels of every chart; a malformed size is bad input.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{ print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8 }'; }
if "$RENEWCALC" plot "$out" --plot-size 1200x750 >/dev/null 2>"$tmp/err" &&
   [ "$(png_size "$out/monthly.png")" = 1200x750 ] && [ "$(png_size "$out/heatmap.png")" = 1200x750 ]; then
  ok "plot DIR --plot-size 1200x750: charts 1200x750"
else
  fail "plot --plot-size 1200x750: $(png_size "$out/monthly.png") $(cat "$tmp/err")"
fi
"$RENEWCALC" plot "$out" --plot-size 1200 >/dev/null 2>"$tmp/err"
code=$?
if [ "$code" -eq 2 ] && grep -q "expected WIDTHxHEIGHT" "$tmp/err"; then
  ok "plot --plot-size 1200: exit 2, '$(cat "$tmp/err")'"
else
  fail "plot --plot-size 1200: exit $code, '$(cat "$tmp/err")'"
fi
# Without gnuplot on PATH, a clear message and exit status 1.
RENEWCALC_GNUPLOT=/nonexistent/gnuplot "$RENEWCALC" plot "$out" >/dev/null 2>"$tmp/err"
code=$?
if [ "$code" -eq 1 ] && grep -q "gnuplot is not installed" "$tmp/err"; then
  ok "missing gnuplot: exit 1 and a clear message"
else
  fail "missing gnuplot: exit $code, '$(cat "$tmp/err")'"
fi
finish
