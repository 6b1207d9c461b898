/* Unit tests for text.c. The UTF-8 cases follow the rules of RFC 3629
 * (section 4: which second bytes each lead byte allows) and the groups of
 * Markus Kuhn's decoder stress test: well-formed text, the first and last
 * character of each sequence length and around the surrogates, stray
 * continuation bytes, lead bytes with nothing after them, sequences cut
 * short, bytes that never occur, overlong forms (including the largest
 * overlong of each length and an overlong NUL), surrogates alone and in
 * pairs. Every expected byte string and offset is written by hand from
 * those tables. */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define FFFD TEXT_STAND_IN

/* ---- text_utf8_check ------------------------------------------------------ */

static const struct {
  const char *what;
  const char *s;
  size_t n;
  int ok;
  size_t bad_at;
} utf8[] = {
  { "empty", "", 0, 1, 0 },
  { "ASCII", "Laos ridge", 10, 1, 0 },
  { "Greek kosme", "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5", 11, 1, 0 },
  { "U+0000 inside the counted bytes", "a\0b", 3, 1, 0 },
  /* first character of each length */
  { "U+0080", "\xc2\x80", 2, 1, 0 },
  { "U+0800", "\xe0\xa0\x80", 3, 1, 0 },
  { "U+10000", "\xf0\x90\x80\x80", 4, 1, 0 },
  /* last character of each length */
  { "U+007F", "\x7f", 1, 1, 0 },
  { "U+07FF", "\xdf\xbf", 2, 1, 0 },
  { "U+FFFF", "\xef\xbf\xbf", 3, 1, 0 },
  { "U+10FFFF", "\xf4\x8f\xbf\xbf", 4, 1, 0 },
  /* around the surrogates, and the replacement character */
  { "U+D7FF", "\xed\x9f\xbf", 3, 1, 0 },
  { "U+E000", "\xee\x80\x80", 3, 1, 0 },
  { "U+FFFD", "\xef\xbf\xbd", 3, 1, 0 },
  { "U+FFFE, a noncharacter RFC 3629 allows", "\xef\xbf\xbe", 3, 1, 0 },
  /* continuation bytes with no lead */
  { "lone 0x80", "ab\x80", 3, 0, 2 },
  { "lone 0xbf", "\xbf", 1, 0, 0 },
  { "one continuation too many", "\xc3\xa9\xa9", 3, 0, 2 },
  /* lead bytes followed by something else */
  { "0xc3 then a space", "\xc3 x", 3, 0, 0 },
  { "0xe1 then ASCII", "x\xe1yz", 4, 0, 1 },
  { "Latin-1 e acute in a word", "Caf\xe9s", 5, 0, 3 },
  /* sequences cut short at the end */
  { "2-byte lead at the end", "ab\xc3", 3, 0, 2 },
  { "3-byte sequence missing its last byte", "\xe2\x82", 2, 0, 0 },
  { "4-byte sequence missing its last byte", "z\xf0\x9f\x98", 4, 0, 1 },
  { "cut short by the count, not the text", "\xce\xba", 1, 0, 0 },
  /* bytes that never occur */
  { "0xfe", "\xfe", 1, 0, 0 },
  { "0xff", "ok\xff", 3, 0, 2 },
  { "0xf5, a lead above U+10FFFF", "\xf5\x80\x80\x80", 4, 0, 0 },
  { "U+110000", "\xf4\x90\x80\x80", 4, 0, 0 },
  /* overlong forms of '/' and the largest overlong of each length */
  { "overlong '/' in 2 bytes", "\xc0\xaf", 2, 0, 0 },
  { "overlong '/' in 3 bytes", "\xe0\x80\xaf", 3, 0, 0 },
  { "overlong '/' in 4 bytes", "\xf0\x80\x80\xaf", 4, 0, 0 },
  { "overlong U+007F", "\xc1\xbf", 2, 0, 0 },
  { "overlong U+07FF", "\xe0\x9f\xbf", 3, 0, 0 },
  { "overlong U+FFFF", "\xf0\x8f\xbf\xbf", 4, 0, 0 },
  { "overlong NUL", "a\xc0\x80", 3, 0, 1 },
  /* surrogates */
  { "U+D800 alone", "\xed\xa0\x80", 3, 0, 0 },
  { "U+DFFF alone", "x\xed\xbf\xbf", 4, 0, 1 },
  { "a surrogate pair written as two", "\xed\xa0\x80\xed\xb0\x80", 6, 0, 0 },
};

