/* One grid connection shared by the plants of a hybrid site: hourly
 * curtailment at the export limit, allocated to the plants by a rule.
 * Pure. */
#ifndef RENEWCALC_GRID_H
#define RENEWCALC_GRID_H

#include <stddef.h>

enum grid_rule {
  GRID_PRO_RATA,  /* each plant gives up the same share of its output */
  GRID_PRIORITY   /* plants keep their output in priority order; the last
                     in the order is curtailed first */
};

/* For each of n intervals: k plants produce p_kw[j][i] >= 0; the
 * connection takes at most limit_kw. Writes the power each plant loses to
 * the limit, curt_kw[j][i] (0 <= curt <= p), and what is exported,
 * exported_kw[i] = sum(p) - sum(curt) <= limit_kw. order[0..k-1] lists
 * plant indices from first to last priority (GRID_PRIORITY only; NULL: the
 * plants' own order). Pure; energy is conserved in every interval. */
void grid_curtail(size_t n, int k, const double *const *p_kw, double limit_kw,
                  enum grid_rule rule, const int *order, double *const *curt_kw,
                  double *exported_kw);

#endif
