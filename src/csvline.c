/* Comma-separated line reader and splitter; see csvline.h for the rules. */
#include "csvline.h"

#include <ctype.h>
#include <float.h>
#include <stdarg.h>

#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "diag.h"

#define CSVLINE_MIN_CAP 256

void csvline_init(struct csvline *c)
{
  memset(c, 0, sizeof *c);
}

void csvline_free(struct csvline *c)
{
  if (!c)
    return;
  free(c->text);
  free(c->field);
  csvline_init(c);
}

/* Makes room for at least need bytes in c->text, doubling. 0 or -1. */
static int grow_text(struct csvline *c, size_t need)
{
  size_t cap = c->text_cap ? c->text_cap : CSVLINE_MIN_CAP;
  char *t;

  if (need <= c->text_cap)
    return 0;
  while (cap < need) {
    if (cap > (size_t)-1 / 2)
      return -1;
    cap *= 2;
  }
  t = realloc(c->text, cap);
  if (!t)
    return -1;
  c->text = t;
  c->text_cap = cap;
  return 0;
}

/* Drops the line end and, on line 1, a UTF-8 byte-order mark. */
static void finish_line(struct csvline *c)
{
  static const char bom[] = "\xEF\xBB\xBF";

  if (c->len > 0 && c->text[c->len - 1] == '\n')
    c->text[--c->len] = '\0';
  if (c->len > 0 && c->text[c->len - 1] == '\r')
    c->text[--c->len] = '\0';
  c->lineno++;
  c->nfield = 0;
  if (c->lineno == 1 && c->len >= 3 && memcmp(c->text, bom, 3) == 0) {
    memmove(c->text, c->text + 3, c->len - 3 + 1);
    c->len -= 3;
  }
}

int csvline_read(struct csvline *c, FILE *f)
{
  c->len = 0;
  if (grow_text(c, CSVLINE_MIN_CAP) != 0)
    return -1;
  c->text[0] = '\0';
  for (;;) {
    size_t room = c->text_cap - c->len;
    size_t got;

    if (!fgets(c->text + c->len, (int)(room > 1 << 30 ? 1 << 30 : room), f))
      break;
    got = strlen(c->text + c->len);
    c->len += got;
    if (c->len > 0 && c->text[c->len - 1] == '\n')
      break;
    if (c->len + 1 >= c->text_cap && grow_text(c, c->text_cap * 2) != 0)
      return -1;
  }
  if (ferror(f))
    return -1;
  if (c->len == 0 && feof(f))
    return 0;
  finish_line(c);
  return 1;
}

int csvline_read_mem(struct csvline *c, const char **pos)
{
  const char *s = *pos;
  const char *nl;
  size_t n;

  if (!s || *s == '\0')
    return 0;
  nl = strchr(s, '\n');
  n = nl ? (size_t)(nl - s) + 1 : strlen(s);
  if (grow_text(c, n + 1) != 0)
    return -1;
  memcpy(c->text, s, n);
  c->text[n] = '\0';
  c->len = n;
  *pos = s + n;
  finish_line(c);
  return 1;
}

static int is_blank(char ch)
{
  return ch == ' ' || ch == '\t';
}

static int push_field(struct csvline *c, char *start)
{
  if (c->nfield == c->field_cap) {
    size_t cap = c->field_cap ? 2 * c->field_cap : 32;
    char **f = realloc(c->field, cap * sizeof *f);

    if (!f)
      return -1;
    c->field = f;
    c->field_cap = cap;
  }
  c->field[c->nfield++] = start;
  return 0;
}

int csvline_split(struct csvline *c, char sep)
{
  char *p = c->text;

  c->nfield = 0;
  if (!p) {
    if (grow_text(c, 1) != 0)
      return -2;
    p = c->text;
    p[0] = '\0';
  }
  for (;;) {
    char *start, *out, *end;

    while (is_blank(*p))
      p++;
    if (*p == '"') {
      /* Unquote in place: out trails p when "" collapses to one quote. */
      start = out = ++p;
      for (;;) {
        if (*p == '\0')
          return -1;
        if (*p == '"') {
          if (p[1] == '"') {
            *out++ = '"';
            p += 2;
            continue;
          }
          p++;
          break;
        }
        *out++ = *p++;
      }
      while (is_blank(*p))
        p++;
      if (*p != sep && *p != '\0')
        return -1;
      *out = '\0';
    } else {
      char delim;

      start = p;
      while (*p != sep && *p != '\0')
        p++;
      delim = *p;
      end = p;
      while (end > start && is_blank(end[-1]))
        end--;
      *end = '\0';
      *p = delim; /* end == p overwrote the delimiter; restore it */
    }
    if (push_field(c, start) != 0)
      return -2;
    if (*p == '\0')
      break;
    *p++ = '\0';
  }
  return (int)c->nfield;
}

