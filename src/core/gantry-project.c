/* gantry-project.c — a plan: owns everything, hands out list models and
 * applies every user change as an undoable command
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stddef.h>
#include <string.h>

#include "gantry-core-private.h"

/* ======================================================================
 * GantryObjectList: a GListModel over a GPtrArray with an index that makes
 * "where is this item" O(1) amortised (entries below `valid` are exact;
 * the rest is rebuilt on demand).
 * ==================================================================== */

#define GANTRY_TYPE_OBJECT_LIST (gantry_object_list_get_type ())
G_DECLARE_FINAL_TYPE (GantryObjectList, gantry_object_list, GANTRY, OBJECT_LIST, GObject)

struct _GantryObjectList
{
  GObject     parent_instance;
  GType       item_type;
  GPtrArray  *items;    /* owning */
  GHashTable *index;    /* item -> position */
  guint       valid;
};

static void object_list_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GantryObjectList, gantry_object_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      object_list_iface_init))

static GType
object_list_get_item_type (GListModel *model)
{
  return GANTRY_OBJECT_LIST (model)->item_type;
}

static guint
object_list_get_n_items (GListModel *model)
{
  return GANTRY_OBJECT_LIST (model)->items->len;
}

static gpointer
object_list_get_item (GListModel *model, guint position)
{
  GantryObjectList *self = GANTRY_OBJECT_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
object_list_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = object_list_get_item_type;
  iface->get_n_items = object_list_get_n_items;
  iface->get_item = object_list_get_item;
}

static void
gantry_object_list_finalize (GObject *object)
{
  GantryObjectList *self = GANTRY_OBJECT_LIST (object);

  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (gantry_object_list_parent_class)->finalize (object);
}

static void
gantry_object_list_class_init (GantryObjectListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gantry_object_list_finalize;
}

static void
gantry_object_list_init (GantryObjectList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->index = g_hash_table_new (NULL, NULL);
}

static GantryObjectList *
object_list_new (GType item_type)
{
  GantryObjectList *self = g_object_new (GANTRY_TYPE_OBJECT_LIST, NULL);

  self->item_type = item_type;
  return self;
}

static int
object_list_index_of (GantryObjectList *self, gpointer item)
{
  gpointer value;

  if (g_hash_table_lookup_extended (self->index, item, NULL, &value))
    {
      guint i = GPOINTER_TO_UINT (value);

      if (i < self->valid && i < self->items->len && g_ptr_array_index (self->items, i) == item)
        return (int) i;
    }
  if (self->valid < self->items->len)
    {
      for (guint i = self->valid; i < self->items->len; i++)
        g_hash_table_insert (self->index, g_ptr_array_index (self->items, i),
                             GUINT_TO_POINTER (i));
      self->valid = self->items->len;
      if (g_hash_table_lookup_extended (self->index, item, NULL, &value))
        {
          guint i = GPOINTER_TO_UINT (value);
          if (i < self->items->len && g_ptr_array_index (self->items, i) == item)
            return (int) i;
        }
    }
  return -1;
}

/* Takes a reference. Returns the index used. */
static guint
object_list_insert (GantryObjectList *self, int position, gpointer item)
{
  guint n = self->items->len;
  guint idx = (position < 0 || (guint) position > n) ? n : (guint) position;

  g_ptr_array_insert (self->items, (int) idx, g_object_ref (item));
  if (idx == n && self->valid == n)
    {
      g_hash_table_insert (self->index, item, GUINT_TO_POINTER (idx));
      self->valid = n + 1;
    }
  else
    self->valid = MIN (self->valid, idx);
  g_list_model_items_changed (G_LIST_MODEL (self), idx, 0, 1);
  return idx;
}

/* Drops the list's reference (the caller keeps its own). */
static int
object_list_remove (GantryObjectList *self, gpointer item)
{
  int idx = object_list_index_of (self, item);
  gpointer stolen;

  if (idx < 0)
    return -1;
  stolen = g_ptr_array_steal_index (self->items, (guint) idx);
  g_hash_table_remove (self->index, item);
  self->valid = MIN (self->valid, (guint) idx);
  g_list_model_items_changed (G_LIST_MODEL (self), (guint) idx, 1, 0);
  g_object_unref (stolen);
  return idx;
}

static gboolean
object_list_contains (GantryObjectList *self, gpointer item)
{
  return object_list_index_of (self, item) >= 0;
}

/* ======================================================================
 * GantryProject
 * ==================================================================== */

struct _GantryProject
{
  GObject           parent_instance;

  /* properties */
  char             *name;
  char             *title;
  char             *manager;
  char             *company;
  char             *author;
  char             *subject;
  char             *notes;
  char             *narrative;
  GantryTime        start;
  GantryTime        finish;
  GantryTime        status_date;
  GantryTime        current_date;
  gboolean          schedule_from_start;
  GantryCalendar   *calendar;
  int               minutes_per_day;
  int               minutes_per_week;
  int               days_per_month;
  int               default_start_time;
  int               default_finish_time;
  char             *currency_symbol;
  char             *currency_code;
  int               currency_digits;
  int               currency_symbol_position;
  int               critical_slack_limit;
  gboolean          multiple_critical_paths;
  gboolean          honor_constraints;
  int               default_task_type;
  gboolean          new_tasks_effort_driven;
  gboolean          new_tasks_manual;
  int               duration_format;
  int               work_format;
  int               week_start_day;

  /* contents */
  GantryTask       *root;
  GantryObjectList *resources;
  GantryObjectList *calendars;
  GantryObjectList *links;
  GantryObjectList *assignments;
  GHashTable       *task_by_uid;
  GHashTable       *resource_by_uid;
  GHashTable       *calendar_by_uid;
  GHashTable       *assignment_by_uid;
  int               max_task_uid;
  int               max_resource_uid;
  int               max_calendar_uid;
  int               max_assignment_uid;
  /* Where next_free_uid searches when a max above is G_MAXINT. */
  int               low_task_uid;
  int               low_resource_uid;
  int               low_calendar_uid;
  int               low_assignment_uid;
  GPtrArray        *all_tasks;       /* cache, borrowed pointers */
  gboolean          all_tasks_valid;

  /* undo */
  GPtrArray        *stack;           /* GantryCommand, owning */
  guint             position;        /* commands applied */
  int               saved_position;  /* -1: the saved state is unreachable */
  GantryCommand    *group;
  guint             group_depth;
  gboolean          was_modified, could_undo, could_redo;

  /* pending "changed" */
  guint             pending_flags;
  GPtrArray        *pending_tasks;   /* owning */
  GHashTable       *pending_set;

  GantryExtras     *extras;
  GHashTable       *settings;
};

