/* gantry-risk-view.c — the Risks page: register table and P × I matrix
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gantry-risk-view.h"
#include "gantry-placeholder.h"

/* ======================================================================
 * The probability × impact matrix
 * ====================================================================== */

#define GANTRY_TYPE_RISK_MATRIX (gantry_risk_matrix_get_type ())
G_DECLARE_FINAL_TYPE (GantryRiskMatrix, gantry_risk_matrix, GANTRY, RISK_MATRIX, GtkWidget)

struct _GantryRiskMatrix
{
  GtkWidget  parent_instance;
  guint      counts[5][5];      /* [probability - 1][impact - 1] */
};

G_DEFINE_FINAL_TYPE (GantryRiskMatrix, gantry_risk_matrix, GTK_TYPE_WIDGET)

#define AXIS 38.0   /* room for the axis labels: the rotated name, then 1..5 */

static void
cell_colour (int score, gboolean dark, GdkRGBA *out)
{
  /* green, yellow, orange, red: low to high exposure */
  if (score >= 15)
    gdk_rgba_parse (out, dark ? "#a51d2d" : "#ed333b");
  else if (score >= 10)
    gdk_rgba_parse (out, dark ? "#c64600" : "#ff7800");
  else if (score >= 5)
    gdk_rgba_parse (out, dark ? "#9c6e03" : "#f6d32d");
  else
    gdk_rgba_parse (out, dark ? "#26a269" : "#8ff0a4");
}

static PangoLayout *
layout_text (GtkWidget *widget, const char *text, gboolean bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static void
draw_text_centered (GtkSnapshot *snapshot, PangoLayout *layout, double cx, double cy,
                    const GdkRGBA *colour)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx - w / 2.0, cy - h / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
gantry_risk_matrix_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  GantryRiskMatrix *self = GANTRY_RISK_MATRIX (widget);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  double size = MIN (w, h) - AXIS - 4;
  double cell = size / 5.0;
  double x0 = AXIS, y0 = 2;
  GdkRGBA fg, grid;
  gboolean dark;

  if (size <= 10)
    return;
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, &fg);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
#endif
  /* a light foreground means a dark theme */
  dark = (fg.red + fg.green + fg.blue) > 1.5;
  grid = fg;
  grid.alpha = 0.35;

  for (int p = 5; p >= 1; p--)
    for (int i = 1; i <= 5; i++)
      {
        graphene_rect_t r = GRAPHENE_RECT_INIT (x0 + (i - 1) * cell, y0 + (5 - p) * cell,
                                                cell - 2, cell - 2);
        GdkRGBA c;
        guint n = self->counts[p - 1][i - 1];

        cell_colour (p * i, dark, &c);
        c.alpha = n > 0 ? 0.95 : 0.35;
        gtk_snapshot_append_color (snapshot, &c, &r);
        if (n > 0)
          {
            g_autofree char *text = g_strdup_printf ("%u", n);
            g_autoptr(PangoLayout) layout = layout_text (widget, text, TRUE);
            GdkRGBA ink;

            gdk_rgba_parse (&ink, dark ? "#ffffff" : "#000000");
            draw_text_centered (snapshot, layout, r.origin.x + r.size.width / 2,
                                r.origin.y + r.size.height / 2, &ink);
          }
      }

  /* axes: 1..5 along each side, and their names */
  for (int k = 1; k <= 5; k++)
    {
      g_autofree char *t = g_strdup_printf ("%d", k);
      g_autoptr(PangoLayout) a = layout_text (widget, t, FALSE);
      g_autoptr(PangoLayout) b = layout_text (widget, t, FALSE);

      draw_text_centered (snapshot, a, x0 + (k - 0.5) * cell, y0 + size + 9, &grid);
      draw_text_centered (snapshot, b, AXIS - 8, y0 + (5 - k + 0.5) * cell, &grid);
    }
  {
    g_autoptr(PangoLayout) impact = layout_text (widget, _("Impact →"), FALSE);
    g_autoptr(PangoLayout) prob = layout_text (widget, _("Probability →"), FALSE);
    int pw, ph;

    draw_text_centered (snapshot, impact, x0 + size / 2, y0 + size + 27, &fg);
    pango_layout_get_pixel_size (prob, &pw, &ph);
    gtk_snapshot_save (snapshot);
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (2, y0 + size / 2 + pw / 2.0));
    gtk_snapshot_rotate (snapshot, -90);
    gtk_snapshot_append_layout (snapshot, prob, &fg);
    gtk_snapshot_restore (snapshot);
  }
}

