/* test-desktop-integration.c — the installed data files work together
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Arguments (after the GTest ones):
 *   DATA-SRCDIR DATA-BUILDDIR UPDATE-MIME-DATABASE-or-""
 *
 * - MIME: our shared-mime-info file is compiled into a private database
 *   (XDG_DATA_HOME), then GIO sniffs hand-made files: a .gantry file is
 *   an SQLite database with application_id "GANT", and only that; MSPDI is
 *   XML whose root is Project in MS Project's namespace.
 * - GSettings: the compiled schema has the keys the issue names, with
 *   working range checks.
 * - The desktop file, metainfo, MIME file and icons agree on names.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "gantry-store.h"

#define APP_ID "org.gantryplanner.Gantry"
#define GANTRY_MIME "application/x-gantry"
#define MSPDI_MIME "application/x-msproject-xml"
#define MSPDI_NS "http://schemas.microsoft.com/project"

static const char *data_srcdir;
static const char *data_builddir;
static char *mime_home;          /* private XDG_DATA_HOME, NULL when unusable */
static char *mime_skip_reason;

/* ---- helpers ----------------------------------------------------------- */

/* An SQLite database file with the given application_id, as bytes. */
static GBytes *
make_sqlite_file (guint32 application_id)
{
  g_autofree char *dir = g_dir_make_tmp ("gantry-mime-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *contents = NULL;
  sqlite3 *db = NULL;
  gsize len = 0;
  int rc;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "t.db", NULL);
  rc = sqlite3_open (path, &db);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA application_id = %d;"
                         "CREATE TABLE t (a INTEGER);"
                         "INSERT INTO t VALUES (1);",
                         (int) application_id);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, 100);
  g_unlink (path);
  g_rmdir (dir);
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}

static char *
sniff (const char *filename, const void *data, gsize len)
{
  gboolean uncertain = FALSE;
  return g_content_type_guess (filename, data, len, &uncertain);
}

static gboolean
require_mime (void)
{
  if (mime_home == NULL)
    {
      g_test_skip (mime_skip_reason);
      return FALSE;
    }
  return TRUE;
}

/* ---- MIME: .gantry ------------------------------------------------------ */

static void
test_mime_gantry_magic (void)
{
  g_autoptr(GBytes) file = NULL;
  g_autofree char *type = NULL;
  g_autofree char *named = NULL;
  const guint8 *d;
  gsize len;

  if (!require_mime ())
    return;

  file = make_sqlite_file (GANTRY_APPLICATION_ID);
  d = g_bytes_get_data (file, &len);
  /* The header really carries "GANT" at offset 68 (big-endian). */
  g_assert_cmpmem (d + 68, 4, "GANT", 4);

  type = sniff (NULL, d, len);
  g_assert_cmpstr (type, ==, GANTRY_MIME);
  g_assert_true (g_content_type_is_a (type, "application/vnd.sqlite3"));

  /* Content wins over a misleading name. */
  named = sniff ("plan.db", d, len);
  g_assert_cmpstr (named, ==, GANTRY_MIME);
}

static void
test_mime_gantry_glob (void)
{
  g_autofree char *type = NULL;

  if (!require_mime ())
    return;
  type = sniff ("Quarterly plan.gantry", NULL, 0);
  g_assert_cmpstr (type, ==, GANTRY_MIME);
}

static void
test_mime_plain_sqlite (void)
{
  g_autoptr(GBytes) zero = NULL;
  g_autoptr(GBytes) other = NULL;
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  const void *d;
  gsize len;

  if (!require_mime ())
    return;

  /* Any other SQLite database is not a Gantry plan. */
  zero = make_sqlite_file (0);
  d = g_bytes_get_data (zero, &len);
  t1 = sniff (NULL, d, len);
  g_assert_cmpstr (t1, !=, GANTRY_MIME);
  g_assert_true (g_content_type_is_a (t1, "application/vnd.sqlite3"));

  other = make_sqlite_file (GANTRY_APPLICATION_ID + 1);
  d = g_bytes_get_data (other, &len);
  t2 = sniff (NULL, d, len);
  g_assert_cmpstr (t2, !=, GANTRY_MIME);
  g_assert_true (g_content_type_is_a (t2, "application/vnd.sqlite3"));
}

static void
test_mime_gant_without_sqlite (void)
{
  guint8 buf[128];
  g_autofree char *type = NULL;

  if (!require_mime ())
    return;

  /* "GANT" at offset 68 alone is not enough: the match is nested under
   * the SQLite signature. */
  memset (buf, 'x', sizeof buf);
  memcpy (buf, "Not SQLite at all", 17);
  memcpy (buf + 68, "GANT", 4);
  type = sniff (NULL, buf, sizeof buf);
  g_assert_cmpstr (type, !=, GANTRY_MIME);
}

