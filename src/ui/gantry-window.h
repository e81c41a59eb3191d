/* gantry-window.h — a document window
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gantry-core.h"
#include "gantry-task-table.h"

G_BEGIN_DECLS

typedef enum
{
  GANTRY_FILE_FORMAT_NATIVE,   /* .gantry (SQLite) */
  GANTRY_FILE_FORMAT_MSPDI,    /* MS Project XML */
} GantryFileFormat;

#define GANTRY_TYPE_WINDOW (gantry_window_get_type ())
G_DECLARE_FINAL_TYPE (GantryWindow, gantry_window, GANTRY, WINDOW, GtkApplicationWindow)

GantryWindow    *gantry_window_new            (GtkApplication *application);
GantryProject   *gantry_window_get_project    (GantryWindow *self);
/* Replaces the document (and attaches a scheduler to it). */
void             gantry_window_set_project    (GantryWindow  *self,
                                               GantryProject *project,
                                               GFile         *file,
                                               GantryFileFormat format);
GFile           *gantry_window_get_file       (GantryWindow *self);
/* TRUE when the window holds an untouched new plan (Open may reuse it). */
gboolean         gantry_window_is_pristine    (GantryWindow *self);
/* Loads file into this window.  On error shows a dialog naming the
 * problem, keeps the current document, and returns FALSE. */
gboolean         gantry_window_load_file      (GantryWindow *self, GFile *file);
/* Saves to file in format; on error shows a dialog and returns FALSE. */
gboolean         gantry_window_save_to_file   (GantryWindow *self, GFile *file,
                                               GantryFileFormat format);
GantryTaskTable *gantry_window_get_task_table (GantryWindow *self);
GtkWidget       *gantry_window_get_chart      (GantryWindow *self);
/* The warnings of the last MS Project import (may be empty). */
GPtrArray       *gantry_window_get_import_warnings (GantryWindow *self);

/* A task whose dates Gantry's scheduling changed right after an MS Project
 * import: the dates the file stored, and the task (its dates now). */
typedef struct
{
  GantryTask *task;          /* owned */
  GantryTime  file_start;
  GantryTime  file_finish;
} GantryImportMove;

/* The tasks moved by scheduling after the last MS Project import, in
 * outline order (may be empty; element type GantryImportMove). */
GPtrArray       *gantry_window_get_import_moves (GantryWindow *self);

GantryFileFormat gantry_file_format_for_file  (GFile *file);

/* Autosave (gantry-recovery.h): writes the plan to the recovery folder now
 * when it has unsaved changes; TRUE when it wrote. */
gboolean         gantry_window_autosave_now   (GantryWindow *self);
const char      *gantry_window_get_recovery_id (GantryWindow *self);
/* Shows a recovered plan: project (modified) with its original file (may
 * be NULL), keeping recovery_id's files until a save or a clean close. */
void             gantry_window_adopt_recovered (GantryWindow  *self,
                                                GantryProject *project,
                                                GFile         *original,
                                                const char    *recovery_id);

G_END_DECLS
