/* gantry-resource-view.c — the Resources page: sheet and usage
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A toolbar, the resource sheet (GtkColumnView with inline editing: each
 * edit is one command) and, below it, the usage view.  After every
 * change of the project the costs, totals and over-allocations are
 * recomputed in an idle (the window's scheduler has run by then).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gantry-resource-view.h"
#include "gantry-text.h"
#include "gantry-resource-engine.h"
#include "gantry-calendar-editor.h"
#include "gantry-level-dialog.h"
#include "gantry-placeholder.h"

/* Levelling runs on a worker thread; its progress window appears only
 * when a run lasts longer than this, so short runs do not flash a window. */
#define PROGRESS_DELAY_MS 300

typedef enum
{
  COL_INDICATOR,
  COL_TEXT,
  COL_TYPE,
  COL_UNITS,
  COL_RATE,
  COL_MONEY,
  COL_ACCRUE,
  COL_CALENDAR,
  COL_WORK,
  COL_COST,
} ColKind;

typedef struct
{
  const char *title;
  const char *property;
  ColKind     kind;
  int         width;
} ColDesc;

static const ColDesc COLUMNS[] = {
  { "",                 "overallocated", COL_INDICATOR, 28 },
  { N_("Name"),         "name",          COL_TEXT,     150 },
  { N_("Type"),         "resource-type", COL_TYPE,      90 },
  { N_("Initials"),     "initials",      COL_TEXT,      64 },
  { N_("Group"),        "group",         COL_TEXT,     100 },
  { N_("Max. Units"),   "max-units",     COL_UNITS,     96 },
  { N_("Std. Rate"),    "standard-rate", COL_RATE,      90 },
  { N_("Ovt. Rate"),    "overtime-rate", COL_RATE,      90 },
  { N_("Cost/Use"),     "cost-per-use",  COL_MONEY,     80 },
  { N_("Accrue At"),    "accrue-at",     COL_ACCRUE,    96 },
  { N_("Calendar"),     "calendar",      COL_CALENDAR, 124 },
  { N_("Work"),         "work",          COL_WORK,      64 },
  { N_("Cost"),         "cost",          COL_COST,      84 },
};

static const char *TYPE_NAMES[] = { N_("Work"), N_("Material"), N_("Cost"), NULL };
static const char *ACCRUE_NAMES[] = { N_("Start"), N_("End"), N_("Prorated"), NULL };

struct _GantryResourceView
{
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkColumnView   *sheet;
  GtkWidget       *sheet_wrap;         /* overlay: the empty sheet's hint */
  GtkSingleSelection *selection;
  GantryUsageView *usage;
  GtkWidget *usage_wrap;   /* overlay: the usage view's empty hint */
  GtkWidget       *zoom;
  GtkWidget       *status;
  GantryProject   *project;
  guint            idle_id;

  /* levelling in progress */
  GCancellable    *level_cancel;
  GtkWidget       *level_progress;     /* GantryLevelProgressWindow, once shown */
  guint            level_timeout_id;
  guint            progress_delay_ms;
  double           level_fraction;
};

G_DEFINE_FINAL_TYPE (GantryResourceView, gantry_resource_view, GTK_TYPE_WIDGET)

/* ---- formatting and parsing ------------------------------------------------ */

static char *
format_value (GantryResourceView *self, GantryResource *r, const ColDesc *d)
{
  switch (d->kind)
    {
    case COL_TEXT:
      {
        g_autofree char *s = NULL;
        g_object_get (r, d->property, &s, NULL);
        return g_strdup (s != NULL ? s : "");
      }
    case COL_TYPE:
      return g_strdup (_(TYPE_NAMES[CLAMP (gantry_resource_get_resource_type (r), 0, 2)]));
    case COL_UNITS:
      if (gantry_resource_get_resource_type (r) != GANTRY_RESOURCE_WORK)
        return g_strdup ("");
      return g_strdup_printf ("%g%%", round (gantry_resource_get_max_units (r) * 10000) / 100);
    case COL_RATE:
      {
        double v;
        g_object_get (r, d->property, &v, NULL);
        if (gantry_resource_get_resource_type (r) == GANTRY_RESOURCE_COST)
          return g_strdup ("");
        if (gantry_resource_get_resource_type (r) == GANTRY_RESOURCE_MATERIAL)
          return gantry_text_format_money (self->project, v);
        {
          g_autofree char *money = gantry_text_format_money (self->project, v);

          /* Translators: a rate per hour; %s is an amount of money, e.g. "$50.00/h" */
          return g_strdup_printf (_("%s/h"), money);
        }
      }
    case COL_MONEY:
      {
        double v;
        g_object_get (r, d->property, &v, NULL);
        return gantry_text_format_money (self->project, v);
      }
    case COL_COST:
      return gantry_text_format_money (self->project, gantry_resource_get_cost (r));
    case COL_WORK:
      {
        double h = gantry_resource_get_work (r) / (double) GANTRY_MS_HOUR;
        if (gantry_resource_get_resource_type (r) != GANTRY_RESOURCE_WORK)
          return g_strdup ("");
        /* written as in the usage grid and the task dialog: "48h" */
        return h == (gint64) h ? g_strdup_printf (_("%.0fh"), h) : g_strdup_printf (_("%.2fh"), h);
      }
    case COL_CALENDAR:
      {
        GantryCalendar *c = gantry_resource_get_calendar (r);
        return g_strdup (c != NULL && gantry_calendar_get_name (c) ? gantry_calendar_get_name (c)
                                                                   : _("Project calendar"));
      }
    case COL_ACCRUE:
      return g_strdup (_(ACCRUE_NAMES[CLAMP (gantry_resource_get_accrue_at (r), 1, 3) - 1]));
    case COL_INDICATOR:
    default:
      return g_strdup ("");
    }
}

