/* gantry-mspdi.c — MSPDI helpers shared by the reader and the writer
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gantry-mspdi-private.h"

G_DEFINE_QUARK (gantry-mspdi-error-quark, gantry_mspdi_error)

static int
compare_node_path (const void *key,
                   const void *elem)
{
  const GantryMspdiSchemaNode *node = elem;

  return strcmp (key, node->path);
}

const GantryMspdiSchemaNode *
gantry_mspdi_schema_lookup (const char *path)
{
  return bsearch (path, gantry_mspdi_schema_nodes, gantry_mspdi_schema_n_nodes,
                  sizeof (GantryMspdiSchemaNode), compare_node_path);
}

/* One hash table per schema node, built once: name -> index + 1. */
static GHashTable **
child_tables (void)
{
  static GHashTable **tables = NULL;

  if (g_once_init_enter (&tables))
    {
      GHashTable **t = g_new0 (GHashTable *, gantry_mspdi_schema_n_nodes);

      for (guint i = 0; i < gantry_mspdi_schema_n_nodes; i++)
        {
          const GantryMspdiSchemaNode *node = &gantry_mspdi_schema_nodes[i];

          t[i] = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint j = 0; j < node->n_children; j++)
            if (!g_hash_table_contains (t[i], node->children[j]))
              g_hash_table_insert (t[i], (gpointer) node->children[j],
                                   GUINT_TO_POINTER (j + 1));
        }
      g_once_init_leave (&tables, t);
    }
  return tables;
}

int
gantry_mspdi_schema_child_index (const GantryMspdiSchemaNode *node,
                                 const char                  *name)
{
  /* Callers ask several times in a row about the same element: a
   * one-entry cache (by content: a freed name's address may be reused). */
  static _Thread_local const GantryMspdiSchemaNode *last_node;
  static _Thread_local char last_name[64];
  static _Thread_local int last_index;
  GHashTable **tables;
  gpointer v;

  if (node == NULL || name == NULL)
    return -1;
  if (node == last_node && strcmp (name, last_name) == 0)
    return last_index;
  tables = child_tables ();
  v = g_hash_table_lookup (tables[node - gantry_mspdi_schema_nodes], name);
  if (g_strlcpy (last_name, name, sizeof last_name) < sizeof last_name)
    last_node = node;
  else
    last_node = NULL;   /* too long to cache */
  last_index = v ? (int) GPOINTER_TO_UINT (v) - 1 : -1;
  return last_index;
}

/* Parses an unsigned decimal number with optional fraction into
 * thousandths; returns the position after it, or NULL. */
static const char *
parse_milli (const char *p,
             gint64     *out)
{
  gint64 whole = 0, frac = 0;
  int digits = 0, fdigits = 0;

  while (g_ascii_isdigit (*p))
    {
      if (whole > G_GINT64_CONSTANT (1000000000000))
        return NULL;
      whole = whole * 10 + (*p - '0');
      p++;
      digits++;
    }
  if (*p == '.' || *p == ',')
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          if (fdigits < 3)
            {
              frac = frac * 10 + (*p - '0');
              fdigits++;
            }
          else if (fdigits == 3 && *p >= '5')
            {
              frac++;           /* round half up on the 4th decimal */
              fdigits++;
            }
          else
            fdigits++;
          p++;
          digits++;
        }
      while (fdigits < 3)
        {
          frac *= 10;
          fdigits++;
        }
    }
  if (digits == 0)
    return NULL;
  *out = whole * 1000 + frac;
  return p;
}

