/* gantry-risk.h — an entry of the project's risk register
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * MSPDI has no element for risks: they live in .gantry files only (an
 * MSPDI export warns that they are not carried).
 */
#pragma once

#include <gio/gio.h>

#include "gantry-types.h"
#include "gantry-project.h"

G_BEGIN_DECLS

/* Risk status (values are stored in .gantry; never renumber). */
typedef enum
{
  GANTRY_RISK_OPEN       = 0,   /* identified, no response under way */
  GANTRY_RISK_MITIGATING = 1,   /* mitigation in progress */
  GANTRY_RISK_OCCURRED   = 2,   /* it happened: the contingency applies */
  GANTRY_RISK_CLOSED     = 3,   /* no longer a threat */
} GantryRiskStatus;

#define GANTRY_RISK_STATUS_LAST GANTRY_RISK_CLOSED
#define GANTRY_RISK_LEVEL_MIN 1
#define GANTRY_RISK_LEVEL_MAX 5

/* Flag of the project's "changed" signal for risk edits (beside
 * GantryChangeFlags; no task is named). */
#define GANTRY_CHANGE_RISKS (1 << 7)

#define GANTRY_TYPE_RISK (gantry_risk_get_type ())
G_DECLARE_FINAL_TYPE (GantryRisk, gantry_risk, GANTRY, RISK, GObject)

/*
 * Properties (explicit notify; every writable one is undoable through
 * gantry_command_set):
 *   "uid" int (stable, unique among the project's risks, >= 1),
 *   "title", "description", "mitigation", "contingency" strings,
 *   "probability", "impact" int 1..5 (default 3),
 *   "score" int (read-only: probability × impact, 1..25),
 *   "owner" GantryResource* (NULL = nobody),
 *   "status" int (GantryRiskStatus),
 *   "trigger-date" int64 GantryTime (GANTRY_TIME_NONE = none),
 *   "task-uids" GVariant "ai": UIDs of the linked tasks, in the user's
 *       order, no duplicates (UIDs, not pointers: a removed task's UID is
 *       kept and comes back to life when the removal is undone).
 */
GantryRisk     *gantry_risk_new               (int uid, const char *title);

int             gantry_risk_get_uid           (GantryRisk *self);
void            gantry_risk_set_uid           (GantryRisk *self, int uid);
const char     *gantry_risk_get_title         (GantryRisk *self);
void            gantry_risk_set_title         (GantryRisk *self, const char *title);
const char     *gantry_risk_get_description   (GantryRisk *self);
void            gantry_risk_set_description   (GantryRisk *self, const char *text);
int             gantry_risk_get_probability   (GantryRisk *self);
void            gantry_risk_set_probability   (GantryRisk *self, int probability);
int             gantry_risk_get_impact        (GantryRisk *self);
void            gantry_risk_set_impact        (GantryRisk *self, int impact);
int             gantry_risk_get_score         (GantryRisk *self);
GantryResource *gantry_risk_get_owner         (GantryRisk *self);
void            gantry_risk_set_owner         (GantryRisk *self, GantryResource *owner);
GantryRiskStatus gantry_risk_get_status       (GantryRisk *self);
void            gantry_risk_set_status        (GantryRisk *self, GantryRiskStatus status);
const char     *gantry_risk_get_mitigation    (GantryRisk *self);
void            gantry_risk_set_mitigation    (GantryRisk *self, const char *text);
const char     *gantry_risk_get_contingency   (GantryRisk *self);
void            gantry_risk_set_contingency   (GantryRisk *self, const char *text);
GantryTime      gantry_risk_get_trigger_date  (GantryRisk *self);
void            gantry_risk_set_trigger_date  (GantryRisk *self, GantryTime t);
/* Linked tasks as UIDs (n_uids out; the array is owned by the risk). */
const int      *gantry_risk_get_task_uids     (GantryRisk *self, guint *n_uids);
/* Duplicates are dropped, order kept. */
void            gantry_risk_set_task_uids     (GantryRisk *self, const int *uids, guint n_uids);
gboolean        gantry_risk_links_task        (GantryRisk *self, int task_uid);
/* A "ai" variant of uids (floating), for gantry_command_set (risk,
 * "task-uids", variant, NULL). */
GVariant       *gantry_risk_task_uids_variant (const int *uids, guint n_uids);
GantryProject  *gantry_risk_get_project       (GantryRisk *self);   /* may be NULL */

/* Translated status name ("Open", "Mitigating", ...). */
const char     *gantry_risk_status_to_string  (GantryRiskStatus status);

/* ---- the project's register (the project owns its risks) ---------------- */

/* List model of GantryRisk, in register order. */
GListModel     *gantry_project_get_risks      (GantryProject *self);
GantryRisk     *gantry_project_lookup_risk    (GantryProject *self, int uid);
int             gantry_project_next_risk_uid  (GantryProject *self);
/* Direct edits, NOT undoable (loaders, commands).  position -1 appends.
 * FALSE on a duplicate UID or a risk already in a project. */
gboolean        gantry_project_add_risk       (GantryProject *self, int position,
                                               GantryRisk *risk);
/* Returns the index the risk had, or -1. */
int             gantry_project_remove_risk    (GantryProject *self, GantryRisk *risk);
/* Risks linked to task that are not closed (transfer container). */
GPtrArray      *gantry_project_get_task_risks (GantryProject *self, GantryTask *task);

/* MSPDI has no element for risks.  When project has risks, a translated
 * warning for an export to MS Project XML ("2 risks are not saved in MS
 * Project XML ..."); NULL when it has none. */
char           *gantry_risk_mspdi_warning     (GantryProject *project);

/* ---- undoable commands ---------------------------------------------------- */

/* Adds risk (a new risk in no project; ref taken) at position (-1 appends). */
GantryCommand  *gantry_command_add_risk       (GantryRisk *risk, int position);
GantryCommand  *gantry_command_remove_risk    (GantryRisk *risk);

G_END_DECLS
