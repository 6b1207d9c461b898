/* Sun position after the NREL Solar Position Algorithm.
 * Source: I. Reda and A. Andreas, "Solar Position Algorithm for Solar
 * Radiation Applications", NREL/TP-560-34302, revised January 2008
 * (equation numbers below refer to its section 3). The periodic-term
 * tables are the paper's Table A4.2 (Earth, from VSOP87 as reduced by
 * Meeus) and Table A4.3 (nutation, 1980 IAU theory). Stated accuracy:
 * +-0.0003 deg from -2000 to 6000. */
#include "solar.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "simd.h"
#include "units.h"

/* One periodic term A cos(B + C * JME). */
struct term {
  double a, b, c;
};

/* Table A4.2: Earth heliocentric longitude L0..L5. */
static const struct term L0[] = {
  {175347046.0, 0.0, 0.0},       {3341656.0, 4.6692568, 6283.07585},
  {34894.0, 4.6261, 12566.1517}, {3497.0, 2.7441, 5753.3849},
  {3418.0, 2.8289, 3.5231},      {3136.0, 3.6277, 77713.7715},
  {2676.0, 4.4181, 7860.4194},   {2343.0, 6.1352, 3930.2097},
  {1324.0, 0.7425, 11506.7698},  {1273.0, 2.0371, 529.691},
  {1199.0, 1.1096, 1577.3435},   {990.0, 5.233, 5884.927},
  {902.0, 2.045, 26.298},        {857.0, 3.508, 398.149},
  {780.0, 1.179, 5223.694},      {753.0, 2.533, 5507.553},
  {505.0, 4.583, 18849.228},     {492.0, 4.205, 775.523},
  {357.0, 2.92, 0.067},          {317.0, 5.849, 11790.629},
  {284.0, 1.899, 796.298},       {271.0, 0.315, 10977.079},
  {243.0, 0.345, 5486.778},      {206.0, 4.806, 2544.314},
  {205.0, 1.869, 5573.143},      {202.0, 2.458, 6069.777},
  {156.0, 0.833, 213.299},       {132.0, 3.411, 2942.463},
  {126.0, 1.083, 20.775},        {115.0, 0.645, 0.98},
  {103.0, 0.636, 4694.003},      {102.0, 0.976, 15720.839},
  {102.0, 4.267, 7.114},         {99.0, 6.21, 2146.17},
  {98.0, 0.68, 155.42},          {86.0, 5.98, 161000.69},
  {85.0, 1.3, 6275.96},          {85.0, 3.67, 71430.7},
  {80.0, 1.81, 17260.15},        {79.0, 3.04, 12036.46},
  {75.0, 1.76, 5088.63},         {74.0, 3.5, 3154.69},
  {74.0, 4.68, 801.82},          {70.0, 0.83, 9437.76},
  {62.0, 3.98, 8827.39},         {61.0, 1.82, 7084.9},
  {57.0, 2.78, 6286.6},          {56.0, 4.39, 14143.5},
  {56.0, 3.47, 6279.55},         {52.0, 0.19, 12139.55},
  {52.0, 1.33, 1748.02},         {51.0, 0.28, 5856.48},
  {49.0, 0.49, 1194.45},         {41.0, 5.37, 8429.24},
  {41.0, 2.4, 19651.05},         {39.0, 6.17, 10447.39},
  {37.0, 6.04, 10213.29},        {37.0, 2.57, 1059.38},
  {36.0, 1.71, 2352.87},         {36.0, 1.78, 6812.77},
  {33.0, 0.59, 17789.85},        {30.0, 0.44, 83996.85},
  {30.0, 2.74, 1349.87},         {25.0, 3.16, 4690.48},
};

static const struct term L1[] = {
  {628331966747.0, 0.0, 0.0},   {206059.0, 2.678235, 6283.07585},
  {4303.0, 2.6351, 12566.1517}, {425.0, 1.59, 3.523},
  {119.0, 5.796, 26.298},       {109.0, 2.966, 1577.344},
  {93.0, 2.59, 18849.23},       {72.0, 1.14, 529.69},
  {68.0, 1.87, 398.15},         {67.0, 4.41, 5507.55},
  {59.0, 2.89, 5223.69},        {56.0, 2.17, 155.42},
  {45.0, 0.4, 796.3},           {36.0, 0.47, 775.52},
  {29.0, 2.65, 7.11},           {21.0, 5.34, 0.98},
  {19.0, 1.85, 5486.78},        {19.0, 4.97, 213.3},
  {17.0, 2.99, 6275.96},        {16.0, 0.03, 2544.31},
  {16.0, 1.43, 2146.17},        {15.0, 1.21, 10977.08},
  {12.0, 2.83, 1748.02},        {12.0, 3.26, 5088.63},
  {12.0, 5.27, 1194.45},        {12.0, 2.08, 4694.0},
  {11.0, 0.77, 553.57},         {10.0, 1.3, 6286.6},
  {10.0, 4.24, 1349.87},        {9.0, 2.7, 242.73},
  {9.0, 5.64, 951.72},          {8.0, 5.3, 2352.87},
  {6.0, 2.65, 9437.76},         {6.0, 4.67, 4690.48},
};

static const struct term L2[] = {
  {52919.0, 0.0, 0.0},        {8720.0, 1.0721, 6283.0758},
  {309.0, 0.867, 12566.152},  {27.0, 0.05, 3.52},
  {16.0, 5.19, 26.3},         {16.0, 3.68, 155.42},
  {10.0, 0.76, 18849.23},     {9.0, 2.06, 77713.77},
  {7.0, 0.83, 775.52},        {5.0, 4.66, 1577.34},
  {4.0, 1.03, 7.11},          {4.0, 3.44, 5573.14},
  {3.0, 5.14, 796.3},         {3.0, 6.05, 5507.55},
  {3.0, 1.19, 242.73},        {3.0, 6.12, 529.69},
  {3.0, 0.31, 398.15},        {3.0, 2.28, 553.57},
  {2.0, 4.38, 5223.69},       {2.0, 3.75, 0.98},
};

static const struct term L3[] = {
  {289.0, 5.844, 6283.076}, {35.0, 0.0, 0.0},       {17.0, 5.49, 12566.15},
  {3.0, 5.2, 155.42},       {1.0, 4.72, 3.52},      {1.0, 5.3, 18849.23},
  {1.0, 5.97, 242.73},
};

static const struct term L4[] = {
  {114.0, 3.142, 0.0}, {8.0, 4.13, 6283.08}, {1.0, 3.84, 12566.15},
};

static const struct term L5[] = {
  {1.0, 3.14, 0.0},
};

/* Table A4.2: Earth heliocentric latitude B0..B1. */
static const struct term B0[] = {
  {280.0, 3.199, 84334.662}, {102.0, 5.422, 5507.553}, {80.0, 3.88, 5223.69},
  {44.0, 3.7, 2352.87},      {32.0, 4.0, 1577.34},
};

static const struct term B1[] = {
  {9.0, 3.9, 5507.55}, {6.0, 1.73, 5223.69},
};

/* Table A4.2: Earth radius vector R0..R4. */
static const struct term R0[] = {
  {100013989.0, 0.0, 0.0},       {1670700.0, 3.0984635, 6283.07585},
  {13956.0, 3.05525, 12566.1517}, {3084.0, 5.1985, 77713.7715},
  {1628.0, 1.1739, 5753.3849},   {1576.0, 2.8469, 7860.4194},
  {925.0, 5.453, 11506.77},      {542.0, 4.564, 3930.21},
  {472.0, 3.661, 5884.927},      {346.0, 0.964, 5507.553},
  {329.0, 5.9, 5223.694},        {307.0, 0.299, 5573.143},
  {243.0, 4.273, 11790.629},     {212.0, 5.847, 1577.344},
  {186.0, 5.022, 10977.079},     {175.0, 3.012, 18849.228},
  {110.0, 5.055, 5486.778},      {98.0, 0.89, 6069.78},
  {86.0, 5.69, 15720.84},        {86.0, 1.27, 161000.69},
  {65.0, 0.27, 17260.15},        {63.0, 0.92, 529.69},
  {57.0, 2.01, 83996.85},        {56.0, 5.24, 71430.7},
  {49.0, 3.25, 2544.31},         {47.0, 2.58, 775.52},
  {45.0, 5.54, 9437.76},         {43.0, 6.01, 6275.96},
  {39.0, 5.36, 4694.0},          {38.0, 2.39, 8827.39},
  {37.0, 0.83, 19651.05},        {37.0, 4.9, 12139.55},
  {36.0, 1.67, 12036.46},        {35.0, 1.84, 2942.46},
  {33.0, 0.24, 7084.9},          {32.0, 0.18, 5088.63},
  {32.0, 1.78, 398.15},          {28.0, 1.21, 6286.6},
  {28.0, 1.9, 6279.55},          {26.0, 4.59, 10447.39},
};

static const struct term R1[] = {
  {103019.0, 1.10749, 6283.07585}, {1721.0, 1.0644, 12566.1517},
  {702.0, 3.142, 0.0},             {32.0, 1.02, 18849.23},
  {31.0, 2.84, 5507.55},           {25.0, 1.32, 5223.69},
  {18.0, 1.42, 1577.34},           {10.0, 5.91, 10977.08},
  {9.0, 1.42, 6275.96},            {9.0, 0.27, 5486.78},
};

static const struct term R2[] = {
  {4359.0, 5.7846, 6283.0758}, {124.0, 5.579, 12566.152}, {12.0, 3.14, 0.0},
  {9.0, 3.63, 77713.77},       {6.0, 1.87, 5573.14},      {3.0, 5.47, 18849.23},
};

static const struct term R3[] = {
  {145.0, 4.273, 6283.076}, {7.0, 3.92, 12566.15},
};

static const struct term R4[] = {
  {4.0, 2.56, 6283.08},
};

#define NTERMS(t) ((int)(sizeof(t) / sizeof((t)[0])))

/* Table A4.3: nutation. Multipliers of X0..X4 (Y terms) and the
 * coefficients a, b (longitude) and c, d (obliquity) in 0.0001 arcsec. */
struct nut_term {
  signed char y[5];
  double a, b, c, d;
};