/* Parses a number the way people type it: "50", "50.5", "50,5", "$50",
 * "50/h", "75%". */
static gboolean
parse_number (const char *text, const char *cur, double *out, gboolean *had_percent)
{
  g_autofree char *s = g_strdup (text != NULL ? text : "");
  char *p, *end;
  double v;

  g_strstrip (s);
  if (cur != NULL && *cur != '\0' && g_str_has_prefix (s, cur))
    memmove (s, s + strlen (cur), strlen (s + strlen (cur)) + 1);
  for (p = s; *p != '\0'; p++)
    if (*p == ',')
      *p = '.';
  if (g_str_has_suffix (s, "/h"))
    s[strlen (s) - 2] = '\0';
  *had_percent = g_str_has_suffix (s, "%");
  if (*had_percent)
    s[strlen (s) - 1] = '\0';
  g_strstrip (s);
  if (*s == '\0')
    return FALSE;
  v = g_ascii_strtod (s, &end);
  if (*end != '\0' || !isfinite (v) || v < 0 || v > 1e12)
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
apply_text (GantryResourceView *self, GantryResource *r, const ColDesc *d, const char *text)
{
  GantryProject *p = self->project;
  double v;
  gboolean pct;

  if (p == NULL || r == NULL)
    return FALSE;
  switch (d->kind)
    {
    case COL_TEXT:
      {
        g_autofree char *old = NULL;
        g_autofree char *s = g_strstrip (g_strdup (text != NULL ? text : ""));

        g_object_get (r, d->property, &old, NULL);
        if (strcmp (d->property, "name") == 0 && *s == '\0')
          return FALSE;             /* a resource needs a name */
        if (g_strcmp0 (old != NULL ? old : "", s) == 0)
          return TRUE;
        return gantry_project_apply (p, gantry_command_set (r, d->property, s));
      }
    case COL_UNITS:
      if (!parse_number (text, NULL, &v, &pct))
        return FALSE;
      /* "50" and "50%" mean 50 %; "0.5" means 50 % too */
      if (pct || v > 10)
        v /= 100.0;
      if (v > 1000)
        return FALSE;
      if (fabs (v - gantry_resource_get_max_units (r)) < 1e-9)
        return TRUE;
      return gantry_project_apply (p, gantry_command_set (r, "max-units", v));
    case COL_RATE:
    case COL_MONEY:
      {
        double old;
        g_autofree char *s = g_strstrip (g_strdup (text != NULL ? text : ""));

        if (g_str_has_suffix (s, "/h"))
          s[strlen (s) - 2] = '\0';
        if (!gantry_text_parse_money (p, s, &v) || v < 0 || v > 1e12)
          return FALSE;
        g_object_get (r, d->property, &old, NULL);
        if (fabs (v - old) < 1e-9)
          return TRUE;
        return gantry_project_apply (p, gantry_command_set (r, d->property, v));
      }
    default:
      return FALSE;
    }
}

/* ---- cells ------------------------------------------------------------------ */

static void
update_cell (GtkWidget *cell)
{
  GantryResourceView *self = g_object_get_data (G_OBJECT (cell), "view");
  const ColDesc *d = g_object_get_data (G_OBJECT (cell), "desc");
  GantryResource *r = g_object_get_data (G_OBJECT (cell), "resource");
  g_autofree char *s = NULL;

  if (r == NULL)
    return;
  if (d->kind == COL_INDICATOR)
    {
      gboolean over = gantry_resource_get_overallocated (r);
      gtk_widget_set_visible (cell, over);
      if (over)
        {
          g_autofree char *tip = g_strdup_printf (_("Over-allocated: up to %.0f%% of %.0f%%"),
                                                  gantry_resource_get_peak_units (r) * 100,
                                                  gantry_resource_get_max_units (r) * 100);
          gtk_widget_set_tooltip_text (cell, tip);
        }
      return;
    }
  if (d->kind == COL_TYPE || d->kind == COL_ACCRUE)
    {
      guint sel = d->kind == COL_TYPE ? (guint) CLAMP (gantry_resource_get_resource_type (r), 0, 2)
                                      : (guint) CLAMP (gantry_resource_get_accrue_at (r), 1, 3) - 1;
      g_object_set_data (G_OBJECT (cell), "updating", GINT_TO_POINTER (1));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (cell), sel);
      g_object_set_data (G_OBJECT (cell), "updating", NULL);
      return;
    }
  if (d->kind == COL_CALENDAR)
    {
      GListModel *cals = gantry_project_get_calendars (self->project);
      GantryCalendar *c = gantry_resource_get_calendar (r);
      guint i, sel = 0;

      for (i = 0; i < g_list_model_get_n_items (cals); i++)
        {
          g_autoptr(GantryCalendar) ci = g_list_model_get_item (cals, i);
          if (ci == c)
            sel = i + 1;
        }
      g_object_set_data (G_OBJECT (cell), "updating", GINT_TO_POINTER (1));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (cell), sel);
      g_object_set_data (G_OBJECT (cell), "updating", NULL);
      return;
    }
  s = format_value (self, r, d);
  if (GTK_IS_EDITABLE (cell))
    {
      if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell)))
        gtk_editable_set_text (GTK_EDITABLE (cell), s);
    }
  else
    gtk_label_set_text (GTK_LABEL (cell), s);
  if (d->kind == COL_WORK && gantry_resource_get_overallocated (r))
    gtk_widget_add_css_class (cell, "error");
  else if (d->kind == COL_WORK)
    gtk_widget_remove_css_class (cell, "error");
}

