#!/bin/sh
# How far a file from other hands reaches (SECURITY.md):
# - a configuration file is read alone: an `@include` line in a site or
#   bond file is refused with exit status 2 and a FILE:LINE message, even
#   when it names a FIFO (which must not block);
# - every input is a regular file: a FIFO given as a site file, power
#   curve, batch list, shard output, bond file, monthly means or --ranges
#   file is refused at once with exit status 2, never waited on;
# - the --ranges file has the 16 MiB limit of every configuration file;
# - a site file's output.dir stays below the site file's folder: an
#   absolute path, a ".." component, a link that leads out (and the same
#   through --set) are refused with exit status 2 and nothing is written
#   outside; -o DIR on the command line still writes anywhere.
. "${top_srcdir:-.}/tests/lib.sh"
laos=$top_srcdir/configs/laos-pv-1000mw.cfg
prof=$top_srcdir/profiles/laos-oudomxay-synth.csv
if ! mkfifo "$tmp/fifo" 2>/dev/null; then
  echo "SKIP: this file system cannot hold a FIFO"
  exit 77
fi

# expect NAME STATUS WANTED ARGS...: renewcalc ARGS, stopped after 20 s,
# must exit STATUS with WANTED as a whole line of stderr.
expect() {
  name=$1 want_rc=$2 want=$3
  shift 3
  timeout 20 "$RENEWCALC" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  rc=$?
  if [ "$rc" -eq "$want_rc" ] && grep -qxF -- "$want" "$tmp/err"; then
    ok "$name: exit $rc"
  elif [ "$rc" -eq 124 ]; then
    fail "$name: still waiting after 20 s"
  else
    fail "$name: exit $rc, expected $want_rc and '$want'; stderr '$(head -c 300 "$tmp/err")'"
  fi
}

# A site file in a folder of its own, with the profile named absolutely
# and no output.dir.
mkdir "$tmp/site"
sed -e "s#profile = \"[^\"]*\"#profile = \"$prof\"#" -e '/dir = /d' "$laos" >"$tmp/site/base.cfg"

# ---- @include -------------------------------------------------------------------
echo '# nothing but a comment' >"$tmp/extra.cfg"
{ cat "$tmp/site/base.cfg"; echo "@include \"$tmp/extra.cfg\""; } >"$tmp/site/include.cfg"
line=$(wc -l <"$tmp/site/include.cfg" | tr -d ' ')
expect "site file with @include" 2 "$tmp/site/include.cfg:$line: @include: expected a self-contained \
file (renewcalc reads no included files), got @include \"$tmp/extra.cfg\"" run "$tmp/site/include.cfg"

{ echo '# a FIFO named by an include'; printf ' \t@include "%s"\n' "$tmp/fifo"
  cat "$tmp/site/base.cfg"; } >"$tmp/site/include-fifo.cfg"
expect "site file with @include of a FIFO" 2 "$tmp/site/include-fifo.cfg:2: @include: expected a \
self-contained file (renewcalc reads no included files), got @include \"$tmp/fifo\"" \
  run "$tmp/site/include-fifo.cfg"

sed "s#site = \"#site = \"$top_srcdir/configs/#" "$top_srcdir/configs/bond-example.cfg" >"$tmp/bond.cfg"
"$RENEWCALC" portfolio "$tmp/bond.cfg" >/dev/null 2>"$tmp/err" ||
  fail "the bond file without @include: $(head -c 300 "$tmp/err")"
{ echo "@include \"$tmp/extra.cfg\""; cat "$tmp/bond.cfg"; } >"$tmp/bond-include.cfg"
expect "bond file with @include" 2 "$tmp/bond-include.cfg:1: @include: expected a self-contained \
file (renewcalc reads no included files), got @include \"$tmp/extra.cfg\"" \
  portfolio "$tmp/bond-include.cfg"

# ---- FIFOs in place of files -------------------------------------------------------
fifo_msg="$tmp/fifo: expected a regular file, got a FIFO"
expect "FIFO as the site file" 2 "$fifo_msg" run "$tmp/fifo"
sed -e "s#turbine = { name = \"IEA-3.4MW\";#turbine = { power_curve = \"$tmp/fifo\"; rotor_diameter = 130.0;#" \
  -e "s#profile = \"[^\"]*\"#profile = \"$top_srcdir/profiles/laos-ridge-wind-synth.csv\"#" \
  -e '/dir = /d' "$top_srcdir/configs/laos-ridge-wind.cfg" >"$tmp/site/curve-fifo.cfg"
