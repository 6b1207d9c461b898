#!/bin/sh
# The hand-over report: `report` writes everything `run --plot` does plus
# report.md and a self-contained report.html; the input list carries the
# right SHA-256, every rendered chart is embedded, the figures agree with
# summary.csv, names from the inputs are HTML-escaped, and a rejected site
# leaves no report behind. Skips when gnuplot is not installed.
. "${top_srcdir:-.}/tests/lib.sh"
if ! command -v "${RENEWCALC_GNUPLOT:-gnuplot}" >/dev/null 2>&1; then
  echo "SKIP: gnuplot is not installed (Debian: gnuplot-nox)"
  exit 77
fi
site=$top_srcdir/configs/laos-pv-1000mw.cfg
out=$tmp/rep

if "$RENEWCALC" report "$site" -o "$out" >"$tmp/stdout" 2>"$tmp/stderr" && [ ! -s "$tmp/stderr" ]; then
  ok "report exits 0, silent on stderr"
else
  fail "report: $(cat "$tmp/stderr")"
fi
for f in report.md report.html summary.txt summary.json summary.csv monthly.csv lifetime.csv \
         hourly.csv monthly.gp monthly.png style.gp; do
  if [ -s "$out/$f" ]; then ok "wrote $f"; else fail "missing $f"; fi
done
if [ -z "$(find "$out" -name '.*' -type f)" ]; then ok "no temporary files left"; else fail "temporary files left"; fi

# The input list: the site file's SHA-256 and size, in both documents.
sum=$(sha256sum "$site" | cut -c1-64)
size=$(wc -c <"$site" | tr -d ' ')
for doc in report.md report.html; do
  if grep "$sum" "$out/$doc" | grep -q "$size"; then
    ok "$doc lists the site file with SHA-256 $sum and $size bytes"
  else
    fail "$doc lacks the site file's SHA-256 $sum / size $size"
  fi
done

# One embedded image per rendered PNG, nothing fetched from elsewhere.
npng=$(find "$out" -name '*.png' -type f | wc -l | tr -d ' ')
nimg=$(grep -o '<img src="data:image/png;base64,' "$out/report.html" | wc -l | tr -d ' ')
if [ "$npng" -gt 0 ] && [ "$npng" -eq "$nimg" ]; then
  ok "report.html embeds all $npng PNGs"
else
  fail "report.html embeds $nimg images, the folder holds $npng PNGs"
fi
if grep -qi '<script' "$out/report.html"; then fail "report.html holds a script"; else ok "no script"; fi
if grep -Eqi '(src|href)="(https?:|//|file:)' "$out/report.html"; then
  fail "report.html links outside itself"
else
  ok "report.html has no external links"
fi

# The annual generation of the report is the one of summary.csv.
csv=$(awk -F, '$1 == "\"total\"" { printf "%.3f", $5 }' "$out/summary.csv")
md=$(awk -F'|' '$2 ~ /^ *annual generation *$/ { gsub(/ /, "", $3); printf "%.3f", $3; exit }' \
  "$out/report.md")
if [ -n "$csv" ] && [ "$csv" = "$md" ]; then
  ok "report.md gives the annual $md MWh of summary.csv"
else
  fail "report.md gives '$md' MWh, summary.csv '$csv'"
fi
for want in "renewcalc " "NDRC/NEA" "IPCC 2006" "PVWatts v5" "P90" "LCOE" "sapm"; do
  if grep -q "$want" "$out/report.md" && grep -q "$want" "$out/report.html"; then
    ok "both documents show '$want'"
  else
    fail "a document lacks '$want'"
  fi
done
if grep -Eq '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z' "$out/report.md"; then
  ok "report.md gives the date of the run in ISO 8601 UTC"
else
  fail "report.md lacks an ISO 8601 date"
fi

if command -v xmllint >/dev/null 2>&1; then
  xmllint --html --noout "$out/report.html" 2>"$tmp/xmllint"
  if [ ! -s "$tmp/xmllint" ]; then ok "xmllint --html finds nothing to say"; else fail "xmllint: $(head -5 "$tmp/xmllint")"; fi
else
  echo "skip: xmllint not installed, HTML not checked"
fi

# A site name with markup characters is escaped in the HTML.
sed -e 's|^name = .*|name = "A <\&> B";|' \
    -e "s|profile = \"\\.\\./profiles/|profile = \"$top_srcdir/profiles/|" "$site" >"$tmp/odd.cfg"
if "$RENEWCALC" report "$tmp/odd.cfg" -o "$tmp/odd" >/dev/null 2>"$tmp/stderr" &&
   grep -q 'A &lt;&amp;&gt; B' "$tmp/odd/report.html" && ! grep -q 'A <&> B' "$tmp/odd/report.html"; then
  ok "the site name 'A <&> B' is escaped in report.html"
