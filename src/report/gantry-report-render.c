/* gantry-report-render.c — lays out the status report on pages
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report flows top to bottom: title block, health cards, then one
 * section after another.  Tables break across pages and repeat their
 * header; a section heading always keeps its first rows (or its chart)
 * with it; long sections stop at max_rows with "and N more".
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "gantry-report-doc-private.h"

#define FONT_BODY      "Sans 8.5"
#define FONT_BODY_I    "Sans Italic 8.5"
#define FONT_SMALL     "Sans 7.5"
#define FONT_TH        "Sans Bold 7.5"
#define FONT_H1        "Sans Bold 20"
#define FONT_H2        "Sans Bold 12.5"
#define FONT_H3        "Sans Bold 9.5"
#define ROW_H          15.0
#define HEAD_H         16.0
#define CELL_PAD       4.0
#define SECTION_GAP    14.0
#define CHART_H        190.0

typedef struct
{
  GantryReportDoc  *doc;
  GantryReportData *data;
  guint             max_rows;
  double            x, w, top, bottom;
  double            y;
  guint             page;
} Flow;

typedef struct
{
  const char     *title;
  double          weight;
  PangoAlignment  align;
  gboolean        fit;      /* never narrower than its widest cell */
} Column;

static void
flow_new_page (Flow *f)
{
  f->page = gantry_report_doc_add_page (f->doc);
  f->y = f->top;
}

/* Makes room for h points, starting a page when they do not fit (unless
 * the page is still empty: then the block is simply drawn). */
static void
flow_ensure (Flow  *f,
             double h)
{
  if (f->y + h > f->bottom && f->y > f->top + 0.5)
    flow_new_page (f);
}

static double
flow_text (Flow       *f,
           const char *text,
           const char *font,
           double      x,
           double      width,
           guint32     color)
{
  g_autoptr(PangoLayout) layout = gantry_report_doc_layout (f->doc, text, font, width,
                                                            FALSE, PANGO_ALIGN_LEFT);
  double h;

  gantry_layout_size (layout, NULL, &h);
  gantry_report_doc_text (f->doc, f->page, x, f->y, layout, color);
  return h;
}

static double
text_height (Flow       *f,
             const char *text,
             const char *font,
             double      width)
{
  g_autoptr(PangoLayout) layout = gantry_report_doc_layout (f->doc, text, font, width,
                                                            FALSE, PANGO_ALIGN_LEFT);
  double h;

  gantry_layout_size (layout, NULL, &h);
  return h;
}

#define HEADING_H 24.0

/* A section heading, kept on the same page as the next min_next points. */
static void
flow_heading (Flow       *f,
              const char *title,
              double      min_next)
{
  if (f->y > f->top + 0.5)
    f->y += SECTION_GAP;
  flow_ensure (f, HEADING_H + min_next);
  flow_text (f, title, FONT_H2, f->x, f->w, GANTRY_C_ACCENT);
  gantry_report_doc_line (f->doc, f->page, f->x, f->y + 19.0, f->x + f->w, f->y + 19.0,
                          GANTRY_C_RULE, 0.8);
  f->y += HEADING_H;
}

static void
flow_subheading (Flow       *f,
                 const char *title,
                 double      min_next)
{
  if (f->y > f->top + 0.5)
    f->y += 6.0;
  flow_ensure (f, 16.0 + min_next);
  flow_text (f, title, FONT_H3, f->x, f->w, GANTRY_C_TEXT);
  f->y += 16.0;
}

static void
flow_note (Flow       *f,
           const char *text)
{
  double h = text_height (f, text, FONT_BODY_I, f->w);

  flow_ensure (f, h);
  flow_text (f, text, FONT_BODY_I, f->x, f->w, GANTRY_C_MUTED);
  f->y += h + 2.0;
}

