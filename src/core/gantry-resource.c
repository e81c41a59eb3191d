/* gantry-resource.c — a person, material or cost resource
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gantry-core-private.h"

struct _GantryResource
{
  GObject             parent_instance;

  int                 uid;
  int                 id;
  char               *name;
  char               *initials;
  char               *group;
  char               *email;
  char               *notes;
  char               *material_label;
  GantryResourceType  resource_type;
  double              max_units;
  double              standard_rate;
  double              overtime_rate;
  double              cost_per_use;
  GantryAccrual       accrue_at;
  GantryCalendar     *calendar;
  gboolean            generic;
  gboolean            inactive;

  GantryDuration      work;
  double              cost;
  gboolean            overallocated;
  double              peak_units;

  GPtrArray          *assignments;   /* borrowed */
  GantryProject      *project;       /* weak */
  GantryExtras       *extras;
};

G_DEFINE_FINAL_TYPE (GantryResource, gantry_resource, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UID,
  PROP_ID,
  PROP_NAME,
  PROP_INITIALS,
  PROP_GROUP,
  PROP_EMAIL,
  PROP_NOTES,
  PROP_MATERIAL_LABEL,
  PROP_RESOURCE_TYPE,
  PROP_MAX_UNITS,
  PROP_STANDARD_RATE,
  PROP_OVERTIME_RATE,
  PROP_COST_PER_USE,
  PROP_ACCRUE_AT,
  PROP_CALENDAR,
  PROP_GENERIC,
  PROP_INACTIVE,
  PROP_WORK,
  PROP_COST,
  PROP_OVERALLOCATED,
  PROP_PEAK_UNITS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A resource's fields are scheduling inputs of the tasks it is assigned to. */
static void
resource_changed (GantryResource *self)
{
  guint i;

  if (self->assignments == NULL || self->assignments->len == 0)
    {
      _gantry_model_serial++;
      return;
    }
  for (i = 0; i < self->assignments->len; i++)
    {
      GantryTask *task = gantry_assignment_get_task (g_ptr_array_index (self->assignments, i));

      if (task != NULL)
        _gantry_task_stamp (task);
    }
}

#define NOTIFY(self, prop) \
  (resource_changed (self), g_object_notify_by_pspec (G_OBJECT (self), properties[prop]))

static void
gantry_resource_dispose (GObject *object)
{
  GantryResource *self = GANTRY_RESOURCE (object);

  g_clear_object (&self->calendar);

  G_OBJECT_CLASS (gantry_resource_parent_class)->dispose (object);
}

static void
gantry_resource_finalize (GObject *object)
{
  GantryResource *self = GANTRY_RESOURCE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->initials, g_free);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->material_label, g_free);
  g_clear_pointer (&self->assignments, g_ptr_array_unref);
  g_clear_pointer (&self->extras, gantry_extras_free);

  G_OBJECT_CLASS (gantry_resource_parent_class)->finalize (object);
}

