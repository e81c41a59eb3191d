/* test-golden.c — the golden cases of reference §4, one test each
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * [C] cases: values MS Project stored in real files (reference §4).
 * [I] cases ("inferred"): values that follow from the documented rules.
 * Every expected value below is copied from the reference text.
 */
#include "config.h"

#include "engine-test-util.h"
#include "gantry-task-type.h"

/* ---- 4.1 durations: one task from Wed 2009-03-25 08:00 ----------------- */

static GantryTime
finish_of_one_task (GantryDuration dur, GantryDurationFormat fmt)
{
  g_autoptr (GantryProject) p = plan_new (T (2009, 3, 25, 8, 0));
  GantryTask *t = plan_task (p, NULL, "T", dur, fmt);

  schedule (p);
  assert_time (gantry_task_get_start (t), T (2009, 3, 25, 8, 0));
  return gantry_task_get_finish (t);
}

static void
test_c1_minute (void)
{
  assert_time (finish_of_one_task (MIN_MS, GANTRY_FORMAT_MINUTES), T (2009, 3, 25, 8, 1));
}

static void
test_c2_hour (void)
{
  assert_time (finish_of_one_task (HOUR_MS, GANTRY_FORMAT_HOURS), T (2009, 3, 25, 9, 0));
}

static void
test_c3_day (void)
{
  assert_time (finish_of_one_task (DAY_MS, GANTRY_FORMAT_DAYS), T (2009, 3, 25, 17, 0));
}

static void
test_c4_week (void)
{
  assert_time (finish_of_one_task (WEEK_MS, GANTRY_FORMAT_WEEKS), T (2009, 3, 31, 17, 0));
}

static void
test_c5_month (void)
{
  assert_time (finish_of_one_task (160 * HOUR_MS, GANTRY_FORMAT_MONTHS), T (2009, 4, 21, 17, 0));
}

static void
test_c6_elapsed_minute_hour (void)
{
  assert_time (finish_of_one_task (MIN_MS, GANTRY_FORMAT_ELAPSED_MINUTES), T (2009, 3, 25, 8, 1));
  assert_time (finish_of_one_task (HOUR_MS, GANTRY_FORMAT_ELAPSED_HOURS), T (2009, 3, 25, 9, 0));
}

static void
test_c7_elapsed_day (void)
{
  assert_time (finish_of_one_task (24 * HOUR_MS, GANTRY_FORMAT_ELAPSED_DAYS), T (2009, 3, 26, 8, 0));
}

static void
test_c8_elapsed_week (void)
{
  assert_time (finish_of_one_task (168 * HOUR_MS, GANTRY_FORMAT_ELAPSED_WEEKS), T (2009, 4, 1, 8, 0));
}

static void
test_c9_elapsed_month (void)
{
  assert_time (finish_of_one_task (720 * HOUR_MS, GANTRY_FORMAT_ELAPSED_MONTHS), T (2009, 4, 24, 8, 0));
}

static void
test_c10_start_off_sunday (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2004, 9, 12, 8, 0));
  GantryTask *t = plan_task (p, NULL, "T1", 80 * HOUR_MS, GANTRY_FORMAT_DAYS);

  schedule (p);
  assert_time (gantry_task_get_start (t), T (2004, 9, 13, 8, 0));
  assert_time (gantry_task_get_finish (t), T (2004, 9, 24, 17, 0));
  g_assert_cmpint (gantry_task_get_duration (t), ==, 80 * HOUR_MS);
}

/* ---- 4.2 links: pred 1d from Thu 2018-10-18 08:00 ----------------------- */

static GantryTask *
linked_pair (GantryProject **out, GantryLinkType type, gint64 lag, GantryDurationFormat fmt)
{
  GantryProject *p = plan_new (T (2018, 10, 18, 8, 0));
  GantryTask *a = plan_task (p, NULL, "Task 1", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "Task 2", DAY_MS, GANTRY_FORMAT_DAYS);

  plan_link (p, a, b, type, lag, fmt);
  schedule (p);
  assert_time (gantry_task_get_start (a), T (2018, 10, 18, 8, 0));
  assert_time (gantry_task_get_finish (a), T (2018, 10, 18, 17, 0));
  *out = p;
  return b;
}

static void
test_c11_fs_zero_lag (void)
{
  g_autoptr (GantryProject) p = NULL;
  GantryTask *b = linked_pair (&p, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);

  assert_time (gantry_task_get_start (b), T (2018, 10, 19, 8, 0));
  assert_time (gantry_task_get_finish (b), T (2018, 10, 19, 17, 0));
}

static void
test_c12_fs_1d (void)
{
  g_autoptr (GantryProject) p = NULL;
  GantryTask *b = linked_pair (&p, GANTRY_LINK_FS, 4800 * 6000LL, GANTRY_FORMAT_DAYS);

  assert_time (gantry_task_get_start (b), T (2018, 10, 22, 8, 0));
}

static void
test_c13_fs_2d (void)
{
  g_autoptr (GantryProject) p = NULL;
  GantryTask *b = linked_pair (&p, GANTRY_LINK_FS, 9600 * 6000LL, GANTRY_FORMAT_DAYS);

  assert_time (gantry_task_get_start (b), T (2018, 10, 23, 8, 0));
}

