/* test-gantt-print.c — the printed Gantt chart: fitted N pages wide, tiled
 * without losing a column or a row, date ranges, bad options
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "report-test-plan.h"

#include <glib/gstdio.h>
#include <string.h>

#define N_TASKS 120

/* 4 groups of 30 tasks "Task 001".."Task 120" over Jan..Jun 2026, every
 * tenth a milestone, every third critical, all with a baseline. */
static GantryProject *
gantt_plan (void)
{
  GantryProject *p = gantry_project_new ();
  GantryTask *group = NULL;

  gantry_project_set_name (p, "Printing plan");
  gantry_project_set_status_date (p, T (2026, 3, 2, 17));
  for (guint i = 0; i < N_TASKS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Task %03u", i + 1);
      GantryTime start = T (2026, 1, 5, 8) + (GantryTime) (i * 36 / 30) * GANTRY_MS_DAY * 1;
      GantryTime finish = start + (i % 10 == 9 ? 0 : 9 * GANTRY_MS_DAY + H (9));
      GantryTask *t;

      if (i % 30 == 0)
        {
          g_autofree char *gname = g_strdup_printf ("Group %c", 'A' + i / 30);

          group = rtp_add_task (p, NULL, 1000 + (int) i, gname, start, start + 45 * GANTRY_MS_DAY,
                                H (8 * 30), 0);
        }
      t = rtp_add_task (p, group, (int) i + 1, name, start, finish,
                        i % 10 == 9 ? 0 : H (8 * 7), (int) (i * 7 % 101));
      if (i % 10 == 9)
        gantry_task_set_milestone (t, TRUE);
      rtp_set_computed (t, i % 3 == 0, 0, 0, 0);
      rtp_set_baseline (t, start - GANTRY_MS_DAY, finish - GANTRY_MS_DAY, 0, 0);
      if (i % 30 != 0 && i % 4 == 1)
        rtp_link (p, (int) i, (int) i + 1, GANTRY_LINK_FS);
    }
  rtp_link (p, 30, 95, GANTRY_LINK_FS);   /* crosses pages */
  gantry_project_renumber (p);
  return p;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *s = strstr (haystack, needle); s != NULL; s = strstr (s + 1, needle))
    n++;
  return n;
}

/* Every task and group name appears exactly once in the whole print. */
static void
assert_every_row_once (const char *text)
{
  for (guint i = 0; i < N_TASKS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Task %03u", i + 1);

      if (count (text, name) != 1)
        g_error ("“%s” appears %u times", name, count (text, name));
    }
  for (char c = 'A'; c <= 'D'; c++)
    {
      g_autofree char *name = g_strdup_printf ("Group %c", c);

      g_assert_cmpuint (count (text, name), ==, 1);
    }
}

static char *
print (GantryProject                 *p,
       const GantryGanttPrintOptions *opts,
       const char                    *file,
       guint                         *n_pages)
{
  g_autofree char *pdf = rtp_tmp_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GantryReportDoc) doc = gantry_gantt_print_layout (p, NULL, opts, &error);
  char *text;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  *n_pages = gantry_report_doc_get_n_pages (doc);
  g_assert_true (gantry_report_doc_write_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  text = rtp_pdf_to_text (pdf, TRUE);
  if (text != NULL)
    g_assert_cmpuint (rtp_count_pages (text), ==, *n_pages);
  return text;
}

static void
test_fit_one_page_wide (void)
{
  g_autoptr(GantryProject) p = gantt_plan ();
  GantryGanttPrintOptions opts;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  gantry_gantt_print_options_init (&opts);
  opts.pages_wide = 1;
  text = print (p, &opts, "fit1.pdf", &n_pages);
  if (text == NULL)
    return;
  /* 124 rows do not fit on one landscape page: several pages down, and
   * every one of them is a full row of pages by itself (table + chart). */
  g_assert_cmpuint (n_pages, >=, 2);
  pages = g_strsplit (text, "\f", -1);
  for (guint i = 0; i < n_pages; i++)
    {
      g_assert_nonnull (strstr (pages[i], "Task name"));
      g_assert_nonnull (strstr (pages[i], "Finish"));
      g_assert_nonnull (strstr (pages[i], "part 1 of 1 across"));
      g_assert_nonnull (strstr (pages[i], "Critical task"));   /* the legend */
    }
  assert_every_row_once (text);
}