/* A wrapped paragraph, split line by line across pages. */
static void
flow_paragraph (Flow       *f,
                const char *text,
                const char *font,
                guint32     color)
{
  g_autoptr(PangoLayout) layout = gantry_report_doc_layout (f->doc, text, font, f->w,
                                                            FALSE, PANGO_ALIGN_LEFT);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double origin = f->y;
  double offset = 0;   /* layout y of the top of the current page's part */
  int line_no = 0;

  do
    {
      PangoRectangle logical;
      double top, bottom, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      bottom = top + (double) logical.height / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      if (origin + bottom - offset > f->bottom && origin + top - offset > f->top + 0.5)
        {
          flow_new_page (f);
          origin = f->top;
          offset = top;
        }
      gantry_report_doc_text_line (f->doc, f->page, f->x, origin + baseline - offset,
                                   layout, line_no++, color);
      f->y = origin + bottom - offset;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  f->y += 6.0;
}

static void
table_header (Flow         *f,
              const Column *cols,
              guint         n_cols,
              const double *widths)
{
  double cx = f->x;

  gantry_report_doc_rect (f->doc, f->page, f->x, f->y, f->w, HEAD_H, 0, GANTRY_C_HEAD_BG,
                          TRUE, 0);
  for (guint c = 0; c < n_cols; c++)
    {
      g_autoptr(PangoLayout) l = gantry_report_doc_layout (f->doc, _(cols[c].title), FONT_TH,
                                                           widths[c] - 2 * CELL_PAD, TRUE,
                                                           cols[c].align);

      gantry_report_doc_text (f->doc, f->page, cx + CELL_PAD, f->y + 3.5, l, GANTRY_C_MUTED);
      cx += widths[c];
    }
  f->y += HEAD_H;
}

/* rows: GPtrArray of GStrv (n_cols cells each).  n_more > 0 adds the
 * "and N more" line.  caption: repeated with "(continued)" after a page
 * break. */
static void
flow_table (Flow         *f,
            const char   *caption,
            const Column *cols,
            guint         n_cols,
            GPtrArray    *rows,
            guint         n_more)
{
  double widths[16];
  double total = 0;

  g_assert (n_cols <= G_N_ELEMENTS (widths));
  for (guint c = 0; c < n_cols; c++)
    total += cols[c].weight;
  for (guint c = 0; c < n_cols; c++)
    widths[c] = f->w * cols[c].weight / total;

  /* Columns that must show their whole content (IDs) take what they need
   * from the widest column. */
  for (guint c = 0; c < n_cols; c++)
    {
      double need = 0;
      guint widest = 0;

      if (!cols[c].fit)
        continue;
      for (guint r = 0; r < rows->len; r++)
        {
          char **cells = g_ptr_array_index (rows, r);
          g_autoptr(PangoLayout) l = gantry_report_doc_layout (f->doc, cells[c], FONT_BODY, -1,
                                                               FALSE, cols[c].align);
          double w;

          gantry_layout_size (l, &w, NULL);
          need = MAX (need, w + 2 * CELL_PAD + 1);
        }
      for (guint k = 0; k < n_cols; k++)
        if (widths[k] > widths[widest])
          widest = k;
      if (need > widths[c] && widest != c && widths[widest] - (need - widths[c]) > 40)
        {
          widths[widest] -= need - widths[c];
          widths[c] = need;
        }
    }

  flow_ensure (f, HEAD_H + ROW_H);
  table_header (f, cols, n_cols, widths);

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      double cx = f->x;

      double need = r + 1 == rows->len && n_more > 0 ? 2 * ROW_H : ROW_H;

      if (f->y + need > f->bottom)
        {
          g_autofree char *cont = NULL;

          flow_new_page (f);
          /* Translators: caption of a table continued on a new page */
          cont = g_strdup_printf (_("%s (continued)"), caption);
          flow_text (f, cont, FONT_H3, f->x, f->w, GANTRY_C_MUTED);
          f->y += 16.0;
          table_header (f, cols, n_cols, widths);
        }
      if (r % 2 == 1)
        gantry_report_doc_rect (f->doc, f->page, f->x, f->y, f->w, ROW_H, 0, GANTRY_C_ZEBRA,
                                TRUE, 0);
      for (guint c = 0; c < n_cols; c++)
        {
          g_autoptr(PangoLayout) l = gantry_report_doc_layout (f->doc, cells[c], FONT_BODY,
                                                               widths[c] - 2 * CELL_PAD, TRUE,
                                                               cols[c].align);

          gantry_report_doc_text (f->doc, f->page, cx + CELL_PAD, f->y + 2.5, l,
                                  GANTRY_C_TEXT);
          cx += widths[c];
        }
      gantry_report_doc_line (f->doc, f->page, f->x, f->y + ROW_H, f->x + f->w, f->y + ROW_H,
                              GANTRY_C_RULE, 0.4);
      f->y += ROW_H;
    }

  if (n_more > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more",
                                                            "and %u more", n_more),
                                               n_more);

      flow_ensure (f, ROW_H);
      flow_text (f, more, FONT_BODY_I, f->x + CELL_PAD, f->w, GANTRY_C_MUTED);
      f->y += ROW_H;
    }
  f->y += 2.0;
}

/* ---- cells ------------------------------------------------------------- */

static char *
fmt_days_variance (GantryTime t,
                   GantryTime reference)
{
  double days;
  long n;

  if (t == GANTRY_TIME_NONE || reference == GANTRY_TIME_NONE)
    return g_strdup ("—");
  days = (double) (t - reference) / GANTRY_MS_DAY;
  n = lround (days);
  if (n == 0)
    return g_strdup (t > reference ? _("+<1 day") : _("on time"));
  if (n > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%ld day", "+%ld days", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld day early", "%ld days early", -n),
                          -n);
}

static char *
fmt_percent (int pc)
{
  /* Translators: a percentage in a table cell */
  return g_strdup_printf (_("%d %%"), pc);
}

/* A whole number with the locale's thousands separator ("," when the
 * locale has none, as the C locale). */
static char *
group_digits (double value)
{
  struct lconv *lc = localeconv ();
  const char *sep = lc->thousands_sep != NULL && *lc->thousands_sep != '\0'
                    ? lc->thousands_sep : ",";
  g_autofree char *digits = g_strdup_printf ("%.0f", fabs (value));
  gsize len = strlen (digits);
  GString *s = g_string_new (NULL);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (s, sep);
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

static char *
fmt_hours_value (double hours)
{
  g_autofree char *num = group_digits (hours);

  /* Translators: hours of work, "1,200 h" */
  return g_strdup_printf (_("%s h"), num);
}

static char *
fmt_hours (GantryDuration ms)
{
  return fmt_hours_value ((double) ms / GANTRY_MS_HOUR);
}

static char *
fmt_money (GantryReportData *data,
           double            value)
{
  g_autofree char *num = group_digits (value);

  return g_strdup_printf ("%s%s%s", value < -0.5 ? "−" : "", data->currency_symbol, num);
}

static char *
fmt_slack (GantryDuration slack,
           int            minutes_per_day)
{
  double days = (double) slack / ((double) minutes_per_day * GANTRY_MS_MINUTE);

  return g_strdup_printf (_("%.1f d"), days);
}

static char **
cells_new (guint n)
{
  return g_new0 (char *, n + 1);
}

static guint
shown_rows (Flow      *f,
            GPtrArray *rows)
{
  return MIN (rows->len, f->max_rows);
}

/* ---- sections ---------------------------------------------------------- */

static const Column milestone_cols[] = {
  { N_("Milestone"), 4.0, PANGO_ALIGN_LEFT },
  { N_("Baseline"), 1.6, PANGO_ALIGN_LEFT },
  { N_("Forecast"), 1.6, PANGO_ALIGN_LEFT },
  { N_("Variance"), 1.5, PANGO_ALIGN_RIGHT },
  { N_("Note"), 2.0, PANGO_ALIGN_LEFT },
};

static void
milestone_group (Flow       *f,
                 const char *title,
                 GPtrArray  *list,
                 const char *empty)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n = shown_rows (f, list);

  flow_subheading (f, title, list->len > 0 ? HEAD_H + MIN (n, 3) * ROW_H : ROW_H);
  if (list->len == 0)
    {
      flow_note (f, empty);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      GantryReportTaskRow *r = g_ptr_array_index (list, i);
      char **c = cells_new (5);

      c[0] = g_strdup (r->name);
      c[1] = gantry_report_format_date (r->baseline_finish);
      c[2] = gantry_report_format_date (r->finish);
      c[3] = fmt_days_variance (r->finish, r->baseline_finish);
      if (r->percent_complete >= 100)
        c[4] = g_strdup (_("Done"));
      else if (r->flags & GANTRY_REPORT_NOT_FINISHED)
        c[4] = g_strdup (_("Past status date"));
      else if (r->flags & GANTRY_REPORT_PAST_DEADLINE)
        c[4] = g_strdup (_("After deadline"));
      else if (r->flags & GANTRY_REPORT_PAST_BASELINE)
        c[4] = g_strdup (_("After baseline"));
      else
        c[4] = g_strdup ("");
      g_ptr_array_add (rows, c);
    }
  flow_table (f, title, milestone_cols, G_N_ELEMENTS (milestone_cols), rows, list->len - n);
}

