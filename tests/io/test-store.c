/* test-store.c — the native .gantry file: round trip, bad files, atomic save
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gantry-core.h"
#include "gantry-store.h"
#include "gantry-test-helper.h"

/* ---- helpers ----------------------------------------------------------- */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("gantry-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plan.gantry", NULL);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_chmod (dir, 0700);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      if (g_file_test (p, G_FILE_TEST_IS_DIR) && !g_file_test (p, G_FILE_TEST_IS_SYMLINK))
        remove_tree (p);
      else
        g_unlink (p);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in dir, sorted, joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
save_ok (GantryProject *project, const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gantry_store_save (project, path, &error));
  g_assert_no_error (error);
}

static GantryProject *
load_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  GantryProject *project = gantry_store_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/* A fingerprint of a file's bytes and metadata, to show nothing wrote it. */
static char *
file_fingerprint (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *sum = NULL;
  gsize len = 0;
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  if (S_ISDIR (st.st_mode))
    return g_strdup_printf ("dir %o", (guint) st.st_mode);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  return g_strdup_printf ("%s %" G_GSIZE_FORMAT " %ld.%09ld %o", sum, len,
                          (long) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec,
                          (guint) st.st_mode);
}

/* Loading path must fail with code, with a message containing each of the
 * given words, and must leave the file and its directory as they were. */
static void
assert_load_fails (const char       *path,
                   GantryStoreError  code,
                   const char       *word1,
                   const char       *word2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GantryProject) project = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_before = NULL;
  g_autofree char *dir_after = NULL;
  g_autofree char *base = g_path_get_basename (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    before = file_fingerprint (path);
  dir_before = list_dir (dir);

  project = gantry_store_load (path, &error);
  g_assert_null (project);
  g_assert_error (error, GANTRY_STORE_ERROR, (int) code);
  g_test_message ("message: %s", error->message);
  /* The message names the file and the problem. */
  g_assert_nonnull (strstr (error->message, base));
  if (word1 != NULL)
    g_assert_nonnull (strstr (error->message, word1));
  if (word2 != NULL)
    g_assert_nonnull (strstr (error->message, word2));

  if (before != NULL)
    {
      after = file_fingerprint (path);
      g_assert_cmpstr (before, ==, after);
    }
  dir_after = list_dir (dir);
  g_assert_cmpstr (dir_before, ==, dir_after);
}

static void
write_file (const char *path, const void *data, gsize len)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_no_error (error);
}

/* Runs SQL on a saved file with plain SQLite, to hand-craft bad files. */
static void
tamper (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *msg = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("tamper: %s: %s", sql, msg);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gint64
query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 v;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

/* ---- round trip ---------------------------------------------------------- */

static void
test_roundtrip_full (Fixture *f, gconstpointer data)
{
  g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) loaded = NULL;
  g_autoptr(GantryProject) again = NULL;
  g_autofree char *path2 = g_build_filename (f->dir, "again.gantry", NULL);

  save_ok (plan, f->path);
  loaded = load_ok (f->path);
  gantry_test_assert_projects_identical (plan, loaded);

  /* A freshly opened file has no history and is not modified. */
  g_assert_false (gantry_project_get_modified (loaded));
  g_assert_false (gantry_project_can_undo (loaded));
  g_assert_false (gantry_project_can_redo (loaded));

  /* What was loaded saves to the same plan again. */
  save_ok (loaded, path2);
  again = load_ok (path2);
  gantry_test_assert_projects_identical (plan, again);
}

static void
test_roundtrip_empty (Fixture *f, gconstpointer data)
{
  g_autoptr(GantryProject) plan = gantry_project_new ();
  g_autoptr(GantryProject) loaded = NULL;

  save_ok (plan, f->path);
  loaded = load_ok (f->path);
  gantry_test_assert_projects_identical (plan, loaded);
  g_assert_cmpuint (gantry_project_get_n_tasks (loaded), ==, 0);
}

