/* bench-schedule.c — scheduling speed on large generated plans
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan of N tasks (every 50th a summary), N links of all four types with
 * working, elapsed, negative and percent lags, 0.3 N assignments on 500
 * resources with their own calendars, and calendars with recurring and
 * one-off holidays.  Prints, for 1k / 10k / 100k tasks, the full schedule
 * with the model unchanged and right after one edit (a task's duration, a
 * link's lag or an assignment's units), and for 100k the compile and pass
 * steps and the one-edit incremental reschedule: minimum and median of
 * repeated runs.  Never fails on time.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gantry-core.h"
#include "gantry-scheduler.h"

static GantryProject *
generate (guint n, guint32 seed, GPtrArray *leaves)
{
  GantryProject *p = gantry_project_new ();
  GantryCalendar *std = gantry_calendar_new_standard (1, "Standard");
  GRand *r = g_rand_new_with_seed (seed);
  GPtrArray *resources = g_ptr_array_new ();
  GantryCalendarException ex = { 0 };
  GantryTask *summary = NULL;
  guint i, n_links = 0, n_asg = 0, guard = 0;
  int y;

  /* holidays: yearly New Year and Christmas, and one-off days */
  ex.from_day = gantry_time_day_number (gantry_time_make (2020, 1, 1, 0, 0, 0));
  ex.to_day = gantry_time_day_number (gantry_time_make (2080, 12, 31, 0, 0, 0));
  ex.recurrence = GANTRY_RECUR_YEARLY_BY_DAY;
  ex.period = 1;
  ex.month = 0;
  ex.month_day = 1;
  ex.day.kind = GANTRY_DAY_NONWORKING;
  gantry_calendar_add_exception (std, &ex);
  ex.month = 11;
  ex.month_day = 25;
  gantry_calendar_add_exception (std, &ex);
  for (y = 2025; y < 2060; y++)
    {
      GantryCalendarException one = { 0 };
      one.from_day = one.to_day = gantry_time_day_number (gantry_time_make (y, 5, 8, 0, 0, 0));
      one.recurrence = GANTRY_RECUR_NONE;
      one.period = 1;
      one.day.kind = GANTRY_DAY_NONWORKING;
      gantry_calendar_add_exception (std, &one);
    }
  gantry_project_add_calendar (p, std);
  gantry_project_set_calendar (p, std);
  gantry_project_set_start (p, gantry_time_make (2025, 3, 3, 8, 0, 0));

  for (i = 0; i < 500; i++)
    {
      GantryResource *res = gantry_resource_new (i + 1, "R");
      GantryCalendar *rc = gantry_calendar_new (100 + i, "R");
      GantryCalendarException vac = { 0 };

      gantry_calendar_set_base (rc, std);
      vac.from_day = gantry_time_day_number (gantry_time_make (2025, 7, 1, 0, 0, 0)) + g_rand_int_range (r, 0, 60);
      vac.to_day = vac.from_day + 9;
      vac.recurrence = GANTRY_RECUR_NONE;
      vac.period = 1;
      vac.day.kind = GANTRY_DAY_NONWORKING;
      gantry_calendar_add_exception (rc, &vac);
      gantry_project_add_calendar (p, rc);
      gantry_resource_set_calendar (res, rc);
      gantry_project_add_resource (p, -1, res);
      g_ptr_array_add (resources, res);
      g_object_unref (rc);
    }

  for (i = 0; i < n; i++)
    {
      GantryTask *t = gantry_task_new (i + 1, "Task");
      if (i % 50 == 0)
        {
          gantry_task_set_name (t, "Phase");
          gantry_project_add_task (p, NULL, -1, t);
          summary = t;
        }
      else
        {
          gantry_task_set_duration (t, (GantryDuration) g_rand_int_range (r, 1, 40) * GANTRY_MS_HOUR);
          gantry_task_set_duration_format (t, GANTRY_FORMAT_HOURS);
          gantry_project_add_task (p, summary, -1, t);
          g_ptr_array_add (leaves, t);
        }
      g_object_unref (t);
    }

  while (n_links < n && guard++ < 4 * n)
    {
      guint b = g_rand_int_range (r, 1, leaves->len);
      guint a = g_rand_int_range (r, b > 300 ? b - 300 : 0, b);
      GantryTask *ta = g_ptr_array_index (leaves, a), *tb = g_ptr_array_index (leaves, b);
      GantryLinkType type = g_rand_int_range (r, 0, 4);
      int lk = g_rand_int_range (r, 0, 5);
      gint64 lag = 0;
      GantryDurationFormat fmt = GANTRY_FORMAT_DAYS;
      GantryLink *l;

      if (lk == 1)
        lag = (gint64) g_rand_int_range (r, 1, 3) * 8 * GANTRY_MS_HOUR;
      else if (lk == 2)
        lag = -(gint64) g_rand_int_range (r, 1, 8) * GANTRY_MS_HOUR;
      else if (lk == 3)
        {
          lag = (gint64) g_rand_int_range (r, 1, 3) * GANTRY_MS_DAY;
          fmt = GANTRY_FORMAT_ELAPSED_DAYS;
        }
      else if (lk == 4)
        {
          lag = (gint64) g_rand_int_range (r, 10, 50) * 1000;
          fmt = GANTRY_FORMAT_PERCENT;
        }
      l = gantry_link_new (ta, tb, type, lag, fmt);
      if (gantry_project_add_link (p, l))
        n_links++;
      g_object_unref (l);
    }

  for (i = 0; n_asg < n * 3 / 10 && i < leaves->len; i++)
    {
      GantryTask *t = g_ptr_array_index (leaves, g_rand_int_range (r, 0, leaves->len));
      GantryResource *res = g_ptr_array_index (resources, g_rand_int_range (r, 0, resources->len));
      GantryAssignment *a = gantry_assignment_new (n_asg + 1, t, res, 1.0, gantry_task_get_duration (t));
      if (gantry_project_add_assignment (p, a))
        n_asg++;
      g_object_unref (a);
    }
  for (; n_asg < n * 3 / 10; n_asg++)
    {
      GantryTask *t = g_ptr_array_index (leaves, g_rand_int_range (r, 0, leaves->len));
      GantryResource *res = g_ptr_array_index (resources, g_rand_int_range (r, 0, resources->len));
      GantryAssignment *a = gantry_assignment_new (n_asg + 1, t, res, 0.5, gantry_task_get_duration (t));
      gantry_project_add_assignment (p, a);
      g_object_unref (a);
    }

  g_ptr_array_unref (resources);
  g_object_unref (std);
  g_rand_free (r);
  return p;
}

