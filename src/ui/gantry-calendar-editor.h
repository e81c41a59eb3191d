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
 * per weekday, exceptions (one-off, yearly, weekly) and work weeks (name,
 * date range and the working hours of each weekday; added, edited,
 * removed).  Apply changes the calendar with one
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

/* Adds a work week; dates YYYY-MM-DD; day_texts[0..6] Sunday first, as
 * the day text above (NULL or a NULL entry: "default"). */
void       gantry_calendar_editor_add_work_week    (GantryCalendarEditor *self,
                                                    const char           *name,
                                                    const char           *from,
                                                    const char           *to,
                                                    const char *const     day_texts[7]);
/* Sets a field of work week `index` (in the editor's order): field
 * "name", "from", "to", or "day" with weekday 0 = Sunday.  FALSE when
 * there is no such week or field. */
gboolean   gantry_calendar_editor_set_work_week_text (GantryCalendarEditor *self,
                                                      guint                 index,
                                                      const char           *field,
                                                      int                   weekday,
                                                      const char           *text);
guint      gantry_calendar_editor_get_n_work_weeks (GantryCalendarEditor *self);
/* Removes work week `index` from the editor (as its remove button does). */
gboolean   gantry_calendar_editor_remove_work_week (GantryCalendarEditor *self,
                                                    guint                 index);

G_END_DECLS