/* Values at the edges of their ranges survive. */
static void
test_roundtrip_extremes (Fixture *f, gconstpointer data)
{
  g_autoptr(GantryProject) plan = gantry_project_new ();
  g_autoptr(GantryProject) loaded = NULL;
  GantryTask *root = gantry_project_get_root_task (plan);
  g_autoptr(GantryTask) a = gantry_task_new (1, "Ünïcødé “quoted” 'single' ; DROP TABLE tasks; --");
  g_autoptr(GantryTask) b = gantry_task_new (G_MAXINT, "");

  gantry_task_set_start (a, GANTRY_TIME_MIN);
  gantry_task_set_finish (a, GANTRY_TIME_MAX);
  gantry_task_set_notes (a, "line 1\nline 2\ttab");
  gantry_task_set_percent_complete (a, 100);
  gantry_task_set_priority (a, 1000);
  gantry_task_set_fixed_cost (a, 0.1 + 0.2);
  gantry_task_set_duration (b, 0);
  gantry_task_set_priority (b, 0);
  g_assert_true (gantry_project_add_task (plan, root, -1, a));
  g_assert_true (gantry_project_add_task (plan, a, -1, b));
  gantry_project_set_setting (plan, "view.zoom", "3");
  gantry_project_set_setting (plan, "empty", "");

  save_ok (plan, f->path);
  loaded = load_ok (f->path);
  gantry_test_assert_projects_identical (plan, loaded);
  g_assert_cmpstr (gantry_project_get_setting (loaded, "view.zoom"), ==, "3");
  g_assert_cmpstr (gantry_project_get_setting (loaded, "empty"), ==, "");
  g_assert_true (gantry_task_get_fixed_cost (gantry_project_lookup_task (loaded, 1)) ==
                 0.1 + 0.2);
}

/* A deep outline (each task the child of the previous) saves and loads
 * without recursion limits. */
static void
test_roundtrip_deep (Fixture *f, gconstpointer data)
{
  g_autoptr(GantryProject) plan = gantry_project_new ();
  g_autoptr(GantryProject) loaded = NULL;
  GantryTask *parent = gantry_project_get_root_task (plan);

  for (int uid = 1; uid <= 5000; uid++)
    {
      g_autoptr(GantryTask) t = gantry_task_new (uid, "deep");

      g_assert_true (gantry_project_add_task (plan, parent, -1, t));
      parent = t;
    }
  save_ok (plan, f->path);
  loaded = load_ok (f->path);
  g_assert_cmpint (gantry_task_get_outline_level (gantry_project_lookup_task (loaded, 5000)),
                   ==, 5000);
  gantry_test_assert_projects_identical (plan, loaded);
}

/* Big enough that tasks, links and assignments are written in multi-row
 * batches, with a remainder that is not: everything must come back in
 * its order. */
static void
test_roundtrip_batches (Fixture *f, gconstpointer data)
{
  g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) loaded = NULL;
  GantryTask *root = gantry_project_get_root_task (plan);
  GListModel *resources = gantry_project_get_resources (plan);
  int uid = gantry_project_next_task_uid (plan);
  int auid = gantry_project_next_assignment_uid (plan);
  GantryTask *prev = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (resources), >, 0);
  for (int i = 0; i < 77; i++)
    {
      g_autofree char *name = g_strdup_printf ("Batch task %d", i);
      g_autoptr(GantryTask) t = gantry_task_new (uid + i, name);
      g_autoptr(GantryResource) r = g_list_model_get_item (resources,
                                                           i % g_list_model_get_n_items (resources));
      g_autoptr(GantryAssignment) a = NULL;

      gantry_task_set_duration (t, (i + 1) * GANTRY_MS_HOUR);
      gantry_task_set_priority (t, i * 10);
      gantry_task_set_percent_complete (t, i % 101);
      g_assert_true (gantry_project_add_task (plan, i % 3 == 0 || prev == NULL ? root : prev,
                                              -1, t));
      if (prev != NULL)
        {
          g_autoptr(GantryLink) l = gantry_link_new (prev, t, i % 4, i * GANTRY_MS_MINUTE,
                                                     GANTRY_FORMAT_HOURS);

          g_assert_true (gantry_project_add_link (plan, l));
        }
      if (i % 2 == 0)
        {
          a = gantry_assignment_new (auid + i, t, r, 0.25 * (i % 5), i * GANTRY_MS_HOUR);
          g_assert_true (gantry_project_add_assignment (plan, a));
        }
      prev = t;
    }
  gantry_project_renumber (plan);

  save_ok (plan, f->path);
  loaded = load_ok (f->path);
  gantry_test_assert_projects_identical (plan, loaded);
}

