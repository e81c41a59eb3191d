/* test-robust.c — bad input never crashes, hangs or overflows the engine
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "engine-test-util.h"
#include "gantry-workcal.h"

static void
assert_sane (GantryProject *p)
{
  GPtrArray *all = gantry_project_get_all_tasks (p);
  guint i;

  for (i = 0; i < all->len; i++)
    {
      GantryTask *t = g_ptr_array_index (all, i);
      GantryTime s = gantry_task_get_start (t), f = gantry_task_get_finish (t);

      g_assert_cmpint (s, !=, GANTRY_TIME_NONE);
      g_assert_cmpint (f, !=, GANTRY_TIME_NONE);
      g_assert_cmpint (s, >=, GANTRY_TIME_MIN);
      g_assert_cmpint (f, <=, GANTRY_TIME_MAX);
    }
}

static gboolean
has_kind (GPtrArray *problems, GantryProblemKind kind, GantryTask *task)
{
  guint i, k;

  for (i = 0; i < problems->len; i++)
    {
      GantryProblem *pb = g_ptr_array_index (problems, i);
      if (pb->kind != kind)
        continue;
      for (k = 0; k < pb->tasks->len; k++)
        if (g_ptr_array_index (pb->tasks, k) == task)
          return TRUE;
    }
  return FALSE;
}

/* Durations and lags of absurd size (a damaged file) are bounded. */
static void
test_huge_values (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *a = plan_task (p, NULL, "Huge", G_MAXINT64 / 2, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "Huge elapsed", G_MAXINT64 - 1, GANTRY_FORMAT_ELAPSED_DAYS);
  GantryTask *c = plan_task (p, NULL, "Lagged", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *d = plan_task (p, NULL, "Lead", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *e = plan_task (p, NULL, "Percent", DAY_MS, GANTRY_FORMAT_DAYS);
  g_autoptr (GPtrArray) problems = NULL;

  plan_link (p, a, c, GANTRY_LINK_FS, G_MAXINT64 / 3, GANTRY_FORMAT_DAYS);
  plan_link (p, b, d, GANTRY_LINK_SS, G_MININT64 / 3, GANTRY_FORMAT_ELAPSED_DAYS);
  plan_link (p, a, e, GANTRY_LINK_FF, G_MAXINT64 / 5, GANTRY_FORMAT_PERCENT);
  problems = gantry_schedule_project (p);
  assert_sane (p);
  /* the successor of a task running past year 9999 is reported, not lost */
  g_assert_true (has_kind (problems, GANTRY_PROBLEM_NO_WORKING_TIME, c)
                 || has_kind (problems, GANTRY_PROBLEM_NO_WORKING_TIME, a));
}

/* Dates outside years 1..9999 and enum values out of range. */
static void
test_out_of_range_fields (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *c = plan_task (p, NULL, "C", DAY_MS, GANTRY_FORMAT_DAYS);

  gantry_task_set_constraint_type (a, GANTRY_CONSTRAINT_MSO);
  gantry_task_set_constraint_date (a, G_MAXINT64 - 5);
  gantry_task_set_constraint_type (b, GANTRY_CONSTRAINT_FNLT);
  gantry_task_set_constraint_date (b, G_MININT64 + 5);
  gantry_task_set_deadline (c, G_MININT64 + 7);
  schedule (p);
  assert_sane (p);
  assert_time (gantry_task_get_start (c), T (2025, 4, 14, 8, 0));
}

/* Calendars with ranges out of order, overlapping, past midnight or
 * empty, and exceptions with a zero period or reversed dates. */
static void
test_broken_calendar (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  g_autoptr (GantryCalendar) cal = gantry_calendar_new (5, "Broken");
  g_autoptr (GantryWorkCal) wc = NULL;
  GantryDayDef bad = { GANTRY_DAY_WORKING, 5,
                       { { 900, 600 }, { 480, 720 }, { 700, 800 }, { 1000, 5000 }, { -50, 10 } } };
  GantryCalendarException ex = { 0 };
  GantryTask *t;
  int wd;

  for (wd = 0; wd < 7; wd++)
    gantry_calendar_set_weekday (cal, wd, &bad);
  ex.from_day = gantry_time_day_number (T (2025, 5, 1, 0, 0));
  ex.to_day = gantry_time_day_number (T (2025, 4, 1, 0, 0));   /* reversed */
  ex.recurrence = GANTRY_RECUR_DAILY;
  ex.period = 0;
  ex.day.kind = GANTRY_DAY_NONWORKING;
  gantry_calendar_add_exception (cal, &ex);
  ex.from_day = gantry_time_day_number (T (2025, 4, 20, 0, 0));
  ex.to_day = G_MAXINT64 / 4;                                    /* "forever" */
  ex.recurrence = GANTRY_RECUR_WEEKLY;
  ex.days_of_week = 0;
  ex.period = -3;
  gantry_calendar_add_exception (cal, &ex);

  wc = gantry_workcal_compile (cal);
  g_assert_true (gantry_workcal_has_work_after (wc, T (2025, 4, 14, 0, 0)));
  gantry_project_add_calendar (p, cal);
  gantry_project_set_calendar (p, cal);
  t = plan_task (p, NULL, "T", 5 * DAY_MS, GANTRY_FORMAT_DAYS);
  schedule (p);
  assert_sane (p);
  g_assert_cmpint (gantry_workcal_work_between (wc, gantry_task_get_start (t),
                                                gantry_task_get_finish (t)), ==, 5 * DAY_MS);
}

/* A project without a start, a calendar or tasks. */
static void
test_empty_and_unset (void)
{
  g_autoptr (GantryProject) p = gantry_project_new ();
  g_autoptr (GPtrArray) problems = gantry_schedule_project (p);
  GantryTask *t;

  g_assert_cmpuint (problems->len, ==, 0);
  t = plan_task (p, NULL, "T", DAY_MS, GANTRY_FORMAT_DAYS);
  schedule (p);
  assert_sane (p);
  g_assert_cmpint (gantry_task_get_finish (t), >, gantry_task_get_start (t));
}

/* An assignment with (nearly) zero units does not divide by zero. */
static void
test_tiny_units (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *t = plan_task (p, NULL, "T", DAY_MS, GANTRY_FORMAT_DAYS);
  g_autoptr (GantryResource) r = gantry_resource_new (1, "R");
  g_autoptr (GantryAssignment) a = NULL;

  gantry_project_add_resource (p, -1, r);
  a = gantry_assignment_new (1, t, r, 1e-300, 8 * HOUR_MS);
  gantry_project_add_assignment (p, a);
  schedule (p);
  assert_sane (p);
}

/* A long dense cycle (every task linked to the next and the last to the
 * first) is reported once, quickly, and the rest still schedules. */
static void
test_big_cycle (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  g_autoptr (GPtrArray) problems = NULL;
  GantryTask *tasks[2000], *free_task;
  guint i, n_cycles = 0;

  for (i = 0; i < G_N_ELEMENTS (tasks); i++)
    {
      tasks[i] = plan_task (p, NULL, "C", DAY_MS, GANTRY_FORMAT_DAYS);
      if (i > 0)
        plan_link (p, tasks[i - 1], tasks[i], GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
    }
  plan_link (p, tasks[G_N_ELEMENTS (tasks) - 1], tasks[0], GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  free_task = plan_task (p, NULL, "Free", DAY_MS, GANTRY_FORMAT_DAYS);
  problems = gantry_schedule_project (p);
  for (i = 0; i < problems->len; i++)
    {
      GantryProblem *pb = g_ptr_array_index (problems, i);
      if (pb->kind == GANTRY_PROBLEM_CYCLE)
        {
          n_cycles++;
          g_assert_cmpuint (pb->tasks->len, ==, G_N_ELEMENTS (tasks));
        }
    }
  g_assert_cmpuint (n_cycles, ==, 1);
  assert_sane (p);
  assert_time (gantry_task_get_finish (free_task), T (2025, 4, 14, 17, 0));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/robust/huge-values", test_huge_values);
  g_test_add_func ("/engine/robust/out-of-range-fields", test_out_of_range_fields);
  g_test_add_func ("/engine/robust/broken-calendar", test_broken_calendar);
  g_test_add_func ("/engine/robust/empty-and-unset", test_empty_and_unset);
  g_test_add_func ("/engine/robust/tiny-units", test_tiny_units);
  g_test_add_func ("/engine/robust/big-cycle", test_big_cycle);
  return g_test_run ();
}
