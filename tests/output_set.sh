#!/bin/sh
# An output folder holds the complete earlier set or the complete new set
# (SECURITY.md): only the charts of the run are rendered and embedded,
# temporaries never follow planted links, a failed commit rolls back,
# concurrent runs do not interleave, killed runs' leftovers are removed,
# an incomplete chart fails the run, no output replaces an input, and
# single-stream outputs write to "-", devices and FIFOs in place.
. "${top_srcdir:-.}/tests/lib.sh"
site=$top_srcdir/configs/laos-pv-1000mw.cfg
wind=$top_srcdir/configs/laos-ridge-wind.cfg
have_gnuplot=0
command -v gnuplot >/dev/null && have_gnuplot=1

# The folder's files and their contents, hidden ones included.
fingerprint() { (cd "$1" && ls -A | LC_ALL=C sort && find . -type f | LC_ALL=C sort | xargs cat) | cksum; }

# ---- 2. only renewcalc's own scripts are rendered -----------------------------
out=$tmp/foreign
"$RENEWCALC" run "$site" -o "$out" >/dev/null 2>"$tmp/err" || fail "first run: $(cat "$tmp/err")"
printf 'system("touch %s/PWNED-run")\n' "$tmp" >"$out/evil.gp"
if [ "$have_gnuplot" -eq 1 ]; then
  "$RENEWCALC" run "$site" -o "$out" --plot >/dev/null 2>"$tmp/err" || fail "run --plot: $(cat "$tmp/err")"
  [ ! -e "$tmp/PWNED-run" ] && ok "run --plot renders no script it did not write" ||
    fail "run --plot rendered a foreign evil.gp"
  printf 'system("touch %s/PWNED-plot")\n' "$tmp" >"$out/evil.gp"
  "$RENEWCALC" plot "$out" >/dev/null 2>"$tmp/err" || fail "plot DIR: $(cat "$tmp/err")"
  [ ! -e "$tmp/PWNED-plot" ] && ok "plot DIR renders no script it did not write" ||
    fail "plot DIR rendered a foreign evil.gp"
  [ -e "$out/evil.gp" ] && ok "a file of the user's is left alone" || fail "evil.gp removed"
  # A script of the set changed since it was written is refused ...
  printf 'system("touch %s/PWNED-edit")\n' "$tmp" >>"$out/monthly.gp"
  before=$(fingerprint "$out")
  "$RENEWCALC" plot "$out" >/dev/null 2>"$tmp/err"
  code=$?
  [ "$code" -eq 2 ] && grep -q "monthly.gp: expected the file renewcalc wrote" "$tmp/err" &&
    [ ! -e "$tmp/PWNED-edit" ] && [ "$(fingerprint "$out")" = "$before" ] &&
    ok "plot DIR refuses an edited script (exit 2), folder unchanged" ||
    fail "edited script: exit $code, $(cat "$tmp/err")"
  # ... unless the user says the edits are theirs.
  "$RENEWCALC" plot "$out" --allow-edited >/dev/null 2>"$tmp/err" && [ -e "$tmp/PWNED-edit" ] &&
    ok "plot --allow-edited renders the user's own edits" || fail "--allow-edited: $(cat "$tmp/err")"
  # A folder renewcalc did not write is refused.
  mkdir -p "$tmp/handmade" && cp "$out/monthly.gp" "$out/monthly.dat" "$out/style.gp" "$tmp/handmade/"
  "$RENEWCALC" plot "$tmp/handmade" >/dev/null 2>"$tmp/err"
  code=$?
  [ "$code" -eq 2 ] && grep -q "expected a folder renewcalc wrote" "$tmp/err" &&
    ok "plot DIR without renewcalc.sha256: exit 2" || fail "handmade folder: exit $code, $(cat "$tmp/err")"

  # A list someone wrote by hand, with the hashes right, vouches for
  # nothing: a script that is not renewcalc's own is not run.
  mkdir -p "$tmp/sent"
  "$RENEWCALC" run "$site" -o "$tmp/clean" >/dev/null 2>&1
  cp "$tmp/clean/monthly.gp" "$tmp/clean/monthly.dat" "$tmp/clean/style.gp" "$tmp/sent/"
  printf 'system("touch %s/PWNED-list")\n' "$tmp" >>"$tmp/sent/monthly.gp"
  (cd "$tmp/sent" && sha256sum monthly.gp monthly.dat style.gp >renewcalc.sha256)
  "$RENEWCALC" plot "$tmp/sent" >/dev/null 2>"$tmp/err"
  code=$?
  [ "$code" -eq 2 ] && [ ! -e "$tmp/PWNED-list" ] &&
    grep -q "monthly.gp: expected a chart script as renewcalc writes it" "$tmp/err" &&
    ok "plot DIR with a hand-made list: a script renewcalc did not write is refused (exit 2)" ||
    fail "hand-made list: exit $code, $(cat "$tmp/err")"
  # A header line that steers where gnuplot writes, and a script whose
  # file name would break out of the quoted name gnuplot is given.
  cp "$tmp/clean/monthly.gp" "$tmp/sent/monthly.gp"
  sed -i "3a outbase = '$tmp/PWNED-out'" "$tmp/sent/monthly.gp"
  evil="m';system('touch $tmp/PWNED-name');x='.gp"
  cp "$tmp/clean/monthly.gp" "$tmp/sent/$evil"
  (cd "$tmp/sent" && sha256sum monthly.gp monthly.dat style.gp "$evil" >renewcalc.sha256)
  "$RENEWCALC" plot "$tmp/sent" >/dev/null 2>"$tmp/err"
  code=$?
  [ "$code" -eq 2 ] && [ ! -e "$tmp/PWNED-out.png" ] && [ ! -e "$tmp/PWNED-name" ] &&
    grep -q "monthly.gp: expected a chart script as renewcalc writes it, got one where line 4" "$tmp/err" &&
    ok "plot DIR: a header that sets outbase and a quote in a script's name run nothing" ||
    fail "steering header or name: exit $code, $(cat "$tmp/err")"
  # A listed file beyond the data size limit is refused before a byte is copied.
  cp "$tmp/clean/monthly.gp" "$tmp/sent/monthly.gp"
  rm -f "$tmp/sent/$evil"
  truncate -s 5G "$tmp/sent/big.dat"
  { (cd "$tmp/sent" && sha256sum monthly.gp monthly.dat style.gp)
    echo "0000000000000000000000000000000000000000000000000000000000000000  big.dat"; } >"$tmp/sent/renewcalc.sha256"
  timeout 30 "$RENEWCALC" plot "$tmp/sent" >/dev/null 2>"$tmp/err"
  code=$?
  [ "$code" -eq 2 ] && grep -q "at most 4 GiB in all" "$tmp/err" && [ -z "$(ls -A "$tmp/sent" | grep '^\.')" ] &&
    ok "plot DIR: 5 GiB listed, refused before anything is copied" ||
    fail "plot DIR over the size limit: exit $code, $(cat "$tmp/err")"
  rm -f "$tmp/sent/big.dat"

  # A run that commits while plot DIR renders wins: plot's commit fails.
  cp "$out/monthly.png" "$tmp/real.png"
  rm -f "$tmp/go" "$tmp/gnuplot.pid"
  printf '#!/bin/sh\necho $$ >"%s/gnuplot.pid"\nwhile [ ! -e "%s/go" ]; do sleep 0.1; done\nbase=$(printf "%%s" "$2" | sed -n "s/.*outbase=.\\([a-z_]*\\).*/\\1/p")\ncp "%s/real.png" "$base.png"\n' \
    "$tmp" "$tmp" "$tmp" >"$tmp/gate-gnuplot"
  chmod +x "$tmp/gate-gnuplot"
  "$RENEWCALC" run "$site" -o "$tmp/race2" --set lifetime_years=20 >/dev/null 2>&1
  RENEWCALC_GNUPLOT=$tmp/gate-gnuplot "$RENEWCALC" plot "$tmp/race2" >/dev/null 2>"$tmp/err" &
  pid=$!
  waited=0
  while [ ! -s "$tmp/gnuplot.pid" ] && [ "$waited" -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
  "$RENEWCALC" run "$site" -o "$tmp/race2" --set lifetime_years=30 >/dev/null 2>&1 || fail "the run during plot failed"
  touch "$tmp/go"
  wait "$pid"
  code=$?
  rows=$(($(wc -l <"$tmp/race2/lifetime.csv") - 1))
  [ "$code" -eq 1 ] && grep -q "another run wrote meanwhile" "$tmp/err" && [ "$rows" -eq 30 ] &&
    (cd "$tmp/race2" && sha256sum -c --quiet renewcalc.sha256) >/dev/null 2>&1 &&
    ok "plot DIR during a run into the same folder: the run's set stays, plot exits 1" ||
    fail "plot during run: exit $code, $rows rows, $(cat "$tmp/err")"

  # report embeds only the charts of its own run: a wind site's report, then
  # a PV site's into the same folder.
  rep=$tmp/rep
  "$RENEWCALC" report "$wind" -o "$rep" >/dev/null 2>"$tmp/err" || fail "wind report: $(cat "$tmp/err")"
  [ -e "$rep/windcurve.png" ] || fail "the wind report has no power-curve chart"
  "$RENEWCALC" report "$site" -o "$rep" >/dev/null 2>"$tmp/err" || fail "pv report: $(cat "$tmp/err")"
  if [ ! -e "$rep/windcurve.png" ] && [ ! -e "$rep/windcurve.gp" ] && [ ! -e "$rep/hourly_wind.csv" ] &&
    ! grep -q "power curve" "$rep/report.html"; then
    ok "report: nothing of the earlier run left or embedded"
  else
    fail "report: the wind run's chart is still there or embedded"
  fi
  (cd "$rep" && sha256sum -c --quiet renewcalc.sha256) >/dev/null 2>&1 &&
    ok "renewcalc.sha256 lists the folder's set" || fail "renewcalc.sha256 does not check"
fi

# ---- 3. temporaries do not follow planted links --------------------------------
out=$tmp/links
"$RENEWCALC" run "$site" -o "$out" >/dev/null 2>&1
echo "precious" >"$tmp/victim"
# The pid is the one renewcalc will have (exec keeps it): the names an
# attacker could predict before.
sh -c 'for f in summary.txt summary.json hourly.csv renewcalc.sha256; do
         ln -s "$1" "$2/.$f.tmp$$"; done
       ln -s "$1" "$2/.gnuplot-stderr.$$"
       exec "$3" run "$4" -o "$2" ${5:+--plot}' sh "$tmp/victim" "$out" "$RENEWCALC" "$site" \
  "$([ "$have_gnuplot" -eq 1 ] && echo plot)" >/dev/null 2>"$tmp/err"
[ "$(cat "$tmp/victim")" = "precious" ] && ok "planted links at temporary names: target intact" ||
  fail "a planted link was followed: $(head -c 80 "$tmp/victim")"
# A link, a folder or a FIFO under a final name is never replaced.
before_victim=$(cat "$tmp/victim")
rm -f "$out/summary.txt" && ln -s "$tmp/victim" "$out/summary.txt"
before=$(fingerprint "$out")
"$RENEWCALC" run "$site" -o "$out" >/dev/null 2>"$tmp/err"
code=$?
[ "$code" -eq 1 ] && [ -L "$out/summary.txt" ] && [ "$(cat "$tmp/victim")" = "$before_victim" ] &&
  grep -q "summary.txt: expected a regular file that renewcalc may replace, got a symbolic link" "$tmp/err" &&
  [ "$(fingerprint "$out")" = "$before" ] &&
  ok "a link under an output's name: exit 1, link and folder unchanged" ||
  fail "link under an output name: exit $code, $(cat "$tmp/err")"

# ---- 4. half commits -----------------------------------------------------------
# A commit that cannot finish (a folder where a new file goes) leaves the
# earlier set, not a mix.
out=$tmp/half
"$RENEWCALC" run "$site" -o "$out" >/dev/null 2>&1
mkdir "$out/hourly_wind.csv"
before=$(fingerprint "$out")
"$RENEWCALC" run "$wind" -o "$out" >/dev/null 2>"$tmp/err"
code=$?
[ "$code" -eq 1 ] && [ "$(fingerprint "$out")" = "$before" ] &&
  ok "a commit that cannot finish: exit 1, the earlier set intact" ||
  fail "half commit: exit $code, $(cat "$tmp/err"), folder: $(ls -A "$out" | tr '\n' ' ')"
rmdir "$out/hourly_wind.csv"

# A set replaces the earlier one whole: the wind run's extra file goes
# when a PV run follows.
"$RENEWCALC" run "$wind" -o "$out" >/dev/null 2>&1
"$RENEWCALC" run "$site" -o "$out" >/dev/null 2>&1
[ ! -e "$out/hourly_wind.csv" ] && ok "the earlier set's extra files are gone" ||
  fail "hourly_wind.csv of the earlier set left beside the new set"

# Concurrent runs into one folder: each pair of runs leaves one run's set.
out=$tmp/race
mixed=0
i=0
while [ "$i" -lt 12 ]; do
  "$RENEWCALC" run "$site" -o "$out" --set lifetime_years=20 >/dev/null 2>&1 &
  p1=$!
  "$RENEWCALC" run "$site" -o "$out" --set lifetime_years=30 >/dev/null 2>&1 &
  p2=$!
  wait "$p1"; c1=$?
  wait "$p2"; c2=$?
  [ "$c1" -eq 0 ] && [ "$c2" -eq 0 ] || mixed=$((mixed + 100))
  # The years of lifetime.csv (rows after the header) and of summary.json agree.
  rows=$(($(wc -l <"$out/lifetime.csv") - 1))
  years=$(tr -d ' \n' <"$out/summary.json" | sed -n 's/.*"lifetime":{[^}]*"years":\([0-9]*\).*/\1/p')
  [ "$rows" = "$years" ] || mixed=$((mixed + 1))
  (cd "$out" && sha256sum -c --quiet renewcalc.sha256) >/dev/null 2>&1 || mixed=$((mixed + 1))
  i=$((i + 1))
done
[ "$mixed" -eq 0 ] && ok "12 pairs of concurrent runs: each left one complete set" ||
  fail "concurrent runs mixed their sets ($mixed)"
[ -z "$(find "$out" -name '.*' ! -name . | head -n 1)" ] && ok "no staging folder left" ||
  fail "left: $(ls -A "$out" | grep '^\.' | tr '\n' ' ')"

# A run killed with SIGKILL leaves its staging folder; the next run into
# that folder removes it. The stand-in gnuplot holds the run mid-render.
printf '#!/bin/sh\necho $$ >"%s/gnuplot.pid"\nexec sleep 60\n' "$tmp" >"$tmp/slow-gnuplot"
chmod +x "$tmp/slow-gnuplot"
out=$tmp/killed
"$RENEWCALC" run "$site" -o "$out" >/dev/null 2>&1
rm -f "$tmp/gnuplot.pid"
RENEWCALC_GNUPLOT=$tmp/slow-gnuplot "$RENEWCALC" run "$site" -o "$out" --plot >/dev/null 2>&1 &
pid=$!
waited=0
while [ ! -s "$tmp/gnuplot.pid" ] && [ "$waited" -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
kill -9 "$pid" "$(cat "$tmp/gnuplot.pid")" 2>/dev/null
wait "$pid" 2>/dev/null
[ -n "$(find "$out" -name '.*' ! -name . | head -n 1)" ] || fail "the killed run left nothing to clean"
"$RENEWCALC" run "$site" -o "$out" >/dev/null 2>&1
[ -z "$(find "$out" -name '.*' ! -name . | head -n 1)" ] &&
  ok "SIGKILL mid-run: the next run into the folder removed the leftovers" ||
  fail "SIGKILL leftovers: $(ls -A "$out" | grep '^\.' | tr '\n' ' ')"
# SIGTERM to renewcalc alone mid-render: gnuplot is stopped too and the
# staging folder removed at once, the earlier set intact.
before=$(fingerprint "$out")
rm -f "$tmp/gnuplot.pid"
RENEWCALC_GNUPLOT=$tmp/slow-gnuplot "$RENEWCALC" run "$site" -o "$out" --plot >/dev/null 2>&1 &
pid=$!
waited=0
while [ ! -s "$tmp/gnuplot.pid" ] && [ "$waited" -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
kill -TERM "$pid"
wait "$pid"
code=$?
gp=$(cat "$tmp/gnuplot.pid")
if kill -0 "$gp" 2>/dev/null; then alive=1; kill -9 "$gp"; else alive=0; fi
[ "$code" -eq 1 ] && [ "$alive" -eq 0 ] && [ "$(fingerprint "$out")" = "$before" ] &&
  ok "SIGTERM mid-render: gnuplot stopped, nothing left, the earlier set intact" ||
  fail "SIGTERM mid-render: exit $code, gnuplot alive $alive, $(ls -A "$out" | grep '^\.' | tr '\n' ' ')"
# A chart gnuplot cannot finish (a script keeping it busy) is stopped.
before=$(fingerprint "$out")
rm -f "$tmp/gnuplot.pid"
RENEWCALC_GNUPLOT_SECONDS=1 RENEWCALC_GNUPLOT=$tmp/slow-gnuplot "$RENEWCALC" run "$site" -o "$out" \
  --plot >/dev/null 2>"$tmp/err"
code=$?
gp=$(cat "$tmp/gnuplot.pid")
if kill -0 "$gp" 2>/dev/null; then alive=1; kill -9 "$gp"; else alive=0; fi
[ "$code" -eq 1 ] && [ "$alive" -eq 0 ] && grep -q "gnuplot took more than 1 s" "$tmp/err" &&
  [ "$(fingerprint "$out")" = "$before" ] &&
  ok "a chart gnuplot does not finish in time: stopped, exit 1, the earlier set intact" ||
  fail "gnuplot time limit: exit $code, gnuplot alive $alive, $(cat "$tmp/err")"
# The same for a single-stream output: a batch killed while it writes.
awk -v p="$top_srcdir/profiles/laos-oudomxay-synth.csv" 'BEGIN {
  print "name,latitude,longitude,capacity_mw,profile"
  for (i = 1; i <= 20000; i++) printf("site %d,20.69,101.99,1,%s\n", i, p) }' >"$tmp/long.csv"
"$RENEWCALC" batch "$tmp/long.csv" -j 1 --no-progress -o "$out/b.csv" >/dev/null 2>&1 &
pid=$!
waited=0
while [ "$waited" -lt 300 ] && ! ls -A "$out" | grep -q '^\.b\.csv'; do sleep 0.1; waited=$((waited + 1)); done
kill -9 "$pid"
wait "$pid" 2>/dev/null
head -n 3 "$tmp/long.csv" >"$tmp/short.csv"
"$RENEWCALC" batch "$tmp/short.csv" --no-progress -o "$out/b.csv" >/dev/null 2>&1
[ -z "$(ls -A "$out" | grep '^\.b\.csv')" ] && [ -s "$out/b.csv" ] &&
  ok "SIGKILL during batch: the next batch to that file removed the leftover" ||
  fail "batch leftovers: $(ls -A "$out" | grep '^\.' | tr '\n' ' ')"

# SIGTERM during a batch: its temporary file goes at once, the earlier
# file stays.
cp "$out/b.csv" "$tmp/b.before"
"$RENEWCALC" batch "$tmp/long.csv" -j 1 --no-progress -o "$out/b.csv" >/dev/null 2>&1 &
pid=$!
waited=0
while [ "$waited" -lt 300 ] && ! ls -A "$out" | grep -q '^\.b\.csv'; do sleep 0.1; waited=$((waited + 1)); done
kill -TERM "$pid"
wait "$pid"
code=$?
[ "$code" -eq 1 ] && [ -z "$(ls -A "$out" | grep '^\.b\.csv')" ] && cmp -s "$out/b.csv" "$tmp/b.before" &&
  ok "SIGTERM during batch: exit 1, no temporary file, the earlier file intact" ||
  fail "SIGTERM during batch: exit $code, $(ls -A "$out" | grep '^\.' | tr '\n' ' ')"

# A commit cut short by SIGKILL (its journal still there, the earlier set
# half moved aside) is rolled back by the next run into the folder, even
# one that then fails.
out=$tmp/journal
"$RENEWCALC" run "$site" -o "$out" --set lifetime_years=20 >/dev/null 2>&1
before=$(fingerprint "$out")
stage=$out/.renewcalc-new-Ab12Cd
mkdir -p "$stage/old"
mv "$out/summary.txt" "$out/hourly.csv" "$stage/old/"
echo "half new" >"$out/summary.txt"
echo "new" >"$stage/summary.json"
sum() { sha256sum "$1" | cut -c1-64; }
# what renewcalc records of a file it wrote: inode, mtime seconds, nanoseconds
identity() { echo "$(stat -c %i "$1").$(stat -c %Y "$1").$(stat -c %y "$1" | sed 's/.*\.\([0-9]*\) .*/\1/')"; }
{ echo "renewcalc-commit 3"; echo "stage .renewcalc-new-Ab12Cd"
  echo "new $(sum "$out/summary.txt") $(identity "$out/summary.txt") summary.txt"
  echo "new $(sum "$stage/summary.json") 1.1.000000001 summary.json"
  echo "old summary.txt"; echo "old hourly.csv"; echo "old summary.json"; } >"$out/.renewcalc-commit"
RENEWCALC_GNUPLOT=false "$RENEWCALC" run "$site" -o "$out" --plot >/dev/null 2>"$tmp/err"
code=$?
[ "$code" -eq 1 ] && [ "$(fingerprint "$out")" = "$before" ] &&
  ok "a commit cut short is rolled back by the next run" ||
  fail "journal recovery: exit $code, folder: $(ls -A "$out" | tr '\n' ' ')"

# A list or a journal planted in the folder (both are files others can
# write) cannot make renewcalc move or remove anything but its own outputs:
# not the user's files, not the run's inputs.
out=$tmp/planted
mkdir -p "$out/thesis"
cp "$top_srcdir/profiles/laos-oudomxay-synth.csv" "$out/weather.csv"
sed -e 's|^\( *profile = \).*|\1"weather.csv";|' -e 's|^output = .*|output = { dir = "."; };|' \
  "$site" >"$out/site.cfg"
echo "the user's own" >"$out/victim.txt"
echo "the user's notes" >"$out/notes.md"
echo "chapter 1" >"$out/thesis/ch1.txt"
: >"$out/TODO"  # contents anyone can predict
zero=0000000000000000000000000000000000000000000000000000000000000000
guess=1.1.000000001
{ echo "$zero  victim.txt"; echo "$(sum "$out/site.cfg")  site.cfg"; echo "$(sum "$out/TODO")  TODO"
  echo "$(sum "$out/weather.csv")  weather.csv"; echo "$zero  thesis"
  for f in victim.txt site.cfg TODO weather.csv thesis; do echo "# renewcalc-file $guess $f"; done
  echo "# renewcalc-file $(identity "$out/site.cfg") site.cfg"; } >"$out/renewcalc.sha256"
mkdir -p "$out/.renewcalc-new-AAAAAA/old"
echo "planted" >"$out/.renewcalc-new-AAAAAA/old/notes.md"
{ echo "renewcalc-commit 3"; echo "stage .renewcalc-new-AAAAAA"
  echo "new $zero $guess victim.txt"; echo "new $(sum "$out/TODO") $guess TODO"
  echo "new $(sum "$out/site.cfg") $(identity "$out/site.cfg") site.cfg"; echo "new $zero $guess thesis"
  echo "old notes.md"; } >"$out/.renewcalc-commit"
keep=$( (cd "$out" && ls TODO && cat victim.txt notes.md thesis/ch1.txt site.cfg weather.csv) | cksum)
"$RENEWCALC" run "$out/site.cfg" >/dev/null 2>"$tmp/err"
code=$?
[ "$code" -eq 0 ] && [ "$( (cd "$out" && ls TODO && cat victim.txt notes.md thesis/ch1.txt site.cfg weather.csv) | cksum)" = "$keep" ] &&
  [ -s "$out/summary.json" ] && (cd "$out" && sha256sum -c --quiet renewcalc.sha256) >/dev/null 2>&1 &&
  ok "a planted list and journal: the user's files and the inputs untouched, the set written" ||
  fail "planted list/journal: exit $code, $(cat "$tmp/err"), folder: $(ls -A "$out" | tr '\n' ' ')"

# ---- 5. an incomplete chart fails the run ---------------------------------------
# gnuplot exits 0 when the disk is full; this stand-in writes a chart cut
# short (a PNG without its IEND chunk, an SVG and PDF without their ends).
cat >"$tmp/fake-gnuplot" <<'EOF'
#!/bin/sh
# -e "fmt='png'; outbase='NAME'..." SCRIPT
fmt=$(printf '%s' "$2" | sed -n "s/^fmt='\([a-z]*\)'.*/\1/p")
base=$(printf '%s' "$2" | sed -n "s/.*outbase='\([^']*\)'.*/\1/p")
case $fmt in
  png) printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$base.png" ;;
  svg) printf '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">\n<g>' >"$base.svg" ;;
  pdf) printf '%%PDF-1.5\n1 0 obj\n' >"$base.pdf" ;;