G_DEFINE_FINAL_TYPE (GantryProject, gantry_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TITLE,
  PROP_MANAGER,
  PROP_COMPANY,
  PROP_AUTHOR,
  PROP_SUBJECT,
  PROP_NOTES,
  PROP_NARRATIVE,
  PROP_START,
  PROP_FINISH,
  PROP_STATUS_DATE,
  PROP_CURRENT_DATE,
  PROP_SCHEDULE_FROM_START,
  PROP_CALENDAR,
  PROP_MINUTES_PER_DAY,
  PROP_MINUTES_PER_WEEK,
  PROP_DAYS_PER_MONTH,
  PROP_DEFAULT_START_TIME,
  PROP_DEFAULT_FINISH_TIME,
  PROP_CURRENCY_SYMBOL,
  PROP_CURRENCY_CODE,
  PROP_CURRENCY_DIGITS,
  PROP_CURRENCY_SYMBOL_POSITION,
  PROP_CRITICAL_SLACK_LIMIT,
  PROP_MULTIPLE_CRITICAL_PATHS,
  PROP_HONOR_CONSTRAINTS,
  PROP_DEFAULT_TASK_TYPE,
  PROP_NEW_TASKS_EFFORT_DRIVEN,
  PROP_NEW_TASKS_MANUAL,
  PROP_DURATION_FORMAT,
  PROP_WORK_FORMAT,
  PROP_WEEK_START_DAY,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Where each simple property lives, for the generic get/set. */
typedef enum { K_NONE, K_STRING, K_INT, K_INT64, K_BOOL } FieldKind;
typedef struct
{
  FieldKind kind;
  gsize     offset;
} FieldInfo;

#define F(kind, field) { kind, G_STRUCT_OFFSET (GantryProject, field) }
static const FieldInfo field_info[N_PROPS] = {
  [PROP_NAME] = F (K_STRING, name),
  [PROP_TITLE] = F (K_STRING, title),
  [PROP_MANAGER] = F (K_STRING, manager),
  [PROP_COMPANY] = F (K_STRING, company),
  [PROP_AUTHOR] = F (K_STRING, author),
  [PROP_SUBJECT] = F (K_STRING, subject),
  [PROP_NOTES] = F (K_STRING, notes),
  [PROP_NARRATIVE] = F (K_STRING, narrative),
  [PROP_START] = F (K_INT64, start),
  [PROP_FINISH] = F (K_INT64, finish),
  [PROP_STATUS_DATE] = F (K_INT64, status_date),
  [PROP_CURRENT_DATE] = F (K_INT64, current_date),
  [PROP_SCHEDULE_FROM_START] = F (K_BOOL, schedule_from_start),
  [PROP_MINUTES_PER_DAY] = F (K_INT, minutes_per_day),
  [PROP_MINUTES_PER_WEEK] = F (K_INT, minutes_per_week),
  [PROP_DAYS_PER_MONTH] = F (K_INT, days_per_month),
  [PROP_DEFAULT_START_TIME] = F (K_INT, default_start_time),
  [PROP_DEFAULT_FINISH_TIME] = F (K_INT, default_finish_time),
  [PROP_CURRENCY_SYMBOL] = F (K_STRING, currency_symbol),
  [PROP_CURRENCY_CODE] = F (K_STRING, currency_code),
  [PROP_CURRENCY_DIGITS] = F (K_INT, currency_digits),
  [PROP_CURRENCY_SYMBOL_POSITION] = F (K_INT, currency_symbol_position),
  [PROP_CRITICAL_SLACK_LIMIT] = F (K_INT, critical_slack_limit),
  [PROP_MULTIPLE_CRITICAL_PATHS] = F (K_BOOL, multiple_critical_paths),
  [PROP_HONOR_CONSTRAINTS] = F (K_BOOL, honor_constraints),
  [PROP_DEFAULT_TASK_TYPE] = F (K_INT, default_task_type),
  [PROP_NEW_TASKS_EFFORT_DRIVEN] = F (K_BOOL, new_tasks_effort_driven),
  [PROP_NEW_TASKS_MANUAL] = F (K_BOOL, new_tasks_manual),
  [PROP_DURATION_FORMAT] = F (K_INT, duration_format),
  [PROP_WORK_FORMAT] = F (K_INT, work_format),
  [PROP_WEEK_START_DAY] = F (K_INT, week_start_day),
};
#undef F

#define FIELD(self, type, prop) (*(type *) ((guint8 *) (self) + field_info[prop].offset))

static void
set_string_prop (GantryProject *self, guint prop, const char *value)
{
  char **field = &FIELD (self, char *, prop);

  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_int_prop (GantryProject *self, guint prop, int value)
{
  int *field = &FIELD (self, int, prop);

  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_int64_prop (GantryProject *self, guint prop, gint64 value)
{
  gint64 *field = &FIELD (self, gint64, prop);

  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_bool_prop (GantryProject *self, guint prop, gboolean value)
{
  gboolean *field = &FIELD (self, gboolean, prop);

  value = !!value;
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* ---- GObject --------------------------------------------------------- */

static void
forget_task_tree (GantryTask *root)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GantryTask *t = g_ptr_array_steal_index (stack, stack->len - 1);

      _gantry_task_set_project (t, NULL);
      g_ptr_array_set_size (gantry_task_get_predecessors (t), 0);
      g_ptr_array_set_size (gantry_task_get_successors (t), 0);
      g_ptr_array_set_size (gantry_task_get_assignments (t), 0);
      for (guint i = 0; i < gantry_task_get_n_children (t); i++)
        g_ptr_array_add (stack, gantry_task_get_child (t, i));
    }
}

static void
gantry_project_dispose (GObject *object)
{
  GantryProject *self = GANTRY_PROJECT (object);

  /* Commands hold references to model objects: drop them first. */
  if (self->group)
    {
      gantry_command_free (self->group);
      self->group = NULL;
    }
  if (self->stack)
    g_ptr_array_set_size (self->stack, 0);
  if (self->pending_tasks)
    g_ptr_array_set_size (self->pending_tasks, 0);
  if (self->pending_set)
    g_hash_table_remove_all (self->pending_set);

  if (self->links)
    {
      for (guint i = 0; i < self->links->items->len; i++)
        _gantry_link_set_in_project (g_ptr_array_index (self->links->items, i), FALSE);
    }
  if (self->assignments)
    {
      for (guint i = 0; i < self->assignments->items->len; i++)
        _gantry_assignment_set_in_project (g_ptr_array_index (self->assignments->items, i),
                                           FALSE);
    }
  if (self->resources)
    {
      for (guint i = 0; i < self->resources->items->len; i++)
        {
          GantryResource *r = g_ptr_array_index (self->resources->items, i);
          _gantry_resource_set_project (r, NULL);
          g_ptr_array_set_size (_gantry_resource_peek_assignments (r), 0);
        }
    }
  if (self->calendars)
    {
      for (guint i = 0; i < self->calendars->items->len; i++)
        _gantry_calendar_set_project (g_ptr_array_index (self->calendars->items, i), NULL);
    }
  if (self->root)
    forget_task_tree (self->root);

  g_clear_object (&self->links);
  g_clear_object (&self->assignments);
  g_clear_object (&self->resources);
  g_clear_object (&self->calendars);
  g_clear_object (&self->root);
  g_clear_object (&self->calendar);
  if (self->task_by_uid)
    g_hash_table_remove_all (self->task_by_uid);
  if (self->all_tasks)
    g_ptr_array_set_size (self->all_tasks, 0);

  G_OBJECT_CLASS (gantry_project_parent_class)->dispose (object);
}

static void
gantry_project_finalize (GObject *object)
{
  GantryProject *self = GANTRY_PROJECT (object);

  g_free (self->name);
  g_free (self->title);
  g_free (self->manager);
  g_free (self->company);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->notes);
  g_free (self->narrative);
  g_free (self->currency_symbol);
  g_free (self->currency_code);
  g_clear_pointer (&self->task_by_uid, g_hash_table_unref);
  g_clear_pointer (&self->resource_by_uid, g_hash_table_unref);
  g_clear_pointer (&self->calendar_by_uid, g_hash_table_unref);
  g_clear_pointer (&self->assignment_by_uid, g_hash_table_unref);
  g_clear_pointer (&self->all_tasks, g_ptr_array_unref);
  g_clear_pointer (&self->stack, g_ptr_array_unref);
  g_clear_pointer (&self->pending_tasks, g_ptr_array_unref);
  g_clear_pointer (&self->pending_set, g_hash_table_unref);
  g_clear_pointer (&self->extras, gantry_extras_free);
  g_clear_pointer (&self->settings, g_hash_table_unref);

  G_OBJECT_CLASS (gantry_project_parent_class)->finalize (object);
}

static void
gantry_project_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GantryProject *self = GANTRY_PROJECT (object);

  switch (prop_id)
    {
    case PROP_CALENDAR:
      g_value_set_object (value, self->calendar);
      return;
    case PROP_MODIFIED:
      g_value_set_boolean (value, gantry_project_get_modified (self));
      return;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gantry_project_can_undo (self));
      return;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, gantry_project_can_redo (self));
      return;
    default:
      break;
    }

  if (prop_id >= N_PROPS || field_info[prop_id].kind == K_NONE)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  switch (field_info[prop_id].kind)
    {
    case K_STRING:
      g_value_set_string (value, FIELD (self, char *, prop_id));
      break;
    case K_INT:
      g_value_set_int (value, FIELD (self, int, prop_id));
      break;
    case K_INT64:
      g_value_set_int64 (value, FIELD (self, gint64, prop_id));
      break;
    case K_BOOL:
      g_value_set_boolean (value, FIELD (self, gboolean, prop_id));
      break;
    case K_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
gantry_project_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GantryProject *self = GANTRY_PROJECT (object);

  if (prop_id == PROP_CALENDAR)
    {
      gantry_project_set_calendar (self, g_value_get_object (value));
      return;
    }
  if (prop_id >= N_PROPS || field_info[prop_id].kind == K_NONE)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  switch (field_info[prop_id].kind)
    {
    case K_STRING:
      set_string_prop (self, prop_id, g_value_get_string (value));
      break;
    case K_INT:
      set_int_prop (self, prop_id, g_value_get_int (value));
      break;
    case K_INT64:
      set_int64_prop (self, prop_id, g_value_get_int64 (value));
      break;
    case K_BOOL:
      set_bool_prop (self, prop_id, g_value_get_boolean (value));
      break;
    case K_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
gantry_project_class_init (GantryProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gantry_project_dispose;
  object_class->finalize = gantry_project_finalize;
  object_class->get_property = gantry_project_get_property;
  object_class->set_property = gantry_project_set_property;

#define P_STR(id, nm, df) properties[id] = g_param_spec_string (nm, NULL, NULL, df, rw)
#define P_TIME(id, nm) \
  properties[id] = g_param_spec_int64 (nm, NULL, NULL, G_MININT64, G_MAXINT64, \
                                       GANTRY_TIME_NONE, rw)
#define P_INT(id, nm, mn, mx, df) properties[id] = g_param_spec_int (nm, NULL, NULL, mn, mx, df, rw)
#define P_BOOL(id, nm, df) properties[id] = g_param_spec_boolean (nm, NULL, NULL, df, rw)

  P_STR (PROP_NAME, "name", NULL);
  P_STR (PROP_TITLE, "title", NULL);
  P_STR (PROP_MANAGER, "manager", NULL);
  P_STR (PROP_COMPANY, "company", NULL);
  P_STR (PROP_AUTHOR, "author", NULL);
  P_STR (PROP_SUBJECT, "subject", NULL);
  P_STR (PROP_NOTES, "notes", NULL);
  P_STR (PROP_NARRATIVE, "narrative", NULL);
  P_TIME (PROP_START, "start");
  P_TIME (PROP_FINISH, "finish");
  P_TIME (PROP_STATUS_DATE, "status-date");
  P_TIME (PROP_CURRENT_DATE, "current-date");
  P_BOOL (PROP_SCHEDULE_FROM_START, "schedule-from-start", TRUE);
  properties[PROP_CALENDAR] =
    g_param_spec_object ("calendar", NULL, NULL, GANTRY_TYPE_CALENDAR, rw);
  P_INT (PROP_MINUTES_PER_DAY, "minutes-per-day", 1, 1440, 480);
  P_INT (PROP_MINUTES_PER_WEEK, "minutes-per-week", 1, 7 * 1440, 2400);
  P_INT (PROP_DAYS_PER_MONTH, "days-per-month", 1, 31, 20);
  P_INT (PROP_DEFAULT_START_TIME, "default-start-time", 0, 1440, 480);
  P_INT (PROP_DEFAULT_FINISH_TIME, "default-finish-time", 0, 1440, 1020);
  P_STR (PROP_CURRENCY_SYMBOL, "currency-symbol", "$");
  P_STR (PROP_CURRENCY_CODE, "currency-code", "USD");
  P_INT (PROP_CURRENCY_DIGITS, "currency-digits", 0, 9, 2);
  P_INT (PROP_CURRENCY_SYMBOL_POSITION, "currency-symbol-position", 0, 3, 0);
  P_INT (PROP_CRITICAL_SLACK_LIMIT, "critical-slack-limit", -100000, 100000, 0);
  P_BOOL (PROP_MULTIPLE_CRITICAL_PATHS, "multiple-critical-paths", FALSE);
  P_BOOL (PROP_HONOR_CONSTRAINTS, "honor-constraints", TRUE);
  P_INT (PROP_DEFAULT_TASK_TYPE, "default-task-type", GANTRY_TASK_FIXED_UNITS,
         GANTRY_TASK_FIXED_WORK, GANTRY_TASK_FIXED_UNITS);
  P_BOOL (PROP_NEW_TASKS_EFFORT_DRIVEN, "new-tasks-effort-driven", FALSE);
  P_BOOL (PROP_NEW_TASKS_MANUAL, "new-tasks-manual", FALSE);
  P_INT (PROP_DURATION_FORMAT, "duration-format", 0, 127, GANTRY_FORMAT_DAYS);
  P_INT (PROP_WORK_FORMAT, "work-format", 1, 5, 2);
  P_INT (PROP_WEEK_START_DAY, "week-start-day", 0, 6, 1);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);

#undef P_STR
#undef P_TIME
#undef P_INT
#undef P_BOOL

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GantryProject::changed:
   * @flags: #GantryChangeFlags
   * @tasks: (element-type GantryTask): the tasks the change touched
   *
   * Emitted once at the end of each outermost command or group, and after
   * undo and redo.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_PTR_ARRAY);
}