static void
on_resource_notify (GObject *obj, GParamSpec *pspec, GtkWidget *cell)
{
  (void) obj; (void) pspec;
  update_cell (cell);
}

static void
on_editing (GtkEditableLabel *label, GParamSpec *pspec, GtkWidget *cell)
{
  GantryResourceView *self = g_object_get_data (G_OBJECT (cell), "view");
  const ColDesc *d = g_object_get_data (G_OBJECT (cell), "desc");
  GantryResource *r = g_object_get_data (G_OBJECT (cell), "resource");

  (void) pspec;
  if (gtk_editable_label_get_editing (label) || r == NULL)
    return;
  if (!apply_text (self, r, d, gtk_editable_get_text (GTK_EDITABLE (label))))
    gtk_widget_error_bell (GTK_WIDGET (label));
  update_cell (cell);
}

static void
on_dropdown (GtkDropDown *dd, GParamSpec *pspec, GtkWidget *cell)
{
  GantryResourceView *self = g_object_get_data (G_OBJECT (cell), "view");
  const ColDesc *d = g_object_get_data (G_OBJECT (cell), "desc");
  GantryResource *r = g_object_get_data (G_OBJECT (cell), "resource");
  guint sel = gtk_drop_down_get_selected (dd);

  (void) pspec;
  if (r == NULL || self->project == NULL || g_object_get_data (G_OBJECT (cell), "updating")
      || sel == GTK_INVALID_LIST_POSITION)
    return;
  if (d->kind == COL_TYPE && (int) sel != (int) gantry_resource_get_resource_type (r))
    gantry_project_apply (self->project, gantry_command_set (r, "resource-type", (int) sel));
  else if (d->kind == COL_ACCRUE && (int) sel + 1 != (int) gantry_resource_get_accrue_at (r))
    gantry_project_apply (self->project, gantry_command_set (r, "accrue-at", (int) sel + 1));
  else if (d->kind == COL_CALENDAR)
    {
      GListModel *cals = gantry_project_get_calendars (self->project);
      g_autoptr(GantryCalendar) c = sel > 0 ? g_list_model_get_item (cals, sel - 1) : NULL;

      if (c != gantry_resource_get_calendar (r))
        gantry_project_apply (self->project, gantry_command_set (r, "calendar", c));
    }
}

static GtkStringList *
calendar_names (GantryResourceView *self)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  GListModel *cals = self->project ? gantry_project_get_calendars (self->project) : NULL;
  guint i;

  gtk_string_list_append (list, _("Project calendar"));
  for (i = 0; cals != NULL && i < g_list_model_get_n_items (cals); i++)
    {
      g_autoptr(GantryCalendar) c = g_list_model_get_item (cals, i);
      const char *n = gantry_calendar_get_name (c);
      gtk_string_list_append (list, n != NULL && *n ? n : _("(unnamed)"));
    }
  return list;
}

