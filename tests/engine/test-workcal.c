/* test-workcal.c — compiled calendars against the model's own definition
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "engine-test-util.h"
#include "gantry-workcal.h"

static void
set_all_days (GantryCalendar *cal, const GantryDayDef *work, const GantryDayDef *off)
{
  int wd;

  for (wd = 0; wd < 7; wd++)
    gantry_calendar_set_weekday (cal, wd, (wd >= 1 && wd <= 5) ? work : off);
}

/* A derived calendar with recurring exceptions, a work week and a base
 * with holidays: every day must match gantry_calendar_resolve_day(). */
static void
test_matches_resolve_day (void)
{
  g_autoptr (GantryCalendar) base = gantry_calendar_new_standard (1, "Standard");
  g_autoptr (GantryCalendar) cal = gantry_calendar_new (2, "Derived");
  g_autoptr (GantryWorkCal) wc = NULL;
  GantryCalendarException ex = { 0 };
  GantryWorkWeek ww = { 0 };
  GantryDayDef short_day = { GANTRY_DAY_WORKING, 1, { { 9 * 60, 15 * 60 } } };
  GantryDayDef sat = { GANTRY_DAY_WORKING, 3, { { 0, 120 }, { 600, 700 }, { 1400, 1440 } } };
  gint64 d, d0 = gantry_time_day_number (T (2019, 1, 1, 0, 0));
  int wd;

  gantry_calendar_set_base (cal, base);
  gantry_calendar_set_weekday (cal, 6, &sat);

  /* base: yearly Christmas, 2015..2030 */
  ex.name = (char *) "Christmas";
  ex.from_day = gantry_time_day_number (T (2015, 12, 25, 0, 0));
  ex.to_day = gantry_time_day_number (T (2030, 12, 25, 0, 0));
  ex.recurrence = GANTRY_RECUR_YEARLY_BY_DAY;
  ex.period = 1;
  ex.month = 11;
  ex.month_day = 25;
  ex.day.kind = GANTRY_DAY_NONWORKING;
  gantry_calendar_add_exception (base, &ex);

  /* derived: every second Friday short, weekly */
  memset (&ex, 0, sizeof ex);
  ex.name = (char *) "Short Fridays";
  ex.from_day = gantry_time_day_number (T (2019, 3, 1, 0, 0));
  ex.to_day = gantry_time_day_number (T (2020, 6, 30, 0, 0));
  ex.recurrence = GANTRY_RECUR_WEEKLY;
  ex.period = 2;
  ex.days_of_week = 32;
  ex.day = short_day;
  gantry_calendar_add_exception (cal, &ex);

  /* derived: a one-off week off */
  memset (&ex, 0, sizeof ex);
  ex.name = (char *) "Holiday";
  ex.from_day = gantry_time_day_number (T (2019, 8, 5, 0, 0));
  ex.to_day = gantry_time_day_number (T (2019, 8, 9, 0, 0));
  ex.recurrence = GANTRY_RECUR_NONE;
  ex.period = 1;
  ex.day.kind = GANTRY_DAY_NONWORKING;
  gantry_calendar_add_exception (cal, &ex);

  /* derived: a summer work week with short days and Mondays off */
  ww.name = (char *) "Summer";
  ww.from_day = gantry_time_day_number (T (2019, 7, 1, 0, 0));
  ww.to_day = gantry_time_day_number (T (2019, 8, 31, 0, 0));
  for (wd = 0; wd < 7; wd++)
    ww.days[wd].kind = GANTRY_DAY_DEFAULT;
  ww.days[1].kind = GANTRY_DAY_NONWORKING;
  ww.days[2] = short_day;
  gantry_calendar_add_work_week (cal, &ww);

  /* the derived calendar's own Wednesday hours do not override a
   * holiday of the base (Christmas 2019 is a Wednesday) */
  gantry_calendar_set_weekday (cal, 3, &short_day);

  wc = gantry_workcal_compile (cal);
  {
    GantryDayDef xmas;
    gantry_workcal_get_day (wc, gantry_time_day_number (T (2019, 12, 25, 0, 0)), &xmas);
    g_assert_cmpint (xmas.n_ranges, ==, 0);
  }
  for (d = d0; d < d0 + 2 * 366 + 31; d++)
    {
      GantryDayDef want, got;
      int k;

      gantry_calendar_resolve_day (cal, d, &want);
      gantry_workcal_get_day (wc, d, &got);
      if (want.kind != GANTRY_DAY_WORKING)
        want.n_ranges = 0;
      g_assert_cmpint (got.n_ranges, ==, want.n_ranges);
      for (k = 0; k < want.n_ranges; k++)
        {
          g_assert_cmpint (got.ranges[k].from, ==, want.ranges[k].from);
          g_assert_cmpint (got.ranges[k].to, ==, want.ranges[k].to);
        }
    }
  /* Thu 2019-08-01 follows the base's standard day */
  assert_time (gantry_workcal_add (wc, T (2019, 8, 1, 8, 0), 8 * HOUR_MS), T (2019, 8, 1, 17, 0));
  /* Sat 08-03 00:00-02:00 is working */
  assert_time (gantry_workcal_add (wc, T (2019, 8, 3, 0, 0), HOUR_MS), T (2019, 8, 3, 1, 0));
  /* next start after the holiday week (Mon 08-12 off in the work week,
   * Tue 08-13 09:00) from Sun 08-11 */
  assert_time (gantry_workcal_next_work_start (wc, T (2019, 8, 11, 0, 0)), T (2019, 8, 13, 9, 0));
}