START_TEST(utf8_check)
{
  size_t at = 999;
  int rc = text_utf8_check(utf8[_i].s, utf8[_i].n, &at);
  ck_assert_msg(rc == (utf8[_i].ok ? 0 : -1), "%s: got %d", utf8[_i].what, rc);
  if (!utf8[_i].ok)
    ck_assert_msg(at == utf8[_i].bad_at, "%s: bad at %zu, want %zu", utf8[_i].what, at,
                  utf8[_i].bad_at);
}
END_TEST

START_TEST(utf8_problem)
{
  char buf[96];
  ck_assert_ptr_null(text_utf8_problem("Oudomxay \xce\xba", buf, sizeof buf));
  ck_assert_ptr_eq(text_utf8_problem("ab\xff" "c", buf, sizeof buf), buf);
  ck_assert_str_eq(buf, "expected UTF-8 text, got byte 0xff at byte 3");
  text_utf8_problem("\xed\xa0\x80", buf, sizeof buf);
  ck_assert_str_eq(buf, "expected UTF-8 text, got byte 0xed at byte 1");
}
END_TEST

/* ---- shortening ---------------------------------------------------------- */

/* "k" + Greek kosme: k, kappa (2 bytes), omicron with oxia (3), sigma,
 * mu, epsilon (2 each): 12 bytes. */
#define KOSME "k\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5"

static const struct {
  size_t size;
  const char *src, *want;
} cuts[] = {
  { 13, KOSME, KOSME },                       /* fits exactly */
  { 2, KOSME, "k" },                          /* 1 byte: before kappa */
  { 3, KOSME, "k" },                          /* 2 bytes: would split kappa */
  { 4, KOSME, "k\xce\xba" },                  /* 3 bytes: k, kappa */
  { 5, KOSME, "k\xce\xba" },                  /* 4: first byte of omicron dropped */
  { 6, KOSME, "k\xce\xba" },                  /* 5: its first two dropped */
  { 7, KOSME, "k\xce\xba\xe1\xbd\xb9" },      /* 6: omicron whole */
  { 5, "a\xf0\x9f\x98\x80" "b", "a" },        /* 4 bytes: 3 of the emoji dropped */
  { 6, "a\xf0\x9f\x98\x80" "b", "a\xf0\x9f\x98\x80" },
  { 1, KOSME, "" },
  { 4, "abcdef", "abc" },                     /* ASCII: any byte is a boundary */
};

START_TEST(copy_cut)
{
  char buf[32];
  memset(buf, 'X', sizeof buf);
  size_t len = text_copy(buf, cuts[_i].size, cuts[_i].src);
  ck_assert_str_eq(buf, cuts[_i].want);
  ck_assert_uint_eq(len, strlen(cuts[_i].want));
  ck_assert_int_eq(text_utf8_check(buf, len, NULL), 0);
}
END_TEST

START_TEST(format_cut)
{
  char buf[16];
  /* "site " + kappa + omicron = 10 bytes; 8 fit: omicron would be split */
  size_t len = text_format(buf, 9, "site %s", "\xce\xba\xe1\xbd\xb9");
  ck_assert_str_eq(buf, "site \xce\xba");
  ck_assert_uint_eq(len, 7);
  len = text_format(buf, sizeof buf, "%d %s", 42, "\xce\xba");
  ck_assert_str_eq(buf, "42 \xce\xba");
  ck_assert_uint_eq(len, 5);
}
END_TEST

