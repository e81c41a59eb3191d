/* test-report-pdf.c — the status report as PDF: every section heading and
 * the right rows (read back with poppler's pdftotext), page breaking,
 * "and N more", no orphaned headings, options and errors
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "report-test-plan.h"

#include <glib/gstdio.h>
#include <string.h>

static const char *const headings[] = {
  "Status summary", "Milestones", "Late tasks", "Slipping tasks", "Critical tasks ahead",
  "This week and next", "Work burndown", "Cost overview", "Over-allocated resources",
};

/* The text between heading `from` and the next heading of the list. */
static char *
section_text (const char *text,
              const char *from)
{
  const char *start = strstr (text, from);
  const char *end = NULL;
  guint i;

  g_assert_nonnull (start);
  for (i = 0; i < G_N_ELEMENTS (headings); i++)
    if (g_str_equal (headings[i], from))
      break;
  g_assert_cmpuint (i, <, G_N_ELEMENTS (headings));
  if (i + 1 < G_N_ELEMENTS (headings))
    end = strstr (start, headings[i + 1]);
  return g_strndup (start, end != NULL ? (gsize) (end - start) : strlen (start));
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

/* On every page, the last line above the footer must not be a heading. */
static void
assert_no_orphan_headings (const char *text,
                           const char *const *extra)
{
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);

  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);
      int footer = -1;
      const char *last = NULL;

      for (int i = 0; lines[i] != NULL; i++)
        if (strstr (lines[i], "Page ") != NULL && strstr (lines[i], " of ") != NULL)
          footer = i;
      if (footer < 0)
        continue;
      for (int i = footer - 1; i >= 0; i--)
        if (*g_strstrip (lines[i]) != '\0')
          {
            last = lines[i];
            break;
          }
      if (last == NULL)
        continue;
      for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
        if (g_str_equal (last, headings[h]))
          g_error ("page %u ends with the heading “%s”", p + 1, last);
      for (guint h = 0; extra != NULL && extra[h] != NULL; h++)
        if (g_str_equal (last, extra[h]))
          g_error ("page %u ends with the heading “%s”", p + 1, last);
    }
}

