/* test-contour.c — assignment work contours stretch resource-driven tasks
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Golden values:
 * - Microsoft documents that a contour divides the assignment's duration
 *   into 10 segments, each a percentage of the resource's units; its
 *   Back Loaded example is 10, 15, 25, 50, 50, 75, 75, 100, 100, 100.
 * - MS Project stretched 40 h of Turtle work at 100 % to 57.14 h
 *   (corpus mspdiresource.xml, task 3: Start 2006-08-30T08:00:00,
 *   Finish 2006-09-08T09:08:24, Duration PT57H8M24S).
 * - In MS Project an Early Peak contour spreads a 40 h, 5-day fixed-work
 *   assignment over 10 days.
 * - A fixed-duration task keeps its duration under a contour (Project's
 *   own advice: use Fixed Duration to contour without lengthening).
 */
#include "config.h"

#include "engine-test-util.h"
#include "gantry-mspdi.h"
#include "gantry-task-type.h"

/* A fixed-units task with one 100 % assignment of 40 h, starting Monday
 * 2025-04-14 08:00 on the Standard calendar. */
static GantryAssignment *
contoured_task (GantryProject *p, GantryTaskType type, int contour, GantryTask **task_out)
{
  GantryTask *t = plan_task (p, NULL, "Contoured", 40 * HOUR_MS, GANTRY_FORMAT_HOURS);
  g_autoptr (GantryResource) r = gantry_resource_new (1, "Jamie");
  g_autoptr (GantryAssignment) a = NULL;

  gantry_task_set_task_type (t, type);
  gantry_task_set_work (t, 40 * HOUR_MS);
  gantry_project_add_resource (p, -1, r);
  a = gantry_assignment_new (1, t, r, 1.0, 40 * HOUR_MS);
  gantry_assignment_set_work_contour (a, contour);
  g_assert_true (gantry_project_add_assignment (p, a));
  *task_out = t;
  return a;
}

static void
test_tables (void)
{
  static const guint back_loaded[10] = { 10, 15, 25, 50, 50, 75, 75, 100, 100, 100 };
  guint k;
  int c;

  for (k = 0; k < 10; k++)
    {
      g_assert_cmpuint (gantry_work_contour_percent (1, k), ==, back_loaded[k]);
      /* Front Loaded is Back Loaded reversed; Flat is 100 % throughout */
      g_assert_cmpuint (gantry_work_contour_percent (2, k), ==, back_loaded[9 - k]);
      g_assert_cmpuint (gantry_work_contour_percent (0, k), ==, 100);
    }
  /* 40 h of Turtle took MS Project 57.14 h: an average of 70 % */
  g_assert_cmpfloat_with_epsilon (gantry_work_contour_average (7), 0.7, 1e-9);
  /* 40 h of Early Peak took 10 days (80 h): 50 % */
  g_assert_cmpfloat_with_epsilon (gantry_work_contour_average (4), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (gantry_work_contour_average (1), 0.6, 1e-9);
  /* every predefined shape peaks at the full units and never exceeds it */
  for (c = 1; c <= 7; c++)
    {
      guint max = 0;
      for (k = 0; k < 10; k++)
        max = MAX (max, gantry_work_contour_percent (c, k));
      g_assert_cmpuint (max, ==, 100);
    }
  /* bad values from a damaged file count as Flat */
  g_assert_cmpfloat (gantry_work_contour_average (-3), ==, 1.0);
  g_assert_cmpfloat (gantry_work_contour_average (99), ==, 1.0);
  g_assert_cmpuint (gantry_work_contour_percent (42, 0), ==, 100);
}

static void
test_flat_unchanged (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *t;

  contoured_task (p, GANTRY_TASK_FIXED_UNITS, 0, &t);
  schedule (p);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 18, 17, 0));
  g_assert_cmpint (gantry_task_get_duration (t), ==, 40 * HOUR_MS);
}

static void
test_early_peak_ten_days (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *t;
  GantryAssignment *a = contoured_task (p, GANTRY_TASK_FIXED_WORK, 4, &t);

  schedule (p);
  assert_time (gantry_task_get_start (t), T (2025, 4, 14, 8, 0));
  /* 10 working days: Mon 14 – Fri 25 April */
  assert_time (gantry_task_get_finish (t), T (2025, 4, 25, 17, 0));
  g_assert_cmpint (gantry_task_get_duration (t), ==, 80 * HOUR_MS);
  assert_time (gantry_assignment_get_finish (a), T (2025, 4, 25, 17, 0));
  /* the work is what was assigned: the contour spreads it, no more */
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 40 * HOUR_MS);
}

static void
test_fixed_duration_keeps_duration (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *t;

  contoured_task (p, GANTRY_TASK_FIXED_DURATION, 7, &t);
  schedule (p);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 18, 17, 0));
  g_assert_cmpint (gantry_task_get_duration (t), ==, 40 * HOUR_MS);
}

/* Changing the contour of a scheduled plan moves the task on the next
 * pass (the scheduler re-reads the edited assignment), and a successor
 * follows. */
