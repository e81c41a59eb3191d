/* gantry-cli-commands.c — the subcommands of gantry-cli
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "gantry-core.h"
#include "gantry-file.h"
#include "gantry-scheduler.h"
#include "gantry-resource-engine.h"
#include "gantry-report.h"
#include "gantry-tracking.h"
#include "gantry-cli-commands.h"

enum { EXIT_OK = 0, EXIT_PROBLEMS = 1, EXIT_USAGE = 2, EXIT_OUTPUT = 3 };

/* Parses options; on --help prints and returns FALSE with *status 0, on
 * bad options prints the error and returns FALSE with *status 2. */
static gboolean
parse_options (const char   *parameter,
               const char   *summary,
               GOptionEntry *entries,
               int          *argc,
               char       ***argv,
               int           min_args,
               int           max_args,
               int          *status)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("gantry-cli %s", (*argv)[0]);

  g_option_context_set_summary (ctx, summary);
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_set_prgname (prgname);

  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      fprintf (stderr, "%s: %s\n", prgname, error->message);
      *status = EXIT_USAGE;
      return FALSE;
    }
  /* (*argv)[0] is the subcommand; the rest are positional. */
  if (*argc - 1 < min_args || *argc - 1 > max_args)
    {
      g_autofree char *help = g_option_context_get_help (ctx, TRUE, NULL);
      fprintf (stderr, "%s: %s\n\n%s", prgname,
               *argc - 1 < min_args ? _("missing file argument")
                                    : _("too many arguments"),
               help);
      *status = EXIT_USAGE;
      return FALSE;
    }
  return TRUE;
}

static GantryProject *
load_or_complain (const char *path,
                  gboolean    show_warnings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  GantryProject *project;

  project = gantry_file_load (path, &warnings, &error);
  if (project == NULL)
    {
      fprintf (stderr, _("%s: cannot open “%s”: %s\n"), g_get_prgname (), path,
               error != NULL ? error->message : _("unknown error"));
      return NULL;
    }
  if (show_warnings && warnings != NULL)
    for (guint i = 0; i < warnings->len; i++)
      fprintf (stderr, _("%s: warning: %s\n"), g_get_prgname (),
               (const char *) g_ptr_array_index (warnings, i));
  return project;
}

static void
print_time (const char *key,
            GantryTime  t)
{
  g_autofree char *s = gantry_time_format_iso (t);

  printf ("%s: %s\n", key, s != NULL ? s : "");
}

/* ---- info ---------------------------------------------------------------- */

int
gantry_cli_info (int    argc,
                 char **argv)
{
  g_autoptr(GantryProject) project = NULL;
  int status = EXIT_OK;

  if (!parse_options (_("FILE"), _("Prints one “key: value” line each for the "
                                   "name, the counts of tasks, resources, "
                                   "assignments, links and calendars, and the "
                                   "project start and finish."),
                      NULL, &argc, &argv, 1, 1, &status))
    return status;

  project = load_or_complain (argv[1], FALSE);
  if (project == NULL)
    return EXIT_USAGE;

  printf ("name: %s\n", gantry_project_get_name (project) ? gantry_project_get_name (project) : "");
  printf ("tasks: %u\n", gantry_project_get_n_tasks (project));
  printf ("resources: %u\n", g_list_model_get_n_items (gantry_project_get_resources (project)));
  printf ("assignments: %u\n", g_list_model_get_n_items (gantry_project_get_assignments (project)));
  printf ("links: %u\n", g_list_model_get_n_items (gantry_project_get_links (project)));
  printf ("calendars: %u\n", g_list_model_get_n_items (gantry_project_get_calendars (project)));
  print_time ("start", gantry_project_get_start (project));
  print_time ("finish", gantry_project_get_finish (project));
  printf ("risks: %u\n", g_list_model_get_n_items (gantry_project_get_risks (project)));
  {
    GantryEarnedValue ev;

    /* against Baseline, at the status date (else the current date, else now) */
    gantry_tracking_earned_value (gantry_project_get_root_task (project), 0, GANTRY_TIME_NONE,
                                  &ev);
    printf ("earned-value: BAC %.2f PV %.2f EV %.2f AC %.2f SV %.2f CV %.2f SPI %.2f CPI %.2f "
            "EAC %.2f VAC %.2f TCPI %.2f\n", ev.bac, ev.bcws, ev.bcwp, ev.acwp, ev.sv, ev.cv,
            ev.spi, ev.cpi, ev.eac, ev.vac, ev.tcpi);
  }
  return EXIT_OK;
}