static const struct nut_term NUT[] = {
  {{0, 0, 0, 0, 1}, -171996.0, -174.2, 92025.0, 8.9},
  {{-2, 0, 0, 2, 2}, -13187.0, -1.6, 5736.0, -3.1},
  {{0, 0, 0, 2, 2}, -2274.0, -0.2, 977.0, -0.5},
  {{0, 0, 0, 0, 2}, 2062.0, 0.2, -895.0, 0.5},
  {{0, 1, 0, 0, 0}, 1426.0, -3.4, 54.0, -0.1},
  {{0, 0, 1, 0, 0}, 712.0, 0.1, -7.0, 0.0},
  {{-2, 1, 0, 2, 2}, -517.0, 1.2, 224.0, -0.6},
  {{0, 0, 0, 2, 1}, -386.0, -0.4, 200.0, 0.0},
  {{0, 0, 1, 2, 2}, -301.0, 0.0, 129.0, -0.1},
  {{-2, -1, 0, 2, 2}, 217.0, -0.5, -95.0, 0.3},
  {{-2, 0, 1, 0, 0}, -158.0, 0.0, 0.0, 0.0},
  {{-2, 0, 0, 2, 1}, 129.0, 0.1, -70.0, 0.0},
  {{0, 0, -1, 2, 2}, 123.0, 0.0, -53.0, 0.0},
  {{2, 0, 0, 0, 0}, 63.0, 0.0, 0.0, 0.0},
  {{0, 0, 1, 0, 1}, 63.0, 0.1, -33.0, 0.0},
  {{2, 0, -1, 2, 2}, -59.0, 0.0, 26.0, 0.0},
  {{0, 0, -1, 0, 1}, -58.0, -0.1, 32.0, 0.0},
  {{0, 0, 1, 2, 1}, -51.0, 0.0, 27.0, 0.0},
  {{-2, 0, 2, 0, 0}, 48.0, 0.0, 0.0, 0.0},
  {{0, 0, -2, 2, 1}, 46.0, 0.0, -24.0, 0.0},
  {{2, 0, 0, 2, 2}, -38.0, 0.0, 16.0, 0.0},
  {{0, 0, 2, 2, 2}, -31.0, 0.0, 13.0, 0.0},
  {{0, 0, 2, 0, 0}, 29.0, 0.0, 0.0, 0.0},
  {{-2, 0, 1, 2, 2}, 29.0, 0.0, -12.0, 0.0},
  {{0, 0, 0, 2, 0}, 26.0, 0.0, 0.0, 0.0},
  {{-2, 0, 0, 2, 0}, -22.0, 0.0, 0.0, 0.0},
  {{0, 0, -1, 2, 1}, 21.0, 0.0, -10.0, 0.0},
  {{0, 2, 0, 0, 0}, 17.0, -0.1, 0.0, 0.0},
  {{2, 0, -1, 0, 1}, 16.0, 0.0, -8.0, 0.0},
  {{-2, 2, 0, 2, 2}, -16.0, 0.1, 7.0, 0.0},
  {{0, 1, 0, 0, 1}, -15.0, 0.0, 9.0, 0.0},
  {{-2, 0, 1, 0, 1}, -13.0, 0.0, 7.0, 0.0},
  {{0, -1, 0, 0, 1}, -12.0, 0.0, 6.0, 0.0},
  {{0, 0, 2, -2, 0}, 11.0, 0.0, 0.0, 0.0},
  {{2, 0, -1, 2, 1}, -10.0, 0.0, 5.0, 0.0},
  {{2, 0, 1, 2, 2}, -8.0, 0.0, 3.0, 0.0},
  {{0, 1, 0, 2, 2}, 7.0, 0.0, -3.0, 0.0},
  {{-2, 1, 1, 0, 0}, -7.0, 0.0, 0.0, 0.0},
  {{0, -1, 0, 2, 2}, -7.0, 0.0, 3.0, 0.0},
  {{2, 0, 0, 2, 1}, -7.0, 0.0, 3.0, 0.0},
  {{2, 0, 1, 0, 0}, 6.0, 0.0, 0.0, 0.0},
  {{-2, 0, 2, 2, 2}, 6.0, 0.0, -3.0, 0.0},
  {{-2, 0, 1, 2, 1}, 6.0, 0.0, -3.0, 0.0},
  {{2, 0, -2, 0, 1}, -6.0, 0.0, 3.0, 0.0},
  {{2, 0, 0, 0, 1}, -6.0, 0.0, 3.0, 0.0},
  {{0, -1, 1, 0, 0}, 5.0, 0.0, 0.0, 0.0},
  {{-2, -1, 0, 2, 1}, -5.0, 0.0, 3.0, 0.0},
  {{-2, 0, 0, 0, 1}, -5.0, 0.0, 3.0, 0.0},
  {{0, 0, 2, 2, 1}, -5.0, 0.0, 3.0, 0.0},
  {{-2, 0, 2, 0, 1}, 4.0, 0.0, 0.0, 0.0},
  {{-2, 1, 0, 2, 1}, 4.0, 0.0, 0.0, 0.0},
  {{0, 0, 1, -2, 0}, 4.0, 0.0, 0.0, 0.0},
  {{-1, 0, 1, 0, 0}, -4.0, 0.0, 0.0, 0.0},
  {{-2, 1, 0, 0, 0}, -4.0, 0.0, 0.0, 0.0},
  {{1, 0, 0, 0, 0}, -4.0, 0.0, 0.0, 0.0},
  {{0, 0, 1, 2, 0}, 3.0, 0.0, 0.0, 0.0},
  {{0, 0, -2, 2, 2}, -3.0, 0.0, 0.0, 0.0},
  {{-1, -1, 1, 0, 0}, -3.0, 0.0, 0.0, 0.0},
  {{0, 1, 1, 0, 0}, -3.0, 0.0, 0.0, 0.0},
  {{0, -1, 1, 2, 2}, -3.0, 0.0, 0.0, 0.0},
  {{2, -1, -1, 2, 2}, -3.0, 0.0, 0.0, 0.0},
  {{0, 0, 3, 2, 2}, -3.0, 0.0, 0.0, 0.0},
  {{2, -1, 0, 2, 2}, -3.0, 0.0, 0.0, 0.0},
};

/* Julian day of the Unix epoch, 1970-01-01 00:00 UT. */
#define JD_UNIX_EPOCH 2440587.5
/* J2000.0 epoch [JD]. */
#define JD_J2000 2451545.0
/* Sun's apparent semi-diameter [deg], used by SPA to decide whether the
 * refraction correction applies (eq. 41). */
#define SUN_RADIUS_DEG 0.26667
/* Apparent elevation of the sun's centre at sunrise/sunset [deg]. */
#define SUNRISE_ELEVATION_DEG (-0.8333)
/* Refraction at the horizon used by solar_interval_position() [deg]. */
#define INTERVAL_ATMOS_REFRACT_DEG 0.5667
/* Earth's equatorial radius [m] and 1 - flattening (SPA eqs. 28-30). */
#define EARTH_RADIUS_M 6378140.0
#define EARTH_B_OVER_A 0.99664719

/* Angle reduced to 0..360. */
static double wrap360(double deg)
{
  double r = fmod(deg, 360.0);
  return r < 0.0 ? r + 360.0 : r;
}

/* Largest integer <= x for |x| < 9e18, without a call to floor(). */
static double floor_fast(double x)
{
  const double t = (double)(int64_t)x;
  return t > x ? t - 1.0 : t;
}

/* floor_fast() for |x| < 2^31, through a 32-bit integer: the same values,
 * and a conversion the vectorised loops have on every processor. */
static inline double floor_small(double x)
{
  const double t = (double)(int32_t)x;
  return t > x ? t - 1.0 : t;
}

/* The Taylor series of sin r and cos r to r^15 and r^16 for |r| <= pi/4,
 * whose remainders are under 5e-17. */
static inline __attribute__((always_inline)) void sincos_series(double r, double *sr,
                                                                double *cr)
{
  const double r2 = r * r;
  *sr = r + r * r2 *
                (-1.0 / 6.0 +
                 r2 * (1.0 / 120.0 +
                       r2 * (-1.0 / 5040.0 +
                             r2 * (1.0 / 362880.0 +
                                   r2 * (-1.0 / 39916800.0 +
                                         r2 * (1.0 / 6227020800.0 +
                                               r2 * (-1.0 / 1307674368000.0)))))));
  *cr = 1.0 +
        r2 * (-0.5 +
              r2 * (1.0 / 24.0 +
                    r2 * (-1.0 / 720.0 +
                          r2 * (1.0 / 40320.0 +
                                r2 * (-1.0 / 3628800.0 +
                                      r2 * (1.0 / 479001600.0 +
                                            r2 * (-1.0 / 87178291200.0 +
                                                  r2 * (1.0 / 20922789888000.0))))))));
}

/* sin x and cos x for |x| < 1e6 (a series argument C t, an hour angle), about
 * three times cheaper than the C library's: x less k pi/2, with pi/2 split
 * in a 33-bit head (k pi2_hi exact for |k| < 2^20) and a tail, then the
 * Taylor series to x^15 and x^16 on |r| <= pi/4, whose remainders are under
 * 5e-17. Absolute error about 2e-16, like the library's on these
 * arguments. */
static void sincos_fast(double x, double *sin_x, double *cos_x)
{
  const double pio2_hi = 1.5707963267341256, pio2_lo = 6.077100506506192e-11;
  const double kf = floor_fast(x * (2.0 / UNITS_PI) + 0.5);
  const double r = (x - kf * pio2_hi) - kf * pio2_lo;
  double sr, cr;
  sincos_series(r, &sr, &cr);
  switch ((int64_t)kf & 3) {
  case 0: *sin_x = sr; *cos_x = cr; break;
  case 1: *sin_x = cr; *cos_x = -sr; break;
  case 2: *sin_x = -sr; *cos_x = -cr; break;
  default: *sin_x = -cr; *cos_x = sr; break;
  }
}

/* asin x for -1 <= x <= 1 without a branch or a library call, so that the
 * row loops that take it vectorise: on |x| <= 1/2 the Taylor series
 * asin t = t + t u (c1 + c2 u + ... + c22 u^21), u = t^2,
 * c_n = (2n)! / (4^n (n!)^2 (2n + 1)), whose remainder is under 3e-16 t
 * there (the terms shrink at least 4 times each); above, asin x =
 * pi/2 - 2 asin sqrt((1 - x) / 2), whose argument is again at most 1/2.
 * The polynomial by Estrin's scheme (pairs, then pairs of pairs, with u^2,
 * u^4, u^8 and u^16), five steps deep instead of Horner's 21. Within
 * 2.3e-16 of the library's asin(). */
static inline __attribute__((always_inline)) double asin_series(double x)
{
  static const double c[22] = {
    0.16666666666666666,  0.075,                 0.044642857142857144,  0.030381944444444444,
    0.022372159090909092, 0.017352764423076924,  0.01396484375,         0.011551800896139705,
    0.009761609529194078, 0.008390335809616815,  0.0073125258735988454, 0.006447210311889649,
    0.005740037670841924, 0.005153309682319905,  0.004660143486915096,  0.004240907093679363,
    0.003880964558837669, 0.0035692053938259347, 0.003297059503473485,  0.0030578216492580306,
    0.002846178401108942, 0.00265787063820729,
  };
  const double ax = fabs(x);
  const double u = ax > 0.5 ? 0.5 * (1.0 - ax) : ax * ax;
  const double t = ax > 0.5 ? sqrt(u) : ax;
  const double u2 = u * u, u4 = u2 * u2, u8 = u4 * u4, u16 = u8 * u8;
  /* c[k] + c[k + 1] u, and on up. */
#define ASIN_P1(k) (c[k] + c[(k) + 1] * u)
#define ASIN_P2(k) (ASIN_P1(k) + ASIN_P1((k) + 2) * u2)
#define ASIN_P3(k) (ASIN_P2(k) + ASIN_P2((k) + 4) * u4)
  const double p0_15 = ASIN_P3(0) + ASIN_P3(8) * u8;
  const double p16_21 = ASIN_P2(16) + ASIN_P1(20) * u4;
#undef ASIN_P3
#undef ASIN_P2
#undef ASIN_P1
  const double s = t + t * u * (p0_15 + p16_21 * u16);
  const double r = ax > 0.5 ? UNITS_PI / 2.0 - 2.0 * s : s;
  return x < 0.0 ? -r : r;
}

/* sincos_fast() without a branch, for the vectorised loops: the same
 * values (the quadrant k mod 4 worked in doubles, then selects). */
static inline __attribute__((always_inline)) void sincos_select(double x, double *sin_x,
                                                                double *cos_x)
{
  const double pio2_hi = 1.5707963267341256, pio2_lo = 6.077100506506192e-11;
  const double kf = floor_small(x * (2.0 / UNITS_PI) + 0.5);
  const double r = (x - kf * pio2_hi) - kf * pio2_lo;
  double sr, cr;
  sincos_series(r, &sr, &cr);
  const double q = kf - 4.0 * floor_small(kf * 0.25);
  *sin_x = q == 0.0 ? sr : q == 1.0 ? cr : q == 2.0 ? -sr : -cr;
  *cos_x = q == 0.0 ? cr : q == 1.0 ? -sr : q == 2.0 ? -cr : sr;
}