static void
setup_cell (GtkSignalListItemFactory *f, GtkListItem *item, const ColDesc *d)
{
  GantryResourceView *self = g_object_get_data (G_OBJECT (f), "view");
  GtkWidget *cell;

  switch (d->kind)
    {
    case COL_INDICATOR:
      cell = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (cell, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Over-allocated"), -1);
      break;
    case COL_TYPE:
    case COL_ACCRUE:
      {
        /* the names are translated when shown */
        GtkStringList *l = gtk_string_list_new (NULL);
        const char **names = d->kind == COL_TYPE ? TYPE_NAMES : ACCRUE_NAMES;
        for (guint i = 0; names[i] != NULL; i++)
          gtk_string_list_append (l, _(names[i]));
        cell = gtk_drop_down_new (G_LIST_MODEL (l), NULL);
      }
      gtk_widget_add_css_class (cell, "flat");
      g_signal_connect (cell, "notify::selected", G_CALLBACK (on_dropdown), cell);
      break;
    case COL_CALENDAR:
      {
        cell = gtk_drop_down_new (G_LIST_MODEL (calendar_names (self)), NULL);
        gtk_widget_add_css_class (cell, "flat");
        g_signal_connect (cell, "notify::selected", G_CALLBACK (on_dropdown), cell);
      }
      break;
    case COL_WORK:
    case COL_COST:
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), 1.0);
      gtk_widget_add_css_class (cell, "numeric");
      break;
    default:
      cell = gtk_editable_label_new ("");
      if (d->kind != COL_TEXT)
        {
          gtk_editable_set_alignment (GTK_EDITABLE (cell), 1.0);
          gtk_widget_add_css_class (cell, "numeric");
        }
      g_signal_connect (cell, "notify::editing", G_CALLBACK (on_editing), cell);
      break;
    }
  g_object_set_data (G_OBJECT (cell), "view", self);
  g_object_set_data (G_OBJECT (cell), "desc", (gpointer) d);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell (GtkSignalListItemFactory *f, GtkListItem *item, const ColDesc *d)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  GantryResource *r = gtk_list_item_get_item (item);

  if (d->kind == COL_CALENDAR)
    {
      /* calendars may have been added since the cell was made */
      GantryResourceView *self = g_object_get_data (G_OBJECT (cell), "view");
      g_object_set_data (G_OBJECT (cell), "updating", GINT_TO_POINTER (1));
      gtk_drop_down_set_model (GTK_DROP_DOWN (cell), G_LIST_MODEL (calendar_names (self)));
      g_object_unref (gtk_drop_down_get_model (GTK_DROP_DOWN (cell)));
      g_object_set_data (G_OBJECT (cell), "updating", NULL);
    }
  (void) f;
  g_object_set_data (G_OBJECT (cell), "resource", r);
  g_signal_connect_object (r, "notify", G_CALLBACK (on_resource_notify), cell, 0);
  update_cell (cell);
}

static void
unbind_cell (GtkSignalListItemFactory *f, GtkListItem *item, const ColDesc *d)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  GantryResource *r = gtk_list_item_get_item (item);

  (void) f; (void) d;
  if (r != NULL)
    g_signal_handlers_disconnect_by_func (r, on_resource_notify, cell);
  g_object_set_data (G_OBJECT (cell), "resource", NULL);
}

/* ---- actions ---------------------------------------------------------------- */

