/* test-mspdi-common.h — helpers shared by the MSPDI tests
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "gantry-mspdi.h"
#include "gantry-mspdi-private.h"

#define MSPDI_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
                   "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
#define MSPDI_TAIL "</Project>\n"

/* Loads a document made of MSPDI_HEAD + body + MSPDI_TAIL; asserts success. */
static inline GantryProject *
load_body (const char *body,
           GPtrArray **warnings)
{
  g_autofree char *doc = g_strconcat (MSPDI_HEAD, body, MSPDI_TAIL, NULL);
  g_autoptr(GError) error = NULL;
  GantryProject *p = gantry_mspdi_load_data (doc, strlen (doc), warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

static inline char *
save (GantryProject        *p,
      GantryMspdiWriteFlags flags)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  char *xml = gantry_mspdi_save_to_data (p, flags, &len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (xml);
  g_assert_cmpuint (len, ==, strlen (xml));
  return xml;
}

/* Validates xml against the MSPDI schema; returns FALSE (with a message)
 * when the schema is not available. */
static inline gboolean
validate (const char *xml,
          char      **why)
{
  static xmlSchemaPtr schema;
  static gboolean tried;
  xmlSchemaValidCtxtPtr vctx;
  xmlDocPtr doc;
  int rc;

  if (!tried)
    {
      const char *dir = g_getenv ("GANTRY_REFERENCE_DIR");
      g_autofree char *path = dir ? g_build_filename (dir, "mspdi_pj15.xsd", NULL) : NULL;

      tried = TRUE;
      if (path && g_file_test (path, G_FILE_TEST_EXISTS))
        {
          xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt (path);
          schema = xmlSchemaParse (pctx);
          xmlSchemaFreeParserCtxt (pctx);
        }
    }
  if (schema == NULL)
    {
      *why = g_strdup ("mspdi_pj15.xsd not found (GANTRY_REFERENCE_DIR)");
      return FALSE;
    }
  doc = xmlReadMemory (xml, strlen (xml), NULL, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  vctx = xmlSchemaNewValidCtxt (schema);
  rc = xmlSchemaValidateDoc (vctx, doc);
  xmlSchemaFreeValidCtxt (vctx);
  xmlFreeDoc (doc);
  if (rc != 0)
    g_error ("export does not validate against mspdi_pj15.xsd (rc %d)", rc);
  *why = NULL;
  return TRUE;
}

/* The text of the first element at a /-separated path below the root, or
 * NULL.  Path elements may carry [n] (0-based among same-named siblings). */
static inline char *
xpath_text (const char *xml,
            const char *path)
{
  xmlDocPtr doc = xmlReadMemory (xml, strlen (xml), NULL, NULL, XML_PARSE_NONET);
  xmlNodePtr node = doc ? xmlDocGetRootElement (doc) : NULL;
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  char *result = NULL;

  for (int i = 0; node && parts[i]; i++)
    {
      int want = 0, seen = 0;
      char *br = strchr (parts[i], '[');
      xmlNodePtr c;

      if (br)
        {
          want = atoi (br + 1);
          *br = '\0';
        }
      for (c = node->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual (c->name, BAD_CAST parts[i])
            && seen++ == want)
          break;
      node = c;
    }
  if (node)
    {
      xmlChar *t = xmlNodeGetContent (node);
      result = g_strdup ((char *) t);
      xmlFree (t);
    }
  if (doc)
    xmlFreeDoc (doc);
  return result;
}

#define assert_xpath(xml, path, expected) G_STMT_START { \
    g_autofree char *_v = xpath_text ((xml), (path)); \
    if (_v == NULL) g_error ("%s: element missing", (path)); \
    g_assert_cmpstr (_v, ==, (expected)); \
  } G_STMT_END

#define assert_no_xpath(xml, path) G_STMT_START { \
    g_autofree char *_v = xpath_text ((xml), (path)); \
    if (_v != NULL) g_error ("%s: element present (%s)", (path), _v); \
  } G_STMT_END
