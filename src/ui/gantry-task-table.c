/* gantry-task-table.c — the Gantt view's task table
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkColumnView over a GtkTreeListModel whose root is the project's root
 * task (a GListModel of its children).  Every task returns itself as its
 * child model, so a task that becomes a summary by indenting shows its new
 * subtasks at once; the expander arrow is hidden on leaves by CSS.
 * Cells are GtkEditableLabels; a commit parses the text and applies it as
 * one command, or marks the cell with the "error" class and a tooltip.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gantry-task-table.h"
#include "gantry-tracking.h"
#include "gantry-text.h"
#include "gantry-cell-editor.h"

/* ---- a list that can hold back its changes ---------------------------- */

/* Passes a GListModel through; between batch_begin() and batch_end() it
 * gathers the model's changes into one (everything from the first changed
 * position on).  GTK 4.8's list view then moves the rows it keeps instead
 * of rebinding them once per change.  Nothing may read the list while a
 * batch is open (its items already are the new ones). */
#define GANTRY_TYPE_BATCH_LIST (gantry_batch_list_get_type ())
G_DECLARE_FINAL_TYPE (GantryBatchList, gantry_batch_list, GANTRY, BATCH_LIST, GObject)

struct _GantryBatchList
{
  GObject     parent_instance;
  GListModel *model;
  gulong      changed_id;
  guint       depth;
  guint       n_before;   /* items when the batch began */
  guint       first;      /* first changed position, G_MAXUINT: none */
};

static guint
gantry_batch_list_get_n_items (GListModel *list)
{
  GantryBatchList *self = GANTRY_BATCH_LIST (list);

  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

static gpointer
gantry_batch_list_get_item (GListModel *list,
                            guint       position)
{
  GantryBatchList *self = GANTRY_BATCH_LIST (list);

  return self->model != NULL ? g_list_model_get_item (self->model, position) : NULL;
}

static GType
gantry_batch_list_get_item_type (GListModel *list)
{
  return G_TYPE_OBJECT;
}

static void
gantry_batch_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = gantry_batch_list_get_item_type;
  iface->get_n_items = gantry_batch_list_get_n_items;
  iface->get_item = gantry_batch_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (GantryBatchList, gantry_batch_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      gantry_batch_list_model_init))

static void
on_batch_model_changed (GListModel      *model,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GantryBatchList *self)
{
  if (self->depth > 0)
    self->first = MIN (self->first, position);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
batch_list_set_model (GantryBatchList *self,
                      GListModel      *model)
{
  guint before = gantry_batch_list_get_n_items (G_LIST_MODEL (self));

  g_return_if_fail (self->depth == 0);
  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_set_object (&self->model, model);
  if (model != NULL)
    self->changed_id = g_signal_connect (model, "items-changed",
                                         G_CALLBACK (on_batch_model_changed), self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before,
                              gantry_batch_list_get_n_items (G_LIST_MODEL (self)));
}

static void
batch_begin (GantryBatchList *self)
{
  if (self->depth++ == 0)
    {
      self->n_before = gantry_batch_list_get_n_items (G_LIST_MODEL (self));
      self->first = G_MAXUINT;
    }
}

static void
batch_end (GantryBatchList *self)
{
  g_return_if_fail (self->depth > 0);
  if (--self->depth == 0 && self->first != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), self->first, self->n_before - self->first,
                                gantry_batch_list_get_n_items (G_LIST_MODEL (self)) - self->first);
}

