/* gantry-chart.c — the Gantt chart widget
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart draws only what is visible: the rows between the shared
 * vertical adjustment's value and value + page, and the time range of the
 * horizontal adjustment.  Three render nodes are cached, each keyed by the
 * state it depends on: the body background (non-working shading, grid,
 * today and status lines), the timescale header, and the rows (bars,
 * arrows, labels).  Hover and drag feedback is drawn on top, uncached.
 *
 * Pointer and keyboard input go through plain functions (chart_press,
 * chart_drag_begin/update/end, chart_scroll ...) that the gesture
 * callbacks and the private test API both call.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gantry-chart.h"
#include "gantry-chart-private.h"
#include "gantry-text.h"
#include "gantry-chart-scale.h"
#include "gantry-chart-link-dialog.h"
#include "gantry-task-type.h"
#include "gantry-workcal.h"

#define DEFAULT_ROW_HEIGHT    28
#define DEFAULT_HEADER_HEIGHT 48
#define DRAG_THRESHOLD        4.0
#define RESIZE_GRIP           5.0
#define ARROW_STUB            8.0
#define ARROW_HEAD            4.0
#define LABEL_PAD             4.0
#define DAY_CACHE_MAX         40000

/* ------------------------------------------------------------------------ */
/* The accessible stand-in of one visible bar                               */
/* ------------------------------------------------------------------------ */

/* GTK 4.8 exposes only widgets to assistive technologies, so each visible
 * bar gets an invisible, untargetable child widget (role OPTION) placed
 * over it, labelled with the task and its dates.  A pool the size of the
 * visible rows is reused while scrolling. */
#define GANTRY_TYPE_CHART_ITEM (gantry_chart_item_get_type ())
G_DECLARE_FINAL_TYPE (GantryChartItem, gantry_chart_item, GANTRY, CHART_ITEM, GtkWidget)

struct _GantryChartItem
{
  GtkWidget   parent_instance;
  GantryTask *task;          /* borrowed: only compared */
  guint       stamp;
  gboolean    selected;
  gboolean    used;
  gboolean    hidden;
};

G_DEFINE_FINAL_TYPE (GantryChartItem, gantry_chart_item, GTK_TYPE_WIDGET)

static void
gantry_chart_item_class_init (GantryChartItemClass *klass)
{
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass),
                                        GTK_ACCESSIBLE_ROLE_OPTION);
}

static void
gantry_chart_item_init (GantryChartItem *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
}

/* ------------------------------------------------------------------------ */
/* The widget                                                               */
/* ------------------------------------------------------------------------ */

typedef struct
{
  GdkRGBA fg;
  GdkRGBA base;
  GdkRGBA header_bg;
  GdkRGBA border;
  GdkRGBA grid;
  GdkRGBA grid_major;
  GdkRGBA nonworking;
  GdkRGBA selection;
  GdkRGBA bar;
  GdkRGBA bar_border;
  GdkRGBA progress;
  GdkRGBA critical;
  GdkRGBA critical_border;
  GdkRGBA critical_progress;
  GdkRGBA summary;
  GdkRGBA milestone;
  GdkRGBA manual;
  GdkRGBA manual_border;
  GdkRGBA baseline;
  GdkRGBA link;
  GdkRGBA critical_link;
  GdkRGBA today;
  GdkRGBA status;
  GdkRGBA dim;
  GdkRGBA focus;
  GdkRGBA feedback;
  GdkRGBA error;
  GdkRGBA deadline;
  gboolean dark;
} Palette;

typedef enum
{
  HIT_NONE,       /* header or past the last row */
  HIT_ROW,        /* a row, not on its bar */
  HIT_BAR,
  HIT_RESIZE,
  HIT_PROGRESS,
} HitZone;

typedef enum
{
  DRAG_NONE,
  DRAG_MOVE,
  DRAG_RESIZE,
  DRAG_PROGRESS,
  DRAG_LINK,
  DRAG_BAND,
  DRAG_IGNORE,    /* pressed where nothing can be dragged (summary bar) */
} DragMode;

typedef struct
{
  double   x0, x1;       /* bar ends (milestone: x0 = x1 = the date) */
  double   top, bottom;  /* bar band */
  double   row_top;
  double   mid;
  gboolean milestone;
  gboolean summary;
} BarGeom;

typedef struct
{
  gboolean        active;
  gboolean        started;      /* moved past the threshold */
  DragMode        mode;
  double          x0, y0, x, y;
  GdkModifierType state;
  GantryTask     *task;         /* ref */
  guint           row;
  GantryTime      start, finish;
  GantryDuration  duration;
  int             percent;
  /* preview */
  GantryTime      new_start, new_finish;
  GantryDuration  new_duration;
  int             new_percent;
  GantryTask     *target;       /* ref, link target */
  guint           target_row;
  char           *problem;      /* why the link target is refused */
} DragState;

typedef struct
{
  double     hvalue;
  int        width, height, header;
  int        zoom;
  guint      cal_stamp;
  guint      style_stamp;
  gint64     today;
  GantryTime status;
  GantryTime origin;
  gboolean   valid;
} BgKey;

/* The background and the timescale are cached in tiles one viewport wide
 * (content coordinates), so horizontal scrolling builds one new tile now
 * and then instead of the whole view. */
#define N_TILES 4

typedef struct
{
  gint64         index;      /* tile number: x in [index * w, (index + 1) * w) */
  BgKey          key;
  guint          used;       /* tile_clock when last drawn */
  GskRenderNode *bg;
  GskRenderNode *header;
} Tile;

typedef struct
{
  double hvalue, vvalue;
  int    width, height, header, row_height, zoom;
  guint  data_stamp, style_stamp;
  gboolean focused;
  gboolean valid;
} RowsKey;

typedef struct
{
  int         prow, srow;   /* rows of the predecessor and the successor */
  GantryLink *link;         /* borrowed */
} LinkSpan;

struct _GantryChart
{
  GtkWidget          parent_instance;

  GantryProject     *project;
  gulong             project_changed_id;
  GListModel        *rows;
  gulong             rows_changed_id;
  GtkSelectionModel *selection;
  gulong             selection_changed_id;

  GtkAdjustment     *hadj;
  GtkAdjustment     *vadj;           /* the shared one (or the scrollable's) */
  GtkAdjustment     *scroll_vadj;    /* given by a GtkScrolledWindow */
  gboolean           vadj_shared;
  guint              hscroll_policy : 1;
  guint              vscroll_policy : 1;

  int                row_height;
  int                header_height;
  int                zoom;
  double             px_per_ms;
  GantryTime         origin;         /* time at hadjustment value 0 */
  GantryTime         range_start, range_end;
  gboolean           range_dirty;
  gboolean           view_placed;    /* initial scroll done */
  int                week_start;

  /* caches */
  Tile               tiles[N_TILES];  /* background + timescale, per tile */
  guint              tile_clock;
  GskRenderNode     *rows_node;
  RowsKey            rows_key;
  guint              data_stamp;
  guint              style_stamp;
  gboolean           style_dirty;
  Palette            pal;
  GHashTable        *day_cache;      /* gint64 day -> GantryDayDef */
  GantryCalendar    *day_cache_cal;
  guint              day_cache_stamp;
  GantryCalendar    *standard_cal;   /* when the project has none */
  GantryWorkCalCache *workcal;

  /* row index: tasks of the rows model, and the links between them */
  gboolean           rows_dirty;     /* row_tasks must be rebuilt */
  gboolean           index_dirty;    /* task_rows and link_spans must be */
  GPtrArray         *row_tasks;      /* borrowed GantryTask*, by row */
  GArray            *uid_rows;       /* guint: task uid -> row + 1 */
  GHashTable        *task_rows;      /* task -> row + 1, for uids out of range */
  GArray            *link_spans;     /* LinkSpan */
  guint              index_idle_id;

  /* interaction */
  DragState          drag;
  GantryTask        *hover_task;     /* borrowed, compared only */
  guint              hover_row;
  HitZone            hover_zone;
  int                cursor_row;     /* keyboard cursor, -1 none */
  double             zoom_gesture_scale;
  double             pointer_x;
  gboolean           pointer_inside;
  double             scroll_zoom_acc;
  GtkWidget         *link_dialog;

  /* accessibility */
  GPtrArray         *items;          /* GantryChartItem pool */

  guint              n_drawn;
  gboolean           in_allocate;
  /* the scroll offsets the stand-ins were last placed for */
  double             placed_vvalue;
  double             placed_hvalue;
  guint              items_wanted;
  guint              items_idle_id;
  int                variants[16];   /* label form per (unit, tier) */
  guint              variants_key;
  gboolean           show_progress_line;
};

static void gantry_chart_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GantryChart, gantry_chart, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      gantry_chart_scrollable_init))

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_ZOOM,
  PROP_ROW_HEIGHT,
  PROP_HEADER_HEIGHT,
  PROP_SHOW_PROGRESS_LINE,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_TASK_ACTIVATED,
  SIGNAL_CONTEXT_MENU,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void set_hadjustment   (GantryChart *self, GtkAdjustment *adj);
static void update_hadjustment (GantryChart *self);
static void invalidate_data   (GantryChart *self);
static void update_description (GantryChart *self);

/* ------------------------------------------------------------------------ */
/* Small helpers                                                            */
/* ------------------------------------------------------------------------ */

/* Whole pixels, so cached nodes and bars line up exactly. */
static inline double
hvalue (GantryChart *self)
{
  return self->hadj ? round (gtk_adjustment_get_value (self->hadj)) : 0.0;
}

static inline double
vvalue (GantryChart *self)
{
  return self->vadj ? gtk_adjustment_get_value (self->vadj) : 0.0;
}

static inline double
x_for_time (GantryChart *self,
            GantryTime   t)
{
  return (double) (t - self->origin) * self->px_per_ms - hvalue (self);
}

static GantryTime
time_for_x (GantryChart *self,
            double       x)
{
  double ms = (x + hvalue (self)) / self->px_per_ms;

  return CLAMP (self->origin + (gint64) floor (ms + 0.5), GANTRY_TIME_MIN, GANTRY_TIME_MAX);
}

static inline double
row_top (GantryChart *self,
         guint        row)
{
  return self->header_height + (double) row * self->row_height - vvalue (self);
}

static guint
n_rows (GantryChart *self)
{
  return self->rows ? g_list_model_get_n_items (self->rows) : 0;
}

/* The task the rows model shows in row (borrowed: the project owns it),
 * or NULL. */
static GantryTask *
model_get_task (GantryChart *self,
                guint        row)
{
  g_autoptr(GObject) item = NULL;

  if (self->rows == NULL || row >= g_list_model_get_n_items (self->rows))
    return NULL;
  item = g_list_model_get_item (self->rows, row);
  if (GTK_IS_TREE_LIST_ROW (item))
    {
      g_autoptr(GObject) inner = gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item));

      return GANTRY_IS_TASK (inner) ? (GantryTask *) inner : NULL;
    }
  return GANTRY_IS_TASK (item) ? (GantryTask *) item : NULL;
}

/* The same from the row array when it is current. */
static GantryTask *
row_get_task (GantryChart *self,
              guint        row)
{
  if (!self->rows_dirty && self->row_tasks != NULL && row < self->row_tasks->len)
    return g_ptr_array_index (self->row_tasks, row);
  return model_get_task (self, row);
}

static GantryTime
get_today (GantryChart *self)
{
  g_autoptr(GDateTime) now = NULL;
  GantryTime t = GANTRY_TIME_NONE;

  if (self->project != NULL)
    g_object_get (self->project, "current-date", &t, NULL);
  if (t != GANTRY_TIME_NONE)
    return t;
  now = g_date_time_new_now_local ();
  return gantry_time_make (g_date_time_get_year (now), g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now),
                           g_date_time_get_hour (now), g_date_time_get_minute (now), 0);
}

static GantryTime
get_status_date (GantryChart *self)
{
  return self->project ? gantry_project_get_status_date (self->project) : GANTRY_TIME_NONE;
}

static GantryCalendar *
project_calendar (GantryChart *self)
{
  GantryCalendar *cal = self->project ? gantry_project_get_calendar (self->project) : NULL;

  if (cal == NULL)
    {
      if (self->standard_cal == NULL)
        self->standard_cal = gantry_calendar_new_standard (0, "Standard");
      cal = self->standard_cal;
    }
  return cal;
}

static guint
calendar_chain_stamp (GantryCalendar *cal)
{
  guint stamp = 0;
  int depth = 0;

  for (; cal != NULL && depth < 16; cal = gantry_calendar_get_base (cal), depth++)
    stamp = stamp * 31 + gantry_calendar_get_stamp (cal) + 1;
  return stamp;
}

/* The resolved definition of a day of the project calendar, cached. */
static const GantryDayDef *
resolve_day (GantryChart *self,
             gint64       day)
{
  GantryCalendar *cal = project_calendar (self);
  guint stamp = calendar_chain_stamp (cal);
  GantryDayDef *def;

  if (self->day_cache_cal != cal || self->day_cache_stamp != stamp
      || g_hash_table_size (self->day_cache) > DAY_CACHE_MAX)
    {
      g_hash_table_remove_all (self->day_cache);
      self->day_cache_cal = cal;
      self->day_cache_stamp = stamp;
    }
  def = g_hash_table_lookup (self->day_cache, &day);
  if (def == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = day;
      def = g_new0 (GantryDayDef, 1);
      gantry_calendar_resolve_day (cal, day, def);
      g_hash_table_insert (self->day_cache, key, def);
    }
  return def;
}

static gboolean
task_is_milestone (GantryTask *task)
{
  if (gantry_task_get_summary (task))
    return FALSE;
  return gantry_task_get_milestone (task) || gantry_task_get_duration (task) == 0;
}

static void
get_duration_context (GantryChart           *self,
                      GantryDurationContext *ctx)
{
  GantryDurationContext def = GANTRY_DURATION_CONTEXT_DEFAULT;

  *ctx = def;
  if (self->project != NULL)
    gantry_project_get_duration_context (self->project, ctx);
  if (ctx->minutes_per_day <= 0)
    ctx->minutes_per_day = 480;
  if (ctx->minutes_per_week <= 0)
    ctx->minutes_per_week = 2400;
  if (ctx->days_per_month <= 0)
    ctx->days_per_month = 20;
}

/* Bar geometry of task in row, widget coordinates.  FALSE: no bar. */
static gboolean
bar_geometry (GantryChart *self,
              GantryTask  *task,
              guint        row,
              BarGeom     *g)
{
  GantryTime start, finish;
  double rt = row_top (self, row);
  double rh = self->row_height;

  if (task == NULL || gantry_task_get_is_null (task) || gantry_task_get_hide_bar (task))
    return FALSE;
  start = gantry_task_get_start (task);
  finish = gantry_task_get_finish (task);
  if (start == GANTRY_TIME_NONE)
    return FALSE;
  if (finish == GANTRY_TIME_NONE || finish < start)
    finish = start;

  g->milestone = task_is_milestone (task);
  g->summary = gantry_task_get_summary (task);
  g->row_top = rt;
  g->top = rt + round (rh * 0.22);
  g->bottom = g->top + MAX (6.0, round (rh * 0.43));
  g->mid = (g->top + g->bottom) / 2.0;
  g->x0 = round (x_for_time (self, start));
  g->x1 = g->milestone ? g->x0 : round (x_for_time (self, finish));
  if (!g->milestone && g->x1 - g->x0 < 2.0)
    g->x1 = g->x0 + 2.0;
  return TRUE;
}

static gboolean
rect_intersects (double ax0, double ay0, double ax1, double ay1,
                 double bx0, double by0, double bx1, double by1)
{
  return ax0 <= bx1 && bx0 <= ax1 && ay0 <= by1 && by0 <= ay1;
}

static GtkAdjustment *
new_adjustment (void)
{
  return g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
}

/* ------------------------------------------------------------------------ */
/* Colours                                                                  */
/* ------------------------------------------------------------------------ */

static void
rgba_parse (GdkRGBA    *c,
            const char *spec)
{
  if (!gdk_rgba_parse (c, spec))
    *c = (GdkRGBA) { 0, 0, 0, 1 };
}

static GdkRGBA
with_alpha (const GdkRGBA *c,
            double         alpha)
{
  GdkRGBA r = *c;

  r.alpha *= alpha;
  return r;
}

static GdkRGBA
mix (const GdkRGBA *a,
     const GdkRGBA *b,
     double         t)
{
  GdkRGBA r;

  r.red = a->red + (b->red - a->red) * t;
  r.green = a->green + (b->green - a->green) * t;
  r.blue = a->blue + (b->blue - a->blue) * t;
  r.alpha = a->alpha + (b->alpha - a->alpha) * t;
  return r;
}

static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
/* A colour the theme (or the application's CSS) defines with
 * @define-color, else fallback. */
static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              GdkRGBA         *out,
              const GdkRGBA   *fallback)
{
  if (!gtk_style_context_lookup_color (context, name, out))
    *out = *fallback;
}

/* The palette follows the theme: text, background, borders and selection
 * come from the style; bar colours can be overridden with @define-color
 * gantry_bar_color, gantry_critical_color, gantry_manual_color,
 * gantry_today_color, gantry_status_color; the built-in ones have a light
 * and a dark variant chosen by the background's luminance. */
