/* gantry-task.c — a task of the outline
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "gantry-core-private.h"

struct _GantryTask
{
  GObject              parent_instance;

  int                  uid;
  int                  id;
  char                *name;
  char                *notes;
  char                *wbs;

  GantryDuration       duration;
  GantryDurationFormat duration_format;
  GantryTime           start;
  GantryTime           finish;
  GantryConstraintType constraint_type;
  GantryTime           constraint_date;
  GantryTime           deadline;
  GantryTaskType       task_type;
  gboolean             effort_driven;
  gboolean             milestone;
  gboolean             manual;
  gboolean             active;
  gboolean             is_null;
  int                  percent_complete;
  int                  percent_work_complete;
  GantryTime           actual_start;
  GantryTime           actual_finish;
  GantryDuration       actual_duration;
  GantryDuration       remaining_duration;
  int                  priority;
  GantryCalendar      *calendar;
  gboolean             ignore_resource_calendar;
  GantryDuration       work;
  double               fixed_cost;
  GantryAccrual        fixed_cost_accrual;
  GantryDuration       leveling_delay;
  GantryDurationFormat leveling_delay_format;
  gboolean             hide_bar;
  gboolean             rollup;

  /* computed by the engine */
  GantryTime           early_start, early_finish, late_start, late_finish;
  GantryDuration       total_slack, free_slack, start_slack, finish_slack;
  gboolean             critical;
  double               cost, actual_cost;
  GantryDuration       actual_work;

  GantryBaseline      *baselines;     /* [GANTRY_N_BASELINES], NULL until one is set */

  /* outline */
  GantryTask          *parent;        /* weak: the parent owns us */
  GPtrArray           *children;      /* owning */
  guint                pos;           /* index in parent, valid below parent->pos_valid */
  guint                pos_valid;     /* children below this index have a correct pos */
  GantryProject       *project;       /* weak */

  GPtrArray           *predecessors;  /* borrowed GantryLink */
  GPtrArray           *successors;    /* borrowed GantryLink */
  GPtrArray           *assignments;   /* borrowed GantryAssignment */

  GantryExtras        *extras;
  guint64              stamp;         /* _gantry_model_serial of the last change */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GantryTask, gantry_task, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_UID,
  PROP_ID,
  PROP_NAME,
  PROP_NOTES,
  PROP_WBS,
  PROP_DURATION,
  PROP_DURATION_FORMAT,
  PROP_START,
  PROP_FINISH,
  PROP_CONSTRAINT_TYPE,
  PROP_CONSTRAINT_DATE,
  PROP_DEADLINE,
  PROP_TASK_TYPE,
  PROP_EFFORT_DRIVEN,
  PROP_MILESTONE,
  PROP_MANUAL,
  PROP_ACTIVE,
  PROP_IS_NULL,
  PROP_PERCENT_COMPLETE,
  PROP_PERCENT_WORK_COMPLETE,
  PROP_ACTUAL_START,
  PROP_ACTUAL_FINISH,
  PROP_ACTUAL_DURATION,
  PROP_REMAINING_DURATION,
  PROP_PRIORITY,
  PROP_CALENDAR,
  PROP_IGNORE_RESOURCE_CALENDAR,
  PROP_WORK,
  PROP_FIXED_COST,
  PROP_FIXED_COST_ACCRUAL,
  PROP_LEVELING_DELAY,
  PROP_LEVELING_DELAY_FORMAT,
  PROP_HIDE_BAR,
  PROP_ROLLUP,
  /* computed */
  PROP_EARLY_START,
  PROP_EARLY_FINISH,
  PROP_LATE_START,
  PROP_LATE_FINISH,
  PROP_TOTAL_SLACK,
  PROP_FREE_SLACK,
  PROP_START_SLACK,
  PROP_FINISH_SLACK,
  PROP_CRITICAL,
  PROP_COST,
  PROP_ACTUAL_COST,
  PROP_ACTUAL_WORK,
  /* derived */
  PROP_SUMMARY,
  PROP_OUTLINE_LEVEL,
  PROP_PARENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

_Atomic guint64 _gantry_model_serial;
_Atomic guint64 _gantry_model_shape_serial;

GantryTask *_Atomic _gantry_stamp_log[_GANTRY_STAMP_LOG];

void
_gantry_task_stamp (GantryTask *task)
{
  task->stamp = ++_gantry_model_serial;
  _gantry_stamp_log[task->stamp % _GANTRY_STAMP_LOG] = task;
}

guint64
_gantry_task_get_stamp (GantryTask *task)
{
  return task->stamp;
}

#define NOTIFY(self, prop) \
  (_gantry_task_stamp (self), g_object_notify_by_pspec (G_OBJECT (self), properties[prop]))

/* ---- GListModel ------------------------------------------------------ */

static GType
gantry_task_list_get_item_type (GListModel *model)
{
  return GANTRY_TYPE_TASK;
}

static guint
gantry_task_list_get_n_items (GListModel *model)
{
  return GANTRY_TASK (model)->children->len;
}