static void
section_milestones (Flow *f)
{
  GantryReportData *d = f->data;
  g_autofree char *upcoming = NULL;

  flow_heading (f, _("Milestones"), 16.0 + HEAD_H + ROW_H);
  if (d->n_milestones == 0)
    {
      flow_note (f, _("This plan has no milestones."));
      return;
    }
  milestone_group (f, _("Late"), d->milestones_late, _("No milestone is late."));
  upcoming = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Upcoming (next %d day)",
                                           "Upcoming (next %d days)", d->upcoming_days),
                              d->upcoming_days);
  milestone_group (f, upcoming, d->milestones_upcoming, _("No milestone is due in this period."));
  milestone_group (f, _("Completed"), d->milestones_completed,
                   _("No milestone is completed yet."));
}

static void
task_section (Flow         *f,
              const char   *title,
              const char   *empty,
              GPtrArray    *list,
              const Column *cols,
              guint         n_cols,
              char       **(*make) (Flow *, GantryReportTaskRow *))
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n = shown_rows (f, list);

  flow_heading (f, title, list->len > 0 ? HEAD_H + MIN (n, 3) * ROW_H : ROW_H);
  if (list->len == 0)
    {
      flow_note (f, empty);
      return;
    }
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, make (f, g_ptr_array_index (list, i)));
  flow_table (f, title, cols, n_cols, rows, list->len - n);
}

static const Column late_cols[] = {
  { N_("ID"), 0.6, PANGO_ALIGN_RIGHT, TRUE },
  { N_("Task"), 3.4, PANGO_ALIGN_LEFT },
  { N_("Start"), 1.6, PANGO_ALIGN_LEFT },
  { N_("Finish"), 1.6, PANGO_ALIGN_LEFT },
  { N_("Done"), 0.8, PANGO_ALIGN_RIGHT },
  { N_("Problem"), 2.8, PANGO_ALIGN_LEFT },
  { N_("Resources"), 1.7, PANGO_ALIGN_LEFT },
};

static char **
late_row (Flow                *f,
          GantryReportTaskRow *r)
{
  char **c = cells_new (7);

  c[0] = g_strdup_printf ("%d", r->id);
  c[1] = g_strdup (r->name);
  c[2] = gantry_report_format_date (r->start);
  c[3] = gantry_report_format_date (r->finish);
  c[4] = fmt_percent (r->percent_complete);
  if ((r->flags & GANTRY_REPORT_NOT_STARTED) && (r->flags & GANTRY_REPORT_NOT_FINISHED))
    c[5] = g_strdup (_("Not started, overdue"));
  else if (r->flags & GANTRY_REPORT_NOT_STARTED)
    c[5] = g_strdup (_("Should have started"));
  else
    c[5] = g_strdup (_("Should have finished"));
  c[6] = g_strdup (r->resources);
  return c;
}

static const Column slip_cols[] = {
  { N_("ID"), 0.6, PANGO_ALIGN_RIGHT, TRUE },
  { N_("Task"), 4.4, PANGO_ALIGN_LEFT },
  { N_("Baseline finish"), 1.9, PANGO_ALIGN_LEFT },
  { N_("Forecast finish"), 1.9, PANGO_ALIGN_LEFT },
  { N_("Slip"), 1.3, PANGO_ALIGN_RIGHT },
  { N_("Done"), 0.9, PANGO_ALIGN_RIGHT },
};

static char **
slip_row (Flow                *f,
          GantryReportTaskRow *r)
{
  char **c = cells_new (6);

  c[0] = g_strdup_printf ("%d", r->id);
  c[1] = g_strdup (r->name);
  c[2] = gantry_report_format_date (r->baseline_finish);
  c[3] = gantry_report_format_date (r->finish);
  c[4] = fmt_days_variance (r->finish, r->baseline_finish);
  c[5] = fmt_percent (r->percent_complete);
  return c;
}

static const Column critical_cols[] = {
  { N_("ID"), 0.6, PANGO_ALIGN_RIGHT, TRUE },
  { N_("Task"), 4.2, PANGO_ALIGN_LEFT },
  { N_("Start"), 1.6, PANGO_ALIGN_LEFT },
  { N_("Finish"), 1.6, PANGO_ALIGN_LEFT },
  { N_("Slack"), 1.0, PANGO_ALIGN_RIGHT },
  { N_("Done"), 0.9, PANGO_ALIGN_RIGHT },
  { N_("Resources"), 2.0, PANGO_ALIGN_LEFT },
};

static char **
critical_row (Flow                *f,
              GantryReportTaskRow *r)
{
  char **c = cells_new (7);

  c[0] = g_strdup_printf ("%d", r->id);
  c[1] = g_strdup (r->name);
  c[2] = gantry_report_format_date (r->start);
  c[3] = gantry_report_format_date (r->finish);
  c[4] = fmt_slack (r->total_slack, f->data->minutes_per_day);
  c[5] = fmt_percent (r->percent_complete);
  c[6] = g_strdup (r->resources);
  return c;
}