/* add / subtract / work_between agree with each other on random instants. */
static void
test_arithmetic_round_trip (void)
{
  g_autoptr (GantryCalendar) cal = gantry_calendar_new_standard (1, "Standard");
  g_autoptr (GantryWorkCal) wc = NULL;
  GantryCalendarException ex = { 0 };
  GRand *rand = g_rand_new_with_seed (42);
  int i;

  ex.from_day = gantry_time_day_number (T (2020, 1, 1, 0, 0));
  ex.to_day = gantry_time_day_number (T (2040, 1, 1, 0, 0));
  ex.recurrence = GANTRY_RECUR_MONTHLY_BY_DAY;
  ex.period = 1;
  ex.month_day = 15;
  ex.day.kind = GANTRY_DAY_NONWORKING;
  gantry_calendar_add_exception (cal, &ex);
  wc = gantry_workcal_compile (cal);

  for (i = 0; i < 20000; i++)
    {
      GantryTime t = T (2019, 1, 1, 0, 0) + (GantryTime) g_rand_int_range (rand, 0, 20 * 365) * GANTRY_MS_DAY
                     + (GantryTime) g_rand_int_range (rand, 0, 24 * 60) * MIN_MS;
      GantryDuration w = (GantryDuration) g_rand_int_range (rand, 1, 2000 * 60) * MIN_MS;
      GantryTime s = gantry_workcal_next_work_start (wc, t);
      GantryTime f = gantry_workcal_add (wc, s, w);
      GantryDayDef day;

      g_assert_cmpint (s, >=, t);
      g_assert_cmpint (gantry_workcal_work_between (wc, t, s), ==, 0);
      g_assert_cmpint (gantry_workcal_work_between (wc, s, f), ==, w);
      g_assert_cmpint (gantry_workcal_subtract (wc, f, w), ==, s);
      /* a start is never a 15th, a finish is at the end of working time */
      gantry_workcal_get_day (wc, gantry_time_day_number (s), &day);
      g_assert_cmpint (day.n_ranges, >, 0);
      g_assert_cmpint (gantry_workcal_prev_work_finish (wc, f), ==, f);
    }
  g_rand_free (rand);
}

static void
test_twenty_four_hours (void)
{
  g_autoptr (GantryCalendar) cal = gantry_calendar_new (1, "24 Hours");
  g_autoptr (GantryWorkCal) wc = NULL;
  GantryDayDef all = { GANTRY_DAY_WORKING, 1, { { 0, 1440 } } };
  int wd;

  for (wd = 0; wd < 7; wd++)
    gantry_calendar_set_weekday (cal, wd, &all);
  wc = gantry_workcal_compile (cal);
  /* 3 × 8 h = 24 h of wall clock; 1 w (40 h) from Fri 22:00 */
  assert_time (gantry_workcal_add (wc, T (2025, 4, 14, 8, 0), 3 * DAY_MS), T (2025, 4, 15, 8, 0));
  assert_time (gantry_workcal_add (wc, T (2025, 4, 18, 22, 0), WEEK_MS), T (2025, 4, 20, 14, 0));
  assert_time (gantry_workcal_next_work_start (wc, T (2025, 4, 19, 0, 0)), T (2025, 4, 19, 0, 0));
}

