/* gantry-time.c — instants, durations and their text forms
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "gantry-time.h"

G_DEFINE_QUARK (gantry-time-error-quark, gantry_time_error)

/* The largest duration magnitude we accept: the span of valid instants. */
#define MAX_DURATION_MS (GANTRY_TIME_MAX - GANTRY_TIME_MIN)
/* The largest percentage lag magnitude we accept. */
#define MAX_PERCENT 100000.0

/* ---- calendar arithmetic ----------------------------------------------- */

/* Days since 1970-01-01 of a proleptic Gregorian date (any year). */
static gint64
days_from_civil (gint64 y, int m, int d)
{
  gint64 era, yoe, doy, doe;

  if (m <= 2)
    y -= 1;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64 z, int *year, int *month, int *day)
{
  gint64 era, doe, yoe, y, doy, mp;
  int m, d;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  d = (int) (doy - (153 * mp + 2) / 5 + 1);
  m = (int) (mp < 10 ? mp + 3 : mp - 9);
  if (m <= 2)
    y += 1;
  *year = (int) y;
  *month = m;
  *day = d;
}

static gint64
floor_div (gint64 a, gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q -= 1;
  return q;
}

int
gantry_date_days_in_month (int year, int month)
{
  static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap;

  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap)
    return 29;
  return days[month - 1];
}

GantryTime
gantry_time_make (int year, int month, int day, int hour, int minute, int second)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12)
    return GANTRY_TIME_NONE;
  if (day < 1 || day > gantry_date_days_in_month (year, month))
    return GANTRY_TIME_NONE;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return GANTRY_TIME_NONE;

  return days_from_civil (year, month, day) * GANTRY_MS_DAY
         + hour * GANTRY_MS_HOUR + minute * GANTRY_MS_MINUTE + second * GANTRY_MS_SECOND;
}

void
gantry_time_split (GantryTime t, int *year, int *month, int *day,
                   int *hour, int *minute, int *second)
{
  int y = 0, mo = 0, d = 0;
  gint64 tod = 0;

  /* NONE has no fields: all parts come back 0 (and a critical). */
  if (t != GANTRY_TIME_NONE)
    {
      civil_from_days (gantry_time_day_number (t), &y, &mo, &d);
      tod = gantry_time_time_of_day (t);
    }
  else
    g_critical ("%s: the instant is GANTRY_TIME_NONE", G_STRFUNC);

  if (year)
    *year = y;
  if (month)
    *month = mo;
  if (day)
    *day = d;
  if (hour)
    *hour = (int) (tod / GANTRY_MS_HOUR);
  if (minute)
    *minute = (int) (tod % GANTRY_MS_HOUR / GANTRY_MS_MINUTE);
  if (second)
    *second = (int) (tod % GANTRY_MS_MINUTE / GANTRY_MS_SECOND);
}

gint64
gantry_time_day_number (GantryTime t)
{
  return floor_div (t, GANTRY_MS_DAY);
}

GantryTime
gantry_time_from_day_number (gint64 day)
{
  return day * GANTRY_MS_DAY;
}

GantryTime
gantry_time_day_start (GantryTime t)
{
  if (t == GANTRY_TIME_NONE)
    return GANTRY_TIME_NONE;
  return gantry_time_day_number (t) * GANTRY_MS_DAY;
}

gint64
gantry_time_time_of_day (GantryTime t)
{
  return t - gantry_time_day_number (t) * GANTRY_MS_DAY;
}

int
gantry_time_weekday (GantryTime t)
{
  /* 1970-01-01 was a Thursday (4). */
  gint64 day = gantry_time_day_number (t);

  return (int) (((day % 7) + 7 + 4) % 7);
}

/* ---- ISO 8601 ------------------------------------------------------------ */

/* Reads exactly n digits. */
static gboolean
read_digits (const char **p, int n, int *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *out = v;
  return TRUE;
}

