/* gantry-file.c — open and save a plan whatever its format
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <gio/gio.h>

#include "gantry-file.h"
#include "gantry-store.h"
#include "gantry-mspdi.h"

static gboolean
has_suffix_ci (const char *path,
               const char *suffix)
{
  gsize lp = strlen (path);
  gsize ls = strlen (suffix);

  return lp >= ls && g_ascii_strcasecmp (path + lp - ls, suffix) == 0;
}

GantryFileFormat
gantry_file_format_for_path (const char *path)
{
  g_return_val_if_fail (path != NULL, GANTRY_FILE_FORMAT_UNKNOWN);

  if (has_suffix_ci (path, ".gantry"))
    return GANTRY_FILE_FORMAT_NATIVE;
  if (has_suffix_ci (path, ".xml") || has_suffix_ci (path, ".mspdi"))
    return GANTRY_FILE_FORMAT_MSPDI;
  return GANTRY_FILE_FORMAT_UNKNOWN;
}

GantryFileFormat
gantry_file_detect_format (const char *path)
{
  char head[512];
  gssize n = 0;
  FILE *f;

  g_return_val_if_fail (path != NULL, GANTRY_FILE_FORMAT_UNKNOWN);

  f = fopen (path, "rb");
  if (f != NULL)
    {
      n = (gssize) fread (head, 1, sizeof head - 1, f);
      fclose (f);
    }
  if (n >= 16 && memcmp (head, "SQLite format 3", 16) == 0)
    return GANTRY_FILE_FORMAT_NATIVE;
  if (n > 0)
    {
      const char *p = head;

      head[n] = '\0';
      /* Skip a UTF-8 byte order mark and white space. */
      if (n >= 3 && (guchar) p[0] == 0xEF && (guchar) p[1] == 0xBB && (guchar) p[2] == 0xBF)
        p += 3;
      while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
      if (*p == '<')
        return GANTRY_FILE_FORMAT_MSPDI;
    }
  return gantry_file_format_for_path (path);
}

GantryProject *
gantry_file_load (const char  *path,
                  GPtrArray  **warnings,
                  GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (warnings != NULL)
    *warnings = NULL;

  switch (gantry_file_detect_format (path))
    {
    case GANTRY_FILE_FORMAT_NATIVE:
      return gantry_store_load (path, error);
    case GANTRY_FILE_FORMAT_MSPDI:
      return gantry_mspdi_load (path, warnings, error);
    case GANTRY_FILE_FORMAT_UNKNOWN:
    default:
      break;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("“%s” does not exist."), path);
      return NULL;
    }
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
               _("“%s” is neither a Gantry plan nor an MS Project XML file."), path);
  return NULL;
}

gboolean
gantry_file_save (GantryProject *project,
                  const char    *path,
                  gboolean       keep_unknown,
                  GError       **error)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  switch (gantry_file_format_for_path (path))
    {
    case GANTRY_FILE_FORMAT_NATIVE:
      return gantry_store_save (project, path, error);
    case GANTRY_FILE_FORMAT_MSPDI:
      return gantry_mspdi_save (project, path,
                                keep_unknown ? GANTRY_MSPDI_WRITE_KEEP_UNKNOWN
                                             : GANTRY_MSPDI_WRITE_DEFAULT,
                                error);
    case GANTRY_FILE_FORMAT_UNKNOWN:
    default:
      break;
    }
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
               _("Cannot save “%s”: use the extension .gantry for a Gantry plan "
                 "or .xml for MS Project XML."), path);
  return FALSE;
}
