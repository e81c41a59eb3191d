/* test-task-type.c — duration edits on tasks with work assignments
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Golden values come from the reference: §2.9 (Work = Duration × Units;
 * changing the duration recalculates Work for Fixed Units and Fixed
 * Duration tasks and Units for Fixed Work tasks) and I19–I22.
 */
#include "config.h"

#include "engine-test-util.h"
#include "gantry-task-type.h"

static GantryResource *
add_resource (GantryProject *p, const char *name)
{
  GantryResource *r = gantry_resource_new (gantry_project_next_resource_uid (p), name);

  g_assert_true (gantry_project_add_resource (p, -1, r));
  g_object_unref (r);
  return r;
}

static GantryAssignment *
assignment (GantryTask *t, guint i)
{
  GPtrArray *as = gantry_task_get_assignments (t);

  g_assert_nonnull (as);
  g_assert_cmpuint (i, <, as->len);
  return g_ptr_array_index (as, i);
}

/* I19: Fixed Units, 5d, R1 100 % → 40 h.  Setting 10d gives 80 h
 * (Work = 10d × 100 %), and the scheduler keeps the 10d. */
static void
test_fixed_units (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r1 = add_resource (p, "R1");
  GantryTask *t = plan_task (p, NULL, "T", 5 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryAssignment *a;

  gantry_task_set_task_type (t, GANTRY_TASK_FIXED_UNITS);
  a = gantry_assign_resource (p, t, r1, 1.0);
  schedule (p);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 40 * HOUR_MS);

  gantry_set_task_duration (p, t, 10 * DAY_MS, NULL);
  schedule (p);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 10 * DAY_MS);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 80 * HOUR_MS);
  g_assert_cmpint (gantry_task_get_work (t), ==, 80 * HOUR_MS);
  g_assert_cmpfloat (gantry_assignment_get_units (a), ==, 1.0);
  /* Mon 7 Apr 08:00 + 10 working days = Fri 18 Apr 17:00 */
  assert_time (gantry_task_get_finish (t), T (2025, 4, 18, 17, 0));
}

/* I21: Fixed Units, R1 at 50 %, Work 16 h → 4d.  Setting 2d gives
 * Work = 2d × 50 % = 8 h. */
static void
test_fixed_units_half (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r1 = add_resource (p, "R1");
  GantryTask *t = plan_task (p, NULL, "T", 4 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryAssignment *a = gantry_assignment_new (gantry_project_next_assignment_uid (p), t, r1,
                                               0.5, 16 * HOUR_MS);

  g_assert_true (gantry_project_add_assignment (p, a));
  g_object_unref (a);
  gantry_task_set_work (t, 16 * HOUR_MS);
  schedule (p);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 4 * DAY_MS);

  gantry_set_task_duration (p, t, 2 * DAY_MS, NULL);
  schedule (p);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 2 * DAY_MS);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 8 * HOUR_MS);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_get_units (a), 0.5, 1e-12);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 8, 17, 0));
}

/* §2.9 Fixed Work: changing the duration recalculates the units.
 * 40 h at 100 % over 5d; 10d keeps 40 h at 50 %. */
static void
test_fixed_work (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r1 = add_resource (p, "R1");
  GantryTask *t = plan_task (p, NULL, "T", 5 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryAssignment *a;

  gantry_task_set_task_type (t, GANTRY_TASK_FIXED_WORK);
  a = gantry_assign_resource (p, t, r1, 1.0);
  schedule (p);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 40 * HOUR_MS);

  gantry_set_task_duration (p, t, 10 * DAY_MS, NULL);
  schedule (p);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 10 * DAY_MS);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 40 * HOUR_MS);
  g_assert_cmpint (gantry_task_get_work (t), ==, 40 * HOUR_MS);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_get_units (a), 0.5, 1e-12);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 18, 17, 0));

  /* a zero duration cannot hold 40 h: the units stay, nothing divides by 0 */
  gantry_set_task_duration (p, t, 0, NULL);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_get_units (a), 0.5, 1e-12);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 40 * HOUR_MS);
}

