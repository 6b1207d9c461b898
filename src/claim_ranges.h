/* The typical ranges and published values check-claim compares a claim
 * with: configs/claim-ranges.cfg, or a file given with --ranges
 * (docs/check-claim.md). */
#ifndef RENEWCALC_CLAIM_RANGES_H
#define RENEWCALC_CLAIM_RANGES_H

#include "claim.h"

struct diag;

/* Reads the ranges file at path (checked as any input: cfg_file.h) into
 * *rg, which the caller zeroed. 0, or -1 with every problem found in d. */
int claim_ranges_read(const char *path, struct claim_ranges *rg, struct diag *d);

#endif
