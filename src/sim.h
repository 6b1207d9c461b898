/* The hourly chain for a site: sun, sky, plane of array and plant for every
 * interval of each plant's profile, then the annual, monthly, lifetime and
 * emission figures. No file I/O: profiles come in already read. */
#ifndef RENEWCALC_SIM_H
#define RENEWCALC_SIM_H

#include <stddef.h>
#include <stdint.h>

#include "emissions.h"
#include "pv.h"
#include "site.h"

struct profile;
struct wind_profile;
struct solar_axis;
struct diag;

#define SIM_LIFETIME_MAX 100
#define SIM_CALENDAR_YEARS_MAX 64 /* complete years of a multi-year profile kept */

/* What was assumed or derived for a profile, for the summary. */
struct sim_profile_note {
  char dni_dhi[96];     /* "from the profile" or "Erbs decomposition of ghi" */
  char temp_air[64];
  char wind_speed[64];
  char pressure[64];
  char albedo[64];
  double ghi_kwh_m2;    /* annual horizontal irradiation */
  size_t above_clear_sky; /* intervals with GHI above a clean clear sky
                             (sky_check.h margin): doubtful data */
  double distance_km;   /* from the site to the location in the profile's
                           header; negative when the header gives none */
};

/* Interval series of one plant (n values each, owned by the result). */
struct plant_series {
  double *poa_wm2;      /* plane-of-array irradiance, total */
  double *t_cell_c;
  double *dc_kw;        /* after system losses */
  double *ac_kw;
  double *clip_kw;
};

/* What a wind plant's year came to. Energies [MWh] per year. */
struct wind_result {
  const struct wind_profile *profile; /* borrowed */
  double *hub_speed_ms;               /* n, free stream at hub height (owned) */
  double *direction_deg;              /* n, or NULL when the profile has none (owned) */
  double *gross_kw;                   /* n, farm without wakes and losses (owned) */
  char height_note[160];              /* how the hub-height speed was found */
  char density_note[160];             /* which density correction ran, and rho */
  double mean_hub_speed_ms;
  double mean_density;                /* [kg/m3] */
  double weibull_k, weibull_c;        /* fitted to the hub-height speeds */
  double aep_weibull_mwh;             /* farm, no wakes or losses, from the Weibull fit */
  double aep_iec_mwh;                 /* the same by the IEC bin method (Rayleigh) */
  double gross_mwh;                   /* hourly sum, no wakes or losses */
  double wake_mwh;                    /* lost to wakes */
  double wake_loss_frac;              /* wake_mwh / gross_mwh */
  double loss_mwh[WIND_LOSS_COUNT];   /* lost to each loss after wakes */
};

/* What a biomass plant's year came to. */
struct biomass_result {
  double fuel_supply_gj;              /* the feedstocks' energy per year (LHV as received) */
  double fuel_used_gj;
  double fuel_needed_gj;              /* for what the plant could make with fuel unlimited */
  double fuel_surplus_gj;             /* supply - used (> 0: fuel left over) */
  double fuel_shortfall_gj;           /* needed - supply (> 0: fuel limits output) */
  double fuel_used_t;                 /* tonnes burnt, as received */
  double full_load_hours;
  double parasitic_mwh;               /* station service (reported) */
  double biogenic_co2_t;              /* memo item, not counted */
  double project_co2e_t;              /* CH4, N2O and haulage, subtracted */
};

