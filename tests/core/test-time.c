/* test-time.c — instants, durations and their text forms
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Golden values come from the calendar itself (1970-01-01 was a Thursday,
 * 2000 was a leap year, 1900 was not) and from the MSPDI reference (§1.1,
 * §1.3: 1 d = 480 min, 1 w = 2400 min, 1 mo = 20 d; elapsed 1 ed = 24 h).
 */
#include "config.h"

#include <locale.h>

#include "gantry-core.h"

static const GantryDurationContext default_ctx = GANTRY_DURATION_CONTEXT_DEFAULT;

/* ---- instants ---------------------------------------------------------- */

static void
test_make_split (void)
{
  int y, mo, d, h, mi, s;
  GantryTime t;

  g_assert_cmpint (gantry_time_make (1970, 1, 1, 0, 0, 0), ==, 0);
  g_assert_cmpint (gantry_time_make (1970, 1, 2, 0, 0, 0), ==, GANTRY_MS_DAY);
  g_assert_cmpint (gantry_time_make (1969, 12, 31, 23, 59, 59), ==, -GANTRY_MS_SECOND);
  g_assert_cmpint (gantry_time_make (1, 1, 1, 0, 0, 0), ==, GANTRY_TIME_MIN);
  g_assert_cmpint (gantry_time_make (9999, 12, 31, 23, 59, 59), ==, GANTRY_TIME_MAX);
  /* 2000-03-01 is 11017 days after the epoch (30 years, 7 leap days, Jan+Feb 2000). */
  g_assert_cmpint (gantry_time_day_number (gantry_time_make (2000, 3, 1, 12, 0, 0)), ==, 11017);

  /* Out of range parts. */
  g_assert_cmpint (gantry_time_make (0, 1, 1, 0, 0, 0), ==, GANTRY_TIME_NONE);
  g_assert_cmpint (gantry_time_make (10000, 1, 1, 0, 0, 0), ==, GANTRY_TIME_NONE);
  g_assert_cmpint (gantry_time_make (2023, 2, 29, 0, 0, 0), ==, GANTRY_TIME_NONE);
  g_assert_cmpint (gantry_time_make (2024, 13, 1, 0, 0, 0), ==, GANTRY_TIME_NONE);
  g_assert_cmpint (gantry_time_make (2024, 1, 1, 24, 0, 0), ==, GANTRY_TIME_NONE);
  g_assert_cmpint (gantry_time_make (2024, 1, 1, 0, 60, 0), ==, GANTRY_TIME_NONE);
  g_assert_cmpint (gantry_time_make (1900, 2, 29, 0, 0, 0), ==, GANTRY_TIME_NONE);
  g_assert_cmpint (gantry_time_make (2000, 2, 29, 0, 0, 0), !=, GANTRY_TIME_NONE);

  t = gantry_time_make (1601, 7, 15, 13, 45, 30);
  gantry_time_split (t, &y, &mo, &d, &h, &mi, &s);
  g_assert_cmpint (y, ==, 1601);
  g_assert_cmpint (mo, ==, 7);
  g_assert_cmpint (d, ==, 15);
  g_assert_cmpint (h, ==, 13);
  g_assert_cmpint (mi, ==, 45);
  g_assert_cmpint (s, ==, 30);

  /* Round trip every day of a few centuries around the epoch and the ends. */
  for (gint64 day = -200000; day <= 200000; day += 7)
    {
      GantryTime x = gantry_time_from_day_number (day) + 5 * GANTRY_MS_HOUR;

      gantry_time_split (x, &y, &mo, &d, &h, &mi, &s);
      g_assert_cmpint (gantry_time_make (y, mo, d, h, mi, s), ==, x);
    }
  gantry_time_split (GANTRY_TIME_MIN, &y, &mo, &d, NULL, NULL, NULL);
  g_assert_cmpint (y, ==, 1);
  g_assert_cmpint (mo, ==, 1);
  g_assert_cmpint (d, ==, 1);
}

static void
test_weekday (void)
{
  /* 1970-01-01 Thursday; 2026-01-05 Monday; 2000-01-01 Saturday;
   * 0001-01-01 Monday (proleptic Gregorian). */
  g_assert_cmpint (gantry_time_weekday (0), ==, 4);
  g_assert_cmpint (gantry_time_weekday (gantry_time_make (2026, 1, 5, 8, 0, 0)), ==, 1);
  g_assert_cmpint (gantry_time_weekday (gantry_time_make (2000, 1, 1, 23, 59, 59)), ==, 6);
  g_assert_cmpint (gantry_time_weekday (gantry_time_make (1969, 12, 28, 0, 0, 0)), ==, 0);
  g_assert_cmpint (gantry_time_weekday (GANTRY_TIME_MIN), ==, 1);

  g_assert_cmpint (gantry_time_day_start (gantry_time_make (1969, 12, 31, 17, 0, 0)), ==,
                   -GANTRY_MS_DAY);
  g_assert_cmpint (gantry_time_time_of_day (gantry_time_make (1969, 12, 31, 17, 0, 0)), ==,
                   17 * GANTRY_MS_HOUR);
  g_assert_cmpint (gantry_date_days_in_month (2024, 2), ==, 29);
  g_assert_cmpint (gantry_date_days_in_month (2100, 2), ==, 28);
  g_assert_cmpint (gantry_date_days_in_month (2400, 2), ==, 29);
  g_assert_cmpint (gantry_date_days_in_month (2023, 4), ==, 30);
}

