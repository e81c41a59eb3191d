/* gantry-gantt-print.c — prints the task table and the Gantt chart together,
 * tiled over pages or fitted to N pages wide
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table and the chart form one wide canvas (table columns, then the
 * timeline).  The canvas is cut into page columns; rows never split.  In
 * fit mode the timeline is stretched or squeezed (and, when even that is
 * not enough, the whole canvas scaled down) so it spans exactly N pages
 * across.  Page columns after the first repeat the ID column so bars can
 * be matched to their rows.  Pages go across first, then down.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gantry-report-doc-private.h"

#define ROW_H        14.0
#define SCALE_H      30.0
#define LEGEND_H     16.0
#define ID_W         30.0
#define MIN_CHART_W  150.0
#define FONT_CELL    "Sans 7"
#define FONT_CELL_B  "Sans Bold 7"
#define FONT_SCALE   "Sans 6.5"

typedef struct
{
  int        id;
  int        level;
  char      *name;
  char      *duration;
  GantryTime start, finish;
  GantryTime bl_start, bl_finish;
  int        percent;
  guint      summary : 1;
  guint      milestone : 1;
  guint      critical : 1;
} Row;

typedef struct
{
  Row       *rows;
  guint      n_rows;
  GantryTime from, to;        /* chart range, whole days */
  GantryTime status_date;
  double     day_w;           /* canvas points per day */
  double     table_w;
  double     col_w[5];        /* ID, name, duration, start, finish */
  double     chart_w;
  double     scale;           /* canvas -> page */
  guint      n_across, n_down;
  guint      rows_per_page;
  guint8    *nonworking;      /* per day of the range, or NULL */
  gint64     n_days;
  GArray    *links;           /* Link, sorted by lo */
  GArray    *links_by_hi;     /* guint indices into links, sorted by hi */
} Gantt;

typedef struct
{
  guint          pred, succ;  /* row indices */
  guint          lo, hi;      /* MIN / MAX of the two */
  GantryLinkType type;
} Link;

static void
gantt_free (gpointer p)
{
  Gantt *g = p;

  for (guint i = 0; i < g->n_rows; i++)
    {
      g_free (g->rows[i].name);
      g_free (g->rows[i].duration);
    }
  g_free (g->rows);
  g_free (g->nonworking);
  g_clear_pointer (&g->links, g_array_unref);
  g_clear_pointer (&g->links_by_hi, g_array_unref);
  g_free (g);
}

void
gantry_gantt_print_options_init (GantryGanttPrintOptions *opts)
{
  g_return_if_fail (opts != NULL);

  memset (opts, 0, sizeof *opts);
  opts->paper = GANTRY_PAPER_A4;
  opts->orientation = GANTRY_ORIENTATION_LANDSCAPE;
  opts->margin_mm = -1;
  opts->from = GANTRY_TIME_NONE;
  opts->to = GANTRY_TIME_NONE;
  opts->tiled = FALSE;
  opts->pages_wide = 1;
  opts->day_width = 0;
  opts->status_date = GANTRY_TIME_NONE;
}

/* Canvas width of the first page column and of the following ones. */
static double
slice_first (GantryReportDoc *doc,
             Gantt           *g)
{
  double bx, by, bw, bh;

  gantry_report_doc_body (doc, &bx, &by, &bw, &bh);
  return bw / g->scale;
}

static double
slice_next (GantryReportDoc *doc,
            Gantt           *g)
{
  return slice_first (doc, g) - ID_W;
}

static double
slice_x0 (GantryReportDoc *doc,
          Gantt           *g,
          guint            c)
{
  return c == 0 ? 0 : slice_first (doc, g) + (c - 1) * slice_next (doc, g);
}

static double
time_x (Gantt      *g,
        GantryTime  t)
{
  return g->table_w + g->day_w * (double) (t - g->from) / GANTRY_MS_DAY;
}

/* time_x kept just outside the chart: dates far outside the printed range
 * would otherwise overflow cairo's fixed-point coordinates. */
static double
chart_x (Gantt      *g,
         GantryTime  t)
{
  return CLAMP (time_x (g, t), g->table_w - 20.0, g->table_w + g->chart_w + 20.0);
}

static void
clip_text (GantryReportDoc *doc,
           cairo_t         *cr,
           const char      *text,
           const char      *font,
           double           x,
           double           y,
           double           w,
           PangoAlignment   align,
           guint32          color)
{
  if (w < 6)
    return;
  gantry_report_doc_draw_text (doc, cr, text, font, x, y, w, align, color);
}