int csvline_is_blank(const struct csvline *c)
{
  const char *p = c->text;

  if (!p)
    return 1;
  while (is_blank(*p))
    p++;
  return *p == '\0';
}

/* Exact powers of ten: 10^0..10^22 are exactly representable in binary64
 * (5^22 < 2^53), the table of Clinger's fast path. */
static const double exact_pow10[23] = {
  1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/* Mantissa digits kept in a uint64_t: 19 always fit (10^19 - 1 < 2^64). */
#define PARSE_MAX_DIGITS 19
/* Exponents beyond this only feed strtod's fallback, which sees the text. */
#define PARSE_EXP_CAP 100000

int csvline_parse_double(const char *s, double *out)
{
  const char *p = s;
  int digits = 0, kept = 0, inexact = 0, neg = 0;
  int64_t e10 = 0;
  uint64_t m = 0;

  /* Check the shape first (strtod alone would accept "nan", "inf", hex and
   * leading blanks), collecting the significant digits in m as we go:
   * leading zeros are skipped, a 20th significant digit sends the number
   * to strtod. */
  if (*p == '+' || *p == '-')
    neg = *p++ == '-';
  for (; *p >= '0' && *p <= '9'; p++, digits++) {
    unsigned dgt = (unsigned)(*p - '0');
    if (kept < PARSE_MAX_DIGITS) {
      m = 10 * m + dgt;
      kept += m != 0;
    } else {
      inexact = 1;
    }
  }
  if (*p == '.') {
    p++;
    for (; *p >= '0' && *p <= '9'; p++, digits++) {
      unsigned dgt = (unsigned)(*p - '0');
      if (kept < PARSE_MAX_DIGITS) {
        m = 10 * m + dgt;
        kept += m != 0;
        e10--;
      } else {
        inexact = 1;
      }
    }
  }
  if (digits == 0)
    return -1;
  if (*p == 'e' || *p == 'E') {
    int exp_digits = 0, exp_neg = 0;
    int64_t x = 0;

    p++;
    if (*p == '+' || *p == '-')
      exp_neg = *p++ == '-';
    for (; *p >= '0' && *p <= '9'; p++, exp_digits++)
      if (x < PARSE_EXP_CAP)
        x = 10 * x + (*p - '0');
    if (exp_digits == 0)
      return -1;
    e10 += exp_neg ? -x : x;
  }
  if (*p != '\0')
    return -1;

  /* Clinger's fast path (W. D. Clinger, "How to read floating point numbers
   * accurately", PLDI 1990): when the digits form an integer m <= 2^53 and
   * the power of ten is exact (|e10| <= 22), m and 10^|e10| are both exact
   * doubles and one IEEE multiplication or division rounds the exact
   * quotient or product once, to nearest: the correctly rounded value that
   * strtod returns, bit for bit. Negation is exact, and round-to-nearest is
   * symmetric, so the sign can be applied last. Only where doubles are
   * evaluated as doubles (FLT_EVAL_METHOD 0, e.g. x86-64 SSE), so that the
   * one rounding is not followed by a second. */
#if FLT_EVAL_METHOD == 0
  if (!inexact) {
    double v;
    if (m == 0) {
      *out = neg ? -0.0 : 0.0;
      return 0;
    }
    if (m <= (UINT64_C(1) << 53) && e10 >= -22 && e10 <= 22) {
      v = (double)m;
      v = e10 < 0 ? v / exact_pow10[-e10] : v * exact_pow10[e10];
      *out = neg ? -v : v;
      return 0;
    }
  }
#else
  (void)inexact;
  (void)neg;
#endif
  {
    char *end;
    double v = strtod(s, &end);
    if (*end != '\0' || v != v || v > 1.7e308 || v < -1.7e308)
      return -1;
    *out = v;
  }
  return 0;
}

int csvline_parse_digits(const char *s, int ndigits)
{
  int v = 0;

  for (int i = 0; i < ndigits; i++) {
    if (s[i] < '0' || s[i] > '9')
      return -1;
    v = 10 * v + (s[i] - '0');
  }
  return v;
}

int csv_error_at(struct csv_reader *r, long line, const char *fmt, ...)
{
  char msg[512];
  va_list ap;

  if (r->nerr >= CSV_MAX_ERRORS)
    return -1;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  diag_at(r->d, r->path, (int)line, "%s", msg);
  if (++r->nerr == CSV_MAX_ERRORS) {
    diag_at(r->d, r->path, 0, "too many errors, stopped reading after %d", CSV_MAX_ERRORS);
    return -1;
  }
  return 0;
}

int csv_parse_iso8601(const char *s, int64_t *t_utc, int *offset_min)
{
  int year, mon, day, hh, mi, ss = 0, oh, om;
  const char *p;

  if (strlen(s) < 16 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') ||
      s[13] != ':')
    return CSV_TIME_BAD;
  year = csvline_parse_digits(s, 4);
  mon = csvline_parse_digits(s + 5, 2);
  day = csvline_parse_digits(s + 8, 2);
  hh = csvline_parse_digits(s + 11, 2);
  mi = csvline_parse_digits(s + 14, 2);
  p = s + 16;
  if (*p == ':') {
    ss = csvline_parse_digits(p + 1, 2);
    p += 3;
  }
  if (year < 0 || mon < 1 || mon > 12 || day < 1 || day > calendar_days_in_month(year, mon) ||
      hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 59)
    return CSV_TIME_BAD;
  if (*p == '\0')
    return CSV_TIME_NO_OFFSET;
  if (p[0] == 'Z' && p[1] == '\0') {
    *offset_min = 0;
  } else {
    if ((p[0] != '+' && p[0] != '-') || strlen(p) != 6 || p[3] != ':')
      return CSV_TIME_BAD;
    oh = csvline_parse_digits(p + 1, 2);
    om = csvline_parse_digits(p + 4, 2);
    if (oh < 0 || oh > 14 || om < 0 || om > 59)
      return CSV_TIME_BAD;
    *offset_min = (p[0] == '-' ? -1 : 1) * (oh * 60 + om);
  }
  *t_utc = calendar_days_from_civil(year, mon, day) * 86400 + (int64_t)hh * 3600 + mi * 60 +
           ss - (int64_t)*offset_min * 60;
  return CSV_TIME_OK;
}

int csv_check_step(struct csv_reader *r, long line, const char *s, int64_t t, int64_t prev,
                   int *interval_s)
{
  int64_t dt = t - prev;
  char why[80];

  if (*interval_s == 0) {
    if (dt <= 0) {
      csv_error_at(r, line, "column 'time': expected a time later than the previous row's, "
                   "got '%s' (%s)", s, dt == 0 ? "a duplicate" : "out of order");
      return -1;
    }
    if (dt < 60 || dt > 3600 || 3600 % dt != 0) {
      csv_error_at(r, line, "column 'time': expected an interval between 60 and 3600 s that "
                   "divides 3600, got %lld s after the previous row", (long long)dt);
      return -1;
    }
    *interval_s = (int)dt;
    return 0;
  }
  if (dt == *interval_s)
    return 0;
  if (dt == 0)
    snprintf(why, sizeof why, "a duplicate");
  else if (dt < 0)
    snprintf(why, sizeof why, "%+lld s, out of order", (long long)dt);
  else if (dt % *interval_s == 0)
    snprintf(why, sizeof why, "%+lld s, a gap: %lld row%s missing", (long long)dt,
             (long long)(dt / *interval_s - 1), dt / *interval_s - 1 > 1 ? "s" : "");
  else
    snprintf(why, sizeof why, "%+lld s, the interval changed", (long long)dt);
  csv_error_at(r, line, "column 'time': expected the previous time + %d s, got '%s' (%s)",
               *interval_s, s, why);
  return -1;
}

int csvline_is_comment(const char *s)
{
  while (*s == ' ' || *s == '\t')
    s++;
  return *s == '#';
}

int csv_edit_distance(const char *a, const char *b)
{
  int prev[33], cur[33];
  size_t la = strlen(a), lb = strlen(b);

  if (la > 32 || lb > 32)
    return 9;
  for (size_t j = 0; j <= lb; j++)
    prev[j] = (int)j;
  for (size_t i = 1; i <= la; i++) {
    cur[0] = (int)i;
    for (size_t j = 1; j <= lb; j++) {
      int sub = prev[j - 1] + (tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]));
      int del = prev[j] + 1, ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
    }
    memcpy(prev, cur, (lb + 1) * sizeof *prev);
  }
  return prev[lb] > 9 ? 9 : prev[lb];
}

void csv_time_skip(struct csv_time_axis *ax, int interval_s)
{
  if (ax->have_prev && interval_s > 0)
    ax->prev += interval_s;
}

void csv_row_time(struct csv_reader *r, long line, const char *ts, int first,
                  struct csv_time_axis *ax, int *interval_s, int64_t *t, double *offset_h)
{
  int off_min = 0;
  int rc = csv_parse_iso8601(ts, t, &off_min);
  if (rc == CSV_TIME_OK) {
    if (first)
      *offset_h = off_min / 60.0;
    else if (ax->have_prev)
      csv_check_step(r, line, ts, *t, ax->prev, interval_s);
    ax->prev = *t;
    ax->have_prev = 1;
    return;
  }
  if (rc == CSV_TIME_NO_OFFSET)
    csv_error_at(r, line, "column 'time': expected a UTC offset (Z, +HH:MM or -HH:MM) after the "
                 "time, got '%s'", ts);
  else
    csv_error_at(r, line, "column 'time': expected YYYY-MM-DDTHH:MM[:SS] with Z or a UTC offset "
                 "+HH:MM, got '%s'", ts);
  csv_time_skip(ax, *interval_s);
}
