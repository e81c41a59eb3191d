/* gantry-report.h — the stakeholder status report and Gantt printing:
 * page setup, options, paged documents and PDF output
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One renderer, three outputs.  A GantryReportDoc is laid out once for a
 * page size (with pango) and can then draw any of its pages onto any
 * cairo_t whose user space is in points (1/72 in) with the origin at the
 * top-left corner of the paper: a PDF surface, a GtkPrintOperation page
 * (GTK_UNIT_POINTS) or a widget's snapshot scaled to fit.
 *
 * GTK-free: GLib, cairo and pango only.
 */
#pragma once

#include <cairo.h>

#include "gantry-core.h"
#include "gantry-report-data.h"

G_BEGIN_DECLS

#define GANTRY_REPORT_ERROR (gantry_report_error_quark ())
typedef enum
{
  GANTRY_REPORT_ERROR_INVALID_OPTIONS,  /* an option is out of range */
  GANTRY_REPORT_ERROR_WRITE,            /* the output could not be written */
} GantryReportError;
GQuark gantry_report_error_quark (void);

typedef enum
{
  GANTRY_PAPER_A4 = 0,
  GANTRY_PAPER_LETTER,
} GantryPaperSize;

typedef enum
{
  GANTRY_ORIENTATION_PORTRAIT = 0,
  GANTRY_ORIENTATION_LANDSCAPE,
} GantryPageOrientation;

/* A page in points, already oriented, with margins in points. */
typedef struct
{
  double width;
  double height;
  double margin_top;
  double margin_bottom;
  double margin_left;
  double margin_right;
} GantryPageSetup;

/* Fills setup for a paper size and orientation with the default margins
 * (15 mm).  Returns FALSE for an unknown paper size or orientation. */
gboolean gantry_page_setup_init     (GantryPageSetup      *setup,
                                     GantryPaperSize       paper,
                                     GantryPageOrientation orientation);
/* TRUE when the page leaves a usable printable area (at least 3 in by
 * 3 in inside the margins, no negative margin, at most 5 m a side). */
gboolean gantry_page_setup_is_valid (const GantryPageSetup *setup);

/* Parses "a4" / "letter" (case-insensitive). */
gboolean gantry_paper_size_from_string (const char *s, GantryPaperSize *out);

/* ---- the status report ------------------------------------------------- */

typedef struct
{
  GantryPaperSize       paper;          /* default A4 */
  GantryPageOrientation orientation;    /* default portrait */
  double                margin_mm;      /* all four margins; < 0 = default 15 mm */
  GantryTime            status_date;    /* GANTRY_TIME_NONE = the project's,
                                           else the project's current date,
                                           else today */
  int                   upcoming_days;  /* milestone look-ahead; 0 = 28 */
  guint                 max_rows;       /* rows per section before "and N more";
                                           0 = default 10 */
  const char           *narrative;      /* NULL = the project's "narrative" */
} GantryReportOptions;

void      gantry_report_options_init (GantryReportOptions *opts);

/* Builds the report data, lays it out and writes a PDF to path (replacing
 * it atomically).  opts may be NULL for the defaults. */
gboolean  gantry_report_write_pdf    (GantryProject             *project,
                                      const char                *path,
                                      const GantryReportOptions *opts,
                                      GError                   **error);

/* ---- Gantt printing ---------------------------------------------------- */

typedef struct
{
  GantryPaperSize       paper;          /* default A4 */
  GantryPageOrientation orientation;    /* default landscape */
  double                margin_mm;      /* < 0 = default 15 mm */
  GantryTime            from;           /* date range of the chart; NONE = */
  GantryTime            to;             /*   the project's start / finish */
  gboolean              tiled;          /* TRUE: natural scale, tiled over as
                                           many pages across as needed */
  guint                 pages_wide;     /* when !tiled: fit to this many pages
                                           across (>= 1; 0 means 1) */
  double                day_width;      /* tiled scale, points per day;
                                           0 = chosen from the range */
  GantryTime            status_date;    /* drawn as a line; NONE = project's */
} GantryGanttPrintOptions;

void      gantry_gantt_print_options_init (GantryGanttPrintOptions *opts);

gboolean  gantry_gantt_print_write_pdf    (GantryProject                 *project,
                                           const char                    *path,
                                           const GantryGanttPrintOptions *opts,
                                           GError                       **error);

/* ---- paged documents (for the Report view and GtkPrintOperation) ------- */

typedef struct _GantryReportDoc GantryReportDoc;

/* Lays out the status report for setup.  Keeps a reference on data.
 * setup NULL = A4 portrait.  Returns NULL only when setup is invalid. */
GantryReportDoc *gantry_report_layout          (GantryReportData          *data,
                                                const GantryPageSetup     *setup,
                                                const GantryReportOptions *opts);
/* Lays out the Gantt chart of project for printing.  The rows are copied:
 * the document stays valid when the project changes or goes away.
 * setup NULL = derived from opts (paper, orientation, margins).  Returns
 * NULL with error on invalid options. */
GantryReportDoc *gantry_gantt_print_layout     (GantryProject                 *project,
                                                const GantryPageSetup         *setup,
                                                const GantryGanttPrintOptions *opts,
                                                GError                       **error);

guint            gantry_report_doc_get_n_pages (GantryReportDoc *doc);
const GantryPageSetup *
                 gantry_report_doc_get_page_setup (GantryReportDoc *doc);
/* Draws page (0-based) with its header and footer onto cr, in points,
 * origin at the paper's top-left corner.  Paints the white paper first
 * when paint_background.  Does nothing for a page out of range. */
void             gantry_report_doc_render_page (GantryReportDoc *doc,
                                                cairo_t         *cr,
                                                guint            page,
                                                gboolean         paint_background);
/* Writes every page to a PDF (atomically replacing path). */
gboolean         gantry_report_doc_write_pdf   (GantryReportDoc *doc,
                                                const char      *path,
                                                GError         **error);
void             gantry_report_doc_free        (GantryReportDoc *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GantryReportDoc, gantry_report_doc_free)

G_END_DECLS