/* wrap360() without fmod: off by a rounding of deg (1e-9 deg for the
 * sidereal time's 1e7 deg), for the per-instant path. */
static double wrap360_fast(double deg)
{
  const double r = deg - 360.0 * floor_fast(deg / 360.0);
  return r >= 360.0 ? r - 360.0 : r;
}

/* Angle reduced to -180..180, from wrap360_fast(). */
static double wrap180_fast(double deg)
{
  const double r = wrap360_fast(deg);
  return r > 180.0 ? r - 360.0 : r;
}

/* wrap360_fast() and wrap180_fast() for |deg| < 7e11 (floor_small()): the
 * same values, for the vectorised loops. */
static inline double wrap360_small(double deg)
{
  const double r = deg - 360.0 * floor_small(deg / 360.0);
  return r >= 360.0 ? r - 360.0 : r;
}

static inline double wrap180_small(double deg)
{
  const double r = wrap360_small(deg);
  return r > 180.0 ? r - 360.0 : r;
}

static double term_sum(const struct term *t, int n, double jme)
{
  double s = 0.0;
  for (int i = 0; i < n; i++)
    s += t[i].a * cos(t[i].b + t[i].c * jme);
  return s;
}

/* Polynomial in JME of the series sums, divided by 1e8 (eqs. 9-12). */
static double series(const double *sums, int n, double jme)
{
  double v = 0.0;
  for (int i = n - 1; i >= 0; i--)
    v = v * jme + sums[i];
  return v / 1e8;
}

/* The series of Table A4.2 in one list: L0..L5, B0..B1, R0..R4. */
enum { SER_L = 0, SER_B = 6, SER_R = 8, SER_N = 13 };
static const struct {
  const struct term *t;
  int n;
} SERIES[SER_N] = {
  {L0, NTERMS(L0)}, {L1, NTERMS(L1)}, {L2, NTERMS(L2)}, {L3, NTERMS(L3)}, {L4, NTERMS(L4)},
  {L5, NTERMS(L5)}, {B0, NTERMS(B0)}, {B1, NTERMS(B1)}, {R0, NTERMS(R0)}, {R1, NTERMS(R1)},
  {R2, NTERMS(R2)}, {R3, NTERMS(R3)}, {R4, NTERMS(R4)},
};

/* Sums of the 13 series at jme, term by term as the paper writes them. */
static void helio_sums_direct(double jme, double sums[SER_N])
{
  for (int s = 0; s < SER_N; s++)
    sums[s] = term_sum(SERIES[s].t, SERIES[s].n, jme);
}

/* (*c + i *s) *= (bc + i bs). */
static inline void cmul(double *c, double *s, double bc, double bs)
{
  const double c2 = *c * bc - *s * bs;
  *s = *s * bc + *c * bs;
  *c = c2;
}

/* Nutation in longitude and obliquity [deg] (eqs. 15-22). */
static void nutation(double jce, double *dpsi_deg, double *deps_deg)
{
  const double jce2 = jce * jce, jce3 = jce2 * jce;
  /* Mean elongation of the moon, mean anomalies of sun and moon, moon's
   * argument of latitude, longitude of the moon's ascending node [deg]. */
  const double x[5] = {
    297.85036 + 445267.111480 * jce - 0.0019142 * jce2 + jce3 / 189474.0,
    357.52772 + 35999.050340 * jce - 0.0001603 * jce2 - jce3 / 300000.0,
    134.96298 + 477198.867398 * jce + 0.0086972 * jce2 + jce3 / 56250.0,
    93.27191 + 483202.017538 * jce - 0.0036825 * jce2 + jce3 / 327270.0,
    125.04452 - 1934.136261 * jce + 0.0020708 * jce2 + jce3 / 450000.0,
  };
  /* e^(i y x_j) for y = -3..3 (index y + 3), so that each term's
   * e^(i sum y_j x_j) is a product of five table entries instead of a sine
   * and a cosine of a large argument; y = 0 gives 1, no branch needed. */
  double pc[5][7], ps[5][7];
  for (int j = 0; j < 5; j++) {
    const double xr = deg2rad(x[j]);
    const double c1 = cos(xr), s1 = sin(xr);
    const double c2 = c1 * c1 - s1 * s1, s2 = 2.0 * s1 * c1;
    const double c3 = c2 * c1 - s2 * s1, s3 = s2 * c1 + c2 * s1;
    pc[j][3] = 1.0;
    ps[j][3] = 0.0;
    pc[j][4] = pc[j][2] = c1;
    ps[j][4] = s1;
    ps[j][2] = -s1;
    pc[j][5] = pc[j][1] = c2;
    ps[j][5] = s2;
    ps[j][1] = -s2;
    pc[j][6] = pc[j][0] = c3;
    ps[j][6] = s3;
    ps[j][0] = -s3;
  }
  double dpsi = 0.0, deps = 0.0;
  for (int i = 0; i < NTERMS(NUT); i++) {
    const struct nut_term *t = &NUT[i];
    double c = pc[0][t->y[0] + 3], sn = ps[0][t->y[0] + 3];
    cmul(&c, &sn, pc[1][t->y[1] + 3], ps[1][t->y[1] + 3]);
    cmul(&c, &sn, pc[2][t->y[2] + 3], ps[2][t->y[2] + 3]);
    cmul(&c, &sn, pc[3][t->y[3] + 3], ps[3][t->y[3] + 3]);
    cmul(&c, &sn, pc[4][t->y[4] + 3], ps[4][t->y[4] + 3]);
    dpsi += (t->a + t->b * jce) * sn;
    deps += (t->c + t->d * jce) * c;
  }
  *dpsi_deg = dpsi / 36000000.0;
  *deps_deg = deps / 36000000.0;
}

/* Mean obliquity of the ecliptic [arcsec] (eq. 24, Laskar's polynomial),
 * valid for |jme| < 1 (1000 years from J2000). */
static double mean_obliquity_arcsec(double jme)
{
  static const double c[11] = {84381.448, -4680.93, -1.55,  1999.25,
                               -51.38,    -249.67,  -39.05, 7.12,
                               27.87,     5.79,     2.45};
  const double u = jme / 10.0;
  double v = 0.0;
  for (int i = 10; i >= 0; i--)
    v = v * u + c[i];
  return v;
}

/* Days of UT since J2000.0 (JD 2451545.0 = 2000-01-01 12:00 UT = Unix
 * 946728000 s), taken from unix_s directly: through jd (about 2.45e6, ulp
 * 4.7e-10 d) the sidereal time would carry 1.7e-7 deg of rounding. */
static double days_since_j2000(double unix_s)
{
  return (unix_s - 946728000.0) / UNITS_S_PER_DAY;
}

/* Mean sidereal time at Greenwich [deg], not reduced to 0..360 (eq. 23),
 * d days of UT since J2000.0. */
static double mean_sidereal_deg(double d)
{
  const double jc = d / 36525.0;
  return 280.46061837 + 360.98564736629 * d + jc * jc * (0.000387933 - jc / 38710000.0);
}

/* The full SPA time part from the 13 series sums of Table A4.2 at jme
 * (helio_sums_direct() or the grouped form below); *nut_nu_deg gets the
 * nutation correction dpsi cos(eps) [deg] that eq. 24 adds to the mean
 * sidereal time. */
static void time_from_sums(double unix_s, double jme, const double sums[SER_N],
                           struct solar_time *st, double *nut_nu_deg)
{
  const double jce = jme * 10.0;
  const double l_deg = wrap360(rad2deg(series(sums + SER_L, 6, jme)));
  const double b_deg = rad2deg(series(sums + SER_B, 2, jme));
  const double r_au = series(sums + SER_R, 5, jme);

  /* Geocentric: the sun is seen opposite the Earth (eqs. 13-14). */
  const double theta_deg = wrap360(l_deg + 180.0);
  const double beta_deg = -b_deg;

  double dpsi_deg, deps_deg;
  nutation(jce, &dpsi_deg, &deps_deg);
  const double eps_deg = mean_obliquity_arcsec(jme) / 3600.0 + deps_deg;

  const double dtau_deg = -20.4898 / (3600.0 * r_au); /* aberration */
  const double lambda_deg = theta_deg + dpsi_deg + dtau_deg;

  const double eps = deg2rad(eps_deg);
  *nut_nu_deg = dpsi_deg * cos(eps);

  const double lambda = deg2rad(lambda_deg), beta = deg2rad(beta_deg);
  const double alpha = atan2(sin(lambda) * cos(eps) - tan(beta) * sin(eps), cos(lambda));
  const double delta =
      asin(sin(beta) * cos(eps) + cos(beta) * sin(eps) * sin(lambda));

  st->jd = unix_s / UNITS_S_PER_DAY + JD_UNIX_EPOCH;
  st->nu_deg = wrap360(mean_sidereal_deg(days_since_j2000(unix_s)) + *nut_nu_deg);
  st->alpha_deg = wrap360(rad2deg(alpha));
  st->delta_deg = rad2deg(delta);
  st->r_au = r_au;
  st->xi_deg = 8.794 / (3600.0 * r_au);
}

/* Julian ephemeris millennium from J2000.0 (eqs. 4-7). */
static double jme_of(double unix_s, double delta_t_s)
{
  const double jd = unix_s / UNITS_S_PER_DAY + JD_UNIX_EPOCH;
  const double jde = jd + delta_t_s / UNITS_S_PER_DAY;
  return (jde - JD_J2000) / 365250.0;
}

void solar_time_at(double unix_s, double delta_t_s, struct solar_time *st)
{
  const double jme = jme_of(unix_s, delta_t_s);
  double sums[SER_N], nut_nu_deg;
  helio_sums_direct(jme, sums);
  time_from_sums(unix_s, jme, sums, st, &nut_nu_deg);
}

/* ---- the series grouped by frequency --------------------------------------
 * The 195 terms of Table A4.2 have 68 distinct frequencies C once the
 * table's own rounding is set aside (6283.07585, 6283.0758, 6283.076 and
 * 6283.08 are one frequency printed to different digits). A term is
 *   A cos(B + C t) = A cos(B + e) cos(Cg t) - A sin(B + e) sin(Cg t),
 * with Cg the group's frequency (its first term's), e = (C - Cg) t and
 * |C - Cg| <= 0.0042 rad per millennium. So each node needs 68 sine-cosine
 * pairs instead of 195 cosines; cos e and sin e come from their Taylor
 * series, whose first omitted terms (e^4/24, e^5/120) are under 1e-11 and
 * 1e-14 for |t| < 1 (the 1000 years the obliquity polynomial allows), i.e.
 * rounding-level once multiplied by A / 1e8. A cos B and A sin B are
 * computed once per cache (solar_time_cache.helio). */
#define HELIO_SAME_FREQ 0.01 /* [rad per millennium]; distinct ones differ by 0.07 or more */