static void
test_fit_three_pages_wide (void)
{
  g_autoptr(GantryProject) p = gantt_plan ();
  GantryGanttPrintOptions opts;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages, n_one = 0;

  gantry_gantt_print_options_init (&opts);
  opts.pages_wide = 1;
  g_free (print (p, &opts, "fit1b.pdf", &n_one));
  opts.pages_wide = 3;
  text = print (p, &opts, "fit3.pdf", &n_pages);
  if (text == NULL)
    return;
  /* Same rows per page: three times the pages. */
  g_assert_cmpuint (n_pages, ==, 3 * n_one);
  pages = g_strsplit (text, "\f", -1);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *part = g_strdup_printf ("part %u of 3 across", i % 3 + 1);

      g_assert_nonnull (strstr (pages[i], part));
      /* The table is on the first page of each row of pages only. */
      g_assert_cmpint (strstr (pages[i], "Task name") != NULL, ==, i % 3 == 0);
    }
  assert_every_row_once (text);
}

static void
test_tiled_loses_nothing (void)
{
  g_autoptr(GantryProject) p = gantt_plan ();
  GantryGanttPrintOptions opts;
  g_autofree char *text = NULL;
  guint n_pages, across;
  const char *months[] = { "Dec 2025", "Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026",
                           "May 2026", "Jun 2026", "Jul 2026" };

  gantry_gantt_print_options_init (&opts);
  opts.tiled = TRUE;
  opts.day_width = 6;   /* Dec..Jul at 6 pt a day: several pages across */
  opts.from = T (2025, 12, 1, 0);
  opts.to = T (2026, 7, 31, 0);
  text = print (p, &opts, "tiled.pdf", &n_pages);
  if (text == NULL)
    return;
  /* 243 days x 6 pt + the table: more than two A4 landscape pages across. */
  across = 0;
  for (guint i = 1; i <= 10; i++)
    {
      g_autofree char *part = g_strdup_printf ("of %u across", i);

      if (strstr (text, part) != NULL)
        across = i;
    }
  g_assert_cmpuint (across, >=, 3);
  g_assert_cmpuint (n_pages % across, ==, 0);
  /* No column lost: every table column title; no row lost: every name. */
  g_assert_nonnull (strstr (text, "ID"));
  g_assert_nonnull (strstr (text, "Task name"));
  g_assert_nonnull (strstr (text, "Duration"));
  g_assert_nonnull (strstr (text, "Start"));
  g_assert_nonnull (strstr (text, "Finish"));
  assert_every_row_once (text);
  /* No part of the timeline lost: every month of the range is labelled. */
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_test_message ("month %s", months[i]);
      g_assert_nonnull (strstr (text, months[i]));
    }
}

static void
test_date_range (void)
{
  g_autoptr(GantryProject) p = gantt_plan ();
  GantryGanttPrintOptions opts;
  g_autofree char *text = NULL;
  guint n_pages;

  gantry_gantt_print_options_init (&opts);
  opts.from = T (2026, 2, 1, 0);
  opts.to = T (2026, 2, 28, 0);
  opts.paper = GANTRY_PAPER_LETTER;
  text = print (p, &opts, "range.pdf", &n_pages);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "Gantt chart · 1 Feb 2026 – 28 Feb 2026"));
  /* The rows are all there even where the bars fall outside the range. */
  assert_every_row_once (text);
}

