/* test-properties.c — scheduling properties on random (seeded) plans
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "engine-test-util.h"
#include "gantry-store.h"
#include "gantry-workcal.h"

#define N_SEEDS 12

typedef struct
{
  GantryProject *project;
  GPtrArray     *leaves;     /* GantryTask* */
  GPtrArray     *links;      /* GantryLink* */
  GantryCalendar *cal;
} RandomPlan;

static void
random_plan_free (RandomPlan *rp)
{
  g_ptr_array_unref (rp->leaves);
  g_ptr_array_unref (rp->links);
  g_object_unref (rp->project);
  g_free (rp);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RandomPlan, random_plan_free)

/* Leaves under a few summaries; links only go from an earlier leaf to a
 * later one (no cycles); lags of every kind; some constraints. */
static RandomPlan *
random_plan_new (guint32 seed, guint n, gboolean constraints)
{
  RandomPlan *rp = g_new0 (RandomPlan, 1);
  GRand *r = g_rand_new_with_seed (seed);
  GantryCalendarException ex = { 0 };
  GantryTask *summary = NULL;
  guint i;

  rp->project = plan_new (T (2025, 3, 3, 8, 0));
  rp->cal = gantry_project_get_calendar (rp->project);
  rp->leaves = g_ptr_array_new ();
  rp->links = g_ptr_array_new ();
  ex.from_day = gantry_time_day_number (T (2025, 1, 1, 0, 0));
  ex.to_day = gantry_time_day_number (T (2035, 1, 1, 0, 0));
  ex.recurrence = GANTRY_RECUR_MONTHLY_BY_DAY;
  ex.period = 1;
  ex.month_day = 1;
  ex.day.kind = GANTRY_DAY_NONWORKING;
  gantry_calendar_add_exception (rp->cal, &ex);

  for (i = 0; i < n; i++)
    {
      GantryTask *t;
      int kind = g_rand_int_range (r, 0, 20);

      if (kind == 0 || summary == NULL)
        summary = plan_task (rp->project, NULL, "Phase", DAY_MS, GANTRY_FORMAT_DAYS);
      if (kind == 1)
        t = plan_task (rp->project, summary, "M", 0, GANTRY_FORMAT_DAYS);
      else if (kind == 2)
        t = plan_task (rp->project, summary, "E",
                       g_rand_int_range (r, 1, 5) * EDAY_MS, GANTRY_FORMAT_ELAPSED_DAYS);
      else
        t = plan_task (rp->project, summary, "T",
                       g_rand_int_range (r, 1, 40) * HOUR_MS, GANTRY_FORMAT_HOURS);
      if (constraints && g_rand_int_range (r, 0, 8) == 0)
        {
          static const GantryConstraintType types[] = {
            GANTRY_CONSTRAINT_SNET, GANTRY_CONSTRAINT_FNET, GANTRY_CONSTRAINT_SNLT,
            GANTRY_CONSTRAINT_FNLT, GANTRY_CONSTRAINT_MSO, GANTRY_CONSTRAINT_MFO,
          };
          GantryConstraintType ct = types[g_rand_int_range (r, 0, G_N_ELEMENTS (types))];
          GantryTime d = T (2025, 3, 3, 8, 0) + g_rand_int_range (r, 0, 60) * GANTRY_MS_DAY;
          gantry_task_set_constraint_type (t, ct);
          gantry_task_set_constraint_date (t, d);
        }
      g_ptr_array_add (rp->leaves, t);
    }
  for (i = 1; i < n; i++)
    {
      guint k, nl = g_rand_int_range (r, 0, 3);
      for (k = 0; k < nl; k++)
        {
          GantryTask *a = g_ptr_array_index (rp->leaves, g_rand_int_range (r, MAX ((int) i - 30, 0), i));
          GantryTask *b = g_ptr_array_index (rp->leaves, i);
          GantryLinkType type = g_rand_int_range (r, 0, 4);
          int lk = g_rand_int_range (r, 0, 6);
          gint64 lag = 0;
          GantryDurationFormat fmt = GANTRY_FORMAT_DAYS;
          GantryLink *l;

          if (gantry_project_find_link (rp->project, a, b) != NULL)
            continue;
          if (lk == 1)
            lag = g_rand_int_range (r, 1, 5) * DAY_MS;
          else if (lk == 2)
            lag = -g_rand_int_range (r, 1, 3) * DAY_MS;
          else if (lk == 3)
            {
              lag = g_rand_int_range (r, 1, 4) * EDAY_MS;
              fmt = GANTRY_FORMAT_ELAPSED_DAYS;
            }
          else if (lk == 4)
            {
              lag = g_rand_int_range (r, 1, 100) * 1000;
              fmt = GANTRY_FORMAT_PERCENT;
            }
          l = plan_link (rp->project, a, b, type, lag, fmt);
          g_ptr_array_add (rp->links, l);
        }
    }
  /* links to and from summaries, and a second calendar on some tasks */
  {
    GPtrArray *all = gantry_project_get_all_tasks (rp->project);
    GantryCalendar *night = gantry_calendar_new (9, "Nights");
    GantryDayDef nd = { GANTRY_DAY_WORKING, 2, { { 0, 6 * 60 }, { 22 * 60, 24 * 60 } } };
    int wd;

    for (wd = 0; wd < 7; wd++)
      gantry_calendar_set_weekday (night, wd, &nd);
    gantry_project_add_calendar (rp->project, night);
    for (i = 0; i < rp->leaves->len; i += 17)
      gantry_task_set_calendar (g_ptr_array_index (rp->leaves, i), night);
    g_object_unref (night);

    for (i = 0; i + 1 < all->len; i += 7)
      {
        GantryTask *x = g_ptr_array_index (all, i);
        GantryTask *y = g_ptr_array_index (all, g_rand_int_range (r, i + 1, MIN (all->len, i + 60)));
        GantryLinkType type = g_rand_int_range (r, 0, 4);

        if (!gantry_task_get_summary (x) && !gantry_task_get_summary (y))
          continue;
        if (gantry_task_is_ancestor_of (x, y) || gantry_task_is_ancestor_of (y, x)
            || gantry_project_find_link (rp->project, x, y) != NULL)
          continue;
        plan_link (rp->project, x, y, type, g_rand_int_range (r, 0, 2) * DAY_MS, GANTRY_FORMAT_DAYS);
      }
  }
  g_rand_free (r);
  return rp;
}

