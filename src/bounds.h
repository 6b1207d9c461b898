/* Physical limits of the quantities renewcalc reads from resource profiles:
 * one place, so that every reader refuses the same values and no value
 * that cannot occur (or a non-finite one) reaches a model or an output.
 *
 * Irradiance (GHI, DNI, DHI as interval means, W/m2, or Wh/m2 over an
 * hour, the same number): 0 at night up to 2000. The solar constant is
 * 1361 W/m2 (Kopp and Lean, GRL 38, 2011); cloud edges lift short-interval
 * GHI to about 1.5 times the clear sky, and the BSRN "physically possible"
 * limit, 1.5 S0 cos(z)^1.2 + 100 W/m2 (Long and Dutton, BSRN quality
 * control, 2010), is about 2140 W/m2 with the sun at the zenith: no
 * measured or modelled hour comes near 2000, whereas a unit slip (kW/m2 x
 * 1000, W/m2 summed over a day) goes far beyond it. */
#ifndef RENEWCALC_BOUNDS_H
#define RENEWCALC_BOUNDS_H

#include <math.h>

#define BOUNDS_IRRADIANCE_MIN_WM2 0.0
#define BOUNDS_IRRADIANCE_MAX_WM2 2000.0

/* 1 if v is a finite irradiance within the limits, else 0 (NaN and
 * infinities included). */
static inline int bounds_irradiance_ok(double v)
{
  return isfinite(v) && v >= BOUNDS_IRRADIANCE_MIN_WM2 && v <= BOUNDS_IRRADIANCE_MAX_WM2;
}

#endif