/* What `sqlite3 FILE 'PRAGMA integrity_check'` and `PRAGMA application_id`
 * show, checked through the SQLite API. */
static void
test_file_is_sqlite (Fixture *f, gconstpointer data)
{
  static const char * const tables[] = {
    "project", "calendars", "calendar_exceptions", "calendar_work_weeks", "calendar_days",
    "calendar_ranges", "resources", "tasks", "baselines", "links", "assignments", "extras",
    "settings",
  };
  g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  save_ok (plan, f->path);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  /* 0x47414E54 is "GANT" */
  g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, 0x47414E54);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 1);
  /* Not left in a journal mode that needs side files. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "delete");
  sqlite3_finalize (stmt);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema "
                                               "WHERE type = 'table' AND name = ?1",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
      sqlite3_finalize (stmt);
    }

  /* The plan's contents are there in plain SQL too. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tasks WHERE uid <> 0"),
                   ==, gantry_project_get_n_tasks (plan));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM links"),
                   ==, g_list_model_get_n_items (gantry_project_get_links (plan)));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM resources"),
                   ==, g_list_model_get_n_items (gantry_project_get_resources (plan)));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM assignments"),
                   ==, g_list_model_get_n_items (gantry_project_get_assignments (plan)));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM calendars"),
                   ==, g_list_model_get_n_items (gantry_project_get_calendars (plan)));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM project"), ==, 1);

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Opening a good file writes nothing either. */
static void
test_load_writes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) loaded = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *dir_before = NULL;
  g_autofree char *dir_after = NULL;

  save_ok (plan, f->path);
  before = file_fingerprint (f->path);
  dir_before = list_dir (f->dir);
  g_assert_cmpstr (dir_before, ==, "plan.gantry");
  loaded = load_ok (f->path);
  after = file_fingerprint (f->path);
  dir_after = list_dir (f->dir);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (dir_before, ==, dir_after);
}

/* ---- bad files ------------------------------------------------------------ */

static void
test_bad_not_sqlite (Fixture *f, gconstpointer data)
{
  static const char text[] = "Project,Start\nBuild,2026-01-05\n";
  static const char xml[] =
    "<?xml version=\"1.0\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\">"
    "<Name>x</Name></Project>\n";
  guint8 noise[4096];

  write_file (f->path, text, sizeof text - 1);
  assert_load_fails (f->path, GANTRY_STORE_ERROR_NOT_SQLITE, "not an SQLite database", NULL);

  write_file (f->path, xml, sizeof xml - 1);
  assert_load_fails (f->path, GANTRY_STORE_ERROR_NOT_SQLITE, "not an SQLite database", NULL);

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = g_test_rand_int_range (0, 256);
  noise[0] = 'X';
  write_file (f->path, noise, sizeof noise);
  assert_load_fails (f->path, GANTRY_STORE_ERROR_NOT_SQLITE, "not an SQLite database", NULL);

  write_file (f->path, "", 0);
  assert_load_fails (f->path, GANTRY_STORE_ERROR_NOT_SQLITE, "empty", NULL);
}

static void
test_bad_foreign (Fixture *f, gconstpointer data)
{
  /* Another program's database: no application id at all... */
  tamper (f->path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                   "INSERT INTO notes (body) VALUES ('hello');");
  assert_load_fails (f->path, GANTRY_STORE_ERROR_FOREIGN, "another program", NULL);

  /* ...or someone else's id on a file that otherwise looks like ours. */
  {
    g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();

    save_ok (plan, f->path);
    tamper (f->path, "PRAGMA application_id = 1179403647");  /* "FossilSCM"-like */
    assert_load_fails (f->path, GANTRY_STORE_ERROR_FOREIGN, "another program", NULL);
  }
}

