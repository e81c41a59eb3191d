/* gantry-assignment.c — a resource working on a task
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gantry-core-private.h"

struct _GantryAssignment
{
  GObject          parent_instance;

  int              uid;
  GantryTask      *task;
  GantryResource  *resource;
  double           units;
  GantryDuration   work;
  GantryDuration   delay;
  GantryDuration   actual_work;
  GantryDuration   overtime_work;
  int              percent_work_complete;
  int              work_contour;
  int              cost_rate_table;

  GantryTime       start;
  GantryTime       finish;
  double           cost;

  gboolean         in_project;
  GantryExtras    *extras;
};

G_DEFINE_FINAL_TYPE (GantryAssignment, gantry_assignment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UID,
  PROP_TASK,
  PROP_RESOURCE,
  PROP_UNITS,
  PROP_WORK,
  PROP_DELAY,
  PROP_ACTUAL_WORK,
  PROP_OVERTIME_WORK,
  PROP_PERCENT_WORK_COMPLETE,
  PROP_WORK_CONTOUR,
  PROP_COST_RATE_TABLE,
  PROP_START,
  PROP_FINISH,
  PROP_COST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* An assignment's fields are scheduling inputs of its task. */
#define NOTIFY(self, prop) \
  ((self)->task != NULL ? _gantry_task_stamp ((self)->task) : (void) _GANTRY_MODEL_CHANGED (), \
   g_object_notify_by_pspec (G_OBJECT (self), properties[prop]))

static void
gantry_assignment_finalize (GObject *object)
{
  GantryAssignment *self = GANTRY_ASSIGNMENT (object);

  g_clear_object (&self->task);
  g_clear_object (&self->resource);
  g_clear_pointer (&self->extras, gantry_extras_free);

  G_OBJECT_CLASS (gantry_assignment_parent_class)->finalize (object);
}

