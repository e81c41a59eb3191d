/* test-mspdi-bad-input.c — bad and hostile MSPDI input is recovered from
 * with warnings or refused with a message naming the line and element;
 * never a crash, never a half-imported project.
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <gio/gio.h>

#include "test-mspdi-common.h"

static void
assert_refused (const char *doc,
                gsize       len,
                int         code,
                const char *must_mention)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  GantryProject *p = gantry_mspdi_load_data (doc, len, &warnings, &error);

  g_assert_null (p);          /* nothing half-imported */
  g_assert_null (warnings);
  g_assert_error (error, GANTRY_MSPDI_ERROR, code);
  g_test_message ("message: %s", error->message);
  if (must_mention != NULL && strstr (error->message, must_mention) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, must_mention);
}

static gboolean
warnings_mention (GPtrArray  *warnings,
                  const char *a,
                  const char *b)
{
  for (guint i = 0; warnings && i < warnings->len; i++)
    {
      const char *w = g_ptr_array_index (warnings, i);
      if (strstr (w, a) && (b == NULL || strstr (w, b)))
        return TRUE;
    }
  return FALSE;
}

static void
test_malformed (void)
{
  const char *doc =
    MSPDI_HEAD
    "<Tasks>\n<Task><UID>1</UID><Name>A</Name></Task>\n"
    "<Task><UID>2</UID><Name>B</Nme></Task>\n"
    "</Tasks>" MSPDI_TAIL;

  assert_refused (doc, strlen (doc), GANTRY_MSPDI_ERROR_MALFORMED, "Line 5");
}

static void
test_truncated (void)
{
  const char *doc = MSPDI_HEAD "<Tasks><Task><UID>1</UID><Name>A</Name>";

  assert_refused (doc, strlen (doc), GANTRY_MSPDI_ERROR_MALFORMED, "Line");
  /* the element the file ends in is named */
  assert_refused (doc, strlen (doc), GANTRY_MSPDI_ERROR_MALFORMED, "<Task>");
}

static void
test_wrong_root (void)
{
  const char *doc = "<?xml version=\"1.0\"?>\n<project name=\"planner\"><tasks/></project>";

  assert_refused (doc, strlen (doc), GANTRY_MSPDI_ERROR_NOT_MSPDI, "<project>");
}

static void
test_wrong_namespace (void)
{
  const char *doc = "<?xml version=\"1.0\"?>\n<Project xmlns=\"http://example.com/other\"><Name>x</Name></Project>";

  assert_refused (doc, strlen (doc), GANTRY_MSPDI_ERROR_NOT_MSPDI, "http://example.com/other");
}

static void
test_empty (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  assert_refused ("", 0, GANTRY_MSPDI_ERROR_EMPTY, NULL);
  assert_refused ("  \n ", 4, GANTRY_MSPDI_ERROR_EMPTY, NULL);
  assert_refused ("<?xml version=\"1.0\"?>\n", 22, GANTRY_MSPDI_ERROR_EMPTY, NULL);

  fd = g_file_open_tmp ("gantry-empty-XXXXXX.xml", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_null (gantry_mspdi_load (path, NULL, &error));
  g_assert_error (error, GANTRY_MSPDI_ERROR, GANTRY_MSPDI_ERROR_EMPTY);
  g_unlink (path);
  g_clear_error (&error);
  g_assert_null (gantry_mspdi_load ("/nonexistent/gantry.xml", NULL, &error));
  g_assert_error (error, GANTRY_MSPDI_ERROR, GANTRY_MSPDI_ERROR_IO);
}

/* MS Project once wrote 2008-12-04T17:-0:00: warning, value dropped, the
 * rest of the task kept. */
static void
test_bad_date_and_number (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GantryProject) p = load_body (
    "<Tasks><Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel>\n"
    "<Start>2008-12-04T17:-0:00</Start>\n<Finish>2008-12-05T17:00:00</Finish>\n"
    "<Priority>high</Priority><PercentComplete>150</PercentComplete>"
    "<Milestone>yes</Milestone><Duration>8 hours</Duration></Task></Tasks>", &warnings);
  GantryTask *t = gantry_project_lookup_task (p, 1);

  g_assert_nonnull (t);
  g_assert_cmpstr (gantry_task_get_name (t), ==, "A");
  g_assert_cmpint (gantry_task_get_finish (t), ==, gantry_time_make (2008, 12, 5, 17, 0, 0));
  g_assert_cmpint (gantry_task_get_start (t), !=, gantry_time_make (2008, 12, 4, 17, 0, 0));
  g_assert_cmpint (gantry_task_get_priority (t), ==, 500);
  g_assert_true (warnings_mention (warnings, "Line 4", "<Start>"));
  g_assert_true (warnings_mention (warnings, "2008-12-04T17:-0:00", NULL));
  g_assert_true (warnings_mention (warnings, "<Priority>", "high"));
  g_assert_true (warnings_mention (warnings, "<PercentComplete>", "150"));
  g_assert_true (warnings_mention (warnings, "<Milestone>", "yes"));
  g_assert_true (warnings_mention (warnings, "<Duration>", NULL));
}

