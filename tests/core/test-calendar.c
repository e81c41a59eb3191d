/* test-calendar.c — calendar definitions, recurrences and resolution
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates are checked against the real calendar: 2026-01-01 is a Thursday,
 * Feb/Mar 2026 start on Sundays, November 2026 starts on a Sunday (US
 * Thanksgiving, the fourth Thursday, is 2026-11-26 and 2027-11-25).
 * Field meanings follow MSPDI (reference §1.2, §1.4).
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "gantry-test-helper.h"

#define DAY(y, m, d) gantry_time_day_number (gantry_time_make (y, m, d, 0, 0, 0))

static const GantryDayDef nonworking = { GANTRY_DAY_NONWORKING, 0, { { 0, 0 } } };

static GantryDayDef
working (int from, int to)
{
  GantryDayDef d = { GANTRY_DAY_WORKING, 1, { { from, to } } };
  return d;
}

static void
assert_day (GantryCalendar *cal, gint64 day, GantryDayKind kind, int first_from, int last_to)
{
  GantryDayDef d;

  gantry_calendar_resolve_day (cal, day, &d);
  g_assert_cmpint (d.kind, ==, kind);
  if (kind == GANTRY_DAY_WORKING)
    {
      g_assert_cmpint (d.n_ranges, >, 0);
      g_assert_cmpint (d.ranges[0].from, ==, first_from);
      g_assert_cmpint (d.ranges[d.n_ranges - 1].to, ==, last_to);
    }
}

static GantryCalendarException
make_ex (GantryRecurrence rec, gint64 from, gint64 to, int period)
{
  GantryCalendarException ex = { 0 };

  ex.name = (char *) "x";
  ex.recurrence = rec;
  ex.from_day = from;
  ex.to_day = to;
  ex.period = period;
  ex.day = nonworking;
  return ex;
}

/* ---- weekdays and inheritance ------------------------------------------- */

static void
test_standard (void)
{
  g_autoptr(GantryCalendar) std = gantry_calendar_new_standard (1, "Standard");
  g_autoptr(GantryCalendar) blank = gantry_calendar_new (2, "Blank");
  const GantryDayDef *mon = gantry_calendar_get_weekday (std, 1);

  g_assert_cmpint (mon->kind, ==, GANTRY_DAY_WORKING);
  g_assert_cmpint (mon->n_ranges, ==, 2);
  g_assert_cmpint (mon->ranges[0].from, ==, 480);
  g_assert_cmpint (mon->ranges[0].to, ==, 720);
  g_assert_cmpint (mon->ranges[1].from, ==, 780);
  g_assert_cmpint (mon->ranges[1].to, ==, 1020);
  g_assert_cmpint (gantry_calendar_get_weekday (std, 0)->kind, ==, GANTRY_DAY_NONWORKING);
  g_assert_cmpint (gantry_calendar_get_weekday (std, 6)->kind, ==, GANTRY_DAY_NONWORKING);

  assert_day (std, DAY (2026, 1, 5), GANTRY_DAY_WORKING, 480, 1020);   /* Monday */
  assert_day (std, DAY (2026, 1, 10), GANTRY_DAY_NONWORKING, 0, 0);    /* Saturday */
  assert_day (std, DAY (2026, 1, 11), GANTRY_DAY_NONWORKING, 0, 0);    /* Sunday */

  /* A calendar that defines nothing resolves to the standard week. */
  g_assert_cmpint (gantry_calendar_get_weekday (blank, 3)->kind, ==, GANTRY_DAY_DEFAULT);
  assert_day (blank, DAY (2026, 1, 7), GANTRY_DAY_WORKING, 480, 1020);
  assert_day (blank, DAY (2026, 1, 10), GANTRY_DAY_NONWORKING, 0, 0);
  g_assert_true (gantry_calendar_get_is_base_calendar (blank));
  g_assert_false (gantry_calendar_get_is_baseline_calendar (blank));
}

