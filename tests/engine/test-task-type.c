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

#include <math.h>

#include "engine-test-util.h"
#include "gantry-task-type.h"
#include "gantry-resource-engine.h"

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

/* Reference §2 (durations): elapsed durations run through nights,
 * weekends and holidays, 1 ed = 24 h.  A resource on an elapsed task works
 * around the clock with it: Work = 2 ed × 50 % = 24 h, and the assignment
 * runs from Fri 08:00 to Sun 08:00 like the task — not over the resource's
 * working days into the next week. */
static void
test_elapsed_assignment (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 11, 8, 0));   /* a Friday */
  GantryResource *r1 = add_resource (p, "R1");
  GantryTask *t = plan_task (p, NULL, "T", 48 * HOUR_MS, GANTRY_FORMAT_ELAPSED_DAYS);
  GantryAssignment *a;

  a = gantry_assign_resource (p, t, r1, 0.5);
  schedule (p);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 24 * HOUR_MS);
  assert_time (gantry_task_get_start (t), T (2025, 4, 11, 8, 0));
  assert_time (gantry_task_get_finish (t), T (2025, 4, 13, 8, 0));
  assert_time (gantry_assignment_get_start (a), T (2025, 4, 11, 8, 0));
  assert_time (gantry_assignment_get_finish (a), T (2025, 4, 13, 8, 0));
  g_assert_cmpint (gantry_task_get_duration (t), ==, 48 * HOUR_MS);
  /* 50 % all weekend is within the resource's 100 %: not over-allocated */
  {
    g_autoptr(GArray) over = gantry_resources_find_overallocations (p);

    g_assert_cmpuint (over->len, ==, 0);
  }
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

/* ---- typing Work and Units (reference §2.9 table, §4.5) ------------------ */

/* I19 / §2.9 Fixed Units, "you change Work → Duration recalculated":
 * 5d at 100 % is 40 h; typing 80 h gives 10d (Mon 7 → Fri 18 Apr). */
static void
test_work_fixed_units_i19 (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r1 = add_resource (p, "R1");
  GantryTask *t = plan_task (p, NULL, "T", 5 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryAssignment *a = gantry_assign_resource (p, t, r1, 1.0);

  schedule (p);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 40 * HOUR_MS);
  gantry_project_clear_history (p);
  g_assert_true (gantry_set_assignment_work (p, a, 80 * HOUR_MS));
  schedule (p);
  g_assert_cmpfloat (gantry_assignment_get_units (a), ==, 1.0);
  g_assert_cmpint (gantry_task_get_work (t), ==, 80 * HOUR_MS);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 10 * DAY_MS);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 18, 17, 0));
  /* one undo step back to 40 h and 5d */
  g_assert_cmpstr (gantry_project_get_undo_label (p), ==, "Set Work");
  g_assert_true (gantry_project_undo (p));
  g_assert_false (gantry_project_can_undo (p));
  schedule (p);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 40 * HOUR_MS);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 5 * DAY_MS);
}

/* I21: Fixed Units, R1 at 50 %, Work 16 h → Duration 4d (Mon–Thu). */
static void
test_work_fixed_units_i21 (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r1 = add_resource (p, "R1");
  GantryTask *t = plan_task (p, NULL, "T", 1 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryAssignment *a = gantry_assign_resource (p, t, r1, 0.5);

  schedule (p);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 4 * HOUR_MS);
  g_assert_true (gantry_set_assignment_work (p, a, 16 * HOUR_MS));
  schedule (p);
  g_assert_cmpfloat (gantry_assignment_get_units (a), ==, 0.5);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 4 * DAY_MS);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 10, 17, 0));

  /* §2.9 Fixed Units, "you change Units → Duration recalculated": 16 h at
   * 100 % is 2d; the work stays */
  g_assert_true (gantry_set_assignment_units (p, a, 1.0));
  schedule (p);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 16 * HOUR_MS);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 2 * DAY_MS);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 8, 17, 0));
}

/* I23: Fixed Units, 32 h typed on R1 whose calendar has Mon 14 Apr off,
 * start Fri 11 Apr 08:00 → Finish Thu 17 Apr 17:00 (Fri, Tue, Wed, Thu). */