static void
gantry_batch_list_dispose (GObject *object)
{
  GantryBatchList *self = GANTRY_BATCH_LIST (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (gantry_batch_list_parent_class)->dispose (object);
}

static void
gantry_batch_list_class_init (GantryBatchListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gantry_batch_list_dispose;
}

static void
gantry_batch_list_init (GantryBatchList *self)
{
  self->first = G_MAXUINT;
}

/* ---- the table ---------------------------------------------------------- */

struct _GantryTaskTable
{
  GtkWidget           parent_instance;

  GtkWidget          *scroller;
  GtkColumnView      *view;
  GtkColumnViewColumn *columns[GANTRY_N_COLUMNS];
  GtkMultiSelection  *selection;
  GantryBatchList    *rows;              /* the selection's model: tree */
  GtkTreeListModel   *tree;
  GListStore         *empty;

  GantryProject      *project;
  gulong              changed_id;
  GHashTable         *problem_tasks;     /* GantryTask* set, may be NULL */
  GHashTable         *bound;             /* cell widgets currently bound */
  guint               refresh;           /* counts refresh_all_cells() */

  GSimpleActionGroup *column_actions;
  GMenu              *column_menu;

  /* cell widgets of rows GTK dropped, kept for the next rows it makes
   * (GTK 4.8's list view makes every row anew after a big change) */
  GPtrArray          *spare[GANTRY_N_COLUMNS];
};

/* enough for the ~200 rows GTK 4.8's list view keeps around the view */
#define MAX_SPARE_CELLS 256

G_DEFINE_FINAL_TYPE (GantryTaskTable, gantry_task_table, GTK_TYPE_WIDGET)

enum { SIGNAL_TASK_ACTIVATED, SIGNAL_CONTEXT_MENU, N_SIGNALS };
static guint signals[N_SIGNALS];

static const struct
{
  const char *id;
  const char *title;
  GantryField field;     /* -1: not editable */
  int         width;
  gboolean    expand;
} column_info[GANTRY_N_COLUMNS] = {
  { "id",           N_("ID"),           -1,                              44, FALSE },
  { "indicators",   N_("Indicators"),   -1,                              56, FALSE },
  { "name",         N_("Task Name"),    GANTRY_FIELD_NAME,              220, TRUE  },
  { "duration",     N_("Duration"),     GANTRY_FIELD_DURATION,           84, FALSE },
  { "start",        N_("Start"),        GANTRY_FIELD_START,             100, FALSE },
  { "finish",       N_("Finish"),       GANTRY_FIELD_FINISH,            100, FALSE },
  { "predecessors", N_("Predecessors"), GANTRY_FIELD_PREDECESSORS,      112, FALSE },
  { "resources",    N_("Resources"),    GANTRY_FIELD_RESOURCES,         120, FALSE },
  /* xgettext:no-c-format */
  { "complete",     N_("% Complete"),   GANTRY_FIELD_PERCENT_COMPLETE,   80, FALSE },
  { "work",              N_("Work"),              GANTRY_FIELD_WORK,   80, FALSE },
  { "start-variance",    N_("Start Variance"),    -1,                  90, FALSE },
  { "finish-variance",   N_("Finish Variance"),   -1,                  90, FALSE },
  { "duration-variance", N_("Duration Variance"), -1,                  90, FALSE },
  { "work-variance",     N_("Work Variance"),     -1,                  90, FALSE },
  { "cost-variance",     N_("Cost Variance"),     -1,                  90, FALSE },
  { "bcws",              N_("Planned Value (PV)"), -1,                 110, FALSE },
  { "bcwp",              N_("Earned Value (EV)"),  -1,                 110, FALSE },
  { "acwp",              N_("Actual Cost (AC)"),   -1,                 110, FALSE },
  { "sv",                N_("Schedule Variance (SV)"), -1,             130, FALSE },
  { "cv",                N_("Cost Variance (CV)"), -1,                 120, FALSE },
  { "spi",               N_("Schedule Performance Index (SPI)"), -1,  100, FALSE },
  { "cpi",               N_("Cost Performance Index (CPI)"), -1,      100, FALSE },
  { "eac",               N_("Estimate at Completion (EAC)"), -1,      120, FALSE },
  { "vac",               N_("Variance at Completion (VAC)"), -1,      120, FALSE },
  { "tcpi",              N_("To-Complete Performance Index (TCPI)"), -1, 100, FALSE },
};

static gboolean
column_is_variance (GantryColumn column)
{
  return column >= GANTRY_COLUMN_START_VARIANCE && column <= GANTRY_COLUMN_COST_VARIANCE;
}

static gboolean
column_is_earned_value (GantryColumn column)
{
  return column >= GANTRY_COLUMN_BCWS && column <= GANTRY_COLUMN_TCPI;
}

/* Read-only figures computed per task against the baseline, shown right
 * aligned in an inscription. */
static gboolean
column_is_figure (GantryColumn column)
{
  return column_is_variance (column) || column_is_earned_value (column);
}

/* Columns hidden until the user picks them in the column chooser. */
static gboolean
column_is_optional (GantryColumn column)
{
  return column_is_figure (column) || column == GANTRY_COLUMN_WORK;
}

/* ---- cells ------------------------------------------------------------- */

typedef struct
{
  GantryTaskTable *table;
  GantryColumn     column;
  GantryTask      *task;         /* bound task (ref) */
  gulong           notify_id;
  GtkWidget       *widget;       /* the label / editable / box */
  GtkWidget       *expander;     /* name column only */
  GtkWidget       *icons[7];     /* indicators only */
  gboolean         updating;
  guint            refresh;      /* the table's refresh count at the last update */
} Cell;

static void cell_update (Cell *cell);

static void
cell_set_error (Cell       *cell,
                const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (cell->widget, "error");
      gtk_widget_set_tooltip_text (cell->widget, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (cell->widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else if (gtk_widget_has_css_class (cell->widget, "error"))
    {
      gtk_widget_remove_css_class (cell->widget, "error");
      gtk_widget_set_tooltip_text (cell->widget, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (cell->widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
on_editing_changed (GantryCellEditor *label,
                    GParamSpec       *pspec,
                    Cell             *cell)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *current = NULL;
  const char *text;

  if (gantry_cell_editor_get_editing (label) || cell->task == NULL || cell->updating)
    return;
  text = gantry_cell_editor_get_text (label);
  current = gantry_edit_format_field (cell->task, column_info[cell->column].field);
  if (g_strcmp0 (text, current) == 0)
    {
      cell_set_error (cell, NULL);
      return;
    }
  if (!gantry_edit_set_field_text (cell->task, column_info[cell->column].field, text, &error))
    {
      /* keep what was typed, marked, and change nothing */
      cell_set_error (cell, error->message);
      return;
    }
  cell_set_error (cell, NULL);
  cell_update (cell);
}

static const char *indicator_icons[7] = {
  "x-office-calendar-symbolic",      /* constraint */
  "dialog-warning-symbolic",         /* missed deadline */
  "accessories-text-editor-symbolic",/* notes */
  "dialog-error-symbolic",           /* conflict */
  "view-pin-symbolic",               /* manually scheduled */
  "emblem-important-symbolic",       /* linked to a risk that is not closed */
  "system-users-symbolic",           /* a resource assigned is over-allocated */
};

static void
update_indicators (Cell *cell)
{
  GantryTask *t = cell->task;
  GantryConstraintType ct = gantry_task_get_constraint_type (t);
  GantryTime deadline = gantry_task_get_deadline (t);
  const char *notes = gantry_task_get_notes (t);
  gboolean show[7];
  /* (g_autofree on an array would free only its first element) */
  char *tips[7] = { NULL, };

  show[0] = ct != GANTRY_CONSTRAINT_ASAP && ct != GANTRY_CONSTRAINT_ALAP;
  if (show[0])
    {
      static const char *names[] = {
        N_("As Soon As Possible"), N_("As Late As Possible"), N_("Must Start On"),
        N_("Must Finish On"), N_("Start No Earlier Than"), N_("Start No Later Than"),
        N_("Finish No Earlier Than"), N_("Finish No Later Than"),
      };
      g_autofree char *date = gantry_task_get_constraint_date (t) != GANTRY_TIME_NONE
        ? gantry_time_format_display (gantry_task_get_constraint_date (t), TRUE) : g_strdup ("");
      /* Translators: a constraint indicator's tooltip: "Start No Earlier Than 12/03/26 08:00" */
      tips[0] = g_strdup_printf (_("This task has a constraint: %s %s"),
                                 _(names[CLAMP ((int) ct, 0, 7)]), date);
    }
  show[1] = deadline != GANTRY_TIME_NONE && gantry_task_get_finish (t) != GANTRY_TIME_NONE
            && gantry_task_get_finish (t) > deadline;
  if (show[1])
    {
      g_autofree char *date = gantry_time_format_display (deadline, TRUE);
      tips[1] = g_strdup_printf (_("This task finishes after its deadline of %s"), date);
    }
  show[2] = notes != NULL && notes[0] != '\0';
  if (show[2])
    tips[2] = g_strdup_printf (_("Notes: %.200s"), notes);
  show[3] = cell->table->problem_tasks != NULL
            && g_hash_table_contains (cell->table->problem_tasks, t);
  if (show[3])
    tips[3] = g_strdup (_("The scheduler cannot meet this task’s constraints or links"));
  show[4] = gantry_task_get_manual (t);
  if (show[4])
    tips[4] = g_strdup (_("This task is scheduled manually"));
  {
    GantryProject *project = gantry_task_get_project (t);
    g_autoptr(GPtrArray) risks = project != NULL ? gantry_project_get_task_risks (project, t)
                                                 : NULL;

    show[5] = risks != NULL && risks->len > 0;
    if (show[5])
      {
        GantryRisk *top = g_ptr_array_index (risks, 0);

        /* Translators: %s is the title of a risk from the register */
        tips[5] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "At risk: %s",
                                                "At risk: %s (and others)", risks->len),
                                   gantry_risk_get_title (top) != NULL
                                     ? gantry_risk_get_title (top) : "");
      }
  }

  tips[6] = gantry_task_table_overallocation_text (t);
  show[6] = tips[6] != NULL;

  for (int i = 0; i < 7; i++)
    {
      /* icons are made when first needed: most rows show none, and the
       * table makes and drops a few thousand cells when the outline
       * changes (collapse all) */
      if (show[i] && cell->icons[i] == NULL)
        {
          GtkWidget *prev = NULL;

          for (int j = i - 1; j >= 0 && prev == NULL; j--)
            prev = cell->icons[j];
          cell->icons[i] = gtk_image_new_from_icon_name (indicator_icons[i]);
          gtk_box_insert_child_after (GTK_BOX (cell->widget), cell->icons[i], prev);
        }
      if (cell->icons[i] == NULL)
        continue;
      gtk_widget_set_visible (cell->icons[i], show[i]);
      gtk_widget_set_tooltip_text (cell->icons[i], tips[i]);
      if (show[i])
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell->icons[i]),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, tips[i], -1);
      g_free (tips[i]);
    }
}

static void
cell_update (Cell *cell)
{
  if (cell->task == NULL)
    return;
  cell->refresh = cell->table->refresh;

  if (column_is_figure (cell->column))
    {
      g_autofree char *text = column_is_variance (cell->column)
        ? gantry_task_table_format_variance (cell->task, cell->column)
        : gantry_task_table_format_earned_value (cell->task, cell->column);

      gtk_inscription_set_text (GTK_INSCRIPTION (cell->widget), text);
      return;
    }
  switch (cell->column)
    {
    case GANTRY_COLUMN_ID:
      {
        char buf[16];
        g_snprintf (buf, sizeof buf, "%d", gantry_task_get_id (cell->task));
        gtk_inscription_set_text (GTK_INSCRIPTION (cell->widget), buf);
      }
      break;

    case GANTRY_COLUMN_INDICATORS:
      update_indicators (cell);
      break;

    default:
      {
        g_autofree char *text = gantry_edit_format_field (cell->task, column_info[cell->column].field);

        if (gantry_cell_editor_get_editing (GANTRY_CELL_EDITOR (cell->widget)))
          break;
        if (gtk_widget_has_css_class (cell->widget, "error"))
          break;  /* keep the bad text visible until the user edits again */
        cell->updating = TRUE;
        if (g_strcmp0 (gantry_cell_editor_get_text (GANTRY_CELL_EDITOR (cell->widget)), text) != 0)
          gantry_cell_editor_set_text (GANTRY_CELL_EDITOR (cell->widget), text);
        cell->updating = FALSE;
        if (cell->column == GANTRY_COLUMN_NAME)
          {
            if (gantry_task_get_summary (cell->task))
              {
                gtk_widget_remove_css_class (cell->expander, "leaf");
                gtk_widget_add_css_class (cell->widget, "summary");
              }
            else
              {
                gtk_widget_add_css_class (cell->expander, "leaf");
                gtk_widget_remove_css_class (cell->widget, "summary");
              }
          }
      }
      break;
    }
}

static void
on_task_notify (GantryTask *task,
                GParamSpec *pspec,
                Cell       *cell)
{
  cell_update (cell);
}

static void
cell_free (Cell *cell)
{
  if (cell->task != NULL)
    {
      g_clear_signal_handler (&cell->notify_id, cell->task);
      g_clear_object (&cell->task);
    }
  g_free (cell);
}

static void
factory_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GantryTaskTable *self = g_object_get_data (G_OBJECT (factory), "table");
  GantryColumn column = GPOINTER_TO_INT (user_data);
  Cell *cell;
  GtkWidget *root;

  if (self->spare[column] != NULL && self->spare[column]->len > 0)
    {
      /* a cell of a dropped row: the caller's ref moves to the item */
      root = g_ptr_array_steal_index_fast (self->spare[column], self->spare[column]->len - 1);
      cell = g_object_get_data (G_OBJECT (root), "gantry-cell");
      if (GANTRY_IS_CELL_EDITOR (cell->widget))
        gantry_cell_editor_stop_editing (GANTRY_CELL_EDITOR (cell->widget), FALSE);
      g_object_set_data (G_OBJECT (item), "gantry-cell-root", root);
      gtk_list_item_set_child (item, root);
      return;
    }
  cell = g_new0 (Cell, 1);
  cell->table = self;
  cell->column = column;
  if (column_is_figure (column))
    {
      cell->widget = root = gtk_inscription_new (NULL);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (root), 1.0);
      gtk_widget_add_css_class (root, "numeric");
      gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(column_info[column].title), -1);
    }
  else switch (column)
    {
    case GANTRY_COLUMN_ID:
      /* (inscriptions: sized from the font, not measured per text) */
      cell->widget = root = gtk_inscription_new (NULL);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (root), 1.0);
      gtk_widget_add_css_class (root, "dim-label");
      gtk_widget_add_css_class (root, "numeric");
      break;

    case GANTRY_COLUMN_INDICATORS:
      cell->widget = root = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      gtk_widget_add_css_class (root, "indicators");
      break;

    case GANTRY_COLUMN_NAME:
      cell->widget = gantry_cell_editor_new ();
      cell->expander = root = gtk_tree_expander_new ();
      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (root), cell->widget);
      gtk_widget_set_hexpand (cell->widget, TRUE);
      break;

    default:
      cell->widget = root = gantry_cell_editor_new ();
      break;
    }
  if (GANTRY_IS_CELL_EDITOR (cell->widget))
    {
      g_object_set_data (G_OBJECT (cell->widget), "gantry-cell-ptr", cell);
      g_signal_connect (cell->widget, "notify::editing", G_CALLBACK (on_editing_changed), cell);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell->widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(column_info[column].title), -1);
    }
  gtk_widget_set_size_request (root, -1, GANTRY_TASK_TABLE_ROW_HEIGHT);
  gtk_widget_set_valign (cell->widget, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (root, "gantry-cell");
  g_object_set_data_full (G_OBJECT (root), "gantry-cell", cell, (GDestroyNotify) cell_free);
  /* our own ref, so that teardown can keep the cell for another row */
  g_object_set_data (G_OBJECT (item), "gantry-cell-root", g_object_ref_sink (root));
  gtk_list_item_set_child (item, root);
}

