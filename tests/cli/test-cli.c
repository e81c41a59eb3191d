/* test-cli.c — gantry-cli as a user runs it
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gantry-core.h"
#include "gantry-store.h"
#include "gantry-test-helper.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

/* Runs gantry-cli with the NULL-terminated arguments. */
static void
run_cli (Run *r, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("GANTRY_CLI");
  const char *a;
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (gpointer) cli);
  va_start (ap, r);
  while ((a = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  memset (r, 0, sizeof *r);
  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT,
                               NULL, NULL, &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  /* A crash (signal) is never acceptable. */
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}

static char *
tmp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("gantry-cli-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static void
test_help (void)
{
  const char *commands[] = { "info", "check", "convert", "schedule", "report",
                             "print-gantt", "level" };
  Run r;

  run_cli (&r, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (r.out, commands[i]));
  run_clear (&r);

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      run_cli (&r, commands[i], "--help", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_nonnull (strstr (r.out, "Usage:"));
      run_clear (&r);
    }
}

static void
test_usage_errors (void)
{
  Run r;

  run_cli (&r, NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);

  run_cli (&r, "frobnicate", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "frobnicate"));
  run_clear (&r);

  run_cli (&r, "info", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "missing"));
  run_clear (&r);

  run_cli (&r, "info", "--no-such-option", "x.gantry", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);
}

static void
test_missing_and_bad_files (void)
{
  g_autofree char *missing = tmp_path ("missing.gantry");
  g_autofree char *junk = tmp_path ("junk.gantry");
  Run r;

  run_cli (&r, "info", missing, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "missing.gantry"));
  g_assert_cmpstr (r.out, ==, "");
  run_clear (&r);

  g_assert_true (g_file_set_contents (junk, "this is not a plan\n", -1, NULL));
  run_cli (&r, "info", junk, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "junk.gantry"));
  run_clear (&r);
}

static const char *
line_value (const char *out,
            const char *key)
{
  static char buf[256];
  g_autofree char *needle = g_strdup_printf ("%s: ", key);
  const char *p = strstr (out, needle);
  const char *e;

  if (p == NULL || (p != out && p[-1] != '\n'))
    return NULL;
  p += strlen (needle);
  e = strchr (p, '\n');
  g_assert_nonnull (e);
  g_assert_cmpint (e - p, <, (int) sizeof buf);
  memcpy (buf, p, e - p);
  buf[e - p] = '\0';
  return buf;
}

static void
test_info_counts (void)
{
  g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();
  g_autofree char *path = tmp_path ("full.gantry");
  g_autoptr(GError) error = NULL;
  g_autofree char *n = NULL;
  Run r;

  g_assert_true (gantry_store_save (plan, path, &error));
  g_assert_no_error (error);

  run_cli (&r, "info", path, NULL);
  g_assert_cmpint (r.status, ==, 0);

  n = g_strdup_printf ("%u", gantry_project_get_n_tasks (plan));
  g_assert_cmpstr (line_value (r.out, "tasks"), ==, n);
  g_free (n);
  n = g_strdup_printf ("%u", g_list_model_get_n_items (gantry_project_get_resources (plan)));
  g_assert_cmpstr (line_value (r.out, "resources"), ==, n);
  g_free (n);
  n = g_strdup_printf ("%u", g_list_model_get_n_items (gantry_project_get_assignments (plan)));
  g_assert_cmpstr (line_value (r.out, "assignments"), ==, n);
  g_free (n);
  n = g_strdup_printf ("%u", g_list_model_get_n_items (gantry_project_get_links (plan)));
  g_assert_cmpstr (line_value (r.out, "links"), ==, n);
  g_free (n);
  n = g_strdup_printf ("%u", g_list_model_get_n_items (gantry_project_get_calendars (plan)));
  g_assert_cmpstr (line_value (r.out, "calendars"), ==, n);
  g_free (n);
  n = gantry_time_format_iso (gantry_project_get_start (plan));
  g_assert_cmpstr (line_value (r.out, "start"), ==, n);
  g_assert_nonnull (line_value (r.out, "finish"));
  run_clear (&r);
}