/* ---- check / schedule ------------------------------------------------------ */

static const char *
problem_kind_name (GantryProblemKind kind)
{
  switch (kind)
    {
    case GANTRY_PROBLEM_CYCLE:           return _("cycle");
    case GANTRY_PROBLEM_CONFLICT:        return _("conflict");
    case GANTRY_PROBLEM_NO_WORKING_TIME: return _("no working time");
    case GANTRY_PROBLEM_OVERALLOCATION:  return _("over-allocation");
    default:                             return _("problem");
    }
}

static void
print_problems (GPtrArray *problems,
                FILE      *out)
{
  for (guint i = 0; i < problems->len; i++)
    {
      GantryProblem *p = g_ptr_array_index (problems, i);

      fprintf (out, "%s: %s\n", problem_kind_name (p->kind), p->message);
    }
}

/* One line per over-allocated period: resource, period and units.
 * Returns how many.  (Costs and resource totals are written too.) */
static guint
print_overallocations (GantryProject *project,
                       FILE          *out)
{
  g_autoptr(GArray) over = gantry_resources_update (project);

  for (guint i = 0; i < over->len; i++)
    {
      const GantryOverallocation *o = &g_array_index (over, GantryOverallocation, i);
      g_autofree char *s = gantry_time_format_iso (o->start);
      g_autofree char *f = gantry_time_format_iso (o->finish);
      const char *name = gantry_resource_get_name (o->resource);

      /* TRANSLATORS: resource name, period start – finish, peak units
       * against the resource's maximum, e.g. "200% of 100%" */
      fprintf (out, _("%s: resource “%s”, %s – %s, %.0f%% of %.0f%%\n"),
               problem_kind_name (GANTRY_PROBLEM_OVERALLOCATION),
               name != NULL ? name : "", s != NULL ? s : "", f != NULL ? f : "",
               o->units * 100.0, gantry_resource_get_max_units (o->resource) * 100.0);
    }
  return over->len;
}

int
gantry_cli_check (int    argc,
                  char **argv)
{
  g_autoptr(GantryProject) project = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  guint n_over;
  int status = EXIT_OK;

  if (!parse_options (_("FILE"), _("Schedules the plan and lists every problem "
                                   "found: dependency cycles, constraints that "
                                   "cannot be met, calendars without working "
                                   "time and over-allocated resources. Exits 0 "
                                   "when there are none and 1 when there are some."),
                      NULL, &argc, &argv, 1, 1, &status))
    return status;

  project = load_or_complain (argv[1], TRUE);
  if (project == NULL)
    return EXIT_USAGE;

  problems = gantry_schedule_project (project);
  print_problems (problems, stdout);
  n_over = print_overallocations (project, stdout);
  if (problems->len == 0 && n_over == 0)
    {
      printf ("%s\n", _("No problems found."));
      return EXIT_OK;
    }
  return EXIT_PROBLEMS;
}

int
gantry_cli_schedule (int    argc,
                     char **argv)
{
  g_autoptr(GantryProject) project = NULL;
  g_autoptr(GantryScheduler) scheduler = NULL;
  g_autofree char *output = NULL;
  gboolean keep_unknown = FALSE;
  GPtrArray *problems;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the scheduled plan to OUT (.gantry or .xml)"), N_("OUT") },
    { "keep-unknown", 0, 0, G_OPTION_ARG_NONE, &keep_unknown,
      N_("In MS Project XML, also write back elements outside the schema"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!parse_options (_("IN"), _("Recomputes all dates the way MS Project does "
                                 "and prints the project start and finish, the "
                                 "number of critical tasks and each conflict."),
                      entries, &argc, &argv, 1, 1, &status))
    return status;

  project = load_or_complain (argv[1], TRUE);
  if (project == NULL)
    return EXIT_USAGE;

  scheduler = gantry_scheduler_new (project);
  gantry_scheduler_run (scheduler);
  problems = gantry_scheduler_get_problems (scheduler);

  print_time ("start", gantry_project_get_start (project));
  print_time ("finish", gantry_project_get_finish (project));
  printf ("critical: %u\n", gantry_scheduler_get_n_critical (scheduler));
  print_problems (problems, stdout);

  if (output != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!gantry_file_save (project, output, keep_unknown, &error))
        {
          fprintf (stderr, _("%s: cannot write “%s”: %s\n"), g_get_prgname (),
                   output, error->message);
          return EXIT_OUTPUT;
        }
    }
  return EXIT_OK;
}