static void
test_iso_parse (void)
{
  GError *error = NULL;
  GantryTime t = 0;

  g_assert_true (gantry_time_parse_iso ("2008-12-04T17:00:00", &t, &error));
  g_assert_no_error (error);
  g_assert_cmpint (t, ==, gantry_time_make (2008, 12, 4, 17, 0, 0));

  /* Date only: midnight. */
  g_assert_true (gantry_time_parse_iso ("2018-10-18", &t, &error));
  g_assert_cmpint (t, ==, gantry_time_make (2018, 10, 18, 0, 0, 0));

  /* 24:00:00 is the end of the day. */
  g_assert_true (gantry_time_parse_iso ("2018-10-18T24:00:00", &t, &error));
  g_assert_cmpint (t, ==, gantry_time_make (2018, 10, 19, 0, 0, 0));

  /* Fractional seconds (MS Project writes up to two decimals). */
  g_assert_true (gantry_time_parse_iso ("2018-10-18T08:00:05.07", &t, &error));
  g_assert_cmpint (t, ==, gantry_time_make (2018, 10, 18, 8, 0, 5) + 70);
  g_assert_true (gantry_time_parse_iso ("2018-10-18T08:00:05.1234", &t, &error));
  g_assert_cmpint (t, ==, gantry_time_make (2018, 10, 18, 8, 0, 5) + 123);
  g_assert_true (gantry_time_parse_iso ("2018-10-18T08:00:05.9996", &t, &error));
  g_assert_cmpint (t, ==, gantry_time_make (2018, 10, 18, 8, 0, 6));

  /* A zone designator is ignored: wall clock stays wall clock. */
  g_assert_true (gantry_time_parse_iso ("2018-10-18T08:00:00Z", &t, &error));
  g_assert_cmpint (t, ==, gantry_time_make (2018, 10, 18, 8, 0, 0));
  g_assert_true (gantry_time_parse_iso ("2018-10-18T08:00:00+02:00", &t, &error));
  g_assert_cmpint (t, ==, gantry_time_make (2018, 10, 18, 8, 0, 0));
  g_assert_true (gantry_time_parse_iso ("2018-10-18T08:00:00-0500", &t, &error));
  g_assert_cmpint (t, ==, gantry_time_make (2018, 10, 18, 8, 0, 0));

  /* Without seconds, surrounding blanks. */
  g_assert_true (gantry_time_parse_iso ("  2018-10-18T08:30 \n", &t, &error));
  g_assert_cmpint (t, ==, gantry_time_make (2018, 10, 18, 8, 30, 0));

  /* Bounds. */
  g_assert_true (gantry_time_parse_iso ("0001-01-01T00:00:00", &t, &error));
  g_assert_cmpint (t, ==, GANTRY_TIME_MIN);
  g_assert_true (gantry_time_parse_iso ("9999-12-31T23:59:59", &t, &error));
  g_assert_cmpint (t, ==, GANTRY_TIME_MAX);
  g_assert_no_error (error);
}

