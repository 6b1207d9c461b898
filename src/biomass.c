/* Biomass power plants: fuel energy, part-load efficiency, dispatch and the
 * greenhouse gases of the fuel burnt.
 *
 * Sources:
 *   ISO 18125:2017 "Solid biofuels - Determination of calorific value"
 *     (the same formulas as EN 14918:2009): net calorific value at constant
 *     pressure from the gross value, q_net,d = q_gr,d - 212.2 w(H)_d
 *     [J/g, w in % dry], and as received,
 *     q_net,ar = q_net,d (100 - M)/100 - 24.43 M [J/g, M in % wet basis];
 *     24.43 J/g per % = 2.443 MJ/kg, the enthalpy of vaporisation of water
 *     at 25 degC. The standard's further term -0.8 (w(O) + w(N)) J/g (the
 *     volume work of the fuel's oxygen and nitrogen, about 0.03 MJ/kg for
 *     wood) is left out, as in biomass.h.
 *   IPCC 2006 Guidelines for National Greenhouse Gas Inventories, Vol. 2
 *     Ch. 2 (stationary combustion): CH4 and N2O per TJ of fuel (net
 *     calorific value); CO2 of biomass reported as a memo item only.
 *
 * Availability enters as an expected value: in every interval the plant
 * runs at load share L with probability `availability`, so the expected
 * output is availability x L x capacity and the expected fuel is
 * availability x (the fuel at load L). Efficiency and the minimum load are
 * therefore taken at the running load L = out / (availability x capacity),
 * never at the derated output. */
#include "biomass.h"

#include <math.h>

/* Enthalpy of vaporisation of water at 25 degC per % moisture [MJ/kg];
 * ISO 18125 (24.43 J/g per %). */
#define LATENT_MJ_KG_PER_PCT 0.02443
/* Latent heat of the water formed from 1 % hydrogen, less the volume
 * work between constant-volume (bomb) and constant-pressure combustion
 * [MJ/kg per % H]; ISO 18125 (212.2 J/g per %). */
#define HYDROGEN_MJ_KG_PER_PCT 0.2122
#define GJ_PER_MWH 3.6
#define HOURS_PER_YEAR 8760.0
/* Enough halvings of [0, 1] to reach adjacent doubles. */
#define BISECT_ITER_MAX 200

double biomass_lhv_as_received(double lhv_dry_mj_kg, double moisture_pct)
{
  return lhv_dry_mj_kg * (100.0 - moisture_pct) / 100.0 - LATENT_MJ_KG_PER_PCT * moisture_pct;
}

double biomass_lhv_from_hhv(double hhv_dry_mj_kg, double hydrogen_pct)
{
  return hhv_dry_mj_kg - HYDROGEN_MJ_KG_PER_PCT * hydrogen_pct;
}

double biomass_feed_lhv_ar(const struct biomass_feedstock *f)
{
  double lhv_d = f->lhv_dry_mj_kg > 0.0 ? f->lhv_dry_mj_kg
                                        : biomass_lhv_from_hhv(f->hhv_dry_mj_kg, f->hydrogen_pct);
  return biomass_lhv_as_received(lhv_d, f->moisture_pct);
}

double biomass_feed_energy_gj(const struct biomass_feedstock *f)
{
  /* A fuel too wet to release net heat adds nothing (it does not take
   * heat away from the others either: the model has no co-firing heat
   * balance). MJ/kg = GJ/t. */
  double lhv_ar = biomass_feed_lhv_ar(f);
  if (lhv_ar <= 0.0 || f->tonnes_per_year <= 0.0)
    return 0.0;
  return f->tonnes_per_year * lhv_ar;
}

double biomass_supply_gj(const struct biomass_params *p, size_t n, double interval_h)
{
  if (p->n_feed == 0)
    return HUGE_VAL; /* no feedstock given: capacity-driven, fuel as needed */
  double year_gj = 0.0;
  for (int k = 0; k < p->n_feed && k < BIOMASS_FEEDSTOCKS_MAX; k++)
    year_gj += biomass_feed_energy_gj(&p->feed[k]);
  return year_gj * ((double)n * interval_h / HOURS_PER_YEAR);
}

