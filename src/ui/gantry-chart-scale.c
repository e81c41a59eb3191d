/* gantry-chart-scale.c — the Gantt chart's zoom levels and timescale units
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gantry-chart-scale.h"

static const GantryZoomLevel zoom_levels[GANTRY_SCALE_N_ZOOM] = {
  /* px/day  major                  minor                  snap               hours */
  { 480.0,   GANTRY_SCALE_DAY,      GANTRY_SCALE_HOUR,     GANTRY_SCALE_HOUR, TRUE  },
  {  44.0,   GANTRY_SCALE_WEEK,     GANTRY_SCALE_DAY,      GANTRY_SCALE_DAY,  FALSE },
  {  14.0,   GANTRY_SCALE_MONTH,    GANTRY_SCALE_WEEK,     GANTRY_SCALE_DAY,  FALSE },
  {   4.0,   GANTRY_SCALE_QUARTER,  GANTRY_SCALE_MONTH,    GANTRY_SCALE_DAY,  FALSE },
  {   1.3,   GANTRY_SCALE_YEAR,     GANTRY_SCALE_QUARTER,  GANTRY_SCALE_WEEK, FALSE },
  {   0.5,   GANTRY_SCALE_YEAR,     GANTRY_SCALE_QUARTER,  GANTRY_SCALE_WEEK, FALSE },
};

const GantryZoomLevel *
gantry_scale_get_zoom_level (int zoom)
{
  return &zoom_levels[CLAMP (zoom, 0, GANTRY_SCALE_N_ZOOM - 1)];
}

static GantryTime
clamp_time (GantryTime t)
{
  return CLAMP (t, GANTRY_TIME_MIN, GANTRY_TIME_MAX);
}

GantryTime
gantry_scale_floor (GantryTime      t,
                    GantryScaleUnit unit,
                    int             step,
                    int             week_start)
{
  int y, m, d, h, mi, s;
  gint64 day;

  t = clamp_time (t);
  day = gantry_time_day_number (t);
  switch (unit)
    {
    case GANTRY_SCALE_HOUR:
      {
        gint64 tod = gantry_time_time_of_day (t);
        gint64 span = (gint64) MAX (step, 1) * GANTRY_MS_HOUR;

        return gantry_time_from_day_number (day) + (tod / span) * span;
      }
    case GANTRY_SCALE_DAY:
      return gantry_time_from_day_number (day);
    case GANTRY_SCALE_WEEK:
      {
        int wd = gantry_time_weekday (t);
        int back = ((wd - CLAMP (week_start, 0, 6)) % 7 + 7) % 7;

        return gantry_time_from_day_number (day - back);
      }
    case GANTRY_SCALE_MONTH:
    case GANTRY_SCALE_QUARTER:
    case GANTRY_SCALE_YEAR:
    default:
      gantry_time_split (t, &y, &m, &d, &h, &mi, &s);
      if (unit == GANTRY_SCALE_YEAR)
        m = 1;
      else if (unit == GANTRY_SCALE_QUARTER)
        m = ((m - 1) / 3) * 3 + 1;
      return gantry_time_make (y, m, 1, 0, 0, 0);
    }
}

GantryTime
gantry_scale_next (GantryTime      t,
                   GantryScaleUnit unit,
                   int             step)
{
  int y, m, d, h, mi, s;
  GantryTime next;

  t = clamp_time (t);
  switch (unit)
    {
    case GANTRY_SCALE_HOUR:
      next = t + (gint64) MAX (step, 1) * GANTRY_MS_HOUR;
      /* Steps restart at midnight (e.g. 3-hour cells: 0, 3 ... 21). */
      if (gantry_time_day_number (next) != gantry_time_day_number (t))
        next = gantry_time_day_start (next);
      break;
    case GANTRY_SCALE_DAY:
      next = t + GANTRY_MS_DAY;
      break;
    case GANTRY_SCALE_WEEK:
      next = t + 7 * GANTRY_MS_DAY;
      break;
    case GANTRY_SCALE_MONTH:
    case GANTRY_SCALE_QUARTER:
    case GANTRY_SCALE_YEAR:
    default:
      gantry_time_split (t, &y, &m, &d, &h, &mi, &s);
      if (unit == GANTRY_SCALE_YEAR)
        y += 1;
      else
        m += unit == GANTRY_SCALE_QUARTER ? 3 : 1;
      while (m > 12)
        {
          m -= 12;
          y += 1;
        }
      if (y > 9999)
        return GANTRY_TIME_MAX;
      next = gantry_time_make (y, m, 1, 0, 0, 0);
      break;
    }
  if (next <= t || next > GANTRY_TIME_MAX)
    return GANTRY_TIME_MAX;
  return next;
}