static void
test_derived (void)
{
  g_autoptr(GantryCalendar) base = gantry_calendar_new_standard (1, "Standard");
  g_autoptr(GantryCalendar) res = gantry_calendar_new (2, "Res");
  GantryDayDef fri = working (8 * 60, 12 * 60);
  GantryDayDef sat = working (10 * 60, 14 * 60);
  GantryCalendarException holiday = make_ex (GANTRY_RECUR_NONE, DAY (2026, 1, 1),
                                             DAY (2026, 1, 2), 1);

  g_assert_true (gantry_calendar_set_base (res, base));
  gantry_calendar_set_is_base_calendar (res, FALSE);
  gantry_calendar_set_weekday (res, 5, &fri);
  gantry_calendar_set_weekday (res, 6, &sat);

  /* DEFAULT days inherit, the others are the derived calendar's. */
  assert_day (res, DAY (2026, 1, 5), GANTRY_DAY_WORKING, 480, 1020);
  assert_day (res, DAY (2026, 1, 9), GANTRY_DAY_WORKING, 480, 720);
  assert_day (res, DAY (2026, 1, 10), GANTRY_DAY_WORKING, 600, 840);
  assert_day (res, DAY (2026, 1, 11), GANTRY_DAY_NONWORKING, 0, 0);

  /* A base holiday applies to the derived calendar, even on its own
   * Friday hours (2026-01-02 is a Friday). */
  gantry_calendar_add_exception (base, &holiday);
  assert_day (res, DAY (2026, 1, 1), GANTRY_DAY_NONWORKING, 0, 0);
  assert_day (res, DAY (2026, 1, 2), GANTRY_DAY_NONWORKING, 0, 0);
  assert_day (res, DAY (2026, 1, 9), GANTRY_DAY_WORKING, 480, 720);

  /* The derived calendar's own exception beats the base holiday. */
  {
    GantryCalendarException ex = make_ex (GANTRY_RECUR_NONE, DAY (2026, 1, 2),
                                          DAY (2026, 1, 2), 1);
    ex.day = working (9 * 60, 11 * 60);
    gantry_calendar_add_exception (res, &ex);
    assert_day (res, DAY (2026, 1, 2), GANTRY_DAY_WORKING, 540, 660);
  }

  /* Changing the base changes the derived answers. */
  gantry_calendar_set_weekday (base, 1, &nonworking);
  assert_day (res, DAY (2026, 1, 5), GANTRY_DAY_NONWORKING, 0, 0);
}

static void
test_base_cycles (void)
{
  g_autoptr(GantryCalendar) a = gantry_calendar_new (1, "A");
  g_autoptr(GantryCalendar) b = gantry_calendar_new (2, "B");
  g_autoptr(GantryCalendar) c = gantry_calendar_new (3, "C");

  g_assert_false (gantry_calendar_set_base (a, a));
  g_assert_true (gantry_calendar_set_base (b, a));
  g_assert_true (gantry_calendar_set_base (c, b));
  g_assert_false (gantry_calendar_set_base (a, c));
  g_assert_false (gantry_calendar_set_base (a, b));
  g_assert_null (gantry_calendar_get_base (a));

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*cycle*");
  g_object_set (a, "base", c, NULL);
  g_test_assert_expected_messages ();
  g_assert_null (gantry_calendar_get_base (a));

  /* Resolution still terminates and answers. */
  assert_day (c, DAY (2026, 1, 5), GANTRY_DAY_WORKING, 480, 1020);
  g_assert_true (gantry_calendar_set_base (c, NULL));
}

/* ---- recurrences --------------------------------------------------------- */

static void
test_one_off (void)
{
  GantryCalendarException ex = make_ex (GANTRY_RECUR_NONE, DAY (2026, 2, 2), DAY (2026, 2, 6), 1);

  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 2, 1)));
  for (int d = 2; d <= 6; d++)
    g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 2, d)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 2, 7)));
}

static void
test_daily (void)
{
  GantryCalendarException ex = make_ex (GANTRY_RECUR_DAILY, DAY (2026, 3, 2), DAY (2026, 3, 31), 2);

  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 3, 2)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 3, 3)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 3, 4)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 3, 30)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 1)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 3, 1)));

  /* Limited by occurrences: 3/2, 3/4, 3/6 only. */
  ex.occurrences = 3;
  ex.entered_by_occurrences = TRUE;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 3, 6)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 3, 8)));

  /* Every day; period 0 is read as 1. */
  ex = make_ex (GANTRY_RECUR_DAILY, DAY (2026, 3, 2), DAY (2026, 3, 6), 0);
  for (int d = 2; d <= 6; d++)
    g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 3, d)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 3, 7)));

  /* Every 10 days (by day count). */
  ex = make_ex (GANTRY_RECUR_BY_DAY_COUNT, DAY (2026, 9, 1), DAY (2026, 9, 30), 10);
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 9, 1)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 9, 11)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 9, 21)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 9, 2)));
}