static GArray *
snapshot (GantryProject *p)
{
  GPtrArray *all = gantry_project_get_all_tasks (p);
  GArray *a = g_array_sized_new (FALSE, TRUE, sizeof (GantryTaskSchedule), all->len + 1);
  guint i;

  g_array_set_size (a, all->len + 1);
  for (i = 0; i < all->len; i++)
    gantry_task_get_schedule (g_ptr_array_index (all, i), &g_array_index (a, GantryTaskSchedule, i));
  gantry_task_get_schedule (gantry_project_get_root_task (p), &g_array_index (a, GantryTaskSchedule, all->len));
  return a;
}

static void
assert_same_schedules (GantryProject *p, GArray *want, GArray *got)
{
  GPtrArray *all = gantry_project_get_all_tasks (p);
  guint i;

  g_assert_cmpuint (want->len, ==, got->len);
  for (i = 0; i < want->len; i++)
    {
      const GantryTaskSchedule *w = &g_array_index (want, GantryTaskSchedule, i);
      const GantryTaskSchedule *g = &g_array_index (got, GantryTaskSchedule, i);
      if (i < all->len && !(g->late_start == w->late_start && g->start == w->start
                            && g->late_finish == w->late_finish && g->total_slack == w->total_slack))
        {
          GantryTask *t = g_ptr_array_index (all, i);
          GPtrArray *pr = gantry_task_get_predecessors (t), *su = gantry_task_get_successors (t);
          guint k;
          g_test_message ("task %d summary %d ctype %d dur %" G_GINT64_FORMAT " fmt %d", gantry_task_get_uid (t),
                          gantry_task_get_summary (t), gantry_task_get_constraint_type (t),
                          gantry_task_get_duration (t), gantry_task_get_duration_format (t));
          for (k = 0; k < pr->len; k++)
            {
              GantryLink *l = g_ptr_array_index (pr, k);
              g_test_message ("  pred %d type %d lag %" G_GINT64_FORMAT " fmt %d", gantry_task_get_uid (gantry_link_get_predecessor (l)),
                              gantry_link_get_link_type (l), gantry_link_get_lag (l), gantry_link_get_lag_format (l));
            }
          for (k = 0; k < su->len; k++)
            {
              GantryLink *l = g_ptr_array_index (su, k);
              g_test_message ("  succ %d type %d lag %" G_GINT64_FORMAT " fmt %d", gantry_task_get_uid (gantry_link_get_successor (l)),
                              gantry_link_get_link_type (l), gantry_link_get_lag (l), gantry_link_get_lag_format (l));
            }
        }
      assert_time (g->start, w->start);
      assert_time (g->finish, w->finish);
      assert_time (g->early_start, w->early_start);
      assert_time (g->early_finish, w->early_finish);
      assert_time (g->late_start, w->late_start);
      assert_time (g->late_finish, w->late_finish);
      g_assert_cmpint (g->duration, ==, w->duration);
      g_assert_cmpint (g->total_slack, ==, w->total_slack);
      g_assert_cmpint (g->free_slack, ==, w->free_slack);
      g_assert_cmpint (g->critical, ==, w->critical);
    }
}

static gboolean
task_has_problem (GPtrArray *problems, GantryTask *t)
{
  guint i, k;

  for (i = 0; i < problems->len; i++)
    {
      GantryProblem *pb = g_ptr_array_index (problems, i);
      for (k = 0; k < pb->tasks->len; k++)
        if (g_ptr_array_index (pb->tasks, k) == t)
          return TRUE;
    }
  return FALSE;
}

