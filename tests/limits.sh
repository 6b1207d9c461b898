#!/bin/sh
# Size limits of the inputs (SECURITY.md), enforced before reading: a
# weather file above 4 GiB and a site file above 16 MiB are refused with
# exit status 2 and a message naming the file, its size and the limit.
# The files are sparse (truncate), so the test takes no disk space.
. "${top_srcdir:-.}/tests/lib.sh"
prof=$top_srcdir/profiles/laos-oudomxay-synth.csv
if ! truncate -s 5G "$tmp/huge.csv" 2>/dev/null; then
  echo "SKIP: this file system cannot hold a sparse 5 GiB file"
  exit 77
fi
expect() { # name, wanted text, then the arguments
  name=$1 want=$2
  shift 2
  "$RENEWCALC" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ "$rc" -eq 2 ] && grep -q -- "$want" "$tmp/err" && [ ! -s "$tmp/out" ]; then
    ok "$name: exit 2, '$(head -n 1 "$tmp/err")'"
  else
    fail "$name: exit $rc, stderr '$(head -c 300 "$tmp/err")'"
  fi
}
# a site whose profile is the huge file
sed "s#profile = \"[^\"]*\"#profile = \"$tmp/huge.csv\"#" "$top_srcdir/configs/laos-pv-1000mw.cfg" |
  grep -v 'dir = ' >"$tmp/site.cfg"
expect "weather file of 5 GiB" "huge.csv: expected a file of at most 4 GiB (SECURITY.md), got 5368709120 bytes" \
  run "$tmp/site.cfg"
printf 'name,latitude,longitude,capacity_mw,profile\nA,20,100,1,%s\n' "$tmp/huge.csv" >"$tmp/list.csv"
expect "batch site on it" "expected a file of at most 4 GiB" batch "$tmp/list.csv"
truncate -s 5G "$tmp/list-huge.csv"
expect "batch list of 5 GiB" "list-huge.csv: expected a file of at most 4 GiB" batch "$tmp/list-huge.csv"
cp "$top_srcdir/configs/laos-pv-1000mw.cfg" "$tmp/big.cfg"
truncate -s 17M "$tmp/big.cfg"
expect "site file of 17 MiB" "big.cfg: expected a file of at most 16 MiB (SECURITY.md), got 17825792 bytes" \
  run "$tmp/big.cfg"
finish
