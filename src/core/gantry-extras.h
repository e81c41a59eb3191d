/* gantry-extras.h — MSPDI elements Gantry does not model, kept for export
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every model object carries a GantryExtras: an ordered list of
 * (element name, raw XML text of that element, in-schema flag).  The MSPDI
 * reader fills it with every child element it does not model, in original
 * order; the native store saves it verbatim; the writer puts each element
 * back in its schema position.  Core never interprets the contents.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GantryExtras GantryExtras;

typedef struct
{
  char     *name;       /* local element name, e.g. "Hyperlink" */
  char     *xml;        /* the element serialised, e.g. "<Hyperlink>x</Hyperlink>" */
  gboolean  in_schema;  /* FALSE for elements outside mspdi_pj15.xsd */
} GantryExtra;

GantryExtras      *gantry_extras_new       (void);
GantryExtras      *gantry_extras_copy      (const GantryExtras *extras);
void               gantry_extras_free      (GantryExtras *extras);
guint              gantry_extras_get_n     (const GantryExtras *extras);
const GantryExtra *gantry_extras_get       (const GantryExtras *extras, guint i);
/* The first extra with this name, or NULL. */
const GantryExtra *gantry_extras_lookup    (const GantryExtras *extras, const char *name);
void               gantry_extras_append    (GantryExtras *extras,
                                            const char   *name,
                                            const char   *xml,
                                            gboolean      in_schema);
void               gantry_extras_clear     (GantryExtras *extras);
gboolean           gantry_extras_equal     (const GantryExtras *a, const GantryExtras *b);
/* n items at once (strings copied); same result as n gantry_extras_append */
void               gantry_extras_append_many (GantryExtras      *extras,
                                              const GantryExtra *items,
                                              guint              n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GantryExtras, gantry_extras_free)

G_END_DECLS