static GantryResource *
selected (GantryResourceView *self)
{
  return self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

static void
action_add (GtkWidget *widget, const char *name, GVariant *param)
{
  GantryResourceView *self = GANTRY_RESOURCE_VIEW (widget);
  g_autoptr(GantryResource) r = NULL;
  g_autofree char *rname = NULL;
  guint n;

  (void) name; (void) param;
  if (self->project == NULL)
    return;
  n = g_list_model_get_n_items (gantry_project_get_resources (self->project));
  rname = g_strdup_printf (_("Resource %u"), n + 1);
  r = gantry_resource_new (gantry_project_next_resource_uid (self->project), rname);
  if (gantry_project_apply (self->project, gantry_command_add_resource (r, -1)))
    {
      gantry_project_renumber (self->project);
      gtk_single_selection_set_selected (self->selection, n);
    }
}

static void
action_delete (GtkWidget *widget, const char *name, GVariant *param)
{
  GantryResourceView *self = GANTRY_RESOURCE_VIEW (widget);
  GantryResource *r = selected (self);

  (void) name; (void) param;
  if (self->project == NULL || r == NULL)
    return;
  gantry_project_apply (self->project, gantry_command_remove_resource (r));
  gantry_project_renumber (self->project);
}

/* Delete is offered only with a resource selected, Level Resources… only
 * when there are resources. */
static void
update_actions (GantryResourceView *self)
{
  gboolean any = self->project != NULL
                 && g_list_model_get_n_items (gantry_project_get_resources (self->project)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resources.delete", selected (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resources.level", any);
}

static void
on_sheet_selection (GObject *sel, GParamSpec *pspec, GantryResourceView *self)
{
  (void) sel; (void) pspec;
  update_actions (self);
}

static void
on_resources_changed (GListModel *model, guint pos, guint removed, guint added, GantryResourceView *self)
{
  (void) model; (void) pos; (void) removed; (void) added;
  update_actions (self);
}

static void
show_status (GantryResourceView *self, const char *text)
{
  gtk_label_set_text (GTK_LABEL (self->status), text != NULL ? text : "");
}

static void
level_finished (GantryResourceView *self)
{
  g_clear_handle_id (&self->level_timeout_id, g_source_remove);
  if (self->level_progress != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->level_progress));
      g_clear_object (&self->level_progress);
    }
  g_clear_object (&self->level_cancel);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resources.level", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resources.clear-leveling", TRUE);
}

static void
show_level_progress (GantryResourceView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->level_progress != NULL || self->level_cancel == NULL)
    return;
  self->level_progress = g_object_ref_sink (gantry_level_progress_window_new (GTK_IS_WINDOW (root)
                                                                       ? GTK_WINDOW (root) : NULL,
                                                                       self->level_cancel));
  gantry_level_progress_window_set_fraction (GANTRY_LEVEL_PROGRESS_WINDOW (self->level_progress),
                                      self->level_fraction);
  gtk_window_present (GTK_WINDOW (self->level_progress));
}

static gboolean
level_timeout (gpointer data)
{
  GantryResourceView *self = data;

  self->level_timeout_id = 0;
  show_level_progress (self);
  return G_SOURCE_REMOVE;
}

static void
level_progress_cb (double fraction, gpointer data)
{
  GantryResourceView *self = data;

  self->level_fraction = fraction;
  if (self->level_progress != NULL)
    gantry_level_progress_window_set_fraction (GANTRY_LEVEL_PROGRESS_WINDOW (self->level_progress), fraction);
}

static void
level_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GantryResourceView) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) over = NULL;
  gboolean ok = gantry_resources_level_finish (GANTRY_PROJECT (source), result, &error);

  level_finished (self);
  if (self->project != GANTRY_PROJECT (source))
    return;   /* another plan by now */
  if (!ok)
    {
      show_status (self, error->message);
      return;
    }
  over = gantry_resources_update (self->project);
  if (over->len == 0)
    show_status (self, _("Levelled: no resource is over-allocated."));
  else
    {
      g_autofree char *msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Levelled; %u over-allocation could not be resolved.",
                                                           "Levelled; %u over-allocations could not be resolved.",
                                                           over->len), over->len);
      show_status (self, msg);
    }
  gantry_resource_view_refresh (self);
}

gboolean
gantry_resource_view_level (GantryResourceView *self, const GantryLevelOptions *options)
{
  g_return_val_if_fail (GANTRY_IS_RESOURCE_VIEW (self), FALSE);
  if (self->project == NULL || self->level_cancel != NULL)
    return FALSE;

  self->level_cancel = g_cancellable_new ();
  self->level_fraction = 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resources.level", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resources.clear-leveling", FALSE);
  show_status (self, _("Levelling…"));
  gantry_resources_level_async (self->project, options, level_progress_cb, self,
                                self->level_cancel, level_done_cb, g_object_ref (self));
  if (self->progress_delay_ms == 0)
    show_level_progress (self);
  else
    self->level_timeout_id = g_timeout_add (self->progress_delay_ms, level_timeout, self);
  return TRUE;
}

gboolean
gantry_resource_view_is_leveling (GantryResourceView *self)
{
  g_return_val_if_fail (GANTRY_IS_RESOURCE_VIEW (self), FALSE);
  return self->level_cancel != NULL;
}

GtkWidget *
gantry_resource_view_get_level_progress (GantryResourceView *self)
{
  g_return_val_if_fail (GANTRY_IS_RESOURCE_VIEW (self), NULL);
  return self->level_progress;
}

void
gantry_resource_view_set_progress_delay (GantryResourceView *self, guint ms)
{
  g_return_if_fail (GANTRY_IS_RESOURCE_VIEW (self));
  self->progress_delay_ms = ms;
}