static void helio_init(struct solar_time_cache *c)
{
  int n = 0, ng = 0;
  for (int s = 0; s < SER_N; s++) {
    /* The terms at their group's exact frequency first: they need no
     * correction for e. */
    int n_same = 0;
    for (int pass = 0; pass < 2; pass++)
      for (int i = 0; i < SERIES[s].n; i++) {
        const struct term *t = &SERIES[s].t[i];
        int g = 0;
        while (g < ng && fabs(c->helio.group_c[g] - t->c) >= HELIO_SAME_FREQ)
          g++;
        if (g == ng)
          c->helio.group_c[ng++] = t->c;
        const double dc = t->c - c->helio.group_c[g];
        if ((dc == 0.0) != (pass == 0))
          continue;
        c->helio.a_cos_b[n] = t->a * cos(t->b);
        c->helio.a_sin_b[n] = t->a * sin(t->b);
        c->helio.dc[n] = dc;
        c->helio.group[n] = (unsigned char)g;
        n++;
        n_same += pass == 0;
      }
    c->helio.n_same[s] = (short)n_same;
  }
  c->helio.ready = 1;
}

static void helio_sums_grouped(const struct solar_time_cache *c, double jme,
                               double sums[SER_N])
{
  double gc[SOLAR_HELIO_GROUPS], gs[SOLAR_HELIO_GROUPS];
  for (int g = 0; g < SOLAR_HELIO_GROUPS; g++)
    sincos_fast(c->helio.group_c[g] * jme, &gs[g], &gc[g]);
  int n = 0;
  for (int s = 0; s < SER_N; s++) {
    double sum = 0.0;
    const int n_same = n + c->helio.n_same[s], n_end = n + SERIES[s].n;
    for (; n < n_same; n++) {
      const int g = c->helio.group[n];
      sum += c->helio.a_cos_b[n] * gc[g] - c->helio.a_sin_b[n] * gs[g];
    }
    for (; n < n_end; n++) {
      const double e = c->helio.dc[n] * jme, e2 = e * e;
      const double ce = 1.0 - 0.5 * e2, se = e * (1.0 - e2 / 6.0);
      const double acb = c->helio.a_cos_b[n], asb = c->helio.a_sin_b[n];
      const int g = c->helio.group[n];
      sum += (acb * ce - asb * se) * gc[g] - (asb * ce + acb * se) * gs[g];
    }
    sums[s] = sum;
  }
}

/* ---- interpolation between exact nodes ----------------------------------
 * alpha, delta, r and the nutation term of nu are smooth: apart from the
 * yearly motion their fastest terms of any size are the moon's pull on the
 * Earth (29.5 d, 6.5 arcsec in L0), a 14.2 d term of L0 (0.18 arcsec) and
 * the nutation terms of 13.7 and 9.1 days (0.23 and 0.03 arcsec). They are
 * interpolated by the polynomial through NODE_POINTS exact nodes spaced
 * NODE_STEP_S apart on a grid fixed in time (multiples of NODE_STEP_S since
 * the Unix epoch), so that the result for an instant does not depend on the
 * other instants asked for; the middle segment of the window is used. The
 * mean sidereal time, 361 deg a day, is computed exactly. sin and cos of
 * delta are interpolated too, for the site part.
 * Largest differences from solar_time_at over hourly 1950, 2000 and 2050,
 * alpha / topocentric azimuth at Quito, Helsinki and Dunedin (measured):
 * 1 d x 6 nodes 1.8e-8 / 6.2e-8 deg; 1 d x 8: 2.3e-9 / 1.5e-8;
 * 1.5 d x 8: 4.5e-8 / 2.5e-7; 2 d x 10: 1.5e-7 / 8.5e-7; 2.5 d x 12:
 * 6.0e-7 / 3.6e-6. Beyond 1.5 d more nodes barely help (the short nutation
 * terms), so 1.5 d x 8, 4 times inside the 1e-6 deg bar, is the cheapest. */
#define NODE_STEP_S 129600.0
#define NODE_POINTS 8
/* Offset of the window's first node from the segment's start node. */
#define NODE_FIRST (-(NODE_POINTS / 2 - 1))

_Static_assert(NODE_POINTS >= 2 && NODE_POINTS % 2 == 0, "NODE_POINTS must be even");
_Static_assert(NODE_POINTS <= SOLAR_CACHE_SLOTS, "the cache must hold a window");
_Static_assert((SOLAR_CACHE_SLOTS & (SOLAR_CACHE_SLOTS - 1)) == 0,
               "SOLAR_CACHE_SLOTS must be a power of 2");

/* Node values, the order of solar_time_cache.val[]; the window adds the
 * sine and cosine of delta, which the site part needs at every instant. */
enum { NV_ALPHA, NV_DELTA, NV_R, NV_NUT, NV_SIN_DELTA, NV_COS_DELTA, NV_WIN };
_Static_assert(NV_WIN == SOLAR_CACHE_COLS, "window columns");
_Static_assert(SER_N <= 16, "solar_time_cache.helio.n_same is too short");

void solar_time_cache_init(struct solar_time_cache *c, double delta_t_s)
{
  c->delta_t_s = delta_t_s;
  for (int i = 0; i < SOLAR_CACHE_SLOTS; i++)
    c->node[i] = INT64_MIN;
  c->win_k = INT64_MIN;
  c->len_s = -1.0;
  c->helio.ready = 0;
}

static const double *cache_node(struct solar_time_cache *c, int64_t k)
{
  const int slot = (int)((uint64_t)k & (SOLAR_CACHE_SLOTS - 1));
  if (c->node[slot] != k) {
    if (!c->helio.ready)
      helio_init(c);
    const double unix_s = (double)k * NODE_STEP_S;
    const double jme = jme_of(unix_s, c->delta_t_s);
    double sums[SER_N], nut;
    struct solar_time st;
    helio_sums_grouped(c, jme, sums);
    time_from_sums(unix_s, jme, sums, &st, &nut);
    c->val[slot][NV_ALPHA] = st.alpha_deg;
    c->val[slot][NV_DELTA] = st.delta_deg;
    c->val[slot][NV_R] = st.r_au;
    c->val[slot][NV_NUT] = nut;
    sincos_fast(deg2rad(st.delta_deg), &c->val[slot][NV_SIN_DELTA],
                &c->val[slot][NV_COS_DELTA]);
    c->node[slot] = k;
  }
  return c->val[slot];
}

/* Loads the window of segment k (nodes k + NODE_FIRST ...) into c->win as
 * Newton divided differences in s, the fraction of segment k (the nodes
 * are at s = NODE_FIRST ... NODE_FIRST + P - 1, unit spacing). alpha is
 * unwrapped across 360 -> 0 (each March) first. */
static void window_load(struct solar_time_cache *c, int64_t k)
{
  enum { P = NODE_POINTS };
  for (int j = 0; j < P; j++) {
    const double *n = cache_node(c, k + NODE_FIRST + j);
    double a = n[NV_ALPHA];
    if (j > 0)
      a += 360.0 * floor_fast((c->win[NV_ALPHA][j - 1] - a) / 360.0 + 0.5);
    c->win[NV_ALPHA][j] = a;
    for (int q = NV_DELTA; q < NV_WIN; q++)
      c->win[q][j] = n[q];
  }
  for (int m = 1; m < P; m++)
    for (int j = P - 1; j >= m; j--)
      for (int q = 0; q < NV_WIN; q++)
        c->win[q][j] = (c->win[q][j] - c->win[q][j - 1]) * (1.0 / m);
  c->win_k = k;
}

/* The Newton form d[0] + f[0] (d[1] + f[1] (d[2] + ...)), f[j] = s - node j. */
static inline double newton(const double *d, const double *f)
{
  _Static_assert(NODE_POINTS == 8, "newton() is written out for 8 nodes");
  return d[0] +
         f[0] * (d[1] +
                 f[1] * (d[2] +
                         f[2] * (d[3] +
                                 f[3] * (d[4] + f[4] * (d[5] + f[5] * (d[6] + f[6] * d[7]))))));
}

/* The time part at unix_s from the divided differences win of its segment
 * (x: unix_s's fraction of the segment, 0..1); with sin_delta non-NULL, the
 * sine and cosine of delta there, and delta itself (st->delta_deg) only
 * when want_delta (else it is not set). */
static inline void win_eval(const double win[SOLAR_CACHE_COLS][SOLAR_CACHE_SLOTS],
                            double unix_s, double x, struct solar_time *st,
                            double *sin_delta, double *cos_delta, int want_delta)
{
  double f[NODE_POINTS - 1];
  for (int j = 0; j < NODE_POINTS - 1; j++)
    f[j] = x - (NODE_FIRST + j);

  const double nut = newton(win[NV_NUT], f), r = newton(win[NV_R], f);
  st->jd = unix_s / UNITS_S_PER_DAY + JD_UNIX_EPOCH;
  st->nu_deg = wrap360_fast(mean_sidereal_deg(days_since_j2000(unix_s)) + nut);
  st->alpha_deg = wrap360_fast(newton(win[NV_ALPHA], f));
  st->r_au = r;
  st->xi_deg = 8.794 / (3600.0 * r);
  if (sin_delta) {
    *sin_delta = newton(win[NV_SIN_DELTA], f);
    *cos_delta = newton(win[NV_COS_DELTA], f);
  }
  if (!sin_delta || want_delta)
    st->delta_deg = newton(win[NV_DELTA], f);
}

/* The time part at unix_s from the window; with sin_delta non-NULL, the
 * sine and cosine of delta there instead of delta itself (st->delta_deg is
 * then not set). */
static void time_interp(struct solar_time_cache *c, double unix_s, struct solar_time *st,
                        double *sin_delta, double *cos_delta)
{
  const double u = unix_s / NODE_STEP_S;
  const double kf = floor_fast(u);
  const int64_t k = (int64_t)kf;
  if (c->win_k != k)
    window_load(c, k);
  win_eval(c->win, unix_s, u - kf, st, sin_delta, cos_delta, 0);
}

void solar_time_fast(struct solar_time_cache *c, double unix_s, struct solar_time *st)
{
  time_interp(c, unix_s, st, NULL, NULL);
}

void solar_time_series(size_t n, const double *unix_s, double delta_t_s,
                       struct solar_time *out)
{
  struct solar_time_cache c;
  solar_time_cache_init(&c, delta_t_s);
  for (size_t i = 0; i < n; i++)
    solar_time_fast(&c, unix_s[i], &out[i]);
}

void solar_time_regular(double t0_unix_s, double step_s, size_t n, double delta_t_s,
                        struct solar_time *out)
{
  struct solar_time_cache c;
  solar_time_cache_init(&c, delta_t_s);
  for (size_t i = 0; i < n; i++)
    solar_time_fast(&c, t0_unix_s + (double)i * step_s, &out[i]);
}

/* ---- the site part ---------------------------------------------------------- */

void solar_site_init(struct solar_site *s, double lat_deg, double lon_deg, double elev_m)
{
  const double phi = deg2rad(lat_deg);
  const double sin_phi = sin(phi), cos_phi = cos(phi);
  /* Observer on the reference ellipsoid (eqs. 28-30).
   * u = atan(b/a tan(phi)), so cos u, sin u are the normalised
   * (cos phi, b/a sin phi), which also holds at the poles. */
  const double fs = EARTH_B_OVER_A * sin_phi;
  const double len = sqrt(cos_phi * cos_phi + fs * fs);
  const double cos_u = cos_phi / len, sin_u = fs / len;
  s->lat_deg = lat_deg;
  s->lon_deg = lon_deg;
  s->elev_m = elev_m;
  s->sin_lat = sin_phi;
  s->cos_lat = cos_phi;
  s->sin_lon = sin(deg2rad(lon_deg));
  s->cos_lon = cos(deg2rad(lon_deg));
  s->x = cos_u + elev_m / EARTH_RADIUS_M * cos_phi;
  s->y = EARTH_B_OVER_A * sin_u + elev_m / EARTH_RADIUS_M * sin_phi;
}

