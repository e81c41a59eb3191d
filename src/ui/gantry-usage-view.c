/* gantry-usage-view.c — resource usage: timephased work and histogram
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scrollable widget (GtkScrollable, inside a GtkScrolledWindow) drawn
 * with render nodes: a frozen left panel (names and total work), a
 * timescale header, and the grid.  Only visible rows and periods are drawn.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "gantry-usage-view.h"
#include "gantry-resource-engine.h"
#include "gantry-workcal.h"

#define NONE GANTRY_TIME_NONE
#define ROW_H 26
#define LANE_H 40
#define HEADER_H 44
#define LEFT_W 260
#define MAX_PERIODS 4000

typedef struct
{
  gboolean          is_resource;
  GantryResource   *resource;     /* borrowed */
  GantryAssignment *assignment;   /* borrowed; NULL on resource rows */
  char             *label;
  GantryDuration    total;
  gint64           *work;         /* per period */
  guint8           *over;         /* per period (resource rows) */
  double           *load;         /* per period (resource rows) */
  double            max_units;
  int               y;            /* top, in content coordinates */
  int               h;            /* row (+ lane) height */
} Row;

struct _GantryUsageView
{
  GtkWidget        parent_instance;

  GantryProject   *project;
  GantryUsageZoom  zoom;
  GArray          *periods;      /* GantryTime boundaries, n + 1 */
  GByteArray      *nonworking;   /* per period: no work on the project calendar */
  GPtrArray       *rows;         /* Row* */
  GantryWorkCalCache *cache;
  int              content_h;
  guint            n_over_cells;

  GtkAdjustment   *hadj, *vadj;
  GtkScrollablePolicy hpolicy, vpolicy;
};

enum { PROP_0, PROP_HADJUSTMENT, PROP_VADJUSTMENT, PROP_HSCROLL_POLICY, PROP_VSCROLL_POLICY };