static void
gantry_resource_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GantryResource *self = GANTRY_RESOURCE (object);

  switch (prop_id)
    {
    case PROP_UID: g_value_set_int (value, self->uid); break;
    case PROP_ID: g_value_set_int (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_INITIALS: g_value_set_string (value, self->initials); break;
    case PROP_GROUP: g_value_set_string (value, self->group); break;
    case PROP_EMAIL: g_value_set_string (value, self->email); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_MATERIAL_LABEL: g_value_set_string (value, self->material_label); break;
    case PROP_RESOURCE_TYPE: g_value_set_int (value, self->resource_type); break;
    case PROP_MAX_UNITS: g_value_set_double (value, self->max_units); break;
    case PROP_STANDARD_RATE: g_value_set_double (value, self->standard_rate); break;
    case PROP_OVERTIME_RATE: g_value_set_double (value, self->overtime_rate); break;
    case PROP_COST_PER_USE: g_value_set_double (value, self->cost_per_use); break;
    case PROP_ACCRUE_AT: g_value_set_int (value, self->accrue_at); break;
    case PROP_CALENDAR: g_value_set_object (value, self->calendar); break;
    case PROP_GENERIC: g_value_set_boolean (value, self->generic); break;
    case PROP_INACTIVE: g_value_set_boolean (value, self->inactive); break;
    case PROP_WORK: g_value_set_int64 (value, self->work); break;
    case PROP_COST: g_value_set_double (value, self->cost); break;
    case PROP_OVERALLOCATED: g_value_set_boolean (value, self->overallocated); break;
    case PROP_PEAK_UNITS: g_value_set_double (value, self->peak_units); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_resource_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GantryResource *self = GANTRY_RESOURCE (object);

  switch (prop_id)
    {
    case PROP_UID: gantry_resource_set_uid (self, g_value_get_int (value)); break;
    case PROP_ID: gantry_resource_set_id (self, g_value_get_int (value)); break;
    case PROP_NAME: gantry_resource_set_name (self, g_value_get_string (value)); break;
    case PROP_INITIALS: gantry_resource_set_initials (self, g_value_get_string (value)); break;
    case PROP_GROUP: gantry_resource_set_group (self, g_value_get_string (value)); break;
    case PROP_EMAIL: gantry_resource_set_email (self, g_value_get_string (value)); break;
    case PROP_NOTES: gantry_resource_set_notes (self, g_value_get_string (value)); break;
    case PROP_MATERIAL_LABEL:
      gantry_resource_set_material_label (self, g_value_get_string (value));
      break;
    case PROP_RESOURCE_TYPE:
      gantry_resource_set_resource_type (self, g_value_get_int (value));
      break;
    case PROP_MAX_UNITS: gantry_resource_set_max_units (self, g_value_get_double (value)); break;
    case PROP_STANDARD_RATE:
      gantry_resource_set_standard_rate (self, g_value_get_double (value));
      break;
    case PROP_OVERTIME_RATE:
      gantry_resource_set_overtime_rate (self, g_value_get_double (value));
      break;
    case PROP_COST_PER_USE:
      gantry_resource_set_cost_per_use (self, g_value_get_double (value));
      break;
    case PROP_ACCRUE_AT: gantry_resource_set_accrue_at (self, g_value_get_int (value)); break;
    case PROP_CALENDAR: gantry_resource_set_calendar (self, g_value_get_object (value)); break;
    case PROP_GENERIC: gantry_resource_set_generic (self, g_value_get_boolean (value)); break;
    case PROP_INACTIVE: gantry_resource_set_inactive (self, g_value_get_boolean (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_resource_class_init (GantryResourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gantry_resource_dispose;
  object_class->finalize = gantry_resource_finalize;
  object_class->get_property = gantry_resource_get_property;
  object_class->set_property = gantry_resource_set_property;

  properties[PROP_UID] = g_param_spec_int ("uid", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_ID] = g_param_spec_int ("id", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_INITIALS] = g_param_spec_string ("initials", NULL, NULL, NULL, rw);
  properties[PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, NULL, rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_MATERIAL_LABEL] = g_param_spec_string ("material-label", NULL, NULL, NULL, rw);
  properties[PROP_RESOURCE_TYPE] =
    g_param_spec_int ("resource-type", NULL, NULL, GANTRY_RESOURCE_WORK, GANTRY_RESOURCE_COST,
                      GANTRY_RESOURCE_WORK, rw);
  properties[PROP_MAX_UNITS] =
    g_param_spec_double ("max-units", NULL, NULL, 0.0, G_MAXDOUBLE, 1.0, rw);
  properties[PROP_STANDARD_RATE] =
    g_param_spec_double ("standard-rate", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, rw);
  properties[PROP_OVERTIME_RATE] =
    g_param_spec_double ("overtime-rate", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, rw);
  properties[PROP_COST_PER_USE] =
    g_param_spec_double ("cost-per-use", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, rw);
  properties[PROP_ACCRUE_AT] =
    g_param_spec_int ("accrue-at", NULL, NULL, GANTRY_ACCRUE_START, GANTRY_ACCRUE_PRORATED,
                      GANTRY_ACCRUE_PRORATED, rw);
  properties[PROP_CALENDAR] =
    g_param_spec_object ("calendar", NULL, NULL, GANTRY_TYPE_CALENDAR, rw);
  properties[PROP_GENERIC] = g_param_spec_boolean ("generic", NULL, NULL, FALSE, rw);
  properties[PROP_INACTIVE] = g_param_spec_boolean ("inactive", NULL, NULL, FALSE, rw);
  properties[PROP_WORK] =
    g_param_spec_int64 ("work", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_COST] =
    g_param_spec_double ("cost", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, ro);
  properties[PROP_OVERALLOCATED] = g_param_spec_boolean ("overallocated", NULL, NULL, FALSE, ro);
  properties[PROP_PEAK_UNITS] =
    g_param_spec_double ("peak-units", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gantry_resource_init (GantryResource *self)
{
  self->resource_type = GANTRY_RESOURCE_WORK;
  self->max_units = 1.0;
  self->accrue_at = GANTRY_ACCRUE_PRORATED;
  self->assignments = g_ptr_array_new ();
  self->extras = gantry_extras_new ();
}

GantryResource *
gantry_resource_new (int uid, const char *name)
{
  GantryResource *self = g_object_new (GANTRY_TYPE_RESOURCE, NULL);

  self->uid = uid;
  self->name = g_strdup (name);
  return self;
}

#define GETTER(type, name, field, fallback) \
  type \
  gantry_resource_get_##name (GantryResource *self) \
  { \
    g_return_val_if_fail (GANTRY_IS_RESOURCE (self), fallback); \
    return self->field; \
  }

#define SCALAR_ACCESSORS(type, name, field, PROP, fallback) \
  GETTER (type, name, field, fallback) \
  void \
  gantry_resource_set_##name (GantryResource *self, type value) \
  { \
    g_return_if_fail (GANTRY_IS_RESOURCE (self)); \
    if (self->field == value) \
      return; \
    self->field = value; \
    NOTIFY (self, PROP); \
  }

#define BOOL_ACCESSORS(name, field, PROP) \
  GETTER (gboolean, name, field, FALSE) \
  void \
  gantry_resource_set_##name (GantryResource *self, gboolean value) \
  { \
    g_return_if_fail (GANTRY_IS_RESOURCE (self)); \
    value = !!value; \
    if (self->field == value) \
      return; \
    self->field = value; \
    NOTIFY (self, PROP); \
  }

#define STRING_ACCESSORS(name, field, PROP) \
  GETTER (const char *, name, field, NULL) \
  void \
  gantry_resource_set_##name (GantryResource *self, const char *value) \
  { \
    g_return_if_fail (GANTRY_IS_RESOURCE (self)); \
    if (g_strcmp0 (self->field, value) == 0) \
      return; \
    g_free (self->field); \
    self->field = g_strdup (value); \
    NOTIFY (self, PROP); \
  }

GETTER (int, uid, uid, 0)

void
gantry_resource_set_uid (GantryResource *self, int uid)
{
  g_return_if_fail (GANTRY_IS_RESOURCE (self));

  if (self->uid == uid)
    return;
  if (self->project && !_gantry_project_uid_changing (self->project, self, self->uid, uid))
    return;
  self->uid = uid;
  NOTIFY (self, PROP_UID);
}

SCALAR_ACCESSORS (int, id, id, PROP_ID, 0)
STRING_ACCESSORS (name, name, PROP_NAME)
STRING_ACCESSORS (initials, initials, PROP_INITIALS)
STRING_ACCESSORS (group, group, PROP_GROUP)
STRING_ACCESSORS (email, email, PROP_EMAIL)
STRING_ACCESSORS (notes, notes, PROP_NOTES)
STRING_ACCESSORS (material_label, material_label, PROP_MATERIAL_LABEL)
SCALAR_ACCESSORS (double, standard_rate, standard_rate, PROP_STANDARD_RATE, 0.0)
SCALAR_ACCESSORS (double, overtime_rate, overtime_rate, PROP_OVERTIME_RATE, 0.0)
SCALAR_ACCESSORS (double, cost_per_use, cost_per_use, PROP_COST_PER_USE, 0.0)
BOOL_ACCESSORS (generic, generic, PROP_GENERIC)
BOOL_ACCESSORS (inactive, inactive, PROP_INACTIVE)
GETTER (GantryResourceType, resource_type, resource_type, GANTRY_RESOURCE_WORK)
GETTER (double, max_units, max_units, 1.0)
GETTER (GantryAccrual, accrue_at, accrue_at, GANTRY_ACCRUE_PRORATED)
GETTER (GantryDuration, work, work, 0)
GETTER (double, cost, cost, 0.0)
GETTER (gboolean, overallocated, overallocated, FALSE)
GETTER (double, peak_units, peak_units, 0.0)

void
gantry_resource_set_resource_type (GantryResource *self, GantryResourceType t)
{
  g_return_if_fail (GANTRY_IS_RESOURCE (self));
  g_return_if_fail ((int) t >= GANTRY_RESOURCE_WORK && (int) t <= GANTRY_RESOURCE_COST);

  if (self->resource_type == t)
    return;
  self->resource_type = t;
  NOTIFY (self, PROP_RESOURCE_TYPE);
}

void
gantry_resource_set_max_units (GantryResource *self, double units)
{
  g_return_if_fail (GANTRY_IS_RESOURCE (self));

  if (!(units >= 0.0))   /* also rejects NaN */
    units = 0.0;
  if (self->max_units == units)
    return;
  self->max_units = units;
  NOTIFY (self, PROP_MAX_UNITS);
}

void
gantry_resource_set_accrue_at (GantryResource *self, GantryAccrual a)
{
  g_return_if_fail (GANTRY_IS_RESOURCE (self));
  g_return_if_fail ((int) a >= GANTRY_ACCRUE_START && (int) a <= GANTRY_ACCRUE_PRORATED);

  if (self->accrue_at == a)
    return;
  self->accrue_at = a;
  NOTIFY (self, PROP_ACCRUE_AT);
}

GantryCalendar *
gantry_resource_get_calendar (GantryResource *self)
{
  g_return_val_if_fail (GANTRY_IS_RESOURCE (self), NULL);
  return self->calendar;
}

void
gantry_resource_set_calendar (GantryResource *self, GantryCalendar *cal)
{
  g_return_if_fail (GANTRY_IS_RESOURCE (self));
  g_return_if_fail (cal == NULL || GANTRY_IS_CALENDAR (cal));

  if (g_set_object (&self->calendar, cal))
    NOTIFY (self, PROP_CALENDAR);
}

void
gantry_resource_set_computed (GantryResource *self,
                              GantryDuration  work,
                              double          cost,
                              gboolean        overallocated,
                              double          peak_units)
{
  g_return_if_fail (GANTRY_IS_RESOURCE (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->work != work)
    {
      self->work = work;
      NOTIFY (self, PROP_WORK);
    }
  if (self->cost != cost)
    {
      self->cost = cost;
      NOTIFY (self, PROP_COST);
    }
  if (self->overallocated != !!overallocated)
    {
      self->overallocated = !!overallocated;
      NOTIFY (self, PROP_OVERALLOCATED);
    }
  if (self->peak_units != peak_units)
    {
      self->peak_units = peak_units;
      NOTIFY (self, PROP_PEAK_UNITS);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

GPtrArray *
gantry_resource_get_assignments (GantryResource *self)
{
  g_return_val_if_fail (GANTRY_IS_RESOURCE (self), NULL);
  return self->assignments;
}

GantryProject *
gantry_resource_get_project (GantryResource *self)
{
  g_return_val_if_fail (GANTRY_IS_RESOURCE (self), NULL);
  return self->project;
}

GantryExtras *
gantry_resource_get_extras (GantryResource *self)
{
  g_return_val_if_fail (GANTRY_IS_RESOURCE (self), NULL);
  return self->extras;
}

void
_gantry_resource_set_project (GantryResource *resource, GantryProject *project)
{
  resource->project = project;
}

GPtrArray *
_gantry_resource_peek_assignments (GantryResource *resource)
{
  return resource->assignments;
}