static void
test_bad_newer (Fixture *f, gconstpointer data)
{
  g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();

  save_ok (plan, f->path);
  tamper (f->path, "PRAGMA user_version = 2");
  assert_load_fails (f->path, GANTRY_STORE_ERROR_NEWER, "newer version", "format 2");

  tamper (f->path, "PRAGMA user_version = 2000000000");
  assert_load_fails (f->path, GANTRY_STORE_ERROR_NEWER, "newer version", NULL);
}

static void
truncate_file (const char *path, gsize len)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (len, <, size);
  write_file (path, contents, len);
}

static void
test_bad_truncated (Fixture *f, gconstpointer data)
{
  g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();
  struct stat st;

  /* Cut at a page boundary, in the middle of a page, and inside the
   * 100-byte header. */
  save_ok (plan, f->path);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >=, 3 * 4096);
  truncate_file (f->path, (st.st_size / 4096 / 2) * 4096);
  assert_load_fails (f->path, GANTRY_STORE_ERROR_TRUNCATED, "truncated", NULL);

  save_ok (plan, f->path);
  truncate_file (f->path, st.st_size - 1000);
  assert_load_fails (f->path, GANTRY_STORE_ERROR_TRUNCATED, "truncated", NULL);

  save_ok (plan, f->path);
  truncate_file (f->path, 50);
  assert_load_fails (f->path, GANTRY_STORE_ERROR_TRUNCATED, "truncated", NULL);
}

/* Overwrites len bytes at offset with a pattern. */
static void
damage_file (const char *path, gsize offset, gsize len, guint8 byte)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (offset + len, <=, size);
  memset (contents + offset, byte, len);
  write_file (path, contents, size);
}

static void
test_bad_damaged (Fixture *f, gconstpointer data)
{
  g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();
  struct stat st;

  save_ok (plan, f->path);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);

  /* A b-tree page in the middle turned to garbage (same length). */
  damage_file (f->path, (st.st_size / 4096 / 2) * 4096, 4096, 0xA5);
  assert_load_fails (f->path, GANTRY_STORE_ERROR_CORRUPT, "damaged", NULL);

  /* The schema (page 1 after the header) scribbled over. */
  save_ok (plan, f->path);
  damage_file (f->path, 100, 4096 - 100, 0x7F);
  assert_load_fails (f->path, GANTRY_STORE_ERROR_CORRUPT, "damaged", NULL);

  /* An impossible page size in the header. */
  save_ok (plan, f->path);
  damage_file (f->path, 16, 2, 0x03);
  assert_load_fails (f->path, GANTRY_STORE_ERROR_CORRUPT, "damaged", NULL);

  /* The last page zeroed. */
  save_ok (plan, f->path);
  damage_file (f->path, st.st_size - 4096, 4096, 0);
  assert_load_fails (f->path, GANTRY_STORE_ERROR_CORRUPT, "damaged", NULL);
}

static void
test_bad_unreadable (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.gantry", NULL);
  g_autofree char *subdir = g_build_filename (f->dir, "folder.gantry", NULL);
  g_autoptr(GError) error = NULL;

  assert_load_fails (missing, GANTRY_STORE_ERROR_IO, "Cannot open", g_strerror (ENOENT));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);
  assert_load_fails (subdir, GANTRY_STORE_ERROR_IO, "Cannot open", NULL);
}

/* Hand-crafted files with values a Gantry never writes. */
typedef struct
{
  const char *sql;
  const char *word1;   /* expected in the message */
  const char *word2;
} BadValue;

#define LAST_TASK "(SELECT max(uid) FROM tasks)"
#define FIRST_TASK "(SELECT min(uid) FROM tasks WHERE uid > 0)"

