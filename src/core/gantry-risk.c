/* gantry-risk.c — an entry of the project's risk register
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The register itself is kept on the project as object data (a GListStore
 * of risks), so the project's own structure is untouched: risks are a
 * self-contained addition to the model.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gantry-core-private.h"
#include "gantry-risk.h"

struct _GantryRisk
{
  GObject          parent_instance;

  int              uid;
  char            *title;
  char            *description;
  char            *mitigation;
  char            *contingency;
  int              probability;
  int              impact;
  GantryResource  *owner;
  GantryRiskStatus status;
  GantryTime       trigger_date;
  GArray          *task_uids;   /* int */

  GantryProject   *project;     /* weak: set while in a register */
};

G_DEFINE_FINAL_TYPE (GantryRisk, gantry_risk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_PROBABILITY,
  PROP_IMPACT,
  PROP_SCORE,
  PROP_OWNER,
  PROP_STATUS,
  PROP_MITIGATION,
  PROP_CONTINGENCY,
  PROP_TRIGGER_DATE,
  PROP_TASK_UIDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define NOTIFY(self, prop) g_object_notify_by_pspec (G_OBJECT (self), properties[prop])

static void
gantry_risk_dispose (GObject *object)
{
  GantryRisk *self = GANTRY_RISK (object);

  g_clear_object (&self->owner);
  G_OBJECT_CLASS (gantry_risk_parent_class)->dispose (object);
}

static void
gantry_risk_finalize (GObject *object)
{
  GantryRisk *self = GANTRY_RISK (object);

  g_free (self->title);
  g_free (self->description);
  g_free (self->mitigation);
  g_free (self->contingency);
  g_array_unref (self->task_uids);
  G_OBJECT_CLASS (gantry_risk_parent_class)->finalize (object);
}

static void
gantry_risk_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GantryRisk *self = GANTRY_RISK (object);

  switch (prop_id)
    {
    case PROP_UID: g_value_set_int (value, self->uid); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_PROBABILITY: g_value_set_int (value, self->probability); break;
    case PROP_IMPACT: g_value_set_int (value, self->impact); break;
    case PROP_SCORE: g_value_set_int (value, gantry_risk_get_score (self)); break;
    case PROP_OWNER: g_value_set_object (value, self->owner); break;
    case PROP_STATUS: g_value_set_int (value, self->status); break;
    case PROP_MITIGATION: g_value_set_string (value, self->mitigation); break;
    case PROP_CONTINGENCY: g_value_set_string (value, self->contingency); break;
    case PROP_TRIGGER_DATE: g_value_set_int64 (value, self->trigger_date); break;
    case PROP_TASK_UIDS:
      g_value_take_variant (value,
                            gantry_risk_task_uids_variant ((const int *) self->task_uids->data,
                                                           self->task_uids->len));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_risk_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GantryRisk *self = GANTRY_RISK (object);

  switch (prop_id)
    {
    case PROP_UID: gantry_risk_set_uid (self, g_value_get_int (value)); break;
    case PROP_TITLE: gantry_risk_set_title (self, g_value_get_string (value)); break;
    case PROP_DESCRIPTION: gantry_risk_set_description (self, g_value_get_string (value)); break;
    case PROP_PROBABILITY: gantry_risk_set_probability (self, g_value_get_int (value)); break;
    case PROP_IMPACT: gantry_risk_set_impact (self, g_value_get_int (value)); break;
    case PROP_OWNER: gantry_risk_set_owner (self, g_value_get_object (value)); break;
    case PROP_STATUS: gantry_risk_set_status (self, g_value_get_int (value)); break;
    case PROP_MITIGATION: gantry_risk_set_mitigation (self, g_value_get_string (value)); break;
    case PROP_CONTINGENCY: gantry_risk_set_contingency (self, g_value_get_string (value)); break;
    case PROP_TRIGGER_DATE: gantry_risk_set_trigger_date (self, g_value_get_int64 (value)); break;
    case PROP_TASK_UIDS:
      {
        GVariant *v = g_value_get_variant (value);
        gsize n = 0;
        const gint32 *uids = NULL;

        if (v != NULL)
          uids = g_variant_get_fixed_array (v, &n, sizeof (gint32));
        gantry_risk_set_task_uids (self, (const int *) uids, (guint) n);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_risk_class_init (GantryRiskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gantry_risk_dispose;
  object_class->finalize = gantry_risk_finalize;
  object_class->get_property = gantry_risk_get_property;
  object_class->set_property = gantry_risk_set_property;

  properties[PROP_UID] = g_param_spec_int ("uid", NULL, NULL, 1, G_MAXINT, 1, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_PROBABILITY] =
    g_param_spec_int ("probability", NULL, NULL, GANTRY_RISK_LEVEL_MIN, GANTRY_RISK_LEVEL_MAX,
                      3, rw);
  properties[PROP_IMPACT] =
    g_param_spec_int ("impact", NULL, NULL, GANTRY_RISK_LEVEL_MIN, GANTRY_RISK_LEVEL_MAX, 3, rw);
  properties[PROP_SCORE] = g_param_spec_int ("score", NULL, NULL, 1, 25, 9, ro);
  properties[PROP_OWNER] =
    g_param_spec_object ("owner", NULL, NULL, GANTRY_TYPE_RESOURCE, rw);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, GANTRY_RISK_OPEN, GANTRY_RISK_STATUS_LAST,
                      GANTRY_RISK_OPEN, rw);
  properties[PROP_MITIGATION] = g_param_spec_string ("mitigation", NULL, NULL, NULL, rw);
  properties[PROP_CONTINGENCY] = g_param_spec_string ("contingency", NULL, NULL, NULL, rw);
  properties[PROP_TRIGGER_DATE] =
    g_param_spec_int64 ("trigger-date", NULL, NULL, G_MININT64, G_MAXINT64, GANTRY_TIME_NONE, rw);
  properties[PROP_TASK_UIDS] =
    g_param_spec_variant ("task-uids", NULL, NULL, G_VARIANT_TYPE ("ai"), NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gantry_risk_init (GantryRisk *self)
{
  self->uid = 1;
  self->probability = 3;
  self->impact = 3;
  self->status = GANTRY_RISK_OPEN;
  self->trigger_date = GANTRY_TIME_NONE;
  self->task_uids = g_array_new (FALSE, FALSE, sizeof (int));
}

GantryRisk *
gantry_risk_new (int uid, const char *title)
{
  GantryRisk *self = g_object_new (GANTRY_TYPE_RISK, NULL);

  self->uid = MAX (uid, 1);
  self->title = g_strdup (title);
  return self;
}

/* ---- accessors ------------------------------------------------------------ */

static gboolean
set_string (GantryRisk *self, char **field, const char *value, int prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  NOTIFY (self, prop);
  return TRUE;
}

int
gantry_risk_get_uid (GantryRisk *self)
{
  g_return_val_if_fail (GANTRY_IS_RISK (self), 0);
  return self->uid;
}

void
gantry_risk_set_uid (GantryRisk *self, int uid)
{
  g_return_if_fail (GANTRY_IS_RISK (self));
  g_return_if_fail (uid >= 1);

  if (self->uid == uid)
    return;
  /* A UID must stay unique in the register. */
  if (self->project != NULL && gantry_project_lookup_risk (self->project, uid) != NULL)
    return;
  self->uid = uid;
  NOTIFY (self, PROP_UID);
}

const char *
gantry_risk_get_title (GantryRisk *self)
{
  g_return_val_if_fail (GANTRY_IS_RISK (self), NULL);
  return self->title;
}

void
gantry_risk_set_title (GantryRisk *self, const char *title)
{
  g_return_if_fail (GANTRY_IS_RISK (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
gantry_risk_get_description (GantryRisk *self)
{
  g_return_val_if_fail (GANTRY_IS_RISK (self), NULL);
  return self->description;
}

void
gantry_risk_set_description (GantryRisk *self, const char *text)
{
  g_return_if_fail (GANTRY_IS_RISK (self));
  set_string (self, &self->description, text, PROP_DESCRIPTION);
}

const char *
gantry_risk_get_mitigation (GantryRisk *self)
{
  g_return_val_if_fail (GANTRY_IS_RISK (self), NULL);
  return self->mitigation;
}

void
gantry_risk_set_mitigation (GantryRisk *self, const char *text)
{
  g_return_if_fail (GANTRY_IS_RISK (self));
  set_string (self, &self->mitigation, text, PROP_MITIGATION);
}

const char *
gantry_risk_get_contingency (GantryRisk *self)
{
  g_return_val_if_fail (GANTRY_IS_RISK (self), NULL);
  return self->contingency;
}

void
gantry_risk_set_contingency (GantryRisk *self, const char *text)
{
  g_return_if_fail (GANTRY_IS_RISK (self));
  set_string (self, &self->contingency, text, PROP_CONTINGENCY);
}

int
gantry_risk_get_probability (GantryRisk *self)
{
  g_return_val_if_fail (GANTRY_IS_RISK (self), 0);
  return self->probability;
}

void
gantry_risk_set_probability (GantryRisk *self, int probability)
{
  g_return_if_fail (GANTRY_IS_RISK (self));
  g_return_if_fail (probability >= GANTRY_RISK_LEVEL_MIN && probability <= GANTRY_RISK_LEVEL_MAX);

  if (self->probability == probability)
    return;
  self->probability = probability;
  NOTIFY (self, PROP_PROBABILITY);
  NOTIFY (self, PROP_SCORE);
}

int
gantry_risk_get_impact (GantryRisk *self)
{
  g_return_val_if_fail (GANTRY_IS_RISK (self), 0);
  return self->impact;
}

void
gantry_risk_set_impact (GantryRisk *self, int impact)
{
  g_return_if_fail (GANTRY_IS_RISK (self));
  g_return_if_fail (impact >= GANTRY_RISK_LEVEL_MIN && impact <= GANTRY_RISK_LEVEL_MAX);

  if (self->impact == impact)
    return;
  self->impact = impact;
  NOTIFY (self, PROP_IMPACT);
  NOTIFY (self, PROP_SCORE);
}

int
gantry_risk_get_score (GantryRisk *self)
{
  g_return_val_if_fail (GANTRY_IS_RISK (self), 0);
  return self->probability * self->impact;
}

GantryResource *
gantry_risk_get_owner (GantryRisk *self)
{
  g_return_val_if_fail (GANTRY_IS_RISK (self), NULL);
  return self->owner;
}

void
gantry_risk_set_owner (GantryRisk *self, GantryResource *owner)
{
  g_return_if_fail (GANTRY_IS_RISK (self));
  g_return_if_fail (owner == NULL || GANTRY_IS_RESOURCE (owner));

  if (g_set_object (&self->owner, owner))
    NOTIFY (self, PROP_OWNER);
}

GantryRiskStatus
gantry_risk_get_status (GantryRisk *self)
{
  g_return_val_if_fail (GANTRY_IS_RISK (self), GANTRY_RISK_OPEN);
  return self->status;
}

void
gantry_risk_set_status (GantryRisk *self, GantryRiskStatus status)
{
  g_return_if_fail (GANTRY_IS_RISK (self));
  g_return_if_fail ((int) status >= GANTRY_RISK_OPEN && status <= GANTRY_RISK_STATUS_LAST);

  if (self->status == status)
    return;
  self->status = status;
  NOTIFY (self, PROP_STATUS);
}

GantryTime
gantry_risk_get_trigger_date (GantryRisk *self)
{
  g_return_val_if_fail (GANTRY_IS_RISK (self), GANTRY_TIME_NONE);
  return self->trigger_date;
}

void
gantry_risk_set_trigger_date (GantryRisk *self, GantryTime t)
{
  g_return_if_fail (GANTRY_IS_RISK (self));

  if (self->trigger_date == t)
    return;
  self->trigger_date = t;
  NOTIFY (self, PROP_TRIGGER_DATE);
}

const int *
gantry_risk_get_task_uids (GantryRisk *self, guint *n_uids)
{
  g_return_val_if_fail (GANTRY_IS_RISK (self), NULL);

  if (n_uids != NULL)
    *n_uids = self->task_uids->len;
  return (const int *) self->task_uids->data;
}

void
gantry_risk_set_task_uids (GantryRisk *self, const int *uids, guint n_uids)
{
  g_autoptr(GArray) next = NULL;
  g_autoptr(GHashTable) seen = NULL;

  g_return_if_fail (GANTRY_IS_RISK (self));
  g_return_if_fail (uids != NULL || n_uids == 0);

  next = g_array_sized_new (FALSE, FALSE, sizeof (int), n_uids);
  seen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n_uids; i++)
    if (g_hash_table_add (seen, GINT_TO_POINTER (uids[i])))
      g_array_append_val (next, uids[i]);

  if (next->len == self->task_uids->len
      && memcmp (next->data, self->task_uids->data, next->len * sizeof (int)) == 0)
    return;
  g_array_unref (self->task_uids);
  self->task_uids = g_steal_pointer (&next);
  NOTIFY (self, PROP_TASK_UIDS);
}

gboolean
gantry_risk_links_task (GantryRisk *self, int task_uid)
{
  g_return_val_if_fail (GANTRY_IS_RISK (self), FALSE);

  for (guint i = 0; i < self->task_uids->len; i++)
    if (g_array_index (self->task_uids, int, i) == task_uid)
      return TRUE;
  return FALSE;
}

GVariant *
gantry_risk_task_uids_variant (const int *uids, guint n_uids)
{
  G_STATIC_ASSERT (sizeof (int) == sizeof (gint32));
  return g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, uids, n_uids, sizeof (gint32));
}

GantryProject *
gantry_risk_get_project (GantryRisk *self)
{
  g_return_val_if_fail (GANTRY_IS_RISK (self), NULL);
  return self->project;
}

const char *
gantry_risk_status_to_string (GantryRiskStatus status)
{
  switch (status)
    {
    case GANTRY_RISK_OPEN: return _("Open");
    case GANTRY_RISK_MITIGATING: return _("Mitigating");
    case GANTRY_RISK_OCCURRED: return _("Occurred");
    case GANTRY_RISK_CLOSED: return _("Closed");
    default: return _("Unknown");
    }
}

/* ---- the project's register ------------------------------------------------ */

#define REGISTER_KEY "gantry-risk-register"

static GListStore *
peek_register (GantryProject *project)
{
  return g_object_get_data (G_OBJECT (project), REGISTER_KEY);
}

static GListStore *
ensure_register (GantryProject *project)
{
  GListStore *store = peek_register (project);

  if (store == NULL)
    {
      store = g_list_store_new (GANTRY_TYPE_RISK);
      g_object_set_data_full (G_OBJECT (project), REGISTER_KEY, store, g_object_unref);
    }
  return store;
}

GListModel *
gantry_project_get_risks (GantryProject *self)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (ensure_register (self));
}

GantryRisk *
gantry_project_lookup_risk (GantryProject *self, int uid)
{
  GListStore *store;

  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);

  store = peek_register (self);
  if (store == NULL)
    return NULL;
  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (store)); i < n; i++)
    {
      g_autoptr(GantryRisk) risk = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (risk->uid == uid)
        return risk;   /* the register keeps it alive */
    }
  return NULL;
}

int
gantry_project_next_risk_uid (GantryProject *self)
{
  GListModel *model;
  int max = 0;

  g_return_val_if_fail (GANTRY_IS_PROJECT (self), 1);

  model = gantry_project_get_risks (self);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(GantryRisk) risk = g_list_model_get_item (model, i);

      max = MAX (max, risk->uid);
    }
  if (max < G_MAXINT)
    return max + 1;
  /* Full at the top: the lowest free UID. */
  for (int uid = 1; uid < G_MAXINT; uid++)
    if (gantry_project_lookup_risk (self, uid) == NULL)
      return uid;
  return 1;
}

gboolean
gantry_project_add_risk (GantryProject *self, int position, GantryRisk *risk)
{
  GListStore *store;
  guint n;

  g_return_val_if_fail (GANTRY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GANTRY_IS_RISK (risk), FALSE);

  if (risk->project != NULL || gantry_project_lookup_risk (self, risk->uid) != NULL)
    return FALSE;
  store = ensure_register (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (position < 0 || (guint) position > n)
    position = (int) n;
  risk->project = self;
  g_list_store_insert (store, (guint) position, risk);
  return TRUE;
}

int
gantry_project_remove_risk (GantryProject *self, GantryRisk *risk)
{
  GListStore *store;
  guint pos;

  g_return_val_if_fail (GANTRY_IS_PROJECT (self), -1);
  g_return_val_if_fail (GANTRY_IS_RISK (risk), -1);

  store = peek_register (self);
  if (risk->project != self || store == NULL || !g_list_store_find (store, risk, &pos))
    return -1;
  risk->project = NULL;
  g_list_store_remove (store, pos);
  return (int) pos;
}

GPtrArray *
gantry_project_get_task_risks (GantryProject *self, GantryTask *task)
{
  GPtrArray *out;
  GListStore *store;
  int uid;

  g_return_val_if_fail (GANTRY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (GANTRY_IS_TASK (task), NULL);

  out = g_ptr_array_new ();
  store = peek_register (self);
  if (store == NULL)
    return out;
  uid = gantry_task_get_uid (task);
  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (store)); i < n; i++)
    {
      g_autoptr(GantryRisk) risk = g_list_model_get_item (G_LIST_MODEL (store), i);

      if ((risk->status == GANTRY_RISK_OPEN || risk->status == GANTRY_RISK_MITIGATING
           || risk->status == GANTRY_RISK_OCCURRED)
          && gantry_risk_links_task (risk, uid))
        g_ptr_array_add (out, risk);
    }
  return out;
}

char *
gantry_risk_mspdi_warning (GantryProject *project)
{
  guint n;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), NULL);

  n = g_list_model_get_n_items (gantry_project_get_risks (project));
  if (n == 0)
    return NULL;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u risk is not saved in MS Project XML, which has no "
                                       "place for risks; save a .gantry copy to keep it.",
                                       "%u risks are not saved in MS Project XML, which has no "
                                       "place for risks; save a .gantry copy to keep them.",
                                       n), n);
}
