/* Biomass power plants: fuel energy from feedstocks (moisture, heating
 * values), net electrical efficiency with a part-load curve and parasitic
 * load, and hourly dispatch limited by capacity, availability and fuel.
 * Pure. */
#ifndef RENEWCALC_BIOMASS_H
#define RENEWCALC_BIOMASS_H

#include <stddef.h>

#define BIOMASS_FEEDSTOCKS_MAX 16
#define BIOMASS_CURVE_MAX 16

struct biomass_feedstock {
  char name[64];
  double tonnes_per_year;   /* as received [t/yr] >= 0 */
  double moisture_pct;      /* wet basis, 0..70 */
  double lhv_dry_mj_kg;     /* dry-basis lower heating value [MJ/kg]; <= 0: from HHV */
  double hhv_dry_mj_kg;     /* dry-basis higher heating value [MJ/kg] (when no LHV) */
  double hydrogen_pct;      /* dry-basis hydrogen content [%] (with HHV) */
  double ash_pct;           /* dry-basis ash [%] 0..60 (reported) */
  double ch4_kg_per_tj;     /* combustion CH4 [kg/TJ of fuel] */
  double n2o_kg_per_tj;     /* combustion N2O [kg/TJ] */
  double transport_tkm_per_t; /* haul distance [km] (t km per t) */
};

/* Dispatch modes. */
enum biomass_dispatch {
  BIOMASS_BASELOAD,  /* the same output every available hour, as far as fuel allows */
  BIOMASS_SCHEDULE,  /* a share of capacity by hour of day and month */
  BIOMASS_FILL       /* fill what the other plants leave below the export limit */
};

struct biomass_params {
  double capacity_mw;       /* net electrical capacity [MW] > 0 */
  double availability;      /* share of hours the plant can run, 0..1 */
  double efficiency;        /* net electrical efficiency at full load (LHV), 0.05..0.5 */
  /* Part-load curve: relative efficiency (1 at full load) at load shares;
   * n points, load shares increasing in 0..1, the last 1. n = 0: flat. */
  int n_curve;
  double curve_load[BIOMASS_CURVE_MAX];
  double curve_rel_eff[BIOMASS_CURVE_MAX];
  double min_load;          /* lowest stable load share, 0..1 */
  double parasitic_frac;    /* station service as a share of gross output, 0..0.3 */
  double ramp_mw_per_h;     /* ramp limit [MW/h]; <= 0: none */
  enum biomass_dispatch dispatch;
  double schedule[12][24];  /* BIOMASS_SCHEDULE: load share by month and hour, 0..1 */
  int n_feed;               /* 0: capacity-driven, fuel unlimited */
  struct biomass_feedstock feed[BIOMASS_FEEDSTOCKS_MAX];
};

/* As-received lower heating value [MJ/kg] from the dry-basis LHV and the
 * moisture M [% wet basis]: ISO 18125 (and EN 14918):
 * LHV_ar = LHV_d (100 - M)/100 - 0.02443 M. Pure. */
double biomass_lhv_as_received(double lhv_dry_mj_kg, double moisture_pct);

/* Dry-basis LHV [MJ/kg] from the dry-basis HHV and hydrogen content
 * [% dry], ISO 18125: LHV_d = HHV_d - 0.2122 H. Pure. */
double biomass_lhv_from_hhv(double hhv_dry_mj_kg, double hydrogen_pct);

/* Fuel energy a feedstock supplies per year [GJ, LHV as received]. */
double biomass_feed_energy_gj(const struct biomass_feedstock *f);

/* As-received LHV of a feedstock [MJ/kg = GJ/t]: biomass_lhv_as_received
 * of its dry LHV, or, when lhv_dry_mj_kg <= 0, of biomass_lhv_from_hhv
 * (hhv_dry_mj_kg, hydrogen_pct). May be <= 0 for a very wet fuel. Pure. */
double biomass_feed_lhv_ar(const struct biomass_feedstock *f);

/* Fuel energy of all feedstocks [GJ LHV as received] available over n
 * intervals of interval_h hours: the yearly supply times n interval_h / 8760.
 * A feedstock with LHV_ar <= 0 adds nothing. Pure. */
double biomass_supply_gj(const struct biomass_params *p, size_t n, double interval_h);

/* Fuel burnt [GJ LHV] in one interval of interval_h hours with expected
 * net output out_mw [MW], 0..availability x capacity: out_mw interval_h
 * 3.6 / (efficiency rel_eff(L)), with the running load share
 * L = out_mw / (availability capacity_mw). 0 when out_mw <= 0. Pure. */
double biomass_fuel_gj(const struct biomass_params *p, double out_mw, double interval_h);

/* Station service [MW] drawn while the plant delivers net_mw [MW]:
 * capacity and efficiency are net, so the generator makes
 * gross = net / (1 - parasitic_frac) and the station service is
 * net parasitic_frac / (1 - parasitic_frac). Reported only; it changes
 * neither the output nor the fuel. Pure. */
double biomass_parasitic_mw(const struct biomass_params *p, double net_mw);

/* Load share L* (0..1) at which a plant run at the same level in every
 * interval burns exactly its fuel supply over n intervals of interval_h
 * hours (bisection; 1 when the fuel is enough for full load). The minimum
 * load is ignored here: when L* < min_load, BIOMASS_BASELOAD cannot run
 * and produces nothing, which callers may report. Pure. */
double biomass_baseload_share(const struct biomass_params *p, size_t n, double interval_h);

/* Relative efficiency at load share x (0..1) by linear interpolation of
 * the part-load curve (1 when the curve is empty). */
double biomass_rel_efficiency(const struct biomass_params *p, double load);

/* Greenhouse gases of the fuel actually burnt, fuel_used_gj [GJ LHV],
 * split over the feedstocks by their share of the supplied energy:
 * combustion CH4 and N2O (kg/TJ) times their global warming potentials
 * gwp_ch4 and gwp_n2o, and haulage (tonnes burnt x km) times
 * transport_kg_co2_per_tkm. Returns t CO2e (subtracted from avoided CO2);
 * *biogenic_co2_t receives the CO2 of burning the biomass itself at
 * biogenic_kg_co2_per_tj (IPCC 2006: 112,000 kg/TJ for wood), reported as
 * a memo item and not counted. */
double biomass_project_emissions_t(const struct biomass_params *p, double fuel_used_gj,
                                   double gwp_ch4, double gwp_n2o,
                                   double transport_kg_co2_per_tkm,
                                   double biogenic_kg_co2_per_tj, double *biogenic_co2_t);

/* Hourly dispatch over n intervals of interval_h hours with local month
 * and hour of each interval. room_mw: export room the other plants leave
 * in each interval (BIOMASS_FILL; NULL = unlimited). Writes net output
 * [MW] to out_mw and fuel burnt [GJ LHV] to fuel_gj (each n, caller-owned).
 * Generation is the lesser of what the plant can make and what its fuel
 * supports; the year's fuel (all feedstocks, scaled to the span of the n
 * intervals) is never exceeded: when it is short, the plant's output level
 * is lowered evenly over the year (a cap found by bisection), not run at
 * full load until the fuel is spent. Availability derates every hour (the
 * expected value, not random outages). Returns the fuel energy used [GJ].
 * Pure. */
double biomass_dispatch_run(const struct biomass_params *p, size_t n, double interval_h,
                            const unsigned char *month, const unsigned char *hour,
                            const double *room_mw, double *out_mw, double *fuel_gj);

#endif
