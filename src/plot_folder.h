/* `renewcalc plot DIR`: the charts of a folder renewcalc wrote, rendered
 * again. The folder may come from someone else, so nothing in it is
 * trusted: only the files its list (renewcalc.sha256) names are used, each
 * must still hold what the list says, and a chart script runs only when it
 * is exactly what renewcalc writes (chartcheck.h). */
#ifndef RENEWCALC_PLOT_FOLDER_H
#define RENEWCALC_PLOT_FOLDER_H

struct diag;

/* Failures of plot_folder(): a runtime failure, or a folder whose files
 * are not what renewcalc wrote (bad input). */
enum { PLOT_FAIL = -1, PLOT_INPUT = -2 };

/* A new output set for dir made of the files its list names, checked
 * against their SHA-256 before anything is copied (at most 4 GiB in all),
 * with the charts rendered again in fmt and size (plot.h), committed all
 * or nothing, and only if no other run committed into dir meanwhile.
 * allow_edited: render scripts and data changed since renewcalc wrote them
 * (the user's own restyling) instead of refusing them. Returns the number
 * of charts, PLOT_INPUT (no list, a changed file, a script renewcalc did
 * not write) or PLOT_FAIL, with messages in d. */
int plot_folder(const char *dir, const char *fmt, const char *size, int allow_edited,
                struct diag *d);

#endif