double biomass_rel_efficiency(const struct biomass_params *p, double load)
{
  int n = p->n_curve < BIOMASS_CURVE_MAX ? p->n_curve : BIOMASS_CURVE_MAX;
  if (n <= 0)
    return 1.0;
  /* Flat outside the tabulated range. */
  if (load <= p->curve_load[0])
    return p->curve_rel_eff[0];
  if (load >= p->curve_load[n - 1])
    return p->curve_rel_eff[n - 1];
  int k = 1;
  while (k < n - 1 && load > p->curve_load[k])
    k++;
  double x0 = p->curve_load[k - 1], x1 = p->curve_load[k];
  double y0 = p->curve_rel_eff[k - 1], y1 = p->curve_rel_eff[k];
  if (x1 <= x0)
    return y1;
  return y0 + (y1 - y0) * (load - x0) / (x1 - x0);
}

double biomass_fuel_gj(const struct biomass_params *p, double out_mw, double interval_h)
{
  double avail_mw = p->availability * p->capacity_mw;
  if (out_mw <= 0.0 || avail_mw <= 0.0)
    return 0.0;
  double eta = p->efficiency * biomass_rel_efficiency(p, out_mw / avail_mw);
  if (eta <= 0.0)
    return 0.0;
  return out_mw * interval_h * GJ_PER_MWH / eta;
}

double biomass_parasitic_mw(const struct biomass_params *p, double net_mw)
{
  /* Capacity and efficiency are net: the station service is what the
   * generator makes on top of the net output, gross = net / (1 - f). */
  double f = p->parasitic_frac;
  if (net_mw <= 0.0 || f <= 0.0 || f >= 1.0)
    return 0.0;
  return net_mw * f / (1.0 - f);
}

/* Load share [0..1] the plant is asked for in interval i under an output
 * cap `cap` (a load share), before the minimum load and ramp limits. */
static double asked_share(const struct biomass_params *p, size_t i, double cap,
                          const unsigned char *month, const unsigned char *hour,
                          const double *room_mw)
{
  double share = cap;
  if (p->dispatch == BIOMASS_SCHEDULE) {
    double s = p->schedule[month[i] % 12][hour[i] % 24];
    share = s < cap ? s : cap;
  } else if (p->dispatch == BIOMASS_FILL && room_mw) {
    double avail_mw = p->availability * p->capacity_mw;
    double room = room_mw[i] > 0.0 ? room_mw[i] : 0.0;
    if (room < avail_mw * share)
      share = room / avail_mw;
  }
  return share < 0.0 ? 0.0 : share;
}

/* Fills out_mw and fuel_gj for the cap and returns the fuel burnt [GJ].
 * out_mw and fuel_gj may be NULL except for FILL with a ramp limit,
 * which needs out_mw as its work array. */
static double evaluate(const struct biomass_params *p, size_t n, double interval_h,
                       const unsigned char *month, const unsigned char *hour,
                       const double *room_mw, double cap, double *out_mw, double *fuel_gj)
{
  double avail_mw = p->availability * p->capacity_mw;
  double ramp_mw = p->ramp_mw_per_h * interval_h;
  int ramped = p->dispatch == BIOMASS_FILL && p->ramp_mw_per_h > 0.0 && out_mw && n > 0;
  double total = 0.0;

  if (ramped) {
    /* Largest series that stays under the asked output and changes by at
     * most ramp_mw between intervals: a forward pass limits ramping up,
     * a backward pass lowers the output ahead of a drop so ramping down
     * stays within the limit too. An interval below the minimum load is
     * off; for its neighbours it counts as the minimum stable level,
     * where the plant starts and stops. */
    double min_mw = avail_mw * p->min_load;
    for (size_t i = 0; i < n; i++) {
      double s = asked_share(p, i, cap, month, hour, room_mw);
      double v = s >= p->min_load ? avail_mw * s : min_mw;
      if (i > 0 && out_mw[i - 1] + ramp_mw < v)
        v = out_mw[i - 1] + ramp_mw;
      out_mw[i] = v;
    }
    for (size_t i = n - 1; i-- > 0;)
      if (out_mw[i + 1] + ramp_mw < out_mw[i])
        out_mw[i] = out_mw[i + 1] + ramp_mw;
    for (size_t i = 0; i < n; i++) {
      double s = asked_share(p, i, cap, month, hour, room_mw);
      if (s < p->min_load || s <= 0.0)
        out_mw[i] = 0.0;
      double f = biomass_fuel_gj(p, out_mw[i], interval_h);
      if (fuel_gj)
        fuel_gj[i] = f;
      total += f;
    }
    return total;
  }

  for (size_t i = 0; i < n; i++) {
    double s = asked_share(p, i, cap, month, hour, room_mw);
    double out = s >= p->min_load && s > 0.0 ? avail_mw * s : 0.0;
    double f = biomass_fuel_gj(p, out, interval_h);
    if (out_mw)
      out_mw[i] = out;
    if (fuel_gj)
      fuel_gj[i] = f;
    total += f;
  }
  return total;
}

