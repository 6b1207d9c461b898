/* Paths named inside input files: relative to the folder of the file that
 * names them (DESIGN.md), for site files, bond files and batch lists. */
#ifndef RENEWCALC_PATH_H
#define RENEWCALC_PATH_H

#include <stddef.h>

/* Writes to out (n bytes, truncated to fit) the folder of file + "/" + rel,
 * or rel itself when it is absolute or file has no folder. */
void path_resolve(const char *file, const char *rel, char *out, size_t n);

/* As path_resolve(), for a folder that a file from other hands may name
 * but that must stay inside that file's own folder (a site file's
 * output.dir): rel must be relative, without a ".." component, and the
 * part of the path that exists now must resolve, symbolic links followed,
 * inside the real path of file's folder. Returns 0 with the path in out,
 * or -1 when rel leads elsewhere or cannot be resolved; then leads (m
 * bytes) holds the real path a link led to, else "". */
int path_confine(const char *file, const char *rel, char *out, size_t n, char *leads,
                 size_t m);

#endif