/* Sine of the sun's equatorial horizontal parallax xi_deg [deg]: xi is
 * under 0.0025 deg (4.3e-5 rad), where x - x^3/6 is sin x to rounding. */
static inline double sin_parallax(double xi_deg)
{
  const double xi = deg2rad(xi_deg);
  return xi * (1.0 - xi * xi / 6.0);
}

/* The sun's topocentric direction (eqs. 31-43 up to the refraction) from
 * the geocentric hour angle's and declination's sines and cosines and the
 * parallax's sine (sin_parallax()). SPA's atan2s for the parallax in right
 * ascension and the topocentric declination (eqs. 37-39) are an exact
 * change of origin, worked here on the direction vector itself: the sun's
 * geocentric direction in the frame of the observer's meridian (toward the
 * meridian on the equator, west, north pole) is (cos delta cos H,
 * cos delta sin H, sin delta); the observer sits at (x, 0, y) Earth radii
 * (eqs. 29-30) and the sun at 1 / sin xi of them, so the topocentric
 * direction is v = (cos delta cos H - x sin xi, cos delta sin H,
 * sin delta - y sin xi), the same angles as eqs. 37-43 give, without their
 * atan2 and sqrt. Elevation and azimuth are then a rotation by the
 * latitude. Branch-free, for the row loops that vectorise. */
struct topo {
  double az_y, az_x;     /* horizontal part: west, south (eq. 45's atan2
                            arguments times cos delta' |v|) */
  double h;              /* its length */
  double sin_e0, cos_e0; /* of the elevation without refraction */
  double e0_deg;         /* that elevation [deg] */
};

static inline __attribute__((always_inline)) void
topo_direction(const struct solar_site *s, double sin_h, double cos_h, double sin_delta,
               double cos_delta, double sin_xi, struct topo *t)
{
  const double vx = cos_delta * cos_h - s->x * sin_xi;
  const double vy = cos_delta * sin_h;
  const double vz = sin_delta - s->y * sin_xi;
  const double up = s->sin_lat * vz + s->cos_lat * vx;
  t->az_y = vy;
  t->az_x = s->sin_lat * vx - s->cos_lat * vz;
  const double h2 = t->az_y * t->az_y + t->az_x * t->az_x;
  t->h = sqrt(h2);
  const double inv_v = 1.0 / sqrt(up * up + h2);
  const double sin_e0 = up * inv_v;
  t->sin_e0 = sin_e0 > 1.0 ? 1.0 : sin_e0 < -1.0 ? -1.0 : sin_e0;
  t->cos_e0 = t->h * inv_v;
  t->e0_deg = rad2deg(asin_series(t->sin_e0));
}

/* Bennett's refraction [deg] scaled for pressure and temperature (eq. 42),
 * which SPA applies only while the sun's upper limb can still be seen
 * (refraction_applies()): 1 / tan(e0 + b), b = 10.3 / (e0 + 5.11) deg
 * (0.1..2.5 deg), is (cos e0 - sin e0 tan b) / (sin e0 + cos e0 tan b),
 * with tan b by its series (next term 1382 b^11 / 155925 < 2e-16 b). */
static inline __attribute__((always_inline)) double
refraction_deg(const struct topo *t, double pressure_mbar, double temp_c)
{
  const double b = deg2rad(10.3 / (t->e0_deg + 5.11)), b2 = b * b;
  const double tan_b =
      b * (1.0 + b2 * (1.0 / 3.0 + b2 * (2.0 / 15.0 + b2 * (17.0 / 315.0 + b2 * (62.0 / 2835.0)))));
  /* P / 1010 * 283 / (273 + T) * 1.02 / 60 * cot, with one division. */
  return pressure_mbar * (283.0 * 1.02 / (1010.0 * 60.0)) *
         (t->cos_e0 - t->sin_e0 * tan_b) / ((t->sin_e0 + t->cos_e0 * tan_b) * (273.0 + temp_c));
}

static inline int refraction_applies(const struct topo *t, double atmos_refract_deg)
{
  return t->e0_deg >= -(SUN_RADIUS_DEG + atmos_refract_deg);
}

/* The refraction de [rad] under which sun_from_topo()'s series hold: any
 * real air (it is 0.01 rad at the horizon). */
#define REFRACTION_SERIES_RAD 0.05

/* *sun from t and the refraction de_deg [deg], branch-free: the azimuth's
 * sine and cosine are those of gamma + 180 deg (straight overhead,
 * az_y = az_x = 0, atan2 gives gamma = 0, azimuth 180); the zenith's
 * cosine and sine are the sine and cosine of e = e0 + de. cos e0 is the
 * length of the horizontal part of the sun's direction: accurate near the
 * zenith too, where sqrt(1 - sin^2 e0) is not. While |de| is under
 * REFRACTION_SERIES_RAD the series below are sin and cos of de to rounding
 * (next terms d^7 / 5040 and d^8 / 40320 < 2e-13 d); the caller takes
 * another way beyond. */
static inline __attribute__((always_inline)) void
sun_from_topo(const struct topo *t, double de_deg, struct solar_sun *sun)
{
  sun->zenith_deg = 90.0 - (t->e0_deg + de_deg);
  const double inv_h = t->h > 0.0 ? 1.0 / t->h : 0.0;
  sun->sin_azimuth = -t->az_y * inv_h;
  sun->cos_azimuth = t->h > 0.0 ? -t->az_x * inv_h : -1.0;
  const double d = deg2rad(de_deg), d2 = d * d;
  const double sin_d = d * (1.0 - d2 * (1.0 / 6.0) * (1.0 - d2 * (1.0 / 20.0)));
  const double cos_d = 1.0 - d2 * 0.5 * (1.0 - d2 * (1.0 / 12.0) * (1.0 - d2 * (1.0 / 30.0)));
  sun->cos_zenith = t->sin_e0 * cos_d + t->cos_e0 * sin_d;
  sun->sin_zenith = t->cos_e0 * cos_d - t->sin_e0 * sin_d;
}

/* topocentric() for *sun alone, interval_rest()'s way (the refraction
 * from INTERVAL_ATMOS_REFRACT_DEG down), without a branch: the same values
 * wherever the refraction is within sun_from_topo()'s series. Returns the
 * refraction's size [rad]: from REFRACTION_SERIES_RAD up the caller takes
 * the scalar way. */
static inline __attribute__((always_inline)) double
topo_sun_select(const struct solar_site *s, double sin_h, double cos_h, double sin_delta,
                double cos_delta, double sin_xi, double pressure_mbar, double temp_c,
                struct solar_sun *sun)
{
  struct topo t;
  topo_direction(s, sin_h, cos_h, sin_delta, cos_delta, sin_xi, &t);
  const double de_any = refraction_deg(&t, pressure_mbar, temp_c);
  const double de_deg = refraction_applies(&t, INTERVAL_ATMOS_REFRACT_DEG) ? de_any : 0.0;
  sun_from_topo(&t, de_deg, sun);
  return fabs(deg2rad(de_deg));
}

/* Topocentric position (eqs. 31-43) from the geocentric hour angle h_deg
 * (-180..180) with its sine and cosine, the declination's sine and cosine
 * and the parallax xi_deg: topo_direction(), then the refraction. Fills
 * *pos (the azimuth by atan2) and/or *sun (the azimuth's sine and cosine
 * from the same atan2 arguments, no atan2); either may be NULL. */
static inline __attribute__((always_inline)) void
topocentric(const struct solar_site *s, double h_deg, double sin_h, double cos_h,
            double sin_delta, double cos_delta, double xi_deg, double pressure_mbar,
            double temp_c, double atmos_refract_deg, struct solar_pos *pos,
            struct solar_sun *sun)
{
  const double sin_xi = sin_parallax(xi_deg);
  struct topo t;
  topo_direction(s, sin_h, cos_h, sin_delta, cos_delta, sin_xi, &t);
  const double de_deg = refraction_applies(&t, atmos_refract_deg)
                            ? refraction_deg(&t, pressure_mbar, temp_c)
                            : 0.0;
  const double e_deg = t.e0_deg + de_deg;

  if (pos) {
    /* The parallax in right ascension for the hour angle (eq. 38-41):
     * |num / den| < 6e-5 while |delta| < 24 deg: t - t^3/3 is atan t to
     * rounding there (next term t^5/5 < 2e-22); atan2 otherwise. */
    const double num = -s->x * sin_xi * sin_h, den = cos_delta - s->x * sin_xi * cos_h;
    const double q = num / den;
    const double dalpha = fabs(q) < 1e-3 ? q * (1.0 - q * q / 3.0) : atan2(num, den);
    double hp_deg = h_deg - rad2deg(dalpha);
    hp_deg = hp_deg > 180.0 ? hp_deg - 360.0 : hp_deg < -180.0 ? hp_deg + 360.0 : hp_deg;
    pos->elevation_deg = e_deg;
    pos->zenith_deg = 90.0 - e_deg;
    pos->azimuth_deg = wrap360_fast(rad2deg(atan2(t.az_y, t.az_x)) + 180.0);
    pos->hour_angle_deg = hp_deg;
  }
  if (sun) {
    sun_from_topo(&t, de_deg, sun);
    if (!(fabs(deg2rad(de_deg)) < REFRACTION_SERIES_RAD))
      sincos_fast(deg2rad(sun->zenith_deg), &sun->sin_zenith, &sun->cos_zenith);
  }
}

/* Geocentric hour angle [deg] -180..180 of the time part st at site s. */
static double hour_angle_deg(const struct solar_time *st, const struct solar_site *s)
{
  return wrap180_fast(st->nu_deg + s->lon_deg - st->alpha_deg);
}

/* topocentric() for the time part st. */
static void position_at(const struct solar_time *st, const struct solar_site *s,
                        double pressure_mbar, double temp_c, double atmos_refract_deg,
                        struct solar_pos *pos, struct solar_sun *sun)
{
  const double h_deg = hour_angle_deg(st, s);
  double sin_h, cos_h, sin_d, cos_d;
  sincos_fast(deg2rad(h_deg), &sin_h, &cos_h);
  sincos_fast(deg2rad(st->delta_deg), &sin_d, &cos_d);
  topocentric(s, h_deg, sin_h, cos_h, sin_d, cos_d, st->xi_deg, pressure_mbar, temp_c,
              atmos_refract_deg, pos, sun);
}

void solar_position(const struct solar_time *st, double lat_deg, double lon_deg,
                    double elev_m, double pressure_mbar, double temp_c,
                    double atmos_refract_deg, struct solar_pos *out)
{
  struct solar_site s;
  solar_site_init(&s, lat_deg, lon_deg, elev_m);
  position_at(st, &s, pressure_mbar, temp_c, atmos_refract_deg, out, NULL);
}

/* sin of SUNRISE_ELEVATION_DEG (a constant the compiler folds): the sun's
 * centre is below the horizon exactly when the geocentric sin(elevation)
 * is under this. */
#define SIN_SUNRISE_ELEVATION sin(deg2rad(SUNRISE_ELEVATION_DEG))

/* Sunrise hour angle [deg] 0..180 from a = sin phi sin delta and
 * b = cos phi cos delta >= 0: cos w0 = (sin h0 - a) / b, acos y as
 * pi/2 - asin y (within 5e-16 rad of the library's acos()). Without a
 * branch, for the vectorised loops. */
static inline __attribute__((always_inline)) double sunrise_hour_angle(double a, double b)
{
  const double num = SIN_SUNRISE_ELEVATION - a;
  const double w0 = rad2deg(UNITS_PI / 2.0 - asin_series(num / b));
  /* At a pole b is 0: the sign of num alone says day or night. */
  return num >= b ? 0.0 : num <= -b ? 180.0 : w0;
}

