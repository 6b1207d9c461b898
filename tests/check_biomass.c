/* Unit tests for biomass.c: heating values (ISO 18125 / EN 14918), fuel
 * energy, the part-load curve, dispatch (baseload, schedule, fill) and the
 * greenhouse gases of the fuel burnt (IPCC 2006 factors, IPCC AR5 GWPs).
 * Expected values are hand calculations written next to each case; the
 * moisture example (wood 18.5 MJ/kg dry at 40 % -> about 10.1 MJ/kg) is the
 * one in the project's factor notes. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "biomass.h"

/* Heating values: the hand values are exact decimals of a few operations,
 * so 1e-9 MJ/kg is far above double rounding and far below any wrong
 * constant (0.2122 vs 0.212 changes the result by 1e-2). */
#define TOL_MJ 1e-9
/* ACCEPTANCE: fuel-limited and capacity-limited energy equal the hand
 * computation to 0.01 %; the check uses that relative tolerance. */
#define REL_ACCEPT 1e-4
/* Output [MW] of the short hand-computed series: sums of a few decimals,
 * 1e-9 MW covers rounding. */
#define TOL_MW 1e-9

#define HOURS 8760

static unsigned char g_month[HOURS], g_hour[HOURS];
static int g_doy[HOURS];

/* Local calendar of a non-leap year of hourly intervals: month 0..11,
 * hour 0..23, day of year 0..364. */
static void make_calendar(void)
{
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  size_t i = 0;
  int doy = 0;
  for (int m = 0; m < 12; m++)
    for (int d = 0; d < days[m]; d++, doy++)
      for (int h = 0; h < 24; h++, i++) {
        g_month[i] = (unsigned char)m;
        g_hour[i] = (unsigned char)h;
        g_doy[i] = doy;
      }
}

static void set_feed(struct biomass_feedstock *f, const char *name, double tonnes,
                     double moisture_pct, double lhv_dry)
{
  memset(f, 0, sizeof *f);
  strncpy(f->name, name, sizeof f->name - 1);
  f->tonnes_per_year = tonnes;
  f->moisture_pct = moisture_pct;
  f->lhv_dry_mj_kg = lhv_dry;
  f->ch4_kg_per_tj = 30.0;
  f->n2o_kg_per_tj = 4.0;
}

/* The 30 MW plant of the cases below: availability 0.85, net efficiency
 * 0.25 with a flat part-load curve, minimum load 0.4, 10 % station
 * service, one feedstock of `tonnes` of rice husk (14.0 MJ/kg dry, 10 %
 * moisture), baseload. */
static void plant_30mw(struct biomass_params *p, double tonnes)
{
  memset(p, 0, sizeof *p);
  p->capacity_mw = 30.0;
  p->availability = 0.85;
  p->efficiency = 0.25;
  p->min_load = 0.4;
  p->parasitic_frac = 0.1;
  p->dispatch = BIOMASS_BASELOAD;
  p->n_feed = 1;
  set_feed(&p->feed[0], "rice husk", tonnes, 10.0, 14.0);
}

static double sum(const double *x, size_t n)
{
  double s = 0.0;
  for (size_t i = 0; i < n; i++)
    s += x[i];
  return s;
}

/* ---- 1. heating values ------------------------------------------------ */

START_TEST(test_lhv_as_received)
{
  /* Wood, 18.5 MJ/kg dry at M = 40 %: 18.5 x 60/100 - 0.02443 x 40
   * = 11.1 - 0.9772 = 10.1228 MJ/kg. */
  ck_assert_double_eq_tol(biomass_lhv_as_received(18.5, 40.0), 10.1228, TOL_MJ);
  /* Rice husk, 14.0 dry at 10 %: 14.0 x 0.9 - 0.2443 = 12.6 - 0.2443
   * = 12.3557 MJ/kg. */
  ck_assert_double_eq_tol(biomass_lhv_as_received(14.0, 10.0), 12.3557, TOL_MJ);
  /* Dry fuel: no correction. */
  ck_assert_double_eq_tol(biomass_lhv_as_received(17.5, 0.0), 17.5, TOL_MJ);
}
END_TEST