static void
test_c14_fs_1w (void)
{
  g_autoptr (GantryProject) p = NULL;
  GantryTask *b = linked_pair (&p, GANTRY_LINK_FS, 24000 * 6000LL, GANTRY_FORMAT_WEEKS);

  assert_time (gantry_task_get_start (b), T (2018, 10, 26, 8, 0));
}

static void
test_c15_fs_2w (void)
{
  g_autoptr (GantryProject) p = NULL;
  GantryTask *b = linked_pair (&p, GANTRY_LINK_FS, 48000 * 6000LL, GANTRY_FORMAT_WEEKS);

  assert_time (gantry_task_get_start (b), T (2018, 11, 2, 8, 0));
}

static void
test_c16_sf_2d (void)
{
  g_autoptr (GantryProject) p = NULL;
  GantryTask *b = linked_pair (&p, GANTRY_LINK_SF, 9600 * 6000LL, GANTRY_FORMAT_DAYS);

  assert_time (gantry_task_get_start (b), T (2018, 10, 19, 8, 0));
  assert_time (gantry_task_get_finish (b), T (2018, 10, 19, 17, 0));
}

static void
test_c17_ss_2d (void)
{
  g_autoptr (GantryProject) p = NULL;
  GantryTask *b = linked_pair (&p, GANTRY_LINK_SS, 9600 * 6000LL, GANTRY_FORMAT_DAYS);

  assert_time (gantry_task_get_start (b), T (2018, 10, 22, 8, 0));
}

static void
test_c18_ff_2d (void)
{
  g_autoptr (GantryProject) p = NULL;
  GantryTask *b = linked_pair (&p, GANTRY_LINK_FF, 9600 * 6000LL, GANTRY_FORMAT_DAYS);

  assert_time (gantry_task_get_start (b), T (2018, 10, 22, 8, 0));
  assert_time (gantry_task_get_finish (b), T (2018, 10, 22, 17, 0));
}

/* mspdirelations.xml (Project 2007): pred starting Fri 2006-09-22 08:00 */
static void
test_c19_ss_1d_over_weekend (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2006, 9, 22, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", DAY_MS, GANTRY_FORMAT_DAYS);

  plan_link (p, a, b, GANTRY_LINK_SS, DAY_MS, GANTRY_FORMAT_DAYS);
  schedule (p);
  assert_time (gantry_task_get_start (a), T (2006, 9, 22, 8, 0));
  assert_time (gantry_task_get_start (b), T (2006, 9, 25, 8, 0));
}

static void
test_c20_ff_zero (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2006, 9, 22, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", DAY_MS, GANTRY_FORMAT_DAYS);

  plan_link (p, a, b, GANTRY_LINK_FF, 0, GANTRY_FORMAT_DAYS);
  schedule (p);
  assert_time (gantry_task_get_finish (a), T (2006, 9, 25, 17, 0));
  assert_time (gantry_task_get_finish (b), T (2006, 9, 25, 17, 0));
}

static void
test_c21_sf_zero_quirk (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2006, 9, 22, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", DAY_MS, GANTRY_FORMAT_DAYS);

  gantry_task_set_constraint_type (a, GANTRY_CONSTRAINT_SNET);
  gantry_task_set_constraint_date (a, T (2006, 9, 25, 8, 0));
  plan_link (p, a, b, GANTRY_LINK_SF, 0, GANTRY_FORMAT_DAYS);
  schedule (p);
  assert_time (gantry_task_get_start (a), T (2006, 9, 25, 8, 0));
  assert_time (gantry_task_get_start (b), T (2006, 9, 22, 8, 0));
  assert_time (gantry_task_get_finish (b), T (2006, 9, 25, 8, 0));
  g_assert_cmpint (gantry_task_get_duration (b), ==, 8 * HOUR_MS);
  g_assert_cmpint (gantry_task_get_total_slack (b), ==, 4800 * 6000LL);
}

/* ---- 4.3 slack: the task-links-2019 plan --------------------------------- */

static GantryProject *
task_links_plan (GantryTask **tasks /* [17], by UID */)
{
  GantryProject *p = plan_new (T (2018, 10, 18, 8, 0));
  struct { GantryLinkType type; gint64 lag_tenths; GantryDurationFormat fmt; } pairs[] = {
    { GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS },
    { GANTRY_LINK_FS, 4800, GANTRY_FORMAT_DAYS },
    { GANTRY_LINK_FS, 9600, GANTRY_FORMAT_DAYS },
    { GANTRY_LINK_FS, 24000, GANTRY_FORMAT_WEEKS },
    { GANTRY_LINK_FS, 48000, GANTRY_FORMAT_WEEKS },
    { GANTRY_LINK_SF, 9600, GANTRY_FORMAT_DAYS },
    { GANTRY_LINK_SS, 9600, GANTRY_FORMAT_DAYS },
    { GANTRY_LINK_FF, 9600, GANTRY_FORMAT_DAYS },
  };
  guint k;

  tasks[0] = gantry_project_get_root_task (p);
  for (k = 0; k < G_N_ELEMENTS (pairs); k++)
    {
      tasks[2 * k + 1] = plan_task (p, NULL, "Task 1", DAY_MS, GANTRY_FORMAT_DAYS);
      tasks[2 * k + 2] = plan_task (p, NULL, "Task 2", DAY_MS, GANTRY_FORMAT_DAYS);
      plan_link (p, tasks[2 * k + 1], tasks[2 * k + 2], pairs[k].type,
                 pairs[k].lag_tenths * 6000, pairs[k].fmt);
    }
  schedule (p);
  return p;
}

