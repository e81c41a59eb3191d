/* test-report-risks.c — the status report's "Top risks" from the register
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "report-test-plan.h"
#include "gantry-report-data.h"

static GantryRisk *
add_risk (GantryProject *p, const char *title, int prob, int impact, GantryRiskStatus status,
          const char *mitigation, const char *contingency)
{
  g_autoptr(GantryRisk) r = gantry_risk_new (gantry_project_next_risk_uid (p), title);

  g_object_set (r, "probability", prob, "impact", impact, "status", status,
                "mitigation", mitigation, "contingency", contingency, NULL);
  g_assert_true (gantry_project_apply (p, gantry_command_add_risk (r, -1)));
  return r;
}

static GantryProject *
plan_with_register (void)
{
  GantryProject *p = rtp_status_plan ();
  g_autoptr(GantryResource) dana = gantry_resource_new (900, "Dana Whitfield");
  GantryRisk *r;

  g_assert_true (gantry_project_add_resource (p, -1, dana));
  /* scores: 8, 20, 20 (less probable), 25 closed, 12 occurred */
  add_risk (p, "Vendor API changes", 2, 4, GANTRY_RISK_OPEN, "Pin the API version", NULL);
  r = add_risk (p, "Content team understaffed", 5, 4, GANTRY_RISK_MITIGATING,
                "Hire two contractors", "Cut scope");
  gantry_project_apply (p, gantry_command_set (r, "owner", dana));
  add_risk (p, "Data migration corrupts records", 4, 5, GANTRY_RISK_OPEN, "Dry runs", NULL);
  add_risk (p, "Office move", 5, 5, GANTRY_RISK_CLOSED, "Done", NULL);
  add_risk (p, "Load test fails", 3, 4, GANTRY_RISK_OCCURRED, "Early test",
            "Add two app servers");
  return p;
}

static void
test_data (void)
{
  g_autoptr(GantryProject) p = plan_with_register ();
  g_autoptr(GantryReportData) d = gantry_report_data_new (p, GANTRY_TIME_NONE, 28, NULL);
  GantryReportRisk *r;

  /* The closed risk is left out; highest score first, ties by probability. */
  g_assert_cmpuint (d->risks->len, ==, 4);
  r = g_ptr_array_index (d->risks, 0);
  g_assert_cmpstr (r->title, ==, "Content team understaffed");
  g_assert_cmpstr (r->owner, ==, "Dana Whitfield");
  g_assert_cmpfloat_with_epsilon (r->probability, 0.9, 1e-9);   /* level 5 */
  g_assert_cmpfloat (r->impact, ==, 4);
  g_assert_cmpstr (r->response, ==, "Hire two contractors");
  r = g_ptr_array_index (d->risks, 1);
  g_assert_cmpstr (r->title, ==, "Data migration corrupts records");
  g_assert_null (r->owner);
  g_assert_cmpfloat_with_epsilon (r->probability, 0.7, 1e-9);   /* level 4 */
  r = g_ptr_array_index (d->risks, 2);
  g_assert_cmpstr (r->title, ==, "Load test fails");
  g_assert_cmpstr (r->response, ==, "Add two app servers");     /* occurred: contingency */
  r = g_ptr_array_index (d->risks, 3);
  g_assert_cmpstr (r->title, ==, "Vendor API changes");
  g_assert_cmpfloat_with_epsilon (r->probability, 0.3, 1e-9);
}

static void
test_pdf (void)
{
  g_autoptr(GantryProject) p = plan_with_register ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gantry-report-risks-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "risks.pdf", NULL);
  g_autofree char *text = NULL;
  const char *top, *a, *b;

  g_assert_true (gantry_report_write_pdf (p, pdf, NULL, &error));
  g_assert_no_error (error);
  text = rtp_pdf_to_text (pdf, FALSE);
  g_unlink (pdf);
  g_rmdir (dir);
  if (text == NULL)
    return;   /* skipped: no pdftotext */

  top = strstr (text, "Top risks");
  g_assert_nonnull (top);
  a = strstr (top, "Content team understaffed");
  b = strstr (top, "Vendor API changes");
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true (a < b);
  g_assert_nonnull (strstr (top, "Dana Whitfield"));
  g_assert_nonnull (strstr (top, "Hire two contractors"));
  g_assert_null (strstr (text, "Office move"));                 /* closed */

  /* Deleting every risk (undo steps) hides the section again. */
  while (g_list_model_get_n_items (gantry_project_get_risks (p)) > 0)
    {
      g_autoptr(GantryRisk) r = g_list_model_get_item (gantry_project_get_risks (p), 0);

      g_assert_true (gantry_project_apply (p, gantry_command_remove_risk (r)));
    }
  {
    g_autoptr(GantryReportData) d = gantry_report_data_new (p, GANTRY_TIME_NONE, 28, NULL);

    g_assert_cmpuint (d->risks->len, ==, 0);
  }
  g_assert_true (gantry_project_undo (p));
  {
    g_autoptr(GantryReportData) d = gantry_report_data_new (p, GANTRY_TIME_NONE, 28, NULL);

    g_assert_cmpuint (d->risks->len, ==, 1);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/risks/data", test_data);
  g_test_add_func ("/report/risks/pdf", test_pdf);
  return g_test_run ();
}