static const Column week_cols[] = {
  { N_("ID"), 0.6, PANGO_ALIGN_RIGHT, TRUE },
  { N_("Task"), 3.3, PANGO_ALIGN_LEFT },
  { N_("Start"), 1.6, PANGO_ALIGN_LEFT },
  { N_("Finish"), 1.6, PANGO_ALIGN_LEFT },
  { N_("When"), 3.9, PANGO_ALIGN_LEFT },
  { N_("Resources"), 1.5, PANGO_ALIGN_LEFT },
};

static char **
week_row (Flow                *f,
          GantryReportTaskRow *r)
{
  char **c = cells_new (6);
  const char *starts = NULL, *due = NULL;

  c[0] = g_strdup_printf ("%d", r->id);
  c[1] = g_strdup (r->name);
  c[2] = gantry_report_format_date (r->start);
  c[3] = gantry_report_format_date (r->finish);
  if (r->flags & GANTRY_REPORT_STARTS_THIS_WEEK)
    starts = _("starts this week");
  else if (r->flags & GANTRY_REPORT_STARTS_NEXT_WEEK)
    starts = _("starts next week");
  if (r->flags & GANTRY_REPORT_DUE_THIS_WEEK)
    due = _("due this week");
  else if (r->flags & GANTRY_REPORT_DUE_NEXT_WEEK)
    due = _("due next week");
  if (starts != NULL && due != NULL)
    /* Translators: "starts this week, due next week" */
    c[4] = g_strdup_printf (_("%s, %s"), starts, due);
  else
    c[4] = g_strdup (starts != NULL ? starts : due);
  c[4][0] = g_ascii_toupper (c[4][0]);
  c[5] = g_strdup (r->resources);
  return c;
}

/* ---- charts ------------------------------------------------------------ */

static double
nice_step (double range,
           int    target)
{
  double raw = range / MAX (target, 1);
  double mag = pow (10, floor (log10 (MAX (raw, 1e-9))));
  double norm = raw / mag;

  if (norm <= 1)
    return mag;
  if (norm <= 2)
    return 2 * mag;
  if (norm <= 5)
    return 5 * mag;
  return 10 * mag;
}

