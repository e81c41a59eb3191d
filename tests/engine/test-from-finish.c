/* test-from-finish.c — projects scheduled from their finish date
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reference §2.11 (ScheduleFromStart = 0): the backward pass from the
 * project's FinishDate produces the dates, tasks are ALAP, the project
 * start is an output.  No MS Project file of the corpus is scheduled from
 * its finish (none has <ScheduleFromStart>0), so the expected dates below
 * are worked out by hand from those rules and the Standard calendar
 * (Mon–Fri 08:00–12:00, 13:00–17:00); each is named "inferred".
 */
#include "config.h"

#include "engine-test-util.h"

static GantryProject *
from_finish (GantryTime finish)
{
  GantryProject *p = plan_new (T (2025, 4, 1, 8, 0));

  gantry_project_set_schedule_from_start (p, FALSE);
  gantry_project_set_finish (p, finish);
  return p;
}

static GantryTask *
alap_task (GantryProject *p, const char *name, GantryDuration d)
{
  GantryTask *t = plan_task (p, NULL, name, d, GANTRY_FORMAT_DAYS);

  gantry_task_set_constraint_type (t, GANTRY_CONSTRAINT_ALAP);
  return t;
}

/* A chain with a 1d lag ends at the finish; the project start becomes
 * the earliest start. */
static void
test_chain_with_lag (void)
{
  g_autoptr (GantryProject) p = from_finish (T (2025, 4, 18, 17, 0));
  GantryTask *a = alap_task (p, "A", 2 * DAY_MS);
  GantryTask *b = alap_task (p, "B", DAY_MS);

  plan_link (p, a, b, GANTRY_LINK_FS, DAY_MS, GANTRY_FORMAT_DAYS);
  schedule (p);
  /* B Fri; one working day before it (Thu) stays free; A Tue–Wed */
  assert_time (gantry_task_get_start (b), T (2025, 4, 18, 8, 0));
  assert_time (gantry_task_get_finish (b), T (2025, 4, 18, 17, 0));
  assert_time (gantry_task_get_start (a), T (2025, 4, 15, 8, 0));
  assert_time (gantry_task_get_finish (a), T (2025, 4, 16, 17, 0));
  /* the project start is an output */
  assert_time (gantry_project_get_start (p), T (2025, 4, 15, 8, 0));
  assert_time (gantry_task_get_start (gantry_project_get_root_task (p)), T (2025, 4, 15, 8, 0));
  assert_time (gantry_task_get_finish (gantry_project_get_root_task (p)), T (2025, 4, 18, 17, 0));
  /* the chain fills the time to the finish: no slack, critical */
  g_assert_cmpint (gantry_task_get_total_slack (a), ==, 0);
  g_assert_cmpint (gantry_task_get_total_slack (b), ==, 0);
  g_assert_true (gantry_task_get_critical (a));
  g_assert_true (gantry_task_get_critical (b));
}

/* A finish in the middle of a day: the last task ends there and its
 * start reaches back over the weekend. */
static void
test_finish_mid_day (void)
{
  g_autoptr (GantryProject) p = from_finish (T (2025, 4, 21, 12, 0));
  GantryTask *a = alap_task (p, "A", DAY_MS);

  schedule (p);
  /* 8 h back from Mon 12:00: Mon 08:00–12:00 and Fri 13:00–17:00 */
  assert_time (gantry_task_get_finish (a), T (2025, 4, 21, 12, 0));
  assert_time (gantry_task_get_start (a), T (2025, 4, 18, 13, 0));
  assert_time (gantry_project_get_start (p), T (2025, 4, 18, 13, 0));
}

/* A finish date on a weekend: work ends at the last working time before
 * it. */
static void
test_finish_on_weekend (void)
{
  g_autoptr (GantryProject) p = from_finish (T (2025, 4, 19, 12, 0));
  GantryTask *a = alap_task (p, "A", DAY_MS);
  GantryTask *b = alap_task (p, "B", 3 * DAY_MS);

  schedule (p);
  assert_time (gantry_task_get_start (a), T (2025, 4, 18, 8, 0));
  assert_time (gantry_task_get_finish (a), T (2025, 4, 18, 17, 0));
  assert_time (gantry_task_get_start (b), T (2025, 4, 16, 8, 0));
  assert_time (gantry_task_get_finish (b), T (2025, 4, 18, 17, 0));
  assert_time (gantry_project_get_start (p), T (2025, 4, 16, 8, 0));
}