static void
factory_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GantryTaskTable *self = g_object_get_data (G_OBJECT (factory), "table");
  GtkWidget *root = gtk_list_item_get_child (item);
  Cell *cell = g_object_get_data (G_OBJECT (root), "gantry-cell");
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GantryTask *task = gtk_tree_list_row_get_item (row);   /* transfer full */
  gboolean same = cell->task == task;
  gboolean had_error = gtk_widget_has_css_class (cell->widget, "error");

  /* GTK 4.8 unbinds and binds again every row whose position changes:
   * the cell keeps its task (and stays current through its notify
   * handler) while unbound, so that then little is left to do. */
  if (same)
    g_object_unref (task);
  else
    {
      /* an edit in progress belongs to the old task: drop it (it cannot
       * land on the new one) */
      if (GANTRY_IS_CELL_EDITOR (cell->widget))
        gantry_cell_editor_stop_editing (GANTRY_CELL_EDITOR (cell->widget), FALSE);
      if (cell->task != NULL)
        {
          g_clear_signal_handler (&cell->notify_id, cell->task);
          g_object_unref (cell->task);
        }
      cell->task = task;
      cell->notify_id = g_signal_connect (task, "notify", G_CALLBACK (on_task_notify), cell);
    }
  if (cell->expander != NULL)
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (cell->expander), row);
  cell_set_error (cell, NULL);
  if (!same || had_error || cell->refresh != self->refresh)
    cell_update (cell);
  g_hash_table_add (self->bound, cell);
}