static const BadValue bad_values[] = {
  { "UPDATE tasks SET percent_complete = 1000 WHERE uid = " LAST_TASK,
    "percent_complete", "1000" },
  { "UPDATE tasks SET percent_complete = -1 WHERE uid = " LAST_TASK,
    "percent_complete", "-1" },
  { "UPDATE tasks SET duration = 9000000000000000000 WHERE uid = " LAST_TASK,
    "duration", "9000000000000000000" },
  { "UPDATE tasks SET work = -9223372036854775808 WHERE uid = " LAST_TASK,
    "work", NULL },
  { "UPDATE tasks SET start = 253402300800000 WHERE uid = " LAST_TASK,
    "start", "253402300800000" },
  { "UPDATE tasks SET deadline = -62135596800001 WHERE uid = " LAST_TASK,
    "deadline", NULL },
  { "UPDATE tasks SET duration = 'two days' WHERE uid = " LAST_TASK,
    "duration", "whole number" },
  { "UPDATE tasks SET duration = 2.5 WHERE uid = " LAST_TASK,
    "duration", "whole number" },
  { "UPDATE tasks SET fixed_cost = 1e999 WHERE uid = " LAST_TASK,
    "fixed_cost", NULL },
  { "UPDATE tasks SET fixed_cost = 1e300 WHERE uid = " LAST_TASK,
    "fixed_cost", NULL },
  { "UPDATE tasks SET fixed_cost = X'00' WHERE uid = " LAST_TASK,
    "fixed_cost", "number" },
  { "UPDATE tasks SET constraint_type = 8 WHERE uid = " LAST_TASK,
    "constraint_type", "8" },
  { "UPDATE tasks SET task_type = 3 WHERE uid = " LAST_TASK,
    "task_type", NULL },
  { "UPDATE tasks SET priority = 1001 WHERE uid = " LAST_TASK,
    "priority", NULL },
  { "UPDATE tasks SET milestone = 2 WHERE uid = " LAST_TASK,
    "milestone", NULL },
  { "UPDATE tasks SET duration_format = 13 WHERE uid = " LAST_TASK,
    "duration_format", "13" },
  { "UPDATE tasks SET name = CAST(X'C328' AS TEXT) WHERE uid = " LAST_TASK,
    "name", "UTF-8" },
  { "UPDATE tasks SET name = CAST(X'41004142' AS TEXT) WHERE uid = " LAST_TASK,
    "name", "UTF-8" },
  { "UPDATE tasks SET id = 4294967296 WHERE uid = " LAST_TASK,
    "“id”", "4294967296" },
  { "UPDATE tasks SET calendar_uid = 999999 WHERE uid = " LAST_TASK,
    "calendar 999999", NULL },
  /* the outline */
  { "UPDATE tasks SET parent_uid = 777777 WHERE uid = " LAST_TASK,
    "777777", "does not exist" },
  { "UPDATE tasks SET parent_uid = uid WHERE uid = " LAST_TASK,
    "own ancestor", NULL },
  { "UPDATE tasks SET parent_uid = CASE uid WHEN " FIRST_TASK " THEN " LAST_TASK
    " ELSE " FIRST_TASK " END WHERE uid IN (" FIRST_TASK ", " LAST_TASK ")",
    "own ancestor", NULL },
  { "UPDATE tasks SET parent_uid = NULL WHERE uid = " LAST_TASK,
    "parent_uid", NULL },
  { "UPDATE tasks SET parent_uid = 1 WHERE uid = 0",
    "summary task", NULL },
  { "DELETE FROM tasks WHERE uid = 0",
    "task 0", NULL },
  /* duplicate uids in a table rebuilt without its primary key */
  { "CREATE TABLE t2 AS SELECT * FROM tasks; DROP TABLE tasks;"
    "ALTER TABLE t2 RENAME TO tasks;"
    "INSERT INTO tasks SELECT * FROM tasks WHERE uid = " LAST_TASK,
    "used by another row", NULL },
  /* other tables */
  { "UPDATE links SET link_type = 4",
    "link_type", NULL },
  { "UPDATE links SET successor_uid = 555555",
    "task 555555", NULL },
  { "UPDATE links SET successor_uid = predecessor_uid",
    "links a task to itself", NULL },
  { "UPDATE links SET lag_format = 99",
    "lag_format", NULL },
  { "UPDATE assignments SET units = -1",
    "units", NULL },
  { "UPDATE assignments SET resource_uid = 444444",
    "resource 444444", NULL },
  { "UPDATE assignments SET percent_work_complete = 101",
    "percent_work_complete", NULL },
  { "UPDATE assignments SET work_contour = 9",
    "work_contour", NULL },
  { "UPDATE resources SET resource_type = 3",
    "resource_type", NULL },
  { "UPDATE resources SET accrue_at = 0",
    "accrue_at", NULL },
  { "UPDATE resources SET max_units = 1e12",
    "max_units", NULL },
  { "UPDATE calendars SET base_uid = uid",
    "cycle", NULL },
  { "UPDATE calendars SET base_uid = 333333",
    "333333", NULL },
  { "UPDATE calendar_ranges SET to_minute = 2000",
    "to_minute", "2000" },
  { "UPDATE calendar_ranges SET from_minute = to_minute",
    "from_minute", NULL },
  { "UPDATE calendar_days SET kind = 3",
    "kind", NULL },
  { "UPDATE calendar_exceptions SET recurrence = 10",
    "recurrence", NULL },
  { "UPDATE calendar_exceptions SET month = 12",
    "month", NULL },
  { "UPDATE calendar_exceptions SET from_day = 9000000000000",
    "from_day", NULL },
  { "UPDATE calendar_days SET owner_index = 99 WHERE (calendar_uid, owner, owner_index, weekday)"
    " = (SELECT calendar_uid, owner, owner_index, weekday FROM calendar_days"
    " WHERE owner = 1 LIMIT 1)",
    "owner_index", NULL },
  { "UPDATE baselines SET number = 11 WHERE (task_uid, number)"
    " = (SELECT task_uid, number FROM baselines LIMIT 1)",
    "number", NULL },
  { "UPDATE project SET minutes_per_day = 0",
    "minutes_per_day", NULL },
  { "UPDATE project SET week_start_day = 7",
    "week_start_day", NULL },
  { "UPDATE project SET calendar_uid = 222222",
    "calendar 222222", NULL },
  { "INSERT INTO project SELECT * FROM project",
    "more than one project", NULL },
  { "DELETE FROM project",
    "no project", NULL },
  { "INSERT INTO extras VALUES (1, 999999, 0, 'Hyperlink', '<Hyperlink/>', 1)",
    "does not exist", NULL },
  { "INSERT INTO extras VALUES (9, 0, 0, 'Hyperlink', '<Hyperlink/>', 1)",
    "owner_kind", NULL },
  { "CREATE TABLE s2 AS SELECT * FROM settings; DROP TABLE settings;"
    "ALTER TABLE s2 RENAME TO settings; INSERT INTO settings VALUES ('k', NULL)",
    "value", NULL },
  /* the schema itself */
  { "DROP TABLE links",
    "links", "missing" },
  { "ALTER TABLE tasks DROP COLUMN priority",
    "priority", NULL },
  { "DROP TABLE settings; CREATE VIEW settings AS SELECT 'a' AS key, 'b' AS value",
    "settings", "not a table" },
  { "PRAGMA user_version = 0",
    "format version", NULL },
};