static gboolean
set_error_invalid (GError **error, const char *text, const char *what)
{
  g_set_error (error, GANTRY_TIME_ERROR, GANTRY_TIME_ERROR_INVALID,
               /* Translators: the first %s is the text, the second what is wrong */
               _("“%s” is not a valid date: %s"), text, what);
  return FALSE;
}

static gboolean
set_error_range (GError **error, const char *text, const char *what)
{
  g_set_error (error, GANTRY_TIME_ERROR, GANTRY_TIME_ERROR_OUT_OF_RANGE,
               _("“%s” is not a valid date: %s"), text, what);
  return FALSE;
}

gboolean
gantry_time_parse_iso (const char  *text,
                       GantryTime  *out,
                       GError     **error)
{
  g_autofree char *copy = NULL;
  const char *p;
  int year, month, day, hour = 0, minute = 0, second = 0;
  gint64 ms = 0;
  gint64 day_number;
  GantryTime t;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    {
      g_set_error (error, GANTRY_TIME_ERROR, GANTRY_TIME_ERROR_INVALID,
                   _("No date given"));
      return FALSE;
    }

  copy = g_strstrip (g_strdup (text));
  p = copy;

  if (!read_digits (&p, 4, &year) || *p++ != '-'
      || !read_digits (&p, 2, &month) || *p++ != '-'
      || !read_digits (&p, 2, &day))
    return set_error_invalid (error, text, _("expected YYYY-MM-DD"));

  if (*p == 'T' || *p == 't' || *p == ' ')
    {
      p++;
      if (!read_digits (&p, 2, &hour) || *p++ != ':' || !read_digits (&p, 2, &minute))
        return set_error_invalid (error, text, _("expected a time HH:MM:SS"));
      if (*p == ':')
        {
          p++;
          if (!read_digits (&p, 2, &second))
            return set_error_invalid (error, text, _("expected seconds after the colon"));
          if (*p == '.' || *p == ',')
            {
              gint64 scale = 100;
              gboolean round_up = FALSE;
              int n = 0;

              p++;
              if (!g_ascii_isdigit (*p))
                return set_error_invalid (error, text, _("expected digits after the decimal point"));
              for (; g_ascii_isdigit (*p); p++, n++)
                {
                  if (n < 3)
                    {
                      ms += (*p - '0') * scale;
                      scale /= 10;
                    }
                  else if (n == 3)
                    round_up = *p >= '5';
                }
              if (round_up)
                ms += 1;
            }
        }
    }

  /* A zone designator is accepted and ignored: we never convert zones. */
  if (*p == 'Z' || *p == 'z')
    p++;
  else if (*p == '+' || *p == '-')
    {
      int zh, zm = 0;

      p++;
      if (!read_digits (&p, 2, &zh))
        return set_error_invalid (error, text, _("bad time zone"));
      if (*p == ':')
        p++;
      if (g_ascii_isdigit (*p) && !read_digits (&p, 2, &zm))
        return set_error_invalid (error, text, _("bad time zone"));
      if (zh > 23 || zm > 59)
        return set_error_invalid (error, text, _("bad time zone"));
    }

  if (*p != '\0')
    return set_error_invalid (error, text, _("unexpected characters at the end"));

  if (year < 1)
    return set_error_range (error, text, _("the year must be between 1 and 9999"));
  if (month < 1 || month > 12)
    return set_error_range (error, text, _("the month must be between 1 and 12"));
  if (day < 1 || day > gantry_date_days_in_month (year, month))
    return set_error_range (error, text, _("that month has no such day"));
  if (hour == 24)
    {
      if (minute != 0 || second != 0 || ms != 0)
        return set_error_range (error, text, _("the hour must be between 0 and 23"));
    }
  else if (hour > 23)
    return set_error_range (error, text, _("the hour must be between 0 and 23"));
  if (minute > 59)
    return set_error_range (error, text, _("the minutes must be between 0 and 59"));
  if (second > 59)
    return set_error_range (error, text, _("the seconds must be between 0 and 59"));

  day_number = days_from_civil (year, month, day);
  t = day_number * GANTRY_MS_DAY + hour * GANTRY_MS_HOUR + minute * GANTRY_MS_MINUTE
      + second * GANTRY_MS_SECOND + ms;
  if (t > GANTRY_TIME_MAX)
    return set_error_range (error, text, _("the year must be between 1 and 9999"));

  *out = t;
  return TRUE;
}

