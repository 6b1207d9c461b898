#!/bin/sh
# Bad bond files must be refused with exit status 2, a message on stderr
# and no output files.
#
# For every tests/errors-portfolio/NAME.cfg, `renewcalc portfolio` (with the
# options in NAME.args, when that file exists) must write exactly
# tests/errors-portfolio/NAME.err to stderr, whose last line "exit N" is
# the expected exit status, write nothing to stdout and leave the output
# folder absent. Environment: RENEWCALC (the built program), top_srcdir
# (the source folder, possibly relative and read-only).

LC_ALL=C
export LC_ALL

: "${RENEWCALC:?RENEWCALC must name the renewcalc program}"
: "${top_srcdir:=.}"

tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/portfolio_errors.XXXXXX") || exit 99
trap 'rm -rf "$tmpdir"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

cd "$top_srcdir" || exit 99
RENEWCALC_FACTORS_DIR=configs/factors
export RENEWCALC_FACTORS_DIR

passed=0
failed=0
n_cases=0
for cfg in tests/errors-portfolio/*.cfg; do
  [ -f "$cfg" ] || continue
  n_cases=$((n_cases + 1))
  name=${cfg##*/}
  name=${name%.cfg}
  expected=tests/errors-portfolio/$name.err
  args=
  [ -f "tests/errors-portfolio/$name.args" ] && args=$(cat "tests/errors-portfolio/$name.args")
  rm -rf "$tmpdir/out"
  # shellcheck disable=SC2086 # args holds separate options
  "$RENEWCALC" portfolio "$cfg" $args -o "$tmpdir/out" >"$tmpdir/stdout" 2>"$tmpdir/stderr"
  rc=$?
  cp "$tmpdir/stderr" "$tmpdir/actual"
  echo "exit $rc" >>"$tmpdir/actual"
  bad=0
  if [ ! -f "$expected" ]; then
    echo "$name: $expected is missing; stderr and status were:"
    cat "$tmpdir/actual"
    bad=1
  elif ! diff -u "$expected" "$tmpdir/actual"; then
    bad=1
  fi
  if [ -s "$tmpdir/stdout" ]; then
    echo "$name: expected nothing on stdout, got:"
    sed -n '1,5p' "$tmpdir/stdout"
    bad=1
  fi
  if [ -e "$tmpdir/out" ]; then
    echo "$name: expected no output folder, got:"
    (cd "$tmpdir/out" && find . -print)
    bad=1
  fi
  if [ $bad -eq 0 ]; then
    passed=$((passed + 1))
    echo "ok $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
  fi
done

if [ $n_cases -eq 0 ]; then
  echo "no tests/errors-portfolio/*.cfg found under $top_srcdir"
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
