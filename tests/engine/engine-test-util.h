/* engine-test-util.h — small helpers to build plans in engine tests
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gantry-core.h"
#include "gantry-scheduler.h"

#define MIN_MS  GANTRY_MS_MINUTE
#define HOUR_MS GANTRY_MS_HOUR
#define DAY_MS  (8 * GANTRY_MS_HOUR)          /* 1d at 480 min/day */
#define WEEK_MS (40 * GANTRY_MS_HOUR)         /* 1w at 2400 min/week */
#define EDAY_MS GANTRY_MS_DAY                 /* 1ed */

static inline GantryTime
T (int y, int mo, int d, int h, int mi)
{
  return gantry_time_make (y, mo, d, h, mi, 0);
}

static inline GantryProject *
plan_new (GantryTime start)
{
  GantryProject *p = gantry_project_new ();
  GantryCalendar *cal = gantry_calendar_new_standard (1, "Standard");

  gantry_project_add_calendar (p, cal);
  gantry_project_set_calendar (p, cal);
  gantry_project_set_start (p, start);
  g_object_unref (cal);
  return p;
}

static inline GantryTask *
plan_task (GantryProject *p, GantryTask *parent, const char *name,
           GantryDuration dur, GantryDurationFormat fmt)
{
  GantryTask *t = gantry_task_new (gantry_project_next_task_uid (p), name);

  gantry_task_set_duration (t, dur);
  gantry_task_set_duration_format (t, fmt);
  if (dur == 0)
    gantry_task_set_milestone (t, TRUE);
  g_assert_true (gantry_project_add_task (p, parent, -1, t));
  g_object_unref (t);
  return t;
}

static inline GantryLink *
plan_link (GantryProject *p, GantryTask *a, GantryTask *b, GantryLinkType type,
           gint64 lag, GantryDurationFormat fmt)
{
  GantryLink *l = gantry_link_new (a, b, type, lag, fmt);

  g_assert_true (gantry_project_add_link (p, l));
  g_object_unref (l);
  return l;
}

static inline void
schedule (GantryProject *p)
{
  GPtrArray *problems = gantry_schedule_project (p);
  g_ptr_array_unref (problems);
}

#define assert_time(got, want) G_STMT_START {                                      \
    GantryTime g__ = (got), w__ = (want);                                           \
    if (g__ != w__) {                                                               \
      g_autofree char *gs__ = gantry_time_format_iso (g__);                         \
      g_autofree char *ws__ = gantry_time_format_iso (w__);                         \
      g_autofree char *m__ = g_strdup_printf ("%s: got %s, want %s", #got,          \
                                              gs__ ? gs__ : "NA", ws__ ? ws__ : "NA"); \
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, m__);       \
    } } G_STMT_END
