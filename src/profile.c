/* Profile storage and format detection. The readers themselves live in
 * read_tmy3.c, read_tmy2.c, read_sam_csv.c, read_epw.c, read_pvgis.c and
 * read_csv.c. */
#include "profile.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "calendar.h"
#include "diag.h"
#include "infile.h"
#include "irradiance.h"

/* Bytes of a file looked at to detect its format. */
#define PROFILE_HEAD_BYTES 4096

static const char *const col_names[PROFILE_NCOLS] = {
  [PROFILE_GHI] = "ghi",
  [PROFILE_DNI] = "dni",
  [PROFILE_DHI] = "dhi",
  [PROFILE_TEMP_AIR] = "temp_air",
  [PROFILE_WIND_SPEED] = "wind_speed",
  [PROFILE_PRESSURE] = "pressure",
  [PROFILE_ALBEDO] = "albedo",
};

struct profile *profile_new(size_t cap)
{
  struct profile *p = calloc(1, sizeof *p);

  if (!p)
    return NULL;
  if (profile_reserve(p, cap) != 0) {
    free(p);
    return NULL;
  }
  return p;
}

void profile_free(struct profile *p)
{
  if (!p)
    return;
  free(p->t_utc);
  for (int c = 0; c < PROFILE_NCOLS; c++)
    free(p->col[c]);
  free(p->calendar);
  free(p);
}

/* What a calendar was made for, checked at every use. */
struct profile_calendar {
  size_t n;
  const int64_t *t_utc;
  int64_t t_first, t_last;
  double utc_offset_h;
  int regular;                /* t_utc[i] = t_utc[0] + i interval_s for all i */
  int interval_s;
  double *dni_extra;          /* n, in the same block: see profile_dni_extra() */
  unsigned count[12][24];     /* rows of each local month and hour */
  unsigned char month_hour[]; /* 2 n, then dni_extra at the next multiple of 8 */
};

static int calendar_fits(const struct profile_calendar *c, const struct profile *p)
{
  return c->n == p->n && c->t_utc == p->t_utc && c->utc_offset_h == p->utc_offset_h &&
         c->interval_s == p->interval_s &&
         (p->n == 0 || (c->t_first == p->t_utc[0] && c->t_last == p->t_utc[p->n - 1]));
}

static const struct profile_calendar *calendar_get(const struct profile *p)
{
  /* The cache is logically part of the const profile: set once, by
   * compare-and-swap, so that concurrent first callers agree on one. */
  struct profile_calendar **slot = &((struct profile *)p)->calendar;
  struct profile_calendar *c = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
  if (c)
    return calendar_fits(c, p) ? c : NULL;
  const size_t mh = (2 * p->n + 1 + 7) / 8 * 8; /* month_hour, padded for the doubles */
  c = malloc(sizeof *c + mh + p->n * sizeof(double));
  if (!c)
    return NULL;
  c->dni_extra = (double *)(void *)(c->month_hour + mh);
  c->n = p->n;
  c->t_utc = p->t_utc;
  c->t_first = p->n ? p->t_utc[0] : 0;
  c->t_last = p->n ? p->t_utc[p->n - 1] : 0;
  c->utc_offset_h = p->utc_offset_h;
  c->interval_s = p->interval_s;
  c->regular = 1;
  for (size_t i = 1; i < p->n && c->regular; i++)
    c->regular = p->t_utc[i] - p->t_utc[i - 1] == p->interval_s;
  agg_local_calendar(p->n, p->t_utc, p->utc_offset_h, c->month_hour, c->month_hour + p->n);
  memset(c->count, 0, sizeof c->count);
  for (size_t i = 0; i < p->n; i++)
    c->count[c->month_hour[i]][c->month_hour[p->n + i]]++;
  /* Extraterrestrial irradiance by the UTC day of each row's middle
   * (floor(t_utc + interval_s / 2), whole seconds), once per day. */
  int64_t day_start = INT64_MAX - 86400;
  double e0 = 0.0;
  for (size_t i = 0; i < p->n; i++) {
    const int64_t t_day = p->t_utc[i] + p->interval_s / 2;
    if (t_day < day_start || t_day >= day_start + 86400) {
      const int64_t day = calendar_day_of(t_day);
      day_start = day * 86400;
      e0 = irr_extraterrestrial(calendar_day_of_year(day));
    }
    c->dni_extra[i] = e0;
  }
  struct profile_calendar *expected = NULL;
  if (!__atomic_compare_exchange_n(slot, &expected, c, 0, __ATOMIC_ACQ_REL,
                                   __ATOMIC_ACQUIRE)) {
    free(c);
    c = expected;
  }
  return calendar_fits(c, p) ? c : NULL;
}