/* The two-tier timescale over canvas x in [vx0, vx1). */
static void
draw_timescale (GantryReportDoc *doc,
                cairo_t         *cr,
                Gantt           *g,
                double           vx0,
                double           vx1)
{
  double visual = g->day_w * g->scale;   /* page points per day */
  gint64 d0 = MAX (0, (gint64) floor ((vx0 - g->table_w) / g->day_w) - 1);
  gint64 d1 = MIN (g->n_days, (gint64) ceil ((vx1 - g->table_w) / g->day_w) + 1);
  double mid = SCALE_H / 2;

  gantry_cairo_set_color (cr, GANTRY_C_HEAD_BG, 1.0);
  cairo_rectangle (cr, MAX (vx0, g->table_w), 0, vx1 - MAX (vx0, g->table_w), SCALE_H);
  cairo_fill (cr);

  if (visual * 30 < 4)
    {
      /* Decades or centuries: one tick every `step` years. */
      static const int steps[] = { 1, 5, 10, 50, 100, 500, 1000, 5000 };
      int step = 10000, y, m, day, hh, mm, ss;

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if (visual * 365.25 * steps[i] >= 30)
          {
            step = steps[i];
            break;
          }
      gantry_time_split (g->from + d0 * GANTRY_MS_DAY, &y, &m, &day, &hh, &mm, &ss);
      for (y = (y / step) * step; y <= 9999; y += step)
        {
          GantryTime t = gantry_time_make (MAX (y, 1), 1, 1, 0, 0, 0);
          double x = time_x (g, t);
          g_autofree char *label = g_strdup_printf ("%d", MAX (y, 1));

          if (x > vx1)
            break;
          if (x < vx0 - visual * 365.25 * step)
            continue;
          gantry_cairo_set_color (cr, GANTRY_C_RULE, 1.0);
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, x, mid);
          cairo_line_to (cr, x, SCALE_H);
          cairo_stroke (cr);
          if (x >= vx0)
            clip_text (doc, cr, label, FONT_SCALE, x + 1, mid + 2, MIN (vx1 - x, 40),
                       PANGO_ALIGN_LEFT, GANTRY_C_MUTED);
        }
      return;
    }

  for (gint64 d = d0, next; d < d1; d = next)
    {
      GantryTime t = g->from + d * GANTRY_MS_DAY;
      int y, m, day, hh, mm, ss, wd = gantry_time_weekday (t);
      double x = time_x (g, t);
      gboolean top_tick = FALSE, bottom_tick = FALSE;
      char *top_label = NULL, *bottom_label = NULL;
      double top_w = 0, bottom_w = 0;

      gantry_time_split (t, &y, &m, &day, &hh, &mm, &ss);
      /* Days when they are drawn; else month by month (a long range
       * fitted to a page has millions of days and only months show). */
      next = visual >= 2.2 ? d + 1 : d + gantry_date_days_in_month (y, m) - day + 1;
      if (visual >= 11)
        {
          bottom_tick = TRUE;
          bottom_w = g->day_w;
          bottom_label = g_strdup_printf ("%d", day);
          if (wd == 1 || d == d0)
            {
              g_autofree char *date = gantry_report_format_date (t);

              top_tick = wd == 1;
              top_w = g->day_w * (wd == 1 ? 7 : (8 - wd) % 7);
              top_label = g_strdup (date);
            }
        }
      else if (visual >= 2.2)
        {
          if (wd == 1)
            {
              bottom_tick = TRUE;
              bottom_w = g->day_w * 7;
              bottom_label = g_strdup_printf ("%d", day);
            }
          if (day == 1 || d == d0)
            {
              g_autoptr(GDateTime) dt = g_date_time_new_utc (y, m, 1, 0, 0, 0);

              top_tick = day == 1;
              top_w = g->day_w * (gantry_date_days_in_month (y, m) - day + 1);
              /* Translators: month and year on the Gantt timescale */
              top_label = dt != NULL ? g_date_time_format (dt, C_("gantt scale", "%b %Y")) : NULL;
            }
        }
      else
        {
          if (day == 1)
            {
              g_autoptr(GDateTime) dt = g_date_time_new_utc (y, m, 1, 0, 0, 0);

              bottom_tick = TRUE;
              bottom_w = g->day_w * gantry_date_days_in_month (y, m);
              /* Translators: abbreviated month on the Gantt timescale */
              bottom_label = dt != NULL ? g_date_time_format (dt, C_("gantt scale", "%b")) : NULL;
              if (visual * 30 < 16)
                g_clear_pointer (&bottom_label, g_free);
            }
          if ((day == 1 && m == 1) || d == d0)
            {
              top_tick = day == 1 && m == 1;
              top_w = g->day_w * 366;
              top_label = g_strdup_printf ("%d", y);
            }
        }

      gantry_cairo_set_color (cr, GANTRY_C_RULE, 1.0);
      cairo_set_line_width (cr, 0.5);
      if (top_tick)
        {
          cairo_move_to (cr, x, 0);
          cairo_line_to (cr, x, mid);
          cairo_stroke (cr);
        }
      if (bottom_tick)
        {
          cairo_move_to (cr, x, mid);
          cairo_line_to (cr, x, SCALE_H);
          cairo_stroke (cr);
        }
      if (top_label != NULL)
        {
          /* A period that began left of this page is labelled from the
           * page's edge, if enough of it shows. */
          double lx = MAX (x, vx0);
          double lw = MIN (x + top_w, MIN (vx1, time_x (g, g->to))) - lx - 4;

          if (lw >= 24)
            clip_text (doc, cr, top_label, FONT_SCALE, lx + 2, 2, lw, PANGO_ALIGN_LEFT,
                       GANTRY_C_TEXT);
        }
      if (bottom_label != NULL)
        {
          /* Not past the end of the chart or of this page. */
          double bw = MIN (bottom_w, MIN (vx1, time_x (g, g->to)) - x);

          if (bw >= MIN (bottom_w, 10.0))
            clip_text (doc, cr, bottom_label, FONT_SCALE, x + 1, mid + 2, bw - 2,
                       bottom_w < 30 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT, GANTRY_C_MUTED);
        }
      g_free (top_label);
      g_free (bottom_label);
    }
  gantry_cairo_set_color (cr, GANTRY_C_RULE, 1.0);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MAX (vx0, g->table_w), mid);
  cairo_line_to (cr, vx1, mid);
  cairo_stroke (cr);
}