double solar_sunrise_hour_angle(double lat_deg, double delta_deg)
{
  const double phi = deg2rad(lat_deg), delta = deg2rad(delta_deg);
  return sunrise_hour_angle(sin(phi) * sin(delta), cos(phi) * cos(delta));
}

/* Margin [-] on the cosines of the quick all-night / all-day tests below:
 * some 1e4 roundings, so that a case they decide is decided the same way
 * by the hour-angle comparison, which handles everything within it. */
#define QUICK_MARGIN 1e-12

/* The sun-up part of an interval of hour-angle half-width half_deg > 0
 * around the hour angle h_mid [deg] -180..180, the sun being up on
 * [-w0, w0] + 360 k (0 < w0 < 180): returns its fraction of the interval,
 * and *best_mid, the middle of its longest piece (the interval may hold a
 * sunset and the next sunrise). An interval of up to a day (the profiles
 * renewcalc reads are hourly or finer), so that |lo|, |hi| <= 360, can
 * meet k = -1, 0, 1. Written out without a branch, for the vectorised
 * loops (a piece that is empty has a length <= 0, never above the best). */
static inline __attribute__((always_inline)) double up_part(double h_mid, double w0,
                                                            double half_deg, double *best_mid)
{
  const double lo = h_mid - half_deg, hi = h_mid + half_deg;
  double up_deg = 0.0, best_len = 0.0, best = h_mid;
#define UP_PIECE(k)                                                                           \
  do {                                                                                        \
    /* fmax() and fmin() without the library calls: no NaN here. */                         \
    const double lo_b = -w0 + 360.0 * (k), hi_b = w0 + 360.0 * (k);                          \
    const double lo_k = lo > lo_b ? lo : lo_b;                                                \
    const double hi_k = hi < hi_b ? hi : hi_b;                                                \
    const double len = hi_k - lo_k;                                                           \
    up_deg += hi_k > lo_k ? len : 0.0;                                                        \
    best = len > best_len ? 0.5 * (lo_k + hi_k) : best;                                       \
    best_len = len > best_len ? len : best_len;                                               \
  } while (0)
  UP_PIECE(-1);
  UP_PIECE(0);
  UP_PIECE(1);
#undef UP_PIECE
  *best_mid = best;
  const double frac = up_deg / (hi - lo);
  return frac >= 1.0 ? 1.0 : frac <= 0.0 ? 0.0 : frac;
}

/* Where the time part at the middle of an interval's sun-up part comes
 * from: the shared axis's windows when ax is non-NULL, else the cache c,
 * else solar_time_at() with delta_t_s. All three give the same result for
 * ax and c (the same windows), solar_time_at() the exact one. */
struct time_src {
  const struct solar_axis *ax;
  struct solar_time_cache *c;
  double delta_t_s;
};

/* Newton window of segment k in the axis, or NULL outside its segments. */
static const double (*axis_window(const struct solar_axis *a, int64_t k))[SOLAR_CACHE_SLOTS]
{
  if (k < a->seg0 || (uint64_t)(k - a->seg0) >= (uint64_t)a->n_seg)
    return NULL;
  return (const double (*)[SOLAR_CACHE_SLOTS])a->win[k - a->seg0];
}

static void time_from_src(const struct time_src *src, double unix_s, struct solar_time *st)
{
  if (src->ax) {
    const double u = unix_s / NODE_STEP_S;
    const double kf = floor_fast(u);
    const double (*w)[SOLAR_CACHE_SLOTS] = axis_window(src->ax, (int64_t)kf);
    if (w) {
      win_eval(w, unix_s, u - kf, st, NULL, NULL, 1);
      return;
    }
    /* Not reached for intervals on the axis (its segments reach a node
     * step beyond both ends); a private cache gives the same values. */
    struct solar_time_cache c;
    solar_time_cache_init(&c, src->ax->delta_t_s);
    solar_time_fast(&c, unix_s, st);
  } else if (src->c) {
    solar_time_fast(src->c, unix_s, st);
  } else {
    solar_time_at(unix_s, src->delta_t_s, st);
  }
}

/* Sine and cosine of the sun's Greenwich hour angle nu - alpha in the time
 * part st (the time-only part of the hour angle). */
static void gha_sincos(const struct solar_time *st, double *sin_g, double *cos_g)
{
  sincos_fast(deg2rad(wrap360_fast(st->nu_deg - st->alpha_deg)), sin_g, cos_g);
}

/* The tests on the highest and lowest sun in an interval of hour-angle
 * half-width w > 0 (sin_half, cos_half) around the site's hour angle H
 * (sin_h, cos_h), where the geocentric sin(elevation) is a + b cos H: 0
 * (down throughout), 1 (up throughout) or -1 (not decided here).
 * Highest sun: at the hour angle nearest 0, |H| - w (or transit itself);
 * lowest: at |H| + w (or midnight). |H| > w and |H| + w < 180 are tested
 * on the cosines (H and w are both in 0..180 there), so that the common
 * case needs no hour angle in degrees: at the edges the two sides of each
 * test agree to rounding, far inside QUICK_MARGIN. Branch-free. */
static inline __attribute__((always_inline)) double
quick_class(double sin_h, double cos_h, double a, double b, double sin_half, double cos_half)
{
  const double hi_sin =
      cos_h < cos_half ? a + b * (cos_h * cos_half + fabs(sin_h) * sin_half) : a + b;
  const double lo_sin =
      cos_h > -cos_half ? a + b * (cos_h * cos_half - fabs(sin_h) * sin_half) : a - b;
  return hi_sin < SIN_SUNRISE_ELEVATION - QUICK_MARGIN   ? 0.0
         : lo_sin > SIN_SUNRISE_ELEVATION + QUICK_MARGIN ? 1.0
                                                         : -1.0;
}

/* The quick part of interval_core(): the site's hour angle H as a sine and
 * cosine (*sin_h, *cos_h), a = sin phi sin delta and b = cos phi cos delta
 * (geocentric sin(elevation) at H is a + b cos H), and the tests on the
 * highest and lowest sun in the interval. Returns 0 (down throughout), 1 (up
 * throughout) or -1 (not decided here). */
static inline __attribute__((always_inline)) double
interval_quick(double sin_d, double cos_d, double sin_g, double cos_g, double len_s,
               double sin_half, double cos_half, const struct solar_site *s, double *sin_h_out,
               double *cos_h_out, double *a_out, double *b_out)
{
  /* H = GHA + longitude by the angle sum, so that the time-only GHA's sine
   * and cosine can be shared (solar_axis). */
  const double sin_h = sin_g * s->cos_lon + cos_g * s->sin_lon;
  const double cos_h = cos_g * s->cos_lon - sin_g * s->sin_lon;
  /* Geocentric sin(elevation) at hour angle H is a + b cos H. */
  const double a = s->sin_lat * sin_d, b = s->cos_lat * cos_d;
  const double half_deg = 7.5 * len_s / UNITS_S_PER_H; /* 15 deg/h, half */
  double frac = -1.0; /* not yet known */
  *sin_h_out = sin_h;
  *cos_h_out = cos_h;
  *a_out = a;
  *b_out = b;

  if (half_deg > 0.0)
    frac = quick_class(sin_h, cos_h, a, b, sin_half, cos_half);
  return frac;
}

/* Whole-interval logic shared by the exact, the fast and the axis path.
 * mid: time part at the interval middle, sin_d and cos_d: of its delta,
 * sin_h, cos_h, a, b and frac: from interval_quick();
 * src: where the time part at the middle of the sun-up part comes from.
 * Fills *pos and/or *sun (either may be NULL); see solar.h for what a
 * sun-down interval gets. Inline in each of its callers: the axis path
 * calls it once per row and site, and passing its many arguments cost as
 * much as a night row's test itself. */
static inline __attribute__((always_inline)) double
interval_rest(const struct solar_time *mid, double sin_d, double cos_d, double sin_h,
              double cos_h, double a, double b, double frac, double t_mid_unix_s, double len_s,
              const struct time_src *src, const struct solar_site *s, double pressure_mbar,
              double temp_c, struct solar_pos *pos, struct solar_sun *sun)
{
  const double half_deg = 7.5 * len_s / UNITS_S_PER_H; /* 15 deg/h, half */

  /* The hour angle in degrees [-180, 180] only where it is needed. */
  double h_mid = 0.0, best_mid = 0.0;
  if (frac < 0.0) {
    h_mid = best_mid = hour_angle_deg(mid, s);
    const double w0 = sunrise_hour_angle(a, b);
    if (w0 <= 0.0)
      frac = 0.0;
    else if (w0 >= 180.0)
      frac = 1.0;
    else if (half_deg <= 0.0)
      frac = fabs(h_mid) < w0 ? 1.0 : 0.0;
    else
      frac = up_part(h_mid, w0, half_deg, &best_mid);
  }

  if (frac <= 0.0) {
    if (pos) {
      /* Sun down all interval: the geocentric position at the middle, no
       * parallax (under 0.0025 deg) and no refraction (none below the
       * horizon). */
      double sin_e = a + b * cos_h;
      sin_e = sin_e > 1.0 ? 1.0 : sin_e < -1.0 ? -1.0 : sin_e;
      const double e_deg = rad2deg(asin(sin_e));
      const double gamma = atan2(sin_h, cos_h * s->sin_lat - sin_d / cos_d * s->cos_lat);
      pos->elevation_deg = e_deg;
      pos->zenith_deg = 90.0 - e_deg;
      pos->azimuth_deg = wrap360_fast(rad2deg(gamma) + 180.0);
      pos->hour_angle_deg = hour_angle_deg(mid, s);
    }
    if (sun) {
      /* No asin or atan2 for what a fixed plane in the dark does not use. */
      sun->zenith_deg = SOLAR_NIGHT_ZENITH_DEG;
      sun->cos_zenith = -1.0;
      sun->sin_zenith = 0.0;
      sun->sin_azimuth = 0.0;
      sun->cos_azimuth = 0.0;
    }
    return 0.0;
  }
  if (frac >= 1.0) {
    topocentric(s, hour_angle_deg(mid, s), sin_h, cos_h, sin_d, cos_d, mid->xi_deg,
                pressure_mbar, temp_c, INTERVAL_ATMOS_REFRACT_DEG, pos, sun);
    return 1.0;
  }

  struct solar_time st;
  time_from_src(src, t_mid_unix_s + (best_mid - h_mid) / 15.0 * UNITS_S_PER_H, &st);
  position_at(&st, s, pressure_mbar, temp_c, INTERVAL_ATMOS_REFRACT_DEG, pos, sun);
  return frac;
}

/* interval_quick() then interval_rest(): sin_g and cos_g of the
 * interval middle's Greenwich hour angle (gha_sincos()); sin_half,
 * cos_half: of half the interval's hour-angle width. */
static inline __attribute__((always_inline)) double
interval_core(const struct solar_time *mid, double sin_d, double cos_d, double sin_g,
              double cos_g, double t_mid_unix_s, double len_s, const struct time_src *src,
              double sin_half, double cos_half, const struct solar_site *s, double pressure_mbar,
              double temp_c, struct solar_pos *pos, struct solar_sun *sun)
{
  double sin_h, cos_h, a, b;
  const double frac = interval_quick(sin_d, cos_d, sin_g, cos_g, len_s, sin_half, cos_half, s,
                                     &sin_h, &cos_h, &a, &b);
  return interval_rest(mid, sin_d, cos_d, sin_h, cos_h, a, b, frac, t_mid_unix_s, len_s, src, s,
                       pressure_mbar, temp_c, pos, sun);
}