esac
exit 0
EOF
chmod +x "$tmp/fake-gnuplot"
out=$tmp/full
"$RENEWCALC" run "$site" -o "$out" >/dev/null 2>&1
before=$(fingerprint "$out")
for fmt in png svg pdf; do
  RENEWCALC_GNUPLOT=$tmp/fake-gnuplot "$RENEWCALC" run "$site" -o "$out" --plot --plot-format "$fmt" \
    >/dev/null 2>"$tmp/err"
  code=$?
  [ "$code" -eq 1 ] && grep -q "gnuplot wrote an incomplete chart" "$tmp/err" &&
    [ "$(fingerprint "$out")" = "$before" ] &&
    ok "a $fmt chart cut short: exit 1, the earlier set intact" ||
    fail "incomplete $fmt: exit $code, $(cat "$tmp/err")"
done
RENEWCALC_GNUPLOT=$tmp/fake-gnuplot "$RENEWCALC" plot "$out" >/dev/null 2>"$tmp/err"
code=$?
[ "$code" -eq 1 ] && [ "$(fingerprint "$out")" = "$before" ] &&
  ok "plot DIR with a chart cut short: exit 1, folder unchanged" ||
  fail "plot DIR incomplete: exit $code, $(cat "$tmp/err")"

# ---- 6. outputs never replace inputs --------------------------------------------
in=$tmp/inputs
mkdir -p "$in"
cp "$top_srcdir/profiles/laos-oudomxay-synth.csv" "$in/hourly.csv"
sed -e 's|^\( *profile = \).*|\1"hourly.csv";|' -e '/^output = /d' "$site" >"$in/site.cfg"
cp "$in/hourly.csv" "$tmp/hourly.orig"
"$RENEWCALC" run "$in/site.cfg" -o "$in" >/dev/null 2>"$tmp/err"
code=$?
[ "$code" -eq 2 ] && cmp -s "$in/hourly.csv" "$tmp/hourly.orig" &&
  grep -q "hourly.csv: expected an output that replaces none of this run's inputs" "$tmp/err" &&
  ok "-o onto the inputs' folder: exit 2, the profile hourly.csv intact" ||
  fail "output over an input: exit $code, $(cat "$tmp/err")"
