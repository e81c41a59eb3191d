/* test-store-corpus.c — every MS Project file survives the native format
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each file of ../shared/corpus/mspdi: import it, save it as .gantry,
 * open that, and check (1) the model is the same in every field, kept
 * elements included, and (2) exporting the reopened plan gives exactly the
 * bytes that exporting the imported plan gives, both with and without the
 * elements outside the schema.  So nothing MS Project wrote is lost by
 * passing through a .gantry file.
 */
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "gantry-core.h"
#include "gantry-mspdi.h"
#include "gantry-store.h"
#include "gantry-test-helper.h"

static char *tmp_dir;

static void
check_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *native = g_strconcat (tmp_dir, G_DIR_SEPARATOR_S, base, ".gantry", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GantryProject) imported = NULL;
  g_autoptr(GantryProject) reopened = NULL;
  GantryMspdiWriteFlags flags[] = { GANTRY_MSPDI_WRITE_DEFAULT, GANTRY_MSPDI_WRITE_KEEP_UNKNOWN };

  imported = gantry_mspdi_load (path, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);

  g_assert_true (gantry_store_save (imported, native, &error));
  g_assert_no_error (error);
  reopened = gantry_store_load (native, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reopened);

  gantry_test_assert_projects_equal (imported, reopened);

  for (gsize i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      gsize len_a = 0, len_b = 0;
      g_autofree char *a = gantry_mspdi_save_to_data (imported, flags[i], &len_a, &error);
      g_autofree char *b = NULL;

      g_assert_no_error (error);
      b = gantry_mspdi_save_to_data (reopened, flags[i], &len_b, &error);
      g_assert_no_error (error);
      g_assert_nonnull (a);
      g_assert_nonnull (b);
      if (len_a != len_b || memcmp (a, b, len_a) != 0)
        {
          gsize k = 0;

          while (k < len_a && k < len_b && a[k] == b[k])
            k++;
          g_test_message ("%s: exports differ at byte %" G_GSIZE_FORMAT " (%s): “%.80s” vs “%.80s”",
                          base, k, flags[i] ? "keep-unknown" : "default",
                          a + (k > 40 ? k - 40 : 0), b + (k > 40 ? k - 40 : 0));
          g_test_fail ();
        }
    }
  g_unlink (native);
}

static void
skip_no_corpus (void)
{
  g_test_skip ("../shared/corpus/mspdi is absent (a plain clone): no MS Project files to check");
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) files = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (gantry_test_get_corpus_dir () == NULL)
    g_test_add_func ("/store-corpus/no-corpus", skip_no_corpus);
  files = gantry_test_list_corpus_files ();
  tmp_dir = g_dir_make_tmp ("gantry-store-corpus-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *name = g_strconcat ("/store-corpus/", base, NULL);

      g_test_add_data_func (name, path, check_file);
    }

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