static void
test_sections_and_rows (void)
{
  g_autoptr(GantryProject) p = rtp_status_plan ();
  g_autofree char *pdf = rtp_tmp_path ("status.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *const sub[] = { "Late", "Completed", "Upcoming (next 28 days)", NULL };

  g_assert_true (gantry_report_write_pdf (p, pdf, NULL, &error));
  g_assert_no_error (error);
  text = rtp_pdf_to_text (pdf, TRUE);
  if (text == NULL)
    return;

  g_assert_nonnull (strstr (text, "STATUS REPORT"));
  g_assert_nonnull (strstr (text, "Apollo Website Relaunch"));
  g_assert_nonnull (strstr (text, "Dana Whitfield"));
  g_assert_nonnull (strstr (text, "11 Mar 2026"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_test_message ("heading %s", headings[i]);
      g_assert_nonnull (strstr (text, headings[i]));
    }
  /* The risk section is hidden: there is no risk register. */
  g_assert_null (strstr (text, "Top risks"));

  /* Health: schedule late with its rule, cost at risk. */
  g_assert_nonnull (strstr (text, "is 59 days"));
  g_assert_nonnull (strstr (text, "At risk"));
  g_assert_nonnull (strstr (text, "44 %"));   /* by work */
  g_assert_nonnull (strstr (text, "42 %"));   /* by duration */

  {
    g_autofree char *s = section_text (text, "Status summary");

    g_assert_nonnull (strstr (s, "content API"));
    g_assert_nonnull (strstr (s, "parallel"));
  }
  {
    g_autofree char *s = section_text (text, "Milestones");

    g_assert_nonnull (strstr (s, "Gate"));
    g_assert_nonnull (strstr (s, "Beta"));
    g_assert_nonnull (strstr (s, "Launch"));
    g_assert_nonnull (strstr (s, "Review"));
    g_assert_null (strstr (s, "Party"));
    g_assert_nonnull (strstr (s, "+2 days"));         /* Beta against its baseline */
    g_assert_true (strstr (s, "Gate") < strstr (s, "Launch"));   /* late before upcoming */
    g_assert_true (strstr (s, "Launch") < strstr (s, "Review")); /* upcoming before done */
  }
  {
    g_autofree char *s = section_text (text, "Late tasks");

    g_assert_nonnull (strstr (s, "Docs"));
    g_assert_nonnull (strstr (s, "Test"));
    g_assert_null (strstr (s, "Build"));
    g_assert_null (strstr (s, "Design"));
    g_assert_nonnull (strstr (s, "Should have started"));
    g_assert_nonnull (strstr (s, "Should have finished"));
  }
  {
    g_autofree char *s = section_text (text, "Slipping tasks");

    g_assert_nonnull (strstr (s, "Build"));
    g_assert_null (strstr (s, "Docs"));
    g_assert_null (strstr (s, "Test"));
  }
  {
    g_autofree char *s = section_text (text, "Critical tasks ahead");

    g_assert_nonnull (strstr (s, "Build"));
    g_assert_nonnull (strstr (s, "Beta"));
    g_assert_nonnull (strstr (s, "Ann"));
    g_assert_null (strstr (s, "Docs"));
  }
  {
    g_autofree char *s = section_text (text, "This week and next");

    g_assert_cmpuint (count (s, "Docs"), ==, 1);
    g_assert_cmpuint (count (s, "Build"), ==, 1);
    g_assert_cmpuint (count (s, "Gate"), ==, 1);
    g_assert_cmpuint (count (s, "Test"), ==, 1);
    g_assert_cmpuint (count (s, "Beta"), ==, 1);
    g_assert_null (strstr (s, "Launch"));
    g_assert_nonnull (strstr (s, "Starts this week, due next week"));
  }
  {
    g_autofree char *s = section_text (text, "Cost overview");

    g_assert_nonnull (strstr (s, "$13,400"));
    g_assert_nonnull (strstr (s, "$5,600"));
    g_assert_nonnull (strstr (s, "$8,800"));
    g_assert_nonnull (strstr (s, "+$1,000"));
    g_assert_nonnull (strstr (s, "Phase 1"));
  }
  {
    g_autofree char *s = section_text (text, "Over-allocated resources");

    g_assert_nonnull (strstr (s, "Dan"));
    g_assert_nonnull (strstr (s, "Ann"));
    g_assert_nonnull (strstr (s, "Cid"));
    g_assert_null (strstr (s, "Bob"));
    g_assert_true (strstr (s, "Dan") < strstr (s, "Ann"));
  }
  assert_no_orphan_headings (text, sub);
}

static void
test_big_plan_stays_readable (void)
{
  g_autoptr(GantryProject) p = rtp_big_plan (2000);
  g_autoptr(GantryReportData) d = gantry_report_data_new (p, GANTRY_TIME_NONE, 0, NULL);
  g_autoptr(GantryReportDoc) doc = gantry_report_layout (d, NULL, NULL);
  g_autofree char *pdf = rtp_tmp_path ("big.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *const sub[] = { "Late", "Completed", "Upcoming (next 28 days)", NULL };

  g_assert_cmpuint (d->late_tasks->len, ==, 2000);
  g_assert_cmpuint (d->critical_tasks->len, ==, 1000);
  g_assert_cmpuint (d->slipping_tasks->len, ==, 667);
  /* Ten rows a section: the report stays a handful of pages. */
  g_assert_cmpuint (gantry_report_doc_get_n_pages (doc), >=, 2);
  g_assert_cmpuint (gantry_report_doc_get_n_pages (doc), <=, 5);
  g_assert_true (gantry_report_doc_write_pdf (doc, pdf, &error));
  g_assert_no_error (error);

  text = rtp_pdf_to_text (pdf, TRUE);
  if (text == NULL)
    return;
  g_assert_cmpuint (rtp_count_pages (text), ==, gantry_report_doc_get_n_pages (doc));
  g_assert_nonnull (strstr (text, "and 1990 more"));
  g_assert_nonnull (strstr (text, "and 990 more"));
  g_assert_nonnull (strstr (text, "and 657 more"));
  /* Ten work packages in the late list, not 2 000. */
  {
    g_autofree char *s = section_text (text, "Late tasks");

    g_assert_cmpuint (count (s, "Work package"), ==, 10);
  }
  assert_no_orphan_headings (text, sub);
}

static void
test_tables_continue_across_pages (void)
{
  g_autoptr(GantryProject) p = rtp_big_plan (2000);
  g_autofree char *pdf = rtp_tmp_path ("long.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GantryReportOptions opts;
  g_auto(GStrv) pages = NULL;
  guint pages_with_late = 0;

  gantry_report_options_init (&opts);
  opts.max_rows = 150;
  g_assert_true (gantry_report_write_pdf (p, pdf, &opts, &error));
  g_assert_no_error (error);
  text = rtp_pdf_to_text (pdf, TRUE);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "and 1850 more"));
  g_assert_nonnull (strstr (text, "Late tasks (continued)"));
  /* Four-digit IDs are shown whole, not ellipsized. */
  g_assert_nonnull (strstr (text, "1941"));
  g_assert_null (strstr (text, "1…"));
  /* Every page holding late-task rows repeats the table header. */
  pages = g_strsplit (text, "\f", -1);
  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autofree char *s = NULL;
      const char *start = strstr (pages[i], "Late tasks");
      const char *end;

      if (start == NULL)
        continue;
      end = strstr (start, "Slipping tasks");
      s = g_strndup (start, end != NULL ? (gsize) (end - start) : strlen (start));
      if (strstr (s, "Work package") == NULL)
        continue;
      pages_with_late++;
      g_assert_nonnull (strstr (s, "Problem"));
    }
  g_assert_cmpuint (pages_with_late, >=, 2);
  assert_no_orphan_headings (text, NULL);
}

static void
test_paper_and_orientation (void)
{
  g_autoptr(GantryProject) p = rtp_status_plan ();
  g_autoptr(GantryReportData) d = gantry_report_data_new (p, GANTRY_TIME_NONE, 0, NULL);
  GantryPageSetup s;
  g_autoptr(GantryReportDoc) a4 = NULL;
  g_autoptr(GantryReportDoc) letter = NULL;
  GantryPaperSize paper;

  g_assert_true (gantry_page_setup_init (&s, GANTRY_PAPER_A4, GANTRY_ORIENTATION_PORTRAIT));
  g_assert_cmpfloat_with_epsilon (s.width, 595.2756, 1e-3);   /* 210 mm */
  g_assert_cmpfloat_with_epsilon (s.height, 841.8898, 1e-3);  /* 297 mm */
  a4 = gantry_report_layout (d, &s, NULL);
  g_assert_true (gantry_page_setup_init (&s, GANTRY_PAPER_LETTER, GANTRY_ORIENTATION_LANDSCAPE));
  g_assert_cmpfloat (s.width, ==, 792.0);
  g_assert_cmpfloat (s.height, ==, 612.0);
  letter = gantry_report_layout (d, &s, NULL);
  g_assert_cmpfloat (gantry_report_doc_get_page_setup (letter)->width, ==, 792.0);
  /* Landscape Letter is shorter: at least as many pages as A4 portrait. */
  g_assert_cmpuint (gantry_report_doc_get_n_pages (letter), >=,
                    gantry_report_doc_get_n_pages (a4));

  g_assert_true (gantry_paper_size_from_string ("LETTER", &paper));
  g_assert_cmpint (paper, ==, GANTRY_PAPER_LETTER);
  g_assert_true (gantry_paper_size_from_string ("a4", &paper));
  g_assert_cmpint (paper, ==, GANTRY_PAPER_A4);
  g_assert_false (gantry_paper_size_from_string ("a5", &paper));
  g_assert_false (gantry_paper_size_from_string (NULL, &paper));
}

static void
test_render_onto_any_cairo (void)
{
  g_autoptr(GantryProject) p = rtp_status_plan ();
  g_autoptr(GantryReportData) d = gantry_report_data_new (p, GANTRY_TIME_NONE, 0, NULL);
  g_autoptr(GantryReportDoc) doc = gantry_report_layout (d, NULL, NULL);
  guint n = gantry_report_doc_get_n_pages (doc);

  g_assert_cmpuint (n, >=, 1);
  for (guint i = 0; i <= n; i++)   /* n itself is out of range: a no-op */
    {
      /* Half scale, as a thumbnail in the Report view would draw it. */
      cairo_surface_t *img = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
      cairo_t *cr = cairo_create (img);
      guint32 *px;
      gboolean any_ink = FALSE;

      cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
      cairo_paint (cr);
      cairo_scale (cr, 0.5, 0.5);
      gantry_report_doc_render_page (doc, cr, i, TRUE);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (img);
      px = (guint32 *) cairo_image_surface_get_data (img);
      for (int k = 0; k < 298 * 421; k++)
        if ((px[k] & 0xffffff) != 0xffffff && (px[k] & 0xffffff) != 0x7f7f7f
            && (px[k] & 0xffffff) != 0x808080)
          any_ink = TRUE;
      /* A real page: white paper with ink.  Out of range: untouched grey. */
      g_assert_cmpint (any_ink, ==, i < n);
      g_assert_cmpuint (px[0] & 0xffffff, ==, i < n ? 0xffffff : px[0] & 0xffffff);
      cairo_surface_destroy (img);
    }
}

/* The risk-register hook: no section while the list is empty (tested in
 * sections-and-rows); with risks, a "Top risks" table. */
static void
test_risk_hook (void)
{
  g_autoptr(GantryProject) p = rtp_status_plan ();
  g_autoptr(GantryReportData) d = gantry_report_data_new (p, GANTRY_TIME_NONE, 0, NULL);
  g_autoptr(GantryReportDoc) doc = NULL;
  g_autofree char *pdf = rtp_tmp_path ("risks.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GantryReportRisk *risk = g_new0 (GantryReportRisk, 1);

  risk->title = g_strdup ("Content API late again");
  risk->owner = g_strdup ("Dana Whitfield");
  risk->probability = 0.4;
  risk->impact = 4;
  risk->response = g_strdup ("Mock the API for testing");
  g_ptr_array_add (d->risks, risk);
  doc = gantry_report_layout (d, NULL, NULL);
  g_assert_true (gantry_report_doc_write_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  text = rtp_pdf_to_text (pdf, TRUE);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "Top risks"));
  g_assert_nonnull (strstr (text, "Content API late again"));
  g_assert_nonnull (strstr (text, "40 %"));
  g_assert_true (strstr (text, "Top risks") > strstr (text, "Over-allocated resources"));
}

static void
test_empty_plan (void)
{
  g_autoptr(GantryProject) p = gantry_project_new ();
  g_autofree char *pdf = rtp_tmp_path ("empty.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GantryReportOptions opts;

  gantry_report_options_init (&opts);
  opts.status_date = T (2026, 1, 1, 0);
  g_assert_true (gantry_report_write_pdf (p, pdf, &opts, &error));
  g_assert_no_error (error);
  text = rtp_pdf_to_text (pdf, TRUE);
  if (text == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_assert_nonnull (strstr (text, headings[i]));
  g_assert_nonnull (strstr (text, "This plan has no milestones."));
  g_assert_nonnull (strstr (text, "No status summary has been written"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
}

static void
test_bad_options (void)
{
  g_autoptr(GantryProject) p = rtp_status_plan ();
  g_autofree char *pdf = rtp_tmp_path ("bad.pdf");
  g_autofree char *missing = rtp_tmp_path ("no/such/dir/out.pdf");
  GantryReportOptions opts;
  GantryPageSetup tiny = { 100, 100, 10, 10, 10, 10 };

  {
    g_autoptr(GError) error = NULL;

    gantry_report_options_init (&opts);
    opts.margin_mm = 120;
    g_assert_false (gantry_report_write_pdf (p, pdf, &opts, &error));
    g_assert_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS);
    g_assert_nonnull (strstr (error->message, "120 mm"));
  }
  {
    g_autoptr(GError) error = NULL;

    gantry_report_options_init (&opts);
    opts.paper = 7;
    g_assert_false (gantry_report_write_pdf (p, pdf, &opts, &error));
    g_assert_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS);
  }
  {
    g_autoptr(GError) error = NULL;

    gantry_report_options_init (&opts);
    opts.upcoming_days = -3;
    g_assert_false (gantry_report_write_pdf (p, pdf, &opts, &error));
    g_assert_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS);
  }
  {
    g_autoptr(GError) error = NULL;

    gantry_report_options_init (&opts);
    opts.status_date = G_MAXINT64 - 5;
    g_assert_false (gantry_report_write_pdf (p, pdf, &opts, &error));
    g_assert_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (gantry_report_write_pdf (p, missing, NULL, &error));
    g_assert_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_WRITE);
    g_assert_nonnull (strstr (error->message, "out.pdf"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  /* A page too small to hold anything is refused, not drawn. */
  {
    g_autoptr(GantryReportData) d = gantry_report_data_new (p, GANTRY_TIME_NONE, 0, NULL);

    g_assert_false (gantry_page_setup_is_valid (&tiny));
    g_assert_null (gantry_report_layout (d, &tiny, NULL));
  }
  /* Rewriting replaces the old file completely. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;
    gsize len = 0;

    g_assert_true (g_file_set_contents (pdf, "old contents that are not a PDF", -1, NULL));
    g_assert_true (gantry_report_write_pdf (p, pdf, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  }
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/pdf/sections-and-rows", test_sections_and_rows);
  g_test_add_func ("/report/pdf/big-plan-readable", test_big_plan_stays_readable);
  g_test_add_func ("/report/pdf/tables-continue", test_tables_continue_across_pages);
  g_test_add_func ("/report/pdf/paper-orientation", test_paper_and_orientation);
  g_test_add_func ("/report/pdf/render-any-cairo", test_render_onto_any_cairo);
  g_test_add_func ("/report/pdf/risk-hook", test_risk_hook);
  g_test_add_func ("/report/pdf/empty-plan", test_empty_plan);
  g_test_add_func ("/report/pdf/bad-options", test_bad_options);
  ret = g_test_run ();
  rtp_remove_output ();
  return ret;
}