/* ---- MIME: MSPDI ------------------------------------------------------- */

static const char mspdi_small[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Project xmlns=\"" MSPDI_NS "\">\n"
  "  <SaveVersion>14</SaveVersion>\n"
  "  <Name>small.xml</Name>\n"
  "</Project>\n";

static void
test_mime_mspdi_root (void)
{
  g_autofree char *by_content = NULL;
  g_autofree char *with_name = NULL;
  g_autofree char *other_ns = NULL;
  g_autofree char *other_root = NULL;
  const char *wrong_ns =
    "<?xml version=\"1.0\"?>\n<Project xmlns=\"http://example.org/project\"/>\n";
  const char *wrong_root =
    "<?xml version=\"1.0\"?>\n<Tasks xmlns=\"" MSPDI_NS "\"/>\n";

  if (!require_mime ())
    return;

  by_content = sniff (NULL, mspdi_small, sizeof mspdi_small - 1);
  g_assert_cmpstr (by_content, ==, MSPDI_MIME);
  g_assert_true (g_content_type_is_a (by_content, "application/xml"));

  with_name = sniff ("plan.xml", mspdi_small, sizeof mspdi_small - 1);
  g_assert_cmpstr (with_name, ==, MSPDI_MIME);

  /* Same root name in another namespace, or another root: plain XML. */
  other_ns = sniff ("other.xml", wrong_ns, strlen (wrong_ns));
  g_assert_cmpstr (other_ns, !=, MSPDI_MIME);
  g_assert_true (g_content_type_is_a (other_ns, "application/xml"));
  other_root = sniff ("other.xml", wrong_root, strlen (wrong_root));
  g_assert_cmpstr (other_root, !=, MSPDI_MIME);
}

static void
test_mime_mspdi_corpus (void)
{
  const char *corpus = g_getenv ("GANTRY_CORPUS_DIR");
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  if (!require_mime ())
    return;
  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("MS Project corpus folder (GANTRY_CORPUS_DIR) is absent");
      return;
    }

  dir = g_dir_open (corpus, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *type = NULL;
      gsize len;

      if (!g_str_has_suffix (name, ".xml"))
        continue;
      path = g_build_filename (corpus, name, NULL);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      /* GIO sniffs the first few kB, as a file manager does. */
      type = sniff (NULL, contents, MIN (len, 4096));
      if (g_strcmp0 (type, MSPDI_MIME) != 0)
        g_test_message ("%s sniffed as %s", name, type);
      g_assert_cmpstr (type, ==, MSPDI_MIME);
      n++;
    }
  g_test_message ("%u corpus files recognised", n);
  g_assert_cmpuint (n, >, 0);
}

/* ---- GSettings --------------------------------------------------------- */

static void
test_schema_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  /* What issue 9 and the preferences dialog need. */
  static const char * const required[] = {
    "window-width", "window-height", "window-maximized", "zoom",
    "recent-files", "print-paper-size", "print-orientation",
    "print-margin-top", "print-margin-bottom", "print-margin-left",
    "print-margin-right", "autosave-interval", "keep-unknown-mspdi",
    "date-format", "working-hours-start", "working-hours-finish", "currency",
  };

  source = g_settings_schema_source_new_from_directory (data_builddir, NULL, TRUE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);
  g_assert_cmpstr (g_settings_schema_get_path (schema), ==, "/org/gantryplanner/Gantry/");

  for (gsize i = 0; i < G_N_ELEMENTS (required); i++)
    {
      if (!g_settings_schema_has_key (schema, required[i]))
        g_test_message ("missing key %s", required[i]);
      g_assert_true (g_settings_schema_has_key (schema, required[i]));
    }
}

static guint
count_substrings (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_schema_documented (void)
{
  g_autofree char *path = g_build_filename (data_srcdir, APP_ID ".gschema.xml", NULL);
  g_autofree char *xml = NULL;
  guint keys;

  /* Every key has a summary and a description for people (dconf-editor
   * shows them; the compiled schema does not keep them, so read the
   * source). */
  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  keys = count_substrings (xml, "<key ");
  g_assert_cmpuint (keys, >=, 17);
  g_assert_cmpuint (count_substrings (xml, "<summary>"), ==, keys);
  g_assert_cmpuint (count_substrings (xml, "<description>"), ==, keys);
}

static void
assert_range (GSettingsSchema *schema, const char *name, GVariant *good, GVariant *bad)
{
  g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, name);
  g_autoptr(GVariant) g = g_variant_ref_sink (good);
  g_autoptr(GVariant) b = g_variant_ref_sink (bad);

  g_assert_true (g_settings_schema_key_range_check (key, g));
  g_assert_false (g_settings_schema_key_range_check (key, b));
}