char *
gantry_time_format_iso (GantryTime t)
{
  int y, mo, d, h, mi, s;
  gint64 ms;

  if (t == GANTRY_TIME_NONE)
    return NULL;

  gantry_time_split (t, &y, &mo, &d, &h, &mi, &s);
  ms = gantry_time_time_of_day (t) % GANTRY_MS_SECOND;
  if (ms == 0)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s);
  else if (ms % 10 == 0)
    {
      if (ms % 100 == 0)
        return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%01d", y, mo, d, h, mi, s,
                                (int) (ms / 100));
      return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%02d", y, mo, d, h, mi, s,
                              (int) (ms / 10));
    }
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03d", y, mo, d, h, mi, s, (int) ms);
}

/* ---- display form -------------------------------------------------------- */

static GantryDateStyle display_style = GANTRY_DATE_STYLE_LOCALE;

void
gantry_time_set_display_style (GantryDateStyle style)
{
  g_return_if_fail (style >= GANTRY_DATE_STYLE_LOCALE && style <= GANTRY_DATE_STYLE_LONG);
  display_style = style;
}

GantryDateStyle
gantry_time_get_display_style (void)
{
  return display_style;
}

char *
gantry_time_format_display (GantryTime t, gboolean with_time)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *date = NULL;
  int y, mo, d, h, mi, s;

  if (t == GANTRY_TIME_NONE || t < GANTRY_TIME_MIN || t > GANTRY_TIME_MAX)
    return g_strdup ("");

  gantry_time_split (t, &y, &mo, &d, &h, &mi, &s);
  /* A UTC GDateTime is just a carrier for the wall-clock fields: no zone
   * conversion happens. */
  dt = g_date_time_new_utc (y, mo, d, h, mi, s);
  if (dt == NULL)
    return g_strdup ("");
  switch (display_style)
    {
    case GANTRY_DATE_STYLE_ISO:
      date = g_strdup_printf ("%04d-%02d-%02d", y, mo, d);
      break;
    case GANTRY_DATE_STYLE_LONG:
      /* Translators: the long date form of the "date-format" preference,
       * in g_date_time_format() codes (%-d day, %B month name, %Y year).
       * Put them in your language's order; the date must read back, so
       * keep the day, month name and year. */
      /* xgettext:no-c-format */
      date = g_date_time_format (dt, _("%-d %B %Y"));
      break;
    case GANTRY_DATE_STYLE_LOCALE:
    default:
      date = g_date_time_format (dt, "%x");
      break;
    }
  if (date == NULL)
    return g_strdup ("");
  if (!with_time)
    return g_steal_pointer (&date);
  return g_strdup_printf ("%s %02d:%02d", date, h, mi);
}

/* Parses "H:MM" or "HH:MM[:SS]" at the end of text; returns the ms since
 * midnight or -1, and where the time starts. */
static gint64
parse_trailing_time (const char *text, const char **time_start)
{
  const char *sp = strrchr (text, ' ');
  const char *p = sp ? sp + 1 : text;
  int h = 0, m = 0, s = 0, n = 0;

  if (!g_ascii_isdigit (*p))
    return -1;
  while (g_ascii_isdigit (*p) && n < 2)
    h = h * 10 + (*p++ - '0'), n++;
  if (*p++ != ':')
    return -1;
  if (!read_digits (&p, 2, &m))
    return -1;
  if (*p == ':')
    {
      p++;
      if (!read_digits (&p, 2, &s))
        return -1;
    }
  if (*p != '\0' || h > 24 || m > 59 || s > 59 || (h == 24 && (m || s)))
    return -1;
  *time_start = sp ? sp : text;
  return h * GANTRY_MS_HOUR + m * GANTRY_MS_MINUTE + s * GANTRY_MS_SECOND;
}

