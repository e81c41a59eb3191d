/* test-report-example.c — the report of the example plan
 * (data/examples/crm-rollout.xml, status date Fri 10 Apr 2026 17:00), as
 * stored: the rows below were worked out by hand from the XML's task
 * dates, % complete and Critical flags with the rules of
 * gantry-report-data.h.
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "gantry-file.h"
#include "report-test-plan.h"

static GantryProject *
load_example (void)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *path = g_build_filename (srcdir != NULL ? srcdir : ".", "..", "data",
                                            "examples", "crm-rollout.xml", NULL);
  g_autoptr(GError) error = NULL;
  GantryProject *p;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("data/examples/crm-rollout.xml is not in this tree");
      return NULL;
    }
  p = gantry_file_load (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

static void
assert_rows (GPtrArray  *rows,
             const char *const *names)
{
  guint n = g_strv_length ((char **) names);

  for (guint i = 0; i < rows->len; i++)
    g_test_message ("row %u: %s", i, ((GantryReportTaskRow *) g_ptr_array_index (rows, i))->name);
  g_assert_cmpuint (rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (((GantryReportTaskRow *) g_ptr_array_index (rows, i))->name, ==, names[i]);
}

static void
test_example_data (void)
{
  g_autoptr(GantryProject) p = load_example ();
  g_autoptr(GantryReportData) d = NULL;
  const char *const late[] = { "Data migration design", "Solution design",
                               "Configure CRM (sales and support)",
                               "Integrations: ERP, e-mail, telephony",
                               "Data migration scripts", NULL };
  const char *const late_ms[] = { "Design approved", NULL };
  const char *const upcoming[] = { "Build complete", NULL };
  const char *const done_ms[] = { "Requirements signed off", NULL };
  const char *const critical[] = { "Solution design", "Decommission legacy database", NULL };
  const char *const week[] = { "Configure CRM (sales and support)",
                               "Integrations: ERP, e-mail, telephony",
                               "Data migration scripts", NULL };
  const char *const none[] = { NULL };

  if (p == NULL)
    return;
  d = gantry_report_data_new (p, GANTRY_TIME_NONE, 0, NULL);
  g_assert_cmpstr (d->project_name, ==, "CRM rollout");   /* Title, not the file Name */
  g_assert_cmpint (d->status_date, ==, T (2026, 4, 10, 17));
  g_assert_cmpuint (d->n_tasks, ==, 18);                  /* 23 rows - 5 summaries */
  g_assert_cmpuint (d->n_complete, ==, 3);                /* 2, 3, 4 */
  assert_rows (d->late_tasks, late);
  assert_rows (d->milestones_late, late_ms);
  assert_rows (d->milestones_upcoming, upcoming);
  assert_rows (d->milestones_completed, done_ms);
  assert_rows (d->critical_tasks, critical);
  assert_rows (d->week_tasks, week);
  assert_rows (d->slipping_tasks, none);
  g_assert_cmpuint (((GantryReportTaskRow *) g_ptr_array_index (d->week_tasks, 2))->flags, ==,
                    GANTRY_REPORT_STARTS_THIS_WEEK);
}

static void
test_example_pdf (void)
{
  g_autoptr(GantryProject) p = load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  const char *const headings[] = {
    "Status summary", "Milestones", "Late tasks", "Slipping tasks", "Critical tasks ahead",
    "This week and next", "Work burndown", "Cost overview", "Over-allocated resources",
  };
  const char *late, *slipping;

  if (p == NULL)
    return;
  dir = g_dir_make_tmp ("gantry-example-XXXXXX", &error);
  g_assert_no_error (error);
  pdf = g_build_filename (dir, "crm.pdf", NULL);
  g_assert_true (gantry_report_write_pdf (p, pdf, NULL, &error));
  g_assert_no_error (error);
  text = rtp_pdf_to_text (pdf, TRUE);
  g_unlink (pdf);
  g_rmdir (dir);
  if (text == NULL)
    return;

  g_assert_nonnull (strstr (text, "CRM rollout"));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_assert_nonnull (strstr (text, headings[i]));
  late = strstr (text, "Late tasks");
  slipping = strstr (text, "Slipping tasks");
  g_assert_true (late < slipping);
  {
    g_autofree char *s = g_strndup (late, slipping - late);

    g_assert_nonnull (strstr (s, "Data migration design"));
    g_assert_nonnull (strstr (s, "Solution design"));
    g_assert_nonnull (strstr (s, "Data migration scripts"));
    g_assert_null (strstr (s, "Kick-off meeting"));
    g_assert_null (strstr (s, "Hypercare"));
  }
  g_assert_nonnull (strstr (text, "Design approved"));
  g_assert_nonnull (strstr (text, "Build complete"));
  g_assert_nonnull (strstr (text, "No task finishes later than its baseline."));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/example/data", test_example_data);
  g_test_add_func ("/report/example/pdf", test_example_pdf);
  return g_test_run ();
}
