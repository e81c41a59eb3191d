/* gantry-calendar.h — working-time calendars (definition only; the engine
 * compiles them for arithmetic)
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gantry-types.h"
#include "gantry-extras.h"

G_BEGIN_DECLS

#define GANTRY_CALENDAR_MAX_RANGES 5

/* A working-time range within one day, in minutes from midnight.
 * to == 1440 means midnight at the end of the day (MSPDI ToTime 00:00:00). */
typedef struct
{
  int from;
  int to;
} GantryTimeRange;

typedef enum
{
  GANTRY_DAY_DEFAULT = 0,   /* inherit from the base calendar */
  GANTRY_DAY_NONWORKING,
  GANTRY_DAY_WORKING,       /* working, with ranges[] */
} GantryDayKind;

/* The definition of one weekday (or of an exception's days). */
typedef struct
{
  GantryDayKind   kind;
  int             n_ranges;                          /* 0..5 */
  GantryTimeRange ranges[GANTRY_CALENDAR_MAX_RANGES];  /* sorted, disjoint */
} GantryDayDef;

/* Recurrence of an exception: MSPDI Exception/Type values. */
typedef enum
{
  GANTRY_RECUR_DAILY            = 1,
  GANTRY_RECUR_YEARLY_BY_DAY    = 2,
  GANTRY_RECUR_YEARLY_BY_POS    = 3,
  GANTRY_RECUR_MONTHLY_BY_DAY   = 4,
  GANTRY_RECUR_MONTHLY_BY_POS   = 5,
  GANTRY_RECUR_WEEKLY           = 6,
  GANTRY_RECUR_BY_DAY_COUNT     = 7,
  GANTRY_RECUR_BY_WEEKDAY_COUNT = 8,
  GANTRY_RECUR_NONE             = 9,   /* one-off: every day of from..to */
} GantryRecurrence;

/* An exception to the weekly pattern.  Fields follow MSPDI (Month is
 * 0-based, MonthPosition 0..3 first..fourth, 4 last, MonthItem 0 day,
 * 1 weekday, 2 weekend day, 3..9 Sunday..Saturday, DaysOfWeek bit 1=Sun). */
typedef struct
{
  char            *name;
  gint64           from_day;        /* day numbers (gantry_time_day_number) */
  gint64           to_day;          /* inclusive */
  GantryRecurrence recurrence;
  int              period;          /* every N days/weeks/months/years; >= 1 */
  int              occurrences;     /* 0 when the range is given by dates */
  gboolean         entered_by_occurrences;
  int              days_of_week;    /* bitmask, weekly */
  int              month_item;
  int              month_position;
  int              month;           /* 0..11 */
  int              month_day;       /* 1..31 */
  GantryDayDef     day;             /* NONWORKING or WORKING with ranges */
} GantryCalendarException;

/* An alternative weekly pattern for a date range (MSPDI WorkWeek). */
typedef struct
{
  char         *name;
  gint64        from_day;
  gint64        to_day;            /* inclusive */
  GantryDayDef  days[7];           /* 0 = Sunday; DEFAULT = use normal week */
} GantryWorkWeek;

#define GANTRY_TYPE_CALENDAR (gantry_calendar_get_type ())
G_DECLARE_FINAL_TYPE (GantryCalendar, gantry_calendar, GANTRY, CALENDAR, GObject)

/*
 * Properties: "uid" (int), "name" (string), "base" (GantryCalendar*, NULL for
 * a base calendar), "is-base-calendar" (boolean), "is-baseline-calendar".
 * The definition (weekdays, exceptions, work weeks) changes through
 * gantry_calendar_set_definition and emits "definition-changed".
 */
GantryCalendar *gantry_calendar_new               (int uid, const char *name);
/* Mon–Fri 08:00–12:00 + 13:00–17:00: MS Project's "Standard". */
GantryCalendar *gantry_calendar_new_standard      (int uid, const char *name);

int             gantry_calendar_get_uid           (GantryCalendar *self);
void            gantry_calendar_set_uid           (GantryCalendar *self, int uid);
const char     *gantry_calendar_get_name          (GantryCalendar *self);
void            gantry_calendar_set_name          (GantryCalendar *self, const char *name);
GantryCalendar *gantry_calendar_get_base          (GantryCalendar *self);
/* Refuses (returns FALSE) a base that would make a cycle. */
gboolean        gantry_calendar_set_base          (GantryCalendar *self, GantryCalendar *base);
gboolean        gantry_calendar_get_is_base_calendar (GantryCalendar *self);
void            gantry_calendar_set_is_base_calendar (GantryCalendar *self, gboolean value);
gboolean        gantry_calendar_get_is_baseline_calendar (GantryCalendar *self);
void            gantry_calendar_set_is_baseline_calendar (GantryCalendar *self, gboolean value);

/* weekday: 0 = Sunday ... 6 = Saturday */
const GantryDayDef *gantry_calendar_get_weekday   (GantryCalendar *self, int weekday);
void            gantry_calendar_set_weekday       (GantryCalendar *self, int weekday,
                                                   const GantryDayDef *def);

guint           gantry_calendar_get_n_exceptions  (GantryCalendar *self);
const GantryCalendarException *
                gantry_calendar_get_exception     (GantryCalendar *self, guint i);
/* Keeps exceptions sorted by from_day; copies ex. */
void            gantry_calendar_add_exception     (GantryCalendar *self,
                                                   const GantryCalendarException *ex);
void            gantry_calendar_remove_exception  (GantryCalendar *self, guint i);

guint           gantry_calendar_get_n_work_weeks  (GantryCalendar *self);
const GantryWorkWeek *
                gantry_calendar_get_work_week     (GantryCalendar *self, guint i);
void            gantry_calendar_add_work_week     (GantryCalendar *self, const GantryWorkWeek *ww);
void            gantry_calendar_remove_work_week  (GantryCalendar *self, guint i);

/* Copies weekdays, exceptions and work weeks (not uid/name/base) from src.
 * This is what the undo command uses. Emits "definition-changed" once. */
void            gantry_calendar_set_definition    (GantryCalendar *self, GantryCalendar *src);
gboolean        gantry_calendar_definition_equal  (GantryCalendar *a, GantryCalendar *b);
/* A new calendar with the same uid, name, base, flags and definition. */
GantryCalendar *gantry_calendar_copy              (GantryCalendar *self);
/* Incremented on every definition change of this calendar (the engine
 * uses it, with its bases' stamps, to know when to recompile). */
guint           gantry_calendar_get_stamp         (GantryCalendar *self);

/* Plain answers without compiling (for the UI and tests; slow, per day):
 * the effective definition of a day after exceptions, work weeks and the
 * base calendar are applied.  Never returns DEFAULT.  Order (as MPXJ and
 * MS Project): an exception of this calendar, else one of its bases (a
 * company holiday applies to every resource); else this calendar's work
 * week, else its weekday, each "DEFAULT" deferring to the base calendar's
 * work week / weekday; nothing defined at all = the Standard week. */
void            gantry_calendar_resolve_day       (GantryCalendar *self,
                                                   gint64          day_number,
                                                   GantryDayDef   *out);

GantryExtras   *gantry_calendar_get_extras        (GantryCalendar *self);

void            gantry_calendar_exception_clear   (GantryCalendarException *ex);
void            gantry_work_week_clear            (GantryWorkWeek *ww);
/* Does the exception apply on this day (recurrence evaluated)? */
gboolean        gantry_calendar_exception_covers  (const GantryCalendarException *ex,
                                                   gint64 day_number);

G_END_DECLS
