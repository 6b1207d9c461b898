/* Wind profile storage, the placing of a file's columns on the profile's
 * heights, and format detection. The readers live in read_srw.c and
 * read_wind_csv.c; docs/wind-profile-formats.md describes both formats.
 *
 * Moving temperature and pressure between heights uses the ICAO standard
 * atmosphere (ICAO Doc 7488, "Manual of the ICAO Standard Atmosphere"):
 * lapse rate 6.5 K/km in the troposphere, g = 9.80665 m/s2, specific gas
 * constant of dry air R_d = 287.05287 J/(kg K), sea-level temperature
 * 288.15 K for the pressure scale height. */
#include "wind_profile.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "infile.h"

/* Bytes of a file looked at to detect its format. */
#define WIND_HEAD_BYTES 4096

#define ISA_LAPSE_K_PER_M 0.0065
#define ISA_G_MS2 9.80665
#define ISA_RD_JKGK 287.05287
#define ISA_T0_K 288.15

struct wind_profile *wind_profile_new(size_t cap)
{
  struct wind_profile *p = calloc(1, sizeof *p);

  if (!p)
    return NULL;
  if (wind_profile_reserve(p, cap) != 0) {
    free(p);
    return NULL;
  }
  return p;
}

void wind_profile_free(struct wind_profile *p)
{
  if (!p)
    return;
  free(p->t_utc);
  for (int h = 0; h < WIND_HEIGHTS_MAX; h++) {
    free(p->speed[h]);
    free(p->direction[h]);
    free(p->temp_c[h]);
    free(p->pressure_pa[h]);
  }
  free(p);
}

/* Grows one array to cap + 1 elements (one spare, so that a profile of no
 * intervals still has pointers), zeroing the new part. 0 or -1. */
static int grow(double **a, size_t old_cap, size_t cap)
{
  double *v;

  if (!*a)
    return 0;
  v = realloc(*a, (cap + 1) * sizeof *v);
  if (!v)
    return -1;
  memset(v + old_cap, 0, (cap + 1 - old_cap) * sizeof *v);
  *a = v;
  return 0;
}

int wind_profile_reserve(struct wind_profile *p, size_t cap)
{
  int64_t *t;
  size_t old = p->t_utc ? p->cap + 1 : 0;

  if (p->t_utc && cap <= p->cap)
    return 0;
  if (cap < p->cap)
    cap = p->cap;
  if (cap >= ((size_t)-1) / sizeof(double) - 1)
    return -1;
  /* Each array grows on its own; if one fails, those already grown are
   * merely larger than p->cap, which stays valid. */
  t = realloc(p->t_utc, (cap + 1) * sizeof *t);
  if (!t)
    return -1;
  memset(t + old, 0, (cap + 1 - old) * sizeof *t);
  p->t_utc = t;
  for (int h = 0; h < WIND_HEIGHTS_MAX; h++)
    if (grow(&p->speed[h], old, cap) != 0 ||
        grow(&p->direction[h], old, cap) != 0 ||
        grow(&p->temp_c[h], old, cap) != 0 ||
        grow(&p->pressure_pa[h], old, cap) != 0)
      return -1;
  p->cap = cap;
  return 0;
}

/* The array of quantity q at height index h (its address). */
static double **array_of(struct wind_profile *p, enum wind_quantity q, int h)
{
  switch (q) {
  case WIND_SPEED:
    return &p->speed[h];
  case WIND_DIRECTION:
    return &p->direction[h];
  case WIND_TEMP:
    return &p->temp_c[h];
  default:
    return &p->pressure_pa[h];
  }
}

/* Index of height h_m among p's heights, or -1. */
static int height_index(const struct wind_profile *p, double h_m)
{
  for (int h = 0; h < p->nh; h++)
    if (p->height_m[h] == h_m)
      return h;
  return -1;
}

