/* Paths named inside input files: relative to the folder of the file that
 * names them (DESIGN.md), for site files, bond files and batch lists. */
#ifndef RENEWCALC_PATH_H
#define RENEWCALC_PATH_H

#include <stddef.h>

/* Writes to out (n bytes, truncated to fit) the folder of file + "/" + rel,
 * or rel itself when it is absolute or file has no folder. */
void path_resolve(const char *file, const char *rel, char *out, size_t n);

#endif