static void
gantry_assignment_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GantryAssignment *self = GANTRY_ASSIGNMENT (object);

  switch (prop_id)
    {
    case PROP_UID: g_value_set_int (value, self->uid); break;
    case PROP_TASK: g_value_set_object (value, self->task); break;
    case PROP_RESOURCE: g_value_set_object (value, self->resource); break;
    case PROP_UNITS: g_value_set_double (value, self->units); break;
    case PROP_WORK: g_value_set_int64 (value, self->work); break;
    case PROP_DELAY: g_value_set_int64 (value, self->delay); break;
    case PROP_ACTUAL_WORK: g_value_set_int64 (value, self->actual_work); break;
    case PROP_OVERTIME_WORK: g_value_set_int64 (value, self->overtime_work); break;
    case PROP_PERCENT_WORK_COMPLETE: g_value_set_int (value, self->percent_work_complete); break;
    case PROP_WORK_CONTOUR: g_value_set_int (value, self->work_contour); break;
    case PROP_COST_RATE_TABLE: g_value_set_int (value, self->cost_rate_table); break;
    case PROP_START: g_value_set_int64 (value, self->start); break;
    case PROP_FINISH: g_value_set_int64 (value, self->finish); break;
    case PROP_COST: g_value_set_double (value, self->cost); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_assignment_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GantryAssignment *self = GANTRY_ASSIGNMENT (object);

  switch (prop_id)
    {
    case PROP_UID: gantry_assignment_set_uid (self, g_value_get_int (value)); break;
    case PROP_TASK: self->task = g_value_dup_object (value); break;
    case PROP_RESOURCE: self->resource = g_value_dup_object (value); break;
    case PROP_UNITS: gantry_assignment_set_units (self, g_value_get_double (value)); break;
    case PROP_WORK: gantry_assignment_set_work (self, g_value_get_int64 (value)); break;
    case PROP_DELAY: gantry_assignment_set_delay (self, g_value_get_int64 (value)); break;
    case PROP_ACTUAL_WORK:
      gantry_assignment_set_actual_work (self, g_value_get_int64 (value));
      break;
    case PROP_OVERTIME_WORK:
      gantry_assignment_set_overtime_work (self, g_value_get_int64 (value));
      break;
    case PROP_PERCENT_WORK_COMPLETE:
      gantry_assignment_set_percent_work_complete (self, g_value_get_int (value));
      break;
    case PROP_WORK_CONTOUR:
      gantry_assignment_set_work_contour (self, g_value_get_int (value));
      break;
    case PROP_COST_RATE_TABLE:
      gantry_assignment_set_cost_rate_table (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_assignment_class_init (GantryAssignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gantry_assignment_finalize;
  object_class->get_property = gantry_assignment_get_property;
  object_class->set_property = gantry_assignment_set_property;

  properties[PROP_UID] = g_param_spec_int ("uid", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_TASK] = g_param_spec_object ("task", NULL, NULL, GANTRY_TYPE_TASK, co);
  properties[PROP_RESOURCE] =
    g_param_spec_object ("resource", NULL, NULL, GANTRY_TYPE_RESOURCE, co);
  properties[PROP_UNITS] = g_param_spec_double ("units", NULL, NULL, 0.0, G_MAXDOUBLE, 1.0, rw);
  properties[PROP_WORK] = g_param_spec_int64 ("work", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_DELAY] = g_param_spec_int64 ("delay", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_ACTUAL_WORK] =
    g_param_spec_int64 ("actual-work", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_OVERTIME_WORK] =
    g_param_spec_int64 ("overtime-work", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_PERCENT_WORK_COMPLETE] =
    g_param_spec_int ("percent-work-complete", NULL, NULL, 0, 100, 0, rw);
  properties[PROP_WORK_CONTOUR] = g_param_spec_int ("work-contour", NULL, NULL, 0, 8, 0, rw);
  properties[PROP_COST_RATE_TABLE] =
    g_param_spec_int ("cost-rate-table", NULL, NULL, 0, 4, 0, rw);
  properties[PROP_START] =
    g_param_spec_int64 ("start", NULL, NULL, G_MININT64, G_MAXINT64, GANTRY_TIME_NONE, ro);
  properties[PROP_FINISH] =
    g_param_spec_int64 ("finish", NULL, NULL, G_MININT64, G_MAXINT64, GANTRY_TIME_NONE, ro);
  properties[PROP_COST] =
    g_param_spec_double ("cost", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gantry_assignment_init (GantryAssignment *self)
{
  self->units = 1.0;
  self->start = GANTRY_TIME_NONE;
  self->finish = GANTRY_TIME_NONE;
  self->extras = gantry_extras_new ();
}

GantryAssignment *
gantry_assignment_new (int             uid,
                       GantryTask     *task,
                       GantryResource *resource,
                       double          units,
                       GantryDuration  work)
{
  GantryAssignment *self;

  g_return_val_if_fail (GANTRY_IS_TASK (task), NULL);
  g_return_val_if_fail (GANTRY_IS_RESOURCE (resource), NULL);

  if (!(units >= 0.0))
    units = 0.0;
  /* Fields are set directly (named construct properties are slow in
   * bulk loads); the object is new, so nobody listens yet. */
  self = g_object_new (GANTRY_TYPE_ASSIGNMENT, NULL);
  self->uid = uid;
  self->task = g_object_ref (task);
  self->resource = g_object_ref (resource);
  gantry_assignment_set_units (self, units);
  gantry_assignment_set_work (self, work);
  return self;
}

#define GETTER(type, name, field, fallback) \
  type \
  gantry_assignment_get_##name (GantryAssignment *self) \
  { \
    g_return_val_if_fail (GANTRY_IS_ASSIGNMENT (self), fallback); \
    return self->field; \
  }

#define SCALAR_ACCESSORS(type, name, field, PROP) \
  GETTER (type, name, field, 0) \
  void \
  gantry_assignment_set_##name (GantryAssignment *self, type value) \
  { \
    g_return_if_fail (GANTRY_IS_ASSIGNMENT (self)); \
    if (self->field == value) \
      return; \
    self->field = value; \
    NOTIFY (self, PROP); \
  }

#define CLAMPED_ACCESSORS(name, field, PROP, lo, hi) \
  GETTER (int, name, field, 0) \
  void \
  gantry_assignment_set_##name (GantryAssignment *self, int value) \
  { \
    g_return_if_fail (GANTRY_IS_ASSIGNMENT (self)); \
    value = CLAMP (value, lo, hi); \
    if (self->field == value) \
      return; \
    self->field = value; \
    NOTIFY (self, PROP); \
  }

GETTER (int, uid, uid, 0)

void
gantry_assignment_set_uid (GantryAssignment *self, int uid)
{
  g_return_if_fail (GANTRY_IS_ASSIGNMENT (self));

  if (self->uid == uid)
    return;
  if (self->in_project && self->task && gantry_task_get_project (self->task)
      && !_gantry_project_uid_changing (gantry_task_get_project (self->task), self,
                                        self->uid, uid))
    return;
  self->uid = uid;
  NOTIFY (self, PROP_UID);
}

GETTER (GantryTask *, task, task, NULL)
GETTER (GantryResource *, resource, resource, NULL)
GETTER (double, units, units, 0.0)
SCALAR_ACCESSORS (GantryDuration, work, work, PROP_WORK)
SCALAR_ACCESSORS (GantryDuration, delay, delay, PROP_DELAY)
SCALAR_ACCESSORS (GantryDuration, actual_work, actual_work, PROP_ACTUAL_WORK)
SCALAR_ACCESSORS (GantryDuration, overtime_work, overtime_work, PROP_OVERTIME_WORK)
CLAMPED_ACCESSORS (percent_work_complete, percent_work_complete, PROP_PERCENT_WORK_COMPLETE,
                   0, 100)
CLAMPED_ACCESSORS (work_contour, work_contour, PROP_WORK_CONTOUR, 0, 8)
CLAMPED_ACCESSORS (cost_rate_table, cost_rate_table, PROP_COST_RATE_TABLE, 0, 4)
GETTER (GantryTime, start, start, GANTRY_TIME_NONE)
GETTER (GantryTime, finish, finish, GANTRY_TIME_NONE)
GETTER (double, cost, cost, 0.0)

void
gantry_assignment_set_units (GantryAssignment *self, double units)
{
  g_return_if_fail (GANTRY_IS_ASSIGNMENT (self));

  if (!(units >= 0.0))
    units = 0.0;
  if (self->units == units)
    return;
  self->units = units;
  NOTIFY (self, PROP_UNITS);
}

void
gantry_assignment_set_computed (GantryAssignment *self,
                                GantryTime        start,
                                GantryTime        finish,
                                double            cost)
{
  g_return_if_fail (GANTRY_IS_ASSIGNMENT (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->start != start)
    {
      self->start = start;
      NOTIFY (self, PROP_START);
    }
  if (self->finish != finish)
    {
      self->finish = finish;
      NOTIFY (self, PROP_FINISH);
    }
  if (self->cost != cost)
    {
      self->cost = cost;
      NOTIFY (self, PROP_COST);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

GantryExtras *
gantry_assignment_get_extras (GantryAssignment *self)
{
  g_return_val_if_fail (GANTRY_IS_ASSIGNMENT (self), NULL);
  return self->extras;
}

gboolean
_gantry_assignment_get_in_project (GantryAssignment *a)
{
  return a->in_project;
}

void
_gantry_assignment_set_in_project (GantryAssignment *a, gboolean in_project)
{
  a->in_project = in_project;
}