int wind_profile_layout(struct wind_profile *p, struct wind_column *col,
                        int ncol)
{
  int bad = 0;

  p->nh = 0;
  for (int i = 0; i < ncol; i++) {
    col[i].h = -1;
    col[i].dz_m = 0.0;
    col[i].status = WIND_COL_UNUSED;
    for (int j = 0; j < i; j++)
      if (col[j].q == col[i].q && col[j].height_m == col[i].height_m) {
        col[i].status = WIND_COL_DUPLICATE;
        bad = 1;
        break;
      }
  }
  /* Speed heights, ascending (insertion: there are at most a few). */
  for (int i = 0; i < ncol; i++) {
    int k;

    if (col[i].q != WIND_SPEED || col[i].status == WIND_COL_DUPLICATE)
      continue;
    if (p->nh == WIND_HEIGHTS_MAX)
      return -3;
    for (k = p->nh; k > 0 && p->height_m[k - 1] > col[i].height_m; k--)
      p->height_m[k] = p->height_m[k - 1];
    p->height_m[k] = col[i].height_m;
    p->nh++;
  }
  if (p->nh == 0)
    return -2;
  /* Columns measured at a speed height. */
  for (int i = 0; i < ncol; i++) {
    if (col[i].status == WIND_COL_DUPLICATE)
      continue;
    col[i].h = height_index(p, col[i].height_m);
    if (col[i].h >= 0) {
      col[i].status = WIND_COL_USED;
    } else if (col[i].q == WIND_DIRECTION) {
      col[i].status = WIND_COL_NO_SPEED;
      bad = 1;
    }
  }
  if (bad)
    return -4;
  /* Temperature and pressure elsewhere: to the nearest speed height, if
   * nothing is measured there and no other column is nearer to it. */
  for (int i = 0; i < ncol; i++) {
    int best = 0;
    double dz;

    if (col[i].status != WIND_COL_UNUSED)
      continue;
    for (int h = 1; h < p->nh; h++)
      if (fabs(p->height_m[h] - col[i].height_m) <
          fabs(p->height_m[best] - col[i].height_m))
        best = h;
    dz = p->height_m[best] - col[i].height_m;
    for (int j = 0; j < ncol; j++)
      if (j != i && col[j].q == col[i].q && col[j].h == best &&
          fabs(col[j].dz_m) <= fabs(dz))
        best = -1;
    if (best < 0)
      continue;
    for (int j = 0; j < ncol; j++)
      if (col[j].q == col[i].q && col[j].h == best) {
        col[j].h = -1;
        col[j].status = WIND_COL_UNUSED;
      }
    col[i].h = best;
    col[i].dz_m = dz;
    col[i].status = WIND_COL_USED;
  }
  for (int i = 0; i < ncol; i++) {
    double **a;

    if (col[i].status != WIND_COL_USED)
      continue;
    a = array_of(p, col[i].q, col[i].h);
    if (!*a && !(*a = calloc(p->cap + 1, sizeof **a)))
      return -1;
  }
  return 0;
}

double wind_profile_adjust(enum wind_quantity q, double v, double dz_m)
{
  if (q == WIND_TEMP)
    return v - ISA_LAPSE_K_PER_M * dz_m;
  if (q == WIND_PRESSURE)
    return v * exp(-ISA_G_MS2 * dz_m / (ISA_RD_JKGK * ISA_T0_K));
  return v;
}

int wind_profile_nearest_height(const struct wind_profile *p, double h_m)
{
  int best = p->nh > 0 ? 0 : -1;

  /* Heights ascend, so the strict '<' keeps the lower of two at the same
   * distance. */
  for (int h = 1; h < p->nh; h++)
    if (fabs(p->height_m[h] - h_m) < fabs(p->height_m[best] - h_m))
      best = h;
  return best;
}

struct wind_profile *wind_profile_read(const char *path, struct diag *d)
{
  char head[WIND_HEAD_BYTES + 1];
  size_t n;
  FILE *f = infile_open(path, INFILE_DATA_MAX, d);

  if (!f)
    return NULL;
  n = fread(head, 1, WIND_HEAD_BYTES, f);
  if (ferror(f)) {
    diag_errno(d, "cannot read", path);
    fclose(f);
    return NULL;
  }
  fclose(f);
  head[n] = '\0';
  /* SRW: quantity names on line 3, a height on line 5; wind CSV: a
   * "time,..." header with height-tagged columns. No file looks like both. */
  if (read_srw_detect(head))
    return read_srw(path, d);
  if (read_wind_csv_detect(head))
    return read_wind_csv(path, d);
  diag_at(d, path, 1, "unknown wind profile format: expected SAM SRW or a "
          "renewcalc wind CSV (docs/wind-profile-formats.md)");
  return NULL;
}
