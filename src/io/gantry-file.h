/* gantry-file.h — open and save a plan whatever its format
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gantry-core.h"

G_BEGIN_DECLS

typedef enum
{
  GANTRY_FILE_FORMAT_UNKNOWN = 0,
  GANTRY_FILE_FORMAT_NATIVE,    /* .gantry (SQLite) */
  GANTRY_FILE_FORMAT_MSPDI,     /* MS Project XML */
} GantryFileFormat;

/* By the file's first bytes when it exists and is readable, else by its
 * extension (.gantry, .xml). */
GantryFileFormat gantry_file_detect_format (const char *path);
/* By extension only (for saving). */
GantryFileFormat gantry_file_format_for_path (const char *path);

/* Opens either format.  warnings (transfer full) may be NULL. */
GantryProject   *gantry_file_load (const char  *path,
                                   GPtrArray  **warnings,
                                   GError     **error);
/* Saves in the format the extension names; keep_unknown applies to
 * MSPDI (write elements outside the schema back). */
gboolean         gantry_file_save (GantryProject *project,
                                   const char    *path,
                                   gboolean       keep_unknown,
                                   GError       **error);

G_END_DECLS