/* Whole numbers far outside int (a fuzzer found 7.77778e+77, which was
 * converted to an integer before the range check): warning, value
 * ignored. */
static void
test_huge_numbers (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GantryProject) p = load_body (
    "<MinutesPerDay>7.77778e+77</MinutesPerDay>"
    "<Tasks><Task><UID>1</UID><ID>-1e300</ID><Name>A</Name><OutlineLevel>1</OutlineLevel>"
    "<Priority>7.77778e+77</Priority><PercentComplete>1e19</PercentComplete></Task></Tasks>",
    &warnings);
  GantryTask *t = gantry_project_lookup_task (p, 1);
  int minutes_per_day = 0;

  g_assert_nonnull (t);
  g_assert_cmpint (gantry_task_get_priority (t), ==, 500);
  g_assert_cmpint (gantry_task_get_percent_complete (t), ==, 0);
  g_object_get (p, "minutes-per-day", &minutes_per_day, NULL);
  g_assert_cmpint (minutes_per_day, ==, 480);
  g_assert_true (warnings_mention (warnings, "<Priority>", "7.77778e+77"));
  g_assert_true (warnings_mention (warnings, "<ID>", "-1e300"));
  g_assert_true (warnings_mention (warnings, "<MinutesPerDay>", NULL));
}

static void
test_dangling_and_duplicate_uids (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GantryProject) p = load_body (
    "<Tasks>"
    "<Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel></Task>"
    "<Task><UID>1</UID><Name>A again</Name><OutlineLevel>1</OutlineLevel></Task>"
    "<Task><Name>No UID</Name><OutlineLevel>1</OutlineLevel></Task>"
    "<Task><UID>2</UID><Name>B</Name><OutlineLevel>1</OutlineLevel><CalendarUID>77</CalendarUID>"
    "<PredecessorLink><PredecessorUID>99</PredecessorUID><Type>1</Type></PredecessorLink>"
    "<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>"
    "</Tasks><Resources><Resource><UID>1</UID><Name>R</Name><Type>1</Type></Resource></Resources>"
    "<Assignments>"
    "<Assignment><UID>1</UID><TaskUID>42</TaskUID><ResourceUID>1</ResourceUID></Assignment>"
    "<Assignment><UID>2</UID><TaskUID>2</TaskUID><ResourceUID>43</ResourceUID></Assignment>"
    "<Assignment><UID>3</UID><TaskUID>2</TaskUID><ResourceUID>1</ResourceUID></Assignment>"
    "</Assignments>", &warnings);
  GantryTask *b = gantry_project_lookup_task (p, 2);

  g_assert_cmpuint (gantry_project_get_n_tasks (p), ==, 4);        /* both UID 1 tasks kept */
  g_assert_cmpstr (gantry_task_get_name (gantry_project_lookup_task (p, 1)), ==, "A");
  g_assert_cmpuint (gantry_task_get_predecessors (b)->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_assignments (p)), ==, 1);
  g_assert_null (gantry_task_get_calendar (b));
  g_assert_true (warnings_mention (warnings, "UID 1 is used twice", NULL));
  g_assert_true (warnings_mention (warnings, "without UID gets UID", NULL));
  g_assert_true (warnings_mention (warnings, "99", "does not exist"));
  g_assert_true (warnings_mention (warnings, "42", "does not exist"));
  g_assert_true (warnings_mention (warnings, "43", "does not exist"));
  g_assert_true (warnings_mention (warnings, "77", "does not exist"));
}

