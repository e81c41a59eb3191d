/* gantry-mspdi-writer.c — writes a GantryProject as MS Project XML (MSPDI)
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every object is written by walking its element list from the XSD table
 * (gantry-mspdi-schema.c) in schema order: at each position the modelled
 * value (if Gantry models that element) and then the kept extras of that
 * name.  Extras with children are re-emitted in schema order too, so an
 * element MS Project wrote out of order comes back valid.  Extras outside
 * the schema are written only with GANTRY_MSPDI_WRITE_KEEP_UNKNOWN, right
 * after the element they followed in the original file.
 *
 * Encodings (reference §1.2): durations PTnHnMnS (negative PT-8H0M0S),
 * LinkLag / slack / Delay / LevelingDelay in tenths of a minute, costs in
 * cents, rates per hour, units as fractions, booleans 0/1.
 *
 * The XML is produced by a small writer of its own (tab-indented as
 * libxml2's xmlTextWriter indents, byte for byte) into a buffer that is
 * flushed to the file every megabyte; kept leaf elements are copied as
 * they were stored.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "gantry-mspdi-private.h"

/* one open element */
typedef struct
{
  gsize name;          /* offset of its name in Writer.names */
  int   state;         /* ST_* */
  gsize ns;            /* offset + 1 of "prefix\0href" to declare; 0 for none */
} Open;

enum { ST_NAME, ST_TEXT, ST_NONE };   /* start tag open / text written / children written */

typedef struct
{
  GString              *out;
  FILE                 *file;            /* flushed to it when set */
  GString              *names;
  GArray               *open;            /* Open */
  gboolean              doindent;
  GantryProject        *project;
  GantryMspdiWriteFlags flags;
  gboolean              failed;
  GHashTable           *assignment_uids;   /* written UIDs */
  const char           *cur_type;          /* schema type of the field being written */
  int                   next_assignment_uid;
} Writer;

#define OK(call) G_STMT_START { if ((call) < 0) W->failed = TRUE; } G_STMT_END

/* ---- the XML writer ----------------------------------------------------- */

#define FLUSH_AT (1 << 20)

static void
tw_flush (Writer *W)
{
  if (W->file == NULL || W->out->len == 0)
    return;
  if (fwrite (W->out->str, 1, W->out->len, W->file) != W->out->len)
    W->failed = TRUE;
  g_string_truncate (W->out, 0);
}

static inline void
tw_put (Writer     *W,
        const char *s,
        gsize       len)
{
  GString *o = W->out;

  if (o->len + len >= o->allocated_len)
    {
      gsize at = o->len;

      g_string_set_size (o, at + len);   /* grows the allocation */
      o->len = at;
    }
  memcpy (o->str + o->len, s, len);
  o->len += len;
  o->str[o->len] = '\0';
}

static inline void
tw_puts (Writer     *W,
         const char *s)
{
  tw_put (W, s, strlen (s));
}

static void
tw_indent (Writer *W,
           guint   depth)
{
  static const char tabs[] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";

  while (depth > 0)
    {
      guint n = MIN (depth, sizeof tabs - 1);

      tw_put (W, tabs, n);
      depth -= n;
    }
}

/* Text escaped as libxml2's xmlEncodeSpecialChars does (attribute: as its
 * attribute serialisation does). */
static void
tw_escaped (Writer     *W,
            const char *text,
            gboolean    attribute)
{
  const char *special = attribute ? "&<>\"\r\n\t" : "&<>\"\r";

  while (*text)
    {
      gsize plain = strcspn (text, special);

      tw_put (W, text, plain);
      text += plain;
      switch (*text)
        {
        case '\0': return;
        case '&': tw_put (W, "&amp;", 5); break;
        case '<': tw_put (W, "&lt;", 4); break;
        case '>': tw_put (W, "&gt;", 4); break;
        case '"': tw_put (W, "&quot;", 6); break;
        case '\r': tw_put (W, "&#13;", 5); break;
        case '\n': tw_put (W, "&#10;", 5); break;
        case '\t': tw_put (W, "&#9;", 4); break;
        default: tw_put (W, text, 1); break;
        }
      text++;
    }
}

static Open *
tw_top (Writer *W)
{
  return W->open->len ? &g_array_index (W->open, Open, W->open->len - 1) : NULL;
}

/* Finishes the start tag of an element: its namespace declaration, '>'. */
static void
tw_close_start_tag (Writer  *W,
                    Open    *o,
                    gboolean empty)
{
  if (o->ns != 0)
    {
      const char *prefix = W->names->str + o->ns - 1;
      const char *href = prefix + strlen (prefix) + 1;

      if (*prefix)
        {
          tw_puts (W, " xmlns:");
          tw_puts (W, prefix);
        }
      else
        tw_puts (W, " xmlns");
      tw_put (W, "=\"", 2);
      tw_escaped (W, href, TRUE);
      tw_put (W, "\"", 1);
      o->ns = 0;
    }
  if (empty)
    tw_put (W, "/>", 2);
  else
    tw_put (W, ">", 1);
}

/* The parent's start tag is finished before a child starts. */
static void
tw_open_parent (Writer *W)
{
  Open *top = tw_top (W);

  if (top != NULL && top->state == ST_NAME)
    {
      tw_close_start_tag (W, top, FALSE);
      tw_put (W, "\n", 1);
      top->state = ST_NONE;
    }
}

static int
tw_start_ns (Writer     *W,
             const char *prefix,
             const char *name,
             const char *href)
{
  Open o = { W->names->len, ST_NAME, 0 };

  tw_open_parent (W);
  if (prefix != NULL && *prefix)
    {
      g_string_append (W->names, prefix);
      g_string_append_c (W->names, ':');
    }
  g_string_append_len (W->names, name, strlen (name) + 1);
  if (href != NULL)
    {
      o.ns = W->names->len + 1;
      g_string_append_len (W->names, prefix ? prefix : "", strlen (prefix ? prefix : "") + 1);
      g_string_append_len (W->names, href, strlen (href) + 1);
    }
  tw_indent (W, W->open->len);
  tw_put (W, "<", 1);
  tw_puts (W, W->names->str + o.name);
  g_array_append_val (W->open, o);
  return 0;
}

static int
tw_start (Writer     *W,
          const char *name)
{
  return tw_start_ns (W, NULL, name, NULL);
}

static int
tw_end (Writer *W)
{
  Open *o = tw_top (W);

  if (o == NULL)
    return -1;
  if (o->state == ST_NAME)
    {
      W->doindent = TRUE;
      tw_close_start_tag (W, o, TRUE);
    }
  else
    {
      if (W->doindent)
        tw_indent (W, W->open->len - 1);
      W->doindent = TRUE;
      tw_put (W, "</", 2);
      tw_puts (W, W->names->str + o->name);
      tw_put (W, ">", 1);
    }
  tw_put (W, "\n", 1);
  g_string_truncate (W->names, o->name);
  g_array_set_size (W->open, W->open->len - 1);
  if (W->out->len >= FLUSH_AT)
    tw_flush (W);
  return 0;
}

/* Raw (already escaped) text in the innermost element. */
static int
tw_raw (Writer     *W,
        const char *text,
        gsize       len)
{
  Open *o = tw_top (W);

  if (o == NULL)
    return -1;
  if (o->state == ST_NAME)
    tw_close_start_tag (W, o, FALSE);
  o->state = ST_TEXT;
  W->doindent = FALSE;
  tw_put (W, text, len);
  return 0;
}

static int
tw_string (Writer     *W,
           const char *text)
{
  if (tw_raw (W, "", 0) < 0)
    return -1;
  tw_escaped (W, text, FALSE);
  return 0;
}

static int
tw_attribute (Writer     *W,
              const char *name,
              const char *value)
{
  Open *o = tw_top (W);

  if (o == NULL || o->state != ST_NAME)
    return -1;
  tw_put (W, " ", 1);
  tw_puts (W, name);
  tw_put (W, "=\"", 2);
  tw_escaped (W, value, TRUE);
  tw_put (W, "\"", 1);
  return 0;
}

/* A whole element <name>text</name> (text escaped here, or already
 * escaped when raw; empty raw text gives <name/>). */
static int
tw_element_len (Writer     *W,
                const char *name,
                gsize       name_len,
                const char *text,
                gsize       text_len,
                gboolean    raw)
{
  tw_open_parent (W);
  tw_indent (W, W->open->len);
  tw_put (W, "<", 1);
  tw_put (W, name, name_len);
  if (raw && text_len == 0)
    tw_put (W, "/>\n", 3);
  else
    {
      tw_put (W, ">", 1);
      if (raw)
        tw_put (W, text, text_len);
      else
        tw_escaped (W, text, FALSE);
      tw_put (W, "</", 2);
      tw_put (W, name, name_len);
      tw_put (W, ">\n", 2);
    }
  W->doindent = TRUE;
  return 0;
}