static void
gantry_project_init (GantryProject *self)
{
  self->start = GANTRY_TIME_NONE;
  self->finish = GANTRY_TIME_NONE;
  self->status_date = GANTRY_TIME_NONE;
  self->current_date = GANTRY_TIME_NONE;
  self->schedule_from_start = TRUE;
  self->minutes_per_day = 480;
  self->minutes_per_week = 2400;
  self->days_per_month = 20;
  self->default_start_time = 480;
  self->default_finish_time = 1020;
  self->currency_symbol = g_strdup ("$");
  self->currency_code = g_strdup ("USD");
  self->currency_digits = 2;
  self->honor_constraints = TRUE;
  self->default_task_type = GANTRY_TASK_FIXED_UNITS;
  self->duration_format = GANTRY_FORMAT_DAYS;
  self->work_format = 2;
  self->week_start_day = 1;

  self->resources = object_list_new (GANTRY_TYPE_RESOURCE);
  self->calendars = object_list_new (GANTRY_TYPE_CALENDAR);
  self->links = object_list_new (GANTRY_TYPE_LINK);
  self->assignments = object_list_new (GANTRY_TYPE_ASSIGNMENT);
  self->task_by_uid = g_hash_table_new (NULL, NULL);
  self->resource_by_uid = g_hash_table_new (NULL, NULL);
  self->calendar_by_uid = g_hash_table_new (NULL, NULL);
  self->assignment_by_uid = g_hash_table_new (NULL, NULL);
  self->all_tasks = g_ptr_array_new ();

  self->root = gantry_task_new (0, NULL);
  gantry_task_set_id (self->root, 0);
  _gantry_task_set_project (self->root, self);
  g_hash_table_insert (self->task_by_uid, GINT_TO_POINTER (0), self->root);

  self->stack = g_ptr_array_new_with_free_func ((GDestroyNotify) gantry_command_free);
  self->pending_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending_set = g_hash_table_new (NULL, NULL);

  self->extras = gantry_extras_new ();
  self->settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

GantryProject *
gantry_project_new (void)
{
  return g_object_new (GANTRY_TYPE_PROJECT, NULL);
}

GantryProject *
gantry_project_new_default (GantryTime start)
{
  GantryProject *self = gantry_project_new ();
  g_autoptr(GantryCalendar) standard = gantry_calendar_new_standard (1, _("Standard"));
  g_autoptr(GantryTask) task = NULL;

  if (start == GANTRY_TIME_NONE)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      start = gantry_time_make (g_date_time_get_year (now), g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now), 8, 0, 0);
    }

  gantry_project_add_calendar (self, standard);
  gantry_project_set_calendar (self, standard);
  gantry_project_set_start (self, start);
  gantry_project_set_finish (self, start);

  /* One row ready for typing, as MS Project's "1 day?" task. */
  task = gantry_task_new (gantry_project_next_task_uid (self), NULL);
  gantry_task_set_id (task, 1);
  gantry_task_set_start (task, start);
  gantry_project_add_task (self, NULL, -1, task);

  gantry_project_clear_history (self);
  return self;
}