static void
test_c22_slack_fs_pair (void)
{
  GantryTask *t[17];
  g_autoptr (GantryProject) p = task_links_plan (t);

  assert_time (gantry_task_get_finish (t[2]), T (2018, 10, 19, 17, 0));
  g_assert_cmpint (gantry_task_get_total_slack (t[2]), ==, 48000 * 6000LL);
  g_assert_cmpint (gantry_task_get_free_slack (t[2]), ==, 48000 * 6000LL);
  g_assert_false (gantry_task_get_critical (t[2]));
}

static void
test_c23_critical_chain (void)
{
  GantryTask *t[17];
  g_autoptr (GantryProject) p = task_links_plan (t);

  assert_time (gantry_task_get_finish (t[10]), T (2018, 11, 2, 17, 0));
  g_assert_cmpint (gantry_task_get_total_slack (t[9]), ==, 0);
  g_assert_cmpint (gantry_task_get_total_slack (t[10]), ==, 0);
  g_assert_true (gantry_task_get_critical (t[9]));
  g_assert_true (gantry_task_get_critical (t[10]));
}

static void
test_c24_project_summary_duration (void)
{
  GantryTask *t[17];
  g_autoptr (GantryProject) p = task_links_plan (t);

  assert_time (gantry_task_get_start (t[0]), T (2018, 10, 18, 8, 0));
  assert_time (gantry_task_get_finish (t[0]), T (2018, 11, 2, 17, 0));
  g_assert_cmpint (gantry_task_get_duration (t[0]), ==, 96 * HOUR_MS);
}

/* ---- 4.4 milestones ------------------------------------------------------ */

static void
test_c25_start_milestone (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2003, 1, 7, 8, 0));
  GantryTask *m = plan_task (p, NULL, "M", 0, GANTRY_FORMAT_DAYS);

  schedule (p);
  assert_time (gantry_task_get_start (m), T (2003, 1, 7, 8, 0));
  assert_time (gantry_task_get_finish (m), T (2003, 1, 7, 8, 0));
}

/* ---- 4.5 costs ------------------------------------------------------------ */

static void
test_c26_assignment_cost (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2009, 3, 2, 8, 0));
  GantryTask *t = plan_task (p, NULL, "T", 80 * HOUR_MS, GANTRY_FORMAT_HOURS);
  g_autoptr (GantryResource) r = gantry_resource_new (1, "R1");
  g_autoptr (GantryAssignment) a = NULL;

  gantry_resource_set_standard_rate (r, 50);
  gantry_resource_set_overtime_rate (r, 60);
  gantry_project_add_resource (p, -1, r);
  a = gantry_assignment_new (1, t, r, 1.0, 80 * HOUR_MS);
  gantry_assignment_set_overtime_work (a, 9 * HOUR_MS);
  g_assert_true (gantry_project_add_assignment (p, a));
  schedule (p);
  /* <Cost>409000</Cost> cents = 4090.00 */
  g_assert_cmpfloat_with_epsilon (gantry_task_get_cost (t), 4090.0, 0.001);
}

/* ---- [I] cases ------------------------------------------------------------ */

static void
test_i1_two_days_over_weekend (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 11, 8, 0));
  GantryTask *t = plan_task (p, NULL, "T", 2 * DAY_MS, GANTRY_FORMAT_DAYS);

  schedule (p);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 14, 17, 0));
}

static void
test_i2_two_and_half_days (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 10, 8, 0));
  GantryTask *t = plan_task (p, NULL, "T", 20 * HOUR_MS, GANTRY_FORMAT_DAYS);

  schedule (p);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 14, 12, 0));
}

static void
test_i3_half_day_then_fs (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", 4 * HOUR_MS, GANTRY_FORMAT_HOURS);
  GantryTask *b = plan_task (p, NULL, "B", DAY_MS, GANTRY_FORMAT_DAYS);

  plan_link (p, a, b, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  schedule (p);
  assert_time (gantry_task_get_finish (a), T (2025, 4, 14, 12, 0));
  assert_time (gantry_task_get_start (b), T (2025, 4, 14, 13, 0));
}

static void
test_i4_day_from_afternoon (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 13, 0));
  GantryTask *t = plan_task (p, NULL, "T", DAY_MS, GANTRY_FORMAT_DAYS);

  schedule (p);
  assert_time (gantry_task_get_start (t), T (2025, 4, 14, 13, 0));
  assert_time (gantry_task_get_finish (t), T (2025, 4, 15, 12, 0));
}

static void
test_i5_elapsed_over_weekend (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 11, 8, 0));
  GantryTask *t = plan_task (p, NULL, "T", 3 * EDAY_MS, GANTRY_FORMAT_ELAPSED_DAYS);

  schedule (p);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 14, 8, 0));
}