START_TEST(test_lhv_from_hhv)
{
  /* HHV 20.3 MJ/kg dry, 6.1 % H: 20.3 - 0.2122 x 6.1 = 20.3 - 1.29442
   * = 19.00558 MJ/kg. */
  ck_assert_double_eq_tol(biomass_lhv_from_hhv(20.3, 6.1), 19.00558, TOL_MJ);

  /* The same fuel at 35.2 % moisture, given by HHV only (LHV 0):
   * 19.00558 x 0.648 - 0.02443 x 35.2 = 12.31561584 - 0.859936
   * = 11.45567984 MJ/kg; 42,500 t of it hold 486,866.3932 GJ. */
  struct biomass_feedstock f;
  set_feed(&f, "forest residue", 42500.0, 35.2, 0.0);
  f.hhv_dry_mj_kg = 20.3;
  f.hydrogen_pct = 6.1;
  ck_assert_double_eq_tol(biomass_feed_lhv_ar(&f), 11.45567984, TOL_MJ);
  /* 486,866 GJ: 1e-6 GJ is rounding of one product of ~1e5. */
  ck_assert_double_eq_tol(biomass_feed_energy_gj(&f), 486866.3932, 1e-6);

  /* A dry LHV, when given, wins over the HHV: 150,000 t of rice husk
   * at 12.3557 MJ/kg = 1,853,355 GJ. */
  set_feed(&f, "rice husk", 150000.0, 10.0, 14.0);
  f.hhv_dry_mj_kg = 20.3;
  f.hydrogen_pct = 6.1;
  ck_assert_double_eq_tol(biomass_feed_energy_gj(&f), 1853355.0, 1e-6);
}
END_TEST

START_TEST(test_feed_too_wet)
{
  /* 5.5 MJ/kg dry at 70 %: 5.5 x 0.3 - 0.02443 x 70 = 1.65 - 1.7101
   * = -0.0601 MJ/kg: no net heat, so no fuel energy. */
  struct biomass_feedstock f;
  set_feed(&f, "sludge", 1000.0, 70.0, 5.5);
  ck_assert_double_eq_tol(biomass_feed_lhv_ar(&f), -0.0601, TOL_MJ);
  ck_assert_double_eq_tol(biomass_feed_energy_gj(&f), 0.0, TOL_MJ);
}
END_TEST

START_TEST(test_supply_span)
{
  /* Two feedstocks: 150,000 t rice husk (1,853,355 GJ) and 20,000 t
   * wood at 10.1228 MJ/kg (202,456 GJ) = 2,055,811 GJ a year; over 2,190
   * hours (a quarter of 8,760) that is 513,952.75 GJ. */
  struct biomass_params p;
  plant_30mw(&p, 150000.0);
  p.n_feed = 2;
  set_feed(&p.feed[1], "wood", 20000.0, 40.0, 18.5);
  ck_assert_double_eq_tol(biomass_supply_gj(&p, 8760, 1.0), 2055811.0, 1e-6);
  ck_assert_double_eq_tol(biomass_supply_gj(&p, 2190, 1.0), 513952.75, 1e-6);
  /* The same span as 8,760 quarter hours. */
  ck_assert_double_eq_tol(biomass_supply_gj(&p, 8760, 0.25), 513952.75, 1e-6);
}
END_TEST

/* ---- part-load curve and parasitic load ------------------------------- */