static const char *const column_titles[] = {
  N_("ID"), N_("Task name"), N_("Duration"), N_("Start"), N_("Finish"),
};

static void
draw_table_header (GantryReportDoc *doc,
                   cairo_t         *cr,
                   Gantt           *g)
{
  double x = 0;

  gantry_cairo_set_color (cr, GANTRY_C_HEAD_BG, 1.0);
  cairo_rectangle (cr, 0, 0, g->table_w, SCALE_H);
  cairo_fill (cr);
  for (guint c = 0; c < G_N_ELEMENTS (column_titles); c++)
    {
      clip_text (doc, cr, _(column_titles[c]), "Sans Bold 7", x + 3, SCALE_H - 13,
                 g->col_w[c] - 6, c == 0 || c == 2 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT,
                 GANTRY_C_MUTED);
      x += g->col_w[c];
      gantry_cairo_set_color (cr, GANTRY_C_RULE, 1.0);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, x, 0);
      cairo_line_to (cr, x, SCALE_H);
      cairo_stroke (cr);
    }
}

static void
draw_row_cells (GantryReportDoc *doc,
                cairo_t         *cr,
                Gantt           *g,
                Row             *row,
                double           y)
{
  const char *font = row->summary ? FONT_CELL_B : FONT_CELL;
  g_autofree char *id = g_strdup_printf ("%d", row->id);
  g_autofree char *start = gantry_report_format_date (row->start);
  g_autofree char *finish = gantry_report_format_date (row->finish);
  double indent = MIN (MAX (row->level - 1, 0) * 8.0, g->col_w[1] / 2);
  double x = 0;

  clip_text (doc, cr, id, FONT_CELL, x + 2, y + 2.5, g->col_w[0] - 5, PANGO_ALIGN_RIGHT,
             GANTRY_C_MUTED);
  x += g->col_w[0];
  clip_text (doc, cr, row->name, font, x + 3 + indent, y + 2.5, g->col_w[1] - 6 - indent,
             PANGO_ALIGN_LEFT, GANTRY_C_TEXT);
  x += g->col_w[1];
  clip_text (doc, cr, row->duration, font, x + 3, y + 2.5, g->col_w[2] - 6, PANGO_ALIGN_RIGHT,
             GANTRY_C_TEXT);
  x += g->col_w[2];
  clip_text (doc, cr, start, font, x + 3, y + 2.5, g->col_w[3] - 6, PANGO_ALIGN_LEFT,
             GANTRY_C_TEXT);
  x += g->col_w[3];
  clip_text (doc, cr, finish, font, x + 3, y + 2.5, g->col_w[4] - 6, PANGO_ALIGN_LEFT,
             GANTRY_C_TEXT);
}

static void
draw_bar (cairo_t *cr,
          Gantt   *g,
          Row     *row,
          double   y)
{
  double x0, x1, cy = y + ROW_H / 2;

  if (row->start == GANTRY_TIME_NONE || row->finish == GANTRY_TIME_NONE)
    return;
  x0 = chart_x (g, row->start);
  x1 = chart_x (g, MAX (row->finish, row->start));

  if (row->bl_start != GANTRY_TIME_NONE && row->bl_finish != GANTRY_TIME_NONE
      && !row->milestone)
    {
      double b0 = chart_x (g, row->bl_start), b1 = chart_x (g, MAX (row->bl_finish, row->bl_start));

      gantry_cairo_set_color (cr, GANTRY_C_BASELINE, 1.0);
      cairo_rectangle (cr, b0, cy + 3.0, MAX (b1 - b0, 0.8), 2.2);
      cairo_fill (cr);
    }

  if (row->milestone)
    {
      double r = 4.2;

      gantry_cairo_set_color (cr, row->critical ? GANTRY_C_CRITICAL : GANTRY_C_TEXT, 1.0);
      cairo_move_to (cr, x0, cy - r);
      cairo_line_to (cr, x0 + r, cy);
      cairo_line_to (cr, x0, cy + r);
      cairo_line_to (cr, x0 - r, cy);
      cairo_close_path (cr);
      cairo_fill (cr);
      return;
    }
  if (row->summary)
    {
      double w = MAX (x1 - x0, 1.0);

      gantry_cairo_set_color (cr, GANTRY_C_TEXT, 1.0);
      cairo_rectangle (cr, x0, cy - 3.0, w, 3.0);
      cairo_fill (cr);
      cairo_move_to (cr, x0, cy);
      cairo_line_to (cr, x0 + 3.5, cy);
      cairo_line_to (cr, x0, cy + 3.5);
      cairo_close_path (cr);
      cairo_move_to (cr, x0 + w, cy);
      cairo_line_to (cr, x0 + w - 3.5, cy);
      cairo_line_to (cr, x0 + w, cy + 3.5);
      cairo_close_path (cr);
      cairo_fill (cr);
      return;
    }

  gantry_cairo_set_color (cr, row->critical ? GANTRY_C_CRITICAL : GANTRY_C_BAR, 1.0);
  cairo_rectangle (cr, x0, cy - 3.5, MAX (x1 - x0, 0.8), 6.0);
  cairo_fill (cr);
  if (row->percent > 0)
    {
      gantry_cairo_set_color (cr, GANTRY_C_TEXT, 0.75);
      cairo_rectangle (cr, x0, cy - 1.5, MAX ((x1 - x0) * MIN (row->percent, 100) / 100.0, 0.5),
                       2.0);
      cairo_fill (cr);
    }
}