static void
update_palette (GantryChart *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  Palette *p = &self->pal;
  GdkRGBA fallback, c;

  gtk_style_context_get_color (context, &p->fg);
  rgba_parse (&fallback, "#ffffff");
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &p->base))
    lookup_color (context, "theme_base_color", &p->base, &fallback);
  if (!gtk_style_context_lookup_color (context, "headerbar_bg_color", &p->header_bg))
    lookup_color (context, "theme_bg_color", &p->header_bg, &p->base);
  p->dark = luminance (&p->base) < 0.45;
  /* Keep the header a shade apart from the body even in flat themes. */
  if (gdk_rgba_equal (&p->header_bg, &p->base))
    p->header_bg = mix (&p->base, &p->fg, 0.04);

  fallback = with_alpha (&p->fg, 0.18);
  lookup_color (context, "borders", &p->border, &fallback);
  if (p->border.alpha > 0.5 && p->dark)
    p->border = mix (&p->base, &p->border, 0.8);
  p->grid = mix (&p->base, &p->fg, p->dark ? 0.09 : 0.07);
  p->grid_major = mix (&p->base, &p->fg, p->dark ? 0.18 : 0.15);
  p->nonworking = with_alpha (&p->fg, p->dark ? 0.06 : 0.045);
  rgba_parse (&fallback, "#3584e4");
  lookup_color (context, "theme_selected_bg_color", &c, &fallback);
  p->focus = c;
  p->selection = with_alpha (&c, p->dark ? 0.28 : 0.16);

  rgba_parse (&fallback, p->dark ? "#3584e4" : "#62a0ea");
  lookup_color (context, "gantry_bar_color", &p->bar, &fallback);
  p->bar_border = p->dark ? mix (&p->bar, &p->fg, 0.35) : mix (&p->bar, &(GdkRGBA) { 0, 0, 0, 1 }, 0.3);
  p->progress = p->dark ? mix (&p->bar, &(GdkRGBA) { 0, 0, 0.1, 1 }, 0.5)
                        : mix (&p->bar, &(GdkRGBA) { 0, 0, 0.2, 1 }, 0.55);

  rgba_parse (&fallback, p->dark ? "#e01b24" : "#f66151");
  lookup_color (context, "gantry_critical_color", &p->critical, &fallback);
  p->critical_border = p->dark ? mix (&p->critical, &p->fg, 0.35)
                               : mix (&p->critical, &(GdkRGBA) { 0, 0, 0, 1 }, 0.3);
  p->critical_progress = mix (&p->critical, &(GdkRGBA) { 0.15, 0, 0, 1 }, 0.55);

  rgba_parse (&fallback, p->dark ? "#2ec27e" : "#33d17a");
  lookup_color (context, "gantry_manual_color", &p->manual, &fallback);
  p->manual_border = p->dark ? mix (&p->manual, &p->fg, 0.3)
                             : mix (&p->manual, &(GdkRGBA) { 0, 0, 0, 1 }, 0.35);
  p->manual = with_alpha (&p->manual, 0.45);

  p->summary = mix (&p->base, &p->fg, 0.85);
  p->milestone = p->summary;
  p->baseline = mix (&p->base, &p->fg, p->dark ? 0.42 : 0.32);
  p->link = mix (&p->base, &p->fg, 0.62);
  p->critical_link = p->critical_border;
  p->dim = mix (&p->base, &p->fg, 0.7);

  rgba_parse (&fallback, "#e66100");
  lookup_color (context, "gantry_today_color", &p->today, &fallback);
  rgba_parse (&fallback, p->dark ? "#c061cb" : "#9141ac");
  lookup_color (context, "gantry_status_color", &p->status, &fallback);
  rgba_parse (&fallback, p->dark ? "#57e389" : "#26a269");
  lookup_color (context, "gantry_deadline_color", &p->deadline, &fallback);
  rgba_parse (&fallback, p->dark ? "#ff7b63" : "#c01c28");
  lookup_color (context, "error_color", &p->error, &fallback);
  lookup_color (context, "theme_bg_color", &p->feedback, &p->header_bg);
  p->feedback.alpha = 0.96;
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
ensure_palette (GantryChart *self)
{
  if (!self->style_dirty)
    return;
  update_palette (self);
  self->style_dirty = FALSE;
  self->style_stamp++;
}

static void
gantry_chart_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GantryChart *self = GANTRY_CHART (widget);

  GTK_WIDGET_CLASS (gantry_chart_parent_class)->css_changed (widget, change);
  self->style_dirty = TRUE;
  gtk_widget_queue_draw (widget);
}

static void
gantry_chart_system_setting_changed (GtkWidget       *widget,
                                     GtkSystemSetting setting)
{
  GantryChart *self = GANTRY_CHART (widget);

  GTK_WIDGET_CLASS (gantry_chart_parent_class)->system_setting_changed (widget, setting);
  /* Fonts and scale change text metrics: rebuild every node. */
  self->style_dirty = TRUE;
  gtk_widget_queue_draw (widget);
}

/* ------------------------------------------------------------------------ */
/* Time range and the horizontal adjustment                                 */
/* ------------------------------------------------------------------------ */

static void
ensure_range (GantryChart *self)
{
  GantryTime lo = G_MAXINT64, hi = G_MININT64;

  if (!self->range_dirty)
    return;
  self->range_dirty = FALSE;

  if (self->project != NULL)
    {
      GPtrArray *all = gantry_project_get_all_tasks (self->project);
      GantryTime ps = gantry_project_get_start (self->project);
      GantryTime pf = gantry_project_get_finish (self->project);

      for (guint i = 0; all != NULL && i < all->len; i++)
        {
          GantryTask *task = g_ptr_array_index (all, i);
          GantryTime s = gantry_task_get_start (task);
          GantryTime f = gantry_task_get_finish (task);

          if (s != GANTRY_TIME_NONE)
            {
              lo = MIN (lo, s);
              hi = MAX (hi, s);
            }
          if (f != GANTRY_TIME_NONE)
            {
              lo = MIN (lo, f);
              hi = MAX (hi, f);
            }
        }
      if (ps != GANTRY_TIME_NONE)
        {
          lo = MIN (lo, ps);
          hi = MAX (hi, ps);
        }
      if (pf != GANTRY_TIME_NONE)
        {
          lo = MIN (lo, pf);
          hi = MAX (hi, pf);
        }
      g_object_get (self->project, "week-start-day", &self->week_start, NULL);
    }
  if (lo > hi)
    {
      lo = gantry_time_day_start (get_today (self));
      hi = lo;
    }
  lo = MAX (lo, GANTRY_TIME_MIN + 400 * GANTRY_MS_DAY);
  hi = MIN (hi, GANTRY_TIME_MAX - 400 * GANTRY_MS_DAY);
  self->range_start = lo;
  self->range_end = MAX (hi, lo + 30 * GANTRY_MS_DAY);
}

/* Recomputes origin, scale and extent for the zoom and width, keeping
 * anchor_time at widget x anchor_x. */
static void
update_hadjustment_anchored (GantryChart *self,
                             GantryTime   anchor_time,
                             double       anchor_x)
{
  const GantryZoomLevel *z = gantry_scale_get_zoom_level (self->zoom);
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  double view_ms, value, upper;
  gint64 pad_before, pad_after;

  ensure_range (self);
  self->px_per_ms = z->px_per_day / (double) GANTRY_MS_DAY;
  view_ms = width / self->px_per_ms;
  pad_before = MAX (14 * GANTRY_MS_DAY, (gint64) (view_ms * 0.5));
  pad_after = MAX (14 * GANTRY_MS_DAY, (gint64) view_ms);
  self->origin = gantry_scale_floor (MAX (self->range_start - pad_before,
                                          GANTRY_TIME_MIN + GANTRY_MS_DAY),
                                     z->major, 1, self->week_start);
  /* The anchor may lie outside the plan's range (scrolled far): keep it
   * reachable. */
  if (anchor_time != GANTRY_TIME_NONE)
    self->origin = MIN (self->origin, gantry_scale_floor (anchor_time - pad_before,
                                                          z->major, 1, self->week_start));
  upper = (double) (MIN (self->range_end + pad_after, GANTRY_TIME_MAX) - self->origin)
          * self->px_per_ms;
  if (anchor_time != GANTRY_TIME_NONE)
    {
      value = (double) (anchor_time - self->origin) * self->px_per_ms - anchor_x;
      upper = MAX (upper, value + width);
    }
  else
    value = 0;
  value = CLAMP (value, 0, MAX (upper - width, 0));
  if (self->hadj != NULL)
    gtk_adjustment_configure (self->hadj, value, 0, MAX (upper, width),
                              MAX (8.0, z->px_per_day * gantry_scale_unit_ms (z->minor)
                                        / (double) GANTRY_MS_DAY),
                              width * 0.9, width);
}

static void
update_hadjustment (GantryChart *self)
{
  GantryTime anchor;
  double anchor_x = 0;

  if (self->px_per_ms <= 0)
    self->px_per_ms = gantry_scale_get_zoom_level (self->zoom)->px_per_day / (double) GANTRY_MS_DAY;
  if (!self->view_placed && self->project != NULL
      && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    {
      /* First look: the plan's start near the left edge. */
      ensure_range (self);
      anchor = self->range_start;
      anchor_x = 24;
      self->view_placed = TRUE;
    }
  else
    anchor = time_for_x (self, 0);
  update_hadjustment_anchored (self, anchor, anchor_x);
}

/* ------------------------------------------------------------------------ */
/* Row index                                                                */
/* ------------------------------------------------------------------------ */

/* Keeps row_tasks in step with the rows model without refetching every
 * row: only the rows that changed are read. */
static void
splice_rows (GantryChart *self,
             guint        position,
             guint        removed,
             guint        added)
{
  GPtrArray *a = self->row_tasks;
  guint old;

  if (self->rows_dirty || position + removed > a->len)
    {
      self->rows_dirty = TRUE;
      return;
    }
  g_ptr_array_remove_range (a, position, removed);
  old = a->len;
  if (added > 0)
    {
      g_ptr_array_set_size (a, old + added);
      memmove (&a->pdata[position + added], &a->pdata[position],
               (old - position) * sizeof (gpointer));
      for (guint i = 0; i < added; i++)
        a->pdata[position + i] = model_get_task (self, position + i);
    }
  if (a->len != n_rows (self))
    self->rows_dirty = TRUE;
}

/* Row + 1 of task in the index, 0 when not shown. */
static guint
lookup_row1 (GantryChart *self,
             GantryTask  *task)
{
  int uid = gantry_task_get_uid (task);

  if (uid >= 0 && (guint) uid < self->uid_rows->len)
    {
      guint r = g_array_index (self->uid_rows, guint, uid);

      if (r != 0 && g_ptr_array_index (self->row_tasks, r - 1) == task)
        return r;
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->task_rows, task));
}

static void
ensure_rows (GantryChart *self)
{
  guint n;

  if (!self->rows_dirty)
    return;
  n = n_rows (self);
  g_ptr_array_set_size (self->row_tasks, n);
  for (guint i = 0; i < n; i++)
    self->row_tasks->pdata[i] = model_get_task (self, i);
  self->rows_dirty = FALSE;
  self->index_dirty = TRUE;
}

static void
ensure_index (GantryChart *self)
{
  guint n;

  ensure_rows (self);
  g_clear_handle_id (&self->index_idle_id, g_source_remove);
  if (!self->index_dirty)
    return;

  /* task -> row: an array indexed by UID (dense in practice), a hash
   * table for the odd UID far out of range */
  g_hash_table_remove_all (self->task_rows);
  g_array_set_size (self->link_spans, 0);
  n = self->row_tasks->len;
  g_array_set_size (self->uid_rows, 0);
  g_array_set_size (self->uid_rows, (guint) MIN ((gint64) n * 4 + 1024, G_MAXINT));
  memset (self->uid_rows->data, 0, (gsize) self->uid_rows->len * sizeof (guint));
  for (guint i = 0; i < n; i++)
    {
      GantryTask *task = g_ptr_array_index (self->row_tasks, i);
      int uid;

      if (task == NULL)
        continue;
      uid = gantry_task_get_uid (task);
      if (uid >= 0 && (guint) uid < self->uid_rows->len
          && g_array_index (self->uid_rows, guint, uid) == 0)
        g_array_index (self->uid_rows, guint, uid) = i + 1;
      else
        g_hash_table_insert (self->task_rows, task, GUINT_TO_POINTER (i + 1));
    }
  self->index_dirty = FALSE;

  for (guint i = 0; i < n; i++)
    {
      GantryTask *task = g_ptr_array_index (self->row_tasks, i);
      GPtrArray *succs;

      if (task == NULL)
        continue;
      succs = gantry_task_get_successors (task);
      for (guint k = 0; succs != NULL && k < succs->len; k++)
        {
          GantryLink *link = g_ptr_array_index (succs, k);
          guint j = lookup_row1 (self, gantry_link_get_successor (link));
          LinkSpan span;

          if (j == 0)
            continue;   /* successor hidden (collapsed) */
          span.prow = (int) i;
          span.srow = (int) j - 1;
          span.link = link;
          g_array_append_val (self->link_spans, span);
        }
    }
}

static gboolean
index_idle (gpointer data)
{
  GantryChart *self = data;

  self->index_idle_id = 0;
  if (self->index_dirty)
    {
      ensure_index (self);
      /* the rows node was drawn without the links that pass through */
      self->data_stamp++;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return G_SOURCE_REMOVE;
}

/* The row of task near row `near` (searched outwards in the row array:
 * links mostly join nearby rows), or -1. */
static int
scan_row (GantryChart *self,
          GantryTask  *task,
          int          near)
{
  int n = (int) self->row_tasks->len;
  gpointer *rows = self->row_tasks->pdata;

  for (int d = 0; d < n; d++)
    {
      int above = near - d, below = near + d;

      if (above < 0 && below >= n)
        break;
      if (below < n && below >= 0 && rows[below] == task)
        return below;
      if (above >= 0 && above < n && rows[above] == task)
        return above;
    }
  return -1;
}

/* Row of task, or -1 when it is not shown. */
static int
find_row (GantryChart *self,
          GantryTask  *task)
{
  ensure_index (self);
  return (int) lookup_row1 (self, task) - 1;
}

/* ------------------------------------------------------------------------ */
/* Drawing helpers                                                          */
/* ------------------------------------------------------------------------ */

static inline void
fill_rect (GtkSnapshot   *snapshot,
           const GdkRGBA *color,
           double         x,
           double         y,
           double         w,
           double         h)
{
  if (w <= 0 || h <= 0)
    return;
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static void
fill_rounded (GtkSnapshot   *snapshot,
              const GdkRGBA *fill,
              const GdkRGBA *border,
              double         x,
              double         y,
              double         w,
              double         h,
              double         radius)
{
  GskRoundedRect rr;

  if (w <= 0 || h <= 0)
    return;
  radius = MIN (radius, MIN (w, h) / 2.0);
  gsk_rounded_rect_init_from_rect (&rr, &GRAPHENE_RECT_INIT (x, y, w, h), radius);
  if (fill != NULL)
    {
      if (radius > 0)
        {
          gtk_snapshot_push_rounded_clip (snapshot, &rr);
          gtk_snapshot_append_color (snapshot, fill, &rr.bounds);
          gtk_snapshot_pop (snapshot);
        }
      else
        gtk_snapshot_append_color (snapshot, fill, &rr.bounds);
    }
  if (border != NULL)
    {
      const float widths[4] = { 1, 1, 1, 1 };
      const GdkRGBA colors[4] = { *border, *border, *border, *border };

      gtk_snapshot_append_border (snapshot, &rr, widths, colors);
    }
}

/* A vertical dashed line one pixel wide, as a repeat node. */
static void
dashed_vline (GtkSnapshot   *snapshot,
              const GdkRGBA *color,
              double         x,
              double         y0,
              double         y1,
              double         dash,
              double         gap)
{
  if (y1 <= y0)
    return;
  gtk_snapshot_push_repeat (snapshot, &GRAPHENE_RECT_INIT (x, y0, 2, y1 - y0),
                            &GRAPHENE_RECT_INIT (x, y0, 2, dash + gap));
  fill_rect (snapshot, color, x, y0, 2, dash);
  gtk_snapshot_pop (snapshot);
}

typedef enum
{
  SHAPE_DIAMOND,
  SHAPE_HOLLOW_DIAMOND,
  SHAPE_ARROW_DOWN,
  SHAPE_ARROW_UP,
  SHAPE_ARROW_RIGHT,
  SHAPE_ARROW_LEFT,
  SHAPE_FOOT_LEFT,     /* summary bracket ends */
  SHAPE_FOOT_RIGHT,
  SHAPE_DEADLINE,
} ShapeKind;

/* A small cairo-drawn shape with tight bounds (no path nodes in GTK 4.8):
 * (x, y) is the tip / centre, size the half extent. */
static void
draw_shape (GtkSnapshot   *snapshot,
            ShapeKind      kind,
            double         x,
            double         y,
            double         size,
            const GdkRGBA *color,
            const GdkRGBA *border)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x - size - 2, y - size - 2,
                                               2 * size + 4, 2 * size + 4);
  cairo_t *cr;

  if (kind == SHAPE_FOOT_LEFT || kind == SHAPE_FOOT_RIGHT)
    bounds = GRAPHENE_RECT_INIT (x - size - 1, y - 1, 2 * size + 2, size + 2);
  else if (kind == SHAPE_DEADLINE)
    bounds = GRAPHENE_RECT_INIT (x - size - 1, y - 2 * size - 1, 2 * size + 2, 2 * size + 2);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  gdk_cairo_set_source_rgba (cr, color);
  switch (kind)
    {
    case SHAPE_DIAMOND:
    case SHAPE_HOLLOW_DIAMOND:
      cairo_move_to (cr, x, y - size);
      cairo_line_to (cr, x + size, y);
      cairo_line_to (cr, x, y + size);
      cairo_line_to (cr, x - size, y);
      cairo_close_path (cr);
      if (kind == SHAPE_HOLLOW_DIAMOND)
        {
          cairo_set_line_width (cr, 1.2);
          cairo_stroke (cr);
        }
      else if (border != NULL)
        {
          cairo_fill_preserve (cr);
          gdk_cairo_set_source_rgba (cr, border);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
      break;
    case SHAPE_ARROW_DOWN:
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x - size, y - size * 1.3);
      cairo_line_to (cr, x + size, y - size * 1.3);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case SHAPE_ARROW_UP:
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x - size, y + size * 1.3);
      cairo_line_to (cr, x + size, y + size * 1.3);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case SHAPE_ARROW_RIGHT:
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x - size * 1.3, y - size);
      cairo_line_to (cr, x - size * 1.3, y + size);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case SHAPE_ARROW_LEFT:
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + size * 1.3, y - size);
      cairo_line_to (cr, x + size * 1.3, y + size);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case SHAPE_FOOT_LEFT:
      /* (x, y) is the bracket's outer top corner; size its height */
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + size * 0.75, y);
      cairo_line_to (cr, x, y + size);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case SHAPE_FOOT_RIGHT:
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x - size * 0.75, y);
      cairo_line_to (cr, x, y + size);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case SHAPE_DEADLINE:
      /* a downward arrow standing on the bar's baseline */
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x - size * 0.8, y - size);
      cairo_line_to (cr, x - size * 0.3, y - size);
      cairo_line_to (cr, x - size * 0.3, y - size * 1.8);
      cairo_line_to (cr, x + size * 0.3, y - size * 1.8);
      cairo_line_to (cr, x + size * 0.3, y - size);
      cairo_line_to (cr, x + size * 0.8, y - size);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    default:
      break;
    }
  cairo_destroy (cr);
}

