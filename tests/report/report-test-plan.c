/* report-test-plan.c — plans built field by field for the report tests
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "report-test-plan.h"

#include <glib/gstdio.h>
#include <string.h>

GantryTask *
rtp_add_task (GantryProject *p,
              GantryTask    *parent,
              int            uid,
              const char    *name,
              GantryTime     start,
              GantryTime     finish,
              GantryDuration duration,
              int            percent)
{
  GantryTask *t = gantry_task_new (uid, name);

  gantry_task_set_start (t, start);
  gantry_task_set_finish (t, finish);
  gantry_task_set_duration (t, duration);
  gantry_task_set_percent_complete (t, percent);
  g_assert_true (gantry_project_add_task (p, parent != NULL ? parent
                                                            : gantry_project_get_root_task (p),
                                          -1, t));
  g_object_unref (t);
  return t;
}

GantryTask *
rtp_add_milestone (GantryProject *p,
                   GantryTask    *parent,
                   int            uid,
                   const char    *name,
                   GantryTime     at,
                   int            percent)
{
  GantryTask *t = rtp_add_task (p, parent, uid, name, at, at, 0, percent);

  gantry_task_set_milestone (t, TRUE);
  return t;
}

void
rtp_set_computed (GantryTask    *t,
                  gboolean       critical,
                  double         cost,
                  double         actual_cost,
                  GantryDuration actual_work)
{
  GantryTaskSchedule s;

  gantry_task_get_schedule (t, &s);
  s.critical = critical;
  s.cost = cost;
  s.actual_cost = actual_cost;
  s.actual_work = actual_work;
  gantry_task_set_schedule (t, &s);
}

void
rtp_set_baseline (GantryTask    *t,
                  GantryTime     start,
                  GantryTime     finish,
                  GantryDuration work,
                  double         cost)
{
  GantryBaseline b = { 0, };

  b.set = TRUE;
  b.start = start;
  b.finish = finish;
  b.duration = 0;
  b.duration_format = GANTRY_FORMAT_DAYS;
  b.work = work;
  b.cost = cost;
  gantry_task_set_baseline (t, 0, &b);
}

void
rtp_link (GantryProject  *p,
          int             pred,
          int             succ,
          GantryLinkType  type)
{
  GantryLink *l = gantry_link_new (gantry_project_lookup_task (p, pred),
                                   gantry_project_lookup_task (p, succ),
                                   type, 0, GANTRY_FORMAT_DAYS);

  g_assert_true (gantry_project_add_link (p, l));
  g_object_unref (l);
}

GantryProject *
rtp_status_plan (void)
{
  GantryProject *p = gantry_project_new ();
  GantryTask *phase, *t;
  GantryResource *ann;
  GantryAssignment *a;

  gantry_project_set_name (p, "Apollo Website Relaunch");
  gantry_project_set_manager (p, "Dana Whitfield");
  gantry_project_set_start (p, T (2026, 3, 2, 8));
  gantry_project_set_status_date (p, T (2026, 3, 11, 17));
  g_object_set (p, "narrative",
                "Design is signed off and the build has started, two days behind "
                "its baseline because the content API arrived late.\n\n"
                "Testing has not started yet; we will recover by running it in "
                "parallel with the last week of the build.", NULL);

  phase = rtp_add_task (p, NULL, 1, "Phase 1", T (2026, 3, 2, 8), T (2026, 3, 20, 17), H (120), 0);

  t = rtp_add_task (p, phase, 2, "Design", T (2026, 3, 2, 8), T (2026, 3, 6, 17), H (40), 100);
  gantry_task_set_work (t, H (40));
  rtp_set_computed (t, FALSE, 4000, 4000, H (40));
  rtp_set_baseline (t, T (2026, 3, 2, 8), T (2026, 3, 6, 17), H (40), 4000);

  t = rtp_add_task (p, phase, 3, "Build", T (2026, 3, 9, 8), T (2026, 3, 20, 17), H (80), 20);
  gantry_task_set_work (t, H (80));
  gantry_task_set_percent_work_complete (t, 25);
  rtp_set_computed (t, TRUE, 8000, 1600, 0);
  rtp_set_baseline (t, T (2026, 3, 9, 8), T (2026, 3, 18, 17), H (80), 7000);

  t = rtp_add_task (p, phase, 4, "Test", T (2026, 3, 10, 8), T (2026, 3, 12, 17), H (24), 0);
  gantry_task_set_work (t, H (24));
  rtp_set_computed (t, FALSE, 2400, 0, 0);
  rtp_set_baseline (t, T (2026, 3, 10, 8), T (2026, 3, 12, 17), H (24), 2400);

  t = rtp_add_milestone (p, phase, 5, "Review", T (2026, 3, 6, 17), 100);
  rtp_set_baseline (t, T (2026, 3, 6, 17), T (2026, 3, 6, 17), 0, 0);

  t = rtp_add_milestone (p, phase, 6, "Beta", T (2026, 3, 20, 17), 0);
  rtp_set_computed (t, TRUE, 0, 0, 0);
  rtp_set_baseline (t, T (2026, 3, 18, 17), T (2026, 3, 18, 17), 0, 0);

  t = rtp_add_milestone (p, NULL, 7, "Launch", T (2026, 4, 3, 17), 0);
  rtp_set_baseline (t, T (2026, 4, 3, 17), T (2026, 4, 3, 17), 0, 0);

  t = rtp_add_task (p, NULL, 8, "Docs", T (2026, 3, 2, 8), T (2026, 3, 10, 17), H (56), 50);
  gantry_task_set_work (t, H (56));
  rtp_set_computed (t, FALSE, 0, 0, H (28));

  rtp_add_milestone (p, NULL, 9, "Party", T (2026, 6, 1, 17), 0);

  t = rtp_add_task (p, NULL, 10, "Inactive", T (2026, 3, 2, 8), T (2026, 3, 3, 17), H (16), 0);
  gantry_task_set_active (t, FALSE);

  rtp_add_milestone (p, NULL, 11, "Gate", T (2026, 3, 9, 17), 0);

  gantry_project_renumber (p);
  rtp_link (p, 2, 3, GANTRY_LINK_FS);
  rtp_link (p, 2, 5, GANTRY_LINK_FS);
  rtp_link (p, 3, 4, GANTRY_LINK_SS);
  rtp_link (p, 3, 6, GANTRY_LINK_FS);
  rtp_link (p, 4, 6, GANTRY_LINK_FF);
  rtp_link (p, 6, 7, GANTRY_LINK_FS);

  /* Resources: Ann works on Build; Ann, Cid and Dan are over-allocated. */
  {
    struct { int uid; const char *name; gboolean over; double peak, max; } res[] = {
      { 1, "Ann", TRUE, 1.5, 1.0 },
      { 2, "Bob", FALSE, 0.5, 1.0 },
      { 3, "Cid", TRUE, 2.4, 2.0 },
      { 4, "Dan", TRUE, 2.0, 1.0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (res); i++)
      {
        GantryResource *r = gantry_resource_new (res[i].uid, res[i].name);

        gantry_resource_set_max_units (r, res[i].max);
        gantry_resource_set_computed (r, H (10 * (i + 1)), 0, res[i].over, res[i].peak);
        g_assert_true (gantry_project_add_resource (p, -1, r));
        g_object_unref (r);
      }
  }
  ann = gantry_project_lookup_resource (p, 1);
  a = gantry_assignment_new (1, gantry_project_lookup_task (p, 3), ann, 1.0, H (80));
  g_assert_true (gantry_project_add_assignment (p, a));
  g_object_unref (a);

  return p;
}