struct plant_result {
  const struct plant_cfg *cfg;        /* borrowed from the site */
  const struct profile *profile;      /* borrowed; NULL for wind plants */
  struct wind_result wind;            /* wind plants */
  struct biomass_result bio;          /* biomass plants */
  const int64_t *t_utc;               /* n interval starts (borrowed) */
  double utc_offset_h;                /* of the local calendar */
  /* Levelised cost (when the site file gives the plant's economics):
   * present values of costs [currency] and of energy [MWh] over the
   * lifetime, and their ratio [currency/MWh]; has_lcoe 0 otherwise. The
   * present values let a portfolio add plants up. */
  int has_lcoe;
  double lcoe_pv_costs, lcoe_pv_energy_mwh, lcoe_per_mwh;
  char currency[8];
  double before_curtailment_mwh;      /* annual, before the export limit */
  double curtailed_mwh;               /* annual, lost to the export limit */
  struct sim_profile_note note;
  size_t n;
  struct plant_series s;
  unsigned char *month, *hour;        /* local calendar of each interval */
  int calendar_borrowed;              /* 1: month and hour are the profile's
                                         (profile_local_calendar()), not freed */
  double years;                       /* profile span [years]; 1 for a typical year */
  double annualised_days;             /* > 0: the figures are scaled to a year from a
                                         profile of this many days (annualise); 0:
                                         a year or more of data */
  double annual_mwh;                  /* AC, first operating year */
  double monthly_mwh[12];             /* sum = annual_mwh */
  double avgday_mw[12][24];
  double dc_mwh;                      /* annual DC after losses, before inverter */
  double clipping_mwh;                /* annual AC lost to the inverter limit */
  double poa_kwh_m2;                  /* annual plane-of-array irradiation */
  double capacity_factor;             /* AC energy / (AC rating x 8760 h) */
  double capacity_factor_dc;          /* AC energy / (DC nameplate x 8760 h) */
  double specific_yield_kwh_per_kw;   /* AC energy per kW DC nameplate */
  double performance_ratio;           /* specific yield / (POA kWh/m2 / 1 kW/m2) */
  struct pv_balance balance_mwh;      /* annual energy balance [MWh] */
  double dc_loss_frac;                /* all DC losses / DC energy before them */
  struct emissions annual;
  double lifetime_mwh;
  double lifetime_per_year_mwh[SIM_LIFETIME_MAX];
  /* Multi-year profiles: AC energy of every complete calendar year (the
   * first SIM_CALENDAR_YEARS_MAX) and their interannual variability
   * (sample sd / mean; -1 with fewer than two complete years). */
  int calendar_years;
  double calendar_year_mwh[SIM_CALENDAR_YEARS_MAX];
  double iav_measured;
};

/* Exceedance levels of annual generation (normal approximation). */
struct sim_uncertainty {
  double sigma_iav;      /* interannual variability, 1 sigma, fraction */
  int iav_plants_measured; /* plants whose IAV came from their multi-year profile */
  double sigma_other;    /* the other uncertainties combined (root-sum-square) */
  int n_other;
  double other[SITE_UNC_OTHER_MAX]; /* each of them */
  double sigma_total;    /* one-year combined */
  double p50_mwh, p75_mwh, p90_mwh, p99_mwh;
  int years;             /* span of the multi-year levels */
  double sigma_years;    /* combined, for the average of `years` years */
  double p75_years_mwh, p90_years_mwh, p99_years_mwh;
  /* Coal saved and CO2 avoided at the same levels: P50, P75, P90, P99 of
   * one year, then P75, P90, P99 of the multi-year mean (emissions scale
   * with the energy). */
  double coal_tce[7], co2_t[7];
  int mc_samples;        /* > 0: Monte Carlo check of the one-year levels */
  unsigned long mc_seed;
  double mc_mwh[4], mc_std_err_mwh[4]; /* P50, P75, P90, P99 */
  char source[512];
  /* Where the PV plants' resource data come from (enum unc_source), which
   * sets their default other uncertainty; SIM_SOURCE_MIXED when plants
   * differ, SIM_SOURCE_NONE without a PV plant. */
  int data_source;
  int data_source_given; /* 1: uncertainty.data_source; 0: from the profiles */
};
#define SIM_SOURCE_MIXED 100
#define SIM_SOURCE_NONE (-1)

