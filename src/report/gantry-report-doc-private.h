/* gantry-report-doc-private.h — the page machinery shared by the status
 * report and Gantt printing: a paged display list, text helpers, header
 * and footer.
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "gantry-report.h"

G_BEGIN_DECLS

/* Colours (0xRRGGBB). */
#define GANTRY_C_TEXT      0x1d232b
#define GANTRY_C_MUTED     0x5c6670
#define GANTRY_C_ACCENT    0x2a5d9f
#define GANTRY_C_RULE      0xc9cfd6
#define GANTRY_C_HEAD_BG   0xe9eef4
#define GANTRY_C_ZEBRA     0xf6f7f9
#define GANTRY_C_GOOD      0x2e7d32
#define GANTRY_C_WARN      0xd98200
#define GANTRY_C_BAD       0xc62828
#define GANTRY_C_NONE      0x8a939c
#define GANTRY_C_CRITICAL  0xd64541
#define GANTRY_C_BAR       0x4a7fc1
#define GANTRY_C_BASELINE  0xa7b0ba

typedef void (*GantryDocDrawFunc) (GantryReportDoc *doc,
                                   cairo_t         *cr,
                                   double           x,
                                   double           y,
                                   double           width,
                                   double           height,
                                   gpointer         user_data);

typedef void (*GantryDocPageFunc) (GantryReportDoc *doc,
                                   cairo_t         *cr,
                                   guint            page);

struct _GantryReportDoc
{
  GantryPageSetup setup;
  PangoContext   *pango;
  char           *title;        /* header, left: the project */
  char           *subtitle;     /* header, right: what this is */
  char           *footer;       /* footer, left */
  GPtrArray      *pages;        /* of GPtrArray of ops (display list) */
  guint           n_pages;      /* when render_body is set */
  GantryDocPageFunc render_body;  /* NULL: draw the display list */
  gpointer        impl;
  GDestroyNotify  impl_free;
};

GantryReportDoc *gantry_report_doc_new          (const GantryPageSetup *setup);
/* Body area (inside margins, below the header, above the footer). */
void             gantry_report_doc_body         (GantryReportDoc *doc,
                                                 double *x, double *y,
                                                 double *width, double *height);
/* Starts a new (display-list) page; returns its index. */
guint            gantry_report_doc_add_page     (GantryReportDoc *doc);

/* A layout in the document's context.  font: a pango font description
 * ("Sans Bold 12").  width <= 0: no wrapping.  ellipsize: one line,
 * ellipsized at the end to width. */
PangoLayout     *gantry_report_doc_layout       (GantryReportDoc *doc,
                                                 const char      *text,
                                                 const char      *font,
                                                 double           width,
                                                 gboolean         ellipsize,
                                                 PangoAlignment   align);
void             gantry_layout_size             (PangoLayout *layout,
                                                 double *width, double *height);

/* Display-list operations on page (takes a reference on layout). */
void             gantry_report_doc_text         (GantryReportDoc *doc, guint page,
                                                 double x, double y,
                                                 PangoLayout *layout, guint32 color);
/* One line of a wrapped layout, with its baseline at y. */
void             gantry_report_doc_text_line    (GantryReportDoc *doc, guint page,
                                                 double x, double baseline,
                                                 PangoLayout *layout, int line,
                                                 guint32 color);
void             gantry_report_doc_rect         (GantryReportDoc *doc, guint page,
                                                 double x, double y, double w, double h,
                                                 double radius, guint32 color,
                                                 gboolean fill, double line_width);
void             gantry_report_doc_line         (GantryReportDoc *doc, guint page,
                                                 double x1, double y1, double x2, double y2,
                                                 guint32 color, double line_width);
void             gantry_report_doc_custom       (GantryReportDoc *doc, guint page,
                                                 double x, double y, double w, double h,
                                                 GantryDocDrawFunc draw, gpointer user_data);

/* cairo helpers */
void             gantry_cairo_set_color         (cairo_t *cr, guint32 rgb, double alpha);
void             gantry_cairo_rounded_rect      (cairo_t *cr, double x, double y,
                                                 double w, double h, double r);
/* Draws text at (x, y) (top-left) in the document's context. */
void             gantry_report_doc_draw_text    (GantryReportDoc *doc, cairo_t *cr,
                                                 const char *text, const char *font,
                                                 double x, double y, double width,
                                                 PangoAlignment align, guint32 color);

/* The options' page setup. */
gboolean         gantry_report_page_setup_from_options (GantryPageSetup      *setup,
                                                        GantryPaperSize       paper,
                                                        GantryPageOrientation orientation,
                                                        double                margin_mm,
                                                        GError              **error);

G_END_DECLS