static gpointer
gantry_task_list_get_item (GListModel *model, guint position)
{
  GantryTask *self = GANTRY_TASK (model);

  if (position >= self->children->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->children, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gantry_task_list_get_item_type;
  iface->get_n_items = gantry_task_list_get_n_items;
  iface->get_item = gantry_task_list_get_item;
}

/* ---- GObject --------------------------------------------------------- */

static void
gantry_task_dispose (GObject *object)
{
  GantryTask *self = GANTRY_TASK (object);

  if (self->children != NULL)
    {
      for (guint i = 0; i < self->children->len; i++)
        {
          GantryTask *child = g_ptr_array_index (self->children, i);
          child->parent = NULL;
        }
      g_ptr_array_set_size (self->children, 0);
    }
  g_clear_object (&self->calendar);

  G_OBJECT_CLASS (gantry_task_parent_class)->dispose (object);
}

static void
gantry_task_finalize (GObject *object)
{
  GantryTask *self = GANTRY_TASK (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->wbs, g_free);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_clear_pointer (&self->predecessors, g_ptr_array_unref);
  g_clear_pointer (&self->successors, g_ptr_array_unref);
  g_clear_pointer (&self->assignments, g_ptr_array_unref);
  g_clear_pointer (&self->extras, gantry_extras_free);
  g_clear_pointer (&self->baselines, g_free);

  G_OBJECT_CLASS (gantry_task_parent_class)->finalize (object);
}

static void
gantry_task_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GantryTask *self = GANTRY_TASK (object);

  switch (prop_id)
    {
    case PROP_UID: g_value_set_int (value, self->uid); break;
    case PROP_ID: g_value_set_int (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_WBS: g_value_set_string (value, self->wbs); break;
    case PROP_DURATION: g_value_set_int64 (value, self->duration); break;
    case PROP_DURATION_FORMAT: g_value_set_int (value, self->duration_format); break;
    case PROP_START: g_value_set_int64 (value, self->start); break;
    case PROP_FINISH: g_value_set_int64 (value, self->finish); break;
    case PROP_CONSTRAINT_TYPE: g_value_set_int (value, self->constraint_type); break;
    case PROP_CONSTRAINT_DATE: g_value_set_int64 (value, self->constraint_date); break;
    case PROP_DEADLINE: g_value_set_int64 (value, self->deadline); break;
    case PROP_TASK_TYPE: g_value_set_int (value, self->task_type); break;
    case PROP_EFFORT_DRIVEN: g_value_set_boolean (value, self->effort_driven); break;
    case PROP_MILESTONE: g_value_set_boolean (value, self->milestone); break;
    case PROP_MANUAL: g_value_set_boolean (value, self->manual); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    case PROP_IS_NULL: g_value_set_boolean (value, self->is_null); break;
    case PROP_PERCENT_COMPLETE: g_value_set_int (value, self->percent_complete); break;
    case PROP_PERCENT_WORK_COMPLETE: g_value_set_int (value, self->percent_work_complete); break;
    case PROP_ACTUAL_START: g_value_set_int64 (value, self->actual_start); break;
    case PROP_ACTUAL_FINISH: g_value_set_int64 (value, self->actual_finish); break;
    case PROP_ACTUAL_DURATION: g_value_set_int64 (value, self->actual_duration); break;
    case PROP_REMAINING_DURATION: g_value_set_int64 (value, self->remaining_duration); break;
    case PROP_PRIORITY: g_value_set_int (value, self->priority); break;
    case PROP_CALENDAR: g_value_set_object (value, self->calendar); break;
    case PROP_IGNORE_RESOURCE_CALENDAR:
      g_value_set_boolean (value, self->ignore_resource_calendar);
      break;
    case PROP_WORK: g_value_set_int64 (value, self->work); break;
    case PROP_FIXED_COST: g_value_set_double (value, self->fixed_cost); break;
    case PROP_FIXED_COST_ACCRUAL: g_value_set_int (value, self->fixed_cost_accrual); break;
    case PROP_LEVELING_DELAY: g_value_set_int64 (value, self->leveling_delay); break;
    case PROP_LEVELING_DELAY_FORMAT: g_value_set_int (value, self->leveling_delay_format); break;
    case PROP_HIDE_BAR: g_value_set_boolean (value, self->hide_bar); break;
    case PROP_ROLLUP: g_value_set_boolean (value, self->rollup); break;
    case PROP_EARLY_START: g_value_set_int64 (value, self->early_start); break;
    case PROP_EARLY_FINISH: g_value_set_int64 (value, self->early_finish); break;
    case PROP_LATE_START: g_value_set_int64 (value, self->late_start); break;
    case PROP_LATE_FINISH: g_value_set_int64 (value, self->late_finish); break;
    case PROP_TOTAL_SLACK: g_value_set_int64 (value, self->total_slack); break;
    case PROP_FREE_SLACK: g_value_set_int64 (value, self->free_slack); break;
    case PROP_START_SLACK: g_value_set_int64 (value, self->start_slack); break;
    case PROP_FINISH_SLACK: g_value_set_int64 (value, self->finish_slack); break;
    case PROP_CRITICAL: g_value_set_boolean (value, self->critical); break;
    case PROP_COST: g_value_set_double (value, self->cost); break;
    case PROP_ACTUAL_COST: g_value_set_double (value, self->actual_cost); break;
    case PROP_ACTUAL_WORK: g_value_set_int64 (value, self->actual_work); break;
    case PROP_SUMMARY: g_value_set_boolean (value, gantry_task_get_summary (self)); break;
    case PROP_OUTLINE_LEVEL: g_value_set_int (value, gantry_task_get_outline_level (self)); break;
    case PROP_PARENT: g_value_set_object (value, self->parent); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_task_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GantryTask *self = GANTRY_TASK (object);

  switch (prop_id)
    {
    case PROP_UID: gantry_task_set_uid (self, g_value_get_int (value)); break;
    case PROP_ID: gantry_task_set_id (self, g_value_get_int (value)); break;
    case PROP_NAME: gantry_task_set_name (self, g_value_get_string (value)); break;
    case PROP_NOTES: gantry_task_set_notes (self, g_value_get_string (value)); break;
    case PROP_WBS: gantry_task_set_wbs (self, g_value_get_string (value)); break;
    case PROP_DURATION: gantry_task_set_duration (self, g_value_get_int64 (value)); break;
    case PROP_DURATION_FORMAT:
      gantry_task_set_duration_format (self, g_value_get_int (value));
      break;
    case PROP_START: gantry_task_set_start (self, g_value_get_int64 (value)); break;
    case PROP_FINISH: gantry_task_set_finish (self, g_value_get_int64 (value)); break;
    case PROP_CONSTRAINT_TYPE:
      gantry_task_set_constraint_type (self, g_value_get_int (value));
      break;
    case PROP_CONSTRAINT_DATE:
      gantry_task_set_constraint_date (self, g_value_get_int64 (value));
      break;
    case PROP_DEADLINE: gantry_task_set_deadline (self, g_value_get_int64 (value)); break;
    case PROP_TASK_TYPE: gantry_task_set_task_type (self, g_value_get_int (value)); break;
    case PROP_EFFORT_DRIVEN:
      gantry_task_set_effort_driven (self, g_value_get_boolean (value));
      break;
    case PROP_MILESTONE: gantry_task_set_milestone (self, g_value_get_boolean (value)); break;
    case PROP_MANUAL: gantry_task_set_manual (self, g_value_get_boolean (value)); break;
    case PROP_ACTIVE: gantry_task_set_active (self, g_value_get_boolean (value)); break;
    case PROP_IS_NULL: gantry_task_set_is_null (self, g_value_get_boolean (value)); break;
    case PROP_PERCENT_COMPLETE:
      gantry_task_set_percent_complete (self, g_value_get_int (value));
      break;
    case PROP_PERCENT_WORK_COMPLETE:
      gantry_task_set_percent_work_complete (self, g_value_get_int (value));
      break;
    case PROP_ACTUAL_START:
      gantry_task_set_actual_start (self, g_value_get_int64 (value));
      break;
    case PROP_ACTUAL_FINISH:
      gantry_task_set_actual_finish (self, g_value_get_int64 (value));
      break;
    case PROP_ACTUAL_DURATION:
      gantry_task_set_actual_duration (self, g_value_get_int64 (value));
      break;
    case PROP_REMAINING_DURATION:
      gantry_task_set_remaining_duration (self, g_value_get_int64 (value));
      break;
    case PROP_PRIORITY: gantry_task_set_priority (self, g_value_get_int (value)); break;
    case PROP_CALENDAR: gantry_task_set_calendar (self, g_value_get_object (value)); break;
    case PROP_IGNORE_RESOURCE_CALENDAR:
      gantry_task_set_ignore_resource_calendar (self, g_value_get_boolean (value));
      break;
    case PROP_WORK: gantry_task_set_work (self, g_value_get_int64 (value)); break;
    case PROP_FIXED_COST: gantry_task_set_fixed_cost (self, g_value_get_double (value)); break;
    case PROP_FIXED_COST_ACCRUAL:
      gantry_task_set_fixed_cost_accrual (self, g_value_get_int (value));
      break;
    case PROP_LEVELING_DELAY:
      gantry_task_set_leveling_delay (self, g_value_get_int64 (value));
      break;
    case PROP_LEVELING_DELAY_FORMAT:
      gantry_task_set_leveling_delay_format (self, g_value_get_int (value));
      break;
    case PROP_HIDE_BAR: gantry_task_set_hide_bar (self, g_value_get_boolean (value)); break;
    case PROP_ROLLUP: gantry_task_set_rollup (self, g_value_get_boolean (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_task_class_init (GantryTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gantry_task_dispose;
  object_class->finalize = gantry_task_finalize;
  object_class->get_property = gantry_task_get_property;
  object_class->set_property = gantry_task_set_property;

#define P_INT(id, nm, mn, mx, df, fl) \
  properties[id] = g_param_spec_int (nm, NULL, NULL, mn, mx, df, fl)
#define P_INT64(id, nm, df, fl) \
  properties[id] = g_param_spec_int64 (nm, NULL, NULL, G_MININT64, G_MAXINT64, df, fl)
#define P_BOOL(id, nm, df, fl) \
  properties[id] = g_param_spec_boolean (nm, NULL, NULL, df, fl)
#define P_STR(id, nm) \
  properties[id] = g_param_spec_string (nm, NULL, NULL, NULL, rw)
#define P_DOUBLE(id, nm, fl) \
  properties[id] = g_param_spec_double (nm, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, fl)

  P_INT (PROP_UID, "uid", G_MININT, G_MAXINT, 0, rw);
  P_INT (PROP_ID, "id", G_MININT, G_MAXINT, 0, rw);
  P_STR (PROP_NAME, "name");
  P_STR (PROP_NOTES, "notes");
  P_STR (PROP_WBS, "wbs");
  P_INT64 (PROP_DURATION, "duration", 8 * GANTRY_MS_HOUR, rw);
  P_INT (PROP_DURATION_FORMAT, "duration-format", 0, 127,
         GANTRY_FORMAT_DAYS + GANTRY_FORMAT_ESTIMATED_OFFSET, rw);
  P_INT64 (PROP_START, "start", GANTRY_TIME_NONE, rw);
  P_INT64 (PROP_FINISH, "finish", GANTRY_TIME_NONE, rw);
  P_INT (PROP_CONSTRAINT_TYPE, "constraint-type", GANTRY_CONSTRAINT_ASAP,
         GANTRY_CONSTRAINT_FNLT, GANTRY_CONSTRAINT_ASAP, rw);
  P_INT64 (PROP_CONSTRAINT_DATE, "constraint-date", GANTRY_TIME_NONE, rw);
  P_INT64 (PROP_DEADLINE, "deadline", GANTRY_TIME_NONE, rw);
  P_INT (PROP_TASK_TYPE, "task-type", GANTRY_TASK_FIXED_UNITS, GANTRY_TASK_FIXED_WORK,
         GANTRY_TASK_FIXED_UNITS, rw);
  P_BOOL (PROP_EFFORT_DRIVEN, "effort-driven", FALSE, rw);
  P_BOOL (PROP_MILESTONE, "milestone", FALSE, rw);
  P_BOOL (PROP_MANUAL, "manual", FALSE, rw);
  P_BOOL (PROP_ACTIVE, "active", TRUE, rw);
  P_BOOL (PROP_IS_NULL, "is-null", FALSE, rw);
  P_INT (PROP_PERCENT_COMPLETE, "percent-complete", 0, 100, 0, rw);
  P_INT (PROP_PERCENT_WORK_COMPLETE, "percent-work-complete", 0, 100, 0, rw);
  P_INT64 (PROP_ACTUAL_START, "actual-start", GANTRY_TIME_NONE, rw);
  P_INT64 (PROP_ACTUAL_FINISH, "actual-finish", GANTRY_TIME_NONE, rw);
  P_INT64 (PROP_ACTUAL_DURATION, "actual-duration", 0, rw);
  P_INT64 (PROP_REMAINING_DURATION, "remaining-duration", 0, rw);
  P_INT (PROP_PRIORITY, "priority", 0, 1000, 500, rw);
  properties[PROP_CALENDAR] =
    g_param_spec_object ("calendar", NULL, NULL, GANTRY_TYPE_CALENDAR, rw);
  P_BOOL (PROP_IGNORE_RESOURCE_CALENDAR, "ignore-resource-calendar", FALSE, rw);
  P_INT64 (PROP_WORK, "work", 0, rw);
  P_DOUBLE (PROP_FIXED_COST, "fixed-cost", rw);
  P_INT (PROP_FIXED_COST_ACCRUAL, "fixed-cost-accrual", GANTRY_ACCRUE_START,
         GANTRY_ACCRUE_PRORATED, GANTRY_ACCRUE_PRORATED, rw);
  P_INT64 (PROP_LEVELING_DELAY, "leveling-delay", 0, rw);
  P_INT (PROP_LEVELING_DELAY_FORMAT, "leveling-delay-format", 0, 127,
         GANTRY_FORMAT_ELAPSED_DAYS, rw);
  P_BOOL (PROP_HIDE_BAR, "hide-bar", FALSE, rw);
  P_BOOL (PROP_ROLLUP, "rollup", FALSE, rw);

  P_INT64 (PROP_EARLY_START, "early-start", GANTRY_TIME_NONE, ro);
  P_INT64 (PROP_EARLY_FINISH, "early-finish", GANTRY_TIME_NONE, ro);
  P_INT64 (PROP_LATE_START, "late-start", GANTRY_TIME_NONE, ro);
  P_INT64 (PROP_LATE_FINISH, "late-finish", GANTRY_TIME_NONE, ro);
  P_INT64 (PROP_TOTAL_SLACK, "total-slack", 0, ro);
  P_INT64 (PROP_FREE_SLACK, "free-slack", 0, ro);
  P_INT64 (PROP_START_SLACK, "start-slack", 0, ro);
  P_INT64 (PROP_FINISH_SLACK, "finish-slack", 0, ro);
  P_BOOL (PROP_CRITICAL, "critical", FALSE, ro);
  P_DOUBLE (PROP_COST, "cost", ro);
  P_DOUBLE (PROP_ACTUAL_COST, "actual-cost", ro);
  P_INT64 (PROP_ACTUAL_WORK, "actual-work", 0, ro);

  P_BOOL (PROP_SUMMARY, "summary", FALSE, ro);
  P_INT (PROP_OUTLINE_LEVEL, "outline-level", 0, G_MAXINT, 0, ro);
  properties[PROP_PARENT] = g_param_spec_object ("parent", NULL, NULL, GANTRY_TYPE_TASK, ro);

#undef P_INT
#undef P_INT64
#undef P_BOOL
#undef P_STR
#undef P_DOUBLE

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gantry_task_init (GantryTask *self)
{
  self->duration = 8 * GANTRY_MS_HOUR;
  self->duration_format = GANTRY_FORMAT_DAYS + GANTRY_FORMAT_ESTIMATED_OFFSET;
  self->start = GANTRY_TIME_NONE;
  self->finish = GANTRY_TIME_NONE;
  self->constraint_type = GANTRY_CONSTRAINT_ASAP;
  self->constraint_date = GANTRY_TIME_NONE;
  self->deadline = GANTRY_TIME_NONE;
  self->task_type = GANTRY_TASK_FIXED_UNITS;
  self->active = TRUE;
  self->actual_start = GANTRY_TIME_NONE;
  self->actual_finish = GANTRY_TIME_NONE;
  self->priority = 500;
  self->fixed_cost_accrual = GANTRY_ACCRUE_PRORATED;
  self->leveling_delay_format = GANTRY_FORMAT_ELAPSED_DAYS;
  self->early_start = GANTRY_TIME_NONE;
  self->early_finish = GANTRY_TIME_NONE;
  self->late_start = GANTRY_TIME_NONE;
  self->late_finish = GANTRY_TIME_NONE;

  self->children = g_ptr_array_new_with_free_func (g_object_unref);
  self->predecessors = g_ptr_array_new ();
  self->successors = g_ptr_array_new ();
  self->assignments = g_ptr_array_new ();
  self->extras = gantry_extras_new ();
}

GantryTask *
gantry_task_new (int uid, const char *name)
{
  /* Fields set directly: a loader creates 100 000s of these. */
  GantryTask *self = g_object_new (GANTRY_TYPE_TASK, NULL);

  self->uid = uid;
  self->name = g_strdup (name);
  return self;
}

/* ---- accessors ------------------------------------------------------- */

#define SCALAR_GETTER(type, name, field, fallback) \
  type \
  gantry_task_get_##name (GantryTask *self) \
  { \
    g_return_val_if_fail (GANTRY_IS_TASK (self), fallback); \
    return self->field; \
  }

#define SCALAR_ACCESSORS(type, name, field, PROP, fallback) \
  SCALAR_GETTER (type, name, field, fallback) \
  void \
  gantry_task_set_##name (GantryTask *self, type value) \
  { \
    g_return_if_fail (GANTRY_IS_TASK (self)); \
    if (self->field == value) \
      return; \
    self->field = value; \
    NOTIFY (self, PROP); \
  }

#define BOOL_ACCESSORS(name, field, PROP) \
  SCALAR_GETTER (gboolean, name, field, FALSE) \
  void \
  gantry_task_set_##name (GantryTask *self, gboolean value) \
  { \
    g_return_if_fail (GANTRY_IS_TASK (self)); \
    value = !!value; \
    if (self->field == value) \
      return; \
    self->field = value; \
    NOTIFY (self, PROP); \
  }

#define STRING_ACCESSORS(name, field, PROP) \
  SCALAR_GETTER (const char *, name, field, NULL) \
  void \
  gantry_task_set_##name (GantryTask *self, const char *value) \
  { \
    g_return_if_fail (GANTRY_IS_TASK (self)); \
    if (g_strcmp0 (self->field, value) == 0) \
      return; \
    g_free (self->field); \
    self->field = g_strdup (value); \
    NOTIFY (self, PROP); \
  }

#define CLAMPED_INT_ACCESSORS(type, name, field, PROP, lo, hi) \
  SCALAR_GETTER (type, name, field, 0) \
  void \
  gantry_task_set_##name (GantryTask *self, type value) \
  { \
    g_return_if_fail (GANTRY_IS_TASK (self)); \
    value = (type) CLAMP ((int) value, lo, hi); \
    if (self->field == value) \
      return; \
    self->field = value; \
    NOTIFY (self, PROP); \
  }

SCALAR_GETTER (int, uid, uid, 0)

void
gantry_task_set_uid (GantryTask *self, int uid)
{
  g_return_if_fail (GANTRY_IS_TASK (self));

  if (self->uid == uid)
    return;
  if (self->project && !_gantry_project_uid_changing (self->project, self, self->uid, uid))
    return;
  self->uid = uid;
  NOTIFY (self, PROP_UID);
}

SCALAR_ACCESSORS (int, id, id, PROP_ID, 0)
STRING_ACCESSORS (name, name, PROP_NAME)
STRING_ACCESSORS (notes, notes, PROP_NOTES)
STRING_ACCESSORS (wbs, wbs, PROP_WBS)
SCALAR_ACCESSORS (GantryDuration, duration, duration, PROP_DURATION, 0)
CLAMPED_INT_ACCESSORS (GantryDurationFormat, duration_format, duration_format,
                       PROP_DURATION_FORMAT, 0, 127)
SCALAR_ACCESSORS (GantryTime, start, start, PROP_START, GANTRY_TIME_NONE)
SCALAR_ACCESSORS (GantryTime, finish, finish, PROP_FINISH, GANTRY_TIME_NONE)
CLAMPED_INT_ACCESSORS (GantryConstraintType, constraint_type, constraint_type,
                       PROP_CONSTRAINT_TYPE, GANTRY_CONSTRAINT_ASAP, GANTRY_CONSTRAINT_FNLT)
SCALAR_ACCESSORS (GantryTime, constraint_date, constraint_date, PROP_CONSTRAINT_DATE,
                  GANTRY_TIME_NONE)
SCALAR_ACCESSORS (GantryTime, deadline, deadline, PROP_DEADLINE, GANTRY_TIME_NONE)
CLAMPED_INT_ACCESSORS (GantryTaskType, task_type, task_type, PROP_TASK_TYPE,
                       GANTRY_TASK_FIXED_UNITS, GANTRY_TASK_FIXED_WORK)
BOOL_ACCESSORS (effort_driven, effort_driven, PROP_EFFORT_DRIVEN)
BOOL_ACCESSORS (milestone, milestone, PROP_MILESTONE)
BOOL_ACCESSORS (manual, manual, PROP_MANUAL)
BOOL_ACCESSORS (active, active, PROP_ACTIVE)
BOOL_ACCESSORS (is_null, is_null, PROP_IS_NULL)
CLAMPED_INT_ACCESSORS (int, percent_complete, percent_complete, PROP_PERCENT_COMPLETE, 0, 100)
CLAMPED_INT_ACCESSORS (int, percent_work_complete, percent_work_complete,
                       PROP_PERCENT_WORK_COMPLETE, 0, 100)
SCALAR_ACCESSORS (GantryTime, actual_start, actual_start, PROP_ACTUAL_START, GANTRY_TIME_NONE)
SCALAR_ACCESSORS (GantryTime, actual_finish, actual_finish, PROP_ACTUAL_FINISH,
                  GANTRY_TIME_NONE)
SCALAR_ACCESSORS (GantryDuration, actual_duration, actual_duration, PROP_ACTUAL_DURATION, 0)
SCALAR_ACCESSORS (GantryDuration, remaining_duration, remaining_duration,
                  PROP_REMAINING_DURATION, 0)
CLAMPED_INT_ACCESSORS (int, priority, priority, PROP_PRIORITY, 0, 1000)
BOOL_ACCESSORS (ignore_resource_calendar, ignore_resource_calendar,
                PROP_IGNORE_RESOURCE_CALENDAR)
SCALAR_ACCESSORS (GantryDuration, work, work, PROP_WORK, 0)
SCALAR_ACCESSORS (double, fixed_cost, fixed_cost, PROP_FIXED_COST, 0.0)
CLAMPED_INT_ACCESSORS (GantryAccrual, fixed_cost_accrual, fixed_cost_accrual,
                       PROP_FIXED_COST_ACCRUAL, GANTRY_ACCRUE_START, GANTRY_ACCRUE_PRORATED)
SCALAR_ACCESSORS (GantryDuration, leveling_delay, leveling_delay, PROP_LEVELING_DELAY, 0)
CLAMPED_INT_ACCESSORS (GantryDurationFormat, leveling_delay_format, leveling_delay_format,
                       PROP_LEVELING_DELAY_FORMAT, 0, 127)
BOOL_ACCESSORS (hide_bar, hide_bar, PROP_HIDE_BAR)
BOOL_ACCESSORS (rollup, rollup, PROP_ROLLUP)

SCALAR_GETTER (GantryTime, early_start, early_start, GANTRY_TIME_NONE)
SCALAR_GETTER (GantryTime, early_finish, early_finish, GANTRY_TIME_NONE)
SCALAR_GETTER (GantryTime, late_start, late_start, GANTRY_TIME_NONE)
SCALAR_GETTER (GantryTime, late_finish, late_finish, GANTRY_TIME_NONE)
SCALAR_GETTER (GantryDuration, total_slack, total_slack, 0)
SCALAR_GETTER (GantryDuration, free_slack, free_slack, 0)
SCALAR_GETTER (GantryDuration, start_slack, start_slack, 0)
SCALAR_GETTER (GantryDuration, finish_slack, finish_slack, 0)
SCALAR_GETTER (gboolean, critical, critical, FALSE)
SCALAR_GETTER (double, cost, cost, 0.0)
SCALAR_GETTER (double, actual_cost, actual_cost, 0.0)
SCALAR_GETTER (GantryDuration, actual_work, actual_work, 0)

GantryCalendar *
gantry_task_get_calendar (GantryTask *self)
{
  g_return_val_if_fail (GANTRY_IS_TASK (self), NULL);
  return self->calendar;
}

void
gantry_task_set_calendar (GantryTask *self, GantryCalendar *cal)
{
  g_return_if_fail (GANTRY_IS_TASK (self));
  g_return_if_fail (cal == NULL || GANTRY_IS_CALENDAR (cal));

  if (g_set_object (&self->calendar, cal))
    NOTIFY (self, PROP_CALENDAR);
}

/* ---- engine batch write ------------------------------------------------ */

#define SET_COMPUTED(field, value, PROP) \
  G_STMT_START { \
    if (self->field != (value)) \
      { \
        self->field = (value); \
        changed = TRUE; \
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
      } \
  } G_STMT_END

void
gantry_task_set_schedule (GantryTask *self, const GantryTaskSchedule *s)
{
  gboolean changed = FALSE;

  g_return_if_fail (GANTRY_IS_TASK (self));
  g_return_if_fail (s != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  /* one stamp for the whole batch (notifications are frozen anyway) */
  SET_COMPUTED (start, s->start, PROP_START);
  SET_COMPUTED (finish, s->finish, PROP_FINISH);
  SET_COMPUTED (duration, s->duration, PROP_DURATION);
  SET_COMPUTED (work, s->work, PROP_WORK);
  SET_COMPUTED (early_start, s->early_start, PROP_EARLY_START);
  SET_COMPUTED (early_finish, s->early_finish, PROP_EARLY_FINISH);
  SET_COMPUTED (late_start, s->late_start, PROP_LATE_START);
  SET_COMPUTED (late_finish, s->late_finish, PROP_LATE_FINISH);
  SET_COMPUTED (total_slack, s->total_slack, PROP_TOTAL_SLACK);
  SET_COMPUTED (free_slack, s->free_slack, PROP_FREE_SLACK);
  SET_COMPUTED (start_slack, s->start_slack, PROP_START_SLACK);
  SET_COMPUTED (finish_slack, s->finish_slack, PROP_FINISH_SLACK);
  SET_COMPUTED (critical, !!s->critical, PROP_CRITICAL);
  SET_COMPUTED (cost, s->cost, PROP_COST);
  SET_COMPUTED (actual_cost, s->actual_cost, PROP_ACTUAL_COST);
  SET_COMPUTED (actual_work, s->actual_work, PROP_ACTUAL_WORK);
  if (changed)
    _gantry_task_stamp (self);
  g_object_thaw_notify (G_OBJECT (self));
}

void
gantry_task_get_schedule (GantryTask *self, GantryTaskSchedule *s)
{
  g_return_if_fail (GANTRY_IS_TASK (self));
  g_return_if_fail (s != NULL);

  s->start = self->start;
  s->finish = self->finish;
  s->duration = self->duration;
  s->work = self->work;
  s->early_start = self->early_start;
  s->early_finish = self->early_finish;
  s->late_start = self->late_start;
  s->late_finish = self->late_finish;
  s->total_slack = self->total_slack;
  s->free_slack = self->free_slack;
  s->start_slack = self->start_slack;
  s->finish_slack = self->finish_slack;
  s->critical = self->critical;
  s->cost = self->cost;
  s->actual_cost = self->actual_cost;
  s->actual_work = self->actual_work;
}

/* ---- baselines --------------------------------------------------------- */

const GantryBaseline *
gantry_task_get_baseline (GantryTask *self, guint n)
{
  g_return_val_if_fail (GANTRY_IS_TASK (self), NULL);
  g_return_val_if_fail (n < GANTRY_N_BASELINES, NULL);

  if (self->baselines == NULL || !self->baselines[n].set)
    return NULL;
  return &self->baselines[n];
}

void
gantry_task_set_baseline (GantryTask *self, guint n, const GantryBaseline *b)
{
  g_return_if_fail (GANTRY_IS_TASK (self));
  g_return_if_fail (n < GANTRY_N_BASELINES);

  if (b == NULL)
    {
      if (self->baselines != NULL)
        memset (&self->baselines[n], 0, sizeof self->baselines[n]);
      return;
    }
  if (self->baselines == NULL)
    self->baselines = g_new0 (GantryBaseline, GANTRY_N_BASELINES);
  self->baselines[n] = *b;
  self->baselines[n].set = TRUE;
  self->baselines[n].interim = !!b->interim;
  self->baselines[n].estimated = !!b->estimated;
}

/* ---- outline ----------------------------------------------------------- */

GantryTask *
gantry_task_get_parent (GantryTask *self)
{
  g_return_val_if_fail (GANTRY_IS_TASK (self), NULL);
  return self->parent;
}

guint
gantry_task_get_n_children (GantryTask *self)
{
  g_return_val_if_fail (GANTRY_IS_TASK (self), 0);
  return self->children->len;
}

GantryTask *
gantry_task_get_child (GantryTask *self, guint i)
{
  g_return_val_if_fail (GANTRY_IS_TASK (self), NULL);
  g_return_val_if_fail (i < self->children->len, NULL);
  return g_ptr_array_index (self->children, i);
}

int
gantry_task_get_position (GantryTask *self)
{
  GantryTask *parent;

  g_return_val_if_fail (GANTRY_IS_TASK (self), -1);

  parent = self->parent;
  if (parent == NULL)
    return -1;
  if (self->pos < parent->pos_valid && self->pos < parent->children->len
      && g_ptr_array_index (parent->children, self->pos) == self)
    return (int) self->pos;

  for (guint i = parent->pos_valid; i < parent->children->len; i++)
    ((GantryTask *) g_ptr_array_index (parent->children, i))->pos = i;
  parent->pos_valid = parent->children->len;
  g_assert (g_ptr_array_index (parent->children, self->pos) == self);
  return (int) self->pos;
}

gboolean
gantry_task_get_summary (GantryTask *self)
{
  g_return_val_if_fail (GANTRY_IS_TASK (self), FALSE);
  return self->children->len > 0;
}

int
gantry_task_get_outline_level (GantryTask *self)
{
  int level = 0;

  g_return_val_if_fail (GANTRY_IS_TASK (self), 0);

  for (GantryTask *t = self->parent; t != NULL; t = t->parent)
    level++;
  return level;
}

gboolean
gantry_task_is_ancestor_of (GantryTask *self, GantryTask *other)
{
  g_return_val_if_fail (GANTRY_IS_TASK (self), FALSE);
  g_return_val_if_fail (GANTRY_IS_TASK (other), FALSE);

  for (GantryTask *t = other->parent; t != NULL; t = t->parent)
    if (t == self)
      return TRUE;
  return FALSE;
}

char *
gantry_task_dup_outline_number (GantryTask *self)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (int));
  GString *s;

  g_return_val_if_fail (GANTRY_IS_TASK (self), NULL);

  for (GantryTask *t = self; t->parent != NULL; t = t->parent)
    {
      int pos = gantry_task_get_position (t) + 1;
      g_array_append_val (parts, pos);
    }
  if (parts->len == 0)
    return g_strdup ("0");

  s = g_string_new (NULL);
  for (guint i = parts->len; i > 0; i--)
    {
      if (s->len > 0)
        g_string_append_c (s, '.');
      g_string_append_printf (s, "%d", g_array_index (parts, int, i - 1));
    }
  return g_string_free (s, FALSE);
}

GantryProject *
gantry_task_get_project (GantryTask *self)
{
  g_return_val_if_fail (GANTRY_IS_TASK (self), NULL);
  return self->project;
}

GPtrArray *
gantry_task_get_predecessors (GantryTask *self)
{
  g_return_val_if_fail (GANTRY_IS_TASK (self), NULL);
  return self->predecessors;
}

GPtrArray *
gantry_task_get_successors (GantryTask *self)
{
  g_return_val_if_fail (GANTRY_IS_TASK (self), NULL);
  return self->successors;
}

GPtrArray *
gantry_task_get_assignments (GantryTask *self)
{
  g_return_val_if_fail (GANTRY_IS_TASK (self), NULL);
  return self->assignments;
}

GantryExtras *
gantry_task_get_extras (GantryTask *self)
{
  g_return_val_if_fail (GANTRY_IS_TASK (self), NULL);
  return self->extras;
}

/* ---- private ----------------------------------------------------------- */

void
_gantry_task_set_project (GantryTask *task, GantryProject *project)
{
  task->project = project;
}

guint
_gantry_task_insert_child (GantryTask *parent, int position, GantryTask *child)
{
  guint n = parent->children->len;
  guint idx = (position < 0 || (guint) position > n) ? n : (guint) position;

  g_assert (child->parent == NULL);

  g_ptr_array_insert (parent->children, (int) idx, g_object_ref (child));
  child->parent = parent;
  if (idx == n && parent->pos_valid == n)
    {
      child->pos = idx;
      parent->pos_valid = n + 1;
    }
  else
    parent->pos_valid = MIN (parent->pos_valid, idx);

  _GANTRY_MODEL_CHANGED ();
  g_list_model_items_changed (G_LIST_MODEL (parent), idx, 0, 1);
  if (n == 0)
    NOTIFY (parent, PROP_SUMMARY);
  NOTIFY (child, PROP_PARENT);
  return idx;
}

guint
_gantry_task_remove_child (GantryTask *parent, GantryTask *child)
{
  int idx = gantry_task_get_position (child);
  gpointer stolen;

  g_assert (child->parent == parent && idx >= 0);

  stolen = g_ptr_array_steal_index (parent->children, (guint) idx);
  child->parent = NULL;
  parent->pos_valid = MIN (parent->pos_valid, (guint) idx);

  _GANTRY_MODEL_CHANGED ();
  g_list_model_items_changed (G_LIST_MODEL (parent), (guint) idx, 1, 0);
  if (parent->children->len == 0)
    NOTIFY (parent, PROP_SUMMARY);
  NOTIFY (child, PROP_PARENT);
  g_object_unref (stolen);
  return (guint) idx;
}

void
_gantry_task_notify_outline (GantryTask *task, gboolean recursive)
{
  NOTIFY (task, PROP_OUTLINE_LEVEL);
  if (recursive)
    for (guint i = 0; i < task->children->len; i++)
      _gantry_task_notify_outline (g_ptr_array_index (task->children, i), TRUE);
}

void
_gantry_ptr_array_insert (GPtrArray *array, int index, gpointer item)
{
  if (index < 0 || (guint) index > array->len)
    index = (int) array->len;
  _GANTRY_MODEL_CHANGED ();
  g_ptr_array_insert (array, index, item);
}

int
_gantry_ptr_array_remove (GPtrArray *array, gpointer item)
{
  /* Search from the end: the most recent additions are removed most often. */
  for (guint i = array->len; i > 0; i--)
    if (g_ptr_array_index (array, i - 1) == item)
      {
        _GANTRY_MODEL_CHANGED ();
        g_ptr_array_remove_index (array, i - 1);
        return (int) (i - 1);
      }
  return -1;
}

void
_gantry_task_get_inputs (GantryTask *task, GantryTaskInputs *out)
{
  out->parent = task->parent;
  out->predecessors = task->predecessors;
  out->assignments = task->assignments;
  out->calendar = task->calendar;
  out->duration = task->duration;
  out->work = task->work;
  out->leveling_delay = task->leveling_delay;
  out->duration_format = task->duration_format;
  out->constraint_type = task->constraint_type;
  out->task_type = task->task_type;
  out->constraint_date = task->constraint_date;
  out->deadline = task->deadline;
  out->actual_start = task->actual_start;
  out->actual_finish = task->actual_finish;
  out->start = task->start;
  out->finish = task->finish;
  out->percent_complete = task->percent_complete;
  out->fixed_cost = task->fixed_cost;
  out->manual = task->manual;
  out->active = task->active;
  out->is_null = task->is_null;
  out->milestone = task->milestone;
  out->ignore_resource_calendar = task->ignore_resource_calendar;
  out->n_children = task->children->len;
}
