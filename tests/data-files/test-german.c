/* test-german.c — Gantry in German: messages, plurals, numbers, dates
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Arguments (after the GTest ones):  PO-BUILDDIR LOCALEDEF-or-""
 *
 * The German locale is compiled into a private folder with localedef and
 * selected through LOCPATH, so the test needs no system set-up (only the
 * locale sources of the "locales" package).  The catalogue is the one the
 * build made from po/de.po.  Expected values are German conventions:
 * decimal comma, dd.mm.yyyy, "1 Tag" / "2 Tage".
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "gantry-core.h"

#define HOUR_MS ((gint64) 3600 * 1000)
#define DAY_MS  (8 * HOUR_MS)     /* a working day under the default context */

static char *skip_reason;
static const GantryDurationContext ctx = GANTRY_DURATION_CONTEXT_DEFAULT;

static gboolean
require_german (void)
{
  if (skip_reason != NULL)
    {
      g_test_skip (skip_reason);
      return FALSE;
    }
  return TRUE;
}

static void
assert_long (GantryDuration d, GantryDurationFormat format, const char *expected)
{
  g_autofree char *s = gantry_duration_format_long (d, format, &ctx);
  g_assert_cmpstr (s, ==, expected);
}

static void
test_plurals (void)
{
  if (!require_german ())
    return;
  /* Plural-Forms: nplurals=2; plural=(n != 1) */
  assert_long (1 * DAY_MS, GANTRY_FORMAT_DAYS, "1 Tag");
  assert_long (2 * DAY_MS, GANTRY_FORMAT_DAYS, "2 Tage");
  assert_long (0, GANTRY_FORMAT_DAYS, "0 Tage");
  assert_long (5 * 5 * DAY_MS, GANTRY_FORMAT_WEEKS, "5 Wochen");
  assert_long (5 * DAY_MS, GANTRY_FORMAT_WEEKS, "1 Woche");
}

static void
test_numbers (void)
{
  g_autofree char *short_form = NULL;

  if (!require_german ())
    return;
  /* Decimal comma, both in the long and the short form. */
  assert_long (3 * HOUR_MS + HOUR_MS / 2, GANTRY_FORMAT_HOURS, "3,5 Std");
  assert_long (DAY_MS + DAY_MS / 4, GANTRY_FORMAT_DAYS, "1,25 Tage");
  short_form = gantry_duration_format_short (DAY_MS * 5 / 2, GANTRY_FORMAT_DAYS, &ctx);
  g_assert_cmpstr (short_form, ==, "2,5t");
}

static void
test_parse (void)
{
  static const struct {
    const char *text;
    GantryDuration ms;
    GantryDurationFormat format;
  } cases[] = {
    { "2,5t",    DAY_MS * 5 / 2, GANTRY_FORMAT_DAYS },     /* German unit, comma */
    { "3 Tage",  3 * DAY_MS,     GANTRY_FORMAT_DAYS },
    { "1 Woche", 5 * DAY_MS,     GANTRY_FORMAT_WEEKS },
    { "4 Std",   4 * HOUR_MS,    GANTRY_FORMAT_HOURS },
    { "2ft",     2 * 24 * HOUR_MS, GANTRY_FORMAT_ELAPSED_DAYS },
    { "2d",      2 * DAY_MS,     GANTRY_FORMAT_DAYS },     /* English still works */
    { "1.5h",    HOUR_MS * 3 / 2, GANTRY_FORMAT_HOURS },   /* '.' is always accepted */
  };

  if (!require_german ())
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GantryDuration d = -1;
      GantryDurationFormat f = GANTRY_FORMAT_NULL;

      g_test_message ("parsing “%s”", cases[i].text);
      gantry_duration_parse (cases[i].text, &ctx, GANTRY_FORMAT_DAYS, FALSE, FALSE,
                             &d, &f, &error);
      g_assert_no_error (error);
      g_assert_cmpint (d, ==, cases[i].ms);
      g_assert_cmpint (f, ==, cases[i].format);
    }
}

static void
test_dates (void)
{
  GantryTime t = gantry_time_make (2026, 11, 28, 8, 0, 0);
  GantryTime parsed = GANTRY_TIME_NONE;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *date_time = NULL;

  if (!require_german ())
    return;
  date = gantry_time_format_display (t, FALSE);
  g_assert_cmpstr (date, ==, "28.11.2026");
  date_time = gantry_time_format_display (t, TRUE);
  g_assert_cmpstr (date_time, ==, "28.11.2026 08:00");

  /* What a German user types: day first.  8:00 is the default time. */
  gantry_time_parse_display ("3.2.2027", 8 * HOUR_MS, &parsed, &error);
  g_assert_no_error (error);
  g_assert_cmpint (parsed, ==, gantry_time_make (2027, 2, 3, 8, 0, 0));
}

static void
test_messages (void)
{
  g_autoptr(GError) error = NULL;
  GantryDuration d;
  GantryDurationFormat f;

  if (!require_german ())
    return;
  g_assert_false (gantry_duration_parse ("zwei Tage", &ctx, GANTRY_FORMAT_DAYS, FALSE, FALSE,
                                         &d, &f, &error));
  g_assert_error (error, GANTRY_TIME_ERROR, GANTRY_TIME_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "„zwei Tage“ ist keine gültige Dauer"));
}

/* Compiles de_DE.UTF-8 into a private folder; sets skip_reason on failure. */
static char *
make_german_locale (const char *localedef)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { localedef, "-i", "de_DE", "-f", "UTF-8", NULL, NULL };

  if (localedef == NULL || *localedef == '\0')
    {
      skip_reason = g_strdup ("localedef not found (glibc’s locales package)");
      return NULL;
    }
  dir = g_dir_make_tmp ("gantry-locale-XXXXXX", &error);
  g_assert_no_error (error);
  out = g_build_filename (dir, "de_DE.UTF-8", NULL);
  argv[5] = out;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     NULL, &err, &status, &error)
      || !g_spawn_check_wait_status (status, NULL)
      || !g_file_test (out, G_FILE_TEST_IS_DIR))
    {
      skip_reason = g_strdup_printf ("cannot compile the de_DE.UTF-8 locale: %s",
                                     error ? error->message : err);
      return g_steal_pointer (&dir);
    }
  return g_steal_pointer (&dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }
  g_remove (path);
}

int
main (int argc, char *argv[])
{
  g_autofree char *locale_dir = NULL;
  g_autofree char *mo = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  if (argc < 3)
    {
      g_printerr ("usage: %s PO-BUILDDIR LOCALEDEF\n", argv[0]);
      return 2;
    }

  mo = g_build_filename (argv[1], "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    skip_reason = g_strdup_printf ("no German catalogue built (%s)", mo);
  else
    locale_dir = make_german_locale (argv[2]);

  if (skip_reason == NULL)
    {
      g_setenv ("LOCPATH", locale_dir, TRUE);
      g_setenv ("LANGUAGE", "de", TRUE);
      if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
        skip_reason = g_strdup ("setlocale (de_DE.UTF-8) failed even with LOCPATH");
      bindtextdomain (GETTEXT_PACKAGE, argv[1]);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add_func ("/german/plurals", test_plurals);
  g_test_add_func ("/german/numbers", test_numbers);
  g_test_add_func ("/german/parse", test_parse);
  g_test_add_func ("/german/dates", test_dates);
  g_test_add_func ("/german/messages", test_messages);

  ret = g_test_run ();
  if (locale_dir != NULL)
    remove_tree (locale_dir);
  return ret;
}