/* One text style for the chart: the widget's font, slightly smaller. */
static PangoLayout *
create_layout (GantryChart *self,
               double       scale)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoContext *context = pango_layout_get_context (layout);
  g_autoptr(PangoFontDescription) desc =
    pango_font_description_copy (pango_context_get_font_description (context));
  int size = pango_font_description_get_size (desc);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (desc))
    pango_font_description_set_absolute_size (desc, size * scale);
  else
    pango_font_description_set_size (desc, (int) (size * scale));
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

/* Appends text with its left edge at x, vertically centred on cy;
 * returns its width. */
static int
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           const char    *text,
           double         x,
           double         cy,
           const GdkRGBA *color)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (cy - h / 2.0)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  return w;
}

static int
text_width (PangoLayout *layout,
            const char  *text)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

/* "Ana[50%], Bob": the task's resources as MS Project writes them on
 * the bar's right (100 % is not written). */
static char *
format_resources (GantryTask *task)
{
  GPtrArray *assignments = gantry_task_get_assignments (task);
  GString *s;

  if (assignments == NULL || assignments->len == 0)
    return NULL;
  s = g_string_new (NULL);
  for (guint i = 0; i < assignments->len; i++)
    {
      GantryAssignment *a = g_ptr_array_index (assignments, i);
      GantryResource *r = gantry_assignment_get_resource (a);
      double units = gantry_assignment_get_units (a);
      const char *name = r ? gantry_resource_get_name (r) : NULL;

      if (name == NULL || *name == '\0')
        continue;
      if (s->len > 0)
        /* TRANSLATORS: separates resource names on a Gantt bar */
        g_string_append (s, _(", "));
      g_string_append (s, name);
      if (r != NULL && gantry_resource_get_resource_type (r) == GANTRY_RESOURCE_WORK
          && fabs (units - 1.0) > 0.0005)
        {
          g_autofree char *num = g_strdup_printf ("%.0f", units * 100.0);

          /* TRANSLATORS: a resource's units on a Gantt bar, e.g. "Ana[50%]" */
          g_string_append_printf (s, _("[%s%%]"), num);
        }
    }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Background and timescale (cached per zoom and horizontal tile)           */
/* ------------------------------------------------------------------------ */

/* The background and the header are built in content coordinates (x = 0 at
 * the origin), in tiles one viewport wide; each frame translates the one
 * or two tiles it shows. */
static inline double
cx_for_time (GantryChart *self,
             GantryTime   t)
{
  return (double) (t - self->origin) * self->px_per_ms;
}

static inline GantryTime
time_for_cx (GantryChart *self,
             double       cx)
{
  double t = (double) self->origin + cx / self->px_per_ms;

  return (GantryTime) CLAMP (t, (double) GANTRY_TIME_MIN, (double) GANTRY_TIME_MAX);
}

static void
shade_span (GantryChart *self,
            GtkSnapshot *snapshot,
            GantryTime   from,
            GantryTime   to,
            double       y0,
            double       y1)
{
  double x0 = round (cx_for_time (self, from));
  double x1 = round (cx_for_time (self, to));

  fill_rect (snapshot, &self->pal.nonworking, x0, y0, x1 - x0, y1 - y0);
}

static void
build_background (GantryChart *self,
                  GtkSnapshot *snapshot,
                  double       sx0,
                  double       sx1,
                  double       y0,
                  double       y1)
{
  const GantryZoomLevel *z = gantry_scale_get_zoom_level (self->zoom);
  const Palette *p = &self->pal;
  GantryTime t0 = time_for_cx (self, sx0);
  GantryTime t1 = time_for_cx (self, sx1);
  GantryTime t;
  int guard;

  fill_rect (snapshot, &p->base, sx0, y0, sx1 - sx0, y1 - y0);

  /* Non-working time: whole days from the project calendar (merged into
   * runs); at the hours zoom also the hours outside the working ranges.
   * Below 6 px a day the weekend stripes would only be noise. */
  if (z->px_per_day >= 6.0)
    {
      gint64 d0 = gantry_time_day_number (t0);
      gint64 d1 = gantry_time_day_number (t1) + 1;
      gint64 run = G_MININT64;

      for (gint64 d = d0; d <= d1; d++)
        {
          const GantryDayDef *def = resolve_day (self, d);
          gboolean off = def->kind != GANTRY_DAY_WORKING || def->n_ranges == 0;

          if (off && run == G_MININT64)
            run = d;
          if ((!off || d == d1) && run != G_MININT64)
            {
              shade_span (self, snapshot, gantry_time_from_day_number (run),
                          gantry_time_from_day_number (off ? d + 1 : d), y0, y1);
              run = G_MININT64;
            }
          if (!off && z->shade_hours)
            {
              GantryTime day = gantry_time_from_day_number (d);
              int prev = 0;

              for (int i = 0; i < def->n_ranges; i++)
                {
                  if (def->ranges[i].from > prev)
                    shade_span (self, snapshot, day + prev * GANTRY_MS_MINUTE,
                                day + def->ranges[i].from * GANTRY_MS_MINUTE, y0, y1);
                  prev = def->ranges[i].to;
                }
              if (prev < 1440)
                shade_span (self, snapshot, day + prev * GANTRY_MS_MINUTE,
                            day + GANTRY_MS_DAY, y0, y1);
            }
        }
    }

  /* Grid: the lower tier's boundaries, the upper tier's stronger. */
  if (z->px_per_day * gantry_scale_unit_ms (z->minor) / (double) GANTRY_MS_DAY >= 10.0)
    {
      int step = z->minor == GANTRY_SCALE_HOUR ? 1 : 1;

      t = gantry_scale_floor (t0, z->minor, step, self->week_start);
      for (guard = 0; t < t1 && guard < 5000; guard++)
        {
          fill_rect (snapshot, &p->grid, round (cx_for_time (self, t)), y0, 1, y1 - y0);
          t = gantry_scale_next (t, z->minor, step);
        }
    }
  t = gantry_scale_floor (t0, z->major, 1, self->week_start);
  for (guard = 0; t < t1 && guard < 5000; guard++)
    {
      fill_rect (snapshot, &p->grid_major, round (cx_for_time (self, t)), y0, 1, y1 - y0);
      t = gantry_scale_next (t, z->major, 1);
    }

  /* Today (the project's current date) and the status date. */
  t = get_today (self);
  if (t >= t0 && t <= t1)
    dashed_vline (snapshot, &p->today, round (cx_for_time (self, t)) - 1, y0, y1, 5, 3);
  t = get_status_date (self);
  if (t != GANTRY_TIME_NONE && t >= t0 && t <= t1)
    dashed_vline (snapshot, &p->status, round (cx_for_time (self, t)) - 1, y0, y1, 2, 2);
}

/* The widest label of each form, over a sample covering every month,
 * weekday and hour. */
static int
label_variant_width (GantryChart     *self,
                     PangoLayout     *layout,
                     GantryScaleUnit  unit,
                     gboolean         major,
                     guint            variant)
{
  /* Monday 2001-01-01 starts the sample. */
  GantryTime t = gantry_time_make (2001, 1, 1, 0, 0, 0);
  int n, w = 0;

  switch (unit)
    {
    case GANTRY_SCALE_HOUR:    n = 24; break;
    case GANTRY_SCALE_DAY:     n = 7; break;
    case GANTRY_SCALE_WEEK:    n = 12; break;
    case GANTRY_SCALE_MONTH:   n = 12; break;
    case GANTRY_SCALE_QUARTER: n = 4; break;
    case GANTRY_SCALE_YEAR:
    default:                   n = 1; t = gantry_time_make (2088, 1, 1, 0, 0, 0); break;
    }
  if (unit == GANTRY_SCALE_DAY)
    t = gantry_time_make (2001, 1, 29, 0, 0, 0);  /* two-digit days */
  for (int i = 0; i < n; i++)
    {
      g_autofree char *label = gantry_scale_format_label (t, unit, major, variant);

      w = MAX (w, text_width (layout, label));
      /* weeks: one in each month (the month names are what varies) */
      if (unit == GANTRY_SCALE_WEEK)
        t = gantry_scale_floor (gantry_time_make (2001, i + 2 > 12 ? 12 : i + 2, 28, 0, 0, 0),
                                unit, 1, self->week_start);
      else
        t = gantry_scale_next (t, unit, 1);
    }
  return w;
}

/* Picks the longest label form that fits cells of cell_px (cached per
 * zoom and style: measuring takes a few dozen layouts). */
static int
choose_variant (GantryChart     *self,
                PangoLayout     *layout,
                GantryScaleUnit  unit,
                gboolean         major,
                double           cell_px)
{
  guint n = gantry_scale_n_label_variants (unit, major);
  guint key = self->style_stamp * 16 + (guint) self->zoom + 1;
  int *slot;

  if (self->variants_key != key)
    {
      for (guint i = 0; i < G_N_ELEMENTS (self->variants); i++)
        self->variants[i] = G_MININT;
      self->variants_key = key;
    }
  slot = &self->variants[unit * 2 + (major ? 1 : 0)];
  if (*slot != G_MININT)
    return *slot;
  *slot = -1;
  for (guint v = 0; v < n; v++)
    if (label_variant_width (self, layout, unit, major, v) + 2 * LABEL_PAD <= cell_px)
      {
        *slot = (int) v;
        break;
      }
  return *slot;
}

static void
build_tier (GantryChart     *self,
            GtkSnapshot     *snapshot,
            PangoLayout     *layout,
            GantryScaleUnit  unit,
            int              step,
            gboolean         major,
            double           sx0,
            double           sx1,
            double           y,
            double           h)
{
  const Palette *p = &self->pal;
  double min_cell = self->px_per_ms * gantry_scale_unit_ms (unit) * step;
  GantryTime t, end = time_for_cx (self, sx1);
  int variant;

  if (unit == GANTRY_SCALE_MONTH)
    min_cell = self->px_per_ms * 28 * GANTRY_MS_DAY;
  else if (unit == GANTRY_SCALE_QUARTER)
    min_cell = self->px_per_ms * 90 * GANTRY_MS_DAY;
  variant = choose_variant (self, layout, unit, major, min_cell);

  t = gantry_scale_floor (time_for_cx (self, sx0), unit, step, self->week_start);
  for (int guard = 0; t < end && guard < 5000; guard++)
    {
      GantryTime next = gantry_scale_next (t, unit, step);
      double x0 = round (cx_for_time (self, t));
      double x1 = round (cx_for_time (self, next));

      fill_rect (snapshot, &p->border, x0, y, 1, h);
      if (variant >= 0)
        {
          g_autofree char *label = gantry_scale_format_label (t, unit, major, variant);
          int w = text_width (layout, label);
          double lx = major ? x0 + LABEL_PAD + 1 : x0 + (x1 - x0 - w) / 2.0;

          draw_text (snapshot, layout, label, lx, y + h / 2.0, &p->fg);
        }
      t = next;
    }
}

static int
hour_step (GantryChart *self,
           PangoLayout *layout)
{
  static const int steps[] = { 1, 2, 3, 4, 6, 12 };
  guint last = gantry_scale_n_label_variants (GANTRY_SCALE_HOUR, FALSE) - 1;
  int w = label_variant_width (self, layout, GANTRY_SCALE_HOUR, FALSE, last);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (w + 2 * LABEL_PAD <= self->px_per_ms * GANTRY_MS_HOUR * steps[i])
      return steps[i];
  return 24;
}

static void
build_header (GantryChart *self,
              GtkSnapshot *snapshot,
              double       sx0,
              double       sx1)
{
  const GantryZoomLevel *z = gantry_scale_get_zoom_level (self->zoom);
  const Palette *p = &self->pal;
  g_autoptr(PangoLayout) layout = create_layout (self, 0.9);
  double hh = self->header_height;
  double h1 = floor (hh / 2.0);
  int step = 1;

  fill_rect (snapshot, &p->header_bg, sx0, 0, sx1 - sx0, hh);
  build_tier (self, snapshot, layout, z->major, 1, TRUE, sx0, sx1, 0, h1);
  if (z->minor == GANTRY_SCALE_HOUR)
    step = hour_step (self, layout);
  build_tier (self, snapshot, layout, z->minor, step, FALSE, sx0, sx1, h1, hh - h1);
  fill_rect (snapshot, &p->border, sx0, h1, sx1 - sx0, 1);
  fill_rect (snapshot, &p->border, sx0, hh - 1, sx1 - sx0, 1);
}

/* The upper tier's label of the unit under the left edge, kept in view
 * (drawn over the cached header, like a sticky heading). */
static void
draw_sticky_label (GantryChart *self,
                   GtkSnapshot *snapshot)
{
  const GantryZoomLevel *z = gantry_scale_get_zoom_level (self->zoom);
  const Palette *p = &self->pal;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *label = NULL;
  GantryTime left = time_for_x (self, 0);
  GantryTime t = gantry_scale_floor (left, z->major, 1, self->week_start);
  GantryTime next = gantry_scale_next (t, z->major, 1);
  double x0 = round (x_for_time (self, t));
  double x1 = round (x_for_time (self, next));
  double h1 = floor (self->header_height / 2.0);
  double cell = self->px_per_ms * gantry_scale_unit_ms (z->major);
  int variant, w;
  double lx;

  if (x0 >= -1)
    return;   /* the cached label is fully visible */
  layout = create_layout (self, 0.9);
  if (z->major == GANTRY_SCALE_MONTH)
    cell = self->px_per_ms * 28 * GANTRY_MS_DAY;
  else if (z->major == GANTRY_SCALE_QUARTER)
    cell = self->px_per_ms * 90 * GANTRY_MS_DAY;
  variant = choose_variant (self, layout, z->major, TRUE, cell);
  if (variant < 0)
    return;
  label = gantry_scale_format_label (t, z->major, TRUE, variant);
  w = text_width (layout, label);
  lx = LABEL_PAD + 1;
  if (lx + w + LABEL_PAD > x1)
    {
      /* no room before the next unit: hide the cut-off cached label */
      fill_rect (snapshot, &p->header_bg, 0, 0, x1, h1);
      return;
    }
  fill_rect (snapshot, &p->header_bg, 0, 0, MIN (x1, lx + w + LABEL_PAD), h1);
  draw_text (snapshot, layout, label, lx, h1 / 2.0, &p->fg);
}

/* ------------------------------------------------------------------------ */
/* Rows: bars, arrows, labels                                               */
/* ------------------------------------------------------------------------ */

static double
milestone_half (const BarGeom *g)
{
  return floor ((g->bottom - g->top) / 2.0) + 2.0;
}

static double
bar_start_x (const BarGeom *g)
{
  return g->milestone ? g->x0 - milestone_half (g) : g->x0;
}

static double
bar_end_x (const BarGeom *g)
{
  return g->milestone ? g->x0 + milestone_half (g) : g->x1;
}

/* Axis-aligned polyline of 1 px lines through n points. */
static void
draw_polyline (GtkSnapshot   *snapshot,
               const GdkRGBA *color,
               const graphene_point_t *pts,
               int            n)
{
  for (int i = 0; i + 1 < n; i++)
    {
      double ax = floor (pts[i].x), ay = floor (pts[i].y);
      double bx = floor (pts[i + 1].x), by = floor (pts[i + 1].y);

      if (ay == by)
        fill_rect (snapshot, color, MIN (ax, bx), ay, fabs (bx - ax) + 1, 1);
      else
        fill_rect (snapshot, color, ax, MIN (ay, by), 1, fabs (by - ay) + 1);
    }
}

/* Routes a dependency the way MS Project does.  FS: out of the
 * predecessor's end to the right, then down (or up) onto the successor's
 * start with the arrowhead on its top; when the successor starts too far
 * left, around through the gap between the rows into the successor's
 * start from the left.  SS: out of both starts to the left; FF: out of both
 * ends to the right; SF: from the predecessor's start to the successor's
 * end. */
static void
draw_link (GantryChart   *self,
           GtkSnapshot   *snapshot,
           GantryLinkType type,
           const BarGeom *pg,
           const BarGeom *sg,
           const GdkRGBA *color)
{
  graphene_point_t pts[6];
  gboolean down = sg->row_top > pg->row_top;
  double between = down ? pg->row_top + self->row_height : pg->row_top;
  double ps = bar_start_x (pg), pe = bar_end_x (pg);
  double ss = bar_start_x (sg), se = bar_end_x (sg);
  double head = ARROW_HEAD;
  int n = 0;

  switch (type)
    {
    case GANTRY_LINK_FS:
    default:
      {
        double vx = sg->milestone ? sg->x0 : sg->x0 + MIN (5.0, floor ((sg->x1 - sg->x0) / 2.0));

        if (vx >= pe + 3)
          {
            double vy = down ? (sg->milestone ? sg->mid - milestone_half (sg) : sg->top) - 1
                             : (sg->milestone ? sg->mid + milestone_half (sg) : sg->bottom) + 1;

            pts[n++] = GRAPHENE_POINT_INIT (pe, pg->mid);
            pts[n++] = GRAPHENE_POINT_INIT (vx, pg->mid);
            pts[n++] = GRAPHENE_POINT_INIT (vx, down ? vy - head : vy + head);
            draw_polyline (snapshot, color, pts, n);
            draw_shape (snapshot, down ? SHAPE_ARROW_DOWN : SHAPE_ARROW_UP,
                        vx + 0.5, vy + (down ? 0.5 : 0.5), head, color, NULL);
            return;
          }
        pts[n++] = GRAPHENE_POINT_INIT (pe, pg->mid);
        pts[n++] = GRAPHENE_POINT_INIT (pe + ARROW_STUB, pg->mid);
        pts[n++] = GRAPHENE_POINT_INIT (pe + ARROW_STUB, between);
        pts[n++] = GRAPHENE_POINT_INIT (ss - ARROW_STUB, between);
        pts[n++] = GRAPHENE_POINT_INIT (ss - ARROW_STUB, sg->mid);
        pts[n++] = GRAPHENE_POINT_INIT (ss - 1 - head * 1.3, sg->mid);
        draw_polyline (snapshot, color, pts, n);
        draw_shape (snapshot, SHAPE_ARROW_RIGHT, ss, sg->mid + 0.5, head, color, NULL);
        return;
      }
    case GANTRY_LINK_SS:
      {
        double xl = MIN (ps, ss) - ARROW_STUB;

        pts[n++] = GRAPHENE_POINT_INIT (ps - 1, pg->mid);
        pts[n++] = GRAPHENE_POINT_INIT (xl, pg->mid);
        pts[n++] = GRAPHENE_POINT_INIT (xl, sg->mid);
        pts[n++] = GRAPHENE_POINT_INIT (ss - 1 - head * 1.3, sg->mid);
        draw_polyline (snapshot, color, pts, n);
        draw_shape (snapshot, SHAPE_ARROW_RIGHT, ss, sg->mid + 0.5, head, color, NULL);
        return;
      }
    case GANTRY_LINK_FF:
      {
        double xr = MAX (pe, se) + ARROW_STUB;

        pts[n++] = GRAPHENE_POINT_INIT (pe, pg->mid);
        pts[n++] = GRAPHENE_POINT_INIT (xr, pg->mid);
        pts[n++] = GRAPHENE_POINT_INIT (xr, sg->mid);
        pts[n++] = GRAPHENE_POINT_INIT (se + 1 + head * 1.3, sg->mid);
        draw_polyline (snapshot, color, pts, n);
        draw_shape (snapshot, SHAPE_ARROW_LEFT, se + 1, sg->mid + 0.5, head, color, NULL);
        return;
      }
    case GANTRY_LINK_SF:
      {
        double xa = ps - ARROW_STUB;

        pts[n++] = GRAPHENE_POINT_INIT (ps - 1, pg->mid);
        if (se + ARROW_STUB <= xa)
          {
            pts[n++] = GRAPHENE_POINT_INIT (se + ARROW_STUB, pg->mid);
            pts[n++] = GRAPHENE_POINT_INIT (se + ARROW_STUB, sg->mid);
          }
        else
          {
            pts[n++] = GRAPHENE_POINT_INIT (xa, pg->mid);
            pts[n++] = GRAPHENE_POINT_INIT (xa, between);
            pts[n++] = GRAPHENE_POINT_INIT (se + ARROW_STUB, between);
            pts[n++] = GRAPHENE_POINT_INIT (se + ARROW_STUB, sg->mid);
          }
        pts[n++] = GRAPHENE_POINT_INIT (se + 1 + head * 1.3, sg->mid);
        draw_polyline (snapshot, color, pts, n);
        draw_shape (snapshot, SHAPE_ARROW_LEFT, se + 1, sg->mid + 0.5, head, color, NULL);
        return;
      }
    }
}

static void
draw_one_link (GantryChart *self,
               GtkSnapshot *snapshot,
               GantryLink  *link,
               int          prow,
               int          srow,
               double       width)
{
  const Palette *p = &self->pal;
  GantryTask *pred = g_ptr_array_index (self->row_tasks, prow);
  GantryTask *succ = g_ptr_array_index (self->row_tasks, srow);
  BarGeom pg, sg;
  double lo_x, hi_x;

  if (!bar_geometry (self, pred, prow, &pg) || !bar_geometry (self, succ, srow, &sg))
    return;
  lo_x = MIN (bar_start_x (&pg), bar_start_x (&sg)) - 2 * ARROW_STUB;
  hi_x = MAX (bar_end_x (&pg), bar_end_x (&sg)) + 2 * ARROW_STUB;
  if (hi_x < 0 || lo_x > width)
    return;
  draw_link (self, snapshot, gantry_link_get_link_type (link), &pg, &sg,
             gantry_task_get_critical (pred) && gantry_task_get_critical (succ)
             ? &p->critical_link : &p->link);
}

/* While the link index is being rebuilt (after a structural change, in an
 * idle), the links of the visible rows are found directly; only links
 * passing by with both ends off screen wait for the index. */
static void
draw_visible_links (GantryChart *self,
                    GtkSnapshot *snapshot,
                    int          first,
                    int          last,
                    double       width)
{
  for (int row = first; row <= last; row++)
    {
      GantryTask *task = g_ptr_array_index (self->row_tasks, row);
      GPtrArray *links;

      if (task == NULL)
        continue;
      links = gantry_task_get_successors (task);
      for (guint k = 0; links != NULL && k < links->len; k++)
        {
          GantryLink *link = g_ptr_array_index (links, k);
          int srow = scan_row (self, gantry_link_get_successor (link), row);

          if (srow >= 0)
            draw_one_link (self, snapshot, link, row, srow, width);
        }
      links = gantry_task_get_predecessors (task);
      for (guint k = 0; links != NULL && k < links->len; k++)
        {
          GantryLink *link = g_ptr_array_index (links, k);
          int prow = scan_row (self, gantry_link_get_predecessor (link), row);

          /* a visible predecessor draws it */
          if (prow >= 0 && (prow < first || prow > last))
            draw_one_link (self, snapshot, link, prow, row, width);
        }
    }
}

static void
draw_links (GantryChart *self,
            GtkSnapshot *snapshot,
            int          first,
            int          last,
            double       width)
{
  if (self->index_dirty)
    {
      draw_visible_links (self, snapshot, first, last, width);
      if (self->index_idle_id == 0)
        self->index_idle_id = g_idle_add_full (G_PRIORITY_LOW, index_idle, self, NULL);
      return;
    }

  for (guint i = 0; i < self->link_spans->len; i++)
    {
      const LinkSpan *span = &g_array_index (self->link_spans, LinkSpan, i);

      if (MAX (span->prow, span->srow) < first || MIN (span->prow, span->srow) > last)
        continue;
      draw_one_link (self, snapshot, span->link, span->prow, span->srow, width);
    }
}

static void
draw_bar (GantryChart *self,
          GtkSnapshot *snapshot,
          PangoLayout *layout,
          GantryTask  *task,
          guint        row,
          double       width)
{
  const Palette *p = &self->pal;
  const GantryBaseline *base = gantry_task_get_baseline (task, 0);
  gboolean critical = gantry_task_get_critical (task);
  gboolean inactive = !gantry_task_get_active (task);
  g_autofree char *resources = NULL;
  GantryTime deadline = gantry_task_get_deadline (task);
  BarGeom g;
  double h, label_x;

  if (!bar_geometry (self, task, row, &g))
    return;
  h = g.bottom - g.top;

  if (inactive)
    gtk_snapshot_push_opacity (snapshot, 0.45);

  /* Baseline ghost below the bar. */
  if (base != NULL && base->start != GANTRY_TIME_NONE)
    {
      double by = g.bottom + 2;
      double bh = MAX (3.0, round (self->row_height * 0.14));
      double bx0 = round (x_for_time (self, base->start));
      double bx1 = base->finish != GANTRY_TIME_NONE ? round (x_for_time (self, base->finish)) : bx0;

      if (g.milestone || bx1 <= bx0)
        draw_shape (snapshot, SHAPE_DIAMOND, bx0, by + bh / 2.0, bh / 2.0 + 1.5, &p->baseline, NULL);
      else if (bx1 >= -10 && bx0 <= width + 10)
        fill_rounded (snapshot, &p->baseline, NULL, bx0, by, bx1 - bx0, bh, 1);
    }

  if (g.x1 >= -40 && g.x0 <= width + 40)
    {
      if (g.milestone)
        {
          draw_shape (snapshot, SHAPE_DIAMOND, g.x0 + 0.5, g.mid, milestone_half (&g),
                      critical ? &p->critical_border : &p->milestone, NULL);
        }
      else if (g.summary)
        {
          double th = MAX (3.0, round (h * 0.42));

          fill_rect (snapshot, &p->summary, g.x0, g.top, g.x1 - g.x0, th);
          draw_shape (snapshot, SHAPE_FOOT_LEFT, g.x0, g.top + th - 0.5, h - th + 2, &p->summary, NULL);
          draw_shape (snapshot, SHAPE_FOOT_RIGHT, g.x1, g.top + th - 0.5, h - th + 2, &p->summary, NULL);
        }
      else
        {
          gboolean manual = gantry_task_get_manual (task);
          int pc = gantry_task_get_percent_complete (task);
          const GdkRGBA *fill = manual ? &p->manual : critical ? &p->critical : &p->bar;
          const GdkRGBA *border = manual ? &p->manual_border
                                         : critical ? &p->critical_border : &p->bar_border;

          fill_rounded (snapshot, fill, border, g.x0, g.top, g.x1 - g.x0, h, 2.5);
          if (manual)
            {
              /* MS Project's manual bars: bracketed ends */
              fill_rect (snapshot, border, g.x0, g.top, MIN (3.0, g.x1 - g.x0), h);
              fill_rect (snapshot, border, MAX (g.x0, g.x1 - 3.0), g.top, MIN (3.0, g.x1 - g.x0), h);
            }
          if (pc > 0)
            {
              double pw = round ((g.x1 - g.x0) * CLAMP (pc, 0, 100) / 100.0);
              double ph = MAX (2.0, round (h / 3.0));

              fill_rect (snapshot, critical ? &p->critical_progress : &p->progress,
                         g.x0, round (g.mid - ph / 2.0), pw, ph);
            }
        }

      /* Deadline: a small arrow on the row when the task has one. */
      if (deadline != GANTRY_TIME_NONE)
        {
          double dx = round (x_for_time (self, deadline));
          const GdkRGBA *dc = gantry_task_get_finish (task) > deadline ? &p->error : &p->deadline;

          if (dx >= -10 && dx <= width + 10)
            draw_shape (snapshot, SHAPE_DEADLINE, dx + 0.5, g.bottom, h * 0.55, dc, NULL);
        }
    }

  /* Resource names at the bar's right; a milestone without resources
   * shows its date, as MS Project does. */
  label_x = bar_end_x (&g) + 8;   /* clear of an FF arrowhead at the bar's end */
  if (deadline != GANTRY_TIME_NONE)
    {
      /* step over a deadline arrow right behind the bar */
      double dx = round (x_for_time (self, deadline));

      if (dx >= label_x - 8 && dx <= label_x + 8)
        label_x = dx + 8;
    }
  if (label_x < width)
    {
      resources = format_resources (task);
      if (resources == NULL && g.milestone)
        {
          GantryTime start = gantry_task_get_start (task);
          g_autoptr(GDateTime) dt = NULL;
          int y, mo, d, hh, mi, s;

          gantry_time_split (start, &y, &mo, &d, &hh, &mi, &s);
          dt = g_date_time_new_utc (y, mo, d, hh, mi, s);
          /* TRANSLATORS: the date beside a milestone diamond, a
           * g_date_time_format() format, e.g. "2 Mar" */
          resources = dt ? g_date_time_format (dt, C_("milestone date", "%-d %b")) : NULL;
        }
      if (resources != NULL && label_x + 400 > 0)
        {
          /* Links, the today and status lines pass under the label: a
           * backing in the row's own colour keeps the text readable. */
          GdkRGBA back = p->base;
          int tw, th;

          if (self->selection != NULL && gtk_selection_model_is_selected (self->selection, row))
            back = mix (&p->base, &p->selection, p->selection.alpha);
          back.alpha = 0.9;
          pango_layout_set_text (layout, resources, -1);
          pango_layout_get_pixel_size (layout, &tw, &th);
          fill_rect (snapshot, &back, round (label_x) - 1, round (g.mid - th / 2.0) + 1, tw + 2, th - 2);
          draw_text (snapshot, layout, resources, label_x, g.mid, &p->dim);
        }
    }

  if (inactive)
    gtk_snapshot_pop (snapshot);
}

/* The progress line (MS Project's "progress line at the status date"):
 * down the status date, and in the row of each task that is in progress,
 * or late (started before the status date but not finished), or ahead
 * (progress recorded though it starts after the status date) out to the
 * task's progress point — the point on its bar at % complete, where the
 * progress bar ends — and back.  Summary, inactive and finished tasks and
 * tasks not due yet leave the line straight.  Appends the vertices for
 * rows first..last to pts (widget coordinates); FALSE when there is no
 * status date. */
/* The progress point of the task in row: FALSE when the progress line
 * passes the row straight (summary, inactive, finished, not due yet). */
static gboolean
progress_point (GantryChart *self,
                GantryTask  *task,
                int          row,
                GantryTime   status,
                BarGeom     *g,
                double      *px)
{
  int pc;

  if (task == NULL || gantry_task_get_summary (task) || !gantry_task_get_active (task)
      || !bar_geometry (self, task, row, g))
    return FALSE;
  pc = CLAMP (gantry_task_get_percent_complete (task), 0, 100);
  if (pc >= 100 || (pc == 0 && gantry_task_get_start (task) >= status))
    return FALSE;
  *px = g->milestone ? g->x0 : g->x0 + round ((g->x1 - g->x0) * pc / 100.0);
  return TRUE;
}

static gboolean
progress_line_points (GantryChart *self,
                      int          first,
                      int          last,
                      GArray      *pts)
{
  GantryTime status = get_status_date (self);
  double sx;

  if (status == GANTRY_TIME_NONE || first > last)
    return FALSE;
  ensure_rows (self);
  sx = round (x_for_time (self, status));
  last = MIN (last, (int) self->row_tasks->len - 1);
  if (first < 0 || first > last)
    return FALSE;
  g_array_append_val (pts, GRAPHENE_POINT_INIT (sx, row_top (self, first)));
  for (int row = first; row <= last; row++)
    {
      GantryTask *task = g_ptr_array_index (self->row_tasks, row);
      BarGeom g;
      double px;

      if (!progress_point (self, task, row, status, &g, &px))
        continue;
      g_array_append_val (pts, GRAPHENE_POINT_INIT (sx, g.row_top));
      g_array_append_val (pts, GRAPHENE_POINT_INIT (px, g.mid));
      g_array_append_val (pts, GRAPHENE_POINT_INIT (sx, g.row_top + self->row_height));
    }
  g_array_append_val (pts, GRAPHENE_POINT_INIT (sx, row_top (self, last) + self->row_height));
  return TRUE;
}

/* The tooltip of the progress line at (x, y), or NULL when the pointer is
 * not on it: on a task's zig-zag, where the task stands against the status
 * date; on the straight line, the status date. */
static char *
progress_line_tooltip (GantryChart *self,
                       double       x,
                       int          row,
                       GantryTask  *task)
{
  GantryTime status = get_status_date (self);
  g_autofree char *status_text = NULL;
  BarGeom g;
  double sx, px;

  if (!self->show_progress_line || status == GANTRY_TIME_NONE)
    return NULL;
  sx = round (x_for_time (self, status));
  status_text = gantry_time_format_display (status, TRUE);
  if (row >= 0 && progress_point (self, task, row, status, &g, &px)
      && x >= MIN (sx, px) - 4 && x <= MAX (sx, px) + 4)
    {
      int pc = CLAMP (gantry_task_get_percent_complete (task), 0, 100);
      GantryTime s = gantry_task_get_start (task), f = gantry_task_get_finish (task);
      GantryTime at = (s == GANTRY_TIME_NONE || f == GANTRY_TIME_NONE) ? s
                      : s + (GantryTime) ((double) (f - s) * pc / 100.0);
      g_autofree char *at_text = gantry_time_format_display (at, TRUE);
      g_autofree char *name = g_markup_escape_text (gantry_task_get_name (task) ? gantry_task_get_name (task) : "", -1);
      const char *where = at < status ? _("behind the status date")
                          : at > status ? _("ahead of the status date") : _("on the status date");

      /* Translators: the progress line's tooltip on a task: its name, the
       * status date, % complete, the progress point's date, and "behind
       * the status date" or "ahead of …" */
      return g_strdup_printf (_("<b>Progress line</b> at the status date %s\n%s: %d%% complete, progress point %s, %s"),
                              status_text, name, pc, at_text, where);
    }
  if (fabs (x - sx) <= 4)
    return g_strdup_printf (_("<b>Progress line</b> at the status date %s"), status_text);
  return NULL;
}

static void
draw_progress_line (GantryChart *self,
                    GtkSnapshot *snapshot,
                    int          first,
                    int          last,
                    double       width)
{
  g_autoptr(GArray) pts = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  double xmin = G_MAXDOUBLE, xmax = -G_MAXDOUBLE, ymin, ymax;
  const GdkRGBA *c = &self->pal.status;
  cairo_t *cr;

  if (!progress_line_points (self, first, last, pts) || pts->len < 2)
    return;
  for (guint i = 0; i < pts->len; i++)
    {
      xmin = MIN (xmin, g_array_index (pts, graphene_point_t, i).x);
      xmax = MAX (xmax, g_array_index (pts, graphene_point_t, i).x);
    }
  if (xmax < -4 || xmin > width + 4)
    return;
  xmin = MAX (xmin, -4) - 2;
  xmax = MIN (xmax, width + 4) + 2;
  ymin = g_array_index (pts, graphene_point_t, 0).y;
  ymax = g_array_index (pts, graphene_point_t, pts->len - 1).y;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (xmin, ymin, xmax - xmin,
                                                                 ymax - ymin));
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
  for (guint i = 0; i < pts->len; i++)
    {
      graphene_point_t *pt = &g_array_index (pts, graphene_point_t, i);

      /* a 2 px line centred on the status line's pixel column */
      if (i == 0)
        cairo_move_to (cr, pt->x, pt->y);
      else
        cairo_line_to (cr, pt->x, pt->y);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
build_rows (GantryChart *self,
            GtkSnapshot *snapshot,
            double       width,
            double       height)
{
  const Palette *p = &self->pal;
  guint n = n_rows (self);
  double vv = vvalue (self);
  double body = height - self->header_height;
  g_autoptr(PangoLayout) layout = NULL;
  int first, last;

  self->n_drawn = 0;
  if (n == 0 || body <= 0)
    return;
  first = (int) floor (vv / self->row_height);
  last = (int) floor ((vv + body) / self->row_height);
  first = CLAMP (first, 0, (int) n - 1);
  last = CLAMP (last, 0, (int) n - 1);
  ensure_rows (self);

  /* Selected rows, and the keyboard cursor while focused. */
  if (self->selection != NULL)
    {
      g_autoptr(GtkBitset) sel = gtk_selection_model_get_selection_in_range (self->selection,
                                                                            first, last - first + 1);
      GtkBitsetIter iter;
      guint row;

      if (gtk_bitset_iter_init_first (&iter, sel, &row))
        do
          {
            if ((int) row < first || (int) row > last)
              continue;
            fill_rect (snapshot, &p->selection, 0, row_top (self, row), width, self->row_height);
          }
        while (gtk_bitset_iter_next (&iter, &row));
    }
  if (gtk_widget_has_focus (GTK_WIDGET (self)) && self->cursor_row >= first
      && self->cursor_row <= last)
    {
      GdkRGBA c = with_alpha (&p->focus, 0.7);
      double y = row_top (self, self->cursor_row);

      fill_rect (snapshot, &c, 0, y, width, 1);
      fill_rect (snapshot, &c, 0, y + self->row_height - 1, width, 1);
    }

  draw_links (self, snapshot, first, last, width);

  layout = create_layout (self, 0.85);
  for (int row = first; row <= last; row++)
    {
      GantryTask *task = g_ptr_array_index (self->row_tasks, row);

      if (task == NULL)
        continue;
      draw_bar (self, snapshot, layout, task, row, width);
      self->n_drawn++;
    }
  if (self->show_progress_line)
    draw_progress_line (self, snapshot, first, last, width);
}

/* ------------------------------------------------------------------------ */
/* Text about a task: tooltips, accessible labels                           */
/* ------------------------------------------------------------------------ */

static char *
format_duration (GantryChart   *self,
                 GantryTask    *task,
                 GantryDuration d)
{
  GantryDurationContext ctx;
  GantryDurationFormat format = gantry_task_get_duration_format (task);

  get_duration_context (self, &ctx);
  if (!gantry_format_is_valid (format) || gantry_format_is_percent (format))
    format = GANTRY_FORMAT_DAYS;
  return gantry_duration_format_long (d, format, &ctx);
}

static char *
format_slack (GantryChart   *self,
              GantryDuration d)
{
  GantryDurationContext ctx;

  get_duration_context (self, &ctx);
  return gantry_duration_format_long (d, GANTRY_FORMAT_DAYS, &ctx);
}

/* Several lines: name, dates, duration, slack, progress.  markup: the
 * name in bold, escaped. */
static char *
describe_task (GantryChart *self,
               GantryTask  *task,
               gboolean     markup,
               gboolean     one_line)
{
  g_autofree char *start = gantry_time_format_display (gantry_task_get_start (task), TRUE);
  g_autofree char *finish = gantry_time_format_display (gantry_task_get_finish (task), TRUE);
  g_autofree char *duration = format_duration (self, task, gantry_task_get_duration (task));
  g_autofree char *slack = format_slack (self, gantry_task_get_total_slack (task));
  g_autofree char *resources = format_resources (task);
  const char *name = gantry_task_get_name (task);
  const char *sep = one_line ? ", " : "\n";
  GString *s = g_string_new (NULL);
  const GantryBaseline *base = gantry_task_get_baseline (task, 0);

  if (name == NULL || *name == '\0')
    name = _("Unnamed task");
  if (markup)
    {
      g_autofree char *escaped = g_markup_escape_text (name, -1);

      g_string_append_printf (s, "<b>%s</b>", escaped);
    }
  else
    g_string_append (s, name);

  if (task_is_milestone (task))
    {
      g_string_append (s, sep);
      /* TRANSLATORS: tooltip line of a milestone */
      g_string_append_printf (s, _("Milestone: %s"), start);
    }
  else
    {
      g_string_append (s, sep);
      g_string_append_printf (s, _("Start: %s"), start);
      g_string_append (s, sep);
      g_string_append_printf (s, _("Finish: %s"), finish);
      g_string_append (s, sep);
      g_string_append_printf (s, _("Duration: %s"), duration);
    }
  if (gantry_task_get_total_slack (task) != GANTRY_TIME_NONE)
    {
      g_string_append (s, sep);
      g_string_append_printf (s, _("Total slack: %s"), slack);
    }
  g_string_append (s, sep);
  g_string_append_printf (s, _("Complete: %d%%"), gantry_task_get_percent_complete (task));
  if (resources != NULL)
    {
      g_autofree char *escaped = markup ? g_markup_escape_text (resources, -1) : g_strdup (resources);

      g_string_append (s, sep);
      g_string_append_printf (s, _("Resources: %s"), escaped);
    }
  if (base != NULL && base->finish != GANTRY_TIME_NONE && !task_is_milestone (task))
    {
      g_autofree char *bf = gantry_time_format_display (base->finish, TRUE);

      g_string_append (s, sep);
      g_string_append_printf (s, _("Baseline finish: %s"), bf);
    }
  if (gantry_task_get_critical (task))
    {
      g_string_append (s, sep);
      g_string_append (s, _("On the critical path"));
    }
  if (gantry_task_get_manual (task))
    {
      g_string_append (s, sep);
      g_string_append (s, _("Manually scheduled"));
    }
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Accessibility                                                            */
/* ------------------------------------------------------------------------ */

static gboolean
grow_items_idle (gpointer data)
{
  GantryChart *self = data;

  self->items_idle_id = 0;
  while (self->items->len < self->items_wanted)
    {
      GtkWidget *item = g_object_new (GANTRY_TYPE_CHART_ITEM, NULL);

      gtk_widget_set_parent (item, GTK_WIDGET (self));
      g_ptr_array_add (self->items, item);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
update_items (GantryChart *self,
              int          width,
              int          height)
{
  guint n = n_rows (self);
  double body = height - self->header_height;
  int first = 0, last = -1;
  guint count, pool;

  if (n > 0 && body > 0)
    {
      first = (int) floor (vvalue (self) / self->row_height);
      last = (int) floor ((vvalue (self) + body - 1) / self->row_height);
      first = CLAMP (first, 0, (int) n - 1);
      last = CLAMP (last, 0, (int) n - 1);
    }
  count = (guint) MAX (0, last - first + 1);
  count = MIN (count, 400);
  /* Adding children here would queue a resize in the middle of the
   * allocation: the pool grows in an idle, then we are allocated again. */
  if (count > self->items->len)
    {
      self->items_wanted = count;
      if (self->items_idle_id == 0)
        self->items_idle_id = g_idle_add (grow_items_idle, self);
    }
  pool = self->items->len;
  count = MIN (count, pool);

  /* Item k shows rows r with r % pool == k, so scrolling by a row
   * relabels one item only. */
  for (guint k = 0; k < pool; k++)
    ((GantryChartItem *) g_ptr_array_index (self->items, k))->used = FALSE;

  for (guint i = 0; i < count; i++)
    {
      guint row = (guint) first + i;
      GantryChartItem *item = g_ptr_array_index (self->items, row % pool);
      GantryTask *task = row_get_task (self, row);
      gboolean selected = self->selection && gtk_selection_model_is_selected (self->selection, row);
      BarGeom g;
      double x0, x1;
      int min, nat;

      if (!bar_geometry (self, task, row, &g))
        continue;
      item->used = TRUE;
      if (item->task != task || item->stamp != self->data_stamp)
        {
          g_autofree char *label = describe_task (self, task, FALSE, TRUE);

          item->task = task;
          item->stamp = self->data_stamp;
          gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                          -1);
        }
      if (item->selected != selected)
        {
          item->selected = selected;
          gtk_accessible_update_state (GTK_ACCESSIBLE (item),
                                       GTK_ACCESSIBLE_STATE_SELECTED, selected,
                                       -1);
        }
      x0 = CLAMP (bar_start_x (&g), 0, width - 1);
      x1 = CLAMP (bar_end_x (&g), x0 + 1, width);
      gtk_widget_measure (GTK_WIDGET (item), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      if (item->hidden)
        {
          item->hidden = FALSE;
          gtk_accessible_update_state (GTK_ACCESSIBLE (item),
                                       GTK_ACCESSIBLE_STATE_HIDDEN, FALSE, -1);
        }
      gtk_widget_size_allocate (GTK_WIDGET (item),
                                &(GtkAllocation) { (int) x0, (int) MAX (g.top, self->header_height),
                                                   (int) MAX (1, x1 - x0),
                                                   (int) MAX (1, g.bottom - g.top) }, -1);
    }

  for (guint k = 0; k < pool; k++)
    {
      GantryChartItem *item = g_ptr_array_index (self->items, k);

      int min, nat;

      if (item->used)
        continue;
      /* Unused stand-ins stay allocated (toggling visibility here would
       * queue a resize in the middle of the allocation) but are hidden
       * from assistive technologies. */
      gtk_widget_measure (GTK_WIDGET (item), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      gtk_widget_size_allocate (GTK_WIDGET (item), &(GtkAllocation) { 0, 0, 0, 0 }, -1);
      if (!item->hidden)
        {
          item->hidden = TRUE;
          item->task = NULL;
          gtk_accessible_update_state (GTK_ACCESSIBLE (item),
                                       GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
        }
    }
}

/* The chart's description follows the keyboard cursor, so a screen reader
 * reads the focused bar. */
static void
update_description (GantryChart *self)
{
  GantryTask *task = self->cursor_row >= 0 ? row_get_task (self, self->cursor_row) : NULL;
  g_autofree char *text = task ? describe_task (self, task, FALSE, TRUE) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text ? text : _("No task selected"),
                                  -1);
}

/* ------------------------------------------------------------------------ */
/* Snapshot                                                                 */
/* ------------------------------------------------------------------------ */

static void
draw_info_box (GantryChart *self,
               GtkSnapshot *snapshot,
               const char  *text,
               double       px,
               double       py,
               gboolean     error)
{
  const Palette *p = &self->pal;
  g_autoptr(PangoLayout) layout = create_layout (self, 0.9);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  int w, h;
  double x, y;

  pango_layout_set_single_paragraph_mode (layout, FALSE);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  x = px + 14;
  y = py + 18;
  if (x + w + 12 > width)
    x = MAX (0, px - w - 20);
  if (y + h + 8 > height)
    y = MAX (self->header_height, py - h - 20);
  fill_rounded (snapshot, &p->feedback, error ? &p->error : &p->border,
                x, y, w + 12, h + 8, 4);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x + 6), round (y + 4)));
  gtk_snapshot_append_layout (snapshot, layout, error ? &p->error : &p->fg);
  gtk_snapshot_restore (snapshot);
}

static void
draw_outline (GantryChart   *self,
              GtkSnapshot   *snapshot,
              const BarGeom *g,
              const GdkRGBA *color)
{
  if (g->milestone)
    {
      double half = milestone_half (g) + 2;

      fill_rounded (snapshot, NULL, color, g->x0 - half, g->mid - half, 2 * half + 1, 2 * half, 2);
    }
  else
    fill_rounded (snapshot, NULL, color, g->x0 - 2, g->top - 2, g->x1 - g->x0 + 4,
                  g->bottom - g->top + 4, 3.5);
}

static void
draw_feedback (GantryChart *self,
               GtkSnapshot *snapshot)
{
  const Palette *p = &self->pal;
  DragState *d = &self->drag;
  BarGeom g;

  if (!d->active || !d->started)
    {
      if (self->hover_task != NULL && self->hover_zone >= HIT_BAR
          && bar_geometry (self, self->hover_task, self->hover_row, &g))
        {
          GdkRGBA c = with_alpha (&p->focus, 0.8);

          draw_outline (self, snapshot, &g, &c);
        }
      return;
    }

  switch (d->mode)
    {
    case DRAG_MOVE:
    case DRAG_RESIZE:
      if (bar_geometry (self, d->task, d->row, &g))
        {
          g_autofree char *start = gantry_time_format_display (d->new_start, TRUE);
          g_autofree char *finish = gantry_time_format_display (d->new_finish, TRUE);
          g_autofree char *text = NULL;
          GdkRGBA fill = with_alpha (&p->focus, 0.25);

          g.x0 = round (x_for_time (self, d->new_start));
          g.x1 = g.milestone ? g.x0 : MAX (g.x0 + 2, round (x_for_time (self, d->new_finish)));
          if (g.milestone)
            draw_shape (snapshot, SHAPE_DIAMOND, g.x0 + 0.5, g.mid, milestone_half (&g),
                        &fill, &p->focus);
          else
            fill_rounded (snapshot, &fill, &p->focus, g.x0, g.top, g.x1 - g.x0, g.bottom - g.top, 2.5);
          if (d->mode == DRAG_MOVE)
            text = g_strdup_printf (_("Start: %s\nFinish: %s"), start, finish);
          else
            {
              g_autofree char *dur = format_duration (self, d->task, d->new_duration);

              text = g_strdup_printf (_("Duration: %s\nFinish: %s"), dur, finish);
            }
          draw_info_box (self, snapshot, text, d->x, d->y, FALSE);
        }
      break;

    case DRAG_PROGRESS:
      if (bar_geometry (self, d->task, d->row, &g))
        {
          g_autofree char *text = g_strdup_printf (_("Complete: %d%%"), d->new_percent);
          double pw = round ((g.x1 - g.x0) * d->new_percent / 100.0);
          GdkRGBA fill = with_alpha (&p->focus, 0.55);

          fill_rect (snapshot, &fill, g.x0, g.top, pw, g.bottom - g.top);
          fill_rect (snapshot, &p->focus, g.x0 + pw - 1, g.top - 2, 2, g.bottom - g.top + 4);
          draw_info_box (self, snapshot, text, d->x, d->y, FALSE);
        }
      break;

    case DRAG_LINK:
      if (bar_geometry (self, d->task, d->row, &g))
        {
          double sx = bar_end_x (&g), sy = g.mid;
          graphene_rect_t bounds;
          g_autofree char *text = NULL;
          cairo_t *cr;

          draw_outline (self, snapshot, &g, &p->focus);
          if (d->target != NULL && d->problem == NULL
              && bar_geometry (self, d->target, d->target_row, &g))
            draw_outline (self, snapshot, &g, &p->focus);
          graphene_rect_init (&bounds, MIN (sx, d->x) - 4, MIN (sy, d->y) - 4,
                              fabs (d->x - sx) + 8, fabs (d->y - sy) + 8);
          cr = gtk_snapshot_append_cairo (snapshot, &bounds);
          gdk_cairo_set_source_rgba (cr, d->problem ? &p->error : &p->focus);
          cairo_set_line_width (cr, 1.5);
          cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
          cairo_move_to (cr, sx, sy);
          cairo_line_to (cr, d->x, d->y);
          cairo_stroke (cr);
          cairo_destroy (cr);

          if (d->problem != NULL)
            text = g_strdup (d->problem);
          else if (d->target != NULL)
            text = g_strdup_printf (_("Link “%s” to “%s”"),
                                    gantry_task_get_name (d->task),
                                    gantry_task_get_name (d->target));
          else
            text = g_strdup (_("Drop on another task to link them"));
          draw_info_box (self, snapshot, text, d->x, d->y, d->problem != NULL);
        }
      break;

    case DRAG_BAND:
      {
        GdkRGBA fill = with_alpha (&p->focus, 0.15);
        double x0 = MIN (d->x0, d->x), y0 = MIN (d->y0, d->y);

        fill_rounded (snapshot, &fill, &p->focus, x0, y0, fabs (d->x - d->x0), fabs (d->y - d->y0), 0);
      }
      break;

    case DRAG_NONE:
    case DRAG_IGNORE:
    default:
      break;
    }
}

static gboolean
bg_key_equal (const BgKey *a,
              const BgKey *b)
{
  return a->valid && b->valid && a->hvalue == b->hvalue && a->width == b->width
         && a->height == b->height && a->header == b->header && a->zoom == b->zoom
         && a->cal_stamp == b->cal_stamp && a->style_stamp == b->style_stamp
         && a->today == b->today && a->status == b->status && a->origin == b->origin;
}

/* The cached tile index (built now when missing or stale). */
static Tile *
get_tile (GantryChart *self,
          gint64       index,
          const BgKey *key,
          double       header,
          double       height)
{
  Tile *tile = NULL;
  double w = key->hvalue;
  double sx0 = (double) index * w, sx1 = sx0 + w;
  GtkSnapshot *s;

  self->tile_clock++;
  for (guint i = 0; i < N_TILES; i++)
    if (self->tiles[i].index == index && bg_key_equal (&self->tiles[i].key, key))
      {
        self->tiles[i].used = self->tile_clock;
        return &self->tiles[i];
      }
  /* the least recently drawn slot */
  for (guint i = 0; i < N_TILES; i++)
    if (tile == NULL || self->tiles[i].used < tile->used)
      tile = &self->tiles[i];
  g_clear_pointer (&tile->bg, gsk_render_node_unref);
  g_clear_pointer (&tile->header, gsk_render_node_unref);

  /* Each tile is clipped to itself: shading of a day or a label that
   * straddles two tiles is drawn by both, half each. */
  s = gtk_snapshot_new ();
  gtk_snapshot_push_clip (s, &GRAPHENE_RECT_INIT (sx0, header, w, MAX (height - header, 0)));
  build_background (self, s, sx0, sx1, header, height);
  gtk_snapshot_pop (s);
  tile->bg = gtk_snapshot_free_to_node (s);

  s = gtk_snapshot_new ();
  gtk_snapshot_push_clip (s, &GRAPHENE_RECT_INIT (sx0, 0, w, header));
  build_header (self, s, sx0, sx1);
  gtk_snapshot_pop (s);
  tile->header = gtk_snapshot_free_to_node (s);

  tile->index = index;
  tile->key = *key;
  tile->used = self->tile_clock;
  return tile;
}

static gboolean
rows_key_equal (const RowsKey *a,
                const RowsKey *b)
{
  return a->valid && b->valid && a->hvalue == b->hvalue && a->vvalue == b->vvalue
         && a->width == b->width && a->height == b->height && a->header == b->header
         && a->row_height == b->row_height && a->zoom == b->zoom
         && a->data_stamp == b->data_stamp && a->style_stamp == b->style_stamp
         && a->focused == b->focused;
}

static void
gantry_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  GantryChart *self = GANTRY_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double hh = MIN (self->header_height, height);
  double hv = hvalue (self);
  double tile_w;
  gint64 tile0;
  Tile *shown[2];
  BgKey bk;
  RowsKey rk;

  if (width <= 0 || height <= 0)
    return;
  ensure_palette (self);
  if (self->px_per_ms <= 0)
    update_hadjustment (self);

  tile_w = MAX (width, 64);
  tile0 = (gint64) floor (hv / tile_w);
  bk = (BgKey) {
    .hvalue = tile_w, .width = width, .height = height, .header = self->header_height,
    .zoom = self->zoom, .cal_stamp = calendar_chain_stamp (project_calendar (self)),
    .style_stamp = self->style_stamp, .today = get_today (self) / GANTRY_MS_HOUR,
    .status = get_status_date (self), .origin = self->origin, .valid = TRUE,
  };
  shown[0] = get_tile (self, tile0, &bk, hh, height);
  shown[1] = (tile0 + 1) * tile_w < hv + width ? get_tile (self, tile0 + 1, &bk, hh, height) : NULL;

  rk = (RowsKey) {
    .hvalue = hv + (double) self->origin, .vvalue = vvalue (self), .width = width,
    .height = height, .header = self->header_height, .row_height = self->row_height,
    .zoom = self->zoom, .data_stamp = self->data_stamp, .style_stamp = self->style_stamp,
    .focused = gtk_widget_has_focus (widget), .valid = TRUE,
  };
  if (self->rows_node == NULL || !rows_key_equal (&rk, &self->rows_key))
    {
      GtkSnapshot *s = gtk_snapshot_new ();

      g_clear_pointer (&self->rows_node, gsk_render_node_unref);
      build_rows (self, s, width, height);
      self->rows_node = gtk_snapshot_free_to_node (s);
      self->rows_key = rk;
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, hh, width, height - hh));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-hv, 0));
  for (int i = 0; i < 2; i++)
    if (shown[i] != NULL && shown[i]->bg != NULL)
      gtk_snapshot_append_node (snapshot, shown[i]->bg);
  gtk_snapshot_restore (snapshot);
  if (self->rows_node != NULL)
    gtk_snapshot_append_node (snapshot, self->rows_node);
  draw_feedback (self, snapshot);
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, hh));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-hv, 0));
  for (int i = 0; i < 2; i++)
    if (shown[i] != NULL && shown[i]->header != NULL)
      gtk_snapshot_append_node (snapshot, shown[i]->header);
  gtk_snapshot_restore (snapshot);
  draw_sticky_label (self, snapshot);
  gtk_snapshot_pop (snapshot);
}

