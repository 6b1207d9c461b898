/* Site lists for `renewcalc batch`: a CSV file with a header line and one
 * row per site (docs/batch.md lists the columns). Rows are read one at a
 * time, so that memory does not grow with the number of sites, and each row
 * becomes a one-plant site: a copy of a template site (site_cfg_template())
 * with the row's location, capacity, array or turbine, profile and emission
 * preset. */
#ifndef RENEWCALC_BATCH_H
#define RENEWCALC_BATCH_H

#include <stdio.h>

#include "csvline.h"
#include "site.h"
#include "synth.h"

struct diag;

enum batch_tech { BATCH_PV, BATCH_WIND };

/* One row, validated. Values the row leaves empty are "not given" (the
 * template's apply) unless said otherwise. */
struct batch_site {
  long index;                     /* 1-based position among the rows */
  long line;                      /* line in the file */
  char name[SITE_NAME_MAX];
  enum batch_tech tech;
  double latitude, longitude;     /* [deg] */
  double elevation_m;             /* [m], default 0 */
  double capacity_mw;             /* PV: AC rating [MW]; NAN: not given */
  double dc_ac_ratio;             /* NAN: the template's */
  int mount;                      /* PV_MOUNT_*, -1: the template's */
  double tilt_deg;                /* NAN: the template's */
  double azimuth_deg;             /* NAN: facing the equator (180 north, 0 south) */
  char turbine[64];               /* "": the template's */
  int count;                      /* wind turbines, 0: the template's */
  double hub_height_m;            /* NAN: the template's */
  char profile[SITE_PATH_MAX];    /* resolved against the list's folder; "" for monthly means */
  int has_monthly;                /* ghi_kwh_m2_day given: synthetic profile */
  struct synth_spec synth;        /* then: the profile's monthly means */
  char emissions[64];             /* preset name, "": the template's */
};

struct batch_reader;

/* Opens the list at path and reads its header. NULL with messages in d
 * (cannot open, no header, unknown or repeated column, a required column
 * missing). Free with batch_close(). */
struct batch_reader *batch_open(const char *path, struct diag *d);
void batch_close(struct batch_reader *r);

/* Reads the next row into *b. Returns 1 for a good row, 0 at the end of
 * the file, -1 for a bad row (every problem of the row reported in d;
 * reading may go on with the next row), -2 on a read error or when out of
 * memory (stop). Messages go to the diag given to batch_open(). Blank
 * lines and lines starting with '#' are skipped. */
int batch_next(struct batch_reader *r, struct batch_site *b);

/* Rows read so far (good and bad). */
long batch_rows(const struct batch_reader *r);

/* 1 once the reader has given CSV_MAX_ERRORS messages (then stop reading). */
int batch_errors_full(const struct batch_reader *r);

/* Makes *out a one-plant site from template tmpl and row b: the template's
 * PV plant (or wind plant) with the row's values; plant points to storage
 * for that plant (out->plants is set to it). Emission presets are looked
 * up by the caller (factors_load()); ef: the factors to use. 0, or -1 with
 * a message in d (the template has no plant of the row's technology, an
 * unknown turbine). */
int batch_site_build(const struct site *tmpl, const struct batch_site *b,
                     const struct emission_factors *ef, struct site *out,
                     struct plant_cfg *plant, struct diag *d);

#endif