START_TEST(test_rel_efficiency)
{
  struct biomass_params p;
  plant_30mw(&p, 1000.0);
  /* Empty curve: flat. */
  ck_assert_double_eq_tol(biomass_rel_efficiency(&p, 0.437), 1.0, 1e-15);
  /* (0.3, 0.7), (0.6, 0.9), (1, 1): at 0.45 halfway between the first
   * two points, 0.8; at 0.8 halfway between the last two, 0.95; below
   * the first point flat at 0.7. Tolerance: rounding of one
   * interpolation. */
  p.n_curve = 3;
  p.curve_load[0] = 0.3, p.curve_rel_eff[0] = 0.7;
  p.curve_load[1] = 0.6, p.curve_rel_eff[1] = 0.9;
  p.curve_load[2] = 1.0, p.curve_rel_eff[2] = 1.0;
  ck_assert_double_eq_tol(biomass_rel_efficiency(&p, 0.45), 0.8, 1e-12);
  ck_assert_double_eq_tol(biomass_rel_efficiency(&p, 0.8), 0.95, 1e-12);
  ck_assert_double_eq_tol(biomass_rel_efficiency(&p, 0.2), 0.7, 1e-12);
  ck_assert_double_eq_tol(biomass_rel_efficiency(&p, 1.0), 1.0, 1e-12);
  /* 0.51: 0.7 + 0.2 x (0.21 / 0.3) = 0.84. */
  ck_assert_double_eq_tol(biomass_rel_efficiency(&p, 0.51), 0.84, 1e-12);
}
END_TEST

START_TEST(test_fuel_and_parasitic)
{
  struct biomass_params p;
  plant_30mw(&p, 1000.0);
  p.n_curve = 2;
  p.curve_load[0] = 0.5, p.curve_rel_eff[0] = 0.85;
  p.curve_load[1] = 1.0, p.curve_rel_eff[1] = 1.0;
  /* Expected output 15.3 MW = 0.85 x 0.6 x 30: running load 0.6,
   * rel_eff = 0.85 + 0.15 x 0.1 / 0.5 = 0.88, fuel for one hour
   * 15.3 x 3.6 / (0.25 x 0.88) = 55.08 / 0.22 = 250.363636... GJ. */
  ck_assert_double_eq_tol(biomass_fuel_gj(&p, 15.3, 1.0), 55.08 / 0.22, 1e-9);
  /* Station service with 10 % of gross: 25.5 x 0.1 / 0.9 = 2.8333... MW. */
  ck_assert_double_eq_tol(biomass_parasitic_mw(&p, 25.5), 2.55 / 0.9, 1e-12);
  ck_assert_double_eq_tol(biomass_parasitic_mw(&p, 0.0), 0.0, 1e-15);
}
END_TEST

/* ---- 2./3./4. baseload ------------------------------------------------ */

START_TEST(test_capacity_limited)
{
  /* 400,000 t of wood at 10.1228 MJ/kg = 4,049,120 GJ, more than full
   * load needs. Output every hour 0.85 x 30 = 25.5 MW; the year
   * 30 x 8760 x 0.85 = 223,380 MWh; fuel 223,380 x 3.6 / 0.25
   * = 3,216,672 GJ. */
  static double out[HOURS], fuel[HOURS];
  struct biomass_params p;
  plant_30mw(&p, 0.0);
  set_feed(&p.feed[0], "wood", 400000.0, 40.0, 18.5);
  double used = biomass_dispatch_run(&p, HOURS, 1.0, g_month, g_hour, NULL, out, fuel);
  ck_assert_double_eq_tol(sum(out, HOURS), 223380.0, 223380.0 * REL_ACCEPT);
  ck_assert_double_eq_tol(used, 3216672.0, 3216672.0 * REL_ACCEPT);
  ck_assert_double_eq_tol(sum(fuel, HOURS), used, used * 1e-12);
  ck_assert_double_eq_tol(out[4321], 25.5, TOL_MW);
  ck_assert_double_eq_tol(biomass_baseload_share(&p, HOURS, 1.0), 1.0, 1e-15);
}
END_TEST