static void
cell_drop_task (Cell *cell)
{
  if (cell->task != NULL)
    {
      g_clear_signal_handler (&cell->notify_id, cell->task);
      g_clear_object (&cell->task);
    }
}

static void
factory_unbind (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GantryTaskTable *self = g_object_get_data (G_OBJECT (factory), "table");
  GtkWidget *root = gtk_list_item_get_child (item);
  Cell *cell = g_object_get_data (G_OBJECT (root), "gantry-cell");

  g_hash_table_remove (self->bound, cell);
  /* (the task and the expander's row stay until the next bind or the
   * teardown: see factory_bind; GTK 4.8's expander also rebuilds its icons
   * on every change of row) */
}

static void
factory_teardown (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GantryTaskTable *self = g_object_get_data (G_OBJECT (factory), "table");
  GantryColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *root = g_object_steal_data (G_OBJECT (item), "gantry-cell-root");
  Cell *cell;

  if (root == NULL)
    return;
  cell = g_object_get_data (G_OBJECT (root), "gantry-cell");
  if (self->bound != NULL)
    g_hash_table_remove (self->bound, cell);
  cell_drop_task (cell);
  /* (GTK has taken the child out of the item before this signal) */
  if (gtk_list_item_get_child (item) == root)
    gtk_list_item_set_child (item, NULL);
  if (self->spare[column] != NULL && self->spare[column]->len < MAX_SPARE_CELLS
      && gtk_widget_get_parent (root) == NULL && cell->task == NULL)
    g_ptr_array_add (self->spare[column], root);
  else
    g_object_unref (root);
}

static void
refresh_all_cells (GantryTaskTable *self)
{
  GHashTableIter iter;
  gpointer key;

  /* (unbound cells that keep their task see this count and update when
   * bound again) */
  self->refresh++;
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    cell_update (key);
}

/* ---- model ------------------------------------------------------------- */

/* Only summaries get a child model: an expanded leaf would cost a node
 * tree and a signal connection each (2.5x slower expand-all at 100k
 * tasks).  A leaf that becomes a summary gets its row rebuilt
 * (refresh_row). */
static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  if (gantry_task_get_n_children (GANTRY_TASK (item)) == 0)
    return NULL;
  return g_object_ref (G_LIST_MODEL (item));
}

/* Makes the tree list model create task's row anew (so that a task that
 * just became a summary gets its expander): the row's item "changed" to
 * itself in its parent's list. */
static void
refresh_row (GantryTask *task)
{
  GantryTask *parent = gantry_task_get_parent (task);
  int pos = gantry_task_get_position (task);

  if (parent != NULL && pos >= 0)
    g_list_model_items_changed (G_LIST_MODEL (parent), pos, 1, 1);
}

/* Returns a new ref to task's row, expanded when it has children. */
static GtkTreeListRow *
open_row (GantryTaskTable *self,
          GantryTask      *task)
{
  int r = gantry_task_table_find_row (self, task);
  GtkTreeListRow *row;

  if (r < 0)
    return NULL;
  row = gtk_tree_list_model_get_row (self->tree, r);
  if (gantry_task_get_n_children (task) > 0 && !gtk_tree_list_row_is_expandable (row))
    {
      g_object_unref (row);
      refresh_row (task);
      r = gantry_task_table_find_row (self, task);
      if (r < 0)
        return NULL;
      row = gtk_tree_list_model_get_row (self->tree, r);
    }
  gtk_tree_list_row_set_expanded (row, TRUE);
  return row;
}

static GtkTreeListModel *
make_tree (GantryTaskTable *self,
           gboolean         expanded)
{
  GListModel *root = self->project
    ? g_object_ref (G_LIST_MODEL (gantry_project_get_root_task (self->project)))
    : g_object_ref (G_LIST_MODEL (self->empty));

  return gtk_tree_list_model_new (root, FALSE, expanded, create_child_model, NULL, NULL);
}

static void
set_tree (GantryTaskTable  *self,
          GtkTreeListModel *tree)
{
  g_set_object (&self->tree, tree);
  batch_list_set_model (self->rows, G_LIST_MODEL (tree));
}

static void
on_project_changed (GantryProject *project,
                    guint          flags,
                    GPtrArray     *tasks,
                    GantryTaskTable *self)
{
  /* (the commands renumber the rows themselves) */
  if ((flags & GANTRY_CHANGE_STRUCTURE) && tasks != NULL)
    {
      /* a task that just got its first subtask needs an expander */
      for (guint i = 0; i < tasks->len; i++)
        {
          GantryTask *t = g_ptr_array_index (tasks, i);
          GantryTask *candidates[2] = { t, gantry_task_get_parent (t) };

          for (guint k = 0; k < 2; k++)
            {
              GantryTask *c = candidates[k];

              if (c != NULL && c != gantry_project_get_root_task (project)
                  && gantry_task_get_project (c) == project
                  && gantry_task_get_n_children (c) > 0)
                {
                  int r = gantry_task_table_find_row (self, c);
                  g_autoptr(GtkTreeListRow) row = r >= 0 ? gtk_tree_list_model_get_row (self->tree, r) : NULL;

                  if (row != NULL && !gtk_tree_list_row_is_expandable (row))
                    {
                      g_autoptr(GtkTreeListRow) opened = open_row (self, c);
                    }
                }
            }
        }
    }
  refresh_all_cells (self);
}

static void
on_resource_overallocated (GObject         *resource,
                           GParamSpec      *pspec,
                           GantryTaskTable *self)
{
  if (self->project != NULL
      && gantry_resource_get_project (GANTRY_RESOURCE (resource)) == self->project)
    refresh_all_cells (self);
}

static void
on_resources_changed (GListModel      *resources,
                      guint            position,
                      guint            removed,
                      guint            added,
                      GantryTaskTable *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) r = g_list_model_get_item (resources, i);

      if (r == NULL || g_object_get_data (r, "gantry-task-table-watch") == self)
        continue;
      g_object_set_data (r, "gantry-task-table-watch", self);
      g_signal_connect_object (r, "notify::overallocated",
                               G_CALLBACK (on_resource_overallocated), self, 0);
    }
}

