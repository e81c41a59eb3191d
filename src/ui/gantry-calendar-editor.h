/* gantry-calendar-editor.h — edits a project or resource calendar
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "gantry-core.h"

G_BEGIN_DECLS

#define GANTRY_TYPE_CALENDAR_EDITOR (gantry_calendar_editor_get_type ())
G_DECLARE_FINAL_TYPE (GantryCalendarEditor, gantry_calendar_editor, GANTRY, CALENDAR_EDITOR,
                      GtkWindow)

/* A dialog over calendar (the project's or a resource's): working hours
 * per weekday, exceptions (one-off, yearly, weekly) and the work weeks it
 * has (listed; they can be removed).  Apply changes the calendar with one
 * undoable gantry_command_set_calendar_definition. */
GtkWidget *gantry_calendar_editor_new           (GtkWindow      *parent,
                                                 GantryProject  *project,
                                                 GantryCalendar *calendar);
/* The day text the editor uses: "08:00-12:00, 13:00-17:00",
 * "nonworking", or "default" (as the base calendar). */
char      *gantry_calendar_format_day          (const GantryDayDef *day);
gboolean   gantry_calendar_parse_day           (const char   *text,
                                                GantryDayDef *out,
                                                GError      **error);

/* For tests and keyboard users: what the fields hold. weekday 0 = Sunday. */
void       gantry_calendar_editor_set_weekday_text (GantryCalendarEditor *self,
                                                    int                   weekday,
                                                    const char           *text);
/* recurrence: GANTRY_RECUR_NONE, _YEARLY_BY_DAY or _WEEKLY; dates
 * YYYY-MM-DD. */
void       gantry_calendar_editor_add_exception    (GantryCalendarEditor *self,
                                                    const char           *name,
                                                    const char           *from,
                                                    const char           *to,
                                                    const char           *day_text,
                                                    GantryRecurrence      recurrence);
/* Validates and applies; FALSE with an error naming the field otherwise
 * (nothing changes then). */
gboolean   gantry_calendar_editor_apply            (GantryCalendarEditor *self,
                                                    GError              **error);

G_END_DECLS
