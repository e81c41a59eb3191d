/* test-corpus.c — agreement with MS Project over the corpus
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For every MSPDI file MS Project saved: load it, remember the Start and
 * Finish MS Project stored for every automatically scheduled task (active,
 * not a blank row; leaves and summaries), schedule, and compare to the
 * minute.  The tasks listed in KNOWN below (and in
 * coord/engine-known-differences.md, which the README carries) are
 * skipped with their reason; nothing else is.
 */
#include "config.h"

#include <string.h>

#include "engine-test-util.h"
#include "gantry-mspdi.h"

typedef struct
{
  const char *file;
  int         uid;      /* -1: every task of the file */
  const char *reason;
} Known;

static const Known KNOWN[] = {
#include "corpus-known-differences.inc"
  { NULL, 0, NULL }
};

static const Known *
find_known (const char *file, int uid)
{
  const Known *k;

  for (k = KNOWN; k->file != NULL; k++)
    if (strcmp (k->file, file) == 0 && (k->uid == uid || k->uid == -1))
      return k;
  return NULL;
}

typedef struct
{
  GantryTask *task;
  GantryTime  start, finish;
} Stored;

static gboolean
same_minute (GantryTime a, GantryTime b)
{
  if (a == GANTRY_TIME_NONE || b == GANTRY_TIME_NONE)
    return a == b;
  return a / GANTRY_MS_MINUTE == b / GANTRY_MS_MINUTE;
}

static void
collect (GantryTask *task, GArray *out)
{
  Stored s;
  guint i;

  if (!gantry_task_get_manual (task) && gantry_task_get_active (task)
      && !gantry_task_get_is_null (task))
    {
      s.task = task;
      s.start = gantry_task_get_start (task);
      s.finish = gantry_task_get_finish (task);
      g_array_append_val (out, s);
    }
  for (i = 0; i < gantry_task_get_n_children (task); i++)
    collect (gantry_task_get_child (task, i), out);
}

static void
test_file (gconstpointer data)
{
  const char *name = data;
  const char *dir = g_getenv ("GANTRY_CORPUS_DIR");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GantryProject) p = NULL;
  g_autoptr (GArray) stored = g_array_new (FALSE, FALSE, sizeof (Stored));
  g_autoptr (GPtrArray) problems = NULL;
  guint i, n_checked = 0, n_skipped = 0, n_bad = 0;
  GString *bad = g_string_new (NULL);

  p = gantry_mspdi_load (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  collect (gantry_project_get_root_task (p), stored);
  problems = gantry_schedule_project (p);

  for (i = 0; i < stored->len; i++)
    {
      Stored *s = &g_array_index (stored, Stored, i);
      int uid = gantry_task_get_uid (s->task);
      const Known *k = find_known (name, uid);
      GantryTime gs = gantry_task_get_start (s->task), gf = gantry_task_get_finish (s->task);

      if (k != NULL)
        {
          g_test_message ("known difference, task %d: %s", uid, k->reason);
          n_skipped++;
          continue;
        }
      n_checked++;
      if (!same_minute (gs, s->start) || !same_minute (gf, s->finish))
        {
          g_autofree char *a = gantry_time_format_iso (s->start);
          g_autofree char *b = gantry_time_format_iso (s->finish);
          g_autofree char *c = gantry_time_format_iso (gs);
          g_autofree char *d = gantry_time_format_iso (gf);
          g_string_append_printf (bad, "  task %d \"%s\": MS Project %s – %s, Gantry %s – %s\n",
                                  uid, gantry_task_get_name (s->task) ? gantry_task_get_name (s->task) : "",
                                  a, b, c, d);
          n_bad++;
        }
    }
  g_test_message ("%s: %u tasks agree, %u known differences skipped", name, n_checked - n_bad, n_skipped);
  if (n_bad > 0)
    {
      g_test_fail_printf ("%s: %u of %u tasks differ from MS Project:\n%s",
                          name, n_bad, n_checked, bad->str);
    }
  g_string_free (bad, TRUE);
  if (n_bad == 0 && n_checked == 0 && n_skipped > 0)
    g_test_skip ("every task of this file is a known difference");
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
test_absent (void)
{
  g_test_skip ("GANTRY_CORPUS_DIR is not set or does not exist: no corpus to compare with");
}

int
main (int argc, char **argv)
{
  const char *dir;
  g_autoptr (GDir) d = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *n;
  guint i;

  g_test_init (&argc, &argv, NULL);
  dir = g_getenv ("GANTRY_CORPUS_DIR");
  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR)
      || (d = g_dir_open (dir, 0, NULL)) == NULL)
    {
      g_test_add_func ("/engine/corpus/absent", test_absent);
      return g_test_run ();
    }
  while ((n = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (n, ".xml"))
      g_ptr_array_add (names, g_strdup (n));
  g_ptr_array_sort (names, compare_names);
  for (i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *test = g_strdup_printf ("/engine/corpus/%s", name);
      g_test_add_data_func (test, name, test_file);
    }
  return g_test_run ();
}