/* ---- convert ---------------------------------------------------------------- */

int
gantry_cli_convert (int    argc,
                    char **argv)
{
  g_autoptr(GantryProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean reschedule = FALSE;
  gboolean keep_unknown = FALSE;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "reschedule", 0, 0, G_OPTION_ARG_NONE, &reschedule,
      N_("Schedule the plan before writing it (otherwise stored dates are kept)"), NULL },
    { "keep-unknown", 0, 0, G_OPTION_ARG_NONE, &keep_unknown,
      N_("In MS Project XML, also write back elements outside the schema, "
         "for a round trip to MS Project"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!parse_options (_("IN OUT"), _("Converts a plan between the native .gantry "
                                     "format and MS Project XML (.xml); the "
                                     "format follows each file's extension."),
                      entries, &argc, &argv, 2, 2, &status))
    return status;

  if (gantry_file_format_for_path (argv[2]) == GANTRY_FILE_FORMAT_UNKNOWN)
    {
      fprintf (stderr, _("%s: “%s”: use the extension .gantry or .xml\n"),
               g_get_prgname (), argv[2]);
      return EXIT_USAGE;
    }

  project = load_or_complain (argv[1], TRUE);
  if (project == NULL)
    return EXIT_USAGE;

  if (reschedule)
    {
      g_autoptr(GPtrArray) problems = gantry_schedule_project (project);

      print_problems (problems, stderr);
    }

  if (!gantry_file_save (project, argv[2], keep_unknown, &error))
    {
      fprintf (stderr, _("%s: cannot write “%s”: %s\n"), g_get_prgname (),
               argv[2], error->message);
      return EXIT_OUTPUT;
    }
  /* MSPDI has no element for risks: say what was left behind. */
  if (gantry_file_format_for_path (argv[2]) == GANTRY_FILE_FORMAT_MSPDI)
    {
      g_autofree char *warning = gantry_risk_mspdi_warning (project);

      if (warning != NULL)
        fprintf (stderr, "%s: %s\n", g_get_prgname (), warning);
    }
  return EXIT_OK;
}

/* ---- report / print-gantt ------------------------------------------------ */

static gboolean
parse_date_option (const char *name,
                   const char *text,
                   gint64      default_time_ms,
                   GantryTime *out)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    {
      *out = GANTRY_TIME_NONE;
      return TRUE;
    }
  if (gantry_time_parse_display (text, default_time_ms, out, &error))
    return TRUE;
  fprintf (stderr, _("%s: --%s: “%s” is not a date (%s)\n"), g_get_prgname (),
           name, text, error->message);
  return FALSE;
}