expect "FIFO as a power curve" 2 "$fifo_msg" run "$tmp/site/curve-fifo.cfg"
expect "FIFO as a batch list" 2 "$fifo_msg" batch "$tmp/fifo"
expect "FIFO as a batch template" 2 "$fifo_msg" batch --template "$tmp/fifo" "$tmp/extra.cfg"
expect "FIFO as a shard output" 2 "$fifo_msg" merge "$tmp/fifo"
expect "FIFO as a bond file" 2 "$fifo_msg" portfolio "$tmp/fifo"
expect "FIFO as monthly means" 2 "$fifo_msg" profile synth "$tmp/fifo" -o "$tmp/synth.csv"
expect "FIFO as the --ranges file" 2 "$fifo_msg" check-claim --capacity-mw 1000 \
  --generation-gwh 1700 --ranges "$tmp/fifo"

# ---- the --ranges file's size ---------------------------------------------------------
cp "$top_srcdir/configs/claim-ranges.cfg" "$tmp/ranges.cfg"
"$RENEWCALC" check-claim --capacity-mw 1000 --generation-gwh 1700 --ranges "$tmp/ranges.cfg" \
  >/dev/null 2>"$tmp/err" || fail "--ranges file of its own size: $(head -c 300 "$tmp/err")"
truncate -s 17M "$tmp/ranges.cfg"
expect "--ranges file of 17 MiB" 2 "$tmp/ranges.cfg: expected a file of at most 16 MiB \
(SECURITY.md), got 17825792 bytes" check-claim --capacity-mw 1000 --generation-gwh 1700 \
  --ranges "$tmp/ranges.cfg"

# ---- output.dir -------------------------------------------------------------------------
below="expected a folder below the site file's folder (use -o DIR to write elsewhere)"
line=$(($(wc -l <"$tmp/site/base.cfg") + 1))
with_dir() { # NAME DIR: the base site with output.dir = DIR, as site/NAME.cfg
  { cat "$tmp/site/base.cfg"; echo "output = { dir = \"$2\"; };"; } >"$tmp/site/$1.cfg"
}
# nothing_outside NAME DIR: DIR (outside the site's folder) holds nothing
nothing_outside() {
  if [ -z "$(ls -A "$2" 2>/dev/null)" ]; then
    ok "$1: nothing written in $2"
  else
    fail "$1: written in $2: $(ls -A "$2" | head -n 3 | tr '\n' ' ')"
  fi
}
with_dir absolute "$tmp/outside-abs"
expect "output.dir absolute" 2 "$tmp/site/absolute.cfg:$line: output.dir: $below, got \
\"$tmp/outside-abs\"" run "$tmp/site/absolute.cfg"
nothing_outside "output.dir absolute" "$tmp/outside-abs"

with_dir dotdot "out/../../outside-dotdot"
expect "output.dir with .." 2 "$tmp/site/dotdot.cfg:$line: output.dir: $below, got \
\"out/../../outside-dotdot\"" run "$tmp/site/dotdot.cfg"
nothing_outside "output.dir with .." "$tmp/outside-dotdot"

mkdir "$tmp/outside-link"
ln -s "$tmp/outside-link" "$tmp/site/shipped" || fail "cannot make a link"
real=$(cd "$tmp/outside-link" && pwd -P)
with_dir link "shipped/run"
expect "output.dir through a link" 2 "$tmp/site/link.cfg:$line: output.dir: $below, got \
\"shipped/run\", which resolves to \"$real\"" run "$tmp/site/link.cfg"
nothing_outside "output.dir through a link" "$tmp/outside-link"

with_dir set "run"
expect "--set output.dir absolute" 2 "renewcalc: --set output.dir: $below, got \"$tmp/outside-set\"" \
  run "$tmp/site/set.cfg" --set "output.dir=$tmp/outside-set"
nothing_outside "--set output.dir absolute" "$tmp/outside-set"

# Below the folder, and -o anywhere, still write.
with_dir inside "results/run"
if "$RENEWCALC" run "$tmp/site/inside.cfg" >/dev/null 2>"$tmp/err" &&
  [ -s "$tmp/site/results/run/summary.json" ]; then
  ok "output.dir below the site file's folder writes there"
else
  fail "output.dir below the site file's folder: $(head -c 300 "$tmp/err")"
fi
if "$RENEWCALC" run "$tmp/site/base.cfg" -o "$tmp/elsewhere" >/dev/null 2>"$tmp/err" &&
  [ -s "$tmp/elsewhere/summary.json" ]; then
  ok "-o writes outside the site file's folder"
else
  fail "-o outside the site file's folder: $(head -c 300 "$tmp/err")"
fi
finish
