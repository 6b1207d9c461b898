#!/bin/sh
# Builds the fuzz harnesses, replays tests/fuzz/regressions/, then fuzzes
# every harness for SECONDS_EACH seconds (default 60) on a copy of its seed
# corpus. Usage: tests/fuzz/run.sh [SECONDS_EACH]
# Environment: FUZZ_BUILD (build folder, default /tmp/renewcalc-fuzz),
# FUZZ_WORK (corpora, logs and crash files; default a new folder under /tmp),
# FUZZ_PARALLEL (harnesses run at once, default 1), FUZZ_ONLY (space-separated
# harness names, e.g. "tmy3 site"; default all).
# Exits 1 with the crash file's path when a harness crashes, leaks or hangs.
set -eu
secs=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
build=${FUZZ_BUILD:-/tmp/renewcalc-fuzz}
work=${FUZZ_WORK:-$(mktemp -d /tmp/renewcalc-fuzz-run.XXXXXX)}
par=${FUZZ_PARALLEL:-1}
sh "$here/build.sh" "$build"
mkdir -p "$work/tmp"
RENEWCALC_FUZZ_TMP=$work/tmp
export RENEWCALC_FUZZ_TMP
LSAN_OPTIONS=suppressions=$here/lsan.supp:print_suppressions=0
export LSAN_OPTIONS

names=${FUZZ_ONLY:-$(cd "$here" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')}
status=0

# Regressions: tests/fuzz/regressions/<harness>-<short-name>, run once each.
for h in $names; do
  set -- "$here"/regressions/"$h"-*
  [ -e "$1" ] || continue
  if ! "$build/fuzz_$h" -runs=1 "$@" > "$work/regressions-$h.log" 2>&1; then
    echo "fuzz: $h: a regression input fails again, see $work/regressions-$h.log" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] || exit 1
echo "fuzz: regressions pass"

fuzz_one() {
  h=$1
  mkdir -p "$work/corpus/$h" "$work/crash/$h"
  [ -d "$here/corpus/$h" ] && cp "$here/corpus/$h"/* "$work/corpus/$h"/ 2>/dev/null || :
  nice -n 10 "$build/fuzz_$h" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/crash/$h/" \
    "$work/corpus/$h" > "$work/$h.log" 2>&1
}

report() {
  h=$1
  last=$(grep -E '^#[0-9]+' "$work/$h.log" | tail -n 1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$h.log" | tail -n 1)
  cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
  ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
  corp=$(ls "$work/corpus/$h" | wc -l)
  crash=$(ls "$work/crash/$h" 2>/dev/null | head -n 1)
  printf '%-10s execs %-9s cov %-5s ft %-6s corpus %-5s %s\n' "$h" "${execs:-?}" \
    "${cov:-?}" "${ft:-?}" "$corp" "${crash:+CRASH $work/crash/$h/$crash}"
  [ -z "$crash" ]
}

set -- $names
while [ $# -gt 0 ]; do
  batch=
  i=0
  while [ $# -gt 0 ] && [ "$i" -lt "$par" ]; do
    fuzz_one "$1" &
    batch="$batch $1"
    i=$((i + 1))
    shift
  done
  wait || :
  for h in $batch; do
    report "$h" || status=1
  done
  if [ "$status" -ne 0 ]; then
    echo "fuzz: a harness failed; logs in $work" >&2
    exit 1
  fi
done
echo "fuzz: all harnesses ran ${secs}s without findings; logs in $work"