gboolean
gantry_time_parse_display (const char  *text,
                           gint64       default_time_ms,
                           GantryTime  *out,
                           GError     **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *date_part = NULL;
  const char *time_start = NULL;
  gint64 tod;
  GDate date;
  GantryTime t;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, GANTRY_TIME_ERROR, GANTRY_TIME_ERROR_INVALID, _("No date given"));
      return FALSE;
    }

  copy = g_strstrip (g_strdup (text));

  /* ISO first: unambiguous. "2026-03-02 08:00" is the ISO display style
   * with a time. */
  if (strlen (copy) > 10 && g_ascii_isdigit (copy[0]) && copy[4] == '-' && copy[10] == ' ')
    {
      g_autofree char *day = g_strndup (copy, 10);

      tod = parse_trailing_time (copy, &time_start);
      if (tod < 0 || time_start != copy + 10)
        return set_error_invalid (error, text, _("not a date in this locale’s form"));
      if (!gantry_time_parse_iso (day, &t, error))
        return FALSE;
      if (t + tod > GANTRY_TIME_MAX)
        return set_error_range (error, text, _("the year must be between 1 and 9999"));
      *out = t + tod;
      return TRUE;
    }
  if (strlen (copy) >= 10 && g_ascii_isdigit (copy[0]) && copy[4] == '-')
    {
      if (!gantry_time_parse_iso (copy, &t, error))
        return FALSE;
      if (strlen (copy) == 10)
        t += CLAMP (default_time_ms, 0, GANTRY_MS_DAY - 1);
      if (t > GANTRY_TIME_MAX)
        return set_error_range (error, text, _("the year must be between 1 and 9999"));
      *out = t;
      return TRUE;
    }

  tod = parse_trailing_time (copy, &time_start);
  if (tod >= 0)
    date_part = g_strstrip (g_strndup (copy, time_start - copy));
  else
    {
      date_part = g_strdup (copy);
      tod = CLAMP (default_time_ms, 0, GANTRY_MS_DAY - 1);
    }

  if (*date_part == '\0')
    return set_error_invalid (error, text, _("no date before the time"));

  g_date_clear (&date, 1);
  g_date_set_parse (&date, date_part);
  if (!g_date_valid (&date))
    return set_error_invalid (error, text, _("not a date in this locale’s form"));
  if (g_date_get_year (&date) < 1 || g_date_get_year (&date) > 9999)
    return set_error_range (error, text, _("the year must be between 1 and 9999"));

  t = gantry_time_make (g_date_get_year (&date), g_date_get_month (&date),
                        g_date_get_day (&date), 0, 0, 0);
  if (t == GANTRY_TIME_NONE || t + tod > GANTRY_TIME_MAX)
    return set_error_range (error, text, _("the year must be between 1 and 9999"));
  *out = t + tod;
  return TRUE;
}

/* ---- duration formats ---------------------------------------------------- */

static int
format_base (GantryDurationFormat format)
{
  int code = (int) format;

  if (code >= 35)
    code -= GANTRY_FORMAT_ESTIMATED_OFFSET;
  return code;
}

gboolean
gantry_format_is_valid (int code)
{
  return (code >= 3 && code <= 12) || (code >= 19 && code <= 21)
         || (code >= 35 && code <= 44) || (code >= 51 && code <= 53);
}

gboolean
gantry_format_is_elapsed (GantryDurationFormat format)
{
  int base = format_base (format);

  return (base >= 4 && base <= 12 && base % 2 == 0) || base == 20;
}

gboolean
gantry_format_is_estimated (GantryDurationFormat format)
{
  return (int) format >= 35;
}

gboolean
gantry_format_is_percent (GantryDurationFormat format)
{
  int base = format_base (format);

  return base == 19 || base == 20;
}

GantryUnit
gantry_format_get_unit (GantryDurationFormat format)
{
  switch (format_base (format))
    {
    case 3: case 4:
      return GANTRY_UNIT_MINUTE;
    case 5: case 6:
      return GANTRY_UNIT_HOUR;
    case 9: case 10:
      return GANTRY_UNIT_WEEK;
    case 11: case 12:
      return GANTRY_UNIT_MONTH;
    case 19: case 20:
      return GANTRY_UNIT_PERCENT;
    default:  /* 7, 8, 21 ("null") and anything unknown */
      return GANTRY_UNIT_DAY;
    }
}