static void
test_intersection (void)
{
  g_autoptr (GantryCalendar) a = gantry_calendar_new_standard (1, "Standard");
  g_autoptr (GantryCalendar) b = gantry_calendar_new (2, "Late");
  g_autoptr (GantryWorkCal) wa = NULL, wb = NULL, wi = NULL;
  GantryDayDef late = { GANTRY_DAY_WORKING, 1, { { 10 * 60, 20 * 60 } } };
  GantryDayDef off = { GANTRY_DAY_NONWORKING, 0, { { 0, 0 } } };
  GantryDayDef got;

  set_all_days (b, &late, &off);
  gantry_calendar_set_weekday (b, 2, &off);   /* Tuesday off */
  wa = gantry_workcal_compile (a);
  wb = gantry_workcal_compile (b);
  wi = gantry_workcal_intersect (wa, wb);
  gantry_workcal_get_day (wi, gantry_time_day_number (T (2025, 4, 14, 0, 0)), &got);
  g_assert_cmpint (got.n_ranges, ==, 2);
  g_assert_cmpint (got.ranges[0].from, ==, 600);
  g_assert_cmpint (got.ranges[0].to, ==, 720);
  g_assert_cmpint (got.ranges[1].from, ==, 780);
  g_assert_cmpint (got.ranges[1].to, ==, 1020);
  /* 1d (8 h) from Mon 10:00 on the intersection (6 h a day, Tue off):
   * Mon 6 h, Wed 10:00 + 2 h -> Wed 12:00 */
  assert_time (gantry_workcal_add (wi, T (2025, 4, 14, 10, 0), DAY_MS), T (2025, 4, 16, 12, 0));
}

/* A calendar without any working time never hangs: arithmetic answers
 * NONE, and the scheduler reports the task and goes on. */
static void
test_no_working_time (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  g_autoptr (GantryCalendar) none = gantry_calendar_new (7, "Never");
  g_autoptr (GantryWorkCal) wc = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  GantryDayDef off = { GANTRY_DAY_NONWORKING, 0, { { 0, 0 } } };
  GantryTask *t, *u;
  gboolean found = FALSE;
  guint i;
  int wd;

  for (wd = 0; wd < 7; wd++)
    gantry_calendar_set_weekday (none, wd, &off);
  wc = gantry_workcal_compile (none);
  g_assert_false (gantry_workcal_has_work_after (wc, T (2025, 1, 1, 0, 0)));
  g_assert_cmpint (gantry_workcal_add (wc, T (2025, 4, 14, 8, 0), HOUR_MS), ==, GANTRY_TIME_NONE);
  g_assert_cmpint (gantry_workcal_next_work_start (wc, T (2025, 4, 14, 8, 0)), ==, GANTRY_TIME_NONE);

  gantry_project_add_calendar (p, none);
  t = plan_task (p, NULL, "Stuck", DAY_MS, GANTRY_FORMAT_DAYS);
  u = plan_task (p, NULL, "Fine", DAY_MS, GANTRY_FORMAT_DAYS);
  gantry_task_set_calendar (t, none);
  problems = gantry_schedule_project (p);
  for (i = 0; i < problems->len; i++)
    {
      GantryProblem *pb = g_ptr_array_index (problems, i);
      if (pb->kind == GANTRY_PROBLEM_NO_WORKING_TIME && pb->tasks->len == 1
          && g_ptr_array_index (pb->tasks, 0) == t)
        {
          found = TRUE;
          g_assert_nonnull (strstr (pb->message, "Stuck"));
        }
    }
  g_assert_true (found);
  assert_time (gantry_task_get_finish (u), T (2025, 4, 14, 17, 0));
  g_assert_cmpint (gantry_task_get_finish (t), !=, GANTRY_TIME_NONE);
}

static void
test_cache_recompiles (void)
{
  g_autoptr (GantryWorkCalCache) cache = gantry_workcal_cache_new ();
  g_autoptr (GantryCalendar) cal = gantry_calendar_new_standard (1, "Standard");
  GantryCalendarException ex = { 0 };
  GantryWorkCal *a, *b;
  GantryTime mon = T (2025, 4, 14, 8, 0);

  a = gantry_workcal_cache_get (cache, cal);
  g_assert_true (a == gantry_workcal_cache_get (cache, cal));
  assert_time (gantry_workcal_add (a, mon, DAY_MS), T (2025, 4, 14, 17, 0));
  ex.from_day = ex.to_day = gantry_time_day_number (mon);
  ex.recurrence = GANTRY_RECUR_NONE;
  ex.period = 1;
  ex.day.kind = GANTRY_DAY_NONWORKING;
  gantry_calendar_add_exception (cal, &ex);
  b = gantry_workcal_cache_get (cache, cal);
  assert_time (gantry_workcal_add (b, mon, DAY_MS), T (2025, 4, 15, 17, 0));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/workcal/matches-resolve-day", test_matches_resolve_day);
  g_test_add_func ("/engine/workcal/round-trip", test_arithmetic_round_trip);
  g_test_add_func ("/engine/workcal/24-hours", test_twenty_four_hours);
  g_test_add_func ("/engine/workcal/intersection", test_intersection);
  g_test_add_func ("/engine/workcal/no-working-time", test_no_working_time);
  g_test_add_func ("/engine/workcal/cache-recompiles", test_cache_recompiles);
  return g_test_run ();
}
