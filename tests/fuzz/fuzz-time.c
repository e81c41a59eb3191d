/* fuzz-time.c — libFuzzer harness for the date and duration parsers
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first input byte picks options, the rest is the text.  Checks:
 * each parser either succeeds or sets an error; an ISO instant that parses
 * lies in years 1..9999 and survives format -> parse unchanged; every
 * parsed duration can be formatted (short and long) and the short form
 * parses again.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gantry-fuzz-common.h"
#include "gantry-core.h"
#include "gantry-time.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  gantry_fuzz_init ();
  setlocale (LC_ALL, "C.UTF-8");
  return 0;
}

static void
check_iso (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autofree char *formatted = NULL;
  GantryTime t = GANTRY_TIME_NONE;
  GantryTime t2 = GANTRY_TIME_NONE;

  if (!gantry_time_parse_iso (text, &t, &error))
    {
      if (error == NULL)
        abort ();
      return;
    }
  if (t < GANTRY_TIME_MIN || t > GANTRY_TIME_MAX + 999)
    {
      g_printerr ("“%s” parsed to %" G_GINT64_FORMAT ", outside years 1..9999\n", text, t);
      abort ();
    }
  formatted = gantry_time_format_iso (t);
  if (formatted == NULL)
    abort ();
  if (!gantry_time_parse_iso (formatted, &t2, &error2))
    {
      g_printerr ("“%s” -> “%s” does not parse: %s\n", text, formatted, error2->message);
      abort ();
    }
  /* Exact: the ISO form keeps milliseconds when there are any. */
  if (t2 != t)
    {
      g_printerr ("“%s” -> %" G_GINT64_FORMAT " -> “%s” -> %" G_GINT64_FORMAT "\n",
                  text, t, formatted, t2);
      abort ();
    }
}

static void
check_display (const char *text, guint8 flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  GantryTime t = GANTRY_TIME_NONE;
  gint64 default_time = (gint64) (flags % 25) * 3600 * 1000;   /* 00:00 .. 24:00 */

  if (!gantry_time_parse_display (text, default_time, &t, &error))
    {
      if (error == NULL)
        abort ();
      return;
    }
  if (t < GANTRY_TIME_MIN || t > GANTRY_TIME_MAX + 999)
    abort ();
  shown = gantry_time_format_display (t, (flags & 1) != 0);
  if (shown == NULL)
    abort ();
}

static const GantryDurationFormat formats[] = {
  GANTRY_FORMAT_MINUTES, GANTRY_FORMAT_HOURS, GANTRY_FORMAT_DAYS,
  GANTRY_FORMAT_WEEKS, GANTRY_FORMAT_MONTHS, GANTRY_FORMAT_ELAPSED_DAYS,
  (GantryDurationFormat) (GANTRY_FORMAT_DAYS + GANTRY_FORMAT_ESTIMATED_OFFSET),
  GANTRY_FORMAT_NULL,
};

static void
check_duration (const char *text, guint8 flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *short_form = NULL;
  g_autofree char *long_form = NULL;
  GantryDurationContext ctx = GANTRY_DURATION_CONTEXT_DEFAULT;
  GantryDurationFormat def = formats[flags % G_N_ELEMENTS (formats)];
  gboolean allow_negative = (flags & 0x08) != 0;
  gboolean allow_percent = (flags & 0x10) != 0;
  GantryDuration d = 0;
  GantryDurationFormat format = GANTRY_FORMAT_NULL;

  /* Odd conversion factors too (a project may say 1 minute per day). */
  if (flags & 0x20)
    {
      ctx.minutes_per_day = 1 + (flags & 0x07);
      ctx.minutes_per_week = 1;
      ctx.days_per_month = 1;
    }

  if (!gantry_duration_parse (text, &ctx, def, allow_negative, allow_percent,
                              &d, &format, &error))
    {
      if (error == NULL)
        abort ();
      return;
    }
  if (d < 0 && !allow_negative)
    {
      g_printerr ("“%s” parsed to a negative duration although not allowed\n", text);
      abort ();
    }
  if (gantry_format_is_percent (format))
    {
      if (!allow_percent)
        abort ();
      return;
    }
  if (!gantry_format_is_valid (format))
    {
      g_printerr ("“%s” parsed to invalid format code %d\n", text, (int) format);
      abort ();
    }

  short_form = gantry_duration_format_short (d, format, &ctx);
  long_form = gantry_duration_format_long (d, format, &ctx);
  if (short_form == NULL || long_form == NULL)
    abort ();
  if (format == GANTRY_FORMAT_NULL)
    return;

  {
    g_autoptr(GError) error2 = NULL;
    GantryDuration d2 = 0;
    GantryDurationFormat f2 = GANTRY_FORMAT_NULL;

    /* What Gantry shows, Gantry reads back (rounded to two decimals). */
    if (!gantry_duration_parse (short_form, &ctx, def, TRUE, FALSE, &d2, &f2, &error2))
      {
        g_printerr ("“%s” -> “%s” does not parse: %s\n", text, short_form, error2->message);
        abort ();
      }
    if (f2 != format)
      {
        g_printerr ("“%s” -> “%s”: format %d became %d\n", text, short_form, format, f2);
        abort ();
      }
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = NULL;
  guint8 flags;

  if (size < 1 || size > 256)
    return 0;
  flags = data[0];
  text = gantry_fuzz_strndup (data + 1, size - 1);

  switch (flags >> 6)
    {
    case 0:
      check_iso (text);
      break;
    case 1:
      check_display (text, flags);
      break;
    default:
      check_duration (text, flags);
      break;
    }
  return 0;
}
