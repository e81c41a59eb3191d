/* fuzz-store.c — libFuzzer harness for the .gantry opener
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gantry_store_load opens a path, so each input is written to a private
 * temporary file first.  A hostile or damaged file must load or fail with
 * an error; a file that loads must save again.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "gantry-fuzz-common.h"
#include "gantry-core.h"
#include "gantry-store.h"

static char *tmp_dir;
static char *in_path;
static char *out_path;

static void
remove_tmp (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (tmp_dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (tmp_dir);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  gantry_fuzz_init ();
  /* tmpfs when there is one: saving fsyncs, which is slow on a disk. */
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    tmp_dir = g_mkdtemp (g_strdup ("/dev/shm/gantry-fuzz-store-XXXXXX"));
  if (tmp_dir == NULL)
    tmp_dir = g_dir_make_tmp ("gantry-fuzz-store-XXXXXX", NULL);
  if (tmp_dir == NULL)
    abort ();
  in_path = g_build_filename (tmp_dir, "input.gantry", NULL);
  out_path = g_build_filename (tmp_dir, "output.gantry", NULL);
  atexit (remove_tmp);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GantryProject) project = NULL;

  /* Plain write: no fsync, no rename (g_file_set_contents would do both). */
  if (!g_file_set_contents_full (in_path, (const char *) data, size,
                                 G_FILE_SET_CONTENTS_NONE, 0600, NULL))
    abort ();

  project = gantry_store_load (in_path, &error);
  if (project == NULL)
    {
      if (error == NULL)
        {
          g_printerr ("gantry_store_load failed without an error\n");
          abort ();
        }
    }
  else
    {
      if (error != NULL)
        abort ();
      /* What was accepted can be saved again. */
      if (!gantry_store_save (project, out_path, &error))
        {
          g_printerr ("cannot save a plan that loaded: %s\n", error ? error->message : "?");
          abort ();
        }
    }

  /* SQLite may leave a journal behind after a failed open. */
  {
    g_autofree char *journal = g_strconcat (in_path, "-journal", NULL);
    g_autofree char *wal = g_strconcat (in_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (in_path, "-shm", NULL);

    g_unlink (journal);
    g_unlink (wal);
    g_unlink (shm);
  }
  return 0;
}
