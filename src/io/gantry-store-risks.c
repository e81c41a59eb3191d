/* gantry-store-risks.c — the risk register in a .gantry file
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Statements are prepared and bound; values read back are checked the way
 * the rest of the store checks them (ranges, UTF-8, duplicates), and a bad
 * value is reported with the risk it belongs to.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gantry-store.h"
#include "gantry-store-risks.h"

#define TEXT_MAX (1 << 20)       /* bytes per text field */
#define LINKS_MAX 1000000        /* linked tasks per file */

static const char create_sql[] =
  "CREATE TABLE IF NOT EXISTS risks ("
  " uid INTEGER NOT NULL, position INTEGER NOT NULL, title TEXT, description TEXT,"
  " probability INTEGER NOT NULL, impact INTEGER NOT NULL, owner_uid INTEGER,"
  " status INTEGER NOT NULL, mitigation TEXT, contingency TEXT, trigger_date INTEGER);"
  "CREATE TABLE IF NOT EXISTS risk_tasks ("
  " risk_uid INTEGER NOT NULL, position INTEGER NOT NULL, task_uid INTEGER NOT NULL);";

static gboolean
save_fail (sqlite3 *db, const char *display, GError **error)
{
  g_set_error (error, GANTRY_STORE_ERROR, GANTRY_STORE_ERROR_IO,
               /* Translators: %s is a file name, then SQLite's own words */
               _("Could not write the risk register to “%s”: %s"), display,
               sqlite3_errmsg (db));
  return FALSE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt, int col, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_STATIC);
}

gboolean
_gantry_store_save_risks (sqlite3        *db,
                          GantryProject  *project,
                          const char     *display,
                          GError        **error)
{
  sqlite3_stmt *risk = NULL, *link = NULL;
  GListModel *risks;
  gboolean ok = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (GANTRY_IS_PROJECT (project), FALSE);

  if (sqlite3_exec (db, create_sql, NULL, NULL, NULL) != SQLITE_OK)
    return save_fail (db, display, error);

  risks = gantry_project_get_risks (project);
  if (g_list_model_get_n_items (risks) == 0)
    return TRUE;

  if (sqlite3_prepare_v2 (db, "INSERT INTO risks VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                              " ?10, ?11)", -1, &risk, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, "INSERT INTO risk_tasks VALUES (?1, ?2, ?3)", -1, &link,
                             NULL) != SQLITE_OK)
    goto out;

  for (guint i = 0, n = g_list_model_get_n_items (risks); i < n; i++)
    {
      g_autoptr(GantryRisk) r = g_list_model_get_item (risks, i);
      GantryResource *owner = gantry_risk_get_owner (r);
      const int *uids;
      guint n_uids;

      sqlite3_reset (risk);
      sqlite3_bind_int (risk, 1, gantry_risk_get_uid (r));
      sqlite3_bind_int64 (risk, 2, i);
      bind_text_or_null (risk, 3, gantry_risk_get_title (r));
      bind_text_or_null (risk, 4, gantry_risk_get_description (r));
      sqlite3_bind_int (risk, 5, gantry_risk_get_probability (r));
      sqlite3_bind_int (risk, 6, gantry_risk_get_impact (r));
      /* Only an owner that is still in the plan. */
      if (owner != NULL && gantry_resource_get_project (owner) == project)
        sqlite3_bind_int (risk, 7, gantry_resource_get_uid (owner));
      else
        sqlite3_bind_null (risk, 7);
      sqlite3_bind_int (risk, 8, gantry_risk_get_status (r));
      bind_text_or_null (risk, 9, gantry_risk_get_mitigation (r));
      bind_text_or_null (risk, 10, gantry_risk_get_contingency (r));
      if (gantry_risk_get_trigger_date (r) == GANTRY_TIME_NONE)
        sqlite3_bind_null (risk, 11);
      else
        sqlite3_bind_int64 (risk, 11, gantry_risk_get_trigger_date (r));
      if (sqlite3_step (risk) != SQLITE_DONE)
        goto out;

      uids = gantry_risk_get_task_uids (r, &n_uids);
      for (guint k = 0; k < n_uids; k++)
        {
          sqlite3_reset (link);
          sqlite3_bind_int (link, 1, gantry_risk_get_uid (r));
          sqlite3_bind_int64 (link, 2, k);
          sqlite3_bind_int (link, 3, uids[k]);
          if (sqlite3_step (link) != SQLITE_DONE)
            goto out;
        }
    }
  ok = TRUE;

out:
  if (!ok)
    save_fail (db, display, error);
  sqlite3_finalize (risk);
  sqlite3_finalize (link);
  return ok;
}