gboolean
gantry_mspdi_parse_duration (const char *text,
                             gint64     *out_ms)
{
  const char *p = text;
  gboolean negative = FALSE, in_time = FALSE, any = FALSE;
  gint64 total = 0;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (*p != 'P')
    {
      /* A plain number (Synchro writes "0"): read as hours when it is 0. */
      gint64 v;
      const char *end = parse_milli (p, &v);

      if (end == NULL)
        return FALSE;
      while (g_ascii_isspace (*end))
        end++;
      if (*end != '\0' || v != 0)
        return FALSE;
      *out_ms = 0;
      return TRUE;
    }
  p++;
  while (*p != '\0' && !g_ascii_isspace (*p))
    {
      gint64 v, unit;
      const char *end;

      if (*p == 'T')
        {
          if (in_time)
            return FALSE;
          in_time = TRUE;
          p++;
          continue;
        }
      if (*p == '-')
        {
          /* MS Project's form: the minus inside, PT-8H0M0S */
          negative = !negative;
          p++;
        }
      end = parse_milli (p, &v);
      if (end == NULL)
        return FALSE;
      switch (*end)
        {
        case 'Y': if (in_time) return FALSE; unit = 365 * GANTRY_MS_DAY; break;
        case 'M': unit = in_time ? GANTRY_MS_MINUTE : 30 * GANTRY_MS_DAY; break;
        case 'W': if (in_time) return FALSE; unit = 7 * GANTRY_MS_DAY; break;
        case 'D': if (in_time) return FALSE; unit = GANTRY_MS_DAY; break;
        case 'H': if (!in_time) return FALSE; unit = GANTRY_MS_HOUR; break;
        case 'S': if (!in_time) return FALSE; unit = GANTRY_MS_SECOND; break;
        default: return FALSE;
        }
      /* v is in thousandths of the unit */
      if (v > G_MAXINT64 / unit)
        return FALSE;
      total += v * unit / 1000;
      if (total < 0 || total > G_GINT64_CONSTANT (1) << 55)
        return FALSE;
      any = TRUE;
      p = end + 1;
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0' || !any)
    return FALSE;
  *out_ms = negative ? -total : total;
  return TRUE;
}

char *
gantry_mspdi_format_duration (gint64 ms)
{
  gboolean negative = ms < 0;
  guint64 a = negative ? (guint64) -ms : (guint64) ms;
  guint64 hours = a / GANTRY_MS_HOUR;
  guint64 minutes = (a % GANTRY_MS_HOUR) / GANTRY_MS_MINUTE;
  guint64 msec = a % GANTRY_MS_MINUTE;
  const char *sign = negative ? "-" : "";

  if (msec % 1000 == 0)
    return g_strdup_printf ("PT%s%" G_GUINT64_FORMAT "H%" G_GUINT64_FORMAT "M%"
                            G_GUINT64_FORMAT "S", sign, hours, minutes, msec / 1000);
  else
    {
      char frac[8];
      int len;

      g_snprintf (frac, sizeof frac, "%03u", (guint) (msec % 1000));
      len = 3;
      while (len > 1 && frac[len - 1] == '0')
        frac[--len] = '\0';
      return g_strdup_printf ("PT%s%" G_GUINT64_FORMAT "H%" G_GUINT64_FORMAT "M%"
                              G_GUINT64_FORMAT ".%sS", sign, hours, minutes,
                              msec / 1000, frac);
    }
}

static gboolean
is_digits (const char **p,
           int          min,
           int          max)
{
  int n = 0;

  while (g_ascii_isdigit (**p) && n < max)
    {
      (*p)++;
      n++;
    }
  return n >= min;
}

static gboolean
valid_datetime (const char *p)
{
  if (*p == '-')
    p++;
  if (!is_digits (&p, 4, 9) || *p++ != '-' || !is_digits (&p, 2, 2) || *p++ != '-'
      || !is_digits (&p, 2, 2) || *p++ != 'T' || !is_digits (&p, 2, 2) || *p++ != ':'
      || !is_digits (&p, 2, 2) || *p++ != ':' || !is_digits (&p, 2, 2))
    return FALSE;
  if (*p == '.')
    {
      p++;
      if (!is_digits (&p, 1, 20))
        return FALSE;
    }
  if (*p == 'Z')
    p++;
  else if (*p == '+' || *p == '-')
    {
      p++;
      if (!is_digits (&p, 2, 2) || *p++ != ':' || !is_digits (&p, 2, 2))
        return FALSE;
    }
  return *p == '\0';
}

static gboolean
valid_time (const char *p)
{
  if (!is_digits (&p, 2, 2) || *p++ != ':' || !is_digits (&p, 2, 2) || *p++ != ':'
      || !is_digits (&p, 2, 2))
    return FALSE;
  if (*p == '.')
    {
      p++;
      if (!is_digits (&p, 1, 20))
        return FALSE;
    }
  return *p == '\0';
}

static gboolean
valid_number (const char *p,
              gboolean    integer,
              gboolean    exponent)
{
  gboolean digits = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    {
      p++;
      digits = TRUE;
    }
  if (!integer && *p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          p++;
          digits = TRUE;
        }
    }
  if (!digits)
    return FALSE;
  if (exponent && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!is_digits (&p, 1, 5))
        return FALSE;
    }
  return *p == '\0';
}

gboolean
gantry_mspdi_value_valid (const char *type,
                          const char *text)
{
  g_autofree char *t = NULL;
  gint64 ms;

  if (type == NULL || text == NULL)
    return TRUE;
  switch (type[0])
    {
    case 's':
    case 'c':
      return TRUE;
    case 'm':
      return g_utf8_validate (text, -1, NULL)
             && g_utf8_strlen (text, -1) <= atoi (type + 2);
    default:
      break;
    }
  if (text[0] != '\0' && (g_ascii_isspace (text[0]) || g_ascii_isspace (text[strlen (text) - 1])))
    text = t = g_strstrip (g_strdup (text));
  switch (type[0])
    {
    case 'i':
      return valid_number (text, TRUE, FALSE);
    case 'n':
      return valid_number (text, FALSE, TRUE) || g_str_equal (text, "INF") || g_str_equal (text, "-INF")
             || g_str_equal (text, "NaN");
    case 'b':
      return g_str_equal (text, "0") || g_str_equal (text, "1") || g_str_equal (text, "true")
             || g_str_equal (text, "false");
    case 'd':
      return valid_datetime (text);
    case 't':
      return valid_time (text);
    case 'u':
      return text[0] != '\0' && (text[0] == 'P' || text[0] == '-') && gantry_mspdi_parse_duration (text, &ms);
    case 'e':
      {
        const char *v = type + 2;
        gsize len = strlen (text);

        if (!valid_number (text, TRUE, FALSE))
          return FALSE;
        while (*v)
          {
            const char *comma = strchr (v, ',');
            gsize vl = comma ? (gsize) (comma - v) : strlen (v);

            if (vl == len && strncmp (v, text, len) == 0)
              return TRUE;
            if (!comma)
              break;
            v = comma + 1;
          }
        return FALSE;
      }
    default:
      return TRUE;
    }
}