/* Every link and constraint holds, except where a conflict is reported. */
static void
test_no_violation (void)
{
  guint32 seed;

  for (seed = 1; seed <= N_SEEDS; seed++)
    {
      g_autoptr (RandomPlan) rp = random_plan_new (seed, 300, TRUE);
      g_autoptr (GantryWorkCalCache) cache = gantry_workcal_cache_new ();
      g_autoptr (GPtrArray) problems = gantry_schedule_project (rp->project);
      guint i;

      for (i = 0; i < rp->links->len; i++)
        {
          GantryLink *l = g_ptr_array_index (rp->links, i);
          GantryTask *a = gantry_link_get_predecessor (l), *b = gantry_link_get_successor (l);
          GantryDurationFormat fmt = gantry_link_get_lag_format (l);
          gint64 lag = gantry_link_get_lag (l);
          GantryTime from, to;
          GantryWorkCal *wc;

          if (task_has_problem (problems, b) || gantry_task_get_constraint_type (b) != GANTRY_CONSTRAINT_ASAP)
            continue;
          /* lags run on the successor's calendar */
          wc = gantry_workcal_cache_get (cache, gantry_task_get_calendar (b) != NULL
                                                ? gantry_task_get_calendar (b) : rp->cal);
          switch (gantry_link_get_link_type (l))
            {
            case GANTRY_LINK_FS: from = gantry_task_get_finish (a); to = gantry_task_get_start (b); break;
            case GANTRY_LINK_SS: from = gantry_task_get_start (a); to = gantry_task_get_start (b); break;
            case GANTRY_LINK_FF: from = gantry_task_get_finish (a); to = gantry_task_get_finish (b); break;
            default:             from = gantry_task_get_start (a); to = gantry_task_get_finish (b); break;
            }
          if (gantry_format_is_percent (fmt))
            {
              lag = (gint64) ((double) gantry_task_get_duration (a) * lag / 100000.0);
              if (gantry_format_is_elapsed (gantry_task_get_duration_format (a)))
                fmt = GANTRY_FORMAT_ELAPSED_DAYS;
            }
          if (gantry_format_is_elapsed (fmt))
            {
              /* a finish cannot sit in non-working time: compare
               * working-time positions (Sat 10:00 is reached at Fri 17:00) */
              g_assert_cmpint (gantry_workcal_work_between (wc, from + lag, to), >=, 0);
              if (gantry_link_get_link_type (l) == GANTRY_LINK_FS
                  || gantry_link_get_link_type (l) == GANTRY_LINK_SS)
                g_assert_cmpint (to, >=, from + lag);
            }
          else
            g_assert_cmpint (gantry_workcal_work_between (wc, from, to), >=, lag);
        }
      for (i = 0; i < rp->leaves->len; i++)
        {
          GantryTask *t = g_ptr_array_index (rp->leaves, i);
          GantryTime d = gantry_task_get_constraint_date (t);
          GantryTime s = gantry_task_get_start (t), f = gantry_task_get_finish (t);
          GantryWorkCal *wc = gantry_workcal_cache_get (cache, gantry_task_get_calendar (t) != NULL
                                                               ? gantry_task_get_calendar (t) : rp->cal);

          g_assert_cmpint (s, !=, GANTRY_TIME_NONE);
          g_assert_cmpint (f, >=, s);
          if (task_has_problem (problems, t))
            continue;
          switch (gantry_task_get_constraint_type (t))
            {
            case GANTRY_CONSTRAINT_SNET: g_assert_cmpint (s, >=, d); break;
            case GANTRY_CONSTRAINT_FNET: g_assert_cmpint (gantry_workcal_work_between (wc, d, f), >=, 0); break;
            case GANTRY_CONSTRAINT_SNLT: g_assert_cmpint (s, <=, d); break;
            case GANTRY_CONSTRAINT_FNLT: g_assert_cmpint (f, <=, d); break;
            case GANTRY_CONSTRAINT_MSO:  g_assert_cmpint (s, ==, d); break;
            case GANTRY_CONSTRAINT_MFO:  g_assert_cmpint (f, ==, d); break;
            default: break;
            }
        }
    }
}

static void
set_duration_cmd (GantryProject *p, GantryTask *t, GantryDuration d)
{
  GValue v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, d);
  g_assert_true (gantry_project_apply (p, gantry_command_set_property (t, "duration", &v)));
  g_value_unset (&v);
}

static void
set_int64_cmd (GantryProject *p, gpointer obj, const char *prop, gint64 x)
{
  GValue v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, x);
  g_assert_true (gantry_project_apply (p, gantry_command_set_property (obj, prop, &v)));
  g_value_unset (&v);
}

static void
set_int_cmd (GantryProject *p, gpointer obj, const char *prop, int x)
{
  GValue v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT);
  g_value_set_int (&v, x);
  g_assert_true (gantry_project_apply (p, gantry_command_set_property (obj, prop, &v)));
  g_value_unset (&v);
}

/* One edit through a command: the scheduler's incremental pass (run from
 * the "changed" signal) gives exactly what a fresh full pass gives. */
static void
test_incremental_equals_full (void)
{
  guint32 seed;

  for (seed = 100; seed < 100 + N_SEEDS; seed++)
    {
      g_autoptr (RandomPlan) rp = random_plan_new (seed, 250, seed % 2 == 0);
      g_autoptr (GantryScheduler) s = gantry_scheduler_new (rp->project);
      GRand *r = g_rand_new_with_seed (seed);
      g_autoptr (GPtrArray) asgs = g_ptr_array_new ();
      g_autoptr (GantryResource) res = gantry_resource_new (1, "R");
      guint ai;
      int edit;

      gantry_project_add_resource (rp->project, -1, res);
      for (ai = 0; ai < rp->leaves->len; ai += 9)
        {
          GantryTask *t = g_ptr_array_index (rp->leaves, ai);
          g_autoptr (GantryAssignment) a =
            gantry_assignment_new (ai + 1, t, res, 1.0, 8 * HOUR_MS + ai * MIN_MS);
          if (gantry_format_is_elapsed (gantry_task_get_duration_format (t)))
            continue;
          gantry_project_add_assignment (rp->project, a);
          g_ptr_array_add (asgs, a);
        }
      gantry_scheduler_set_auto (s, TRUE);
      gantry_scheduler_run (s);
      for (edit = 0; edit < 15; edit++)
        {
          GantryTask *t = g_ptr_array_index (rp->leaves, g_rand_int_range (r, 0, rp->leaves->len));
          g_autoptr (GArray) inc = NULL, full = NULL;
          g_autoptr (GantryScheduler) fresh = NULL;
          GantryDuration d = g_rand_int_range (r, 0, 60) * HOUR_MS;

          if (gantry_format_is_elapsed (gantry_task_get_duration_format (t)))
            d = g_rand_int_range (r, 1, 4) * EDAY_MS;
          switch (edit % 5)
            {
            case 3:
              if (rp->links->len > 0)
                {
                  GantryLink *l = g_ptr_array_index (rp->links, g_rand_int_range (r, 0, rp->links->len));
                  g_test_message ("edit %d: link lag / type", edit);
                  gantry_project_begin_group (rp->project, "Link");
                  set_int_cmd (rp->project, l, "link-type", g_rand_int_range (r, 0, 4));
                  if (!gantry_format_is_percent (gantry_link_get_lag_format (l)))
                    set_int64_cmd (rp->project, l, "lag", g_rand_int_range (r, -2, 4) * DAY_MS);
                  gantry_project_end_group (rp->project);
                }
              break;
            case 4:
              {
                GantryAssignment *a = g_ptr_array_index (asgs, g_rand_int_range (r, 0, asgs->len));
                GValue v = G_VALUE_INIT;
                g_test_message ("edit %d: assignment units", edit);
                g_value_init (&v, G_TYPE_DOUBLE);
                g_value_set_double (&v, g_rand_int_range (r, 1, 4) * 0.5);
                g_assert_true (gantry_project_apply (rp->project, gantry_command_set_property (a, "units", &v)));
                g_value_unset (&v);
              }
              break;
            case 0:
              g_test_message ("edit %d: task %d duration -> %" G_GINT64_FORMAT,
                              edit, gantry_task_get_uid (t), d);
              set_duration_cmd (rp->project, t, d);
              break;
            case 1:
              {
                /* a constraint (and its date) in one undo group */
                static const GantryConstraintType types[] = {
                  GANTRY_CONSTRAINT_SNET, GANTRY_CONSTRAINT_FNLT, GANTRY_CONSTRAINT_MSO,
                  GANTRY_CONSTRAINT_ASAP,
                };
                GantryTime date = T (2025, 3, 3, 8, 0) + g_rand_int_range (r, 0, 40) * GANTRY_MS_DAY;
                g_test_message ("edit %d: task %d constraint", edit, gantry_task_get_uid (t));
                gantry_project_begin_group (rp->project, "Constraint");
                set_int64_cmd (rp->project, t, "constraint-date", date);
                set_int_cmd (rp->project, t, "constraint-type", types[g_rand_int_range (r, 0, 4)]);
                gantry_project_end_group (rp->project);
              }
              break;
            default:
              g_test_message ("edit %d: task %d deadline", edit, gantry_task_get_uid (t));
              set_int64_cmd (rp->project, t, "deadline",
                             T (2025, 3, 10, 17, 0) + g_rand_int_range (r, 0, 40) * GANTRY_MS_DAY);
              break;
            }
          inc = snapshot (rp->project);
          /* field edits of tasks, links and assignments stay incremental:
           * a full pass visits every node forward and backward */
          g_assert_cmpuint (gantry_scheduler_get_n_visited (s), <, 4 * (gantry_project_get_n_tasks (rp->project) + 1));
          fresh = gantry_scheduler_new (rp->project);
          gantry_scheduler_run (fresh);
          full = snapshot (rp->project);
          assert_same_schedules (rp->project, full, inc);
        }
      g_rand_free (r);
    }
}

