/* gantry-task-dialog.c — Task Information
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tabs General, Predecessors, Resources, Advanced, Notes.  OK validates all
 * of them first and then applies one command group.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gantry-task-dialog.h"
#include "gantry-edit.h"
#include "gantry-text.h"
#include "gantry-task-type.h"

struct _GantryTaskDialog
{
  GtkWindow      parent_instance;

  GantryTask    *task;
  GantryProject *project;

  GtkWidget     *name, *duration, *start, *finish, *percent, *priority;
  GtkWidget     *milestone, *manual;
  GtkWidget     *pred_box;      /* rows: id spin, type dropdown, lag entry, remove */
  GtkWidget     *res_box;       /* rows: resource dropdown, units entry, remove */
  GtkWidget     *constraint_type, *constraint_date, *deadline, *task_type;
  GtkWidget     *effort_driven, *calendar;
  GtkWidget     *notes;
  GtkWidget     *error_label;
  GtkStringList *resource_names;
  GtkSizeGroup  *name_group, *units_group, *work_group, *remove_group;   /* columns of the Resources tab */
};

G_DEFINE_FINAL_TYPE (GantryTaskDialog, gantry_task_dialog, GTK_TYPE_WINDOW)

static const char *constraint_names[] = {
  N_("As Soon As Possible"), N_("As Late As Possible"), N_("Must Start On"),
  N_("Must Finish On"), N_("Start No Earlier Than"), N_("Start No Later Than"),
  N_("Finish No Earlier Than"), N_("Finish No Later Than"), NULL
};
static const char *task_type_names[] = {
  N_("Fixed Units"), N_("Fixed Duration"), N_("Fixed Work"), NULL
};
/* dropdown order FS, SS, FF, SF */
static const GantryLinkType link_types[] = { GANTRY_LINK_FS, GANTRY_LINK_SS, GANTRY_LINK_FF, GANTRY_LINK_SF };
static const char *link_type_names[] = {
  N_("Finish-to-Start (FS)"), N_("Start-to-Start (SS)"), N_("Finish-to-Finish (FF)"),
  N_("Start-to-Finish (SF)"), NULL
};

static GtkWidget *
translated_dropdown (const char **names)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    gtk_string_list_append (list, _(names[i]));
  return gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
}

static GtkWidget *
add_row (GtkGrid    *grid,
         int         row,
         const char *label,
         GtkWidget  *widget)
{
  GtkWidget *l = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (l), 1.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), widget);
  gtk_widget_add_css_class (l, "dim-label");
  gtk_grid_attach (grid, l, 0, row, 1, 1);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
  return widget;
}

static GtkWidget *
entry_with (const char *text)
{
  GtkWidget *e = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (e), text ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (e), TRUE);
  return e;
}

static GtkWidget *
new_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_bottom (grid, 18);
  return grid;
}

static char *
format_date (GantryTime t)
{
  return t == GANTRY_TIME_NONE ? g_strdup ("") : gantry_time_format_display (t, TRUE);
}

/* ---- predecessor rows -------------------------------------------------- */

static void
on_remove_row (GtkButton *button,
               GtkWidget *row)
{
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (row)), row);
}

static void
add_pred_row (GantryTaskDialog *self,
              int               id,
              GantryLinkType    type,
              const char       *lag)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spin = gtk_spin_button_new_with_range (1, G_MAXINT, 1);
  GtkWidget *drop = translated_dropdown (link_type_names);
  GtkWidget *lag_entry = entry_with (lag);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Task ID"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (link_types); i++)
    if (link_types[i] == type)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), i);
  gtk_entry_set_placeholder_text (GTK_ENTRY (lag_entry), _("Lag, e.g. 2d or -1d"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (lag_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Lag"), -1);
  gtk_widget_set_tooltip_text (remove, _("Remove this predecessor"));
  gtk_widget_set_hexpand (drop, TRUE);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_row), row);
  g_object_set_data (G_OBJECT (row), "id", spin);
  g_object_set_data (G_OBJECT (row), "type", drop);
  g_object_set_data (G_OBJECT (row), "lag", lag_entry);
  gtk_box_append (GTK_BOX (row), spin);
  gtk_box_append (GTK_BOX (row), drop);
  gtk_box_append (GTK_BOX (row), lag_entry);
  gtk_box_append (GTK_BOX (row), remove);
  gtk_box_append (GTK_BOX (self->pred_box), row);
}