/* ------------------------------------------------------------------------ */
/* Hit testing and selection                                                */
/* ------------------------------------------------------------------------ */

typedef struct
{
  int         row;      /* -1: none */
  GantryTask *task;     /* borrowed */
  HitZone     zone;
  BarGeom     g;
} Hit;

static void
hit_test (GantryChart *self,
          double       x,
          double       y,
          Hit         *hit)
{
  double pos;
  guint n = n_rows (self);

  memset (hit, 0, sizeof *hit);
  hit->row = -1;
  hit->zone = HIT_NONE;
  if (y < self->header_height || n == 0)
    return;
  pos = (y - self->header_height + vvalue (self)) / self->row_height;
  if (pos < 0 || pos >= n)
    return;
  hit->row = (int) pos;
  hit->task = row_get_task (self, hit->row);
  hit->zone = HIT_ROW;
  if (hit->task == NULL || !bar_geometry (self, hit->task, hit->row, &hit->g))
    return;

  if (y < hit->g.top - 3 || y > hit->g.bottom + 3)
    return;
  if (hit->g.milestone)
    {
      if (fabs (x - hit->g.x0) <= milestone_half (&hit->g) + 3)
        hit->zone = HIT_BAR;
      return;
    }
  if (hit->g.summary)
    {
      if (x >= hit->g.x0 - 3 && x <= hit->g.x1 + 3)
        hit->zone = HIT_BAR;
      return;
    }
  if (x >= hit->g.x1 - RESIZE_GRIP && x <= hit->g.x1 + RESIZE_GRIP
      && (hit->g.x1 - hit->g.x0 >= 2 * RESIZE_GRIP || x >= hit->g.x1))
    {
      hit->zone = HIT_RESIZE;
      return;
    }
  if (x >= hit->g.x0 - 2 && x <= hit->g.x1)
    {
      double px = hit->g.x0 + (hit->g.x1 - hit->g.x0)
                  * gantry_task_get_percent_complete (hit->task) / 100.0;

      hit->zone = fabs (x - px) <= 3 && x < hit->g.x1 - RESIZE_GRIP ? HIT_PROGRESS : HIT_BAR;
    }
}