[ ! -e "$in/summary.txt" ] && ok "... and nothing written" || fail "outputs written beside the inputs"
printf 'name,latitude,longitude,capacity_mw,profile\na,20.69,101.99,1,%s\n' \
  "$top_srcdir/profiles/laos-oudomxay-synth.csv" >"$tmp/list.csv"
cp "$tmp/list.csv" "$tmp/list.orig"
"$RENEWCALC" batch "$tmp/list.csv" --no-progress -o "$tmp/list.csv" >/dev/null 2>"$tmp/err"
code=$?
[ "$code" -eq 2 ] && cmp -s "$tmp/list.csv" "$tmp/list.orig" &&
  ok "batch L.csv -o L.csv: exit 2, the list intact" || fail "batch over its list: exit $code, $(cat "$tmp/err")"

# ---- single streams: "-", FIFOs and devices --------------------------------------
# In a folder of its own, so that a file called "-" would show.
mkdir "$tmp/cwd" && cd "$tmp/cwd" || exit 1
"$RENEWCALC" batch "$tmp/list.csv" --no-progress -o - >"$tmp/stdout.csv" 2>"$tmp/err"
[ ! -e ./- ] && grep -q '^1,' "$tmp/stdout.csv" &&
  ok "batch -o -: the table on standard output" || fail "batch -o -: $(cat "$tmp/err")"
