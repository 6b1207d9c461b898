#!/bin/sh
# Names from other hands (SECURITY.md, text):
# - control characters, C1 controls and bidirectional overrides in site,
#   plant, bond and preset texts reach no terminal or text output raw
#   (stdout, summary.txt, portfolio.txt, messages on stderr), and a name
#   with a line break cannot start a line of its own;
# - a name cell a spreadsheet would evaluate (=, +, -, @ first) gets an
#   apostrophe and quotes in summary.csv, monthly.csv, the batch table, a
#   merge of shards edited by hand and portfolio_icma.csv;
# - a text that is not UTF-8 is refused where it is read: exit 2 and
#   FILE:LINE: KEY: expected UTF-8 text, got byte 0xNN at byte K;
# - a UTF-8 name longer than the 159 bytes kept is shortened between
#   characters: the JSON outputs stay valid and the run succeeds.
. "${top_srcdir:-.}/tests/lib.sh"
prof=$top_srcdir/profiles/laos-oudomxay-synth.csv
export LC_ALL=C

# Bytes no output should carry from a name: C0 controls but the line end
# (TAB, CR and ESC included), DEL, C1 controls (U+0080..U+009F as UTF-8),
# bidirectional embeddings, overrides and isolates (U+202A..U+202E,
# U+2066..U+2069).
raw_count() {
  c0=$(tr -d '\n -~\200-\377' <"$1" | wc -c)
  c1=$(grep -c "$(printf '\302[\200-\237]')" "$1")
  bidi=$(grep -c -e "$(printf '\342\200[\252-\256]')" -e "$(printf '\342\201[\246-\251]')" "$1")
  echo $((c0 + c1 + bidi))
}
no_raw() { # WHAT FILE
  n=$(raw_count "$2")
  [ "$n" -eq 0 ] && ok "$1: no raw control byte" || {
    fail "$1: $n raw control bytes or lines with C1/bidi characters:"
    od -c "$2" | grep -E '033|177|\\t|\\r|302|342' | head -5
  }
}

# A PV site at the reference location; $1 its name, then one plant name
# per further argument (libconfig escapes, e.g. \x1b).
site() {
  name=$1
  shift
  printf 'name = "%s";\n' "$name"
  echo 'location = { latitude = 20.69; longitude = 101.99; elevation = 700.0; };'
  echo 'plants = ('
  sep=
  for p in "$@"; do
    printf '%s  { name = "%s"; type = "pv"; profile = "%s"; capacity_mw_ac = 5.0; array = { tilt = 20.0; }; }\n' \
      "$sep" "$p" "$prof"
    sep=,
  done
  echo ');'
}

# ---- terminal and text outputs ------------------------------------------------
# ESC sequences that clear the screen and set the window title, a BEL, a
# line break followed by a fake line, a right-to-left override and a C1 CSI.
evil='Evil \x1b[2J\x1b]0;pwned\x07 site\nplant 9: fake line \xe2\x80\xae exe.gnp \xc2\x9b31m'
site "$evil" 'PV\r\tarray\x7f \xe2\x81\xa6one' >"$tmp/evil.cfg"
"$RENEWCALC" run "$tmp/evil.cfg" -o "$tmp/evil" >"$tmp/evil.out" 2>"$tmp/evil.err"
rc=$?
[ $rc -eq 0 ] && ok "run of a site with control characters in its names" ||
  fail "run: exit $rc, $(cat "$tmp/evil.err")"
no_raw "run stdout" "$tmp/evil.out"
no_raw "summary.txt" "$tmp/evil/summary.txt"
for f in "$tmp/evil.out" "$tmp/evil/summary.txt"; do
  if grep -q '^plant 9: fake' "$f"; then
    fail "${f##*/}: the name's line break started a line of its own"
  else
    ok "${f##*/}: the name stays on its line"
  fi
