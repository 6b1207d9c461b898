/* Size limits of the files renewcalc reads (SECURITY.md): a file beyond
 * its limit is refused before it is read, so that an input from elsewhere
 * cannot make renewcalc read gigabytes by mistake. */
#ifndef RENEWCALC_INPUTSIZE_H
#define RENEWCALC_INPUTSIZE_H

struct diag;

/* Data files (solar and wind profiles, batch site lists, power curves):
 * 4 GiB, room for 20 years of 1-minute data (10,540,800 rows) in the
 * widest format renewcalc reads. */
#define INPUTSIZE_DATA_MAX ((long long)4 << 30)
/* Configuration files (site, bond, monthly means, factor presets):
 * 16 MiB, libconfig reads them whole. */
#define INPUTSIZE_CONFIG_MAX ((long long)16 << 20)

/* 0 when the file at path holds at most max bytes (or cannot be examined:
 * opening it reports that), else -1 with "PATH: expected a file of at most
 * ..., got N bytes" in d. */
int inputsize_check(const char *path, long long max, struct diag *d);

#endif
