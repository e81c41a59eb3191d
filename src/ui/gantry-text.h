/* gantry-text.h — the text forms of the task table's compound columns
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK-free: predecessors ("3FS+2d;5SS") and resources ("Ana[50%];Bob").
 */
#pragma once

#include "gantry-core.h"

G_BEGIN_DECLS

#define GANTRY_TEXT_ERROR (gantry_text_error_quark ())
typedef enum
{
  GANTRY_TEXT_ERROR_SYNTAX,     /* cannot be read */
  GANTRY_TEXT_ERROR_NO_TASK,    /* names a task ID that does not exist */
  GANTRY_TEXT_ERROR_INVALID,    /* readable, but not allowed (self link, loop...) */
} GantryTextError;
GQuark gantry_text_error_quark (void);

typedef struct
{
  GantryTask          *predecessor;   /* borrowed */
  GantryLinkType       type;
  gint64               lag;
  GantryDurationFormat lag_format;
} GantryPredecessorSpec;

typedef struct
{
  char           *name;
  GantryResource *resource;           /* borrowed; NULL = a new resource */
  double          units;              /* fraction, 1.0 = 100 % */
} GantryResourceSpec;

void      gantry_resource_spec_free      (GantryResourceSpec *spec);

/* "3FS+2d;5SS;7": FS without lag is written as the ID alone. */
char     *gantry_text_format_predecessors (GantryTask *task);
/* TRUE when a link pred → succ would close a loop (succ already reaches
 * pred through links, summaries included). */
gboolean  gantry_text_link_would_loop     (GantryTask *pred,
                                           GantryTask *succ);
/* Parses for task; *out gets GantryPredecessorSpec* (transfer full, free
 * with g_free).  Refuses unknown IDs, the task itself, its ancestors and
 * descendants, duplicates and loops. */
gboolean  gantry_text_parse_predecessors  (GantryTask  *task,
                                           const char  *text,
                                           GPtrArray  **out,
                                           GError     **error);

/* "Ana[50%];Bob" (100 % is not written). */
char     *gantry_text_format_resources    (GantryTask *task);
/* *out gets GantryResourceSpec* (transfer full). */
gboolean  gantry_text_parse_resources     (GantryProject *project,
                                           const char    *text,
                                           GPtrArray    **out,
                                           GError       **error);

/* "50%" style for a fraction. */
char     *gantry_text_format_units        (double units);

/* Money as the project shows it: its currency symbol before or after
 * (MSPDI CurrencySymbolPosition 0 "$1", 1 "1$", 2 "$ 1", 3 "1 $"), its
 * currency digits, and the locale's digit grouping: "$1,250.00", "12 kr". */
char     *gantry_text_format_money        (GantryProject *project,
                                           double         amount);
/* Reads what a user types for money: the symbol may be there or not, the
 * locale's grouping too ("€1,250.50", "1.250,50 €", "1250.5"; with both '.'
 * and ',' the last one is the decimal point).  FALSE for anything else. */
gboolean  gantry_text_parse_money         (GantryProject *project,
                                           const char    *text,
                                           double        *amount);

G_END_DECLS