/* I22: Fixed Duration 3d, R1 then R2 (effort-driven) → 50 % each, 12 h
 * each.  Setting 6d keeps the units, Work = 6d × 50 % = 24 h each. */
static void
test_fixed_duration (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r1 = add_resource (p, "R1");
  GantryResource *r2 = add_resource (p, "R2");
  GantryTask *t = plan_task (p, NULL, "T", 3 * DAY_MS, GANTRY_FORMAT_DAYS);

  gantry_task_set_task_type (t, GANTRY_TASK_FIXED_DURATION);
  gantry_task_set_effort_driven (t, TRUE);
  gantry_assign_resource (p, t, r1, 1.0);
  gantry_assign_resource (p, t, r2, 1.0);
  schedule (p);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_get_units (assignment (t, 0)), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_get_units (assignment (t, 1)), 0.5, 1e-12);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 3 * DAY_MS);

  gantry_set_task_duration (p, t, 6 * DAY_MS, NULL);
  schedule (p);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 6 * DAY_MS);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpfloat_with_epsilon (gantry_assignment_get_units (assignment (t, i)), 0.5, 1e-12);
      g_assert_cmpint (gantry_assignment_get_work (assignment (t, i)), ==, 24 * HOUR_MS);
    }
  g_assert_cmpint (gantry_task_get_work (t), ==, 48 * HOUR_MS);
  /* Mon 7 Apr + 6 working days = Mon 14 Apr 17:00 */
  assert_time (gantry_task_get_finish (t), T (2025, 4, 14, 17, 0));
}

/* The whole change is one undo step; undo gives back the I19 figures.
 * The same duration again applies nothing; a negative one means 0. */
static void
test_undo_and_bad_input (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r1 = add_resource (p, "R1");
  GantryTask *t = plan_task (p, NULL, "T", 5 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *other = plan_task (p, NULL, "Plain", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  g_autoptr(GantryProject) p2 = plan_new (T (2025, 4, 7, 8, 0));
  GantryAssignment *a = gantry_assign_resource (p, t, r1, 1.0);

  schedule (p);
  gantry_project_clear_history (p);

  gantry_set_task_duration (p, t, 5 * DAY_MS, NULL);
  g_assert_false (gantry_project_can_undo (p));

  gantry_set_task_duration (p, t, 10 * DAY_MS, "Change Duration");
  g_assert_cmpstr (gantry_project_get_undo_label (p), ==, "Change Duration");
  g_assert_true (gantry_project_undo (p));
  g_assert_false (gantry_project_can_undo (p));
  g_assert_cmpint (gantry_task_get_duration (t), ==, 5 * DAY_MS);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 40 * HOUR_MS);
  g_assert_cmpint (gantry_task_get_work (t), ==, 40 * HOUR_MS);

  /* a task without assignments only changes its duration (no work) */
  gantry_set_task_duration (p, other, 3 * DAY_MS, NULL);
  g_assert_cmpint (gantry_task_get_duration (other), ==, 3 * DAY_MS);
  g_assert_cmpint (gantry_task_get_work (other), ==, 0);

  gantry_set_task_duration (p, t, -DAY_MS, NULL);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 0);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 0);

  /* a task of another project is refused and changes nothing */
  if (g_test_undefined ())
    {
      g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*project*");
      gantry_set_task_duration (p2, t, DAY_MS, NULL);
      g_test_assert_expected_messages ();
      g_assert_cmpint (gantry_task_get_duration (t), ==, 0);
      g_assert_false (gantry_project_can_undo (p2));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/task-type/duration/fixed-units-I19", test_fixed_units);
  g_test_add_func ("/engine/task-type/duration/fixed-units-I21", test_fixed_units_half);
  g_test_add_func ("/engine/task-type/duration/fixed-work", test_fixed_work);
  g_test_add_func ("/engine/task-type/duration/fixed-duration-I22", test_fixed_duration);
  g_test_add_func ("/engine/task-type/duration/undo-and-bad-input", test_undo_and_bad_input);
  return g_test_run ();
}