/* Half the interval's hour-angle width, 7.5 deg per hour of len_s. */
static void half_width(double len_s, double *sin_half, double *cos_half)
{
  sincos_fast(deg2rad(7.5 * len_s / UNITS_S_PER_H), sin_half, cos_half);
}

double solar_interval_position(const struct solar_time *mid, double t_mid_unix_s,
                               double len_s, double delta_t_s, double lat_deg,
                               double lon_deg, double elev_m, double pressure_mbar,
                               double temp_c, struct solar_pos *out)
{
  struct solar_site s;
  solar_site_init(&s, lat_deg, lon_deg, elev_m);
  double sin_half, cos_half;
  half_width(len_s, &sin_half, &cos_half);
  double sin_d, cos_d;
  sincos_fast(deg2rad(mid->delta_deg), &sin_d, &cos_d);
  const struct time_src src = { NULL, NULL, delta_t_s };
  double sin_g, cos_g;
  gha_sincos(mid, &sin_g, &cos_g);
  return interval_core(mid, sin_d, cos_d, sin_g, cos_g, t_mid_unix_s, len_s, &src, sin_half, cos_half, &s,
                       pressure_mbar, temp_c, out, NULL);
}

double solar_interval_sun_site(struct solar_time_cache *c, const struct solar_site *s,
                               double t_mid_unix_s, double len_s, double pressure_mbar,
                               double temp_c, struct solar_pos *pos, struct solar_sun *sun)
{
  if (len_s != c->len_s) {
    half_width(len_s, &c->sin_half, &c->cos_half);
    c->len_s = len_s;
  }
  struct solar_time mid;
  double sin_d, cos_d;
  time_interp(c, t_mid_unix_s, &mid, &sin_d, &cos_d);
  const struct time_src src = { NULL, c, c->delta_t_s };
  double sin_g, cos_g;
  gha_sincos(&mid, &sin_g, &cos_g);
  return interval_core(&mid, sin_d, cos_d, sin_g, cos_g, t_mid_unix_s, len_s, &src, c->sin_half,
                       c->cos_half, s, pressure_mbar, temp_c, pos, sun);
}

double solar_interval_position_site(struct solar_time_cache *c, const struct solar_site *s,
                                    double t_mid_unix_s, double len_s, double pressure_mbar,
                                    double temp_c, struct solar_pos *out)
{
  return solar_interval_sun_site(c, s, t_mid_unix_s, len_s, pressure_mbar, temp_c, out, NULL);
}

double solar_interval_position_fast(struct solar_time_cache *c, double t_mid_unix_s,
                                    double len_s, double lat_deg, double lon_deg,
                                    double elev_m, double pressure_mbar, double temp_c,
                                    struct solar_pos *out)
{
  struct solar_site s;
  solar_site_init(&s, lat_deg, lon_deg, elev_m);
  return solar_interval_position_site(c, &s, t_mid_unix_s, len_s, pressure_mbar, temp_c, out);
}

/* ---- the time part shared along a time axis ------------------------------- */

void solar_axis_free(struct solar_axis *a)
{
  if (!a)
    return;
  free(a->mid);
  free(a->sin_delta);
  free(a->cos_delta);
  free(a->sin_gha);
  free(a->cos_gha);
  free(a->win);
  free(a->sin_xi);
  free(a);
}

struct solar_axis *solar_axis_new(double t0_mid_unix_s, double step_s, size_t n,
                                  double delta_t_s)
{
  assert(step_s > 0.0 && step_s <= UNITS_S_PER_DAY);
  struct solar_axis *a = calloc(1, sizeof *a);
  if (!a)
    return NULL;
  a->t0_mid_unix_s = t0_mid_unix_s;
  a->step_s = step_s;
  a->delta_t_s = delta_t_s;
  a->n = n;
  half_width(step_s, &a->sin_half, &a->cos_half);
  if (n == 0)
    return a;
  /* Segments of every instant an interval on the axis can ask for (its
   * middle, or the middle of its sun-up part, within half a step of it),
   * and one more on each side against rounding at the ends. */
  const double t_lo = t0_mid_unix_s - 0.5 * step_s;
  const double t_hi = t0_mid_unix_s + (double)(n - 1) * step_s + 0.5 * step_s;
  a->seg0 = (int64_t)floor_fast(t_lo / NODE_STEP_S) - 1;
  a->n_seg = (size_t)((int64_t)floor_fast(t_hi / NODE_STEP_S) + 1 - a->seg0 + 1);
  a->mid = malloc(n * sizeof *a->mid);
  a->sin_delta = malloc(n * sizeof *a->sin_delta);
  a->cos_delta = malloc(n * sizeof *a->cos_delta);
  a->sin_gha = malloc(n * sizeof *a->sin_gha);
  a->cos_gha = malloc(n * sizeof *a->cos_gha);
  a->win = malloc(a->n_seg * sizeof *a->win);
  a->sin_xi = malloc(n * sizeof *a->sin_xi);
  if (!a->mid || !a->sin_delta || !a->cos_delta || !a->sin_gha || !a->cos_gha || !a->win ||
      !a->sin_xi) {
    solar_axis_free(a);
    return NULL;
  }
  /* The windows window_load() would build in a cache, so that every value
   * below and in solar_interval_sun_axis() is the one time_interp() gives
   * (the site path's), bit for bit. */
  struct solar_time_cache c;
  solar_time_cache_init(&c, delta_t_s);
  for (size_t j = 0; j < a->n_seg; j++) {
    window_load(&c, a->seg0 + (int64_t)j);
    memcpy(a->win[j], c.win, sizeof c.win);
  }
  for (size_t i = 0; i < n; i++) {
    const double t = t0_mid_unix_s + (double)i * step_s;
    const double u = t / NODE_STEP_S;
    const double kf = floor_fast(u);
    win_eval((const double (*)[SOLAR_CACHE_SLOTS])a->win[(int64_t)kf - a->seg0], t, u - kf,
             &a->mid[i], &a->sin_delta[i], &a->cos_delta[i], 1);
    gha_sincos(&a->mid[i], &a->sin_gha[i], &a->cos_gha[i]);
    a->sin_xi[i] = sin_parallax(a->mid[i].xi_deg);
  }
  return a;
}

double solar_interval_sun_axis(const struct solar_axis *a, size_t i, const struct solar_site *s,
                               double pressure_mbar, double temp_c, struct solar_pos *pos,
                               struct solar_sun *sun)
{
  assert(i < a->n);
  const struct time_src src = { a, NULL, a->delta_t_s };
  return interval_core(&a->mid[i], a->sin_delta[i], a->cos_delta[i], a->sin_gha[i],
                       a->cos_gha[i], a->t0_mid_unix_s + (double)i * a->step_s, a->step_s, &src, a->sin_half,
                       a->cos_half, s, pressure_mbar, temp_c, pos, sun);
}

/* Rows per block of solar_interval_sun_axis_run(): its scratch stays in
 * the first-level cache. */
#define AXIS_BLOCK 512

/* The sun of rows [0, n) of a block for site s, from the axis's time part
 * (sin_d, cos_d, sin_g, cos_g, sin_xi) and the air (pr_mbar, temp_c):
 * interval_quick()'s class of each row in cls (0 down throughout, 1 up
 * throughout, -1 not decided), and for the rows of class 0 and 1 the *sun
 * that interval_rest() gives, bit for bit: the same operations, computed for
 * every row without a branch so that the loop vectorises (a row where a
 * value is not needed takes it anyway, and the select drops it). A row up
 * throughout whose refraction is beyond sun_from_topo()'s series gets
 * class -1 and goes the scalar way. Compiled for the baseline and for
 * wider vector units (simd.h): the same results on each. */
SIMD_CLONES static void
axis_sun_block(size_t n, const double *restrict sin_d, const double *restrict cos_d,
               const double *restrict sin_g, const double *restrict cos_g,
               const double *restrict sin_xi, const double *restrict pr_mbar,
               const double *restrict temp_c, const struct solar_site *s_in, double sin_half,
               double cos_half, double *restrict cls, double *restrict zenith_deg,
               double *restrict cos_zenith, double *restrict sin_zenith,
               double *restrict sin_azimuth, double *restrict cos_azimuth)
{
  const struct solar_site s = *s_in;
#pragma omp simd
  for (size_t i = 0; i < n; i++) {
    const double sin_h = sin_g[i] * s.cos_lon + cos_g[i] * s.sin_lon;
    const double cos_h = cos_g[i] * s.cos_lon - sin_g[i] * s.sin_lon;
    const double a = s.sin_lat * sin_d[i], b = s.cos_lat * cos_d[i];
    const double q = quick_class(sin_h, cos_h, a, b, sin_half, cos_half);
    struct solar_sun sun;
    const double de_rad = topo_sun_select(&s, sin_h, cos_h, sin_d[i], cos_d[i], sin_xi[i],
                                          pr_mbar[i], temp_c[i], &sun);
    /* Down all interval: interval_rest()'s values for *sun. */
    zenith_deg[i] = q == 0.0 ? SOLAR_NIGHT_ZENITH_DEG : sun.zenith_deg;
    cos_zenith[i] = q == 0.0 ? -1.0 : sun.cos_zenith;
    sin_zenith[i] = q == 0.0 ? 0.0 : sun.sin_zenith;
    sin_azimuth[i] = q == 0.0 ? 0.0 : sun.sin_azimuth;
    cos_azimuth[i] = q == 0.0 ? 0.0 : sun.cos_azimuth;
    /* (Nested selects: with && the loop does not vectorise.) */
    cls[i] = q == 1.0 ? (de_rad < REFRACTION_SERIES_RAD ? 1.0 : -1.0) : q;
  }
}

/* ---- the rows with a sunrise or a sunset ------------------------------------
 * axis_sun_block() leaves them to interval_rest(), which finds the part of
 * the interval with the sun up and takes the sun at the middle of it, from
 * the time part there. Here they go in batches of up to PART_MAX, through
 * two vectorised loops: axis_part_up() (the sun-up part and, for rows up
 * throughout after all, the sun) and axis_part_sun() (the time part from
 * the axis's windows, gathered by the scalar code between, then the sun).
 * The same operations as interval_rest(), hence the same values; a row
 * either loop cannot take exactly goes the scalar way. */

#define PART_MAX 64

/* The window columns the sun-up middle reads (win_eval() with want_delta). */
enum { PW_NUT, PW_R, PW_ALPHA, PW_DELTA, PW_N };
static const int PW_COL[PW_N] = { NV_NUT, NV_R, NV_ALPHA, NV_DELTA };

struct part_batch {
  size_t n, n2;                    /* rows, rows with a sunrise or sunset */
  size_t row[PART_MAX];            /* their indices on the axis */
  double sin_d[PART_MAX], cos_d[PART_MAX], sin_g[PART_MAX], cos_g[PART_MAX];
  double sin_xi[PART_MAX], nu[PART_MAX], alpha[PART_MAX], t_mid[PART_MAX];
  double pr_mbar[PART_MAX], temp_c[PART_MAX];
  double frac[PART_MAX], t_up[PART_MAX], de_rad[PART_MAX];
  double zen[PART_MAX], cz[PART_MAX], sz[PART_MAX], sa[PART_MAX], ca[PART_MAX];
  /* the rows with 0 < frac < 1: their index in the batch, the window's
   * divided differences and the fraction of its segment */
  size_t at[PART_MAX];
  double win[PW_N][SOLAR_CACHE_SLOTS][PART_MAX], x[PART_MAX];
  double t2[PART_MAX], pr2[PART_MAX], temp2[PART_MAX];
  /* and their sun, by that index (a store by batch index would be a
   * scatter, which most vector units lack) */
  double de2[PART_MAX], zen2[PART_MAX], cz2[PART_MAX], sz2[PART_MAX], sa2[PART_MAX],
      ca2[PART_MAX];
};

