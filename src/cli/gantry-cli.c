/* gantry-cli.c — Gantry without a display: info, check, convert, schedule,
 * report, print-gantt, level
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "gantry-core.h"
#include "gantry-file.h"
#include "gantry-scheduler.h"
#include "gantry-cli-commands.h"

typedef struct
{
  const char *name;
  const char *summary;           /* N_() */
  int       (*run) (int argc, char **argv);
} Subcommand;

static const Subcommand subcommands[] = {
  { "info",        N_("Print counts and dates of a plan"),                 gantry_cli_info },
  { "check",       N_("List problems in a plan (exit 1 when there are some)"), gantry_cli_check },
  { "convert",     N_("Convert between .gantry and MS Project XML"),       gantry_cli_convert },
  { "schedule",    N_("Recompute all dates and print the result"),        gantry_cli_schedule },
  { "report",      N_("Write the stakeholder status report as PDF"),      gantry_cli_report },
  { "print-gantt", N_("Print the Gantt chart to PDF"),                    gantry_cli_print_gantt },
  { "level",       N_("Level resources so nobody is over-allocated"),     gantry_cli_level },
};

static void
print_usage (FILE *out)
{
  fprintf (out, _("Usage: %s COMMAND [OPTION…] FILE…\n"), g_get_prgname ());
  fprintf (out, "\n%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    fprintf (out, "  %-12s %s\n", subcommands[i].name, _(subcommands[i].summary));
  fprintf (out, "\n%s\n",
           _("Run “gantry-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("GANTRY_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* GANTRY_LOCALEDIR lets tests (and translators) use catalogues from the
   * build tree instead of the installed ones. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("gantry-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return 0;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("gantry-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (strcmp (argv[1], subcommands[i].name) == 0)
      return subcommands[i].run (argc - 1, argv + 1);

  fprintf (stderr, _("%s: unknown command “%s”\n"), g_get_prgname (), argv[1]);
  print_usage (stderr);
  return 2;
}