START_TEST(test_fuel_limited)
{
  /* 150,000 t rice husk x 12.3557 GJ/t = 1,853,355 GJ < 3,216,672 GJ
   * for full load, so fuel limits: energy = 1,853,355 x 0.25 / 3.6
   * = 463,338.75 / 3.6 = 128,705.2083 MWh, below 223,380. The level
   * L* = 128,705.2083 / 223,380 = 0.5761716 (above the 0.4 minimum);
   * each hour 25.5 x L* = 14.692377 MW. */
  static double out[HOURS], fuel[HOURS];
  struct biomass_params p;
  plant_30mw(&p, 150000.0);
  double used = biomass_dispatch_run(&p, HOURS, 1.0, g_month, g_hour, NULL, out, fuel);
  double e_hand = 463338.75 / 3.6;
  ck_assert_double_eq_tol(sum(out, HOURS), e_hand, e_hand * REL_ACCEPT);
  ck_assert_double_eq_tol(used, 1853355.0, 1853355.0 * REL_ACCEPT);
  /* Never more than the supply, not even by rounding. */
  ck_assert(used <= 1853355.0);
  ck_assert_double_eq_tol(out[17], 25.5 * e_hand / 223380.0, 25.5 * REL_ACCEPT);
  ck_assert_double_eq_tol(biomass_baseload_share(&p, HOURS, 1.0), e_hand / 223380.0,
                          REL_ACCEPT);
}
END_TEST

START_TEST(test_fuel_limited_part_load)
{
  /* Curve (0.5, 0.85), (1, 1): for L in 0.5..1, rel(L) = 0.85 + 0.3 (L -
   * 0.5) = 0.7 + 0.3 L. The year's fuel at level L is
   *   F L / rel(L), F = 223,380 MWh x 3.6 / 0.25 = 3,216,672 GJ
   * (full-load fuel). Setting it equal to the supply S: L / (0.7 + 0.3 L)
   * = K with K = S / F, so L* = 0.7 K / (1 - 0.3 K).
   * S = 180,000 t x 12.3557 = 2,224,026 GJ; K = 0.691405900;
   * L* = 0.483984130 / 0.792578230 = 0.610645249 (in 0.5..1);
   * energy = 223,380 x L* = 136,405.94 MWh (the flat curve would give
   * S x 0.25 / 3.6 = 154,446.25 MWh: part load costs 11.7 %). */
  static double out[HOURS], fuel[HOURS];
  struct biomass_params p;
  plant_30mw(&p, 180000.0);
  p.n_curve = 2;
  p.curve_load[0] = 0.5, p.curve_rel_eff[0] = 0.85;
  p.curve_load[1] = 1.0, p.curve_rel_eff[1] = 1.0;
  double k = 2224026.0 / 3216672.0;
  double l_star = 0.7 * k / (1.0 - 0.3 * k);
  double used = biomass_dispatch_run(&p, HOURS, 1.0, g_month, g_hour, NULL, out, fuel);
  ck_assert_double_eq_tol(l_star, 0.610645249, 1e-9);
  ck_assert_double_eq_tol(biomass_baseload_share(&p, HOURS, 1.0), l_star, l_star * REL_ACCEPT);
  ck_assert_double_eq_tol(sum(out, HOURS), 223380.0 * l_star, 136405.94 * REL_ACCEPT);
  ck_assert_double_eq_tol(used, 2224026.0, 2224026.0 * REL_ACCEPT);
  ck_assert(used <= 2224026.0);
}
END_TEST

START_TEST(test_baseload_below_min_load)
{
  /* 40,000 t of rice husk = 494,228 GJ: L* = 494,228 / 3,216,672
   * = 0.15365 < 0.4 minimum load, so the plant cannot run steadily and
   * makes nothing; L* is still reported. */
  static double out[HOURS], fuel[HOURS];
  struct biomass_params p;
  plant_30mw(&p, 40000.0);
  double used = biomass_dispatch_run(&p, HOURS, 1.0, g_month, g_hour, NULL, out, fuel);
  ck_assert_double_eq_tol(used, 0.0, 1e-12);
  ck_assert_double_eq_tol(sum(out, HOURS), 0.0, 1e-12);
  ck_assert_double_eq_tol(biomass_baseload_share(&p, HOURS, 1.0), 494228.0 / 3216672.0,
                          REL_ACCEPT);
}
END_TEST

/* ---- 5. fill ---------------------------------------------------------- */