static void
arrow_head (cairo_t *cr,
            double   x,
            double   y,
            double   dx,
            double   dy)
{
  double s = 2.6;

  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x - dx * s * 1.4 - dy * s, y - dy * s * 1.4 - dx * s);
  cairo_line_to (cr, x - dx * s * 1.4 + dy * s, y - dy * s * 1.4 + dx * s);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* An elbow connector in MS Project's manner: out of the predecessor's
 * end (or start), then down or up into the successor. */
static void
draw_link (cairo_t *cr,
           Gantt   *g,
           Link    *l,
           guint    first_row)
{
  Row *p = &g->rows[l->pred], *s = &g->rows[l->succ];
  double yp = SCALE_H + ((double) l->pred - first_row) * ROW_H + ROW_H / 2;
  double ys = SCALE_H + ((double) l->succ - first_row) * ROW_H + ROW_H / 2;
  double dir = ys > yp ? 1 : -1;
  double reach = s->milestone ? 4.6 : 4.0;
  double ps, pf, ss, sf;

  if (p->start == GANTRY_TIME_NONE || p->finish == GANTRY_TIME_NONE
      || s->start == GANTRY_TIME_NONE || s->finish == GANTRY_TIME_NONE)
    return;
  ps = chart_x (g, p->start);
  pf = chart_x (g, MAX (p->finish, p->start));
  ss = chart_x (g, s->start);
  sf = chart_x (g, MAX (s->finish, s->start));

  gantry_cairo_set_color (cr, p->critical && s->critical ? GANTRY_C_CRITICAL : GANTRY_C_MUTED,
                          1.0);
  cairo_set_line_width (cr, 0.6);
  switch (l->type)
    {
    case GANTRY_LINK_SS:
      {
        double x = MIN (ps, ss) - 4;

        cairo_move_to (cr, ps, yp);
        cairo_line_to (cr, x, yp);
        cairo_line_to (cr, x, ys);
        cairo_line_to (cr, ss - 2, ys);
        cairo_stroke (cr);
        arrow_head (cr, ss - (s->milestone ? 4.2 : 0), ys, 1, 0);
      }
      break;
    case GANTRY_LINK_FF:
    case GANTRY_LINK_SF:
      {
        double from = l->type == GANTRY_LINK_FF ? pf : ps;
        double x = MAX (from, sf) + 4;

        cairo_move_to (cr, from, yp);
        cairo_line_to (cr, x, yp);
        cairo_line_to (cr, x, ys);
        cairo_line_to (cr, sf + 2, ys);
        cairo_stroke (cr);
        arrow_head (cr, sf + (s->milestone ? 4.2 : 0), ys, -1, 0);
      }
      break;
    case GANTRY_LINK_FS:
    default:
      {
        double x = MAX (ss + 2.5, pf + 3);

        cairo_move_to (cr, pf, yp);
        cairo_line_to (cr, x, yp);
        cairo_line_to (cr, x, ys - dir * (reach + 2));
        cairo_stroke (cr);
        arrow_head (cr, x, ys - dir * reach, 0, dir);
      }
      break;
    }
}

