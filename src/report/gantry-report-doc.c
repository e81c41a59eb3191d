/* gantry-report-doc.c — paged documents: page setup, display list, header
 * and footer, PDF output
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <cairo-pdf.h>
#include <math.h>

#include "gantry-report-doc-private.h"

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)
#define DEFAULT_MARGIN_MM 15.0
#define HEADER_HEIGHT 26.0
#define FOOTER_HEIGHT 24.0

G_DEFINE_QUARK (gantry-report-error-quark, gantry_report_error)

typedef enum
{
  OP_TEXT,
  OP_LINE_OF_TEXT,
  OP_RECT,
  OP_LINE,
  OP_CUSTOM,
} OpKind;

typedef struct
{
  OpKind            kind;
  double            x, y, w, h;
  guint32           color;
  double            line_width;
  double            radius;
  gboolean          fill;
  int               line;
  PangoLayout      *layout;
  GantryDocDrawFunc draw;
  gpointer          user_data;
} Op;

static void
op_free (gpointer p)
{
  Op *op = p;

  g_clear_object (&op->layout);
  g_free (op);
}

/* ---- page setup -------------------------------------------------------- */

gboolean
gantry_page_setup_init (GantryPageSetup      *setup,
                        GantryPaperSize       paper,
                        GantryPageOrientation orientation)
{
  double w, h, m = MM_TO_PT (DEFAULT_MARGIN_MM);

  g_return_val_if_fail (setup != NULL, FALSE);

  switch (paper)
    {
    case GANTRY_PAPER_A4:
      w = MM_TO_PT (210.0);
      h = MM_TO_PT (297.0);
      break;
    case GANTRY_PAPER_LETTER:
      w = 612.0;
      h = 792.0;
      break;
    default:
      return FALSE;
    }
  if (orientation == GANTRY_ORIENTATION_LANDSCAPE)
    {
      double t = w;

      w = h;
      h = t;
    }
  else if (orientation != GANTRY_ORIENTATION_PORTRAIT)
    return FALSE;

  setup->width = w;
  setup->height = h;
  setup->margin_top = setup->margin_bottom = m;
  setup->margin_left = setup->margin_right = m;
  return TRUE;
}

gboolean
gantry_page_setup_is_valid (const GantryPageSetup *setup)
{
  if (setup == NULL)
    return FALSE;
  if (!isfinite (setup->width) || !isfinite (setup->height)
      || !isfinite (setup->margin_top) || !isfinite (setup->margin_bottom)
      || !isfinite (setup->margin_left) || !isfinite (setup->margin_right))
    return FALSE;
  if (setup->margin_top < 0 || setup->margin_bottom < 0
      || setup->margin_left < 0 || setup->margin_right < 0)
    return FALSE;
  if (setup->width > 14173.0 || setup->height > 14173.0)  /* 5 m */
    return FALSE;
  return setup->width - setup->margin_left - setup->margin_right >= 216.0
         && setup->height - setup->margin_top - setup->margin_bottom >= 216.0;
}

gboolean
gantry_paper_size_from_string (const char         *s,
                               GantryPaperSize    *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (s == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (s, "a4") == 0)
    *out = GANTRY_PAPER_A4;
  else if (g_ascii_strcasecmp (s, "letter") == 0)
    *out = GANTRY_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

gboolean
gantry_report_page_setup_from_options (GantryPageSetup      *setup,
                                       GantryPaperSize       paper,
                                       GantryPageOrientation orientation,
                                       double                margin_mm,
                                       GError              **error)
{
  if (!gantry_page_setup_init (setup, paper, orientation))
    {
      g_set_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS,
                   _("Unknown paper size or orientation (%d, %d)."),
                   (int) paper, (int) orientation);
      return FALSE;
    }
  if (!isfinite (margin_mm))
    margin_mm = -1;
  if (margin_mm >= 0)
    {
      double m = MM_TO_PT (margin_mm);

      setup->margin_top = setup->margin_bottom = m;
      setup->margin_left = setup->margin_right = m;
    }
  if (!gantry_page_setup_is_valid (setup))
    {
      g_set_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS,
                   _("Margins of %.0f mm leave no room to print on this paper."),
                   margin_mm);
      return FALSE;
    }
  return TRUE;
}