static void
on_add_pred (GtkButton        *button,
             GantryTaskDialog *self)
{
  add_pred_row (self, MAX (1, gantry_task_get_id (self->task) - 1), GANTRY_LINK_FS, "");
}

static void
on_work_changed (GtkEditable *work_entry, gpointer data)
{
  (void) data;
  gtk_widget_remove_css_class (GTK_WIDGET (work_entry), "error");
}

/* A row of the Resources tab: resource, units, work, remove.  A row made
 * from an existing assignment remembers it and the texts it showed, so
 * that only what the user changed is applied. */
static void
add_res_row (GantryTaskDialog *self,
             const char       *name,
             double            units,
             GantryAssignment *assignment)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *combo = gtk_combo_box_text_new_with_entry ();
  GtkWidget *units_entry, *work_entry;
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *u = gantry_text_format_units (units);
  g_autofree char *w = NULL;

  if (assignment != NULL)
    {
      GantryDurationContext ctx;
      GantryResource *r = gantry_assignment_get_resource (assignment);

      gantry_project_get_duration_context (self->project, &ctx);
      if (r != NULL && gantry_resource_get_resource_type (r) == GANTRY_RESOURCE_WORK)
        w = gantry_duration_format_short (gantry_assignment_get_work (assignment),
                                          GANTRY_FORMAT_HOURS, &ctx);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->resource_names)); i++)
    gtk_combo_box_text_append_text (GTK_COMBO_BOX_TEXT (combo),
                                    gtk_string_list_get_string (self->resource_names, i));
  gtk_editable_set_text (GTK_EDITABLE (gtk_combo_box_get_child (GTK_COMBO_BOX (combo))), name ? name : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (combo), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Resource"), -1);
  gtk_widget_set_hexpand (combo, TRUE);
  units_entry = entry_with (u);
  gtk_editable_set_width_chars (GTK_EDITABLE (units_entry), 7);
  gtk_entry_set_placeholder_text (GTK_ENTRY (units_entry), _("Units"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (units_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Units"), -1);
  work_entry = entry_with (w);
  gtk_editable_set_width_chars (GTK_EDITABLE (work_entry), 8);
  gtk_entry_set_placeholder_text (GTK_ENTRY (work_entry), _("Work"));
  gtk_widget_set_tooltip_text (work_entry, _("Work, e.g. 40h or 5d; empty: Duration × Units"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (work_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Work"), -1);
  gtk_widget_set_tooltip_text (remove, _("Remove this assignment"));
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_row), row);
  g_object_set_data (G_OBJECT (row), "name", combo);
  g_object_set_data (G_OBJECT (row), "units", units_entry);
  g_object_set_data (G_OBJECT (row), "work", work_entry);
  g_object_set_data (G_OBJECT (row), "assignment", assignment);
  g_object_set_data_full (G_OBJECT (row), "units-text", g_strdup (u), g_free);
  g_object_set_data_full (G_OBJECT (row), "work-text", g_strdup (w != NULL ? w : ""), g_free);
  g_signal_connect (work_entry, "changed", G_CALLBACK (on_work_changed), NULL);
  gtk_size_group_add_widget (self->name_group, combo);
  gtk_size_group_add_widget (self->units_group, units_entry);
  gtk_size_group_add_widget (self->work_group, work_entry);
  gtk_size_group_add_widget (self->remove_group, remove);
  gtk_box_append (GTK_BOX (row), combo);
  gtk_box_append (GTK_BOX (row), units_entry);
  gtk_box_append (GTK_BOX (row), work_entry);
  gtk_box_append (GTK_BOX (row), remove);
  gtk_box_append (GTK_BOX (self->res_box), row);
}

static void
on_add_res (GtkButton        *button,
            GantryTaskDialog *self)
{
  add_res_row (self, "", 1.0, NULL);
}

/* ---- apply ------------------------------------------------------------- */

static gboolean
parse_date_entry (GantryTaskDialog *self,
                  GtkWidget        *entry,
                  gboolean          finish,
                  GantryTime       *out,
                  GError          **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  int minutes = finish ? gantry_project_get_default_finish_time (self->project)
                       : gantry_project_get_default_start_time (self->project);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (stripped[0] == '\0')
    {
      *out = GANTRY_TIME_NONE;
      return TRUE;
    }
  return gantry_time_parse_display (stripped, (gint64) minutes * GANTRY_MS_MINUTE, out, error);
}

static void
mark (GtkWidget *widget,
      gboolean   bad)
{
  if (bad)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

static char *
pred_text (GantryTaskDialog *self)
{
  GString *s = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (self->pred_box); row; row = gtk_widget_get_next_sibling (row))
    {
      int id = gtk_spin_button_get_value_as_int (g_object_get_data (G_OBJECT (row), "id"));
      guint t = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (row), "type"));
      g_autofree char *lag = g_strstrip (g_strdup (gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "lag"))));

      if (s->len)
        g_string_append_c (s, ';');
      g_string_append_printf (s, "%d%s", id, gantry_link_type_to_string (link_types[MIN (t, 3)]));
      if (lag[0] != '\0')
        g_string_append_printf (s, "%s%s", (lag[0] == '-' || lag[0] == '+') ? "" : "+", lag);
    }
  return g_string_free (s, FALSE);
}

