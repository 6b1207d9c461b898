/* The sun and sky of one profile as the hourly chain's plants read them;
 * private to sim.c and sim_fused.c. */
#ifndef RENEWCALC_SIM_SKY_H
#define RENEWCALC_SIM_SKY_H

#include <stddef.h>

#include "profile.h"
#include "sim.h"

/* Sun and sky on one profile's time axis; shared by plants on that profile.
 * Rows with the sun down all interval get no sun position unless a plant
 * asks for the angles (sky_build's angles): their zenith is then
 * SOLAR_NIGHT_ZENITH_DEG, cos_zen -1, sin_zen and sun_e, sun_n 0, which every
 * reader of a fixed plant's chain only compares with 85-90 deg (transpose,
 * decompose, clear-sky flag, air mass, pv8's air-mass clamp) or multiplies
 * by a beam that is 0 then; run_fused()'s single-axis tracker stows then. */
struct sky {
  const struct profile *p;
  size_t n;
  double *zenith, *dni_extra, *am_rel;
  double *azimuth;       /* NULL unless built with angles */
  double *cos_zen, *sin_zen;
  double *sun_e, *sun_n; /* sin and cos of the sun's azimuth */
  double *ghi, *dni, *dhi, *temp, *wind, *albedo; /* albedo NULL: plant's value */
  double *owned[6];                               /* filled-in columns */
  int n_owned;
  int dni_extra_borrowed;                         /* dni_extra is the profile's */
  struct sim_profile_note note;
};

/* Pass 3 of the sky (sim_sky.c), once passes 1 and 2 have filled the sun,
 * k->ghi and k->dni_extra: k->am_rel (NAN with the sun down), and into
 * k->note the GHI irradiation and the count of rows above the clear sky of
 * Linke turbidity linke at elevation_m [m]; the pressure [Pa] from
 * pressure_pa by row, or p_site when it is NULL. */
void sky_airmass(struct sky *k, const double *pressure_pa, double p_site, double elevation_m,
                 double linke);

#endif