mkfifo "$tmp/fifo"
timeout 20 cat "$tmp/fifo" >"$tmp/from-fifo" &
reader=$!
timeout 60 "$RENEWCALC" batch "$tmp/list.csv" --no-progress -o "$tmp/fifo" >/dev/null 2>"$tmp/err"
code=$?
wait "$reader"
[ "$code" -eq 0 ] && [ -p "$tmp/fifo" ] && cmp -s "$tmp/from-fifo" "$tmp/stdout.csv" &&
  ok "batch -o FIFO: written into the FIFO, which stays one" ||
  fail "batch -o FIFO: exit $code, $(cat "$tmp/err")"
"$RENEWCALC" batch "$tmp/list.csv" --no-progress -o /dev/null >/dev/null 2>"$tmp/err"
[ "$?" -eq 0 ] && [ -c /dev/null ] && ok "batch -o /dev/null: the device written, not replaced" ||
  fail "batch -o /dev/null: $(cat "$tmp/err")"
if [ -L /dev/stdout ]; then
  "$RENEWCALC" batch "$tmp/list.csv" --no-progress -o /dev/stdout >"$tmp/devstdout.csv" 2>"$tmp/err"
  [ "$?" -eq 0 ] && [ -L /dev/stdout ] && cmp -s "$tmp/devstdout.csv" "$tmp/stdout.csv" &&
    ok "batch -o /dev/stdout: written through, the link left as it is" ||
    fail "batch -o /dev/stdout: $(cat "$tmp/err")"