done
# the stand-in U+FFFD shows where the controls were
if grep -q "$(printf 'Evil \357\277\275\\[2J')" "$tmp/evil.out"; then
  ok "stdout shows a stand-in where the ESC was"
else
  fail "stdout: no U+FFFD before [2J: $(sed -n 1p "$tmp/evil.out")"
fi

# A message quoting a text of the input (an unknown plant in grid.priority).
site 'Priorities' 'one' >"$tmp/prio.cfg"
printf 'grid = { export_limit_mw = 4.0; curtailment = "priority"; priority = ["\\x1b[2Jone"]; };\n' \
  >>"$tmp/prio.cfg"
"$RENEWCALC" run "$tmp/prio.cfg" >"$tmp/prio.out" 2>"$tmp/prio.err"
rc=$?
[ $rc -eq 2 ] && grep -q 'grid.priority\[0\]' "$tmp/prio.err" &&
  ok "an unknown plant in grid.priority is refused (exit 2)" ||
  fail "grid.priority: exit $rc, $(cat "$tmp/prio.err")"
no_raw "stderr" "$tmp/prio.err"

# ---- CSV cells ---------------------------------------------------------------------
site 'Formulas' '=1+1' '+41 cmd' '-2+3' '@SUM(A1:A2)' >"$tmp/formula.cfg"
if "$RENEWCALC" run "$tmp/formula.cfg" -o "$tmp/formula" >/dev/null 2>"$tmp/err"; then
  ok "run of a site whose plant names start with = + - @"
else
  fail "run: $(cat "$tmp/err")"
fi
for f in summary.csv monthly.csv; do
  for cell in "\"'=1+1\"" "\"'+41 cmd\"" "\"'-2+3\"" "\"'@SUM(A1:A2)\""; do
    grep -qF "$cell" "$tmp/formula/$f" && ok "$f holds $cell" || fail "$f: no $cell"
  done
  if grep -E '(^|,)"?[=+@-]' "$tmp/formula/$f" >"$tmp/bad"; then
    fail "$f: a cell starts with = + - or @: $(head -n 1 "$tmp/bad")"
  else
    ok "$f: no cell starts with = + - or @"
  fi
done

{
  echo "name,latitude,longitude,elevation,capacity_mw,profile"
  echo "\"=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\",20.69,101.99,700,5,$prof"
  echo "@cmd,20.69,101.99,700,5,$prof"
  echo "-1+1,20.69,101.99,700,5,$prof"
  echo "+1,20.69,101.99,700,5,$prof"
} >"$tmp/list.csv"
"$RENEWCALC" batch "$tmp/list.csv" -j 1 -o "$tmp/batch.csv" 2>"$tmp/err" ||
  fail "batch: $(cat "$tmp/err")"
for row in "1,\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\",pv," "2,\"'@cmd\",pv," \
           "3,\"'-1+1\",pv," "4,\"'+1\",pv,"; do
  grep -qF "$row" "$tmp/batch.csv" && ok "batch table: $row" || fail "batch table: no $row"
done

# Shards edited by hand: merge writes the names again, it does not copy them.
"$RENEWCALC" batch "$tmp/list.csv" -j 1 --shard 1/2 -o "$tmp/s1.csv" 2>/dev/null
"$RENEWCALC" batch "$tmp/list.csv" -j 1 --shard 2/2 -o "$tmp/s2.csv" 2>/dev/null
# shard 1 holds sites 1 and 3, shard 2 sites 2 and 4
sed 's/^3,[^,]*,pv,/3,-1+1,pv,/' "$tmp/s1.csv" >"$tmp/s1-edited.csv"
sed 's/^4,[^,]*,pv,/4,=1+1,pv,/' "$tmp/s2.csv" >"$tmp/s2-edited.csv"
if grep -q '^3,-1+1,pv' "$tmp/s1-edited.csv" && grep -q '^4,=1+1,pv' "$tmp/s2-edited.csv"; then
  "$RENEWCALC" merge "$tmp/s1-edited.csv" "$tmp/s2-edited.csv" -o "$tmp/merged.csv" 2>"$tmp/err"
  rc=$?
  if [ $rc -eq 0 ] && grep -qF "3,\"'-1+1\",pv," "$tmp/merged.csv" &&
     grep -qF "4,\"'=1+1\",pv," "$tmp/merged.csv"; then
    ok "merge neutralises names edited into a shard"
  else
    fail "merge: exit $rc, $(cat "$tmp/err"), rows: $(sed -n '4,5p' "$tmp/merged.csv" | cut -c1-40)"
  fi
