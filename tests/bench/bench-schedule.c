/* bench-schedule.c — scheduling speed on large generated plans
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan of N tasks (every 50th a summary), N links of all four types with
 * working, elapsed, negative and percent lags, 0.3 N assignments on 500
 * resources with their own calendars, and calendars with recurring and
 * one-off holidays.  Prints: full schedule, one-edit reschedule, and
 * scaling 1k / 10k / 100k.  Never fails on time.
 */
#include "config.h"

#include <stdio.h>
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

static void
run_size (guint n, gboolean detail)
{
  g_autoptr (GPtrArray) leaves = g_ptr_array_new ();
  g_autoptr (GantryProject) p = NULL;
  g_autoptr (GantryScheduler) s = NULL;
  g_autoptr (GPtrArray) edited = g_ptr_array_new ();
  GRand *r = g_rand_new_with_seed (7);
  double first, full = 1e9, full_cpu = 1e9, edit_total = 0, edit_max = 0, cmd_total = 0;
  double reread = 1e9, reread_cpu = 1e9;
  double edit_cpu = 0, cmd_cpu = 0, c0;
  gint64 t0;
  int k, n_edits = 20;

  t0 = g_get_monotonic_time ();
  p = generate (n, 1234, leaves);
  if (detail)
    printf ("  generate %u tasks, %u links, %u assignments: %.1f ms\n",
            gantry_project_get_n_tasks (p), g_list_model_get_n_items (gantry_project_get_links (p)),
            g_list_model_get_n_items (gantry_project_get_assignments (p)), ms_since (t0));
  s = gantry_scheduler_new (p);

  t0 = g_get_monotonic_time ();
  gantry_scheduler_run (s);
  first = ms_since (t0);
  /* a full pass with the model unchanged since the last one: the inputs
   * read then are reused (the model's change serial says nothing
   * changed); the CPM pass, roll-up, slack and write-back all run */
  for (k = 0; k < 5; k++)
    {
      double m;
      c0 = cpu_ms ();
      t0 = g_get_monotonic_time ();
      gantry_scheduler_run (s);
      m = ms_since (t0);
      full = MIN (full, m);
      full_cpu = MIN (full_cpu, cpu_ms () - c0);
    }
  /* a full pass (not incremental) after an edit: every input is read
   * from the model again */
  for (k = 0; k < 3; k++)
    {
      GantryTask *t = g_ptr_array_index (leaves, g_rand_int_range (r, 0, leaves->len));

      gantry_task_set_duration (t, gantry_task_get_duration (t) + GANTRY_MS_HOUR);
      c0 = cpu_ms ();
      t0 = g_get_monotonic_time ();
      gantry_scheduler_run (s);
      reread = MIN (reread, ms_since (t0));
      reread_cpu = MIN (reread_cpu, cpu_ms () - c0);
    }
  {
    double comp = 1e9, comp_cpu = 1e9, pass = 1e9, pass_cpu = 1e9;
    for (k = 0; k < 3; k++)
      {
        c0 = cpu_ms ();
        t0 = g_get_monotonic_time ();
        gantry_scheduler_compile (s);
        comp = MIN (comp, ms_since (t0));
        comp_cpu = MIN (comp_cpu, cpu_ms () - c0);
        c0 = cpu_ms ();
        t0 = g_get_monotonic_time ();
        gantry_scheduler_recompute (s);
        pass = MIN (pass, ms_since (t0));
        pass_cpu = MIN (pass_cpu, cpu_ms () - c0);
        gantry_scheduler_write (s);
      }
    printf ("%7u tasks: full schedule %.1f ms wall / %.1f ms cpu (model unchanged: inputs "
            "reused); full schedule after an edit %.1f / %.1f (every input read again); "
            "compile from scratch %.1f / %.1f; full CPM pass over the compiled plan %.1f / %.1f; "
            "first run (compiling calendars, writing every task) %.1f ms wall; %u critical, "
            "%u problems\n",
            n, full, full_cpu, reread, reread_cpu, comp, comp_cpu, pass, pass_cpu, first,
            gantry_scheduler_get_n_critical (s), gantry_scheduler_get_problems (s)->len);
  }
  if (!detail)
    {
      g_rand_free (r);
      return;
    }
  /* the edits below go through the incremental pass */
  gantry_scheduler_run (s);

  for (k = 0; k < n_edits; k++)
    {
      GantryTask *t = g_ptr_array_index (leaves, g_rand_int_range (r, 0, leaves->len));
      double m;

      gantry_task_set_duration (t, gantry_task_get_duration (t) + GANTRY_MS_HOUR);
      g_ptr_array_set_size (edited, 0);
      g_ptr_array_add (edited, t);
      c0 = cpu_ms ();
      t0 = g_get_monotonic_time ();
      gantry_scheduler_run_incremental (s, edited);
      m = ms_since (t0);
      edit_cpu += cpu_ms () - c0;
      edit_total += m;
      edit_max = MAX (edit_max, m);
    }
  printf ("  one-edit reschedule (incremental, %d edits): mean %.2f ms wall (%.2f ms cpu), "
          "max %.2f ms, last visited %u of %u nodes\n", n_edits, edit_total / n_edits,
          edit_cpu / n_edits, edit_max,
          gantry_scheduler_get_n_visited (s), 2 * (gantry_project_get_n_tasks (p) + 1));

  gantry_scheduler_set_auto (s, TRUE);
  for (k = 0; k < n_edits; k++)
    {
      GantryTask *t = g_ptr_array_index (leaves, g_rand_int_range (r, 0, leaves->len));
      GValue v = G_VALUE_INIT;

      g_value_init (&v, G_TYPE_INT64);
      g_value_set_int64 (&v, gantry_task_get_duration (t) + GANTRY_MS_HOUR);
      c0 = cpu_ms ();
      t0 = g_get_monotonic_time ();
      gantry_project_apply (p, gantry_command_set_property (t, "duration", &v));
      cmd_total += ms_since (t0);
      cmd_cpu += cpu_ms () - c0;
      g_value_unset (&v);
    }
  printf ("  one edit through a command (apply + \"changed\" + reschedule): mean %.2f ms wall "
          "(%.2f ms cpu)\n", cmd_total / n_edits, cmd_cpu / n_edits);
  g_rand_free (r);
}

int
main (int argc, char **argv)
{
  printf ("bench-schedule (targets: full 100k <= 100 ms, one edit <= 10 ms)\n");
  run_size (1000, FALSE);
  run_size (10000, FALSE);
  run_size (100000, TRUE);
  return 0;
}