static void
test_i6_ten_hour_calendar (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 7, 0));
  g_autoptr (GantryCalendar) cal = gantry_calendar_new (2, "Ten hours");
  GantryDayDef work = { GANTRY_DAY_WORKING, 1, { { 7 * 60, 17 * 60 } } };
  GantryDayDef off = { GANTRY_DAY_NONWORKING, 0, { { 0, 0 } } };
  GantryTask *t;
  int wd;

  for (wd = 0; wd < 7; wd++)
    gantry_calendar_set_weekday (cal, wd, (wd >= 1 && wd <= 5) ? &work : &off);
  gantry_project_add_calendar (p, cal);
  gantry_project_set_calendar (p, cal);
  t = plan_task (p, NULL, "T", DAY_MS, GANTRY_FORMAT_DAYS);
  schedule (p);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 14, 15, 0));
}

static void
test_i7_negative_lag (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", 3 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", DAY_MS, GANTRY_FORMAT_DAYS);

  plan_link (p, a, b, GANTRY_LINK_FS, -4800 * 6000LL, GANTRY_FORMAT_DAYS);
  schedule (p);
  assert_time (gantry_task_get_start (b), T (2025, 4, 16, 8, 0));
}

static void
test_i8_elapsed_lag (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 11, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *c = plan_task (p, NULL, "C", DAY_MS, GANTRY_FORMAT_DAYS);

  plan_link (p, a, b, GANTRY_LINK_FS, 28800 * 6000LL, GANTRY_FORMAT_ELAPSED_DAYS);
  plan_link (p, a, c, GANTRY_LINK_FS, 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  schedule (p);
  assert_time (gantry_task_get_finish (a), T (2025, 4, 11, 17, 0));
  assert_time (gantry_task_get_start (b), T (2025, 4, 14, 8, 0));
  assert_time (gantry_task_get_start (c), T (2025, 4, 16, 8, 0));
}

static void
test_i9_percent_lag (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", 4 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", DAY_MS, GANTRY_FORMAT_DAYS);

  plan_link (p, a, b, GANTRY_LINK_FS, 50000, GANTRY_FORMAT_PERCENT);
  schedule (p);
  assert_time (gantry_task_get_finish (a), T (2025, 4, 17, 17, 0));
  assert_time (gantry_task_get_start (b), T (2025, 4, 22, 8, 0));
}

static void
test_i10_unlinked_slack (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", 5 * DAY_MS, GANTRY_FORMAT_DAYS);

  schedule (p);
  g_assert_cmpint (gantry_task_get_total_slack (a), ==, 14400 * 6000LL);
  g_assert_cmpint (gantry_task_get_free_slack (a), ==, 14400 * 6000LL);
  g_assert_false (gantry_task_get_critical (a));
  g_assert_cmpint (gantry_task_get_total_slack (b), ==, 0);
  g_assert_true (gantry_task_get_critical (b));
}

static gboolean
has_problem (GPtrArray *problems, GantryProblemKind kind, GantryTask *task)
{
  guint i, k;

  for (i = 0; i < problems->len; i++)
    {
      GantryProblem *pb = g_ptr_array_index (problems, i);
      if (pb->kind != kind)
        continue;
      if (task == NULL)
        return TRUE;
      for (k = 0; k < pb->tasks->len; k++)
        if (g_ptr_array_index (pb->tasks, k) == task)
          return TRUE;
    }
  return FALSE;
}