/* interval_rest() from frac < 0 for rows [0, n) of the batch b: frac, and
 * the instant t_up at the middle of the sun-up part; for rows up throughout
 * the sun in zen..ca, and the refraction's size in de_rad. */
SIMD_CLONES static void axis_part_up(struct part_batch *restrict b, const struct solar_site *s_in,
                                     double half_deg)
{
  const struct solar_site s = *s_in;
  const size_t n = b->n;
#pragma omp simd
  for (size_t p = 0; p < n; p++) {
    const double sin_h = b->sin_g[p] * s.cos_lon + b->cos_g[p] * s.sin_lon;
    const double cos_h = b->cos_g[p] * s.cos_lon - b->sin_g[p] * s.sin_lon;
    const double a = s.sin_lat * b->sin_d[p], bb = s.cos_lat * b->cos_d[p];
    const double h_mid = wrap180_small(b->nu[p] + s.lon_deg - b->alpha[p]);
    const double w0 = sunrise_hour_angle(a, bb);
    double best_mid;
    const double part = up_part(h_mid, w0, half_deg, &best_mid);
    b->frac[p] = w0 <= 0.0 ? 0.0 : w0 >= 180.0 ? 1.0 : part;
    b->t_up[p] = b->t_mid[p] + (best_mid - h_mid) / 15.0 * UNITS_S_PER_H;
    struct solar_sun sun;
    b->de_rad[p] = topo_sun_select(&s, sin_h, cos_h, b->sin_d[p], b->cos_d[p], b->sin_xi[p],
                                   b->pr_mbar[p], b->temp_c[p], &sun);
    b->zen[p] = sun.zenith_deg;
    b->cz[p] = sun.cos_zenith;
    b->sz[p] = sun.sin_zenith;
    b->sa[p] = sun.sin_azimuth;
    b->ca[p] = sun.cos_azimuth;
  }
}

/* One window column's Newton form at f0..f6 (newton()'s operations). */
#define PART_NEWTON(w, p)                                                                     \
  ((w)[0][p] +                                                                                \
   f0 * ((w)[1][p] +                                                                          \
         f1 * ((w)[2][p] +                                                                    \
               f2 * ((w)[3][p] +                                                              \
                     f3 * ((w)[4][p] + f4 * ((w)[5][p] + f5 * ((w)[6][p] + f6 * (w)[7][p])))))))

/* The sun at t_up for the rows b->at[0, n2): win_eval() then position_at(),
 * into zen2..ca2 and de2. */
SIMD_CLONES static void axis_part_sun(struct part_batch *restrict b, const struct solar_site *s_in)
{
  const struct solar_site s = *s_in;
  const size_t n2 = b->n2;
#pragma omp simd
  for (size_t q = 0; q < n2; q++) {
    const double x = b->x[q], t = b->t2[q];
    const double f0 = x - (NODE_FIRST + 0), f1 = x - (NODE_FIRST + 1), f2 = x - (NODE_FIRST + 2);
    const double f3 = x - (NODE_FIRST + 3), f4 = x - (NODE_FIRST + 4), f5 = x - (NODE_FIRST + 5);
    const double f6 = x - (NODE_FIRST + 6);
    const double nut = PART_NEWTON(b->win[PW_NUT], q), r = PART_NEWTON(b->win[PW_R], q);
    const double nu = wrap360_small(mean_sidereal_deg(days_since_j2000(t)) + nut);
    const double alpha = wrap360_small(PART_NEWTON(b->win[PW_ALPHA], q));
    const double xi_deg = 8.794 / (3600.0 * r);
    const double delta = PART_NEWTON(b->win[PW_DELTA], q);
    const double h_deg = wrap180_small(nu + s.lon_deg - alpha);
    double sin_h, cos_h, sin_d, cos_d;
    sincos_select(deg2rad(h_deg), &sin_h, &cos_h);
    sincos_select(deg2rad(delta), &sin_d, &cos_d);
    struct solar_sun sun;
    b->de2[q] = topo_sun_select(&s, sin_h, cos_h, sin_d, cos_d, sin_parallax(xi_deg), b->pr2[q],
                                b->temp2[q], &sun);
    b->zen2[q] = sun.zenith_deg;
    b->cz2[q] = sun.cos_zenith;
    b->sz2[q] = sun.sin_zenith;
    b->sa2[q] = sun.sin_azimuth;
    b->ca2[q] = sun.cos_azimuth;
  }
}
#undef PART_NEWTON

/* Where the axis run writes the sun of each row. */
struct sun_out {
  double *zenith_deg, *cos_zenith, *sin_zenith, *sin_azimuth, *cos_azimuth;
};

static void sun_out_set(const struct sun_out *o, size_t i, double zen, double cz, double sz,
                        double sa, double ca)
{
  o->zenith_deg[i] = zen;
  o->cos_zenith[i] = cz;
  o->sin_zenith[i] = sz;
  o->sin_azimuth[i] = sa;
  o->cos_azimuth[i] = ca;
}

/* Row i the scalar way: interval_quick() and interval_rest(). */
static void axis_row_scalar(const struct solar_axis *a, size_t i, const struct solar_site *s,
                            double pr_mbar, double temp_c, const struct sun_out *o)
{
  const struct time_src src = { a, NULL, a->delta_t_s };
  struct solar_sun sun;
  double sin_h, cos_h, sa, sb;
  const double frac = interval_quick(a->sin_delta[i], a->cos_delta[i], a->sin_gha[i],
                                     a->cos_gha[i], a->step_s, a->sin_half, a->cos_half, s,
                                     &sin_h, &cos_h, &sa, &sb);
  interval_rest(&a->mid[i], a->sin_delta[i], a->cos_delta[i], sin_h, cos_h, sa, sb, frac,
                a->t0_mid_unix_s + (double)i * a->step_s, a->step_s, &src, s, pr_mbar, temp_c,
                NULL, &sun);
  sun_out_set(o, i, sun.zenith_deg, sun.cos_zenith, sun.sin_zenith, sun.sin_azimuth,
              sun.cos_azimuth);
}

/* The rows of the batch b through the two loops, into o. */
static void part_flush(struct part_batch *b, const struct solar_axis *a,
                       const struct solar_site *s, const struct sun_out *o)
{
  if (b->n == 0)
    return;
  axis_part_up(b, s, 7.5 * a->step_s / UNITS_S_PER_H);
  b->n2 = 0;
  for (size_t p = 0; p < b->n; p++) {
    const size_t i = b->row[p];
    if (b->frac[p] <= 0.0) {
      sun_out_set(o, i, SOLAR_NIGHT_ZENITH_DEG, -1.0, 0.0, 0.0, 0.0);
    } else if (b->frac[p] >= 1.0) {
      if (b->de_rad[p] < REFRACTION_SERIES_RAD)
        sun_out_set(o, i, b->zen[p], b->cz[p], b->sz[p], b->sa[p], b->ca[p]);
      else
        axis_row_scalar(a, i, s, b->pr_mbar[p], b->temp_c[p], o);
    } else {
      /* time_from_src()'s window for the middle of the sun-up part. */
      const double u = b->t_up[p] / NODE_STEP_S;
      const double kf = floor_fast(u);
      const double (*w)[SOLAR_CACHE_SLOTS] = axis_window(a, (int64_t)kf);
      if (!w) {
        axis_row_scalar(a, i, s, b->pr_mbar[p], b->temp_c[p], o);
        continue;
      }
      const size_t q = b->n2++;
      b->at[q] = p;
      b->x[q] = u - kf;
      b->t2[q] = b->t_up[p];
      b->pr2[q] = b->pr_mbar[p];
      b->temp2[q] = b->temp_c[p];
      for (int c = 0; c < PW_N; c++)
        for (int k = 0; k < SOLAR_CACHE_SLOTS; k++)
          b->win[c][k][q] = w[PW_COL[c]][k];
    }
  }
  axis_part_sun(b, s);
  for (size_t q = 0; q < b->n2; q++) {
    const size_t p = b->at[q], i = b->row[p];
    if (b->de2[q] < REFRACTION_SERIES_RAD)
      sun_out_set(o, i, b->zen2[q], b->cz2[q], b->sz2[q], b->sa2[q], b->ca2[q]);
    else
      axis_row_scalar(a, i, s, b->pr_mbar[p], b->temp_c[p], o);
  }
  b->n = 0;
}

void solar_interval_sun_axis_run(const struct solar_axis *a, size_t n,
                                 const struct solar_site *s, const double *pressure_pa,
                                 double pressure_pa_const, const double *temp_c,
                                 double *zenith_deg, double *cos_zenith, double *sin_zenith,
                                 double *sin_azimuth, double *cos_azimuth)
{
  assert(n <= a->n);
  const struct sun_out o = { zenith_deg, cos_zenith, sin_zenith, sin_azimuth, cos_azimuth };
  double cls[AXIS_BLOCK], pr_mbar[AXIS_BLOCK];
  struct part_batch part;
  part.n = 0;
  if (!pressure_pa)
    for (size_t j = 0; j < AXIS_BLOCK; j++)
      pr_mbar[j] = pressure_pa_const / 100.0;
  for (size_t i0 = 0; i0 < n; i0 += AXIS_BLOCK) {
    const size_t m = n - i0 < AXIS_BLOCK ? n - i0 : AXIS_BLOCK;
    if (pressure_pa)
      for (size_t j = 0; j < m; j++)
        pr_mbar[j] = pressure_pa[i0 + j] / 100.0;
    axis_sun_block(m, a->sin_delta + i0, a->cos_delta + i0, a->sin_gha + i0, a->cos_gha + i0,
                   a->sin_xi + i0, pr_mbar, temp_c + i0, s, a->sin_half, a->cos_half, cls,
                   zenith_deg + i0, cos_zenith + i0, sin_zenith + i0, sin_azimuth + i0,
                   cos_azimuth + i0);
    for (size_t j = 0; j < m; j++) {
      if (cls[j] >= 0.0)
        continue;
      /* A sunrise or a sunset in the interval, or refraction beyond the
       * series: into the batch. */
      const size_t i = i0 + j;
      const size_t p = part.n++;
      part.row[p] = i;
      part.sin_d[p] = a->sin_delta[i];
      part.cos_d[p] = a->cos_delta[i];
      part.sin_g[p] = a->sin_gha[i];
      part.cos_g[p] = a->cos_gha[i];
      part.sin_xi[p] = a->sin_xi[i];
      part.nu[p] = a->mid[i].nu_deg;
      part.alpha[p] = a->mid[i].alpha_deg;
      part.t_mid[p] = a->t0_mid_unix_s + (double)i * a->step_s;
      part.pr_mbar[p] = pr_mbar[j];
      part.temp_c[p] = temp_c[i];
      if (part.n == PART_MAX)
        part_flush(&part, a, s, &o);
    }
    /* Before pr_mbar takes the next block's. */
    part_flush(&part, a, s, &o);
  }
}

double solar_interval_position_axis(const struct solar_axis *a, size_t i,
                                    const struct solar_site *s, double pressure_mbar,
                                    double temp_c, struct solar_pos *out)
{
  return solar_interval_sun_axis(a, i, s, pressure_mbar, temp_c, out, NULL);
}
