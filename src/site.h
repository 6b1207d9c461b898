/* A validated site: what a site file describes, with defaults applied and
 * paths resolved. Built by site_cfg.c; read by the simulation and writers. */
#ifndef RENEWCALC_SITE_H
#define RENEWCALC_SITE_H

#include "biomass.h"
#include "emissions.h"
#include "grid.h"
#include "pv.h"
#include "turbine.h"

#define SITE_PATH_MAX 1024
#define SITE_NAME_MAX 160
#define SITE_UNC_OTHER_MAX 16 /* uncertainty.other_percent components */

enum plant_type { PLANT_PV, PLANT_WIND, PLANT_BIOMASS };

/* Wind farm losses after wakes, applied one after another (as SAM lists
 * them); WIND_LOSS_LUMPED stands for one total instead. */
enum wind_loss {
  WIND_LOSS_AVAILABILITY,
  WIND_LOSS_ELECTRICAL,
  WIND_LOSS_TURBINE,
  WIND_LOSS_ENVIRONMENTAL,
  WIND_LOSS_CURTAILMENT,
  WIND_LOSS_LUMPED,
  WIND_LOSS_COUNT
};

#define WIND_COORDS_MAX 512

enum wind_shear { WIND_SHEAR_INTERPOLATE, WIND_SHEAR_POWER, WIND_SHEAR_LOG };
enum wind_wake { WIND_WAKE_NONE, WIND_WAKE_PARK, WIND_WAKE_FIXED };

/* A validated wind plant. */
struct wind_cfg {
  struct turbine turbine;
  char curve_path[SITE_PATH_MAX];    /* the power-curve file read, or "" (built-in) */
  double hub_height_m;
  int count;
  int has_layout;                    /* rows x columns given */
  int rows, cols;
  double row_spacing_d, col_spacing_d; /* rotor diameters */
  double orientation_deg;
  int n_coords;                      /* > 0: turbine positions given instead */
  double x_m[WIND_COORDS_MAX], y_m[WIND_COORDS_MAX];
  int has_distribution;              /* a Weibull distribution instead of a profile */
  double dist_k, dist_c, dist_height_m;
  enum wind_shear shear;
  double shear_exponent;             /* < 0: fitted hour by hour */
  double roughness_m;
  enum turbine_density density;
  enum wind_wake wake;
  double wake_loss_frac;             /* WIND_WAKE_FIXED */
  double wake_decay;                 /* WIND_WAKE_PARK */
  double loss_frac[WIND_LOSS_COUNT];
};

/* How the user stated a PV plant's size. */
enum capacity_basis { CAPACITY_AC, CAPACITY_DC };

/* A plant's costs, for the levelised cost of energy. */
struct economics_cfg {
  int given;                         /* an economics group exists */
  char currency[8];
  double capex;                      /* total [currency] */
  double fixed_om_per_year;          /* [currency/yr] */
  double variable_om_per_mwh;
  double fuel_cost_per_t;            /* biomass */
  double discount_rate;              /* fraction */
};

struct plant_cfg {
  char name[SITE_NAME_MAX];
  enum plant_type type;
  char profile[SITE_PATH_MAX];       /* resolved against the site file */
  int annualise;                     /* 1: a profile shorter than a year is scaled to
                                        one (profile_span.h); 0: refused */
  enum capacity_basis basis;         /* which capacity the user gave */
  double capacity_mw_ac;             /* inverter AC rating [MW] */
  double capacity_mw_dc;             /* DC nameplate [MW] */
  double dc_ac_ratio;                /* capacity_mw_dc / capacity_mw_ac */
  double degradation_per_year;       /* fraction per year, 0..0.05 */
  int degradation_linear;            /* 1: 1 - d (y - 1); 0: (1 - d)^(y - 1) */
  struct pv_params pv;               /* type pv */
  struct wind_cfg wind;              /* type wind */
  struct biomass_params bio;         /* type biomass */
  int bio_fuel_limited;              /* 1: feedstocks given; 0: capacity-driven */
  struct economics_cfg econ;
  double bio_transport_kg_per_tkm;
};

struct site {
  char path[SITE_PATH_MAX];          /* the site file as given */
  char name[SITE_NAME_MAX];
  double latitude, longitude;        /* [deg] */
  double elevation_m;                /* [m] */
  double delta_t_s;                  /* TT - UT for the sun position [s] */
  int lifetime_years;                /* 1..100 */
  enum { SITE_DECOMPOSE_ERBS, SITE_DECOMPOSE_DISC } decomposition; /* GHI-only profiles */
  struct emission_factors factors;
  char output_dir[SITE_PATH_MAX];    /* resolved; "" when the file gives none */
  double export_limit_mw;            /* grid connection; <= 0: no limit */
  /* Uncertainty of the energy estimate, 1 sigma as fractions of P50. A
   * zeroed site means: by technology, 10-year horizon, no Monte Carlo. */
  int unc_iav_given, unc_other_given; /* 0: by technology */
  double unc_iav;
  int unc_n_other;
  double unc_other[SITE_UNC_OTHER_MAX];
  int unc_years;                     /* multi-year levels; 0: 10 */
  int unc_mc_samples;                /* 0: no Monte Carlo check */
  unsigned long unc_seed;
  int unc_source_given;              /* 0: the PV data source by profile */
  int unc_source;                    /* enum unc_source, when given */
  int unc_line;                      /* of the uncertainty group (else the plants list) */
  /* 1: sim_run() takes the general array passes even for a plant its one
   * loop serves (fixed rack, PVWatts v5, SAPM, no row shade or rear side);
   * the same results to rounding. For tests that compare the two; site
   * files leave it 0. */
  int general_passes;
  enum grid_rule curtailment;
  int priority[64];                  /* plant indices, first kept longest */
  int n_priority;
  int n_plants;
  struct plant_cfg *plants;          /* n_plants, owned */
};

#endif