/* A plan whose three tasks form a cycle: check reports it and exits 1. */
static void
test_check_cycle (void)
{
  g_autoptr(GantryProject) plan = gantry_project_new_default (gantry_time_make (2025, 4, 14, 8, 0, 0));
  GantryTask *root = gantry_project_get_root_task (plan);
  GantryTask *t[3];
  g_autofree char *path = tmp_path ("cycle.gantry");
  g_autoptr(GError) error = NULL;
  Run r;

  /* new_default may create an empty first row; remove nothing, just add. */
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Step %c", 'A' + i);

      t[i] = gantry_task_new (gantry_project_next_task_uid (plan), name);
      gantry_task_set_duration (t[i], 8 * GANTRY_MS_HOUR);
      g_assert_true (gantry_project_add_task (plan, root, -1, t[i]));
      g_object_unref (t[i]);
    }
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GantryLink) l = gantry_link_new (t[i], t[(i + 1) % 3], GANTRY_LINK_FS, 0,
                                                 GANTRY_FORMAT_DAYS);
      g_assert_true (gantry_project_add_link (plan, l));
    }
  g_assert_true (gantry_store_save (plan, path, &error));
  g_assert_no_error (error);

  run_cli (&r, "check", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "Step A"));
  g_assert_nonnull (strstr (r.out, "Step B"));
  g_assert_nonnull (strstr (r.out, "Step C"));
  run_clear (&r);

  /* The file is left as it was: check never writes. */
  {
    g_autoptr(GantryProject) again = gantry_store_load (path, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_links (again)), ==, 3);
  }
}

