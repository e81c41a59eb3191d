/* gantry-time.h — instants, durations and their text forms
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gantry-types.h"

G_BEGIN_DECLS

#define GANTRY_TIME_ERROR (gantry_time_error_quark ())
typedef enum
{
  GANTRY_TIME_ERROR_INVALID,      /* text is not a date / duration */
  GANTRY_TIME_ERROR_OUT_OF_RANGE, /* a part is out of range (month 13, huge) */
} GantryTimeError;
GQuark gantry_time_error_quark (void);

/* Valid instants lie in years 1..9999. */
#define GANTRY_TIME_MIN ((GantryTime) -62135596800000LL)  /* 0001-01-01T00:00:00 */
#define GANTRY_TIME_MAX ((GantryTime) 253402300799000LL)  /* 9999-12-31T23:59:59 */

/* ---- instants ---------------------------------------------------------- */

/* Returns GANTRY_TIME_NONE when a part is out of range. ms may be 0. */
GantryTime  gantry_time_make          (int year, int month, int day,
                                       int hour, int minute, int second);
/* Splits a valid instant (month 1..12, day 1..31). */
void        gantry_time_split         (GantryTime t,
                                       int *year, int *month, int *day,
                                       int *hour, int *minute, int *second);
/* Day number: days since 1970-01-01 (may be negative). */
gint64      gantry_time_day_number    (GantryTime t);
GantryTime  gantry_time_from_day_number (gint64 day);
/* Midnight at the start of t's day. */
GantryTime  gantry_time_day_start     (GantryTime t);
/* Milliseconds since midnight. */
gint64      gantry_time_time_of_day   (GantryTime t);
/* 0 = Sunday ... 6 = Saturday. */
int         gantry_time_weekday       (GantryTime t);
int         gantry_date_days_in_month (int year, int month);

/* ISO 8601 local form "YYYY-MM-DDTHH:MM:SS" (what MSPDI uses).  The parser
 * also accepts a date alone, fractional seconds, a trailing zone designator
 * (ignored: no zone conversion ever), and "24:00:00" as the end of the day.
 * Rejects nonsense such as "2008-12-04T17:-0:00" with GANTRY_TIME_ERROR. */
gboolean    gantry_time_parse_iso     (const char  *text,
                                       GantryTime  *out,
                                       GError     **error);
char       *gantry_time_format_iso    (GantryTime t);  /* NULL for NONE */

/* How gantry_time_format_display writes dates; a process-wide choice (the
 * "date-format" preference).  gantry_time_parse_display reads all three. */
typedef enum
{
  GANTRY_DATE_STYLE_LOCALE = 0,   /* the locale's short date (%x) */
  GANTRY_DATE_STYLE_ISO    = 1,   /* 2026-03-02 */
  GANTRY_DATE_STYLE_LONG   = 2    /* the language's long date: 2 March 2026 */
} GantryDateStyle;

void            gantry_time_set_display_style (GantryDateStyle style);
GantryDateStyle gantry_time_get_display_style (void);

/* The user's form: the date in the display style and the time (%H:%M) */
char       *gantry_time_format_display (GantryTime t, gboolean with_time);
/* Parses what a user types in a date cell: the locale's date with an
 * optional time, or ISO.  A date without time gets default_time_ms
 * (e.g. the project's DefaultStartTime). */
gboolean    gantry_time_parse_display (const char  *text,
                                       gint64       default_time_ms,
                                       GantryTime  *out,
                                       GError     **error);

/* ---- durations --------------------------------------------------------- */

/* The project's conversion factors (MS Project: MinutesPerDay,
 * MinutesPerWeek, DaysPerMonth).  Elapsed units are always 24 h per day,
 * 7 days per week and 30 days per month. */
typedef struct
{
  int minutes_per_day;    /* default 480 */
  int minutes_per_week;   /* default 2400 */
  int days_per_month;     /* default 20 */
} GantryDurationContext;

#define GANTRY_DURATION_CONTEXT_DEFAULT { 480, 2400, 20 }

gboolean    gantry_format_is_elapsed   (GantryDurationFormat format);
gboolean    gantry_format_is_estimated (GantryDurationFormat format);
gboolean    gantry_format_is_percent   (GantryDurationFormat format);
GantryUnit  gantry_format_get_unit     (GantryDurationFormat format); /* NULL->day */
/* Builds a format code from its parts (unit must not be PERCENT unless
 * for a lag). */
GantryDurationFormat gantry_format_make (GantryUnit unit,
                                         gboolean   elapsed,
                                         gboolean   estimated);
/* TRUE when code is one of MSPDI's valid codes (3-12, 19-21, 35-44, 51-53). */
gboolean    gantry_format_is_valid     (int code);

/* Milliseconds in one unit of the format, under ctx (working or elapsed). */
gint64      gantry_format_unit_ms      (GantryDurationFormat         format,
                                        const GantryDurationContext *ctx);

/* Parses what users type: "2d", "3.5h", "1ew", "2w?", "30m", "1.5 days",
 * "4 hrs", "2mo", "0" (no unit = default_format's unit).  The decimal
 * separator is the locale's (a '.' is always accepted too).  Negative
 * values are allowed only when allow_negative (lags).  "%" units are
 * accepted only when allow_percent; then *out is the percentage times 1000
 * (e.g. 25 % -> 25000) instead of milliseconds.  On success *format is
 * the format the user typed. */
gboolean    gantry_duration_parse     (const char                  *text,
                                       const GantryDurationContext *ctx,
                                       GantryDurationFormat         default_format,
                                       gboolean                     allow_negative,
                                       gboolean                     allow_percent,
                                       GantryDuration              *out,
                                       GantryDurationFormat        *format,
                                       GError                     **error);
/* Formats in the format's unit, shortest form ("2d", "3.5h", "1ew", "2w?"),
 * with the locale's decimal separator and up to two decimals. */
char       *gantry_duration_format_short (GantryDuration               d,
                                          GantryDurationFormat         format,
                                          const GantryDurationContext *ctx);
/* Formats for display, translated and pluralised ("2 days", "3.5 hrs",
 * "1 ewk", "2 wks?"), as MS Project shows them. */
char       *gantry_duration_format_long  (GantryDuration               d,
                                          GantryDurationFormat         format,
                                          const GantryDurationContext *ctx);

G_END_DECLS