static void
ensure_row_visible (GantryChart *self,
                    int          row)
{
  double top, page;

  if (self->vadj == NULL || row < 0)
    return;
  top = (double) row * self->row_height;
  page = gtk_adjustment_get_page_size (self->vadj);
  if (page <= 0)
    page = gtk_widget_get_height (GTK_WIDGET (self)) - self->header_height;
  if (top < gtk_adjustment_get_value (self->vadj))
    gtk_adjustment_set_value (self->vadj, top);
  else if (top + self->row_height > gtk_adjustment_get_value (self->vadj) + page)
    gtk_adjustment_set_value (self->vadj, top + self->row_height - page);
}

static void
ensure_bar_visible (GantryChart *self,
                    GantryTask  *task,
                    int          row)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  BarGeom g;

  if (self->hadj == NULL || !bar_geometry (self, task, row, &g))
    return;
  if (bar_end_x (&g) < 0 || bar_start_x (&g) > width)
    gtk_adjustment_set_value (self->hadj, hvalue (self) + bar_start_x (&g) - width * 0.15);
}

static void
set_cursor (GantryChart *self,
            int          row)
{
  if (self->cursor_row == row)
    return;
  self->cursor_row = row;
  self->data_stamp++;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Selects row like a list does: plain (only it), Ctrl (toggle), Shift
 * (range from the cursor). */
static void
select_row (GantryChart     *self,
            int              row,
            GdkModifierType  state)
{
  if (self->selection == NULL || row < 0)
    return;
  if ((state & GDK_SHIFT_MASK) && self->cursor_row >= 0)
    {
      guint a = MIN ((guint) self->cursor_row, (guint) row);
      guint b = MAX ((guint) self->cursor_row, (guint) row);

      gtk_selection_model_select_range (self->selection, a, b - a + 1,
                                        !(state & GDK_CONTROL_MASK));
      return;   /* the cursor stays at the range's anchor */
    }
  if (state & GDK_CONTROL_MASK)
    {
      if (gtk_selection_model_is_selected (self->selection, row))
        gtk_selection_model_unselect_item (self->selection, row);
      else
        gtk_selection_model_select_item (self->selection, row, FALSE);
    }
  else
    gtk_selection_model_select_item (self->selection, row, TRUE);
  set_cursor (self, row);
}

/* ------------------------------------------------------------------------ */
/* Pointer: presses                                                         */
/* ------------------------------------------------------------------------ */

static void
chart_press (GantryChart     *self,
             double           x,
             double           y,
             int              n_press,
             guint            button,
             GdkModifierType  state)
{
  Hit hit;

  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  hit_test (self, x, y, &hit);

  if (button == GDK_BUTTON_SECONDARY)
    {
      if (hit.row >= 0 && self->selection != NULL
          && !gtk_selection_model_is_selected (self->selection, hit.row))
        select_row (self, hit.row, 0);
      else if (hit.row >= 0)
        set_cursor (self, hit.row);
      g_signal_emit (self, signals[SIGNAL_CONTEXT_MENU], 0, hit.task, x, y);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY)
    return;

  if (hit.row < 0)
    {
      if (y >= self->header_height && self->selection != NULL
          && !(state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)))
        gtk_selection_model_unselect_all (self->selection);
      return;
    }
  if (n_press >= 2)
    {
      if (hit.task != NULL)
        g_signal_emit (self, signals[SIGNAL_TASK_ACTIVATED], 0, hit.task);
      return;
    }
  /* A drag with Shift links, so a Shift press on a bar does not extend
   * the selection; anything else selects like a list. */
  if ((state & GDK_SHIFT_MASK) && hit.zone >= HIT_BAR)
    set_cursor (self, hit.row);
  else
    select_row (self, hit.row, state);
}

