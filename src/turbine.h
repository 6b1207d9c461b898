/* Wind turbines: power curves (from a CSV file or a small built-in library
 * of openly published reference turbines), their checks, and power at a
 * wind speed with the chosen air-density correction. */
#ifndef RENEWCALC_TURBINE_H
#define RENEWCALC_TURBINE_H

#include <stddef.h>

struct diag;

#define TURBINE_CURVE_MAX 256

struct turbine {
  char name[96];
  char source[256];          /* where the curve comes from */
  double rated_kw;           /* nameplate [kW] > 0 */
  double rotor_diameter_m;   /* [m] > 0 */
  double hub_height_m;       /* default hub height [m] (0: none given) */
  int n;                     /* curve points, 2..TURBINE_CURVE_MAX */
  double speed_ms[TURBINE_CURVE_MAX];  /* strictly increasing, >= 0 */
  double power_kw[TURBINE_CURVE_MAX];  /* >= 0 */
  double ct[TURBINE_CURVE_MAX];        /* thrust coefficient 0..1.2; NAN when absent */
  int has_ct;
  double cut_in_ms, cut_out_ms;        /* first speed with power > 0; last point's
                                          speed unless given */
  double curve_rho;          /* air density the curve is given for [kg/m3];
                                0: TURBINE_RHO0 */
};

/* Air-density correction of the power curve (IEC 61400-12-1 and SAM). */
enum turbine_density {
  TURBINE_DENSITY_OFF,   /* the curve as published (rho0 = 1.225 kg/m3) */
  TURBINE_DENSITY_IEC,   /* speed scaled by (rho/rho0)^(1/3) (pitch-regulated) */
  TURBINE_DENSITY_POWER  /* power scaled by rho/rho0, as SAM's wind model */
};

#define TURBINE_RHO0 1.225

/* Power [kW] at hub-height wind speed v_ms >= 0 and air density rho
 * [kg/m3] > 0 with correction mode: linear interpolation between curve
 * points, 0 below the first point and above cut_out_ms, never above
 * rated_kw x 1.0 after the power correction (IEC / off never exceed the
 * curve's own maximum). Pure. */
double turbine_power_kw(const struct turbine *t, double v_ms, double rho,
                        enum turbine_density mode);

/* Thrust coefficient at v_ms: from the curve when it has one, else a
 * default from the power curve by actuator-disc theory (documented in the
 * .c file); 0 outside cut-in..cut-out. Pure. */
double turbine_ct(const struct turbine *t, double v_ms);

/* Betz limit [kW]: the most power a rotor of that diameter [m] can take
 * from wind of v_ms at air density rho [kg/m3]. Pure. */
double turbine_betz_kw(double rotor_diameter_m, double rho, double v_ms);

/* Air density the curve is given for [kg/m3]. */
double turbine_curve_rho(const struct turbine *t);

/* The unit that makes a power column whose largest value is max_value fit
 * rated_kw: kW per unit, 0.001 (W), 1 (kW) or 1000 (MW), the one putting the
 * maximum within a factor of 31.6 (the square root of 1000) of the rated
 * power; 0 when none does. */
double turbine_unit_fit(double max_value, double rated_kw);

/* "W", "kW" or "MW" for 0.001, 1 or 1000 kW per unit; NULL otherwise. */
const char *turbine_unit_name(double kw_per_unit);

/* A working rotor's electrical power coefficient peaks near 0.4-0.5; a curve
 * whose peak is below this is not in kW. */
#define TURBINE_CP_PEAK_MIN 0.01

/* Checks a curve: at least 2 points, speeds strictly increasing and >= 0,
 * power >= 0 and not above rated by more than 2 %, a maximum in kW against
 * the rated power (a curve in W or MW is refused), power at every point at
 * most the Betz limit for the rotor and the curve's air density, a peak
 * power coefficient of at least TURBINE_CP_PEAK_MIN, ct in 0..1.2. Returns 0,
 * or -1 after adding "FILE:LINE: ..." messages to d (file/line as given;
 * line 0 for a built-in curve). Fills cut_in_ms. */
int turbine_check(struct turbine *t, const char *file, int line, struct diag *d);

/* Reads a power curve CSV: header naming columns wind_speed (m/s),
 * power (kW, or W / MW when the column name or "# power_unit:" says so;
 * converted to kW) and optionally ct, in any order (wind_speed_m_s,
 * power_kW as in windpowerlib's oedb files are accepted). Fills t (name from
 * the file name, rated_kw = the curve's maximum unless set by the caller
 * later). With "# rated_kw:" the power's unit is checked against it; with
 * "# rotor_diameter_m:" every point against the Betz limit. Returns 0, or -1
 * with "FILE:LINE: ..." messages in d. */
int turbine_read_csv(const char *path, struct turbine *t, struct diag *d);

/* Built-in library of openly published reference turbines (each with its
 * source): name -> 0 and *t filled, or -1 when unknown. */
int turbine_builtin(const char *name, struct turbine *t);
/* Names of the built-in turbines, NULL-terminated. */
const char *const *turbine_builtin_names(void);

#endif