static void
legend_item (GantryReportDoc *doc,
             cairo_t         *cr,
             double          *x,
             double           y,
             const char      *label,
             guint32          color,
             gboolean         dashed,
             gboolean         box)
{
  g_autoptr(PangoLayout) l = gantry_report_doc_layout (doc, label, FONT_SMALL, -1, FALSE,
                                                       PANGO_ALIGN_LEFT);
  double tw;
  double dash[] = { 4, 2.5 };

  gantry_layout_size (l, &tw, NULL);
  gantry_cairo_set_color (cr, color, 1.0);
  if (box)
    {
      cairo_rectangle (cr, *x, y + 1.5, 10, 7);
      cairo_fill (cr);
    }
  else
    {
      cairo_set_line_width (cr, 2.0);
      cairo_set_dash (cr, dash, dashed ? 2 : 0, 0);
      cairo_move_to (cr, *x, y + 5);
      cairo_line_to (cr, *x + 16, y + 5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  *x += box ? 14 : 20;
  gantry_cairo_set_color (cr, GANTRY_C_MUTED, 1.0);
  cairo_move_to (cr, *x, y);
  pango_cairo_show_layout (cr, l);
  *x += tw + 14;
}

static void
plot_series (cairo_t *cr,
             GArray  *series,
             double   x0,
             double   y0,
             double   w,
             double   h,
             GantryTime tmin,
             GantryTime tmax,
             double   vmax,
             guint32  color,
             gboolean dashed,
             double   width)
{
  double dash[] = { 5, 3 };

  if (series->len == 0)
    return;
  gantry_cairo_set_color (cr, color, 1.0);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, dash, dashed ? 2 : 0, 0);
  for (guint i = 0; i < series->len; i++)
    {
      GantryReportPoint *p = &g_array_index (series, GantryReportPoint, i);
      double px = x0 + w * (double) (p->t - tmin) / (double) (tmax - tmin);
      double py = y0 + h - h * ((double) p->work / GANTRY_MS_HOUR) / vmax;

      if (i == 0)
        cairo_move_to (cr, px, py);
      else
        cairo_line_to (cr, px, py);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
series_range (GArray     *s,
              GantryTime *tmin,
              GantryTime *tmax,
              double     *vmax)
{
  for (guint i = 0; i < s->len; i++)
    {
      GantryReportPoint *p = &g_array_index (s, GantryReportPoint, i);

      *tmin = MIN (*tmin, p->t);
      *tmax = MAX (*tmax, p->t);
      *vmax = MAX (*vmax, (double) p->work / GANTRY_MS_HOUR);
    }
}

static void
draw_burndown (GantryReportDoc *doc,
               cairo_t         *cr,
               double           x,
               double           y,
               double           w,
               double           h,
               gpointer         user_data)
{
  GantryReportData *d = user_data;
  GantryTime tmin = G_MAXINT64, tmax = G_MININT64;
  double vmax = 0, step, lx = x;
  double left = 44, bottom = 30, top = 22;
  double px = x + left, py = y + top, pw = w - left - 8, ph = h - top - bottom;

  series_range (d->burndown_actual, &tmin, &tmax, &vmax);
  series_range (d->burndown_remaining, &tmin, &tmax, &vmax);
  series_range (d->burndown_baseline, &tmin, &tmax, &vmax);
  if (tmax <= tmin)
    tmax = tmin + GANTRY_MS_DAY;
  if (vmax <= 0)
    vmax = 1;
  step = nice_step (vmax, 4);
  vmax = ceil (vmax / step) * step;

  legend_item (doc, cr, &lx, y, _("Actual remaining work"), GANTRY_C_ACCENT, FALSE, FALSE);
  legend_item (doc, cr, &lx, y, _("Forecast remaining work"), GANTRY_C_ACCENT, TRUE, FALSE);
  if (d->burndown_baseline->len > 0)
    legend_item (doc, cr, &lx, y, _("Baseline remaining work"), GANTRY_C_BASELINE, FALSE,
                 FALSE);

  /* Grid and value axis (hours). */
  for (double v = 0; v <= vmax + step / 2; v += step)
    {
      double gy = py + ph - ph * v / vmax;
      g_autofree char *label = fmt_hours_value (v);

      gantry_cairo_set_color (cr, v == 0 ? GANTRY_C_MUTED : GANTRY_C_RULE, 1.0);
      cairo_set_line_width (cr, v == 0 ? 0.8 : 0.4);
      cairo_move_to (cr, px, gy);
      cairo_line_to (cr, px + pw, gy);
      cairo_stroke (cr);
      gantry_report_doc_draw_text (doc, cr, label, FONT_SMALL, x, gy - 5, left - 6,
                                   PANGO_ALIGN_RIGHT, GANTRY_C_MUTED);
    }

  /* Time axis: about six date labels. */
  {
    gint64 span_days = MAX ((tmax - tmin) / GANTRY_MS_DAY, 1);
    gint64 tick = (gint64) nice_step ((double) span_days, 5);
    GantryTime t0 = gantry_time_day_start (tmin);

    if (tick >= 7)
      tick = ((tick + 6) / 7) * 7;
    for (GantryTime t = t0; t <= tmax; t += tick * GANTRY_MS_DAY)
      {
        double tx = px + pw * (double) (t - tmin) / (double) (tmax - tmin);
        g_autofree char *label = gantry_report_format_date (t);

        if (tx < px - 0.5)
          continue;
        gantry_cairo_set_color (cr, GANTRY_C_MUTED, 1.0);
        cairo_set_line_width (cr, 0.6);
        cairo_move_to (cr, tx, py + ph);
        cairo_line_to (cr, tx, py + ph + 3);
        cairo_stroke (cr);
        if (tx + 30 <= px + pw + 8)
          gantry_report_doc_draw_text (doc, cr, label, FONT_SMALL, tx - 30, py + ph + 5, 60,
                                       PANGO_ALIGN_CENTER, GANTRY_C_MUTED);
      }
  }

  /* Status date. */
  if (d->status_date >= tmin && d->status_date <= tmax)
    {
      double sx = px + pw * (double) (d->status_date - tmin) / (double) (tmax - tmin);
      double dash[] = { 2, 2 };

      gantry_cairo_set_color (cr, GANTRY_C_CRITICAL, 1.0);
      cairo_set_line_width (cr, 0.8);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, sx, py - 4);
      cairo_line_to (cr, sx, py + ph);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      {
        g_autoptr(PangoLayout) l = gantry_report_doc_layout (doc, _("Status date"), FONT_SMALL,
                                                             -1, FALSE, PANGO_ALIGN_LEFT);
        double lw;

        gantry_layout_size (l, &lw, NULL);
        gantry_cairo_set_color (cr, GANTRY_C_CRITICAL, 1.0);
        cairo_move_to (cr, sx + 3 + lw > px + pw ? sx - 3 - lw : sx + 3, py - 12);
        pango_cairo_show_layout (cr, l);
      }
    }

  plot_series (cr, d->burndown_baseline, px, py, pw, ph, tmin, tmax, vmax,
               GANTRY_C_BASELINE, FALSE, 1.6);
  plot_series (cr, d->burndown_remaining, px, py, pw, ph, tmin, tmax, vmax,
               GANTRY_C_ACCENT, TRUE, 1.8);
  plot_series (cr, d->burndown_actual, px, py, pw, ph, tmin, tmax, vmax,
               GANTRY_C_ACCENT, FALSE, 2.2);
}

#define COST_ROW_H 24.0

static gboolean
cost_row_has_values (GantryReportCostRow *r)
{
  return r->baseline > 0 || r->forecast > 0 || r->actual > 0;
}

static guint
count_cost_rows (GantryReportData *d)
{
  guint n = 0;

  for (guint i = 0; i < d->cost_rows->len; i++)
    if (cost_row_has_values (g_ptr_array_index (d->cost_rows, i)))
      n++;
  return n;
}

static void
draw_cost_bars (GantryReportDoc *doc,
                cairo_t         *cr,
                double           x,
                double           y,
                double           w,
                double           h,
                gpointer         user_data)
{
  GantryReportData *d = user_data;
  double vmax = 0, label_w = 130, value_w = 70, lx = x + label_w;
  double bx = x + label_w, bw = w - label_w - value_w;

  for (guint i = 0; i < d->cost_rows->len; i++)
    {
      GantryReportCostRow *r = g_ptr_array_index (d->cost_rows, i);

      vmax = MAX (vmax, MAX (r->baseline, MAX (r->forecast, r->actual)));
    }
  if (vmax <= 0)
    return;

  legend_item (doc, cr, &lx, y, _("Baseline"), GANTRY_C_BASELINE, FALSE, TRUE);
  legend_item (doc, cr, &lx, y, _("Forecast"), GANTRY_C_BAR, FALSE, TRUE);
  legend_item (doc, cr, &lx, y, _("Actual"), GANTRY_C_ACCENT, FALSE, TRUE);
  y += 18;

  for (guint i = 0, k = 0; i < d->cost_rows->len; i++)
    {
      GantryReportCostRow *r = g_ptr_array_index (d->cost_rows, i);
      double ry = y + k * COST_ROW_H;
      double bl = bw * r->baseline / vmax, fc = bw * r->forecast / vmax;
      double ac = bw * MIN (r->actual, r->forecast > 0 ? r->forecast : r->actual) / vmax;
      g_autofree char *value = NULL;

      if (!cost_row_has_values (r))
        continue;   /* rows with no money at all would only be noise */
      k++;
      value = fmt_money (d, r->forecast);
      gantry_report_doc_draw_text (doc, cr, r->name, FONT_BODY, x, ry + 4, label_w - 8,
                                   PANGO_ALIGN_LEFT, GANTRY_C_TEXT);
      gantry_cairo_set_color (cr, GANTRY_C_BASELINE, 1.0);
      cairo_rectangle (cr, bx, ry + 2, bl, 6);
      cairo_fill (cr);
      gantry_cairo_set_color (cr, GANTRY_C_BAR, 1.0);
      cairo_rectangle (cr, bx, ry + 9, fc, 10);
      cairo_fill (cr);
      gantry_cairo_set_color (cr, GANTRY_C_ACCENT, 1.0);
      cairo_rectangle (cr, bx, ry + 9, ac, 10);
      cairo_fill (cr);
      gantry_report_doc_draw_text (doc, cr, value, FONT_SMALL, bx + bw + 4, ry + 8,
                                   value_w - 4, PANGO_ALIGN_LEFT, GANTRY_C_TEXT);
    }
  gantry_cairo_set_color (cr, GANTRY_C_MUTED, 1.0);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, bx, y - 2);
  cairo_line_to (cr, bx, y + count_cost_rows (d) * COST_ROW_H);
  cairo_stroke (cr);
}

/* ---- the top of page one ---------------------------------------------- */

static guint32
health_color (GantryHealth h)
{
  switch (h)
    {
    case GANTRY_HEALTH_ON_TRACK:
      return GANTRY_C_GOOD;
    case GANTRY_HEALTH_AT_RISK:
      return GANTRY_C_WARN;
    case GANTRY_HEALTH_LATE:
      return GANTRY_C_BAD;
    case GANTRY_HEALTH_NONE:
    default:
      return GANTRY_C_NONE;
    }
}

static void
title_block (Flow *f)
{
  GantryReportData *d = f->data;
  g_autofree char *sd = gantry_report_format_date (d->status_date);
  g_autofree char *fin = gantry_report_format_date (d->finish);
  g_autofree char *bfin = gantry_report_format_date (d->baseline_finish);
  g_autoptr(GString) meta = g_string_new (NULL);
  double h;

  h = flow_text (f, _("STATUS REPORT"), "Sans Bold 8", f->x, f->w, GANTRY_C_ACCENT);
  f->y += h + 2;
  h = flow_text (f, d->project_name, FONT_H1, f->x, f->w, GANTRY_C_TEXT);
  f->y += h + 4;
  if (d->manager != NULL && *d->manager != '\0')
    g_string_append_printf (meta, _("Manager: %s"), d->manager);
  if (meta->len > 0)
    g_string_append (meta, "   ·   ");
  g_string_append_printf (meta, _("Status date: %s"), sd);
  g_string_append (meta, "   ·   ");
  g_string_append_printf (meta, _("Forecast finish: %s"), fin);
  if (d->baseline_finish != GANTRY_TIME_NONE)
    {
      g_string_append (meta, "   ·   ");
      g_string_append_printf (meta, _("Baseline finish: %s"), bfin);
    }
  h = flow_text (f, meta->str, FONT_BODY, f->x, f->w, GANTRY_C_MUTED);
  f->y += h + 14;
}

static double
health_card (Flow         *f,
             double        x,
             double        w,
             const char   *title,
             GantryHealth  health,
             gboolean      for_cost,
             const char   *rule,
             gboolean      measure_only)
{
  const char *label = gantry_health_to_string (health, for_cost);
  g_autoptr(PangoLayout) lt = gantry_report_doc_layout (f->doc, title, FONT_TH, w - 20, TRUE,
                                                        PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) lb = gantry_report_doc_layout (f->doc, label, "Sans Bold 9", -1, FALSE,
                                                        PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) lr = gantry_report_doc_layout (f->doc, rule, FONT_SMALL, w - 20, FALSE,
                                                        PANGO_ALIGN_LEFT);
  double bw, bh, rh, y = f->y + 10;

  gantry_layout_size (lb, &bw, &bh);
  gantry_layout_size (lr, NULL, &rh);
  if (measure_only)
    return 10 + 14 + bh + 8 + 6 + rh + 10;

  gantry_report_doc_text (f->doc, f->page, x + 10, y, lt, GANTRY_C_MUTED);
  y += 14;
  gantry_report_doc_rect (f->doc, f->page, x + 10, y, bw + 18, bh + 8, (bh + 8) / 2,
                          health_color (health), TRUE, 0);
  gantry_report_doc_text (f->doc, f->page, x + 19, y + 4, lb, 0xffffff);
  y += bh + 8 + 6;
  gantry_report_doc_text (f->doc, f->page, x + 10, y, lr, GANTRY_C_TEXT);
  return 0;
}

static void
progress_bar (Flow       *f,
              double      x,
              double      y,
              double      w,
              const char *label,
              double      pc)
{
  g_autofree char *value = pc >= 0 ? g_strdup_printf (_("%.0f %%"), floor (pc)) : g_strdup ("—");
  g_autoptr(PangoLayout) l = gantry_report_doc_layout (f->doc, label, FONT_SMALL, w - 40, TRUE,
                                                       PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) v = gantry_report_doc_layout (f->doc, value, "Sans Bold 8", 40, FALSE,
                                                       PANGO_ALIGN_RIGHT);

  gantry_report_doc_text (f->doc, f->page, x, y, l, GANTRY_C_TEXT);
  gantry_report_doc_text (f->doc, f->page, x + w - 40, y, v, GANTRY_C_TEXT);
  gantry_report_doc_rect (f->doc, f->page, x, y + 13, w, 6, 3, GANTRY_C_HEAD_BG, TRUE, 0);
  if (pc > 0)
    gantry_report_doc_rect (f->doc, f->page, x, y + 13, MAX (w * MIN (pc, 100) / 100.0, 6), 6,
                            3, GANTRY_C_ACCENT, TRUE, 0);
}

static void
overview_cards (Flow *f)
{
  GantryReportData *d = f->data;
  double gap = 10, cw = (f->w - 2 * gap) / 3, ch;
  double x0 = f->x, x1 = x0 + cw + gap, x2 = x1 + cw + gap;
  g_autofree char *counts = NULL;

  ch = MAX (health_card (f, x0, cw, _("SCHEDULE"), d->schedule_health, FALSE,
                         d->schedule_rule, TRUE),
            health_card (f, x1, cw, _("COST"), d->cost_health, TRUE, d->cost_rule, TRUE));
  ch = MAX (ch, 100);
  flow_ensure (f, ch);
  for (int i = 0; i < 3; i++)
    gantry_report_doc_rect (f->doc, f->page, f->x + i * (cw + gap), f->y, cw, ch, 5,
                            GANTRY_C_RULE, FALSE, 0.8);
  health_card (f, x0, cw, _("SCHEDULE"), d->schedule_health, FALSE, d->schedule_rule, FALSE);
  health_card (f, x1, cw, _("COST"), d->cost_health, TRUE, d->cost_rule, FALSE);

  {
    g_autoptr(PangoLayout) lt = gantry_report_doc_layout (f->doc, _("PROGRESS"), FONT_TH,
                                                          cw - 20, TRUE, PANGO_ALIGN_LEFT);
    g_autoptr(PangoLayout) lc = NULL;

    gantry_report_doc_text (f->doc, f->page, x2 + 10, f->y + 10, lt, GANTRY_C_MUTED);
    progress_bar (f, x2 + 10, f->y + 26, cw - 20, _("Complete by duration"),
                  d->percent_complete_duration);
    progress_bar (f, x2 + 10, f->y + 52, cw - 20, _("Complete by work"),
                  d->percent_complete_work);
    counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u of %u task done",
                                           "%u of %u tasks done", d->n_tasks),
                              d->n_complete, d->n_tasks);
    lc = gantry_report_doc_layout (f->doc, counts, FONT_SMALL, cw - 20, TRUE, PANGO_ALIGN_LEFT);
    gantry_report_doc_text (f->doc, f->page, x2 + 10, f->y + 80, lc, GANTRY_C_MUTED);
  }
  f->y += ch;
}

