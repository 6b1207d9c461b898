/* Whether a chart script is one renewcalc writes, before `renewcalc plot
 * DIR` lets gnuplot run it. gnuplot scripts can run commands (system(),
 * backticks in double-quoted strings, macros), so a script from a folder
 * someone sent is rendered only when it is, byte for byte, what renewcalc
 * itself writes (out_gp_chart_script()): a header of comment lines and
 * assignments of literal values, then the chart's template verbatim. */
#ifndef RENEWCALC_CHARTCHECK_H
#define RENEWCALC_CHARTCHECK_H

#include <stddef.h>

/* 0 when text (n bytes) is the script of chart (its name without ".gp")
 * made from the template tmpl (tn bytes): every header line is empty, a
 * comment ('#', no control character, no trailing backslash), `NAME =
 * NUMBER`, `NAME = 'TEXT'` ('' for a quote, no control character), `NAME =
 * "TEXT"` (no '"', '\', '`', '@' or control character), `datafile =
 * "CHART.dat"`, `if (!exists("outbase")) outbase = "CHART"` or `load
 * "style.gp"`, the last of them; NAME is not one of the variables that
 * choose what gnuplot reads or writes (datafile, outbase, fmt, width,
 * height). -1 with a short reason in why (why_n bytes) otherwise. Pure. */
int chartcheck_script(const char *text, size_t n, const char *chart, const char *tmpl, size_t tn,
                      char *why, size_t why_n);

#endif