static void
on_level_dialog_level (GantryLevelDialog *dialog, GantryResourceView *self)
{
  GantryLevelOptions options;

  if (!gantry_level_dialog_get_options (dialog, &options, NULL))
    return;
  gtk_window_destroy (GTK_WINDOW (dialog));
  gantry_resource_view_level (self, &options);
}

static void
on_level_dialog_clear (GantryLevelDialog *dialog, GantryResourceView *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_widget_activate_action (GTK_WIDGET (self), "resources.clear-leveling", NULL);
}

/* Opens the levelling options; Level there starts the run. */
static void
action_level (GtkWidget *widget, const char *name, GVariant *param)
{
  GantryResourceView *self = GANTRY_RESOURCE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  (void) name; (void) param;
  if (self->project == NULL || self->level_cancel != NULL)
    return;
  dialog = gantry_level_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->project);
  g_signal_connect_object (dialog, "level", G_CALLBACK (on_level_dialog_level), self, 0);
  g_signal_connect_object (dialog, "clear", G_CALLBACK (on_level_dialog_clear), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_clear_leveling (GtkWidget *widget, const char *name, GVariant *param)
{
  GantryResourceView *self = GANTRY_RESOURCE_VIEW (widget);
  guint n;

  (void) name; (void) param;
  if (self->project == NULL)
    return;
  n = gantry_resources_clear_leveling (self->project);
  {
    g_autofree char *msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Levelling delay removed from %u task.",
                                                         "Levelling delay removed from %u tasks.", n), n);
    show_status (self, msg);
  }
}

/* Opens the calendar editor on the selected resource's calendar; a
 * resource without one first gets its own, based on the project calendar
 * (one undo step with what the editor applies after it). */
static void
action_edit_calendar (GtkWidget *widget, const char *name, GVariant *param)
{
  GantryResourceView *self = GANTRY_RESOURCE_VIEW (widget);
  GantryResource *r = selected (self);
  GantryCalendar *cal;
  GtkWidget *editor;
  GtkRoot *root = gtk_widget_get_root (widget);

  (void) name; (void) param;
  if (self->project == NULL)
    return;
  cal = r != NULL ? gantry_resource_get_calendar (r) : gantry_project_get_calendar (self->project);
  if (r != NULL && (cal == NULL || cal == gantry_project_get_calendar (self->project)))
    {
      g_autoptr(GantryCalendar) own = gantry_calendar_new (gantry_project_next_calendar_uid (self->project),
                                                           gantry_resource_get_name (r));
      gantry_calendar_set_base (own, gantry_project_get_calendar (self->project));
      gantry_project_begin_group (self->project, _("New Resource Calendar"));
      if (gantry_project_apply (self->project, gantry_command_add_calendar (own)))
        gantry_project_apply (self->project, gantry_command_set (r, "calendar", own));
      gantry_project_end_group (self->project);
      cal = gantry_resource_get_calendar (r);
    }
  if (cal == NULL)
    return;
  editor = gantry_calendar_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->project, cal);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
action_zoom (GtkWidget *widget, const char *name, GVariant *param)
{
  GantryResourceView *self = GANTRY_RESOURCE_VIEW (widget);
  int z = g_variant_get_int32 (param);

  (void) name;
  gantry_usage_view_set_zoom (self->usage, CLAMP (z, 0, 2));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->zoom), gantry_usage_view_get_zoom (self->usage));
}

static void
on_zoom_selected (GtkDropDown *dd, GParamSpec *pspec, GantryResourceView *self)
{
  (void) pspec;
  gantry_usage_view_set_zoom (self->usage, gtk_drop_down_get_selected (dd));
}

/* ---- refresh --------------------------------------------------------------- */

void
gantry_resource_view_refresh (GantryResourceView *self)
{
  g_autoptr(GArray) over = NULL;

  g_return_if_fail (GANTRY_IS_RESOURCE_VIEW (self));
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->project == NULL)
    return;
  over = gantry_resources_update (self->project);
  gantry_usage_view_refresh (self->usage);
  gantry_placeholder_set_empty (self->usage_wrap, gantry_usage_view_get_n_rows (self->usage) == 0);
}

static gboolean
refresh_idle (gpointer data)
{
  GantryResourceView *self = data;

  self->idle_id = 0;
  gantry_resource_view_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_project_changed (GantryProject *project, guint flags, GPtrArray *tasks, GantryResourceView *self)
{
  (void) project; (void) flags; (void) tasks;
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE + 10, refresh_idle, self, NULL);
}