static char *
res_text (GantryTaskDialog *self)
{
  GString *s = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (self->res_box); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *combo = g_object_get_data (G_OBJECT (row), "name");
      const char *name = gtk_editable_get_text (GTK_EDITABLE (gtk_combo_box_get_child (GTK_COMBO_BOX (combo))));
      const char *units = gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "units"));

      if (name[0] == '\0')
        continue;
      if (s->len)
        g_string_append_c (s, ';');
      g_string_append_printf (s, "%s[%s]", name, units);
    }
  return g_string_free (s, FALSE);
}

#define FAIL_ON(widget, cond) \
  G_STMT_START { if (cond) { mark (widget, TRUE); return FALSE; } mark (widget, FALSE); } G_STMT_END

static gboolean
row_text_changed (GtkWidget *row, const char *field)
{
  const char *now = gtk_editable_get_text (g_object_get_data (G_OBJECT (row), field));
  g_autofree char *key = g_strconcat (field, "-text", NULL);
  g_autofree char *a = g_strstrip (g_strdup (now));
  g_autofree char *b = g_strstrip (g_strdup (g_object_get_data (G_OBJECT (row), key)));

  return g_strcmp0 (a, b) != 0;
}

/* Reads the Work the user typed in each resource row (hours when no unit
 * is given, "5d" by the project's hours per day).  Rows whose work did not
 * change keep -1.  FALSE, with the entry marked, on bad text. */
static gboolean
parse_res_work (GantryTaskDialog *self, GArray *works, GError **error)
{
  GantryDurationContext ctx;

  gantry_project_get_duration_context (self->project, &ctx);
  for (GtkWidget *row = gtk_widget_get_first_child (self->res_box); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *entry = g_object_get_data (G_OBJECT (row), "work");
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
      GantryDuration w = -1;
      GantryDurationFormat fmt;

      mark (entry, FALSE);
      if (text[0] != '\0' && row_text_changed (row, "work"))
        {
          g_autoptr(GError) local = NULL;

          if (!gantry_duration_parse (text, &ctx, GANTRY_FORMAT_HOURS, FALSE, FALSE, &w, &fmt, &local)
              || gantry_format_is_elapsed (fmt))
            {
              mark (entry, TRUE);
              /* TRANSLATORS: "Work: “lots” is not an amount of work (e.g. 40h)." */
              g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID,
                           _("Work: “%s” is not an amount of work (e.g. 40h)."), text);
              return FALSE;
            }
        }
      g_array_append_val (works, w);
    }
  return TRUE;
}

static GantryAssignment *
find_assignment (GantryTask *task, GantryResource *resource)
{
  GPtrArray *as = gantry_task_get_assignments (task);

  for (guint i = 0; resource != NULL && as != NULL && i < as->len; i++)
    if (gantry_assignment_get_resource (g_ptr_array_index (as, i)) == resource)
      return g_ptr_array_index (as, i);
  return NULL;
}

static GantryResource *
row_resource (GantryTaskDialog *self, GtkWidget *row)
{
  GtkWidget *combo = g_object_get_data (G_OBJECT (row), "name");
  const char *name = gtk_editable_get_text (GTK_EDITABLE (gtk_combo_box_get_child (GTK_COMBO_BOX (combo))));
  GListModel *res = gantry_project_get_resources (self->project);

  for (guint i = 0; i < g_list_model_get_n_items (res); i++)
    {
      g_autoptr(GantryResource) r = g_list_model_get_item (res, i);
      if (g_strcmp0 (gantry_resource_get_name (r), name) == 0)
        return r;
    }
  return NULL;
}

