#!/bin/sh
# Portfolio benchmark (make bench): generated lists of 1,000 and 10,000 PV
# sites on 20 synthetic weather files (hourly years from monthly means,
# made by renewcalc profile synth) between 25 deg S and 25 deg N, a mix of
# fixed racks (75 %) and single-axis trackers (25 %), and a list of fixed
# racks only. Prints site-years per second on 1 and 2 threads (wall time
# of the whole process, best of 3), peak memory, and the instructions per
# fixed-tilt site-year from callgrind (one more site, from lists of 100 and
# 300 sites), with the shares of the sun's position, the transposition,
# I/O and the rest.
# Usage: tests/bench-batch.sh RENEWCALC
set -eu
bin=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/renewcalc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/weather"

# ---- weather: 20 synthetic years -------------------------------------------
i=0
while [ $i -lt 20 ]; do
  lat=$(awk -v i=$i 'BEGIN { printf "%.2f", -25 + 50 * i / 19 }')
  lon=$(awk -v i=$i 'BEGIN { printf "%.2f", -170 + 340 * i / 19 }')
  # Monthly means that swing with the seasons of the hemisphere, below the
  # clear sky everywhere in this band.
  awk -v lat="$lat" -v lon="$lon" -v i=$i 'BEGIN {
    pi = atan2(0, -1)
    printf("latitude = %s;\nlongitude = %s;\nelevation = 200.0;\nseed = %d;\n", lat, lon, i + 1)
    printf("source = \"renewcalc benchmark: generated\";\nghi_kwh_m2_day = [")
    for (m = 1; m <= 12; m++)
      printf("%s%.2f", (m > 1 ? ", " : ""), 4.6 + 1.2 * lat / 25 * cos(2 * pi * (m - 6.5) / 12))
    printf("];\ntemp_c = [")
    for (m = 1; m <= 12; m++)
      printf("%s%.1f", (m > 1 ? ", " : ""), 24 + 5 * lat / 25 * cos(2 * pi * (m - 7) / 12))
    printf("];\n") }' >"$work/weather/w$i.cfg"
  "$bin" profile synth "$work/weather/w$i.cfg" -o "$work/weather/w$i.csv" >/dev/null
  i=$((i + 1))
done

# ---- site lists --------------------------------------------------------------
make_list() { # sites, share of trackers, file
  awk -v n="$1" -v tr="$2" -v dir="$work/weather" 'BEGIN {
    srand(42)
    print "name,latitude,longitude,elevation,capacity_mw,mount,tilt,profile"
    for (s = 1; s <= n; s++) {
      w = (s - 1) % 20
      lat = -25 + 50 * w / 19 + (rand() - 0.5) * 0.4
      lon = -170 + 340 * w / 19 + (rand() - 0.5) * 0.4
      cap = 1 + int(rand() * 200)
      if (rand() < tr)
        printf("site %d,%.4f,%.4f,200,%d,single_axis,,%s/w%d.csv\n", s, lat, lon, cap, dir, w)
      else
        printf("site %d,%.4f,%.4f,200,%d,fixed,%d,%s/w%d.csv\n", s, lat, lon, cap, int(lat < 0 ? -lat : lat), dir, w)
    } }' >"$3"
}
make_list 1000 0.25 "$work/mix1k.csv"
make_list 10000 0.25 "$work/mix10k.csv"
make_list 10000 0 "$work/fixed10k.csv"
make_list 100 0 "$work/fixed100.csv"
make_list 300 0 "$work/fixed300.csv"

now() { date +%s.%N; }
# best wall time of 3 runs and the peak memory of the last
best() { # list, threads
  b=""
  for r in 1 2 3; do
    t0=$(now)
    "$bin" batch "$1" -j "$2" --no-progress --stats -o "$work/out.csv" 2>"$work/stats"
    t1=$(now)
    b=$(awk -v b="$b" -v t0="$t0" -v t1="$t1" 'BEGIN { t = t1 - t0; if (b == "" || t < b) b = t; printf "%.4f", b }')
  done
  mem=$(sed -n 's/.*peak memory \([0-9.]*\) MB.*/\1/p' "$work/stats")
  echo "$b $mem"
}