GantryDurationFormat
gantry_format_make (GantryUnit unit, gboolean elapsed, gboolean estimated)
{
  int code;

  switch (unit)
    {
    case GANTRY_UNIT_MINUTE:  code = 3; break;
    case GANTRY_UNIT_HOUR:    code = 5; break;
    case GANTRY_UNIT_WEEK:    code = 9; break;
    case GANTRY_UNIT_MONTH:   code = 11; break;
    case GANTRY_UNIT_PERCENT: code = 19; break;
    case GANTRY_UNIT_DAY:
    default:                  code = 7; break;
    }
  if (elapsed)
    code += 1;
  if (estimated)
    code += GANTRY_FORMAT_ESTIMATED_OFFSET;
  return (GantryDurationFormat) code;
}

static void
sanitize_ctx (const GantryDurationContext *ctx, GantryDurationContext *out)
{
  GantryDurationContext def = GANTRY_DURATION_CONTEXT_DEFAULT;

  *out = ctx ? *ctx : def;
  if (out->minutes_per_day <= 0)
    out->minutes_per_day = def.minutes_per_day;
  if (out->minutes_per_week <= 0)
    out->minutes_per_week = def.minutes_per_week;
  if (out->days_per_month <= 0)
    out->days_per_month = def.days_per_month;
}

gint64
gantry_format_unit_ms (GantryDurationFormat         format,
                       const GantryDurationContext *ctx)
{
  GantryDurationContext c;
  gboolean elapsed = gantry_format_is_elapsed (format);

  sanitize_ctx (ctx, &c);

  switch (gantry_format_get_unit (format))
    {
    case GANTRY_UNIT_MINUTE:
      return GANTRY_MS_MINUTE;
    case GANTRY_UNIT_HOUR:
      return GANTRY_MS_HOUR;
    case GANTRY_UNIT_WEEK:
      return elapsed ? 7 * GANTRY_MS_DAY : c.minutes_per_week * GANTRY_MS_MINUTE;
    case GANTRY_UNIT_MONTH:
      return elapsed ? 30 * GANTRY_MS_DAY
                     : (gint64) c.days_per_month * c.minutes_per_day * GANTRY_MS_MINUTE;
    case GANTRY_UNIT_PERCENT:
      return 1000;
    case GANTRY_UNIT_DAY:
    default:
      return elapsed ? GANTRY_MS_DAY : c.minutes_per_day * GANTRY_MS_MINUTE;
    }
}

/* ---- unit names ---------------------------------------------------------- */

typedef struct
{
  GantryUnit  unit;
  gboolean    elapsed;
  const char *aliases;   /* English forms, '|'-separated, always accepted */
} UnitAliases;

static const UnitAliases unit_aliases[] = {
  { GANTRY_UNIT_MINUTE, FALSE, "m|min|mins|minute|minutes" },
  { GANTRY_UNIT_MINUTE, TRUE,  "em|emin|emins|eminute|eminutes" },
  { GANTRY_UNIT_HOUR,   FALSE, "h|hr|hrs|hour|hours" },
  { GANTRY_UNIT_HOUR,   TRUE,  "eh|ehr|ehrs|ehour|ehours" },
  { GANTRY_UNIT_DAY,    FALSE, "d|dy|dys|day|days" },
  { GANTRY_UNIT_DAY,    TRUE,  "ed|edy|edys|eday|edays" },
  { GANTRY_UNIT_WEEK,   FALSE, "w|wk|wks|week|weeks" },
  { GANTRY_UNIT_WEEK,   TRUE,  "ew|ewk|ewks|eweek|eweeks" },
  { GANTRY_UNIT_MONTH,  FALSE, "mo|mon|mons|month|months" },
  { GANTRY_UNIT_MONTH,  TRUE,  "emo|emon|emons|emonth|emonths" },
  { GANTRY_UNIT_PERCENT, FALSE, "%" },
  { GANTRY_UNIT_PERCENT, TRUE, "e%" },
};

