/* gantry-recovery.h — autosave to the recovery folder, and recovery at start-up
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each window with unsaved changes is written, every autosave interval, to
 * $XDG_STATE_HOME/gantry/recovery/<id>.gantry with a key-file sidecar
 * <id>.info ([Recovery] original=<path or empty>, saved=<unix seconds>).
 * A successful save or a clean close removes both.  Files left behind by a
 * crash are offered for recovery at the next start.
 */
#pragma once

#include <gtk/gtk.h>

#include "gantry-core.h"

G_BEGIN_DECLS

typedef struct
{
  char   *id;
  char   *plan_path;      /* the autosaved .gantry */
  char   *original_path;  /* NULL for a plan never saved */
  gint64  saved;          /* unix seconds */
} GantryRecoveryEntry;

void        gantry_recovery_entry_free    (GantryRecoveryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GantryRecoveryEntry, gantry_recovery_entry_free)

/* The application's settings, or NULL when the schema is not installed
 * (uninstalled runs without GSETTINGS_SCHEMA_DIR).  Transfer none. */
GSettings  *gantry_settings_get           (void);
/* $XDG_STATE_HOME/gantry/recovery (not created). */
char       *gantry_recovery_get_dir       (void);
/* Seconds between autosaves: GANTRY_AUTOSAVE_SECONDS if set, else the
 * autosave-interval setting (minutes) * 60, else 300.  0 = off. */
guint       gantry_recovery_get_interval  (void);
char       *gantry_recovery_new_id        (void);
/* Writes project to the recovery folder under id, with its sidecar. */
gboolean    gantry_recovery_save          (GantryProject *project,
                                           const char    *id,
                                           GFile         *original,
                                           GError       **error);
/* Removes id's files (nothing happens when there are none). */
void        gantry_recovery_remove        (const char *id);
/* Entries in the recovery folder, newest first; unreadable sidecars and
 * sidecars without a plan are skipped.  Excludes ids in use by a window of
 * this process (see gantry_recovery_claim). */
GPtrArray  *gantry_recovery_list          (void);
/* Marks id as belonging to a live window (so it is not offered). */
void        gantry_recovery_claim         (const char *id);
void        gantry_recovery_unclaim       (const char *id);
/* Loads entry's plan; marked modified, to be opened with its original file. */
GantryProject *gantry_recovery_load       (GantryRecoveryEntry *entry,
                                           GError             **error);
/* When recovery files exist, shows the dialog offering them (class
 * "gantry-recovery-dialog", transient for parent).  With the environment
 * variable GANTRY_TEST_AUTO_RECOVER=1 it recovers them all without asking
 * and prints "gantry-test: recovered <n> tasks modified=<0|1> file=<path>"
 * for each on stdout.  Returns TRUE when there was something to offer. */
gboolean    gantry_recovery_offer         (GtkApplication *app,
                                           GtkWindow      *parent);

G_END_DECLS