static guint
links_lower_bound (Gantt *g,
                   guint  row,
                   gboolean by_hi)
{
  guint lo = 0, hi = by_hi ? g->links_by_hi->len : g->links->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      Link *l = by_hi ? &g_array_index (g->links, Link,
                                        g_array_index (g->links_by_hi, guint, mid))
                      : &g_array_index (g->links, Link, mid);

      if ((by_hi ? l->hi : l->lo) < row)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Links touching rows [first, last): those starting on the page, and
 * those coming into it from above.  (A link passing right through a page
 * without touching one of its rows is not drawn there.) */
static void
draw_links (cairo_t *cr,
            Gantt   *g,
            guint    first,
            guint    last)
{
  if (g->links == NULL || g->links->len == 0)
    return;
  for (guint i = links_lower_bound (g, first, FALSE); i < g->links->len; i++)
    {
      Link *l = &g_array_index (g->links, Link, i);

      if (l->lo >= last)
        break;
      draw_link (cr, g, l, first);
    }
  for (guint i = links_lower_bound (g, first, TRUE); i < g->links_by_hi->len; i++)
    {
      Link *l = &g_array_index (g->links, Link, g_array_index (g->links_by_hi, guint, i));

      if (l->hi >= last)
        break;
      if (l->lo < first)
        draw_link (cr, g, l, first);
    }
}

static void
draw_canvas (GantryReportDoc *doc,
             cairo_t         *cr,
             Gantt           *g,
             guint            first_row,
             guint            last_row,
             double           vx0,
             double           vx1)
{
  double body_h = (last_row - first_row) * ROW_H;
  double cx0 = MAX (vx0, g->table_w), cx1 = MIN (vx1, g->table_w + g->chart_w);

  /* Non-working days. */
  if (g->nonworking != NULL && g->day_w * g->scale >= 1.5 && cx1 > cx0)
    {
      gint64 d0 = MAX (0, (gint64) floor ((cx0 - g->table_w) / g->day_w));
      gint64 d1 = MIN (g->n_days, (gint64) ceil ((cx1 - g->table_w) / g->day_w));

      gantry_cairo_set_color (cr, GANTRY_C_ZEBRA, 1.0);
      for (gint64 d = d0; d < d1; d++)
        if (g->nonworking[d])
          cairo_rectangle (cr, g->table_w + d * g->day_w, SCALE_H, g->day_w, body_h);
      cairo_fill (cr);
    }

  /* Row rules. */
  gantry_cairo_set_color (cr, GANTRY_C_RULE, 1.0);
  cairo_set_line_width (cr, 0.3);
  for (guint r = first_row; r <= last_row; r++)
    {
      double y = SCALE_H + (r - first_row) * ROW_H;

      cairo_move_to (cr, vx0, y);
      cairo_line_to (cr, MIN (vx1, g->table_w + g->chart_w), y);
    }
  cairo_stroke (cr);

  if (vx0 < g->table_w)
    {
      double x = 0;

      draw_table_header (doc, cr, g);
      gantry_cairo_set_color (cr, GANTRY_C_RULE, 1.0);
      cairo_set_line_width (cr, 0.5);
      for (guint c = 0; c < G_N_ELEMENTS (column_titles); c++)
        {
          x += g->col_w[c];
          cairo_move_to (cr, x, SCALE_H);
          cairo_line_to (cr, x, SCALE_H + body_h);
        }
      cairo_stroke (cr);
      for (guint r = first_row; r < last_row; r++)
        draw_row_cells (doc, cr, g, &g->rows[r], SCALE_H + (r - first_row) * ROW_H);
    }

  if (cx1 > cx0)
    {
      draw_timescale (doc, cr, g, cx0, cx1);
      cairo_save (cr);
      cairo_rectangle (cr, g->table_w, SCALE_H, g->chart_w, body_h);
      cairo_clip (cr);
      draw_links (cr, g, first_row, last_row);
      for (guint r = first_row; r < last_row; r++)
        draw_bar (cr, g, &g->rows[r], SCALE_H + (r - first_row) * ROW_H);
      if (g->status_date != GANTRY_TIME_NONE && g->status_date >= g->from
          && g->status_date <= g->to)
        {
          double sx = time_x (g, g->status_date);
          double dash[] = { 3, 2 };

          gantry_cairo_set_color (cr, GANTRY_C_CRITICAL, 1.0);
          cairo_set_line_width (cr, 0.8);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, sx, SCALE_H);
          cairo_line_to (cr, sx, SCALE_H + body_h);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      cairo_restore (cr);
    }

  /* Frame. */
  gantry_cairo_set_color (cr, GANTRY_C_MUTED, 1.0);
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, vx0, 0, MIN (vx1, g->table_w + g->chart_w) - vx0, SCALE_H + body_h);
  cairo_stroke (cr);
  if (vx0 < g->table_w && vx1 > g->table_w)
    {
      cairo_move_to (cr, g->table_w, 0);
      cairo_line_to (cr, g->table_w, SCALE_H + body_h);
      cairo_stroke (cr);
    }
}

static void
draw_legend (GantryReportDoc *doc,
             cairo_t         *cr,
             double           x,
             double           y)
{
  struct { const char *label; int kind; guint32 color; } items[] = {
    { N_("Task"), 0, GANTRY_C_BAR },
    { N_("Critical task"), 0, GANTRY_C_CRITICAL },
    { N_("Progress"), 1, GANTRY_C_TEXT },
    { N_("Baseline"), 2, GANTRY_C_BASELINE },
    { N_("Summary"), 3, GANTRY_C_TEXT },
    { N_("Milestone"), 4, GANTRY_C_TEXT },
    { N_("Status date"), 5, GANTRY_C_CRITICAL },
  };
  double cy = y + 7;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(PangoLayout) l = gantry_report_doc_layout (doc, _(items[i].label), "Sans 7", -1,
                                                           FALSE, PANGO_ALIGN_LEFT);
      double tw;

      gantry_cairo_set_color (cr, items[i].color, 1.0);
      switch (items[i].kind)
        {
        case 0:
          cairo_rectangle (cr, x, cy - 3.5, 18, 6);
          cairo_fill (cr);
          break;
        case 1:
          gantry_cairo_set_color (cr, GANTRY_C_BAR, 1.0);
          cairo_rectangle (cr, x, cy - 3.5, 18, 6);
          cairo_fill (cr);
          gantry_cairo_set_color (cr, GANTRY_C_TEXT, 0.75);
          cairo_rectangle (cr, x, cy - 1.5, 10, 2);
          cairo_fill (cr);
          break;
        case 2:
          cairo_rectangle (cr, x, cy, 18, 2.2);
          cairo_fill (cr);
          break;
        case 3:
          cairo_rectangle (cr, x, cy - 3, 18, 3);
          cairo_move_to (cr, x, cy);
          cairo_line_to (cr, x + 3.5, cy);
          cairo_line_to (cr, x, cy + 3.5);
          cairo_close_path (cr);
          cairo_move_to (cr, x + 18, cy);
          cairo_line_to (cr, x + 14.5, cy);
          cairo_line_to (cr, x + 18, cy + 3.5);
          cairo_close_path (cr);
          cairo_fill (cr);
          break;
        case 4:
          cairo_move_to (cr, x + 9, cy - 4.2);
          cairo_line_to (cr, x + 13.2, cy);
          cairo_line_to (cr, x + 9, cy + 4.2);
          cairo_line_to (cr, x + 4.8, cy);
          cairo_close_path (cr);
          cairo_fill (cr);
          break;
        default:
          {
            double dash[] = { 3, 2 };

            cairo_set_line_width (cr, 0.8);
            cairo_set_dash (cr, dash, 2, 0);
            cairo_move_to (cr, x + 9, cy - 5);
            cairo_line_to (cr, x + 9, cy + 5);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
          }
          break;
        }
      gantry_layout_size (l, &tw, NULL);
      gantry_cairo_set_color (cr, GANTRY_C_MUTED, 1.0);
      cairo_move_to (cr, x + 22, y + 2);
      pango_cairo_show_layout (cr, l);
      x += 22 + tw + 14;
    }
}