static void
test_bad_values (Fixture *f, gconstpointer data)
{
  g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();

  /* The full plan has every kind of row these statements touch. */
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_links (plan)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_assignments (plan)), >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad_values); i++)
    {
      g_test_message ("tampering: %s", bad_values[i].sql);
      save_ok (plan, f->path);
      tamper (f->path, bad_values[i].sql);
      assert_load_fails (f->path, GANTRY_STORE_ERROR_CORRUPT,
                         bad_values[i].word1, bad_values[i].word2);
    }
}

/* A file with a trigger and extra tables still loads (neither is run or
 * read), and nothing is written while loading. */
static void
test_extra_schema_ignored (Fixture *f, gconstpointer data)
{
  g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) loaded = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  save_ok (plan, f->path);
  tamper (f->path, "CREATE TABLE audit (x);"
                   "CREATE TRIGGER t AFTER UPDATE ON tasks BEGIN INSERT INTO audit VALUES (1); END;"
                   "ALTER TABLE tasks ADD COLUMN future_field TEXT DEFAULT 'x';");
  before = file_fingerprint (f->path);
  loaded = load_ok (f->path);
  after = file_fingerprint (f->path);
  g_assert_cmpstr (before, ==, after);
  gantry_test_assert_projects_identical (plan, loaded);
}

