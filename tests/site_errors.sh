#!/bin/sh
# Bad site files and bad command lines must be refused with exit status 2,
# a message on stderr and no output files.
#
# For every tests/errors/NAME.cfg, `renewcalc run` must write exactly
# tests/errors/NAME.err to stderr, whose last line "exit N" is the expected
# exit status, write nothing to stdout and leave the output folder absent or
# empty. Environment: RENEWCALC (the built program), top_srcdir (the source
# folder, possibly relative and read-only).

LC_ALL=C
export LC_ALL

: "${RENEWCALC:?RENEWCALC must name the renewcalc program}"
: "${top_srcdir:=.}"

tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/site_errors.XXXXXX") || exit 99
trap 'rm -rf "$tmpdir"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

cd "$top_srcdir" || exit 99
# Messages name the presets found; read the ones in this source tree, not an
# installed (possibly older) copy.
RENEWCALC_FACTORS_DIR=configs/factors
export RENEWCALC_FACTORS_DIR

passed=0
failed=0

pass()
{
  passed=$((passed + 1))
  echo "ok $1"
}

fail()
{
  failed=$((failed + 1))
  echo "FAIL $1"
}

# The output folder and anything written beside it (temporary folders) must
# not survive a refused run.
outputs_left()
{
  for f in "$tmpdir/run"/* "$tmpdir/run"/.[!.]* "$tmpdir/run"/..?*; do
    [ -e "$f" ] || continue
    if [ "$f" = "$tmpdir/run/out" ] && [ -d "$f" ] && [ -z "$(ls -A "$f")" ]; then
      continue
    fi
    return 0
  done
  return 1
}

# ---- site files ----------------------------------------------------------------

n_cases=0
for cfg in tests/errors/*.cfg; do
  [ -f "$cfg" ] || continue
  n_cases=$((n_cases + 1))
  name=${cfg##*/}
  name=${name%.cfg}
  expected=tests/errors/$name.err
  rm -rf "$tmpdir/run"
  mkdir "$tmpdir/run"
  "$RENEWCALC" run "$cfg" -o "$tmpdir/run/out" >"$tmpdir/stdout" 2>"$tmpdir/stderr"
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
  if outputs_left; then
    echo "$name: expected no output files, got:"
    (cd "$tmpdir/run" && find . -print)
    bad=1
  fi
  if [ $bad -eq 0 ]; then pass "$name"; else fail "$name"; fi
done

if [ $n_cases -eq 0 ]; then
  echo "no tests/errors/*.cfg found under $top_srcdir"
  fail "site-files"
fi

# ---- command lines ---------------------------------------------------------------

# cli NAME WORD ARGS...: renewcalc ARGS must exit 2 with a first stderr line
# that starts "renewcalc: " and mentions WORD, and write no outputs.
cli()
{
  name=$1
  word=$2
  shift 2
  rm -rf "$tmpdir/run"
  mkdir "$tmpdir/run"
  "$RENEWCALC" "$@" >"$tmpdir/stdout" 2>"$tmpdir/stderr"
  rc=$?
  first=$(sed -n 1p "$tmpdir/stderr")
  bad=0
  if [ $rc -ne 2 ]; then
    echo "$name: expected exit 2, got exit $rc"
    bad=1
  fi
  case $first in
    "renewcalc: "*"$word"*) ;;
    *)
      echo "$name: expected a first stderr line 'renewcalc: ...$word...', got '$first'"
      bad=1
      ;;
  esac
  if outputs_left; then
    echo "$name: expected no output files"
    bad=1
  fi
  [ $bad -eq 0 ]
}

site=configs/laos-pv-1000mw.cfg
out=$tmpdir/run/out

if cli cli-run-no-site "site file" run -o "$out"; then
  pass cli-run-no-site
else
  fail cli-run-no-site
fi

if cli cli-unknown-option "--frobnicate" run "$site" -o "$out" --frobnicate; then
  pass cli-unknown-option
else
  fail cli-unknown-option
fi

if cli cli-format-xml "xml" run "$site" -o "$out" --format xml; then
  pass cli-format-xml
else
  fail cli-format-xml
fi

if cli cli-set-no-equals "lifetime_years" run "$site" -o "$out" --set lifetime_years; then
  pass cli-set-no-equals
else
  fail cli-set-no-equals
fi

# An unknown key given with --set comes from the command line, not from a
# line of the site file, and the suggestion points to where tilt belongs.
if cli cli-set-unknown-key "--set plants[0].tilt" run "$site" -o "$out" \
  --set 'plants[0].tilt=5' &&
  grep "did you mean 'array.tilt'" "$tmpdir/stderr" >/dev/null; then
  pass cli-set-unknown-key
else
  echo "cli-set-unknown-key: expected 'renewcalc: --set plants[0].tilt...' with" \
    "\"did you mean 'array.tilt'\", got:"
  cat "$tmpdir/stderr"
  fail cli-set-unknown-key
fi

if cli cli-unknown-command "frobnicate" frobnicate "$site"; then
  pass cli-unknown-command
else
  fail cli-unknown-command
fi

if cli cli-site-missing "tests/errors/no-such-site.cfg" run tests/errors/no-such-site.cfg \
  -o "$out"; then
  pass cli-site-missing
else
  fail cli-site-missing
fi

if cli cli-output-no-value "-o" run "$site" -o; then
  pass cli-output-no-value
else
  fail cli-output-no-value
fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
