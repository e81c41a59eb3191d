/* gantry-report-view.h — the Report view: the status report's pages as they
 * print, an editable status summary, the status date, print and PDF export
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gantry-core.h"
#include "gantry-report.h"

G_BEGIN_DECLS

#define GANTRY_TYPE_REPORT_VIEW (gantry_report_view_get_type ())
G_DECLARE_FINAL_TYPE (GantryReportView, gantry_report_view, GANTRY, REPORT_VIEW, GtkWidget)

/*
 * Actions (install group "report" on the view itself):
 *   report.print       print through GtkPrintOperation (preview and page
 *                      setup are in the print dialog)
 *   report.export-pdf  ask for a file name and write the PDF
 *   report.refresh     lay out again now
 *
 * Edits of the summary and of the status date go through the project's
 * commands (undoable: "narrative" and "status-date").  The pages follow
 * the project's "changed" signal (laid out again after a short pause).
 */
GtkWidget       *gantry_report_view_new           (void);
void             gantry_report_view_set_project   (GantryReportView *self,
                                                   GantryProject    *project);
GantryProject   *gantry_report_view_get_project   (GantryReportView *self);
/* The laid-out document shown (NULL without a project); for tests. */
GantryReportDoc *gantry_report_view_get_doc       (GantryReportView *self);
/* Lays out again immediately (instead of after the pause). */
void             gantry_report_view_refresh       (GantryReportView *self);

/* Prints the status report or the Gantt chart of project through
 * GtkPrintOperation: the pages are laid out for the page setup the user
 * picks, by the same renderer as the PDF.  gantt_opts: NULL = defaults
 * (fit to one page wide); ignored for the report. */
typedef enum
{
  GANTRY_PRINT_REPORT,
  GANTRY_PRINT_GANTT,
} GantryPrintKind;

void             gantry_print_project             (GtkWindow                     *parent,
                                                   GantryProject                 *project,
                                                   GantryPrintKind                kind,
                                                   const GantryGanttPrintOptions *gantt_opts);

G_END_DECLS