static void
test_contour_edit_reschedules (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  g_autoptr (GantryScheduler) s = gantry_scheduler_new (p);
  GantryTask *t, *next;
  GantryAssignment *a = contoured_task (p, GANTRY_TASK_FIXED_UNITS, 0, &t);

  next = plan_task (p, NULL, "Next", DAY_MS, GANTRY_FORMAT_DAYS);
  plan_link (p, t, next, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  gantry_scheduler_run (s);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 18, 17, 0));
  assert_time (gantry_task_get_start (next), T (2025, 4, 21, 8, 0));

  /* Back Loaded averages 60 %: 40 h last 66 h 40 min, to Thu 24 10:40 */
  gantry_assignment_set_work_contour (a, 1);
  gantry_scheduler_run (s);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 24, 10, 40));
  assert_time (gantry_task_get_start (next), T (2025, 4, 24, 10, 40));
  g_assert_cmpint (gantry_task_get_duration (t), ==, 66 * HOUR_MS + 40 * MIN_MS);

  /* and through a command with automatic scheduling (incremental) */
  gantry_scheduler_set_auto (s, TRUE);
  {
    GValue v = G_VALUE_INIT;
    g_value_init (&v, G_TYPE_INT);
    g_value_set_int (&v, 0);
    g_assert_true (gantry_project_apply (p, gantry_command_set_property (a, "work-contour", &v)));
    g_value_unset (&v);
  }
  assert_time (gantry_task_get_finish (t), T (2025, 4, 18, 17, 0));
  assert_time (gantry_task_get_start (next), T (2025, 4, 21, 8, 0));
}

/* Typing a duration keeps Work = Duration x Units x the contour's
 * average, so the scheduler gives the typed duration back (Fixed Units:
 * the work follows; Fixed Work: the units follow). */
static void
test_typed_duration_round_trip (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *t;
  GantryAssignment *a = contoured_task (p, GANTRY_TASK_FIXED_UNITS, 7, &t);

  gantry_set_task_duration (p, t, 5 * DAY_MS, NULL);
  /* 5 days at a Turtle's 70 % of 100 %: 28 h */
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 28 * HOUR_MS);
  schedule (p);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 5 * DAY_MS);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 18, 17, 0));

  gantry_task_set_task_type (t, GANTRY_TASK_FIXED_WORK);
  gantry_set_task_duration (p, t, 4 * DAY_MS, NULL);
  /* 28 h over 4 days at 70 %: units 28 / (32 x 0.7) = 1.25 */
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 28 * HOUR_MS);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_get_units (a), 1.25, 1e-9);
  schedule (p);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 4 * DAY_MS);
}

/* The corpus file's Turtle task, against the values MS Project stored. */
static void
test_corpus_turtle (void)
{
  const char *dir = g_getenv ("GANTRY_CORPUS_DIR");
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GantryProject) p = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  GantryTask *t;
  GPtrArray *as;
  GantryAssignment *a;
  const GantryTime want_start = T (2006, 8, 30, 8, 0);
  const GantryTime want_finish = T (2006, 9, 8, 9, 8) + 24 * GANTRY_MS_SECOND;
  const GantryDuration want_duration = 57 * HOUR_MS + 8 * MIN_MS + 24 * GANTRY_MS_SECOND;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("GANTRY_CORPUS_DIR is not set or does not exist: no corpus file to compare with");
      return;
    }
  path = g_build_filename (dir, "mspdiresource.xml", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("mspdiresource.xml is not in the corpus");
      return;
    }
  p = gantry_mspdi_load (path, NULL, &error);
  g_assert_no_error (error);
  t = gantry_project_lookup_task (p, 3);
  g_assert_nonnull (t);
  as = gantry_task_get_assignments (t);
  g_assert_cmpuint (as->len, ==, 1);
  a = g_ptr_array_index (as, 0);
  /* the file is the one these values were taken from */
  g_assert_cmpint (gantry_assignment_get_work_contour (a), ==, 7);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 40 * HOUR_MS);
  assert_time (gantry_task_get_finish (t), want_finish);
  g_assert_cmpint (gantry_task_get_duration (t), ==, want_duration);

  /* forget the stored results, then schedule */
  gantry_task_set_finish (t, want_start);
  gantry_task_set_duration (t, 40 * HOUR_MS);
  problems = gantry_schedule_project (p);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_time (gantry_task_get_start (t), want_start);
  /* to the minute, as everywhere MS Project is compared: MS Project
   * rounds 40 h / 0.7 = 57 h 8 min 34 s to 57.14 h internally */
  g_assert_cmpint (gantry_task_get_finish (t) / GANTRY_MS_MINUTE, ==, want_finish / GANTRY_MS_MINUTE);
  g_assert_cmpint (ABS (gantry_task_get_duration (t) - want_duration), <, GANTRY_MS_MINUTE);
  g_assert_cmpint (gantry_assignment_get_finish (a) / GANTRY_MS_MINUTE, ==,
                   want_finish / GANTRY_MS_MINUTE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/contour/tables", test_tables);
  g_test_add_func ("/engine/contour/flat-unchanged", test_flat_unchanged);
  g_test_add_func ("/engine/contour/early-peak-ten-days", test_early_peak_ten_days);
  g_test_add_func ("/engine/contour/fixed-duration-keeps-duration",
                   test_fixed_duration_keeps_duration);
  g_test_add_func ("/engine/contour/edit-reschedules", test_contour_edit_reschedules);
  g_test_add_func ("/engine/contour/typed-duration-round-trip", test_typed_duration_round_trip);
  g_test_add_func ("/engine/contour/corpus-turtle-57.14h", test_corpus_turtle);
  return g_test_run ();
}
