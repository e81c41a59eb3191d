/* bench-tracking.c — baselines, earned value and Update Project on a big plan
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; never fails on time.  A plan of N tasks (default
 * 100,000; argv[1] overrides) in summaries of 10, chained by FS links,
 * each with a fixed cost.
 */
#include "config.h"

#include <stdlib.h>

#include "gantry-core.h"
#include "gantry-scheduler.h"
#include "gantry-tracking.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  g_autoptr(GantryProject) p = gantry_project_new ();
  g_autoptr(GantryCalendar) cal = gantry_calendar_new_standard (1, "Standard");
  GantryTask *prev = NULL, *summary = NULL;
  GantryEarnedValue ev;
  GantryTime mid;
  double t0, t_base, t_ev, t_upd, t_undo;
  int uid = 1;

  gantry_project_add_calendar (p, cal);
  gantry_project_set_calendar (p, cal);
  gantry_project_set_start (p, gantry_time_make (2026, 1, 5, 8, 0, 0));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GantryTask) t = NULL;

      if (i % 10 == 0)
        {
          g_autoptr(GantryTask) s = gantry_task_new (uid++, "Phase");

          gantry_project_add_task (p, NULL, -1, s);
          summary = s;
        }
      t = gantry_task_new (uid++, "Work");
      gantry_task_set_duration (t, 8 * GANTRY_MS_HOUR);
      gantry_task_set_duration_format (t, GANTRY_FORMAT_DAYS);
      gantry_task_set_fixed_cost (t, 100);
      gantry_project_add_task (p, summary, -1, t);
      if (prev != NULL && i % 50 != 0)
        {
          g_autoptr(GantryLink) l = gantry_link_new (prev, t, GANTRY_LINK_FS, 0,
                                                     GANTRY_FORMAT_DAYS);
          gantry_project_add_link (p, l);
        }
      prev = t;
    }
  g_ptr_array_unref (gantry_schedule_project (p));
  gantry_project_clear_history (p);
  mid = gantry_time_make (2026, 1, 19, 12, 0, 0);

  t0 = now_ms ();
  gantry_project_set_baseline_for (p, NULL, 0);
  t_base = now_ms () - t0;

  t0 = now_ms ();
  gantry_tracking_earned_value (gantry_project_get_root_task (p), 0, mid, &ev);
  t_ev = now_ms () - t0;

  t0 = now_ms ();
  gantry_project_update_progress (p, mid);
  t_upd = now_ms () - t0;

  t0 = now_ms ();
  gantry_project_undo (p);
  gantry_project_undo (p);
  t_undo = now_ms () - t0;

  g_print ("tasks %u (+%u summaries)\n", n, (n + 9) / 10);
  g_print ("set baseline (all, one undo step)  %8.1f ms\n", t_base);
  g_print ("earned value of the project        %8.1f ms  (BAC %.0f PV %.0f)\n", t_ev, ev.bac,
           ev.bcws);
  g_print ("update project (one undo step)     %8.1f ms\n", t_upd);
  g_print ("undo both                          %8.1f ms\n", t_undo);
  return 0;
}