/* ---- loading ------------------------------------------------------------- */

static gboolean
damaged (GError **error, const char *display, const char *detail)
{
  g_set_error (error, GANTRY_STORE_ERROR, GANTRY_STORE_ERROR_CORRUPT,
               /* Translators: %s is a file name, then what is wrong with it */
               _("“%s” is damaged and cannot be opened: %s."), display, detail);
  return FALSE;
}

static gboolean
bad_field (GError **error, const char *display, gint64 uid, const char *field,
           const char *problem)
{
  g_autofree char *uid_text = g_strdup_printf ("%" G_GINT64_FORMAT, uid);
  g_autofree char *detail =
    /* Translators: risk UID, field name, what is wrong ("is out of range") */
    g_strdup_printf (_("the risk %s has a “%s” that %s"), uid_text, field, problem);

  return damaged (error, display, detail);
}

static gboolean
table_exists (sqlite3 *db, const char *name, gboolean *is_table)
{
  sqlite3_stmt *st = NULL;
  gboolean found = FALSE;

  *is_table = FALSE;
  if (sqlite3_prepare_v2 (db, "SELECT type FROM sqlite_schema WHERE name = ?1", -1, &st,
                          NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (st, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      found = TRUE;
      *is_table = g_strcmp0 ((const char *) sqlite3_column_text (st, 0), "table") == 0;
    }
  sqlite3_finalize (st);
  return found;
}

/* An integer column in [min, max]; NULL allowed when nullable. */
static gboolean
get_int (sqlite3_stmt *st, int col, gint64 min, gint64 max, gboolean nullable,
         gint64 *out, gboolean *is_null)
{
  int type = sqlite3_column_type (st, col);

  if (is_null != NULL)
    *is_null = (type == SQLITE_NULL);
  if (type == SQLITE_NULL)
    return nullable;
  if (type != SQLITE_INTEGER)
    return FALSE;
  *out = sqlite3_column_int64 (st, col);
  return *out >= min && *out <= max;
}

static gboolean
get_text (sqlite3_stmt *st, int col, const char **out)
{
  int type = sqlite3_column_type (st, col);
  const char *text;
  int len;

  *out = NULL;
  if (type == SQLITE_NULL)
    return TRUE;
  if (type != SQLITE_TEXT)
    return FALSE;
  text = (const char *) sqlite3_column_text (st, col);
  len = sqlite3_column_bytes (st, col);
  if (text == NULL || len > TEXT_MAX || (int) strlen (text) != len
      || !g_utf8_validate_len (text, len, NULL))
    return FALSE;
  *out = text;
  return TRUE;
}

gboolean
_gantry_store_load_risks (sqlite3        *db,
                          GantryProject  *project,
                          const char     *display,
                          GError        **error)
{
  sqlite3_stmt *st = NULL;
  g_autoptr(GHashTable) by_uid = NULL;     /* uid -> GArray of task uids */
  g_autoptr(GPtrArray) order = NULL;
  gboolean is_table, ok = FALSE;
  gboolean has_links;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (GANTRY_IS_PROJECT (project), FALSE);

  if (!table_exists (db, "risks", &is_table))
    return TRUE;   /* written before the register existed */
  if (!is_table)
    return damaged (error, display, _("“risks” is not a table"));
  has_links = table_exists (db, "risk_tasks", &is_table);
  if (has_links && !is_table)
    return damaged (error, display, _("“risk_tasks” is not a table"));

  if (sqlite3_prepare_v2 (db, "SELECT uid, title, description, probability, impact, owner_uid,"
                              " status, mitigation, contingency, trigger_date FROM risks"
                              " ORDER BY position, rowid", -1, &st, NULL) != SQLITE_OK)
    return damaged (error, display, _("the table “risks” lacks columns"));

  by_uid = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  order = g_ptr_array_new ();
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      gint64 uid = 0, p = 0, i = 0, owner_uid = 0, status = 0, trigger = 0;
      gboolean owner_null, trigger_null;
      const char *title, *description, *mitigation, *contingency;
      GantryRisk *risk;

      if (!get_int (st, 0, 1, G_MAXINT, FALSE, &uid, NULL))
        {
          damaged (error, display, _("a risk has no valid UID"));
          goto out;
        }
      if (g_hash_table_contains (by_uid, GINT_TO_POINTER ((int) uid)))
        {
          bad_field (error, display, uid, "uid", _("appears twice"));
          goto out;
        }
      if (!get_text (st, 1, &title) || !get_text (st, 2, &description)
          || !get_text (st, 7, &mitigation) || !get_text (st, 8, &contingency))
        {
          bad_field (error, display, uid, "text", _("is not valid text"));
          goto out;
        }
      if (!get_int (st, 3, GANTRY_RISK_LEVEL_MIN, GANTRY_RISK_LEVEL_MAX, FALSE, &p, NULL))
        {
          bad_field (error, display, uid, "probability", _("is not between 1 and 5"));
          goto out;
        }
      if (!get_int (st, 4, GANTRY_RISK_LEVEL_MIN, GANTRY_RISK_LEVEL_MAX, FALSE, &i, NULL))
        {
          bad_field (error, display, uid, "impact", _("is not between 1 and 5"));
          goto out;
        }
      if (!get_int (st, 5, G_MININT, G_MAXINT, TRUE, &owner_uid, &owner_null))
        {
          bad_field (error, display, uid, "owner_uid", _("is not a resource UID"));
          goto out;
        }
      if (!get_int (st, 6, GANTRY_RISK_OPEN, GANTRY_RISK_STATUS_LAST, FALSE, &status, NULL))
        {
          bad_field (error, display, uid, "status", _("is not a known status"));
          goto out;
        }
      if (!get_int (st, 9, GANTRY_TIME_MIN, GANTRY_TIME_MAX, TRUE, &trigger, &trigger_null))
        {
          bad_field (error, display, uid, "trigger_date", _("is out of range"));
          goto out;
        }

      risk = gantry_risk_new ((int) uid, title);
      gantry_risk_set_description (risk, description);
      gantry_risk_set_probability (risk, (int) p);
      gantry_risk_set_impact (risk, (int) i);
      gantry_risk_set_status (risk, (GantryRiskStatus) status);
      gantry_risk_set_mitigation (risk, mitigation);
      gantry_risk_set_contingency (risk, contingency);
      gantry_risk_set_trigger_date (risk, trigger_null ? GANTRY_TIME_NONE : trigger);
      /* An owner that is not in the file is dropped (nobody owns it). */
      if (!owner_null)
        gantry_risk_set_owner (risk, gantry_project_lookup_resource (project, (int) owner_uid));
      g_hash_table_insert (by_uid, GINT_TO_POINTER ((int) uid), risk);
      g_ptr_array_add (order, risk);
    }
  if (rc != SQLITE_DONE)
    {
      damaged (error, display, sqlite3_errmsg (db));
      goto out;
    }
  sqlite3_finalize (st);
  st = NULL;

  if (has_links)
    {
      g_autoptr(GHashTable) lists = g_hash_table_new_full (NULL, NULL, NULL,
                                                           (GDestroyNotify) g_array_unref);
      guint n_links = 0;

      if (sqlite3_prepare_v2 (db, "SELECT risk_uid, task_uid FROM risk_tasks"
                                  " ORDER BY risk_uid, position, rowid", -1, &st,
                              NULL) != SQLITE_OK)
        {
          damaged (error, display, _("the table “risk_tasks” lacks columns"));
          goto out;
        }
      while ((rc = sqlite3_step (st)) == SQLITE_ROW)
        {
          gint64 ruid = 0, tuid = 0;
          GArray *list;

          if (!get_int (st, 0, 1, G_MAXINT, FALSE, &ruid, NULL)
              || !g_hash_table_contains (by_uid, GINT_TO_POINTER ((int) ruid)))
            {
              damaged (error, display, _("a linked task belongs to no risk"));
              goto out;
            }
          if (!get_int (st, 1, 0, G_MAXINT, FALSE, &tuid, NULL))
            {
              bad_field (error, display, ruid, "task_uid", _("is not a task UID"));
              goto out;
            }
          if (++n_links > LINKS_MAX)
            {
              damaged (error, display, _("it links too many tasks to risks"));
              goto out;
            }
          list = g_hash_table_lookup (lists, GINT_TO_POINTER ((int) ruid));
          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (int));
              g_hash_table_insert (lists, GINT_TO_POINTER ((int) ruid), list);
            }
          {
            int v = (int) tuid;

            g_array_append_val (list, v);
          }
        }
      if (rc != SQLITE_DONE)
        {
          damaged (error, display, sqlite3_errmsg (db));
          goto out;
        }
      for (guint k = 0; k < order->len; k++)
        {
          GantryRisk *risk = g_ptr_array_index (order, k);
          GArray *list = g_hash_table_lookup (lists,
                                              GINT_TO_POINTER (gantry_risk_get_uid (risk)));

          if (list != NULL)
            gantry_risk_set_task_uids (risk, (const int *) list->data, list->len);
        }
    }

  for (guint k = 0; k < order->len; k++)
    gantry_project_add_risk (project, -1, g_ptr_array_index (order, k));
  ok = TRUE;

out:
  sqlite3_finalize (st);
  return ok;
}
