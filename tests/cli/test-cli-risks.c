/* test-cli-risks.c — gantry-cli convert warns that MSPDI drops risks
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "gantry-store.h"
#include "gantry-test-helper.h"

static int
run_convert (const char *in, const char *out, char **err)
{
  const char *cli = g_getenv ("GANTRY_CLI");
  const char *argv[] = { cli, "convert", in, out, NULL };
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

static void
test_convert_warns (void)
{
  g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();
  g_autofree char *dir = g_dir_make_tmp ("gantry-cli-risks-XXXXXX", NULL);
  g_autofree char *with = g_build_filename (dir, "with.gantry", NULL);
  g_autofree char *without = g_build_filename (dir, "without.gantry", NULL);
  g_autofree char *xml = g_build_filename (dir, "out.xml", NULL);
  g_autofree char *back = g_build_filename (dir, "back.gantry", NULL);
  g_autoptr(GError) error = NULL;
  char *err = NULL;

  g_assert_true (gantry_store_save (plan, without, &error));
  gantry_test_add_risks (plan);
  g_assert_true (gantry_store_save (plan, with, &error));
  g_assert_no_error (error);

  /* To MSPDI with three risks: a warning, still a success. */
  g_assert_cmpint (run_convert (with, xml, &err), ==, 0);
  g_assert_nonnull (strstr (err, "3 risks are not saved in MS Project XML"));
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_test (xml, G_FILE_TEST_EXISTS));

  /* No risks: no warning.  To .gantry: nothing lost, no warning. */
  g_assert_cmpint (run_convert (without, xml, &err), ==, 0);
  g_assert_null (strstr (err, "risk"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_convert (with, back, &err), ==, 0);
  g_assert_null (strstr (err, "risk"));
  g_clear_pointer (&err, g_free);
  {
    g_autoptr(GantryProject) q = gantry_store_load (back, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_risks (q)), ==, 3);
  }
  g_unlink (with);
  g_unlink (without);
  g_unlink (xml);
  g_unlink (back);
  g_rmdir (dir);
}

/* info counts risks and prints the project's earned value: BAC is the
 * sum of the leaf tasks' Baseline costs (read from the model here). */
static void
test_info (void)
{
  g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();
  g_autofree char *dir = g_dir_make_tmp ("gantry-cli-risks-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "info.gantry", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *cli = g_getenv ("GANTRY_CLI");
  const char *argv[] = { cli, "info", path, NULL };
  GPtrArray *all;
  double bac = 0, got = -1;
  const char *line;
  int wait_status = 0;

  gantry_test_add_risks (plan);
  g_assert_true (gantry_store_save (plan, path, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
  g_assert_nonnull (strstr (out, "risks: 3\n"));
  all = gantry_project_get_all_tasks (plan);
  for (guint i = 0; i < all->len; i++)
    {
      GantryTask *t = g_ptr_array_index (all, i);
      const GantryBaseline *b = gantry_task_get_baseline (t, 0);

      if (gantry_task_get_n_children (t) == 0 && b != NULL && gantry_task_get_active (t)
          && !gantry_task_get_is_null (t))
        bac += b->cost;
    }
  line = strstr (out, "earned-value: BAC ");
  g_assert_nonnull (line);
  got = g_ascii_strtod (line + strlen ("earned-value: BAC "), NULL);
  g_assert_cmpfloat (bac, >, 0);
  g_assert_cmpfloat_with_epsilon (got, bac, 0.005);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/convert/risks-warning", test_convert_warns);
  g_test_add_func ("/cli/info/risks-earned-value", test_info);
  return g_test_run ();
}