/* ------------------------------------------------------------------------ */
/* Pointer: drags                                                           */
/* ------------------------------------------------------------------------ */

static void
drag_clear (GantryChart *self)
{
  DragState *d = &self->drag;

  g_clear_object (&d->task);
  g_clear_object (&d->target);
  g_clear_pointer (&d->problem, g_free);
  memset (d, 0, sizeof *d);
  d->mode = DRAG_NONE;
}

static GantryWorkCal *
task_workcal (GantryChart *self,
              GantryTask  *task)
{
  GantryCalendar *cal = gantry_task_get_calendar (task);

  if (self->workcal == NULL)
    self->workcal = gantry_workcal_cache_new ();
  if (cal == NULL)
    cal = project_calendar (self);
  return gantry_workcal_cache_get (self->workcal, cal);
}

/* NULL when pred -> succ may be linked, else the reason (translated). */
static const char *
link_problem (GantryTask *pred,
              GantryTask *succ)
{
  GantryProject *project = gantry_task_get_project (pred);

  if (gantry_task_is_ancestor_of (pred, succ) || gantry_task_is_ancestor_of (succ, pred))
    return _("A summary task cannot be linked to its own subtasks");
  if (project != NULL && gantry_project_find_link (project, succ, pred) != NULL)
    return _("These tasks are already linked the other way");
  if (gantry_text_link_would_loop (pred, succ))
    return _("This link would create a loop");
  return NULL;
}

static void
drag_preview (GantryChart *self)
{
  const GantryZoomLevel *z = gantry_scale_get_zoom_level (self->zoom);
  DragState *d = &self->drag;
  double dx = d->x - d->x0;

  switch (d->mode)
    {
    case DRAG_MOVE:
      {
        gint64 delta = gantry_scale_snap_delta ((gint64) (dx / self->px_per_ms), z->snap);

        d->new_start = CLAMP (d->start + delta, GANTRY_TIME_MIN, GANTRY_TIME_MAX);
        d->new_finish = CLAMP (d->finish + delta, GANTRY_TIME_MIN, GANTRY_TIME_MAX);
        d->new_duration = d->duration;
      }
      break;

    case DRAG_RESIZE:
      {
        GantryDurationFormat format = gantry_task_get_duration_format (d->task);
        gboolean elapsed = gantry_format_is_elapsed (format);
        GantryDurationContext ctx;
        GantryWorkCal *wc = elapsed ? NULL : task_workcal (self, d->task);
        GantryTime t = time_for_x (self, MAX (d->x, x_for_time (self, d->start) + 1));
        gint64 unit, dur;

        get_duration_context (self, &ctx);
        if (z->snap == GANTRY_SCALE_HOUR)
          unit = GANTRY_MS_HOUR;
        else if (z->snap == GANTRY_SCALE_DAY)
          unit = elapsed ? GANTRY_MS_DAY : ctx.minutes_per_day * GANTRY_MS_MINUTE;
        else
          unit = elapsed ? 7 * GANTRY_MS_DAY : ctx.minutes_per_week * GANTRY_MS_MINUTE;
        dur = elapsed ? t - d->start : gantry_workcal_work_between (wc, d->start, t);
        dur = MAX (unit, ((dur + unit / 2) / unit) * unit);
        d->new_duration = dur;
        d->new_start = d->start;
        d->new_finish = elapsed ? d->start + dur : gantry_workcal_add (wc, d->start, dur);
        if (d->new_finish == GANTRY_TIME_NONE)
          d->new_finish = d->finish;
      }
      break;

    case DRAG_PROGRESS:
      {
        BarGeom g;

        if (bar_geometry (self, d->task, d->row, &g) && g.x1 > g.x0)
          d->new_percent = (int) round (CLAMP ((d->x - g.x0) / (g.x1 - g.x0), 0.0, 1.0) * 100.0);
      }
      break;

    case DRAG_LINK:
      {
        Hit hit;

        hit_test (self, d->x, d->y, &hit);
        g_clear_pointer (&d->problem, g_free);
        if (hit.task != NULL && hit.task != d->task)
          {
            const char *problem = link_problem (d->task, hit.task);

            g_set_object (&d->target, hit.task);
            d->target_row = hit.row;
            d->problem = problem ? g_strdup (problem) : NULL;
          }
        else
          g_clear_object (&d->target);
      }
      break;

    case DRAG_BAND:
    case DRAG_NONE:
    case DRAG_IGNORE:
    default:
      break;
    }
}

static void
chart_drag_begin (GantryChart     *self,
                  double           x,
                  double           y,
                  GdkModifierType  state)
{
  DragState *d = &self->drag;
  Hit hit;

  drag_clear (self);
  hit_test (self, x, y, &hit);
  d->active = TRUE;
  d->x0 = d->x = x;
  d->y0 = d->y = y;
  d->state = state;
  if (hit.zone == HIT_NONE && y < self->header_height)
    {
      d->mode = DRAG_IGNORE;
      return;
    }
  if (hit.zone < HIT_BAR || hit.task == NULL)
    {
      d->mode = self->selection ? DRAG_BAND : DRAG_IGNORE;
      return;
    }
  d->task = g_object_ref (hit.task);
  d->row = hit.row;
  d->start = gantry_task_get_start (hit.task);
  d->finish = gantry_task_get_finish (hit.task);
  if (d->finish == GANTRY_TIME_NONE || d->finish < d->start)
    d->finish = d->start;
  d->duration = gantry_task_get_duration (hit.task);
  d->percent = gantry_task_get_percent_complete (hit.task);
  d->new_start = d->start;
  d->new_finish = d->finish;
  d->new_duration = d->duration;
  d->new_percent = d->percent;

  if (state & (GDK_SHIFT_MASK | GDK_ALT_MASK))
    d->mode = DRAG_LINK;
  else if (hit.zone == HIT_RESIZE)
    d->mode = DRAG_RESIZE;
  else if (hit.zone == HIT_PROGRESS)
    d->mode = DRAG_PROGRESS;
  else if (hit.g.summary)
    d->mode = DRAG_IGNORE;    /* becomes a link drag when leaving the row */
  else
    d->mode = DRAG_MOVE;
}

static void
chart_drag_update (GantryChart *self,
                   double       x,
                   double       y)
{
  DragState *d = &self->drag;

  if (!d->active)
    return;
  d->x = x;
  d->y = y;
  if (!d->started)
    {
      if (hypot (x - d->x0, y - d->y0) < DRAG_THRESHOLD)
        return;
      d->started = TRUE;
    }
  /* As in MS Project, leaving the bar's row vertically turns a move into
   * a link drag. */
  if ((d->mode == DRAG_MOVE || (d->mode == DRAG_IGNORE && d->task != NULL))
      && fabs (y - d->y0) > self->row_height * 0.75)
    d->mode = DRAG_LINK;
  drag_preview (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
apply_set (GantryProject *project,
           gpointer       object,
           const char    *property,
           GType          type,
           gint64         value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, type);
  if (type == G_TYPE_INT)
    g_value_set_int (&v, (int) value);
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (&v, value != 0);
  else
    g_value_set_int64 (&v, value);
  return gantry_project_apply (project, gantry_command_set_property (object, property, &v));
}

static void
apply_move (GantryChart *self)
{
  DragState *d = &self->drag;
  GantryProject *project = self->project;

  if (d->new_start == d->start)
    return;
  gantry_project_begin_group (project, _("Move Task"));
  if (!gantry_task_get_manual (d->task))
    {
      /* Dragging pins the task: Start No Earlier Than its new start. */
      apply_set (project, d->task, "constraint-type", G_TYPE_INT, GANTRY_CONSTRAINT_SNET);
      apply_set (project, d->task, "constraint-date", G_TYPE_INT64, d->new_start);
    }
  apply_set (project, d->task, "start", G_TYPE_INT64, d->new_start);
  apply_set (project, d->task, "finish", G_TYPE_INT64, d->new_finish);
  gantry_project_end_group (project);
}

static void
apply_resize (GantryChart *self)
{
  DragState *d = &self->drag;
  GantryProject *project = self->project;

  if (d->new_duration == d->duration && d->new_finish == d->finish)
    return;
  gantry_project_begin_group (project, _("Change Duration"));
  /* Work = Duration x Units (MS Project): a longer Fixed Units or Fixed
   * Duration task gets more work, a Fixed Work task lower units.
   * Otherwise the scheduler would derive the old duration from the work
   * again. */
  gantry_set_task_duration (project, d->task, d->new_duration, NULL);
  apply_set (project, d->task, "finish", G_TYPE_INT64, d->new_finish);
  gantry_project_end_group (project);
}

static void
apply_progress (GantryChart *self)
{
  DragState *d = &self->drag;
  GantryProject *project = self->project;

  if (d->new_percent == d->percent)
    return;
  gantry_project_begin_group (project, _("Set Progress"));
  /* with MS Project's side effects: actual start, actual/remaining
   * duration, actual finish at 100 % */
  gantry_set_percent_complete (project, d->task, d->new_percent);
  gantry_project_end_group (project);
}

static void
on_link_dialog_destroy (GtkWidget   *dialog,
                        GantryChart *self)
{
  if (self->link_dialog == dialog)
    self->link_dialog = NULL;
}

static void
open_link_dialog (GantryChart *self,
                  GantryTask  *pred,
                  GantryTask  *succ)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->link_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->link_dialog));
  self->link_dialog = gantry_chart_link_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                    pred, succ);
  g_signal_connect_object (self->link_dialog, "destroy",
                           G_CALLBACK (on_link_dialog_destroy), self, 0);
  gtk_window_present (GTK_WINDOW (self->link_dialog));
}

static void
apply_band (GantryChart *self)
{
  DragState *d = &self->drag;
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  double x0 = MIN (d->x0, d->x), x1 = MAX (d->x0, d->x);
  double y0 = MIN (d->y0, d->y), y1 = MAX (d->y0, d->y);
  guint n = n_rows (self);
  int first, last;
  int cursor = -1;

  if (self->selection == NULL || n == 0)
    return;
  first = (int) floor ((MAX (y0, self->header_height) - self->header_height + vvalue (self)) / self->row_height);
  last = (int) floor ((y1 - self->header_height + vvalue (self)) / self->row_height);
  first = CLAMP (first, 0, (int) n - 1);
  last = CLAMP (last, 0, (int) n - 1);
  for (int row = first; row <= last; row++)
    {
      GantryTask *task = row_get_task (self, row);
      BarGeom g;

      if (!bar_geometry (self, task, row, &g))
        continue;
      if (rect_intersects (x0, y0, x1, y1, bar_start_x (&g), g.top, bar_end_x (&g), g.bottom))
        {
          gtk_bitset_add (selected, row);
          if (cursor < 0)
            cursor = row;
        }
    }
  if (d->state & GDK_CONTROL_MASK)
    mask = gtk_bitset_copy (selected);
  else
    {
      mask = gtk_bitset_new_empty ();
      gtk_bitset_add_range (mask, 0, n);
    }
  gtk_selection_model_set_selection (self->selection, selected, mask);
  if (cursor >= 0)
    set_cursor (self, cursor);
}

