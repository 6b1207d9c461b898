/* GHI above clear sky by more than the cloud-enhancement margin; the margin
 * and its sources are described in sky_check.h. */
#include "sky_check.h"

int sky_check_above(double ghi_wm2, double ghi_clear_wm2, double ratio,
                    double offset_wm2)
{
  /* Written so that a NaN on either side compares false. */
  return ghi_wm2 > ratio * ghi_clear_wm2 + offset_wm2;
}

size_t sky_check_count_above(const double *ghi_wm2, const double *ghi_clear_wm2,
                             size_t n, double ratio, double offset_wm2,
                             unsigned char *flags)
{
  size_t count = 0;
  for (size_t i = 0; i < n; i++) {
    int above = sky_check_above(ghi_wm2[i], ghi_clear_wm2[i], ratio, offset_wm2);
    if (flags)
      flags[i] = (unsigned char)above;
    count += (size_t)above;
  }
  return count;
}

size_t sky_check_count_above_clear(const double *ghi_wm2,
                                   const double *ghi_clear_wm2, size_t n,
                                   unsigned char *flags)
{
  return sky_check_count_above(ghi_wm2, ghi_clear_wm2, n, SKY_CHECK_RATIO,
                               SKY_CHECK_OFFSET_WM2, flags);
}