static void
test_weekday_count (void)
{
  /* Every 5th weekday from Thu 2026-10-01: Oct 1, 8, 15 (weekends skipped). */
  GantryCalendarException ex = make_ex (GANTRY_RECUR_BY_WEEKDAY_COUNT, DAY (2026, 10, 1),
                                        DAY (2026, 10, 31), 5);

  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 10, 1)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 10, 2)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 10, 3)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 10, 8)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 10, 15)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 10, 16)));

  /* Every weekday. */
  ex.period = 1;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 10, 2)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 10, 3)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 10, 4)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 10, 5)));
}

static void
test_weekly (void)
{
  /* Mondays and Wednesdays (DaysOfWeek 2 | 8) from Mon 2026-04-06. */
  GantryCalendarException ex = make_ex (GANTRY_RECUR_WEEKLY, DAY (2026, 4, 6), DAY (2026, 5, 29), 1);

  ex.days_of_week = 2 | 8;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 6)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 7)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 8)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 13)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 5, 27)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 6, 1)));

  /* Every other week. */
  ex.period = 2;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 8)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 13)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 15)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 20)));

  /* Three occurrences: Mon 6, Wed 8, Mon 13. */
  ex.period = 1;
  ex.occurrences = 3;
  ex.entered_by_occurrences = TRUE;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 13)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 15)));

  /* Starting on a Wednesday: Wed 8, Mon 13 are the first two. */
  ex.from_day = DAY (2026, 4, 8);
  ex.occurrences = 2;
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 6)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 8)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 13)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 15)));

  /* No days given: the start day's weekday. */
  ex = make_ex (GANTRY_RECUR_WEEKLY, DAY (2026, 4, 7), DAY (2026, 5, 29), 1);
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 14)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 13)));
}

static void
test_monthly (void)
{
  GantryCalendarException ex = make_ex (GANTRY_RECUR_MONTHLY_BY_DAY, DAY (2026, 1, 15),
                                        DAY (2026, 12, 31), 1);

  ex.month_day = 15;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 1, 15)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 2, 15)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 2, 14)));

  /* Every third month. */
  ex.period = 3;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 15)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 3, 15)));

  /* Day 31 is the last day in shorter months. */
  ex.period = 1;
  ex.month_day = 31;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 2, 28)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 30)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 5, 31)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 5, 30)));

  /* Two occurrences from Jan 20: Feb 15 and Mar 15 (Jan 15 is before). */
  ex.month_day = 15;
  ex.from_day = DAY (2026, 1, 20);
  ex.occurrences = 2;
  ex.entered_by_occurrences = TRUE;
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 1, 15)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 2, 15)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 3, 15)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 4, 15)));
}

static void
test_monthly_by_position (void)
{
  GantryCalendarException ex = make_ex (GANTRY_RECUR_MONTHLY_BY_POS, DAY (2026, 1, 1),
                                        DAY (2026, 12, 31), 1);

  /* First Monday (MonthItem 4 = Monday, MonthPosition 0). */
  ex.month_item = 4;
  ex.month_position = 0;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 1, 5)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 2, 2)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 3, 2)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 1, 12)));

  /* Last Friday (MonthItem 8, MonthPosition 4): Jan 30, 2026. */
  ex.month_item = 8;
  ex.month_position = 4;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 1, 30)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 1, 23)));

  /* Last weekday (1): Fri Jan 30 (the 31st is a Saturday). */
  ex.month_item = 1;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 1, 30)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 1, 31)));

  /* Last day (0): Feb 28, 2026. */
  ex.month_item = 0;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 2, 28)));

  /* Second weekend day (2, position 1): Sun Jan 4. */
  ex.month_item = 2;
  ex.month_position = 1;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 1, 4)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 1, 3)));

  /* Third day (0, position 2). */
  ex.month_item = 0;
  ex.month_position = 2;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 7, 3)));
}