static void
chart_drag_end (GantryChart *self,
                double       x,
                double       y)
{
  DragState *d = &self->drag;

  if (!d->active)
    return;
  chart_drag_update (self, x, y);
  /* The task may have been deleted meanwhile (e.g. by an undo). */
  if (d->started && d->task != NULL
      && (self->project == NULL || gantry_task_get_project (d->task) != self->project))
    d->mode = DRAG_IGNORE;
  if (d->started)
    {
      switch (d->mode)
        {
        case DRAG_MOVE:
          apply_move (self);
          break;
        case DRAG_RESIZE:
          apply_resize (self);
          break;
        case DRAG_PROGRESS:
          apply_progress (self);
          break;
        case DRAG_LINK:
          if (d->target != NULL && d->problem == NULL
              && gantry_task_get_project (d->target) == self->project)
            {
              g_autoptr(GantryTask) pred = g_object_ref (d->task);
              g_autoptr(GantryTask) succ = g_object_ref (d->target);

              drag_clear (self);
              open_link_dialog (self, pred, succ);
            }
          break;
        case DRAG_BAND:
          apply_band (self);
          break;
        case DRAG_NONE:
        case DRAG_IGNORE:
        default:
          break;
        }
    }
  drag_clear (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
chart_drag_cancel (GantryChart *self)
{
  if (!self->drag.active)
    return;
  drag_clear (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------ */
/* Zoom and scrolling                                                       */
/* ------------------------------------------------------------------------ */

static void
drop_caches (GantryChart *self)
{
  for (guint i = 0; i < N_TILES; i++)
    {
      g_clear_pointer (&self->tiles[i].bg, gsk_render_node_unref);
      g_clear_pointer (&self->tiles[i].header, gsk_render_node_unref);
      self->tiles[i].key.valid = FALSE;
    }
  g_clear_pointer (&self->rows_node, gsk_render_node_unref);
  self->rows_key.valid = FALSE;
}

/* Zooms keeping the time under widget x where it is. */
static void
set_zoom_at (GantryChart *self,
             int          zoom,
             double       x)
{
  GantryTime anchor;

  zoom = CLAMP (zoom, GANTRY_CHART_ZOOM_MIN, GANTRY_CHART_ZOOM_MAX);
  if (zoom == self->zoom)
    return;
  anchor = self->px_per_ms > 0 ? time_for_x (self, x) : GANTRY_TIME_NONE;
  self->zoom = zoom;
  if (anchor == GANTRY_TIME_NONE)
    update_hadjustment (self);
  else
    update_hadjustment_anchored (self, anchor, x);
  drop_caches (self);
  self->data_stamp++;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static gboolean
chart_scroll (GantryChart     *self,
              double           x,
              double           dx,
              double           dy,
              GdkModifierType  state,
              gboolean         wheel)
{
  if (state & GDK_CONTROL_MASK)
    {
      /* Ctrl+wheel zooms around the pointer; smooth deltas accumulate. */
      self->scroll_zoom_acc += dy;
      if (fabs (self->scroll_zoom_acc) >= 1.0 || wheel)
        {
          int steps = self->scroll_zoom_acc < 0 ? -1 : 1;

          self->scroll_zoom_acc = 0;
          set_zoom_at (self, self->zoom + steps, x);
        }
      return TRUE;
    }
  if (state & GDK_SHIFT_MASK)
    {
      dx += dy;
      dy = 0;
    }
  if (wheel)
    {
      dx *= 3 * self->row_height;
      dy *= 3 * self->row_height;
    }
  if (dx != 0 && self->hadj != NULL)
    gtk_adjustment_set_value (self->hadj, gtk_adjustment_get_value (self->hadj) + dx);
  if (dy != 0 && self->vadj != NULL)
    gtk_adjustment_set_value (self->vadj, gtk_adjustment_get_value (self->vadj) + dy);
  return TRUE;
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           GantryChart              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double x = self->pointer_inside ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  gboolean wheel;

  wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  return chart_scroll (self, x, dx, dy, state, wheel);
}

static void
chart_pinch_begin (GantryChart *self)
{
  self->zoom_gesture_scale = 1.0;
}

/* scale: the fingers' distance over their distance at the start; cx: the
 * point between them, where the time under it stays put.  Each time the
 * distance grows (shrinks) by 1.6x since the last step, the chart goes one
 * zoom level in (out), as Ctrl+wheel does. */
static void
chart_pinch (GantryChart *self,
             double       scale,
             double       cx)
{
  if (scale > self->zoom_gesture_scale * 1.6)
    {
      self->zoom_gesture_scale = scale;
      set_zoom_at (self, self->zoom - 1, cx);
    }
  else if (scale < self->zoom_gesture_scale / 1.6)
    {
      self->zoom_gesture_scale = scale;
      set_zoom_at (self, self->zoom + 1, cx);
    }
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               GantryChart      *self)
{
  chart_pinch_begin (self);
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       GantryChart    *self)
{
  double cx = 0, cy = 0;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy);
  chart_pinch (self, scale, cx);
}

/* ------------------------------------------------------------------------ */
/* Gesture callbacks                                                        */
/* ------------------------------------------------------------------------ */

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  GantryChart     *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  chart_press (self, x, y, n_press, button, state);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               GantryChart    *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  chart_drag_begin (self, x, y, state);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          ox,
                double          oy,
                GantryChart    *self)
{
  double x, y;

  if (!gtk_gesture_drag_get_start_point (gesture, &x, &y))
    return;
  if (self->drag.active && !self->drag.started && hypot (ox, oy) >= DRAG_THRESHOLD)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  chart_drag_update (self, x + ox, y + oy);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          ox,
             double          oy,
             GantryChart    *self)
{
  double x, y;

  if (!gtk_gesture_drag_get_start_point (gesture, &x, &y))
    {
      chart_drag_cancel (self);
      return;
    }
  chart_drag_end (self, x + ox, y + oy);
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                GantryChart      *self)
{
  chart_drag_cancel (self);
}

static void
set_hover (GantryChart *self,
           double       x,
           double       y)
{
  const char *cursor = NULL;
  Hit hit;

  hit_test (self, x, y, &hit);
  if (self->drag.active && self->drag.started)
    {
      switch (self->drag.mode)
        {
        case DRAG_MOVE:     cursor = "move"; break;
        case DRAG_RESIZE:   cursor = "ew-resize"; break;
        case DRAG_PROGRESS: cursor = "col-resize"; break;
        case DRAG_LINK:     cursor = self->drag.problem ? "not-allowed" : "alias"; break;
        case DRAG_BAND:     cursor = "crosshair"; break;
        case DRAG_NONE:
        case DRAG_IGNORE:
        default:            break;
        }
    }
  else
    switch (hit.zone)
      {
      case HIT_BAR:      cursor = hit.g.summary ? NULL : "move"; break;
      case HIT_RESIZE:   cursor = "ew-resize"; break;
      case HIT_PROGRESS: cursor = "col-resize"; break;
      case HIT_ROW:
      case HIT_NONE:
      default:           break;
      }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);

  if (hit.task != self->hover_task || (guint) hit.row != self->hover_row
      || hit.zone != self->hover_zone)
    {
      self->hover_task = hit.zone >= HIT_BAR ? hit.task : NULL;
      self->hover_row = (guint) hit.row;
      self->hover_zone = hit.zone;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           GantryChart              *self)
{
  self->pointer_x = x;
  self->pointer_inside = TRUE;
  set_hover (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *controller,
          GantryChart              *self)
{
  self->pointer_inside = FALSE;
  if (self->hover_task != NULL)
    {
      self->hover_task = NULL;
      self->hover_zone = HIT_NONE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
gantry_chart_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  GantryChart *self = GANTRY_CHART (widget);
  g_autofree char *markup = NULL;
  GantryTask *task = NULL;
  Hit hit;

  if (self->drag.active && self->drag.started)
    return FALSE;
  if (keyboard_mode)
    task = self->cursor_row >= 0 ? row_get_task (self, self->cursor_row) : NULL;
  else
    {
      hit_test (self, x, y, &hit);
      if (hit.zone >= HIT_BAR)
        {
          task = hit.task;
          gtk_tooltip_set_tip_area (tooltip,
                                    &(GdkRectangle) { (int) bar_start_x (&hit.g) - 2,
                                                      (int) hit.g.top - 2,
                                                      (int) (bar_end_x (&hit.g) - bar_start_x (&hit.g)) + 4,
                                                      (int) (hit.g.bottom - hit.g.top) + 4 });
        }
    }
  if (task == NULL && !keyboard_mode)
    {
      markup = progress_line_tooltip (self, x, hit.row, hit.task);
      if (markup != NULL)
        {
          gtk_tooltip_set_markup (tooltip, markup);
          return TRUE;
        }
    }
  if (task == NULL)
    return FALSE;
  markup = describe_task (self, task, TRUE, FALSE);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Keyboard                                                                 */
/* ------------------------------------------------------------------------ */

static void
move_cursor (GantryChart     *self,
             int              delta,
             GdkModifierType  state)
{
  guint n = n_rows (self);
  int row;

  if (n == 0)
    return;
  if (self->cursor_row < 0)
    row = delta > 0 ? 0 : (int) n - 1;
  else
    row = CLAMP (self->cursor_row + delta, 0, (int) n - 1);
  if (state & GDK_SHIFT_MASK)
    {
      int anchor = self->cursor_row >= 0 ? self->cursor_row : row;

      if (self->selection != NULL)
        gtk_selection_model_select_range (self->selection, MIN (anchor, row),
                                          ABS (row - anchor) + 1, FALSE);
      set_cursor (self, row);
    }
  else
    select_row (self, row, 0);
  ensure_row_visible (self, row);
  ensure_bar_visible (self, row_get_task (self, row), row);
}

static void
action_move_cursor (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GantryChart *self = GANTRY_CHART (widget);
  int kind, sign;
  gboolean extend;
  int page = MAX (1, (gtk_widget_get_height (widget) - self->header_height) / self->row_height - 1);
  int delta;

  g_variant_get (parameter, "(iib)", &kind, &sign, &extend);
  sign = sign < 0 ? -1 : 1;
  switch (kind)
    {
    case 0:  delta = sign; break;                                 /* a row */
    case 1:  delta = sign * page; break;                          /* a page */
    default: delta = sign * (int) MAX (n_rows (self), 1); break;  /* to the end */
    }
  move_cursor (self, delta, extend ? GDK_SHIFT_MASK : 0);
}

static void
action_scroll_horizontally (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  GantryChart *self = GANTRY_CHART (widget);
  int sign = g_variant_get_int32 (parameter);

  if (self->hadj != NULL)
    gtk_adjustment_set_value (self->hadj, gtk_adjustment_get_value (self->hadj)
                                          + sign * gtk_adjustment_get_step_increment (self->hadj));
}

static void
action_zoom_in (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  set_zoom_at (GANTRY_CHART (widget), GANTRY_CHART (widget)->zoom - 1,
               gtk_widget_get_width (widget) / 2.0);
}

static void
action_zoom_out (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  set_zoom_at (GANTRY_CHART (widget), GANTRY_CHART (widget)->zoom + 1,
               gtk_widget_get_width (widget) / 2.0);
}

static void
action_activate (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GantryChart *self = GANTRY_CHART (widget);
  GantryTask *task = self->cursor_row >= 0 ? row_get_task (self, self->cursor_row) : NULL;

  if (task != NULL)
    g_signal_emit (self, signals[SIGNAL_TASK_ACTIVATED], 0, task);
}

static void
action_context_menu (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GantryChart *self = GANTRY_CHART (widget);
  GantryTask *task = self->cursor_row >= 0 ? row_get_task (self, self->cursor_row) : NULL;
  double x = gtk_widget_get_width (widget) / 2.0;
  double y = self->header_height;
  BarGeom g;

  if (task != NULL && bar_geometry (self, task, self->cursor_row, &g))
    {
      x = CLAMP (bar_end_x (&g), 0, gtk_widget_get_width (widget));
      y = g.bottom;
    }
  g_signal_emit (self, signals[SIGNAL_CONTEXT_MENU], 0, task, x, y);
}

static void
action_scroll_to_task (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GantryChart *self = GANTRY_CHART (widget);
  GantryTask *task = self->cursor_row >= 0 ? row_get_task (self, self->cursor_row) : NULL;

  if (task != NULL)
    gantry_chart_scroll_to_task (self, task);
}

/* ------------------------------------------------------------------------ */
/* Model and adjustment signals                                             */
/* ------------------------------------------------------------------------ */

static void
invalidate_data (GantryChart *self)
{
  self->data_stamp++;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_project_changed (GantryProject *project,
                    guint          flags,
                    GPtrArray     *tasks,
                    GantryChart   *self)
{
  if (flags & (GANTRY_CHANGE_STRUCTURE | GANTRY_CHANGE_LINKS))
    self->index_dirty = TRUE;
  /* The scheduler may run after us in this emission: the range is read at
   * the next allocation, before the next frame. */
  self->range_dirty = TRUE;
  invalidate_data (self);
  update_description (self);
}

static void
on_rows_changed (GListModel  *model,
                 guint        position,
                 guint        removed,
                 guint        added,
                 GantryChart *self)
{
  guint n = g_list_model_get_n_items (model);

  splice_rows (self, position, removed, added);
  self->index_dirty = TRUE;
  if (self->cursor_row >= (int) n)
    self->cursor_row = (int) n - 1;
  else if (self->cursor_row >= (int) (position + removed))
    self->cursor_row += (int) added - (int) removed;
  else if (self->cursor_row >= (int) position && removed > 0)
    self->cursor_row = MIN ((int) position, (int) n - 1);
  invalidate_data (self);
}

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      GantryChart       *self)
{
  /* Follow selections made elsewhere (the table) with the cursor. */
  if (self->cursor_row < 0 || !gtk_selection_model_is_selected (model, self->cursor_row))
    {
      g_autoptr(GtkBitset) sel = gtk_selection_model_get_selection_in_range (model, position, n_items);

      if (!gtk_bitset_is_empty (sel))
        self->cursor_row = (int) gtk_bitset_get_minimum (sel);
    }
  update_description (self);
  invalidate_data (self);
}

static void
on_adjustment_value_changed (GtkAdjustment *adj,
                             GantryChart   *self)
{
  /* During our own allocation the stand-ins are placed anyway.  Only a
   * new scroll offset moves them: the table's allocation reconfigures the
   * shared adjustment ("changed", a new upper) in the same layout pass,
   * and answering every such signal with another allocation could outrun
   * the frame clock's layout repeats, leaving the chart unallocated when
   * the frame is drawn. */
  if (!self->in_allocate
      && gtk_adjustment_get_value (adj) != (adj == self->hadj ? self->placed_hvalue : self->placed_vvalue))
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_hadjustment (GantryChart   *self,
                 GtkAdjustment *adj)
{
  if (adj != NULL && adj == self->hadj)
    return;
  if (self->hadj != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->hadj, self);
      g_clear_object (&self->hadj);
    }
  self->hadj = adj ? g_object_ref_sink (adj) : new_adjustment ();
  g_signal_connect (self->hadj, "value-changed", G_CALLBACK (on_adjustment_value_changed), self);
  update_hadjustment (self);
  g_object_notify (G_OBJECT (self), "hadjustment");
}

static void
configure_scroll_vadj (GantryChart *self)
{
  double h = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1);

  /* A scrolled window around the chart must not scroll it vertically:
   * the shared adjustment does. */
  if (self->scroll_vadj != NULL && self->scroll_vadj != self->vadj)
    gtk_adjustment_configure (self->scroll_vadj, 0, 0, h, 1, h, h);
}

static void
use_vadjustment (GantryChart   *self,
                 GtkAdjustment *adj)
{
  if (adj == self->vadj)
    return;
  if (self->vadj != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->vadj, self);
      g_clear_object (&self->vadj);
    }
  self->vadj = adj ? g_object_ref_sink (adj) : NULL;
  if (self->vadj != NULL)
    {
      g_signal_connect (self->vadj, "value-changed", G_CALLBACK (on_adjustment_value_changed), self);
      g_signal_connect (self->vadj, "changed", G_CALLBACK (on_adjustment_value_changed), self);
    }
  if (!self->in_allocate)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_scrollable_vadjustment (GantryChart   *self,
                            GtkAdjustment *adj)
{
  if (adj != NULL)
    g_object_ref_sink (adj);
  g_clear_object (&self->scroll_vadj);
  self->scroll_vadj = adj;
  if (!self->vadj_shared)
    use_vadjustment (self, adj ? adj : NULL);
  else
    configure_scroll_vadj (self);
  g_object_notify (G_OBJECT (self), "vadjustment");
}

/* ------------------------------------------------------------------------ */
/* GtkWidget                                                                */
/* ------------------------------------------------------------------------ */

static void
gantry_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  GantryChart *self = GANTRY_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 64;
      *natural = 480;
    }
  else
    {
      *minimum = self->header_height + 2 * self->row_height;
      *natural = self->header_height + 10 * self->row_height;
    }
}

static void
gantry_chart_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  GantryChart *self = GANTRY_CHART (widget);

  self->in_allocate = TRUE;
  if (self->range_dirty || self->hadj == NULL
      || gtk_adjustment_get_page_size (self->hadj) != width || !self->view_placed)
    update_hadjustment (self);
  configure_scroll_vadj (self);
  if (!self->vadj_shared)
    {
      /* No shared adjustment: scroll rows ourselves. */
      double upper = (double) n_rows (self) * self->row_height;
      double page = MAX (height - self->header_height, 1);

      if (self->vadj == NULL)
        {
          g_autoptr(GtkAdjustment) own = new_adjustment ();

          use_vadjustment (self, own);
        }

      gtk_adjustment_configure (self->vadj, MIN (gtk_adjustment_get_value (self->vadj),
                                                 MAX (0, upper - page)),
                                0, MAX (upper, page), self->row_height, page * 0.9, page);
    }
  update_items (self, width, height);
  self->placed_vvalue = self->vadj != NULL ? gtk_adjustment_get_value (self->vadj) : 0;
  self->placed_hvalue = self->hadj != NULL ? gtk_adjustment_get_value (self->hadj) : 0;
  self->in_allocate = FALSE;
}

static void
on_focus_enter (GtkEventControllerFocus *controller,
                GantryChart             *self)
{
  if (self->cursor_row < 0 && n_rows (self) > 0)
    {
      g_autoptr(GtkBitset) sel = self->selection
        ? gtk_selection_model_get_selection (self->selection) : NULL;

      set_cursor (self, sel && !gtk_bitset_is_empty (sel) ? (int) gtk_bitset_get_minimum (sel) : 0);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                GantryChart             *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
gantry_chart_dispose (GObject *object)
{
  GantryChart *self = GANTRY_CHART (object);

  if (self->link_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->link_dialog));
  g_clear_handle_id (&self->index_idle_id, g_source_remove);
  g_clear_handle_id (&self->items_idle_id, g_source_remove);
  drag_clear (self);
  gantry_chart_set_model (self, NULL, NULL);
  gantry_chart_set_project (self, NULL);
  if (self->hadj != NULL)
    g_signal_handlers_disconnect_by_data (self->hadj, self);
  g_clear_object (&self->hadj);
  use_vadjustment (self, NULL);
  g_clear_object (&self->scroll_vadj);
  if (self->items != NULL)
    {
      for (guint i = 0; i < self->items->len; i++)
        gtk_widget_unparent (g_ptr_array_index (self->items, i));
      g_ptr_array_set_size (self->items, 0);
    }
  drop_caches (self);
  G_OBJECT_CLASS (gantry_chart_parent_class)->dispose (object);
}

static void
gantry_chart_finalize (GObject *object)
{
  GantryChart *self = GANTRY_CHART (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->day_cache, g_hash_table_unref);
  g_clear_pointer (&self->row_tasks, g_ptr_array_unref);
  g_clear_pointer (&self->task_rows, g_hash_table_unref);
  g_clear_pointer (&self->uid_rows, g_array_unref);
  g_clear_pointer (&self->link_spans, g_array_unref);
  g_clear_pointer (&self->workcal, gantry_workcal_cache_free);
  g_clear_object (&self->standard_cal);
  G_OBJECT_CLASS (gantry_chart_parent_class)->finalize (object);
}

static void
gantry_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GantryChart *self = GANTRY_CHART (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_ZOOM:
      g_value_set_int (value, self->zoom);
      break;
    case PROP_ROW_HEIGHT:
      g_value_set_int (value, self->row_height);
      break;
    case PROP_HEADER_HEIGHT:
      g_value_set_int (value, self->header_height);
      break;
    case PROP_SHOW_PROGRESS_LINE:
      g_value_set_boolean (value, self->show_progress_line);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadj);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->scroll_vadj ? self->scroll_vadj : self->vadj);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GantryChart *self = GANTRY_CHART (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      gantry_chart_set_project (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      gantry_chart_set_zoom (self, g_value_get_int (value));
      break;
    case PROP_ROW_HEIGHT:
      gantry_chart_set_row_height (self, g_value_get_int (value));
      break;
    case PROP_HEADER_HEIGHT:
      gantry_chart_set_header_height (self, g_value_get_int (value));
      break;
    case PROP_SHOW_PROGRESS_LINE:
      gantry_chart_set_show_progress_line (self, g_value_get_boolean (value));
      break;
    case PROP_HADJUSTMENT:
      set_hadjustment (self, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_scrollable_vadjustment (self, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
gantry_chart_get_border (GtkScrollable *scrollable,
                         GtkBorder     *border)
{
  GantryChart *self = GANTRY_CHART (scrollable);

  /* The timescale stays put like a column header. */
  border->top = self->header_height;
  return TRUE;
}

static void
gantry_chart_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = gantry_chart_get_border;
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  guint           kp_keyval,
                  int             kind,
                  int             sign)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0,
                                       "chart.move-cursor", "(iib)", kind, sign, FALSE);
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_SHIFT_MASK,
                                       "chart.move-cursor", "(iib)", kind, sign, TRUE);
  gtk_widget_class_add_binding_action (widget_class, kp_keyval, 0,
                                       "chart.move-cursor", "(iib)", kind, sign, FALSE);
  gtk_widget_class_add_binding_action (widget_class, kp_keyval, GDK_SHIFT_MASK,
                                       "chart.move-cursor", "(iib)", kind, sign, TRUE);
}

static void
gantry_chart_class_init (GantryChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gantry_chart_dispose;
  object_class->finalize = gantry_chart_finalize;
  object_class->get_property = gantry_chart_get_property;
  object_class->set_property = gantry_chart_set_property;

  widget_class->snapshot = gantry_chart_snapshot;
  widget_class->measure = gantry_chart_measure;
  widget_class->size_allocate = gantry_chart_size_allocate;
  widget_class->query_tooltip = gantry_chart_query_tooltip;
  widget_class->css_changed = gantry_chart_css_changed;
  widget_class->system_setting_changed = gantry_chart_system_setting_changed;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GANTRY_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_int ("zoom", NULL, NULL, GANTRY_CHART_ZOOM_MIN, GANTRY_CHART_ZOOM_MAX, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_HEIGHT] =
    g_param_spec_int ("row-height", NULL, NULL, 8, 400, DEFAULT_ROW_HEIGHT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADER_HEIGHT] =
    g_param_spec_int ("header-height", NULL, NULL, 16, 400, DEFAULT_HEADER_HEIGHT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_PROGRESS_LINE] =
    g_param_spec_boolean ("show-progress-line", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[SIGNAL_TASK_ACTIVATED] =
    g_signal_new ("task-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GANTRY_TYPE_TASK);
  signals[SIGNAL_CONTEXT_MENU] =
    g_signal_new ("context-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  GANTRY_TYPE_TASK, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_install_action (widget_class, "chart.zoom-in", NULL, action_zoom_in);
  gtk_widget_class_install_action (widget_class, "chart.zoom-out", NULL, action_zoom_out);
  gtk_widget_class_install_action (widget_class, "chart.activate", NULL, action_activate);
  gtk_widget_class_install_action (widget_class, "chart.context-menu", NULL, action_context_menu);
  gtk_widget_class_install_action (widget_class, "chart.scroll-to-task", NULL,
                                   action_scroll_to_task);
  gtk_widget_class_install_action (widget_class, "chart.move-cursor", "(iib)",
                                   action_move_cursor);
  gtk_widget_class_install_action (widget_class, "chart.scroll-horizontally", "i",
                                   action_scroll_horizontally);
  gtk_widget_class_install_property_action (widget_class, "chart.show-progress-line",
                                            "show-progress-line");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "chart.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "chart.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "chart.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "chart.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "chart.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_CONTROL_MASK,
                                       "chart.scroll-to-task", NULL);

  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1);
  add_move_binding (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, 1, -1);
  add_move_binding (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, 1, 1);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, 2, -1);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, 2, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0,
                                       "chart.scroll-horizontally", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0,
                                       "chart.scroll-horizontally", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0,
                                       "chart.scroll-horizontally", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0,
                                       "chart.scroll-horizontally", "i", 1);

  gtk_widget_class_set_css_name (widget_class, "gantry-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_BOX);
}

static void
gantry_chart_init (GantryChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click, *drag, *zoom;
  GtkEventController *controller;

  self->row_height = DEFAULT_ROW_HEIGHT;
  self->header_height = DEFAULT_HEADER_HEIGHT;
  self->zoom = 1;
  self->cursor_row = -1;
  self->range_dirty = TRUE;
  self->rows_dirty = TRUE;
  self->index_dirty = TRUE;
  self->style_dirty = TRUE;
  self->week_start = 1;
  self->day_cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->row_tasks = g_ptr_array_new ();
  self->task_rows = g_hash_table_new (NULL, NULL);
  self->uid_rows = g_array_new (FALSE, TRUE, sizeof (guint));
  self->link_spans = g_array_new (FALSE, FALSE, sizeof (LinkSpan));
  self->items = g_ptr_array_new ();

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_add_css_class (widget, "view");

  set_hadjustment (self, NULL);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (widget, controller);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Gantt chart"),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_SELECTABLE, TRUE,
                                  GTK_ACCESSIBLE_PROPERTY_ORIENTATION, GTK_ORIENTATION_VERTICAL,
                                  -1);
  update_description (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

GtkWidget *
gantry_chart_new (void)
{
  return g_object_new (GANTRY_TYPE_CHART, NULL);
}

void
gantry_chart_set_project (GantryChart   *self,
                          GantryProject *project)
{
  g_return_if_fail (GANTRY_IS_CHART (self));
  g_return_if_fail (project == NULL || GANTRY_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->link_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->link_dialog));
  drag_clear (self);
  if (self->project != NULL)
    {
      g_clear_signal_handler (&self->project_changed_id, self->project);
      g_clear_object (&self->project);
    }
  if (project != NULL)
    {
      self->project = g_object_ref (project);
      self->project_changed_id = g_signal_connect (project, "changed",
                                                   G_CALLBACK (on_project_changed), self);
    }
  g_clear_pointer (&self->workcal, gantry_workcal_cache_free);
  g_hash_table_remove_all (self->day_cache);
  self->day_cache_cal = NULL;
  self->range_dirty = TRUE;
  self->rows_dirty = TRUE;
  self->index_dirty = TRUE;
  self->view_placed = FALSE;
  self->hover_task = NULL;
  drop_caches (self);
  invalidate_data (self);
  update_hadjustment (self);
  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

GantryProject *
gantry_chart_get_project (GantryChart *self)
{
  g_return_val_if_fail (GANTRY_IS_CHART (self), NULL);

  return self->project;
}

void
gantry_chart_set_model (GantryChart       *self,
                        GListModel        *rows,
                        GtkSelectionModel *selection)
{
  g_return_if_fail (GANTRY_IS_CHART (self));
  g_return_if_fail (rows == NULL || G_IS_LIST_MODEL (rows));
  g_return_if_fail (selection == NULL || GTK_IS_SELECTION_MODEL (selection));

  if (self->rows != NULL)
    {
      g_clear_signal_handler (&self->rows_changed_id, self->rows);
      g_clear_object (&self->rows);
    }
  if (self->selection != NULL)
    {
      g_clear_signal_handler (&self->selection_changed_id, self->selection);
      g_clear_object (&self->selection);
    }
  if (rows != NULL)
    {
      self->rows = g_object_ref (rows);
      self->rows_changed_id = g_signal_connect (rows, "items-changed",
                                                G_CALLBACK (on_rows_changed), self);
    }
  if (selection != NULL)
    {
      self->selection = g_object_ref (selection);
      self->selection_changed_id = g_signal_connect (selection, "selection-changed",
                                                     G_CALLBACK (on_selection_changed), self);
    }
  drag_clear (self);
  self->hover_task = NULL;
  self->cursor_row = -1;
  self->rows_dirty = TRUE;
  self->index_dirty = TRUE;
  if (self->items != NULL)
    for (guint i = 0; i < self->items->len; i++)
      ((GantryChartItem *) g_ptr_array_index (self->items, i))->task = NULL;
  invalidate_data (self);
  update_description (self);
}

void
gantry_chart_set_vadjustment (GantryChart   *self,
                              GtkAdjustment *vadj)
{
  g_return_if_fail (GANTRY_IS_CHART (self));
  g_return_if_fail (vadj == NULL || GTK_IS_ADJUSTMENT (vadj));

  self->vadj_shared = vadj != NULL;
  use_vadjustment (self, vadj ? vadj : self->scroll_vadj);
  configure_scroll_vadj (self);
}

void
gantry_chart_set_row_height (GantryChart *self,
                             int          row_height)
{
  g_return_if_fail (GANTRY_IS_CHART (self));

  row_height = CLAMP (row_height, 8, 400);
  if (self->row_height == row_height)
    return;
  self->row_height = row_height;
  invalidate_data (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_HEIGHT]);
}

int
gantry_chart_get_row_height (GantryChart *self)
{
  g_return_val_if_fail (GANTRY_IS_CHART (self), DEFAULT_ROW_HEIGHT);

  return self->row_height;
}

void
gantry_chart_set_header_height (GantryChart *self,
                                int          header_height)
{
  g_return_if_fail (GANTRY_IS_CHART (self));

  header_height = CLAMP (header_height, 16, 400);
  if (self->header_height == header_height)
    return;
  self->header_height = header_height;
  drop_caches (self);
  invalidate_data (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER_HEIGHT]);
}

int
gantry_chart_get_header_height (GantryChart *self)
{
  g_return_val_if_fail (GANTRY_IS_CHART (self), DEFAULT_HEADER_HEIGHT);

  return self->header_height;
}

void
gantry_chart_set_zoom (GantryChart *self,
                       int          zoom)
{
  g_return_if_fail (GANTRY_IS_CHART (self));

  set_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0);
}

