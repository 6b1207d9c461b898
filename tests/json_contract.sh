#!/bin/sh
# The command-line and JSON contract of DESIGN.md, checked by the shared
# check-contract tool when it is present (it needs python3).
. "${top_srcdir:-.}/tests/lib.sh"
tool=$SHARED/tools/check-contract
if [ ! -x "$tool" ] || ! command -v python3 >/dev/null 2>&1; then
  echo "SKIP: $tool or python3 not available"
  exit 77
fi
cd "$top_srcdir" || exit 1
if "$tool" "$RENEWCALC" configs/laos-pv-1000mw.cfg >"$tmp/log" 2>&1; then
  ok "check-contract: $(tail -n 1 "$tmp/log")"
else
  fail "check-contract:"; cat "$tmp/log"
fi
finish