void
gantry_task_table_set_project (GantryTaskTable *self,
                               GantryProject   *project)
{
  g_autoptr(GtkTreeListModel) tree = NULL;

  g_return_if_fail (GANTRY_IS_TASK_TABLE (self));
  g_return_if_fail (project == NULL || GANTRY_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_set_object (&self->project, project);
  if (project != NULL)
    {
      GListModel *resources = gantry_project_get_resources (project);

      self->changed_id = g_signal_connect_after (project, "changed",
                                                 G_CALLBACK (on_project_changed), self);
      /* the over-allocation indicator follows the engine's flag */
      g_signal_connect_object (resources, "items-changed",
                               G_CALLBACK (on_resources_changed), self, 0);
      on_resources_changed (resources, 0, 0, g_list_model_get_n_items (resources), self);
    }
  tree = make_tree (self, TRUE);
  set_tree (self, tree);
}

GantryProject *
gantry_task_table_get_project (GantryTaskTable *self)
{
  g_return_val_if_fail (GANTRY_IS_TASK_TABLE (self), NULL);
  return self->project;
}

void
gantry_task_table_set_problem_tasks (GantryTaskTable *self,
                                     GHashTable      *tasks)
{
  g_return_if_fail (GANTRY_IS_TASK_TABLE (self));

  g_clear_pointer (&self->problem_tasks, g_hash_table_unref);
  if (tasks != NULL)
    self->problem_tasks = g_hash_table_ref (tasks);
  refresh_all_cells (self);
}

GtkSelectionModel *
gantry_task_table_get_selection (GantryTaskTable *self)
{
  g_return_val_if_fail (GANTRY_IS_TASK_TABLE (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

GtkAdjustment *
gantry_task_table_get_vadjustment (GantryTaskTable *self)
{
  g_return_val_if_fail (GANTRY_IS_TASK_TABLE (self), NULL);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
}

GtkColumnView *
gantry_task_table_get_column_view (GantryTaskTable *self)
{
  g_return_val_if_fail (GANTRY_IS_TASK_TABLE (self), NULL);
  return self->view;
}

GPtrArray *
gantry_task_table_get_selected_tasks (GantryTaskTable *self)
{
  GPtrArray *out = g_ptr_array_new ();
  g_autoptr(GtkBitset) set = NULL;
  GtkBitsetIter iter;
  guint pos;

  g_return_val_if_fail (GANTRY_IS_TASK_TABLE (self), out);

  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &pos); ok;
       ok = gtk_bitset_iter_next (&iter, &pos))
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), pos);
      g_autoptr(GantryTask) task = row ? gtk_tree_list_row_get_item (row) : NULL;

      if (task != NULL)
        g_ptr_array_add (out, task);  /* the project keeps it alive */
    }
  return out;
}

int
gantry_task_table_find_row (GantryTaskTable *self,
                            GantryTask      *task)
{
  GListModel *model;
  guint n;
  GPtrArray *all;
  guint hint = 0;

  g_return_val_if_fail (GANTRY_IS_TASK_TABLE (self), -1);

  if (self->project == NULL || task == NULL || gantry_task_get_project (task) != self->project)
    return -1;
  model = G_LIST_MODEL (self->tree);
  n = g_list_model_get_n_items (model);
  /* The row index is at most the task's pre-order index (equal when all is
   * expanded): search downwards from there. */
  all = gantry_project_get_all_tasks (self->project);
  for (guint i = 0; all != NULL && i < all->len; i++)
    if (g_ptr_array_index (all, i) == task)
      {
        hint = i;
        break;
      }
  if (n == 0)
    return -1;
  hint = MIN (hint, n - 1);
  for (guint k = 0; k < n; k++)
    {
      guint i = (hint + n - k) % n;
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if ((gpointer) item == (gpointer) task)
        return (int) i;
    }
  return -1;
}

static void
expand_ancestors (GantryTaskTable *self,
                  GantryTask      *task)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  GantryTask *root = gantry_project_get_root_task (self->project);

  for (GantryTask *p = gantry_task_get_parent (task); p != NULL && p != root;
       p = gantry_task_get_parent (p))
    g_ptr_array_insert (chain, 0, p);
  for (guint i = 0; i < chain->len; i++)
    {
      g_autoptr(GtkTreeListRow) row = open_row (self, g_ptr_array_index (chain, i));

      if (row == NULL)
        return;
    }
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_VIEW (c))
      return c;
  return NULL;
}

static void
scroll_to_row (GantryTaskTable *self,
               guint            row)
{
  GtkAdjustment *adj = gantry_task_table_get_vadjustment (self);
  double y = (double) row * GANTRY_TASK_TABLE_ROW_HEIGHT;
  double value = gtk_adjustment_get_value (adj);
  double page = gtk_adjustment_get_page_size (adj);
  GtkWidget *list = find_list_view (GTK_WIDGET (self->view));

  if (list != NULL && gtk_widget_get_mapped (list))
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", row);
  if (page <= 0)
    return;
  if (y < value)
    gtk_adjustment_set_value (adj, y);
  else if (y + GANTRY_TASK_TABLE_ROW_HEIGHT > value + page)
    gtk_adjustment_set_value (adj, y + GANTRY_TASK_TABLE_ROW_HEIGHT - page);
}

gboolean
gantry_task_table_select_task (GantryTaskTable *self,
                               GantryTask      *task)
{
  int r;

  g_return_val_if_fail (GANTRY_IS_TASK_TABLE (self), FALSE);
  g_return_val_if_fail (GANTRY_IS_TASK (task), FALSE);

  if (self->project == NULL)
    return FALSE;
  expand_ancestors (self, task);
  r = gantry_task_table_find_row (self, task);
  if (r < 0)
    return FALSE;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), r, TRUE);
  scroll_to_row (self, r);
  return TRUE;
}

void
gantry_task_table_select_tasks (GantryTaskTable *self,
                                GPtrArray       *tasks)
{
  g_autoptr(GtkBitset) set = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  int first = -1;

  g_return_if_fail (GANTRY_IS_TASK_TABLE (self));

  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      int r;

      expand_ancestors (self, g_ptr_array_index (tasks, i));
      r = gantry_task_table_find_row (self, g_ptr_array_index (tasks, i));
      if (r >= 0)
        {
          gtk_bitset_add (set, r);
          if (first < 0)
            first = r;
        }
    }
  mask = gtk_bitset_new_range (0, g_list_model_get_n_items (G_LIST_MODEL (self->tree)));
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), set, mask);
  if (first >= 0)
    scroll_to_row (self, first);
}

/* Opens (recursively, first to last) or closes (last to first) every
 * top-level row of the current model.  GTK 4.8's list view pays for every
 * open row after a change: going this way round, the rows after each
 * change are closed ones (collapsing 2,000 summaries of a 100k outline
 * first-to-last takes 80 s, last-to-first 10 ms).  Replacing
 * the model instead costs seconds too (the list view walks every row of a
 * big items-changed). */
static void
expand_subtree (GtkTreeListRow *row)
{
  GantryTask *task = gtk_tree_list_row_get_item (row);
  guint n = gantry_task_get_n_children (task);

  gtk_tree_list_row_set_expanded (row, TRUE);
  for (guint j = 0; j < n; j++)
    if (gantry_task_get_n_children (gantry_task_get_child (task, j)) > 0)
      {
        g_autoptr(GtkTreeListRow) child = gtk_tree_list_row_get_child_row (row, j);

        if (child != NULL)
          expand_subtree (child);
      }
  g_object_unref (task);
}

static void
set_all_expanded (GantryTaskTable *self,
                  gboolean         expanded)
{
  GListModel *root;
  guint n;

  if (self->project == NULL)
    return;
  root = G_LIST_MODEL (gantry_project_get_root_task (self->project));
  n = g_list_model_get_n_items (root);
  gtk_tree_list_model_set_autoexpand (self->tree, TRUE);
  for (guint k = 0; k < n; k++)
    {
      guint i = expanded ? k : n - 1 - k;
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree, i);

      if (row == NULL || !gtk_tree_list_row_is_expandable (row))
        continue;
      if (expanded)
        expand_subtree (row);
      else
        gtk_tree_list_row_set_expanded (row, FALSE);
    }
}