/* Export room [MW] the other plants leave: 37.6 MW at midnight falling to
 * zero at noon, (1 - cos(2 pi (h - 12) / 24)) / 2, scaled by a seasonal
 * factor 0.8..1.2. */
static void make_room(double *room)
{
  const double pi = 3.14159265358979323846;
  for (size_t i = 0; i < HOURS; i++) {
    double day = 0.5 * (1.0 - cos(2.0 * pi * (g_hour[i] - 12.0) / 24.0));
    double season = 1.0 + 0.2 * sin(2.0 * pi * g_doy[i] / 365.0);
    room[i] = 37.6 * day * season;
  }
}

START_TEST(test_fill_room_hand)
{
  /* Plenty of fuel, no ramp limit, no minimum load: out = min(room,
   * 25.5). On day 0 (season factor 1): 00:00 room 37.6 -> 25.5; 12:00
   * room 0 -> 0; 08:00 room 37.6 x (1 - cos 60 deg) / 2 = 9.4 -> 9.4. */
  static double out[HOURS], fuel[HOURS], room[HOURS];
  struct biomass_params p;
  plant_30mw(&p, 0.0);
  set_feed(&p.feed[0], "wood", 400000.0, 40.0, 18.5);
  p.min_load = 0.0;
  p.dispatch = BIOMASS_FILL;
  make_room(room);
  biomass_dispatch_run(&p, HOURS, 1.0, g_month, g_hour, room, out, fuel);
  ck_assert_double_eq_tol(out[0], 25.5, TOL_MW);
  ck_assert_double_eq_tol(out[12], 0.0, TOL_MW);
  ck_assert_double_eq_tol(out[8], 9.4, TOL_MW);
  /* Its fuel at flat efficiency: 9.4 x 3.6 / 0.25 = 135.36 GJ. */
  ck_assert_double_eq_tol(fuel[8], 135.36, 1e-9);
}
END_TEST

START_TEST(test_fill_ramp_hand)
{
  /* Six hours, availability 0.9 -> 27 MW, minimum load 0.3 -> 8.1 MW,
   * ramp 6 MW/h, room {30, 30, 30, 2, 30, 30}. Hour 3 is below the
   * minimum load, so off; its neighbours treat it as 8.1 MW.
   * Asked: 27, 27, 27, (8.1), 27, 27.
   * Ramping up:   27, 27, 27, 8.1, 14.1, 20.1.
   * Ramping down: 26.1, 20.1, 14.1, 8.1, 14.1, 20.1.
   * Out: 26.1, 20.1, 14.1, 0, 14.1, 20.1. */
  static const double room[6] = {30, 30, 30, 2, 30, 30};
  static const double expect[6] = {26.1, 20.1, 14.1, 0.0, 14.1, 20.1};
  double out[6], fuel[6];
  struct biomass_params p;
  plant_30mw(&p, 0.0);
  set_feed(&p.feed[0], "wood", 400000.0, 40.0, 18.5);
  p.availability = 0.9;
  p.min_load = 0.3;
  p.ramp_mw_per_h = 6.0;
  p.dispatch = BIOMASS_FILL;
  double used = biomass_dispatch_run(&p, 6, 1.0, g_month, g_hour, room, out, fuel);
  for (int i = 0; i < 6; i++)
    ck_assert_double_eq_tol(out[i], expect[i], TOL_MW);
  /* 94.5 MWh x 3.6 / 0.25 = 1,360.8 GJ (supply over 6 h: 4,049,120 x
   * 6 / 8760 = 2,773.4 GJ, enough). */
  ck_assert_double_eq_tol(used, 1360.8, 1e-9);
}
END_TEST