static double
ms_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

/* CPU time of this process in ms: the machine running the benchmarks is
 * shared, so wall-clock figures include time spent waiting for a core. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Wall and CPU times of repeated runs: the minimum and the median. */
typedef struct
{
  double wall[64], cpu[64];
  int    n;
  gint64 t0;
  double c0;
} Samples;

static void
samples_start (Samples *s)
{
  s->c0 = cpu_ms ();
  s->t0 = g_get_monotonic_time ();
}

static void
samples_stop (Samples *s)
{
  double w = ms_since (s->t0), c = cpu_ms () - s->c0;

  if (s->n < 64)
    {
      s->wall[s->n] = w;
      s->cpu[s->n] = c;
      s->n++;
    }
}

static int
cmp_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
stat_of (double *v, int n, gboolean median)
{
  double tmp[64];

  if (n == 0)
    return 0;
  memcpy (tmp, v, n * sizeof (double));
  qsort (tmp, n, sizeof (double), cmp_double);
  return median ? tmp[n / 2] : tmp[0];
}

static void
samples_print (const char *what, Samples *s)
{
  printf ("    %-44s min %7.2f / median %7.2f ms wall;  min %7.2f / median %7.2f ms cpu  (%d runs)\n",
          what, stat_of (s->wall, s->n, FALSE), stat_of (s->wall, s->n, TRUE),
          stat_of (s->cpu, s->n, FALSE), stat_of (s->cpu, s->n, TRUE), s->n);
}

/* One edit of a scheduling input, as a user makes it: a task's duration,
 * a link's lag, or an assignment's units, in turn. */
static void
edit_one (GantryProject *p, GPtrArray *leaves, GRand *r, int k)
{
  GantryTask *t = g_ptr_array_index (leaves, g_rand_int_range (r, 0, leaves->len));

  switch (k % 3)
    {
    case 0:
      gantry_task_set_duration (t, gantry_task_get_duration (t) + GANTRY_MS_HOUR);
      return;
    case 1:
      {
        GPtrArray *preds = gantry_task_get_predecessors (t);
        if (preds->len > 0)
          {
            GantryLink *l = g_ptr_array_index (preds, 0);
            if (!gantry_format_is_percent (gantry_link_get_lag_format (l)))
              {
                gantry_link_set_lag (l, gantry_link_get_lag (l) + GANTRY_MS_HOUR);
                return;
              }
          }
      }
      break;
    default:
      {
        GPtrArray *as = gantry_task_get_assignments (t);
        if (as->len > 0)
          {
            GantryAssignment *a = g_ptr_array_index (as, 0);
            gantry_assignment_set_units (a, gantry_assignment_get_units (a) == 1.0 ? 0.5 : 1.0);
            return;
          }
      }
      break;
    }
  gantry_task_set_duration (t, gantry_task_get_duration (t) + GANTRY_MS_HOUR);
}