/* SS and FF links in a backward schedule. */
static void
test_ss_ff_links (void)
{
  g_autoptr (GantryProject) p = from_finish (T (2025, 4, 18, 17, 0));
  GantryTask *a = alap_task (p, "A", 2 * DAY_MS);
  GantryTask *b = alap_task (p, "B", DAY_MS);
  GantryTask *c = alap_task (p, "C", DAY_MS);
  GantryTask *d = alap_task (p, "D", 3 * DAY_MS);

  /* A SS B: A may start no later than B; both as late as possible */
  plan_link (p, a, b, GANTRY_LINK_SS, 0, GANTRY_FORMAT_DAYS);
  /* C FF+1d D: D finishes at least 1d after C */
  plan_link (p, c, d, GANTRY_LINK_FF, DAY_MS, GANTRY_FORMAT_DAYS);
  schedule (p);
  assert_time (gantry_task_get_start (b), T (2025, 4, 18, 8, 0));
  assert_time (gantry_task_get_start (a), T (2025, 4, 17, 8, 0));
  assert_time (gantry_task_get_finish (a), T (2025, 4, 18, 17, 0));
  assert_time (gantry_task_get_finish (d), T (2025, 4, 18, 17, 0));
  assert_time (gantry_task_get_start (d), T (2025, 4, 16, 8, 0));
  /* C's finish is 1d before D's: Thu 17:00 */
  assert_time (gantry_task_get_finish (c), T (2025, 4, 17, 17, 0));
  assert_time (gantry_task_get_start (c), T (2025, 4, 17, 8, 0));
  assert_time (gantry_project_get_start (p), T (2025, 4, 16, 8, 0));
}

/* A summary over ALAP tasks rolls up their late dates, and a task linked
 * to the summary finishes before it starts. */