static void
test_yearly (void)
{
  GantryCalendarException ex = make_ex (GANTRY_RECUR_YEARLY_BY_DAY, DAY (2026, 7, 4),
                                        DAY (2030, 7, 4), 1);

  /* July 4th (Month is 0-based: 6). */
  ex.month = 6;
  ex.month_day = 4;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 7, 4)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2029, 7, 4)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2027, 7, 5)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2027, 6, 4)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2031, 7, 4)));
  ex.occurrences = 2;
  ex.entered_by_occurrences = TRUE;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2027, 7, 4)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2028, 7, 4)));

  /* Fourth Thursday of November: 2026-11-26, 2027-11-25. */
  ex = make_ex (GANTRY_RECUR_YEARLY_BY_POS, DAY (2026, 1, 1), DAY (2028, 12, 31), 1);
  ex.month = 10;
  ex.month_item = 3 + 4;
  ex.month_position = 3;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2026, 11, 26)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2027, 11, 25)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 11, 19)));
  g_assert_false (gantry_calendar_exception_covers (&ex, DAY (2026, 10, 22)));

  /* Feb 29 in a yearly exception lands on Feb 28 in common years. */
  ex = make_ex (GANTRY_RECUR_YEARLY_BY_DAY, DAY (2024, 2, 29), DAY (2030, 12, 31), 1);
  ex.month = 1;
  ex.month_day = 29;
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2024, 2, 29)));
  g_assert_true (gantry_calendar_exception_covers (&ex, DAY (2025, 2, 28)));
}

/* Nonsense fields never crash and never cover days outside the range. */
static void
test_bad_fields (void)
{
  static const GantryRecurrence recs[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99, -1 };

  for (guint r = 0; r < G_N_ELEMENTS (recs); r++)
    {
      GantryCalendarException ex = make_ex (recs[r], DAY (2026, 1, 1), DAY (2026, 3, 31), -5);

      ex.month = 77;
      ex.month_day = -3;
      ex.month_item = 42;
      ex.month_position = -9;
      ex.days_of_week = -1;
      ex.occurrences = -4;
      for (gint64 d = DAY (2025, 12, 1); d < DAY (2026, 5, 1); d++)
        {
          gboolean c = gantry_calendar_exception_covers (&ex, d);
          if (d < DAY (2026, 1, 1) || d > DAY (2026, 3, 31))
            g_assert_false (c);
        }
    }
}

/* ---- work weeks and precedence ------------------------------------------- */

static void
test_work_weeks (void)
{
  g_autoptr(GantryCalendar) base = gantry_calendar_new_standard (1, "Standard");
  g_autoptr(GantryCalendar) cal = gantry_calendar_new (2, "Summer");
  GantryWorkWeek ww = { 0 };
  GantryCalendarException ex = make_ex (GANTRY_RECUR_NONE, DAY (2026, 6, 10),
                                        DAY (2026, 6, 10), 1);

  g_assert_true (gantry_calendar_set_base (cal, base));
  ww.name = (char *) "Summer hours";
  ww.from_day = DAY (2026, 6, 1);
  ww.to_day = DAY (2026, 8, 31);
  for (int wd = 1; wd <= 4; wd++)
    ww.days[wd] = working (7 * 60, 15 * 60);
  ww.days[5] = nonworking;
  gantry_calendar_add_work_week (cal, &ww);
  g_assert_cmpuint (gantry_calendar_get_n_work_weeks (cal), ==, 1);
  g_assert_cmpstr (gantry_calendar_get_work_week (cal, 0)->name, ==, "Summer hours");

  assert_day (cal, DAY (2026, 6, 1), GANTRY_DAY_WORKING, 420, 900);     /* Mon */
  assert_day (cal, DAY (2026, 6, 5), GANTRY_DAY_NONWORKING, 0, 0);      /* Fri */
  assert_day (cal, DAY (2026, 6, 6), GANTRY_DAY_NONWORKING, 0, 0);      /* Sat: default */
  assert_day (cal, DAY (2026, 5, 29), GANTRY_DAY_WORKING, 480, 1020);   /* Fri before */
  assert_day (cal, DAY (2026, 9, 1), GANTRY_DAY_WORKING, 480, 1020);    /* Tue after */

  /* An exception beats the work week. */
  gantry_calendar_add_exception (cal, &ex);
  assert_day (cal, DAY (2026, 6, 10), GANTRY_DAY_NONWORKING, 0, 0);
  assert_day (cal, DAY (2026, 6, 11), GANTRY_DAY_WORKING, 420, 900);

  /* A working exception on a Saturday. */
  ex = make_ex (GANTRY_RECUR_NONE, DAY (2026, 3, 7), DAY (2026, 3, 7), 1);
  ex.day = working (9 * 60, 13 * 60);
  gantry_calendar_add_exception (cal, &ex);
  assert_day (cal, DAY (2026, 3, 7), GANTRY_DAY_WORKING, 540, 780);

  gantry_calendar_remove_work_week (cal, 0);
  assert_day (cal, DAY (2026, 6, 1), GANTRY_DAY_WORKING, 480, 1020);
}