static int
tw_element (Writer     *W,
            const char *name,
            const char *text)
{
  return tw_element_len (W, name, strlen (name), text, 0, FALSE);
}

/* ---- leaves ------------------------------------------------------------ */

static void
w_str (Writer     *W,
       const char *name,
       const char *value)
{
  if (value == NULL)
    return;
  if (W->cur_type != NULL && W->cur_type[0] == 'm' && g_utf8_validate (value, -1, NULL)
      && g_utf8_strlen (value, -1) > atoi (W->cur_type + 2))
    {
      /* longer than the schema allows (e.g. a 600-character name) */
      g_autofree char *cut = g_utf8_substring (value, 0, atoi (W->cur_type + 2));
      OK (tw_element (W, name, cut));
      return;
    }
  OK (tw_element (W, name, value));
}

/* Decimal digits of v at the end of buf (size >= 24); returns the start. */
static char *
format_int (char   *buf,
            gsize   size,
            gint64  v)
{
  char *p = buf + size - 1;
  guint64 a = v < 0 ? -(guint64) v : (guint64) v;

  *p = '\0';
  do
    {
      *--p = (char) ('0' + a % 10);
      a /= 10;
    }
  while (a > 0);
  if (v < 0)
    *--p = '-';
  return p;
}

/* n (0..99) as two digits at p */
static inline char *
two_digits (char *p,
            int   n)
{
  p[0] = (char) ('0' + n / 10);
  p[1] = (char) ('0' + n % 10);
  return p + 2;
}

static void
w_int (Writer     *W,
       const char *name,
       gint64      value)
{
  char buf[32];

  w_str (W, name, format_int (buf, sizeof buf, value));
}

static void
w_bool (Writer     *W,
        const char *name,
        gboolean    value)
{
  w_str (W, name, value ? "1" : "0");
}

/* A decimal with up to `decimals` places, trailing zeros dropped. */
static void
w_decimal (Writer     *W,
           const char *name,
           double      value,
           int         decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 32];
  char fmt[8];
  char *p;

  if (!isfinite (value))
    value = 0;
  /* a whole number (most costs): what "%.Nf" and dropping zeros gives */
  if (fabs (value) < 1e15 && fabs (value - round (value)) < 0.4 * pow (10, -decimals))
    {
      gint64 whole = (gint64) llround (value);

      w_str (W, name, format_int (buf, sizeof buf, whole));
      return;
    }
  g_snprintf (fmt, sizeof fmt, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, fmt, value);
  if (strchr (buf, '.') != NULL)
    {
      p = buf + strlen (buf) - 1;
      while (*p == '0')
        *p-- = '\0';
      if (*p == '.')
        *p = '\0';
    }
  if (g_str_equal (buf, "-0"))
    strcpy (buf, "0");
  w_str (W, name, buf);
}

/* A fraction (units) other tools write with all its digits (1/3 as
 * 0.3333333333333333): the fewest places, 6 to 17, that read back as the
 * same double, so that units survive a round trip exactly. */
static void
w_fraction (Writer     *W,
            const char *name,
            double      value)
{
  int decimals = 6;

  if (isfinite (value) && fabs (value) < 1e9 && value != floor (value))
    for (; decimals < 17; decimals++)
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE + 32];
        char fmt[8];

        g_snprintf (fmt, sizeof fmt, "%%.%df", decimals);
        g_ascii_formatd (buf, sizeof buf, fmt, value);
        if (g_ascii_strtod (buf, NULL) == value)
          break;
      }
  w_decimal (W, name, value, decimals);
}

static void
w_cents (Writer     *W,
         const char *name,
         double      currency)
{
  w_decimal (W, name, currency * 100.0, 4);
}

static void
w_date (Writer     *W,
        const char *name,
        GantryTime  t)
{
  g_autofree char *s = NULL;
  int y, mo, d, h, mi, sec;

  if (t == GANTRY_TIME_NONE)
    return;
  if (t % GANTRY_MS_SECOND == 0 && t >= GANTRY_TIME_MIN && t <= GANTRY_TIME_MAX)
    {
      /* whole seconds: "YYYY-MM-DDTHH:MM:SS", as gantry_time_format_iso */
      char buf[24], *p = buf;

      gantry_time_split (t, &y, &mo, &d, &h, &mi, &sec);
      p = two_digits (p, y / 100);
      p = two_digits (p, y % 100);
      *p++ = '-';
      p = two_digits (p, mo);
      *p++ = '-';
      p = two_digits (p, d);
      *p++ = 'T';
      p = two_digits (p, h);
      *p++ = ':';
      p = two_digits (p, mi);
      *p++ = ':';
      p = two_digits (p, sec);
      *p = '\0';
      w_str (W, name, buf);
      return;
    }
  s = gantry_time_format_iso (t);
  w_str (W, name, s);
}

static void
w_duration (Writer     *W,
            const char *name,
            gint64      ms)
{
  g_autofree char *s = NULL;

  if (ms % 1000 == 0 && ms > G_MININT64)
    {
      /* whole seconds: PTnHnMnS, as gantry_mspdi_format_duration */
      guint64 a = ms < 0 ? (guint64) -ms : (guint64) ms;
      char buf[80], h[24], m[24], sec[24];

      g_strlcpy (buf, ms < 0 ? "PT-" : "PT", sizeof buf);
      g_strlcat (buf, format_int (h, sizeof h, (gint64) (a / GANTRY_MS_HOUR)), sizeof buf);
      g_strlcat (buf, "H", sizeof buf);
      g_strlcat (buf, format_int (m, sizeof m, (gint64) ((a % GANTRY_MS_HOUR) / GANTRY_MS_MINUTE)), sizeof buf);
      g_strlcat (buf, "M", sizeof buf);
      g_strlcat (buf, format_int (sec, sizeof sec, (gint64) ((a % GANTRY_MS_MINUTE) / 1000)), sizeof buf);
      g_strlcat (buf, "S", sizeof buf);
      w_str (W, name, buf);
      return;
    }
  s = gantry_mspdi_format_duration (ms);
  w_str (W, name, s);
}

/* ms -> tenths of a minute (integer, as MS Project writes them) */
static void
w_tenths (Writer     *W,
          const char *name,
          gint64      ms)
{
  double tenths = (double) ms / 6000.0;

  if (fabs (tenths - round (tenths)) < 1e-9)
    w_int (W, name, (gint64) llround (tenths));
  else
    w_decimal (W, name, tenths, 3);
}

static void
w_time_of_day (Writer     *W,
               const char *name,
               int         minutes)
{
  char buf[16];

  if (minutes >= 1440)
    minutes = 0;   /* midnight at the end of the day */
  g_snprintf (buf, sizeof buf, "%02d:%02d:00", minutes / 60, minutes % 60);
  w_str (W, name, buf);
}

/* ---- extras ------------------------------------------------------------ */