gint64
gantry_scale_unit_ms (GantryScaleUnit unit)
{
  switch (unit)
    {
    case GANTRY_SCALE_HOUR:    return GANTRY_MS_HOUR;
    case GANTRY_SCALE_DAY:     return GANTRY_MS_DAY;
    case GANTRY_SCALE_WEEK:    return 7 * GANTRY_MS_DAY;
    case GANTRY_SCALE_MONTH:   return 30 * GANTRY_MS_DAY;
    case GANTRY_SCALE_QUARTER: return 91 * GANTRY_MS_DAY;
    case GANTRY_SCALE_YEAR:
    default:                   return 365 * GANTRY_MS_DAY;
    }
}

/* Label formats, longest first.  They are g_date_time_format() formats;
 * %q (ours) is the quarter number 1-4. */
static const char *
label_format (GantryScaleUnit unit,
              gboolean        major,
              guint           variant)
{
  switch (unit)
    {
    case GANTRY_SCALE_HOUR:
      switch (variant)
        {
        /* TRANSLATORS: timescale label of an hour, a g_date_time_format()
         * format; e.g. "08:00".  Keep it short. */
        case 0: return C_("timescale hour", "%H:%M");
        /* TRANSLATORS: the shortest timescale label of an hour, e.g. "08" */
        default: return C_("timescale hour", "%H");
        }
    case GANTRY_SCALE_DAY:
      if (major)
        switch (variant)
          {
          /* TRANSLATORS: upper timescale label of a day, a
           * g_date_time_format() format; e.g. "Monday 2 March 2026" */
          case 0: return C_("timescale day", "%A %-d %B %Y");
          /* TRANSLATORS: e.g. "Mon 2 Mar 2026" */
          case 1: return C_("timescale day", "%a %-d %b %Y");
          /* TRANSLATORS: e.g. "2 Mar" */
          default: return C_("timescale day", "%-d %b");
          }
      switch (variant)
        {
        /* TRANSLATORS: lower timescale label of a day, e.g. "Mon 2" */
        case 0: return C_("timescale day", "%a %-d");
        /* TRANSLATORS: lower timescale label of a day, e.g. "2" */
        default: return C_("timescale day", "%-d");
        }
    case GANTRY_SCALE_WEEK:
      if (major)
        switch (variant)
          {
          /* TRANSLATORS: upper timescale label of a week (its first day),
           * a g_date_time_format() format; e.g. "Week 10, 2 March 2026" */
          case 0: return C_("timescale week", "Week %V, %-d %B %Y");
          /* TRANSLATORS: e.g. "2 March 2026" */
          case 1: return C_("timescale week", "%-d %B %Y");
          /* TRANSLATORS: e.g. "2 Mar" */
          default: return C_("timescale week", "%-d %b");
          }
      switch (variant)
        {
        /* TRANSLATORS: lower timescale label of a week (its first day),
         * e.g. "2 Mar" */
        case 0: return C_("timescale week", "%-d %b");
        /* TRANSLATORS: e.g. "2" */
        default: return C_("timescale week", "%-d");
        }
    case GANTRY_SCALE_MONTH:
      if (major)
        switch (variant)
          {
          /* TRANSLATORS: upper timescale label of a month, e.g. "March 2026" */
          case 0: return C_("timescale month", "%B %Y");
          /* TRANSLATORS: e.g. "Mar 2026" */
          case 1: return C_("timescale month", "%b %Y");
          /* TRANSLATORS: e.g. "Mar" */
          default: return C_("timescale month", "%b");
          }
      switch (variant)
        {
        /* TRANSLATORS: lower timescale label of a month, e.g. "March" */
        case 0: return C_("timescale month", "%B");
        /* TRANSLATORS: e.g. "Mar" */
        case 1: return C_("timescale month", "%b");
        /* TRANSLATORS: the month number, e.g. "3" */
        default: return C_("timescale month", "%-m");
        }
    case GANTRY_SCALE_QUARTER:
      if (major)
        switch (variant)
          {
          /* TRANSLATORS: upper timescale label of a quarter; %q is the
           * quarter number (1-4), the rest a g_date_time_format() format;
           * e.g. "Q1 2026" */
          case 0: return C_("timescale quarter", "Q%q %Y");
          /* TRANSLATORS: e.g. "Q1" (%q: the quarter number) */
          default: return C_("timescale quarter", "Q%q");
          }
      switch (variant)
        {
        /* TRANSLATORS: lower timescale label of a quarter, e.g. "Q1"
         * (%q: the quarter number) */
        case 0: return C_("timescale quarter", "Q%q");
        /* TRANSLATORS: the shortest label of a quarter, e.g. "1" */
        default: return C_("timescale quarter", "%q");
        }
    case GANTRY_SCALE_YEAR:
    default:
      switch (variant)
        {
        /* TRANSLATORS: timescale label of a year, e.g. "2026" */
        case 0: return C_("timescale year", "%Y");
        /* TRANSLATORS: a year in two digits, e.g. "26" */
        default: return C_("timescale year", "%y");
        }
    }
}