static void
test_iso_reject (void)
{
  static const struct { const char *text; int code; } bad[] = {
    { "2008-12-04T17:-0:00", GANTRY_TIME_ERROR_INVALID },
    { "", GANTRY_TIME_ERROR_INVALID },
    { "NA", GANTRY_TIME_ERROR_INVALID },
    { "2008-12-4", GANTRY_TIME_ERROR_INVALID },
    { "08-12-04", GANTRY_TIME_ERROR_INVALID },
    { "2008/12/04", GANTRY_TIME_ERROR_INVALID },
    { "2008-12-04T17", GANTRY_TIME_ERROR_INVALID },
    { "2008-12-04T17:00:0", GANTRY_TIME_ERROR_INVALID },
    { "2008-12-04T17:00:00.", GANTRY_TIME_ERROR_INVALID },
    { "2008-12-04T17:00:00 junk", GANTRY_TIME_ERROR_INVALID },
    { "2008-12-04X17:00:00", GANTRY_TIME_ERROR_INVALID },
    { "99999-12-04T17:00:00", GANTRY_TIME_ERROR_INVALID },
    { "99999999999999999999-01-01", GANTRY_TIME_ERROR_INVALID },
    { "0000-01-01T00:00:00", GANTRY_TIME_ERROR_OUT_OF_RANGE },
    { "2008-13-04T17:00:00", GANTRY_TIME_ERROR_OUT_OF_RANGE },
    { "2008-00-04T17:00:00", GANTRY_TIME_ERROR_OUT_OF_RANGE },
    { "2009-02-29T17:00:00", GANTRY_TIME_ERROR_OUT_OF_RANGE },
    { "2008-12-32T17:00:00", GANTRY_TIME_ERROR_OUT_OF_RANGE },
    { "2008-12-04T25:00:00", GANTRY_TIME_ERROR_OUT_OF_RANGE },
    { "2008-12-04T24:00:01", GANTRY_TIME_ERROR_OUT_OF_RANGE },
    { "2008-12-04T17:60:00", GANTRY_TIME_ERROR_OUT_OF_RANGE },
    { "2008-12-04T17:00:60", GANTRY_TIME_ERROR_OUT_OF_RANGE },
    { "9999-12-31T24:00:00", GANTRY_TIME_ERROR_OUT_OF_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *error = NULL;
      GantryTime t = 42;

      g_test_message ("rejecting “%s”", bad[i].text);
      g_assert_false (gantry_time_parse_iso (bad[i].text, &t, &error));
      g_assert_error (error, GANTRY_TIME_ERROR, bad[i].code);
      /* The message names the text. */
      g_assert_nonnull (strstr (error->message, bad[i].text));
      g_assert_cmpint (t, ==, 42);
      g_clear_error (&error);
    }

  {
    GError *error = NULL;
    GantryTime t;

    g_assert_false (gantry_time_parse_iso (NULL, &t, &error));
    g_assert_error (error, GANTRY_TIME_ERROR, GANTRY_TIME_ERROR_INVALID);
    g_clear_error (&error);
  }
}

static void
test_iso_format (void)
{
  g_autofree char *a = gantry_time_format_iso (gantry_time_make (2008, 12, 4, 17, 0, 0));
  g_autofree char *b = gantry_time_format_iso (gantry_time_make (1, 1, 1, 0, 0, 0));
  g_autofree char *c = gantry_time_format_iso (gantry_time_make (2018, 10, 18, 8, 0, 5) + 70);
  g_autofree char *d = gantry_time_format_iso (gantry_time_make (2018, 10, 18, 8, 0, 5) + 123);

  g_assert_cmpstr (a, ==, "2008-12-04T17:00:00");
  g_assert_cmpstr (b, ==, "0001-01-01T00:00:00");
  g_assert_cmpstr (c, ==, "2018-10-18T08:00:05.07");
  g_assert_cmpstr (d, ==, "2018-10-18T08:00:05.123");
  g_assert_null (gantry_time_format_iso (GANTRY_TIME_NONE));

  /* Parse ∘ format is the identity on a spread of instants. */
  for (GantryTime t = GANTRY_TIME_MIN; t < GANTRY_TIME_MAX - GANTRY_MS_DAY * 997;
       t += GANTRY_MS_DAY * 997 + 61 * GANTRY_MS_SECOND + 10)
    {
      g_autofree char *s = gantry_time_format_iso (t);
      GantryTime back;

      g_assert_true (gantry_time_parse_iso (s, &back, NULL));
      g_assert_cmpint (back, ==, t);
    }
}

/* The "date-format" preference: ISO and the long form, written and read
 * back; the locale's short form is test_display's. */
static void
test_display_styles (void)
{
  GantryTime t = gantry_time_make (2026, 3, 9, 13, 5, 0);
  GantryTime back;
  GError *error = NULL;
  struct { GantryDateStyle style; const char *with_time, *date_only; } cases[] = {
    { GANTRY_DATE_STYLE_ISO,  "2026-03-09 13:05", "2026-03-09" },
    { GANTRY_DATE_STYLE_LONG, "9 March 2026 13:05", "9 March 2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      gantry_time_set_display_style (cases[i].style);
      g_assert_cmpint (gantry_time_get_display_style (), ==, cases[i].style);
      a = gantry_time_format_display (t, TRUE);
      b = gantry_time_format_display (t, FALSE);
      g_assert_cmpstr (a, ==, cases[i].with_time);
      g_assert_cmpstr (b, ==, cases[i].date_only);
      g_assert_true (gantry_time_parse_display (a, 8 * GANTRY_MS_HOUR, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpint (back, ==, t);
      g_assert_true (gantry_time_parse_display (b, 8 * GANTRY_MS_HOUR, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpint (back, ==, gantry_time_make (2026, 3, 9, 8, 0, 0));
    }
  /* the ISO display form with a bad time is refused, not half-read */
  g_assert_false (gantry_time_parse_display ("2026-03-09 25:00", 0, &back, &error));
  g_assert_error (error, GANTRY_TIME_ERROR, GANTRY_TIME_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gantry_time_parse_display ("2026-03-09 10:00 x", 0, &back, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (gantry_time_parse_display ("2026-02-30 10:00", 0, &back, &error));
  g_assert_error (error, GANTRY_TIME_ERROR, GANTRY_TIME_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  gantry_time_set_display_style (GANTRY_DATE_STYLE_LOCALE);
}

static void
test_display (void)
{
  g_autofree char *s = NULL;
  g_autofree char *s2 = NULL;
  GantryTime t = gantry_time_make (2026, 3, 9, 13, 5, 0);
  GantryTime back;
  GError *error = NULL;

  /* In the C locale %x is MM/DD/YY. */
  s = gantry_time_format_display (t, TRUE);
  g_assert_cmpstr (s, ==, "03/09/26 13:05");
  s2 = gantry_time_format_display (t, FALSE);
  g_assert_cmpstr (s2, ==, "03/09/26");

  g_assert_true (gantry_time_parse_display (s, 8 * GANTRY_MS_HOUR, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (back, ==, t);
  /* Date only: the default time. */
  g_assert_true (gantry_time_parse_display (s2, 8 * GANTRY_MS_HOUR, &back, &error));
  g_assert_cmpint (back, ==, gantry_time_make (2026, 3, 9, 8, 0, 0));
  /* ISO is always accepted. */
  g_assert_true (gantry_time_parse_display ("2026-03-09", 17 * GANTRY_MS_HOUR, &back, &error));
  g_assert_cmpint (back, ==, gantry_time_make (2026, 3, 9, 17, 0, 0));
  g_assert_true (gantry_time_parse_display ("2026-03-09T10:00:00", 0, &back, &error));
  g_assert_cmpint (back, ==, gantry_time_make (2026, 3, 9, 10, 0, 0));
  g_assert_no_error (error);

  g_assert_false (gantry_time_parse_display ("banana", 0, &back, &error));
  g_assert_error (error, GANTRY_TIME_ERROR, GANTRY_TIME_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gantry_time_parse_display ("", 0, &back, &error));
  g_assert_error (error, GANTRY_TIME_ERROR, GANTRY_TIME_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gantry_time_parse_display ("2026-02-30", 0, &back, &error));
  g_assert_error (error, GANTRY_TIME_ERROR, GANTRY_TIME_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  /* A time without a date, a time out of range, junk after the time. */
  g_assert_false (gantry_time_parse_display ("12:00", 0, &back, &error));
  g_assert_error (error, GANTRY_TIME_ERROR, GANTRY_TIME_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gantry_time_parse_display ("03/09/26 25:00", 0, &back, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (gantry_time_parse_display ("03/09/26 10:00 x", 0, &back, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (gantry_time_parse_display (NULL, 0, &back, &error));
  g_assert_error (error, GANTRY_TIME_ERROR, GANTRY_TIME_ERROR_INVALID);
  g_clear_error (&error);
  /* "24:00" is the end of the day. */
  g_assert_true (gantry_time_parse_display ("03/09/26 24:00", 0, &back, &error));
  g_assert_cmpint (back, ==, gantry_time_make (2026, 3, 10, 0, 0, 0));

  {
    g_autofree char *none = gantry_time_format_display (GANTRY_TIME_NONE, TRUE);
    g_assert_cmpstr (none, ==, "");
  }
}

/* ---- formats ------------------------------------------------------------- */

static void
test_formats (void)
{
  static const int valid[] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 19, 20, 21,
                               35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 51, 52, 53 };
  int n_valid = 0;

  for (int code = -5; code < 100; code++)
    if (gantry_format_is_valid (code))
      n_valid++;
  g_assert_cmpint (n_valid, ==, G_N_ELEMENTS (valid));
  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (gantry_format_is_valid (valid[i]));

  g_assert_true (gantry_format_is_elapsed (GANTRY_FORMAT_ELAPSED_DAYS));
  g_assert_true (gantry_format_is_elapsed (42));           /* ew? */
  g_assert_false (gantry_format_is_elapsed (41));          /* w? */
  g_assert_true (gantry_format_is_elapsed (GANTRY_FORMAT_ELAPSED_PERCENT));
  g_assert_false (gantry_format_is_elapsed (GANTRY_FORMAT_NULL));
  g_assert_true (gantry_format_is_estimated (39));
  g_assert_false (gantry_format_is_estimated (7));
  g_assert_true (gantry_format_is_percent (51));
  g_assert_true (gantry_format_is_percent (20));
  g_assert_false (gantry_format_is_percent (21));
  g_assert_cmpint (gantry_format_get_unit (53), ==, GANTRY_UNIT_DAY);
  g_assert_cmpint (gantry_format_get_unit (21), ==, GANTRY_UNIT_DAY);
  g_assert_cmpint (gantry_format_get_unit (44), ==, GANTRY_UNIT_MONTH);
  g_assert_cmpint (gantry_format_get_unit (36), ==, GANTRY_UNIT_MINUTE);
  g_assert_cmpint (gantry_format_get_unit (37), ==, GANTRY_UNIT_HOUR);

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      GantryDurationFormat f = valid[i];

      if (f == 21 || f == 53)
        continue;
      g_assert_cmpint (gantry_format_make (gantry_format_get_unit (f),
                                           gantry_format_is_elapsed (f),
                                           gantry_format_is_estimated (f)), ==, f);
    }

  /* Unit lengths from the reference (§1.3). */
  g_assert_cmpint (gantry_format_unit_ms (GANTRY_FORMAT_DAYS, &default_ctx), ==,
                   480 * GANTRY_MS_MINUTE);
  g_assert_cmpint (gantry_format_unit_ms (GANTRY_FORMAT_WEEKS, &default_ctx), ==,
                   2400 * GANTRY_MS_MINUTE);
  g_assert_cmpint (gantry_format_unit_ms (GANTRY_FORMAT_MONTHS, &default_ctx), ==,
                   160 * GANTRY_MS_HOUR);
  g_assert_cmpint (gantry_format_unit_ms (GANTRY_FORMAT_ELAPSED_DAYS, &default_ctx), ==,
                   24 * GANTRY_MS_HOUR);
  g_assert_cmpint (gantry_format_unit_ms (GANTRY_FORMAT_ELAPSED_WEEKS, &default_ctx), ==,
                   168 * GANTRY_MS_HOUR);
  g_assert_cmpint (gantry_format_unit_ms (GANTRY_FORMAT_ELAPSED_MONTHS, &default_ctx), ==,
                   720 * GANTRY_MS_HOUR);
  g_assert_cmpint (gantry_format_unit_ms (GANTRY_FORMAT_HOURS, NULL), ==, GANTRY_MS_HOUR);
  {
    GantryDurationContext ten = { 600, 3000, 22 };
    g_assert_cmpint (gantry_format_unit_ms (GANTRY_FORMAT_DAYS, &ten), ==, 10 * GANTRY_MS_HOUR);
    g_assert_cmpint (gantry_format_unit_ms (GANTRY_FORMAT_MONTHS, &ten), ==,
                     220 * GANTRY_MS_HOUR);
    /* Elapsed units never depend on the context. */
    g_assert_cmpint (gantry_format_unit_ms (GANTRY_FORMAT_ELAPSED_DAYS, &ten), ==,
                     GANTRY_MS_DAY);
  }
}

/* ---- duration parsing ------------------------------------------------- */

typedef struct
{
  const char          *text;
  GantryDuration       ms;
  GantryDurationFormat format;
} DurationCase;

static void
test_duration_parse (void)
{
  static const DurationCase cases[] = {
    { "2d", 2 * 480 * GANTRY_MS_MINUTE, GANTRY_FORMAT_DAYS },
    { "3.5h", 210 * GANTRY_MS_MINUTE, GANTRY_FORMAT_HOURS },
    { "1ew", 168 * GANTRY_MS_HOUR, GANTRY_FORMAT_ELAPSED_WEEKS },
    { "2w?", 2 * 2400 * GANTRY_MS_MINUTE, GANTRY_FORMAT_WEEKS + GANTRY_FORMAT_ESTIMATED_OFFSET },
    { "30m", 30 * GANTRY_MS_MINUTE, GANTRY_FORMAT_MINUTES },
    { "1.5 days", 720 * GANTRY_MS_MINUTE, GANTRY_FORMAT_DAYS },
    { "4 hrs", 4 * GANTRY_MS_HOUR, GANTRY_FORMAT_HOURS },
    { "2mo", 2 * 20 * 480 * GANTRY_MS_MINUTE, GANTRY_FORMAT_MONTHS },
    { "1emo", 720 * GANTRY_MS_HOUR, GANTRY_FORMAT_ELAPSED_MONTHS },
    { "1ed", 24 * GANTRY_MS_HOUR, GANTRY_FORMAT_ELAPSED_DAYS },
    { "1 eday", 24 * GANTRY_MS_HOUR, GANTRY_FORMAT_ELAPSED_DAYS },
    { "90 emins", 90 * GANTRY_MS_MINUTE, GANTRY_FORMAT_ELAPSED_MINUTES },
    { "2 ehrs?", 2 * GANTRY_MS_HOUR, GANTRY_FORMAT_ELAPSED_HOURS + GANTRY_FORMAT_ESTIMATED_OFFSET },
    { "1 Week", 2400 * GANTRY_MS_MINUTE, GANTRY_FORMAT_WEEKS },
    { "3 MONTHS", 3 * 9600 * GANTRY_MS_MINUTE, GANTRY_FORMAT_MONTHS },
    { "0", 0, GANTRY_FORMAT_DAYS },
    { "5", 5 * 480 * GANTRY_MS_MINUTE, GANTRY_FORMAT_DAYS },
    { "5?", 5 * 480 * GANTRY_MS_MINUTE, GANTRY_FORMAT_DAYS + GANTRY_FORMAT_ESTIMATED_OFFSET },
    { ".5d", 240 * GANTRY_MS_MINUTE, GANTRY_FORMAT_DAYS },
    { "  7 d  ", 7 * 480 * GANTRY_MS_MINUTE, GANTRY_FORMAT_DAYS },
    { "0.001h", 3600, GANTRY_FORMAT_HOURS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      GantryDuration d = -1;
      GantryDurationFormat f = 0;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_true (gantry_duration_parse (cases[i].text, &default_ctx, GANTRY_FORMAT_DAYS,
                                            FALSE, FALSE, &d, &f, &error));
      g_assert_no_error (error);
      g_assert_cmpint (d, ==, cases[i].ms);
      g_assert_cmpint (f, ==, cases[i].format);
    }

  /* A number alone takes the default format's unit, elapsed included. */
  {
    GantryDuration d;
    GantryDurationFormat f;

    g_assert_true (gantry_duration_parse ("3", &default_ctx, GANTRY_FORMAT_ELAPSED_HOURS,
                                          FALSE, FALSE, &d, &f, NULL));
    g_assert_cmpint (d, ==, 3 * GANTRY_MS_HOUR);
    g_assert_cmpint (f, ==, GANTRY_FORMAT_ELAPSED_HOURS);
    /* "null" default: days. */
    g_assert_true (gantry_duration_parse ("1", &default_ctx, 53, FALSE, FALSE, &d, &f, NULL));
    g_assert_cmpint (d, ==, 8 * GANTRY_MS_HOUR);
    g_assert_cmpint (f, ==, GANTRY_FORMAT_DAYS);
  }

  /* The project context changes the working units only. */
  {
    GantryDurationContext ctx = { 600, 3000, 22 };
    GantryDuration d;

    g_assert_true (gantry_duration_parse ("1d", &ctx, 7, FALSE, FALSE, &d, NULL, NULL));
    g_assert_cmpint (d, ==, 10 * GANTRY_MS_HOUR);
    g_assert_true (gantry_duration_parse ("1w", &ctx, 7, FALSE, FALSE, &d, NULL, NULL));
    g_assert_cmpint (d, ==, 50 * GANTRY_MS_HOUR);
    g_assert_true (gantry_duration_parse ("1mo", &ctx, 7, FALSE, FALSE, &d, NULL, NULL));
    g_assert_cmpint (d, ==, 220 * GANTRY_MS_HOUR);
    g_assert_true (gantry_duration_parse ("1ed", &ctx, 7, FALSE, FALSE, &d, NULL, NULL));
    g_assert_cmpint (d, ==, 24 * GANTRY_MS_HOUR);
  }
}

static void
test_duration_lags (void)
{
  GError *error = NULL;
  GantryDuration d;
  GantryDurationFormat f;

  /* Negative lags (leads). */
  g_assert_true (gantry_duration_parse ("-2d", &default_ctx, 7, TRUE, TRUE, &d, &f, &error));
  g_assert_no_error (error);
  g_assert_cmpint (d, ==, -16 * GANTRY_MS_HOUR);
  g_assert_cmpint (f, ==, GANTRY_FORMAT_DAYS);
  g_assert_true (gantry_duration_parse ("- 1.5 ew", &default_ctx, 7, TRUE, TRUE, &d, &f, &error));
  g_assert_cmpint (d, ==, -252 * GANTRY_MS_HOUR);

  /* Percent lags: percentage times 1000. */
  g_assert_true (gantry_duration_parse ("25%", &default_ctx, 7, TRUE, TRUE, &d, &f, &error));
  g_assert_cmpint (d, ==, 25000);
  g_assert_cmpint (f, ==, GANTRY_FORMAT_PERCENT);
  g_assert_true (gantry_duration_parse ("-50e%", &default_ctx, 7, TRUE, TRUE, &d, &f, &error));
  g_assert_cmpint (d, ==, -50000);
  g_assert_cmpint (f, ==, GANTRY_FORMAT_ELAPSED_PERCENT);
  g_assert_true (gantry_duration_parse ("12.5 %?", &default_ctx, 7, TRUE, TRUE, &d, &f, &error));
  g_assert_cmpint (d, ==, 12500);
  g_assert_cmpint (f, ==, 51);
  g_assert_no_error (error);

  /* Not allowed for durations. */
  g_assert_false (gantry_duration_parse ("-2d", &default_ctx, 7, FALSE, FALSE, &d, &f, &error));
  g_assert_error (error, GANTRY_TIME_ERROR, GANTRY_TIME_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (gantry_duration_parse ("25%", &default_ctx, 7, FALSE, FALSE, &d, &f, &error));
  g_assert_error (error, GANTRY_TIME_ERROR, GANTRY_TIME_ERROR_INVALID);
  g_clear_error (&error);
  /* "-0" is zero, fine. */
  g_assert_true (gantry_duration_parse ("-0d", &default_ctx, 7, FALSE, FALSE, &d, &f, &error));
  g_assert_cmpint (d, ==, 0);
}

static void
test_duration_reject (void)
{
  static const struct { const char *text; int code; } bad[] = {
    { "", GANTRY_TIME_ERROR_INVALID },
    { "   ", GANTRY_TIME_ERROR_INVALID },
    { "d", GANTRY_TIME_ERROR_INVALID },
    { "abc", GANTRY_TIME_ERROR_INVALID },
    { "2 parsecs", GANTRY_TIME_ERROR_INVALID },
    { "2dd", GANTRY_TIME_ERROR_INVALID },
    { "2d 3h", GANTRY_TIME_ERROR_INVALID },
    { "1.2.3d", GANTRY_TIME_ERROR_INVALID },
    { "2d??", GANTRY_TIME_ERROR_INVALID },
    { "--2d", GANTRY_TIME_ERROR_INVALID },
    { "2#d", GANTRY_TIME_ERROR_INVALID },
    { "1e5d", GANTRY_TIME_ERROR_INVALID },
    { "nan", GANTRY_TIME_ERROR_INVALID },
    { "inf d", GANTRY_TIME_ERROR_INVALID },
    { "\xff\xfe", GANTRY_TIME_ERROR_INVALID },
    { "99999999999999999999999w", GANTRY_TIME_ERROR_OUT_OF_RANGE },
    { "1000000000mo", GANTRY_TIME_ERROR_OUT_OF_RANGE },
    { "1234567890123456789012345678901234567890123", GANTRY_TIME_ERROR_OUT_OF_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *error = NULL;
      GantryDuration d = 42;

      g_test_message ("rejecting duration “%s”", bad[i].text);
      g_assert_false (gantry_duration_parse (bad[i].text, &default_ctx, 7, TRUE, FALSE, &d,
                                             NULL, &error));
      g_assert_error (error, GANTRY_TIME_ERROR, bad[i].code);
      g_assert_cmpint (d, ==, 42);
      g_clear_error (&error);
    }
  {
    GError *error = NULL;
    GantryDuration d;

    g_assert_false (gantry_duration_parse (NULL, &default_ctx, 7, TRUE, FALSE, &d, NULL, &error));
    g_assert_error (error, GANTRY_TIME_ERROR, GANTRY_TIME_ERROR_INVALID);
    g_clear_error (&error);
    /* Percent beyond the bound. */
    g_assert_false (gantry_duration_parse ("1000001%", &default_ctx, 7, TRUE, TRUE, &d, NULL,
                                           &error));
    g_assert_error (error, GANTRY_TIME_ERROR, GANTRY_TIME_ERROR_OUT_OF_RANGE);
    g_clear_error (&error);
  }
}

/* ---- duration formatting --------------------------------------------- */

static void
test_duration_format (void)
{
  static const struct {
    GantryDuration d;
    GantryDurationFormat f;
    const char *shrt;
    const char *lng;
  } cases[] = {
    { 2 * 480 * GANTRY_MS_MINUTE, 7, "2d", "2 days" },
    { 480 * GANTRY_MS_MINUTE, 7, "1d", "1 day" },
    { 0, 7, "0d", "0 days" },
    { 210 * GANTRY_MS_MINUTE, 5, "3.5h", "3.5 hrs" },
    { GANTRY_MS_HOUR, 5, "1h", "1 hr" },
    { 168 * GANTRY_MS_HOUR, 10, "1ew", "1 ewk" },
    { 2 * 2400 * GANTRY_MS_MINUTE, 41, "2w?", "2 wks?" },
    { 30 * GANTRY_MS_MINUTE, 3, "30m", "30 mins" },
    { GANTRY_MS_MINUTE, 3, "1m", "1 min" },
    { 9600 * GANTRY_MS_MINUTE, 11, "1mo", "1 mon" },
    { 2 * 9600 * GANTRY_MS_MINUTE, 11, "2mo", "2 mons" },
    { 720 * GANTRY_MS_HOUR, 12, "1emo", "1 emon" },
    { 36 * GANTRY_MS_HOUR, 8, "1.5ed", "1.5 edays" },
    { 100 * GANTRY_MS_MINUTE, 5, "1.67h", "1.67 hrs" },
    { -16 * GANTRY_MS_HOUR, 7, "-2d", "-2 days" },
    { 25000, 19, "25%", "25%" },
    { -50000, 20, "-50e%", "-50e%" },
    { 12500, 51, "12.5%?", "12.5%?" },
    { 8 * GANTRY_MS_HOUR, 53, "1d?", "1 day?" },
    { 90 * GANTRY_MS_MINUTE, 36, "90em?", "90 emins?" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = gantry_duration_format_short (cases[i].d, cases[i].f, &default_ctx);
      g_autofree char *l = gantry_duration_format_long (cases[i].d, cases[i].f, &default_ctx);

      g_assert_cmpstr (s, ==, cases[i].shrt);
      g_assert_cmpstr (l, ==, cases[i].lng);
    }

  /* What is formatted parses back (to two decimals). */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = gantry_duration_format_short (cases[i].d, cases[i].f, &default_ctx);
      g_autofree char *l = gantry_duration_format_long (cases[i].d, cases[i].f, &default_ctx);
      GantryDuration d1, d2;
      GantryDurationFormat f1, f2;

      g_assert_true (gantry_duration_parse (s, &default_ctx, 7, TRUE, TRUE, &d1, &f1, NULL));
      g_assert_true (gantry_duration_parse (l, &default_ctx, 7, TRUE, TRUE, &d2, &f2, NULL));
      g_assert_cmpint (d1, ==, d2);
      g_assert_cmpint (f1, ==, f2);
      if (cases[i].f != 53)
        g_assert_cmpint (f1, ==, cases[i].f);
      g_assert_cmpint (ABS (d1 - cases[i].d), <=,
                       gantry_format_unit_ms (cases[i].f, &default_ctx) / 200 + 1);
    }
}

/* A locale whose decimal separator is a comma, if the system has one. */
static const char *
find_comma_locale (void)
{
  static const char *candidates[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8",
                                      "nl_NL.UTF-8", "es_ES.UTF-8", "ru_RU.UTF-8", NULL };

  for (guint i = 0; candidates[i]; i++)
    if (setlocale (LC_NUMERIC, candidates[i]) != NULL)
      return candidates[i];
  return NULL;
}

static void
test_duration_locale (void)
{
  const char *loc;
  GantryDuration d;
  g_autofree char *s = NULL;

  loc = find_comma_locale ();
  if (loc == NULL)
    {
      setlocale (LC_NUMERIC, "C.UTF-8");
      g_test_skip ("No locale with a comma decimal separator is installed "
                   "(install e.g. de_DE.UTF-8 to run this test)");
      return;
    }
  g_test_message ("using %s", loc);

  g_assert_true (gantry_duration_parse ("1,5d", &default_ctx, 7, FALSE, FALSE, &d, NULL, NULL));
  g_assert_cmpint (d, ==, 12 * GANTRY_MS_HOUR);
  /* The '.' is always accepted too. */
  g_assert_true (gantry_duration_parse ("1.5d", &default_ctx, 7, FALSE, FALSE, &d, NULL, NULL));
  g_assert_cmpint (d, ==, 12 * GANTRY_MS_HOUR);
  s = gantry_duration_format_short (12 * GANTRY_MS_HOUR, 7, &default_ctx);
  g_assert_cmpstr (s, ==, "1,5d");
  {
    g_autofree char *l = gantry_duration_format_long (-100 * GANTRY_MS_MINUTE, 5, &default_ctx);
    GantryDurationFormat f;

    g_assert_cmpstr (l, ==, "-1,67 hrs");
    g_assert_true (gantry_duration_parse (l, &default_ctx, 7, TRUE, FALSE, &d, &f, NULL));
    g_assert_cmpint (d, ==, -(167 * GANTRY_MS_HOUR) / 100);
    g_assert_cmpint (f, ==, GANTRY_FORMAT_HOURS);
  }

  /* Dates in the same locale's form, when its LC_TIME is there too, in
   * every display style (the long one spells the month in the language). */
  if (setlocale (LC_TIME, loc) != NULL)
    {
      for (int style = GANTRY_DATE_STYLE_LOCALE; style <= GANTRY_DATE_STYLE_LONG; style++)
        {
          GantryTime t = gantry_time_make (2026, 3, 9, 13, 5, 0), back;
          g_autofree char *shown = NULL;

          gantry_time_set_display_style (style);
          shown = gantry_time_format_display (t, TRUE);
          g_test_message ("display style %d: %s", style, shown);
          if (style == GANTRY_DATE_STYLE_LONG && g_str_has_prefix (loc, "de_"))
            g_assert_nonnull (strstr (shown, "März"));
          g_assert_true (gantry_time_parse_display (shown, 0, &back, NULL));
          g_assert_cmpint (back, ==, t);
        }
      if (g_str_has_prefix (loc, "de_"))
        {
          GantryTime back;

          /* the German translation's long form */
          g_assert_true (gantry_time_parse_display ("9. März 2026 13:05", 0, &back, NULL));
          g_assert_cmpint (back, ==, gantry_time_make (2026, 3, 9, 13, 5, 0));
        }
      gantry_time_set_display_style (GANTRY_DATE_STYLE_LOCALE);
      setlocale (LC_TIME, "C.UTF-8");
    }

  setlocale (LC_NUMERIC, "C.UTF-8");
}

/* Whatever the text, the parsers answer: TRUE with a value in range, or
 * FALSE with an error set.  Random strings from the characters that
 * matter, plus raw bytes. */
static void
test_random_input (void)
{
  static const char alphabet[] = "0123456789-:T .,+Z?%edhmwoasy\xc3\xa4\xff";
  int n = g_test_slow () ? 200000 : 20000;

  for (int i = 0; i < n; i++)
    {
      char buf[24];
      int len = g_test_rand_int_range (0, sizeof buf);
      GError *error = NULL;
      GantryTime t;
      GantryDuration d;
      GantryDurationFormat f;

      for (int k = 0; k < len; k++)
        buf[k] = g_test_rand_bit () ? alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)]
                                    : (char) g_test_rand_int_range (1, 256);
      buf[len] = '\0';

      if (gantry_time_parse_iso (buf, &t, &error))
        {
          g_assert_no_error (error);
          g_assert_cmpint (t, >=, GANTRY_TIME_MIN);
          g_assert_cmpint (t, <=, GANTRY_TIME_MAX + 999);
        }
      else
        {
          g_assert_nonnull (error);
          g_clear_error (&error);
        }

      if (gantry_time_parse_display (buf, 8 * GANTRY_MS_HOUR, &t, &error))
        {
          g_assert_cmpint (t, >=, GANTRY_TIME_MIN);
          g_assert_cmpint (t, <=, GANTRY_TIME_MAX + 999);
        }
      else
        {
          g_assert_nonnull (error);
          g_clear_error (&error);
        }

      if (gantry_duration_parse (buf, &default_ctx, 7, TRUE, TRUE, &d, &f, &error))
        {
          g_assert_no_error (error);
          g_assert_true (gantry_format_is_valid (f));
          g_assert_cmpint (ABS (d), <=, GANTRY_TIME_MAX - GANTRY_TIME_MIN);
        }
      else
        {
          g_assert_nonnull (error);
          g_clear_error (&error);
        }
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/make-split", test_make_split);
  g_test_add_func ("/time/weekday", test_weekday);
  g_test_add_func ("/time/iso/parse", test_iso_parse);
  g_test_add_func ("/time/iso/reject", test_iso_reject);
  g_test_add_func ("/time/iso/format", test_iso_format);
  g_test_add_func ("/time/display", test_display);
  g_test_add_func ("/time/display-styles", test_display_styles);
  g_test_add_func ("/duration/formats", test_formats);
  g_test_add_func ("/duration/parse", test_duration_parse);
  g_test_add_func ("/duration/lags", test_duration_lags);
  g_test_add_func ("/duration/reject", test_duration_reject);
  g_test_add_func ("/duration/format", test_duration_format);
  g_test_add_func ("/duration/locale", test_duration_locale);
  g_test_add_func ("/time/random-input", test_random_input);

  return g_test_run ();
}