static int
unit_index (GantryUnit unit, gboolean elapsed)
{
  return (int) unit * 2 + (elapsed ? 1 : 0);
}

/* The short suffix ("d", "ew"), translated. */
static const char *
unit_short_name (GantryUnit unit, gboolean elapsed)
{
  switch (unit_index (unit, elapsed))
    {
    /* Translators: short duration unit suffixes as in "2d"; they must be
     * distinct from each other, the parser accepts them back. */
    case 0: return C_("duration unit", "m");
    case 1: return C_("duration unit", "em");
    case 2: return C_("duration unit", "h");
    case 3: return C_("duration unit", "eh");
    case 4: return C_("duration unit", "d");
    case 5: return C_("duration unit", "ed");
    case 6: return C_("duration unit", "w");
    case 7: return C_("duration unit", "ew");
    case 8: return C_("duration unit", "mo");
    case 9: return C_("duration unit", "emo");
    case 10: return C_("duration unit", "%");
    case 11: return C_("duration unit", "e%");
    default: return "";
    }
}

/* The long unit name ("day", "days"), translated and pluralised. */
static const char *
unit_long_name (GantryUnit unit, gboolean elapsed, gulong n)
{
  switch (unit_index (unit, elapsed))
    {
    /* Translators: duration unit names as MS Project shows them ("2 days",
     * "3.5 hrs"); the leading "e" means elapsed (calendar) time. */
    case 0: return g_dngettext (GETTEXT_PACKAGE, "min", "mins", n);
    case 1: return g_dngettext (GETTEXT_PACKAGE, "emin", "emins", n);
    case 2: return g_dngettext (GETTEXT_PACKAGE, "hr", "hrs", n);
    case 3: return g_dngettext (GETTEXT_PACKAGE, "ehr", "ehrs", n);
    case 4: return g_dngettext (GETTEXT_PACKAGE, "day", "days", n);
    case 5: return g_dngettext (GETTEXT_PACKAGE, "eday", "edays", n);
    case 6: return g_dngettext (GETTEXT_PACKAGE, "wk", "wks", n);
    case 7: return g_dngettext (GETTEXT_PACKAGE, "ewk", "ewks", n);
    case 8: return g_dngettext (GETTEXT_PACKAGE, "mon", "mons", n);
    case 9: return g_dngettext (GETTEXT_PACKAGE, "emon", "emons", n);
    case 10: return C_("duration unit", "%");
    case 11: return C_("duration unit", "e%");
    default: return "";
    }
}

static gboolean
match_alias_list (const char *aliases, const char *word)
{
  g_auto(GStrv) parts = g_strsplit (aliases, "|", -1);

  for (guint i = 0; parts[i]; i++)
    if (g_strcmp0 (parts[i], word) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
lookup_unit (const char *word, GantryUnit *unit, gboolean *elapsed)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);

  for (guint i = 0; i < G_N_ELEMENTS (unit_aliases); i++)
    if (match_alias_list (unit_aliases[i].aliases, lower))
      {
        *unit = unit_aliases[i].unit;
        *elapsed = unit_aliases[i].elapsed;
        return TRUE;
      }

  /* The translated forms the formatters produce. */
  for (guint i = 0; i < G_N_ELEMENTS (unit_aliases); i++)
    {
      GantryUnit u = unit_aliases[i].unit;
      gboolean e = unit_aliases[i].elapsed;
      const char *forms[3] = { unit_short_name (u, e), unit_long_name (u, e, 1),
                               unit_long_name (u, e, 2) };

      for (guint j = 0; j < 3; j++)
        {
          g_autofree char *f = g_utf8_strdown (forms[j], -1);

          if (g_strcmp0 (f, lower) == 0)
            {
              *unit = u;
              *elapsed = e;
              return TRUE;
            }
        }
    }
  return FALSE;
}