void
gantry_task_table_expand_all (GantryTaskTable *self)
{
  g_return_if_fail (GANTRY_IS_TASK_TABLE (self));
  set_all_expanded (self, TRUE);
}

/* Closes the expanded top-level rows first <= i < last, last to first. */
static void
collapse_top_rows (GantryTaskTable *self,
                   guint            first,
                   guint            last)
{
  for (guint k = last; k > first; k--)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree, k - 1);

      if (row != NULL && gtk_tree_list_row_get_expanded (row))
        gtk_tree_list_row_set_expanded (row, FALSE);
    }
}

/* Index among the top-level tasks of the task at row r. */
static guint
top_index_of_row (GantryTaskTable *self,
                  guint            r)
{
  g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, r);
  g_autoptr(GantryTask) task = row ? gtk_tree_list_row_get_item (row) : NULL;
  GantryTask *root = gantry_project_get_root_task (self->project);
  GantryTask *t = task;

  while (t != NULL && gantry_task_get_parent (t) != root)
    t = gantry_task_get_parent (t);
  return t != NULL ? (guint) MAX (gantry_task_get_position (t), 0) : 0;
}

/* rows GTK 4.8's list view keeps around its anchor (200, plus a few) */
#define KEPT_ROWS 210

/* Collapse all without letting GTK 4.8 make new rows: it keeps the widgets
 * of rows whose items stay and reuses those of rows scrolled away, but
 * frees and makes anew those of rows removed.  So: close everything but
 * the top-level rows around the view (K) in one batch (the rows on screen
 * stay), scroll to the end of the list, where only closed top-level rows
 * are left (the rows are reused), close K in a second batch (again nothing
 * on screen goes), and scroll to where the view was.  Returns FALSE (and
 * changes nothing) when the outline has too few top-level rows beyond the
 * view for this, or the table is not on screen. */
static gboolean
collapse_all_in_place (GantryTaskTable *self,
                       GantryTask      *top)
{
  GtkWidget *list = find_list_view (GTK_WIDGET (self->view));
  GtkAdjustment *adj = gantry_task_table_get_vadjustment (self);
  guint n_top, n_rows, first_row, page_rows, lo, hi, k0, k1;

  if (list == NULL || !gtk_widget_get_mapped (list) || self->project == NULL)
    return FALSE;
  n_top = gantry_task_get_n_children (gantry_project_get_root_task (self->project));
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  if (n_rows == 0 || n_rows == n_top)
    return FALSE;
  first_row = (guint) (gtk_adjustment_get_value (adj) / GANTRY_TASK_TABLE_ROW_HEIGHT);
  page_rows = (guint) (gtk_adjustment_get_page_size (adj) / GANTRY_TASK_TABLE_ROW_HEIGHT) + 1;
  lo = first_row > KEPT_ROWS ? first_row - KEPT_ROWS : 0;
  hi = MIN (first_row + page_rows + KEPT_ROWS, n_rows - 1);
  k0 = top_index_of_row (self, MIN (lo, n_rows - 1));
  k1 = top_index_of_row (self, hi) + 1;
  if (k1 + KEPT_ROWS + page_rows + 16 > n_top)
    return FALSE;

  batch_begin (self->rows);
  collapse_top_rows (self, k1, n_top);
  collapse_top_rows (self, 0, k0);
  batch_end (self->rows);
  gtk_widget_activate_action (list, "list.scroll-to-item", "u",
                              g_list_model_get_n_items (G_LIST_MODEL (self->tree)) - 1);
  batch_begin (self->rows);
  collapse_top_rows (self, k0, k1);
  batch_end (self->rows);
  gtk_widget_activate_action (list, "list.scroll-to-item", "u",
                              top != NULL ? (guint) MAX (gantry_task_get_position (top), 0) : 0u);
  return TRUE;
}

void
gantry_task_table_collapse_all (GantryTaskTable *self)
{
  g_autoptr(GtkTreeListModel) tree = NULL;
  GtkAdjustment *adj;
  GantryTask *top = NULL;
  guint first;

  g_return_if_fail (GANTRY_IS_TASK_TABLE (self));

  /* the top-level task of the first row on screen stays at the top */
  adj = gantry_task_table_get_vadjustment (self);
  first = (guint) (gtk_adjustment_get_value (adj) / GANTRY_TASK_TABLE_ROW_HEIGHT);
  if (self->project != NULL && first < g_list_model_get_n_items (G_LIST_MODEL (self->tree)))
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, first);
      g_autoptr(GantryTask) task = row ? gtk_tree_list_row_get_item (row) : NULL;
      GantryTask *root = gantry_project_get_root_task (self->project);

      for (top = task; top != NULL && gantry_task_get_parent (top) != root;
           top = gantry_task_get_parent (top))
        ;
    }

  if (collapse_all_in_place (self, top))
    return;

  /* First an empty model, so that the list view drops its rows and their
   * cells go to the spare pool, then a fresh model with every row closed
   * (one items-changed), whose rows take those cells.  GTK 4.8 would
   * otherwise make every new row's cells before freeing the old ones. */
  batch_list_set_model (self->rows, G_LIST_MODEL (self->empty));
  tree = make_tree (self, FALSE);
  set_tree (self, tree);
  gtk_tree_list_model_set_autoexpand (tree, TRUE);
  gtk_adjustment_set_value (adj, top != NULL && gantry_task_get_position (top) > 0
                                 ? (double) gantry_task_get_position (top) * GANTRY_TASK_TABLE_ROW_HEIGHT
                                 : 0.0);
}

GActionGroup *
gantry_task_table_get_column_actions (GantryTaskTable *self)
{
  g_return_val_if_fail (GANTRY_IS_TASK_TABLE (self), NULL);
  return G_ACTION_GROUP (self->column_actions);
}

GMenuModel *
gantry_task_table_get_column_menu (GantryTaskTable *self)
{
  g_return_val_if_fail (GANTRY_IS_TASK_TABLE (self), NULL);
  return G_MENU_MODEL (self->column_menu);
}

GtkWidget *
gantry_task_table_find_cell (GantryTaskTable *self,
                             GantryTask      *task,
                             GantryField      field)
{
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (GANTRY_IS_TASK_TABLE (self), NULL);

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Cell *cell = key;

      if (cell->task == task && (int) column_info[cell->column].field == (int) field
          && GANTRY_IS_CELL_EDITOR (cell->widget))
        return cell->widget;
    }
  return NULL;
}

void
gantry_task_table_edit_selected (GantryTaskTable *self)
{
  g_autoptr(GPtrArray) tasks = gantry_task_table_get_selected_tasks (self);
  GtkWidget *cell;

  if (tasks->len == 0)
    return;
  cell = gantry_task_table_find_cell (self, g_ptr_array_index (tasks, 0), GANTRY_FIELD_NAME);
  if (cell != NULL)
    gantry_cell_editor_start_editing (GANTRY_CELL_EDITOR (cell), NULL);
}

