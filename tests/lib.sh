# Shared helpers of the shell tests; sourced by each test script.
# The test environment (Makefile.am) sets RENEWCALC, top_srcdir, LC_ALL=C.
set -u
: "${RENEWCALC:?RENEWCALC must name the built renewcalc}"
: "${top_srcdir:=.}"
top_srcdir=$(cd "$top_srcdir" && pwd)
SHARED=${RENEWCALC_SHARED:-$top_srcdir/../shared}
RENEWCALC_FACTORS_DIR=$top_srcdir/configs/factors
RENEWCALC_PLOTS_DIR=$top_srcdir/plots
export RENEWCALC_FACTORS_DIR RENEWCALC_PLOTS_DIR
tmp=$(mktemp -d "${TMPDIR:-/tmp}/renewcalc-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
# Prints the closing count line CI reads and exits 1 if anything failed.
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
