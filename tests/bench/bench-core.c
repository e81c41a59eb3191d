/* bench-core.c — the model at scale: bulk loading through the direct API,
 * the outline cache, renumbering, big undoable edits, teardown.
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; never fails on time.  Loading is run at three sizes so
 * the per-item cost shows whether it stays flat (linear) as n grows.
 */
#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <time.h>

#include "gantry-core.h"

/* CPU time of the process, in µs: the machine running the benchmarks is
 * shared, so wall-clock figures would mostly measure the neighbours. */
static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Heap bytes in use, in MiB (glibc's mallinfo2: exact even when freed
 * memory is kept by the allocator), or -1 where unavailable. */
static double
heap_mib (void)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  struct mallinfo2 mi = mallinfo2 ();

  return (double) (mi.uordblks + mi.hblkhd) / (1024.0 * 1024.0);
#else
  return -1;
#endif
}

typedef struct
{
  double rss_before, rss_loaded;
  double load_s;
  double all_tasks_s;
  double renumber_s;
  double remove_s;
  double undo_s;
  double free_s;
} Figures;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, gpointer data)
{
  (*(guint *) data)++;
}

/* n tasks in summaries of 100, n links (a chain plus one), 0.3 n assignments. */
static GantryProject *
load (guint n, double *seconds, guint *signals)
{
  GantryProject *p = gantry_project_new ();
  g_autoptr(GPtrArray) tasks = g_ptr_array_new ();
  g_autoptr(GPtrArray) resources = g_ptr_array_new ();
  gint64 t0 = cpu_now ();
  GantryTask *summary = NULL;
  int uid = 1;

  /* A view listening to the root, as the task table would. */
  g_signal_connect (gantry_project_get_root_task (p), "items-changed",
                    G_CALLBACK (on_items_changed), signals);

  for (guint r = 0; r < 100; r++)
    {
      g_autoptr(GantryResource) res = gantry_resource_new ((int) r + 1, "R");
      gantry_project_add_resource (p, -1, res);
      g_ptr_array_add (resources, res);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GantryTask) t = gantry_task_new (uid++, "Task");

      gantry_task_set_duration (t, 8 * GANTRY_MS_HOUR);
      if (i % 100 == 0)
        {
          gantry_project_add_task (p, NULL, -1, t);
          summary = t;
        }
      else
        {
          gantry_project_add_task (p, summary, -1, t);
          g_ptr_array_add (tasks, t);
        }
    }

  for (guint i = 0; i + 1 < tasks->len; i++)
    {
      g_autoptr(GantryLink) l = gantry_link_new (g_ptr_array_index (tasks, i),
                                                 g_ptr_array_index (tasks, i + 1),
                                                 GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
      gantry_project_add_link (p, l);
    }
  for (guint i = 0; i + 2 < tasks->len && g_list_model_get_n_items (gantry_project_get_links (p)) < n;
       i += 3)
    {
      g_autoptr(GantryLink) l = gantry_link_new (g_ptr_array_index (tasks, i),
                                                 g_ptr_array_index (tasks, i + 2),
                                                 GANTRY_LINK_SS, 0, GANTRY_FORMAT_DAYS);
      gantry_project_add_link (p, l);
    }

  for (guint i = 0; i < (n * 3) / 10 && i < tasks->len; i++)
    {
      g_autoptr(GantryAssignment) a =
        gantry_assignment_new ((int) i + 1, g_ptr_array_index (tasks, (i * 7) % tasks->len),
                               g_ptr_array_index (resources, i % 100), 1.0, 8 * GANTRY_MS_HOUR);
      gantry_project_add_assignment (p, a);
    }

  gantry_project_renumber (p);
  *seconds = (cpu_now () - t0) / 1e6;
  return p;
}

static void
run (guint n, Figures *f)
{
  guint signals = 0;
  GantryProject *p;
  GantryTask *victim;
  gint64 t0;

  f->rss_before = heap_mib ();
  p = load (n, &f->load_s, &signals);
  f->rss_loaded = heap_mib ();

  g_assert (gantry_project_get_n_tasks (p) == n);
  g_assert (g_list_model_get_n_items (gantry_project_get_links (p)) == n);
  g_assert (g_list_model_get_n_items (gantry_project_get_assignments (p)) == n * 3 / 10);
  g_assert (signals == n / 100);

  /* The outline cache after a structural change. */
  gantry_project_move_task (p, gantry_task_get_child (gantry_project_get_root_task (p), 0),
                            NULL, -1);
  t0 = cpu_now ();
  gantry_project_get_all_tasks (p);
  f->all_tasks_s = (cpu_now () - t0) / 1e6;

  t0 = cpu_now ();
  gantry_project_renumber (p);
  f->renumber_s = (cpu_now () - t0) / 1e6;

  /* Delete a summary in the middle (100 tasks, ~250 links, ~30
   * assignments) as one undoable command, then undo it. */
  victim = gantry_task_get_child (gantry_project_get_root_task (p), n / 200);
  t0 = cpu_now ();
  gantry_project_apply (p, gantry_command_remove_task (victim));
  f->remove_s = (cpu_now () - t0) / 1e6;
  t0 = cpu_now ();
  gantry_project_undo (p);
  f->undo_s = (cpu_now () - t0) / 1e6;
  g_assert (gantry_project_get_n_tasks (p) == n);

  g_signal_handlers_disconnect_by_func (gantry_project_get_root_task (p), on_items_changed,
                                        &signals);
  t0 = cpu_now ();
  g_object_unref (p);
  f->free_s = (cpu_now () - t0) / 1e6;
}

int
main (int argc, char *argv[])
{
  static const guint sizes[] = { 25000, 50000, 100000 };

  setlocale (LC_ALL, "");

  g_print ("# core model at scale: n tasks, n links, 0.3 n assignments (direct API)\n");
  g_print ("# process CPU time; load = create + add every object + renumber\n");
  g_print ("%8s %10s %12s %10s %10s %10s %10s %10s %10s\n", "n", "load ms", "load µs/task",
           "heap MiB", "outline ms", "renum ms", "delete ms", "undo ms", "free ms");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      Figures f;

      run (sizes[i], &f);
      g_print ("%8u %10.1f %12.3f %10.1f %10.2f %10.2f %10.2f %10.2f %10.1f\n", sizes[i],
               f.load_s * 1e3, f.load_s * 1e6 / sizes[i], f.rss_loaded - f.rss_before,
               f.all_tasks_s * 1e3,
               f.renumber_s * 1e3, f.remove_s * 1e3, f.undo_s * 1e3, f.free_s * 1e3);
    }
  return 0;
}
