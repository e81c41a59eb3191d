/* bench-store.c — saving and opening a large .gantry file
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a plan of 100,000 tasks (1,000 summaries of 99 tasks each), 100,000
 * links and 30,000 assignments through the core's direct API, saves it, and
 * opens it again; prints the times and the peak memory.  The open is timed
 * a second time in a fresh process, whose peak memory is what opening alone
 * costs.  Targets (issue 2): save <= 1 s, open <= 1 s.  A benchmark prints
 * figures; it never fails on time.
 *
 * Usage: bench-store [--tasks N] [--keep FILE]
 *        bench-store --open-only FILE      (used internally)
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "gantry-core.h"
#include "gantry-store.h"

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* User + system CPU seconds of this process so far (the machine is
 * shared, so wall time alone says little). */
static double
cpu_now (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
         ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static double
peak_mib (int who)
{
  struct rusage ru;

  getrusage (who, &ru);
  return ru.ru_maxrss / 1024.0;   /* ru_maxrss is in KiB on Linux */
}

static GantryProject *
build_plan (int n_tasks, int n_links, int n_assignments)
{
  GantryProject *plan = gantry_project_new ();
  GantryTask *root = gantry_project_get_root_task (plan);
  g_autoptr(GantryCalendar) cal = gantry_calendar_new_standard (1, "Standard");
  g_autoptr(GPtrArray) leaves = g_ptr_array_new ();
  GantryTask *summary = NULL;
  const int n_resources = 300;
  GantryTime start = gantry_time_make (2026, 1, 5, 8, 0, 0);
  int links = 0;

  gantry_project_add_calendar (plan, cal);
  gantry_project_set_calendar (plan, cal);
  gantry_project_set_name (plan, "Benchmark");
  gantry_project_set_start (plan, start);

  for (int r = 0; r < n_resources; r++)
    {
      g_autofree char *name = g_strdup_printf ("Resource %d", r + 1);
      g_autoptr(GantryResource) res = gantry_resource_new (r + 1, name);

      gantry_resource_set_id (res, r + 1);
      gantry_resource_set_standard_rate (res, 50 + r % 40);
      gantry_resource_set_max_units (res, 1.0);
      gantry_project_add_resource (plan, -1, res);
    }

  for (int i = 0; i < n_tasks; i++)
    {
      int uid = i + 1;
      g_autofree char *name = NULL;
      g_autoptr(GantryTask) t = NULL;
      GantryTaskSchedule s = { 0 };

      if (i % 100 == 0)
        {
          name = g_strdup_printf ("Phase %d", i / 100 + 1);
          t = gantry_task_new (uid, name);
          gantry_task_set_id (t, uid);
          g_assert_true (gantry_project_add_task (plan, root, -1, t));
          summary = t;
          continue;
        }

      name = g_strdup_printf ("Task %d", uid);
      t = gantry_task_new (uid, name);
      gantry_task_set_id (t, uid);
      gantry_task_set_duration_format (t, GANTRY_FORMAT_DAYS);
      gantry_task_set_percent_complete (t, i % 101);
      if (i % 10 == 0)
        gantry_task_set_notes (t, "Check with the supplier before starting.");
      s.start = start + (gint64) (i % 500) * GANTRY_MS_DAY;
      s.finish = s.start + 9 * GANTRY_MS_HOUR;
      s.duration = (i % 5 + 1) * 8 * GANTRY_MS_HOUR;
      s.work = s.duration;
      s.early_start = s.start;
      s.early_finish = s.finish;
      s.late_start = s.start + GANTRY_MS_DAY;
      s.late_finish = s.finish + GANTRY_MS_DAY;
      s.total_slack = 8 * GANTRY_MS_HOUR;
      s.free_slack = 0;
      s.critical = i % 7 == 0;
      s.cost = 400.0 * (i % 5 + 1);
      gantry_task_set_schedule (t, &s);
      g_assert_true (gantry_project_add_task (plan, summary, -1, t));
      g_ptr_array_add (leaves, t);
    }

  /* A chain through all leaves, then skip links until there are enough. */
  for (guint j = 0; j + 1 < leaves->len && links < n_links; j++, links++)
    {
      g_autoptr(GantryLink) l = gantry_link_new (leaves->pdata[j], leaves->pdata[j + 1],
                                                 GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);

      g_assert_true (gantry_project_add_link (plan, l));
    }
  for (guint j = 0; j + 3 < leaves->len && links < n_links; j += 7, links++)
    {
      g_autoptr(GantryLink) l = gantry_link_new (leaves->pdata[j], leaves->pdata[j + 3],
                                                 GANTRY_LINK_SS, GANTRY_MS_HOUR * 4,
                                                 GANTRY_FORMAT_HOURS);

      g_assert_true (gantry_project_add_link (plan, l));
    }

  for (int k = 0; k < n_assignments && (guint) k * 3 < leaves->len; k++)
    {
      GantryTask *t = leaves->pdata[k * 3];
      GantryResource *res = gantry_project_lookup_resource (plan, k % n_resources + 1);
      g_autoptr(GantryAssignment) a =
        gantry_assignment_new (k + 1, t, res, 1.0, gantry_task_get_work (t));

      gantry_assignment_set_computed (a, gantry_task_get_start (t),
                                      gantry_task_get_finish (t), 400.0);
      g_assert_true (gantry_project_add_assignment (plan, a));
    }

  gantry_project_clear_history (plan);
  return plan;
}

/* The peak resident size of this process image, from /proc (ru_maxrss
 * would include the parent's peak: Linux keeps it across fork + exec). */
static double
peak_mib_since_exec (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return peak_mib (RUSAGE_SELF);
  return g_ascii_strtod (line + 6, NULL) / 1024.0;
}

static int
open_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GantryProject) loaded = NULL;
  double t0 = now ();
  double c0 = cpu_now ();
  double t_open, c_open;

  loaded = gantry_store_load (path, &error);
  t_open = now () - t0;
  c_open = cpu_now () - c0;
  if (loaded == NULL)
    {
      g_printerr ("open failed: %s\n", error->message);
      return 1;
    }
  printf ("open (fresh process): %.3f s wall, %.3f s CPU, %u tasks, peak RSS %.1f MiB\n",
          t_open, c_open, gantry_project_get_n_tasks (loaded), peak_mib_since_exec ());
  return 0;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GantryProject) plan = NULL;
  g_autoptr(GantryProject) loaded = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *keep = NULL;
  int n_tasks = 100000;
  double t0, c0, t_build, t_save, t_open, c_save, c_open;
  struct stat st;
  int status = 0;

  setlocale (LC_ALL, "");

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--open-only") == 0 && i + 1 < argc)
        return open_only (argv[i + 1]);
      else if (strcmp (argv[i], "--tasks") == 0 && i + 1 < argc)
        n_tasks = atoi (argv[++i]);
      else if (strcmp (argv[i], "--keep") == 0 && i + 1 < argc)
        keep = argv[++i];
    }
  if (n_tasks < 100)
    n_tasks = 100;

  dir = g_dir_make_tmp ("gantry-bench-store-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "big.gantry", NULL);

  t0 = now ();
  plan = build_plan (n_tasks, n_tasks, n_tasks * 3 / 10);
  t_build = now () - t0;
  printf ("plan: %u tasks, %u links, %u assignments, %u resources\n",
          gantry_project_get_n_tasks (plan),
          g_list_model_get_n_items (gantry_project_get_links (plan)),
          g_list_model_get_n_items (gantry_project_get_assignments (plan)),
          g_list_model_get_n_items (gantry_project_get_resources (plan)));
  printf ("build (core direct API): %.3f s\n", t_build);

  t0 = now ();
  c0 = cpu_now ();
  if (!gantry_store_save (plan, path, &error))
    {
      g_printerr ("save failed: %s\n", error->message);
      return 1;
    }
  t_save = now () - t0;
  c_save = cpu_now () - c0;
  g_stat (path, &st);
  printf ("save: %.3f s wall, %.3f s CPU (target 1 s), file %.1f MiB\n", t_save, c_save,
          st.st_size / 1048576.0);

  t0 = now ();
  c0 = cpu_now ();
  loaded = gantry_store_load (path, &error);
  t_open = now () - t0;
  c_open = cpu_now () - c0;
  if (loaded == NULL)
    {
      g_printerr ("open failed: %s\n", error->message);
      return 1;
    }
  printf ("open: %.3f s wall, %.3f s CPU (target 1 s), %u tasks, %u links, %u assignments\n",
          t_open, c_open,
          gantry_project_get_n_tasks (loaded),
          g_list_model_get_n_items (gantry_project_get_links (loaded)),
          g_list_model_get_n_items (gantry_project_get_assignments (loaded)));
  if (gantry_project_get_n_tasks (loaded) != gantry_project_get_n_tasks (plan))
    status = 1;
  printf ("peak RSS (build + save + open, two plans in memory): %.1f MiB\n",
          peak_mib (RUSAGE_SELF));
  g_clear_object (&loaded);

  /* Opening alone, in a fresh process. */
  {
    const char *child_argv[] = { "/proc/self/exe", "--open-only", path, NULL };
    g_autofree char *out = NULL;
    int wait_status = 0;

    child_argv[0] = g_file_test ("/proc/self/exe", G_FILE_TEST_EXISTS) ? "/proc/self/exe"
                                                                        : argv[0];
    if (g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                      &out, NULL, &wait_status, &error) &&
        g_spawn_check_wait_status (wait_status, NULL))
      fputs (out, stdout);
    else
      {
        printf ("open in a fresh process failed\n");
        status = 1;
      }
    g_clear_error (&error);
  }

  if (keep != NULL)
    g_rename (path, keep);
  g_unlink (path);
  g_rmdir (dir);
  return status;
}