/* ---- keyboard: move between cells like a spreadsheet -------------------- */

static Cell *
find_cell_for (GantryTaskTable *self,
               GantryTask      *task,
               GantryColumn     column)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Cell *cell = key;
      if (cell->task == task && cell->column == column)
        return cell;
    }
  return NULL;
}

typedef struct
{
  GantryTaskTable *self;
  GantryTask      *task;
  GantryColumn     column;
} FocusLater;

static gboolean
focus_later_cb (gpointer data)
{
  FocusLater *fl = data;
  Cell *cell = find_cell_for (fl->self, fl->task, fl->column);

  if (cell != NULL)
    gtk_widget_grab_focus (cell->widget);
  g_object_unref (fl->task);
  g_object_unref (fl->self);
  g_free (fl);
  return G_SOURCE_REMOVE;
}

static void
focus_cell (GantryTaskTable *self,
            guint            row,
            GantryColumn     column)
{
  g_autoptr(GtkTreeListRow) r = g_list_model_get_item (G_LIST_MODEL (self->tree), row);
  g_autoptr(GantryTask) task = r ? gtk_tree_list_row_get_item (r) : NULL;
  Cell *cell;
  GtkAdjustment *adj = gantry_task_table_get_vadjustment (self);
  double y = (double) row * GANTRY_TASK_TABLE_ROW_HEIGHT;

  if (task == NULL)
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), row, TRUE);
  if (y < gtk_adjustment_get_value (adj))
    gtk_adjustment_set_value (adj, y);
  else if (y + GANTRY_TASK_TABLE_ROW_HEIGHT > gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj))
    gtk_adjustment_set_value (adj, y + GANTRY_TASK_TABLE_ROW_HEIGHT - gtk_adjustment_get_page_size (adj));
  cell = find_cell_for (self, task, column);
  if (cell != NULL)
    gtk_widget_grab_focus (cell->widget);
  else
    {
      /* the row gets its widgets with the next layout */
      FocusLater *fl = g_new0 (FocusLater, 1);
      fl->self = g_object_ref (self);
      fl->task = g_object_ref (task);
      fl->column = column;
      g_timeout_add (30, focus_later_cb, fl);
    }
}

static gboolean
on_view_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             GantryTaskTable       *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  Cell *cell;
  int row;

  if (focus == NULL || !GANTRY_IS_CELL_EDITOR (focus)
      || gantry_cell_editor_get_editing (GANTRY_CELL_EDITOR (focus))
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  cell = g_object_get_data (G_OBJECT (focus), "gantry-cell-ptr");
  if (cell == NULL || cell->task == NULL)
    return FALSE;
  row = gantry_task_table_find_row (self, cell->task);
  if (row < 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (row > 0)
        focus_cell (self, row - 1, cell->column);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if ((guint) row + 1 < g_list_model_get_n_items (G_LIST_MODEL (self->tree)))
        focus_cell (self, row + 1, cell->column);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      {
        int step = (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left) ? -1 : 1;

        for (int c = (int) cell->column + step; c >= 0 && c < GANTRY_N_COLUMNS; c += step)
          if ((int) column_info[c].field >= 0 && gtk_column_view_column_get_visible (self->columns[c]))
            {
              focus_cell (self, row, c);
              break;
            }
        return TRUE;
      }
    default:
      return FALSE;
    }
}

/* ---- widget ------------------------------------------------------------ */

static void
on_column_toggled (GSimpleAction *action,
                   GVariant      *state,
                   gpointer       user_data)
{
  GantryTaskTable *self = user_data;
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (action), "column"));

  g_simple_action_set_state (action, state);
  gtk_column_view_column_set_visible (self->columns[column], g_variant_get_boolean (state));
}

static void
on_activate (GtkColumnView *view,
             guint          position,
             GantryTaskTable *self)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  g_autoptr(GantryTask) task = row ? gtk_tree_list_row_get_item (row) : NULL;

  if (task != NULL)
    g_signal_emit (self, signals[SIGNAL_TASK_ACTIVATED], 0, task);
}

static void
on_secondary_click (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    GantryTaskTable *self)
{
  g_signal_emit (self, signals[SIGNAL_CONTEXT_MENU], 0, x, y);
}

static void
gantry_task_table_dispose (GObject *object)
{
  GantryTaskTable *self = GANTRY_TASK_TABLE (object);

  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->project);
  g_clear_object (&self->tree);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->empty);
  g_clear_object (&self->column_actions);
  g_clear_object (&self->column_menu);
  g_clear_pointer (&self->problem_tasks, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  for (int i = 0; i < GANTRY_N_COLUMNS; i++)
    g_clear_pointer (&self->spare[i], g_ptr_array_unref);

  G_OBJECT_CLASS (gantry_task_table_parent_class)->dispose (object);
}

static void
gantry_task_table_class_init (GantryTaskTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gantry_task_table_dispose;

  signals[SIGNAL_TASK_ACTIVATED] =
    g_signal_new ("task-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GANTRY_TYPE_TASK);
  signals[SIGNAL_CONTEXT_MENU] =
    g_signal_new ("context-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gantrytasktable");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gantry_task_table_init (GantryTaskTable *self)
{
  g_autoptr(GtkTreeListModel) tree = NULL;
  GtkGesture *gesture;

  self->bound = g_hash_table_new (NULL, NULL);
  for (int i = 0; i < GANTRY_N_COLUMNS; i++)
    self->spare[i] = g_ptr_array_new_with_free_func (g_object_unref);
  self->empty = g_list_store_new (GANTRY_TYPE_TASK);
  tree = make_tree (self, TRUE);
  self->tree = g_object_ref (tree);
  self->rows = g_object_new (GANTRY_TYPE_BATCH_LIST, NULL);
  batch_list_set_model (self->rows, G_LIST_MODEL (tree));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection))));
  gtk_column_view_set_reorderable (self->view, FALSE);
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_column_view_set_show_row_separators (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "gantry-task-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tasks"), -1);
  g_signal_connect (self->view, "activate", G_CALLBACK (on_activate), self);

  self->column_actions = g_simple_action_group_new ();
  self->column_menu = g_menu_new ();

  for (int i = 0; i < GANTRY_N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GSimpleAction) action = NULL;
      g_autofree char *name = g_strdup_printf ("show-%s", column_info[i].id);
      g_autofree char *detailed = g_strdup_printf ("columns.%s", name);

      g_object_set_data (G_OBJECT (factory), "table", self);
      g_signal_connect (factory, "setup", G_CALLBACK (factory_setup), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (factory_bind), GINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind), GINT_TO_POINTER (i));
      g_signal_connect (factory, "teardown", G_CALLBACK (factory_teardown), GINT_TO_POINTER (i));
      self->columns[i] = gtk_column_view_column_new (_(column_info[i].title), factory);
      gtk_column_view_column_set_fixed_width (self->columns[i], column_info[i].width);
      gtk_column_view_column_set_resizable (self->columns[i], TRUE);
      gtk_column_view_column_set_expand (self->columns[i], column_info[i].expand);
      gtk_column_view_append_column (self->view, self->columns[i]);
      g_object_unref (self->columns[i]);

      if (i == GANTRY_COLUMN_INDICATORS)
        gtk_column_view_column_set_title (self->columns[i], "");
      action = g_simple_action_new_stateful (name, NULL,
                                             g_variant_new_boolean (!column_is_optional (i)));
      if (column_is_optional (i))
        gtk_column_view_column_set_visible (self->columns[i], FALSE);
      g_object_set_data (G_OBJECT (action), "column", GINT_TO_POINTER (i));
      g_signal_connect (action, "change-state", G_CALLBACK (on_column_toggled), self);
      g_action_map_add_action (G_ACTION_MAP (self->column_actions), G_ACTION (action));
      if (i != GANTRY_COLUMN_NAME)
        g_menu_append (self->column_menu, _(column_info[i].title), detailed);
    }

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_EXTERNAL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_view_key), self);
    gtk_widget_add_controller (GTK_WIDGET (self->view), keys);
  }

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_secondary_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

