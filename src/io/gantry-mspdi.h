/* gantry-mspdi.h — MS Project XML (MSPDI) reader and writer
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gantry-core.h"

G_BEGIN_DECLS

#define GANTRY_MSPDI_ERROR (gantry_mspdi_error_quark ())
typedef enum
{
  GANTRY_MSPDI_ERROR_MALFORMED,    /* not well-formed XML (message has line) */
  GANTRY_MSPDI_ERROR_NOT_MSPDI,    /* wrong root element or namespace */
  GANTRY_MSPDI_ERROR_EMPTY,
  GANTRY_MSPDI_ERROR_LIMIT,        /* depth/size/entity limits */
  GANTRY_MSPDI_ERROR_IO,
} GantryMspdiError;
GQuark gantry_mspdi_error_quark (void);

/* Reads a file; returns a new project or NULL with an error naming the
 * line and element.  Recoverable problems (bad value, dangling UID, ...)
 * go to *warnings (translated strings, transfer full) when non-NULL. */
GantryProject *gantry_mspdi_load        (const char *path,
                                         GPtrArray **warnings,
                                         GError    **error);
GantryProject *gantry_mspdi_load_data   (const char *data, gsize len,
                                         GPtrArray **warnings,
                                         GError    **error);

typedef enum
{
  GANTRY_MSPDI_WRITE_DEFAULT      = 0,
  GANTRY_MSPDI_WRITE_KEEP_UNKNOWN = 1 << 0,  /* also write elements outside the schema */
} GantryMspdiWriteFlags;

gboolean       gantry_mspdi_save        (GantryProject *project,
                                         const char *path,
                                         GantryMspdiWriteFlags flags,
                                         GError **error);
/* Same, into memory (transfer full, NUL-terminated). */
char          *gantry_mspdi_save_to_data (GantryProject *project,
                                          GantryMspdiWriteFlags flags,
                                          gsize *len,
                                          GError **error);

G_END_DECLS