static void
gantry_risk_matrix_measure (GtkWidget *widget, GtkOrientation o, int for_size,
                            int *min, int *nat, int *min_base, int *nat_base)
{
  *min = 200;
  *nat = 320;
}

static void
gantry_risk_matrix_class_init (GantryRiskMatrixClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = gantry_risk_matrix_snapshot;
  widget_class->measure = gantry_risk_matrix_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gantry_risk_matrix_init (GantryRiskMatrix *self)
{
}

/* ======================================================================
 * The view
 * ====================================================================== */

struct _GantryRiskView
{
  GtkWidget           parent_instance;

  GantryProject      *project;
  gulong              changed_id;
  GtkSingleSelection *selection;
  GtkWidget          *column_view;
  GtkWidget          *register_wrap;   /* overlay: the empty register's hint */
  GtkWidget          *matrix;
  GtkWidget          *summary;
};

G_DEFINE_FINAL_TYPE (GantryRiskView, gantry_risk_view, GTK_TYPE_WIDGET)

static GantryRisk *
item_risk (GtkListItem *item)
{
  return GANTRY_RISK (gtk_list_item_get_item (item));
}

static void
apply (GantryRiskView *self, GantryCommand *cmd)
{
  if (self->project != NULL && cmd != NULL)
    gantry_project_apply (self->project, cmd);
  else if (cmd != NULL)
    gantry_command_free (cmd);
}

static GantryRiskView *
view_of (GtkWidget *w)
{
  return GANTRY_RISK_VIEW (gtk_widget_get_ancestor (w, GANTRY_TYPE_RISK_VIEW));
}

/* Cells keep their risk and their property binding as object data. */
static void
cell_unbind (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  GBinding *binding = g_object_get_data (G_OBJECT (child), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (child), "binding", NULL);
  g_object_set_data (G_OBJECT (child), "risk", NULL);
}

/* Strings: NULL shows as "" (editables refuse NULL); others as GLib does. */
static gboolean
transform_to_widget (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  if (G_VALUE_HOLDS_STRING (from) && G_VALUE_HOLDS_STRING (to))
    {
      const char *s = g_value_get_string (from);

      g_value_set_string (to, s != NULL ? s : "");
      return TRUE;
    }
  return g_value_transform (from, to);
}

static void
cell_bind_property (GtkListItem *item, const char *risk_prop, const char *widget_prop)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  GantryRisk *risk = item_risk (item);
  GBinding *binding;

  g_object_set_data (G_OBJECT (child), "risk", risk);
  binding = g_object_bind_property_full (risk, risk_prop, child, widget_prop,
                                         G_BINDING_SYNC_CREATE, transform_to_widget, NULL,
                                         NULL, NULL);
  g_object_set_data (G_OBJECT (child), "binding", binding);
}

/* ---- text columns (title, mitigation): GtkEditableLabel ----------------- */

static void
on_text_edited (GObject *label, GParamSpec *pspec, gpointer data)
{
  const char *prop = data;
  GantryRisk *risk = g_object_get_data (label, "risk");
  g_autofree char *old = NULL;
  const char *text;

  if (risk == NULL || gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label)))
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (label));
  g_object_get (risk, prop, &old, NULL);
  if (g_strcmp0 (old != NULL ? old : "", text) != 0)
    apply (view_of (GTK_WIDGET (label)), gantry_command_set (risk, prop, text));
}

static void
text_setup (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_editable_label_new ("");

  g_signal_connect (label, "notify::editing", G_CALLBACK (on_text_edited), data);
  gtk_list_item_set_child (item, label);
}

static void
text_bind (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  cell_bind_property (item, data, "text");
}

/* ---- 1..5 columns (probability, impact): GtkSpinButton ------------------ */

static void
on_level_changed (GtkSpinButton *spin, gpointer data)
{
  const char *prop = data;
  GantryRisk *risk = g_object_get_data (G_OBJECT (spin), "risk");
  int old, v = gtk_spin_button_get_value_as_int (spin);

  if (risk == NULL)
    return;
  g_object_get (risk, prop, &old, NULL);
  if (old != v)
    apply (view_of (GTK_WIDGET (spin)), gantry_command_set (risk, prop, v));
}

static void
level_setup (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 5, 1);

  gtk_widget_set_halign (spin, GTK_ALIGN_START);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_level_changed), data);
  gtk_list_item_set_child (item, spin);
}

static void
level_bind (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  cell_bind_property (item, data, "value");
}

/* ---- status: GtkDropDown --------------------------------------------------- */