/* The explicit incremental entry point follows only what it reaches:
 * 20 independent chains of 10 tasks, one edit in one chain. */
static void
test_incremental_is_local (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  g_autoptr (GantryScheduler) s = gantry_scheduler_new (p);
  g_autoptr (GPtrArray) edited = g_ptr_array_new ();
  GantryTask *chain[20][10], *last;
  guint c, i;

  for (c = 0; c < 20; c++)
    for (i = 0; i < 10; i++)
      {
        chain[c][i] = plan_task (p, NULL, "T", DAY_MS, GANTRY_FORMAT_DAYS);
        if (i > 0)
          plan_link (p, chain[c][i - 1], chain[c][i], GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
      }
  last = plan_task (p, NULL, "Long", 100 * DAY_MS, GANTRY_FORMAT_DAYS);
  gantry_scheduler_run (s);
  g_assert_cmpuint (gantry_scheduler_get_n_visited (s), >=, 4 * 201);
  assert_time (gantry_task_get_start (chain[7][9]), T (2025, 4, 25, 8, 0));
  gantry_task_set_duration (chain[7][5], 2 * DAY_MS);
  g_ptr_array_add (edited, chain[7][5]);
  g_assert_true (gantry_scheduler_run_incremental (s, edited));
  assert_time (gantry_task_get_start (chain[7][9]), T (2025, 4, 28, 8, 0));
  assert_time (gantry_task_get_start (chain[6][9]), T (2025, 4, 25, 8, 0));
  assert_time (gantry_task_get_finish (last), T (2025, 8, 29, 17, 0));
  /* one chain forward and backward, not the 804 nodes of a full pass */
  g_assert_cmpuint (gantry_scheduler_get_n_visited (s), <=, 4 * 10 + 4);
}

static void
test_remove_readd_link (void)
{
  guint32 seed;

  for (seed = 200; seed < 200 + N_SEEDS; seed++)
    {
      g_autoptr (RandomPlan) rp = random_plan_new (seed, 200, TRUE);
      g_autoptr (GArray) before = NULL, after = NULL;
      GRand *r = g_rand_new_with_seed (seed);
      int k;

      schedule (rp->project);
      before = snapshot (rp->project);
      for (k = 0; k < 5 && rp->links->len > 0; k++)
        {
          GantryLink *l = g_ptr_array_index (rp->links, g_rand_int_range (r, 0, rp->links->len));
          GantryTask *a = gantry_link_get_predecessor (l), *b = gantry_link_get_successor (l);
          GantryLinkType type = gantry_link_get_link_type (l);
          gint64 lag = gantry_link_get_lag (l);
          GantryDurationFormat fmt = gantry_link_get_lag_format (l);
          GantryLink *nl;

          g_ptr_array_remove (rp->links, l);
          gantry_project_remove_link (rp->project, l);
          schedule (rp->project);
          nl = plan_link (rp->project, a, b, type, lag, fmt);
          g_ptr_array_add (rp->links, nl);
          schedule (rp->project);
          after = snapshot (rp->project);
          assert_same_schedules (rp->project, before, after);
          g_clear_pointer (&after, g_array_unref);
        }
      g_rand_free (r);
    }
}

/* One scheduler, run again after direct (non-command) edits of every
 * kind: it must notice what changed and give what a fresh one gives. */
static void
test_rerun_after_direct_edits (void)
{
  g_autoptr (RandomPlan) rp = random_plan_new (77, 150, TRUE);
  g_autoptr (GantryScheduler) s = gantry_scheduler_new (rp->project);
  GRand *r = g_rand_new_with_seed (77);
  g_autoptr (GantryResource) res = gantry_resource_new (1, "R");
  int step;

  gantry_project_add_resource (rp->project, -1, res);
  gantry_scheduler_run (s);
  for (step = 0; step < 24; step++)
    {
      GantryTask *a = g_ptr_array_index (rp->leaves, g_rand_int_range (r, 0, rp->leaves->len / 2));
      GantryTask *b = g_ptr_array_index (rp->leaves, g_rand_int_range (r, rp->leaves->len / 2, rp->leaves->len));
      g_autoptr (GArray) mine = NULL, fresh_out = NULL;
      g_autoptr (GantryScheduler) fresh = NULL;

      switch (step % 6)
        {
        case 0:
          if (rp->links->len > 0)
            {
              GantryLink *l = g_ptr_array_index (rp->links, g_rand_int_range (r, 0, rp->links->len));
              g_ptr_array_remove (rp->links, l);
              gantry_project_remove_link (rp->project, l);
            }
          break;
        case 1:
          if (gantry_project_find_link (rp->project, a, b) == NULL)
            g_ptr_array_add (rp->links, plan_link (rp->project, a, b, GANTRY_LINK_SS, DAY_MS, GANTRY_FORMAT_DAYS));
          break;
        case 2:
          gantry_task_set_duration (a, 3 * DAY_MS);
          gantry_task_set_manual (b, !gantry_task_get_manual (b));
          break;
        case 3:
          {
            g_autoptr (GantryAssignment) asg =
              gantry_assignment_new (gantry_project_next_assignment_uid (rp->project), a, res, 0.5, 12 * HOUR_MS);
            gantry_project_add_assignment (rp->project, asg);
          }
          break;
        case 4:
          gantry_project_move_task (rp->project, a, NULL, -1);
          break;
        default:
          gantry_task_set_task_type (a, GANTRY_TASK_FIXED_DURATION);
          gantry_task_set_active (b, !gantry_task_get_active (b));
          break;
        }
      g_test_message ("step %d", step);
      gantry_scheduler_run (s);
      mine = snapshot (rp->project);
      fresh = gantry_scheduler_new (rp->project);
      gantry_scheduler_run (fresh);
      fresh_out = snapshot (rp->project);
      assert_same_schedules (rp->project, fresh_out, mine);
    }
  g_rand_free (r);
}

/* The pure pass computes without touching the model; writing then gives
 * the model exactly those results. */
static void
test_pure_compute (void)
{
  g_autoptr (RandomPlan) rp = random_plan_new (55, 120, TRUE);
  g_autoptr (GantryScheduler) s = gantry_scheduler_new (rp->project);
  g_autoptr (GArray) computed = g_array_new (FALSE, TRUE, sizeof (GantryTaskSchedule));
  g_autoptr (GArray) before = snapshot (rp->project);
  g_autoptr (GArray) untouched = NULL, after = NULL;
  GPtrArray *all = gantry_project_get_all_tasks (rp->project);
  guint i;

  gantry_scheduler_compute (s, computed);
  g_assert_cmpuint (computed->len, ==, all->len);
  untouched = snapshot (rp->project);
  assert_same_schedules (rp->project, before, untouched);
  gantry_scheduler_write (s);
  after = snapshot (rp->project);
  for (i = 0; i < all->len; i++)
    {
      GantryTaskSchedule peek;
      g_assert_true (gantry_scheduler_peek_result (s, g_ptr_array_index (all, i), &peek));
      assert_time (g_array_index (after, GantryTaskSchedule, i).start,
                   g_array_index (computed, GantryTaskSchedule, i).start);
      assert_time (g_array_index (after, GantryTaskSchedule, i).finish,
                   g_array_index (computed, GantryTaskSchedule, i).finish);
      g_assert_cmpint (g_array_index (after, GantryTaskSchedule, i).total_slack, ==, peek.total_slack);
    }
}

/* Cycles are reported with the tasks on them; everything is still
 * scheduled; nothing hangs. */
static void
test_cycles_reported (void)
{
  guint32 seed;

  for (seed = 300; seed < 300 + N_SEEDS; seed++)
    {
      g_autoptr (RandomPlan) rp = random_plan_new (seed, 200, FALSE);
      g_autoptr (GPtrArray) problems = NULL;
      GantryTask *a = g_ptr_array_index (rp->leaves, 10 + seed % 50);
      GantryTask *b = g_ptr_array_index (rp->leaves, 120 + seed % 50);
      GantryTask *c = g_ptr_array_index (rp->leaves, 180);
      GPtrArray *all;
      guint i, n_cycles = 0;
      gboolean a_in = FALSE, b_in = FALSE, c_in = FALSE;

      /* a -> b -> c -> a, whatever else exists */
      if (gantry_project_find_link (rp->project, a, b) == NULL)
        plan_link (rp->project, a, b, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
      if (gantry_project_find_link (rp->project, b, c) == NULL)
        plan_link (rp->project, b, c, GANTRY_LINK_SS, 0, GANTRY_FORMAT_DAYS);
      if (gantry_project_find_link (rp->project, c, a) == NULL)
        plan_link (rp->project, c, a, GANTRY_LINK_FF, DAY_MS, GANTRY_FORMAT_DAYS);
      problems = gantry_schedule_project (rp->project);
      for (i = 0; i < problems->len; i++)
        {
          GantryProblem *pb = g_ptr_array_index (problems, i);
          guint k;
          if (pb->kind != GANTRY_PROBLEM_CYCLE)
            continue;
          n_cycles++;
          g_assert_cmpuint (pb->tasks->len, >=, 1);
          g_assert_nonnull (pb->message);
          for (k = 0; k < pb->tasks->len; k++)
            {
              GantryTask *t = g_ptr_array_index (pb->tasks, k);
              a_in |= t == a;
              b_in |= t == b;
              c_in |= t == c;
            }
        }
      g_assert_cmpuint (n_cycles, >=, 1);
      g_assert_true (a_in && b_in && c_in);
      all = gantry_project_get_all_tasks (rp->project);
      for (i = 0; i < all->len; i++)
        {
          GantryTask *t = g_ptr_array_index (all, i);
          g_assert_cmpint (gantry_task_get_start (t), !=, GANTRY_TIME_NONE);
          g_assert_cmpint (gantry_task_get_finish (t), !=, GANTRY_TIME_NONE);
        }
    }
}

/* A link from a task to its own summary is a cycle too. */
static void
test_cycle_through_summary (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *s = plan_task (p, NULL, "S", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *a = plan_task (p, s, "A", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", DAY_MS, GANTRY_FORMAT_DAYS);
  g_autoptr (GPtrArray) problems = NULL;
  guint i;
  gboolean found = FALSE;

  plan_link (p, a, s, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  problems = gantry_schedule_project (p);
  for (i = 0; i < problems->len; i++)
    {
      GantryProblem *pb = g_ptr_array_index (problems, i);
      found |= pb->kind == GANTRY_PROBLEM_CYCLE;
    }
  g_assert_true (found);
  assert_time (gantry_task_get_finish (b), T (2025, 4, 14, 17, 0));
}

/* Links to and from summaries apply to their leaves. */
static void
test_summary_links (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  GantryTask *s1 = plan_task (p, NULL, "S1", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *a = plan_task (p, s1, "A", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, s1, "B", 3 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *s2 = plan_task (p, NULL, "S2", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *c = plan_task (p, s2, "C", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *d = plan_task (p, s2, "D", DAY_MS, GANTRY_FORMAT_DAYS);

  plan_link (p, s1, s2, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  schedule (p);
  assert_time (gantry_task_get_finish (a), T (2025, 4, 15, 17, 0));
  assert_time (gantry_task_get_finish (b), T (2025, 4, 16, 17, 0));
  /* both leaves of S2 wait for the latest leaf of S1 */
  assert_time (gantry_task_get_start (c), T (2025, 4, 17, 8, 0));
  assert_time (gantry_task_get_start (d), T (2025, 4, 17, 8, 0));
  assert_time (gantry_task_get_finish (s2), T (2025, 4, 17, 17, 0));
  /* B drives, so it is critical; A has one day of slack */
  g_assert_true (gantry_task_get_critical (b));
  g_assert_cmpint (gantry_task_get_total_slack (a), ==, DAY_MS);
}

/* A full pass reuses the inputs it read when the model has not changed
 * since (the model's change serial): every kind of edit that reaches
 * the scheduling inputs only through a setter, a calendar or a resource,
 * with no "changed" signal, must still give a fresh scheduler's result.
 * Each step runs twice (the second run takes the reuse path). */
static void
test_rerun_reuses_inputs (void)
{
  g_autoptr (RandomPlan) rp = random_plan_new (91, 160, TRUE);
  g_autoptr (GantryScheduler) s = gantry_scheduler_new (rp->project);
  g_autoptr (GantryResource) res = gantry_resource_new (1, "R");
  g_autoptr (GantryCalendar) rcal = gantry_calendar_new (50, "R");
  GRand *r = g_rand_new_with_seed (91);
  g_autoptr (GPtrArray) asgs = g_ptr_array_new_with_free_func (g_object_unref);
  int step, k;

  gantry_calendar_set_base (rcal, rp->cal);
  gantry_project_add_calendar (rp->project, rcal);
  gantry_resource_set_calendar (res, rcal);
  gantry_project_add_resource (rp->project, -1, res);
  for (k = 0; k < 12; k++)
    {
      GantryTask *t = g_ptr_array_index (rp->leaves, g_rand_int_range (r, 0, rp->leaves->len));
      GantryAssignment *a = gantry_assignment_new (gantry_project_next_assignment_uid (rp->project),
                                                   t, res, 1.0, 16 * HOUR_MS);
      if (gantry_project_add_assignment (rp->project, a))
        g_ptr_array_add (asgs, a);
      else
        g_object_unref (a);
    }
  g_assert_cmpuint (asgs->len, >, 0);
  gantry_scheduler_run (s);
  for (step = 0; step < 28; step++)
    {
      GantryTask *a = g_ptr_array_index (rp->leaves, g_rand_int_range (r, 0, rp->leaves->len));
      GantryLink *l = rp->links->len > 0
                      ? g_ptr_array_index (rp->links, g_rand_int_range (r, 0, rp->links->len)) : NULL;
      GantryAssignment *asg = g_ptr_array_index (asgs, g_rand_int_range (r, 0, asgs->len));
      g_autoptr (GArray) mine = NULL, twice = NULL, fresh_out = NULL;
      g_autoptr (GantryScheduler) fresh = NULL;

      switch (step % 7)
        {
        case 0:
          if (l != NULL)
            gantry_link_set_lag (l, gantry_link_get_lag (l) + DAY_MS);
          break;
        case 1:
          if (l != NULL)
            gantry_link_set_link_type (l, (gantry_link_get_link_type (l) + 1) % 4);
          break;
        case 2:
          {
            GantryCalendarException ex = { 0 };
            ex.from_day = gantry_time_day_number (T (2025, 3, 4, 0, 0)) + g_rand_int_range (r, 0, 60);
            ex.to_day = ex.from_day + 2;
            ex.recurrence = GANTRY_RECUR_NONE;
            ex.period = 1;
            ex.day.kind = GANTRY_DAY_NONWORKING;
            gantry_calendar_add_exception (step % 2 ? rcal : rp->cal, &ex);
          }
          break;
        case 3:
          gantry_resource_set_resource_type (res, gantry_resource_get_resource_type (res)
                                                  == GANTRY_RESOURCE_WORK
                                                  ? GANTRY_RESOURCE_MATERIAL : GANTRY_RESOURCE_WORK);
          break;
        case 4:
          gantry_assignment_set_units (asg, gantry_assignment_get_units (asg) == 1.0 ? 0.5 : 1.0);
          gantry_resource_set_standard_rate (res, 10.0 * step);
          break;
        case 5:
          gantry_task_set_constraint_type (a, GANTRY_CONSTRAINT_SNET);
          gantry_task_set_constraint_date (a, T (2025, 4, 1, 8, 0) + g_rand_int_range (r, 0, 30) * GANTRY_MS_DAY);
          break;
        default:
          gantry_resource_set_calendar (res, gantry_resource_get_calendar (res) == rcal ? NULL : rcal);
          break;
        }
      g_test_message ("step %d", step);
      gantry_scheduler_run (s);
      mine = snapshot (rp->project);
      gantry_scheduler_run (s);
      twice = snapshot (rp->project);
      g_test_message ("second run equals the first");
      assert_same_schedules (rp->project, mine, twice);
      g_test_message ("equals a fresh pass");
      fresh = gantry_scheduler_new (rp->project);
      fresh_out = g_array_new (FALSE, TRUE, sizeof (GantryTaskSchedule));
      gantry_scheduler_compute (fresh, fresh_out);
      g_array_append_val (fresh_out, g_array_index (twice, GantryTaskSchedule, twice->len - 1));
      assert_same_schedules (rp->project, fresh_out, twice);
      for (k = 0; k < (int) twice->len - 1; k++)
        g_assert_true (g_array_index (fresh_out, GantryTaskSchedule, k).cost
                       == g_array_index (twice, GantryTaskSchedule, k).cost);
    }
  g_rand_free (r);
}


/* Applies one random edit of a scheduling input: task fields, links,
 * assignments, resources (directly or through a command), now and then a
 * structural one.  Returns a short description for the log. */
static const char *
random_edit (RandomPlan *rp, GRand *r, GPtrArray *asgs, GPtrArray *resources,
             GantryCalendar *rcal)
{
  GantryTask *t = g_ptr_array_index (rp->leaves, g_rand_int_range (r, 0, rp->leaves->len));
  GantryLink *l = rp->links->len > 0
                  ? g_ptr_array_index (rp->links, g_rand_int_range (r, 0, rp->links->len)) : NULL;
  GantryAssignment *a = asgs->len > 0
                        ? g_ptr_array_index (asgs, g_rand_int_range (r, 0, asgs->len)) : NULL;
  GantryResource *res = g_ptr_array_index (resources, g_rand_int_range (r, 0, resources->len));
  gboolean elapsed = gantry_format_is_elapsed (gantry_task_get_duration_format (t));

  switch (g_rand_int_range (r, 0, 16))
    {
    case 0:
      gantry_task_set_duration (t, elapsed ? g_rand_int_range (r, 1, 4) * EDAY_MS
                                           : g_rand_int_range (r, 1, 50) * HOUR_MS);
      return "duration";
    case 1:
      set_duration_cmd (rp->project, t, elapsed ? g_rand_int_range (r, 1, 4) * EDAY_MS
                                                : g_rand_int_range (r, 1, 50) * HOUR_MS);
      return "duration (command)";
    case 2:
      if (l != NULL && !gantry_format_is_percent (gantry_link_get_lag_format (l)))
        gantry_link_set_lag (l, g_rand_int_range (r, -2, 4) * DAY_MS);
      return "link lag";
    case 3:
      if (l != NULL)
        set_int_cmd (rp->project, l, "link-type", (gantry_link_get_link_type (l) + 1) % 4);
      return "link type (command)";
    case 4:
      if (a != NULL)
        gantry_assignment_set_units (a, g_rand_int_range (r, 1, 4) * 0.5);
      return "assignment units";
    case 5:
      if (a != NULL)
        gantry_assignment_set_work (a, g_rand_int_range (r, 1, 40) * HOUR_MS);
      return "assignment work";
    case 6:
      if (a != NULL)
        gantry_assignment_set_delay (a, g_rand_int_range (r, 0, 3) * DAY_MS);
      return "assignment delay";
    case 7:
      gantry_resource_set_calendar (res, gantry_resource_get_calendar (res) == rcal ? NULL : rcal);
      return "resource calendar";
    case 8:
      gantry_resource_set_standard_rate (res, g_rand_int_range (r, 1, 100));
      return "resource rate";
    case 9:
      {
        static const GantryConstraintType types[] = {
          GANTRY_CONSTRAINT_SNET, GANTRY_CONSTRAINT_FNET, GANTRY_CONSTRAINT_SNLT,
          GANTRY_CONSTRAINT_FNLT, GANTRY_CONSTRAINT_MSO, GANTRY_CONSTRAINT_MFO,
          GANTRY_CONSTRAINT_ASAP, GANTRY_CONSTRAINT_ALAP,
        };
        gantry_task_set_constraint_date (t, T (2025, 3, 3, 8, 0)
                                            + g_rand_int_range (r, 0, 60) * GANTRY_MS_DAY);
        gantry_task_set_constraint_type (t, types[g_rand_int_range (r, 0, G_N_ELEMENTS (types))]);
      }
      return "constraint";
    case 10:
      gantry_task_set_calendar (t, gantry_task_get_calendar (t) == NULL ? rcal : NULL);
      return "task calendar";
    case 11:
      gantry_task_set_deadline (t, T (2025, 3, 20, 17, 0) + g_rand_int_range (r, 0, 40) * GANTRY_MS_DAY);
      return "deadline";
    case 12:
      gantry_task_set_leveling_delay (t, g_rand_int_range (r, 0, 3) * EDAY_MS);
      return "leveling delay";
    case 13:
      gantry_task_set_percent_complete (t, g_rand_int_range (r, 0, 3) * 50);
      if (gantry_task_get_percent_complete (t) > 0)
        gantry_task_set_actual_start (t, gantry_task_get_start (t));
      else
        gantry_task_set_actual_start (t, GANTRY_TIME_NONE);
      return "progress";
    case 14:
      gantry_task_set_manual (t, !gantry_task_get_manual (t));
      return "manual";
    default:
      {
        /* structural: a new link from an earlier leaf */
        guint bi = g_rand_int_range (r, 1, rp->leaves->len);
        GantryTask *x = g_ptr_array_index (rp->leaves, g_rand_int_range (r, 0, bi));
        GantryTask *y = g_ptr_array_index (rp->leaves, bi);
        if (gantry_project_find_link (rp->project, x, y) == NULL
            && gantry_project_find_link (rp->project, y, x) == NULL)
          g_ptr_array_add (rp->links, plan_link (rp->project, x, y, GANTRY_LINK_FS, 0,
                                                 GANTRY_FORMAT_DAYS));
      }
      return "new link";
    }
}

/* A long-lived scheduler's full pass after random edits (1 to 5 between
 * passes, some with automatic incremental passes in between) gives
 * exactly what a fresh scheduler gives on a copy of the plan saved and
 * loaded again: the full pass re-reads only the stamped tasks, and this
 * checks nothing it reuses is stale. */
static void
test_full_after_edits_equals_fresh_load (void)
{
  guint32 seed;
  g_autofree char *dir = g_dir_make_tmp ("gantry-engine-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "copy.gantry", NULL);

  g_assert_nonnull (dir);
  for (seed = 300; seed < 300 + N_SEEDS / 2; seed++)
    {
      g_autoptr (RandomPlan) rp = random_plan_new (seed, 200, TRUE);
      g_autoptr (GantryScheduler) s = gantry_scheduler_new (rp->project);
      g_autoptr (GPtrArray) asgs = g_ptr_array_new ();
      g_autoptr (GPtrArray) resources = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr (GantryCalendar) rcal = gantry_calendar_new (60, "Resource");
      GRand *r = g_rand_new_with_seed (seed);
      GantryCalendarException vac = { 0 };
      guint i;
      int round;

      gantry_calendar_set_base (rcal, rp->cal);
      vac.from_day = gantry_time_day_number (T (2025, 3, 17, 0, 0));
      vac.to_day = vac.from_day + 4;
      vac.recurrence = GANTRY_RECUR_NONE;
      vac.period = 1;
      vac.day.kind = GANTRY_DAY_NONWORKING;
      gantry_calendar_add_exception (rcal, &vac);
      gantry_project_add_calendar (rp->project, rcal);
      for (i = 0; i < 3; i++)
        {
          GantryResource *res = gantry_resource_new (i + 1, "R");
          if (i == 1)
            gantry_resource_set_calendar (res, rcal);
          gantry_project_add_resource (rp->project, -1, res);
          g_ptr_array_add (resources, res);
        }
      for (i = 0; i < rp->leaves->len; i += 5)
        {
          GantryTask *t = g_ptr_array_index (rp->leaves, i);
          g_autoptr (GantryAssignment) a = NULL;

          if (gantry_format_is_elapsed (gantry_task_get_duration_format (t)))
            continue;
          a = gantry_assignment_new (gantry_project_next_assignment_uid (rp->project), t,
                                     g_ptr_array_index (resources, i % 3), 1.0, 12 * HOUR_MS);
          if (gantry_project_add_assignment (rp->project, a))
            g_ptr_array_add (asgs, a);
        }
      gantry_scheduler_run (s);
      for (round = 0; round < 30; round++)
        {
          g_autoptr (GantryProject) copy = NULL;
          g_autoptr (GantryScheduler) fresh = NULL;
          g_autoptr (GArray) mine = NULL, theirs = NULL;
          g_autoptr (GError) error = NULL;
          int k, n_edits = g_rand_int_range (r, 1, 6);

          gantry_scheduler_set_auto (s, round % 3 == 1);
          for (k = 0; k < n_edits; k++)
            g_test_message ("seed %u round %d: %s", seed, round,
                            random_edit (rp, r, asgs, resources, rcal));
          gantry_scheduler_set_auto (s, FALSE);
          gantry_scheduler_run (s);
          mine = snapshot (rp->project);

          g_assert_true (gantry_store_save (rp->project, path, &error));
          g_assert_no_error (error);
          copy = gantry_store_load (path, &error);
          g_assert_no_error (error);
          g_assert_nonnull (copy);
          fresh = gantry_scheduler_new (copy);
          gantry_scheduler_run (fresh);
          theirs = snapshot (copy);
          assert_same_schedules (copy, theirs, mine);
          for (i = 0; i < mine->len; i++)
            {
              g_assert_true (g_array_index (mine, GantryTaskSchedule, i).cost
                             == g_array_index (theirs, GantryTaskSchedule, i).cost);
              g_assert_cmpint (g_array_index (mine, GantryTaskSchedule, i).work, ==,
                               g_array_index (theirs, GantryTaskSchedule, i).work);
            }
        }
      g_rand_free (r);
    }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/property/no-violation", test_no_violation);
  g_test_add_func ("/engine/property/incremental-equals-full", test_incremental_equals_full);
  g_test_add_func ("/engine/property/incremental-is-local", test_incremental_is_local);
  g_test_add_func ("/engine/property/remove-readd-link", test_remove_readd_link);
  g_test_add_func ("/engine/property/rerun-after-direct-edits", test_rerun_after_direct_edits);
  g_test_add_func ("/engine/property/rerun-reuses-inputs", test_rerun_reuses_inputs);
  g_test_add_func ("/engine/property/full-after-edits-equals-fresh-load",
                   test_full_after_edits_equals_fresh_load);
  g_test_add_func ("/engine/property/pure-compute", test_pure_compute);
  g_test_add_func ("/engine/property/cycles-reported", test_cycles_reported);
  g_test_add_func ("/engine/property/cycle-through-summary", test_cycle_through_summary);
  g_test_add_func ("/engine/property/summary-links", test_summary_links);
  return g_test_run ();
}