gboolean
gantry_task_dialog_apply (GantryTaskDialog *self,
                          GError          **error)
{
  GantryTask *t = self->task;
  GantryDurationContext ctx;
  GantryDuration duration = gantry_task_get_duration (t);
  GantryDurationFormat dfmt = gantry_task_get_duration_format (t);
  GantryTime start, finish, cdate, deadline;
  g_autoptr(GPtrArray) preds = NULL;
  g_autoptr(GPtrArray) res = NULL;
  g_autoptr(GArray) works = g_array_new (FALSE, FALSE, sizeof (GantryDuration));
  g_autofree char *ptext = pred_text (self);
  g_autofree char *rtext = res_text (self);
  g_autofree char *old_start = format_date (gantry_task_get_start (t));
  g_autofree char *old_finish = format_date (gantry_task_get_finish (t));
  g_autofree char *old_duration = NULL;
  g_autofree char *notes = NULL;
  GtkTextIter a, b;
  GtkTextBuffer *buffer;
  GPtrArray *cmds;
  const char *calname;
  GantryCalendar *calendar = NULL;
  int ctype, ttype, pc, prio;
  gboolean milestone, manual, effort;

  g_return_val_if_fail (GANTRY_IS_TASK_DIALOG (self), FALSE);

  gantry_project_get_duration_context (self->project, &ctx);
  old_duration = gantry_duration_format_long (duration, dfmt, &ctx);

  /* validate everything first */
  if (g_strcmp0 (old_duration, gtk_editable_get_text (GTK_EDITABLE (self->duration))) != 0)
    FAIL_ON (self->duration, !gantry_duration_parse (gtk_editable_get_text (GTK_EDITABLE (self->duration)),
                                                     &ctx, gantry_project_get_duration_format (self->project),
                                                     FALSE, FALSE, &duration, &dfmt, error));
  FAIL_ON (self->start, !parse_date_entry (self, self->start, FALSE, &start, error));
  FAIL_ON (self->finish, !parse_date_entry (self, self->finish, TRUE, &finish, error));
  FAIL_ON (self->constraint_date, !parse_date_entry (self, self->constraint_date, FALSE, &cdate, error));
  FAIL_ON (self->deadline, !parse_date_entry (self, self->deadline, TRUE, &deadline, error));
  FAIL_ON (self->pred_box, !gantry_text_parse_predecessors (t, ptext, &preds, error));
  FAIL_ON (self->res_box, !gantry_text_parse_resources (self->project, rtext, &res, error));
  if (!parse_res_work (self, works, error))
    return FALSE;

  ctype = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->constraint_type));
  if (ctype > GANTRY_CONSTRAINT_ASAP + 1 && cdate == GANTRY_TIME_NONE)
    {
      mark (self->constraint_date, TRUE);
      g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID,
                   _("The constraint “%s” needs a date"), _(constraint_names[ctype]));
      return FALSE;
    }
  ttype = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->task_type));
  pc = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->percent));
  prio = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->priority));
  milestone = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->milestone));
  manual = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->manual));
  effort = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->effort_driven));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes));
  gtk_text_buffer_get_bounds (buffer, &a, &b);
  notes = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
  calname = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->calendar)) == 0 ? NULL
    : gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (self->calendar)));
  if (calname != NULL)
    {
      GListModel *cals = gantry_project_get_calendars (self->project);
      for (guint i = 0; i < g_list_model_get_n_items (cals) && calendar == NULL; i++)
        {
          g_autoptr(GantryCalendar) c = g_list_model_get_item (cals, i);
          if (g_strcmp0 (gantry_calendar_get_name (c), calname) == 0)
            calendar = c;
        }
    }

  /* then apply, one undo step */
  cmds = g_ptr_array_new ();