START_TEST(test_fill_properties)
{
  /* The room series above, fuel-limited (150,000 t of rice husk), with
   * a part-load curve, minimum load 0.4 and a 4.3 MW/h ramp limit. */
  static double out[HOURS], fuel[HOURS], room[HOURS];
  struct biomass_params p;
  plant_30mw(&p, 150000.0);
  p.n_curve = 2;
  p.curve_load[0] = 0.5, p.curve_rel_eff[0] = 0.85;
  p.curve_load[1] = 1.0, p.curve_rel_eff[1] = 1.0;
  p.ramp_mw_per_h = 4.3;
  p.dispatch = BIOMASS_FILL;
  make_room(room);
  double used = biomass_dispatch_run(&p, HOURS, 1.0, g_month, g_hour, room, out, fuel);
  double avail_mw = 0.85 * 30.0, min_mw = avail_mw * 0.4;
  /* 1e-9 MW: the comparisons hold exactly up to rounding of a sum. */
  int running = 0, starts = 0;
  for (size_t i = 0; i < HOURS; i++) {
    ck_assert(out[i] <= room[i] + 1e-9);
    ck_assert(out[i] <= avail_mw + 1e-9);
    ck_assert(out[i] == 0.0 || out[i] >= min_mw - 1e-9);
    if (out[i] > 0.0)
      running++;
    if (i == 0)
      continue;
    if (out[i] > 0.0 && out[i - 1] > 0.0)
      ck_assert(fabs(out[i] - out[i - 1]) <= 4.3 + 1e-9);
    else if (out[i] > 0.0 || out[i - 1] > 0.0) {
      /* Starts and stops happen from the minimum stable level (within
       * one ramp step of it). */
      ck_assert(out[i] + out[i - 1] <= min_mw + 4.3 + 1e-9);
      starts++;
    }
  }
  ck_assert_int_gt(running, 0);
  ck_assert_int_gt(starts, 0);
  ck_assert(used <= 1853355.0);
  ck_assert_double_eq_tol(sum(fuel, HOURS), used, used * 1e-12);
  /* The fuel binds: the output level is capped below the 25.5 MW the
   * plant could make, and the fuel is burnt up to what the last hour
   * switched on at minimum load would cost (about 10.2 x 3.6 / (0.25 x
   * 0.85) = 173 GJ, 1e-4 of the supply); 1e-3 leaves room for a few. */
  double peak = 0.0;
  for (size_t i = 0; i < HOURS; i++)
    peak = out[i] > peak ? out[i] : peak;
  ck_assert(peak < avail_mw - 0.01);
  ck_assert(used >= (1.0 - 1e-3) * 1853355.0);
}
END_TEST

START_TEST(test_fill_null_is_baseload)
{
  /* With no export limit FILL runs every hour at the level that burns
   * the fuel evenly: the baseload result, the same to the last bit. */
  static double out_b[HOURS], fuel_b[HOURS], out_f[HOURS], fuel_f[HOURS];
  struct biomass_params p;
  plant_30mw(&p, 180000.0);
  p.n_curve = 2;
  p.curve_load[0] = 0.5, p.curve_rel_eff[0] = 0.85;
  p.curve_load[1] = 1.0, p.curve_rel_eff[1] = 1.0;
  p.ramp_mw_per_h = 4.3;
  double used_b = biomass_dispatch_run(&p, HOURS, 1.0, g_month, g_hour, NULL, out_b, fuel_b);
  p.dispatch = BIOMASS_FILL;
  double used_f = biomass_dispatch_run(&p, HOURS, 1.0, g_month, g_hour, NULL, out_f, fuel_f);
  ck_assert(used_b == used_f);
  for (size_t i = 0; i < HOURS; i++) {
    ck_assert(out_b[i] == out_f[i]);
    ck_assert(fuel_b[i] == fuel_f[i]);
  }
  /* And it is the fuel-limited part-load level of the case above. */
  ck_assert_double_eq_tol(out_f[5000], 25.5 * 0.610645249, 25.5 * REL_ACCEPT);
}
END_TEST

/* ---- 6. schedule ------------------------------------------------------ */

