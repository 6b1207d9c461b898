/* Plane-of-array irradiance: isotropic sky (B. Y. H. Liu and R. C. Jordan,
 * "The long-term average performance of flat-plate solar-energy
 * collectors", Solar Energy 7(2), 53-74, 1963) and the Perez et al. (1990)
 * anisotropic sky, Solar Energy 44(5), 271-289, eqs. 9 and 1-6 of that
 * paper, in the form NREL SAM and pvlib implement; and the Hay and Davies
 * (1980) sky, Proc. First Canadian Solar Radiation Data Workshop, 59-72, as
 * Duffie and Beckman (Solar Engineering of Thermal Processes, eq. 2.16.4)
 * and pvlib's haydavies write it. */
#include "transpose.h"

#include <math.h>

#include "irradiance.h"
#include "units.h"

/* Perez et al. (1990) Table 6, "all sites composite" irradiance
 * coefficients (the set named "allsitescomposite1990" in SAM and pvlib).
 * One row per sky-clearness bin, columns f11 f12 f13 f21 f22 f23. */
const double transpose_perez_f[8][6] = {
  { -0.008,  0.588, -0.062, -0.060,  0.072, -0.022 },
  {  0.130,  0.683, -0.151, -0.019,  0.066, -0.029 },
  {  0.330,  0.487, -0.221,  0.055, -0.064, -0.026 },
  {  0.568,  0.187, -0.295,  0.109, -0.152, -0.014 },
  {  0.873, -0.392, -0.362,  0.226, -0.462,  0.001 },
  {  1.132, -1.237, -0.412,  0.288, -0.823,  0.056 },
  {  1.060, -1.600, -0.359,  0.264, -1.127,  0.131 },
  {  0.678, -0.327, -0.250,  0.156, -1.377,  0.251 },
};

/* Upper edges of the first seven clearness bins (Perez et al. 1990
 * Table 1); bin k holds edge[k-1] <= epsilon < edge[k], the last bin is
 * open above. */
const double transpose_perez_eps_edge[7] = { 1.065, 1.230, 1.500, 1.950,
                                             2.800, 4.500, 6.200 };

void transpose_pre(enum transpose_model model, double cos_tilt, double sin_tilt,
                   double cos_aoi, double zenith_deg, double cos_zenith, double dni,
                   double dhi, double ghi, double dni_extra, double am_rel, double albedo,
                   struct poa *out)
{
  transpose_pre_inline(model, cos_tilt, sin_tilt, cos_aoi, zenith_deg, cos_zenith, dni, dhi, ghi,
                       dni_extra, am_rel, albedo, out);
}

void transpose(enum transpose_model model, double tilt_deg, double surf_az_deg,
               double zenith_deg, double sun_az_deg, double dni, double dhi,
               double ghi, double dni_extra, double am_rel, double albedo,
               struct poa *out)
{
  double t = deg2rad(tilt_deg);
  transpose_pre(model, cos(t), sin(t), irr_cos_aoi(tilt_deg, surf_az_deg, zenith_deg, sun_az_deg),
                zenith_deg, cos(deg2rad(zenith_deg)), dni, dhi, ghi, dni_extra, am_rel, albedo,
                out);
}

const char *transpose_model_name(enum transpose_model model)
{
  switch (model) {
  case TRANSPOSE_ISOTROPIC:
    return "isotropic";
  case TRANSPOSE_HAYDAVIES:
    return "haydavies";
  default:
    return "perez";
  }
}
