/* What a libconfig setting holds, for the "got ..." part of messages about
 * site and bond files. */
#ifndef RENEWCALC_CFG_DESCRIBE_H
#define RENEWCALC_CFG_DESCRIBE_H

#include <libconfig.h>
#include <stddef.h>

/* Writes into buf (size n) the value of a scalar setting (numbers with up
 * to 15 significant digits, strings in double quotes, true/false) or what
 * kind of setting it is ("a group", "an array", "a list"). Pure. */
void cfg_describe(const config_setting_t *s, char *buf, size_t n);

#endif