/* ---- the document ------------------------------------------------------ */

GantryReportDoc *
gantry_report_doc_new (const GantryPageSetup *setup)
{
  GantryReportDoc *doc = g_new0 (GantryReportDoc, 1);
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *fo = cairo_font_options_create ();

  doc->setup = *setup;
  /* Resolution 72: one pango point is one cairo unit, so layouts measure
   * the same whatever surface draws them.  No hinting, for the same
   * reason: a page looks the same on screen, in a preview and in PDF. */
  doc->pango = pango_font_map_create_context (map);
  pango_cairo_context_set_resolution (doc->pango, 72.0);
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (doc->pango, fo);
  cairo_font_options_destroy (fo);
  pango_context_set_round_glyph_positions (doc->pango, FALSE);
  doc->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  return doc;
}

void
gantry_report_doc_free (GantryReportDoc *doc)
{
  if (doc == NULL)
    return;
  g_ptr_array_unref (doc->pages);
  if (doc->impl_free != NULL && doc->impl != NULL)
    doc->impl_free (doc->impl);
  g_clear_object (&doc->pango);
  g_free (doc->title);
  g_free (doc->subtitle);
  g_free (doc->footer);
  g_free (doc);
}

guint
gantry_report_doc_get_n_pages (GantryReportDoc *doc)
{
  g_return_val_if_fail (doc != NULL, 0);

  return doc->render_body != NULL ? doc->n_pages : doc->pages->len;
}

const GantryPageSetup *
gantry_report_doc_get_page_setup (GantryReportDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return &doc->setup;
}

void
gantry_report_doc_body (GantryReportDoc *doc,
                        double          *x,
                        double          *y,
                        double          *width,
                        double          *height)
{
  const GantryPageSetup *s = &doc->setup;

  *x = s->margin_left;
  *y = s->margin_top + HEADER_HEIGHT;
  *width = s->width - s->margin_left - s->margin_right;
  *height = s->height - s->margin_top - s->margin_bottom - HEADER_HEIGHT - FOOTER_HEIGHT;
}

guint
gantry_report_doc_add_page (GantryReportDoc *doc)
{
  g_ptr_array_add (doc->pages, g_ptr_array_new_with_free_func (op_free));
  return doc->pages->len - 1;
}

PangoLayout *
gantry_report_doc_layout (GantryReportDoc *doc,
                          const char      *text,
                          const char      *font,
                          double           width,
                          gboolean         ellipsize,
                          PangoAlignment   align)
{
  PangoLayout *layout = pango_layout_new (doc->pango);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (ellipsize)
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, align);
  return layout;
}