fi
# Paths under /dev and /proc get the same checks as any other.
cp "$tmp/list.csv" ./here.csv
"$RENEWCALC" batch here.csv --no-progress -o /proc/self/cwd/here.csv >/dev/null 2>"$tmp/err"
code=$?
[ "$code" -eq 2 ] && cmp -s here.csv "$tmp/list.csv" &&
  ok "batch L.csv -o /proc/self/cwd/L.csv: exit 2, the list intact" ||
  fail "batch over its list through /proc: exit $code, $(cat "$tmp/err")"
echo "the user's file" >"$tmp/userfile.txt"
ln -s "$tmp/userfile.txt" "$tmp/link.csv"
"$RENEWCALC" batch "$tmp/list.csv" --no-progress -o "/dev/..$tmp/link.csv" >/dev/null 2>"$tmp/err"
code=$?
[ "$code" -eq 1 ] && [ "$(cat "$tmp/userfile.txt")" = "the user's file" ] && [ -L "$tmp/link.csv" ] &&
  ok "batch -o /dev/../LINK: the link refused, its target intact" ||
  fail "batch -o through /dev/..: exit $code, $(cat "$tmp/err")"
"$RENEWCALC" batch "$tmp/list.csv" --no-progress -o /dev/fd/1 >"$tmp/fd1.csv" 2>"$tmp/err" &&
  cmp -s "$tmp/fd1.csv" "$tmp/stdout.csv" && ok "batch -o /dev/fd/1: standard output" ||
  fail "batch -o /dev/fd/1: $(cat "$tmp/err")"
