/* Sun position after the NREL Solar Position Algorithm.
 * Source: I. Reda and A. Andreas, "Solar Position Algorithm for Solar
 * Radiation Applications", NREL/TP-560-34302, revised January 2008
 * (equation numbers below refer to its section 3). The periodic-term
 * tables are the paper's Table A4.2 (Earth, from VSOP87 as reduced by
 * Meeus) and Table A4.3 (nutation, 1980 IAU theory). Stated accuracy:
 * +-0.0003 deg from -2000 to 6000. */
#include "solar.h"

#include <math.h>

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

/* Angle reduced to 0..360. */
static double wrap360(double deg)
{
  double r = fmod(deg, 360.0);
  return r < 0.0 ? r + 360.0 : r;
}

/* wrap360() without fmod: off by a rounding of deg (1e-9 deg for the
 * sidereal time's 1e7 deg), for the per-instant path. */
static double wrap360_fast(double deg)
{
  const double r = deg - 360.0 * floor(deg / 360.0);
  return r >= 360.0 ? r - 360.0 : r;
}

/* Angle reduced to -180..180. */
static double wrap180(double deg)
{
  double r = wrap360(deg);
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

static double earth_longitude_rad(double jme)
{
  const double s[6] = {
    term_sum(L0, NTERMS(L0), jme), term_sum(L1, NTERMS(L1), jme),
    term_sum(L2, NTERMS(L2), jme), term_sum(L3, NTERMS(L3), jme),
    term_sum(L4, NTERMS(L4), jme), term_sum(L5, NTERMS(L5), jme),
  };
  return series(s, 6, jme);
}

static double earth_latitude_rad(double jme)
{
  const double s[2] = {term_sum(B0, NTERMS(B0), jme), term_sum(B1, NTERMS(B1), jme)};
  return series(s, 2, jme);
}

static double earth_radius_au(double jme)
{
  const double s[5] = {
    term_sum(R0, NTERMS(R0), jme), term_sum(R1, NTERMS(R1), jme),
    term_sum(R2, NTERMS(R2), jme), term_sum(R3, NTERMS(R3), jme),
    term_sum(R4, NTERMS(R4), jme),
  };
  return series(s, 5, jme);
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
  /* e^(i k x_j), k = 0..3, so that each term's e^(i sum y_j x_j) is a
   * product of table entries (conjugated for y_j < 0) instead of a sine
   * and a cosine of a large argument. */
  double pc[5][4], ps[5][4];
  for (int j = 0; j < 5; j++) {
    const double xr = deg2rad(x[j]);
    pc[j][0] = 1.0;
    ps[j][0] = 0.0;
    pc[j][1] = cos(xr);
    ps[j][1] = sin(xr);
    for (int k = 2; k < 4; k++) {
      pc[j][k] = pc[j][k - 1] * pc[j][1] - ps[j][k - 1] * ps[j][1];
      ps[j][k] = ps[j][k - 1] * pc[j][1] + pc[j][k - 1] * ps[j][1];
    }
  }
  double dpsi = 0.0, deps = 0.0;
  for (int i = 0; i < NTERMS(NUT); i++) {
    const struct nut_term *t = &NUT[i];
    double c = 1.0, sn = 0.0;
    for (int j = 0; j < 5; j++) {
      const int y = t->y[j];
      if (y == 0)
        continue;
      const double bc = pc[j][y < 0 ? -y : y], bs = y < 0 ? -ps[j][-y] : ps[j][y];
      const double c2 = c * bc - sn * bs;
      sn = sn * bc + c * bs;
      c = c2;
    }
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

/* The full SPA time part; *nut_nu_deg gets the nutation correction
 * dpsi cos(eps) [deg] that eq. 24 adds to the mean sidereal time. */
static void time_exact(double unix_s, double delta_t_s, struct solar_time *st,
                       double *nut_nu_deg)
{
  const double jd = unix_s / UNITS_S_PER_DAY + JD_UNIX_EPOCH;
  const double jde = jd + delta_t_s / UNITS_S_PER_DAY;
  const double jce = (jde - JD_J2000) / 36525.0;
  const double jme = jce / 10.0;

  const double l_deg = wrap360(rad2deg(earth_longitude_rad(jme)));
  const double b_deg = rad2deg(earth_latitude_rad(jme));
  const double r_au = earth_radius_au(jme);

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

  st->jd = jd;
  st->nu_deg = wrap360(mean_sidereal_deg(days_since_j2000(unix_s)) + *nut_nu_deg);
  st->alpha_deg = wrap360(rad2deg(alpha));
  st->delta_deg = rad2deg(delta);
  st->r_au = r_au;
  st->xi_deg = 8.794 / (3600.0 * r_au);
}

void solar_time_at(double unix_s, double delta_t_s, struct solar_time *st)
{
  double nut_nu_deg;
  time_exact(unix_s, delta_t_s, st, &nut_nu_deg);
}

/* ---- interpolation between exact nodes ----------------------------------
 * alpha, delta, r and the nutation term of nu are smooth: apart from the
 * yearly motion their fastest terms of any size are the moon's pull on the
 * Earth (29.5 d, 6.5 arcsec in L0), a 14.2 d term of L0 (0.18 arcsec) and
 * the nutation terms of 13.7 and 9.1 days (0.23 and 0.03 arcsec). With
 * nodes a day apart a 6-point polynomial leaves under 3e-8 deg (4 points:
 * 3e-7; 8 points 1.5 d apart: 5e-8). They are interpolated with a Lagrange
 * polynomial through NODE_POINTS exact nodes spaced NODE_STEP_S apart on a
 * grid fixed in time (multiples of NODE_STEP_S since the Unix epoch), so
 * that the result for an instant does not depend on the other instants
 * asked for. The mean sidereal time, 361 deg a day, is computed exactly. */
#define NODE_STEP_S 86400.0
#define NODE_POINTS 6

/* Node values, the order of solar_time_cache.val[]. */
enum { NV_ALPHA, NV_DELTA, NV_R, NV_NUT };

void solar_time_cache_init(struct solar_time_cache *c, double delta_t_s)
{
  c->delta_t_s = delta_t_s;
  for (int i = 0; i < SOLAR_CACHE_SLOTS; i++)
    c->node[i] = INT64_MIN;
}

static const double *cache_node(struct solar_time_cache *c, int64_t k)
{
  _Static_assert((SOLAR_CACHE_SLOTS & (SOLAR_CACHE_SLOTS - 1)) == 0,
                 "SOLAR_CACHE_SLOTS must be a power of 2");
  const int slot = (int)((uint64_t)k & (SOLAR_CACHE_SLOTS - 1));
  if (c->node[slot] != k) {
    struct solar_time st;
    double nut;
    time_exact((double)k * NODE_STEP_S, c->delta_t_s, &st, &nut);
    c->val[slot][NV_ALPHA] = st.alpha_deg;
    c->val[slot][NV_DELTA] = st.delta_deg;
    c->val[slot][NV_R] = st.r_au;
    c->val[slot][NV_NUT] = nut;
    c->node[slot] = k;
  }
  return c->val[slot];
}

void solar_time_fast(struct solar_time_cache *c, double unix_s, struct solar_time *st)
{
  enum { P = NODE_POINTS, FIRST = -(NODE_POINTS / 2 - 1) };
  static const double FACT[] = {1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0};
  _Static_assert(NODE_POINTS >= 2 && NODE_POINTS % 2 == 0 &&
                     NODE_POINTS <= (int)(sizeof FACT / sizeof FACT[0]),
                 "NODE_POINTS must be even and at most 10");
  _Static_assert(NODE_POINTS < SOLAR_CACHE_SLOTS, "the cache must hold a window and one more");

  const double u = unix_s / NODE_STEP_S;
  const double kf = floor(u);
  const int64_t k = (int64_t)kf;
  const double s = u - kf; /* 0..1 inside the segment [k, k + 1] */

  /* Lagrange weights w_j = prod_{m != j} (s - o_m) / (o_j - o_m) with
   * o_j = FIRST + j, from prefix and suffix products; the denominator is
   * (-1)^(P-1-j) j! (P-1-j)!. */
  double pre[P + 1], suf[P + 1], w[P];
  pre[0] = 1.0;
  suf[P] = 1.0;
  for (int j = 0; j < P; j++)
    pre[j + 1] = pre[j] * (s - (FIRST + j));
  for (int j = P - 1; j >= 0; j--)
    suf[j] = suf[j + 1] * (s - (FIRST + j));
  for (int j = 0; j < P; j++) {
    /* P is a constant: the reciprocal folds at compile time. */
    const double den = FACT[j] * FACT[P - 1 - j];
    w[j] = pre[j] * suf[j + 1] * (1.0 / ((P - 1 - j) % 2 ? -den : den));
  }

  double v[4] = {0.0, 0.0, 0.0, 0.0}, alpha_ref = 0.0;
  for (int j = 0; j < P; j++) {
    const double *n = cache_node(c, k + FIRST + j);
    /* alpha passes 360 -> 0 each March: interpolate offsets from node 0. */
    double da = j == 0 ? 0.0 : n[NV_ALPHA] - alpha_ref;
    if (j == 0)
      alpha_ref = n[NV_ALPHA];
    else if (da > 180.0)
      da -= 360.0;
    else if (da < -180.0)
      da += 360.0;
    v[NV_ALPHA] += w[j] * da;
    v[NV_DELTA] += w[j] * n[NV_DELTA];
    v[NV_R] += w[j] * n[NV_R];
    v[NV_NUT] += w[j] * n[NV_NUT];
  }

  st->jd = unix_s / UNITS_S_PER_DAY + JD_UNIX_EPOCH;
  st->nu_deg = wrap360_fast(mean_sidereal_deg(days_since_j2000(unix_s)) + v[NV_NUT]);
  st->alpha_deg = wrap360_fast(alpha_ref + v[NV_ALPHA]);
  st->delta_deg = v[NV_DELTA];
  st->r_au = v[NV_R];
  st->xi_deg = 8.794 / (3600.0 * v[NV_R]);
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

void solar_position(const struct solar_time *st, double lat_deg, double lon_deg,
                    double elev_m, double pressure_mbar, double temp_c,
                    double atmos_refract_deg, struct solar_pos *out)
{
  /* The equations are SPA's; the sines and cosines of the intermediate
   * angles (u, delta alpha, delta', H') are formed algebraically from the
   * atan/atan2 arguments that define them rather than by calling the
   * functions, which halves the cost of this per-hour, per-site step. */
  const double phi = deg2rad(lat_deg);
  const double h = deg2rad(wrap360_fast(st->nu_deg + lon_deg - st->alpha_deg));
  const double sin_phi = sin(phi), cos_phi = cos(phi);
  const double sin_h = sin(h), cos_h = cos(h);
  const double delta = deg2rad(st->delta_deg);
  const double sin_delta = sin(delta), cos_delta = cos(delta);
  const double sin_xi = sin(deg2rad(st->xi_deg));

  /* Observer on the reference ellipsoid (eqs. 28-30); 0.99664719 is
   * 1 - flattening, 6378140 m the equatorial radius.
   * u = atan(0.99664719 tan(phi)), so cos u, sin u are the normalised
   * (cos phi, 0.99664719 sin phi), which also holds at the poles. */
  const double fs = 0.99664719 * sin_phi;
  const double nu_len = sqrt(cos_phi * cos_phi + fs * fs);
  const double cos_u = cos_phi / nu_len, sin_u = fs / nu_len;
  const double x = cos_u + elev_m / 6378140.0 * cos_phi;
  const double y = 0.99664719 * sin_u + elev_m / 6378140.0 * sin_phi;

  /* Parallax in right ascension and topocentric declination (eqs. 31-33):
   * dalpha = atan2(num, den) with den > 0 (xi is under 0.003 deg). */
  const double den = cos_delta - x * sin_xi * cos_h;
  const double num = -x * sin_xi * sin_h;
  const double hyp = sqrt(num * num + den * den);
  const double cos_da = den / hyp, sin_da = num / hyp;
  const double dalpha = atan2(num, den);
  const double pd = (sin_delta - y * sin_xi) * cos_da; /* delta' = atan2(pd, den) */
  const double hyp_d = sqrt(pd * pd + den * den);
  const double sin_dp = pd / hyp_d, cos_dp = den / hyp_d, tan_dp = pd / den;
  const double h_p = h - dalpha;
  const double cos_hp = cos_h * cos_da + sin_h * sin_da;
  const double sin_hp = sin_h * cos_da - cos_h * sin_da;

  const double e0_deg = rad2deg(asin(sin_phi * sin_dp + cos_phi * cos_dp * cos_hp));

  /* Bennett's refraction scaled for pressure and temperature (eq. 42),
   * only while the sun's upper limb can still be seen. */
  double de_deg = 0.0;
  if (e0_deg >= -(SUN_RADIUS_DEG + atmos_refract_deg))
    de_deg = pressure_mbar / 1010.0 * 283.0 / (273.0 + temp_c) * 1.02 /
             (60.0 * tan(deg2rad(e0_deg + 10.3 / (e0_deg + 5.11))));

  const double e_deg = e0_deg + de_deg;
  const double gamma = atan2(sin_hp, cos_hp * sin_phi - tan_dp * cos_phi);

  out->elevation_deg = e_deg;
  out->zenith_deg = 90.0 - e_deg;
  out->azimuth_deg = wrap360_fast(rad2deg(gamma) + 180.0);
  out->hour_angle_deg = wrap180(rad2deg(h_p));
}

double solar_sunrise_hour_angle(double lat_deg, double delta_deg)
{
  const double phi = deg2rad(lat_deg), delta = deg2rad(delta_deg);
  const double den = cos(phi) * cos(delta);
  const double num = sin(deg2rad(SUNRISE_ELEVATION_DEG)) - sin(phi) * sin(delta);
  /* At a pole den is 0: the sign of num alone says day or night. */
  if (num >= den)
    return 0.0;
  if (num <= -den)
    return 180.0;
  return rad2deg(acos(num / den));
}

/* solar_interval_position() with the time part at the middle of the sun-up
 * part taken from c (interpolated) or, when c is NULL, computed exactly. */
static double interval_position(const struct solar_time *mid, double t_mid_unix_s,
                                double len_s, double delta_t_s, double lat_deg,
                                double lon_deg, double elev_m, double pressure_mbar,
                                double temp_c, struct solar_time_cache *c,
                                struct solar_pos *out)
{
  solar_position(mid, lat_deg, lon_deg, elev_m, pressure_mbar, temp_c,
                 INTERVAL_ATMOS_REFRACT_DEG, out);

  const double w0 = solar_sunrise_hour_angle(lat_deg, mid->delta_deg);
  if (w0 <= 0.0)
    return 0.0;
  if (w0 >= 180.0)
    return 1.0;

  /* Geocentric hour angle: the one w0 refers to. */
  const double h_mid = wrap180(mid->nu_deg + lon_deg - mid->alpha_deg);
  const double half_deg = 7.5 * len_s / UNITS_S_PER_H; /* 15 deg/h, half */
  if (half_deg <= 0.0)
    return fabs(h_mid) < w0 ? 1.0 : 0.0;
  const double lo = h_mid - half_deg, hi = h_mid + half_deg;

  /* The sun is up on [-w0, w0] + 360 k. An interval of up to a day
   * (the profiles renewcalc reads are hourly or finer), so that
   * |lo|, |hi| <= 360, can meet k = -1, 0, 1; keep the total length and the
   * longest piece (the interval may hold a sunset and the next sunrise). */
  double up_deg = 0.0, best_len = 0.0, best_mid = h_mid;
  for (int k = -1; k <= 1; k++) {
    const double a = fmax(lo, -w0 + 360.0 * k);
    const double b = fmin(hi, w0 + 360.0 * k);
    if (b > a) {
      up_deg += b - a;
      if (b - a > best_len) {
        best_len = b - a;
        best_mid = 0.5 * (a + b);
      }
    }
  }

  const double frac = up_deg / (hi - lo);
  if (frac >= 1.0)
    return 1.0;
  if (frac <= 0.0)
    return 0.0;

  struct solar_time st;
  const double t_up = t_mid_unix_s + (best_mid - h_mid) / 15.0 * UNITS_S_PER_H;
  if (c)
    solar_time_fast(c, t_up, &st);
  else
    solar_time_at(t_up, delta_t_s, &st);
  solar_position(&st, lat_deg, lon_deg, elev_m, pressure_mbar, temp_c,
                 INTERVAL_ATMOS_REFRACT_DEG, out);
  return frac;
}

double solar_interval_position(const struct solar_time *mid, double t_mid_unix_s,
                               double len_s, double delta_t_s, double lat_deg,
                               double lon_deg, double elev_m, double pressure_mbar,
                               double temp_c, struct solar_pos *out)
{
  return interval_position(mid, t_mid_unix_s, len_s, delta_t_s, lat_deg, lon_deg, elev_m,
                           pressure_mbar, temp_c, NULL, out);
}

double solar_interval_position_fast(struct solar_time_cache *c, double t_mid_unix_s,
                                    double len_s, double lat_deg, double lon_deg,
                                    double elev_m, double pressure_mbar, double temp_c,
                                    struct solar_pos *out)
{
  struct solar_time mid;
  solar_time_fast(c, t_mid_unix_s, &mid);
  return interval_position(&mid, t_mid_unix_s, len_s, c->delta_t_s, lat_deg, lon_deg,
                           elev_m, pressure_mbar, temp_c, c, out);
}