/* ---- sections, continued ---------------------------------------------- */

static void
stat_tiles (Flow *f)
{
  GantryReportData *d = f->data;
  struct { const char *label; double value; guint32 color; } tiles[] = {
    { N_("Baseline"), d->cost_baseline, GANTRY_C_TEXT },
    { N_("Actual to date"), d->cost_actual, GANTRY_C_TEXT },
    { N_("Remaining"), d->cost_remaining, GANTRY_C_TEXT },
    { N_("Variance"), d->cost_variance,
      d->cost_variance > 0.5 ? GANTRY_C_BAD : GANTRY_C_GOOD },
  };
  double gap = 8, tw = (f->w - 3 * gap) / 4, th = 42;

  flow_ensure (f, th);
  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    {
      double tx = f->x + i * (tw + gap);
      g_autofree char *value = fmt_money (d, tiles[i].value);
      g_autofree char *signed_value = i == 3 && tiles[i].value > 0.5
                                      ? g_strconcat ("+", value, NULL) : g_strdup (value);
      g_autoptr(PangoLayout) l = gantry_report_doc_layout (f->doc, _(tiles[i].label), FONT_SMALL,
                                                           tw - 16, TRUE, PANGO_ALIGN_LEFT);
      g_autoptr(PangoLayout) v = gantry_report_doc_layout (f->doc, signed_value, "Sans Bold 12",
                                                           tw - 16, TRUE, PANGO_ALIGN_LEFT);

      gantry_report_doc_rect (f->doc, f->page, tx, f->y, tw, th, 4, GANTRY_C_ZEBRA, TRUE, 0);
      gantry_report_doc_text (f->doc, f->page, tx + 8, f->y + 6, l, GANTRY_C_MUTED);
      gantry_report_doc_text (f->doc, f->page, tx + 8, f->y + 19, v, tiles[i].color);
    }
  f->y += th + 10;
}