static void schedule_day_night(struct biomass_params *p)
{
  /* 0.9 from 08:00 to 19:59, 0.35 (below the 0.4 minimum: off) at night;
   * July (month 6) 0.62 all day. */
  for (int m = 0; m < 12; m++)
    for (int h = 0; h < 24; h++)
      p->schedule[m][h] = m == 6 ? 0.62 : (h >= 8 && h < 20 ? 0.9 : 0.35);
  p->dispatch = BIOMASS_SCHEDULE;
}

START_TEST(test_schedule_hand)
{
  /* Plenty of fuel. 334 non-July days x 12 h x 0.9 = 3,607.2 and 31
   * July days x 24 h x 0.62 = 461.28 full-load hours of the running
   * plant; x 25.5 MW = 25.5 x 4,068.48 = 103,746.24 MWh; fuel
   * 103,746.24 x 3.6 / 0.25 = 1,493,945.856 GJ (supply 4,049,120). */
  static double out[HOURS], fuel[HOURS];
  struct biomass_params p;
  plant_30mw(&p, 0.0);
  set_feed(&p.feed[0], "wood", 400000.0, 40.0, 18.5);
  schedule_day_night(&p);
  double used = biomass_dispatch_run(&p, HOURS, 1.0, g_month, g_hour, NULL, out, fuel);
  ck_assert_double_eq_tol(sum(out, HOURS), 103746.24, 103746.24 * REL_ACCEPT);
  ck_assert_double_eq_tol(used, 1493945.856, 1493945.856 * REL_ACCEPT);
  /* Jan 1, 03:00 off; 10:00 at 0.9 x 25.5 = 22.95 MW; July 15, 03:00
   * (day 195, hour index 195 x 24 + 3 = 4683) 0.62 x 25.5 = 15.81 MW. */
  ck_assert_double_eq_tol(out[3], 0.0, TOL_MW);
  ck_assert_double_eq_tol(out[10], 22.95, TOL_MW);
  ck_assert_double_eq_tol(out[4683], 15.81, TOL_MW);
}
END_TEST

START_TEST(test_schedule_fuel_limited)
{
  /* 100,000 t rice husk = 1,235,570 GJ supports 1,235,570 / 14.4
   * = 85,803.4722 MWh (14.4 = 3.6 / 0.25 GJ per MWh). With a cap c
   * between 0.62 and 0.9 the daytime hours run at c and July stays at
   * 0.62: 25.5 x (334 x 12 c + 461.28) = 85,803.4722, so 4,008 c =
   * 3,364.8420 - 461.28 and c = 0.7244416. Daytime output 25.5 c =
   * 18.473262 MW. */
  static double out[HOURS], fuel[HOURS];
  struct biomass_params p;
  plant_30mw(&p, 100000.0);
  schedule_day_night(&p);
  double used = biomass_dispatch_run(&p, HOURS, 1.0, g_month, g_hour, NULL, out, fuel);
  double e_hand = 1235570.0 / 14.4;
  double c = (e_hand / 25.5 - 461.28) / 4008.0;
  ck_assert_double_eq_tol(c, 0.7244416, 1e-7);
  ck_assert_double_eq_tol(sum(out, HOURS), e_hand, e_hand * REL_ACCEPT);
  ck_assert(used <= 1235570.0);
  ck_assert_double_eq_tol(out[10], 25.5 * c, 25.5 * c * REL_ACCEPT);
  ck_assert_double_eq_tol(out[4683], 15.81, TOL_MW);
}
END_TEST

/* ---- 7. emissions ----------------------------------------------------- */