/* A cycle loads (the scheduler reports it); the file is kept as written. */
static void
test_cycle (void)
{
  g_autoptr(GantryProject) p = load_body (
    "<Tasks>"
    "<Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel>"
    "<PredecessorLink><PredecessorUID>2</PredecessorUID></PredecessorLink></Task>"
    "<Task><UID>2</UID><Name>B</Name><OutlineLevel>1</OutlineLevel>"
    "<PredecessorLink><PredecessorUID>1</PredecessorUID></PredecessorLink></Task>"
    "</Tasks>", NULL);
  g_autofree char *xml = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_links (p)), ==, 2);
  xml = save (p, 0);
  assert_xpath (xml, "Tasks/Task[1]/PredecessorLink/PredecessorUID", "2");
  assert_xpath (xml, "Tasks/Task[2]/PredecessorLink/PredecessorUID", "1");
}

/* XXE aimed at a local file: nothing is fetched, nothing of it lands in
 * the model; the file is refused. */
static void
test_xxe (void)
{
  g_autofree char *secret_path = NULL;
  g_autofree char *doc = NULL;
  g_autoptr(GError) error = NULL;
  const char *secret = "TOP-SECRET-7f3a9c";
  GantryProject *p;
  int fd;

  fd = g_file_open_tmp ("gantry-secret-XXXXXX", &secret_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (write (fd, secret, strlen (secret)), ==, (gssize) strlen (secret));
  close (fd);

  doc = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                         "<!DOCTYPE Project [ <!ENTITY xxe SYSTEM \"file://%s\"> ]>\n"
                         "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
                         "<Name>&xxe;</Name><Title>t</Title>"
                         "<Tasks><Task><UID>1</UID><Name>&xxe;</Name></Task></Tasks></Project>",
                         secret_path);
  p = gantry_mspdi_load_data (doc, strlen (doc), NULL, &error);
  g_assert_null (p);
  g_assert_error (error, GANTRY_MSPDI_ERROR, GANTRY_MSPDI_ERROR_LIMIT);
  g_assert_null (strstr (error->message, secret));
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);

  /* Declared but not used: the file loads, nothing is fetched, and the
   * secret is nowhere in the model or its export. */
  g_free (doc);
  doc = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                         "<!DOCTYPE Project [ <!ENTITY xxe SYSTEM \"file://%s\"> ]>\n"
                         "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
                         "<Name>n</Name><Tasks><Task><UID>1</UID><Name>t</Name></Task></Tasks>"
                         "</Project>", secret_path);
  p = gantry_mspdi_load_data (doc, strlen (doc), NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *out = save (p, GANTRY_MSPDI_WRITE_KEEP_UNKNOWN);
    g_assert_null (strstr (out, secret));
    g_assert_null (strstr (out, "ENTITY"));
  }
  g_object_unref (p);
  g_unlink (secret_path);
}