static void
test_schema_ranges (void)
{
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) autosave = NULL;
  g_autoptr(GVariant) def = NULL;

  source = g_settings_schema_source_new_from_directory (data_builddir, NULL, TRUE, NULL);
  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);

  /* The issue: autosave every N minutes, 5 by default; 0 = off. */
  autosave = g_settings_schema_get_key (schema, "autosave-interval");
  def = g_settings_schema_key_get_default_value (autosave);
  g_assert_cmpuint (g_variant_get_uint32 (def), ==, 5);
  assert_range (schema, "autosave-interval", g_variant_new_uint32 (0),
                g_variant_new_uint32 (24 * 60 + 1));
  /* Zoom levels are the chart's 0 (hours) ... 5 (years). */
  assert_range (schema, "zoom", g_variant_new_int32 (5), g_variant_new_int32 (6));
  assert_range (schema, "zoom", g_variant_new_int32 (0), g_variant_new_int32 (-1));
  /* Working hours are minutes in a day. */
  assert_range (schema, "working-hours-start", g_variant_new_uint32 (8 * 60),
                g_variant_new_uint32 (24 * 60));
  assert_range (schema, "working-hours-finish", g_variant_new_uint32 (24 * 60),
                g_variant_new_uint32 (24 * 60 + 1));
  assert_range (schema, "print-orientation", g_variant_new_string ("portrait"),
                g_variant_new_string ("sideways"));
  assert_range (schema, "date-format", g_variant_new_string ("iso"),
                g_variant_new_string ("roman"));
}

/* ---- names agree ------------------------------------------------------- */

static char **
mime_types_in_file (const char *path)
{
  g_autofree char *xml = NULL;
  g_autoptr(GPtrArray) types = g_ptr_array_new ();
  const char *p;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  for (p = strstr (xml, "<mime-type type=\""); p != NULL;
       p = strstr (p, "<mime-type type=\""))
    {
      const char *start = p + strlen ("<mime-type type=\"");
      const char *end = strchr (start, '"');

      g_assert_nonnull (end);
      g_ptr_array_add (types, g_strndup (start, end - start));
      p = end;
    }
  g_ptr_array_add (types, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&types), FALSE);
}