static void
test_empty_and_bad_options (void)
{
  g_autoptr(GantryProject) p = gantt_plan ();
  g_autoptr(GantryProject) empty = gantry_project_new ();
  GantryGanttPrintOptions opts;
  g_autofree char *pdf = rtp_tmp_path ("x.pdf");

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GantryReportDoc) doc = gantry_gantt_print_layout (empty, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (gantry_report_doc_get_n_pages (doc), ==, 1);
    g_assert_true (gantry_gantt_print_write_pdf (empty, pdf, NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(GError) error = NULL;

    gantry_gantt_print_options_init (&opts);
    opts.from = T (2026, 3, 1, 0);
    opts.to = T (2026, 2, 1, 0);
    g_assert_false (gantry_gantt_print_write_pdf (p, pdf, &opts, &error));
    g_assert_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS);
    g_assert_nonnull (strstr (error->message, "1 Feb 2026"));
  }
  {
    g_autoptr(GError) error = NULL;

    gantry_gantt_print_options_init (&opts);
    opts.pages_wide = 101;
    g_assert_false (gantry_gantt_print_write_pdf (p, pdf, &opts, &error));
    g_assert_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS);
  }
  {
    g_autoptr(GError) error = NULL;

    gantry_gantt_print_options_init (&opts);
    opts.tiled = TRUE;
    opts.day_width = -2;
    g_assert_false (gantry_gantt_print_write_pdf (p, pdf, &opts, &error));
    g_assert_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS);
  }
  {
    g_autoptr(GError) error = NULL;

    gantry_gantt_print_options_init (&opts);
    opts.margin_mm = 500;
    g_assert_false (gantry_gantt_print_write_pdf (p, pdf, &opts, &error));
    g_assert_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS);
  }
  {
    g_autoptr(GError) error = NULL;

    gantry_gantt_print_options_init (&opts);
    opts.from = GANTRY_TIME_MAX + 1;
    g_assert_false (gantry_gantt_print_write_pdf (p, pdf, &opts, &error));
    g_assert_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS);
  }
  {
    /* Dates at the ends of the calendar print (bars clipped to the range). */
    g_autoptr(GantryProject) wide = gantt_plan ();
    g_autoptr(GError) error = NULL;

    rtp_add_task (wide, NULL, 5000, "Ancient", GANTRY_TIME_MIN, GANTRY_TIME_MIN + GANTRY_MS_DAY,
                  H (8), 0);
    rtp_add_task (wide, NULL, 5001, "Far future", GANTRY_TIME_MAX - GANTRY_MS_DAY,
                  GANTRY_TIME_MAX, H (8), 0);
    rtp_link (wide, 5000, 5001, GANTRY_LINK_FS);
    gantry_gantt_print_options_init (&opts);
    opts.from = T (2026, 1, 1, 0);
    opts.to = T (2026, 6, 30, 0);
    g_assert_true (gantry_gantt_print_write_pdf (wide, pdf, &opts, &error));
    g_assert_no_error (error);
    /* And with the range left to the plan: 10 000 years on one page wide. */
    gantry_gantt_print_options_init (&opts);
    g_assert_true (gantry_gantt_print_write_pdf (wide, pdf, &opts, &error));
    g_assert_no_error (error);
  }
  {
    /* A two-hundred-year range still prints (no per-day shading then). */
    g_autoptr(GError) error = NULL;

    gantry_gantt_print_options_init (&opts);
    opts.from = T (1900, 1, 1, 0);
    opts.to = T (2100, 1, 1, 0);
    g_assert_true (gantry_gantt_print_write_pdf (p, pdf, &opts, &error));
    g_assert_no_error (error);
  }
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/gantt/fit-one-page-wide", test_fit_one_page_wide);
  g_test_add_func ("/report/gantt/fit-three-pages-wide", test_fit_three_pages_wide);
  g_test_add_func ("/report/gantt/tiled-loses-nothing", test_tiled_loses_nothing);
  g_test_add_func ("/report/gantt/date-range", test_date_range);
  g_test_add_func ("/report/gantt/empty-and-bad-options", test_empty_and_bad_options);
  ret = g_test_run ();
  rtp_remove_output ();
  return ret;
}
