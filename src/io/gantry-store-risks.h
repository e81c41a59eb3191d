/* gantry-store-risks.h — the risk register in a .gantry file (internal)
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two tables, created by the saver inside its transaction (schema version
 * 1; files written before the register existed simply have no such
 * tables, and load with an empty register):
 *
 *   risks (uid, position, title, description, probability, impact,
 *          owner_uid, status, mitigation, contingency, trigger_date)
 *   risk_tasks (risk_uid, position, task_uid)
 */
#pragma once

#include <sqlite3.h>

#include "gantry-core.h"

G_BEGIN_DECLS

/* Creates the tables and writes every risk.  FALSE with error
 * (GANTRY_STORE_ERROR_IO) on an SQLite failure. */
gboolean _gantry_store_save_risks (sqlite3        *db,
                                   GantryProject  *project,
                                   const char     *display,
                                   GError        **error);
/* Reads the register into project (its resources must be loaded).  A
 * file without the tables has no risks.  Bad values give
 * GANTRY_STORE_ERROR_CORRUPT naming the risk and the field. */
gboolean _gantry_store_load_risks (sqlite3        *db,
                                   GantryProject  *project,
                                   const char     *display,
                                   GError        **error);

G_END_DECLS
