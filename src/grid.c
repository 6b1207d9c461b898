/* Export-limit curtailment; see grid.h. */
#include "grid.h"

void grid_curtail(size_t n, int k, const double *const *p_kw, double limit_kw,
                  enum grid_rule rule, const int *order, double *const *curt_kw,
                  double *exported_kw)
{
  for (size_t i = 0; i < n; i++) {
    double total = 0.0;
    for (int j = 0; j < k; j++)
      total += p_kw[j][i];
    double excess = total > limit_kw ? total - limit_kw : 0.0;
    if (rule == GRID_PRO_RATA || excess == 0.0) {
      double share = total > 0.0 ? excess / total : 0.0;
      for (int j = 0; j < k; j++)
        curt_kw[j][i] = p_kw[j][i] * share;
    } else {
      /* Walk the order from its end: the lowest priority gives up first. */
      for (int r = k - 1; r >= 0; r--) {
        int j = order ? order[r] : r;
        double c = p_kw[j][i] < excess ? p_kw[j][i] : excess;
        curt_kw[j][i] = c;
        excess -= c;
      }
    }
    double curtailed = 0.0;
    for (int j = 0; j < k; j++)
      curtailed += curt_kw[j][i];
    exported_kw[i] = total - curtailed;
  }
}
