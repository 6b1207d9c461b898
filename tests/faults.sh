#!/bin/sh
# Faults that must lose nothing: an output folder that cannot be made, a
# file-size limit reached while writing (as a full disk), a run
# interrupted by SIGTERM or SIGINT, and a weather file that vanishes while
# a batch runs. Each must print a clear message, exit
# with status 1, leave no partial file under a final or temporary name and
# keep the earlier outputs of the same folder byte for byte.
. "${top_srcdir:-.}/tests/lib.sh"
site=$top_srcdir/configs/laos-pv-1000mw.cfg
out=$tmp/out

# Earlier outputs, and a fingerprint of the folder to compare against.
fingerprint() { (cd "$1" && ls -A | LC_ALL=C sort && cat -- *) | cksum; }
if "$RENEWCALC" run "$site" -o "$out" >/dev/null 2>"$tmp/err"; then
  ok "earlier run writes $(ls "$out" | wc -l | tr -d ' ') files"
else
  fail "earlier run: $(cat "$tmp/err")"
fi
before=$(fingerprint "$out")

# expect_fault NAME STATUS: exit status 1, a one-line 'renewcalc'/file
# message on stderr naming the problem, nothing else left behind.
expect_fault() {
  name=$1
  code=$2
  if [ "$code" -eq 1 ] && [ -s "$tmp/err" ] && grep -q "$3" "$tmp/err"; then
    ok "$name: exit 1, '$(head -n 1 "$tmp/err")'"
  else
    fail "$name: exit $code, stderr '$(cat "$tmp/err")' (wanted '$3')"
  fi
  if [ "$(fingerprint "$out")" = "$before" ]; then
    ok "$name: earlier outputs intact, no temporary file left"
  else
    fail "$name: the output folder changed: $(ls -A "$out" | tr '\n' ' ')"
  fi
}

# 1. An output folder that cannot be created: under a regular file, and
# in /proc (refused even to root).
: >"$tmp/plain-file"
"$RENEWCALC" run "$site" -o "$tmp/plain-file/out" >/dev/null 2>"$tmp/err"
code=$?
if [ "$code" -eq 1 ] && grep -q "cannot create output folder" "$tmp/err" && [ ! -e "$tmp/plain-file/out" ]; then
  ok "folder under a file: exit 1, '$(head -n 1 "$tmp/err")'"
else
  fail "folder under a file: exit $code, '$(cat "$tmp/err")'"
fi
"$RENEWCALC" run "$site" -o /proc/renewcalc-test-out >/dev/null 2>"$tmp/err"
code=$?
if [ "$code" -eq 1 ] && grep -q "cannot create output folder" "$tmp/err"; then
  ok "folder in /proc: exit 1"
else
  fail "folder in /proc: exit $code, '$(cat "$tmp/err")'"
fi

# 2. A file-size limit of 64 blocks (32-64 KiB, by shell): hourly.csv (about
# 1 MB) cannot be written, as on a full disk.
(ulimit -f 64 && exec "$RENEWCALC" run "$site" -o "$out") >/dev/null 2>"$tmp/err"
expect_fault "file-size limit" $? "File too large"

# 3. Interrupted mid-computation: `optimize` on a 1-degree grid runs the
# chain some 16,500 times, a few seconds, before it writes its yield
# surface into the same folder.
for sig in TERM INT; do
  "$RENEWCALC" optimize "$site" --grid 1 -o "$out" >/dev/null 2>"$tmp/err" &
  pid=$!
  sleep 0.5
  kill -s "$sig" "$pid"
  wait "$pid"
  expect_fault "SIG$sig during optimize" $? "no output of this run kept"
done

# 4. A weather file that vanishes during a run: a batch of 4,000 sites on
# one file and a last site on another, which is deleted once the first
# block of sites has been written (the list was checked by then).
prof=$top_srcdir/profiles/laos-oudomxay-synth.csv
cp "$prof" "$tmp/last.csv"
awk -v p="$prof" -v q="$tmp/last.csv" 'BEGIN {
  print "name,latitude,longitude,capacity_mw,profile"
  for (i = 1; i <= 4000; i++) printf("site %d,20.69,101.99,1,%s\n", i, p)
  printf("last,20.69,101.99,1,%s\n", q) }' >"$tmp/list.csv"
"$RENEWCALC" batch "$tmp/list.csv" -j 1 --no-progress -o "$out/batch.csv" >/dev/null 2>"$tmp/err" &
pid=$!
# the output's temporary file appears once the whole list has been checked
waited=0
while [ "$waited" -lt 600 ] && ! ls -A "$out" | grep -q '^\.batch\.csv\.renewcalc-'; do
  sleep 0.1
  waited=$((waited + 1))
done
rm -f "$tmp/last.csv"
wait "$pid"
expect_fault "profile vanished during a batch" $? "list.csv:4002: .*last.csv.*No such file"

finish