/* ---- simple properties --------------------------------------------------- */

#define STRING_ACCESSORS(name, PROP) \
  const char * \
  gantry_project_get_##name (GantryProject *self) \
  { \
    g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL); \
    return self->name; \
  } \
  void \
  gantry_project_set_##name (GantryProject *self, const char *value) \
  { \
    g_return_if_fail (GANTRY_IS_PROJECT (self)); \
    set_string_prop (self, PROP, value); \
  }

#define TIME_ACCESSORS(name, PROP) \
  GantryTime \
  gantry_project_get_##name (GantryProject *self) \
  { \
    g_return_val_if_fail (GANTRY_IS_PROJECT (self), GANTRY_TIME_NONE); \
    return self->name; \
  } \
  void \
  gantry_project_set_##name (GantryProject *self, GantryTime value) \
  { \
    g_return_if_fail (GANTRY_IS_PROJECT (self)); \
    set_int64_prop (self, PROP, value); \
  }

#define GETTER(type, name, field, fallback) \
  type \
  gantry_project_get_##name (GantryProject *self) \
  { \
    g_return_val_if_fail (GANTRY_IS_PROJECT (self), fallback); \
    return self->field; \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (manager, PROP_MANAGER)
TIME_ACCESSORS (start, PROP_START)
TIME_ACCESSORS (finish, PROP_FINISH)
TIME_ACCESSORS (status_date, PROP_STATUS_DATE)
GETTER (gboolean, schedule_from_start, schedule_from_start, TRUE)
GETTER (GantryCalendar *, calendar, calendar, NULL)
GETTER (int, default_start_time, default_start_time, 480)
GETTER (int, default_finish_time, default_finish_time, 1020)
GETTER (int, critical_slack_limit, critical_slack_limit, 0)
GETTER (gboolean, multiple_critical_paths, multiple_critical_paths, FALSE)
GETTER (gboolean, honor_constraints, honor_constraints, TRUE)
GETTER (const char *, currency_symbol, currency_symbol, NULL)
GETTER (GantryDurationFormat, duration_format, duration_format, GANTRY_FORMAT_DAYS)

void
gantry_project_set_schedule_from_start (GantryProject *self, gboolean v)
{
  g_return_if_fail (GANTRY_IS_PROJECT (self));
  set_bool_prop (self, PROP_SCHEDULE_FROM_START, v);
}

void
gantry_project_set_calendar (GantryProject *self, GantryCalendar *cal)
{
  g_return_if_fail (GANTRY_IS_PROJECT (self));
  g_return_if_fail (cal == NULL || GANTRY_IS_CALENDAR (cal));

  if (g_set_object (&self->calendar, cal))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALENDAR]);
}

void
gantry_project_get_duration_context (GantryProject *self, GantryDurationContext *ctx)
{
  g_return_if_fail (GANTRY_IS_PROJECT (self));
  g_return_if_fail (ctx != NULL);

  ctx->minutes_per_day = self->minutes_per_day;
  ctx->minutes_per_week = self->minutes_per_week;
  ctx->days_per_month = self->days_per_month;
}

/* ---- contents: lookups ----------------------------------------------------- */

GantryTask *
gantry_project_get_root_task (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);
  return self->root;
}

GListModel *
gantry_project_get_resources (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->resources);
}

GListModel *
gantry_project_get_calendars (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->calendars);
}

GListModel *
gantry_project_get_links (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->links);
}

GListModel *
gantry_project_get_assignments (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->assignments);
}

static void
invalidate_structure (GantryProject *self)
{
  self->all_tasks_valid = FALSE;
}

GPtrArray *
gantry_project_get_all_tasks (GantryProject *self)
{
  g_autoptr(GPtrArray) stack = NULL;

  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);

  if (self->all_tasks_valid)
    return self->all_tasks;

  g_ptr_array_set_size (self->all_tasks, 0);
  stack = g_ptr_array_new ();
  for (guint i = gantry_task_get_n_children (self->root); i > 0; i--)
    g_ptr_array_add (stack, gantry_task_get_child (self->root, i - 1));
  while (stack->len > 0)
    {
      GantryTask *t = g_ptr_array_steal_index (stack, stack->len - 1);

      g_ptr_array_add (self->all_tasks, t);
      for (guint i = gantry_task_get_n_children (t); i > 0; i--)
        g_ptr_array_add (stack, gantry_task_get_child (t, i - 1));
    }
  self->all_tasks_valid = TRUE;
  return self->all_tasks;
}

guint
gantry_project_get_n_tasks (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), 0);
  return g_hash_table_size (self->task_by_uid) - 1;   /* minus the root */
}

GantryTask *
gantry_project_lookup_task (GantryProject *self, int uid)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);
  return g_hash_table_lookup (self->task_by_uid, GINT_TO_POINTER (uid));
}

GantryResource *
gantry_project_lookup_resource (GantryProject *self, int uid)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);
  return g_hash_table_lookup (self->resource_by_uid, GINT_TO_POINTER (uid));
}

GantryCalendar *
gantry_project_lookup_calendar (GantryProject *self, int uid)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);
  return g_hash_table_lookup (self->calendar_by_uid, GINT_TO_POINTER (uid));
}

GantryAssignment *
gantry_project_lookup_assignment (GantryProject *self, int uid)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);
  return g_hash_table_lookup (self->assignment_by_uid, GINT_TO_POINTER (uid));
}

GantryTask *
gantry_project_lookup_task_by_id (GantryProject *self, int id)
{
  GPtrArray *all;

  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);

  if (id == 0)
    return self->root;
  all = gantry_project_get_all_tasks (self);
  /* Fast path: rows are usually numbered in outline order. */
  if (id > 0 && (guint) id <= all->len
      && gantry_task_get_id (g_ptr_array_index (all, id - 1)) == id)
    return g_ptr_array_index (all, id - 1);
  for (guint i = 0; i < all->len; i++)
    if (gantry_task_get_id (g_ptr_array_index (all, i)) == id)
      return g_ptr_array_index (all, i);
  return NULL;
}

