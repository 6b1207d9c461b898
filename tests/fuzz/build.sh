#!/bin/sh
# Builds the libFuzzer harnesses tests/fuzz/fuzz_*.c against the project's
# library sources (every src/*.c but main.c and cli_*.c), all compiled with
# clang, ASan and UBSan. Usage: tests/fuzz/build.sh [BUILD_DIR]
# (default /tmp/renewcalc-fuzz). CC overrides clang.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-/tmp/renewcalc-fuzz}
CC=${CC:-clang}
mkdir -p "$out/obj"

cppflags="-I$top -I$top/src -D_POSIX_C_SOURCE=200809L
  -DFACTORS_DIR_INSTALLED=\"/nonexistent/renewcalc/factors\"
  -DFACTORS_DIR_SOURCE=\"$top/configs/factors\"
  -DPLOTS_DIR_INSTALLED=\"/nonexistent/renewcalc/plots\"
  -DPLOTS_DIR_SOURCE=\"$top/plots\"
  $(pkg-config --cflags gsl libconfig jansson)"
cflags="-std=c17 -g -O1 -fno-omit-frame-pointer -fno-sanitize-recover=undefined
  -fopenmp-simd -fno-math-errno -fno-trapping-math -Wno-pass-failed"
libs="$(pkg-config --libs gsl libconfig jansson) -lm"

objs=
for src in "$top"/src/*.c; do
  base=$(basename "$src" .c)
  case $base in main|cli_*) continue ;; esac
  obj="$out/obj/$base.o"
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$0" -nt "$obj" ] \
     || [ -n "$(find "$top/src" -name '*.h' -newer "$obj" | head -n 1)" ]; then
    # shellcheck disable=SC2086
    $CC $cflags $cppflags -fsanitize=fuzzer-no-link,address,undefined -c "$src" -o "$obj"
  fi
  objs="$objs $obj"
done
rm -f "$out/librenewcalc-fuzz.a"
# shellcheck disable=SC2086
ar rcs "$out/librenewcalc-fuzz.a" $objs

for h in "$top"/tests/fuzz/fuzz_*.c; do
  name=$(basename "$h" .c)
  # shellcheck disable=SC2086
  $CC $cflags $cppflags -fsanitize=fuzzer,address,undefined "$h" \
    "$out/librenewcalc-fuzz.a" $libs -o "$out/$name"
done
echo "fuzz: harnesses in $out"