#define CHANGED_STR(prop, now, new_) if (g_strcmp0 (now, new_) != 0) g_ptr_array_add (cmds, gantry_edit_cmd_string (t, prop, new_))
#define CHANGED_INT(prop, now, new_) if ((now) != (new_)) g_ptr_array_add (cmds, gantry_edit_cmd_int (t, prop, new_))
#define CHANGED_I64(prop, now, new_) if ((now) != (new_)) g_ptr_array_add (cmds, gantry_edit_cmd_int64 (t, prop, new_))
#define CHANGED_BOOL(prop, now, new_) if (!(now) != !(new_)) g_ptr_array_add (cmds, gantry_edit_cmd_bool (t, prop, new_))
  CHANGED_STR ("name", gantry_task_get_name (t), gtk_editable_get_text (GTK_EDITABLE (self->name)));
  CHANGED_INT ("duration-format", (int) gantry_task_get_duration_format (t), (int) dfmt);
  CHANGED_INT ("priority", gantry_task_get_priority (t), prio);
  CHANGED_BOOL ("milestone", gantry_task_get_milestone (t), milestone);
  CHANGED_BOOL ("manual", gantry_task_get_manual (t), manual);
  CHANGED_BOOL ("effort-driven", gantry_task_get_effort_driven (t), effort);
  CHANGED_INT ("task-type", (int) gantry_task_get_task_type (t), ttype);
  CHANGED_I64 ("deadline", gantry_task_get_deadline (t), deadline);
  CHANGED_STR ("notes", gantry_task_get_notes (t) ? gantry_task_get_notes (t) : "", notes);
  if (calendar != gantry_task_get_calendar (t))
    {
      g_auto(GValue) v = G_VALUE_INIT;
      g_value_init (&v, GANTRY_TYPE_CALENDAR);
      g_value_set_object (&v, calendar);
      g_ptr_array_add (cmds, gantry_command_set_property (t, "calendar", &v));
    }
  /* a typed Start or Finish behaves as in the table */
  if (g_strcmp0 (old_start, gtk_editable_get_text (GTK_EDITABLE (self->start))) != 0 && start != GANTRY_TIME_NONE)
    {
      if (manual)
        g_ptr_array_add (cmds, gantry_edit_cmd_int64 (t, "start", start));
      else
        {
          ctype = GANTRY_CONSTRAINT_SNET;
          cdate = start;
        }
    }
  if (g_strcmp0 (old_finish, gtk_editable_get_text (GTK_EDITABLE (self->finish))) != 0 && finish != GANTRY_TIME_NONE)
    {
      if (manual)
        g_ptr_array_add (cmds, gantry_edit_cmd_int64 (t, "finish", finish));
      else
        {
          ctype = GANTRY_CONSTRAINT_FNET;
          cdate = finish;
        }
    }
  CHANGED_INT ("constraint-type", (int) gantry_task_get_constraint_type (t), ctype);
  if (ctype > GANTRY_CONSTRAINT_ALAP)
    CHANGED_I64 ("constraint-date", gantry_task_get_constraint_date (t), cdate);
#undef CHANGED_STR
#undef CHANGED_INT
#undef CHANGED_I64
#undef CHANGED_BOOL

  gantry_project_begin_group (self->project, _("Task Information"));
  for (guint i = 0; i < cmds->len; i++)
    gantry_project_apply (self->project, g_ptr_array_index (cmds, i));
  gantry_edit_set_predecessors (t, preds);
  /* changed units of existing assignments follow the task type
   * (reference §2.9); then additions and removals; then typed work */
  for (guint i = 0; i < res->len; i++)
    {
      GantryResourceSpec *spec = g_ptr_array_index (res, i);
      GantryAssignment *asg = find_assignment (t, spec->resource);

      if (asg != NULL && fabs (spec->units - gantry_assignment_get_units (asg)) > 1e-9)
        gantry_set_assignment_units (self->project, asg, spec->units);
    }
  gantry_edit_set_resources (t, res);
  {
    guint k = 0;

    for (GtkWidget *r = gtk_widget_get_first_child (self->res_box); r; r = gtk_widget_get_next_sibling (r), k++)
      {
        GantryDuration w = g_array_index (works, GantryDuration, k);
        GantryAssignment *asg;

        if (w < 0 || (asg = find_assignment (t, row_resource (self, r))) == NULL)
          continue;
        if (w != gantry_assignment_get_work (asg))
          gantry_set_assignment_work (self->project, asg, w);
      }
  }
  /* after the type and the assignments: Work = Duration × Units by the
   * (new) task type, else the scheduler would undo the duration */
  if (duration != gantry_task_get_duration (t))
    gantry_set_task_duration (self->project, t, duration, NULL);
  if (pc != gantry_task_get_percent_complete (t))
    gantry_set_percent_complete (self->project, t, pc);
  gantry_project_end_group (self->project);
  g_ptr_array_unref (cmds);
  return TRUE;
}