/* The next unused UID above the largest one.  When the largest is already
 * G_MAXINT (a file may say so), the smallest unused positive UID above
 * *low instead (*low only grows, so many calls stay linear overall): never
 * overflow into a negative UID. */
static int
next_free_uid (GHashTable *table, int *max, int *low)
{
  while (*max < G_MAXINT && g_hash_table_contains (table, GINT_TO_POINTER (*max + 1)))
    (*max)++;
  if (*max < G_MAXINT)
    return *max + 1;
  for (int uid = MAX (*low, 0) + 1; uid < G_MAXINT; uid++)
    if (!g_hash_table_contains (table, GINT_TO_POINTER (uid)))
      {
        *low = uid;
        return uid;
      }
  return G_MAXINT;   /* not reached: a table cannot hold 2^31 objects */
}

int
gantry_project_next_task_uid (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), 1);
  return next_free_uid (self->task_by_uid, &self->max_task_uid,
                        &self->low_task_uid);
}

int
gantry_project_next_resource_uid (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), 1);
  return next_free_uid (self->resource_by_uid, &self->max_resource_uid,
                        &self->low_resource_uid);
}

int
gantry_project_next_calendar_uid (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), 1);
  return next_free_uid (self->calendar_by_uid, &self->max_calendar_uid,
                        &self->low_calendar_uid);
}

int
gantry_project_next_assignment_uid (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), 1);
  return next_free_uid (self->assignment_by_uid, &self->max_assignment_uid,
                        &self->low_assignment_uid);
}

void
gantry_project_renumber (GantryProject *self)
{
  GPtrArray *all;

  g_return_if_fail (GANTRY_IS_PROJECT (self));

  all = gantry_project_get_all_tasks (self);
  for (guint i = 0; i < all->len; i++)
    gantry_task_set_id (g_ptr_array_index (all, i), (int) i + 1);
  for (guint i = 0; i < self->resources->items->len; i++)
    gantry_resource_set_id (g_ptr_array_index (self->resources->items, i), (int) i + 1);
}

gboolean
_gantry_project_uid_changing (GantryProject *self, gpointer object, int old_uid, int new_uid)
{
  GHashTable *table;
  int *max;
  gpointer other;

  if (GANTRY_IS_TASK (object))
    {
      if (object == self->root)
        {
          g_warning ("The project's root task keeps UID 0");
          return FALSE;
        }
      table = self->task_by_uid, max = &self->max_task_uid;
    }
  else if (GANTRY_IS_RESOURCE (object))
    table = self->resource_by_uid, max = &self->max_resource_uid;
  else if (GANTRY_IS_CALENDAR (object))
    table = self->calendar_by_uid, max = &self->max_calendar_uid;
  else if (GANTRY_IS_ASSIGNMENT (object))
    table = self->assignment_by_uid, max = &self->max_assignment_uid;
  else
    return FALSE;

  other = g_hash_table_lookup (table, GINT_TO_POINTER (new_uid));
  if (other != NULL && other != object)
    {
      g_warning ("UID %d is already used in this project", new_uid);
      return FALSE;
    }
  if (g_hash_table_lookup (table, GINT_TO_POINTER (old_uid)) == object)
    g_hash_table_remove (table, GINT_TO_POINTER (old_uid));
  g_hash_table_insert (table, GINT_TO_POINTER (new_uid), object);
  *max = MAX (*max, new_uid);
  return TRUE;
}

/* ---- tasks --------------------------------------------------------------- */

static gboolean
task_in_project (GantryProject *self, GantryTask *task)
{
  return task != NULL && gantry_task_get_project (task) == self;
}

static void
collect_subtree (GantryTask *task, GPtrArray *out)
{
  guint start = out->len;

  g_ptr_array_add (out, task);
  for (guint k = start; k < out->len; k++)
    {
      GantryTask *t = g_ptr_array_index (out, k);
      for (guint i = 0; i < gantry_task_get_n_children (t); i++)
        g_ptr_array_add (out, gantry_task_get_child (t, i));
    }
}

gboolean
gantry_project_add_task (GantryProject *self, GantryTask *parent, int position, GantryTask *task)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GANTRY_IS_TASK (task), FALSE);
  g_return_val_if_fail (parent == NULL || GANTRY_IS_TASK (parent), FALSE);

  if (parent == NULL)
    parent = self->root;
  if (!task_in_project (self, parent))
    return FALSE;
  if (gantry_task_get_parent (task) != NULL || gantry_task_get_project (task) != NULL)
    return FALSE;

  if (gantry_task_get_n_children (task) == 0)
    {
      int uid = gantry_task_get_uid (task);

      if (g_hash_table_contains (self->task_by_uid, GINT_TO_POINTER (uid)))
        return FALSE;
      g_hash_table_insert (self->task_by_uid, GINT_TO_POINTER (uid), task);
      self->max_task_uid = MAX (self->max_task_uid, uid);
      _gantry_task_set_project (task, self);
    }
  else
    {
      g_autoptr(GPtrArray) subtree = g_ptr_array_new ();
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

      collect_subtree (task, subtree);
      for (guint i = 0; i < subtree->len; i++)
        {
          int uid = gantry_task_get_uid (g_ptr_array_index (subtree, i));

          if (g_hash_table_contains (self->task_by_uid, GINT_TO_POINTER (uid))
              || !g_hash_table_add (seen, GINT_TO_POINTER (uid)))
            return FALSE;
        }
      for (guint i = 0; i < subtree->len; i++)
        {
          GantryTask *t = g_ptr_array_index (subtree, i);
          int uid = gantry_task_get_uid (t);

          g_hash_table_insert (self->task_by_uid, GINT_TO_POINTER (uid), t);
          self->max_task_uid = MAX (self->max_task_uid, uid);
          _gantry_task_set_project (t, self);
        }
    }

  invalidate_structure (self);
  _gantry_task_insert_child (parent, position, task);
  _gantry_task_notify_outline (task, TRUE);
  return TRUE;
}

typedef struct
{
  gpointer object;
  int      index;
} Indexed;

static int
compare_indexed_desc (gconstpointer a, gconstpointer b)
{
  const Indexed *x = a, *y = b;

  return (x->index < y->index) - (x->index > y->index);
}

/* Removes links / assignments from the back of the list to the front, so
 * every position found stays valid (O(k log k + n) for k objects). */
static void
remove_objects_back_to_front (GantryProject *self, GantryObjectList *list, GPtrArray *objects)
{
  g_autoptr(GArray) items = g_array_sized_new (FALSE, FALSE, sizeof (Indexed), objects->len);

  for (guint i = 0; i < objects->len; i++)
    {
      Indexed it = { g_ptr_array_index (objects, i), 0 };

      it.index = object_list_index_of (list, it.object);
      g_array_append_val (items, it);
    }
  g_array_sort (items, compare_indexed_desc);
  for (guint i = 0; i < items->len; i++)
    {
      gpointer o = g_array_index (items, Indexed, i).object;

      if (GANTRY_IS_LINK (o))
        _gantry_project_remove_link_at (self, o, NULL);
      else
        _gantry_project_remove_assignment_at (self, o, NULL);
    }
}

