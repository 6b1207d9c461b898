/* Line-by-line reading and splitting of comma-separated text, shared by the
 * profile readers (TMY3, plain CSV, and other comma-separated weather files).
 *
 * A struct csvline owns one line buffer and one array of field pointers; both
 * grow by doubling and are reused for every line, so reading a file costs no
 * allocation per line once the longest line has been seen.
 *
 * Rules, in the spirit of RFC 4180:
 *  - a line ends at LF; a CR just before the LF (CRLF files) and at the very
 *    end of the file is dropped; a UTF-8 byte-order mark at the start of line 1
 *    is dropped;
 *  - fields are separated by the separator character (',' for CSV);
 *  - a field that starts with '"' (after optional blanks) is quoted: it runs to
 *    the next lone '"', and "" inside it stands for one '"'; separators inside
 *    it are part of the field; a quoted field cannot span lines;
 *  - blanks (space, tab) around unquoted fields and around the quotes of a
 *    quoted field are removed;
 *  - an empty line has one empty field.
 * The number-parsing helpers at the end accept plain decimal notation only, so
 * the result never depends on the C locale or on strtod's extensions. */
#ifndef RENEWCALC_CSVLINE_H
#define RENEWCALC_CSVLINE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct csvline {
  char *text;      /* the current line without its line end, NUL-terminated;
                      csvline_split() cuts it into the fields in place */
  size_t len;      /* strlen(text) before splitting */
  size_t text_cap; /* bytes allocated for text */
  char **field;    /* field[0..nfield-1] after csvline_split(), unquoted,
                      trimmed, NUL-terminated, pointing into text */
  size_t nfield;
  size_t field_cap;
  long lineno;     /* 1-based number of the current line, 0 before the first */
};

/* Sets c to an empty state (no allocation). Call before any other use. */
void csvline_init(struct csvline *c);
/* Frees the buffers of c (not c itself) and leaves it as after init. */
void csvline_free(struct csvline *c);

/* Reads the next line of f into c->text and counts it in c->lineno.
 * Returns 1 when a line was read, 0 at end of file (no more lines; a final
 * line without LF is still a line), -1 on a read error or when out of memory. */
int csvline_read(struct csvline *c, FILE *f);

/* Same as csvline_read() but from NUL-terminated text in memory: reads the
 * line starting at *pos and advances *pos past its LF. For format detection
 * from the first bytes of a file, and for tests. */
int csvline_read_mem(struct csvline *c, const char **pos);

/* Splits c->text at sep into c->field / c->nfield (modifies c->text).
 * Returns the number of fields (>= 1), or -1 when a quoted field is not
 * closed or has characters after its closing quote (c->nfield then holds the
 * fields found before the bad one), or -2 when out of memory. */
int csvline_split(struct csvline *c, char sep);

/* 1 if the current line is empty or only blanks, else 0 (before splitting). */
int csvline_is_blank(const struct csvline *c);

/* Parses s as a plain decimal number: optional sign, digits with an optional
 * '.', optional exponent (e.g. "-3.2", "993", "1.5e-3"), nothing else (no
 * blanks, "nan", "inf", hex or empty string). Returns 0 and sets *out, or -1. */
int csvline_parse_double(const char *s, double *out);

/* Parses exactly ndigits decimal digits at s (no sign). Returns the value
 * (0..) or -1 when a character is not a digit. */
int csvline_parse_digits(const char *s, int ndigits);

/* ---- error reporting shared by the readers ---------------------------------- */

struct diag;

/* A reader reports every problem it finds, up to this many per file, then
 * one closing line, and stops reading. */
#define CSV_MAX_ERRORS 20

struct csv_reader {
  const char *path;  /* the file, for messages */
  struct diag *d;
  int nerr;          /* messages added so far */
};

/* Adds "PATH:LINE: message" to r->d. Returns 0, or -1 once CSV_MAX_ERRORS
 * messages have been added (the reader should stop). */
int csv_error_at(struct csv_reader *r, long line, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));

/* ---- names ------------------------------------------------------------------ */

/* 1 if the line is a comment: its first non-blank character is '#'. */
int csvline_is_comment(const char *s);

/* Case-insensitive Levenshtein distance between two names, capped at 9
 * (names longer than 32 characters count as 9): for "did you mean". */
int csv_edit_distance(const char *a, const char *b);

/* ---- time labels shared by the CSV readers ---------------------------------- */

enum { CSV_TIME_OK = 0, CSV_TIME_BAD = -1, CSV_TIME_NO_OFFSET = -2 };

/* Parses YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM) ('T' or one space between
 * date and time): sets *t_utc [s since 1970 UTC] and *offset_min; returns
 * CSV_TIME_OK, CSV_TIME_BAD, or CSV_TIME_NO_OFFSET for a time without one. */
int csv_parse_iso8601(const char *s, int64_t *t_utc, int *offset_min);

/* Checks a row's time t (text s, on line) against the previous row's:
 * learns the interval from the first step (*interval_s == 0: it must be
 * 60..3600 s and divide 3600), then requires every step to equal it,
 * naming a duplicate, a disorder, a gap (and how many rows are missing) or
 * a changed interval. 0, or -1 after one message in r. */
int csv_check_step(struct csv_reader *r, long line, const char *s, int64_t t, int64_t prev,
                   int *interval_s);

/* The time axis of a CSV profile as its rows are read. */
struct csv_time_axis {
  int64_t prev;  /* the last good row's time [s since 1970 UTC] */
  int have_prev; /* 0 before the first good row */
};

/* Reads a row's time label ts (the time column of the row on line):
 * sets *t; for the first row (first != 0) sets *offset_h from its UTC
 * offset, for the others checks the step (csv_check_step(), learning
 * *interval_s). A malformed label gets one message in r and is taken as
 * one interval after the last (csv_time_skip()), so that one bad row gives
 * one message. */
void csv_row_time(struct csv_reader *r, long line, const char *ts, int first,
                  struct csv_time_axis *ax, int *interval_s, int64_t *t, double *offset_h);

/* A row read without its time (a wrong field count): assumed in its place,
 * one interval after the last. */
void csv_time_skip(struct csv_time_axis *ax, int interval_s);

#endif