static void
on_ok (GtkButton        *button,
       GantryTaskDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!gantry_task_dialog_apply (self, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), error ? error->message : "");
      gtk_widget_set_visible (self->error_label, TRUE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_cancel (GtkButton        *button,
           GantryTaskDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- construction ------------------------------------------------------ */

static void
build (GantryTaskDialog *self)
{
  GantryTask *t = self->task;
  GantryDurationContext ctx;
  GtkWidget *box, *notebook, *grid, *buttons, *ok, *cancel, *add, *scroller, *page, *header;
  g_autofree char *dur = NULL;
  g_autofree char *s = format_date (gantry_task_get_start (t));
  g_autofree char *f = format_date (gantry_task_get_finish (t));
  g_autofree char *cd = format_date (gantry_task_get_constraint_date (t));
  g_autofree char *dl = format_date (gantry_task_get_deadline (t));
  g_autoptr(GtkStringList) cal_names = gtk_string_list_new (NULL);
  GListModel *cals, *resources;
  GPtrArray *preds, *assignments;
  GantryDurationContext dctx;
  int row = 0;

  gantry_project_get_duration_context (self->project, &ctx);
  dctx = ctx;
  dur = gantry_duration_format_long (gantry_task_get_duration (t), gantry_task_get_duration_format (t), &ctx);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = gtk_header_bar_new ();
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  ok = gtk_button_new_with_mnemonic (_("_OK"));
  gtk_widget_add_css_class (ok, "suggested-action");
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), ok);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);
  gtk_window_set_default_widget (GTK_WINDOW (self), ok);
  g_signal_connect (ok, "clicked", G_CALLBACK (on_ok), self);
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel), self);
  (void) buttons;

  notebook = gtk_notebook_new ();
  gtk_box_append (GTK_BOX (box), notebook);
  self->error_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_set_margin_start (self->error_label, 18);
  gtk_widget_set_margin_end (self->error_label, 18);
  gtk_widget_set_margin_bottom (self->error_label, 12);
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), self->error_label);

  /* General */
  grid = new_grid ();
  self->name = add_row (GTK_GRID (grid), row++, _("_Name"), entry_with (gantry_task_get_name (t)));
  self->duration = add_row (GTK_GRID (grid), row++, _("_Duration"), entry_with (dur));
  self->start = add_row (GTK_GRID (grid), row++, _("_Start"), entry_with (s));
  self->finish = add_row (GTK_GRID (grid), row++, _("_Finish"), entry_with (f));
  self->percent = add_row (GTK_GRID (grid), row++, _("% _Complete"), gtk_spin_button_new_with_range (0, 100, 1));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->percent), gantry_task_get_percent_complete (t));
  self->priority = add_row (GTK_GRID (grid), row++, _("_Priority"), gtk_spin_button_new_with_range (0, 1000, 100));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->priority), gantry_task_get_priority (t));
  self->milestone = gtk_check_button_new_with_mnemonic (_("_Milestone"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->milestone), gantry_task_get_milestone (t));
  gtk_grid_attach (GTK_GRID (grid), self->milestone, 1, row++, 1, 1);
  self->manual = gtk_check_button_new_with_mnemonic (_("Scheduled _manually"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->manual), gantry_task_get_manual (t));
  gtk_grid_attach (GTK_GRID (grid), self->manual, 1, row++, 1, 1);
  if (gantry_task_get_summary (t))
    gtk_widget_set_sensitive (self->duration, FALSE);
  gtk_notebook_append_page (GTK_NOTEBOOK (notebook), grid, gtk_label_new_with_mnemonic (_("_General")));

  /* Predecessors */
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (page, 18);
  gtk_widget_set_margin_end (page, 18);
  gtk_widget_set_margin_top (page, 18);
  gtk_widget_set_margin_bottom (page, 18);
  self->pred_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  preds = gantry_task_get_predecessors (t);
  for (guint i = 0; preds != NULL && i < preds->len; i++)
    {
      GantryLink *l = g_ptr_array_index (preds, i);
      gint64 lag = gantry_link_get_lag (l);
      g_autofree char *lag_text = lag == 0 ? g_strdup ("")
        : gantry_duration_format_short (lag, gantry_link_get_lag_format (l), &dctx);
      add_pred_row (self, gantry_task_get_id (gantry_link_get_predecessor (l)),
                    gantry_link_get_link_type (l), lag_text);
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->pred_box);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (page), scroller);
  add = gtk_button_new_with_mnemonic (_("_Add Predecessor"));
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_pred), self);
  gtk_box_append (GTK_BOX (page), add);
  gtk_notebook_append_page (GTK_NOTEBOOK (notebook), page, gtk_label_new_with_mnemonic (_("_Predecessors")));

  /* Resources */
  self->resource_names = gtk_string_list_new (NULL);
  resources = gantry_project_get_resources (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(GantryResource) r = g_list_model_get_item (resources, i);
      if (gantry_resource_get_name (r))
        gtk_string_list_append (self->resource_names, gantry_resource_get_name (r));
    }
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (page, 18);
  gtk_widget_set_margin_end (page, 18);
  gtk_widget_set_margin_top (page, 18);
  gtk_widget_set_margin_bottom (page, 18);
  self->name_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->units_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->work_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->remove_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  {
    /* column titles, aligned with the rows by the size groups */
    GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    const char *names[] = { N_("Resource"), N_("Units"), N_("Work") };
    GtkSizeGroup *groups[] = { self->name_group, self->units_group, self->work_group };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        GtkWidget *l = gtk_label_new (_(names[i]));
        gtk_label_set_xalign (GTK_LABEL (l), 0);
        gtk_widget_add_css_class (l, "dim-label");
        gtk_size_group_add_widget (groups[i], l);
        gtk_widget_set_hexpand (l, i == 0);
        gtk_box_append (GTK_BOX (titles), l);
      }
    {
      GtkWidget *pad = gtk_label_new (NULL);
      gtk_size_group_add_widget (self->remove_group, pad);
      gtk_box_append (GTK_BOX (titles), pad);
    }
    gtk_box_append (GTK_BOX (page), titles);
  }
  self->res_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  assignments = gantry_task_get_assignments (t);
  for (guint i = 0; assignments != NULL && i < assignments->len; i++)
    {
      GantryAssignment *asg = g_ptr_array_index (assignments, i);
      add_res_row (self, gantry_resource_get_name (gantry_assignment_get_resource (asg)),
                   gantry_assignment_get_units (asg), asg);
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->res_box);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (page), scroller);
  add = gtk_button_new_with_mnemonic (_("_Assign Resource"));
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_res), self);
  gtk_box_append (GTK_BOX (page), add);
  gtk_notebook_append_page (GTK_NOTEBOOK (notebook), page, gtk_label_new_with_mnemonic (_("_Resources")));

  /* Advanced */
  grid = new_grid ();
  row = 0;
  self->constraint_type = add_row (GTK_GRID (grid), row++, _("Constraint _type"), translated_dropdown (constraint_names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->constraint_type), gantry_task_get_constraint_type (t));
  self->constraint_date = add_row (GTK_GRID (grid), row++, _("Constraint _date"), entry_with (cd));
  self->deadline = add_row (GTK_GRID (grid), row++, _("Dead_line"), entry_with (dl));
  self->task_type = add_row (GTK_GRID (grid), row++, _("Task t_ype"), translated_dropdown (task_type_names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->task_type), gantry_task_get_task_type (t));
  self->effort_driven = gtk_check_button_new_with_mnemonic (_("_Effort driven"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->effort_driven), gantry_task_get_effort_driven (t));
  gtk_grid_attach (GTK_GRID (grid), self->effort_driven, 1, row++, 1, 1);
  gtk_string_list_append (cal_names, _("None"));
  cals = gantry_project_get_calendars (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (cals); i++)
    {
      g_autoptr(GantryCalendar) c = g_list_model_get_item (cals, i);
      gtk_string_list_append (cal_names, gantry_calendar_get_name (c) ? gantry_calendar_get_name (c) : "");
    }
  self->calendar = add_row (GTK_GRID (grid), row++, _("_Calendar"),
                            gtk_drop_down_new (G_LIST_MODEL (g_object_ref (cal_names)), NULL));
  for (guint i = 0; i < g_list_model_get_n_items (cals); i++)
    {
      g_autoptr(GantryCalendar) c = g_list_model_get_item (cals, i);
      if (c == gantry_task_get_calendar (t))
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->calendar), i + 1);
    }
  gtk_notebook_append_page (GTK_NOTEBOOK (notebook), grid, gtk_label_new_with_mnemonic (_("A_dvanced")));

  /* Notes */
  self->notes = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->notes), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes)),
                            gantry_task_get_notes (t) ? gantry_task_get_notes (t) : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->notes);
  gtk_widget_set_margin_start (scroller, 18);
  gtk_widget_set_margin_end (scroller, 18);
  gtk_widget_set_margin_top (scroller, 18);
  gtk_widget_set_margin_bottom (scroller, 18);
  gtk_notebook_append_page (GTK_NOTEBOOK (notebook), scroller, gtk_label_new_with_mnemonic (_("_Notes")));

  gtk_window_set_child (GTK_WINDOW (self), box);
}