static void
remove_links_and_assignments_of (GantryProject *self, GPtrArray *subtree)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) assigns = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < subtree->len; i++)
    {
      GantryTask *t = g_ptr_array_index (subtree, i);
      GPtrArray *lists[2] = { gantry_task_get_predecessors (t), gantry_task_get_successors (t) };
      GPtrArray *a = gantry_task_get_assignments (t);

      for (guint j = 0; j < 2; j++)
        for (guint k = 0; k < lists[j]->len; k++)
          if (g_hash_table_add (seen, g_ptr_array_index (lists[j], k)))
            g_ptr_array_add (links, g_object_ref (g_ptr_array_index (lists[j], k)));
      for (guint k = 0; k < a->len; k++)
        g_ptr_array_add (assigns, g_object_ref (g_ptr_array_index (a, k)));
    }
  remove_objects_back_to_front (self, self->links, links);
  remove_objects_back_to_front (self, self->assignments, assigns);
}

void
gantry_project_remove_task (GantryProject *self, GantryTask *task)
{
  g_autoptr(GPtrArray) subtree = NULL;
  g_autoptr(GantryTask) keep = NULL;

  g_return_if_fail (GANTRY_IS_PROJECT (self));
  g_return_if_fail (GANTRY_IS_TASK (task));

  if (!task_in_project (self, task) || task == self->root)
    return;

  keep = g_object_ref (task);
  subtree = g_ptr_array_new ();
  collect_subtree (task, subtree);
  remove_links_and_assignments_of (self, subtree);

  for (guint i = 0; i < subtree->len; i++)
    {
      GantryTask *t = g_ptr_array_index (subtree, i);
      int uid = gantry_task_get_uid (t);

      if (g_hash_table_lookup (self->task_by_uid, GINT_TO_POINTER (uid)) == t)
        g_hash_table_remove (self->task_by_uid, GINT_TO_POINTER (uid));
      _gantry_task_set_project (t, NULL);
    }

  invalidate_structure (self);
  _gantry_task_remove_child (gantry_task_get_parent (task), task);
  _gantry_task_notify_outline (task, TRUE);
}

gboolean
gantry_project_move_task (GantryProject *self, GantryTask *task,
                          GantryTask *new_parent, int position)
{
  g_autoptr(GantryTask) keep = NULL;
  GantryTask *old_parent;
  int old_level;

  g_return_val_if_fail (GANTRY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GANTRY_IS_TASK (task), FALSE);
  g_return_val_if_fail (new_parent == NULL || GANTRY_IS_TASK (new_parent), FALSE);

  if (new_parent == NULL)
    new_parent = self->root;
  if (!task_in_project (self, task) || task == self->root || !task_in_project (self, new_parent))
    return FALSE;
  if (new_parent == task || gantry_task_is_ancestor_of (task, new_parent))
    return FALSE;

  old_parent = gantry_task_get_parent (task);
  if (old_parent == new_parent)
    {
      int cur = gantry_task_get_position (task);
      int last = (int) gantry_task_get_n_children (new_parent) - 1;
      int target = (position < 0 || position > last) ? last : position;

      if (cur == target)
        return TRUE;
    }

  keep = g_object_ref (task);
  old_level = gantry_task_get_outline_level (task);
  invalidate_structure (self);
  _gantry_task_remove_child (old_parent, task);
  _gantry_task_insert_child (new_parent, position, task);
  if (gantry_task_get_outline_level (task) != old_level)
    _gantry_task_notify_outline (task, TRUE);
  return TRUE;
}

/* ---- links ----------------------------------------------------------------- */

GantryLink *
gantry_project_find_link (GantryProject *self, GantryTask *pred, GantryTask *succ)
{
  GPtrArray *a, *b;

  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (GANTRY_IS_TASK (pred), NULL);
  g_return_val_if_fail (GANTRY_IS_TASK (succ), NULL);

  a = gantry_task_get_successors (pred);
  b = gantry_task_get_predecessors (succ);
  if (a->len <= b->len)
    {
      for (guint i = 0; i < a->len; i++)
        if (gantry_link_get_successor (g_ptr_array_index (a, i)) == succ)
          return g_ptr_array_index (a, i);
    }
  else
    {
      for (guint i = 0; i < b->len; i++)
        if (gantry_link_get_predecessor (g_ptr_array_index (b, i)) == pred)
          return g_ptr_array_index (b, i);
    }
  return NULL;
}

static gboolean
link_can_be_added (GantryProject *self, GantryLink *link)
{
  GantryTask *pred = gantry_link_get_predecessor (link);
  GantryTask *succ = gantry_link_get_successor (link);

  return !_gantry_link_get_in_project (link)
         && pred != succ
         && pred != self->root && succ != self->root
         && task_in_project (self, pred) && task_in_project (self, succ)
         && gantry_project_find_link (self, pred, succ) == NULL;
}

gboolean
gantry_project_add_link (GantryProject *self, GantryLink *link)
{
  GantryPlace place = { -1, -1, -1 };

  g_return_val_if_fail (GANTRY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GANTRY_IS_LINK (link), FALSE);

  if (!link_can_be_added (self, link))
    return FALSE;
  _gantry_project_insert_link_at (self, link, &place);
  return TRUE;
}

void
_gantry_project_insert_link_at (GantryProject *self, GantryLink *link, const GantryPlace *place)
{
  _gantry_ptr_array_insert (gantry_task_get_successors (gantry_link_get_predecessor (link)),
                            place->index_a, link);
  _gantry_ptr_array_insert (gantry_task_get_predecessors (gantry_link_get_successor (link)),
                            place->index_b, link);
  _gantry_link_set_in_project (link, TRUE);
  object_list_insert (self->links, place->list_index, link);
}

void
_gantry_project_remove_link_at (GantryProject *self, GantryLink *link, GantryPlace *out_place)
{
  g_autoptr(GantryLink) keep = g_object_ref (link);
  GantryPlace place;

  place.index_a = _gantry_ptr_array_remove (
      gantry_task_get_successors (gantry_link_get_predecessor (link)), link);
  place.index_b = _gantry_ptr_array_remove (
      gantry_task_get_predecessors (gantry_link_get_successor (link)), link);
  _gantry_link_set_in_project (link, FALSE);
  place.list_index = object_list_remove (self->links, link);
  if (out_place)
    *out_place = place;
}

void
gantry_project_remove_link (GantryProject *self, GantryLink *link)
{
  g_return_if_fail (GANTRY_IS_PROJECT (self));
  g_return_if_fail (GANTRY_IS_LINK (link));

  if (!_gantry_link_get_in_project (link) || !object_list_contains (self->links, link))
    return;
  _gantry_project_remove_link_at (self, link, NULL);
}

/* ---- resources ------------------------------------------------------------- */

gboolean
gantry_project_add_resource (GantryProject *self, int position, GantryResource *resource)
{
  int uid;

  g_return_val_if_fail (GANTRY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GANTRY_IS_RESOURCE (resource), FALSE);

  uid = gantry_resource_get_uid (resource);
  if (gantry_resource_get_project (resource) != NULL
      || g_hash_table_contains (self->resource_by_uid, GINT_TO_POINTER (uid)))
    return FALSE;

  g_hash_table_insert (self->resource_by_uid, GINT_TO_POINTER (uid), resource);
  self->max_resource_uid = MAX (self->max_resource_uid, uid);
  _gantry_resource_set_project (resource, self);
  object_list_insert (self->resources, position, resource);
  return TRUE;
}

int
_gantry_project_remove_resource_at (GantryProject *self, GantryResource *resource)
{
  int uid = gantry_resource_get_uid (resource);

  if (g_hash_table_lookup (self->resource_by_uid, GINT_TO_POINTER (uid)) == resource)
    g_hash_table_remove (self->resource_by_uid, GINT_TO_POINTER (uid));
  _gantry_resource_set_project (resource, NULL);
  return object_list_remove (self->resources, resource);
}