guint
gantry_scale_n_label_variants (GantryScaleUnit unit,
                               gboolean        major)
{
  switch (unit)
    {
    case GANTRY_SCALE_HOUR:    return 2;
    case GANTRY_SCALE_DAY:     return major ? 3 : 2;
    case GANTRY_SCALE_WEEK:    return major ? 3 : 2;
    case GANTRY_SCALE_MONTH:   return 3;
    case GANTRY_SCALE_QUARTER: return 2;
    case GANTRY_SCALE_YEAR:
    default:                   return 2;
    }
}

char *
gantry_scale_format_label (GantryTime      t,
                           GantryScaleUnit unit,
                           gboolean        major,
                           guint           variant)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GString) format = NULL;
  const char *f;
  int y, m, d, h, mi, s;
  char *label;

  if (t == GANTRY_TIME_NONE)
    return g_strdup ("");
  t = clamp_time (t);
  gantry_time_split (t, &y, &m, &d, &h, &mi, &s);
  /* A UTC GDateTime only carries the wall-clock fields: no conversion. */
  dt = g_date_time_new_utc (y, m, d, h, mi, s);
  if (dt == NULL)
    return g_strdup ("");

  /* Expand our %q; leave every other conversion to GLib. */
  format = g_string_new (NULL);
  for (f = label_format (unit, major, variant); *f != '\0'; f++)
    {
      if (f[0] == '%' && f[1] == 'q')
        {
          g_string_append_printf (format, "%d", (m - 1) / 3 + 1);
          f++;
        }
      else if (f[0] == '%' && f[1] != '\0')
        {
          g_string_append_c (format, f[0]);
          g_string_append_c (format, f[1]);
          f++;
        }
      else
        g_string_append_c (format, *f);
    }
  label = g_date_time_format (dt, format->str);
  return label != NULL ? label : g_strdup ("");
}

gint64
gantry_scale_snap_delta (gint64          delta,
                         GantryScaleUnit snap)
{
  gint64 unit = gantry_scale_unit_ms (snap);
  gint64 half = unit / 2;

  if (delta >= 0)
    return ((delta + half) / unit) * unit;
  return -(((-delta + half) / unit) * unit);
}
