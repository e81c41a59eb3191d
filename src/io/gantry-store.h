/* gantry-store.h — the native .gantry file (SQLite)
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gantry-core.h"

G_BEGIN_DECLS

#define GANTRY_APPLICATION_ID 0x47414E54   /* "GANT" */
#define GANTRY_SCHEMA_VERSION 1

#define GANTRY_STORE_ERROR (gantry_store_error_quark ())
typedef enum
{
  GANTRY_STORE_ERROR_NOT_SQLITE,   /* not an SQLite database at all */
  GANTRY_STORE_ERROR_FOREIGN,      /* SQLite, but not a Gantry file */
  GANTRY_STORE_ERROR_NEWER,        /* made by a newer Gantry (schema version) */
  GANTRY_STORE_ERROR_TRUNCATED,    /* shorter than its header says */
  GANTRY_STORE_ERROR_CORRUPT,      /* damaged: integrity check or bad values */
  GANTRY_STORE_ERROR_IO,           /* cannot read or write the file */
} GantryStoreError;
GQuark gantry_store_error_quark (void);

/* Opens a .gantry file into a new project (history cleared, not modified).
 * Returns NULL with a translated, specific error message. */
GantryProject *gantry_store_load (const char *path, GError **error);
/* Saves atomically: writes PATH.XXXXXX beside it, fsyncs, renames over
 * PATH.  On failure the old file is untouched.  Does not mark_saved. */
gboolean       gantry_store_save (GantryProject *project, const char *path, GError **error);

G_END_DECLS