/* ---- what is replaced ---------------------------------------------------- */

static const struct {
  const char *s;
  size_t len;
} unsafe[] = {
  { "", 0 },
  { "a", 0 },
  { " ", 0 },
  { "~", 0 },
  { "\x1b[2J", 1 },            /* ESC */
  { "\n", 1 },
  { "\r", 1 },
  { "\t", 1 },
  { "\x7f", 1 },               /* DEL */
  { "\xc2\x80", 2 },           /* U+0080, first C1 control */
  { "\xc2\x9b" "31m", 2 },     /* U+009B, CSI */
  { "\xc2\x9f", 2 },           /* U+009F, last C1 control */
  { "\xc2\xa0", 0 },           /* U+00A0, no-break space */
  { "\xe2\x80\xa9", 3 },       /* U+2029 paragraph separator */
  { "\xe2\x80\xa8", 3 },       /* U+2028 line separator */
  { "\xe2\x80\xa7", 0 },       /* U+2027 hyphenation point */
  { "\xe2\x80\xaa", 3 },       /* U+202A LRE */
  { "\xe2\x80\xae", 3 },       /* U+202E RLO */
  { "\xe2\x80\xaf", 0 },       /* U+202F narrow no-break space */
  { "\xe2\x81\xa5", 0 },       /* U+2065 */
  { "\xe2\x81\xa6", 3 },       /* U+2066 LRI */
  { "\xe2\x81\xa9", 3 },       /* U+2069 PDI */
  { "\xe2\x81\xaa", 0 },       /* U+206A */
  { "\xd8\x9c", 2 },           /* U+061C ARABIC LETTER MARK */
  { "\xe2\x80\x8b", 3 },       /* U+200B zero width space */
  { "\xe2\x80\x8c", 0 },       /* U+200C ZWNJ: Persian and Indic names need it */
  { "\xe2\x80\x8d", 0 },       /* U+200D ZWJ: so do emoji */
  { "\xe2\x80\x8e", 3 },       /* U+200E LRM */
  { "\xe2\x80\x8f", 3 },       /* U+200F RLM */
  { "\xe2\x81\xa0", 3 },       /* U+2060 word joiner */
  { "\xe2\x81\xa4", 3 },       /* U+2064 invisible plus */
  { "\xef\xbb\xbf", 3 },       /* U+FEFF byte order mark */
  { "\xef\xbb\xbe", 0 },       /* U+FEFE */
  { "\xce\xba", 0 },           /* kappa */
  { "\xff", 1 },
  { "\xe0\x80\xaf", 1 },       /* overlong: one byte at a time */
  { "\xc3", 1 },               /* cut short */
};

START_TEST(unsafe_len)
{
  ck_assert_msg(text_unsafe_len(unsafe[_i].s) == unsafe[_i].len, "case %d: got %zu, want %zu",
                _i, text_unsafe_len(unsafe[_i].s), unsafe[_i].len);
}
END_TEST

/* ---- the terminal -------------------------------------------------------- */

static const struct {
  const char *s, *want;
} shown[] = {
  { "Northern Laos PV base", "Northern Laos PV base" },
  { KOSME, KOSME },
  { "a\x1b[2Jb", "a" FFFD "[2Jb" },
  { "name\nplant 2: fake", "name" FFFD "plant 2: fake" },
  { "x\r\ty", "x" FFFD FFFD "y" },
  { "\x7f", FFFD },
  { "csi\xc2\x9b" "31m", "csi" FFFD "31m" },
  { "\xe2\x80\xae" "cod.exe", FFFD "cod.exe" },
  { "a\xe2\x81\xa6" "b\xe2\x81\xa9", "a" FFFD "b" FFFD },
  { "Caf\xe9", "Caf" FFFD },
  { "\xe0\x80\xaf", FFFD FFFD FFFD },
  { "no-break\xc2\xa0space", "no-break\xc2\xa0space" },
};