void
gantry_resource_view_set_project (GantryResourceView *self, GantryProject *project)
{
  g_autoptr(GtkSingleSelection) sel = NULL;

  g_return_if_fail (GANTRY_IS_RESOURCE_VIEW (self));
  g_return_if_fail (project == NULL || GANTRY_IS_PROJECT (project));

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (gantry_project_get_resources (self->project), self);
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    {
      g_signal_connect_after (project, "changed", G_CALLBACK (on_project_changed), self);
      g_signal_connect (gantry_project_get_resources (project), "items-changed",
                        G_CALLBACK (on_resources_changed), self);
      sel = gtk_single_selection_new (g_object_ref (gantry_project_get_resources (project)));
    }
  else
    sel = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (sel, FALSE);
  gtk_single_selection_set_can_unselect (sel, TRUE);
  g_set_object (&self->selection, sel);
  gtk_column_view_set_model (self->sheet, GTK_SELECTION_MODEL (sel));
  gantry_placeholder_set_model (self->sheet_wrap, project ? gantry_project_get_resources (project) : NULL);
  g_signal_connect (sel, "notify::selected", G_CALLBACK (on_sheet_selection), self);
  update_actions (self);
  gantry_usage_view_set_project (self->usage, project);
  gantry_placeholder_set_empty (self->usage_wrap, FALSE);
  gantry_resource_view_refresh (self);
}

GantryUsageView *
gantry_resource_view_get_usage (GantryResourceView *self)
{
  g_return_val_if_fail (GANTRY_IS_RESOURCE_VIEW (self), NULL);
  return self->usage;
}

GtkColumnView *
gantry_resource_view_get_sheet (GantryResourceView *self)
{
  g_return_val_if_fail (GANTRY_IS_RESOURCE_VIEW (self), NULL);
  return self->sheet;
}

gboolean
gantry_resource_view_edit_cell (GantryResourceView *self, GantryResource *resource,
                                const char *property, const char *text)
{
  g_return_val_if_fail (GANTRY_IS_RESOURCE_VIEW (self), FALSE);
  g_return_val_if_fail (GANTRY_IS_RESOURCE (resource), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (COLUMNS); i++)
    if (strcmp (COLUMNS[i].property, property) == 0)
      return apply_text (self, resource, &COLUMNS[i], text);
  return FALSE;
}

/* ---- GObject ---------------------------------------------------------------- */

static void
gantry_resource_view_dispose (GObject *object)
{
  GantryResourceView *self = GANTRY_RESOURCE_VIEW (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  /* a running levelling stops and leaves the plan as it was */
  if (self->level_cancel != NULL)
    g_cancellable_cancel (self->level_cancel);
  g_clear_handle_id (&self->level_timeout_id, g_source_remove);
  if (self->level_progress != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->level_progress));
      g_clear_object (&self->level_progress);
    }
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (gantry_project_get_resources (self->project), self);
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->project);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (gantry_resource_view_parent_class)->dispose (object);
}

/* Leaving the window (it closes) stops a running levelling: the plan
 * stays as it was. */
static void
gantry_resource_view_unroot (GtkWidget *widget)
{
  GantryResourceView *self = GANTRY_RESOURCE_VIEW (widget);

  if (self->level_cancel != NULL)
    g_cancellable_cancel (self->level_cancel);
  GTK_WIDGET_CLASS (gantry_resource_view_parent_class)->unroot (widget);
}

static void
gantry_resource_view_class_init (GantryResourceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gantry_resource_view_dispose;
  widget_class->unroot = gantry_resource_view_unroot;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gantry-resource-view");
  gtk_widget_class_install_action (widget_class, "resources.add", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "resources.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "resources.level", NULL, action_level);
  gtk_widget_class_install_action (widget_class, "resources.clear-leveling", NULL,
                                   action_clear_leveling);
  gtk_widget_class_install_action (widget_class, "resources.zoom", "i", action_zoom);
  gtk_widget_class_install_action (widget_class, "resources.edit-calendar", NULL, action_edit_calendar);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "resources.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK,
                                       "resources.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_L, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "resources.level", NULL);
}

static GtkWidget *
tool_button (const char *icon, const char *label, const char *tooltip, const char *action)
{
  GtkWidget *b = gtk_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name (icon));
  gtk_box_append (GTK_BOX (content), gtk_label_new_with_mnemonic (label));
  gtk_button_set_child (GTK_BUTTON (b), content);
  gtk_widget_set_tooltip_text (b, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (b), action);
  gtk_widget_add_css_class (b, "flat");
  return b;
}