static void
test_billion_laughs (void)
{
  GString *doc = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE Project [\n"
                               " <!ENTITY lol \"lol\">\n");
  g_autoptr(GError) error = NULL;
  GantryProject *p;

  for (int i = 1; i <= 9; i++)
    {
      g_string_append_printf (doc, " <!ENTITY lol%d \"", i);
      for (int j = 0; j < 10; j++)
        {
          if (i == 1)
            g_string_append (doc, "&lol;");
          else
            g_string_append_printf (doc, "&lol%d;", i - 1);
        }
      g_string_append (doc, "\">\n");
    }
  g_string_append (doc, "]>\n<Project xmlns=\"http://schemas.microsoft.com/project\">"
                        "<Name>&lol9;</Name></Project>");
  p = gantry_mspdi_load_data (doc->str, doc->len, NULL, &error);
  g_assert_null (p);
  g_assert_nonnull (error);
  g_assert_true (error->code == GANTRY_MSPDI_ERROR_LIMIT || error->code == GANTRY_MSPDI_ERROR_MALFORMED);
  g_test_message ("refused: %s", error->message);
  g_string_free (doc, TRUE);
}

static void
test_deep_nesting (void)
{
  GString *doc = g_string_new (MSPDI_HEAD "<Tasks><Task><UID>1</UID><Name>A</Name>");
  g_autoptr(GError) error = NULL;
  GantryProject *p;

  for (int i = 0; i < 5000; i++)
    g_string_append (doc, "<x>");
  for (int i = 0; i < 5000; i++)
    g_string_append (doc, "</x>");
  g_string_append (doc, "</Task></Tasks>" MSPDI_TAIL);
  p = gantry_mspdi_load_data (doc->str, doc->len, NULL, &error);
  g_assert_null (p);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_string_free (doc, TRUE);
  g_clear_error (&error);

  /* 40 levels of unknown elements are fine and kept. */
  doc = g_string_new (MSPDI_HEAD "<Tasks><Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel>");
  for (int i = 0; i < 40; i++)
    g_string_append (doc, "<x>");
  g_string_append (doc, "deep");
  for (int i = 0; i < 40; i++)
    g_string_append (doc, "</x>");
  g_string_append (doc, "</Task></Tasks>" MSPDI_TAIL);
  p = gantry_mspdi_load_data (doc->str, doc->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gantry_extras_lookup (gantry_task_get_extras (gantry_project_lookup_task (p, 1)), "x"));
  g_object_unref (p);
  g_string_free (doc, TRUE);
}

/* A text node above libxml2's 10 MB limit (XML_PARSE_HUGE is off). */
static void
test_huge_text (void)
{
  gsize n = 11 * 1024 * 1024;
  GString *doc = g_string_sized_new (n + 200);
  g_autoptr(GError) error = NULL;
  GantryProject *p;

  g_string_append (doc, MSPDI_HEAD "<Name>");
  for (gsize i = 0; i < n; i++)
    g_string_append_c (doc, 'a');
  g_string_append (doc, "</Name>" MSPDI_TAIL);
  p = gantry_mspdi_load_data (doc->str, doc->len, NULL, &error);
  g_assert_null (p);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_string_free (doc, TRUE);
}

/* Garbage bytes of every kind never crash the reader. */
static void
test_garbage (void)
{
  GRand *rand = g_rand_new_with_seed (4);
  const char *base =
    MSPDI_HEAD "<Name>P</Name><Tasks><Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel>"
    "<Duration>PT8H0M0S</Duration><PredecessorLink><PredecessorUID>2</PredecessorUID></PredecessorLink>"
    "</Task><Task><UID>2</UID><OutlineLevel>2</OutlineLevel></Task></Tasks>" MSPDI_TAIL;
  gsize len = strlen (base);

  for (int round = 0; round < 300; round++)
    {
      g_autofree char *doc = g_strdup (base);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) warnings = NULL;
      GantryProject *p;
      int flips = g_rand_int_range (rand, 1, 6);

      for (int i = 0; i < flips; i++)
        doc[g_rand_int_range (rand, 0, (int) len)] = (char) g_rand_int_range (rand, 1, 256);
      p = gantry_mspdi_load_data (doc, g_rand_int_range (rand, 1, (int) len + 1), &warnings, &error);
      g_assert_true ((p == NULL) != (error == NULL));
      if (p != NULL)
        {
          g_autofree char *out = save (p, 0);
          g_object_unref (p);
        }
    }
  g_rand_free (rand);
}