START_TEST(terminal)
{
  char buf[64];
  ck_assert_str_eq(text_terminal(buf, sizeof buf, shown[_i].s), shown[_i].want);
  /* the stream form writes the same bytes */
  char *mem = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&mem, &n);
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(text_put_terminal(f, shown[_i].s), 0);
  fclose(f);
  ck_assert_str_eq(mem, shown[_i].want);
  free(mem);
}
END_TEST

START_TEST(terminal_short)
{
  char buf[8];
  /* 5 bytes of room: "ab" and a 3-byte stand-in fill them */
  ck_assert_str_eq(text_terminal(buf, 6, "ab\x1b" "cd"), "ab" FFFD);
  /* 4 bytes of room: the stand-in does not fit, nor anything after it */
  ck_assert_str_eq(text_terminal(buf, 5, "ab\x1b" "cd"), "ab");
  ck_assert_str_eq(text_terminal(buf, 4, "k\xce\xba\xce\xba"), "k\xce\xba");
}
END_TEST

/* ---- CSV cells ----------------------------------------------------------- */

static const struct {
  const char *s;
  enum text_csv_quote q;
  const char *want;
} cells[] = {
  { "fixed 20", TEXT_CSV_QUOTE_NEEDED, "fixed 20" },
  { "fixed 20", TEXT_CSV_QUOTE_ALWAYS, "\"fixed 20\"" },
  { "", TEXT_CSV_QUOTE_NEEDED, "" },
  { "", TEXT_CSV_QUOTE_ALWAYS, "\"\"" },
  { "=1+1", TEXT_CSV_QUOTE_NEEDED, "\"'=1+1\"" },
  { "+41 22", TEXT_CSV_QUOTE_NEEDED, "\"'+41 22\"" },
  { "-2+3", TEXT_CSV_QUOTE_NEEDED, "\"'-2+3\"" },
  { "@SUM(A1:A9)", TEXT_CSV_QUOTE_NEEDED, "\"'@SUM(A1:A9)\"" },
  { "=HYPERLINK(\"http://x\")", TEXT_CSV_QUOTE_ALWAYS, "\"'=HYPERLINK(\"\"http://x\"\")\"" },
  { "\t=1", TEXT_CSV_QUOTE_NEEDED, "\"'" FFFD "=1\"" },
  { "\r=1", TEXT_CSV_QUOTE_NEEDED, "\"'" FFFD "=1\"" },
  { "  =1", TEXT_CSV_QUOTE_NEEDED, "\"'  =1\"" },
  { "1-2", TEXT_CSV_QUOTE_NEEDED, "1-2" },
  { "a=b", TEXT_CSV_QUOTE_NEEDED, "a=b" },
  { "Vientiane, monthly", TEXT_CSV_QUOTE_NEEDED, "\"Vientiane, monthly\"" },
  { "a;b", TEXT_CSV_QUOTE_NEEDED, "\"a;b\"" },
  { "say \"hi\"", TEXT_CSV_QUOTE_NEEDED, "\"say \"\"hi\"\"\"" },
  { " lead", TEXT_CSV_QUOTE_NEEDED, "\" lead\"" },
  { "trail ", TEXT_CSV_QUOTE_NEEDED, "\"trail \"" },
  { "'kept", TEXT_CSV_QUOTE_NEEDED, "\"'kept\"" },
  { "two\nlines", TEXT_CSV_QUOTE_NEEDED, "two" FFFD "lines" },
  { "\x1b]0;title\x07", TEXT_CSV_QUOTE_NEEDED, "\"" FFFD "]0;title" FFFD "\"" },
  { KOSME, TEXT_CSV_QUOTE_NEEDED, KOSME },
};

