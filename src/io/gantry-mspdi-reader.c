/* gantry-mspdi-reader.c — reads MS Project XML (MSPDI) into a GantryProject
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Streaming: libxml2's SAX2 push parser reads the file; each Calendar,
 * Task, Resource and Assignment (and each project-level element) is built
 * as a small tree of Nodes in an arena, turned into model objects, and the
 * arena is reset, so memory stays bounded by the model plus one element.
 * Element names are the parser's interned strings, so a name is looked up
 * once per load (pointer-keyed caches).  No network, no DTD loading, no
 * entity substitution; a document that uses an entity it declares is
 * refused, so neither external entities (XXE) nor expansion bombs can do
 * anything.  Cross references (links, assignments, calendars) are resolved
 * at the end, so sections and elements may come in any order.  On a fatal
 * error the half-built project is dropped: nothing half-imported is
 * returned.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "gantry-mspdi-private.h"

#define MAX_DEPTH        64           /* MSPDI nests 8 deep; kept elements */
#define MAX_NEST         256          /* the document (libxml2's own limit) */
#define MAX_ELEMENT_SIZE (64 << 20)   /* one serialised extra */
#define MAX_OUTLINE      1000
#define MAX_TEXT         XML_MAX_TEXT_LENGTH  /* one element's text (10 MB) */
#define MAX_OBJECT_SIZE  (256 << 20)   /* one object's tree */
#define MAX_ENTITIES     10000

/* One element of the object being read.  Only elements are nodes; an
 * element's character data is its text. */
typedef struct _Attr Attr;
struct _Attr
{
  const char *name;
  const char *prefix;      /* NULL for none */
  const char *href;        /* its namespace */
  const char *value;
  Attr       *next;
};

typedef struct _Node Node;
struct _Node
{
  const char *name;        /* local name: the parser's dictionary */
  const char *prefix;      /* namespace prefix, NULL for the default */
  const char *href;        /* namespace URI, NULL for none */
  Node       *parent, *children, *last, *next;
  const char *text;        /* direct character data, NULL for none */
  gsize       text_len;
  Attr       *attrs;
  int         line;
};

/* Bump allocator for the nodes and texts of one object. */
typedef struct
{
  char  *base;
  gsize  used, size;
} Chunk;

typedef struct
{
  GArray *chunks;     /* Chunk */
  guint   current;
  gsize   total;      /* bytes handed out since the last reset */
} Arena;

typedef struct
{
  GantryTask          *successor;
  int                  pred_uid;
  int                  type;
  gint64               lag;
  GantryDurationFormat lag_format;
  GantryExtras        *extras;
  int                  line;
} PendingLink;

typedef struct
{
  int            uid, task_uid, resource_uid, line;
  double         units;
  GantryDuration work, delay, actual_work, overtime_work;
  int            percent_work_complete, work_contour, cost_rate_table;
  GantryTime     start, finish;
  double         cost;
  gboolean       has_units, has_work;
  GantryExtras  *extras;
} PendingAssignment;

typedef struct
{
  GObject *object;     /* task, resource or project; NULL for base refs */
  GantryCalendar *calendar;   /* for base refs */
  int      uid;
  int      line;
} PendingCalendar;

typedef struct
{
  gsize    name;       /* offsets into the list's arena */
  gsize    xml;
  int      key;
  gboolean in_schema;
} PendingExtra;

typedef struct
{
  GantryExtras *target;
  GString      *arena;
  GArray       *items;      /* PendingExtra */
  int           last_key;
} ExtraList;

typedef struct
{
  GantryTask *task;
  int         uid;
  int         line;
  gboolean    no_uid;
} PendingNull;

enum { C_NONE, C_CALENDARS, C_TASKS, C_RESOURCES, C_ASSIGNMENTS };

#define INDEX_SLOTS 1024

typedef struct
{
  const GantryMspdiSchemaNode *sch;
  const char                  *name;
  int                          idx;
} IndexSlot;

typedef struct
{
  xmlParserCtxtPtr  ctxt;
  GantryProject    *project;
  GPtrArray        *warnings;
  GError           *error;
  GantryDurationContext ctx;
  GPtrArray        *outline;          /* GantryTask*, index = level */
  GArray           *outline_levels;   /* int: their OutlineLevel in the file */
  GArray           *links;            /* PendingLink */
  GArray           *assignments;      /* PendingAssignment */
  GArray           *calendar_refs;    /* PendingCalendar */
  GArray           *base_refs;        /* PendingCalendar */
  GArray           *duplicates;       /* PendingCalendar: object, file UID */
  guint             n_duplicates_seen;
  GArray           *null_rows;        /* PendingNull: blank rows waiting */
  GArray           *no_duration;      /* PendingCalendar: tasks with Start and Finish only */
  GantryTask       *uid0_task;        /* a real task with UID 0 (files numbered from 0) */
  GantryResource   *uid0_resource;    /* a real resource with UID 0 (likewise) */
  int               project_calendar_uid;
  int               n_tasks;
  GString          *out;              /* serialisation buffer */
  ExtraList         lists[3];         /* project, object, link */
  /* the parse */
  Arena             arena;
  Node             *root;             /* the object being built */
  Node             *node;             /* its innermost open element */
  int               depth;
  const char       *open_names[MAX_NEST + 2];   /* the open elements, by depth */
  int               container;        /* C_*: the depth-1 section we are in */
  gboolean          seen_root;
  GString          *pending_ws;       /* white space not yet known to be text */
  Node             *pending_ws_node;
  const char       *after_name;       /* the last project-level element */
  const char       *container_name;
  GHashTable       *entities;         /* declared general entity names */
  GHashTable      **child_index;      /* per schema node: name pointer -> index + 2 */
  IndexSlot        *index_slots;      /* INDEX_SLOTS */
  GHashTable       *sub_schema;       /* "parent/name" pointers -> schema node */
  const char       *data;             /* the source, for error messages */
  gsize             len;
  const char       *path;
  char             *xml_error_message;
  int               xml_error_line;
  int               xml_error_code;
} Reader;

/* ---- messages ---------------------------------------------------------- */

static void G_GNUC_PRINTF (3, 4)
warn (Reader     *R,
      Node       *node,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  if (R->warnings == NULL)
    return;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  if (node != NULL)
    g_ptr_array_add (R->warnings,
                     g_strdup_printf (_("Line %ld, element <%s>: %s"),
                                      (long) node->line, node->name, msg));
  else
    g_ptr_array_add (R->warnings, g_steal_pointer (&msg));
}

static void G_GNUC_PRINTF (4, 5)
fail (Reader     *R,
      int         code,
      Node       *node,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  if (R->error != NULL)
    return;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  if (node != NULL)
    g_set_error (&R->error, GANTRY_MSPDI_ERROR, code, _("Line %ld, element <%s>: %s"),
                 (long) node->line, node->name, msg);
  else
    g_set_error_literal (&R->error, GANTRY_MSPDI_ERROR, code, msg);
}

static void
on_xml_error (void       *data,
              xmlErrorPtr e)
{
  Reader *R = data;

  /* after our own refusal (entity use, limits) the parser's follow-up
   * complaints are noise */
  if (e == NULL || e->level < XML_ERR_ERROR || R->xml_error_message != NULL || R->error != NULL)
    return;
  R->xml_error_message = g_strstrip (g_strdup (e->message ? e->message : "?"));
  R->xml_error_line = e->line > 0 || R->ctxt == NULL ? e->line : xmlSAX2GetLineNumber (R->ctxt);
  R->xml_error_code = e->code;
}

/* libxml2's unstructured messages (e.g. "xmlParseChunk: encoder error") */
static void G_GNUC_PRINTF (2, 3)
on_generic_error (void       *data,
                  const char *format,
                  ...)
{
  Reader *R = data;
  va_list args;

  if (R->xml_error_message != NULL || R->error != NULL)
    return;
  va_start (args, format);
  R->xml_error_message = g_strstrip (g_strdup_vprintf (format, args));
  va_end (args);
  R->xml_error_line = R->ctxt != NULL ? xmlSAX2GetLineNumber (R->ctxt) : 0;
  R->xml_error_code = XML_ERR_INVALID_ENCODING;
}

/* The name of the last start tag on (or before) line `line` of the
 * source, to name the element in a parse error; NULL if none. */
static char *
element_at_line (Reader *R,
                 int     line)
{
  g_autofree char *owned = NULL;
  const char *text = NULL;
  gsize len = 0;

  if (R->data != NULL)
    {
      text = R->data;
      len = R->len;
    }
  else if (R->path != NULL)
    {
      /* read up to the end of that line (only on an error) */
      FILE *f = fopen (R->path, "rb");
      GString *s;
      int c, n = 1;

      if (f == NULL)
        return NULL;
      s = g_string_new (NULL);
      while ((c = fgetc (f)) != EOF && s->len < 512 * 1024 * 1024)
        {
          g_string_append_c (s, (char) c);
          if (c == '\n' && ++n > line)
            break;
        }
      fclose (f);
      len = s->len;
      text = owned = g_string_free (s, FALSE);
    }
  if (text == NULL)
    return NULL;
  {
    const char *end = text, *limit = text + len;
    const char *best = NULL;
    int n = 1;

    /* find the end of line `line` */
    while (end < limit && n <= line)
      {
        if (*end == '\n')
          n++;
        if (n > line)
          break;
        end++;
      }
    for (const char *p = text; p < end; p++)
      if (*p == '<' && p + 1 < end && (g_ascii_isalpha (p[1]) || p[1] == '_'))
        best = p + 1;
    if (best != NULL)
      {
        const char *q = best;
        while (q < limit && (g_ascii_isalnum (*q) || *q == '_' || *q == '-' || *q == '.' || *q == ':'))
          q++;
        if (q - best < 64)
          return g_strndup (best, q - best);
      }
  }
  return NULL;
}

static void
finish_xml_error (Reader *R)
{
  g_autofree char *element = NULL;
  int code = GANTRY_MSPDI_ERROR_MALFORMED;

  if (R->xml_error_message == NULL)
    return;
  g_clear_error (&R->error);
  element = element_at_line (R, R->xml_error_line);
  if (R->xml_error_code == XML_ERR_ENTITY_LOOP || R->xml_error_code == XML_ERR_INTERNAL_ERROR
      || strstr (R->xml_error_message, "Huge input") || strstr (R->xml_error_message, "huge") || strstr (R->xml_error_message, "depth")
      || strstr (R->xml_error_message, "too long") || strstr (R->xml_error_message, "too large")
      || strstr (R->xml_error_message, "amplification"))
    code = GANTRY_MSPDI_ERROR_LIMIT;
  if (R->xml_error_code == XML_ERR_DOCUMENT_END && R->depth > 0 && R->depth <= MAX_NEST + 1)
    {
      /* libxml2 says "Extra content at the end of the document" */
      g_set_error (&R->error, GANTRY_MSPDI_ERROR, GANTRY_MSPDI_ERROR_MALFORMED,
                   _("Line %d: not well-formed XML: the file ends inside element <%s> "
                     "(is it truncated?)"),
                   R->xml_error_line, R->open_names[R->depth - 1]);
      return;
    }
  if (R->xml_error_code == XML_ERR_DOCUMENT_EMPTY)
    {
      /* (truly empty input is caught before parsing) */
      g_set_error (&R->error, GANTRY_MSPDI_ERROR, GANTRY_MSPDI_ERROR_MALFORMED,
                   _("Line %d: this is not an XML file (no root element found; "
                     "is it compressed or binary?)"), R->xml_error_line);
      return;
    }
  if (element != NULL)
    g_set_error (&R->error, GANTRY_MSPDI_ERROR, code,
                 _("Line %d, element <%s>: %s: %s"), R->xml_error_line, element,
                 code == GANTRY_MSPDI_ERROR_LIMIT ? _("a safety limit was exceeded")
                                                  : _("not well-formed XML"),
                 R->xml_error_message);
  else
    g_set_error (&R->error, GANTRY_MSPDI_ERROR, code,
                 _("Line %d: %s: %s"), R->xml_error_line,
                 code == GANTRY_MSPDI_ERROR_LIMIT ? _("a safety limit was exceeded")
                                                  : _("not well-formed XML"),
                 R->xml_error_message);
}

/* ---- the object tree ---------------------------------------------------- */

#define CHUNK_SIZE (64 * 1024)

static void
arena_init (Arena *A)
{
  A->chunks = g_array_new (FALSE, FALSE, sizeof (Chunk));
  A->current = 0;
  A->total = 0;
}

static void
arena_clear (Arena *A)
{
  for (guint i = 0; i < A->chunks->len; i++)
    g_free (g_array_index (A->chunks, Chunk, i).base);
  g_array_unref (A->chunks);
}

/* Keeps the chunks for the next object, except very large ones. */
static void
arena_reset (Arena *A)
{
  guint keep = 0;

  for (guint i = 0; i < A->chunks->len; i++)
    {
      Chunk *c = &g_array_index (A->chunks, Chunk, i);

      if (c->size > CHUNK_SIZE || keep >= 16)
        g_free (c->base);
      else
        {
          c->used = 0;
          g_array_index (A->chunks, Chunk, keep++) = *c;
        }
    }
  g_array_set_size (A->chunks, keep);
  A->current = 0;
  A->total = 0;
}

static gpointer
arena_alloc (Arena *A,
             gsize  size)
{
  Chunk *c;

  size = (size + 7) & ~(gsize) 7;
  A->total += size;
  while (A->current < A->chunks->len)
    {
      c = &g_array_index (A->chunks, Chunk, A->current);
      if (c->size - c->used >= size)
        {
          gpointer p = c->base + c->used;

          c->used += size;
          return p;
        }
      A->current++;
    }
  {
    Chunk fresh = { NULL, size, MAX (size, CHUNK_SIZE) };

    fresh.base = g_malloc (fresh.size);
    g_array_append_val (A->chunks, fresh);
    A->current = A->chunks->len - 1;
    return fresh.base;
  }
}

/* Grows the most recent allocation p (of old_size bytes) to new_size in
 * place if it fits; else returns a new block with the old bytes. */
static gpointer
arena_grow (Arena    *A,
            gpointer  p,
            gsize     old_size,
            gsize     new_size)
{
  Chunk *c = A->current < A->chunks->len ? &g_array_index (A->chunks, Chunk, A->current) : NULL;
  gsize old_al = (old_size + 7) & ~(gsize) 7;
  gsize new_al = (new_size + 7) & ~(gsize) 7;
  gpointer q;

  if (c != NULL && (char *) p + old_al == c->base + c->used
      && (gsize) ((char *) p - c->base) + new_al <= c->size)
    {
      c->used += new_al - old_al;
      A->total += new_al - old_al;
      return p;
    }
  q = arena_alloc (A, new_size);
  memcpy (q, p, old_size);
  return q;
}