static void
gantry_resource_view_init (GantryResourceView *self)
{
  GtkWidget *bar, *paned, *scroll, *usage_scroll, *spacer;
  static const char *zooms[] = { N_("Days"), N_("Weeks"), N_("Months"), NULL };
  g_autoptr(GtkStringList) zl = gtk_string_list_new (NULL);
  guint i;

  self->progress_delay_ms = PROGRESS_DELAY_MS;
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->box, "background");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_margin_start (bar, 6);
  gtk_widget_set_margin_end (bar, 6);
  gtk_widget_set_margin_top (bar, 4);
  gtk_widget_set_margin_bottom (bar, 4);
  gtk_box_append (GTK_BOX (bar), tool_button ("list-add-symbolic", _("_Add Resource"),
                                              _("Add a resource (Insert)"), "resources.add"));
  gtk_box_append (GTK_BOX (bar), tool_button ("list-remove-symbolic", _("_Delete"),
                                              _("Delete the selected resource and its assignments"),
                                              "resources.delete"));
  gtk_box_append (GTK_BOX (bar), tool_button ("x-office-calendar-symbolic", _("_Calendar…"),
                                              _("Edit the selected resource's working time "
                                                "(the project calendar when none is selected)"),
                                              "resources.edit-calendar"));
  gtk_box_append (GTK_BOX (bar), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (bar), tool_button ("view-sort-ascending-symbolic", _("_Level Resources…"),
                                              _("Delay tasks so that no one is over-allocated "
                                                "(Shift+Ctrl+L)"), "resources.level"));
  gtk_box_append (GTK_BOX (bar), tool_button ("edit-clear-symbolic", _("C_lear Levelling"),
                                              _("Remove every levelling delay"),
                                              "resources.clear-leveling"));
  self->status = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->status, "dim-label");
  gtk_label_set_ellipsize (GTK_LABEL (self->status), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (self->status, 12);
  gtk_box_append (GTK_BOX (bar), self->status);
  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), spacer);
  for (i = 0; zooms[i] != NULL; i++)
    gtk_string_list_append (zl, _(zooms[i]));
  self->zoom = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (zl)), NULL);
  gtk_widget_set_tooltip_text (self->zoom, _("Usage timescale"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Usage timescale"), -1);
  gtk_box_append (GTK_BOX (bar), self->zoom);
  gtk_box_append (GTK_BOX (self->box), bar);

  paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (self->box), paned);

  self->sheet = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->sheet, TRUE);
  gtk_column_view_set_show_row_separators (self->sheet, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->sheet), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sheet), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Resource sheet"), -1);
  for (i = 0; i < G_N_ELEMENTS (COLUMNS); i++)
    {
      GtkListItemFactory *f = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *col;

      g_object_set_data (G_OBJECT (f), "view", self);
      g_signal_connect (f, "setup", G_CALLBACK (setup_cell), (gpointer) &COLUMNS[i]);
      g_signal_connect (f, "bind", G_CALLBACK (bind_cell), (gpointer) &COLUMNS[i]);
      g_signal_connect (f, "unbind", G_CALLBACK (unbind_cell), (gpointer) &COLUMNS[i]);
      col = gtk_column_view_column_new (*COLUMNS[i].title ? _(COLUMNS[i].title) : "", f);
      gtk_column_view_column_set_fixed_width (col, COLUMNS[i].width);
      gtk_column_view_column_set_resizable (col, TRUE);
      if (i == 1)
        gtk_column_view_column_set_expand (col, TRUE);
      gtk_column_view_append_column (self->sheet, col);
      g_object_unref (col);
    }
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), GTK_WIDGET (self->sheet));
  gtk_widget_set_size_request (scroll, -1, 140);
  self->sheet_wrap = gantry_placeholder_wrap (scroll, _("No resources yet"),
                                              _("Add people, equipment and materials with Add Resource (Insert), "
                                                "or type names into a task's Resources column."));
  gtk_paned_set_start_child (GTK_PANED (paned), self->sheet_wrap);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), TRUE);

  self->usage = GANTRY_USAGE_VIEW (gantry_usage_view_new ());
  usage_scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (usage_scroll), GTK_WIDGET (self->usage));
  gtk_widget_set_size_request (usage_scroll, -1, 160);
  self->usage_wrap = gantry_placeholder_wrap (usage_scroll, _("No resource usage yet"),
                                              _("Add a work resource and assign it to tasks: "
                                                "its work per period and its load show here."));
  gtk_paned_set_end_child (GTK_PANED (paned), self->usage_wrap);
  gtk_paned_set_position (GTK_PANED (paned), 220);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->zoom), gantry_usage_view_get_zoom (self->usage));
  g_signal_connect (self->zoom, "notify::selected", G_CALLBACK (on_zoom_selected), self);
}

GtkWidget *
gantry_resource_view_new (void)
{
  return g_object_new (GANTRY_TYPE_RESOURCE_VIEW, NULL);
}