static void
on_status_changed (GObject *dd, GParamSpec *pspec, gpointer data)
{
  GantryRisk *risk = g_object_get_data (dd, "risk");
  guint v = gtk_drop_down_get_selected (GTK_DROP_DOWN (dd));

  if (risk == NULL || v == GTK_INVALID_LIST_POSITION)
    return;
  if ((guint) gantry_risk_get_status (risk) != v)
    apply (view_of (GTK_WIDGET (dd)), gantry_command_set (risk, "status", (int) v));
}

static void
status_setup (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  const char *names[GANTRY_RISK_STATUS_LAST + 2] = { NULL };
  GtkWidget *dd;

  for (int s = 0; s <= GANTRY_RISK_STATUS_LAST; s++)
    names[s] = gantry_risk_status_to_string (s);
  dd = gtk_drop_down_new_from_strings (names);
  g_signal_connect (dd, "notify::selected", G_CALLBACK (on_status_changed), NULL);
  gtk_list_item_set_child (item, dd);
}

static void
status_bind (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  cell_bind_property (item, "status", "selected");
}

/* ---- read-only columns: score, owner, trigger date, linked tasks ----------- */

static void
label_setup (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static char *
describe (GantryRisk *risk, const char *what)
{
  if (g_str_equal (what, "score"))
    return g_strdup_printf ("%d", gantry_risk_get_score (risk));
  if (g_str_equal (what, "owner"))
    {
      GantryResource *owner = gantry_risk_get_owner (risk);

      return g_strdup (owner != NULL && gantry_resource_get_name (owner) != NULL
                         ? gantry_resource_get_name (owner) : "");
    }
  if (g_str_equal (what, "trigger-date"))
    {
      GantryTime t = gantry_risk_get_trigger_date (risk);
      int y, mo, d, h, mi, s;

      if (t == GANTRY_TIME_NONE)
        return g_strdup ("");
      gantry_time_split (t, &y, &mo, &d, &h, &mi, &s);
      return g_strdup_printf ("%04d-%02d-%02d", y, mo, d);
    }
  if (g_str_equal (what, "task-uids"))
    {
      GantryProject *project = gantry_risk_get_project (risk);
      g_autoptr(GString) s = g_string_new (NULL);
      const int *uids;
      guint n;

      uids = gantry_risk_get_task_uids (risk, &n);
      for (guint i = 0; i < n; i++)
        {
          GantryTask *t = project != NULL ? gantry_project_lookup_task (project, uids[i]) : NULL;

          if (t == NULL)
            continue;   /* a deleted task */
          if (s->len > 0)
            g_string_append (s, ", ");
          g_string_append (s, gantry_task_get_name (t) != NULL ? gantry_task_get_name (t) : "");
        }
      return g_string_free (g_steal_pointer (&s), FALSE);
    }
  return g_strdup ("");
}

static void
on_risk_notify (GantryRisk *risk, GParamSpec *pspec, GtkWidget *label)
{
  const char *what = g_object_get_data (G_OBJECT (label), "what");
  g_autofree char *text = describe (risk, what);

  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
label_bind (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  GantryRisk *risk = item_risk (item);
  g_autofree char *signal = g_strdup_printf ("notify::%s", (const char *) data);
  gulong id;

  g_object_set_data (G_OBJECT (label), "what", data);
  g_object_set_data (G_OBJECT (label), "risk", risk);
  on_risk_notify (risk, NULL, label);
  id = g_signal_connect_object (risk, signal, G_CALLBACK (on_risk_notify), label, 0);
  g_object_set_data (G_OBJECT (label), "handler", GSIZE_TO_POINTER (id));
}

static void
label_unbind (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  GantryRisk *risk = g_object_get_data (G_OBJECT (label), "risk");
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (label), "handler"));

  if (risk != NULL && id != 0)
    g_signal_handler_disconnect (risk, id);
  g_object_set_data (G_OBJECT (label), "handler", NULL);
  g_object_set_data (G_OBJECT (label), "risk", NULL);
}

/* ---- columns ------------------------------------------------------------- */

typedef enum { COL_TEXT, COL_LEVEL, COL_STATUS, COL_LABEL } ColumnKind;