static const char *
locale_decimal_point (void)
{
  const struct lconv *lc = localeconv ();

  if (lc == NULL || lc->decimal_point == NULL || lc->decimal_point[0] == '\0')
    return ".";
  return lc->decimal_point;
}

/* ---- duration parsing ---------------------------------------------------- */

static gboolean
duration_error (GError **error, int code, const char *text, const char *what)
{
  g_set_error (error, GANTRY_TIME_ERROR, code,
               /* Translators: the first %s is the text, the second what is wrong */
               _("“%s” is not a valid duration: %s"), text, what);
  return FALSE;
}

gboolean
gantry_duration_parse (const char                  *text,
                       const GantryDurationContext *ctx,
                       GantryDurationFormat         default_format,
                       gboolean                     allow_negative,
                       gboolean                     allow_percent,
                       GantryDuration              *out,
                       GantryDurationFormat        *format,
                       GError                     **error)
{
  g_autofree char *copy = NULL;
  g_autoptr(GString) number = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  const char *dp = locale_decimal_point ();
  gsize dp_len = strlen (dp);
  const char *p;
  gboolean negative = FALSE, estimated = FALSE, seen_point = FALSE;
  int n_digits = 0;
  GantryUnit unit;
  gboolean elapsed;
  double value, result;
  GantryDurationFormat fmt;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return duration_error (error, GANTRY_TIME_ERROR_INVALID, "", _("it is empty"));

  copy = g_strstrip (g_strdup (text));
  p = copy;
  if (*p == '\0')
    return duration_error (error, GANTRY_TIME_ERROR_INVALID, text, _("it is empty"));

  if (*p == '-' || *p == '+')
    {
      negative = (*p == '-');
      p++;
      while (*p == ' ')
        p++;
    }

  /* The number: digits with one decimal separator (the locale's or '.'). */
  for (;;)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n_digits < 40)
            g_string_append_c (number, *p);
          else
            return duration_error (error, GANTRY_TIME_ERROR_OUT_OF_RANGE, text,
                                   _("the number is too large"));
          n_digits++;
          p++;
        }
      else if (!seen_point && (*p == '.' || strncmp (p, dp, dp_len) == 0))
        {
          g_string_append_c (number, '.');
          seen_point = TRUE;
          p += (*p == '.') ? 1 : dp_len;
        }
      else
        break;
    }

  if (n_digits == 0)
    return duration_error (error, GANTRY_TIME_ERROR_INVALID, text,
                           _("it must start with a number"));

  while (*p == ' ' || *p == '\t')
    p++;

  /* The unit: letters and '%'. */
  while (*p != '\0' && *p != '?' && *p != ' ' && *p != '\t')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return duration_error (error, GANTRY_TIME_ERROR_INVALID, text,
                               _("it is not valid text"));
      if (!g_unichar_isalpha (c) && c != '%')
        return duration_error (error, GANTRY_TIME_ERROR_INVALID, text,
                               _("unexpected character"));
      g_string_append_unichar (word, c);
      p = g_utf8_next_char (p);
      if (word->len > 32)
        return duration_error (error, GANTRY_TIME_ERROR_INVALID, text, _("unknown unit"));
    }

  while (*p == ' ' || *p == '\t')
    p++;
  if (*p == '?')
    {
      estimated = TRUE;
      p++;
    }
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p != '\0')
    return duration_error (error, GANTRY_TIME_ERROR_INVALID, text,
                           _("unexpected text after the unit"));

  if (word->len == 0)
    {
      GantryDurationFormat def = default_format;

      if (!gantry_format_is_valid ((int) def))
        def = GANTRY_FORMAT_DAYS;
      unit = gantry_format_get_unit (def);
      elapsed = gantry_format_is_elapsed (def);
    }
  else if (!lookup_unit (word->str, &unit, &elapsed))
    {
      g_autofree char *msg = g_strdup_printf (_("unknown unit “%s”"), word->str);
      return duration_error (error, GANTRY_TIME_ERROR_INVALID, text, msg);
    }

  if (unit == GANTRY_UNIT_PERCENT && !allow_percent)
    return duration_error (error, GANTRY_TIME_ERROR_INVALID, text,
                           _("a percentage is allowed only for lags"));

  value = g_ascii_strtod (number->str, NULL);
  if (negative && value != 0.0 && !allow_negative)
    return duration_error (error, GANTRY_TIME_ERROR_OUT_OF_RANGE, text,
                           _("it cannot be negative"));

  fmt = gantry_format_make (unit, elapsed, estimated);

  if (unit == GANTRY_UNIT_PERCENT)
    {
      if (!(value <= MAX_PERCENT))
        return duration_error (error, GANTRY_TIME_ERROR_OUT_OF_RANGE, text,
                               _("the percentage is too large"));
      result = value * 1000.0;
    }
  else
    {
      result = value * (double) gantry_format_unit_ms (fmt, ctx);
      if (!(result <= (double) MAX_DURATION_MS))
        return duration_error (error, GANTRY_TIME_ERROR_OUT_OF_RANGE, text,
                               _("it is longer than ten thousand years"));
    }

  *out = (GantryDuration) llround (negative ? -result : result);
  if (format)
    *format = fmt;
  return TRUE;
}