GtkWidget *
gantry_task_table_new (void)
{
  return g_object_new (GANTRY_TYPE_TASK_TABLE, NULL);
}

/* MSPDI WorkFormat (1 m, 2 h, 3 d, 4 w, 5 mo) as a duration format. */
static GantryDurationFormat
work_display_format (GantryProject *project)
{
  static const GantryUnit units[] = {
    GANTRY_UNIT_MINUTE, GANTRY_UNIT_HOUR, GANTRY_UNIT_DAY, GANTRY_UNIT_WEEK, GANTRY_UNIT_MONTH,
  };
  int wf = 2;

  if (project != NULL)
    g_object_get (project, "work-format", &wf, NULL);
  if (wf < 1 || wf > 5)
    wf = 2;
  return gantry_format_make (units[wf - 1], FALSE, FALSE);
}

char *
gantry_task_table_format_variance (GantryTask   *task,
                                   GantryColumn  column)
{
  GantryProject *project;
  GantryDurationContext ctx = GANTRY_DURATION_CONTEXT_DEFAULT;
  GantryDurationFormat format;
  GantryVariance v;
  GantryDuration d;

  g_return_val_if_fail (GANTRY_IS_TASK (task), NULL);

  if (!column_is_variance (column))
    return NULL;
  if (!gantry_tracking_variance (task, 0, &v))
    return g_strdup ("");
  project = gantry_task_get_project (task);
  if (project != NULL)
    gantry_project_get_duration_context (project, &ctx);
  if (column == GANTRY_COLUMN_COST_VARIANCE)
    return gantry_text_format_money (project, v.cost);

  format = project != NULL ? gantry_project_get_duration_format (project) : GANTRY_FORMAT_DAYS;
  if (!gantry_format_is_valid (format) || gantry_format_is_percent (format))
    format = GANTRY_FORMAT_DAYS;
  switch (column)
    {
    case GANTRY_COLUMN_START_VARIANCE:
      d = v.start;
      break;
    case GANTRY_COLUMN_FINISH_VARIANCE:
      d = v.finish;
      break;
    case GANTRY_COLUMN_DURATION_VARIANCE:
      d = v.duration;
      break;
    case GANTRY_COLUMN_WORK_VARIANCE:
    default:
      d = v.work;
      format = work_display_format (project);
      break;
    }
  if (d < 0)
    {
      g_autofree char *abs = gantry_duration_format_long (-d, format, &ctx);

      return g_strdup_printf ("-%s", abs);
    }
  return gantry_duration_format_long (d, format, &ctx);
}

char *
gantry_task_table_format_earned_value (GantryTask   *task,
                                       GantryColumn  column)
{
  GantryEarnedValue ev;
  double value;

  g_return_val_if_fail (GANTRY_IS_TASK (task), NULL);

  if (!column_is_earned_value (column))
    return NULL;
  gantry_tracking_earned_value (task, 0, GANTRY_TIME_NONE, &ev);
  switch (column)
    {
    case GANTRY_COLUMN_BCWS: value = ev.bcws; break;
    case GANTRY_COLUMN_BCWP: value = ev.bcwp; break;
    case GANTRY_COLUMN_ACWP: value = ev.acwp; break;
    case GANTRY_COLUMN_SV:   value = ev.sv;   break;
    case GANTRY_COLUMN_EAC:  value = ev.eac;  break;
    case GANTRY_COLUMN_VAC:  value = ev.vac;  break;
    case GANTRY_COLUMN_SPI:
    case GANTRY_COLUMN_CPI:
    case GANTRY_COLUMN_TCPI:
      /* ratios, two decimals as MS Project shows them; 0 means undefined
       * (nothing planned, earned or spent yet) */
      value = column == GANTRY_COLUMN_SPI ? ev.spi : column == GANTRY_COLUMN_CPI ? ev.cpi : ev.tcpi;
      return g_strdup_printf ("%.2f", value);
    case GANTRY_COLUMN_CV:
    default:                 value = ev.cv;   break;
    }
  return gantry_text_format_money (gantry_task_get_project (task), value);
}

char *
gantry_task_table_overallocation_text (GantryTask *task)
{
  GPtrArray *assignments;
  g_autoptr(GString) names = NULL;
  guint n = 0;

  g_return_val_if_fail (GANTRY_IS_TASK (task), NULL);

  assignments = gantry_task_get_assignments (task);
  for (guint i = 0; assignments != NULL && i < assignments->len; i++)
    {
      GantryResource *r = gantry_assignment_get_resource (g_ptr_array_index (assignments, i));

      if (r == NULL || !gantry_resource_get_overallocated (r))
        continue;
      if (names == NULL)
        names = g_string_new (NULL);
      else
        g_string_append (names, ", ");
      g_string_append (names, gantry_resource_get_name (r) ? gantry_resource_get_name (r) : "");
      n++;
    }
  if (n == 0)
    return NULL;
  /* Translators: an indicator's tooltip; %s is one resource name or a
   * comma-separated list of them */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Over-allocated resource: %s",
                                       "Over-allocated resources: %s", n), names->str);
}

void
gantry_task_table_refresh_dates (GantryTaskTable *self)
{
  static const GantryColumn date_columns[] = { GANTRY_COLUMN_START, GANTRY_COLUMN_FINISH };
  /* the widest date of a year: a long month name and a two-digit day */
  g_autofree char *widest = gantry_time_format_display (gantry_time_make (2026, 9, 28, 0, 0, 0), FALSE);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), widest);
  int text_width = 0;

  g_return_if_fail (GANTRY_IS_TASK_TABLE (self));

  pango_layout_get_pixel_size (layout, &text_width, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (date_columns); i++)
    {
      GtkColumnViewColumn *column = self->columns[date_columns[i]];

      gtk_column_view_column_set_fixed_width (column,
                                              MAX (column_info[date_columns[i]].width, text_width + 24));
    }
  /* the visible cells (and the indicators' constraint and deadline
   * tooltips) show their text again */
  refresh_all_cells (self);
}