int
gantry_cli_report (int    argc,
                   char **argv)
{
  g_autoptr(GantryProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *status_date = NULL;
  g_autofree char *paper = NULL;
  gboolean landscape = FALSE;
  gboolean reschedule = FALSE;
  GantryReportOptions opts;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to OUT (required)"), N_("OUT") },
    { "status-date", 0, 0, G_OPTION_ARG_STRING, &status_date,
      N_("Report as of DATE (default: the plan’s status date)"), N_("DATE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
      N_("Paper size: a4 (default) or letter"), N_("SIZE") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &landscape,
      N_("Landscape pages"), NULL },
    { "reschedule", 0, 0, G_OPTION_ARG_NONE, &reschedule,
      N_("Schedule the plan before reporting (otherwise stored dates are used)"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!parse_options (_("IN"), _("Writes the stakeholder status report of a plan "
                                 "as a PDF: health, milestones, late and critical "
                                 "work, burndown, costs, resources and the "
                                 "status narrative."),
                      entries, &argc, &argv, 1, 1, &status))
    return status;

  gantry_report_options_init (&opts);
  if (output == NULL)
    {
      fprintf (stderr, _("%s: -o OUT.pdf is required\n"), g_get_prgname ());
      return EXIT_USAGE;
    }
  if (paper != NULL && !gantry_paper_size_from_string (paper, &opts.paper))
    {
      fprintf (stderr, _("%s: --paper: “%s” is neither a4 nor letter\n"),
               g_get_prgname (), paper);
      return EXIT_USAGE;
    }
  if (landscape)
    opts.orientation = GANTRY_ORIENTATION_LANDSCAPE;

  project = load_or_complain (argv[1], TRUE);
  if (project == NULL)
    return EXIT_USAGE;
  if (!parse_date_option ("status-date", status_date,
                          gantry_project_get_default_finish_time (project) * GANTRY_MS_MINUTE,
                          &opts.status_date))
    return EXIT_USAGE;
  if (reschedule)
    {
      g_autoptr(GPtrArray) problems = gantry_schedule_project (project);

      print_problems (problems, stderr);
    }

  if (!gantry_report_write_pdf (project, output, &opts, &error))
    {
      fprintf (stderr, _("%s: cannot write “%s”: %s\n"), g_get_prgname (),
               output, error->message);
      return EXIT_OUTPUT;
    }
  return EXIT_OK;
}

int
gantry_cli_print_gantt (int    argc,
                        char **argv)
{
  g_autoptr(GantryProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *paper = NULL;
  int pages_wide = 0;
  gboolean portrait = FALSE;
  gboolean reschedule = FALSE;
  GantryGanttPrintOptions opts;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to OUT (required)"), N_("OUT") },
    { "pages-wide", 0, 0, G_OPTION_ARG_INT, &pages_wide,
      N_("Fit the chart to N pages across (default: tile at natural scale)"), N_("N") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("First date of the chart (default: project start)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("Last date of the chart (default: project finish)"), N_("DATE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
      N_("Paper size: a4 (default) or letter"), N_("SIZE") },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &portrait,
      N_("Portrait pages (default: landscape)"), NULL },
    { "reschedule", 0, 0, G_OPTION_ARG_NONE, &reschedule,
      N_("Schedule the plan before printing (otherwise stored dates are used)"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!parse_options (_("IN"), _("Prints the task table and the Gantt chart "
                                 "together to a PDF, tiled over pages or fitted "
                                 "to N pages across, with legend, header and "
                                 "footer."),
                      entries, &argc, &argv, 1, 1, &status))
    return status;

  gantry_gantt_print_options_init (&opts);
  if (output == NULL)
    {
      fprintf (stderr, _("%s: -o OUT.pdf is required\n"), g_get_prgname ());
      return EXIT_USAGE;
    }
  if (pages_wide < 0 || pages_wide > 1000)
    {
      fprintf (stderr, _("%s: --pages-wide must be between 1 and 1000\n"), g_get_prgname ());
      return EXIT_USAGE;
    }
  if (pages_wide > 0)
    {
      opts.tiled = FALSE;
      opts.pages_wide = (guint) pages_wide;
    }
  else
    opts.tiled = TRUE;
  if (paper != NULL && !gantry_paper_size_from_string (paper, &opts.paper))
    {
      fprintf (stderr, _("%s: --paper: “%s” is neither a4 nor letter\n"),
               g_get_prgname (), paper);
      return EXIT_USAGE;
    }
  if (portrait)
    opts.orientation = GANTRY_ORIENTATION_PORTRAIT;

  project = load_or_complain (argv[1], TRUE);
  if (project == NULL)
    return EXIT_USAGE;
  if (!parse_date_option ("from", from,
                          gantry_project_get_default_start_time (project) * GANTRY_MS_MINUTE,
                          &opts.from)
      || !parse_date_option ("to", to,
                             gantry_project_get_default_finish_time (project) * GANTRY_MS_MINUTE,
                             &opts.to))
    return EXIT_USAGE;
  if (opts.from != GANTRY_TIME_NONE && opts.to != GANTRY_TIME_NONE && opts.to <= opts.from)
    {
      fprintf (stderr, _("%s: --to must come after --from\n"), g_get_prgname ());
      return EXIT_USAGE;
    }
  if (reschedule)
    {
      g_autoptr(GPtrArray) problems = gantry_schedule_project (project);

      print_problems (problems, stderr);
    }

  if (!gantry_gantt_print_write_pdf (project, output, &opts, &error))
    {
      fprintf (stderr, _("%s: cannot write “%s”: %s\n"), g_get_prgname (),
               output, error->message);
      return EXIT_OUTPUT;
    }
  return EXIT_OK;
}

/* ---- level ------------------------------------------------------------------ */

int
gantry_cli_level (int    argc,
                  char **argv)
{
  g_autoptr(GantryProject) project = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean within_slack = FALSE, clear = FALSE, keep_unknown = FALSE;
  GantryLevelOptions options = { GANTRY_TIME_NONE, GANTRY_TIME_NONE, FALSE };
  GPtrArray *tasks;
  guint n_delayed = 0, n_over;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the levelled plan to OUT (.gantry or .xml)"), N_("OUT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("Level only from this date (YYYY-MM-DD[THH:MM])"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("Level only up to this date (YYYY-MM-DD[THH:MM])"), N_("DATE") },
    { "within-slack", 0, 0, G_OPTION_ARG_NONE, &within_slack,
      N_("Never delay a task beyond its late finish"), NULL },
    { "clear", 0, 0, G_OPTION_ARG_NONE, &clear,
      N_("Remove all levelling delays instead of levelling"), NULL },
    { "keep-unknown", 0, 0, G_OPTION_ARG_NONE, &keep_unknown,
      N_("In MS Project XML, also write back elements outside the schema"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!parse_options (_("IN"), _("Delays tasks so that no work resource is "
                                 "assigned beyond its maximum units, in MS "
                                 "Project’s order: priority, then slack, then ID. "
                                 "Prints how many tasks were delayed and lists "
                                 "the over-allocations that remain."),
                      entries, &argc, &argv, 1, 1, &status))
    return status;
  if (output == NULL)
    {
      fprintf (stderr, _("%s: say where to write the levelled plan with -o OUT\n"),
               g_get_prgname ());
      return EXIT_USAGE;
    }
  if (gantry_file_format_for_path (output) == GANTRY_FILE_FORMAT_UNKNOWN)
    {
      fprintf (stderr, _("%s: “%s”: use the extension .gantry or .xml\n"),
               g_get_prgname (), output);
      return EXIT_USAGE;
    }
  if ((from != NULL && !gantry_time_parse_iso (from, &options.from, NULL))
      || (to != NULL && !gantry_time_parse_iso (to, &options.to, NULL)))
    {
      fprintf (stderr, _("%s: “%s” is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)\n"),
               g_get_prgname (), from != NULL && options.from == GANTRY_TIME_NONE ? from : to);
      return EXIT_USAGE;
    }
  options.within_slack = within_slack;

  project = load_or_complain (argv[1], TRUE);
  if (project == NULL)
    return EXIT_USAGE;

  problems = gantry_schedule_project (project);
  if (clear)
    gantry_resources_clear_leveling (project);
  else if (!gantry_resources_level (project, &options, NULL, NULL, NULL, &error))
    {
      fprintf (stderr, "%s: %s\n", g_get_prgname (), error->message);
      return EXIT_PROBLEMS;
    }
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = gantry_schedule_project (project);

  tasks = gantry_project_get_all_tasks (project);
  for (guint i = 0; i < tasks->len; i++)
    if (gantry_task_get_leveling_delay (g_ptr_array_index (tasks, i)) > 0)
      n_delayed++;
  printf ("delayed: %u\n", n_delayed);
  print_time ("finish", gantry_project_get_finish (project));
  print_problems (problems, stdout);
  n_over = print_overallocations (project, stdout);

  if (!gantry_file_save (project, output, keep_unknown, &error))
    {
      fprintf (stderr, _("%s: cannot write “%s”: %s\n"), g_get_prgname (),
               output, error->message);
      return EXIT_OUTPUT;
    }
  return n_over > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
