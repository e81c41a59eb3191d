/* test-rerun-project.c — a scheduler that ran before sees project-level
 * edits (start date, honour-constraints, calendar swap, schedule from the
 * finish) exactly as a fresh scheduler does
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scheduler reuses the inputs it read when the model has not changed;
 * these edits change no task, so they check that the reuse is not stale.
 * Expected dates come from the Standard calendar rules of reference §2.1
 * and §2.5 (a 2d task from Mon 08:00 ends Tue 17:00; MSO wins over a link
 * when constraints are honoured).
 */
#include <glib.h>

#include "gantry-core.h"
#include "gantry-scheduler.h"

#define T(y, mo, d, h, mi) gantry_time_make ((y), (mo), (d), (h), (mi), 0)

typedef struct
{
  GantryProject *p;
  GantryTask    *a, *b;
} Plan;

static void
plan_init (Plan *pl)
{
  GantryTask *root;

  pl->p = gantry_project_new ();
  gantry_project_set_calendar (pl->p, NULL);
  {
    g_autoptr(GantryCalendar) cal = gantry_calendar_new_standard (1, "Standard");

    g_assert_true (gantry_project_add_calendar (pl->p, cal));
    gantry_project_set_calendar (pl->p, cal);
  }
  gantry_project_set_start (pl->p, T (2025, 4, 14, 8, 0));   /* Monday */
  root = gantry_project_get_root_task (pl->p);
  pl->a = gantry_task_new (1, "A");
  gantry_task_set_duration (pl->a, 16 * GANTRY_MS_HOUR);
  pl->b = gantry_task_new (2, "B");
  gantry_task_set_duration (pl->b, 8 * GANTRY_MS_HOUR);
  g_assert_true (gantry_project_add_task (pl->p, root, -1, pl->a));
  g_assert_true (gantry_project_add_task (pl->p, root, -1, pl->b));
  g_object_unref (pl->a);
  g_object_unref (pl->b);
  {
    g_autoptr(GantryLink) l = gantry_link_new (pl->a, pl->b, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);

    g_assert_true (gantry_project_add_link (pl->p, l));
  }
}

/* Runs the long-lived scheduler and a fresh one; both must agree. */
static void
check_same_as_fresh (GantryScheduler *s,
                     Plan            *pl)
{
  GantryTime a0, a1, b0, b1;

  gantry_scheduler_run (s);
  a0 = gantry_task_get_start (pl->a);
  a1 = gantry_task_get_finish (pl->a);
  b0 = gantry_task_get_start (pl->b);
  b1 = gantry_task_get_finish (pl->b);
  {
    g_autoptr(GantryScheduler) fresh = gantry_scheduler_new (pl->p);

    gantry_scheduler_run (fresh);
  }
  g_assert_cmpint (gantry_task_get_start (pl->a), ==, a0);
  g_assert_cmpint (gantry_task_get_finish (pl->a), ==, a1);
  g_assert_cmpint (gantry_task_get_start (pl->b), ==, b0);
  g_assert_cmpint (gantry_task_get_finish (pl->b), ==, b1);
}

static void
test_project_start (void)
{
  Plan pl;
  g_autoptr(GantryScheduler) s = NULL;

  plan_init (&pl);
  s = gantry_scheduler_new (pl.p);
  gantry_scheduler_run (s);
  g_assert_cmpint (gantry_task_get_finish (pl.a), ==, T (2025, 4, 15, 17, 0));

  gantry_project_set_start (pl.p, T (2025, 4, 21, 8, 0));
  check_same_as_fresh (s, &pl);
  g_assert_cmpint (gantry_task_get_start (pl.a), ==, T (2025, 4, 21, 8, 0));
  g_assert_cmpint (gantry_task_get_finish (pl.a), ==, T (2025, 4, 22, 17, 0));
  g_assert_cmpint (gantry_task_get_start (pl.b), ==, T (2025, 4, 23, 8, 0));
  g_object_unref (pl.p);
}

static void
test_honor_constraints (void)
{
  Plan pl;
  g_autoptr(GantryScheduler) s = NULL;

  plan_init (&pl);
  gantry_task_set_constraint_type (pl.b, GANTRY_CONSTRAINT_MSO);
  gantry_task_set_constraint_date (pl.b, T (2025, 4, 15, 8, 0));
  g_object_set (pl.p, "honor-constraints", TRUE, NULL);
  s = gantry_scheduler_new (pl.p);
  gantry_scheduler_run (s);
  /* honoured: the constraint wins over the link (reference §2.5, I13) */
  g_assert_cmpint (gantry_task_get_start (pl.b), ==, T (2025, 4, 15, 8, 0));

  g_object_set (pl.p, "honor-constraints", FALSE, NULL);
  check_same_as_fresh (s, &pl);
  /* not honoured: the link wins, B follows A (Tue 17:00 -> Wed 08:00) */
  g_assert_cmpint (gantry_task_get_start (pl.b), ==, T (2025, 4, 16, 8, 0));
  g_object_unref (pl.p);
}

static void
test_project_calendar_swap (void)
{
  Plan pl;
  g_autoptr(GantryScheduler) s = NULL;
  g_autoptr(GantryCalendar) night = gantry_calendar_new (7, "Mornings");
  GantryDayDef mornings = { GANTRY_DAY_WORKING, 1, { { 480, 720 } } };
  GantryDayDef off = { GANTRY_DAY_NONWORKING, 0, { { 0, 0 } } };

  plan_init (&pl);
  s = gantry_scheduler_new (pl.p);
  gantry_scheduler_run (s);

  for (int d = 0; d < 7; d++)
    gantry_calendar_set_weekday (night, d, d == 0 || d == 6 ? &off : &mornings);
  g_assert_true (gantry_project_add_calendar (pl.p, night));
  gantry_project_set_calendar (pl.p, night);
  check_same_as_fresh (s, &pl);
  /* 16 h at 4 h a day: Mon..Thu mornings */
  g_assert_cmpint (gantry_task_get_finish (pl.a), ==, T (2025, 4, 17, 12, 0));
  g_object_unref (pl.p);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/rerun/project-start", test_project_start);
  g_test_add_func ("/engine/rerun/honor-constraints", test_honor_constraints);
  g_test_add_func ("/engine/rerun/project-calendar", test_project_calendar_swap);
  return g_test_run ();
}