/* Bad values in elements Gantry does not model are dropped with a warning
 * too (they would make the export invalid); a name longer than the schema
 * allows is cut on export.  The export validates. */
static void
test_unmodelled_bad_values (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *long_name = g_strnfill (600, 'x');
  g_autofree char *body = g_strdup_printf (
    "<Tasks><Task><UID>1</UID><Name>%s</Name><OutlineLevel>1</OutlineLevel>\n"
    "<CreateDate>yesterday</CreateDate>\n<Recurring>maybe</Recurring>\n"
    "<EarnedValueMethod>7</EarnedValueMethod><Contact>Kim</Contact>"
    "<TimephasedData><Type>1</Type><UID>1</UID><Start>soon</Start><Value>PT8H0M0S</Value></TimephasedData>"
    "</Task></Tasks>", long_name);
  g_autoptr(GantryProject) p = load_body (body, &warnings);
  GantryTask *t = gantry_project_lookup_task (p, 1);
  GantryExtras *extras = gantry_task_get_extras (t);
  const GantryExtra *tp;
  g_autofree char *xml = NULL;
  g_autofree char *why = NULL;
  g_autofree char *name = NULL;

  g_assert_null (gantry_extras_lookup (extras, "CreateDate"));
  g_assert_null (gantry_extras_lookup (extras, "Recurring"));
  g_assert_null (gantry_extras_lookup (extras, "EarnedValueMethod"));
  g_assert_nonnull (gantry_extras_lookup (extras, "Contact"));
  tp = gantry_extras_lookup (extras, "TimephasedData");
  g_assert_nonnull (tp);
  g_assert_null (strstr (tp->xml, "soon"));
  g_assert_nonnull (strstr (tp->xml, "PT8H0M0S"));
  g_assert_true (warnings_mention (warnings, "Line 4", "yesterday"));
  g_assert_true (warnings_mention (warnings, "<Recurring>", "maybe"));
  g_assert_true (warnings_mention (warnings, "<EarnedValueMethod>", "7"));
  g_assert_true (warnings_mention (warnings, "<Start>", "soon"));

  xml = save (p, 0);
  name = xpath_text (xml, "Tasks/Task[1]/Name");
  g_assert_cmpuint (strlen (name), ==, 512);
  if (!validate (xml, &why))
    g_test_message ("%s", why);
}

/* A parser warning (a relative namespace URI) does not stop the import:
 * a file larger than one read block loads whole. */
static void
test_parser_warning_not_fatal (void)
{
  GString *doc = g_string_new ("<?xml version=\"1.0\"?>\n"
                               "<Project xmlns=\"http://schemas.microsoft.com/project\" "
                               "xmlns:a=\"relative/uri\"><Name>P</Name><Tasks>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GantryProject) p = NULL;
  const int n = 8000;

  for (int i = 1; i <= n; i++)
    g_string_append_printf (doc, "<Task><UID>%d</UID><Name>Task number %d</Name>"
                            "<OutlineLevel>1</OutlineLevel></Task>\n", i, i);
  g_string_append (doc, "</Tasks></Project>");
  g_assert_cmpuint (doc->len, >, 512 * 1024);
  p = gantry_mspdi_load_data (doc->str, doc->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gantry_project_get_all_tasks (p)->len, ==, n);
  g_assert_nonnull (gantry_project_lookup_task (p, n));
  g_string_free (doc, TRUE);
}

/* A gzip-compressed file is not decompressed behind the user's back (no
 * compression bombs): it is refused as not XML. */
static void
test_gzip_not_inflated (void)
{
  const char *doc = MSPDI_HEAD "<Name>zipped</Name>" MSPDI_TAIL;
  g_autoptr(GZlibCompressor) z = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint8 out[4096];
  gsize read = 0, written = 0;
  int fd;

  g_assert_cmpint (g_converter_convert (G_CONVERTER (z), doc, strlen (doc), out, sizeof out,
                                        G_CONVERTER_INPUT_AT_END, &read, &written, &error),
                   ==, G_CONVERTER_FINISHED);
  g_assert_no_error (error);
  fd = g_file_open_tmp ("gantry-gz-XXXXXX.xml", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, (const char *) out, written, &error));
  g_assert_null (gantry_mspdi_load (path, NULL, &error));
  g_assert_error (error, GANTRY_MSPDI_ERROR, GANTRY_MSPDI_ERROR_MALFORMED);
  g_test_message ("refused: %s", error->message);
  g_unlink (path);
}