static void
gantt_render_page (GantryReportDoc *doc,
                   cairo_t         *cr,
                   guint            page)
{
  Gantt *g = doc->impl;
  guint pr = page / g->n_across, pc = page % g->n_across;
  guint first = pr * g->rows_per_page;
  guint last = MIN (first + g->rows_per_page, g->n_rows);
  double bx, by, bw, bh, x0, width;
  g_autofree char *where = NULL;

  gantry_report_doc_body (doc, &bx, &by, &bw, &bh);
  x0 = slice_x0 (doc, g, pc);
  width = pc == 0 ? slice_first (doc, g) : slice_next (doc, g);

  cairo_save (cr);
  cairo_translate (cr, bx, by);
  cairo_rectangle (cr, 0, 0, bw, bh - LEGEND_H);
  cairo_clip (cr);
  cairo_scale (cr, g->scale, g->scale);
  if (pc > 0)
    {
      /* The repeated ID column. */
      Gantt ids = *g;

      cairo_save (cr);
      cairo_rectangle (cr, 0, 0, ID_W, SCALE_H + (last - first) * ROW_H + 1);
      cairo_clip (cr);
      ids.table_w = ID_W;
      ids.col_w[1] = ids.col_w[2] = ids.col_w[3] = ids.col_w[4] = 0;
      ids.col_w[0] = ID_W;
      ids.chart_w = 0;
      draw_canvas (doc, cr, &ids, first, last, 0, ID_W);
      cairo_restore (cr);
      cairo_translate (cr, ID_W, 0);
    }
  cairo_translate (cr, -x0, 0);
  cairo_rectangle (cr, x0, 0, width, SCALE_H + (last - first) * ROW_H + 1);
  cairo_clip (cr);
  draw_canvas (doc, cr, g, first, last, x0, x0 + width);
  cairo_restore (cr);

  draw_legend (doc, cr, bx, by + bh - LEGEND_H + 4);
  if (g->n_across > 1 || g->n_down > 1)
    {
      /* Translators: where a printed Gantt page sits: rows, then the part across */
      where = g_strdup_printf (_("Rows %u–%u · part %u of %u across"),
                               first + 1, last, pc + 1, g->n_across);
      /* In the footer band, between "Printed …" and "Page x of y". */
      gantry_report_doc_draw_text (doc, cr, where, "Sans 7.5", bx + bw * 0.3,
                                   doc->setup.height - doc->setup.margin_bottom - 10.0,
                                   bw * 0.4, PANGO_ALIGN_CENTER, GANTRY_C_MUTED);
    }
}

static int
cmp_link_lo (gconstpointer a,
             gconstpointer b)
{
  const Link *x = a, *y = b;

  return x->lo < y->lo ? -1 : (x->lo > y->lo ? 1 : 0);
}

static int
cmp_link_hi (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  GArray *links = user_data;
  const Link *x = &g_array_index (links, Link, *(const guint *) a);
  const Link *y = &g_array_index (links, Link, *(const guint *) b);

  return x->hi < y->hi ? -1 : (x->hi > y->hi ? 1 : 0);
}

static void
collect_links (Gantt         *g,
               GantryProject *project,
               GHashTable    *row_of)
{
  GListModel *links = gantry_project_get_links (project);
  guint n = links != NULL ? g_list_model_get_n_items (links) : 0;

  g->links = g_array_sized_new (FALSE, FALSE, sizeof (Link), n);
  g->links_by_hi = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GantryLink) link = g_list_model_get_item (links, i);
      guint p = GPOINTER_TO_UINT (g_hash_table_lookup (row_of,
                                                       gantry_link_get_predecessor (link)));
      guint s = GPOINTER_TO_UINT (g_hash_table_lookup (row_of,
                                                       gantry_link_get_successor (link)));
      Link l;

      if (p == 0 || s == 0 || p == s)
        continue;   /* a blank row or a task not in the outline */
      l.pred = p - 1;
      l.succ = s - 1;
      l.lo = MIN (l.pred, l.succ);
      l.hi = MAX (l.pred, l.succ);
      l.type = gantry_link_get_link_type (link);
      g_array_append_val (g->links, l);
    }
  g_array_sort (g->links, cmp_link_lo);
  for (guint i = 0; i < g->links->len; i++)
    g_array_append_val (g->links_by_hi, i);
  g_array_sort_with_data (g->links_by_hi, cmp_link_hi, g->links);
}