void
gantry_project_remove_resource (GantryProject *self, GantryResource *resource)
{
  g_autoptr(GantryResource) keep = NULL;
  GPtrArray *assigns;

  g_return_if_fail (GANTRY_IS_PROJECT (self));
  g_return_if_fail (GANTRY_IS_RESOURCE (resource));

  if (gantry_resource_get_project (resource) != self)
    return;

  keep = g_object_ref (resource);
  assigns = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < gantry_resource_get_assignments (resource)->len; i++)
    g_ptr_array_add (assigns, g_object_ref (g_ptr_array_index (
        gantry_resource_get_assignments (resource), i)));
  remove_objects_back_to_front (self, self->assignments, assigns);
  g_ptr_array_unref (assigns);
  _gantry_project_remove_resource_at (self, resource);
}

/* ---- assignments ----------------------------------------------------------- */

gboolean
gantry_project_add_assignment (GantryProject *self, GantryAssignment *a)
{
  GantryPlace place = { -1, -1, -1 };
  int uid;

  g_return_val_if_fail (GANTRY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GANTRY_IS_ASSIGNMENT (a), FALSE);

  uid = gantry_assignment_get_uid (a);
  if (_gantry_assignment_get_in_project (a)
      || !task_in_project (self, gantry_assignment_get_task (a))
      || gantry_assignment_get_task (a) == self->root
      || gantry_resource_get_project (gantry_assignment_get_resource (a)) != self
      || g_hash_table_contains (self->assignment_by_uid, GINT_TO_POINTER (uid)))
    return FALSE;

  _gantry_project_insert_assignment_at (self, a, &place);
  return TRUE;
}

void
_gantry_project_insert_assignment_at (GantryProject *self, GantryAssignment *a,
                                      const GantryPlace *place)
{
  int uid = gantry_assignment_get_uid (a);

  g_hash_table_insert (self->assignment_by_uid, GINT_TO_POINTER (uid), a);
  self->max_assignment_uid = MAX (self->max_assignment_uid, uid);
  _gantry_ptr_array_insert (gantry_task_get_assignments (gantry_assignment_get_task (a)),
                            place->index_a, a);
  _gantry_ptr_array_insert (
      _gantry_resource_peek_assignments (gantry_assignment_get_resource (a)),
      place->index_b, a);
  _gantry_assignment_set_in_project (a, TRUE);
  object_list_insert (self->assignments, place->list_index, a);
}

void
_gantry_project_remove_assignment_at (GantryProject *self, GantryAssignment *a,
                                      GantryPlace *out_place)
{
  g_autoptr(GantryAssignment) keep = g_object_ref (a);
  int uid = gantry_assignment_get_uid (a);
  GantryPlace place;

  if (g_hash_table_lookup (self->assignment_by_uid, GINT_TO_POINTER (uid)) == a)
    g_hash_table_remove (self->assignment_by_uid, GINT_TO_POINTER (uid));
  place.index_a = _gantry_ptr_array_remove (
      gantry_task_get_assignments (gantry_assignment_get_task (a)), a);
  place.index_b = _gantry_ptr_array_remove (
      _gantry_resource_peek_assignments (gantry_assignment_get_resource (a)), a);
  _gantry_assignment_set_in_project (a, FALSE);
  place.list_index = object_list_remove (self->assignments, a);
  if (out_place)
    *out_place = place;
}

void
gantry_project_remove_assignment (GantryProject *self, GantryAssignment *a)
{
  g_return_if_fail (GANTRY_IS_PROJECT (self));
  g_return_if_fail (GANTRY_IS_ASSIGNMENT (a));

  if (!_gantry_assignment_get_in_project (a) || !object_list_contains (self->assignments, a))
    return;
  _gantry_project_remove_assignment_at (self, a, NULL);
}

/* ---- calendars ------------------------------------------------------------- */

gboolean
gantry_project_add_calendar (GantryProject *self, GantryCalendar *cal)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GANTRY_IS_CALENDAR (cal), FALSE);

  /* As documented: a duplicate UID is refused and nothing is added (the
   * caller keeps its reference; reporting TRUE here let the MSPDI reader
   * keep a pointer to a calendar nobody owned). */
  if (_gantry_calendar_get_project (cal) != NULL
      || g_hash_table_contains (self->calendar_by_uid,
                                GINT_TO_POINTER (gantry_calendar_get_uid (cal))))
    return FALSE;
  _gantry_project_insert_calendar_at (self, -1, cal);
  return TRUE;
}

void
_gantry_project_insert_calendar_at (GantryProject *self, int index, GantryCalendar *cal)
{
  int uid = gantry_calendar_get_uid (cal);

  if (g_hash_table_contains (self->calendar_by_uid, GINT_TO_POINTER (uid)))
    {
      g_warning ("Calendar UID %d is already used in this project", uid);
      return;
    }
  g_hash_table_insert (self->calendar_by_uid, GINT_TO_POINTER (uid), cal);
  self->max_calendar_uid = MAX (self->max_calendar_uid, uid);
  _gantry_calendar_set_project (cal, self);
  object_list_insert (self->calendars, index, cal);
}

int
_gantry_project_remove_calendar_at (GantryProject *self, GantryCalendar *cal)
{
  int uid = gantry_calendar_get_uid (cal);

  if (g_hash_table_lookup (self->calendar_by_uid, GINT_TO_POINTER (uid)) == cal)
    g_hash_table_remove (self->calendar_by_uid, GINT_TO_POINTER (uid));
  _gantry_calendar_set_project (cal, NULL);
  return object_list_remove (self->calendars, cal);
}

void
gantry_project_remove_calendar (GantryProject *self, GantryCalendar *cal)
{
  g_return_if_fail (GANTRY_IS_PROJECT (self));
  g_return_if_fail (GANTRY_IS_CALENDAR (cal));

  if (_gantry_calendar_get_project (cal) != self)
    return;
  _gantry_project_remove_calendar_at (self, cal);
}

int
_gantry_project_link_index (GantryProject *self, GantryLink *link)
{
  return object_list_index_of (self->links, link);
}

int
_gantry_project_assignment_index (GantryProject *self, GantryAssignment *a)
{
  return object_list_index_of (self->assignments, a);
}

gboolean
_gantry_project_calendar_in_use (GantryProject *self, GantryCalendar *cal)
{
  GPtrArray *all;

  if (self->calendar == cal)
    return TRUE;
  for (guint i = 0; i < self->calendars->items->len; i++)
    if (gantry_calendar_get_base (g_ptr_array_index (self->calendars->items, i)) == cal)
      return TRUE;
  for (guint i = 0; i < self->resources->items->len; i++)
    if (gantry_resource_get_calendar (g_ptr_array_index (self->resources->items, i)) == cal)
      return TRUE;
  all = gantry_project_get_all_tasks (self);
  for (guint i = 0; i < all->len; i++)
    if (gantry_task_get_calendar (g_ptr_array_index (all, i)) == cal)
      return TRUE;
  return gantry_task_get_calendar (self->root) == cal;
}

/* ---- row numbers ----------------------------------------------------------- */

struct _GantryIdSnapshot
{
  GPtrArray *objects;   /* tasks and resources, ref'd */
  GArray    *ids;
};