/* ---- duration formatting ------------------------------------------------- */

/* The value in hundredths of the format's unit, rounded. */
static gint64
duration_hundredths (GantryDuration d, GantryDurationFormat format,
                     const GantryDurationContext *ctx)
{
  gint64 unit_ms = gantry_format_unit_ms (format, ctx);

  return (gint64) llround ((double) d * 100.0 / (double) unit_ms);
}

static char *
format_number (gint64 hundredths)
{
  GString *s = g_string_new (NULL);
  guint64 abs_h = hundredths < 0 ? (guint64) -(hundredths + 1) + 1 : (guint64) hundredths;
  guint64 whole = abs_h / 100, frac = abs_h % 100;

  if (hundredths < 0)
    g_string_append_c (s, '-');
  g_string_append_printf (s, "%" G_GUINT64_FORMAT, whole);
  if (frac != 0)
    {
      g_string_append (s, locale_decimal_point ());
      if (frac % 10 == 0)
        g_string_append_printf (s, "%d", (int) (frac / 10));
      else
        g_string_append_printf (s, "%02d", (int) frac);
    }
  return g_string_free (s, FALSE);
}

char *
gantry_duration_format_short (GantryDuration               d,
                              GantryDurationFormat         format,
                              const GantryDurationContext *ctx)
{
  g_autofree char *num = NULL;
  GantryUnit unit = gantry_format_get_unit (format);
  gboolean elapsed = gantry_format_is_elapsed (format);

  num = format_number (duration_hundredths (d, format, ctx));
  return g_strconcat (num, unit_short_name (unit, elapsed),
                      gantry_format_is_estimated (format) ? "?" : "", NULL);
}

char *
gantry_duration_format_long (GantryDuration               d,
                             GantryDurationFormat         format,
                             const GantryDurationContext *ctx)
{
  g_autofree char *num = NULL;
  GantryUnit unit = gantry_format_get_unit (format);
  gboolean elapsed = gantry_format_is_elapsed (format);
  gint64 h = duration_hundredths (d, format, ctx);
  guint64 abs_h = h < 0 ? (guint64) -(h + 1) + 1 : (guint64) h;
  gulong n;

  /* Plural selection: whole numbers use their value; fractions use the
   * plural form (as English "1.5 days"). */
  if (abs_h % 100 == 0)
    n = (gulong) MIN (abs_h / 100, (guint64) G_MAXULONG);
  else
    n = 2;

  num = format_number (h);
  if (unit == GANTRY_UNIT_PERCENT)
    return g_strconcat (num, unit_long_name (unit, elapsed, n),
                        gantry_format_is_estimated (format) ? "?" : "", NULL);
  return g_strconcat (num, " ", unit_long_name (unit, elapsed, n),
                      gantry_format_is_estimated (format) ? "?" : "", NULL);
}
