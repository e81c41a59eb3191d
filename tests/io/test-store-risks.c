/* test-store-risks.c — the risk register in .gantry files; MSPDI warning
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gantry-core.h"
#include "gantry-store.h"
#include "gantry-mspdi.h"
#include "gantry-test-helper.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static GantryProject *
plan_with_risks (void)
{
  GantryProject *p = gantry_test_build_full_plan ();

  gantry_test_add_risks (p);
  gantry_project_clear_history (p);
  return p;
}

/* Created, edited and deleted risks survive save and open exactly. */
static void
test_round_trip (void)
{
  g_autoptr(GantryProject) p = plan_with_risks ();
  g_autoptr(GantryProject) q = NULL;
  g_autoptr(GantryProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("risks.gantry");
  g_autoptr(GantryRisk) added = gantry_risk_new (gantry_project_next_risk_uid (p), "Added");

  /* Edits made through commands, as the UI makes them. */
  g_assert_true (gantry_project_apply (p, gantry_command_add_risk (added, 0)));
  g_assert_true (gantry_project_apply (p, gantry_command_set (added, "impact", 5)));
  g_assert_true (gantry_project_apply (p, gantry_command_remove_risk (
                                            gantry_project_lookup_risk (p, 2))));

  g_assert_true (gantry_store_save (p, path, &error));
  g_assert_no_error (error);
  q = gantry_store_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (q);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_risks (q)), ==, 3);
  gantry_test_assert_projects_identical (p, q);
  {
    GantryRisk *r = gantry_project_lookup_risk (q, 7);
    const int *uids;
    guint n;

    g_assert_nonnull (r);
    g_assert_cmpstr (gantry_risk_get_title (r), ==, "Supplier “ACME” delivers late ↯");
    g_assert_true (gantry_risk_get_owner (r) == gantry_project_lookup_resource (q, 2));
    uids = gantry_risk_get_task_uids (r, &n);
    g_assert_cmpuint (n, ==, 3);
    g_assert_cmpint (uids[2], ==, 999);
    g_assert_null (gantry_project_lookup_risk (q, 2));
  }

  /* Undo in the reopened file works on the loaded risks. */
  g_assert_true (gantry_project_apply (q, gantry_command_remove_risk (
                                            gantry_project_lookup_risk (q, 7))));
  g_assert_true (gantry_project_undo (q));
  gantry_test_assert_projects_identical (p, q);

  /* A plan without risks loads with an empty register. */
  {
    g_autoptr(GantryProject) plain = gantry_test_build_full_plan ();

    g_assert_true (gantry_store_save (plain, path, &error));
    again = gantry_store_load (path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_risks (again)), ==, 0);
  }
}

/* An owner deleted from the plan is not written (the risk has nobody). */
static void
test_removed_owner (void)
{
  g_autoptr(GantryProject) p = plan_with_risks ();
  g_autoptr(GantryProject) q = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("owner.gantry");

  g_assert_true (gantry_project_apply (p, gantry_command_remove_resource (
                                            gantry_project_lookup_resource (p, 2))));
  g_assert_true (gantry_store_save (p, path, &error));
  q = gantry_store_load (path, &error);
  g_assert_no_error (error);
  g_assert_null (gantry_risk_get_owner (gantry_project_lookup_risk (q, 7)));
}

/* A file written before the register existed (no risk tables). */
static void
test_old_file (void)
{
  g_autoptr(GantryProject) p = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) q = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("old.gantry");
  sqlite3 *db = NULL;

  g_assert_true (gantry_store_save (p, path, &error));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE risks; DROP TABLE risk_tasks;", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  q = gantry_store_load (path, &error);
  g_assert_no_error (error);
  gantry_test_assert_projects_equal (p, q);
}

/* Damaged values: a clear error naming the risk and the field. */
static void
test_bad_values (void)
{
  static const struct { const char *sql; const char *expect; } cases[] = {
    { "UPDATE risks SET probability = 9 WHERE uid = 7", "probability" },
    { "UPDATE risks SET impact = 0 WHERE uid = 7", "impact" },
    { "UPDATE risks SET impact = 'high' WHERE uid = 7", "impact" },
    { "UPDATE risks SET status = 42 WHERE uid = 7", "status" },
    { "UPDATE risks SET uid = 3 WHERE uid = 7", "appears twice" },
    { "UPDATE risks SET uid = -1 WHERE uid = 7", "UID" },
    { "UPDATE risks SET title = x'c328' WHERE uid = 7", "text" },
    { "UPDATE risks SET trigger_date = 9e18 WHERE uid = 7", "trigger_date" },
    { "UPDATE risk_tasks SET risk_uid = 55", "no risk" },
    { "DROP TABLE risks; CREATE VIEW risks AS SELECT 1 AS uid", "not a table" },
    { "ALTER TABLE risks DROP COLUMN contingency", "lacks columns" },
  };
  g_autoptr(GantryProject) p = plan_with_risks ();
  g_autofree char *good = tmp_path ("good.gantry");
  g_autoptr(GError) error = NULL;

  g_assert_true (gantry_store_save (p, good, &error));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = tmp_path ("bad.gantry");
      g_autofree char *data = NULL;
      g_autoptr(GantryProject) q = NULL;
      g_autoptr(GError) e = NULL;
      sqlite3 *db = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (good, &data, &len, NULL));
      g_assert_true (g_file_set_contents (bad, data, len, NULL));
      g_assert_cmpint (sqlite3_open (bad, &db), ==, SQLITE_OK);
      if (sqlite3_exec (db, cases[i].sql, NULL, NULL, NULL) != SQLITE_OK)
        g_error ("%s: %s", cases[i].sql, sqlite3_errmsg (db));
      sqlite3_close (db);

      q = gantry_store_load (bad, &e);
      g_assert_null (q);
      g_assert_error (e, GANTRY_STORE_ERROR, GANTRY_STORE_ERROR_CORRUPT);
      g_test_message ("%s -> %s", cases[i].sql, e->message);
      g_assert_nonnull (strstr (e->message, cases[i].expect));
      g_assert_nonnull (strstr (e->message, "bad.gantry"));
    }
}

static void
rm_rf (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("gantry-risks-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_test_add_func ("/store/risks/round-trip", test_round_trip);
  g_test_add_func ("/store/risks/removed-owner", test_removed_owner);
  g_test_add_func ("/store/risks/old-file", test_old_file);
  g_test_add_func ("/store/risks/bad-values", test_bad_values);
  ret = g_test_run ();
  rm_rf (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
