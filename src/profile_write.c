/* Plain profile CSV writer; see profile_write.h and docs/profile-csv.md. */
#include "profile_write.h"

#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "profile.h"

/* Columns in the order the header lists them. */
static const enum profile_col out_cols[] = {
  PROFILE_GHI, PROFILE_DNI, PROFILE_DHI, PROFILE_TEMP_AIR,
  PROFILE_WIND_SPEED, PROFILE_PRESSURE, PROFILE_ALBEDO
};
#define N_OUT ((int)(sizeof out_cols / sizeof out_cols[0]))

/* Decimals written per column; albedo needs more than irradiance. */
static int decimals_of(enum profile_col c)
{
  return c == PROFILE_ALBEDO ? 3 : 2;
}

/* v with a fixed number of decimals (0..6), built from integers so that no
 * locale can change the decimal point. */
static void put_fixed(FILE *f, double v, int decimals)
{
  if (!isfinite(v)) {
    fputs("NaN", f);
    return;
  }
  int64_t scale = 1;
  for (int i = 0; i < decimals; i++)
    scale *= 10;
  double r = round(fabs(v) * (double)scale);
  if (r >= 9.0e18) { /* beyond int64: no profile value is this large */
    fputs("NaN", f);
    return;
  }
  int64_t q = (int64_t)r;
  if (v < 0.0 && q != 0)
    fputc('-', f);
  fprintf(f, "%" PRId64, q / scale);
  if (decimals > 0)
    fprintf(f, ".%0*" PRId64, decimals, q % scale);
}

/* Civil date from days since 1970-01-01 (proleptic Gregorian), after the
 * era arithmetic of H. Hinnant's "chrono-compatible low-level date
 * algorithms". */
static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int64_t floor_div(int64_t a, int64_t b)
{
  int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static void put_time(FILE *f, int64_t t_utc, int offset_min)
{
  const int64_t local = t_utc + (int64_t)offset_min * 60;
  const int64_t days = floor_div(local, 86400);
  const int64_t sod = local - days * 86400;
  int y, m, d;
  civil_from_days(days, &y, &m, &d);
  const int off = offset_min < 0 ? -offset_min : offset_min;
  fprintf(f, "%04d-%02d-%02dT%02d:%02d%c%02d:%02d", y, m, d, (int)(sod / 3600),
          (int)(sod % 3600 / 60), offset_min < 0 ? '-' : '+', off / 60, off % 60);
}

/* A comment line with any line breaks in it turned into spaces. */
static void put_comment(FILE *f, const char *s)
{
  fputs("# ", f);
  for (; *s; s++)
    fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
  fputc('\n', f);
}

int profile_write_csv(FILE *f, const struct profile *p,
                      const char *const *comment_lines)
{
  const int offset_min = (int)lround(p->utc_offset_h * 60.0);

  if (comment_lines)
    for (const char *const *l = comment_lines; *l; l++)
      put_comment(f, *l);
  fputs("# labelling: interval-start\n", f);
  if (p->has_location) {
    fputs("# latitude: ", f);
    put_fixed(f, p->latitude, 6);
    fputs("\n# longitude: ", f);
    put_fixed(f, p->longitude, 6);
    fputs("\n# elevation: ", f);
    put_fixed(f, p->elevation_m, 1);
    fputc('\n', f);
  }
  if (p->station[0] != '\0') {
    fputs("# source: ", f);
    for (const char *s = p->station; *s; s++)
      fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
    fputc('\n', f);
  }

  fputs("time", f);
  for (int c = 0; c < N_OUT; c++)
    if (p->col[out_cols[c]])
      fprintf(f, ",%s", profile_col_name(out_cols[c]));
  fputc('\n', f);

  for (size_t i = 0; i < p->n; i++) {
    put_time(f, p->t_utc[i], offset_min);
    for (int c = 0; c < N_OUT; c++) {
      const enum profile_col col = out_cols[c];
      if (!p->col[col])
        continue;
      double v = p->col[col][i];
      if (col == PROFILE_PRESSURE)
        v /= 100.0; /* Pa -> hPa */
      fputc(',', f);
      put_fixed(f, v, decimals_of(col));
    }
    fputc('\n', f);
  }
  return ferror(f) ? -1 : 0;
}