static void
test_i11_fnlt_beats_link (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", 5 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  g_autoptr (GPtrArray) problems = NULL;

  gantry_task_set_constraint_type (b, GANTRY_CONSTRAINT_FNLT);
  gantry_task_set_constraint_date (b, T (2025, 4, 18, 17, 0));
  plan_link (p, a, b, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  problems = gantry_schedule_project (p);
  assert_time (gantry_task_get_start (b), T (2025, 4, 17, 8, 0));
  assert_time (gantry_task_get_finish (b), T (2025, 4, 18, 17, 0));
  assert_time (gantry_task_get_late_finish (a), T (2025, 4, 17, 8, 0));
  g_assert_cmpint (gantry_task_get_total_slack (a), ==, -2 * DAY_MS);
  g_assert_true (gantry_task_get_critical (a));
  g_assert_true (has_problem (problems, GANTRY_PROBLEM_CONFLICT, b));
}

static void
test_i12_deadline (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *t = plan_task (p, NULL, "T", 5 * DAY_MS, GANTRY_FORMAT_DAYS);
  g_autoptr (GPtrArray) problems = NULL;

  gantry_task_set_deadline (t, T (2025, 4, 16, 17, 0));
  problems = gantry_schedule_project (p);
  assert_time (gantry_task_get_start (t), T (2025, 4, 14, 8, 0));
  assert_time (gantry_task_get_finish (t), T (2025, 4, 18, 17, 0));
  assert_time (gantry_task_get_late_finish (t), T (2025, 4, 16, 17, 0));
  g_assert_cmpint (gantry_task_get_total_slack (t), ==, -2 * DAY_MS);
  g_assert_true (gantry_task_get_critical (t));
  g_assert_true (has_problem (problems, GANTRY_PROBLEM_CONFLICT, t));
}

static void
test_i13_mso_beats_link (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", 4 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", DAY_MS, GANTRY_FORMAT_DAYS);

  gantry_task_set_constraint_type (b, GANTRY_CONSTRAINT_MSO);
  gantry_task_set_constraint_date (b, T (2025, 4, 16, 8, 0));
  plan_link (p, a, b, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  schedule (p);
  assert_time (gantry_task_get_finish (a), T (2025, 4, 17, 17, 0));
  assert_time (gantry_task_get_start (b), T (2025, 4, 16, 8, 0));
  g_assert_cmpint (gantry_task_get_total_slack (a), ==, -2 * DAY_MS);
}

static void
test_i14_alap (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *t = plan_task (p, NULL, "ALAP", DAY_MS, GANTRY_FORMAT_DAYS);

  plan_task (p, NULL, "Long", 5 * DAY_MS, GANTRY_FORMAT_DAYS);
  gantry_task_set_constraint_type (t, GANTRY_CONSTRAINT_ALAP);
  schedule (p);
  assert_time (gantry_task_get_start (t), T (2025, 4, 18, 8, 0));
  assert_time (gantry_task_get_finish (t), T (2025, 4, 18, 17, 0));
}

static void
test_i15_summary_rollup (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *s = plan_task (p, NULL, "S", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *a = plan_task (p, s, "A", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, s, "B", 3 * DAY_MS, GANTRY_FORMAT_DAYS);

  plan_link (p, a, b, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  schedule (p);
  assert_time (gantry_task_get_start (b), T (2025, 4, 16, 8, 0));
  assert_time (gantry_task_get_start (s), T (2025, 4, 14, 8, 0));
  assert_time (gantry_task_get_finish (s), T (2025, 4, 18, 17, 0));
  g_assert_cmpint (gantry_task_get_duration (s), ==, 40 * HOUR_MS);
}

static void
test_i16_snet_saturday (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *t = plan_task (p, NULL, "T", DAY_MS, GANTRY_FORMAT_DAYS);

  gantry_task_set_constraint_type (t, GANTRY_CONSTRAINT_SNET);
  gantry_task_set_constraint_date (t, T (2025, 4, 19, 8, 0));
  schedule (p);
  assert_time (gantry_task_get_start (t), T (2025, 4, 21, 8, 0));
}

static void
test_i17_i18_finish_milestone (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 18, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *m = plan_task (p, NULL, "M", 0, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", DAY_MS, GANTRY_FORMAT_DAYS);

  plan_link (p, a, m, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  plan_link (p, m, b, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  schedule (p);
  assert_time (gantry_task_get_finish (a), T (2025, 4, 18, 17, 0));
  assert_time (gantry_task_get_start (m), T (2025, 4, 18, 17, 0));
  assert_time (gantry_task_get_finish (m), T (2025, 4, 18, 17, 0));
  assert_time (gantry_task_get_start (b), T (2025, 4, 21, 8, 0));
}

static GantryResource *
add_resource (GantryProject *p, int uid)
{
  GantryResource *r = gantry_resource_new (uid, "R");

  gantry_resource_set_resource_type (r, GANTRY_RESOURCE_WORK);
  gantry_resource_set_max_units (r, 1.0);
  g_assert_true (gantry_project_add_resource (p, -1, r));
  g_object_unref (r);
  return r;
}

static void
test_i19_fixed_units_work (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *t = plan_task (p, NULL, "T", 5 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryResource *r1 = add_resource (p, 1);

  gantry_assign_resource (p, t, r1, 1.0);
  g_assert_cmpint (gantry_task_get_work (t), ==, 40 * HOUR_MS);
}

static void
test_i20_effort_driven_add (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *t = plan_task (p, NULL, "T", 5 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryResource *r1 = add_resource (p, 1), *r2 = add_resource (p, 2);
  GPtrArray *as;
  guint k;

  gantry_task_set_effort_driven (t, TRUE);
  gantry_assign_resource (p, t, r1, 1.0);
  gantry_assign_resource (p, t, r2, 1.0);
  schedule (p);
  g_assert_cmpint (gantry_task_get_work (t), ==, 40 * HOUR_MS);
  as = gantry_task_get_assignments (t);
  g_assert_cmpuint (as->len, ==, 2);
  for (k = 0; k < as->len; k++)
    g_assert_cmpint (gantry_assignment_get_work (g_ptr_array_index (as, k)), ==, 20 * HOUR_MS);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 20 * HOUR_MS);
  assert_time (gantry_task_get_start (t), T (2025, 4, 14, 8, 0));
  assert_time (gantry_task_get_finish (t), T (2025, 4, 16, 12, 0));
}

static void
test_i21_half_units (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *t = plan_task (p, NULL, "T", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryResource *r1 = add_resource (p, 1);
  g_autoptr (GantryAssignment) a = gantry_assignment_new (1, t, r1, 0.5, 16 * HOUR_MS);

  g_assert_true (gantry_project_add_assignment (p, a));
  schedule (p);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 4 * DAY_MS);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 17, 17, 0));
}

static void
test_i22_fixed_duration_effort_driven (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *t = plan_task (p, NULL, "T", 3 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryResource *r1 = add_resource (p, 1), *r2 = add_resource (p, 2);
  GPtrArray *as;
  guint k;

  gantry_task_set_task_type (t, GANTRY_TASK_FIXED_DURATION);
  gantry_task_set_effort_driven (t, TRUE);
  gantry_assign_resource (p, t, r1, 1.0);
  gantry_assign_resource (p, t, r2, 1.0);
  schedule (p);
  as = gantry_task_get_assignments (t);
  g_assert_cmpuint (as->len, ==, 2);
  for (k = 0; k < as->len; k++)
    g_assert_cmpfloat_with_epsilon (gantry_assignment_get_units (g_ptr_array_index (as, k)), 0.5, 1e-9);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 3 * DAY_MS);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 16, 17, 0));
}

static void
test_i23_resource_holiday (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 11, 8, 0));
  GantryTask *t = plan_task (p, NULL, "T", 4 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryResource *r1 = add_resource (p, 1);
  g_autoptr (GantryCalendar) rc = gantry_calendar_new (2, "R1");
  GantryCalendarException ex = { 0 };
  g_autoptr (GantryAssignment) a = NULL;

  gantry_calendar_set_base (rc, gantry_project_get_calendar (p));
  ex.name = (char *) "Off";
  ex.from_day = ex.to_day = gantry_time_day_number (T (2025, 4, 14, 0, 0));
  ex.recurrence = GANTRY_RECUR_NONE;
  ex.period = 1;
  ex.day.kind = GANTRY_DAY_NONWORKING;
  gantry_calendar_add_exception (rc, &ex);
  gantry_project_add_calendar (p, rc);
  gantry_resource_set_calendar (r1, rc);
  a = gantry_assignment_new (1, t, r1, 1.0, 32 * HOUR_MS);
  g_assert_true (gantry_project_add_assignment (p, a));
  schedule (p);
  assert_time (gantry_task_get_start (t), T (2025, 4, 11, 8, 0));
  assert_time (gantry_task_get_finish (t), T (2025, 4, 17, 17, 0));
}

static void
test_i24_half_complete (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *t = plan_task (p, NULL, "T", 4 * DAY_MS, GANTRY_FORMAT_DAYS);

  schedule (p);
  gantry_set_percent_complete (p, t, 50);
  schedule (p);
  assert_time (gantry_task_get_actual_start (t), T (2025, 4, 14, 8, 0));
  g_assert_cmpint (gantry_task_get_actual_duration (t), ==, 2 * DAY_MS);
  g_assert_cmpint (gantry_task_get_remaining_duration (t), ==, 2 * DAY_MS);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 17, 17, 0));
}