else
  fail "the shard edit did not apply: $(sed -n 3p "$tmp/s1.csv" | cut -c1-60)"
fi
"$RENEWCALC" merge "$tmp/s1.csv" "$tmp/s2.csv" -o "$tmp/merged-clean.csv" 2>/dev/null
cmp -s "$tmp/merged-clean.csv" "$tmp/batch.csv" && ok "merge of untouched shards = one run" ||
  fail "merge of untouched shards differs from the run of the whole list"

# A bond book: names in portfolio_icma.csv and in the text report.
cp "$top_srcdir/configs/laos-biomass-15mw.cfg" "$tmp/bio.cfg"
cat >"$tmp/bond.cfg" <<'EOF'
name = "Book \x1b[2J\nbook: fake";
bonds = (
  {
    name = "=cmd|' /C calc'!A0";
    currency = "USD";
    amount = 50000000.0;
    projects = (
      { name = "@SUM(1+1)\x1b[31m"; site = "bio.cfg"; total_cost = 39000000.0; financed = 30000000.0; }
    );
  }
);
EOF
if "$RENEWCALC" portfolio "$tmp/bond.cfg" -o "$tmp/port" >"$tmp/port.out" 2>"$tmp/err"; then
  ok "portfolio of a book with formulas and controls in its names"
else
  fail "portfolio: $(cat "$tmp/err")"
fi
csv=$tmp/port/portfolio_icma.csv
for cell in "\"'=cmd|' /C calc'!A0\"" "\"'@SUM(1+1)$(printf '\357\277\275')[31m\""; do
  grep -qF "$cell" "$csv" && ok "portfolio_icma.csv holds $cell" || fail "portfolio_icma.csv: no $cell"
done
grep -E '(^|,)"?[=+@-]' "$csv" >"$tmp/bad" && fail "portfolio_icma.csv: $(head -n 1 "$tmp/bad")" ||
  ok "portfolio_icma.csv: no cell starts with = + - or @"
no_raw "portfolio stdout" "$tmp/port.out"
no_raw "portfolio.txt" "$tmp/port/portfolio.txt"
no_raw "portfolio_icma.csv" "$csv"

# ---- texts that are not UTF-8 ------------------------------------------------------
# refused WHAT EXPECTED CMD...: exit 2 and exactly EXPECTED on stderr.
refused() {
  what=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ $rc -eq 2 ] && [ "$(cat "$tmp/err")" = "$want" ]; then
    ok "$what refused: $want"
  else
    fail "$what: exit $rc, expected exit 2 and '$want', got '$(cat "$tmp/err")'"
  fi
}
printf 'name,latitude,longitude,elevation,capacity_mw,profile\nCaf\351,20.69,101.99,700,5,%s\n' \
  "$prof" >"$tmp/latin1.csv"
refused "a site list name in Latin-1" \
  "$tmp/latin1.csv:2: name: expected UTF-8 text, got byte 0xe9 at byte 4" \
  "$RENEWCALC" batch "$tmp/latin1.csv" -o "$tmp/latin1.out"

