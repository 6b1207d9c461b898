#!/bin/sh
# Every malformed profile under tests/profiles/ (NAME.csv with NAME.err, the
# exact first message) run through the program: exit status 2, the message
# on stderr, and no output written.
. "${top_srcdir:-.}/tests/lib.sh"
for prof in "$top_srcdir"/tests/profiles/*.csv; do
  name=$(basename "$prof" .csv)
  [ -f "$top_srcdir/tests/profiles/$name.err" ] || continue
  cat >"$tmp/site.cfg" <<CFG
name = "profile error $name";
location = { latitude = 36.1; longitude = -79.95; elevation = 273.0; };
plants = ( { type = "pv"; profile = "$prof"; capacity_mw_ac = 10.0; } );
CFG
  "$RENEWCALC" run "$tmp/site.cfg" -o "$tmp/out-$name" >"$tmp/stdout" 2>"$tmp/stderr"
  code=$?
  # Messages name the profile by its path; compare relative to the source tree.
  first=$(head -n 1 "$tmp/stderr" | sed "s|^$top_srcdir/||")
  want=$(head -n 1 "$top_srcdir/tests/profiles/$name.err")
  if [ "$code" -ne 2 ]; then
    fail "$name: exit $code, expected 2"
  elif [ "$first" != "$want" ]; then
    fail "$name: got '$first', expected '$want'"
  elif [ -e "$tmp/out-$name" ]; then
    fail "$name: outputs were written"
  elif [ -s "$tmp/stdout" ]; then
    fail "$name: printed results"
  else
    ok "$name"
  fi
done
finish
