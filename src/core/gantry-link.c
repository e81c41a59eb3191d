/* gantry-link.c — a dependency between two tasks
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gantry-core-private.h"

struct _GantryLink
{
  GObject              parent_instance;

  GantryTask          *predecessor;
  GantryTask          *successor;
  GantryLinkType       link_type;
  gint64               lag;
  GantryDurationFormat lag_format;
  gboolean             in_project;
  GantryExtras        *extras;
};

G_DEFINE_FINAL_TYPE (GantryLink, gantry_link, G_TYPE_OBJECT)

/* A link's type and lag are scheduling inputs of its successor. */
static void
link_changed (GantryLink *self)
{
  if (self->successor != NULL)
    _gantry_task_stamp (self->successor);
  else
    _GANTRY_MODEL_CHANGED ();
}

enum {
  PROP_0,
  PROP_PREDECESSOR,
  PROP_SUCCESSOR,
  PROP_LINK_TYPE,
  PROP_LAG,
  PROP_LAG_FORMAT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gantry_link_finalize (GObject *object)
{
  GantryLink *self = GANTRY_LINK (object);

  g_clear_object (&self->predecessor);
  g_clear_object (&self->successor);
  g_clear_pointer (&self->extras, gantry_extras_free);

  G_OBJECT_CLASS (gantry_link_parent_class)->finalize (object);
}

static void
gantry_link_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GantryLink *self = GANTRY_LINK (object);

  switch (prop_id)
    {
    case PROP_PREDECESSOR:
      g_value_set_object (value, self->predecessor);
      break;
    case PROP_SUCCESSOR:
      g_value_set_object (value, self->successor);
      break;
    case PROP_LINK_TYPE:
      g_value_set_int (value, self->link_type);
      break;
    case PROP_LAG:
      g_value_set_int64 (value, self->lag);
      break;
    case PROP_LAG_FORMAT:
      g_value_set_int (value, self->lag_format);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_link_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GantryLink *self = GANTRY_LINK (object);

  switch (prop_id)
    {
    case PROP_PREDECESSOR:
      self->predecessor = g_value_dup_object (value);
      break;
    case PROP_SUCCESSOR:
      self->successor = g_value_dup_object (value);
      break;
    case PROP_LINK_TYPE:
      gantry_link_set_link_type (self, g_value_get_int (value));
      break;
    case PROP_LAG:
      gantry_link_set_lag (self, g_value_get_int64 (value));
      break;
    case PROP_LAG_FORMAT:
      gantry_link_set_lag_format (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_link_class_init (GantryLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gantry_link_finalize;
  object_class->get_property = gantry_link_get_property;
  object_class->set_property = gantry_link_set_property;

  properties[PROP_PREDECESSOR] =
    g_param_spec_object ("predecessor", NULL, NULL, GANTRY_TYPE_TASK, co);
  properties[PROP_SUCCESSOR] =
    g_param_spec_object ("successor", NULL, NULL, GANTRY_TYPE_TASK, co);
  properties[PROP_LINK_TYPE] =
    g_param_spec_int ("link-type", NULL, NULL, GANTRY_LINK_FF, GANTRY_LINK_SS,
                      GANTRY_LINK_FS, rw);
  properties[PROP_LAG] =
    g_param_spec_int64 ("lag", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_LAG_FORMAT] =
    g_param_spec_int ("lag-format", NULL, NULL, 0, 127, GANTRY_FORMAT_DAYS, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gantry_link_init (GantryLink *self)
{
  self->link_type = GANTRY_LINK_FS;
  self->lag_format = GANTRY_FORMAT_DAYS;
  self->extras = gantry_extras_new ();
}

GantryLink *
gantry_link_new (GantryTask           *predecessor,
                 GantryTask           *successor,
                 GantryLinkType        type,
                 gint64                lag,
                 GantryDurationFormat  lag_format)
{
  GantryLink *self;

  g_return_val_if_fail (GANTRY_IS_TASK (predecessor), NULL);
  g_return_val_if_fail (GANTRY_IS_TASK (successor), NULL);

  /* Fields are set directly: constructing with named properties costs
   * more than everything else when a file with 100,000 links loads. */
  self = g_object_new (GANTRY_TYPE_LINK, NULL);
  self->predecessor = g_object_ref (predecessor);
  self->successor = g_object_ref (successor);
  self->link_type = CLAMP ((int) type, GANTRY_LINK_FF, GANTRY_LINK_SS);
  self->lag = lag;
  self->lag_format = CLAMP ((int) lag_format, 0, 127);
  return self;
}

GantryTask *
gantry_link_get_predecessor (GantryLink *self)
{
  g_return_val_if_fail (GANTRY_IS_LINK (self), NULL);
  return self->predecessor;
}

GantryTask *
gantry_link_get_successor (GantryLink *self)
{
  g_return_val_if_fail (GANTRY_IS_LINK (self), NULL);
  return self->successor;
}

GantryLinkType
gantry_link_get_link_type (GantryLink *self)
{
  g_return_val_if_fail (GANTRY_IS_LINK (self), GANTRY_LINK_FS);
  return self->link_type;
}

void
gantry_link_set_link_type (GantryLink *self, GantryLinkType type)
{
  g_return_if_fail (GANTRY_IS_LINK (self));
  g_return_if_fail ((int) type >= GANTRY_LINK_FF && (int) type <= GANTRY_LINK_SS);

  if (self->link_type == type)
    return;
  self->link_type = type;
  link_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINK_TYPE]);
}

gint64
gantry_link_get_lag (GantryLink *self)
{
  g_return_val_if_fail (GANTRY_IS_LINK (self), 0);
  return self->lag;
}

void
gantry_link_set_lag (GantryLink *self, gint64 lag)
{
  g_return_if_fail (GANTRY_IS_LINK (self));

  if (self->lag == lag)
    return;
  self->lag = lag;
  link_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAG]);
}

GantryDurationFormat
gantry_link_get_lag_format (GantryLink *self)
{
  g_return_val_if_fail (GANTRY_IS_LINK (self), GANTRY_FORMAT_DAYS);
  return self->lag_format;
}

void
gantry_link_set_lag_format (GantryLink *self, GantryDurationFormat f)
{
  g_return_if_fail (GANTRY_IS_LINK (self));

  if (self->lag_format == f)
    return;
  self->lag_format = f;
  link_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAG_FORMAT]);
}

GantryExtras *
gantry_link_get_extras (GantryLink *self)
{
  g_return_val_if_fail (GANTRY_IS_LINK (self), NULL);
  return self->extras;
}

static const char *const link_type_names[] = { "FF", "FS", "SF", "SS" };

const char *
gantry_link_type_to_string (GantryLinkType type)
{
  if ((int) type < 0 || (int) type >= (int) G_N_ELEMENTS (link_type_names))
    return "FS";
  return link_type_names[type];
}

gboolean
gantry_link_type_from_string (const char *s, GantryLinkType *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (s == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (link_type_names); i++)
    if (g_ascii_strcasecmp (s, link_type_names[i]) == 0)
      {
        *out = (GantryLinkType) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
_gantry_link_get_in_project (GantryLink *link)
{
  return link->in_project;
}

void
_gantry_link_set_in_project (GantryLink *link, gboolean in_project)
{
  link->in_project = in_project;
}

GantryTask *
_gantry_link_get_inputs (GantryLink *link, GantryLinkType *type, gint64 *lag,
                         GantryDurationFormat *lag_format)
{
  *type = link->link_type;
  *lag = link->lag;
  *lag_format = link->lag_format;
  return link->predecessor;
}
