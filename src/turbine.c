/* Wind turbine power curves: power at a wind speed with an air-density
 * correction, the thrust coefficient, the checks every curve passes, and the
 * built-in library of openly published reference turbines.
 *
 * Density corrections:
 *  - IEC 61400-12-1:2005, 8.1 (pitch-regulated turbines with active power
 *    control): the wind speed is normalised to the reference density,
 *    v_n = v (rho/rho0)^(1/3), and the curve is read at v_n;
 *  - SAM's wind model (NREL System Advisor Model, Windpower reference
 *    manual): the curve's power is scaled by rho/rho0 and capped at rated.
 *
 * Above the last curve point: published curves often stop before the
 * turbine's cut-out speed (windpowerlib's V90 curve ends at 16.5 m/s, the
 * turbine cuts out at 25 m/s). cut_out_ms defaults to the last point's speed,
 * so the power there is 0, as for IEC 61400-12-1's "AEP-measured". When the
 * caller sets cut_out_ms beyond the last point, the last point's power is
 * held up to cut_out_ms, as for the standard's "AEP-extrapolated".
 * The cut-out test uses the free wind speed; the curve is read at the
 * density-normalised speed.
 *
 * Thrust coefficient without a thrust curve: one-dimensional momentum
 * (actuator-disc) theory, Manwell, McGowan & Rogers, "Wind Energy
 * Explained", 2nd ed. (2009), section 3.3: with the axial induction factor a,
 * Cp = 4a(1-a)^2 and Ct = 4a(1-a). Cp is taken from the curve,
 * Cp = P / (0.5 rho0 A v^3), and solved for a on the branch 0 <= a <= 1/3
 * that a turbine operates on (momentum theory does not hold for a > 0.5,
 * and Cp cannot exceed the Betz limit 16/27 reached at a = 1/3: a Cp at or
 * above it gives a = 1/3, Ct = 8/9). The curve's electrical power is below
 * the rotor's aerodynamic power, so this default slightly underestimates Ct;
 * a thrust curve, when published, is always preferred. */
#include "turbine.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "units.h"

/* ---- power ------------------------------------------------------------------ */

/* Index i with speed[i] <= u < speed[i+1] (binary search); u is inside the
 * curve. */
