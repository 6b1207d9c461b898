/* Text from other hands; see text.h. */
#include "text.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- UTF-8 --------------------------------------------------------------- */

/* Length of the well-formed UTF-8 character at s (at most n bytes
 * available), its code point in *cp; 0 when ill-formed. The second byte's
 * range is what rules out overlong forms (E0, F0), surrogates (ED) and
 * code points above U+10FFFF (F4); RFC 3629, section 4. Bytes are examined
 * in order and the first bad one stops the look, so that a NUL-terminated
 * string may pass n = SIZE_MAX: NUL is never a continuation byte. */
static size_t utf8_char(const unsigned char *s, size_t n, unsigned long *cp)
{
  unsigned char b = s[0];
  size_t len;
  unsigned char lo = 0x80, hi = 0xbf; /* range of the second byte */
  if (b < 0x80) {
    *cp = b;
    return 1;
  }
  if (b >= 0xc2 && b <= 0xdf) {
    len = 2;
    *cp = b & 0x1f;
  } else if (b >= 0xe0 && b <= 0xef) {
    len = 3;
    *cp = b & 0x0f;
    if (b == 0xe0)
      lo = 0xa0;
    else if (b == 0xed)
      hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    len = 4;
    *cp = b & 0x07;
    if (b == 0xf0)
      lo = 0x90;
    else if (b == 0xf4)
      hi = 0x8f;
  } else {
    return 0; /* a continuation byte, C0, C1 (always overlong) or F5..FF */
  }
  for (size_t i = 1; i < len; i++) {
    if (i >= n)
      return 0;
    unsigned char c = s[i];
    if (i == 1 ? (c < lo || c > hi) : (c & 0xc0) != 0x80)
      return 0;
    *cp = (*cp << 6) | (c & 0x3f);
  }
  return len;
}

int text_utf8_check(const char *s, size_t n, size_t *bad_at)
{
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    unsigned long cp;
    size_t len = utf8_char(u + i, n - i, &cp);
    if (len == 0) {
      if (bad_at)
        *bad_at = i;
      return -1;
    }
    i += len;
  }
  return 0;
}

const char *text_utf8_problem(const char *s, char *buf, size_t size)
{
  size_t at;
  if (text_utf8_check(s, strlen(s), &at) == 0)
    return NULL;
  snprintf(buf, size, "expected UTF-8 text, got byte 0x%02x at byte %zu",
           (unsigned)(unsigned char)s[at], at + 1);
  return buf;
}

/* len, or less, so that s[0..len) does not end inside a character: when
 * the last lead byte within the last 4 bytes announces more bytes than
 * follow it, the cut moves before it. */