void
gantry_layout_size (PangoLayout *layout,
                    double      *width,
                    double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static Op *
add_op (GantryReportDoc *doc,
        guint            page,
        OpKind           kind)
{
  Op *op;

  g_assert (page < doc->pages->len);
  op = g_new0 (Op, 1);
  op->kind = kind;
  g_ptr_array_add (g_ptr_array_index (doc->pages, page), op);
  return op;
}

void
gantry_report_doc_text (GantryReportDoc *doc,
                        guint            page,
                        double           x,
                        double           y,
                        PangoLayout     *layout,
                        guint32          color)
{
  Op *op = add_op (doc, page, OP_TEXT);

  op->x = x;
  op->y = y;
  op->layout = g_object_ref (layout);
  op->color = color;
}

void
gantry_report_doc_text_line (GantryReportDoc *doc,
                             guint            page,
                             double           x,
                             double           baseline,
                             PangoLayout     *layout,
                             int              line,
                             guint32          color)
{
  Op *op = add_op (doc, page, OP_LINE_OF_TEXT);

  op->x = x;
  op->y = baseline;
  op->layout = g_object_ref (layout);
  op->line = line;
  op->color = color;
}

void
gantry_report_doc_rect (GantryReportDoc *doc,
                        guint            page,
                        double           x,
                        double           y,
                        double           w,
                        double           h,
                        double           radius,
                        guint32          color,
                        gboolean         fill,
                        double           line_width)
{
  Op *op = add_op (doc, page, OP_RECT);

  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  op->radius = radius;
  op->color = color;
  op->fill = fill;
  op->line_width = line_width;
}

void
gantry_report_doc_line (GantryReportDoc *doc,
                        guint            page,
                        double           x1,
                        double           y1,
                        double           x2,
                        double           y2,
                        guint32          color,
                        double           line_width)
{
  Op *op = add_op (doc, page, OP_LINE);

  op->x = x1;
  op->y = y1;
  op->w = x2 - x1;
  op->h = y2 - y1;
  op->color = color;
  op->line_width = line_width;
}

void
gantry_report_doc_custom (GantryReportDoc   *doc,
                          guint              page,
                          double             x,
                          double             y,
                          double             w,
                          double             h,
                          GantryDocDrawFunc  draw,
                          gpointer           user_data)
{
  Op *op = add_op (doc, page, OP_CUSTOM);

  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  op->draw = draw;
  op->user_data = user_data;
}

void
gantry_cairo_set_color (cairo_t *cr,
                        guint32  rgb,
                        double   alpha)
{
  cairo_set_source_rgba (cr,
                         ((rgb >> 16) & 0xff) / 255.0,
                         ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0,
                         alpha);
}

void
gantry_cairo_rounded_rect (cairo_t *cr,
                           double   x,
                           double   y,
                           double   w,
                           double   h,
                           double   r)
{
  r = MIN (r, MIN (w, h) / 2.0);
  if (r <= 0)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
gantry_report_doc_draw_text (GantryReportDoc *doc,
                             cairo_t         *cr,
                             const char      *text,
                             const char      *font,
                             double           x,
                             double           y,
                             double           width,
                             PangoAlignment   align,
                             guint32          color)
{
  g_autoptr(PangoLayout) layout = gantry_report_doc_layout (doc, text, font, width,
                                                            width > 0, align);

  gantry_cairo_set_color (cr, color, 1.0);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_op (GantryReportDoc *doc,
         cairo_t         *cr,
         Op              *op)
{
  switch (op->kind)
    {
    case OP_TEXT:
      gantry_cairo_set_color (cr, op->color, 1.0);
      cairo_move_to (cr, op->x, op->y);
      pango_cairo_show_layout (cr, op->layout);
      break;
    case OP_LINE_OF_TEXT:
      {
        PangoLayoutLine *line = pango_layout_get_line_readonly (op->layout, op->line);

        if (line == NULL)
          break;
        gantry_cairo_set_color (cr, op->color, 1.0);
        cairo_move_to (cr, op->x, op->y);
        pango_cairo_show_layout_line (cr, line);
      }
      break;
    case OP_RECT:
      gantry_cairo_set_color (cr, op->color, 1.0);
      gantry_cairo_rounded_rect (cr, op->x, op->y, op->w, op->h, op->radius);
      if (op->fill)
        cairo_fill (cr);
      else
        {
          cairo_set_line_width (cr, op->line_width);
          cairo_stroke (cr);
        }
      break;
    case OP_LINE:
      gantry_cairo_set_color (cr, op->color, 1.0);
      cairo_set_line_width (cr, op->line_width);
      cairo_move_to (cr, op->x, op->y);
      cairo_line_to (cr, op->x + op->w, op->y + op->h);
      cairo_stroke (cr);
      break;
    case OP_CUSTOM:
      cairo_save (cr);
      op->draw (doc, cr, op->x, op->y, op->w, op->h, op->user_data);
      cairo_restore (cr);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
draw_header_footer (GantryReportDoc *doc,
                    cairo_t         *cr,
                    guint            page)
{
  const GantryPageSetup *s = &doc->setup;
  double left = s->margin_left;
  double width = s->width - s->margin_left - s->margin_right;
  double top = s->margin_top;
  double foot = s->height - s->margin_bottom - 10.0;
  g_autofree char *page_text = NULL;

  gantry_report_doc_draw_text (doc, cr, doc->title, "Sans Bold 8.5",
                               left, top, width * 0.6, PANGO_ALIGN_LEFT, GANTRY_C_TEXT);
  gantry_report_doc_draw_text (doc, cr, doc->subtitle, "Sans 8.5",
                               left + width * 0.4, top, width * 0.6, PANGO_ALIGN_RIGHT,
                               GANTRY_C_MUTED);
  gantry_cairo_set_color (cr, GANTRY_C_ACCENT, 1.0);
  cairo_rectangle (cr, left, top + 14.0, width, 1.2);
  cairo_fill (cr);

  gantry_cairo_set_color (cr, GANTRY_C_RULE, 1.0);
  cairo_rectangle (cr, left, foot - 6.0, width, 0.6);
  cairo_fill (cr);
  gantry_report_doc_draw_text (doc, cr, doc->footer, "Sans 7.5",
                               left, foot, width * 0.7, PANGO_ALIGN_LEFT, GANTRY_C_MUTED);
  /* Translators: page footer, "Page 3 of 7" */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1,
                               gantry_report_doc_get_n_pages (doc));
  gantry_report_doc_draw_text (doc, cr, page_text, "Sans 7.5",
                               left + width * 0.7, foot, width * 0.3, PANGO_ALIGN_RIGHT,
                               GANTRY_C_MUTED);
}

void
gantry_report_doc_render_page (GantryReportDoc *doc,
                               cairo_t         *cr,
                               guint            page,
                               gboolean         paint_background)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (cr != NULL);

  if (page >= gantry_report_doc_get_n_pages (doc))
    return;

  cairo_save (cr);
  if (paint_background)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, 0, 0, doc->setup.width, doc->setup.height);
      cairo_fill (cr);
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_dash (cr, NULL, 0, 0);
  draw_header_footer (doc, cr, page);

  if (doc->render_body != NULL)
    {
      cairo_save (cr);
      doc->render_body (doc, cr, page);
      cairo_restore (cr);
    }
  else
    {
      GPtrArray *ops = g_ptr_array_index (doc->pages, page);

      for (guint i = 0; i < ops->len; i++)
        draw_op (doc, cr, g_ptr_array_index (ops, i));
    }
  cairo_restore (cr);
}

/* ---- PDF --------------------------------------------------------------- */

typedef struct
{
  GOutputStream *out;
  GError        *error;
} PdfSink;

static cairo_status_t
pdf_write (void                *closure,
           const unsigned char *bytes,
           unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->out, bytes, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
gantry_report_doc_write_pdf (GantryReportDoc *doc,
                             const char      *path,
                             GError         **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  g_autoptr(GError) local_error = NULL;
  PdfSink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                           cancel, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  sink.out = G_OUTPUT_STREAM (stream);

  surface = cairo_pdf_surface_create_for_stream (pdf_write, &sink,
                                                 doc->setup.width, doc->setup.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  doc->subtitle != NULL && doc->title != NULL
                                  ? doc->title : "Gantry");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Gantry");
  n = gantry_report_doc_get_n_pages (doc);
  for (guint i = 0; i < n; i++)
    {
      cairo_t *cr = cairo_create (surface);

      gantry_report_doc_render_page (doc, cr, i, FALSE);
      cairo_destroy (cr);
      cairo_surface_show_page (surface);
    }
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS || sink.error != NULL)
    {
      g_set_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), path,
                   sink.error != NULL ? sink.error->message : cairo_status_to_string (status));
      g_clear_error (&sink.error);
      /* Cancelling before closing makes GIO drop the temporary file and
       * leave any previous file in place. */
      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancel, NULL);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    {
      g_set_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