GantryIdSnapshot *
_gantry_project_save_ids (GantryProject *self)
{
  GPtrArray *all = gantry_project_get_all_tasks (self);
  GantryIdSnapshot *snap;
  gboolean sequential = TRUE;

  for (guint i = 0; i < all->len && sequential; i++)
    sequential = gantry_task_get_id (g_ptr_array_index (all, i)) == (int) i + 1;
  for (guint i = 0; i < self->resources->items->len && sequential; i++)
    sequential = gantry_resource_get_id (g_ptr_array_index (self->resources->items, i))
                 == (int) i + 1;
  if (sequential)
    return NULL;

  snap = g_new0 (GantryIdSnapshot, 1);
  snap->objects = g_ptr_array_new_with_free_func (g_object_unref);
  snap->ids = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < all->len; i++)
    {
      int id = gantry_task_get_id (g_ptr_array_index (all, i));
      g_ptr_array_add (snap->objects, g_object_ref (g_ptr_array_index (all, i)));
      g_array_append_val (snap->ids, id);
    }
  for (guint i = 0; i < self->resources->items->len; i++)
    {
      GantryResource *r = g_ptr_array_index (self->resources->items, i);
      int id = gantry_resource_get_id (r);
      g_ptr_array_add (snap->objects, g_object_ref (r));
      g_array_append_val (snap->ids, id);
    }
  return snap;
}

void
_gantry_project_restore_ids (GantryProject *self, GantryIdSnapshot *snap)
{
  if (snap == NULL)
    {
      gantry_project_renumber (self);
      return;
    }
  for (guint i = 0; i < snap->objects->len; i++)
    {
      gpointer obj = g_ptr_array_index (snap->objects, i);
      int id = g_array_index (snap->ids, int, i);

      if (GANTRY_IS_TASK (obj))
        gantry_task_set_id (obj, id);
      else
        gantry_resource_set_id (obj, id);
    }
}

void
_gantry_id_snapshot_free (GantryIdSnapshot *snap)
{
  if (snap == NULL)
    return;
  g_ptr_array_unref (snap->objects);
  g_array_unref (snap->ids);
  g_free (snap);
}

/* ---- commands and undo ------------------------------------------------------- */

void
_gantry_project_touch (GantryProject *self, guint flags, GantryTask *task)
{
  self->pending_flags |= flags;
  if (task != NULL && task != self->root && g_hash_table_add (self->pending_set, task))
    g_ptr_array_add (self->pending_tasks, g_object_ref (task));
}

static void
emit_changed (GantryProject *self)
{
  g_autoptr(GPtrArray) tasks = NULL;
  guint flags = self->pending_flags;

  if (flags == 0 && self->pending_tasks->len == 0)
    return;

  /* Only tasks that are (still) in the plan: a deleted task is reported
   * through STRUCTURE and its former neighbours. */
  tasks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->pending_tasks->len; i++)
    {
      GantryTask *t = g_ptr_array_index (self->pending_tasks, i);

      if (gantry_task_get_project (t) == self)
        g_ptr_array_add (tasks, g_object_ref (t));
    }
  g_ptr_array_set_size (self->pending_tasks, 0);
  g_hash_table_remove_all (self->pending_set);
  self->pending_flags = 0;

  g_signal_emit (self, signals[CHANGED], 0, flags, tasks);
}

static void
update_undo_state (GantryProject *self)
{
  gboolean modified = gantry_project_get_modified (self);
  gboolean can_undo = gantry_project_can_undo (self);
  gboolean can_redo = gantry_project_can_redo (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (modified != self->was_modified)
    {
      self->was_modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  if (can_undo != self->could_undo)
    {
      self->could_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->could_redo)
    {
      self->could_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
push_command (GantryProject *self, GantryCommand *cmd)
{
  if (self->stack->len > self->position)
    g_ptr_array_set_size (self->stack, self->position);
  if (self->saved_position > (int) self->position)
    self->saved_position = -1;
  g_ptr_array_add (self->stack, cmd);
  self->position++;
  update_undo_state (self);
}

gboolean
gantry_project_apply (GantryProject *self, GantryCommand *cmd)
{
  GantryApplyResult result;

  g_return_val_if_fail (GANTRY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (cmd != NULL, FALSE);

  result = _gantry_command_apply (cmd, self);
  if (result != GANTRY_APPLY_DONE)
    {
      gantry_command_free (cmd);
      return result == GANTRY_APPLY_NOOP;
    }

  if (self->group_depth > 0)
    {
      _gantry_command_group_add (self->group, cmd);
      return TRUE;
    }
  push_command (self, cmd);
  emit_changed (self);
  return TRUE;
}

void
gantry_project_begin_group (GantryProject *self, const char *label)
{
  g_return_if_fail (GANTRY_IS_PROJECT (self));

  if (self->group_depth == 0)
    self->group = _gantry_command_new_group (label);
  self->group_depth++;
}

void
gantry_project_end_group (GantryProject *self)
{
  GantryCommand *group;

  g_return_if_fail (GANTRY_IS_PROJECT (self));
  g_return_if_fail (self->group_depth > 0);

  self->group_depth--;
  if (self->group_depth > 0)
    return;

  group = self->group;
  self->group = NULL;
  if (_gantry_command_group_get_n (group) == 0)
    {
      gantry_command_free (group);
      return;
    }
  push_command (self, group);
  emit_changed (self);
}

gboolean
gantry_project_can_undo (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), FALSE);
  return self->position > 0;
}

gboolean
gantry_project_can_redo (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), FALSE);
  return self->position < self->stack->len;
}

gboolean
gantry_project_undo (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), FALSE);

  if (self->group_depth > 0)
    {
      g_warning ("Cannot undo inside a command group");
      return FALSE;
    }
  if (self->position == 0)
    return FALSE;

  self->position--;
  _gantry_command_undo (g_ptr_array_index (self->stack, self->position), self);
  update_undo_state (self);
  emit_changed (self);
  return TRUE;
}

gboolean
gantry_project_redo (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), FALSE);

  if (self->group_depth > 0)
    {
      g_warning ("Cannot redo inside a command group");
      return FALSE;
    }
  if (self->position >= self->stack->len)
    return FALSE;

  _gantry_command_redo (g_ptr_array_index (self->stack, self->position), self);
  self->position++;
  update_undo_state (self);
  emit_changed (self);
  return TRUE;
}

const char *
gantry_project_get_undo_label (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);

  if (self->position == 0)
    return NULL;
  return gantry_command_get_label (g_ptr_array_index (self->stack, self->position - 1));
}

const char *
gantry_project_get_redo_label (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);

  if (self->position >= self->stack->len)
    return NULL;
  return gantry_command_get_label (g_ptr_array_index (self->stack, self->position));
}

gboolean
gantry_project_get_modified (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), FALSE);
  return self->saved_position != (int) self->position;
}

void
gantry_project_mark_saved (GantryProject *self)
{
  g_return_if_fail (GANTRY_IS_PROJECT (self));

  self->saved_position = (int) self->position;
  update_undo_state (self);
}

void
gantry_project_clear_history (GantryProject *self)
{
  gboolean was_saved;

  g_return_if_fail (GANTRY_IS_PROJECT (self));

  was_saved = !gantry_project_get_modified (self);
  g_ptr_array_set_size (self->stack, 0);
  self->position = 0;
  self->saved_position = was_saved ? 0 : -1;
  update_undo_state (self);
}

/* ---- extras and settings ---------------------------------------------------- */

GantryExtras *
gantry_project_get_extras (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);
  return self->extras;
}

const char *
gantry_project_get_setting (GantryProject *self, const char *key)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  return g_hash_table_lookup (self->settings, key);
}

void
gantry_project_set_setting (GantryProject *self, const char *key, const char *value)
{
  g_return_if_fail (GANTRY_IS_PROJECT (self));
  g_return_if_fail (key != NULL);

  if (value == NULL)
    g_hash_table_remove (self->settings, key);
  else
    g_hash_table_insert (self->settings, g_strdup (key), g_strdup (value));
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
gantry_project_list_settings (GantryProject *self)
{
  GPtrArray *keys;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);

  keys = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->settings);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}