static void
test_never_default (void)
{
  g_autoptr(GantryProject) p = gantry_test_build_full_plan ();
  GListModel *cals = gantry_project_get_calendars (p);

  for (guint i = 0; i < g_list_model_get_n_items (cals); i++)
    {
      g_autoptr(GantryCalendar) cal = g_list_model_get_item (cals, i);

      for (gint64 d = DAY (2025, 12, 1); d < DAY (2027, 2, 1); d++)
        {
          GantryDayDef def;

          gantry_calendar_resolve_day (cal, d, &def);
          g_assert_cmpint (def.kind, !=, GANTRY_DAY_DEFAULT);
          if (def.kind == GANTRY_DAY_NONWORKING)
            g_assert_cmpint (def.n_ranges, ==, 0);
        }
    }

  /* Alice's calendar in the full plan: Thanksgiving and the summer week. */
  {
    GantryCalendar *alice = gantry_project_lookup_calendar (p, 3);

    assert_day (alice, DAY (2026, 11, 26), GANTRY_DAY_NONWORKING, 0, 0);
    assert_day (alice, DAY (2026, 11, 25), GANTRY_DAY_WORKING, 480, 1020);
    assert_day (alice, DAY (2026, 7, 2), GANTRY_DAY_WORKING, 420, 900);
    assert_day (alice, DAY (2026, 1, 1), GANTRY_DAY_NONWORKING, 0, 0);  /* base holiday */
    assert_day (alice, DAY (2026, 1, 9), GANTRY_DAY_WORKING, 480, 720); /* her Fridays */
    assert_day (alice, DAY (2026, 3, 7), GANTRY_DAY_WORKING, 540, 780); /* Saturday shift */
  }
}

/* ---- the definition as a whole -------------------------------------------- */

static void
on_definition_changed (GantryCalendar *cal, gpointer data)
{
  (*(guint *) data)++;
}

static void
test_definition (void)
{
  g_autoptr(GantryProject) p = gantry_test_build_full_plan ();
  GantryCalendar *alice = gantry_project_lookup_calendar (p, 3);
  g_autoptr(GantryCalendar) copy = gantry_calendar_copy (alice);
  g_autoptr(GantryCalendar) other = gantry_calendar_new (9, "Other");
  guint changed = 0;
  guint stamp;

  g_assert_true (gantry_calendar_definition_equal (alice, copy));
  g_assert_cmpint (gantry_calendar_get_uid (copy), ==, 3);
  g_assert_cmpstr (gantry_calendar_get_name (copy), ==, "Alice Ång");
  g_assert_true (gantry_calendar_get_base (copy) == gantry_calendar_get_base (alice));
  g_assert_false (gantry_calendar_definition_equal (alice, other));

  /* Exceptions are kept sorted by start day. */
  for (guint i = 1; i < gantry_calendar_get_n_exceptions (alice); i++)
    g_assert_cmpint (gantry_calendar_get_exception (alice, i - 1)->from_day, <=,
                     gantry_calendar_get_exception (alice, i)->from_day);

  g_signal_connect (other, "definition-changed", G_CALLBACK (on_definition_changed), &changed);
  stamp = gantry_calendar_get_stamp (other);
  gantry_calendar_set_definition (other, alice);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (gantry_calendar_get_stamp (other), >, stamp);
  g_assert_true (gantry_calendar_definition_equal (alice, other));
  /* Only the definition: name, uid, base stay. */
  g_assert_cmpstr (gantry_calendar_get_name (other), ==, "Other");
  g_assert_null (gantry_calendar_get_base (other));

  /* Setting an identical weekday does not count as a change. */
  gantry_calendar_set_weekday (other, 1, gantry_calendar_get_weekday (other, 1));
  g_assert_cmpuint (changed, ==, 1);

  gantry_calendar_remove_exception (other, 0);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_false (gantry_calendar_definition_equal (alice, other));
  g_signal_handlers_disconnect_by_func (other, on_definition_changed, &changed);

  /* Bad day definitions are normalised, not trusted. */
  {
    GantryDayDef bad = { GANTRY_DAY_WORKING, 99, { { -5, 2000 } } };
    GantryDayDef odd = { 77, 3, { { 1, 2 } } };

    gantry_calendar_set_weekday (other, 2, &bad);
    g_assert_cmpint (gantry_calendar_get_weekday (other, 2)->n_ranges, ==,
                     GANTRY_CALENDAR_MAX_RANGES);
    g_assert_cmpint (gantry_calendar_get_weekday (other, 2)->ranges[0].from, ==, 0);
    g_assert_cmpint (gantry_calendar_get_weekday (other, 2)->ranges[0].to, ==, 1440);
    gantry_calendar_set_weekday (other, 3, &odd);
    g_assert_cmpint (gantry_calendar_get_weekday (other, 3)->kind, ==, GANTRY_DAY_DEFAULT);
    g_assert_cmpint (gantry_calendar_get_weekday (other, 3)->n_ranges, ==, 0);
  }
}