/* .gantry -> .xml -> .gantry keeps the stored dates and counts. */
static void
test_convert_round_trip (void)
{
  g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();
  g_autofree char *a = tmp_path ("a.gantry");
  g_autofree char *x = tmp_path ("b.xml");
  g_autofree char *b = tmp_path ("c.gantry");
  g_autoptr(GError) error = NULL;
  g_autoptr(GantryProject) back = NULL;
  Run r;

  g_assert_true (gantry_store_save (plan, a, &error));
  run_cli (&r, "convert", a, x, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  run_cli (&r, "convert", x, b, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  back = gantry_store_load (b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gantry_project_get_n_tasks (back), ==, gantry_project_get_n_tasks (plan));
  for (guint i = 0; i < gantry_project_get_n_tasks (plan); i++)
    {
      GantryTask *t0 = g_ptr_array_index (gantry_project_get_all_tasks (plan), i);
      GantryTask *t1 = gantry_project_lookup_task (back, gantry_task_get_uid (t0));

      g_assert_nonnull (t1);
      g_assert_cmpint (gantry_task_get_start (t0), ==, gantry_task_get_start (t1));
      g_assert_cmpint (gantry_task_get_finish (t0), ==, gantry_task_get_finish (t1));
    }

  run_cli (&r, "convert", a, "out.pdf", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);
}

/* schedule on MS Project's own file prints the project dates MS Project
 * stored (task-links-project2019-mspdi.xml: 2018-10-18 08:00 .. 11-02 17:00). */
static void
test_schedule_corpus (void)
{
  const char *dir = gantry_test_get_corpus_dir ();
  g_autofree char *path = NULL;
  Run r;

  if (dir == NULL)
    {
      g_test_skip ("../shared/corpus/mspdi is absent (a plain clone): no MS Project files");
      return;
    }
  path = g_build_filename (dir, "task-links-project2019-mspdi.xml", NULL);
  run_cli (&r, "schedule", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (line_value (r.out, "start"), ==, "2018-10-18T08:00:00");
  g_assert_cmpstr (line_value (r.out, "finish"), ==, "2018-11-02T17:00:00");
  g_assert_nonnull (line_value (r.out, "critical"));
  run_clear (&r);
}

/* Ana works on two tasks at once (Mon–Tue, 2 days each): an over-
 * allocated plan for check and level. */
static char *
save_overallocated_plan (const char *name)
{
  g_autoptr(GantryProject) plan = gantry_project_new ();
  g_autoptr(GantryCalendar) cal = gantry_calendar_new_standard (1, "Standard");
  g_autoptr(GantryResource) ana = gantry_resource_new (1, "Ana");
  g_autoptr(GError) error = NULL;
  char *path = tmp_path (name);

  gantry_project_add_calendar (plan, cal);
  gantry_project_set_calendar (plan, cal);
  gantry_project_set_start (plan, gantry_time_make (2025, 4, 14, 8, 0, 0));
  g_assert_true (gantry_project_add_resource (plan, -1, ana));
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *tname = g_strdup_printf ("Build %c", 'A' + i);
      g_autoptr(GantryTask) t = gantry_task_new (i + 1, tname);
      g_autoptr(GantryAssignment) a = NULL;

      gantry_task_set_duration (t, 16 * GANTRY_MS_HOUR);
      g_assert_true (gantry_project_add_task (plan, NULL, -1, t));
      a = gantry_assignment_new (i + 1, t, ana, 1.0, 16 * GANTRY_MS_HOUR);
      g_assert_true (gantry_project_add_assignment (plan, a));
    }
  gantry_project_renumber (plan);
  g_assert_true (gantry_store_save (plan, path, &error));
  g_assert_no_error (error);
  return path;
}

/* check lists the over-allocation: resource, period, units. */
static void
test_check_overallocation (void)
{
  g_autofree char *path = save_overallocated_plan ("over.gantry");
  Run r;

  run_cli (&r, "check", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "over-allocation: resource “Ana”, "
                                   "2025-04-14T08:00:00 – 2025-04-15T17:00:00, 200% of 100%"));
  g_assert_null (strstr (r.out, "No problems found."));
  run_clear (&r);
}

/* level IN -o OUT delays Build B by two days; OUT checks clean; the
 * delay survives MS Project XML. */
static void
test_level (void)
{
  g_autofree char *path = save_overallocated_plan ("over.gantry");
  g_autofree char *out = tmp_path ("levelled.gantry");
  g_autofree char *xml = tmp_path ("levelled.xml");
  g_autofree char *back = tmp_path ("back.gantry");
  g_autoptr(GError) error = NULL;
  Run r;

  run_cli (&r, "level", path, "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (line_value (r.out, "delayed"), ==, "1");
  g_assert_cmpstr (line_value (r.out, "finish"), ==, "2025-04-17T17:00:00");
  run_clear (&r);
  {
    g_autoptr(GantryProject) p = gantry_store_load (out, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gantry_task_get_leveling_delay (gantry_project_lookup_task (p, 2)), ==,
                     2 * GANTRY_MS_DAY);
    g_assert_cmpint (gantry_task_get_leveling_delay (gantry_project_lookup_task (p, 1)), ==, 0);
  }
  run_cli (&r, "check", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "No problems found."));
  run_clear (&r);

  run_cli (&r, "level", path, "-o", xml, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  run_cli (&r, "convert", xml, back, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  {
    g_autoptr(GantryProject) p = gantry_store_load (back, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gantry_task_get_leveling_delay (gantry_project_lookup_task (p, 2)), ==,
                     2 * GANTRY_MS_DAY);
  }

  /* --clear takes it out again */
  run_cli (&r, "level", "--clear", out, "-o", back, NULL);
  g_assert_cmpint (r.status, ==, 1);          /* over-allocated again */
  g_assert_cmpstr (line_value (r.out, "delayed"), ==, "0");
  run_clear (&r);
}

/* Wrong use of level: clear messages, status 2, nothing written. */
static void
test_level_errors (void)
{
  g_autofree char *path = save_overallocated_plan ("over.gantry");
  g_autofree char *out = tmp_path ("never.gantry");
  Run r;

  run_cli (&r, "level", path, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "-o OUT"));
  run_clear (&r);
  run_cli (&r, "level", path, "-o", "out.pdf", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, ".gantry or .xml"));
  run_clear (&r);
  run_cli (&r, "level", path, "--from", "2025-13-45", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "2025-13-45"));
  run_clear (&r);
  run_cli (&r, "level", "/nonexistent/plan.gantry", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/missing-and-bad-files", test_missing_and_bad_files);
  g_test_add_func ("/cli/info-counts", test_info_counts);
  g_test_add_func ("/cli/check-cycle", test_check_cycle);
  g_test_add_func ("/cli/convert-round-trip", test_convert_round_trip);
  g_test_add_func ("/cli/schedule-corpus", test_schedule_corpus);
  g_test_add_func ("/cli/check-overallocation", test_check_overallocation);
  g_test_add_func ("/cli/level", test_level);
  g_test_add_func ("/cli/level-errors", test_level_errors);

  return g_test_run ();
}