static void
test_summary_rollup (void)
{
  g_autoptr (GantryProject) p = from_finish (T (2025, 4, 18, 17, 0));
  GantryTask *phase = plan_task (p, NULL, "Phase", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *x = plan_task (p, phase, "X", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *y = plan_task (p, phase, "Y", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *prep = alap_task (p, "Prep", DAY_MS);

  gantry_task_set_constraint_type (x, GANTRY_CONSTRAINT_ALAP);
  gantry_task_set_constraint_type (y, GANTRY_CONSTRAINT_ALAP);
  plan_link (p, x, y, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  plan_link (p, prep, phase, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  schedule (p);
  /* Y Fri, X Wed–Thu, the phase Wed–Fri, Prep Tue */
  assert_time (gantry_task_get_start (phase), T (2025, 4, 16, 8, 0));
  assert_time (gantry_task_get_finish (phase), T (2025, 4, 18, 17, 0));
  g_assert_cmpint (gantry_task_get_duration (phase), ==, 3 * DAY_MS);
  assert_time (gantry_task_get_start (prep), T (2025, 4, 15, 8, 0));
  assert_time (gantry_task_get_finish (prep), T (2025, 4, 15, 17, 0));
  assert_time (gantry_project_get_start (p), T (2025, 4, 15, 8, 0));
}

/* Moving the finish date moves the whole plan with it, and the start
 * follows (the project start is recomputed on every pass). */
static void
test_finish_moves_plan (void)
{
  g_autoptr (GantryProject) p = from_finish (T (2025, 4, 18, 17, 0));
  g_autoptr (GantryScheduler) s = gantry_scheduler_new (p);
  GantryTask *a = alap_task (p, "A", 2 * DAY_MS);
  GantryTask *b = alap_task (p, "B", DAY_MS);

  plan_link (p, a, b, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  gantry_scheduler_run (s);
  assert_time (gantry_project_get_start (p), T (2025, 4, 16, 8, 0));
  gantry_project_set_finish (p, T (2025, 4, 25, 17, 0));
  gantry_scheduler_run (s);
  assert_time (gantry_task_get_start (b), T (2025, 4, 25, 8, 0));
  assert_time (gantry_task_get_start (a), T (2025, 4, 23, 8, 0));
  assert_time (gantry_project_get_start (p), T (2025, 4, 23, 8, 0));
  /* an edit of a duration reschedules backwards too */
  gantry_task_set_duration (a, 3 * DAY_MS);
  gantry_scheduler_run (s);
  assert_time (gantry_task_get_start (a), T (2025, 4, 22, 8, 0));
  assert_time (gantry_task_get_finish (a), T (2025, 4, 24, 17, 0));
  assert_time (gantry_project_get_start (p), T (2025, 4, 22, 8, 0));
}

/* Random ALAP plans scheduled from the finish: nothing ends after the
 * finish date, every FS/SS link holds, the project start is the earliest
 * start, and a second pass after an edit equals a fresh scheduler's. */
static void
test_random_invariants (void)
{
  guint32 seed;

  for (seed = 1; seed <= 8; seed++)
    {
      const GantryTime finish = T (2025, 9, 26, 17, 0);
      g_autoptr (GantryProject) p = from_finish (finish);
      g_autoptr (GPtrArray) tasks = g_ptr_array_new ();
      g_autoptr (GantryScheduler) s = gantry_scheduler_new (p);
      g_autoptr (GantryScheduler) fresh = NULL;
      GRand *r = g_rand_new_with_seed (seed);
      GantryTime earliest = GANTRY_TIME_NONE;
      guint i, k;

      for (i = 0; i < 60; i++)
        g_ptr_array_add (tasks, alap_task (p, "T", g_rand_int_range (r, 1, 24) * HOUR_MS));
      for (i = 1; i < tasks->len; i++)
        {
          GantryTask *a = g_ptr_array_index (tasks, g_rand_int_range (r, 0, i));
          GantryTask *b = g_ptr_array_index (tasks, i);
          if (gantry_project_find_link (p, a, b) == NULL)
            plan_link (p, a, b, g_rand_boolean (r) ? GANTRY_LINK_FS : GANTRY_LINK_SS,
                       g_rand_int_range (r, 0, 3) * HOUR_MS, GANTRY_FORMAT_HOURS);
        }
      gantry_scheduler_run (s);
      g_assert_cmpuint (gantry_scheduler_get_problems (s)->len, ==, 0);
      for (i = 0; i < tasks->len; i++)
        {
          GantryTask *t = g_ptr_array_index (tasks, i);
          GPtrArray *preds = gantry_task_get_predecessors (t);

          g_assert_cmpint (gantry_task_get_finish (t), <=, finish);
          g_assert_cmpint (gantry_task_get_start (t), <, gantry_task_get_finish (t));
          earliest = earliest == GANTRY_TIME_NONE ? gantry_task_get_start (t)
                                                  : MIN (earliest, gantry_task_get_start (t));
          for (k = 0; k < preds->len; k++)
            {
              GantryLink *l = g_ptr_array_index (preds, k);
              GantryTask *a = gantry_link_get_predecessor (l);
              GantryTime from = gantry_link_get_link_type (l) == GANTRY_LINK_FS
                                ? gantry_task_get_finish (a) : gantry_task_get_start (a);
              /* working hours between (all lags here are in whole hours of
               * the Standard calendar, so comparing instants suffices as
               * long as the lag is 0; with a lag the gap is at least it) */
              g_assert_cmpint (gantry_task_get_start (t), >=, from);
              if (gantry_link_get_lag (l) > 0)
                g_assert_cmpint (gantry_task_get_start (t) - from, >=, gantry_link_get_lag (l));
            }
        }
      assert_time (gantry_project_get_start (p), earliest);

      /* an edit, then a pass of the same scheduler == a fresh one */
      for (k = 0; k < 5; k++)
        gantry_task_set_duration (g_ptr_array_index (tasks, g_rand_int_range (r, 0, tasks->len)),
                                  g_rand_int_range (r, 1, 24) * HOUR_MS);
      gantry_scheduler_run (s);
      {
        g_autoptr (GArray) want = g_array_new (FALSE, TRUE, sizeof (GantryTaskSchedule));
        fresh = gantry_scheduler_new (p);
        gantry_scheduler_compute (fresh, want);
        for (i = 0; i < want->len; i++)
          {
            GantryTask *t = g_ptr_array_index (gantry_project_get_all_tasks (p), i);
            const GantryTaskSchedule *w = &g_array_index (want, GantryTaskSchedule, i);
            assert_time (gantry_task_get_start (t), w->start);
            assert_time (gantry_task_get_finish (t), w->finish);
            g_assert_cmpint (gantry_task_get_total_slack (t), ==, w->total_slack);
          }
      }
      g_rand_free (r);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/from-finish/chain-with-lag-inferred", test_chain_with_lag);
  g_test_add_func ("/engine/from-finish/finish-mid-day-inferred", test_finish_mid_day);
  g_test_add_func ("/engine/from-finish/finish-on-weekend-inferred", test_finish_on_weekend);
  g_test_add_func ("/engine/from-finish/ss-ff-links-inferred", test_ss_ff_links);
  g_test_add_func ("/engine/from-finish/summary-rollup-inferred", test_summary_rollup);
  g_test_add_func ("/engine/from-finish/finish-moves-plan-inferred", test_finish_moves_plan);
  g_test_add_func ("/engine/from-finish/random-invariants", test_random_invariants);
  return g_test_run ();
}