static void
section_cost (Flow *f)
{
  GantryReportData *d = f->data;
  guint n = count_cost_rows (d);
  double h;

  flow_heading (f, _("Cost overview"), 52);
  stat_tiles (f);
  if (n == 0)
    {
      flow_note (f, _("No costs are recorded in this plan."));
      return;
    }
  h = 18 + n * COST_ROW_H + 4;
  flow_subheading (f, _("Cost by top-level task"), h);
  gantry_report_doc_custom (f->doc, f->page, f->x, f->y, f->w, h, draw_cost_bars, d);
  f->y += h;
}

static void
section_burndown (Flow *f)
{
  GantryReportData *d = f->data;

  if (d->total_work <= 0 && d->baseline_work <= 0)
    {
      flow_heading (f, _("Work burndown"), ROW_H);
      flow_note (f, _("No work is assigned in this plan, so there is nothing to burn down."));
      return;
    }
  flow_heading (f, _("Work burndown"), CHART_H);
  gantry_report_doc_custom (f->doc, f->page, f->x, f->y, f->w, CHART_H, draw_burndown, d);
  f->y += CHART_H;
}

static const Column resource_cols[] = {
  { N_("Resource"), 4.0, PANGO_ALIGN_LEFT },
  { N_("Peak units"), 1.5, PANGO_ALIGN_RIGHT },
  { N_("Available"), 1.5, PANGO_ALIGN_RIGHT },
  { N_("Work"), 1.5, PANGO_ALIGN_RIGHT },
};

static void
section_resources (Flow *f)
{
  GantryReportData *d = f->data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n = shown_rows (f, d->overallocated);

  flow_heading (f, _("Over-allocated resources"),
                d->overallocated->len > 0 ? HEAD_H + MIN (n, 3) * ROW_H : ROW_H);
  if (d->overallocated->len == 0)
    {
      flow_note (f, _("No resource is over-allocated."));
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      GantryReportResourceRow *r = g_ptr_array_index (d->overallocated, i);
      char **c = cells_new (4);

      c[0] = g_strdup (r->name);
      c[1] = fmt_percent ((int) lround (r->peak_units * 100));
      c[2] = fmt_percent ((int) lround (r->max_units * 100));
      c[3] = fmt_hours (r->work);
      g_ptr_array_add (rows, c);
    }
  flow_table (f, _("Over-allocated resources"), resource_cols, G_N_ELEMENTS (resource_cols),
              rows, d->overallocated->len - n);
}