else
  fail "site name not escaped: $(cat "$tmp/stderr")"
fi

# A bad site file: exit 2, no report.
printf 'name = "broken";\nplants = (\n' >"$tmp/bad.cfg"
"$RENEWCALC" report "$tmp/bad.cfg" -o "$tmp/bad" >/dev/null 2>"$tmp/stderr"
code=$?
if [ "$code" -eq 2 ] && [ -s "$tmp/stderr" ] && [ ! -e "$tmp/bad/report.md" ] &&
   [ ! -e "$tmp/bad/report.html" ]; then
  ok "a bad site file exits 2 with a message and writes no report"
else
  fail "a bad site file: exit $code, report left: $(ls "$tmp/bad" 2>/dev/null)"
fi
"$RENEWCALC" report "$site" -o "$tmp/bad2" --set location.latitude=123 >/dev/null 2>"$tmp/stderr"
code=$?
if [ "$code" -eq 2 ] && [ ! -e "$tmp/bad2/report.md" ] && [ ! -e "$tmp/bad2/report.html" ]; then
  ok "a rejected --set exits 2 and writes no report"
else
  fail "a rejected --set: exit $code"
fi
# A bond file: the book's impact report, its chart embedded, the bond file
# and every project's site file with their SHA-256.
bond=$top_srcdir/configs/bond-example.cfg
if "$RENEWCALC" report "$bond" -o "$tmp/book" >/dev/null 2>"$tmp/stderr" && [ ! -s "$tmp/stderr" ]; then
  ok "report BOND.cfg exits 0, silent on stderr"
else
  fail "report BOND.cfg: $(cat "$tmp/stderr")"
fi
bond_sum=$(sha256sum "$bond" | cut -d' ' -f1)
if grep -q "$bond_sum" "$tmp/book/report.md" && grep -q "$bond_sum" "$tmp/book/report.html"; then
  ok "the bond file's SHA-256 is in both documents"
else
  fail "the bond file's SHA-256 $bond_sum is missing"
fi
for s in laos-pv-1000mw laos-ridge-wind laos-biomass-15mw; do
  want=$(sha256sum "$top_srcdir/configs/$s.cfg" | cut -d' ' -f1)
  if grep -q "$want" "$tmp/book/report.html"; then ok "site $s listed with its SHA-256"; else fail "site $s missing"; fi
done
imgs=$(grep -o '<img src="data:image/png;base64,' "$tmp/book/report.html" | wc -l | tr -d ' ')
if [ "$imgs" -eq 1 ] && grep -q "book: 2 bonds, 3 distinct projects" "$tmp/book/report.md"; then
  ok "the book report embeds its chart and holds the impact report"
else
  fail "book report: $imgs images"
fi
"$RENEWCALC" report "$bond" -o "$tmp/book2" --set name=x >/dev/null 2>"$tmp/stderr"
code=$?
if [ "$code" -eq 2 ] && grep -q "no --set for a bond file" "$tmp/stderr" && [ ! -e "$tmp/book2" ]; then
  ok "report BOND.cfg --set: exit 2, '$(cat "$tmp/stderr")'"
else
  fail "report BOND.cfg --set: exit $code, '$(cat "$tmp/stderr")'"
fi
# A power curve's "# source:" line is text, not a path: the report lists
# the curve file it read, never a file the curve names.
if command -v gnuplot >/dev/null; then
  wdir=$tmp/wind-src
  mkdir -p "$wdir"
  echo "a secret of the user's" >"$tmp/secret.txt"
  sed -e "s|^# source: .*|# source: $tmp/secret.txt|" "$top_srcdir/tests/turbines/good-metadata.csv" \
    >"$wdir/curve.csv"
  sed -e 's|turbine = { name = "IEA-3.4MW";|turbine = { power_curve = "curve.csv"; rotor_diameter = 90.0;|' \
    -e "s|\"\.\./profiles/|\"$top_srcdir/profiles/|" -e '/^output = /d' \
    "$top_srcdir/configs/laos-ridge-wind.cfg" >"$wdir/site.cfg"
  if "$RENEWCALC" report "$wdir/site.cfg" -o "$tmp/wind-rep" >/dev/null 2>"$tmp/stderr" &&
    ! grep -q "^| turbine power curve | $tmp/secret.txt" "$tmp/wind-rep/report.md" &&
    grep -q "turbine power curve | $wdir/curve.csv" "$tmp/wind-rep/report.md"; then
    ok "report lists the power-curve file read, not the file its source line names"
  else
    fail "report inputs: $(cat "$tmp/stderr"); $(grep -i "turbine power curve" "$tmp/wind-rep/report.md")"
  fi
fi
finish