G_DEFINE_FINAL_TYPE_WITH_CODE (GantryUsageView, gantry_usage_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static void
row_free (Row *r)
{
  g_free (r->label);
  g_free (r->work);
  g_free (r->over);
  g_free (r->load);
  g_free (r);
}

static int
col_width (GantryUsageView *self)
{
  switch (self->zoom)
    {
    case GANTRY_USAGE_DAY:   return 48;
    case GANTRY_USAGE_WEEK:  return 64;
    case GANTRY_USAGE_MONTH: return 84;
    default:                 return 64;
    }
}

static GantryTime
period_floor (GantryUsageView *self, GantryTime t, int week_start)
{
  gint64 day = gantry_time_day_number (t);
  int y, m, d, h, mi, s;

  switch (self->zoom)
    {
    case GANTRY_USAGE_WEEK:
      {
        /* day 0 (1970-01-01) was a Thursday (weekday 4, Sunday = 0) */
        int wd = (int) (((day + 4) % 7 + 7) % 7);
        day -= ((wd - week_start) % 7 + 7) % 7;
        return day * GANTRY_MS_DAY;
      }
    case GANTRY_USAGE_MONTH:
      gantry_time_split (t, &y, &m, &d, &h, &mi, &s);
      return gantry_time_make (y, m, 1, 0, 0, 0);
    case GANTRY_USAGE_DAY:
    default:
      return day * GANTRY_MS_DAY;
    }
}

static GantryTime
period_next (GantryUsageView *self, GantryTime t)
{
  int y, m, d, h, mi, s;

  switch (self->zoom)
    {
    case GANTRY_USAGE_WEEK:
      return t + 7 * GANTRY_MS_DAY;
    case GANTRY_USAGE_MONTH:
      gantry_time_split (t, &y, &m, &d, &h, &mi, &s);
      return m == 12 ? gantry_time_make (y + 1, 1, 1, 0, 0, 0) : gantry_time_make (y, m + 1, 1, 0, 0, 0);
    case GANTRY_USAGE_DAY:
    default:
      return t + GANTRY_MS_DAY;
    }
}

/* The first period whose end is after t. */
static guint
period_index (GantryUsageView *self, GantryTime t)
{
  guint lo = 0, hi = self->periods->len - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (self->periods, GantryTime, mid + 1) <= t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static GantryWorkCal *
cal_of (GantryUsageView *self, GantryResource *r)
{
  GantryCalendar *c = gantry_resource_get_calendar (r);

  return gantry_workcal_cache_get (self->cache,
                                   c != NULL ? c : gantry_project_get_calendar (self->project));
}

/* The assignment's work per period, as the engine shapes it (its
 * calendar, task ∩ resource, and its work contour's segments): each cell
 * is the difference of the rounded work before its bounds, so the cells
 * add up to the assignment's work. */
static void
spread (GantryUsageView *self, Row *row, GantryAssignment *a)
{
  guint np = self->periods->len - 1, i;
  GantryWorkShape sh;
  gint64 before;

  if (np == 0 || !gantry_assignment_get_work_shape (a, self->cache, &sh))
    return;
  i = period_index (self, sh.bound[0]);
  before = llround (gantry_work_shape_work_before (&sh, g_array_index (self->periods, GantryTime, i)));
  for (; i < np; i++)
    {
      GantryTime p1 = g_array_index (self->periods, GantryTime, i + 1);
      gint64 upto = llround (gantry_work_shape_work_before (&sh, p1));

      row->work[i] += upto - before;
      before = upto;
      if (p1 >= sh.bound[sh.n])
        break;
    }
}

static void
configure_adjustments (GantryUsageView *self)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  int content_w = (int) (self->periods->len > 0 ? self->periods->len - 1 : 0) * col_width (self);
  int view_w = MAX (w - LEFT_W, 1), view_h = MAX (h - HEADER_H, 1);

  if (self->hadj != NULL)
    gtk_adjustment_configure (self->hadj,
                              CLAMP (gtk_adjustment_get_value (self->hadj), 0, MAX (content_w - view_w, 0)),
                              0, MAX (content_w, view_w), col_width (self), view_w * 0.9, view_w);
  if (self->vadj != NULL)
    gtk_adjustment_configure (self->vadj,
                              CLAMP (gtk_adjustment_get_value (self->vadj), 0, MAX (self->content_h - view_h, 0)),
                              0, MAX (self->content_h, view_h), ROW_H, view_h * 0.9, view_h);
}

void
gantry_usage_view_refresh (GantryUsageView *self)
{
  GListModel *resources;
  g_autoptr(GArray) over = NULL;
  GantryTime start = NONE, finish = NONE, t;
  guint i, k, n_res, np;
  int y = 0, week_start = 1;

  g_return_if_fail (GANTRY_IS_USAGE_VIEW (self));

  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->periods, 0);
  g_byte_array_set_size (self->nonworking, 0);
  self->n_over_cells = 0;
  self->content_h = 0;
  if (self->project == NULL)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  g_object_get (self->project, "week-start-day", &week_start, NULL);

  /* the range: every assignment, or the project */
  resources = gantry_project_get_resources (self->project);
  n_res = g_list_model_get_n_items (resources);
  for (i = 0; i < n_res; i++)
    {
      g_autoptr(GantryResource) r = g_list_model_get_item (resources, i);
      GPtrArray *as = gantry_resource_get_assignments (r);

      for (k = 0; as != NULL && k < as->len; k++)
        {
          GantryAssignment *a = g_ptr_array_index (as, k);
          GantryTime s = gantry_assignment_get_start (a), f = gantry_assignment_get_finish (a);
          if (s != NONE && (start == NONE || s < start))
            start = s;
          if (f != NONE && (finish == NONE || f > finish))
            finish = f;
        }
    }
  if (start == NONE)
    start = gantry_project_get_start (self->project);
  if (finish == NONE)
    finish = gantry_project_get_finish (self->project);
  if (start == NONE)
    start = gantry_time_make (2026, 1, 1, 0, 0, 0);
  if (finish == NONE || finish < start)
    finish = start;
  for (t = period_floor (self, start, week_start);
       self->periods->len < MAX_PERIODS && (self->periods->len < 2 || t <= finish);
       t = period_next (self, t))
    g_array_append_val (self->periods, t);
  /* at least a screenful of periods after the end */
  for (i = 0; i < 4 && self->periods->len < MAX_PERIODS; i++)
    {
      g_array_append_val (self->periods, t);
      t = period_next (self, t);
    }
  np = self->periods->len - 1;
  g_byte_array_set_size (self->nonworking, np);
  {
    GantryWorkCal *pc = gantry_workcal_cache_get (self->cache, gantry_project_get_calendar (self->project));
    for (i = 0; i < np; i++)
      self->nonworking->data[i] = gantry_workcal_work_between (pc, g_array_index (self->periods, GantryTime, i),
                                                               g_array_index (self->periods, GantryTime, i + 1)) == 0;
  }

  over = gantry_resources_find_overallocations (self->project);
  for (i = 0; i < n_res; i++)
    {
      g_autoptr(GantryResource) r = g_list_model_get_item (resources, i);
      GPtrArray *as = gantry_resource_get_assignments (r);
      GantryWorkCal *cal;
      Row *rr;

      if (gantry_resource_get_resource_type (r) != GANTRY_RESOURCE_WORK)
        continue;
      cal = cal_of (self, r);
      rr = g_new0 (Row, 1);
      rr->is_resource = TRUE;
      rr->resource = r;
      rr->label = g_strdup (gantry_resource_get_name (r) ? gantry_resource_get_name (r) : "");
      rr->work = g_new0 (gint64, np);
      rr->over = g_new0 (guint8, np);
      rr->load = g_new0 (double, np);
      rr->max_units = gantry_resource_get_max_units (r);
      rr->y = y;
      rr->h = ROW_H + LANE_H;
      y += rr->h;
      g_ptr_array_add (self->rows, rr);
      for (k = 0; as != NULL && k < as->len; k++)
        {
          GantryAssignment *a = g_ptr_array_index (as, k);
          GantryTask *task = gantry_assignment_get_task (a);
          Row *ar = g_new0 (Row, 1);
          guint p;

          ar->resource = r;
          ar->assignment = a;
          ar->label = g_strdup (task != NULL && gantry_task_get_name (task) ? gantry_task_get_name (task) : "");
          ar->work = g_new0 (gint64, np);
          ar->total = gantry_assignment_get_work (a);
          ar->y = y;
          ar->h = ROW_H;
          y += ROW_H;
          g_ptr_array_add (self->rows, ar);
          spread (self, ar, a);
          for (p = 0; p < np; p++)
            rr->work[p] += ar->work[p];
          rr->total += ar->total;
        }
      for (k = 0; k < np; k++)
        {
          GantryTime p0 = g_array_index (self->periods, GantryTime, k);
          GantryTime p1 = g_array_index (self->periods, GantryTime, k + 1);
          double cap = rr->max_units * gantry_workcal_work_between (cal, p0, p1);

          rr->load[k] = cap > 0 ? rr->work[k] / cap : (rr->work[k] > 0 ? 9.99 : 0);
        }
    }
  /* over-allocated periods, from the engine's sweep */
  for (i = 0; i < over->len; i++)
    {
      const GantryOverallocation *o = &g_array_index (over, GantryOverallocation, i);

      for (k = 0; k < self->rows->len; k++)
        {
          Row *rr = g_ptr_array_index (self->rows, k);
          guint p;

          if (!rr->is_resource || rr->resource != o->resource)
            continue;
          for (p = period_index (self, o->start); p < np; p++)
            {
              if (g_array_index (self->periods, GantryTime, p) >= o->finish)
                break;
              /* a period inside the over-allocation without work (a
               * weekend) is not marked */
              if (rr->work[p] == 0)
                continue;
              if (!rr->over[p])
                self->n_over_cells++;
              rr->over[p] = 1;
            }
          break;
        }
    }
  self->content_h = y;
  configure_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- drawing -------------------------------------------------------------- */

typedef struct
{
  GdkRGBA fg, dim, base, header, grid, over, over_bg, over_text, bar, line, res_bg;
} Palette;

static void
mix (GdkRGBA *out, const GdkRGBA *a, const GdkRGBA *b, float t)
{
  out->red = a->red + (b->red - a->red) * t;
  out->green = a->green + (b->green - a->green) * t;
  out->blue = a->blue + (b->blue - a->blue) * t;
  out->alpha = 1;
}

static void
palette (GtkWidget *w, Palette *p)
{
  GtkStyleContext *ctx = gtk_widget_get_style_context (w);
  gboolean dark;

  gtk_style_context_get_color (ctx, &p->fg);
  if (!gtk_style_context_lookup_color (ctx, "view_bg_color", &p->base)
      && !gtk_style_context_lookup_color (ctx, "theme_base_color", &p->base))
    gdk_rgba_parse (&p->base, "#ffffff");
  dark = 0.2126 * p->base.red + 0.7152 * p->base.green + 0.0722 * p->base.blue < 0.45;
  mix (&p->dim, &p->base, &p->fg, 0.6f);
  mix (&p->header, &p->base, &p->fg, dark ? 0.08f : 0.05f);
  mix (&p->res_bg, &p->base, &p->fg, dark ? 0.05f : 0.03f);
  mix (&p->grid, &p->base, &p->fg, dark ? 0.16f : 0.12f);
  gdk_rgba_parse (&p->over, dark ? "#ff7b63" : "#c01c28");
  p->over_bg = p->over;
  p->over_bg.alpha = dark ? 0.22f : 0.16f;
  /* text on the red cells: the theme's text in the dark (contrast) */
  p->over_text = dark ? p->fg : p->over;
  if (!gtk_style_context_lookup_color (ctx, "accent_bg_color", &p->bar)
      && !gtk_style_context_lookup_color (ctx, "theme_selected_bg_color", &p->bar))
    gdk_rgba_parse (&p->bar, "#3584e4");
  p->line = p->fg;
  p->line.alpha = 0.55f;
}

static void
rect (GtkSnapshot *s, const GdkRGBA *c, float x, float y, float w, float h)
{
  gtk_snapshot_append_color (s, c, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static void
text (GtkWidget *w, GtkSnapshot *s, const GdkRGBA *c, const char *str, float x, float y,
      int width, gboolean right, gboolean bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (w, str);
  int tw, th;

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (right)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_get_pixel_size (layout, &tw, &th);
  gtk_snapshot_save (s);
  gtk_snapshot_translate (s, &GRAPHENE_POINT_INIT (x, y - th / 2.0f));
  gtk_snapshot_append_layout (s, layout, c);
  gtk_snapshot_restore (s);
  g_object_unref (layout);
}

static char *
format_hours (gint64 ms)
{
  double h = ms / (double) GANTRY_MS_HOUR;

  if (ms == 0)
    return g_strdup ("");
  /* TRANSLATORS: work in hours in the usage grid, e.g. "8h" */
  return h == (gint64) h ? g_strdup_printf (_("%.0fh"), h) : g_strdup_printf (_("%.1fh"), h);
}

static char *
period_label (GantryUsageView *self, GantryTime t, gboolean top)
{
  int y, m, d, h, mi, s;
  static const char *months[] = { N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
                                  N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec") };

  gantry_time_split (t, &y, &m, &d, &h, &mi, &s);
  if (top)
    return self->zoom == GANTRY_USAGE_MONTH ? g_strdup_printf ("%d", y)
                                            : g_strdup_printf ("%s %d", _(months[m - 1]), y);
  if (self->zoom == GANTRY_USAGE_MONTH)
    return g_strdup (_(months[m - 1]));
  return g_strdup_printf ("%d", d);
}

static void
gantry_usage_view_snapshot (GtkWidget *widget, GtkSnapshot *s)
{
  GantryUsageView *self = GANTRY_USAGE_VIEW (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  int cw = col_width (self);
  double hx = self->hadj ? gtk_adjustment_get_value (self->hadj) : 0;
  double vy = self->vadj ? gtk_adjustment_get_value (self->vadj) : 0;
  guint np = self->periods->len > 0 ? self->periods->len - 1 : 0;
  guint p0, p1, i, p;
  Palette pal;

  palette (widget, &pal);
  rect (s, &pal.base, 0, 0, w, h);
  if (np == 0 || self->rows->len == 0)
    return;   /* the Resources page shows its placeholder card over it */
  p0 = (guint) (hx / cw);
  p1 = MIN (np, (guint) ((hx + w - LEFT_W) / cw) + 1);

  /* grid area; non-working periods shaded */
  gtk_snapshot_push_clip (s, &GRAPHENE_RECT_INIT (LEFT_W, HEADER_H, MAX (w - LEFT_W, 0), MAX (h - HEADER_H, 0)));
  for (p = p0; p < p1; p++)
    if (p < self->nonworking->len && self->nonworking->data[p])
      rect (s, &pal.header, LEFT_W + p * cw - hx, HEADER_H, cw, MIN (h, HEADER_H + self->content_h - vy) - HEADER_H);
  for (i = 0; i < self->rows->len; i++)
    {
      Row *r = g_ptr_array_index (self->rows, i);
      float y = HEADER_H + r->y - vy;

      if (y + r->h < HEADER_H || y > h)
        continue;
      for (p = p0; p < p1; p++)
        {
          float x = LEFT_W + p * cw - hx;
          g_autofree char *label = format_hours (r->work[p]);

          if (r->is_resource && r->over[p])
            rect (s, &pal.over_bg, x, y, cw, ROW_H);
          text (widget, s, r->is_resource && r->over[p] ? &pal.over_text : &pal.fg, label,
                x + 2, y + ROW_H / 2.0f, cw - 6, TRUE, r->is_resource);
          if (r->is_resource)
            {
              /* histogram lane: load against max units (line = 100 %) */
              float lane_top = y + ROW_H + 4, lane_h = LANE_H - 8;
              double load = MIN (r->load[p], 2.0);
              float bh = (float) (load / 2.0 * lane_h);

              if (bh > 0)
                rect (s, r->over[p] ? &pal.over : &pal.bar, x + 6, lane_top + lane_h - bh, cw - 12, bh);
              rect (s, &pal.line, x, lane_top + lane_h / 2.0f, cw, 1);
            }
          rect (s, &pal.grid, x + cw - 1, y, 1, r->h);
        }
      rect (s, &pal.grid, LEFT_W, y + r->h - 1, w - LEFT_W, 1);
    }
  gtk_snapshot_pop (s);

  /* left panel */
  gtk_snapshot_push_clip (s, &GRAPHENE_RECT_INIT (0, HEADER_H, LEFT_W, MAX (h - HEADER_H, 0)));
  rect (s, &pal.base, 0, HEADER_H, LEFT_W, h - HEADER_H);
  for (i = 0; i < self->rows->len; i++)
    {
      Row *r = g_ptr_array_index (self->rows, i);
      float y = HEADER_H + r->y - vy;
      g_autofree char *total = format_hours (r->total);

      if (y + r->h < HEADER_H || y > h)
        continue;
      if (r->is_resource)
        {
          rect (s, &pal.res_bg, 0, y, LEFT_W, r->h);
          text (widget, s, &pal.fg, r->label, 8, y + ROW_H / 2.0f, LEFT_W - 84, FALSE, TRUE);
          text (widget, s, &pal.dim, _("Load"), 24, y + ROW_H + LANE_H / 2.0f, LEFT_W - 130, FALSE, FALSE);
          {
            /* TRANSLATORS: the resource's maximum units beside its load lane */
            g_autofree char *mu = g_strdup_printf (_("max %.0f%%"), r->max_units * 100);
            text (widget, s, &pal.dim, mu, LEFT_W - 100, y + ROW_H + LANE_H / 2.0f, 92, TRUE, FALSE);
          }
        }
      else
        text (widget, s, &pal.fg, r->label, 24, y + ROW_H / 2.0f, LEFT_W - 100, FALSE, FALSE);
      text (widget, s, &pal.fg, total, LEFT_W - 76, y + ROW_H / 2.0f, 68, TRUE, r->is_resource);
      rect (s, &pal.grid, 0, y + r->h - 1, LEFT_W, 1);
    }
  gtk_snapshot_pop (s);
  rect (s, &pal.grid, LEFT_W - 1, 0, 1, h);

  /* header */
  rect (s, &pal.header, 0, 0, w, HEADER_H);
  text (widget, s, &pal.dim, _("Resource / Task"), 8, HEADER_H * 0.75f, LEFT_W - 84, FALSE, TRUE);
  text (widget, s, &pal.dim, _("Work"), LEFT_W - 76, HEADER_H * 0.75f, 68, TRUE, TRUE);
  gtk_snapshot_push_clip (s, &GRAPHENE_RECT_INIT (LEFT_W, 0, MAX (w - LEFT_W, 0), HEADER_H));
  for (p = p0; p < p1; p++)
    {
      GantryTime t = g_array_index (self->periods, GantryTime, p);
      float x = LEFT_W + p * cw - hx;
      g_autofree char *bottom = period_label (self, t, FALSE);
      gboolean new_top = p == p0;
      int y, m, d, hh, mi, ss, y2, m2, d2;

      if (p > 0)
        {
          gantry_time_split (g_array_index (self->periods, GantryTime, p - 1), &y2, &m2, &d2, &hh, &mi, &ss);
          gantry_time_split (t, &y, &m, &d, &hh, &mi, &ss);
          new_top |= self->zoom == GANTRY_USAGE_MONTH ? y != y2 : m != m2;
        }
      if (new_top)
        {
          g_autofree char *top = period_label (self, t, TRUE);
          text (widget, s, &pal.fg, top, x + 4, HEADER_H * 0.27f, 120, FALSE, TRUE);
          rect (s, &pal.grid, x, 0, 1, HEADER_H / 2);
        }
      text (widget, s, &pal.dim, bottom, x, HEADER_H * 0.75f, cw - 4, TRUE, FALSE);
      rect (s, &pal.grid, x + cw - 1, HEADER_H / 2, 1, HEADER_H / 2);
    }
  gtk_snapshot_pop (s);
  rect (s, &pal.grid, 0, HEADER_H - 1, w, 1);
}

/* ---- GtkScrollable --------------------------------------------------------- */

static void
on_adj_changed (GtkAdjustment *adj, GantryUsageView *self)
{
  (void) adj;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (GantryUsageView *self, GtkAdjustment **slot, GtkAdjustment *adj)
{
  if (*slot == adj)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_data (*slot, self);
      g_clear_object (slot);
    }
  if (adj != NULL)
    {
      *slot = g_object_ref_sink (adj);
      g_signal_connect (adj, "value-changed", G_CALLBACK (on_adj_changed), self);
    }
  configure_adjustments (self);
}

static void
gantry_usage_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  GantryUsageView *self = GANTRY_USAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT: set_adjustment (self, &self->hadj, g_value_get_object (value)); break;
    case PROP_VADJUSTMENT: set_adjustment (self, &self->vadj, g_value_get_object (value)); break;
    case PROP_HSCROLL_POLICY: self->hpolicy = g_value_get_enum (value); break;
    case PROP_VSCROLL_POLICY: self->vpolicy = g_value_get_enum (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_usage_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GantryUsageView *self = GANTRY_USAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT: g_value_set_object (value, self->hadj); break;
    case PROP_VADJUSTMENT: g_value_set_object (value, self->vadj); break;
    case PROP_HSCROLL_POLICY: g_value_set_enum (value, self->hpolicy); break;
    case PROP_VSCROLL_POLICY: g_value_set_enum (value, self->vpolicy); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_usage_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  (void) width; (void) height; (void) baseline;
  configure_adjustments (GANTRY_USAGE_VIEW (widget));
}

static void
gantry_usage_view_measure (GtkWidget *widget, GtkOrientation o, int for_size,
                           int *min, int *nat, int *min_base, int *nat_base)
{
  (void) widget; (void) for_size;
  *min = o == GTK_ORIENTATION_HORIZONTAL ? LEFT_W + 100 : HEADER_H + ROW_H * 2;
  *nat = o == GTK_ORIENTATION_HORIZONTAL ? LEFT_W + 600 : HEADER_H + ROW_H * 10;
  *min_base = *nat_base = -1;
}

static void
gantry_usage_view_dispose (GObject *object)
{
  GantryUsageView *self = GANTRY_USAGE_VIEW (object);

  set_adjustment (self, &self->hadj, NULL);
  set_adjustment (self, &self->vadj, NULL);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (gantry_usage_view_parent_class)->dispose (object);
}

static void
gantry_usage_view_finalize (GObject *object)
{
  GantryUsageView *self = GANTRY_USAGE_VIEW (object);

  g_ptr_array_unref (self->rows);
  g_array_unref (self->periods);
  g_byte_array_unref (self->nonworking);
  gantry_workcal_cache_free (self->cache);
  G_OBJECT_CLASS (gantry_usage_view_parent_class)->finalize (object);
}

static void
gantry_usage_view_class_init (GantryUsageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = gantry_usage_view_set_property;
  object_class->get_property = gantry_usage_view_get_property;
  object_class->dispose = gantry_usage_view_dispose;
  object_class->finalize = gantry_usage_view_finalize;
  widget_class->snapshot = gantry_usage_view_snapshot;
  widget_class->size_allocate = gantry_usage_view_size_allocate;
  widget_class->measure = gantry_usage_view_measure;
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");
  gtk_widget_class_set_css_name (widget_class, "gantry-usage-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TABLE);
}

static void
gantry_usage_view_init (GantryUsageView *self)
{
  self->zoom = GANTRY_USAGE_WEEK;
  self->periods = g_array_new (FALSE, FALSE, sizeof (GantryTime));
  self->nonworking = g_byte_array_new ();
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->cache = gantry_workcal_cache_new ();
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Resource usage"), -1);
}

GtkWidget *
gantry_usage_view_new (void)
{
  return g_object_new (GANTRY_TYPE_USAGE_VIEW, NULL);
}

void
gantry_usage_view_set_project (GantryUsageView *self, GantryProject *project)
{
  g_return_if_fail (GANTRY_IS_USAGE_VIEW (self));
  g_return_if_fail (project == NULL || GANTRY_IS_PROJECT (project));

  g_set_object (&self->project, project);
  gantry_usage_view_refresh (self);
}

void
gantry_usage_view_set_zoom (GantryUsageView *self, GantryUsageZoom zoom)
{
  g_return_if_fail (GANTRY_IS_USAGE_VIEW (self));

  if (zoom > GANTRY_USAGE_MONTH || zoom == self->zoom)
    return;
  self->zoom = zoom;
  if (self->hadj != NULL)
    gtk_adjustment_set_value (self->hadj, 0);
  gantry_usage_view_refresh (self);
}

GantryUsageZoom
gantry_usage_view_get_zoom (GantryUsageView *self)
{
  g_return_val_if_fail (GANTRY_IS_USAGE_VIEW (self), GANTRY_USAGE_WEEK);
  return self->zoom;
}

guint
gantry_usage_view_get_n_rows (GantryUsageView *self)
{
  g_return_val_if_fail (GANTRY_IS_USAGE_VIEW (self), 0);
  return self->rows->len;
}

guint
gantry_usage_view_get_n_over_cells (GantryUsageView *self)
{
  g_return_val_if_fail (GANTRY_IS_USAGE_VIEW (self), 0);
  return self->n_over_cells;
}

gint64
gantry_usage_view_get_cell (GantryUsageView *self, guint row, guint period)
{
  g_return_val_if_fail (GANTRY_IS_USAGE_VIEW (self), -1);
  if (row >= self->rows->len || self->periods->len == 0 || period >= self->periods->len - 1)
    return -1;
  return ((Row *) g_ptr_array_index (self->rows, row))->work[period];
}
