/* STUB (replaced by the gnuplot branch) */
#ifndef RENEWCALC_IMAGECHECK_H
#define RENEWCALC_IMAGECHECK_H
#include <stddef.h>
int image_check(const char *path, const char *fmt, char *why, size_t why_n);
#endif