static Node *
node_new (Reader     *R,
          Node       *parent,
          const char *name)
{
  Node *n = arena_alloc (&R->arena, sizeof (Node));

  memset (n, 0, sizeof (Node));
  n->name = name;
  n->parent = parent;
  if (parent != NULL)
    {
      if (parent->last)
        parent->last->next = n;
      else
        parent->children = n;
      parent->last = n;
    }
  return n;
}

static void
node_set_text (Reader     *R,
               Node       *node,
               const char *text)
{
  gsize len = strlen (text);
  char *t = arena_alloc (&R->arena, len + 1);

  memcpy (t, text, len + 1);
  node->text = t;
  node->text_len = len;
}

/* A new child element with text, first or last (static name). */
static void
node_add (Reader     *R,
          Node       *parent,
          const char *name,
          const char *text,
          gboolean    first)
{
  Node *n = arena_alloc (&R->arena, sizeof (Node));

  memset (n, 0, sizeof (Node));
  n->name = name;
  n->prefix = parent->prefix;
  n->href = parent->href;
  n->parent = parent;
  n->line = parent->line;
  node_set_text (R, n, text);
  if (first && parent->children != NULL)
    {
      n->next = parent->children;
      parent->children = n;
    }
  else
    {
      if (parent->last)
        parent->last->next = n;
      else
        parent->children = n;
      parent->last = n;
    }
}

/* ---- values ------------------------------------------------------------ */

/* The text of an element: its direct character data (text and CDATA;
 * white space between child elements left out, as XML_PARSE_NOBLANKS
 * did).  Never NULL. */
static const char *
node_text (Node *node)
{
  return node->text ? node->text : "";
}

/* The element's text, stripped, in buf (truncated to size - 1). */
static char *
node_text_buf (Node  *node,
               char  *buf,
               gsize  size)
{
  const char *t = node_text (node);
  gsize n = node->text_len;

  /* the common case: a short value without white space around it */
  if (n > 0 && n < size && !g_ascii_isspace (t[0]) && !g_ascii_isspace (t[n - 1]))
    {
      memcpy (buf, t, n + 1);
      return buf;
    }
  g_strlcpy (buf, t, size);
  return g_strstrip (buf);
}

static char *
node_text_dup (Node *node)
{
  return g_strdup (node_text (node));
}

#define TEXT(node) node_text (node)

static gboolean
get_int (Reader     *R,
         Node       *node,
         int        *out)
{
  char buf[128];
  char *t = node_text_buf (node, buf, sizeof buf);
  char *end;
  gint64 v;
  double d;

  errno = 0;
  v = g_ascii_strtoll (t, &end, 10);
  if (*t != '\0' && *end == '\0' && errno == 0 && v >= G_MININT && v <= G_MAXINT)
    {
      *out = (int) v;
      return TRUE;
    }
  d = g_ascii_strtod (t, &end);
  /* (range first: converting an out-of-range double is undefined) */
  if (*t != '\0' && *end == '\0' && d >= G_MININT && d <= G_MAXINT && d == floor (d))
    {
      *out = (int) d;
      return TRUE;
    }
  warn (R, node, _("“%s” is not a whole number; the value is ignored"), t);
  return FALSE;
}

static gboolean
get_double (Reader     *R,
            Node       *node,
            double     *out)
{
  char buf[128];
  char *t = node_text_buf (node, buf, sizeof buf);
  char *end;
  double d;

  d = g_ascii_strtod (t, &end);
  if (*t != '\0' && *end == '\0' && isfinite (d))
    {
      *out = d;
      return TRUE;
    }
  warn (R, node, _("“%s” is not a number; the value is ignored"), t);
  return FALSE;
}