/* ---- saving ----------------------------------------------------------------- */

static void
test_save_replaces_and_cleans (Fixture *f, gconstpointer data)
{
  g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) empty = gantry_project_new ();
  g_autoptr(GantryProject) loaded = NULL;
  g_autofree char *names = NULL;
  struct stat st;

  save_ok (plan, f->path);
  g_assert_cmpint (g_chmod (f->path, 0640), ==, 0);
  save_ok (empty, f->path);
  names = list_dir (f->dir);
  g_assert_cmpstr (names, ==, "plan.gantry");

  /* Permissions of the replaced file are kept. */
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  loaded = load_ok (f->path);
  gantry_test_assert_projects_identical (empty, loaded);
}

static void
test_save_through_symlink (Fixture *f, gconstpointer data)
{
  g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) loaded = NULL;
  g_autofree char *link = g_build_filename (f->dir, "link.gantry", NULL);

  save_ok (plan, f->path);
  g_assert_cmpint (symlink ("plan.gantry", link), ==, 0);
  save_ok (plan, link);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  loaded = load_ok (link);
  gantry_test_assert_projects_identical (plan, loaded);
}

static void
test_save_bad_target (Fixture *f, gconstpointer data)
{
  g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();
  g_autoptr(GError) error = NULL;
  g_autofree char *nodir = g_build_filename (f->dir, "no-such-dir", "plan.gantry", NULL);
  g_autofree char *subdir = g_build_filename (f->dir, "folder.gantry", NULL);
  g_autofree char *names = NULL;

  g_assert_false (gantry_store_save (plan, nodir, &error));
  g_assert_error (error, GANTRY_STORE_ERROR, GANTRY_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "plan.gantry"));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);
  g_assert_false (gantry_store_save (plan, subdir, &error));
  g_assert_error (error, GANTRY_STORE_ERROR, GANTRY_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "folder.gantry"));
  g_assert_true (g_file_test (subdir, G_FILE_TEST_IS_DIR));

  names = list_dir (f->dir);
  g_assert_cmpstr (names, ==, "folder.gantry");
}

/* Saving into a directory the user cannot write fails cleanly and leaves
 * the old file as it was.  Root ignores directory permissions, so the
 * subprocess drops to "nobody" first when it runs as root. */
static char *
readonly_dir_path (pid_t owner)
{
  g_autofree char *name = g_strdup_printf ("gantry-store-ro-%d", (int) owner);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static void
test_save_readonly_dir (void)
{
  g_autoptr(GantryProject) plan = gantry_test_build_full_plan ();

  if (g_test_subprocess ())
    {
      g_autofree char *dir = readonly_dir_path (getppid ());
      g_autofree char *path = g_build_filename (dir, "plan.gantry", NULL);
      g_autoptr(GError) error = NULL;

      gantry_project_set_name (plan, "the second version");
      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        {
          g_test_skip ("cannot drop root privileges");
          return;
        }
      g_assert_false (gantry_store_save (plan, path, &error));
      g_assert_error (error, GANTRY_STORE_ERROR, GANTRY_STORE_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "plan.gantry"));
      g_assert_nonnull (strstr (error->message, g_strerror (EACCES)));
      return;
    }
  else
    {
      g_autofree char *dir = readonly_dir_path (getpid ());
      g_autofree char *path = g_build_filename (dir, "plan.gantry", NULL);
      g_autoptr(GantryProject) loaded = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *names = NULL;

      remove_tree (dir);
      g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
      save_ok (plan, path);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      before = file_fingerprint (path);

      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();

      after = file_fingerprint (path);
      g_assert_cmpstr (before, ==, after);
      names = list_dir (dir);
      g_assert_cmpstr (names, ==, "plan.gantry");
      loaded = load_ok (path);
      gantry_test_assert_projects_identical (plan, loaded);
      remove_tree (dir);
    }
}

/* ---- crash safety ------------------------------------------------------------ */

/* Adds n plain tasks with a chain of links, so that a save takes long
 * enough for kills to land in the middle of it. */
