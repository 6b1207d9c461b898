/* A resource profile: one columnar time series on a regular time axis.
 * Every reader converts its format's time labels to interval-start UTC at
 * the border, once, and pressure to Pa, so the models see one convention. */
#ifndef RENEWCALC_PROFILE_H
#define RENEWCALC_PROFILE_H

#include <stddef.h>
#include <stdint.h>

struct diag;
struct solar_axis;

enum profile_col {
  PROFILE_GHI,        /* global horizontal irradiance [W/m2], interval mean */
  PROFILE_DNI,        /* direct normal irradiance [W/m2] */
  PROFILE_DHI,        /* diffuse horizontal irradiance [W/m2] */
  PROFILE_TEMP_AIR,   /* dry-bulb air temperature [degC] */
  PROFILE_WIND_SPEED, /* wind speed at the profile's height [m/s] */
  PROFILE_PRESSURE,   /* surface pressure [Pa] */
  PROFILE_ALBEDO,     /* ground reflectance [-] 0..1 */
  PROFILE_NCOLS
};

/* Longest profile a reader accepts: 20 years of 1-minute rows. */
#define PROFILE_ROWS_MAX ((size_t)20 * 366 * 24 * 60)

struct profile {
  size_t n;              /* rows in use */
  size_t cap;            /* rows allocated */
  int interval_s;        /* length of every interval [s], 60..3600 */
  int64_t *t_utc;        /* interval start [s since 1970-01-01 00:00 UTC] */
  double *col[PROFILE_NCOLS]; /* NULL: the file has no such column */

  /* What the reader found, printed in every summary. */
  char path[1024];       /* as given to profile_read() */
  char format[32];       /* "tmy3", "csv" */
  char labelling[96];    /* e.g. "hour-ending, local standard time UTC-05:00" */
  double utc_offset_h;   /* of the file's time labels (0 for UTC) */
  int has_location;      /* header gives a location: */
  double latitude, longitude, elevation_m;
  char station[128];     /* station or source name from the header, or "" */
  int synthetic;         /* 1: written by renewcalc's synth command (its header
                            comment), hours made from monthly means */

  const struct solar_axis *sun_axis; /* borrowed, optional: the time part at each
                                        interval's middle, shared by sites on this
                                        axis; NULL: computed per run */
  struct profile_calendar *calendar; /* private to profile.c: see
                                        profile_local_calendar() */
};

/* Local month (0..11) and hour (0..23) of every row's start in the labels'
 * time zone (utc_offset_h), as agg_local_calendar() gives them: month[i]
 * and month[n + i] = hour of row i, n = p->n. Made on the first call and
 * kept with the profile (profile_free() frees it), so that every plant and
 * site on the profile shares one; threads may call it at once. NULL when
 * out of memory, or when the rows or offset changed since it was made
 * (then the caller makes its own). Not to be freed by the caller. */
const unsigned char *profile_local_calendar(const struct profile *p);

/* Extraterrestrial normal irradiance [W/m2] of every row (n = p->n), by
 * the UTC day of the row's middle t_utc[i] + interval_s / 2 (integer
 * division): irr_extraterrestrial(calendar_day_of_year(day)), the value
 * pvlib and SAM take. Kept with the calendar (profile_local_calendar()),
 * shared likewise; NULL when it would be. Not to be freed by the caller. */
const double *profile_dni_extra(const struct profile *p);

/* Rows of each local month and hour of profile_local_calendar()
 * (count[month][hour]), kept with it; NULL when it would be. Not to be
 * freed by the caller. */
const unsigned (*profile_month_hour_count(const struct profile *p))[24];

/* 1 if every row starts interval_s after the one before, 0 if not, -1 when
 * not known (as profile_local_calendar() gives NULL); kept with the
 * calendar, so found once per profile. */
int profile_regular(const struct profile *p);

/* New profile with room for cap rows and no columns; NULL when out of
 * memory. The caller owns it and frees it with profile_free(). */
struct profile *profile_new(size_t cap);
void profile_free(struct profile *p);

/* Allocates column c (cap rows, zeroed) if it is not there yet.
 * Returns 0, or -1 when out of memory. */
int profile_add_col(struct profile *p, enum profile_col c);

/* Grows the row capacity to at least cap (keeps contents). 0 or -1. */
int profile_reserve(struct profile *p, size_t cap);

/* Name of column c as used in the plain CSV format ("ghi", "temp_air", ...). */
const char *profile_col_name(enum profile_col c);

/* Reads the file at path, detecting its format from its content: TMY3, TMY2,
 * NSRDB PSM3 / SAM CSV, EnergyPlus EPW, PVGIS (TMY or hourly series) or the
 * plain CSV format of docs/profile-csv.md (docs/profile-formats.md describes
 * the others). On error adds messages to d ("FILE:LINE: ...") and returns
 * NULL. The caller frees the result. */
struct profile *profile_read(const char *path, struct diag *d);

/* Format-specific readers used by profile_read(). */
struct profile *read_tmy3(const char *path, struct diag *d);
struct profile *read_tmy2(const char *path, struct diag *d);
struct profile *read_csv(const char *path, struct diag *d);
struct profile *read_epw(const char *path, struct diag *d);
struct profile *read_sam_csv(const char *path, struct diag *d);
struct profile *read_pvgis(const char *path, struct diag *d);

/* 1 if the first bytes of a file (head, NUL-terminated) look like that
 * format, else 0. */
int read_tmy3_detect(const char *head);
int read_tmy2_detect(const char *head);
int read_csv_detect(const char *head);
int read_epw_detect(const char *head);
int read_sam_csv_detect(const char *head);
int read_pvgis_detect(const char *head);

/* Helpers shared by the readers. */

/* Writes "+HH:MM" or "-HH:MM" for a UTC offset of offset_h hours (-14..14)
 * into buf (size >= 7). */
void profile_offset_text(char *buf, size_t size, double offset_h);

/* Albedo column with gaps marked by negative values: drops the column when
 * no row has a value, else fills the gaps with the mean of the rows that
 * have one. Does nothing when the column is absent. */
void profile_fill_albedo(struct profile *p);

#endif