START_TEST(test_emissions)
{
  /* Wood 50,000 t at 10.1228 = 506,140 GJ (CH4 30, N2O 4 kg/TJ: IPCC
   * 2006 Vol. 2 Table 2.2, wood in energy industries; haul 45.3 km) and
   * rice husk 20,000 t at 12.3557 = 247,114 GJ (CH4 20.5, N2O 3.1 kg/TJ,
   * haul 82.6 km): 753,254 GJ supplied. 600,000 GJ burnt: a share
   * f = 600,000 / 753,254 = 0.79654406 of each.
   * CH4 = f (506.140 x 30 + 247.114 x 20.5) = f (15,184.2 + 5,065.837)
   *     = f x 20,250.037 = 16,130.047 kg;
   * N2O = f (506.140 x 4 + 247.114 x 3.1) = f (2,024.56 + 766.0534)
   *     = f x 2,790.6134 = 2,222.8465 kg;
   * haul = f (50,000 x 45.3 + 20,000 x 82.6) = f x 3,917,000
   *     = 3,120,063.09 t km, x 0.1 kg/(t km) = 312,006.309 kg.
   * CO2e with IPCC AR5 GWP100 (CH4 28, N2O 265):
   * 16.130047 x 28 + 2.2228465 x 265 + 312.006309
   *   = 451.64131 + 589.05433 + 312.00631 = 1,352.7020 t.
   * Biogenic memo: 600 TJ x 112,000 kg/TJ = 67,200 t. */
  struct biomass_params p;
  plant_30mw(&p, 0.0);
  p.n_feed = 2;
  set_feed(&p.feed[0], "wood", 50000.0, 40.0, 18.5);
  p.feed[0].transport_tkm_per_t = 45.3;
  set_feed(&p.feed[1], "rice husk", 20000.0, 10.0, 14.0);
  p.feed[1].ch4_kg_per_tj = 20.5;
  p.feed[1].n2o_kg_per_tj = 3.1;
  p.feed[1].transport_tkm_per_t = 82.6;
  double f = 600000.0 / 753254.0;
  double hand = (f * 20250.037 * 28.0 + f * 2790.6134 * 265.0 + f * 3917000.0 * 0.1) / 1000.0;
  double bio = -1.0;
  double t = biomass_project_emissions_t(&p, 600000.0, 28.0, 265.0, 0.1, 112000.0, &bio);
  /* 1e-3 t: the hand sums above are carried to 0.1 g. */
  ck_assert_double_eq_tol(hand, 1352.7020, 1e-3);
  ck_assert_double_eq_tol(t, hand, 1e-6);
  ck_assert_double_eq_tol(bio, 67200.0, 1e-6);

  /* Same CH4/N2O factors on both (30/4): the split no longer matters,
   * 600 TJ x (30 x 28 + 4 x 265) kg = 600 x 1,900 kg = 1,140 t, with no
   * haulage factor. */
  p.feed[1].ch4_kg_per_tj = 30.0;
  p.feed[1].n2o_kg_per_tj = 4.0;
  t = biomass_project_emissions_t(&p, 600000.0, 28.0, 265.0, 0.0, 112000.0, NULL);
  ck_assert_double_eq_tol(t, 1140.0, 1e-6);
}
END_TEST

Suite *make_biomass_suite(void)
{
  Suite *s = suite_create("biomass");
  TCase *tf = tcase_create("fuel");
  tcase_add_test(tf, test_lhv_as_received);
  tcase_add_test(tf, test_lhv_from_hhv);
  tcase_add_test(tf, test_feed_too_wet);
  tcase_add_test(tf, test_supply_span);
  tcase_add_test(tf, test_rel_efficiency);
  tcase_add_test(tf, test_fuel_and_parasitic);
  suite_add_tcase(s, tf);

  TCase *td = tcase_create("dispatch");
  tcase_add_unchecked_fixture(td, make_calendar, NULL);
  tcase_add_test(td, test_capacity_limited);
  tcase_add_test(td, test_fuel_limited);
  tcase_add_test(td, test_fuel_limited_part_load);
  tcase_add_test(td, test_baseload_below_min_load);
  tcase_add_test(td, test_fill_room_hand);
  tcase_add_test(td, test_fill_ramp_hand);
  tcase_add_test(td, test_fill_properties);
  tcase_add_test(td, test_fill_null_is_baseload);
  tcase_add_test(td, test_schedule_hand);
  tcase_add_test(td, test_schedule_fuel_limited);
  suite_add_tcase(s, td);

  TCase *te = tcase_create("emissions");
  tcase_add_test(te, test_emissions);
  suite_add_tcase(s, te);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_biomass_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