static char *
format_duration (GantryProject *project,
                 GantryTask    *task)
{
  GantryDurationContext ctx = GANTRY_DURATION_CONTEXT_DEFAULT;
  GantryDurationFormat fmt = gantry_task_get_duration_format (task);

  gantry_project_get_duration_context (project, &ctx);
  if (!gantry_format_is_valid (fmt) || gantry_format_is_percent (fmt))
    fmt = GANTRY_FORMAT_DAYS;
  return gantry_duration_format_short (gantry_task_get_duration (task), fmt, &ctx);
}

static gboolean
time_in_range_or_none (GantryTime t)
{
  return t == GANTRY_TIME_NONE || (t >= GANTRY_TIME_MIN && t <= GANTRY_TIME_MAX);
}

GantryReportDoc *
gantry_gantt_print_layout (GantryProject                 *project,
                           const GantryPageSetup         *setup,
                           const GantryGanttPrintOptions *opts,
                           GError                       **error)
{
  GantryGanttPrintOptions defaults;
  GantryPageSetup own;
  GantryReportDoc *doc;
  GPtrArray *tasks;
  Gantt *g;
  GantryTime lo = G_MAXINT64, hi = G_MININT64;
  GHashTable *row_of;
  double bx, by, bw, bh, avail_h;
  guint pages_wide;
  g_autofree char *from_s = NULL, *to_s = NULL, *today = NULL;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), NULL);

  if (opts == NULL)
    {
      gantry_gantt_print_options_init (&defaults);
      opts = &defaults;
    }
  if (setup == NULL)
    {
      if (!gantry_report_page_setup_from_options (&own, opts->paper, opts->orientation,
                                                  opts->margin_mm, error))
        return NULL;
      setup = &own;
    }
  else if (!gantry_page_setup_is_valid (setup))
    {
      g_set_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS,
                   _("The page is too small to print on."));
      return NULL;
    }
  pages_wide = opts->pages_wide == 0 ? 1 : opts->pages_wide;
  if (!opts->tiled && pages_wide > 100)
    {
      g_set_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS,
                   _("Pages wide must be between 1 and 100, not %u."), pages_wide);
      return NULL;
    }
  if (!isfinite (opts->day_width) || opts->day_width < 0 || opts->day_width > 500)
    {
      g_set_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS,
                   _("The day width must be between 0 and 500 points."));
      return NULL;
    }
  if (!time_in_range_or_none (opts->from) || !time_in_range_or_none (opts->to))
    {
      g_set_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS,
                   _("The date range is out of range."));
      return NULL;
    }
  if (opts->from != GANTRY_TIME_NONE && opts->to != GANTRY_TIME_NONE && opts->to < opts->from)
    {
      g_autofree char *a = gantry_report_format_date (opts->from);
      g_autofree char *b = gantry_report_format_date (opts->to);

      g_set_error (error, GANTRY_REPORT_ERROR, GANTRY_REPORT_ERROR_INVALID_OPTIONS,
                   _("The date range ends (%s) before it starts (%s)."), b, a);
      return NULL;
    }

  g = g_new0 (Gantt, 1);
  row_of = g_hash_table_new (NULL, NULL);
  tasks = gantry_project_get_all_tasks (project);
  g->rows = g_new0 (Row, tasks != NULL ? tasks->len : 0);
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      GantryTask *task = g_ptr_array_index (tasks, i);
      const GantryBaseline *bl = gantry_task_get_baseline (task, 0);
      Row *row;
      const char *name;

      if (gantry_task_get_is_null (task))
        continue;
      g_hash_table_insert (row_of, task, GUINT_TO_POINTER (g->n_rows + 1));
      row = &g->rows[g->n_rows++];
      name = gantry_task_get_name (task);
      row->id = gantry_task_get_id (task);
      row->level = gantry_task_get_outline_level (task);
      row->name = g_strdup (name != NULL ? name : "");
      row->duration = format_duration (project, task);
      row->start = gantry_task_get_start (task);
      row->finish = gantry_task_get_finish (task);
      row->bl_start = bl != NULL ? bl->start : GANTRY_TIME_NONE;
      row->bl_finish = bl != NULL ? bl->finish : GANTRY_TIME_NONE;
      row->percent = gantry_task_get_percent_complete (task);
      row->summary = gantry_task_get_summary (task);
      row->milestone = gantry_task_get_milestone (task);
      row->critical = gantry_task_get_critical (task);
      if (row->start != GANTRY_TIME_NONE && row->start >= GANTRY_TIME_MIN
          && row->start <= GANTRY_TIME_MAX)
        lo = MIN (lo, row->start);
      if (row->finish != GANTRY_TIME_NONE && row->finish >= GANTRY_TIME_MIN
          && row->finish <= GANTRY_TIME_MAX)
        hi = MAX (hi, row->finish);
    }

  collect_links (g, project, row_of);
  g_hash_table_unref (row_of);

  /* The range: whole days, with a little air around the project. */
  if (opts->from != GANTRY_TIME_NONE)
    g->from = gantry_time_day_start (opts->from);
  else if (lo != G_MAXINT64)
    g->from = gantry_time_day_start (lo) - 2 * GANTRY_MS_DAY;
  else
    g->from = gantry_time_day_start (gantry_project_get_start (project) != GANTRY_TIME_NONE
                                     ? gantry_project_get_start (project)
                                     : gantry_report_today ());
  if (opts->to != GANTRY_TIME_NONE)
    g->to = gantry_time_day_start (opts->to) + GANTRY_MS_DAY;
  else if (hi != G_MININT64 && hi > g->from)
    g->to = gantry_time_day_start (hi) + 3 * GANTRY_MS_DAY;
  else
    g->to = g->from + 28 * GANTRY_MS_DAY;
  /* Keep the range (and its padding) inside years 1..9999. */
  g->from = MAX (g->from, gantry_time_day_start (GANTRY_TIME_MIN));
  g->to = MIN (g->to, gantry_time_day_start (GANTRY_TIME_MAX));
  g->n_days = MAX ((g->to - g->from) / GANTRY_MS_DAY, 1);
  g->to = g->from + g->n_days * GANTRY_MS_DAY;
  g->status_date = opts->status_date != GANTRY_TIME_NONE
                   ? opts->status_date : gantry_project_get_status_date (project);

  if (g->n_days <= 20000)
    {
      GantryCalendar *cal = gantry_project_get_calendar (project);

      g->nonworking = g_new0 (guint8, g->n_days);
      for (gint64 d = 0; d < g->n_days; d++)
        {
          GantryTime t = g->from + d * GANTRY_MS_DAY;

          if (cal != NULL)
            {
              GantryDayDef def;

              gantry_calendar_resolve_day (cal, gantry_time_day_number (t), &def);
              g->nonworking[d] = def.kind == GANTRY_DAY_NONWORKING;
            }
          else
            {
              int wd = gantry_time_weekday (t);

              g->nonworking[d] = wd == 0 || wd == 6;
            }
        }
    }

  doc = gantry_report_doc_new (setup);
  doc->impl = g;
  doc->impl_free = gantt_free;
  doc->render_body = gantt_render_page;
  gantry_report_doc_body (doc, &bx, &by, &bw, &bh);

  g->col_w[0] = ID_W;
  g->col_w[1] = 170;
  g->col_w[2] = 44;
  g->col_w[3] = 58;
  g->col_w[4] = 58;
  g->table_w = 0;
  for (guint c = 0; c < 5; c++)
    g->table_w += g->col_w[c];

  if (opts->tiled)
    {
      double extra;

      g->scale = 1.0;
      if (opts->day_width > 0)
        g->day_w = opts->day_width;
      else if (g->n_days <= 70)
        g->day_w = 16;
      else if (g->n_days <= 550)
        g->day_w = 5;
      else
        g->day_w = 1.2;
      g->chart_w = g->day_w * g->n_days;
      extra = g->table_w + g->chart_w - bw;
      g->n_across = 1;
      if (extra > 0.01)
        g->n_across += (guint) ceil (extra / (bw - ID_W) - 1e-9);
    }
  else
    {
      double need = g->table_w + MIN_CHART_W + (pages_wide - 1) * ID_W;

      g->scale = MIN (1.0, pages_wide * bw / need);
      g->chart_w = pages_wide * bw / g->scale - (pages_wide - 1) * ID_W - g->table_w;
      g->day_w = g->chart_w / g->n_days;
      g->n_across = pages_wide;
    }

  avail_h = bh - LEGEND_H - 4;
  g->rows_per_page = (guint) MAX (1, floor ((avail_h / g->scale - SCALE_H) / ROW_H));
  g->n_down = MAX (1, (g->n_rows + g->rows_per_page - 1) / g->rows_per_page);
  doc->n_pages = g->n_across * g->n_down;

  from_s = gantry_report_format_date (g->from);
  to_s = gantry_report_format_date (g->to - GANTRY_MS_DAY);
  today = gantry_report_format_date (gantry_report_today ());
  doc->title = gantry_report_dup_project_title (project);
  /* Translators: Gantt printout header, "Gantt chart · 2 Mar 2026 – 30 Jun 2026" */
  doc->subtitle = g_strdup_printf (_("Gantt chart · %s – %s"), from_s, to_s);
  doc->footer = g_strdup_printf (_("Printed %s"), today);
  return doc;
}

gboolean
gantry_gantt_print_write_pdf (GantryProject                 *project,
                              const char                    *path,
                              const GantryGanttPrintOptions *opts,
                              GError                       **error)
{
  g_autoptr(GantryReportDoc) doc = NULL;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  doc = gantry_gantt_print_layout (project, NULL, opts, error);
  if (doc == NULL)
    return FALSE;
  return gantry_report_doc_write_pdf (doc, path, error);
}
