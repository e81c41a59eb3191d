/* fuzz-mspdi.c — libFuzzer harness for the MS Project XML reader
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input either loads or fails with an error (never both, never
 * neither).  What loads is written back out, which must also work, and
 * the written file must load again: the reader and writer agree.
 *
 *   fuzz-mspdi CORPUS-DIR seeds/mspdi [../shared/corpus/mspdi]
 */
#include "config.h"

#include "gantry-fuzz-common.h"
#include "gantry-core.h"
#include "gantry-mspdi.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  gantry_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GantryProject) project = NULL;
  g_autoptr(GantryProject) again = NULL;
  g_autofree char *out = NULL;
  gsize out_len = 0;

  project = gantry_mspdi_load_data ((const char *) data, size, &warnings, &error);
  if (project == NULL)
    {
      if (error == NULL)
        {
          g_printerr ("gantry_mspdi_load_data failed without an error\n");
          abort ();
        }
      return 0;
    }
  if (error != NULL)
    {
      g_printerr ("gantry_mspdi_load_data returned a project and an error\n");
      abort ();
    }

  out = gantry_mspdi_save_to_data (project, GANTRY_MSPDI_WRITE_KEEP_UNKNOWN, &out_len,
                                   &error);
  if (out == NULL)
    {
      /* Writing what was read may only fail with a message. */
      if (error == NULL)
        abort ();
      return 0;
    }

  again = gantry_mspdi_load_data (out, out_len, NULL, &error);
  if (again == NULL)
    {
      g_printerr ("Gantry cannot read what it wrote: %s\n", error ? error->message : "?");
      abort ();
    }
  return 0;
}