static size_t whole_chars(const char *s, size_t len)
{
  size_t i = len;
  while (i > 0 && len - i < 4 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
    i--;
  if (i == 0 || len - i == 4)
    return len; /* no lead byte: not UTF-8, nothing to keep whole */
  unsigned char b = (unsigned char)s[i - 1];
  size_t need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  return i - 1 + need > len ? i - 1 : len;
}

size_t text_copy(char *dst, size_t size, const char *src)
{
  size_t len = strlen(src);
  if (len >= size)
    len = whole_chars(src, size - 1);
  memmove(dst, src, len);
  dst[len] = '\0';
  return len;
}

size_t text_format(char *dst, size_t size, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(dst, size, fmt, ap);
  va_end(ap);
  if (n < 0) {
    dst[0] = '\0';
    return 0;
  }
  if ((size_t)n < size)
    return (size_t)n;
  size_t len = whole_chars(dst, size - 1);
  dst[len] = '\0';
  return len;
}

size_t text_unsafe_len(const char *s)
{
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] == '\0')
    return 0;
  if (u[0] < 0x20 || u[0] == 0x7f)
    return 1;
  if (u[0] < 0x80)
    return 0;
  unsigned long cp;
  size_t len = utf8_char(u, (size_t)-1, &cp);
  if (len == 0)
    return 1;
  /* Invisible marks that reorder or hide text (Unicode UAX #9 and the
   * Default_Ignorable set); joiners U+200C and U+200D stay, which Indic
   * and Persian names and emoji need. */
  if ((cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
      (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029 || cp == 0x061c ||
      cp == 0x200b || cp == 0x200e || cp == 0x200f || (cp >= 0x2060 && cp <= 0x2064) ||
      cp == 0xfeff)
    return len;
  return 0;
}

/* ---- where escaped text goes: a stream or a buffer ----------------------- */

/* A buffer takes whole pieces (a character, a stand-in, a doubled quote)
 * or nothing, so that shortened text still ends between characters; once
 * a piece did not fit, no later one goes in. reserve keeps room for a
 * closing quote. */
struct sink {
  FILE *f; /* NULL: the buffer */
  char *buf;
  size_t size, len, reserve;
  int full;
};

static void put(struct sink *k, const char *p, size_t n)
{
  if (k->f) {
    fwrite(p, 1, n, k->f);
    return;
  }
  if (k->full || k->len + n + k->reserve >= k->size) {
    k->full = 1;
    return;
  }
  memcpy(k->buf + k->len, p, n);
  k->len += n;
}

/* s with unsafe sequences replaced; with csv, quotes doubled. */
static void put_text(struct sink *k, const char *s, int csv)
{
  while (*s) {
    size_t bad = text_unsafe_len(s);
    if (bad) {
      put(k, TEXT_STAND_IN, sizeof TEXT_STAND_IN - 1);
      s += bad;
      continue;
    }
    if (csv && *s == '"') {
      put(k, "\"\"", 2);
      s++;
      continue;
    }
    unsigned long cp;
    size_t len = utf8_char((const unsigned char *)s, (size_t)-1, &cp);
    put(k, s, len);
    s += len;
  }
}

static void put_cell(struct sink *k, const char *s, enum text_csv_quote q)
{
  const char *first = s + strspn(s, " ");
  int formula = *first != '\0' && strchr("=+-@\t\r", *first) != NULL;
  size_t len = strlen(s);
  int quote = q == TEXT_CSV_QUOTE_ALWAYS || formula || s[0] == '\'' ||
              strpbrk(s, ",;\"") != NULL || (len > 0 && (s[0] == ' ' || s[len - 1] == ' '));
  if (quote) {
    put(k, "\"", 1);
    k->reserve = 1;
  }
  if (formula)
    put(k, "'", 1);
  put_text(k, s, 1);
  if (quote) {
    k->reserve = 0;
    k->full = 0; /* the closing quote has its room */
    put(k, "\"", 1);
  }
}

static struct sink buffer(char *dst, size_t size)
{
  return (struct sink){ NULL, dst, size, 0, 0, 0 };
}

const char *text_terminal(char *dst, size_t size, const char *s)
{
  struct sink k = buffer(dst, size);
  put_text(&k, s, 0);
  dst[k.len] = '\0';
  return dst;
}

int text_put_terminal(FILE *f, const char *s)
{
  struct sink k = { f, NULL, 0, 0, 0, 0 };
  put_text(&k, s, 0);
  return ferror(f) ? -1 : 0;
}

size_t text_csv_cell(char *dst, size_t size, const char *s, enum text_csv_quote q)
{
  struct sink k = buffer(dst, size);
  put_cell(&k, s, q);
  dst[k.len] = '\0';
  return k.len;
}

int text_put_csv_cell(FILE *f, const char *s, enum text_csv_quote q)
{
  struct sink k = { f, NULL, 0, 0, 0, 0 };
  put_cell(&k, s, q);
  return ferror(f) ? -1 : 0;
}

/* ---- JSON ---------------------------------------------------------------- */

json_t *text_json(const char *s)
{
  size_t n = strlen(s);
  if (text_utf8_check(s, n, NULL) == 0)
    return json_string(s);
  /* Each bad byte becomes 3 bytes at most. */
  char *fixed = malloc(3 * n + 1);
  if (!fixed)
    return NULL;
  size_t at = 0;
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    unsigned long cp;
    size_t len = utf8_char(u + i, n - i, &cp);
    if (len == 0) {
      memcpy(fixed + at, TEXT_STAND_IN, 3);
      at += 3;
      i++;
    } else {
      memcpy(fixed + at, s + i, len);
      at += len;
      i += len;
    }
  }
  fixed[at] = '\0';
  json_t *j = json_string(fixed);
  free(fixed);
  return j;
}