typedef struct
{
  xmlNodePtr node;
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

/* Writes node (parsed from an extra) with its children in schema order;
 * children outside the schema are dropped unless keeping unknowns (then
 * they follow their original predecessor). */
static void
write_node (Writer     *W,
            xmlNodePtr  node,
            const char *path,
            int         depth)
{
  const GantryMspdiSchemaNode *sch = gantry_mspdi_schema_lookup (path);
  gboolean keep_unknown = (W->flags & GANTRY_MSPDI_WRITE_KEEP_UNKNOWN) != 0;
  g_autoptr(GArray) kids = g_array_new (FALSE, FALSE, sizeof (Child));
  gboolean has_elements = FALSE;
  int last_key = -1, seq = 0;

  for (xmlNodePtr c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        Child k = { c, -1, seq++ };

        has_elements = TRUE;
        if (sch != NULL)
          {
            k.key = gantry_mspdi_schema_child_index (sch, (const char *) c->name);
            if (k.key < 0)
              {
                if (!keep_unknown)
                  continue;
                k.key = last_key;
              }
            else
              last_key = k.key;
          }
        g_array_append_val (kids, k);
      }

  if (node->ns != NULL && node->ns->href != NULL
      && !xmlStrEqual (node->ns->href, BAD_CAST GANTRY_MSPDI_NS))
    OK (tw_start_ns (W, (const char *) node->ns->prefix, (const char *) node->name,
                     (const char *) node->ns->href));
  else
    OK (tw_start (W, (const char *) node->name));
  /* namespaces declared here for prefixed attributes (xsi:nil) */
  for (xmlNsPtr ns = node->nsDef; ns; ns = ns->next)
    if (ns != node->ns && ns->prefix != NULL && ns->href != NULL)
      {
        g_autofree char *decl = g_strconcat ("xmlns:", (const char *) ns->prefix, NULL);

        OK (tw_attribute (W, decl, (const char *) ns->href));
      }
  for (xmlAttrPtr a = node->properties; a; a = a->next)
    {
      xmlChar *v = xmlNodeListGetString (node->doc, a->children, 1);
      g_autofree char *qname = a->ns && a->ns->prefix
                               ? g_strconcat ((const char *) a->ns->prefix, ":", (const char *) a->name, NULL)
                               : g_strdup ((const char *) a->name);

      OK (tw_attribute (W, qname, v ? (const char *) v : ""));
      xmlFree (v);
    }
  if (!has_elements)
    {
      g_autofree char *text = (char *) xmlNodeGetContent (node);

      if (text != NULL && *text != '\0')
        OK (tw_string (W, text));
    }
  else if (depth < 32)
    {
      g_array_sort (kids, compare_child);
      for (guint i = 0; i < kids->len; i++)
        {
          xmlNodePtr c = g_array_index (kids, Child, i).node;
          g_autofree char *sub = g_strconcat (path, "/", (const char *) c->name, NULL);

          write_node (W, c, sub, depth + 1);
        }
    }
  OK (tw_end (W));
}

/* The element text of an extra (skipping the out-of-schema marker). */
static const char *
extra_body (const GantryExtra *e)
{
  const char *x = e->xml;

  if (g_str_has_prefix (x, GANTRY_MSPDI_AFTER_PREFIX))
    {
      const char *end = strstr (x, "-->");
      if (end != NULL)
        return end + 3;
    }
  return x;
}

/* A start tag that is just a name (no prefix, attributes or namespace
 * declarations), as the reader stores MSPDI elements. */
static gboolean
simple_tag (const char *p,
            const char *gt)
{
  if (gt > p && gt[-1] == '/')
    gt--;
  if (p == gt)
    return FALSE;
  for (; p < gt; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_' || *p == '-' || *p == '.'))
      return FALSE;
  return TRUE;
}

/* Are all elements in [p, end) (the content of the element at path)
 * known to the schema?  A quick scan of the tags of canonical text. */
static gboolean
all_in_schema (const char *p,
               const char *end,
               const char *path)
{
  const GantryMspdiSchemaNode *stack[16];
  GString *cur = g_string_new (path);
  gsize lens[16];
  int depth = 0;
  gboolean ok = TRUE;

  stack[0] = gantry_mspdi_schema_lookup (path);
  lens[0] = cur->len;
  if (stack[0] == NULL)
    {
      g_string_free (cur, TRUE);
      return FALSE;
    }
  while (ok && (p = memchr (p, '<', end - p)) != NULL)
    {
      const char *q = p + 1;

      if (*q == '/')
        {
          if (depth > 0)
            {
              depth--;
              g_string_truncate (cur, lens[depth]);
            }
          p = q;
          continue;
        }
      if (*q == '!' || *q == '?')
        {
          ok = FALSE;
          break;
        }
      while (q < end && *q != '>' && *q != '/' && *q != ' ')
        q++;
      {
        g_autofree char *name = g_strndup (p + 1, q - p - 1);
        gboolean self_closing;
        const char *gt = memchr (q, '>', end - q);

        if (gt == NULL || gantry_mspdi_schema_child_index (stack[depth], name) < 0)
          {
            ok = FALSE;
            break;
          }
        self_closing = gt[-1] == '/';
        if (!self_closing)
          {
            /* descend: only elements with children need their node */
            const char *next = gt + 1;

            while (next < end && *next != '<')
              next++;
            if (next < end && next[1] != '/')
              {
                if (depth + 1 >= (int) G_N_ELEMENTS (stack))
                  {
                    ok = FALSE;
                    break;
                  }
                g_string_append_c (cur, '/');
                g_string_append (cur, name);
                stack[depth + 1] = gantry_mspdi_schema_lookup (cur->str);
                if (stack[depth + 1] == NULL)
                  {
                    ok = FALSE;
                    break;
                  }
                depth++;
                lens[depth] = cur->len;
                lens[depth - 1] = cur->len - strlen (name) - 1;
              }
            else
              {
                /* a leaf: skip to its end tag */
                const char *etag = next;
                p = etag + 1;
                while (p < end && *p != '>')
                  p++;
                continue;
              }
          }
        p = gt + 1;
      }
    }
  g_string_free (cur, TRUE);
  return ok;
}

static void
write_extra (Writer            *W,
             const GantryExtra *e,
             const char        *parent_path)
{
  const char *body = extra_body (e);
  int n_lt = 0;

  for (const char *p = body; *p; p++)
    if (*p == '<' && ++n_lt > 2)
      break;
  if (n_lt <= 2 && body[0] == '<')
    {
      /* A leaf element, serialised by libxml2 when read: "<Name>text</Name>"
       * or "<Name/>".  Its text is already escaped: copy it as is. */
      const char *gt = strchr (body, '>');
      const char *close = strrchr (body, '<');

      if (gt != NULL && simple_tag (body + 1, gt))
        {
          gboolean empty = gt > body && gt[-1] == '/';
          gsize name_len = (gt - body) - 1 - (empty ? 1 : 0);

          if (!empty && close != NULL && close > gt)
            OK (tw_element_len (W, body + 1, name_len, gt + 1, close - gt - 1, TRUE));
          else
            OK (tw_element_len (W, body + 1, name_len, "", 0, TRUE));
          return;
        }
    }
  /* The reader stored complex elements canonically, in schema order: when
   * nothing inside is outside the schema (or unknowns are kept), copy the
   * content as it is. */
  {
    g_autofree char *path = NULL;
    const char *gt = strchr (body, '>');
    const char *close = strrchr (body, '<');

    if (gt != NULL && gt[-1] != '/' && close != NULL && close > gt && body[0] == '<'
        && simple_tag (body + 1, gt))
      {
        g_autofree char *name = g_strndup (body + 1, gt - body - 1);

        path = g_strconcat (parent_path, "/", name, NULL);
        if ((W->flags & GANTRY_MSPDI_WRITE_KEEP_UNKNOWN) || all_in_schema (gt + 1, close, path))
          {
            OK (tw_element_len (W, name, strlen (name), gt + 1, close - gt - 1, TRUE));
            return;
          }
      }
  }
  {
    xmlDocPtr doc = xmlReadMemory (body, strlen (body), NULL, "UTF-8",
                                   XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    xmlNodePtr root = doc ? xmlDocGetRootElement (doc) : NULL;

    if (root != NULL)
      {
        g_autofree char *path = g_strconcat (parent_path, "/", (const char *) root->name, NULL);
        write_node (W, root, path, 0);
      }
    else
      g_warning ("MSPDI writer: a kept element <%s> cannot be parsed; it is skipped", e->name);
    if (doc != NULL)
      xmlFreeDoc (doc);
  }
}

static const char *
extra_anchor (const GantryExtra *e,
              char              *buf,
              gsize              size)
{
  const char *start = e->xml + strlen (GANTRY_MSPDI_AFTER_PREFIX);
  const char *end = strstr (start, "-->");
  gsize len;

  if (!g_str_has_prefix (e->xml, GANTRY_MSPDI_AFTER_PREFIX) || end == NULL)
    return "";
  len = MIN ((gsize) (end - start), size - 1);
  memcpy (buf, start, len);
  buf[len] = '\0';
  return buf;
}

/* Field emitter: writes the modelled value of schema child `index`
 * (returns nothing; writes nothing when Gantry does not model it). */
typedef void (*FieldFunc) (Writer *W, gpointer object, const char *name, int code);

typedef struct
{
  const char                  *path;
  const GantryMspdiSchemaNode *schema;
  int                         *codes;       /* schema index -> field code */
} ObjectKind;

static void
kind_init (ObjectKind         *kind,
           const char         *path,
           const char * const *fields)
{
  if (kind->schema != NULL)
    return;
  kind->path = path;
  kind->schema = gantry_mspdi_schema_lookup (path);
  g_assert (kind->schema != NULL);
  kind->codes = g_new0 (int, kind->schema->n_children);
  for (int i = 0; fields[i]; i++)
    {
      int idx = gantry_mspdi_schema_child_index (kind->schema, fields[i]);
      g_assert (idx >= 0);
      kind->codes[idx] = i + 1;
    }
}

static void
write_unknown_after (Writer       *W,
                     GantryExtras *extras,
                     const char   *anchor,
                     gboolean     *done,
                     const char   *path,
                     int           depth)
{
  guint n = extras ? gantry_extras_get_n (extras) : 0;

  if (depth > 64)
    return;
  for (guint i = 0; i < n; i++)
    {
      const GantryExtra *e = gantry_extras_get (extras, i);
      char buf[128];

      if (e->in_schema || done[i])
        continue;
      if (!g_str_equal (extra_anchor (e, buf, sizeof buf), anchor))
        continue;
      done[i] = TRUE;
      write_extra (W, e, path);
      write_unknown_after (W, extras, e->name, done, path, depth + 1);
    }
}

/* Writes the body of an object: schema order, modelled fields + extras. */
static void
write_object (Writer       *W,
              ObjectKind   *kind,
              gpointer      object,
              GantryExtras *extras,
              FieldFunc     field)
{
  const GantryMspdiSchemaNode *sch = kind->schema;
  gboolean keep_unknown = (W->flags & GANTRY_MSPDI_WRITE_KEEP_UNKNOWN) != 0;
  guint n = extras ? gantry_extras_get_n (extras) : 0;
  g_autofree int *order = NULL;
  g_autofree int *keys = NULL;
  g_autofree gboolean *done = NULL;
  guint n_in = 0, next = 0;

  /* In-schema extras, sorted (stable) by schema position. */
  order = g_new (int, n + 1);
  keys = g_new (int, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const GantryExtra *e = gantry_extras_get (extras, i);
      int key;

      if (!e->in_schema)
        continue;
      key = gantry_mspdi_schema_child_index (sch, e->name);
      if (key < 0)
        continue;   /* kept objects written elsewhere (placeholders) */
      /* insertion sort: extras are few and mostly in order already */
      {
        guint j = n_in;
        while (j > 0 && keys[j - 1] > key)
          {
            keys[j] = keys[j - 1];
            order[j] = order[j - 1];
            j--;
          }
        keys[j] = key;
        order[j] = i;
        n_in++;
      }
    }
  if (keep_unknown)
    {
      done = g_new0 (gboolean, n + 1);
      write_unknown_after (W, extras, "", done, kind->path, 0);
    }

  for (guint idx = 0; idx < sch->n_children; idx++)
    {
      gboolean wrote_extra = FALSE;

      if (kind->codes[idx] != 0)
        {
          W->cur_type = sch->types[idx];
          field (W, object, sch->children[idx], kind->codes[idx]);
          W->cur_type = NULL;
        }
      while (next < n_in && keys[next] == (int) idx)
        {
          write_extra (W, gantry_extras_get (extras, order[next]), kind->path);
          next++;
          wrote_extra = TRUE;
        }
      (void) wrote_extra;
      if (keep_unknown)
        write_unknown_after (W, extras, sch->children[idx], done, kind->path, 0);
    }
  if (keep_unknown)
    for (guint i = 0; i < n; i++)
      if (!done[i] && !gantry_extras_get (extras, i)->in_schema)
        write_extra (W, gantry_extras_get (extras, i), kind->path);
}

/* ---- calendars --------------------------------------------------------- */

static const char * const calendar_fields[] = {
  "UID", "Name", "IsBaseCalendar", "IsBaselineCalendar", "BaseCalendarUID",
  "WeekDays", "Exceptions", "WorkWeeks", NULL
};

static void
write_day_def_times (Writer             *W,
                     const GantryDayDef *def)
{
  if (def->kind != GANTRY_DAY_WORKING || def->n_ranges == 0)
    return;
  OK (tw_start (W, "WorkingTimes"));
  for (int i = 0; i < def->n_ranges; i++)
    {
      OK (tw_start (W, "WorkingTime"));
      w_time_of_day (W, "FromTime", def->ranges[i].from);
      w_time_of_day (W, "ToTime", def->ranges[i].to);
      OK (tw_end (W));
    }
  OK (tw_end (W));
}

static void
write_weekday (Writer             *W,
               int                 day_type,
               const GantryDayDef *def,
               gint64              from_day,
               gint64              to_day)
{
  OK (tw_start (W, "WeekDay"));
  w_int (W, "DayType", day_type);
  w_bool (W, "DayWorking", def->kind == GANTRY_DAY_WORKING);
  if (day_type == 0)
    {
      OK (tw_start (W, "TimePeriod"));
      w_date (W, "FromDate", gantry_time_from_day_number (from_day));
      w_date (W, "ToDate", gantry_time_from_day_number (to_day) + 23 * GANTRY_MS_HOUR
                           + 59 * GANTRY_MS_MINUTE);
      OK (tw_end (W));
    }
  write_day_def_times (W, def);
  OK (tw_end (W));
}

/* The legacy DayType-0 form of the exceptions: one WeekDay per run of
 * consecutive exception days (recurrences expanded), sorted by date. */
static void
write_legacy_exceptions (Writer         *W,
                         GantryCalendar *cal)
{
  guint n = gantry_calendar_get_n_exceptions (cal);

  for (guint i = 0; i < n; i++)
    {
      const GantryCalendarException *ex = gantry_calendar_get_exception (cal, i);
      gint64 last = MIN (ex->to_day, ex->from_day + 366 * 100);
      gint64 run_start = G_MININT64;

      if (ex->recurrence == GANTRY_RECUR_NONE || ex->recurrence == 0)
        {
          write_weekday (W, 0, &ex->day, ex->from_day, ex->to_day);
          continue;
        }
      for (gint64 d = ex->from_day; d <= last + 1; d++)
        {
          gboolean covers = d <= last && gantry_calendar_exception_covers (ex, d);

          if (covers && run_start == G_MININT64)
            run_start = d;
          else if (!covers && run_start != G_MININT64)
            {
              write_weekday (W, 0, &ex->day, run_start, d - 1);
              run_start = G_MININT64;
            }
        }
    }
}

static void
calendar_field (Writer     *W,
                gpointer    object,
                const char *name,
                int         code)
{
  GantryCalendar *cal = object;

  switch (code)
    {
    case 1: w_int (W, name, gantry_calendar_get_uid (cal)); break;
    case 2: w_str (W, name, gantry_calendar_get_name (cal)); break;
    case 3: w_bool (W, name, gantry_calendar_get_is_base_calendar (cal)); break;
    case 4: w_bool (W, name, gantry_calendar_get_is_baseline_calendar (cal)); break;
    case 5:
      {
        GantryCalendar *base = gantry_calendar_get_base (cal);
        w_int (W, name, base ? gantry_calendar_get_uid (base) : -1);
      }
      break;
    case 6:
      {
        gboolean any = gantry_calendar_get_n_exceptions (cal) > 0;

        for (int d = 0; d < 7; d++)
          any = any || gantry_calendar_get_weekday (cal, d)->kind != GANTRY_DAY_DEFAULT;
        if (!any)
          break;
        OK (tw_start (W, "WeekDays"));
        for (int d = 0; d < 7; d++)
          {
            const GantryDayDef *def = gantry_calendar_get_weekday (cal, d);
            if (def->kind != GANTRY_DAY_DEFAULT)
              write_weekday (W, d + 1, def, 0, 0);
          }
        write_legacy_exceptions (W, cal);
        OK (tw_end (W));
      }
      break;
    case 7:
      {
        guint n = gantry_calendar_get_n_exceptions (cal);

        if (n == 0)
          break;
        OK (tw_start (W, "Exceptions"));
        for (guint i = 0; i < n; i++)
          {
            const GantryCalendarException *ex = gantry_calendar_get_exception (cal, i);

            OK (tw_start (W, "Exception"));
            w_bool (W, "EnteredByOccurrences", ex->entered_by_occurrences);
            OK (tw_start (W, "TimePeriod"));
            w_date (W, "FromDate", gantry_time_from_day_number (ex->from_day));
            w_date (W, "ToDate", gantry_time_from_day_number (ex->to_day) + 23 * GANTRY_MS_HOUR
                                 + 59 * GANTRY_MS_MINUTE);
            OK (tw_end (W));
            w_int (W, "Occurrences", ex->occurrences);
            w_str (W, "Name", ex->name);
            w_int (W, "Type", ex->recurrence ? ex->recurrence : GANTRY_RECUR_NONE);
            w_int (W, "Period", ex->period);
            w_int (W, "DaysOfWeek", ex->days_of_week);
            w_int (W, "MonthItem", ex->month_item);
            w_int (W, "MonthPosition", ex->month_position);
            w_int (W, "Month", ex->month);
            w_int (W, "MonthDay", ex->month_day);
            w_bool (W, "DayWorking", ex->day.kind == GANTRY_DAY_WORKING);
            write_day_def_times (W, &ex->day);
            OK (tw_end (W));
          }
        OK (tw_end (W));
      }
      break;
    case 8:
      {
        guint n = gantry_calendar_get_n_work_weeks (cal);

        if (n == 0)
          break;
        OK (tw_start (W, "WorkWeeks"));
        for (guint i = 0; i < n; i++)
          {
            const GantryWorkWeek *ww = gantry_calendar_get_work_week (cal, i);
            gboolean any = FALSE;

            OK (tw_start (W, "WorkWeek"));
            OK (tw_start (W, "TimePeriod"));
            w_date (W, "FromDate", gantry_time_from_day_number (ww->from_day));
            w_date (W, "ToDate", gantry_time_from_day_number (ww->to_day) + 23 * GANTRY_MS_HOUR
                                 + 59 * GANTRY_MS_MINUTE);
            OK (tw_end (W));
            w_str (W, "Name", ww->name);
            for (int d = 0; d < 7; d++)
              any = any || ww->days[d].kind != GANTRY_DAY_DEFAULT;
            if (any)
              {
                OK (tw_start (W, "WeekDays"));
                for (int d = 0; d < 7; d++)
                  if (ww->days[d].kind != GANTRY_DAY_DEFAULT)
                    write_weekday (W, d + 1, &ww->days[d], 0, 0);
                OK (tw_end (W));
              }
            OK (tw_end (W));
          }
        OK (tw_end (W));
      }
      break;
    default:
      break;
    }
}

static void
write_calendars (Writer *W)
{
  static ObjectKind kind;
  GListModel *cals = gantry_project_get_calendars (W->project);
  guint n = g_list_model_get_n_items (cals);

  kind_init (&kind, "Project/Calendars/Calendar", calendar_fields);
  if (n == 0)
    return;
  OK (tw_start (W, "Calendars"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GantryCalendar) cal = g_list_model_get_item (cals, i);

      OK (tw_start (W, "Calendar"));
      write_object (W, &kind, cal, gantry_calendar_get_extras (cal), calendar_field);
      OK (tw_end (W));
    }
  OK (tw_end (W));
}

/* ---- tasks ------------------------------------------------------------- */

enum {
  TW_NONE, TW_UID, TW_ID, TW_NAME, TW_TYPE, TW_IS_NULL, TW_WBS, TW_OUTLINE_NUMBER,
  TW_OUTLINE_LEVEL, TW_PRIORITY, TW_START, TW_FINISH, TW_DURATION,
  TW_DURATION_FORMAT, TW_WORK, TW_EFFORT_DRIVEN, TW_MILESTONE, TW_SUMMARY,
  TW_CRITICAL, TW_EARLY_START, TW_EARLY_FINISH, TW_LATE_START, TW_LATE_FINISH,
  TW_FREE_SLACK, TW_START_SLACK, TW_FINISH_SLACK, TW_TOTAL_SLACK, TW_FIXED_COST,
  TW_FIXED_COST_ACCRUAL, TW_PERCENT_COMPLETE, TW_PERCENT_WORK_COMPLETE, TW_COST,
  TW_ACTUAL_START, TW_ACTUAL_FINISH, TW_ACTUAL_DURATION, TW_ACTUAL_COST,
  TW_ACTUAL_WORK, TW_REMAINING_DURATION, TW_CONSTRAINT_TYPE, TW_CALENDAR_UID,
  TW_CONSTRAINT_DATE, TW_DEADLINE, TW_LEVELING_DELAY, TW_LEVELING_DELAY_FORMAT,
  TW_IGNORE_RESOURCE_CALENDAR, TW_NOTES, TW_HIDE_BAR, TW_ROLLUP,
  TW_PREDECESSOR_LINK, TW_BASELINE, TW_ACTIVE, TW_MANUAL,
};

static const char * const task_fields[] = {
  "UID", "ID", "Name", "Type", "IsNull", "WBS", "OutlineNumber", "OutlineLevel",
  "Priority", "Start", "Finish", "Duration", "DurationFormat", "Work",
  "EffortDriven", "Milestone", "Summary", "Critical", "EarlyStart",
  "EarlyFinish", "LateStart", "LateFinish", "FreeSlack", "StartSlack",
  "FinishSlack", "TotalSlack", "FixedCost", "FixedCostAccrual",
  "PercentComplete", "PercentWorkComplete", "Cost", "ActualStart",
  "ActualFinish", "ActualDuration", "ActualCost", "ActualWork",
  "RemainingDuration", "ConstraintType", "CalendarUID", "ConstraintDate",
  "Deadline", "LevelingDelay", "LevelingDelayFormat", "IgnoreResourceCalendar",
  "Notes", "HideBar", "Rollup", "PredecessorLink", "Baseline", "Active",
  "Manual", NULL
};

static const char * const link_fields[] = {
  "PredecessorUID", "Type", "LinkLag", "LagFormat", NULL
};

static void
link_field (Writer     *W,
            gpointer    object,
            const char *name,
            int         code)
{
  GantryLink *link = object;
  GantryDurationFormat f = gantry_link_get_lag_format (link);

  switch (code)
    {
    case 1: w_int (W, name, gantry_task_get_uid (gantry_link_get_predecessor (link))); break;
    case 2: w_int (W, name, gantry_link_get_link_type (link)); break;
    case 3:
      if (gantry_format_is_percent (f))
        w_int (W, name, (gantry_link_get_lag (link) + (gantry_link_get_lag (link) >= 0 ? 50 : -50)) / 100);
      else
        w_tenths (W, name, gantry_link_get_lag (link));
      break;
    case 4: w_int (W, name, f); break;
    default: break;
    }
}

static void
write_baseline (Writer               *W,
                guint                 n,
                const GantryBaseline *b)
{
  OK (tw_start (W, "Baseline"));
  w_int (W, "Number", n);
  w_bool (W, "Interim", b->interim);
  w_date (W, "Start", b->start);
  w_date (W, "Finish", b->finish);
  w_duration (W, "Duration", b->duration);
  w_int (W, "DurationFormat", b->duration_format);
  w_bool (W, "EstimatedDuration", b->estimated);
  w_duration (W, "Work", b->work);
  w_cents (W, "Cost", b->cost);
  w_cents (W, "BCWS", b->bcws);
  w_cents (W, "BCWP", b->bcwp);
  w_cents (W, "FixedCost", b->fixed_cost);
  OK (tw_end (W));
}

static void
task_field (Writer     *W,
            gpointer    object,
            const char *name,
            int         code)
{
  static ObjectKind link_kind;
  GantryTask *t = object;
  gboolean root = gantry_task_get_parent (t) == NULL;

  switch (code)
    {
    case TW_UID: w_int (W, name, root ? 0 : gantry_task_get_uid (t)); break;
    case TW_ID: w_int (W, name, root ? 0 : gantry_task_get_id (t)); break;
    case TW_NAME: w_str (W, name, gantry_task_get_name (t)); break;
    case TW_TYPE: w_int (W, name, gantry_task_get_task_type (t)); break;
    case TW_IS_NULL: w_bool (W, name, gantry_task_get_is_null (t)); break;
    case TW_WBS:
    case TW_OUTLINE_NUMBER:
      {
        g_autofree char *num = root ? g_strdup ("0") : gantry_task_dup_outline_number (t);
        const char *wbs = gantry_task_get_wbs (t);

        /* WBS only when set (MS Project derives it from the outline) */
        if (code == TW_WBS)
          w_str (W, name, wbs);
        else
          w_str (W, name, num);
      }
      break;
    case TW_OUTLINE_LEVEL:
      w_int (W, name, root ? 0 : gantry_task_get_outline_level (t)); break;
    case TW_PRIORITY: w_int (W, name, gantry_task_get_priority (t)); break;
    case TW_START: w_date (W, name, gantry_task_get_start (t)); break;
    case TW_FINISH: w_date (W, name, gantry_task_get_finish (t)); break;
    case TW_DURATION: w_duration (W, name, gantry_task_get_duration (t)); break;
    case TW_DURATION_FORMAT: w_int (W, name, gantry_task_get_duration_format (t)); break;
    case TW_WORK: w_duration (W, name, gantry_task_get_work (t)); break;
    case TW_EFFORT_DRIVEN: w_bool (W, name, gantry_task_get_effort_driven (t)); break;
    case TW_MILESTONE: w_bool (W, name, gantry_task_get_milestone (t)); break;
    case TW_SUMMARY: w_bool (W, name, root || gantry_task_get_n_children (t) > 0); break;
    case TW_CRITICAL: w_bool (W, name, gantry_task_get_critical (t)); break;
    case TW_EARLY_START: w_date (W, name, gantry_task_get_early_start (t)); break;
    case TW_EARLY_FINISH: w_date (W, name, gantry_task_get_early_finish (t)); break;
    case TW_LATE_START: w_date (W, name, gantry_task_get_late_start (t)); break;
    case TW_LATE_FINISH: w_date (W, name, gantry_task_get_late_finish (t)); break;
    case TW_FREE_SLACK: w_tenths (W, name, gantry_task_get_free_slack (t)); break;
    case TW_START_SLACK: w_tenths (W, name, gantry_task_get_start_slack (t)); break;
    case TW_FINISH_SLACK: w_tenths (W, name, gantry_task_get_finish_slack (t)); break;
    case TW_TOTAL_SLACK: w_tenths (W, name, gantry_task_get_total_slack (t)); break;
    case TW_FIXED_COST: w_cents (W, name, gantry_task_get_fixed_cost (t)); break;
    case TW_FIXED_COST_ACCRUAL: w_int (W, name, gantry_task_get_fixed_cost_accrual (t)); break;
    case TW_PERCENT_COMPLETE: w_int (W, name, gantry_task_get_percent_complete (t)); break;
    case TW_PERCENT_WORK_COMPLETE: w_int (W, name, gantry_task_get_percent_work_complete (t)); break;
    case TW_COST: w_cents (W, name, gantry_task_get_cost (t)); break;
    case TW_ACTUAL_START: w_date (W, name, gantry_task_get_actual_start (t)); break;
    case TW_ACTUAL_FINISH: w_date (W, name, gantry_task_get_actual_finish (t)); break;
    case TW_ACTUAL_DURATION: w_duration (W, name, gantry_task_get_actual_duration (t)); break;
    case TW_ACTUAL_COST: w_cents (W, name, gantry_task_get_actual_cost (t)); break;
    case TW_ACTUAL_WORK: w_duration (W, name, gantry_task_get_actual_work (t)); break;
    case TW_REMAINING_DURATION: w_duration (W, name, gantry_task_get_remaining_duration (t)); break;
    case TW_CONSTRAINT_TYPE: w_int (W, name, gantry_task_get_constraint_type (t)); break;
    case TW_CALENDAR_UID:
      if (gantry_task_get_is_null (t) && gantry_extras_lookup (gantry_task_get_extras (t), name))
        break;
      {
        GantryCalendar *cal = gantry_task_get_calendar (t);
        w_int (W, name, cal ? gantry_calendar_get_uid (cal) : -1);
      }
      break;
    case TW_CONSTRAINT_DATE: w_date (W, name, gantry_task_get_constraint_date (t)); break;
    case TW_DEADLINE: w_date (W, name, gantry_task_get_deadline (t)); break;
    case TW_LEVELING_DELAY: w_tenths (W, name, gantry_task_get_leveling_delay (t)); break;
    case TW_LEVELING_DELAY_FORMAT: w_int (W, name, gantry_task_get_leveling_delay_format (t)); break;
    case TW_IGNORE_RESOURCE_CALENDAR:
      w_bool (W, name, gantry_task_get_ignore_resource_calendar (t));
      break;
    case TW_NOTES:
      {
        g_autofree char *project_notes = NULL;
        const char *notes = gantry_task_get_notes (t);

        /* the project summary task carries the project's notes */
        if (root)
          {
            g_object_get (W->project, "notes", &project_notes, NULL);
            if (project_notes != NULL && *project_notes != '\0')
              notes = project_notes;
          }
        if (notes != NULL && *notes != '\0')
          w_str (W, name, notes);
      }
      break;
    case TW_HIDE_BAR: w_bool (W, name, gantry_task_get_hide_bar (t)); break;
    case TW_ROLLUP: w_bool (W, name, gantry_task_get_rollup (t)); break;
    case TW_PREDECESSOR_LINK:
      {
        GPtrArray *preds = gantry_task_get_predecessors (t);

        kind_init (&link_kind, "Project/Tasks/Task/PredecessorLink", link_fields);
        for (guint i = 0; preds && i < preds->len; i++)
          {
            GantryLink *link = g_ptr_array_index (preds, i);

            OK (tw_start (W, "PredecessorLink"));
            write_object (W, &link_kind, link, gantry_link_get_extras (link), link_field);
            OK (tw_end (W));
          }
      }
      break;
    case TW_BASELINE:
      for (guint n = 0; n < GANTRY_N_BASELINES; n++)
        {
          const GantryBaseline *b = gantry_task_get_baseline (t, n);
          if (b != NULL && b->set)
            write_baseline (W, n, b);
        }
      break;
    case TW_ACTIVE: w_bool (W, name, gantry_task_get_active (t)); break;
    case TW_MANUAL: w_bool (W, name, gantry_task_get_manual (t)); break;
    default: break;
    }
}

static void
write_task (Writer     *W,
            ObjectKind *kind,
            GantryTask *task)
{
  OK (tw_start (W, "Task"));
  write_object (W, kind, task, gantry_task_get_extras (task), task_field);
  OK (tw_end (W));
}

static void
write_tasks (Writer *W)
{
  static ObjectKind kind;
  GPtrArray *all = gantry_project_get_all_tasks (W->project);

  kind_init (&kind, "Project/Tasks/Task", task_fields);
  OK (tw_start (W, "Tasks"));
  write_task (W, &kind, gantry_project_get_root_task (W->project));
  for (guint i = 0; i < all->len && !W->failed; i++)
    write_task (W, &kind, g_ptr_array_index (all, i));
  OK (tw_end (W));
}

/* ---- resources --------------------------------------------------------- */

static const char * const resource_fields[] = {
  "UID", "ID", "Name", "Type", "Initials", "MaterialLabel", "Group",
  "EmailAddress", "MaxUnits", "PeakUnits", "OverAllocated", "AccrueAt", "Work",
  "StandardRate", "Cost", "OvertimeRate", "CostPerUse", "CalendarUID", "Notes",
  "IsGeneric", "IsInactive", "IsCostResource", NULL
};

static void
resource_field (Writer     *W,
                gpointer    object,
                const char *name,
                int         code)
{
  GantryResource *r = object;
  GantryResourceType type = gantry_resource_get_resource_type (r);

  switch (code)
    {
    case 1: w_int (W, name, gantry_resource_get_uid (r)); break;
    case 2: w_int (W, name, gantry_resource_get_id (r)); break;
    case 3: w_str (W, name, gantry_resource_get_name (r)); break;
    case 4: w_int (W, name, type == GANTRY_RESOURCE_WORK ? 1 : 0); break;
    case 5: w_str (W, name, gantry_resource_get_initials (r)); break;
    case 6: if (type == GANTRY_RESOURCE_MATERIAL) w_str (W, name, gantry_resource_get_material_label (r)); break;
    case 7: w_str (W, name, gantry_resource_get_group (r)); break;
    case 8: w_str (W, name, gantry_resource_get_email (r)); break;
    case 9: w_fraction (W, name, gantry_resource_get_max_units (r)); break;
    case 10: w_decimal (W, name, gantry_resource_get_peak_units (r), 6); break;
    case 11: w_bool (W, name, gantry_resource_get_overallocated (r)); break;
    case 12: w_int (W, name, gantry_resource_get_accrue_at (r)); break;
    case 13: w_duration (W, name, gantry_resource_get_work (r)); break;
    case 14: w_decimal (W, name, gantry_resource_get_standard_rate (r), 6); break;
    case 15: w_cents (W, name, gantry_resource_get_cost (r)); break;
    case 16: w_decimal (W, name, gantry_resource_get_overtime_rate (r), 6); break;
    case 17: w_cents (W, name, gantry_resource_get_cost_per_use (r)); break;
    case 18:
      {
        GantryCalendar *cal = gantry_resource_get_calendar (r);
        if (cal != NULL)
          w_int (W, name, gantry_calendar_get_uid (cal));
      }
      break;
    case 19:
      {
        const char *notes = gantry_resource_get_notes (r);
        if (notes != NULL && *notes != '\0')
          w_str (W, name, notes);
      }
      break;
    case 20: w_bool (W, name, gantry_resource_get_generic (r)); break;
    case 21: w_bool (W, name, gantry_resource_get_inactive (r)); break;
    case 22: w_bool (W, name, type == GANTRY_RESOURCE_COST); break;
    default: break;
    }
}

static void
write_resources (Writer *W)
{
  static ObjectKind kind;
  GListModel *list = gantry_project_get_resources (W->project);
  GantryExtras *pextras = gantry_project_get_extras (W->project);
  guint n = g_list_model_get_n_items (list);
  gboolean placeholder = FALSE;

  kind_init (&kind, "Project/Resources/Resource", resource_fields);
  OK (tw_start (W, "Resources"));
  for (guint i = 0; i < gantry_extras_get_n (pextras); i++)
    {
      const GantryExtra *e = gantry_extras_get (pextras, i);

      if (e->in_schema && g_str_equal (e->name, "Resource"))
        {
          write_extra (W, e, "Project/Resources");
          placeholder = TRUE;
        }
    }
  if (!placeholder)
    {
      /* MS Project always has the resource UID 0 placeholder. */
      OK (tw_start (W, "Resource"));
      w_int (W, "UID", 0);
      w_int (W, "ID", 0);
      w_int (W, "Type", 1);
      w_bool (W, "IsNull", FALSE);
      OK (tw_end (W));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GantryResource) r = g_list_model_get_item (list, i);

      OK (tw_start (W, "Resource"));
      write_object (W, &kind, r, gantry_resource_get_extras (r), resource_field);
      OK (tw_end (W));
    }
  OK (tw_end (W));
}

/* ---- assignments ------------------------------------------------------- */

static const char * const assignment_fields[] = {
  "UID", "TaskUID", "ResourceUID", "PercentWorkComplete", "ActualWork", "Cost",
  "CostRateTable", "Delay", "Finish", "OvertimeWork", "Start", "Units", "Work",
  "WorkContour", NULL
};

static void
assignment_field (Writer     *W,
                  gpointer    object,
                  const char *name,
                  int         code)
{
  GantryAssignment *a = object;
  GantryTask *task = gantry_assignment_get_task (a);

  switch (code)
    {
    case 1: w_int (W, name, gantry_assignment_get_uid (a)); break;
    case 2: w_int (W, name, gantry_task_get_parent (task) ? gantry_task_get_uid (task) : 0); break;
    case 3: w_int (W, name, gantry_resource_get_uid (gantry_assignment_get_resource (a))); break;
    case 4: w_int (W, name, gantry_assignment_get_percent_work_complete (a)); break;
    case 5: w_duration (W, name, gantry_assignment_get_actual_work (a)); break;
    case 6: w_cents (W, name, gantry_assignment_get_cost (a)); break;
    case 7: w_int (W, name, gantry_assignment_get_cost_rate_table (a)); break;
    case 8: w_tenths (W, name, gantry_assignment_get_delay (a)); break;
    case 9: w_date (W, name, gantry_assignment_get_finish (a)); break;
    case 10: w_duration (W, name, gantry_assignment_get_overtime_work (a)); break;
    case 11: w_date (W, name, gantry_assignment_get_start (a)); break;
    case 12: w_fraction (W, name, gantry_assignment_get_units (a)); break;
    case 13: w_duration (W, name, gantry_assignment_get_work (a)); break;
    case 14: w_int (W, name, gantry_assignment_get_work_contour (a)); break;
    default: break;
    }
}

/* The kept -65535 placeholder of a task; its UID is renumbered if a
 * Gantry assignment took it meanwhile. */
/* The integer text of the first <name> element in xml, or FALSE. */
static gboolean
first_int (const char *xml,
           const char *tag,
           gint64     *out)
{
  const char *p = strstr (xml, tag);
  char *end;

  if (p == NULL)
    return FALSE;
  p += strlen (tag);
  *out = g_ascii_strtoll (p, &end, 10);
  return end != p && *end == '<';
}

static void
write_placeholder (Writer            *W,
                   GantryTask        *task,
                   const GantryExtra *e)
{
  gint64 uid, task_uid;
  int want_task = gantry_task_get_parent (task) ? gantry_task_get_uid (task) : 0;
  xmlDocPtr doc;
  xmlNodePtr root;

  /* Usual case: its UID is free and its task kept its UID: copy it. */
  if (first_int (e->xml, "<UID>", &uid) && first_int (e->xml, "<TaskUID>", &task_uid)
      && task_uid == want_task && uid >= G_MININT && uid <= G_MAXINT
      && !g_hash_table_contains (W->assignment_uids, GINT_TO_POINTER ((int) uid)))
    {
      g_hash_table_add (W->assignment_uids, GINT_TO_POINTER ((int) uid));
      write_extra (W, e, "Project/Assignments");
      return;
    }

  doc = xmlReadMemory (e->xml, strlen (e->xml), NULL, "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  root = doc ? xmlDocGetRootElement (doc) : NULL;

  if (root == NULL)
    {
      if (doc)
        xmlFreeDoc (doc);
      return;
    }
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (c->name, BAD_CAST "UID"))
        {
          g_autofree char *t = (char *) xmlNodeGetContent (c);
          int kept = atoi (t);

          if (g_hash_table_contains (W->assignment_uids, GINT_TO_POINTER (kept)))
            {
              char buf[16];

              kept = W->next_assignment_uid++;
              g_snprintf (buf, sizeof buf, "%d", kept);
              xmlNodeSetContent (c, BAD_CAST buf);
            }
          g_hash_table_add (W->assignment_uids, GINT_TO_POINTER (kept));
        }
      else if (xmlStrEqual (c->name, BAD_CAST "TaskUID"))
        {
          char buf[16];

          g_snprintf (buf, sizeof buf, "%d",
                      gantry_task_get_parent (task) ? gantry_task_get_uid (task) : 0);
          xmlNodeSetContent (c, BAD_CAST buf);
        }
    }
  write_node (W, root, "Project/Assignments/Assignment", 0);
  xmlFreeDoc (doc);
}

static void
write_assignments (Writer *W)
{
  static ObjectKind kind;
  GListModel *list = gantry_project_get_assignments (W->project);
  GPtrArray *all = gantry_project_get_all_tasks (W->project);
  guint n = g_list_model_get_n_items (list);

  kind_init (&kind, "Project/Assignments/Assignment", assignment_fields);
  OK (tw_start (W, "Assignments"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GantryAssignment) a = g_list_model_get_item (list, i);
      int uid = gantry_assignment_get_uid (a);

      g_hash_table_add (W->assignment_uids, GINT_TO_POINTER (uid));
      W->next_assignment_uid = MAX (W->next_assignment_uid, uid + 1);
      OK (tw_start (W, "Assignment"));
      write_object (W, &kind, a, gantry_assignment_get_extras (a), assignment_field);
      OK (tw_end (W));
    }
  for (guint i = 0; i <= all->len; i++)
    {
      GantryTask *task = i == 0 ? gantry_project_get_root_task (W->project)
                                : g_ptr_array_index (all, i - 1);
      GantryExtras *extras = gantry_task_get_extras (task);

      for (guint j = 0; j < gantry_extras_get_n (extras); j++)
        {
          const GantryExtra *e = gantry_extras_get (extras, j);

          if (e->in_schema && g_str_equal (e->name, "Assignment"))
            write_placeholder (W, task, e);
        }
    }
  OK (tw_end (W));
}

/* ---- project ----------------------------------------------------------- */

enum {
  PW_NONE, PW_SAVE_VERSION, PW_NAME, PW_TITLE, PW_SUBJECT, PW_COMPANY, PW_MANAGER,
  PW_AUTHOR, PW_SCHEDULE_FROM_START, PW_START, PW_FINISH, PW_CRITICAL_SLACK_LIMIT,
  PW_CURRENCY_DIGITS, PW_CURRENCY_SYMBOL, PW_CURRENCY_CODE, PW_CURRENCY_POSITION,
  PW_CALENDAR_UID, PW_DEFAULT_START_TIME, PW_DEFAULT_FINISH_TIME,
  PW_MINUTES_PER_DAY, PW_MINUTES_PER_WEEK, PW_DAYS_PER_MONTH,
  PW_DEFAULT_TASK_TYPE, PW_DURATION_FORMAT, PW_WORK_FORMAT,
  PW_HONOR_CONSTRAINTS, PW_MULTIPLE_CRITICAL_PATHS, PW_NEW_TASKS_EFFORT_DRIVEN,
  PW_WEEK_START_DAY, PW_STATUS_DATE, PW_CURRENT_DATE, PW_NEW_TASKS_ARE_MANUAL,
  PW_CALENDARS, PW_TASKS, PW_RESOURCES, PW_ASSIGNMENTS,
};

static const char * const project_fields[] = {
  "SaveVersion", "Name", "Title", "Subject", "Company", "Manager", "Author",
  "ScheduleFromStart", "StartDate", "FinishDate", "CriticalSlackLimit",
  "CurrencyDigits", "CurrencySymbol", "CurrencyCode", "CurrencySymbolPosition",
  "CalendarUID", "DefaultStartTime", "DefaultFinishTime", "MinutesPerDay",
  "MinutesPerWeek", "DaysPerMonth", "DefaultTaskType", "DurationFormat",
  "WorkFormat", "HonorConstraints", "MultipleCriticalPaths",
  "NewTasksEffortDriven", "WeekStartDay", "StatusDate", "CurrentDate",
  "NewTasksAreManual", "Calendars", "Tasks", "Resources", "Assignments", NULL
};

static void
w_prop_str (Writer     *W,
            const char *name,
            const char *prop)
{
  g_autofree char *v = NULL;

  g_object_get (W->project, prop, &v, NULL);
  w_str (W, name, v);
}

static void
w_prop_int (Writer     *W,
            const char *name,
            const char *prop)
{
  int v = 0;

  g_object_get (W->project, prop, &v, NULL);
  w_int (W, name, v);
}

static void
w_prop_bool (Writer     *W,
             const char *name,
             const char *prop)
{
  gboolean v = FALSE;

  g_object_get (W->project, prop, &v, NULL);
  w_bool (W, name, v);
}

static void
w_prop_date (Writer     *W,
             const char *name,
             const char *prop)
{
  gint64 v = GANTRY_TIME_NONE;

  g_object_get (W->project, prop, &v, NULL);
  w_date (W, name, v);
}

static void
project_field (Writer     *W,
               gpointer    object,
               const char *name,
               int         code)
{
  GantryProject *P = object;

  switch (code)
    {
    case PW_SAVE_VERSION:
      if (gantry_extras_lookup (gantry_project_get_extras (P), "SaveVersion") == NULL)
        w_int (W, name, 14);
      break;
    case PW_NAME: w_prop_str (W, name, "name"); break;
    case PW_TITLE: w_prop_str (W, name, "title"); break;
    case PW_SUBJECT: w_prop_str (W, name, "subject"); break;
    case PW_COMPANY: w_prop_str (W, name, "company"); break;
    case PW_MANAGER: w_prop_str (W, name, "manager"); break;
    case PW_AUTHOR: w_prop_str (W, name, "author"); break;
    case PW_SCHEDULE_FROM_START: w_prop_bool (W, name, "schedule-from-start"); break;
    case PW_START: w_prop_date (W, name, "start"); break;
    case PW_FINISH: w_prop_date (W, name, "finish"); break;
    case PW_CRITICAL_SLACK_LIMIT: w_prop_int (W, name, "critical-slack-limit"); break;
    case PW_CURRENCY_DIGITS: w_prop_int (W, name, "currency-digits"); break;
    case PW_CURRENCY_SYMBOL: w_prop_str (W, name, "currency-symbol"); break;
    case PW_CURRENCY_CODE:
      {
        g_autofree char *v = NULL;

        g_object_get (P, "currency-code", &v, NULL);
        w_str (W, name, v && *v ? v : "USD");   /* required by the schema */
      }
      break;
    case PW_CURRENCY_POSITION: w_prop_int (W, name, "currency-symbol-position"); break;
    case PW_CALENDAR_UID:
      {
        GantryCalendar *cal = gantry_project_get_calendar (P);
        if (cal != NULL)
          w_int (W, name, gantry_calendar_get_uid (cal));
      }
      break;
    case PW_DEFAULT_START_TIME: w_time_of_day (W, name, gantry_project_get_default_start_time (P)); break;
    case PW_DEFAULT_FINISH_TIME: w_time_of_day (W, name, gantry_project_get_default_finish_time (P)); break;
    case PW_MINUTES_PER_DAY: w_prop_int (W, name, "minutes-per-day"); break;
    case PW_MINUTES_PER_WEEK: w_prop_int (W, name, "minutes-per-week"); break;
    case PW_DAYS_PER_MONTH: w_prop_int (W, name, "days-per-month"); break;
    case PW_DEFAULT_TASK_TYPE: w_prop_int (W, name, "default-task-type"); break;
    case PW_DURATION_FORMAT: w_prop_int (W, name, "duration-format"); break;
    case PW_WORK_FORMAT: w_prop_int (W, name, "work-format"); break;
    case PW_HONOR_CONSTRAINTS:  /* inverted, see the reader */
      w_bool (W, name, !gantry_project_get_honor_constraints (W->project));
      break;
    case PW_MULTIPLE_CRITICAL_PATHS: w_prop_bool (W, name, "multiple-critical-paths"); break;
    case PW_NEW_TASKS_EFFORT_DRIVEN: w_prop_bool (W, name, "new-tasks-effort-driven"); break;
    case PW_WEEK_START_DAY: w_prop_int (W, name, "week-start-day"); break;
    case PW_STATUS_DATE: w_prop_date (W, name, "status-date"); break;
    case PW_CURRENT_DATE: w_prop_date (W, name, "current-date"); break;
    case PW_NEW_TASKS_ARE_MANUAL: w_prop_bool (W, name, "new-tasks-manual"); break;
    case PW_CALENDARS: write_calendars (W); break;
    case PW_TASKS: write_tasks (W); break;
    case PW_RESOURCES: write_resources (W); break;
    case PW_ASSIGNMENTS: write_assignments (W); break;
    default: break;
    }
}

static gboolean
write_project (GantryProject        *project,
               FILE                 *file,
               GString              *out,
               GantryMspdiWriteFlags flags)
{
  static ObjectKind kind;
  Writer W = { 0 };

  W.out = out;
  W.file = file;
  W.names = g_string_sized_new (256);
  W.open = g_array_new (FALSE, FALSE, sizeof (Open));
  W.doindent = TRUE;
  W.project = project;
  W.flags = flags;
  W.next_assignment_uid = 1;
  kind_init (&kind, "Project", project_fields);
  W.assignment_uids = g_hash_table_new (NULL, NULL);
  tw_puts (&W, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
  tw_start_ns (&W, NULL, "Project", GANTRY_MSPDI_NS);
  write_object (&W, &kind, project, gantry_project_get_extras (project), project_field);
  if (tw_end (&W) < 0 || W.open->len != 0)
    W.failed = TRUE;
  tw_flush (&W);
  g_hash_table_unref (W.assignment_uids);
  g_string_free (W.names, TRUE);
  g_array_unref (W.open);
  return !W.failed;
}

char *
gantry_mspdi_save_to_data (GantryProject        *project,
                           GantryMspdiWriteFlags flags,
                           gsize                *len,
                           GError              **error)
{
  GString *out;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_string_sized_new (64 * 1024);
  if (!write_project (project, NULL, out, flags))
    {
      g_set_error (error, GANTRY_MSPDI_ERROR, GANTRY_MSPDI_ERROR_IO,
                   _("Cannot write the MS Project XML data (out of memory?)"));
      g_string_free (out, TRUE);
      return NULL;
    }
  if (len != NULL)
    *len = out->len;
  return g_string_free (out, FALSE);
}

gboolean
gantry_mspdi_save (GantryProject        *project,
                   const char           *path,
                   GantryMspdiWriteFlags flags,
                   GError              **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *resolved = NULL;
  const char *target;
  GString *out;
  FILE *file;
  gboolean ok, have_old;
  struct stat st;
  int fd, saved = 0;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Saving through a symbolic link replaces the file it points to. */
  resolved = realpath (path, NULL);
  target = resolved != NULL ? resolved : path;
  have_old = stat (target, &st) == 0;

  /* Written next to the target, synced and renamed over it: a failure or a
   * power cut never damages an existing file.  A new file gets the usual
   * permissions (0666 less the umask), a replaced one keeps its own. */
  tmp = g_strconcat (target, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd >= 0 && have_old && S_ISREG (st.st_mode))
    (void) fchmod (fd, st.st_mode & 07777);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, GANTRY_MSPDI_ERROR, GANTRY_MSPDI_ERROR_IO,
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  file = fdopen (fd, "wb");
  if (file == NULL)
    {
      saved = errno;
      close (fd);
      ok = FALSE;
    }
  else
    {
      out = g_string_sized_new (FLUSH_AT + 64 * 1024);
      errno = 0;
      ok = write_project (project, file, out, flags);
      if (!ok)
        saved = errno;
      g_string_free (out, TRUE);
      if (ok && (fflush (file) != 0 || fsync (fileno (file)) != 0))
        {
          saved = errno;
          ok = FALSE;
        }
      if (fclose (file) != 0 && ok)
        {
          saved = errno;
          ok = FALSE;
        }
    }
  if (ok && g_rename (tmp, target) != 0)
    {
      saved = errno;
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp);
      g_set_error (error, GANTRY_MSPDI_ERROR, GANTRY_MSPDI_ERROR_IO,
                   _("Cannot write “%s”: %s"), path, g_strerror (saved ? saved : EIO));
      return FALSE;
    }
  return TRUE;
}