static void
test_i25_complete (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *t = plan_task (p, NULL, "T", 4 * DAY_MS, GANTRY_FORMAT_DAYS);

  schedule (p);
  gantry_set_percent_complete (p, t, 100);
  schedule (p);
  assert_time (gantry_task_get_actual_finish (t), T (2025, 4, 17, 17, 0));
  assert_time (gantry_task_get_finish (t), T (2025, 4, 17, 17, 0));
  g_assert_false (gantry_task_get_critical (t));
}

/* ---- project options (reference §2.5, §2.6, §2.11) ----------------------- */

static void
test_option_honor_constraints_off (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", 5 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", 2 * DAY_MS, GANTRY_FORMAT_DAYS);

  g_object_set (p, "honor-constraints", FALSE, NULL);
  gantry_task_set_constraint_type (b, GANTRY_CONSTRAINT_FNLT);
  gantry_task_set_constraint_date (b, T (2025, 4, 18, 17, 0));
  plan_link (p, a, b, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  schedule (p);
  /* links win over FNLT when constraints are not honoured */
  assert_time (gantry_task_get_start (b), T (2025, 4, 21, 8, 0));
  assert_time (gantry_task_get_finish (b), T (2025, 4, 22, 17, 0));
}

static void
test_option_critical_slack_limit (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *c = plan_task (p, NULL, "C", 1 * DAY_MS, GANTRY_FORMAT_DAYS);

  plan_task (p, NULL, "B", 5 * DAY_MS, GANTRY_FORMAT_DAYS);
  g_object_set (p, "critical-slack-limit", 3, NULL);
  schedule (p);
  /* TS 3d <= 3d: critical; TS 4d: not */
  g_assert_true (gantry_task_get_critical (a));
  g_assert_false (gantry_task_get_critical (c));
}

static void
test_option_multiple_critical_paths (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", 5 * DAY_MS, GANTRY_FORMAT_DAYS);

  g_object_set (p, "multiple-critical-paths", TRUE, NULL);
  schedule (p);
  /* every task without successors ends its own critical path */
  assert_time (gantry_task_get_late_finish (a), T (2025, 4, 15, 17, 0));
  g_assert_cmpint (gantry_task_get_total_slack (a), ==, 0);
  g_assert_true (gantry_task_get_critical (a));
  g_assert_true (gantry_task_get_critical (b));
}