GtkWidget *
gantry_task_dialog_get_field (GantryTaskDialog *self,
                              const char       *name)
{
  g_return_val_if_fail (GANTRY_IS_TASK_DIALOG (self), NULL);

  if (g_str_equal (name, "name")) return self->name;
  if (g_str_equal (name, "duration")) return self->duration;
  if (g_str_equal (name, "start")) return self->start;
  if (g_str_equal (name, "finish")) return self->finish;
  if (g_str_equal (name, "constraint-date")) return self->constraint_date;
  if (g_str_equal (name, "deadline")) return self->deadline;
  if (g_str_equal (name, "percent")) return self->percent;
  if (g_str_equal (name, "milestone")) return self->milestone;
  return NULL;
}

GantryTask *
gantry_task_dialog_get_task (GantryTaskDialog *self)
{
  g_return_val_if_fail (GANTRY_IS_TASK_DIALOG (self), NULL);
  return self->task;
}

static void
gantry_task_dialog_dispose (GObject *object)
{
  GantryTaskDialog *self = GANTRY_TASK_DIALOG (object);

  g_clear_object (&self->task);
  g_clear_object (&self->project);
  g_clear_object (&self->resource_names);
  g_clear_object (&self->name_group);
  g_clear_object (&self->units_group);
  g_clear_object (&self->work_group);
  g_clear_object (&self->remove_group);
  G_OBJECT_CLASS (gantry_task_dialog_parent_class)->dispose (object);
}