/* ---- golden: MS Project's own expansion of recurring exceptions ------------ */

/* MS Project 2007+ writes each recurring <Exception> twice: once as the
 * rule, and once expanded into legacy WeekDay entries (DayType 0), one per
 * occurrence (reference §1.4).  The files in the corpus were saved by MS
 * Project, so the expansion is the golden answer for our rule evaluation. */

static xmlNode *
child (xmlNode *node, const char *name)
{
  for (xmlNode *c = node ? node->children : NULL; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, name) == 0)
      return c;
  return NULL;
}

static int
child_int (xmlNode *node, const char *name, int fallback)
{
  xmlNode *c = child (node, name);
  g_autofree char *text = NULL;

  if (c == NULL)
    return fallback;
  text = (char *) xmlNodeGetContent (c);
  return atoi (text);
}

static gint64
child_day (xmlNode *node, const char *name)
{
  xmlNode *c = child (node, name);
  xmlChar *text;
  GantryTime t = 0;

  g_assert_nonnull (c);
  text = xmlNodeGetContent (c);
  g_assert_true (gantry_time_parse_iso ((const char *) text, &t, NULL));
  xmlFree (text);
  return gantry_time_day_number (t);
}

static void
check_corpus_file (const char *path)
{
  xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  xmlNode *calendars, *cal = NULL;
  g_autoptr(GHashTable) legacy = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) ours = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) exceptions = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;
  guint n_recurring = 0;

  g_assert_nonnull (doc);
  calendars = child (xmlDocGetRootElement (doc), "Calendars");
  for (xmlNode *c = calendars ? calendars->children : NULL; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && child (c, "Exceptions") != NULL)
      {
        cal = c;
        break;
      }
  g_assert_nonnull (cal);

  /* The rules. */
  for (xmlNode *e = child (cal, "Exceptions")->children; e; e = e->next)
    {
      GantryCalendarException *ex;
      xmlNode *period;

      if (e->type != XML_ELEMENT_NODE)
        continue;
      ex = g_new0 (GantryCalendarException, 1);
      period = child (e, "TimePeriod");
      ex->from_day = child_day (period, "FromDate");
      ex->to_day = child_day (period, "ToDate");
      ex->recurrence = child_int (e, "Type", GANTRY_RECUR_NONE);
      ex->period = child_int (e, "Period", 1);
      ex->occurrences = child_int (e, "Occurrences", 0);
      ex->entered_by_occurrences = child_int (e, "EnteredByOccurrences", 0);
      ex->days_of_week = child_int (e, "DaysOfWeek", 0);
      ex->month_item = child_int (e, "MonthItem", 0);
      ex->month_position = child_int (e, "MonthPosition", 0);
      ex->month = child_int (e, "Month", 0);
      ex->month_day = child_int (e, "MonthDay", 1);
      ex->day.kind = child_int (e, "DayWorking", 0) ? GANTRY_DAY_WORKING : GANTRY_DAY_NONWORKING;
      if (ex->recurrence != GANTRY_RECUR_NONE)
        n_recurring++;
      g_ptr_array_add (exceptions, ex);
    }

  /* MS Project's expansion: one legacy WeekDay per occurrence. */
  for (xmlNode *w = child (cal, "WeekDays")->children; w; w = w->next)
    {
      xmlNode *period;

      if (w->type != XML_ELEMENT_NODE || child_int (w, "DayType", -1) != 0)
        continue;
      period = child (w, "TimePeriod");
      for (gint64 d = child_day (period, "FromDate"); d <= child_day (period, "ToDate"); d++)
        {
          gint64 *k = g_new (gint64, 1);

          *k = d;
          g_hash_table_insert (legacy, k, GINT_TO_POINTER (child_int (w, "DayWorking", 0) + 1));
        }
    }

  /* Our evaluation of the rules over their ranges. */
  for (guint i = 0; i < exceptions->len; i++)
    {
      GantryCalendarException *ex = g_ptr_array_index (exceptions, i);

      for (gint64 d = ex->from_day; d <= ex->to_day; d++)
        if (gantry_calendar_exception_covers (ex, d))
          {
            gint64 *k = g_new (gint64, 1);
            *k = d;
            g_hash_table_insert (ours, k, GINT_TO_POINTER (ex->day.kind == GANTRY_DAY_WORKING
                                                           ? 2 : 1));
          }
    }

  g_test_message ("%s: %u exceptions (%u recurring), %u days expanded by MS Project",
                  path, exceptions->len, n_recurring, g_hash_table_size (legacy));
  g_assert_cmpuint (n_recurring, >, 20);

  g_hash_table_iter_init (&iter, legacy);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gpointer mine = g_hash_table_lookup (ours, key);

      if (mine != value)
        {
          g_autofree char *iso = gantry_time_format_iso (gantry_time_from_day_number (
              *(gint64 *) key));
          g_error ("%s: MS Project has an exception on %s (working %d) that we %s", path, iso,
                   GPOINTER_TO_INT (value) - 1, mine ? "mark differently" : "miss");
        }
    }
  g_hash_table_iter_init (&iter, ours);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (legacy, key))
      {
        g_autofree char *iso = gantry_time_format_iso (gantry_time_from_day_number (
            *(gint64 *) key));
        g_error ("%s: we cover %s, MS Project does not", path, iso);
      }

  xmlFreeDoc (doc);
}

