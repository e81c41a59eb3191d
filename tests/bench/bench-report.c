/* bench-report.c — the status report of a 100 000-task plan (target: the
 * data, the layout and the PDF in <= 2 s), and printing its Gantt chart
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; never fails on time.
 */
#include "gantry-report.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#define N_TASKS 100000

static GantryProject *
build_plan (guint n)
{
  GantryProject *p = gantry_project_new ();
  GantryTask *root = gantry_project_get_root_task (p);
  GantryTask *summary = NULL;
  GantryTime base = gantry_time_make (2026, 1, 5, 8, 0, 0);

  gantry_project_set_name (p, "Benchmark plan");
  gantry_project_set_manager (p, "Bench");
  gantry_project_set_status_date (p, gantry_time_make (2026, 9, 1, 17, 0, 0));
  g_object_set (p, "narrative", "A very large plan, to measure the report.", NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Task %u", i + 1);
      GantryTime start = base + (GantryTime) (i % 400) * GANTRY_MS_DAY;
      GantryTime finish = start + (i % 17 == 0 ? 0 : 4 * GANTRY_MS_DAY + 9 * GANTRY_MS_HOUR);
      GantryTask *t = gantry_task_new ((int) i + 1, name);
      GantryTaskSchedule s;
      GantryBaseline b = { 0, };

      if (i % 100 == 0)
        {
          g_autofree char *sname = g_strdup_printf ("Phase %u", i / 100 + 1);

          summary = gantry_task_new ((int) (n + 1 + i / 100), sname);
          gantry_project_add_task (p, root, -1, summary);
          g_object_unref (summary);
        }
      gantry_task_set_start (t, start);
      gantry_task_set_finish (t, finish);
      gantry_task_set_duration (t, finish > start ? 40 * GANTRY_MS_HOUR : 0);
      gantry_task_set_milestone (t, finish == start);
      gantry_task_set_work (t, finish > start ? 40 * GANTRY_MS_HOUR : 0);
      gantry_task_set_percent_complete (t, (int) (i * 37 % 101));
      gantry_project_add_task (p, summary, -1, t);
      gantry_task_get_schedule (t, &s);
      s.critical = i % 5 == 0;
      s.cost = 4000;
      s.actual_cost = 4000.0 * (i * 37 % 101) / 100.0;
      gantry_task_set_schedule (t, &s);
      b.set = TRUE;
      b.start = start;
      b.finish = finish - (i % 3 == 0 ? GANTRY_MS_DAY : 0);
      b.work = finish > start ? 40 * GANTRY_MS_HOUR : 0;
      b.cost = 3900;
      gantry_task_set_baseline (t, 0, &b);
      g_object_unref (t);
    }
  gantry_project_renumber (p);
  return p;
}

int
main (int argc, char **argv)
{
  g_autoptr(GantryProject) p = NULL;
  g_autoptr(GantryReportData) data = NULL;
  g_autoptr(GantryReportDoc) doc = NULL;
  g_autoptr(GantryReportDoc) gantt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gantry-bench-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *gpdf = g_build_filename (dir, "gantt.pdf", NULL);
  gint64 t0, t1, t2, t3, t4;
  GantryGanttPrintOptions gopts;
  cairo_surface_t *surface;
  cairo_t *cr;

  t0 = g_get_monotonic_time ();
  p = build_plan (N_TASKS);
  t1 = g_get_monotonic_time ();
  g_print ("build plan: %u tasks in %.3f s\n", gantry_project_get_n_tasks (p),
           (t1 - t0) / 1e6);

  t1 = g_get_monotonic_time ();
  data = gantry_report_data_new (p, GANTRY_TIME_NONE, 0, NULL);
  t2 = g_get_monotonic_time ();
  doc = gantry_report_layout (data, NULL, NULL);
  t3 = g_get_monotonic_time ();
  if (!gantry_report_doc_write_pdf (doc, pdf, &error))
    g_printerr ("%s\n", error->message);
  t4 = g_get_monotonic_time ();
  g_print ("report data: %.3f s (late %u, slipping %u, critical %u)\n", (t2 - t1) / 1e6,
           data->late_tasks->len, data->slipping_tasks->len, data->critical_tasks->len);
  g_print ("report layout: %.3f s, %u pages\n", (t3 - t2) / 1e6,
           gantry_report_doc_get_n_pages (doc));
  g_print ("report PDF: %.3f s\n", (t4 - t3) / 1e6);
  g_print ("REPORT of %u tasks, data + layout + PDF: %.3f s (target <= 2 s)\n",
           N_TASKS, (t4 - t1) / 1e6);

  /* Gantt printing: layout of every row, then drawing one page. */
  gantry_gantt_print_options_init (&gopts);
  t1 = g_get_monotonic_time ();
  gantt = gantry_gantt_print_layout (p, NULL, &gopts, &error);
  t2 = g_get_monotonic_time ();
  surface = cairo_pdf_surface_create (gpdf, 842, 595);
  cr = cairo_create (surface);
  gantry_report_doc_render_page (gantt, cr, gantry_report_doc_get_n_pages (gantt) / 2, FALSE);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  t3 = g_get_monotonic_time ();
  g_print ("gantt print layout: %.3f s, %u pages; one page drawn in %.3f s\n",
           (t2 - t1) / 1e6, gantry_report_doc_get_n_pages (gantt), (t3 - t2) / 1e6);

  g_unlink (pdf);
  g_unlink (gpdf);
  g_rmdir (dir);
  return 0;
}