static gboolean
get_bool (Reader     *R,
          Node       *node,
          gboolean   *out)
{
  char buf[128];
  char *t = node_text_buf (node, buf, sizeof buf);

  if (g_str_equal (t, "1") || g_ascii_strcasecmp (t, "true") == 0)
    *out = TRUE;
  else if (g_str_equal (t, "0") || g_ascii_strcasecmp (t, "false") == 0)
    *out = FALSE;
  else
    {
      warn (R, node, _("“%s” is not a boolean (0, 1, true, false); the value is ignored"), t);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_date (Reader     *R,
          Node       *node,
          GantryTime *out)
{
  char buf[128];
  char *t = node_text_buf (node, buf, sizeof buf);

  if (gantry_time_parse_iso (t, out, NULL))
    return TRUE;
  warn (R, node, _("“%s” is not a date; the value is ignored"), t);
  return FALSE;
}

static gboolean
get_duration (Reader     *R,
              Node       *node,
              gint64     *out)
{
  char buf[128];
  char *t = node_text_buf (node, buf, sizeof buf);

  if (gantry_mspdi_parse_duration (t, out))
    return TRUE;
  warn (R, node, _("“%s” is not a duration; the value is ignored"), t);
  return FALSE;
}

/* Tenths of a minute (LinkLag, slack, Delay) -> ms */
static gboolean
get_tenths (Reader     *R,
            Node       *node,
            gint64     *out)
{
  double d;

  if (!get_double (R, node, &d))
    return FALSE;
  if (fabs (d) > 1e15)
    {
      warn (R, node, _("the value is out of range and is ignored"));
      return FALSE;
    }
  *out = (gint64) llround (d * 6000.0);
  return TRUE;
}

/* "08:00:00" -> minutes from midnight; "24:00:00" -> 1440 */
static gboolean
get_time_of_day (Reader     *R,
                 Node       *node,
                 int        *out)
{
  char buf[128];
  char *t = node_text_buf (node, buf, sizeof buf);
  int h, m, s = 0, n;

  n = sscanf (t, "%2d:%2d:%2d", &h, &m, &s);
  if (n >= 2 && h >= 0 && h <= 24 && m >= 0 && m < 60 && s >= 0 && s < 60
      && (h < 24 || (m == 0 && s == 0)))
    {
      *out = h * 60 + m;
      return TRUE;
    }
  warn (R, node, _("“%s” is not a time of day; the value is ignored"), t);
  return FALSE;
}

static gboolean
get_format (Reader               *R,
            Node                 *node,
            GantryDurationFormat *out)
{
  int v;

  if (!get_int (R, node, &v))
    return FALSE;
  if (!gantry_format_is_valid (v))
    {
      warn (R, node, _("%d is not a duration format; the value is ignored"), v);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

static gboolean
get_range (Reader     *R,
           Node       *node,
           int        *out,
           int         lo,
           int         hi)
{
  int v;

  if (!get_int (R, node, &v))
    return FALSE;
  if (v < lo || v > hi)
    {
      warn (R, node, _("%d is out of range (%d to %d); the value is ignored"), v, lo, hi);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

/* ---- extras ------------------------------------------------------------ */

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  const char *special = attribute ? "&<>\"\r" : "&<>\r";

  while (*text)
    {
      gsize plain = strcspn (text, special);

      g_string_append_len (out, text, plain);
      text += plain;
      if (*text == '\0')
        break;
      switch (*text)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\r': g_string_append (out, "&#13;"); break;
      default: g_string_append_c (out, *text); break;
      }
      text++;
    }
}

typedef struct
{
  Node      *node;
  int        key;
  int        seq;
} Child;

static int
compare_child (const void *a,
               const void *b)
{
  const Child *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->seq - y->seq;
}

/* schema child index of name under sch; names are the parser's interned
 * strings (or static ones), so the answer is cached by pointer for the
 * whole load. */
static int
child_index (Reader                      *R,
             const GantryMspdiSchemaNode *sch,
             const char                  *name)
{
  guint n, h;
  GHashTable *table;
  gpointer v;
  int idx;
  IndexSlot *slot;

  if (sch == NULL || name == NULL)
    return -1;
  /* a direct-mapped cache in front of the per-node tables */
  h = (guint) (((guintptr) name >> 3) ^ ((guintptr) sch >> 5)) & (INDEX_SLOTS - 1);
  slot = &R->index_slots[h];
  if (slot->name == name && slot->sch == sch)
    return slot->idx;
  n = sch - gantry_mspdi_schema_nodes;
  table = R->child_index[n];
  if (table == NULL)
    table = R->child_index[n] = g_hash_table_new (g_direct_hash, g_direct_equal);
  v = g_hash_table_lookup (table, name);
  if (v != NULL)
    idx = GPOINTER_TO_INT (v) - 2;
  else
    {
      idx = gantry_mspdi_schema_child_index (sch, name);
      g_hash_table_insert (table, (gpointer) name, GINT_TO_POINTER (idx + 2));
    }
  slot->sch = sch;
  slot->name = name;
  slot->idx = idx;
  return idx;
}

/* The schema node of element name under parent (NULL if none), cached
 * per load by the pair (parent, name pointer). */
static const GantryMspdiSchemaNode *
child_schema (Reader                      *R,
              const GantryMspdiSchemaNode *parent,
              const char                  *name)
{
  g_autofree char *sub = NULL;
  char key[48];
  gpointer v;

  if (parent == NULL)
    return NULL;
  g_snprintf (key, sizeof key, "%p/%p", (void *) parent, (void *) name);
  if (g_hash_table_lookup_extended (R->sub_schema, key, NULL, &v))
    return v;
  sub = g_strconcat (parent->path, "/", name, NULL);
  v = (gpointer) gantry_mspdi_schema_lookup (sub);
  g_hash_table_insert (R->sub_schema, g_strdup (key), v);
  return v;
}

/* Canonical serialisation of a kept element: children in schema order (as
 * the writer will put them; elements outside the schema stay after their
 * predecessor), no namespace declarations, no white space between
 * elements, text escaped, comments dropped. */
static void
append_qname (GString *out,
              Node    *node)
{
  if (node->prefix != NULL && node->href != NULL && !g_str_equal (node->href, GANTRY_MSPDI_NS))
    {
      g_string_append (out, node->prefix);
      g_string_append_c (out, ':');
    }
  g_string_append (out, node->name);
}

static gboolean leaf_valid (Reader *R, const GantryMspdiSchemaNode *parent, Node *node);

/* sch: the schema node of node, NULL outside the schema (or not to be
 * checked) */
static gboolean
serialize (Reader                      *R,
           GString                     *out,
           Node                        *node,
           const GantryMspdiSchemaNode *sch,
           int                          depth)
{
  Child stack_kids[64];
  Child *kids = stack_kids;
  int n_kids = 0, cap = G_N_ELEMENTS (stack_kids), last_key = -1;

  if (depth > MAX_DEPTH || out->len > MAX_ELEMENT_SIZE)
    return FALSE;
  /* the common case: <Name>text</Name>, text without special characters */
  if (node->children == NULL && node->attrs == NULL && node->href != NULL && node->prefix == NULL
      && g_str_equal (node->href, GANTRY_MSPDI_NS)
      && (node->text == NULL || strcspn (node->text, "&<>\r") == node->text_len))
    {
      gsize n = strlen (node->name), at = out->len;
      char *p;

      g_string_set_size (out, at + 2 * n + 5 + node->text_len);
      p = out->str + at;
      *p++ = '<';
      memcpy (p, node->name, n);
      p += n;
      *p++ = '>';
      if (node->text_len > 0)
        memcpy (p, node->text, node->text_len);
      p += node->text_len;
      *p++ = '<';
      *p++ = '/';
      memcpy (p, node->name, n);
      p += n;
      *p = '>';
      return TRUE;
    }
  g_string_append_c (out, '<');
  append_qname (out, node);
  /* an element in another namespace keeps it (declared where it starts) */
  if (node->href != NULL && !g_str_equal (node->href, GANTRY_MSPDI_NS)
      && (node->parent == NULL || g_strcmp0 (node->parent->href, node->href) != 0
          || g_strcmp0 (node->parent->prefix, node->prefix) != 0 || depth == 0))
    {
      g_string_append (out, node->prefix ? " xmlns:" : " xmlns");
      if (node->prefix)
        g_string_append (out, node->prefix);
      g_string_append (out, "=\"");
      append_escaped (out, node->href, TRUE);
      g_string_append_c (out, '"');
    }
  for (Attr *a = node->attrs; a; a = a->next)
    {
      /* a prefixed attribute declares its namespace (unless the element
       * did, or it is xml:) */
      if (a->prefix != NULL && a->href != NULL && !g_str_equal (a->prefix, "xml")
          && !(node->prefix != NULL && g_str_equal (node->prefix, a->prefix)))
        {
          gboolean seen = FALSE;

          for (Attr *b = node->attrs; b != a && !seen; b = b->next)
            seen = b->prefix != NULL && g_str_equal (b->prefix, a->prefix);
          if (!seen)
            {
              g_string_append (out, " xmlns:");
              g_string_append (out, a->prefix);
              g_string_append (out, "=\"");
              append_escaped (out, a->href, TRUE);
              g_string_append_c (out, '"');
            }
        }
      g_string_append_c (out, ' ');
      if (a->prefix != NULL)
        {
          g_string_append (out, a->prefix);
          g_string_append_c (out, ':');
        }
      g_string_append (out, a->name);
      g_string_append (out, "=\"");
      append_escaped (out, a->value, TRUE);
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '>');   /* empty elements as <X></X> */
  if (node->children == NULL)
    {
      if (node->text != NULL)
        append_escaped (out, node->text, FALSE);
    }
  else
    {
      gboolean ok = TRUE;

      for (Node *c = node->children; c; c = c->next)
        {
          Child k = { c, -1, n_kids };

          if (sch != NULL)
            {
              k.key = child_index (R, sch, c->name);
              if (k.key < 0)
                k.key = last_key;
              else
                last_key = k.key;
            }
          if (n_kids == cap)
            {
              Child *bigger = g_new (Child, cap * 2);
              memcpy (bigger, kids, sizeof (Child) * n_kids);
              if (kids != stack_kids)
                g_free (kids);
              kids = bigger;
              cap *= 2;
            }
          kids[n_kids++] = k;
        }
      if (sch != NULL)
        qsort (kids, n_kids, sizeof (Child), compare_child);
      for (int i = 0; i < n_kids && ok; i++)
        {
          Node *c = kids[i].node;

          if (sch != NULL)
            {
              if (leaf_valid (R, sch, c))
                ok = serialize (R, out, c, c->children ? child_schema (R, sch, c->name) : NULL,
                                depth + 1);
            }
          else
            ok = serialize (R, out, c, NULL, depth + 1);
        }
      if (kids != stack_kids)
        g_free (kids);
      if (!ok)
        return FALSE;
    }
  g_string_append (out, "</");
  append_qname (out, node);
  g_string_append_c (out, '>');
  return TRUE;
}

/* A kept leaf element whose value does not fit its schema type would make
 * the export invalid: it is dropped with a warning, like a bad value of a
 * modelled field. */
static gboolean
leaf_valid (Reader                      *R,
            const GantryMspdiSchemaNode *parent,
            Node                        *node)
{
  int idx;

  if (parent == NULL)
    return TRUE;
  idx = child_index (R, parent, node->name);
  if (idx < 0 || parent->types[idx][0] == 's' || parent->types[idx][0] == 'c')
    return TRUE;
  if (node->children != NULL)
    return TRUE;
  if (gantry_mspdi_value_valid (parent->types[idx], node_text (node)))
    return TRUE;
  warn (R, node, _("“%s” is not a valid value here; the element is dropped"), node_text (node));
  return FALSE;
}

/* The sort key of a kept element: twice its schema position; an element
 * outside the schema goes right after its anchor (odd keys), or stays
 * after the element before it. */
static int
extra_key (Reader                      *R,
           const GantryMspdiSchemaNode *sch,
           const char                  *name,
           gboolean                     in_schema,
           const char                  *after,
           int                          last)
{
  int k;

  if (in_schema)
    {
      k = child_index (R, sch, name);
      return k < 0 ? last : 2 * k;
    }
  if (after == NULL || *after == '\0')
    return -1;
  k = child_index (R, sch, after);
  return k < 0 ? last : 2 * k + 1;
}

static ExtraList *
extra_list_for (Reader       *R,
                GantryExtras *target)
{
  for (guint i = 0; i < G_N_ELEMENTS (R->lists); i++)
    if (R->lists[i].target == target)
      return &R->lists[i];
  for (guint i = 0; i < G_N_ELEMENTS (R->lists); i++)
    if (R->lists[i].target == NULL)
      {
        R->lists[i].target = target;
        return &R->lists[i];
      }
  g_assert_not_reached ();
  return NULL;
}

/* Keeps node (an element Gantry does not model) for target.  Elements are
 * collected per object and handed to the object sorted (sort_extras):
 * MS Project 2010+ writes some elements out of schema order; the writer
 * puts them in schema order, so the model keeps them in that order too
 * (stable: equal names keep their order). */
static void
keep_extra (Reader                      *R,
            GantryExtras                *extras,
            const GantryMspdiSchemaNode *schema,
            Node                        *node,
            const char                  *after)
{
  /* schema NULL: a whole object kept on purpose (placeholders), in schema */
  gboolean in_schema = schema == NULL || child_index (R, schema, node->name) >= 0;
  const GantryMspdiSchemaNode *sch = NULL;
  ExtraList *list = NULL;
  GString *out;
  PendingExtra pe;

  if (schema != NULL)
    {
      list = extra_list_for (R, extras);
      out = list->arena;
      if (node->children != NULL)
        sch = child_schema (R, schema, node->name);
    }
  else
    {
      out = R->out;
      g_string_truncate (out, 0);
      if (g_str_equal (node->name, "Resource"))
        sch = gantry_mspdi_schema_lookup ("Project/Resources/Resource");
      else if (g_str_equal (node->name, "Assignment"))
        sch = gantry_mspdi_schema_lookup ("Project/Assignments/Assignment");
    }
  pe.name = out->len;
  g_string_append_len (out, node->name, strlen (node->name) + 1);
  pe.xml = out->len;
  if (!in_schema)
    {
      g_string_append (out, GANTRY_MSPDI_AFTER_PREFIX);
      g_string_append (out, after ? after : "");
      g_string_append (out, "-->");
    }
  if (schema != NULL && !leaf_valid (R, schema, node))
    return;
  if (!serialize (R, out, node, sch, 0))
    {
      g_string_truncate (out, pe.name);
      warn (R, node, _("the element is too large or too deep to keep and is dropped"));
      return;
    }
  g_string_append_c (out, '\0');
  if (list == NULL)
    {
      gantry_extras_append (extras, out->str + pe.name, out->str + pe.xml, in_schema);
      return;
    }
  pe.in_schema = in_schema;
  pe.key = extra_key (R, schema, node->name, in_schema, after, list->last_key);
  list->last_key = pe.key;
  g_array_append_val (list->items, pe);
}

/* Hands the elements kept for extras to it, in schema order. */
static void
sort_extras (Reader       *R,
             GantryExtras *extras)
{
  ExtraList *list = NULL;
  PendingExtra *items;
  guint n;
  g_autofree guint *order = NULL;
  gboolean sorted = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (R->lists); i++)
    if (R->lists[i].target == extras)
      list = &R->lists[i];
  if (list == NULL)
    return;
  items = (PendingExtra *) (gpointer) list->items->data;
  n = list->items->len;
  for (guint i = 1; i < n; i++)
    if (items[i].key < items[i - 1].key)
      sorted = FALSE;
  order = g_new (guint, n + 1);
  for (guint i = 0; i < n; i++)
    {
      guint j = i;

      if (!sorted)
        while (j > 0 && items[order[j - 1]].key > items[i].key)
          {
            order[j] = order[j - 1];
            j--;
          }
      order[j] = i;
    }
  {
    GantryExtra stack_out[128];
    g_autofree GantryExtra *heap_out = NULL;
    GantryExtra *out = n <= G_N_ELEMENTS (stack_out) ? stack_out : (heap_out = g_new (GantryExtra, n));

    for (guint i = 0; i < n; i++)
      {
        PendingExtra *pe = &items[order[i]];

        out[i].name = list->arena->str + pe->name;
        out[i].xml = list->arena->str + pe->xml;
        out[i].in_schema = pe->in_schema;
      }
    gantry_extras_append_many (extras, out, n);
  }
  g_array_set_size (list->items, 0);
  g_string_truncate (list->arena, 0);
  list->target = NULL;
  list->last_key = -1;
}

static const GantryMspdiSchemaNode *
schema (const char *path)
{
  const GantryMspdiSchemaNode *n = gantry_mspdi_schema_lookup (path);

  g_assert (n != NULL);
  return n;
}

/* Field codes: schema position -> small integer (0 = not modelled), one
 * table per object kind. */
static int *
field_table (const GantryMspdiSchemaNode *sch,
             const char * const          *names)
{
  int *codes = g_new0 (int, sch->n_children);

  for (int i = 0; names[i]; i++)
    {
      int idx = gantry_mspdi_schema_child_index (sch, names[i]);

      g_assert (idx >= 0);
      codes[idx] = i + 1;
    }
  return codes;
}

static int
field_code (Reader                      *R,
            const int                   *codes,
            const GantryMspdiSchemaNode *sch,
            Node                        *node)
{
  int idx = child_index (R, sch, node->name);

  return idx < 0 ? 0 : codes[idx];
}

#define ELEMENT_CHILDREN(c, parent) \
  for (Node *c = (parent)->children; c; c = c->next)

/* ---- project ----------------------------------------------------------- */

enum {
  P_NONE, P_NAME, P_TITLE, P_SUBJECT, P_COMPANY, P_MANAGER, P_AUTHOR,
  P_SCHEDULE_FROM_START, P_START, P_FINISH, P_CRITICAL_SLACK_LIMIT,
  P_CURRENCY_DIGITS, P_CURRENCY_SYMBOL, P_CURRENCY_CODE, P_CURRENCY_POSITION,
  P_CALENDAR_UID, P_DEFAULT_START_TIME, P_DEFAULT_FINISH_TIME, P_MINUTES_PER_DAY,
  P_MINUTES_PER_WEEK, P_DAYS_PER_MONTH, P_DEFAULT_TASK_TYPE, P_DURATION_FORMAT,
  P_WORK_FORMAT, P_HONOR_CONSTRAINTS, P_MULTIPLE_CRITICAL_PATHS,
  P_NEW_TASKS_EFFORT_DRIVEN, P_WEEK_START_DAY, P_STATUS_DATE, P_CURRENT_DATE,
  P_NEW_TASKS_ARE_MANUAL,
};

static const char * const project_fields[] = {
  "Name", "Title", "Subject", "Company", "Manager", "Author",
  "ScheduleFromStart", "StartDate", "FinishDate", "CriticalSlackLimit",
  "CurrencyDigits", "CurrencySymbol", "CurrencyCode", "CurrencySymbolPosition",
  "CalendarUID", "DefaultStartTime", "DefaultFinishTime", "MinutesPerDay",
  "MinutesPerWeek", "DaysPerMonth", "DefaultTaskType", "DurationFormat",
  "WorkFormat", "HonorConstraints", "MultipleCriticalPaths",
  "NewTasksEffortDriven", "WeekStartDay", "StatusDate", "CurrentDate",
  "NewTasksAreManual", NULL
};

/* Project 2002/2003 wrote OutlineCode definitions without the Guid the
 * schema requires; give each one a stable Guid made from its FieldID, so
 * what Gantry writes validates (MS Project assigns one the same way when
 * it opens such a file). */
static void
add_outline_code_guids (Reader *R,
                        Node   *node)
{
  ELEMENT_CHILDREN (oc, node)
    {
      gboolean has_guid = FALSE;
      g_autofree char *field = NULL;
      g_autofree char *sum = NULL;
      char guid[40];

      ELEMENT_CHILDREN (c, oc)
        {
          if (g_str_equal (c->name, "Guid"))
            has_guid = TRUE;
          else if (g_str_equal (c->name, "FieldID"))
            field = node_text_dup (c);
        }
      if (has_guid || !g_str_equal (oc->name, "OutlineCode"))
        continue;
      sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1,
                                           field ? field : "gantry-outline-code", -1);
      g_snprintf (guid, sizeof guid, "%.8s-%.4s-%.4s-%.4s-%.12s",
                  sum, sum + 8, sum + 12, sum + 16, sum + 20);
      for (char *p = guid; *p; p++)
        *p = g_ascii_toupper (*p);
      node_add (R, oc, "Guid", guid, TRUE);

      /* Their values lack FieldGUID and Type too: the code's Guid and 21
       * (text), which is what such values hold. */
      ELEMENT_CHILDREN (values, oc)
        {
          if (!g_str_equal (values->name, "Values"))
            continue;
          ELEMENT_CHILDREN (v, values)
            {
              gboolean has_field = FALSE, has_type = FALSE;

              ELEMENT_CHILDREN (c, v)
                {
                  has_field = has_field || g_str_equal (c->name, "FieldGUID");
                  has_type = has_type || g_str_equal (c->name, "Type");
                }
              if (!has_field)
                node_add (R, v, "FieldGUID", guid, FALSE);
              if (!has_type)
                node_add (R, v, "Type", "21", FALSE);
            }
        }
    }
}

static void
read_project_field (Reader     *R,
                    Node       *node,
                    const char *after)
{
  static int *table;
  GantryProject *P = R->project;
  GObject *obj = G_OBJECT (P);
  int code, i;
  gboolean b;
  GantryTime t;
  GantryDurationFormat f;

  if (table == NULL)
    table = field_table (schema ("Project"), project_fields);
  code = field_code (R, table, schema ("Project"), node);
  switch (code)
    {
    case P_NAME: g_object_set (obj, "name", TEXT (node), NULL); break;
    case P_TITLE: g_object_set (obj, "title", TEXT (node), NULL); break;
    case P_SUBJECT: g_object_set (obj, "subject", TEXT (node), NULL); break;
    case P_COMPANY: g_object_set (obj, "company", TEXT (node), NULL); break;
    case P_MANAGER: g_object_set (obj, "manager", TEXT (node), NULL); break;
    case P_AUTHOR: g_object_set (obj, "author", TEXT (node), NULL); break;
    case P_CURRENCY_SYMBOL: g_object_set (obj, "currency-symbol", TEXT (node), NULL); break;
    case P_CURRENCY_CODE: g_object_set (obj, "currency-code", TEXT (node), NULL); break;
    case P_SCHEDULE_FROM_START:
      if (get_bool (R, node, &b)) g_object_set (obj, "schedule-from-start", b, NULL);
      break;
    case P_HONOR_CONSTRAINTS:
      /* Every file MS Project saved in the corpus (143 of them, all with
       * the UI default "always honour constraints" on) says 0: MSPDI's flag
       * reads as the opposite of the option, as MPXJ also treats the MPP
       * flag.  Read 0 as honouring; the writer inverts back. */
      if (get_bool (R, node, &b)) g_object_set (obj, "honor-constraints", !b, NULL);
      break;
    case P_MULTIPLE_CRITICAL_PATHS:
      if (get_bool (R, node, &b)) g_object_set (obj, "multiple-critical-paths", b, NULL);
      break;
    case P_NEW_TASKS_EFFORT_DRIVEN:
      if (get_bool (R, node, &b)) g_object_set (obj, "new-tasks-effort-driven", b, NULL);
      break;
    case P_NEW_TASKS_ARE_MANUAL:
      if (get_bool (R, node, &b)) g_object_set (obj, "new-tasks-manual", b, NULL);
      break;
    case P_START: if (get_date (R, node, &t)) g_object_set (obj, "start", t, NULL); break;
    case P_FINISH: if (get_date (R, node, &t)) g_object_set (obj, "finish", t, NULL); break;
    case P_STATUS_DATE: if (get_date (R, node, &t)) g_object_set (obj, "status-date", t, NULL); break;
    case P_CURRENT_DATE: if (get_date (R, node, &t)) g_object_set (obj, "current-date", t, NULL); break;
    case P_CRITICAL_SLACK_LIMIT:
      if (get_range (R, node, &i, -100000, 100000)) g_object_set (obj, "critical-slack-limit", i, NULL);
      break;
    case P_CURRENCY_DIGITS:
      if (get_range (R, node, &i, 0, 3)) g_object_set (obj, "currency-digits", i, NULL);
      break;
    case P_CURRENCY_POSITION:
      if (get_range (R, node, &i, 0, 3)) g_object_set (obj, "currency-symbol-position", i, NULL);
      break;
    case P_CALENDAR_UID:
      if (get_int (R, node, &i)) R->project_calendar_uid = i;
      break;
    case P_DEFAULT_START_TIME:
      if (get_time_of_day (R, node, &i)) g_object_set (obj, "default-start-time", i, NULL);
      break;
    case P_DEFAULT_FINISH_TIME:
      if (get_time_of_day (R, node, &i)) g_object_set (obj, "default-finish-time", i, NULL);
      break;
    case P_MINUTES_PER_DAY:
      if (get_range (R, node, &i, 1, 1440))
        {
          g_object_set (obj, "minutes-per-day", i, NULL);
          R->ctx.minutes_per_day = i;
        }
      break;
    case P_MINUTES_PER_WEEK:
      if (get_range (R, node, &i, 1, 10080))
        {
          g_object_set (obj, "minutes-per-week", i, NULL);
          R->ctx.minutes_per_week = i;
        }
      break;
    case P_DAYS_PER_MONTH:
      if (get_range (R, node, &i, 1, 31))
        {
          g_object_set (obj, "days-per-month", i, NULL);
          R->ctx.days_per_month = i;
        }
      break;
    case P_DEFAULT_TASK_TYPE:
      if (get_range (R, node, &i, 0, 2)) g_object_set (obj, "default-task-type", i, NULL);
      break;
    case P_DURATION_FORMAT:
      if (get_format (R, node, &f)) g_object_set (obj, "duration-format", (int) f, NULL);
      break;
    case P_WORK_FORMAT:
      if (get_range (R, node, &i, 1, 5)) g_object_set (obj, "work-format", i, NULL);
      break;
    case P_WEEK_START_DAY:
      if (get_range (R, node, &i, 0, 6)) g_object_set (obj, "week-start-day", i, NULL);
      break;
    default:
      if (g_str_equal (node->name, "OutlineCodes"))
        add_outline_code_guids (R, node);
      /* SaveVersion 14 (Project 2010-2019) is what the writer writes when
       * none is kept (the schema requires one). */
      if (g_str_equal (node->name, "SaveVersion") && g_str_equal (TEXT (node), "14"))
        break;
      keep_extra (R, gantry_project_get_extras (P), schema ("Project"), node, after);
      break;
    }
}

/* ---- calendars --------------------------------------------------------- */

static void
read_working_times (Reader       *R,
                    Node         *node,
                    GantryDayDef *def)
{
  ELEMENT_CHILDREN (wt, node)
    {
      int from = -1, to = -1;

      if (!g_str_equal (wt->name, "WorkingTime"))
        continue;
      ELEMENT_CHILDREN (c, wt)
        {
          if (g_str_equal (c->name, "FromTime"))
            get_time_of_day (R, c, &from);
          else if (g_str_equal (c->name, "ToTime"))
            get_time_of_day (R, c, &to);
        }
      if (from < 0 || to < 0)
        continue;
      if (to == 0)
        to = 1440;   /* 00:00:00 = midnight at the end of the day */
      if (to <= from)
        {
          warn (R, wt, _("the working time ends before it starts and is ignored"));
          continue;
        }
      if (def->n_ranges >= GANTRY_CALENDAR_MAX_RANGES)
        {
          warn (R, wt, _("more than %d working times in one day; the rest is ignored"),
                GANTRY_CALENDAR_MAX_RANGES);
          break;
        }
      if (def->n_ranges > 0 && from < def->ranges[def->n_ranges - 1].to)
        {
          warn (R, wt, _("working times overlap or are out of order; this one is ignored"));
          continue;
        }
      def->ranges[def->n_ranges].from = from;
      def->ranges[def->n_ranges].to = to;
      def->n_ranges++;
    }
}

static void
read_day_def (Reader       *R,
              Node         *node,
              GantryDayDef *def,
              gboolean      working)
{
  def->kind = working ? GANTRY_DAY_WORKING : GANTRY_DAY_NONWORKING;
  def->n_ranges = 0;
  if (working)
    {
      ELEMENT_CHILDREN (c, node)
        if (g_str_equal (c->name, "WorkingTimes"))
          read_working_times (R, c, def);
      if (def->n_ranges == 0)
        {
          /* Working without times: MS Project's default day */
          def->ranges[0].from = 8 * 60;
          def->ranges[0].to = 12 * 60;
          def->ranges[1].from = 13 * 60;
          def->ranges[1].to = 17 * 60;
          def->n_ranges = 2;
        }
    }
}

static void
read_time_period (Reader     *R,
                  Node       *node,
                  gint64     *from_day,
                  gint64     *to_day)
{
  ELEMENT_CHILDREN (c, node)
    {
      GantryTime t;

      if (g_str_equal (c->name, "FromDate") && get_date (R, c, &t))
        *from_day = gantry_time_day_number (t);
      else if (g_str_equal (c->name, "ToDate") && get_date (R, c, &t))
        *to_day = gantry_time_day_number (t);
    }
}

static gboolean
read_weekday (Reader                  *R,
              Node                    *node,
              int                     *day_type,
              GantryDayDef            *def,
              GantryCalendarException *legacy)
{
  gboolean working = FALSE, have_working = FALSE;
  int dt = -1;

  ELEMENT_CHILDREN (c, node)
    {
      if (g_str_equal (c->name, "DayType"))
        get_range (R, c, &dt, 0, 7);
      else if (g_str_equal (c->name, "DayWorking"))
        have_working = get_bool (R, c, &working);
      else if (g_str_equal (c->name, "TimePeriod") && legacy)
        read_time_period (R, c, &legacy->from_day, &legacy->to_day);
    }
  if (dt < 0)
    {
      warn (R, node, _("a week day without a valid DayType is ignored"));
      return FALSE;
    }
  if (!have_working)
    working = FALSE;
  read_day_def (R, node, def, working);
  *day_type = dt;
  return TRUE;
}

static void
read_exception (Reader     *R,
                Node       *node,
                GantryCalendar *cal)
{
  GantryCalendarException ex = { 0 };
  gboolean working = FALSE;

  ex.recurrence = GANTRY_RECUR_NONE;
  ex.period = 1;
  ex.from_day = G_MININT64;
  ex.to_day = G_MININT64;
  ELEMENT_CHILDREN (c, node)
    {
      const char *n = c->name;

      if (g_str_equal (n, "EnteredByOccurrences")) get_bool (R, c, &ex.entered_by_occurrences);
      else if (g_str_equal (n, "TimePeriod")) read_time_period (R, c, &ex.from_day, &ex.to_day);
      else if (g_str_equal (n, "Occurrences")) get_range (R, c, &ex.occurrences, 0, 100000);
      else if (g_str_equal (n, "Name")) { g_free (ex.name); ex.name = node_text_dup (c); }
      else if (g_str_equal (n, "Type"))
        {
          int t;
          if (get_range (R, c, &t, 1, 9))
            ex.recurrence = t;
        }
      else if (g_str_equal (n, "Period")) get_range (R, c, &ex.period, 1, 100000);
      else if (g_str_equal (n, "DaysOfWeek")) get_range (R, c, &ex.days_of_week, 0, 127);
      else if (g_str_equal (n, "MonthItem")) get_range (R, c, &ex.month_item, 0, 9);
      else if (g_str_equal (n, "MonthPosition")) get_range (R, c, &ex.month_position, 0, 4);
      else if (g_str_equal (n, "Month")) get_range (R, c, &ex.month, 0, 11);
      else if (g_str_equal (n, "MonthDay")) get_range (R, c, &ex.month_day, 0, 31);
      else if (g_str_equal (n, "DayWorking")) get_bool (R, c, &working);
    }
  if (ex.from_day == G_MININT64 || ex.to_day == G_MININT64 || ex.to_day < ex.from_day)
    {
      warn (R, node, _("a calendar exception without a valid time period is ignored"));
      g_free (ex.name);
      return;
    }
  read_day_def (R, node, &ex.day, working);
  gantry_calendar_add_exception (cal, &ex);
  g_free (ex.name);
}

static void
read_work_week (Reader         *R,
                Node           *node,
                GantryCalendar *cal)
{
  GantryWorkWeek ww = { 0 };

  ww.from_day = G_MININT64;
  ww.to_day = G_MININT64;
  ELEMENT_CHILDREN (c, node)
    {
      if (g_str_equal (c->name, "Name"))
        {
          g_free (ww.name);
          ww.name = node_text_dup (c);
        }
      else if (g_str_equal (c->name, "TimePeriod"))
        read_time_period (R, c, &ww.from_day, &ww.to_day);
      else if (g_str_equal (c->name, "WeekDays"))
        {
          ELEMENT_CHILDREN (wd, c)
          {
            GantryDayDef def = { 0 };
            int dt;

            if (read_weekday (R, wd, &dt, &def, NULL) && dt >= 1)
              ww.days[dt - 1] = def;
          }
        }
    }
  if (ww.from_day == G_MININT64 || ww.to_day == G_MININT64 || ww.to_day < ww.from_day)
    warn (R, node, _("a work week without a valid time period is ignored"));
  else
    gantry_calendar_add_work_week (cal, &ww);
  g_free (ww.name);
}

static void
read_calendar (Reader     *R,
               Node       *node)
{
  g_autoptr(GantryCalendar) cal = NULL;
  g_autoptr(GPtrArray) legacy = g_ptr_array_new_with_free_func (g_free);
  const GantryMspdiSchemaNode *sch = schema ("Project/Calendars/Calendar");
  gboolean have_exceptions = FALSE, b;
  const char *after = NULL;
  int uid = G_MININT, base_uid = -1;

  ELEMENT_CHILDREN (c, node)
    if (g_str_equal (c->name, "UID"))
      get_int (R, c, &uid);
  if (uid == G_MININT)
    {
      warn (R, node, _("a calendar without a UID is ignored"));
      return;
    }
  cal = gantry_calendar_new (uid, NULL);
  for (int d = 0; d < 7; d++)
    {
      GantryDayDef def = { GANTRY_DAY_DEFAULT, 0, { { 0, 0 } } };
      gantry_calendar_set_weekday (cal, d, &def);
    }

  ELEMENT_CHILDREN (c, node)
    {
      const char *n = c->name;

      if (g_str_equal (n, "UID"))
        ;
      else if (g_str_equal (n, "Name"))
        gantry_calendar_set_name (cal, TEXT (c));
      else if (g_str_equal (n, "IsBaseCalendar"))
        {
          if (get_bool (R, c, &b))
            gantry_calendar_set_is_base_calendar (cal, b);
        }
      else if (g_str_equal (n, "IsBaselineCalendar"))
        {
          if (get_bool (R, c, &b))
            gantry_calendar_set_is_baseline_calendar (cal, b);
        }
      else if (g_str_equal (n, "BaseCalendarUID"))
        get_int (R, c, &base_uid);
      else if (g_str_equal (n, "WeekDays"))
        {
          ELEMENT_CHILDREN (wd, c)
            {
              GantryCalendarException *ex = g_new0 (GantryCalendarException, 1);
              GantryDayDef def = { 0 };
              int dt;

              ex->from_day = ex->to_day = G_MININT64;
              if (!read_weekday (R, wd, &dt, &def, ex))
                {
                  g_free (ex);
                  continue;
                }
              if (dt >= 1)
                {
                  gantry_calendar_set_weekday (cal, dt - 1, &def);
                  g_free (ex);
                }
              else if (ex->from_day == G_MININT64 || ex->to_day == G_MININT64
                       || ex->to_day < ex->from_day)
                {
                  warn (R, wd, _("an exception day without a valid time period is ignored"));
                  g_free (ex);
                }
              else
                {
                  ex->recurrence = GANTRY_RECUR_NONE;
                  ex->period = 1;
                  ex->day = def;
                  g_ptr_array_add (legacy, ex);
                }
            }
        }
      else if (g_str_equal (n, "Exceptions"))
        {
          have_exceptions = TRUE;
          ELEMENT_CHILDREN (e, c)
            read_exception (R, e, cal);
        }
      else if (g_str_equal (n, "WorkWeeks"))
        {
          ELEMENT_CHILDREN (w, c)
            read_work_week (R, w, cal);
        }
      else
        keep_extra (R, gantry_calendar_get_extras (cal), sch, c, after);
      after = n;
    }

  sort_extras (R, gantry_calendar_get_extras (cal));

  /* Legacy DayType 0 exceptions count only without <Exceptions>. */
  if (!have_exceptions)
    for (guint i = 0; i < legacy->len; i++)
      gantry_calendar_add_exception (cal, g_ptr_array_index (legacy, i));

  /* A base calendar with unspecified days (other tools list only the
   * weekend, or no WeekDays at all): they are what MS Project gives a new
   * calendar, its standard week (Mon-Fri 8-12 13-17), with a warning. */
  if (gantry_calendar_get_is_base_calendar (cal))
    {
      g_autoptr(GantryCalendar) standard = NULL;
      int n_unspecified = 0;

      for (int d = 0; d < 7; d++)
        if (gantry_calendar_get_weekday (cal, d)->kind == GANTRY_DAY_DEFAULT)
          {
            if (standard == NULL)
              standard = gantry_calendar_new_standard (0, NULL);
            gantry_calendar_set_weekday (cal, d, gantry_calendar_get_weekday (standard, d));
            n_unspecified++;
          }
      if (n_unspecified > 0)
        warn (R, node, _("base calendar %d does not define %d of the 7 week days; "
                         "they get the standard week (Monday to Friday 8:00–12:00 and 13:00–17:00)"),
              uid, n_unspecified);
    }

  if (!gantry_project_add_calendar (R->project, cal))
    {
      warn (R, node, _("calendar UID %d is used twice; the second calendar is ignored"), uid);
      return;
    }
  if (base_uid > 0 || (base_uid == 0 && !gantry_calendar_get_is_base_calendar (cal)))
    {
      PendingCalendar p = { NULL, cal, base_uid, node->line };
      g_array_append_val (R->base_refs, p);
    }
}

/* ---- tasks ------------------------------------------------------------- */

enum {
  T_NONE, T_UID, T_ID, T_NAME, T_NOTES, T_WBS, T_DURATION, T_DURATION_FORMAT,
  T_START, T_FINISH, T_CONSTRAINT_TYPE, T_CONSTRAINT_DATE, T_DEADLINE, T_TYPE,
  T_EFFORT_DRIVEN, T_MILESTONE, T_MANUAL, T_ACTIVE, T_IS_NULL, T_PERCENT_COMPLETE,
  T_PERCENT_WORK_COMPLETE, T_ACTUAL_START, T_ACTUAL_FINISH, T_ACTUAL_DURATION,
  T_REMAINING_DURATION, T_PRIORITY, T_CALENDAR_UID, T_IGNORE_RESOURCE_CALENDAR,
  T_WORK, T_FIXED_COST, T_FIXED_COST_ACCRUAL, T_LEVELING_DELAY,
  T_LEVELING_DELAY_FORMAT, T_HIDE_BAR, T_ROLLUP, T_EARLY_START, T_EARLY_FINISH,
  T_LATE_START, T_LATE_FINISH, T_TOTAL_SLACK, T_FREE_SLACK, T_START_SLACK,
  T_FINISH_SLACK, T_CRITICAL, T_COST, T_ACTUAL_COST, T_ACTUAL_WORK, T_BASELINE,
  T_PREDECESSOR_LINK, T_OUTLINE_LEVEL, T_OUTLINE_NUMBER, T_SUMMARY,
};

static const char * const task_fields[] = {
  "UID", "ID", "Name", "Notes", "WBS", "Duration", "DurationFormat",
  "Start", "Finish", "ConstraintType", "ConstraintDate", "Deadline", "Type",
  "EffortDriven", "Milestone", "Manual", "Active", "IsNull", "PercentComplete",
  "PercentWorkComplete", "ActualStart", "ActualFinish", "ActualDuration",
  "RemainingDuration", "Priority", "CalendarUID", "IgnoreResourceCalendar",
  "Work", "FixedCost", "FixedCostAccrual", "LevelingDelay",
  "LevelingDelayFormat", "HideBar", "Rollup", "EarlyStart", "EarlyFinish",
  "LateStart", "LateFinish", "TotalSlack", "FreeSlack", "StartSlack",
  "FinishSlack", "Critical", "Cost", "ActualCost", "ActualWork", "Baseline",
  "PredecessorLink", "OutlineLevel", "OutlineNumber", "Summary", NULL
};

/* A task baseline: modelled when every child is a modelled one; otherwise
 * kept whole as an extra (returns FALSE). */
static gboolean
read_baseline (Reader     *R,
               Node       *node,
               GantryTask *task)
{
  GantryBaseline b = { 0 };
  int number = 0;
  double d;

  ELEMENT_CHILDREN (c, node)
    {
      const char *n = c->name;

      if (!(g_str_equal (n, "Number") || g_str_equal (n, "Interim")
            || g_str_equal (n, "Start") || g_str_equal (n, "Finish")
            || g_str_equal (n, "Duration") || g_str_equal (n, "DurationFormat")
            || g_str_equal (n, "EstimatedDuration") || g_str_equal (n, "Work")
            || g_str_equal (n, "Cost") || g_str_equal (n, "BCWS")
            || g_str_equal (n, "BCWP") || g_str_equal (n, "FixedCost")))
        return FALSE;
    }
  b.set = TRUE;
  b.start = b.finish = GANTRY_TIME_NONE;
  b.duration_format = GANTRY_FORMAT_DAYS;
  ELEMENT_CHILDREN (c, node)
    {
      const char *n = c->name;

      if (g_str_equal (n, "Number")) { if (!get_range (R, c, &number, 0, 10)) return FALSE; }
      else if (g_str_equal (n, "Interim")) get_bool (R, c, &b.interim);
      else if (g_str_equal (n, "Start")) get_date (R, c, &b.start);
      else if (g_str_equal (n, "Finish")) get_date (R, c, &b.finish);
      else if (g_str_equal (n, "Duration")) get_duration (R, c, &b.duration);
      else if (g_str_equal (n, "DurationFormat")) get_format (R, c, &b.duration_format);
      else if (g_str_equal (n, "EstimatedDuration")) get_bool (R, c, &b.estimated);
      else if (g_str_equal (n, "Work")) get_duration (R, c, &b.work);
      else if (g_str_equal (n, "Cost")) { if (get_double (R, c, &d)) b.cost = d / 100.0; }
      else if (g_str_equal (n, "BCWS")) { if (get_double (R, c, &d)) b.bcws = d / 100.0; }
      else if (g_str_equal (n, "BCWP")) { if (get_double (R, c, &d)) b.bcwp = d / 100.0; }
      else if (g_str_equal (n, "FixedCost")) { if (get_double (R, c, &d)) b.fixed_cost = d / 100.0; }
    }
  if (gantry_task_get_baseline (task, number) != NULL)
    {
      warn (R, node, _("baseline %d appears twice; the second one is kept as it is"), number);
      return FALSE;
    }
  gantry_task_set_baseline (task, number, &b);
  return TRUE;
}

static gboolean
read_link (Reader     *R,
           Node       *node,
           GantryTask *task)
{
  PendingLink l = { task, G_MININT, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS, NULL, 0 };
  const GantryMspdiSchemaNode *sch = schema ("Project/Tasks/Task/PredecessorLink");
  const char *after = NULL;
  gboolean cross = FALSE;
  Node *lag_node = NULL;
  double lag = 0;

  ELEMENT_CHILDREN (c, node)
    if (g_str_equal (c->name, "CrossProject"))
      get_bool (R, c, &cross);
  if (cross)
    return FALSE;   /* kept raw with the task */

  l.extras = gantry_extras_new ();
  l.line = node->line;
  ELEMENT_CHILDREN (c, node)
    {
      const char *n = c->name;
      int v;

      if (g_str_equal (n, "PredecessorUID")) get_int (R, c, &l.pred_uid);
      else if (g_str_equal (n, "Type")) { if (get_range (R, c, &v, 0, 3)) l.type = v; }
      else if (g_str_equal (n, "LinkLag")) { if (get_double (R, c, &lag)) lag_node = c; }
      else if (g_str_equal (n, "LagFormat")) get_format (R, c, &l.lag_format);
      else if (g_str_equal (n, "CrossProject") || g_str_equal (n, "CrossProjectName"))
        keep_extra (R, l.extras, sch, c, after);
      else
        keep_extra (R, l.extras, sch, c, after);
      after = n;
    }
  sort_extras (R, l.extras);
  if (l.pred_uid == G_MININT)
    {
      warn (R, node, _("a predecessor link without PredecessorUID is ignored"));
      gantry_extras_free (l.extras);
      return TRUE;
    }
  if (lag_node != NULL)
    {
      if (fabs (lag) > 1e13)
        warn (R, lag_node, _("the value is out of range and is ignored"));
      else if (gantry_format_is_percent (l.lag_format))
        l.lag = (gint64) llround (lag * 100.0);     /* tenths of % -> % x 1000 */
      else
        l.lag = (gint64) llround (lag * 6000.0);    /* tenths of a minute -> ms */
    }
  g_array_append_val (R->links, l);
  return TRUE;
}

static void
add_to_outline (Reader     *R,
                GantryTask *parent,
                GantryTask *task,
                int         uid,
                int         line,
                gboolean    no_uid)
{
  if (!gantry_project_add_task (R->project, parent, -1, task))
    {
      /* A duplicate UID: a placeholder now, a fresh UID once every UID of
       * the file is known (resolve). */
      PendingCalendar dup = { G_OBJECT (task), NULL, uid, line };

      gantry_task_set_uid (task, -1000000 - (int) R->duplicates->len);
      R->n_duplicates_seen++;
      g_array_append_val (R->duplicates, dup);
      if (!gantry_project_add_task (R->project, parent, -1, task))
        {
          fail (R, GANTRY_MSPDI_ERROR_MALFORMED, NULL, _("Line %d: cannot add task %d"), line, uid);
          return;
        }
    }
  if (no_uid)
    {
      PendingCalendar dup = { G_OBJECT (task), NULL, G_MININT, line };

      g_array_append_val (R->duplicates, dup);
      R->n_duplicates_seen++;
    }
  R->n_tasks++;
}

static void
flush_null_rows (Reader     *R,
                 GantryTask *parent)
{
  for (guint i = 0; i < R->null_rows->len; i++)
    {
      PendingNull *pn = &g_array_index (R->null_rows, PendingNull, i);

      add_to_outline (R, parent, pn->task, pn->uid, pn->line, pn->no_uid);
      g_object_unref (pn->task);
    }
  g_array_set_size (R->null_rows, 0);
}

static void
read_task (Reader     *R,
           Node       *node)
{
  static int *table;
  const GantryMspdiSchemaNode *sch = schema ("Project/Tasks/Task");
  g_autoptr(GantryTask) task = NULL;
  GantryTask *target;
  GantryTaskSchedule s;
  gboolean is_root = FALSE, b, is_null = FALSE, no_uid = FALSE, null_waits = FALSE;
  gboolean has_duration = FALSE;
  int uid = G_MININT, level = 1, i, calendar_uid = -1;
  const char *after = NULL;
  Node *level_node = NULL;
  GantryTime t;
  gint64 d;
  double v;
  GantryDurationFormat f;

  if (table == NULL)
    table = field_table (sch, task_fields);

  ELEMENT_CHILDREN (c, node)
    if (g_str_equal (c->name, "UID"))
      get_int (R, c, &uid);
  if (uid == G_MININT)
    {
      /* kept; it gets a fresh UID once all UIDs are known */
      no_uid = TRUE;
      uid = -1000000 - (int) R->duplicates->len;
    }
  ELEMENT_CHILDREN (c, node)
    {
      if (g_str_equal (c->name, "OutlineLevel"))
        {
          if (get_range (R, c, &level, 0, MAX_OUTLINE))
            level_node = c;
        }
      else if (g_str_equal (c->name, "IsNull"))
        get_bool (R, c, &is_null);
    }
  /* No OutlineLevel (other tools give the outline as OutlineNumber
   * "1.2.3" only): the level is its number of parts. */
  if (level_node == NULL && uid != 0)
    ELEMENT_CHILDREN (c, node)
      if (g_str_equal (c->name, "OutlineNumber") && TEXT (c)[0] != '\0')
        {
          const char *num = TEXT (c);
          int parts = 1;

          for (const char *q = num; *q; q++)
            parts += *q == '.';
          if (parts > 1 && parts <= MAX_OUTLINE)
            {
              level = parts;
              warn (R, c, _("task %d has no OutlineLevel; level %d is taken from its outline number %s"),
                    uid, level, num);
            }
        }

  /* A blank row (IsNull): MS Project writes OutlineLevel 0 and CalendarUID
   * 0; its place comes from the next real task (see below). */
  if (is_null && uid != 0 && level == 0)
    {
      level = 1;
      null_waits = TRUE;
    }

  /* Tools that number from 0 write a real row (OutlineLevel 1 or more) as
   * UID 0: a task of its own, not the project summary task; it gets a
   * fresh UID (add_to_outline: UID 0 is the summary's), and references to
   * UID 0 go to it. */
  if (uid == 0 && level_node != NULL && level >= 1)
    warn (R, level_node, _("task UID 0 is at outline level %d: a task of its own, not the project summary task"),
          level);
  else if (uid == 0 || level == 0)
    {
      if (uid != 0)
        warn (R, node, _("only task UID 0 may have outline level 0; task %d is put at level 1"),
              uid);
      else
        is_root = TRUE;
    }
  if (level == 0 && !is_root)
    level = 1;

  if (is_root)
    target = gantry_project_get_root_task (R->project);
  else
    target = task = gantry_task_new (uid, NULL);
  if (uid == 0 && !is_root && R->uid0_task == NULL)
    R->uid0_task = task;

  gantry_task_get_schedule (target, &s);
  ELEMENT_CHILDREN (c, node)
    {
      int code = field_code (R, table, sch, c);

      switch (code)
        {
        case T_OUTLINE_LEVEL:
        case T_UID: case T_OUTLINE_NUMBER: case T_SUMMARY:
          break;   /* structure: recomputed */
        case T_ID: if (get_int (R, c, &i)) gantry_task_set_id (target, i); break;
        case T_NAME: gantry_task_set_name (target, TEXT (c)); break;
        case T_NOTES:
          {
            g_autofree char *notes = node_text_dup (c);

            /* the project summary task's notes are the project's notes;
             * an empty <Notes/> (other tools write it) is no notes */
            if (notes[0] == '\0')
              break;
            if (is_root)
              g_object_set (R->project, "notes", notes, NULL);
            else
              gantry_task_set_notes (target, notes);
          }
          break;
        case T_WBS: gantry_task_set_wbs (target, TEXT (c)); break;
        case T_DURATION: has_duration |= get_duration (R, c, &s.duration); break;
        case T_DURATION_FORMAT: if (get_format (R, c, &f)) gantry_task_set_duration_format (target, f); break;
        case T_START: get_date (R, c, &s.start); break;
        case T_FINISH: get_date (R, c, &s.finish); break;
        case T_CONSTRAINT_TYPE:
          if (get_range (R, c, &i, 0, 7)) gantry_task_set_constraint_type (target, i);
          break;
        case T_CONSTRAINT_DATE: if (get_date (R, c, &t)) gantry_task_set_constraint_date (target, t); break;
        case T_DEADLINE: if (get_date (R, c, &t)) gantry_task_set_deadline (target, t); break;
        case T_TYPE: if (get_range (R, c, &i, 0, 2)) gantry_task_set_task_type (target, i); break;
        case T_EFFORT_DRIVEN: if (get_bool (R, c, &b)) gantry_task_set_effort_driven (target, b); break;
        case T_MILESTONE: if (get_bool (R, c, &b)) gantry_task_set_milestone (target, b); break;
        case T_MANUAL: if (get_bool (R, c, &b)) gantry_task_set_manual (target, b); break;
        case T_ACTIVE: if (get_bool (R, c, &b)) gantry_task_set_active (target, b); break;
        case T_IS_NULL: if (get_bool (R, c, &b)) gantry_task_set_is_null (target, b); break;
        case T_PERCENT_COMPLETE:
          if (get_range (R, c, &i, 0, 100)) gantry_task_set_percent_complete (target, i);
          break;
        case T_PERCENT_WORK_COMPLETE:
          if (get_range (R, c, &i, 0, 100)) gantry_task_set_percent_work_complete (target, i);
          break;
        case T_ACTUAL_START: if (get_date (R, c, &t)) gantry_task_set_actual_start (target, t); break;
        case T_ACTUAL_FINISH: if (get_date (R, c, &t)) gantry_task_set_actual_finish (target, t); break;
        case T_ACTUAL_DURATION: if (get_duration (R, c, &d)) gantry_task_set_actual_duration (target, d); break;
        case T_REMAINING_DURATION: if (get_duration (R, c, &d)) gantry_task_set_remaining_duration (target, d); break;
        case T_PRIORITY: if (get_range (R, c, &i, 0, 1000)) gantry_task_set_priority (target, i); break;
        case T_CALENDAR_UID:
          if (is_null && g_str_equal (TEXT (c), "0"))
            keep_extra (R, gantry_task_get_extras (target), sch, c, after);
          else
            get_int (R, c, &calendar_uid);
          break;
        case T_IGNORE_RESOURCE_CALENDAR:
          if (get_bool (R, c, &b)) gantry_task_set_ignore_resource_calendar (target, b);
          break;
        case T_WORK: get_duration (R, c, &s.work); break;
        case T_FIXED_COST: if (get_double (R, c, &v)) gantry_task_set_fixed_cost (target, v / 100.0); break;
        case T_FIXED_COST_ACCRUAL:
          if (get_range (R, c, &i, 1, 3)) gantry_task_set_fixed_cost_accrual (target, i);
          break;
        case T_LEVELING_DELAY: if (get_tenths (R, c, &d)) gantry_task_set_leveling_delay (target, d); break;
        case T_LEVELING_DELAY_FORMAT:
          if (get_format (R, c, &f)) gantry_task_set_leveling_delay_format (target, f);
          break;
        case T_HIDE_BAR: if (get_bool (R, c, &b)) gantry_task_set_hide_bar (target, b); break;
        case T_ROLLUP: if (get_bool (R, c, &b)) gantry_task_set_rollup (target, b); break;
        case T_EARLY_START: get_date (R, c, &s.early_start); break;
        case T_EARLY_FINISH: get_date (R, c, &s.early_finish); break;
        case T_LATE_START: get_date (R, c, &s.late_start); break;
        case T_LATE_FINISH: get_date (R, c, &s.late_finish); break;
        case T_TOTAL_SLACK: get_tenths (R, c, &s.total_slack); break;
        case T_FREE_SLACK: get_tenths (R, c, &s.free_slack); break;
        case T_START_SLACK: get_tenths (R, c, &s.start_slack); break;
        case T_FINISH_SLACK: get_tenths (R, c, &s.finish_slack); break;
        case T_CRITICAL: get_bool (R, c, &s.critical); break;
        case T_COST: if (get_double (R, c, &v)) s.cost = v / 100.0; break;
        case T_ACTUAL_COST: if (get_double (R, c, &v)) s.actual_cost = v / 100.0; break;
        case T_ACTUAL_WORK: get_duration (R, c, &s.actual_work); break;
        case T_BASELINE:
          if (!read_baseline (R, c, target))
            keep_extra (R, gantry_task_get_extras (target), sch, c, after);
          break;
        case T_PREDECESSOR_LINK:
          if (!read_link (R, c, target))
            keep_extra (R, gantry_task_get_extras (target), sch, c, after);
          break;
        default:
          keep_extra (R, gantry_task_get_extras (target), sch, c, after);
          break;
        }
      after = c->name;
    }
  gantry_task_set_schedule (target, &s);
  sort_extras (R, gantry_task_get_extras (target));
  /* Other tools may give only Start and Finish: the duration is the
   * working time between them, once the calendars are known (resolve). */
  if (!has_duration && !is_root && s.start != GANTRY_TIME_NONE
      && s.finish != GANTRY_TIME_NONE && s.finish >= s.start)
    {
      PendingCalendar nd = { g_object_ref (G_OBJECT (target)), NULL, uid, node->line };

      g_array_append_val (R->no_duration, nd);
    }

  if (calendar_uid != -1)
    {
      PendingCalendar p = { G_OBJECT (target), NULL, calendar_uid, node->line };
      g_array_append_val (R->calendar_refs, p);
    }

  if (is_root)
    {
      gantry_task_set_uid (target, 0);
      return;
    }

  /* Outline: the parent is the nearest earlier task with a lower level.
   * Blank rows (IsNull) never become parents; with MS Project's
   * OutlineLevel 0 they wait and join the next real task's parent, right
   * before it, so the row order stays as in the file. */
  if (null_waits)
    {
      PendingNull pn = { g_object_ref (task), uid, node->line, no_uid };

      g_array_append_val (R->null_rows, pn);
      return;
    }
  {
    guint k = R->outline->len - 1;
    GantryTask *parent;

    /* Levels as the file has them: other tools skip levels (1 then 3);
     * such a task goes one level below its parent, and its siblings with
     * it, with a warning each. */
    while (k > 0 && g_array_index (R->outline_levels, int, k) >= level)
      k--;
    if ((int) k + 1 != level)
      warn (R, level_node != NULL ? level_node : node,
            _("outline level %d skips a level after the task before it; task %d is put at level %u"),
            level, uid, k + 1);
    parent = g_ptr_array_index (R->outline, k);
    flush_null_rows (R, parent);
    add_to_outline (R, parent, task, uid, node->line, no_uid);
    if (!is_null)   /* a blank row with a level of its own is no parent either */
      {
        g_ptr_array_set_size (R->outline, k + 1);
        g_array_set_size (R->outline_levels, k + 1);
        g_ptr_array_add (R->outline, task);
        g_array_append_val (R->outline_levels, level);
      }
  }
}

/* ---- resources --------------------------------------------------------- */

enum {
  R_NONE, R_UID, R_ID, R_NAME, R_TYPE, R_IS_COST, R_INITIALS, R_GROUP, R_EMAIL,
  R_NOTES, R_MATERIAL_LABEL, R_MAX_UNITS, R_STANDARD_RATE, R_OVERTIME_RATE,
  R_COST_PER_USE, R_ACCRUE_AT, R_CALENDAR_UID, R_IS_GENERIC, R_IS_INACTIVE,
  R_WORK, R_COST, R_OVERALLOCATED, R_PEAK_UNITS,
};

static const char * const resource_fields[] = {
  "UID", "ID", "Name", "Type", "IsCostResource", "Initials", "Group",
  "EmailAddress", "Notes", "MaterialLabel", "MaxUnits", "StandardRate",
  "OvertimeRate", "CostPerUse", "AccrueAt", "CalendarUID", "IsGeneric",
  "IsInactive", "Work", "Cost", "OverAllocated", "PeakUnits", NULL
};

static void
read_resource (Reader     *R,
               Node       *node)
{
  static int *table;
  const GantryMspdiSchemaNode *sch = schema ("Project/Resources/Resource");
  g_autoptr(GantryResource) res = NULL;
  int uid = G_MININT, type = 1, i, calendar_uid = -1;
  gboolean is_cost = FALSE, b, overallocated = FALSE, real_uid0 = FALSE;
  double v, cost = 0, peak = 0;
  gint64 work = 0;
  const char *after = NULL;

  if (table == NULL)
    table = field_table (sch, resource_fields);
  ELEMENT_CHILDREN (c, node)
    if (g_str_equal (c->name, "UID"))
      get_int (R, c, &uid);
  if (uid == G_MININT)
    {
      warn (R, node, _("a resource without a UID is ignored"));
      return;
    }
  if (uid == 0)
    {
      gboolean named = FALSE;

      /* Files numbered from 0 have a real resource with UID 0 (MS Project's
       * placeholder never has a name). */
      ELEMENT_CHILDREN (c, node)
        if (g_str_equal (c->name, "Name") && TEXT (c)[0] != '\0')
          named = TRUE;
      if (named && R->uid0_resource == NULL)
        {
          warn (R, node, _("resource UID 0 has a name: a resource of its own, not MS Project's placeholder"));
          real_uid0 = TRUE;
        }
    }
  if (uid == 0 && !real_uid0)
    {
      /* MS Project's placeholder resource: kept as it is and written back,
       * unless it is the bare one the writer makes anyway. */
      gboolean bare = TRUE;

      ELEMENT_CHILDREN (c, node)
        if (!(g_str_equal (c->name, "UID") || g_str_equal (c->name, "ID")
              || g_str_equal (c->name, "Type") || g_str_equal (c->name, "IsNull")))
          bare = FALSE;
      if (!bare)
        keep_extra (R, gantry_project_get_extras (R->project), NULL, node, NULL);
      return;
    }
  res = gantry_resource_new (uid, NULL);
  ELEMENT_CHILDREN (c, node)
    {
      switch (field_code (R, table, sch, c))
        {
        case R_UID: break;
        case R_ID: if (get_int (R, c, &i)) gantry_resource_set_id (res, i); break;
        case R_NAME: gantry_resource_set_name (res, TEXT (c)); break;
        case R_TYPE: get_range (R, c, &type, 0, 2); break;
        case R_IS_COST: get_bool (R, c, &is_cost); break;
        case R_INITIALS: gantry_resource_set_initials (res, TEXT (c)); break;
        case R_GROUP: gantry_resource_set_group (res, TEXT (c)); break;
        case R_EMAIL: gantry_resource_set_email (res, TEXT (c)); break;
        case R_NOTES:
          {
            g_autofree char *notes = node_text_dup (c);
            if (notes[0] != '\0')
              gantry_resource_set_notes (res, notes);
          }
          break;
        case R_MATERIAL_LABEL: gantry_resource_set_material_label (res, TEXT (c)); break;
        case R_MAX_UNITS:
          if (get_double (R, c, &v) && v >= 0) gantry_resource_set_max_units (res, v);
          break;
        case R_STANDARD_RATE: if (get_double (R, c, &v)) gantry_resource_set_standard_rate (res, v); break;
        case R_OVERTIME_RATE: if (get_double (R, c, &v)) gantry_resource_set_overtime_rate (res, v); break;
        case R_COST_PER_USE: if (get_double (R, c, &v)) gantry_resource_set_cost_per_use (res, v / 100.0); break;
        case R_ACCRUE_AT: if (get_range (R, c, &i, 1, 3)) gantry_resource_set_accrue_at (res, i); break;
        case R_CALENDAR_UID: get_int (R, c, &calendar_uid); break;
        case R_IS_GENERIC: if (get_bool (R, c, &b)) gantry_resource_set_generic (res, b); break;
        case R_IS_INACTIVE: if (get_bool (R, c, &b)) gantry_resource_set_inactive (res, b); break;
        case R_WORK: get_duration (R, c, &work); break;
        case R_COST: if (get_double (R, c, &v)) cost = v / 100.0; break;
        case R_OVERALLOCATED: get_bool (R, c, &overallocated); break;
        case R_PEAK_UNITS: get_double (R, c, &peak); break;
        default:
          keep_extra (R, gantry_resource_get_extras (res), sch, c, after);
          break;
        }
      after = c->name;
    }
  sort_extras (R, gantry_resource_get_extras (res));
  if (type == 1)
    gantry_resource_set_resource_type (res, GANTRY_RESOURCE_WORK);
  else if (type == 2 || is_cost)
    gantry_resource_set_resource_type (res, GANTRY_RESOURCE_COST);
  else
    gantry_resource_set_resource_type (res, GANTRY_RESOURCE_MATERIAL);
  gantry_resource_set_computed (res, work, cost, overallocated, peak);

  if (real_uid0 || !gantry_project_add_resource (R->project, -1, res))
    {
      /* (a real UID 0 too: it gets a fresh UID, UID 0 stays the placeholder's) */
      PendingCalendar d = { G_OBJECT (res), NULL, uid, node->line };

      gantry_resource_set_uid (res, -1000000 - (int) R->duplicates->len);
      R->n_duplicates_seen++;
      g_array_append_val (R->duplicates, d);
      if (!gantry_project_add_resource (R->project, -1, res))
        return;
    }
  if (real_uid0)
    R->uid0_resource = res;   /* the project holds it */
  if (calendar_uid != -1)
    {
      PendingCalendar p = { G_OBJECT (res), NULL, calendar_uid, node->line };
      g_array_append_val (R->calendar_refs, p);
    }
}

/* ---- assignments ------------------------------------------------------- */

enum {
  A_NONE, A_UID, A_TASK_UID, A_RESOURCE_UID, A_UNITS, A_WORK, A_DELAY,
  A_ACTUAL_WORK, A_OVERTIME_WORK, A_PERCENT_WORK_COMPLETE, A_WORK_CONTOUR,
  A_COST_RATE_TABLE, A_START, A_FINISH, A_COST,
};

static const char * const assignment_fields[] = {
  "UID", "TaskUID", "ResourceUID", "Units", "Work", "Delay", "ActualWork",
  "OvertimeWork", "PercentWorkComplete", "WorkContour", "CostRateTable",
  "Start", "Finish", "Cost", NULL
};

static void
add_assignment (Reader            *R,
                GantryAssignment  *asg,
                PendingAssignment *a)
{
  GantryProject *P = R->project;

  gantry_assignment_set_units (asg, a->units);
  gantry_assignment_set_work (asg, a->work);
  gantry_assignment_set_delay (asg, a->delay);
  gantry_assignment_set_actual_work (asg, a->actual_work);
  gantry_assignment_set_overtime_work (asg, a->overtime_work);
  gantry_assignment_set_percent_work_complete (asg, a->percent_work_complete);
  gantry_assignment_set_work_contour (asg, a->work_contour);
  gantry_assignment_set_cost_rate_table (asg, a->cost_rate_table);
  gantry_assignment_set_computed (asg, a->start, a->finish, a->cost);
  if (!gantry_project_add_assignment (P, asg))
    {
      int fresh = gantry_project_next_assignment_uid (P);

      gantry_assignment_set_uid (asg, fresh);
      if (gantry_project_add_assignment (P, asg))
        g_ptr_array_add (R->warnings,
                         g_strdup_printf (_("Line %d: assignment UID %d is used twice; the second one gets UID %d"),
                                          a->line, a->uid, fresh));
      else
        g_ptr_array_add (R->warnings,
                         g_strdup_printf (_("Line %d: assignment %d cannot be added; it is dropped"),
                                          a->line, a->uid));
    }
}

static void
read_assignment (Reader     *R,
                 Node       *node)
{
  static int *table;
  const GantryMspdiSchemaNode *sch = schema ("Project/Assignments/Assignment");
  PendingAssignment a = { 0 };
  GantryAssignment *asg = NULL;
  GantryExtras *target;
  const char *after = NULL;
  double v;

  if (table == NULL)
    table = field_table (sch, assignment_fields);

  a.uid = a.task_uid = a.resource_uid = G_MININT;
  a.start = a.finish = GANTRY_TIME_NONE;
  a.line = node->line;
  ELEMENT_CHILDREN (c, node)
    {
      int code = field_code (R, table, sch, c);

      if (code == A_RESOURCE_UID)
        get_int (R, c, &a.resource_uid);
      else if (code == A_TASK_UID)
        get_int (R, c, &a.task_uid);
      else if (code == A_UID)
        get_int (R, c, &a.uid);
    }
  if (a.uid == G_MININT || a.task_uid == G_MININT || a.resource_uid == G_MININT)
    {
      warn (R, node, _("an assignment without UID, TaskUID or ResourceUID is ignored"));
      return;
    }
  if (a.resource_uid == -65535 || (a.task_uid == 0 && R->uid0_task == NULL))
    {
      /* MS Project's null-resource assignment, or one on the project
       * summary task (budget resources): kept whole with the task (at
       * once in the usual order, tasks before assignments). */
      GantryTask *task = a.task_uid != 0 && R->n_duplicates_seen == 0
                         ? gantry_project_lookup_task (R->project, a.task_uid) : NULL;

      if (task != NULL && task != gantry_project_get_root_task (R->project))
        {
          keep_extra (R, gantry_task_get_extras (task), NULL, node, NULL);
          return;
        }
      a.extras = gantry_extras_new ();
      keep_extra (R, a.extras, NULL, node, NULL);
      g_array_append_val (R->assignments, a);
      return;
    }
  a.extras = gantry_extras_new ();
  target = a.extras;
  a.units = 1.0;

  /* Usual order (tasks and resources before assignments): create the
   * assignment now and keep its extras directly; else resolve() does. */
  {
    GantryTask *task = gantry_project_lookup_task (R->project, a.task_uid);
    GantryResource *res = gantry_project_lookup_resource (R->project, a.resource_uid);

    if (task != NULL && res != NULL && R->n_duplicates_seen == 0)
      {
        asg = gantry_assignment_new (a.uid, task, res, 1.0, 0);
        target = gantry_assignment_get_extras (asg);
      }
  }
  ELEMENT_CHILDREN (c, node)
    {
      switch (field_code (R, table, sch, c))
        {
        case A_UID: case A_TASK_UID: case A_RESOURCE_UID: break;
        case A_UNITS: if (get_double (R, c, &v) && v >= 0) { a.units = v; a.has_units = TRUE; } break;
        case A_WORK: a.has_work = get_duration (R, c, &a.work); break;
        case A_DELAY: get_tenths (R, c, &a.delay); break;
        case A_ACTUAL_WORK: get_duration (R, c, &a.actual_work); break;
        case A_OVERTIME_WORK: get_duration (R, c, &a.overtime_work); break;
        case A_PERCENT_WORK_COMPLETE: get_range (R, c, &a.percent_work_complete, 0, 100); break;
        case A_WORK_CONTOUR: get_range (R, c, &a.work_contour, 0, 8); break;
        case A_COST_RATE_TABLE: get_range (R, c, &a.cost_rate_table, 0, 4); break;
        case A_START: get_date (R, c, &a.start); break;
        case A_FINISH: get_date (R, c, &a.finish); break;
        case A_COST: if (get_double (R, c, &v)) a.cost = v / 100.0; break;
        default:
          keep_extra (R, target, sch, c, after);
          break;
        }
      after = c->name;
    }
  sort_extras (R, target);
  if (asg != NULL)
    {
      gantry_extras_free (a.extras);
      a.extras = NULL;
      add_assignment (R, asg, &a);
      g_object_unref (asg);
      return;
    }
  g_array_append_val (R->assignments, a);
}

/* ---- resolving references ---------------------------------------------- */

static void
copy_extras (GantryExtras       *to,
             const GantryExtras *from)
{
  guint n = gantry_extras_get_n (from);
  g_autofree GantryExtra *items = g_new (GantryExtra, n + 1);

  for (guint i = 0; i < n; i++)
    items[i] = *gantry_extras_get (from, i);
  gantry_extras_append_many (to, items, n);
}

/* Working time of cal (NULL: the standard week) from a to b, summed day
 * by day (a task's span; longer than 100 years is not worth it: -1). */
static gint64
working_time_between (GantryCalendar *cal,
                      GantryTime      a,
                      GantryTime      b)
{
  g_autoptr(GantryCalendar) standard = NULL;
  gint64 first = gantry_time_day_number (a), last = gantry_time_day_number (b);
  gint64 total = 0;

  if (last - first > 36600)
    return -1;
  if (cal == NULL)
    cal = standard = gantry_calendar_new_standard (0, NULL);
  for (gint64 day = first; day <= last; day++)
    {
      GantryTime midnight = gantry_time_from_day_number (day);
      GantryDayDef def;

      gantry_calendar_resolve_day (cal, day, &def);
      if (def.kind != GANTRY_DAY_WORKING)
        continue;
      for (int r = 0; r < def.n_ranges; r++)
        {
          GantryTime from = MAX (a, midnight + def.ranges[r].from * GANTRY_MS_MINUTE);
          GantryTime to = MIN (b, midnight + def.ranges[r].to * GANTRY_MS_MINUTE);

          if (to > from)
            total += to - from;
        }
    }
  return total;
}

static void
resolve (Reader *R)
{
  GantryProject *P = R->project;

  /* No task has an ID (other tools): number the rows as MS Project does. */
  {
    GPtrArray *all = gantry_project_get_all_tasks (P);
    gboolean any_id = FALSE;

    for (guint i = 0; i < all->len && !any_id; i++)
      any_id = gantry_task_get_id (g_ptr_array_index (all, i)) != 0;
    if (!any_id && all->len > 0)
      gantry_project_renumber (P);
  }

  for (guint i = 0; i < R->duplicates->len; i++)
    {
      PendingCalendar *d = &g_array_index (R->duplicates, PendingCalendar, i);

      if (GANTRY_IS_TASK (d->object))
        {
          int fresh = gantry_project_next_task_uid (P);

          gantry_task_set_uid (GANTRY_TASK (d->object), fresh);
          if (d->uid == G_MININT)
            g_ptr_array_add (R->warnings,
                             g_strdup_printf (_("Line %d: a task without UID gets UID %d"),
                                              d->line, fresh));
          else
            g_ptr_array_add (R->warnings,
                             g_strdup_printf (_("Line %d: task UID %d is used twice; the second task gets UID %d"),
                                              d->line, d->uid, fresh));
        }
      else
        {
          int fresh = gantry_project_next_resource_uid (P);

          gantry_resource_set_uid (GANTRY_RESOURCE (d->object), fresh);
          g_ptr_array_add (R->warnings,
                           g_strdup_printf (_("Line %d: resource UID %d is used twice; the second resource gets UID %d"),
                                            d->line, d->uid, fresh));
        }
    }

  for (guint i = 0; i < R->base_refs->len; i++)
    {
      PendingCalendar *p = &g_array_index (R->base_refs, PendingCalendar, i);
      GantryCalendar *base = gantry_project_lookup_calendar (P, p->uid);

      if (base == NULL)
        {
          if (p->uid > 0)
            g_ptr_array_add (R->warnings,
                             g_strdup_printf (_("Line %d: calendar “%s” refers to base calendar UID %d, which does not exist"),
                                              p->line, gantry_calendar_get_name (p->calendar), p->uid));
        }
      else if (!gantry_calendar_set_base (p->calendar, base))
        g_ptr_array_add (R->warnings,
                         g_strdup_printf (_("Line %d: calendar “%s” would derive from itself; its base is dropped"),
                                          p->line, gantry_calendar_get_name (p->calendar)));
    }

  if (R->project_calendar_uid != G_MININT)
    {
      GantryCalendar *cal = gantry_project_lookup_calendar (P, R->project_calendar_uid);

      if (cal != NULL)
        gantry_project_set_calendar (P, cal);
      else
        g_ptr_array_add (R->warnings,
                         g_strdup_printf (_("The project calendar UID %d does not exist"),
                                          R->project_calendar_uid));
    }

  for (guint i = 0; i < R->calendar_refs->len; i++)
    {
      PendingCalendar *p = &g_array_index (R->calendar_refs, PendingCalendar, i);
      GantryCalendar *cal = gantry_project_lookup_calendar (P, p->uid);

      if (cal == NULL)
        {
          if (p->uid >= 0)
            g_ptr_array_add (R->warnings,
                             g_strdup_printf (_("Line %d: calendar UID %d does not exist; the reference is dropped"),
                                              p->line, p->uid));
          continue;
        }
      if (GANTRY_IS_TASK (p->object))
        gantry_task_set_calendar (GANTRY_TASK (p->object), cal);
      else if (GANTRY_IS_RESOURCE (p->object))
        gantry_resource_set_calendar (GANTRY_RESOURCE (p->object), cal);
    }

  for (guint i = 0; i < R->no_duration->len; i++)
    {
      PendingCalendar *nd = &g_array_index (R->no_duration, PendingCalendar, i);
      GantryTask *t = GANTRY_TASK (nd->object);
      GantryCalendar *cal = gantry_task_get_calendar (t);
      gint64 d;

      if (gantry_task_get_n_children (t) > 0)
        continue;   /* a summary's duration comes from its subtasks */
      d = working_time_between (cal ? cal : gantry_project_get_calendar (P),
                                gantry_task_get_start (t), gantry_task_get_finish (t));
      if (d < 0)
        continue;
      gantry_task_set_duration (t, d);
      g_ptr_array_add (R->warnings,
                       g_strdup_printf (_("Line %d: task %d has no Duration; it is the working time "
                                          "from its Start to its Finish (%.2f h)"),
                                        nd->line, gantry_task_get_uid (t), d / (double) GANTRY_MS_HOUR));
    }

  for (guint i = 0; i < R->links->len; i++)
    {
      PendingLink *l = &g_array_index (R->links, PendingLink, i);
      GantryTask *pred = l->pred_uid == 0 && R->uid0_task != NULL
                         ? R->uid0_task : gantry_project_lookup_task (P, l->pred_uid);
      g_autoptr(GantryLink) link = NULL;

      if (pred == NULL || pred == gantry_project_get_root_task (P))
        {
          g_ptr_array_add (R->warnings,
                           g_strdup_printf (_("Line %d: task %d has predecessor UID %d, which does not exist; the link is dropped"),
                                            l->line, gantry_task_get_uid (l->successor), l->pred_uid));
          continue;
        }
      if (l->successor == gantry_project_get_root_task (P))
        {
          g_ptr_array_add (R->warnings,
                           g_strdup_printf (_("Line %d: the project summary task cannot have predecessors; the link is dropped"),
                                            l->line));
          continue;
        }
      link = gantry_link_new (pred, l->successor, l->type, l->lag, l->lag_format);
      copy_extras (gantry_link_get_extras (link), l->extras);
      if (!gantry_project_add_link (P, link))
        g_ptr_array_add (R->warnings,
                         g_strdup_printf (_("Line %d: the link from task %d to task %d is a duplicate or links a task to itself; it is dropped"),
                                          l->line, l->pred_uid, gantry_task_get_uid (l->successor)));
    }

  for (guint i = 0; i < R->assignments->len; i++)
    {
      PendingAssignment *a = &g_array_index (R->assignments, PendingAssignment, i);
      GantryTask *task = a->task_uid == 0 && R->uid0_task != NULL
                         ? R->uid0_task : gantry_project_lookup_task (P, a->task_uid);
      GantryResource *res;
      g_autoptr(GantryAssignment) asg = NULL;

      if (task == NULL && a->task_uid == 0)
        task = gantry_project_get_root_task (P);
      if (task == NULL)
        {
          g_ptr_array_add (R->warnings,
                           g_strdup_printf (_("Line %d: assignment %d refers to task UID %d, which does not exist; it is dropped"),
                                            a->line, a->uid, a->task_uid));
          continue;
        }
      if (a->resource_uid == -65535 || (a->task_uid == 0 && R->uid0_task == NULL))
        {
          /* (none when it was too large or deep to keep) */
          if (gantry_extras_get_n (a->extras) > 0)
            gantry_extras_append (gantry_task_get_extras (task), "Assignment",
                                  gantry_extras_get (a->extras, 0)->xml, TRUE);
          continue;
        }
      res = a->resource_uid == 0 && R->uid0_resource != NULL
            ? R->uid0_resource : gantry_project_lookup_resource (P, a->resource_uid);
      if (res == NULL)
        {
          g_ptr_array_add (R->warnings,
                           g_strdup_printf (_("Line %d: assignment %d refers to resource UID %d, which does not exist; it is dropped"),
                                            a->line, a->uid, a->resource_uid));
          continue;
        }
      asg = gantry_assignment_new (a->uid, task, res, a->units, a->work);
      copy_extras (gantry_assignment_get_extras (asg), a->extras);
      add_assignment (R, asg, a);
    }
}

/* ---- the parse --------------------------------------------------------- */

static void
stop (Reader *R)
{
  xmlStopParser (R->ctxt);
}

static int
current_line (Reader *R)
{
  return xmlSAX2GetLineNumber (R->ctxt);
}

static gboolean
all_blank (const char *s,
           int         len)
{
  for (int i = 0; i < len; i++)
    if (!(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
      return FALSE;
  return TRUE;
}

static void
append_text (Reader     *R,
             Node       *node,
             const char *s,
             gsize       len)
{
  char *t;

  if (node->text_len + len > MAX_TEXT)
    {
      fail (R, GANTRY_MSPDI_ERROR_LIMIT, node,
            _("a safety limit was exceeded: the text is longer than %d bytes"), MAX_TEXT);
      stop (R);
      return;
    }
  if (node->text == NULL)
    t = arena_alloc (&R->arena, len + 1);
  else
    t = arena_grow (&R->arena, (gpointer) node->text, node->text_len + 1, node->text_len + len + 1);
  memcpy (t + node->text_len, s, len);
  t[node->text_len + len] = '\0';
  node->text = t;
  node->text_len += len;
}

/* White space seen in node so far that is text only if node turns out to
 * have no child elements (libxml2's XML_PARSE_NOBLANKS rule). */
static void
flush_pending_ws (Reader  *R,
                  gboolean keep)
{
  Node *node = R->pending_ws_node;

  R->pending_ws_node = NULL;
  if (keep && node != NULL && R->pending_ws->len > 0)
    append_text (R, node, R->pending_ws->str, R->pending_ws->len);
  g_string_truncate (R->pending_ws, 0);
}

static void
on_characters (void          *data,
               const xmlChar *ch,
               int            len)
{
  Reader *R = data;
  Node *node = R->node;

  if (R->error != NULL || node == NULL || len <= 0)
    return;
  if (node->text == NULL && node->children == NULL && R->pending_ws_node != node
      && all_blank ((const char *) ch, len))
    {
      flush_pending_ws (R, FALSE);
      R->pending_ws_node = node;
      g_string_append_len (R->pending_ws, (const char *) ch, len);
      return;
    }
  if (R->pending_ws_node == node)
    {
      if (all_blank ((const char *) ch, len))
        {
          g_string_append_len (R->pending_ws, (const char *) ch, len);
          return;
        }
      flush_pending_ws (R, TRUE);
    }
  else if (node->children != NULL && node->text == NULL && all_blank ((const char *) ch, len))
    return;   /* white space between child elements */
  append_text (R, node, (const char *) ch, len);
}

/* A document that uses an entity it declares is refused: MS Project never
 * writes one, and it is what XXE and expansion bombs need. */
static xmlEntityPtr
on_get_entity (void          *data,
               const xmlChar *name)
{
  Reader *R = data;

  if (R->error == NULL && R->entities != NULL
      && g_hash_table_contains (R->entities, (const char *) name))
    {
      fail (R, GANTRY_MSPDI_ERROR_LIMIT, NULL,
            _("Line %d: the file uses entity references, which MS Project files never do; "
              "it is refused for safety"), current_line (R));
      stop (R);
    }
  return NULL;
}

static void
on_entity_decl (void          *data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  Reader *R = data;

  if (R->entities == NULL)
    R->entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_size (R->entities) < MAX_ENTITIES)
    g_hash_table_add (R->entities, g_strdup ((const char *) name));
}

static void
dispatch (Reader *R,
          Node   *node)
{
  switch (R->container)
    {
    case C_NONE:
      read_project_field (R, node, R->after_name);
      R->after_name = node->name;
      return;
    case C_CALENDARS:
      if (g_str_equal (node->name, "Calendar"))
        {
          read_calendar (R, node);
          return;
        }
      break;
    case C_TASKS:
      if (g_str_equal (node->name, "Task"))
        {
          read_task (R, node);
          return;
        }
      break;
    case C_RESOURCES:
      if (g_str_equal (node->name, "Resource"))
        {
          read_resource (R, node);
          return;
        }
      break;
    case C_ASSIGNMENTS:
      if (g_str_equal (node->name, "Assignment"))
        {
          read_assignment (R, node);
          return;
        }
      break;
    default:
      break;
    }
  warn (R, node, _("unexpected element inside <%s>; it is ignored"), R->container_name);
}

static void
on_start_element (void           *data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  Reader *R = data;
  const char *name = (const char *) localname;
  int depth = R->depth++;
  Node *node;

  if (R->error != NULL)
    return;
  if (depth > MAX_NEST)
    {
      fail (R, GANTRY_MSPDI_ERROR_LIMIT, NULL, _("Line %d: elements are nested more than %d deep"),
            current_line (R), MAX_NEST);
      stop (R);
      return;
    }
  R->open_names[depth] = name;
  if (depth == 0)
    {
      R->seen_root = TRUE;
      if (!g_str_equal (name, "Project"))
        {
          fail (R, GANTRY_MSPDI_ERROR_NOT_MSPDI, NULL,
                _("Line %d: the root element is <%s>, not MS Project's <Project>; "
                  "this is not an MS Project XML file"), current_line (R), name);
          stop (R);
        }
      else if (uri == NULL)
        g_ptr_array_add (R->warnings,
                         g_strdup (_("The <Project> element has no namespace; read as MS Project XML anyway")));
      else if (!g_str_equal ((const char *) uri, GANTRY_MSPDI_NS))
        {
          fail (R, GANTRY_MSPDI_ERROR_NOT_MSPDI, NULL,
                _("Line %d: element <Project> is in namespace “%s”, not MS Project's “%s”"),
                current_line (R), (const char *) uri, GANTRY_MSPDI_NS);
          stop (R);
        }
      return;
    }
  if (R->node == NULL)
    {
      if (depth == 1)
        {
          static const char * const containers[] = { NULL, "Calendars", "Tasks", "Resources", "Assignments" };

          for (int i = C_CALENDARS; i <= C_ASSIGNMENTS; i++)
            if (g_str_equal (name, containers[i]))
              {
                R->container = i;
                R->container_name = containers[i];
                R->after_name = name;
                return;
              }
        }
      else if (depth != 2 || R->container == C_NONE)
        return;   /* cannot happen: deeper elements are inside an object */
    }
  else
    flush_pending_ws (R, FALSE);

  node = node_new (R, R->node, name);
  node->line = current_line (R);
  if (uri != NULL)
    {
      node->href = (const char *) uri;
      node->prefix = (const char *) prefix;
    }
  /* attributes: localname, prefix, URI, value, end */
  for (int i = nb_attributes - 1; i >= 0; i--)
    {
      const xmlChar **a = attributes + 5 * i;
      gsize len = a[4] - a[3];
      Attr *attr = arena_alloc (&R->arena, sizeof (Attr));
      char *v = arena_alloc (&R->arena, len + 1);

      /* without entity substitution libxml2 hands '&' over as "&#38;" */
      {
        const char *src = (const char *) a[3], *end = (const char *) a[4];
        char *dst = v;

        while (src < end)
          {
            if (*src == '&' && end - src >= 5 && memcmp (src, "&#38;", 5) == 0)
              {
                *dst++ = '&';
                src += 5;
              }
            else
              *dst++ = *src++;
          }
        *dst = '\0';
      }
      attr->name = (const char *) a[0];
      attr->prefix = (const char *) a[1];
      attr->href = (const char *) a[2];
      attr->value = v;
      attr->next = node->attrs;
      node->attrs = attr;
    }
  if (R->node == NULL)
    R->root = node;
  R->node = node;
  if (R->arena.total > MAX_OBJECT_SIZE)
    {
      fail (R, GANTRY_MSPDI_ERROR_LIMIT, R->root,
            _("a safety limit was exceeded: the element is larger than %d MB"), MAX_OBJECT_SIZE >> 20);
      stop (R);
    }
}

static void
on_end_element (void          *data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  Reader *R = data;
  Node *node = R->node;

  R->depth--;
  if (R->error != NULL)
    return;
  if (node == NULL)
    {
      if (R->depth == 1)
        R->container = C_NONE;
      return;
    }
  flush_pending_ws (R, node->children == NULL);
  if (node != R->root)
    {
      R->node = node->parent;
      return;
    }
  R->node = R->root = NULL;
  dispatch (R, node);
  arena_reset (&R->arena);
}

/* Feeds the parser from f (or data/len). */
static void
parse (Reader     *R,
       FILE       *f,
       const char *data,
       gsize       len,
       const char *path)
{
  xmlSAXHandler sax;
  enum { FEED = 256 * 1024 };
  char *buf = NULL;
  gsize pos = 0;
  int n;

  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start_element;
  sax.endElementNs = on_end_element;
  sax.characters = on_characters;
  sax.ignorableWhitespace = on_characters;
  sax.cdataBlock = on_characters;
  sax.getEntity = on_get_entity;
  sax.entityDecl = on_entity_decl;
  sax.serror = on_xml_error;

  if (f != NULL)
    {
      buf = g_malloc (FEED);
      n = (int) fread (buf, 1, 4, f);
      R->ctxt = xmlCreatePushParserCtxt (&sax, R, buf, n, path);
    }
  else
    {
      n = (int) MIN (len, 4);
      R->ctxt = xmlCreatePushParserCtxt (&sax, R, data, n, NULL);
      pos = n;
    }
  if (R->ctxt == NULL)
    {
      fail (R, GANTRY_MSPDI_ERROR_IO, NULL, _("Cannot open the file for reading"));
      g_free (buf);
      return;
    }
  /* no network, no DTD loading or validation, no entity substitution,
   * libxml2's default (non-HUGE) limits */
  xmlCtxtUseOptions (R->ctxt, XML_PARSE_NONET | XML_PARSE_NOXINCNODE | XML_PARSE_NOWARNING
                              | XML_PARSE_NOERROR);
  while (R->error == NULL)
    {
      const char *chunk;
      int size;

      if (f != NULL)
        {
          size = (int) fread (buf, 1, FEED, f);
          chunk = buf;
          if (size == 0 && ferror (f))
            {
              fail (R, GANTRY_MSPDI_ERROR_IO, NULL, _("Cannot read “%s”: %s"), path ? path : "",
                    g_strerror (errno));
              break;
            }
        }
      else
        {
          size = (int) MIN ((gsize) FEED, len - pos);
          chunk = data + pos;
          pos += size;
        }
      /* (a non-zero result may be a mere warning: go on unless halted) */
      xmlParseChunk (R->ctxt, chunk, size, size == 0);
      if (R->ctxt->disableSAX || R->ctxt->instate == XML_PARSER_EOF)
        {
          /* some failures (an encoder error) leave wellFormed set */
          if (size > 0 && R->error == NULL && R->xml_error_message == NULL)
            fail (R, GANTRY_MSPDI_ERROR_MALFORMED, NULL, _("The file is not well-formed XML"));
          break;
        }
      if (size == 0)
        break;
    }
  if (R->error == NULL && R->xml_error_message == NULL && !R->ctxt->wellFormed)
    fail (R, GANTRY_MSPDI_ERROR_MALFORMED, NULL, _("The file is not well-formed XML"));
  if (!R->seen_root && R->error == NULL && R->xml_error_message == NULL)
    fail (R, GANTRY_MSPDI_ERROR_EMPTY, NULL, _("The file is empty: it has no XML root element"));
  g_free (buf);
}

static GantryProject *
load (FILE        *f,
      const char  *data,
      gsize        len,
      const char  *path,
      GPtrArray  **warnings,
      GError     **error)
{
  Reader R = { 0 };
  GantryDurationContext ctx = GANTRY_DURATION_CONTEXT_DEFAULT;
  GantryProject *result = NULL;

  R.data = data;
  R.len = len;
  R.path = path;
  R.project = gantry_project_new ();
  R.warnings = g_ptr_array_new_with_free_func (g_free);
  R.ctx = ctx;
  R.outline = g_ptr_array_new ();
  g_ptr_array_add (R.outline, gantry_project_get_root_task (R.project));
  R.outline_levels = g_array_new (FALSE, TRUE, sizeof (int));
  g_array_set_size (R.outline_levels, 1);
  R.links = g_array_new (FALSE, FALSE, sizeof (PendingLink));
  R.assignments = g_array_new (FALSE, FALSE, sizeof (PendingAssignment));
  R.calendar_refs = g_array_new (FALSE, FALSE, sizeof (PendingCalendar));
  R.base_refs = g_array_new (FALSE, FALSE, sizeof (PendingCalendar));
  R.duplicates = g_array_new (FALSE, FALSE, sizeof (PendingCalendar));
  R.null_rows = g_array_new (FALSE, FALSE, sizeof (PendingNull));
  R.no_duration = g_array_new (FALSE, FALSE, sizeof (PendingCalendar));
  R.project_calendar_uid = G_MININT;
  R.out = g_string_sized_new (4096);
  R.pending_ws = g_string_sized_new (64);
  R.child_index = g_new0 (GHashTable *, gantry_mspdi_schema_n_nodes);
  R.index_slots = g_new0 (IndexSlot, INDEX_SLOTS);
  R.sub_schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  arena_init (&R.arena);
  for (guint i = 0; i < G_N_ELEMENTS (R.lists); i++)
    {
      R.lists[i].arena = g_string_sized_new (8192);
      R.lists[i].items = g_array_new (FALSE, FALSE, sizeof (PendingExtra));
      R.lists[i].last_key = -1;
    }

  {
    /* libxml2 reports some errors (e.g. bad bytes for the declared
     * encoding) without a parser context: to us too, not to stderr */
    xmlStructuredErrorFunc saved_handler = xmlStructuredError;
    void *saved_context = xmlStructuredErrorContext;
    xmlGenericErrorFunc saved_generic = xmlGenericError;
    void *saved_generic_context = xmlGenericErrorContext;

    xmlSetStructuredErrorFunc (&R, on_xml_error);
    xmlSetGenericErrorFunc (&R, on_generic_error);
    parse (&R, f, data, len, path);
    xmlSetStructuredErrorFunc (saved_context, saved_handler);
    xmlSetGenericErrorFunc (saved_generic_context, saved_generic);
  }
  finish_xml_error (&R);
  if (R.error == NULL)
    flush_null_rows (&R, gantry_project_get_root_task (R.project));
  sort_extras (&R, gantry_project_get_extras (R.project));
  if (R.error == NULL)
    resolve (&R);

  if (R.error != NULL)
    g_propagate_error (error, R.error);
  else
    {
      gantry_project_clear_history (R.project);
      gantry_project_mark_saved (R.project);
      result = g_steal_pointer (&R.project);
      if (warnings != NULL)
        *warnings = g_steal_pointer (&R.warnings);
    }

  if (R.ctxt != NULL)
    {
      if (R.ctxt->myDoc != NULL)
        xmlFreeDoc (R.ctxt->myDoc);
      xmlFreeParserCtxt (R.ctxt);
    }
  arena_clear (&R.arena);
  g_string_free (R.out, TRUE);
  g_string_free (R.pending_ws, TRUE);
  for (guint i = 0; i < gantry_mspdi_schema_n_nodes; i++)
    if (R.child_index[i] != NULL)
      g_hash_table_unref (R.child_index[i]);
  g_free (R.child_index);
  g_free (R.index_slots);
  g_hash_table_unref (R.sub_schema);
  g_clear_pointer (&R.entities, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (R.lists); i++)
    {
      g_string_free (R.lists[i].arena, TRUE);
      g_array_unref (R.lists[i].items);
    }
  for (guint i = 0; i < R.links->len; i++)
    gantry_extras_free (g_array_index (R.links, PendingLink, i).extras);
  for (guint i = 0; i < R.assignments->len; i++)
    gantry_extras_free (g_array_index (R.assignments, PendingAssignment, i).extras);
  g_array_unref (R.links);
  g_array_unref (R.assignments);
  g_array_unref (R.calendar_refs);
  g_array_unref (R.base_refs);
  for (guint i = 0; i < R.null_rows->len; i++)
    g_object_unref (g_array_index (R.null_rows, PendingNull, i).task);
  g_array_unref (R.null_rows);
  for (guint i = 0; i < R.no_duration->len; i++)
    g_object_unref (g_array_index (R.no_duration, PendingCalendar, i).object);
  g_array_unref (R.no_duration);
  g_array_unref (R.duplicates);
  g_ptr_array_unref (R.outline);
  g_array_unref (R.outline_levels);
  g_clear_pointer (&R.warnings, g_ptr_array_unref);
  g_clear_object (&R.project);
  g_free (R.xml_error_message);
  return result;
}

/* Nothing but a BOM, white space and an XML declaration? */
static gboolean
only_declaration (const char *data,
                  gsize       len)
{
  const char *p = data, *end = data + len;

  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (end - p >= 5 && memcmp (p, "<?xml", 5) == 0)
    {
      const char *q = g_strstr_len (p, end - p, "?>");
      if (q == NULL)
        return FALSE;
      p = q + 2;
      while (p < end && g_ascii_isspace (*p))
        p++;
    }
  return p == end;
}

GantryProject *
gantry_mspdi_load (const char *path,
                   GPtrArray **warnings,
                   GError    **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info == NULL)
    {
      g_set_error (error, GANTRY_MSPDI_ERROR, GANTRY_MSPDI_ERROR_IO,
                   _("Cannot read “%s”: %s"), path, local->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, GANTRY_MSPDI_ERROR, GANTRY_MSPDI_ERROR_IO,
                   _("Cannot read “%s”: not a regular file"), path);
      return NULL;
    }
  if (g_file_info_get_size (info) < 4096)
    {
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (g_file_get_contents (path, &contents, &len, NULL) && only_declaration (contents, len))
        {
          g_set_error (error, GANTRY_MSPDI_ERROR, GANTRY_MSPDI_ERROR_EMPTY,
                       _("“%s” is empty: it has no XML root element"), path);
          return NULL;
        }
    }
  {
    /* Plain reads in large blocks: no transparent gzip/xz decompression
     * (no compression bombs) and few system calls. */
    FILE *f = fopen (path, "rb");

    if (f == NULL)
      {
        int saved = errno;
        g_set_error (error, GANTRY_MSPDI_ERROR, GANTRY_MSPDI_ERROR_IO,
                     _("Cannot read “%s”: %s"), path, g_strerror (saved));
        return NULL;
      }
    {
      GantryProject *p = load (f, NULL, 0, path, warnings, error);

      fclose (f);
      return p;
    }
  }
}

GantryProject *
gantry_mspdi_load_data (const char *data,
                        gsize       len,
                        GPtrArray **warnings,
                        GError    **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len == 0)
    {
      g_set_error (error, GANTRY_MSPDI_ERROR, GANTRY_MSPDI_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }
  if (len > G_MAXINT)
    {
      g_set_error (error, GANTRY_MSPDI_ERROR, GANTRY_MSPDI_ERROR_LIMIT,
                   _("The data is larger than 2 GB; load it from a file instead"));
      return NULL;
    }
  if (only_declaration (data, len))
    {
      g_set_error (error, GANTRY_MSPDI_ERROR, GANTRY_MSPDI_ERROR_EMPTY,
                   _("The file is empty: it has no XML root element"));
      return NULL;
    }
  return load (NULL, data, len, NULL, warnings, error);
}