static const Column risk_cols[] = {
  { N_("Risk"), 4.0, PANGO_ALIGN_LEFT },
  { N_("Owner"), 1.6, PANGO_ALIGN_LEFT },
  { N_("Probability"), 1.2, PANGO_ALIGN_RIGHT },
  { N_("Impact"), 1.0, PANGO_ALIGN_RIGHT },
  { N_("Response"), 3.0, PANGO_ALIGN_LEFT },
};

static void
section_risks (Flow *f)
{
  GantryReportData *d = f->data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n = shown_rows (f, d->risks);

  if (d->risks->len == 0)
    return;  /* hidden until a risk register exists */
  flow_heading (f, _("Top risks"), HEAD_H + MIN (n, 3) * ROW_H);
  for (guint i = 0; i < n; i++)
    {
      GantryReportRisk *r = g_ptr_array_index (d->risks, i);
      char **c = cells_new (5);

      c[0] = g_strdup (r->title);
      c[1] = g_strdup (r->owner != NULL ? r->owner : "");
      c[2] = fmt_percent ((int) lround (r->probability * 100));
      c[3] = g_strdup_printf ("%.0f", r->impact);
      c[4] = g_strdup (r->response != NULL ? r->response : "");
      g_ptr_array_add (rows, c);
    }
  flow_table (f, _("Top risks"), risk_cols, G_N_ELEMENTS (risk_cols), rows, d->risks->len - n);
}

static void
section_narrative (Flow *f)
{
  GantryReportData *d = f->data;
  g_auto(GStrv) paragraphs = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (d->narrative != NULL ? d->narrative : ""));

  flow_heading (f, _("Status summary"), 3 * 12.0);
  if (*trimmed == '\0')
    {
      flow_note (f, _("No status summary has been written for this report."));
      return;
    }
  paragraphs = g_strsplit (d->narrative, "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;
      flow_paragraph (f, paragraphs[i], "Sans 9.5", GANTRY_C_TEXT);
    }
}

static void
data_unref_notify (gpointer p)
{
  gantry_report_data_unref (p);
}

GantryReportDoc *
gantry_report_layout (GantryReportData          *data,
                      const GantryPageSetup     *setup,
                      const GantryReportOptions *opts)
{
  GantryReportDoc *doc;
  GantryPageSetup def;
  Flow f = { 0, };
  double bx, by, bw, bh;
  g_autofree char *sd = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  if (setup == NULL)
    {
      gantry_page_setup_init (&def, GANTRY_PAPER_A4, GANTRY_ORIENTATION_PORTRAIT);
      setup = &def;
    }
  if (!gantry_page_setup_is_valid (setup))
    return NULL;

  doc = gantry_report_doc_new (setup);
  doc->impl = gantry_report_data_ref (data);
  doc->impl_free = data_unref_notify;
  doc->title = g_strdup (data->project_name);
  doc->subtitle = g_strdup (_("Status report"));
  sd = gantry_report_format_date (data->status_date);
  doc->footer = g_strdup_printf (_("Status as of %s"), sd);

  gantry_report_doc_body (doc, &bx, &by, &bw, &bh);
  f.doc = doc;
  f.data = data;
  f.max_rows = opts != NULL && opts->max_rows > 0 ? opts->max_rows : 10;
  f.x = bx;
  f.w = bw;
  f.top = by;
  f.bottom = by + bh;
  flow_new_page (&f);

  title_block (&f);
  overview_cards (&f);
  section_narrative (&f);
  section_milestones (&f);
  task_section (&f, _("Late tasks"), _("No task is behind the status date."),
                data->late_tasks, late_cols, G_N_ELEMENTS (late_cols), late_row);
  task_section (&f, _("Slipping tasks"), _("No task finishes later than its baseline."),
                data->slipping_tasks, slip_cols, G_N_ELEMENTS (slip_cols), slip_row);
  task_section (&f, _("Critical tasks ahead"), _("No critical work remains."),
                data->critical_tasks, critical_cols, G_N_ELEMENTS (critical_cols),
                critical_row);
  task_section (&f, _("This week and next"), _("Nothing starts or is due in the next two weeks."),
                data->week_tasks, week_cols, G_N_ELEMENTS (week_cols), week_row);
  section_burndown (&f);
  section_cost (&f);
  section_resources (&f);
  section_risks (&f);

  return doc;
}

/* ---- convenience ------------------------------------------------------- */

void
gantry_report_options_init (GantryReportOptions *opts)
{
  g_return_if_fail (opts != NULL);

  memset (opts, 0, sizeof *opts);
  opts->paper = GANTRY_PAPER_A4;
  opts->orientation = GANTRY_ORIENTATION_PORTRAIT;
  opts->margin_mm = -1;
  opts->status_date = GANTRY_TIME_NONE;
  opts->upcoming_days = 0;
  opts->max_rows = 0;
  opts->narrative = NULL;
}

gboolean
gantry_report_write_pdf (GantryProject             *project,
                         const char                *path,
                         const GantryReportOptions *opts,
                         GError                   **error)
{
  GantryReportOptions defaults;
  GantryPageSetup setup;
  g_autoptr(GantryReportData) data = NULL;
  g_autoptr(GantryReportDoc) doc = NULL;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (opts == NULL)
    {
      gantry_report_options_init (&defaults);
      opts = &defaults;
    }
  if (opts->upcoming_days < 0 || opts->upcoming_days > 3660)
    {
      g_set_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS,
                   _("The milestone look-ahead must be between 1 and 3660 days, not %d."),
                   opts->upcoming_days);
      return FALSE;
    }
  if (opts->status_date != GANTRY_TIME_NONE
      && (opts->status_date < GANTRY_TIME_MIN || opts->status_date > GANTRY_TIME_MAX))
    {
      g_set_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS,
                   _("The status date is out of range."));
      return FALSE;
    }
  if (!gantry_report_page_setup_from_options (&setup, opts->paper, opts->orientation,
                                              opts->margin_mm, error))
    return FALSE;

  data = gantry_report_data_new (project, opts->status_date, opts->upcoming_days,
                                 opts->narrative);
  doc = gantry_report_layout (data, &setup, opts);
  return gantry_report_doc_write_pdf (doc, path, error);
}