static void
add_column (GantryRiskView *self, const char *title, ColumnKind kind, const char *prop,
            gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  switch (kind)
    {
    case COL_TEXT:
      g_signal_connect (factory, "setup", G_CALLBACK (text_setup), (gpointer) prop);
      g_signal_connect (factory, "bind", G_CALLBACK (text_bind), (gpointer) prop);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), NULL);
      break;
    case COL_LEVEL:
      g_signal_connect (factory, "setup", G_CALLBACK (level_setup), (gpointer) prop);
      g_signal_connect (factory, "bind", G_CALLBACK (level_bind), (gpointer) prop);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), NULL);
      break;
    case COL_STATUS:
      g_signal_connect (factory, "setup", G_CALLBACK (status_setup), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (status_bind), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), NULL);
      break;
    case COL_LABEL:
      g_signal_connect (factory, "setup", G_CALLBACK (label_setup), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (label_bind), (gpointer) prop);
      g_signal_connect (factory, "unbind", G_CALLBACK (label_unbind), NULL);
      break;
    }
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);
  g_object_unref (column);
}

/* ---- matrix and summary ------------------------------------------------- */

static void
refresh (GantryRiskView *self)
{
  GantryRiskMatrix *m = GANTRY_RISK_MATRIX (self->matrix);
  guint open = 0, total = 0;

  memset (m->counts, 0, sizeof m->counts);
  if (self->project != NULL)
    {
      GListModel *risks = gantry_project_get_risks (self->project);

      total = g_list_model_get_n_items (risks);
      for (guint i = 0; i < total; i++)
        {
          g_autoptr(GantryRisk) r = g_list_model_get_item (risks, i);

          if (gantry_risk_get_status (r) == GANTRY_RISK_CLOSED)
            continue;
          m->counts[gantry_risk_get_probability (r) - 1][gantry_risk_get_impact (r) - 1]++;
          open++;
        }
    }
  gtk_widget_queue_draw (self->matrix);
  {
    g_autofree char *text =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u risk, %u not closed",
                                    "%u risks, %u not closed", total), total, open);

    gtk_label_set_text (GTK_LABEL (self->summary), text);
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.delete",
                                 gantry_risk_view_get_selected (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.add", self->project != NULL);
}

static void
on_project_changed (GantryProject *project, guint flags, GPtrArray *tasks, GantryRiskView *self)
{
  refresh (self);
}

static void
on_selection_changed (GtkSelectionModel *model, guint pos, guint n, GantryRiskView *self)
{
  refresh (self);
}

/* ---- actions -------------------------------------------------------------- */

static void
action_add (GtkWidget *widget, const char *name, GVariant *param)
{
  GantryRiskView *self = GANTRY_RISK_VIEW (widget);
  g_autoptr(GantryRisk) risk = NULL;

  if (self->project == NULL)
    return;
  risk = gantry_risk_new (gantry_project_next_risk_uid (self->project), _("New risk"));
  if (gantry_project_apply (self->project, gantry_command_add_risk (risk, -1)))
    gantry_risk_view_select (self, risk);
}

static void
action_delete (GtkWidget *widget, const char *name, GVariant *param)
{
  GantryRiskView *self = GANTRY_RISK_VIEW (widget);
  GantryRisk *risk = gantry_risk_view_get_selected (self);

  if (self->project != NULL && risk != NULL)
    gantry_project_apply (self->project, gantry_command_remove_risk (risk));
}

/* ---- GObject ------------------------------------------------------------- */

static void
gantry_risk_view_dispose (GObject *object)
{
  GantryRiskView *self = GANTRY_RISK_VIEW (object);
  GtkWidget *child;

  gantry_risk_view_set_project (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (gantry_risk_view_parent_class)->dispose (object);
}

static void
gantry_risk_view_class_init (GantryRiskViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gantry_risk_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "riskview");
  gtk_widget_class_install_action (widget_class, "risk.add", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "risk.delete", NULL, action_delete);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "risk.delete", NULL);
}