static void
test_corpus_recurrences (void)
{
  const char *dir = gantry_test_get_corpus_dir ();
  g_autoptr(GPtrArray) files = NULL;
  guint n = 0;

  if (dir == NULL)
    {
      g_test_skip ("The MSPDI corpus ($GANTRY_CORPUS_DIR) is not available");
      return;
    }
  files = gantry_test_list_corpus_files ();
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);

      if (strstr (path, "calendar-recurring-exceptions") == NULL)
        continue;
      check_corpus_file (path);
      n++;
    }
  g_assert_cmpuint (n, >=, 4);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/standard", test_standard);
  g_test_add_func ("/calendar/derived", test_derived);
  g_test_add_func ("/calendar/base-cycles", test_base_cycles);
  g_test_add_func ("/calendar/recurrence/one-off", test_one_off);
  g_test_add_func ("/calendar/recurrence/daily", test_daily);
  g_test_add_func ("/calendar/recurrence/weekday-count", test_weekday_count);
  g_test_add_func ("/calendar/recurrence/weekly", test_weekly);
  g_test_add_func ("/calendar/recurrence/monthly", test_monthly);
  g_test_add_func ("/calendar/recurrence/monthly-by-position", test_monthly_by_position);
  g_test_add_func ("/calendar/recurrence/yearly", test_yearly);
  g_test_add_func ("/calendar/recurrence/bad-fields", test_bad_fields);
  g_test_add_func ("/calendar/work-weeks", test_work_weeks);
  g_test_add_func ("/calendar/never-default", test_never_default);
  g_test_add_func ("/calendar/definition", test_definition);
  g_test_add_func ("/calendar/corpus-recurrences", test_corpus_recurrences);

  return g_test_run ();
}