static int find_segment(const double *speed, int n, double u)
{
  int lo = 0, hi = n - 1;

  while (hi - lo > 1) {
    int mid = (lo + hi) / 2;

    if (speed[mid] <= u)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

/* Value of column y at speed u by linear interpolation; the last value from
 * the last point up to cut_out, 0 below the first point and beyond. */
static double curve_at(const struct turbine *t, const double *y, double u)
{
  int n = t->n, i;
  double f;

  if (u < t->speed_ms[0])
    return 0.0;
  if (u >= t->speed_ms[n - 1])
    return u <= fmax(t->cut_out_ms, t->speed_ms[n - 1]) ? y[n - 1] : 0.0;
  i = find_segment(t->speed_ms, n, u);
  f = (u - t->speed_ms[i]) / (t->speed_ms[i + 1] - t->speed_ms[i]);
  return y[i] + f * (y[i + 1] - y[i]);
}

/* The speed up to which the turbine runs [m/s]. */
static double run_limit(const struct turbine *t)
{
  return t->cut_out_ms > 0.0 ? t->cut_out_ms : t->speed_ms[t->n - 1];
}

double turbine_power_kw(const struct turbine *t, double v_ms, double rho,
                        enum turbine_density mode)
{
  double p, limit = run_limit(t);

  if (!(v_ms >= 0.0) || v_ms > limit)
    return 0.0;
  switch (mode) {
  case TURBINE_DENSITY_IEC: {
    double u = v_ms * cbrt(rho / TURBINE_RHO0);

    /* Past the last point, hold its power while the turbine runs. */
    if (u > limit)
      u = limit;
    return curve_at(t, t->power_kw, u);
  }
  case TURBINE_DENSITY_POWER:
    p = curve_at(t, t->power_kw, v_ms) * rho / TURBINE_RHO0;
    return p < t->rated_kw ? p : t->rated_kw;
  case TURBINE_DENSITY_OFF:
  default:
    return curve_at(t, t->power_kw, v_ms);
  }
}

/* ---- thrust ------------------------------------------------------------------ */

/* Axial induction factor a in [0, 1/3] with 4a(1-a)^2 = cp, by bisection
 * (the function rises monotonically on that interval). */
static double induction_from_cp(double cp)
{
  double lo = 0.0, hi = 1.0 / 3.0;

  if (cp <= 0.0)
    return 0.0;
  if (cp >= 16.0 / 27.0)
    return hi;
  for (int it = 0; it < 60; it++) {
    double a = 0.5 * (lo + hi);

    if (4.0 * a * (1.0 - a) * (1.0 - a) < cp)
      lo = a;
    else
      hi = a;
  }
  return 0.5 * (lo + hi);
}

double turbine_ct(const struct turbine *t, double v_ms)
{
  double p_w, area_m2, cp, a;

  /* A rotor that produces no power (below the first point, on the curve's
   * zero stretch before cut-in, above cut-out) is taken as idling, Ct 0;
   * between the last zero point and cut-in it already turns. */
  if (!(v_ms > 0.0) || v_ms > run_limit(t))
    return 0.0;
  p_w = curve_at(t, t->power_kw, v_ms) * 1000.0;
  if (!(p_w > 0.0))
    return 0.0;
  if (t->has_ct)
    return curve_at(t, t->ct, v_ms);
  area_m2 = UNITS_PI * 0.25 * t->rotor_diameter_m * t->rotor_diameter_m;
  if (!(area_m2 > 0.0))
    return 0.0;
  cp = p_w / (0.5 * turbine_curve_rho(t) * area_m2 * v_ms * v_ms * v_ms);
  a = induction_from_cp(cp);
  return 4.0 * a * (1.0 - a);
}

/* ---- plausibility ------------------------------------------------------------ */

/* Betz limit (A. Betz, "Das Maximum der theoretisch möglichen Ausnützung des
 * Windes durch Windmotoren", Zeitschrift für das gesamte Turbinenwesen 26,
 * 1920; Manwell, McGowan & Rogers, "Wind Energy Explained", 2nd ed. (2009),
 * section 3.2): an ideal rotor takes at most 16/27 of the kinetic power
 * flux through its swept area, P <= 16/27 x 1/2 rho A v^3. A power curve is
 * electrical power, below the rotor's, so no point of a real curve reaches
 * the limit. */
double turbine_betz_kw(double rotor_diameter_m, double rho, double v_ms)
{
  double area_m2 = UNITS_PI * 0.25 * rotor_diameter_m * rotor_diameter_m;

  return 16.0 / 27.0 * 0.5 * rho * area_m2 * v_ms * v_ms * v_ms / 1000.0;
}

double turbine_curve_rho(const struct turbine *t)
{
  return t->curve_rho > 0.0 ? t->curve_rho : TURBINE_RHO0;
}

double turbine_unit_fit(double max_value, double rated_kw)
{
  static const double per_unit[] = {0.001, 1.0, 1000.0};
  double tol = sqrt(1000.0);

  if (!(max_value > 0.0 && rated_kw > 0.0))
    return 0.0;
  for (size_t i = 0; i < sizeof per_unit / sizeof per_unit[0]; i++) {
    double r = max_value * per_unit[i] / rated_kw;

    if (r > 1.0 / tol && r < tol)
      return per_unit[i];
  }
  return 0.0;
}

const char *turbine_unit_name(double kw_per_unit)
{
  return kw_per_unit == 0.001 ? "W" : kw_per_unit == 1.0 ? "kW"
         : kw_per_unit == 1000.0 ? "MW" : NULL;
}

/* Power coefficient of the curve's point i (0 at 0 m/s). */
static double point_cp(const struct turbine *t, int i)
{
  double v = t->speed_ms[i];
  double flux_kw = turbine_betz_kw(t->rotor_diameter_m, turbine_curve_rho(t), v) * 27.0 / 16.0;

  return flux_kw > 0.0 ? t->power_kw[i] / flux_kw : 0.0;
}

/* Checks the curve's unit against the rated power and its points against
 * the Betz limit and a working rotor's peak power coefficient, once the
 * points themselves are valid. Returns 0, or -1 (reported). */
static int check_plausible(const struct turbine *t, const char *file, int line,
                           struct diag *d)
{
  const char *nm = t->name;
  double pmax = 0.0, cp_peak = 0.0, fit, rho = turbine_curve_rho(t);
  int bad = 0;

  for (int i = 0; i < t->n; i++)
    pmax = fmax(pmax, t->power_kw[i]);
  fit = turbine_unit_fit(pmax, t->rated_kw);
  if (fit != 0.0 && fit != 1.0) {
    diag_at(d, file, line, "turbine '%s': power curve: expected kW (rated %.10g kW), "
            "got values up to %.10g (a curve in %s?)", nm, t->rated_kw, pmax,
            turbine_unit_name(fit));
    return -1;
  }
  for (int i = 0; i < t->n; i++) {
    double v = t->speed_ms[i], p = t->power_kw[i];
    double limit = turbine_betz_kw(t->rotor_diameter_m, rho, v);

    cp_peak = fmax(cp_peak, point_cp(t, i));
    if (p > limit) {
      int in_w = turbine_unit_fit(p, limit) == 0.001;

      diag_at(d, file, line, "turbine '%s': power curve point %d: expected at "
              "most %g kW at %g m/s (the Betz limit for a %g m rotor at %g kg/m3), "
              "got %.10g kW%s", nm, i + 1, limit, v, t->rotor_diameter_m, rho, p,
              in_w ? " (a curve in W?)" : "");
      bad = 1;
      if (in_w)
        break; /* the other points say the same */
    }
  }
  if (!bad && cp_peak < TURBINE_CP_PEAK_MIN) {
    diag_at(d, file, line, "turbine '%s': power curve: expected kW, got values "
            "up to %.10g (a peak power coefficient of %.2g for a %g m rotor: a "
            "curve in MW?)", nm, pmax, cp_peak, t->rotor_diameter_m);
    bad = 1;
  }
  return bad ? -1 : 0;
}

/* ---- checks ------------------------------------------------------------------ */

int turbine_check(struct turbine *t, const char *file, int line, struct diag *d)
{
  int bad = 0, i;
  const char *nm = t->name;
  double pmax = 0.0;

  if (t->n < 2 || t->n > TURBINE_CURVE_MAX) {
    diag_at(d, file, line, "turbine '%s': power curve must have 2 to %d points, "
            "got %d", nm, TURBINE_CURVE_MAX, t->n);
    return -1;
  }
  if (!(t->rated_kw > 0.0)) {
    diag_at(d, file, line, "turbine '%s': rated power must be > 0 kW, got %g",
            nm, t->rated_kw);
    bad = 1;
  }
  if (!(t->rotor_diameter_m > 0.0)) {
    diag_at(d, file, line, "turbine '%s': rotor diameter must be > 0 m, got %g",
            nm, t->rotor_diameter_m);
    bad = 1;
  }
  if (!(t->hub_height_m >= 0.0)) {
    diag_at(d, file, line, "turbine '%s': hub height must be >= 0 m, got %g",
            nm, t->hub_height_m);
    bad = 1;
  }
  for (i = 0; i < t->n; i++)
    pmax = fmax(pmax, t->power_kw[i]);
  /* A curve in W or MW is one error, not one per point. */
  if (turbine_unit_fit(pmax, t->rated_kw) != 1.0 &&
      turbine_unit_fit(pmax, t->rated_kw) != 0.0)
    return check_plausible(t, file, line, d);
  for (i = 0; i < t->n; i++) {
    double v = t->speed_ms[i], p = t->power_kw[i];

    if (!(v >= 0.0)) {
      diag_at(d, file, line, "turbine '%s': power curve point %d: wind speed "
              "must be >= 0 m/s, got %g", nm, i + 1, v);
      bad = 1;
    } else if (i > 0 && !(v > t->speed_ms[i - 1])) {
      diag_at(d, file, line, "turbine '%s': power curve point %d: wind speed "
              "must be greater than the previous point's %g m/s, got %g", nm,
              i + 1, t->speed_ms[i - 1], v);
      bad = 1;
    }
    if (!(p >= 0.0)) {
      diag_at(d, file, line, "turbine '%s': power curve point %d: power must "
              "be >= 0 kW, got %g", nm, i + 1, p);
      bad = 1;
    } else if (t->rated_kw > 0.0 && p > 1.02 * t->rated_kw) {
      diag_at(d, file, line, "turbine '%s': power curve point %d: power must "
              "not exceed the rated %g kW by more than 2 %%, got %g kW", nm,
              i + 1, t->rated_kw, p);
      bad = 1;
    }
    if (t->has_ct && !(t->ct[i] >= 0.0 && t->ct[i] <= 1.2)) {
      diag_at(d, file, line, "turbine '%s': power curve point %d: thrust "
              "coefficient must be between 0 and 1.2, got %g", nm, i + 1,
              t->ct[i]);
      bad = 1;
    }
  }
  if (bad || check_plausible(t, file, line, d) != 0)
    return -1;
  t->cut_in_ms = -1.0;
  for (i = 0; i < t->n; i++)
    if (t->power_kw[i] > 0.0) {
      t->cut_in_ms = t->speed_ms[i];
      break;
    }
  if (t->cut_in_ms < 0.0) {
    t->cut_in_ms = 0.0;
    diag_at(d, file, line, "turbine '%s': power curve must have a point with "
            "power > 0 kW, got none", nm);
    return -1;
  }
  if (t->cut_out_ms <= 0.0) {
    t->cut_out_ms = t->speed_ms[t->n - 1];
  } else if (!(t->cut_out_ms > t->cut_in_ms) || t->cut_out_ms > 100.0) {
    diag_at(d, file, line, "turbine '%s': cut-out speed must be between the "
            "cut-in speed %g m/s and 100 m/s, got %g", nm, t->cut_in_ms,
            t->cut_out_ms);
    return -1;
  }
  return 0;
}

/* ---- built-in library -------------------------------------------------------- */

struct point {
  double v_ms, p_kw, ct;
};

/* NREL 5-MW reference turbine (Jonkman, Butterfield, Musial & Scott, 2009,
 * "Definition of a 5-MW Reference Wind Turbine for Offshore System
 * Development", NREL/TP-500-38060): 126 m rotor, 90 m hub, cut-in 3, rated
 * 11.4, cut-out 25 m/s. The report gives its curves as figures only; the
 * table is NREL's openly published one, NREL turbine-models archive
 * (github.com/NREL/turbine-models), file
 * Offshore/NREL_Reference_5MW_126.csv: generator power [kW] and Ct [-]
 * (rounded to 4 decimals). */
static const struct point nrel_5mw[] = {
  {3.0, 40.52, 1.132}, {4.0, 177.67, 0.9995}, {5.0, 403.9, 0.9177},
  {6.0, 737.59, 0.8608}, {7.0, 1187.18, 0.8154}, {7.1, 1239.25, 0.8116},
  {7.2, 1292.52, 0.8079}, {7.3, 1347.32, 0.8044}, {7.4, 1403.26, 0.801},
  {7.5, 1460.7, 0.7977}, {7.6, 1519.64, 0.7945}, {7.7, 1580.17, 0.7915},
  {7.8, 1642.11, 0.7886}, {7.9, 1705.76, 0.7872}, {8.0, 1771.17, 0.7871},
  {9.0, 2518.55, 0.7858}, {10.0, 3448.38, 0.7838}, {10.1, 3552.14, 0.7836},
  {10.2, 3657.95, 0.7833}, {10.3, 3765.12, 0.7812}, {10.4, 3873.93, 0.7773},
  {10.5, 3984.48, 0.7735}, {10.6, 4096.58, 0.7697}, {10.7, 4210.72, 0.766},
  {10.8, 4326.15, 0.7623}, {10.9, 4443.4, 0.7588}, {11.0, 4562.5, 0.7552},
  {11.1, 4683.42, 0.7518}, {11.2, 4806.16, 0.7484}, {11.3, 4929.93, 0.7451},
  {11.4, 5000.92, 0.7178}, {11.5, 5000.16, 0.6722}, {11.6, 4999.98, 0.6383},
  {11.7, 4999.96, 0.6102}, {11.8, 4999.98, 0.5855}, {11.9, 5000.0, 0.5632},
  {12.0, 5000.0, 0.5429}, {13.0, 5000.01, 0.3993}, {14.0, 5000.01, 0.3105},
  {15.0, 5000.02, 0.2486}, {16.0, 5000.0, 0.2035}, {17.0, 5000.02, 0.1696},
  {18.0, 5000.03, 0.1435}, {19.0, 5000.02, 0.1229}, {20.0, 5000.04, 0.1065},
  {21.0, 5000.02, 0.093}, {22.0, 5000.05, 0.0816}, {23.0, 5000.01, 0.0722},
  {24.0, 5000.0, 0.0644}, {25.0, 5000.04, 0.0578}
};

/* IEA Wind Task 37 3.4-MW land-based reference turbine (Bortolotti, Canet
 * Tarres, Dykes, Merz, Sethuraman, Verelst & Zahle, 2019, "IEA Wind TCP Task
 * 37: Systems Engineering in Wind Energy - WP2.1 Reference Wind Turbines",
 * NREL/TP-5000-73492): 130 m rotor, 110 m hub, 3.37 MW electrical rating,
 * cut-out 25 m/s. Table from NREL turbine-models, file
 * Onshore/IEA_Reference_3.4MW_130.csv (itself from the IEAWindTask37/
 * IEA-3.4-130-RWT repository); power rounded to 0.01 kW. */
static const struct point iea_3_4mw[] = {
  {3.0, 51.62, 0.814}, {3.5392, 123.37, 0.8042}, {4.0485, 213.24, 0.7982},
  {4.5267, 318.84, 0.7945}, {4.973, 435.96, 0.7913}, {5.3862, 560.9, 0.7861},
  {5.7654, 688.91, 0.776}, {6.1098, 819.13, 0.7664}, {6.4186, 949.72, 0.7664},
  {6.6912, 1075.93, 0.7664}, {6.9269, 1193.68, 0.7664},
  {7.1252, 1299.17, 0.7664}, {7.2857, 1388.95, 0.7664},
  {7.408, 1460.08, 0.7664}, {7.4919, 1510.22, 0.7664},
  {7.5371, 1537.73, 0.7664}, {7.5435, 1541.68, 0.7664},
  {7.5758, 1561.57, 0.7664}, {7.6468, 1605.88, 0.7664},
  {7.7563, 1675.86, 0.7664}, {7.9041, 1773.5, 0.7664},
  {8.0899, 1901.5, 0.7664}, {8.3132, 2063.34, 0.7664},
  {8.5735, 2263.33, 0.7664}, {8.8703, 2506.64, 0.7664},
  {9.203, 2799.33, 0.7664}, {9.5707, 3148.46, 0.7664},
  {9.8127, 3370.0, 0.8068}, {10.408, 3370.0, 0.5306},
  {10.8757, 3370.0, 0.4467}, {11.3748, 3370.0, 0.3801},
  {11.9041, 3370.0, 0.3254}, {12.4625, 3370.01, 0.2798},
  {13.0487, 3370.0, 0.2415}, {13.6615, 3370.0, 0.209},
  {14.2995, 3370.01, 0.1816}, {14.9612, 3370.03, 0.1583},
  {15.6452, 3370.0, 0.1384}, {16.35, 3370.0, 0.1214}, {17.074, 3370.0, 0.1069},
  {17.8155, 3370.0, 0.0945}, {18.5731, 3370.0, 0.0839},
  {19.3448, 3370.02, 0.0748}, {20.1292, 3370.03, 0.0669},
  {20.9244, 3370.0, 0.0601}, {21.7286, 3370.0, 0.0542},
  {22.5401, 3370.0, 0.0491}, {23.357, 3370.0, 0.0446},
  {24.1776, 3370.0, 0.0406}, {25.0, 3370.1, 0.0372}
};

/* IEA Wind Task 37 15-MW offshore reference turbine (Gaertner, Rinker,
 * Sethuraman, Zahle, Anderson, Barter, Abbas, Meng, Bortolotti, Skrzypinski,
 * Scott, Feil, Bredmose, Dykes, Shields, Allen & Viselli, 2020, "Definition
 * of the IEA 15-Megawatt Offshore Reference Wind Turbine",
 * NREL/TP-5000-75698): 240 m rotor, 150 m hub, cut-in 3, rated 10.59,
 * cut-out 25 m/s. Table from NREL turbine-models, file
 * Offshore/IEA_15MW_240_RWT.csv (from the IEAWindTask37/IEA-15-240-RWT
 * repository); speeds rounded to 0.0001 m/s, power to 0.01 kW. */
static const struct point iea_15mw[] = {
  {3.0, 70.02, 0.8197}, {3.5, 301.99, 0.8011}, {4.0, 595.09, 0.8083},
  {4.5, 964.89, 0.8219}, {4.75, 1185.08, 0.8229}, {5.0, 1429.22, 0.8233},
  {5.25, 1695.25, 0.831}, {6.0, 2656.26, 0.8349}, {6.2, 2957.22, 0.8336},
  {6.4, 3275.74, 0.8318}, {6.5, 3442.67, 0.829}, {6.55, 3528.65, 0.8269},
  {6.6, 3614.99, 0.8247}, {6.7, 3791.16, 0.8204}, {6.8, 3971.97, 0.8162},
  {6.9, 4155.59, 0.8112}, {6.92, 4192.39, 0.8097}, {6.93, 4210.77, 0.8088},
  {6.94, 4228.84, 0.8081}, {6.95, 4247.19, 0.8076}, {6.96, 4265.46, 0.8073},
  {6.97, 4283.9, 0.8066}, {6.98, 4301.95, 0.8065}, {6.99, 4320.29, 0.8068},
  {7.0, 4339.3, 0.8067}, {7.5, 5338.82, 0.8055}, {8.0, 6481.12, 0.8046},
  {8.5, 7774.57, 0.8039}, {9.0, 9229.23, 0.8039}, {9.5, 10855.04, 0.8037},
  {10.0, 12661.25, 0.8035}, {10.25, 13638.15, 0.8017},
  {10.5, 14660.66, 0.8018}, {10.6, 14994.85, 0.7687}, {10.7, 14994.65, 0.7073},
  {10.72, 14994.61, 0.6985}, {10.74, 14994.55, 0.6902},
  {10.76, 14994.52, 0.6823}, {10.78, 14994.55, 0.6748},
  {10.784, 14994.53, 0.6734}, {10.786, 14994.53, 0.6726},
  {10.787, 14994.53, 0.6723}, {10.788, 14994.52, 0.6719},
  {10.789, 14994.52, 0.6716}, {10.7895, 14994.59, 0.6714},
  {10.8, 14994.54, 0.6676}, {10.9, 14994.43, 0.6353}, {11.0, 14994.27, 0.6073},
  {11.25, 14994.02, 0.549}, {11.5, 14994.11, 0.5014}, {11.75, 14994.18, 0.461},
  {12.0, 14994.17, 0.426}, {13.0, 14994.76, 0.3212}, {14.0, 14994.76, 0.2511},
  {15.0, 14994.76, 0.2014}, {17.5, 14994.83, 0.1257}, {20.0, 14994.83, 0.0851},
  {22.5, 14996.27, 0.061}, {25.0, 14997.63, 0.0458}
};

static const struct builtin {
  const char *name;
  const char *source;
  double rated_kw, rotor_diameter_m, hub_height_m, cut_out_ms;
  const struct point *pt;
  int n;
} builtins[] = {
  {"NREL-5MW", "NREL 5-MW reference turbine, Jonkman et al. 2009, "
   "NREL/TP-500-38060; curve from NREL turbine-models "
   "NREL_Reference_5MW_126.csv", 5000.0, 126.0, 90.0, 25.0, nrel_5mw,
   (int)(sizeof nrel_5mw / sizeof nrel_5mw[0])},
  {"IEA-3.4MW", "IEA Wind Task 37 3.4-MW reference turbine, Bortolotti et "
   "al. 2019, NREL/TP-5000-73492; curve from NREL turbine-models "
   "IEA_Reference_3.4MW_130.csv", 3370.0, 130.0, 110.0, 25.0, iea_3_4mw,
   (int)(sizeof iea_3_4mw / sizeof iea_3_4mw[0])},
  {"IEA-15MW", "IEA Wind Task 37 15-MW reference turbine, Gaertner et al. "
   "2020, NREL/TP-5000-75698; curve from NREL turbine-models "
   "IEA_15MW_240_RWT.csv", 15000.0, 240.0, 150.0, 25.0, iea_15mw,
   (int)(sizeof iea_15mw / sizeof iea_15mw[0])},
};
#define NBUILTIN (sizeof builtins / sizeof builtins[0])

/* Copies s into dst[size], cutting it if needed (no stdio in a model). */
static void copy_str(char *dst, size_t size, const char *s)
{
  size_t len = strlen(s);

  if (len >= size)
    len = size - 1;
  memcpy(dst, s, len);
  dst[len] = '\0';
}

int turbine_builtin(const char *name, struct turbine *t)
{
  for (size_t b = 0; b < NBUILTIN; b++) {
    const struct builtin *e = &builtins[b];

    if (strcasecmp(name, e->name) != 0)
      continue;
    memset(t, 0, sizeof *t);
    copy_str(t->name, sizeof t->name, e->name);
    copy_str(t->source, sizeof t->source, e->source);
    t->rated_kw = e->rated_kw;
    t->rotor_diameter_m = e->rotor_diameter_m;
    t->hub_height_m = e->hub_height_m;
    t->cut_out_ms = e->cut_out_ms;
    t->n = e->n;
    t->has_ct = 1;
    for (int i = 0; i < e->n; i++) {
      t->speed_ms[i] = e->pt[i].v_ms;
      t->power_kw[i] = e->pt[i].p_kw;
      t->ct[i] = e->pt[i].ct;
    }
    for (int i = e->n; i < TURBINE_CURVE_MAX; i++)
      t->ct[i] = NAN;
    t->cut_in_ms = 0.0;
    for (int i = 0; i < e->n; i++)
      if (t->power_kw[i] > 0.0) {
        t->cut_in_ms = t->speed_ms[i];
        break;
      }
    return 0;
  }
  return -1;
}

const char *const *turbine_builtin_names(void)
{
  static const char *const names[NBUILTIN + 1] = {
    "NREL-5MW", "IEA-3.4MW", "IEA-15MW", NULL
  };

  return names;
}
