/* A wind resource profile: wind speed (and, where measured, direction,
 * temperature and pressure) at one or more heights on a regular time axis.
 * Readers convert time labels to interval-start UTC and units to m/s, deg,
 * degC and Pa once, at the border. */
#ifndef RENEWCALC_WIND_PROFILE_H
#define RENEWCALC_WIND_PROFILE_H

#include <stddef.h>
#include <stdint.h>

struct diag;

#define WIND_HEIGHTS_MAX 16

struct wind_profile {
  size_t n;                  /* intervals */
  int interval_s;            /* length of every interval [s], 60..3600 */
  int64_t *t_utc;            /* interval start [s since 1970-01-01 UTC], n */
  int nh;                    /* measurement heights, 1..WIND_HEIGHTS_MAX, ascending */
  double height_m[WIND_HEIGHTS_MAX];
  double *speed[WIND_HEIGHTS_MAX];       /* [m/s] >= 0, n each; never NULL */
  double *direction[WIND_HEIGHTS_MAX];   /* [deg from north, 0..360), or NULL */
  double *temp_c[WIND_HEIGHTS_MAX];      /* [degC], or NULL */
  double *pressure_pa[WIND_HEIGHTS_MAX]; /* [Pa], or NULL */

  /* What the reader found, printed in every summary. */
  char path[1024];
  char format[32];           /* "srw", "wind-csv" */
  char labelling[96];
  double utc_offset_h;
  int has_location;
  double latitude, longitude, elevation_m; /* elevation also when no lat/lon */
  int has_elevation;
  char station[128];

  size_t cap;                /* intervals allocated in every array (>= n) */
};

/* Reads a wind profile, detecting its format from the content: SAM's SRW
 * or the renewcalc wind CSV (docs/wind-profile-formats.md). Errors go to d
 * as "FILE:LINE: ..."; returns NULL then. The caller frees the result. */
struct wind_profile *wind_profile_read(const char *path, struct diag *d);
void wind_profile_free(struct wind_profile *p);

/* Index of the measured height nearest to h_m (ties: the lower). */
int wind_profile_nearest_height(const struct wind_profile *p, double h_m);

/* Format readers used by wind_profile_read(). */
struct wind_profile *read_srw(const char *path, struct diag *d);
struct wind_profile *read_wind_csv(const char *path, struct diag *d);
int read_srw_detect(const char *head);
int read_wind_csv_detect(const char *head);

/* Helpers shared by the readers. */

/* The quantities a wind profile holds. */
enum wind_quantity { WIND_SPEED, WIND_DIRECTION, WIND_TEMP, WIND_PRESSURE,
                     WIND_NQUANTITIES };

/* One measured column of a file, as wind_profile_layout() places it. */
struct wind_column {
  enum wind_quantity q;
  double height_m;     /* measured at [m] > 0 */
  /* Set by wind_profile_layout(): */
  int h;               /* index of the profile height that receives it, or
                          -1 when it is not used */
  double dz_m;         /* profile height - measured height [m]; non-zero only
                          for temperature and pressure measured where there
                          is no speed */
  int status;          /* WIND_COL_* */
};

enum {
  WIND_COL_USED = 0,
  WIND_COL_UNUSED = 1,     /* temperature or pressure superseded by one
                              measured nearer to the speed height */
  WIND_COL_DUPLICATE = -1, /* same quantity at the same height as an earlier
                              column */
  WIND_COL_NO_SPEED = -2,  /* direction at a height without speed */
};

/* New empty profile with room for cap intervals (the time axis only; the
 * value arrays come with wind_profile_layout()). NULL when out of memory.
 * Free with wind_profile_free(). */
struct wind_profile *wind_profile_new(size_t cap);

/* Grows every array of p to at least cap intervals, keeping the contents.
 * Returns 0, or -1 when out of memory (p stays valid). */
int wind_profile_reserve(struct wind_profile *p, size_t cap);

/* Sets up the heights of p (which has none yet) from the ncol columns of a
 * file: every distinct height with a speed column becomes a profile height,
 * in ascending order, and gets the arrays of the quantities measured there.
 * Temperature or pressure measured at a height without speed goes to the
 * nearest speed height (ties: the lower) that has none of its own; when
 * several compete, the one measured nearest wins and the others are
 * WIND_COL_UNUSED. Sets h, dz_m and status of every column.
 * Returns 0; -1 when out of memory; -2 when there is no speed column; -3
 * when there are more than WIND_HEIGHTS_MAX speed heights; -4 when a
 * column has a negative status (duplicate, direction without speed). */
int wind_profile_layout(struct wind_profile *p, struct wind_column *col,
                        int ncol);

/* Value v of quantity q measured dz_m [m] below the height it is used at
 * (negative dz_m: above), moved there with the ICAO standard atmosphere:
 * temperature [degC] falls by 6.5 K/km; pressure [Pa] falls by
 * exp(-g dz / (R_d 288.15 K)); speed and direction are returned as given. */
double wind_profile_adjust(enum wind_quantity q, double v, double dz_m);

#endif