GantryProject *
rtp_big_plan (guint n)
{
  GantryProject *p = gantry_project_new ();
  GantryTask *summary = NULL;
  GantryTime base = T (2026, 1, 5, 8);

  gantry_project_set_name (p, "Big plan");
  gantry_project_set_manager (p, "Load Tester");
  gantry_project_set_status_date (p, T (2026, 6, 1, 17));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Work package %u", i + 1);
      GantryTime start = base + (GantryTime) (i % 100) * GANTRY_MS_DAY;
      GantryTime finish = start + 4 * GANTRY_MS_DAY + H (9);
      GantryTask *t;

      if (i % 50 == 0)
        {
          g_autofree char *sname = g_strdup_printf ("Stage %u", i / 50 + 1);

          summary = rtp_add_task (p, NULL, (int) (n + 1 + i / 50), sname, start, finish,
                                  H (40), 0);
        }
      t = rtp_add_task (p, summary, (int) (i + 1), name, start, finish, H (40), 0);
      gantry_task_set_work (t, H (40));
      rtp_set_computed (t, i % 2 == 0, 4000, 0, 0);
      rtp_set_baseline (t, start, i % 3 == 0 ? finish - 2 * GANTRY_MS_DAY : finish,
                        H (40), 3800);
    }
  gantry_project_renumber (p);
  return p;
}

char *
rtp_pdf_to_text (const char *pdf,
                 gboolean    layout)
{
  const char *argv_layout[] = { "/usr/bin/pdftotext", "-layout", pdf, "-", NULL };
  const char *argv_raw[] = { "/usr/bin/pdftotext", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_file_test ("/usr/bin/pdftotext", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed at /usr/bin/pdftotext");
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) (layout ? argv_layout : argv_raw), NULL,
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

guint
rtp_count_pages (const char *text)
{
  guint n = 0;

  for (const char *s = text; *s != '\0'; s++)
    if (*s == '\f')
      n++;
  return n;
}

static char *output_dir = NULL;

char *
rtp_tmp_path (const char *name)
{
  if (output_dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      output_dir = g_dir_make_tmp ("gantry-report-test-XXXXXX", &error);
      g_assert_no_error (error);
    }
  return g_build_filename (output_dir, name, NULL);
}

void
rtp_remove_output (void)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (output_dir == NULL || g_getenv ("GANTRY_KEEP_TEST_OUTPUT") != NULL)
    {
      if (output_dir != NULL)
        g_printerr ("# output kept in %s\n", output_dir);
      return;
    }
  d = g_dir_open (output_dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (output_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (output_dir);
  g_clear_pointer (&output_dir, g_free);
}