echo
echo "renewcalc batch benchmark (wall time of the whole process, best of 3; this machine)"
echo
echo "| list | threads | time | site-years/s | per thread | peak memory |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for spec in "mix1k 1000 fixed 75 %, trackers 25 %" "mix10k 10000 fixed 75 %, trackers 25 %" \
            "fixed10k 10000 fixed racks only"; do
  set -- $spec
  list=$1 n=$2
  shift 2
  for j in 1 2; do
    set -- $(best "$work/$list.csv" $j)
    awk -v l="$list" -v n="$n" -v j="$j" -v t="$1" -v m="$2" 'BEGIN {
      printf "| %s sites (%s) | %d | %.2f s | %.0f | %.0f | %.0f MB |\n", n, l, j, t, n / t, n / t / j, m }'
  done
done

# ---- instructions per site-year ---------------------------------------------
# callgrind on 100 and on 300 fixed-rack sites of the same 20 weather files
# (the first 100 sites are the same): the difference over the 200 more
# sites is what one more site-year costs once the files are read. Self
# costs are summed by source file, so that code the compiler inlined counts
# with the file it came from.
if command -v valgrind >/dev/null 2>&1 && command -v callgrind_annotate >/dev/null 2>&1; then
  for n in 100 300; do
    valgrind --tool=callgrind --callgrind-out-file="$work/cg$n.out" \
      "$bin" batch "$work/fixed$n.csv" -j 1 --no-progress -o "$work/cg.csv" 2>/dev/null
    callgrind_annotate --auto=no --threshold=100 "$work/cg$n.out" 2>/dev/null >"$work/cg$n.txt"
  done
  awk '
    function num(s) { gsub(/,/, "", s); return s + 0 }
    FNR == 1 { sign = FILENAME ~ /cg100/ ? -1 : 1 }
    /PROGRAM TOTALS/ { total += sign * num($1); if (sign > 0) whole = num($1); next }
    $1 ~ /^[0-9,]+$/ && /%\)/ {
      v = sign * num($1); f = $0; sub(/^[^)]*\)[ ]+/, "", f); sub(/:.*/, "", f)
      if (f ~ /(^|\/)src\/solar\.[ch]$/) k = 1
      else if (f ~ /(^|\/)src\/transpose\.[ch]$/) k = 2
      else if (f ~ /(^|\/)src\/(irradiance\.[ch]|sim_sky\.c|clearsky\.[ch])$/) k = 3
      else if (f ~ /(^|\/)src\/(sim_fused\.c|pv\.[ch]|tracking\.[ch])$/) k = 4
      else if (f ~ /(^|\/)src\/(read_[a-z0-9_]+|csvline|profile|profile_cache|batch|batch_table|cli_batch)\.[ch]$/ ||
               f ~ /libio|stdio-common|strtod|strtol|vfprintf|printf_fp/) k = 5
      else if (f ~ /\/math\/|ieee754/) k = 6
      else k = 7
      part[k] += v
    }
    END {
      name[1] = "sun position (time part shared per axis)"
      name[2] = "transposition (Perez sky)"
      name[3] = "air mass, clear-sky check, cover (IAM)"
      name[4] = "plane, cells, DC, inverter and sums"
      name[5] = "I/O (list, weather files, rows)"
      name[6] = "C maths library (exp, log, ...)"
      name[7] = "the rest (calendar, emissions, lifetime, allocation)"
      printf "\ninstructions per fixed-tilt site-year (callgrind): %.2f M for one more site,", total / 200 / 1e6
      printf " %.2f M averaged over a 300-site run with its 20 weather files read\n\n", whole / 300 / 1e6
      printf "| part (one more site) | instructions | share |\n| --- | ---: | ---: |\n"
      for (k = 1; k <= 7; k++)
        printf "| %s | %.2f M | %.0f %% |\n", name[k], part[k] / 200 / 1e6, 100 * part[k] / total
    }' "$work/cg100.txt" "$work/cg300.txt"
else
  echo
  echo "(valgrind not installed: no instruction counts)"
fi