static void
gantry_task_dialog_class_init (GantryTaskDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gantry_task_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gantry_task_dialog_init (GantryTaskDialog *self)
{
}

GtkWidget *
gantry_task_dialog_new (GtkWindow  *parent,
                        GantryTask *task)
{
  GantryTaskDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (GANTRY_IS_TASK (task), NULL);
  g_return_val_if_fail (gantry_task_get_project (task) != NULL, NULL);

  title = g_strdup_printf (_("Task Information — %s"), gantry_task_get_name (task) ? gantry_task_get_name (task) : "");
  self = g_object_new (GANTRY_TYPE_TASK_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "title", title,
                       "default-width", 520,
                       "default-height", 440,
                       NULL);
  self->task = g_object_ref (task);
  self->project = g_object_ref (gantry_task_get_project (task));
  build (self);
  return GTK_WIDGET (self);
}

GtkWidget *
gantry_task_dialog_get_assignment_field (GantryTaskDialog *self,
                                         guint             row,
                                         const char       *field)
{
  GtkWidget *r;
  guint i = 0;

  g_return_val_if_fail (GANTRY_IS_TASK_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);
  for (r = gtk_widget_get_first_child (self->res_box); r != NULL && i < row;
       r = gtk_widget_get_next_sibling (r))
    i++;
  if (r == NULL)
    return NULL;
  if (g_strcmp0 (field, "resource") == 0)
    return gtk_combo_box_get_child (GTK_COMBO_BOX (g_object_get_data (G_OBJECT (r), "name")));
  return g_object_get_data (G_OBJECT (r), field);
}

void
gantry_task_dialog_add_assignment_row (GantryTaskDialog *self)
{
  g_return_if_fail (GANTRY_IS_TASK_DIALOG (self));
  add_res_row (self, "", 1.0, NULL);
}