START_TEST(csv_cell)
{
  char buf[96];
  size_t len = text_csv_cell(buf, sizeof buf, cells[_i].s, cells[_i].q);
  ck_assert_str_eq(buf, cells[_i].want);
  ck_assert_uint_eq(len, strlen(cells[_i].want));
  char *mem = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&mem, &n);
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(text_put_csv_cell(f, cells[_i].s, cells[_i].q), 0);
  fclose(f);
  ck_assert_str_eq(mem, cells[_i].want);
  free(mem);
}
END_TEST

/* A cell read back (quotes removed, doubled quotes halved) and written
 * again is the same cell: renewcalc merge rewrites the batch rows it
 * reads. */
START_TEST(csv_again)
{
  static const char *const names[] = { "=1+1", " -x", "a,\"b\"", "'q", "plain", "x\ny" };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    char once[64], value[64], twice[64];
    text_csv_cell(once, sizeof once, names[i], TEXT_CSV_QUOTE_NEEDED);
    size_t v = 0;
    if (once[0] == '"') {
      for (const char *c = once + 1; c[1]; c++) {
        value[v++] = *c;
        if (*c == '"')
          c++;
      }
    } else {
      v = strlen(once);
      memcpy(value, once, v);
    }
    value[v] = '\0';
    text_csv_cell(twice, sizeof twice, value, TEXT_CSV_QUOTE_NEEDED);
    ck_assert_str_eq(twice, once);
  }
}
END_TEST

START_TEST(csv_short)
{
  char buf[8];
  /* 5 bytes of room: the quotes and 3 characters */
  ck_assert_str_eq((text_csv_cell(buf, 6, "abcdefg", TEXT_CSV_QUOTE_ALWAYS), buf), "\"abc\"");
  /* a doubled quote goes in whole or not at all */
  ck_assert_str_eq((text_csv_cell(buf, 5, "a\"b", TEXT_CSV_QUOTE_NEEDED), buf), "\"a\"");
}
END_TEST

/* ---- JSON ---------------------------------------------------------------- */

START_TEST(json)
{
  json_t *j = text_json(KOSME);
  ck_assert_str_eq(json_string_value(j), KOSME);
  json_decref(j);
  j = text_json("Caf\xe9 \xff!");
  ck_assert_ptr_nonnull(j);
  ck_assert_str_eq(json_string_value(j), "Caf" FFFD " " FFFD "!");
  json_decref(j);
  /* control characters stay, for jansson to escape */
  j = text_json("a\x1b" "b");
  char *dump = json_dumps(j, JSON_ENCODE_ANY);
  ck_assert_str_eq(dump, "\"a\\u001Bb\""); /* jansson writes upper-case hex */
  free(dump);
  json_decref(j);
}
END_TEST

Suite *make_text_suite(void)
{
  Suite *s = suite_create("text");
  TCase *tc = tcase_create("utf8");
  tcase_add_loop_test(tc, utf8_check, 0, sizeof utf8 / sizeof utf8[0]);
  tcase_add_test(tc, utf8_problem);
  suite_add_tcase(s, tc);
  tc = tcase_create("shorten");
  tcase_add_loop_test(tc, copy_cut, 0, sizeof cuts / sizeof cuts[0]);
  tcase_add_test(tc, format_cut);
  suite_add_tcase(s, tc);
  tc = tcase_create("escape");
  tcase_add_loop_test(tc, unsafe_len, 0, sizeof unsafe / sizeof unsafe[0]);
  tcase_add_loop_test(tc, terminal, 0, sizeof shown / sizeof shown[0]);
  tcase_add_test(tc, terminal_short);
  tcase_add_loop_test(tc, csv_cell, 0, sizeof cells / sizeof cells[0]);
  tcase_add_test(tc, csv_again);
  tcase_add_test(tc, csv_short);
  tcase_add_test(tc, json);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_text_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