static void
run_size (guint n, int reps, gboolean detail)
{
  g_autoptr (GPtrArray) leaves = g_ptr_array_new ();
  g_autoptr (GantryProject) p = NULL;
  g_autoptr (GantryScheduler) s = NULL;
  g_autoptr (GPtrArray) edited = g_ptr_array_new ();
  GRand *r = g_rand_new_with_seed (7);
  Samples unchanged = { 0 }, after_edit = { 0 }, compile = { 0 }, pass = { 0 };
  Samples incremental = { 0 }, command = { 0 };
  double first;
  gint64 t0;
  int k;

  t0 = g_get_monotonic_time ();
  p = generate (n, 1234, leaves);
  printf ("%7u tasks, %u links, %u assignments (generated in %.0f ms)\n",
          gantry_project_get_n_tasks (p), g_list_model_get_n_items (gantry_project_get_links (p)),
          g_list_model_get_n_items (gantry_project_get_assignments (p)), ms_since (t0));
  s = gantry_scheduler_new (p);

  t0 = g_get_monotonic_time ();
  gantry_scheduler_run (s);
  first = ms_since (t0);

  /* a full pass (gantry_scheduler_run: read what changed, forward and
   * backward pass over every task, slack, roll-up, write-back) ... */
  for (k = 0; k < reps; k++)
    {
      /* ... with the model unchanged since the last pass */
      samples_start (&unchanged);
      gantry_scheduler_run (s);
      samples_stop (&unchanged);
      /* ... and right after one edit: the pass reads the edited inputs
       * again and writes every result that moved */
      edit_one (p, leaves, r, k);
      samples_start (&after_edit);
      gantry_scheduler_run (s);
      samples_stop (&after_edit);
    }
  printf ("  first full schedule (compiling calendars, writing every task): %.1f ms wall; "
          "%u critical, %u problems\n", first, gantry_scheduler_get_n_critical (s),
          gantry_scheduler_get_problems (s)->len);
  samples_print ("full schedule, model unchanged:", &unchanged);
  samples_print ("full schedule after one edit:", &after_edit);
  if (!detail)
    {
      g_rand_free (r);
      return;
    }
  for (k = 0; k < 3; k++)
    {
      samples_start (&compile);
      gantry_scheduler_compile (s);
      samples_stop (&compile);
      samples_start (&pass);
      gantry_scheduler_recompute (s);
      samples_stop (&pass);
      gantry_scheduler_write (s);
    }
  samples_print ("compile the plan from scratch:", &compile);
  samples_print ("CPM pass over the compiled plan (no I/O):", &pass);

  /* the edits below go through the incremental pass */
  gantry_scheduler_run (s);
  for (k = 0; k < 20; k++)
    {
      GantryTask *t = g_ptr_array_index (leaves, g_rand_int_range (r, 0, leaves->len));

      gantry_task_set_duration (t, gantry_task_get_duration (t) + GANTRY_MS_HOUR);
      g_ptr_array_set_size (edited, 0);
      g_ptr_array_add (edited, t);
      samples_start (&incremental);
      gantry_scheduler_run_incremental (s, edited);
      samples_stop (&incremental);
    }
  samples_print ("one edit, incremental reschedule:", &incremental);
  printf ("      (last one visited %u of %u nodes)\n", gantry_scheduler_get_n_visited (s),
          2 * (gantry_project_get_n_tasks (p) + 1));

  gantry_scheduler_set_auto (s, TRUE);
  for (k = 0; k < 20; k++)
    {
      GantryTask *t = g_ptr_array_index (leaves, g_rand_int_range (r, 0, leaves->len));
      GValue v = G_VALUE_INIT;

      g_value_init (&v, G_TYPE_INT64);
      g_value_set_int64 (&v, gantry_task_get_duration (t) + GANTRY_MS_HOUR);
      samples_start (&command);
      gantry_project_apply (p, gantry_command_set_property (t, "duration", &v));
      samples_stop (&command);
      g_value_unset (&v);
    }
  samples_print ("one edit through a command (+ reschedule):", &command);
  g_rand_free (r);
}

int
main (int argc, char **argv)
{
  /* --profile: only the 100k full pass after edits, many times (perf) */
  if (argc > 1 && g_str_equal (argv[1], "--profile"))
    {
      run_size (100000, 60, FALSE);
      return 0;
    }
  printf ("bench-schedule (targets: full schedule of 100k tasks <= 100 ms, one edit <= 10 ms;\n"
          "min and median of repeated runs, wall clock and process CPU time)\n");
  run_size (1000, 15, FALSE);
  run_size (10000, 11, FALSE);
  run_size (100000, 11, TRUE);
  return 0;
}
