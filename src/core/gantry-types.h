/* gantry-types.h — basic types and enumerations of the Gantry model
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Time.
 *
 * An instant is a floating local wall-clock time (MSPDI dates carry no zone,
 * and we never convert through UTC): milliseconds since 1970-01-01T00:00:00
 * of the proleptic Gregorian calendar, computed as if the zone were UTC.
 * Every day therefore has exactly 86 400 000 ms; there is no DST.
 *
 * A duration is milliseconds of time.  For working-time durations it is
 * working time; for elapsed formats it is wall-clock time.  Milliseconds
 * round-trip every value in the MSPDI corpus exactly (MS Project writes at
 * most two decimals of a second).
 */
typedef gint64 GantryTime;
typedef gint64 GantryDuration;

#define GANTRY_TIME_NONE   G_MININT64           /* "NA": no date set */
#define GANTRY_MS_SECOND   ((gint64) 1000)
#define GANTRY_MS_MINUTE   ((gint64) 60000)
#define GANTRY_MS_HOUR     ((gint64) 3600000)
#define GANTRY_MS_DAY      ((gint64) 86400000)

/* Dependency types, with MSPDI's numeric values (FF=0, FS=1, SF=2, SS=3). */
typedef enum
{
  GANTRY_LINK_FF = 0,
  GANTRY_LINK_FS = 1,
  GANTRY_LINK_SF = 2,
  GANTRY_LINK_SS = 3,
} GantryLinkType;

/* Constraint types, with MSPDI's numeric values. */
typedef enum
{
  GANTRY_CONSTRAINT_ASAP = 0,
  GANTRY_CONSTRAINT_ALAP = 1,
  GANTRY_CONSTRAINT_MSO  = 2,
  GANTRY_CONSTRAINT_MFO  = 3,
  GANTRY_CONSTRAINT_SNET = 4,
  GANTRY_CONSTRAINT_SNLT = 5,
  GANTRY_CONSTRAINT_FNET = 6,
  GANTRY_CONSTRAINT_FNLT = 7,
} GantryConstraintType;

/* Task types, with MSPDI's numeric values. */
typedef enum
{
  GANTRY_TASK_FIXED_UNITS    = 0,
  GANTRY_TASK_FIXED_DURATION = 1,
  GANTRY_TASK_FIXED_WORK     = 2,
} GantryTaskType;

/* Resource types.  (MSPDI: Material = Type 0, Work = Type 1,
 * Cost = Type 0 + IsCostResource 1; the reader/writer maps.) */
typedef enum
{
  GANTRY_RESOURCE_WORK     = 0,
  GANTRY_RESOURCE_MATERIAL = 1,
  GANTRY_RESOURCE_COST     = 2,
} GantryResourceType;

/* Cost accrual, MSPDI AccrueAt values (1 Start, 2 End, 3 Prorated). */
typedef enum
{
  GANTRY_ACCRUE_START    = 1,
  GANTRY_ACCRUE_END      = 2,
  GANTRY_ACCRUE_PRORATED = 3,
} GantryAccrual;

/*
 * Duration / lag display formats: exactly MSPDI's DurationFormat codes, so
 * they round-trip.  Even codes are elapsed, codes >= 35 are estimated
 * ("?").  21 and 53 are MS Project's "null" format, read as days.
 */
typedef enum
{
  GANTRY_FORMAT_MINUTES          = 3,
  GANTRY_FORMAT_ELAPSED_MINUTES  = 4,
  GANTRY_FORMAT_HOURS            = 5,
  GANTRY_FORMAT_ELAPSED_HOURS    = 6,
  GANTRY_FORMAT_DAYS             = 7,
  GANTRY_FORMAT_ELAPSED_DAYS     = 8,
  GANTRY_FORMAT_WEEKS            = 9,
  GANTRY_FORMAT_ELAPSED_WEEKS    = 10,
  GANTRY_FORMAT_MONTHS           = 11,
  GANTRY_FORMAT_ELAPSED_MONTHS   = 12,
  GANTRY_FORMAT_PERCENT          = 19,
  GANTRY_FORMAT_ELAPSED_PERCENT  = 20,
  GANTRY_FORMAT_NULL             = 21,
  GANTRY_FORMAT_ESTIMATED_OFFSET = 32,  /* add to any of the above */
} GantryDurationFormat;

/* The unit part of a format, ignoring elapsed/estimated. */
typedef enum
{
  GANTRY_UNIT_MINUTE,
  GANTRY_UNIT_HOUR,
  GANTRY_UNIT_DAY,
  GANTRY_UNIT_WEEK,
  GANTRY_UNIT_MONTH,
  GANTRY_UNIT_PERCENT,
} GantryUnit;

G_END_DECLS
