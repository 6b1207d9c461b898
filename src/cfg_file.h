/* Reading a libconfig file (site, bond, monthly means, factor preset, claim
 * ranges) the one way renewcalc reads inputs: through infile_open() with
 * the configuration size limit, and self-contained. libconfig's `@include`
 * would open another file by a name relative to the working folder, with
 * no size limit and blocking on a FIFO; renewcalc refuses every line that
 * libconfig would take for one. */
#ifndef RENEWCALC_CFG_FILE_H
#define RENEWCALC_CFG_FILE_H

#include <libconfig.h>
#include <stdio.h>

struct diag;

/* Reads the file at path whole (at most INFILE_CONFIG_MAX bytes) and
 * returns a stream over that copy of its bytes, for config_read(); fclose()
 * frees it. NULL, with the messages in d, when it cannot be opened (what:
 * as for infile_open_as(), e.g. "cannot open site file"), is not a regular
 * file, is too large, or has `@include` lines ("FILE:LINE: @include:
 * expected a self-contained file ..., got @include "NAME"", one per line). */
FILE *cfg_file_open(const char *path, const char *what, struct diag *d);

/* cfg_file_open(path, "cannot open", d), then config_read() into cfg
 * (config_init()ed by the caller, who config_destroy()s it either way);
 * a syntax error gives "FILE:LINE: libconfig's message". 0, or -1 with
 * the messages in d. */
int cfg_file_read(config_t *cfg, const char *path, struct diag *d);

#endif
