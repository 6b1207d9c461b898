/* Text from other hands: names, titles and sources read from site files,
 * bond files, power curves, site lists and factor presets. Readers check
 * that it is UTF-8 and shorten it only between characters; writers escape
 * it for where it goes, one function per destination: the terminal and
 * plain-text files, CSV cells, JSON strings. (Markdown and HTML escaping is
 * report.c's, gnuplot's out_gnuplot.c's; both use text_unsafe_len().)
 *
 * UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates
 * (U+D800..U+DFFF), nothing above U+10FFFF, no sequence cut short. */
#ifndef RENEWCALC_TEXT_H
#define RENEWCALC_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* ---- reading ------------------------------------------------------------- */

/* 0 when the n bytes at s are UTF-8; else -1, and *bad_at (when not NULL)
 * is the offset (0-based) of the first byte of the first ill-formed
 * sequence. A NUL byte inside the n bytes is U+0000, valid. */
int text_utf8_check(const char *s, size_t n, size_t *bad_at);

/* NULL when the string s is UTF-8; else writes the reason, "expected UTF-8
 * text, got byte 0xNN at byte K" (K counts from 1), into buf (size bytes)
 * and returns buf. Readers put "FILE:LINE: KEY: " before it. */
const char *text_utf8_problem(const char *s, char *buf, size_t size);

/* Copies src into dst (size > 0 bytes, NUL included), shortened when
 * needed to the longest prefix that ends between two characters: a name
 * longer than its field loses whole characters, never half of one.
 * Returns the length copied. */
size_t text_copy(char *dst, size_t size, const char *src);

/* snprintf() that shortens the same way when the result does not fit.
 * Returns the length written. */
size_t text_format(char *dst, size_t size, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));

/* ---- what no reader of an output should receive raw ---------------------- */

/* The length in bytes of what starts at s when it must be replaced before
 * it is shown: a C0 control (U+0000..U+001F, tabs and line ends included),
 * DEL, a C1 control (U+0080..U+009F), a bidirectional embedding, override
 * or isolate (U+202A..U+202E, U+2066..U+2069), a bidirectional or
 * invisible mark (U+061C, U+200B, U+200E, U+200F, U+2060..U+2064, U+FEFF),
 * a line or paragraph separator (U+2028, U+2029), or one byte that does
 * not start a UTF-8 character. 0 for any other character and at the end
 * of s. */
size_t text_unsafe_len(const char *s);

/* The stand-in for each replaced sequence: U+FFFD REPLACEMENT CHARACTER. */
#define TEXT_STAND_IN "\xef\xbf\xbd"

/* ---- the terminal and plain-text files ----------------------------------- */

/* Bytes that hold the terminal form of a text of at most n - 1 bytes
 * (every byte may become a 3-byte stand-in), NUL included. */
#define TEXT_TERMINAL_SIZE(n) (3 * (n) + 1)

/* s with every text_unsafe_len() sequence replaced by TEXT_STAND_IN, so
 * that a name cannot move the cursor, clear the screen, start a line of
 * its own or reorder the text around it. Writes to dst (size > 0 bytes,
 * shortened between characters when it does not fit) and returns dst,
 * for use as a printf argument. */
const char *text_terminal(char *dst, size_t size, const char *s);

/* The same, written to f. 0, or -1 when f reports an error. */
int text_put_terminal(FILE *f, const char *s);

/* ---- CSV cells ----------------------------------------------------------- */

enum text_csv_quote {
  TEXT_CSV_QUOTE_NEEDED, /* only cells that need it (below) */
  TEXT_CSV_QUOTE_ALWAYS
};

/* Bytes that hold the CSV cell of a text of at most n - 1 bytes (stand-ins,
 * doubled quotes, the two quotes and the apostrophe), NUL included. */
#define TEXT_CSV_SIZE(n) (3 * (n) + 4)

/* A text cell: replaced as text_terminal() does; an apostrophe before a
 * cell whose first character other than a space is =, +, -, @, TAB or CR,
 * which a spreadsheet would evaluate as a formula (OWASP, "CSV
 * Injection"); quotes doubled (RFC 4180). Quoted when q says always, or
 * when the cell holds a comma, semicolon (the separator of some locales)
 * or quote, starts or ends with a space, or starts with an apostrophe: so
 * that reading a cell back and writing it again gives the same bytes.
 * Numbers renewcalc writes itself are not text and do not come here.
 * Writes to dst (size bytes, shortened between characters, the closing
 * quote kept) and returns the length. */
size_t text_csv_cell(char *dst, size_t size, const char *s, enum text_csv_quote q);

/* The same, written to f. 0, or -1 when f reports an error. */
int text_put_csv_cell(FILE *f, const char *s, enum text_csv_quote q);

/* ---- JSON ---------------------------------------------------------------- */

/* A JSON string of s for jansson, each byte that does not start a UTF-8
 * character replaced by U+FFFD (jansson refuses such strings; names are
 * checked when read, but paths from the command line are not), control
 * characters left to jansson's escapes. A new reference, or NULL when out
 * of memory. */
struct json_t;
struct json_t *text_json(const char *s);

#endif
