/* What generation displaces: standard coal (tce) and the CO2, SO2, NOx and
 * dust that burning it would emit, or CO2 from a grid emission factor.
 * Every factor carries its unit, year and source so that every report can
 * name it. */
#ifndef RENEWCALC_EMISSIONS_H
#define RENEWCALC_EMISSIONS_H

enum emis_method {
  EMIS_COAL, /* coal substitution: tce = E b; CO2 = tce x CO2 per tce */
  EMIS_GRID, /* grid factor: CO2 = E x t CO2/MWh; coal still from b */
  EMIS_CM    /* CDM Tool07 combined margin: CO2 = E (w_om OM + w_bm BM) */
};

/* Technology classes of the combined margin's weights (CDM Tool07):
 * wind and solar 0.75 / 0.25, other projects 0.5 / 0.5 (first crediting
 * period). */
enum emis_tech { EMIS_TECH_WIND_SOLAR, EMIS_TECH_OTHER };

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
  struct factor om, bm;          /* operating and build margins [t CO2/MWh]; < 0: none */
  double change_per_year;        /* trajectory of the CO2 factor: each operating
                                    year after the first multiplies it by
                                    (1 + change), e.g. -0.02 for a greening grid */
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
 * factor set ef, for a wind or solar plant in its first year. A factor
 * that is not known (value < 0) gives 0. Pure. */
void emissions_for(const struct emission_factors *ef, double e_mwh,
                   struct emissions *out);

/* The same for technology class tech in operating year (1-based): the CO2
 * factor follows the trajectory, (1 + change_per_year)^(year - 1). Pure. */
void emissions_for_year(const struct emission_factors *ef, enum emis_tech tech, double e_mwh,
                        int year, struct emissions *out);

/* The combined-margin factor [t CO2/MWh] for tech: w_om OM + w_bm BM with
 * the Tool07 weights. Pure. */
double emissions_cm_factor(const struct emission_factors *ef, enum emis_tech tech);

/* "coal", "grid" or "combined_margin". */
const char *emissions_method_name(enum emis_method m);

/* Standard coal's lower heating value [GJ/tce] (GB/T 2589: 7000 kcal/kg). */
#define EMIS_GJ_PER_TCE 29.3076

#endif
