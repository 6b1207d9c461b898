/* Chart scripts as renewcalc writes them; see chartcheck.h. */
#include "chartcheck.h"

#include <stdio.h>
#include <string.h>

/* Length of an identifier at s: a letter or '_', then letters, digits, '_'. */
static size_t ident_len(const char *s, size_t n)
{
  size_t k = 0;
  while (k < n && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') || s[k] == '_' ||
                   (k > 0 && s[k] >= '0' && s[k] <= '9')))
    k++;
  return k;
}

static int is_control(unsigned char c)
{
  return c < 0x20 || c == 0x7f;
}

/* 1 if s (n bytes) is a decimal number: sign, digits, fraction, exponent. */
static int is_number(const char *s, size_t n)
{
  size_t k = 0, digits = 0;
  if (k < n && (s[k] == '-' || s[k] == '+'))
    k++;
  for (; k < n && s[k] >= '0' && s[k] <= '9'; k++)
    digits++;
  if (k < n && s[k] == '.')
    for (k++; k < n && s[k] >= '0' && s[k] <= '9'; k++)
      digits++;
  if (digits == 0)
    return 0;
  if (k < n && (s[k] == 'e' || s[k] == 'E')) {
    k++;
    if (k < n && (s[k] == '-' || s[k] == '+'))
      k++;
    size_t e = 0;
    for (; k < n && s[k] >= '0' && s[k] <= '9'; k++)
      e++;
    if (e == 0)
      return 0;
  }
  return k == n;
}

/* 1 if s (n bytes) is a gnuplot string literal that substitutes nothing. */
static int is_inert_string(const char *s, size_t n)
{
  if (n < 2 || s[n - 1] != s[0])
    return 0;
  if (s[0] == '\'') {
    for (size_t k = 1; k < n - 1; k++) {
      if (is_control((unsigned char)s[k]))
        return 0;
      if (s[k] == '\'' && (k + 1 >= n - 1 || s[++k] != '\''))
        return 0;
    }
    return 1;
  }
  if (s[0] != '"')
    return 0;
  for (size_t k = 1; k < n - 1; k++)
    if (is_control((unsigned char)s[k]) || strchr("\"\\`@", s[k]))
      return 0;
  return 1;
}

/* 1 if the line (n bytes, no newline) is s exactly. */
static int is_line(const char *line, size_t n, const char *s)
{
  return strlen(s) == n && memcmp(line, s, n) == 0;
}

/* One header line: 0, 1 for `load "style.gp"`, -1 when not allowed. */
static int header_line(const char *l, size_t n, const char *chart)
{
  char exact[160];
  if (n == 0)
    return 0;
  if (l[0] == '#') {
    for (size_t k = 0; k < n; k++)
      if (is_control((unsigned char)l[k]))
        return -1;
    return l[n - 1] == '\\' ? -1 : 0;
  }
  if (is_line(l, n, "load \"style.gp\""))
    return 1;
  snprintf(exact, sizeof exact, "datafile = \"%s.dat\"", chart);
  if (is_line(l, n, exact))
    return 0;
  snprintf(exact, sizeof exact, "if (!exists(\"outbase\")) outbase = \"%s\"", chart);
  if (is_line(l, n, exact))
    return 0;
  size_t id = ident_len(l, n);
  if (id == 0 || n < id + 3 || memcmp(l + id, " = ", 3) != 0)
    return -1;
  static const char *const steering[] = { "datafile", "outbase", "fmt", "width", "height" };
  for (size_t k = 0; k < sizeof steering / sizeof steering[0]; k++)
    if (strlen(steering[k]) == id && memcmp(l, steering[k], id) == 0)
      return -1;
  const char *v = l + id + 3;
  size_t vn = n - id - 3;
  return is_number(v, vn) || is_inert_string(v, vn) ? 0 : -1;
}

int chartcheck_script(const char *text, size_t n, const char *chart, const char *tmpl, size_t tn,
                      char *why, size_t why_n)
{
  if (n < tn || memcmp(text + n - tn, tmpl, tn) != 0) {
    snprintf(why, why_n, "its chart commands differ from the template plots/%s.gp", chart);
    return -1;
  }
  size_t head = n - tn, start = 0;
  int line_no = 0, loaded = 0;
  while (start < head) {
    const char *nl = memchr(text + start, '\n', head - start);
    if (!nl) {
      snprintf(why, why_n, "its header does not end with a line break");
      return -1;
    }
    size_t len = (size_t)(nl - (text + start));
    line_no++;
    int kind = loaded ? (len == 0 ? 0 : -1) : header_line(text + start, len, chart);
    if (kind < 0) {
      snprintf(why, why_n, "line %d is not one renewcalc writes", line_no);
      return -1;
    }
    loaded |= kind == 1;
    start += len + 1;
  }
  if (!loaded) {
    snprintf(why, why_n, "its header does not load style.gp");
    return -1;
  }
  return 0;
}