{
  printf '# name: Turbine \365\200\200\200 X\n'
  echo 'wind_speed,power'
  echo '3,0'
  echo '12,3000'
  echo '25,3000'
} >"$tmp/curve.csv"
cat >"$tmp/wind.cfg" <<EOF
name = "Curve test";
location = { latitude = 20.7; longitude = 102.0; elevation = 1450.0; };
plants = (
  { type = "wind"; profile = "$top_srcdir/profiles/laos-ridge-wind-synth.csv";
    turbine = { power_curve = "curve.csv"; hub_height = 100.0; rotor_diameter = 120.0; };
    count = 2; }
);
EOF
refused "a power curve's # name: above U+10FFFF" \
  "$tmp/curve.csv:1: metadata 'name': expected UTF-8 text, got byte 0xf5 at byte 9" \
  "$RENEWCALC" run "$tmp/wind.cfg"

mkdir "$tmp/factors"
sed 's/^title = "/title = "\\xc1\\xbf /' "$RENEWCALC_FACTORS_DIR/cn-coal.cfg" >"$tmp/factors/cn-coal.cfg"
line=$(grep -n '^title' "$tmp/factors/cn-coal.cfg" | cut -d: -f1)
RENEWCALC_FACTORS_DIR=$tmp/factors refused "a factor preset's title with an overlong form" \
  "$tmp/factors/cn-coal.cfg:$line: title: expected UTF-8 text, got byte 0xc1 at byte 1" \
  "$RENEWCALC" factors cn-coal

# check-claim's ranges file: a label with a lone continuation byte
line=$(grep -n 'label = "' "$top_srcdir/configs/claim-ranges.cfg" | head -n 1 | cut -d: -f1)
sed "${line}s/label = \"/label = \"\\\\x80 /" "$top_srcdir/configs/claim-ranges.cfg" >"$tmp/ranges.cfg"
refused "a claim range's label with a stray continuation byte" \
  "$tmp/ranges.cfg:$line: ranges[0].label: expected UTF-8 text, got byte 0x80 at byte 1" \
  "$RENEWCALC" check-claim --ranges "$tmp/ranges.cfg" --capacity-mw 50 --generation-gwh 80

# ---- a long name cut at 159 bytes ------------------------------------------------
# "xy" and 100 e acute (2 bytes each): 202 bytes; the 159th is the first
# byte of the 79th e acute, so 158 bytes ("xy" and 78 of them) are kept.
e=$(printf '\303\251')
long=xy
want=xy
i=0
while [ $i -lt 100 ]; do
  long=$long$e
  [ $i -lt 78 ] && want=$want$e
  i=$((i + 1))
done
site "$long" "$long" >"$tmp/long.cfg"
"$RENEWCALC" run "$tmp/long.cfg" --format json >"$tmp/long.json" 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && ok "run --format json of a 202-byte name: exit 0" ||
  fail "run --format json of a 202-byte name: exit $rc, $(cat "$tmp/err")"
"$RENEWCALC" run "$tmp/long.cfg" -o "$tmp/long" >/dev/null 2>"$tmp/err" ||
  fail "run -o of a 202-byte name: $(cat "$tmp/err")"
# json_names FILE: the site's and the first plant's name, one per line,
# from a JSON parser (python3, else the jansson tool built for the tests).
json_names() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
sys.stdout.buffer.write((d["site"]["name"] + "\n" + d["plants"][0]["name"] + "\n").encode())' "$1"
  else
    "${top_builddir:-.}/tests/json_get" "$1" site.name plants.0.name
  fi
}
for f in "$tmp/long.json" "$tmp/long/summary.json"; do
  if json_names "$f" >"$tmp/names" 2>"$tmp/err"; then
    ok "${f##*/}: valid JSON"
  else
    fail "${f##*/}: not valid JSON: $(cat "$tmp/err")"
  fi
  printf '%s\n%s\n' "$want" "$want" | cmp -s - "$tmp/names" &&
    ok "${f##*/}: the names shortened to 158 bytes, between characters" ||
    fail "${f##*/}: names $(wc -c <"$tmp/names") bytes: $(od -c "$tmp/names" | tail -n 3 | head -n 1)"
done

finish