struct sim_result {
  const struct site *site;            /* borrowed */
  double curtailed_mwh;               /* all plants, lost to the export limit */
  int64_t *axis_owned;                /* a nominal time axis biomass plants run on */
  double exported_max_mw;             /* largest hourly export */
  int n_plants;
  struct plant_result *plants;        /* n_plants, owned */
  double annual_mwh;                  /* sum over plants */
  struct pv_balance balance_mwh;      /* sum over plants */
  struct emissions annual;            /* from annual_mwh */
  double lifetime_mwh;
  double lifetime_per_year_mwh[SIM_LIFETIME_MAX];
  struct emissions lifetime_per_year[SIM_LIFETIME_MAX]; /* all plants, by year */
  struct emissions lifetime;
  struct sim_uncertainty unc;
};

/* Checks that every PV and wind plant's profile covers a year, or that
 * the plant asks for annualisation (profile_span.h): 0, or -1 with one
 * message per short profile in d. sim_run() refuses what this refuses;
 * loaders call it first, to tell a bad input from a failed run. */
int sim_check_spans(const struct site *site, const struct profile *const *profiles,
                    const struct wind_profile *const *wind_profiles, struct diag *d);

/* Runs every plant of site: PV plant i on profiles[i], wind plant i on
 * wind_profiles[i] (plants may share a profile; wind_profiles may be NULL
 * when the site has no wind plant). Returns a new result (free with
 * sim_free()) or NULL with a message in d (out of memory, or a profile
 * that cannot serve the plant). */
struct sim_result *sim_run(const struct site *site, const struct profile *const *profiles,
                           const struct wind_profile *const *wind_profiles, struct diag *d);

/* Rows up to which sim_sun_axis_new() keeps the time part of the sun for a
 * whole profile (about 90 bytes a row: 100 MB here, two years of 1-minute
 * data); longer profiles compute it as they go. */
#define SIM_SUN_AXIS_MAX_ROWS 1100000

/* The time part of the sun's position for every interval of profile p
 * (solar_axis_new()), for a caller that runs the chain on p more than once
 * or for several plants: attached as p->sun_axis, it is computed once, and
 * the fixed and single-axis plants take the vectorised sun, with the same
 * results bit for bit. NULL when p has irregular steps, fewer than 2 or
 * more than SIM_SUN_AXIS_MAX_ROWS rows, or memory runs out (the chain then
 * computes the sun per run). delta_t_s: the site's. The caller frees it
 * with solar_axis_free() after the last run. */
struct solar_axis *sim_sun_axis_new(const struct profile *p, double delta_t_s);

/* The combined-margin weights' class of a plant: wind and solar, or other. */
enum emis_tech sim_plant_tech(const struct plant_cfg *cfg);

/* The time axis biomass plants and the grid connection use: the first
 * plant with a series', or a nominal hourly year (then owned is allocated
 * and the caller frees it). */
struct sim_axis {
  size_t n;
  int interval_s;
  double utc_offset_h;
  const int64_t *t_utc;
  int64_t *owned;
};
int sim_site_axis(const struct site *site, const struct sim_result *r, struct sim_axis *ax);

/* A biomass plant's year on axis ax into r; room_mw: the export room the
 * other plants leave in each interval (NULL: no limit). 0 or -1 (sim_hybrid.c). */
int sim_biomass_plant(const struct site *site, const struct plant_cfg *cfg,
                      const struct sim_axis *ax, const double *room_mw, struct plant_result *r,
                      struct diag *d);

/* Curtails every plant at the site's export limit (none: nothing to do):
 * series, annual and monthly figures, emissions and lifetime follow. 0, or
 * -1 with a message (plants on different time axes). */
int sim_grid_curtail(const struct site *site, struct sim_result *r, const struct sim_axis *ax,
                     struct diag *d);

/* The wind part: one wind plant's year into r (sim_wind.c). 0, or -1 with
 * a message in d. */
int sim_wind_plant(const struct site *site, const struct plant_cfg *cfg,
                   const struct wind_profile *wp, struct plant_result *r, struct diag *d);
void sim_free(struct sim_result *r);

#endif