static void
test_option_schedule_from_finish (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 1, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", DAY_MS, GANTRY_FORMAT_DAYS);

  gantry_project_set_schedule_from_start (p, FALSE);
  gantry_project_set_finish (p, T (2025, 4, 18, 17, 0));
  gantry_task_set_constraint_type (a, GANTRY_CONSTRAINT_ALAP);
  gantry_task_set_constraint_type (b, GANTRY_CONSTRAINT_ALAP);
  plan_link (p, a, b, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  schedule (p);
  /* backward from the project finish: B on Fri, A Wed-Thu */
  assert_time (gantry_task_get_start (b), T (2025, 4, 18, 8, 0));
  assert_time (gantry_task_get_finish (b), T (2025, 4, 18, 17, 0));
  assert_time (gantry_task_get_start (a), T (2025, 4, 16, 8, 0));
  assert_time (gantry_task_get_finish (a), T (2025, 4, 17, 17, 0));
  g_assert_true (gantry_task_get_critical (a));
}

/* Reference §2.2: task calendar with resources = their common working
 * time, unless IgnoreResourceCalendar. */
static void
test_calendar_task_resource_intersection (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  g_autoptr (GantryCalendar) afternoons = gantry_calendar_new (3, "Afternoons");
  g_autoptr (GantryCalendar) rc = gantry_calendar_new (4, "Mornings and evenings");
  GantryDayDef pm = { GANTRY_DAY_WORKING, 1, { { 13 * 60, 19 * 60 } } };
  GantryDayDef r_day = { GANTRY_DAY_WORKING, 2, { { 8 * 60, 12 * 60 }, { 15 * 60, 19 * 60 } } };
  GantryDayDef off = { GANTRY_DAY_NONWORKING, 0, { { 0, 0 } } };
  GantryTask *t1 = plan_task (p, NULL, "Both", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *t2 = plan_task (p, NULL, "Ignore", DAY_MS, GANTRY_FORMAT_DAYS);
  g_autoptr (GantryResource) r = gantry_resource_new (1, "R");
  g_autoptr (GantryAssignment) a1 = NULL, a2 = NULL;
  int wd;

  for (wd = 0; wd < 7; wd++)
    {
      gantry_calendar_set_weekday (afternoons, wd, (wd >= 1 && wd <= 5) ? &pm : &off);
      gantry_calendar_set_weekday (rc, wd, (wd >= 1 && wd <= 5) ? &r_day : &off);
    }
  gantry_project_add_calendar (p, afternoons);
  gantry_project_add_calendar (p, rc);
  gantry_resource_set_calendar (r, rc);
  gantry_project_add_resource (p, -1, r);
  gantry_task_set_calendar (t1, afternoons);
  gantry_task_set_calendar (t2, afternoons);
  gantry_task_set_ignore_resource_calendar (t2, TRUE);
  a1 = gantry_assignment_new (1, t1, r, 1.0, 8 * HOUR_MS);
  a2 = gantry_assignment_new (2, t2, r, 1.0, 8 * HOUR_MS);
  gantry_project_add_assignment (p, a1);
  gantry_project_add_assignment (p, a2);
  schedule (p);
  /* common time 15:00-19:00: 8 h = Mon and Tue afternoons */
  assert_time (gantry_task_get_start (t1), T (2025, 4, 14, 15, 0));
  assert_time (gantry_task_get_finish (t1), T (2025, 4, 15, 19, 0));
  assert_time (gantry_assignment_get_finish (a1), T (2025, 4, 15, 19, 0));
  /* the task calendar alone: 13:00-19:00, 6 h + 2 h */
  assert_time (gantry_task_get_start (t2), T (2025, 4, 14, 13, 0));
  assert_time (gantry_task_get_finish (t2), T (2025, 4, 15, 15, 0));
}

/* Leveling delay is elapsed time before the start (reference §1.2,
 * §1.5.2), after the links. */
static void
test_rule_leveling_delay (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", DAY_MS, GANTRY_FORMAT_DAYS);

  gantry_task_set_leveling_delay (b, 2 * EDAY_MS);
  gantry_task_set_leveling_delay_format (b, GANTRY_FORMAT_ELAPSED_DAYS);
  plan_link (p, a, b, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  schedule (p);
  assert_time (gantry_task_get_start (b), T (2025, 4, 17, 8, 0));
}

/* Manually scheduled tasks keep their dates; a manual summary too, while
 * an automatic summary rolls up (reference §1.5.1, §2.7). */
static void
test_rule_manual_tasks (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *ms = plan_task (p, NULL, "Manual summary", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *a = plan_task (p, ms, "A", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *m = plan_task (p, NULL, "Manual", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", DAY_MS, GANTRY_FORMAT_DAYS);

  gantry_task_set_manual (ms, TRUE);
  gantry_task_set_start (ms, T (2025, 4, 21, 8, 0));
  gantry_task_set_finish (ms, T (2025, 4, 25, 17, 0));
  gantry_task_set_manual (m, TRUE);
  gantry_task_set_start (m, T (2025, 4, 16, 8, 0));
  gantry_task_set_finish (m, T (2025, 4, 16, 17, 0));
  plan_link (p, m, b, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  schedule (p);
  assert_time (gantry_task_get_start (a), T (2025, 4, 14, 8, 0));
  assert_time (gantry_task_get_start (ms), T (2025, 4, 21, 8, 0));
  assert_time (gantry_task_get_finish (ms), T (2025, 4, 25, 17, 0));
  assert_time (gantry_task_get_start (m), T (2025, 4, 16, 8, 0));
  assert_time (gantry_task_get_start (b), T (2025, 4, 17, 8, 0));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/golden/C1-1m", test_c1_minute);
  g_test_add_func ("/engine/golden/C2-1h", test_c2_hour);
  g_test_add_func ("/engine/golden/C3-1d", test_c3_day);
  g_test_add_func ("/engine/golden/C4-1w", test_c4_week);
  g_test_add_func ("/engine/golden/C5-1mo", test_c5_month);
  g_test_add_func ("/engine/golden/C6-1em-1eh", test_c6_elapsed_minute_hour);
  g_test_add_func ("/engine/golden/C7-1ed", test_c7_elapsed_day);
  g_test_add_func ("/engine/golden/C8-1ew", test_c8_elapsed_week);
  g_test_add_func ("/engine/golden/C9-1emo", test_c9_elapsed_month);
  g_test_add_func ("/engine/golden/C10-start-off-sunday", test_c10_start_off_sunday);
  g_test_add_func ("/engine/golden/C11-fs-zero-lag", test_c11_fs_zero_lag);
  g_test_add_func ("/engine/golden/C12-fs-1d", test_c12_fs_1d);
  g_test_add_func ("/engine/golden/C13-fs-2d", test_c13_fs_2d);
  g_test_add_func ("/engine/golden/C14-fs-1w", test_c14_fs_1w);
  g_test_add_func ("/engine/golden/C15-fs-2w", test_c15_fs_2w);
  g_test_add_func ("/engine/golden/C16-sf-2d", test_c16_sf_2d);
  g_test_add_func ("/engine/golden/C17-ss-2d", test_c17_ss_2d);
  g_test_add_func ("/engine/golden/C18-ff-2d", test_c18_ff_2d);
  g_test_add_func ("/engine/golden/C19-ss-1d-weekend", test_c19_ss_1d_over_weekend);
  g_test_add_func ("/engine/golden/C20-ff-zero", test_c20_ff_zero);
  g_test_add_func ("/engine/golden/C21-sf-zero-quirk", test_c21_sf_zero_quirk);
  g_test_add_func ("/engine/golden/C22-slack-fs-pair", test_c22_slack_fs_pair);
  g_test_add_func ("/engine/golden/C23-critical-chain", test_c23_critical_chain);
  g_test_add_func ("/engine/golden/C24-project-summary-duration", test_c24_project_summary_duration);
  g_test_add_func ("/engine/golden/C25-start-milestone", test_c25_start_milestone);
  g_test_add_func ("/engine/golden/C26-assignment-cost", test_c26_assignment_cost);

  g_test_add_func ("/engine/golden/inferred/I1-2d-over-weekend", test_i1_two_days_over_weekend);
  g_test_add_func ("/engine/golden/inferred/I2-2.5d", test_i2_two_and_half_days);
  g_test_add_func ("/engine/golden/inferred/I3-4h-then-fs", test_i3_half_day_then_fs);
  g_test_add_func ("/engine/golden/inferred/I4-1d-from-13h", test_i4_day_from_afternoon);
  g_test_add_func ("/engine/golden/inferred/I5-3ed-weekend", test_i5_elapsed_over_weekend);
  g_test_add_func ("/engine/golden/inferred/I6-10h-calendar", test_i6_ten_hour_calendar);
  g_test_add_func ("/engine/golden/inferred/I7-negative-lag", test_i7_negative_lag);
  g_test_add_func ("/engine/golden/inferred/I8-elapsed-lag", test_i8_elapsed_lag);
  g_test_add_func ("/engine/golden/inferred/I9-percent-lag", test_i9_percent_lag);
  g_test_add_func ("/engine/golden/inferred/I10-unlinked-slack", test_i10_unlinked_slack);
  g_test_add_func ("/engine/golden/inferred/I11-fnlt-beats-link", test_i11_fnlt_beats_link);
  g_test_add_func ("/engine/golden/inferred/I12-deadline", test_i12_deadline);
  g_test_add_func ("/engine/golden/inferred/I13-mso-beats-link", test_i13_mso_beats_link);
  g_test_add_func ("/engine/golden/inferred/I14-alap", test_i14_alap);
  g_test_add_func ("/engine/golden/inferred/I15-summary-rollup", test_i15_summary_rollup);
  g_test_add_func ("/engine/golden/inferred/I16-snet-saturday", test_i16_snet_saturday);
  g_test_add_func ("/engine/golden/inferred/I17-I18-finish-milestone", test_i17_i18_finish_milestone);
  g_test_add_func ("/engine/golden/inferred/I19-fixed-units-work", test_i19_fixed_units_work);
  g_test_add_func ("/engine/golden/inferred/I20-effort-driven-add", test_i20_effort_driven_add);
  g_test_add_func ("/engine/golden/inferred/I21-half-units", test_i21_half_units);
  g_test_add_func ("/engine/golden/inferred/I22-fixed-duration-effort", test_i22_fixed_duration_effort_driven);
  g_test_add_func ("/engine/golden/inferred/I23-resource-holiday", test_i23_resource_holiday);
  g_test_add_func ("/engine/golden/inferred/I24-half-complete", test_i24_half_complete);
  g_test_add_func ("/engine/golden/inferred/I25-complete", test_i25_complete);

  g_test_add_func ("/engine/calendars/task-resource-intersection",
                   test_calendar_task_resource_intersection);
  g_test_add_func ("/engine/rules/leveling-delay", test_rule_leveling_delay);
  g_test_add_func ("/engine/rules/manual-tasks", test_rule_manual_tasks);
  g_test_add_func ("/engine/options/honor-constraints-off", test_option_honor_constraints_off);
  g_test_add_func ("/engine/options/critical-slack-limit", test_option_critical_slack_limit);
  g_test_add_func ("/engine/options/multiple-critical-paths", test_option_multiple_critical_paths);
  g_test_add_func ("/engine/options/schedule-from-finish", test_option_schedule_from_finish);

  return g_test_run ();
}