static void
gantry_risk_view_init (GantryRiskView *self)
{
  GtkWidget *bar, *add, *del, *content, *scroll, *side, *title;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (
                                    GTK_WIDGET (self))), GTK_ORIENTATION_VERTICAL);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (bar, 6);
  gtk_widget_set_margin_end (bar, 6);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  add = gtk_button_new_with_mnemonic (_("_Add Risk"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "risk.add");
  del = gtk_button_new_with_mnemonic (_("_Delete Risk"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (del), "risk.delete");
  self->summary = gtk_label_new (NULL);
  gtk_widget_set_hexpand (self->summary, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 1);
  gtk_widget_add_css_class (self->summary, "dim-label");
  gtk_box_append (GTK_BOX (bar), add);
  gtk_box_append (GTK_BOX (bar), del);
  gtk_box_append (GTK_BOX (bar), self->summary);
  gtk_widget_set_parent (bar, GTK_WIDGET (self));

  content = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_widget_set_parent (content, GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);
  self->column_view = gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)));
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (self->column_view), TRUE);
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (self->column_view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Risk register"), -1);
  add_column (self, _("Risk"), COL_TEXT, "title", TRUE);
  add_column (self, _("Probability"), COL_LEVEL, "probability", FALSE);
  add_column (self, _("Impact"), COL_LEVEL, "impact", FALSE);
  add_column (self, _("Score"), COL_LABEL, "score", FALSE);
  add_column (self, _("Status"), COL_STATUS, "status", FALSE);
  add_column (self, _("Owner"), COL_LABEL, "owner", FALSE);
  add_column (self, _("Mitigation"), COL_TEXT, "mitigation", TRUE);
  add_column (self, _("Trigger"), COL_LABEL, "trigger-date", FALSE);
  add_column (self, _("Linked tasks"), COL_LABEL, "task-uids", FALSE);
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), self->column_view);
  self->register_wrap = gantry_placeholder_wrap (scroll, _("No risks recorded"),
                                                 _("Note what could go wrong with Add Risk: "
                                                   "rate its probability and impact from 1 to 5, "
                                                   "and link it to the tasks it threatens."));
  gantry_placeholder_set_model (self->register_wrap,
                                self->project != NULL ? gantry_project_get_risks (self->project) : NULL);
  gtk_paned_set_start_child (GTK_PANED (content), self->register_wrap);
  gtk_paned_set_resize_start_child (GTK_PANED (content), TRUE);

  side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_end (side, 12);
  gtk_widget_set_margin_top (side, 6);
  title = gtk_label_new (_("Probability × impact"));
  gtk_widget_add_css_class (title, "heading");
  self->matrix = g_object_new (GANTRY_TYPE_RISK_MATRIX, NULL);
  gtk_widget_set_size_request (self->matrix, 260, 260);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->matrix), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Risks by probability and impact"), -1);
  gtk_box_append (GTK_BOX (side), title);
  gtk_box_append (GTK_BOX (side), self->matrix);
  gtk_paned_set_end_child (GTK_PANED (content), side);
  gtk_paned_set_resize_end_child (GTK_PANED (content), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (content), FALSE);

  refresh (self);
}

GtkWidget *
gantry_risk_view_new (void)
{
  return g_object_new (GANTRY_TYPE_RISK_VIEW, NULL);
}

void
gantry_risk_view_set_project (GantryRiskView *self, GantryProject *project)
{
  g_return_if_fail (GANTRY_IS_RISK_VIEW (self));
  g_return_if_fail (project == NULL || GANTRY_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_set_object (&self->project, project);
  if (project != NULL)
    self->changed_id = g_signal_connect (project, "changed", G_CALLBACK (on_project_changed),
                                         self);
  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection,
                                    project != NULL ? gantry_project_get_risks (project) : NULL);
  if (self->register_wrap != NULL)
    gantry_placeholder_set_model (self->register_wrap,
                                  project != NULL ? gantry_project_get_risks (project) : NULL);
  if (self->matrix != NULL)
    refresh (self);
}

GantryProject *
gantry_risk_view_get_project (GantryRiskView *self)
{
  g_return_val_if_fail (GANTRY_IS_RISK_VIEW (self), NULL);
  return self->project;
}

GantryRisk *
gantry_risk_view_get_selected (GantryRiskView *self)
{
  g_return_val_if_fail (GANTRY_IS_RISK_VIEW (self), NULL);
  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

void
gantry_risk_view_select (GantryRiskView *self, GantryRisk *risk)
{
  GListModel *model;

  g_return_if_fail (GANTRY_IS_RISK_VIEW (self));

  model = gtk_single_selection_get_model (self->selection);
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GantryRisk) r = g_list_model_get_item (model, i);

      if (r == risk)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

guint
gantry_risk_view_count_cell (GantryRiskView *self, int probability, int impact)
{
  g_return_val_if_fail (GANTRY_IS_RISK_VIEW (self), 0);
  g_return_val_if_fail (probability >= 1 && probability <= 5 && impact >= 1 && impact <= 5, 0);
  return GANTRY_RISK_MATRIX (self->matrix)->counts[probability - 1][impact - 1];
}

GtkWidget *
gantry_risk_view_get_matrix (GantryRiskView *self)
{
  g_return_val_if_fail (GANTRY_IS_RISK_VIEW (self), NULL);
  return self->matrix;
}
