#!/bin/sh
# renewcalc under valgrind's memcheck, for the shell tests: set
# RENEWCALC_UNDER_TEST to this script and RENEWCALC_BIN to the built
# program. Any invalid access, use of an uninitialised value or definite
# or indirect leak makes the run exit 99, which no test expects; -q keeps
# stderr to the program's own messages, which the tests compare.
: "${RENEWCALC_BIN:?RENEWCALC_BIN must name the built renewcalc}"
exec valgrind -q --error-exitcode=99 --leak-check=full \
  --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
  "$RENEWCALC_BIN" "$@"
