/* test-report-corpus.c — the report and the printed Gantt chart of every
 * plan in the MSPDI corpus (files MS Project saved): each lays out, draws
 * without a cairo error, stays a bounded number of pages, and every row of
 * every section obeys the section's rule.
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gantry-file.h"
#include "gantry-scheduler.h"
#include "report-test-plan.h"

static void
check_sorted_by (GPtrArray *rows,
                 gboolean   by_start)
{
  for (guint i = 1; i < rows->len; i++)
    {
      GantryReportTaskRow *a = g_ptr_array_index (rows, i - 1);
      GantryReportTaskRow *b = g_ptr_array_index (rows, i);

      if (by_start)
        g_assert_cmpint (a->start, <=, b->start);
      else
        g_assert_cmpint (a->finish, <=, b->finish);
    }
}

static void
check_invariants (GantryReportData *d)
{
  GantryTime sd = d->status_date;

  g_assert_cmpfloat (d->percent_complete_duration, >=, 0.0);
  g_assert_cmpfloat (d->percent_complete_duration, <=, 100.0);
  g_assert_cmpfloat (d->percent_complete_work, >=, -1.0);
  g_assert_cmpfloat (d->percent_complete_work, <=, 100.0);
  g_assert_cmpuint (d->n_complete, <=, d->n_tasks);
  g_assert_nonnull (d->schedule_rule);
  g_assert_nonnull (d->cost_rule);

  for (guint i = 0; i < d->late_tasks->len; i++)
    {
      GantryReportTaskRow *r = g_ptr_array_index (d->late_tasks, i);

      g_assert_cmpint (r->percent_complete, <, 100);
      g_assert_true (r->finish < sd || (r->percent_complete == 0 && r->start < sd));
    }
  check_sorted_by (d->late_tasks, FALSE);

  for (guint i = 0; i < d->slipping_tasks->len; i++)
    {
      GantryReportTaskRow *r = g_ptr_array_index (d->slipping_tasks, i);

      g_assert_cmpint (r->finish, >, r->baseline_finish);
      if (i > 0)
        {
          GantryReportTaskRow *q = g_ptr_array_index (d->slipping_tasks, i - 1);

          g_assert_cmpint (q->finish - q->baseline_finish, >=, r->finish - r->baseline_finish);
        }
    }

  for (guint i = 0; i < d->milestones_upcoming->len; i++)
    {
      GantryReportTaskRow *r = g_ptr_array_index (d->milestones_upcoming, i);

      g_assert_cmpint (r->finish, >=, sd);
      g_assert_cmpint (r->finish, <, sd + (gint64) d->upcoming_days * GANTRY_MS_DAY);
    }
  check_sorted_by (d->milestones_upcoming, FALSE);
  check_sorted_by (d->milestones_late, FALSE);

  for (guint i = 0; i < d->week_tasks->len; i++)
    {
      GantryReportTaskRow *r = g_ptr_array_index (d->week_tasks, i);
      GantryTime end = d->this_week + 14 * GANTRY_MS_DAY;

      g_assert_true ((r->start >= d->this_week && r->start < end)
                     || (r->finish >= d->this_week && r->finish < end));
    }
  check_sorted_by (d->week_tasks, TRUE);
  check_sorted_by (d->critical_tasks, TRUE);

  g_assert_cmpuint (d->cost_rows->len, <=, 8);
  g_assert_cmpfloat_with_epsilon (d->cost_remaining, d->cost_forecast - d->cost_actual, 1e-6);

  {
    GArray *series[] = { d->burndown_actual, d->burndown_remaining, d->burndown_baseline };

    for (guint s = 0; s < G_N_ELEMENTS (series); s++)
      {
        g_assert_cmpuint (series[s]->len, <=, 70);
        for (guint i = 1; i < series[s]->len; i++)
          g_assert_cmpint (g_array_index (series[s], GantryReportPoint, i - 1).t, <,
                           g_array_index (series[s], GantryReportPoint, i).t);
      }
  }
}

static void
render_all (GantryReportDoc *doc)
{
  const GantryPageSetup *s = gantry_report_doc_get_page_setup (doc);

  for (guint i = 0; i < gantry_report_doc_get_n_pages (doc); i++)
    {
      cairo_rectangle_t extents = { 0, 0, s->width, s->height };
      cairo_surface_t *rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      cairo_t *cr = cairo_create (rec);

      gantry_report_doc_render_page (doc, cr, i, TRUE);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (rec);
    }
}

static void
test_corpus (void)
{
  const char *dir_path = g_getenv ("GANTRY_CORPUS_DIR");
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint n_reported = 0;

  if (dir_path == NULL || (dir = g_dir_open (dir_path, 0, NULL)) == NULL)
    {
      g_test_skip ("the MSPDI corpus (GANTRY_CORPUS_DIR) is not available");
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GantryProject) p = gantry_file_load (path, NULL, &error);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GantryReportData) d = NULL;
      g_autoptr(GantryReportDoc) doc = NULL;
      g_autoptr(GantryReportDoc) gantt = NULL;
      GantryGanttPrintOptions gopts;

      if (p == NULL)
        {
          /* Loading is the io layer's business (and tested there). */
          g_test_message ("%s: not loaded: %s", (char *) g_ptr_array_index (names, i),
                          error != NULL ? error->message : "?");
          continue;
        }
      g_test_message ("%s: %u tasks", (char *) g_ptr_array_index (names, i),
                      gantry_project_get_n_tasks (p));
      problems = gantry_schedule_project (p);
      d = gantry_report_data_new (p, GANTRY_TIME_NONE, 0, NULL);
      check_invariants (d);
      doc = gantry_report_layout (d, NULL, NULL);
      g_assert_nonnull (doc);
      /* Ten rows a section at most: a handful of pages whatever the plan. */
      g_assert_cmpuint (gantry_report_doc_get_n_pages (doc), >=, 1);
      g_assert_cmpuint (gantry_report_doc_get_n_pages (doc), <=, 8);
      render_all (doc);

      gantry_gantt_print_options_init (&gopts);
      gantt = gantry_gantt_print_layout (p, NULL, &gopts, &error);
      g_assert_no_error (error);
      g_assert_nonnull (gantt);
      render_all (gantt);
      n_reported++;
    }
  g_assert_cmpuint (n_reported, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/corpus/every-plan", test_corpus);
  return g_test_run ();
}