"$RENEWCALC" run "$site" -o - --format json >"$tmp/run.json" 2>"$tmp/err"
[ "$?" -eq 0 ] && [ ! -e ./- ] && grep -q '"annual_generation_mwh"' "$tmp/run.json" &&
  ok "run -o - --format json: standard output, no folder" || fail "run -o -: $(cat "$tmp/err")"

"$RENEWCALC" check-claim --capacity-mw 1000 --generation-gwh 1700 -o - >"$tmp/claim.txt" 2>"$tmp/err" &&
  "$RENEWCALC" check-claim --capacity-mw 1000 --generation-gwh 1700 -o "$tmp/claim-file.txt" \
    >/dev/null 2>>"$tmp/err" && [ ! -e ./- ] && cmp -s "$tmp/claim.txt" "$tmp/claim-file.txt" &&
  ok "check-claim -o - and -o FILE: the same check" || fail "check-claim -o: $(cat "$tmp/err")"
cp "$top_srcdir/configs/claim-ranges.cfg" "$tmp/ranges.cfg"
"$RENEWCALC" check-claim --capacity-mw 1000 --generation-gwh 1700 --ranges "$tmp/ranges.cfg" \
  -o "$tmp/ranges.cfg" >/dev/null 2>"$tmp/err"
code=$?
[ "$code" -eq 2 ] && cmp -s "$tmp/ranges.cfg" "$top_srcdir/configs/claim-ranges.cfg" &&
  ok "check-claim -o onto its --ranges file: exit 2, the file intact" ||
  fail "check-claim over its ranges: exit $code, $(cat "$tmp/err")"

finish