const unsigned char *profile_local_calendar(const struct profile *p)
{
  const struct profile_calendar *c = calendar_get(p);
  return c ? c->month_hour : NULL;
}

const double *profile_dni_extra(const struct profile *p)
{
  const struct profile_calendar *c = calendar_get(p);
  return c ? c->dni_extra : NULL;
}

const unsigned (*profile_month_hour_count(const struct profile *p))[24]
{
  const struct profile_calendar *c = calendar_get(p);
  return c ? (const unsigned (*)[24])c->count : NULL;
}

int profile_regular(const struct profile *p)
{
  const struct profile_calendar *c = calendar_get(p);
  return c ? c->regular : -1;
}

int profile_add_col(struct profile *p, enum profile_col c)
{
  if ((int)c < 0 || c >= PROFILE_NCOLS)
    return -1;
  if (p->col[c])
    return 0;
  /* One spare element so that a zero-row profile still gets a pointer. */
  p->col[c] = calloc(p->cap + 1, sizeof *p->col[c]);
  return p->col[c] ? 0 : -1;
}

int profile_reserve(struct profile *p, size_t cap)
{
  int64_t *t;

  if (cap <= p->cap && p->t_utc)
    return 0;
  if (cap < p->cap)
    cap = p->cap;
  if (cap >= ((size_t)-1) / sizeof(double) - 1)
    return -1;
  /* Each array is grown on its own; if one fails the ones already grown are
   * merely larger than p->cap, which stays valid. */
  t = realloc(p->t_utc, (cap + 1) * sizeof *t);
  if (!t)
    return -1;
  p->t_utc = t;
  for (int c = 0; c < PROFILE_NCOLS; c++) {
    double *v;

    if (!p->col[c])
      continue;
    v = realloc(p->col[c], (cap + 1) * sizeof *v);
    if (!v)
      return -1;
    memset(v + p->cap, 0, (cap + 1 - p->cap) * sizeof *v);
    p->col[c] = v;
  }
  p->cap = cap;
  return 0;
}

const char *profile_col_name(enum profile_col c)
{
  if ((int)c < 0 || c >= PROFILE_NCOLS)
    return "";
  return col_names[c];
}

void profile_offset_text(char *buf, size_t size, double offset_h)
{
  /* Offsets are validated to +-14 h by the readers; the modulo only bounds
   * the width of the text. */
  unsigned m = (unsigned)lround(fabs(offset_h) * 60.0) % 6000u;

  snprintf(buf, size, "%c%02u:%02u", offset_h < 0 ? '-' : '+', m / 60,
           m % 60);
}

void profile_fill_albedo(struct profile *p)
{
  double *a = p->col[PROFILE_ALBEDO];
  double sum = 0.0;
  size_t nvalid = 0;

  if (!a)
    return;
  for (size_t i = 0; i < p->n; i++)
    if (a[i] >= 0.0) {
      sum += a[i];
      nvalid++;
    }
  if (nvalid == 0) {
    free(a);
    p->col[PROFILE_ALBEDO] = NULL;
    return;
  }
  for (size_t i = 0; i < p->n; i++)
    if (a[i] < 0.0)
      a[i] = sum / (double)nvalid;
}

struct profile *profile_read(const char *path, struct diag *d)
{
  char head[PROFILE_HEAD_BYTES + 1];
  size_t n;
  FILE *f = infile_open(path, INFILE_DATA_MAX, d);

  if (!f)
    return NULL;
  n = fread(head, 1, PROFILE_HEAD_BYTES, f);
  if (ferror(f)) {
    diag_errno(d, "cannot read", path);
    fclose(f);
    return NULL;
  }
  fclose(f);
  head[n] = '\0';
  /* A NUL inside the head (a binary file) ends the text there, which the
   * detectors then reject. */
  /* Each test looks at a part of the file no other format has: TMY3 line 2,
   * the fixed-width TMY2 station line and first row, SAM CSV lines 1 and 3,
   * the EPW LOCATION line, the PVGIS "Latitude (decimal degrees):" line, the
   * plain CSV "time,..." header. */
  if (read_tmy3_detect(head))
    return read_tmy3(path, d);
  if (read_tmy2_detect(head))
    return read_tmy2(path, d);
  if (read_sam_csv_detect(head))
    return read_sam_csv(path, d);
  if (read_epw_detect(head))
    return read_epw(path, d);
  if (read_pvgis_detect(head))
    return read_pvgis(path, d);
  if (read_csv_detect(head))
    return read_csv(path, d);
  diag_at(d, path, 1, "unknown profile format: expected TMY3, SAM CSV, EPW, "
          "PVGIS or a renewcalc profile CSV (docs/profile-formats.md, "
          "docs/profile-csv.md)");
  return NULL;
}