static void
add_bulk (GantryProject *plan, int n, const char *label)
{
  GantryTask *root = gantry_project_get_root_task (plan);
  GantryTask *prev = NULL;
  int uid = gantry_project_next_task_uid (plan);

  for (int i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %d", label, i);
      g_autoptr(GantryTask) t = gantry_task_new (uid + i, name);

      gantry_task_set_duration (t, (i % 5 + 1) * GANTRY_MS_HOUR * 8);
      gantry_task_set_notes (t, "Some notes that take a little room in the file.");
      g_assert_true (gantry_project_add_task (plan, root, -1, t));
      if (prev != NULL)
        {
          g_autoptr(GantryLink) l = gantry_link_new (prev, t, GANTRY_LINK_FS, 0,
                                                     GANTRY_FORMAT_DAYS);

          g_assert_true (gantry_project_add_link (plan, l));
        }
      prev = t;
    }
}

static void
test_crash_safety (Fixture *f, gconstpointer data)
{
  g_autoptr(GantryProject) a = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) b = gantry_test_build_full_plan ();
  const int kills = 30;
  int mid_save = 0;

  gantry_project_set_name (a, "version A");
  add_bulk (a, 3000, "A");
  gantry_project_set_name (b, "version B");
  add_bulk (b, 4000, "B");

  save_ok (a, f->path);

  for (int k = 0; k < kills; k++)
    {
      g_autoptr(GantryProject) loaded = NULL;
      g_autoptr(GDir) d = NULL;
      const char *name;
      int status = 0;
      pid_t pid;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          /* The child saves A and B in turn until it is killed. */
          for (guint i = 0;; i++)
            if (!gantry_store_save (i % 2 == 0 ? b : a, f->path, NULL))
              _exit (3);
        }

      g_usleep (g_test_rand_int_range (1000, 120000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      /* The file is one of the two versions, complete. */
      loaded = load_ok (f->path);
      if (g_strcmp0 (gantry_project_get_name (loaded), "version A") == 0)
        gantry_test_assert_projects_identical (a, loaded);
      else
        {
          g_assert_cmpstr (gantry_project_get_name (loaded), ==, "version B");
          gantry_test_assert_projects_identical (b, loaded);
        }

      /* A kill during a save leaves its temp file; only that. */
      d = g_dir_open (f->dir, 0, NULL);
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *p = g_build_filename (f->dir, name, NULL);

          if (strcmp (name, "plan.gantry") == 0)
            continue;
          g_assert_true (g_str_has_prefix (name, "plan.gantry."));
          g_unlink (p);
          mid_save++;
        }
    }
  g_test_message ("%d of %d kills landed while a temp file was being written",
                  mid_save, kills);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/roundtrip/full", test_roundtrip_full);
  ADD ("/store/roundtrip/empty", test_roundtrip_empty);
  ADD ("/store/roundtrip/extremes", test_roundtrip_extremes);
  ADD ("/store/roundtrip/deep-outline", test_roundtrip_deep);
  ADD ("/store/roundtrip/batches", test_roundtrip_batches);
  ADD ("/store/file/is-sqlite", test_file_is_sqlite);
  ADD ("/store/file/load-writes-nothing", test_load_writes_nothing);
  ADD ("/store/bad/not-sqlite", test_bad_not_sqlite);
  ADD ("/store/bad/foreign", test_bad_foreign);
  ADD ("/store/bad/newer", test_bad_newer);
  ADD ("/store/bad/truncated", test_bad_truncated);
  ADD ("/store/bad/damaged", test_bad_damaged);
  ADD ("/store/bad/unreadable", test_bad_unreadable);
  ADD ("/store/bad/values", test_bad_values);
  ADD ("/store/bad/extra-schema-ignored", test_extra_schema_ignored);
  ADD ("/store/save/replaces-and-cleans", test_save_replaces_and_cleans);
  ADD ("/store/save/through-symlink", test_save_through_symlink);
  ADD ("/store/save/bad-target", test_save_bad_target);
  g_test_add_func ("/store/save/readonly-dir", test_save_readonly_dir);
  ADD ("/store/save/crash-safety", test_crash_safety);

  return g_test_run ();
}