void
gantry_chart_set_show_progress_line (GantryChart *self,
                                     gboolean     show)
{
  g_return_if_fail (GANTRY_IS_CHART (self));

  show = !!show;
  if (self->show_progress_line == show)
    return;
  self->show_progress_line = show;
  g_clear_pointer (&self->rows_node, gsk_render_node_unref);
  self->rows_key.valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PROGRESS_LINE]);
}

gboolean
gantry_chart_get_show_progress_line (GantryChart *self)
{
  g_return_val_if_fail (GANTRY_IS_CHART (self), FALSE);

  return self->show_progress_line;
}

int
gantry_chart_get_zoom (GantryChart *self)
{
  g_return_val_if_fail (GANTRY_IS_CHART (self), 1);

  return self->zoom;
}

void
gantry_chart_scroll_to_task (GantryChart *self,
                             GantryTask  *task)
{
  int row;
  BarGeom g;

  g_return_if_fail (GANTRY_IS_CHART (self));
  g_return_if_fail (GANTRY_IS_TASK (task));

  row = find_row (self, task);
  if (row >= 0)
    {
      double page = self->vadj ? gtk_adjustment_get_page_size (self->vadj) : 0;
      double top = (double) row * self->row_height;

      if (self->vadj != NULL && (top < vvalue (self) || top + self->row_height > vvalue (self) + page))
        gtk_adjustment_set_value (self->vadj, MAX (0, top - page / 3.0));
    }
  /* Bring the bar's start near the left edge, as MS Project's Scroll to
   * Task does. */
  if (gantry_task_get_start (task) != GANTRY_TIME_NONE && self->hadj != NULL)
    {
      if (self->px_per_ms <= 0)
        update_hadjustment (self);
      if (bar_geometry (self, task, MAX (row, 0), &g))
        gtk_adjustment_set_value (self->hadj, hvalue (self) + bar_start_x (&g) - 24);
    }
}

/* ------------------------------------------------------------------------ */
/* Test entry points (gantry-chart-private.h)                               */
/* ------------------------------------------------------------------------ */

void
gantry_chart_test_drag (GantryChart     *self,
                        double           x0,
                        double           y0,
                        double           x1,
                        double           y1,
                        GdkModifierType  state)
{
  const int steps = 5;

  g_return_if_fail (GANTRY_IS_CHART (self));

  chart_press (self, x0, y0, 1, GDK_BUTTON_PRIMARY, state);
  chart_drag_begin (self, x0, y0, state);
  for (int i = 1; i <= steps; i++)
    chart_drag_update (self, x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps);
  chart_drag_end (self, x1, y1);
}

void
gantry_chart_test_click (GantryChart     *self,
                         double           x,
                         double           y,
                         int              n_press,
                         guint            button,
                         GdkModifierType  state)
{
  g_return_if_fail (GANTRY_IS_CHART (self));

  for (int i = 1; i <= MAX (n_press, 1); i++)
    chart_press (self, x, y, i, button, state);
}

void
gantry_chart_test_scroll (GantryChart     *self,
                          double           x,
                          double           dx,
                          double           dy,
                          GdkModifierType  state)
{
  g_return_if_fail (GANTRY_IS_CHART (self));

  chart_scroll (self, x, dx, dy, state, TRUE);
}

void
gantry_chart_test_pinch_begin (GantryChart *self)
{
  g_return_if_fail (GANTRY_IS_CHART (self));

  chart_pinch_begin (self);
}

void
gantry_chart_test_pinch (GantryChart *self,
                         double       scale,
                         double       cx)
{
  g_return_if_fail (GANTRY_IS_CHART (self));

  chart_pinch (self, scale, cx);
}

gboolean
gantry_chart_test_get_bar (GantryChart     *self,
                           GantryTask      *task,
                           graphene_rect_t *bar)
{
  int row;
  BarGeom g;

  g_return_val_if_fail (GANTRY_IS_CHART (self), FALSE);

  row = find_row (self, task);
  if (row < 0 || !bar_geometry (self, task, row, &g))
    return FALSE;
  graphene_rect_init (bar, bar_start_x (&g), g.top, bar_end_x (&g) - bar_start_x (&g),
                      g.bottom - g.top);
  return g.bottom > self->header_height && g.top < gtk_widget_get_height (GTK_WIDGET (self));
}

double
gantry_chart_test_x_for_time (GantryChart *self,
                              GantryTime   t)
{
  g_return_val_if_fail (GANTRY_IS_CHART (self), 0);

  return x_for_time (self, t);
}

GtkWidget *
gantry_chart_test_get_link_dialog (GantryChart *self)
{
  g_return_val_if_fail (GANTRY_IS_CHART (self), NULL);

  return self->link_dialog;
}

gboolean
gantry_chart_test_link_dialog_respond (GantryChart    *self,
                                       GantryLinkType  type,
                                       const char     *lag,
                                       gboolean        accept)
{
  g_return_val_if_fail (GANTRY_IS_CHART (self), FALSE);

  if (self->link_dialog == NULL)
    return FALSE;
  gantry_chart_link_dialog_set_values (GANTRY_CHART_LINK_DIALOG (self->link_dialog), type, lag);
  return gantry_chart_link_dialog_respond (GANTRY_CHART_LINK_DIALOG (self->link_dialog), accept);
}

const char *
gantry_chart_test_link_dialog_error (GantryChart *self)
{
  g_return_val_if_fail (GANTRY_IS_CHART (self), "");

  if (self->link_dialog == NULL)
    return "";
  return gantry_chart_link_dialog_get_error (GANTRY_CHART_LINK_DIALOG (self->link_dialog));
}

void
gantry_chart_test_drop_caches (GantryChart *self)
{
  g_return_if_fail (GANTRY_IS_CHART (self));

  drop_caches (self);
  g_hash_table_remove_all (self->day_cache);
  self->variants_key = 0;
}

guint
gantry_chart_test_get_n_drawn (GantryChart *self)
{
  g_return_val_if_fail (GANTRY_IS_CHART (self), 0);

  return self->n_drawn;
}

char *
gantry_chart_test_tooltip (GantryChart *self,
                           double       x,
                           double       y)
{
  Hit hit;

  g_return_val_if_fail (GANTRY_IS_CHART (self), NULL);

  hit_test (self, x, y, &hit);
  if (hit.zone < HIT_BAR)
    return progress_line_tooltip (self, x, hit.row, hit.task);
  return describe_task (self, hit.task, TRUE, FALSE);
}

GArray *
gantry_chart_test_get_progress_line (GantryChart *self)
{
  GArray *pts;
  double vv, body;
  guint n;
  int first, last;

  g_return_val_if_fail (GANTRY_IS_CHART (self), NULL);

  pts = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  n = n_rows (self);
  vv = vvalue (self);
  body = gtk_widget_get_height (GTK_WIDGET (self)) - self->header_height;
  if (n == 0 || body <= 0)
    return pts;
  first = CLAMP ((int) floor (vv / self->row_height), 0, (int) n - 1);
  last = CLAMP ((int) floor ((vv + body) / self->row_height), 0, (int) n - 1);
  progress_line_points (self, first, last, pts);
  return pts;
}
