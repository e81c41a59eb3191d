/* main.c — the gantry GUI entry point
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gantry-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GantryApplication) app = NULL;
  const char *localedir = g_getenv ("GANTRY_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* GANTRY_LOCALEDIR: catalogues from the build tree (tests, translators) */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Gantry"));
  /* GANTRY_NON_UNIQUE=1: a separate instance (tests, side-by-side runs) */
  app = gantry_application_new (g_strcmp0 (g_getenv ("GANTRY_NON_UNIQUE"), "1") == 0
                                ? G_APPLICATION_NON_UNIQUE : G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