/* Saving writes beside the file and renames over it: a new file gets the
 * usual permissions (0666 less the umask, not mkstemp's 0600), a replaced
 * file keeps its own, and saving through a symbolic link replaces the
 * file it points to and keeps the link. */
static void
test_save_permissions_and_link (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GantryProject) p = load_body ("<Name>Perms</Name>", NULL);
  g_autofree char *dir = g_dir_make_tmp ("gantry-save-XXXXXX", &error);
  g_autofree char *real = g_build_filename (dir, "real.xml", NULL);
  g_autofree char *link = g_build_filename (dir, "link.xml", NULL);
  g_autofree char *contents = NULL;
  GStatBuf st;
  mode_t old_mask = umask (022);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  g_assert_true (gantry_mspdi_save (p, real, GANTRY_MSPDI_WRITE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  g_assert_cmpint (g_chmod (real, 0640), ==, 0);
  g_assert_true (gantry_mspdi_save (p, real, GANTRY_MSPDI_WRITE_DEFAULT, &error));
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  g_assert_cmpint (symlink ("real.xml", link), ==, 0);
  g_object_set (p, "title", "Through the link", NULL);
  g_assert_true (gantry_mspdi_save (p, link, GANTRY_MSPDI_WRITE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (g_file_get_contents (real, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Through the link"));
  /* nothing left beside them */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (d) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 2);
  }
  umask (old_mask);
  g_unlink (link);
  g_unlink (real);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mspdi/bad/malformed", test_malformed);
  g_test_add_func ("/mspdi/bad/truncated", test_truncated);
  g_test_add_func ("/mspdi/bad/wrong-root", test_wrong_root);
  g_test_add_func ("/mspdi/bad/wrong-namespace", test_wrong_namespace);
  g_test_add_func ("/mspdi/bad/empty", test_empty);
  g_test_add_func ("/mspdi/bad/bad-date-and-number", test_bad_date_and_number);
  g_test_add_func ("/mspdi/bad/huge-numbers", test_huge_numbers);
  g_test_add_func ("/mspdi/bad/dangling-and-duplicate-uids", test_dangling_and_duplicate_uids);
  g_test_add_func ("/mspdi/bad/cycle", test_cycle);
  g_test_add_func ("/mspdi/bad/unmodelled-bad-values", test_unmodelled_bad_values);
  g_test_add_func ("/mspdi/hostile/xxe", test_xxe);
  g_test_add_func ("/mspdi/hostile/billion-laughs", test_billion_laughs);
  g_test_add_func ("/mspdi/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/mspdi/hostile/huge-text", test_huge_text);
  g_test_add_func ("/mspdi/hostile/garbage", test_garbage);
  g_test_add_func ("/mspdi/hostile/gzip-not-inflated", test_gzip_not_inflated);
  g_test_add_func ("/mspdi/bad/parser-warning-not-fatal", test_parser_warning_not_fatal);
  g_test_add_func ("/mspdi/save/permissions-and-link", test_save_permissions_and_link);
  return g_test_run ();
}
