/* Data folder look-up; see datadir.h. */
#include "datadir.h"

#include <stdlib.h>
#include <sys/stat.h>

static const char *pick(const char *env, const char *installed, const char *source)
{
  const char *e = getenv(env);
  if (e && *e)
    return e;
  struct stat st;
  if (stat(installed, &st) == 0 && S_ISDIR(st.st_mode))
    return installed;
  return source;
}

const char *datadir_factors(void)
{
  return pick("RENEWCALC_FACTORS_DIR", FACTORS_DIR_INSTALLED, FACTORS_DIR_SOURCE);
}

const char *datadir_plots(void)
{
  return pick("RENEWCALC_PLOTS_DIR", PLOTS_DIR_INSTALLED, PLOTS_DIR_SOURCE);
}
