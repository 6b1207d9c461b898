#!/bin/sh
# The HTML report in a real browser: headless Chromium opens report.html
# inside a small check page that counts the images the browser decoded
# (complete, with a width); every chart must show and the page must log no
# console error. A copy with one image's data cut short must fail the same
# count, so the check can fail. Skips when chromium or gnuplot is absent
# (Debian: chromium, gnuplot-nox).
. "${top_srcdir:-.}/tests/lib.sh"
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ] || ! command -v gnuplot >/dev/null 2>&1; then
  echo "SKIP: chromium or gnuplot is not installed (Debian: chromium, gnuplot-nox)"
  exit 77
fi

"$RENEWCALC" report "$top_srcdir/configs/laos-pv-1000mw.cfg" -o "$tmp/rep" >/dev/null 2>"$tmp/err" ||
  { fail "report: $(cat "$tmp/err")"; finish; exit 1; }
charts=$(ls "$tmp/rep"/*.png | wc -l | tr -d ' ')

cat >"$tmp/check.html" <<'EOF'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>check</title></head><body>
<iframe id="r" src="REPORT" style="width:1200px;height:800px"></iframe>
<pre id="out">not loaded</pre>
<script>
document.getElementById('r').addEventListener('load', function () {
  var out = document.getElementById('out');
  try {
    var imgs = this.contentDocument.images, ok = 0;
    for (var i = 0; i < imgs.length; i++)
      if (imgs[i].complete && imgs[i].naturalWidth > 0) ok++;
    out.textContent = 'decoded ' + ok + ' of ' + imgs.length;
  } catch (e) {
    out.textContent = 'failed: ' + e;
  }
});
</script></body></html>
EOF

# open REPORT: prints "decoded N of M" or what went wrong; console
# messages of the report go to $tmp/console.
open_report() {
  sed "s#REPORT#$1#" "$tmp/check.html" >"$tmp/page.html"
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --allow-file-access-from-files \
    --virtual-time-budget=10000 --enable-logging=stderr --v=0 --dump-dom \
    "file://$tmp/page.html" 2>"$tmp/console" |
    sed -n 's#.*<pre id="out">\([^<]*\)</pre>.*#\1#p'
}

got=$(open_report rep/report.html)
if [ "$got" = "decoded $charts of $charts" ]; then
  ok "chromium shows all $charts charts of report.html"
else
  fail "chromium: '$got', wanted 'decoded $charts of $charts'"
fi
if grep -q 'CONSOLE' "$tmp/console"; then
  fail "console messages: $(grep 'CONSOLE' "$tmp/console" | head -n 3)"
else
  ok "no console message from the page"
fi

# The check can fail: cut one image's data short.
mkdir "$tmp/broken"
sed -E '0,/data:image\/png;base64,/s#(data:image/png;base64,)[A-Za-z0-9+/]{400}#\1AAAA#' \
  "$tmp/rep/report.html" >"$tmp/broken/report.html"
got=$(open_report broken/report.html)
if [ "$got" = "decoded $((charts - 1)) of $charts" ]; then
  ok "a corrupted image is caught: '$got'"
else
  fail "corrupted image: '$got', wanted 'decoded $((charts - 1)) of $charts'"
fi
finish
