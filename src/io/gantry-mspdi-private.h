/* gantry-mspdi-private.h — internals shared by the MSPDI reader and writer
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How unmodelled elements are kept (GantryExtras):
 *
 *  - Every child element of Project, Calendar, Task, PredecessorLink,
 *    Resource and Assignment that Gantry does not model is kept with its
 *    object: name, the element serialised verbatim, and in_schema (looked
 *    up in the XSD table of gantry-mspdi-schema.c).
 *  - An element outside the schema cannot be put back by schema order, so
 *    its serialised text starts with a marker comment naming the element it
 *    followed in the original file: "<!--gantry-after:Finish--><f404065>…".
 *    An empty anchor ("<!--gantry-after:-->") means it came first.
 *  - A few objects MS Project writes that are not Gantry objects are kept as
 *    extras under the name of their element, with in_schema TRUE:
 *      task extras "Assignment": the ResourceUID -65535 placeholder
 *        assignment of that task (written back inside <Assignments>);
 *      task extras "PredecessorLink": cross-project links;
 *      project extras "Resource": the resource UID 0 placeholder.
 *  - Percent lags (LagFormat 19, 20, 51, 52): LinkLag holds tenths of a
 *    percent (250 = 25 %), as it holds tenths of a minute for time lags.
 *    The model keeps percent × 1000, so LinkLag = model / 100.
 */
#pragma once

#include <libxml/tree.h>

#include "gantry-mspdi.h"

G_BEGIN_DECLS

typedef struct
{
  const char         *path;        /* "Project/Tasks/Task" */
  const char * const *children;    /* in schema order, NULL-terminated */
  const char * const *types;       /* value type of each child (see the .c) */
  guint               n_children;
} GantryMspdiSchemaNode;

extern const GantryMspdiSchemaNode gantry_mspdi_schema_nodes[];
extern const guint gantry_mspdi_schema_n_nodes;

#define GANTRY_MSPDI_NS "http://schemas.microsoft.com/project"
#define GANTRY_MSPDI_AFTER_PREFIX "<!--gantry-after:"

/* NULL when path is not a complex element of the schema. */
const GantryMspdiSchemaNode *gantry_mspdi_schema_lookup      (const char *path);
/* Position of child name in node's sequence, or -1 when not allowed. */
int                          gantry_mspdi_schema_child_index (const GantryMspdiSchemaNode *node,
                                                              const char *name);

/* Does text (white space around it allowed) fit the schema type code
 * (i, n, b, d, u, t, s, e:v,v..., m:N, c)?  Negative durations are
 * accepted in both forms (MS Project writes PT-8H0M0S). */
gboolean  gantry_mspdi_value_valid     (const char *type, const char *text);

/* PTnHnMnS and friends <-> ms.  Parses both negative forms (PT-8H0M0S and
 * -PT8H), days/years parts, fractional seconds and a plain "0". */
gboolean  gantry_mspdi_parse_duration  (const char *text, gint64 *out_ms);
/* "PT8H0M0S", "PT2H0M5.07S", "PT-8H0M0S" (MS Project's negative form). */
char     *gantry_mspdi_format_duration (gint64 ms);

G_END_DECLS
