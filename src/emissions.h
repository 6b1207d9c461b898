/* What generation displaces: standard coal (tce) and the CO2, SO2, NOx and
 * dust that burning it would emit, or CO2 from a grid emission factor.
 * Every factor carries its unit, year and source so that every report can
 * name it. */
#ifndef RENEWCALC_EMISSIONS_H
#define RENEWCALC_EMISSIONS_H

enum emis_method {
  EMIS_COAL, /* coal substitution: tce = E b; CO2 = tce x CO2 per tce */
  EMIS_GRID  /* grid factor: CO2 = E x t CO2/MWh; coal still from b */
};

/* One sourced number. */
struct factor {
  double value;
  char unit[24];
  char year[24];
  char source[512];
  char note[512];
};

/* Factor set of a preset, after any site-file overrides. */
struct emission_factors {
  char name[64];                 /* preset name, e.g. "cn-coal" */
  char title[160];
  enum emis_method method;
  struct factor coal_rate;       /* gce/kWh */
  struct factor co2_per_tce;     /* t CO2/tce */
  struct factor grid;            /* t CO2/MWh; value < 0: none known */
  struct factor so2;             /* g/kWh */
  struct factor nox;             /* g/kWh */
  struct factor dust;            /* g/kWh */
};

/* Quantities displaced by some generation. */
struct emissions {
  double coal_tce;
  double co2_t;
  double so2_t;
  double nox_t;
  double dust_t;
};

/* Displaced coal and avoided emissions for generation e_mwh >= 0 under the
 * factor set ef. Pure. */
void emissions_for(const struct emission_factors *ef, double e_mwh,
                   struct emissions *out);

/* "coal" or "grid". */
const char *emissions_method_name(enum emis_method m);

/* Standard coal's lower heating value [GJ/tce] (GB/T 2589: 7000 kcal/kg). */
#define EMIS_GJ_PER_TCE 29.3076

#endif
