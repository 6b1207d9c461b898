/* renewcalc wind CSV writer; see wind_profile_write.h and
 * docs/wind-profile-formats.md. */
#include "wind_profile_write.h"

#include <inttypes.h>
#include <math.h>
#include <stdint.h>

#include "calendar.h"
#include "wind_profile.h"

/* v rounded to `decimals` (0..6) places, written from integers so that no
 * locale can change the decimal point; with trim, trailing zeros (and a
 * bare point) are dropped. */
static void put_number(FILE *f, double v, int decimals, int trim)
{
  int64_t scale = 1, q, frac;
  double r;

  if (!isfinite(v)) {
    fputs("NaN", f);
    return;
  }
  for (int i = 0; i < decimals; i++)
    scale *= 10;
  r = round(fabs(v) * (double)scale);
  if (r >= 9.0e18) { /* beyond int64: no profile value is this large */
    fputs("NaN", f);
    return;
  }
  q = (int64_t)r;
  if (v < 0.0 && q != 0)
    fputc('-', f);
  fprintf(f, "%" PRId64, q / scale);
  frac = q % scale;
  if (trim)
    while (decimals > 0 && frac % 10 == 0) {
      frac /= 10;
      decimals--;
    }
  if (decimals > 0)
    fprintf(f, ".%0*" PRId64, decimals, frac);
}

static void put_time(FILE *f, int64_t t_utc, int offset_min)
{
  const int64_t local = t_utc + (int64_t)offset_min * 60;
  const int64_t days = calendar_day_of(local);
  const int64_t sod = local - days * 86400;
  const int off = offset_min < 0 ? -offset_min : offset_min;
  int y, m, d;

  calendar_civil_from_days(days, &y, &m, &d);
  fprintf(f, "%04d-%02d-%02dT%02d:%02d%c%02d:%02d", y, m, d, (int)(sod / 3600),
          (int)(sod % 3600 / 60), offset_min < 0 ? '-' : '+', off / 60, off % 60);
}

/* Text with line breaks turned into spaces. */
static void put_line_text(FILE *f, const char *s)
{
  for (; *s; s++)
    fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
}

static void put_column(FILE *f, const char *stem, double height_m)
{
  fprintf(f, ",%s_", stem);
  put_number(f, height_m, 3, 1);
  fputc('m', f);
}

int wind_profile_write_csv(FILE *f, const struct wind_profile *p,
                           const char *const *comment_lines)
{
  const int offset_min = (int)lround(p->utc_offset_h * 60.0);

  if (comment_lines)
    for (const char *const *l = comment_lines; *l; l++) {
      fputs("# ", f);
      put_line_text(f, *l);
      fputc('\n', f);
    }
  fputs("# labelling: interval-start\n", f);
  if (p->has_location) {
    fputs("# latitude: ", f);
    put_number(f, p->latitude, 6, 0);
    fputs("\n# longitude: ", f);
    put_number(f, p->longitude, 6, 0);
    fputc('\n', f);
  }
  if (p->has_elevation) {
    fputs("# elevation: ", f);
    put_number(f, p->elevation_m, 1, 0);
    fputc('\n', f);
  }
  if (p->station[0] != '\0') {
    fputs("# source: ", f);
    put_line_text(f, p->station);
    fputc('\n', f);
  }

  fputs("time", f);
  for (int h = 0; h < p->nh; h++) {
    put_column(f, "speed", p->height_m[h]);
    if (p->direction[h])
      put_column(f, "direction", p->height_m[h]);
    if (p->temp_c[h])
      put_column(f, "temperature", p->height_m[h]);
    if (p->pressure_pa[h])
      put_column(f, "pressure", p->height_m[h]);
  }
  fputc('\n', f);

  for (size_t i = 0; i < p->n; i++) {
    put_time(f, p->t_utc[i], offset_min);
    for (int h = 0; h < p->nh; h++) {
      fputc(',', f);
      put_number(f, p->speed[h][i], 2, 0);
      if (p->direction[h]) {
        double dir = p->direction[h][i];

        /* 359.95 and above print as 360.0, which is north: 0.0. */
        if (round(dir * 10.0) >= 3600.0)
          dir = 0.0;
        fputc(',', f);
        put_number(f, dir, 1, 0);
      }
      if (p->temp_c[h]) {
        fputc(',', f);
        put_number(f, p->temp_c[h][i], 2, 0);
      }
      if (p->pressure_pa[h]) {
        fputc(',', f);
        put_number(f, p->pressure_pa[h][i] / 100.0, 2, 0); /* Pa -> hPa */
      }
    }
    fputc('\n', f);
  }
  return ferror(f) ? -1 : 0;
}