static void
test_names_agree (void)
{
  g_autoptr(GKeyFile) desktop = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *desktop_path = g_build_filename (data_builddir, APP_ID ".desktop", NULL);
  g_autofree char *mime_path = g_build_filename (data_builddir, APP_ID ".xml", NULL);
  g_autofree char *metainfo_path = g_build_filename (data_builddir, APP_ID ".metainfo.xml", NULL);
  g_autofree char *metainfo = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *icon = NULL;
  g_autofree char *icon_path = NULL;
  g_autofree char *symbolic_path = NULL;
  g_auto(GStrv) desktop_types = NULL;
  g_auto(GStrv) mime_types = NULL;

  g_key_file_load_from_file (desktop, desktop_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  exec = g_key_file_get_string (desktop, "Desktop Entry", "Exec", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (exec, "gantry "));

  /* Every type the desktop file claims is defined by our MIME file or is
   * a type shared-mime-info knows; ours are in ours. */
  desktop_types = g_key_file_get_string_list (desktop, "Desktop Entry", "MimeType",
                                              NULL, &error);
  g_assert_no_error (error);
  mime_types = mime_types_in_file (mime_path);
  g_assert_true (g_strv_contains ((const char * const *) desktop_types, GANTRY_MIME));
  g_assert_true (g_strv_contains ((const char * const *) desktop_types, MSPDI_MIME));
  for (guint i = 0; mime_types[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char * const *) desktop_types, mime_types[i]));
  g_assert_cmpuint (g_strv_length (mime_types), ==, 2);

  /* The metainfo launches this desktop file and provides these types. */
  g_assert_true (g_file_get_contents (metainfo_path, &metainfo, NULL, NULL));
  g_assert_nonnull (strstr (metainfo, "<id>" APP_ID "</id>"));
  g_assert_nonnull (strstr (metainfo,
                            "<launchable type=\"desktop-id\">" APP_ID ".desktop</launchable>"));
  for (guint i = 0; desktop_types[i] != NULL; i++)
    {
      g_autofree char *mt = g_strdup_printf ("<mediatype>%s</mediatype>", desktop_types[i]);
      g_assert_nonnull (strstr (metainfo, mt));
    }

  /* The icon the desktop file names is installed, with its symbolic. */
  icon = g_key_file_get_string (desktop, "Desktop Entry", "Icon", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icon, ==, APP_ID);
  icon_path = g_strdup_printf ("%s/icons/hicolor/scalable/apps/%s.svg", data_srcdir, icon);
  symbolic_path = g_strdup_printf ("%s/icons/hicolor/symbolic/apps/%s-symbolic.svg",
                                   data_srcdir, icon);
  g_assert_true (g_file_test (icon_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (symbolic_path, G_FILE_TEST_IS_REGULAR));
}

static void
test_desktop_translated (void)
{
  g_autoptr(GKeyFile) desktop = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *desktop_path = g_build_filename (data_builddir, APP_ID ".desktop", NULL);
  g_autofree char *po = g_build_filename (data_srcdir, "..", "po", "de.po", NULL);
  g_autofree char *generic = NULL;

  if (!g_file_test (po, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no German translation (po/de.po) yet");
      return;
    }
  /* The build merged po/de.po into the desktop file. */
  g_key_file_load_from_file (desktop, desktop_path, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);
  generic = g_key_file_get_locale_string (desktop, "Desktop Entry", "GenericName", "de",
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpstr (generic, ==, "Projektplaner");
}

static void
test_metainfo_translated (void)
{
  g_autofree char *path = g_build_filename (data_builddir, APP_ID ".metainfo.xml", NULL);
  g_autofree char *mime_path = g_build_filename (data_builddir, APP_ID ".xml", NULL);
  g_autofree char *po = g_build_filename (data_srcdir, "..", "po", "de.po", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *mime = NULL;

  if (!g_file_test (po, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no German translation (po/de.po) yet");
      return;
    }
  /* Software centres and file managers show these in German too. */
  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "<summary xml:lang=\"de\">"));
  g_assert_nonnull (strstr (xml, "<caption xml:lang=\"de\">"));
  g_assert_true (g_file_get_contents (mime_path, &mime, NULL, NULL));
  g_assert_nonnull (strstr (mime, "<comment xml:lang=\"de\">Gantry-Projektplan</comment>"));
}

/* ---- set-up ------------------------------------------------------------ */

static void
setup_mime_database (const char *update_mime_database)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *packages = NULL;
  g_autofree char *src = NULL;
  g_autofree char *dst = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *mime_dir = NULL;
  gsize len;
  int status = 0;
  const char *argv[3];

  if (update_mime_database == NULL || *update_mime_database == '\0')
    {
      mime_skip_reason = g_strdup ("update-mime-database not found (install shared-mime-info)");
      return;
    }

  home = g_dir_make_tmp ("gantry-xdg-XXXXXX", &error);
  g_assert_no_error (error);
  packages = g_build_filename (home, "mime", "packages", NULL);
  g_assert_cmpint (g_mkdir_with_parents (packages, 0700), ==, 0);
  src = g_build_filename (data_builddir, APP_ID ".xml", NULL);
  dst = g_build_filename (packages, APP_ID ".xml", NULL);
  g_file_get_contents (src, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (dst, contents, len, &error);
  g_assert_no_error (error);

  /* Must happen before GIO reads the MIME database for the first time
   * (and update-mime-database checks that the folder is searched). */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  mime_dir = g_build_filename (home, "mime", NULL);
  argv[0] = update_mime_database;
  argv[1] = mime_dir;
  argv[2] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    {
      mime_skip_reason = g_strdup_printf ("update-mime-database failed: %s", error->message);
      return;
    }

  mime_home = g_steal_pointer (&home);
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
  int ret;

  g_test_init (&argc, &argv, NULL);
  if (argc < 4)
    {
      g_printerr ("usage: %s DATA-SRCDIR DATA-BUILDDIR UPDATE-MIME-DATABASE\n", argv[0]);
      return 2;
    }
  data_srcdir = argv[1];
  data_builddir = argv[2];
  setup_mime_database (argv[3]);

  g_test_add_func ("/data/mime/gantry-magic", test_mime_gantry_magic);
  g_test_add_func ("/data/mime/gantry-glob", test_mime_gantry_glob);
  g_test_add_func ("/data/mime/plain-sqlite", test_mime_plain_sqlite);
  g_test_add_func ("/data/mime/gant-without-sqlite", test_mime_gant_without_sqlite);
  g_test_add_func ("/data/mime/mspdi-root", test_mime_mspdi_root);
  g_test_add_func ("/data/mime/mspdi-corpus", test_mime_mspdi_corpus);
  g_test_add_func ("/data/schema/keys", test_schema_keys);
  g_test_add_func ("/data/schema/documented", test_schema_documented);
  g_test_add_func ("/data/schema/ranges", test_schema_ranges);
  g_test_add_func ("/data/desktop/names-agree", test_names_agree);
  g_test_add_func ("/data/desktop/translated", test_desktop_translated);
  g_test_add_func ("/data/metainfo/translated", test_metainfo_translated);

  ret = g_test_run ();
  if (mime_home != NULL)
    remove_tree (mime_home);
  return ret;
}