/* Highest cap (load share 0..1) whose fuel does not exceed the supply.
 * The fuel burnt grows with the cap as long as fuel power grows with
 * output (L / rel_eff(L) increasing), which any physical part-load curve
 * satisfies. */
static double find_cap(const struct biomass_params *p, size_t n, double interval_h,
                       const unsigned char *month, const unsigned char *hour,
                       const double *room_mw, double supply_gj, double *out_mw, double *fuel_gj)
{
  if (evaluate(p, n, interval_h, month, hour, room_mw, 1.0, out_mw, fuel_gj) <= supply_gj)
    return 1.0;
  double lo = 0.0, hi = 1.0;
  for (int it = 0; it < BISECT_ITER_MAX; it++) {
    double mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi)
      break;
    if (evaluate(p, n, interval_h, month, hour, room_mw, mid, out_mw, fuel_gj) <= supply_gj)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

double biomass_baseload_share(const struct biomass_params *p, size_t n, double interval_h)
{
  struct biomass_params q = *p;
  q.dispatch = BIOMASS_BASELOAD;
  /* The cap that exhausts the fuel, whatever the minimum load. */
  q.min_load = 0.0;
  if (n == 0 || p->availability <= 0.0 || p->capacity_mw <= 0.0)
    return 1.0;
  return find_cap(&q, n, interval_h, NULL, NULL, NULL, biomass_supply_gj(p, n, interval_h),
                  NULL, NULL);
}

double biomass_dispatch_run(const struct biomass_params *p, size_t n, double interval_h,
                            const unsigned char *month, const unsigned char *hour,
                            const double *room_mw, double *out_mw, double *fuel_gj)
{
  if (n == 0)
    return 0.0;
  if (p->availability <= 0.0 || p->capacity_mw <= 0.0 || interval_h <= 0.0) {
    for (size_t i = 0; i < n; i++)
      out_mw[i] = fuel_gj[i] = 0.0;
    return 0.0;
  }
  double supply_gj = biomass_supply_gj(p, n, interval_h);
  double cap = find_cap(p, n, interval_h, month, hour, room_mw, supply_gj, out_mw, fuel_gj);
  return evaluate(p, n, interval_h, month, hour, room_mw, cap, out_mw, fuel_gj);
}

double biomass_project_emissions_t(const struct biomass_params *p, double fuel_used_gj,
                                   double gwp_ch4, double gwp_n2o,
                                   double transport_kg_co2_per_tkm,
                                   double biogenic_kg_co2_per_tj, double *biogenic_co2_t)
{
  double supplied_gj = 0.0;
  for (int k = 0; k < p->n_feed && k < BIOMASS_FEEDSTOCKS_MAX; k++)
    supplied_gj += biomass_feed_energy_gj(&p->feed[k]);
  if (biogenic_co2_t)
    *biogenic_co2_t = 0.0;
  if (supplied_gj <= 0.0 || fuel_used_gj <= 0.0)
    return 0.0;

  /* Every feedstock is burnt in the same proportion of its supply, so its
   * share of the energy burnt equals its share of the energy supplied and
   * its tonnes burnt are its tonnes supplied times that proportion. */
  double burnt_frac = fuel_used_gj / supplied_gj;
  double ch4_kg = 0.0, n2o_kg = 0.0, haul_kg = 0.0;
  for (int k = 0; k < p->n_feed && k < BIOMASS_FEEDSTOCKS_MAX; k++) {
    const struct biomass_feedstock *f = &p->feed[k];
    double e_gj = biomass_feed_energy_gj(f);
    if (e_gj <= 0.0)
      continue;
    double tj = e_gj * burnt_frac / 1000.0;
    ch4_kg += tj * f->ch4_kg_per_tj;
    n2o_kg += tj * f->n2o_kg_per_tj;
    haul_kg += f->tonnes_per_year * burnt_frac * f->transport_tkm_per_t * transport_kg_co2_per_tkm;
  }
  if (biogenic_co2_t)
    *biogenic_co2_t = fuel_used_gj / 1000.0 * biogenic_kg_co2_per_tj / 1000.0;
  return (ch4_kg * gwp_ch4 + n2o_kg * gwp_n2o + haul_kg) / 1000.0;
}