static void
test_work_resource_holiday_i23 (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 11, 8, 0));
  GantryResource *r1 = add_resource (p, "R1");
  GantryTask *t = plan_task (p, NULL, "T", 1 * DAY_MS, GANTRY_FORMAT_DAYS);
  g_autoptr(GantryCalendar) rc = gantry_calendar_new (2, "R1");
  GantryCalendarException ex = { 0 };
  GantryAssignment *a;

  gantry_calendar_set_base (rc, gantry_project_get_calendar (p));
  ex.name = (char *) "Off";
  ex.from_day = ex.to_day = gantry_time_day_number (T (2025, 4, 14, 0, 0));
  ex.recurrence = GANTRY_RECUR_NONE;
  ex.period = 1;
  ex.day.kind = GANTRY_DAY_NONWORKING;
  gantry_calendar_add_exception (rc, &ex);
  gantry_project_add_calendar (p, rc);
  gantry_resource_set_calendar (r1, rc);
  a = gantry_assign_resource (p, t, r1, 1.0);
  schedule (p);
  g_assert_true (gantry_set_assignment_work (p, a, 32 * HOUR_MS));
  schedule (p);
  assert_time (gantry_task_get_start (t), T (2025, 4, 11, 8, 0));
  assert_time (gantry_task_get_finish (t), T (2025, 4, 17, 17, 0));
  g_assert_cmpint (gantry_task_get_work (t), ==, 32 * HOUR_MS);
}

/* I22 / §2.9 Fixed Duration: "you change Work → Units recalculated",
 * "you change Units → Work recalculated"; the 3d stay. */
static void
test_work_fixed_duration_i22 (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r1 = add_resource (p, "R1");
  GantryResource *r2 = add_resource (p, "R2");
  GantryTask *t = plan_task (p, NULL, "T", 3 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryAssignment *a1, *a2;

  gantry_task_set_task_type (t, GANTRY_TASK_FIXED_DURATION);
  gantry_task_set_effort_driven (t, TRUE);
  a1 = gantry_assign_resource (p, t, r1, 1.0);
  a2 = gantry_assign_resource (p, t, r2, 1.0);
  schedule (p);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_get_units (a1), 0.5, 1e-12);
  g_assert_cmpint (gantry_assignment_get_work (a1), ==, 12 * HOUR_MS);

  /* 6 h over 3d (24 h) is 25 % */
  g_assert_true (gantry_set_assignment_work (p, a1, 6 * HOUR_MS));
  schedule (p);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_get_units (a1), 0.25, 1e-12);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 3 * DAY_MS);
  g_assert_cmpint (gantry_task_get_work (t), ==, 18 * HOUR_MS);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 9, 17, 0));

  /* 100 % over 3d is 24 h */
  g_assert_true (gantry_set_assignment_units (p, a2, 1.0));
  schedule (p);
  g_assert_cmpint (gantry_assignment_get_work (a2), ==, 24 * HOUR_MS);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 3 * DAY_MS);
  g_assert_cmpint (gantry_task_get_work (t), ==, 30 * HOUR_MS);
}

/* §2.9 Fixed Work: "you change Units → Duration recalculated" (the work
 * stays); typing Work also moves the duration. */
static void
test_work_fixed_work (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r1 = add_resource (p, "R1");
  GantryTask *t = plan_task (p, NULL, "T", 5 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryAssignment *a;

  gantry_task_set_task_type (t, GANTRY_TASK_FIXED_WORK);
  a = gantry_assign_resource (p, t, r1, 1.0);
  schedule (p);
  g_assert_true (gantry_set_assignment_units (p, a, 0.5));
  schedule (p);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 40 * HOUR_MS);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 10 * DAY_MS);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 18, 17, 0));
  g_assert_true (gantry_set_assignment_work (p, a, 20 * HOUR_MS));
  schedule (p);
  g_assert_cmpfloat (gantry_assignment_get_units (a), ==, 0.5);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 5 * DAY_MS);
}

/* C26: typed Work 80 h of which 9 h overtime at 50/h and 60/h → Cost
 * 4090.00, overtime cost 540.00; C27: Units typed as 25 % stay 0.25. */
