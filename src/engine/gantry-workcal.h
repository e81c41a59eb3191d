/* gantry-workcal.h — compiled working-time calendars for fast arithmetic
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GantryWorkCal is a GantryCalendar (with its base chain, work weeks and
 * exceptions, recurrences expanded over a bounded window) compiled into a
 * sorted array of "runs": stretches of days that follow one weekly pattern.
 * Each run knows the working time accumulated before it, so the position of
 * any instant on the working-time axis is a binary search plus O(1) week
 * arithmetic, and so is the inverse.  Every operation below is
 * O(log runs); nothing walks day by day.
 */
#pragma once

#include "gantry-core.h"

G_BEGIN_DECLS

typedef struct _GantryWorkCal GantryWorkCal;

/* Exceptions are expanded for days in [1800-01-01, 2400-12-31]; outside
 * that window only the weekly patterns apply. */
GantryWorkCal *gantry_workcal_compile        (GantryCalendar *calendar);
/* MS Project's Standard calendar (Mon–Fri 08–12, 13–17). */
GantryWorkCal *gantry_workcal_new_standard   (void);
/* Working time common to a and b. */
GantryWorkCal *gantry_workcal_intersect      (const GantryWorkCal *a,
                                              const GantryWorkCal *b);
GantryWorkCal *gantry_workcal_ref            (GantryWorkCal *cal);
void           gantry_workcal_unref          (GantryWorkCal *cal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GantryWorkCal, gantry_workcal_unref)

/* FALSE when the calendar has no working time at all after t. */
gboolean       gantry_workcal_has_work_after (const GantryWorkCal *cal, GantryTime t);
guint          gantry_workcal_get_n_runs     (const GantryWorkCal *cal);

/* Working milliseconds between the calendar's origin and t: a
 * non-decreasing function of t. */
gint64         gantry_workcal_position       (const GantryWorkCal *cal, GantryTime t);
/* The earliest instant whose position reaches pos (a finish: the end of a
 * working range when pos falls on one).  GANTRY_TIME_NONE when there is not
 * that much working time. */
GantryTime     gantry_workcal_finish_at      (const GantryWorkCal *cal, gint64 pos);
/* The latest instant whose position is still pos (a start: the beginning
 * of the next working range). GANTRY_TIME_NONE when no working time
 * follows. */
GantryTime     gantry_workcal_start_at       (const GantryWorkCal *cal, gint64 pos);

/* t + work (work >= 0), as a finish: 1d from Mon 08:00 is Mon 17:00.
 * work == 0 returns t unchanged. */
GantryTime     gantry_workcal_add            (const GantryWorkCal *cal, GantryTime t,
                                              GantryDuration work);
/* t - work (work >= 0), as a start: 1d back from Mon 17:00 is Mon 08:00,
 * and from Tue 08:00 too.  work == 0 returns t unchanged. */
GantryTime     gantry_workcal_subtract       (const GantryWorkCal *cal, GantryTime t,
                                              GantryDuration work);
/* Working time in [a, b) (negative when b < a). */
GantryDuration gantry_workcal_work_between   (const GantryWorkCal *cal, GantryTime a,
                                              GantryTime b);
/* t if it is working time or a range start, else the next range start. */
GantryTime     gantry_workcal_next_work_start (const GantryWorkCal *cal, GantryTime t);
/* t if working time precedes it directly, else the previous range end. */
GantryTime     gantry_workcal_prev_work_finish (const GantryWorkCal *cal, GantryTime t);
/* The day definition (ranges) that applies on a day (for tests). */
void           gantry_workcal_get_day        (const GantryWorkCal *cal, gint64 day_number,
                                              GantryDayDef *out);

/* A cache of compiled calendars keyed by calendar and the stamps of its
 * base chain, plus intersections keyed by the pair. */
typedef struct _GantryWorkCalCache GantryWorkCalCache;

GantryWorkCalCache *gantry_workcal_cache_new      (void);
void                gantry_workcal_cache_free     (GantryWorkCalCache *cache);
/* Borrowed; calendar NULL gives the Standard calendar. Recompiles when
 * the calendar or a base changed since it was compiled. */
GantryWorkCal      *gantry_workcal_cache_get      (GantryWorkCalCache *cache,
                                                   GantryCalendar     *calendar);
GantryWorkCal      *gantry_workcal_cache_get_intersection (GantryWorkCalCache *cache,
                                                           GantryCalendar     *a,
                                                           GantryCalendar     *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GantryWorkCalCache, gantry_workcal_cache_free)

G_END_DECLS