static void
test_work_cost_c26_c27 (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r1 = add_resource (p, "R1");
  GantryTask *t = plan_task (p, NULL, "T", 1 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *t2 = plan_task (p, NULL, "T2", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryAssignment *a, *a2;

  gantry_resource_set_standard_rate (r1, 50);
  gantry_resource_set_overtime_rate (r1, 60);
  a = gantry_assign_resource (p, t, r1, 1.0);
  gantry_assignment_set_overtime_work (a, 9 * HOUR_MS);
  g_assert_true (gantry_set_assignment_work (p, a, 80 * HOUR_MS));
  schedule (p);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_compute_cost (a), 4090.00, 1e-9);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_compute_overtime_cost (a), 540.00, 1e-9);

  a2 = gantry_assign_resource (p, t2, r1, 1.0);
  g_assert_true (gantry_set_assignment_units (p, a2, 0.25));
  g_assert_cmpfloat (gantry_assignment_get_units (a2), ==, 0.25);
}

/* A task's total Work typed in the table is shared out as the work was;
 * C28: a task without resources has no work to set; bad values change
 * nothing. */
static void
test_task_work_and_bad_input (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r1 = add_resource (p, "R1");
  GantryResource *r2 = add_resource (p, "R2");
  GantryTask *t = plan_task (p, NULL, "T", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *bare = plan_task (p, NULL, "No one", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryAssignment *a1 = gantry_assign_resource (p, t, r1, 1.0);
  GantryAssignment *a2 = NULL;
  GPtrArray *as;

  gantry_task_set_effort_driven (t, FALSE);
  a2 = gantry_assign_resource (p, t, r2, 0.5);
  schedule (p);
  g_assert_cmpint (gantry_assignment_get_work (a1), ==, 16 * HOUR_MS);
  g_assert_cmpint (gantry_assignment_get_work (a2), ==, 8 * HOUR_MS);
  gantry_project_clear_history (p);

  /* 48 h in the proportion 16 : 8 → 32 h and 16 h; both take 4d */
  g_assert_true (gantry_set_task_work (p, t, 48 * HOUR_MS));
  schedule (p);
  g_assert_cmpint (gantry_assignment_get_work (a1), ==, 32 * HOUR_MS);
  g_assert_cmpint (gantry_assignment_get_work (a2), ==, 16 * HOUR_MS);
  g_assert_cmpint (gantry_task_get_work (t), ==, 48 * HOUR_MS);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 4 * DAY_MS);
  g_assert_true (gantry_project_undo (p));
  g_assert_false (gantry_project_can_undo (p));
  g_assert_cmpint (gantry_assignment_get_work (a1), ==, 16 * HOUR_MS);

  g_assert_false (gantry_set_task_work (p, bare, 8 * HOUR_MS));
  g_assert_false (gantry_set_task_work (p, t, -HOUR_MS));
  g_assert_false (gantry_set_assignment_work (p, a1, -1));
  g_assert_false (gantry_set_assignment_units (p, a1, 0));
  g_assert_false (gantry_set_assignment_units (p, a1, -0.5));
  g_assert_false (gantry_set_assignment_units (p, a1, NAN));
  g_assert_false (gantry_project_can_undo (p));
  g_assert_cmpint (gantry_task_get_work (bare), ==, 0);
  as = gantry_task_get_assignments (bare);
  g_assert_true (as == NULL || as->len == 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/task-type/duration/fixed-units-I19", test_fixed_units);
  g_test_add_func ("/engine/task-type/duration/fixed-units-I21", test_fixed_units_half);
  g_test_add_func ("/engine/task-type/duration/fixed-work", test_fixed_work);
  g_test_add_func ("/engine/task-type/elapsed-assignment", test_elapsed_assignment);
  g_test_add_func ("/engine/task-type/duration/fixed-duration-I22", test_fixed_duration);
  g_test_add_func ("/engine/task-type/duration/undo-and-bad-input", test_undo_and_bad_input);
  g_test_add_func ("/engine/task-type/work/fixed-units-I19", test_work_fixed_units_i19);
  g_test_add_func ("/engine/task-type/work/fixed-units-I21", test_work_fixed_units_i21);
  g_test_add_func ("/engine/task-type/work/resource-holiday-I23", test_work_resource_holiday_i23);
  g_test_add_func ("/engine/task-type/work/fixed-duration-I22", test_work_fixed_duration_i22);
  g_test_add_func ("/engine/task-type/work/fixed-work", test_work_fixed_work);
  g_test_add_func ("/engine/task-type/work/cost-C26-C27", test_work_cost_c26_c27);
  g_test_add_func ("/engine/task-type/work/task-work-and-bad-input", test_task_work_and_bad_input);
  return g_test_run ();
}
