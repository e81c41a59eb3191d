/* gantry-test-helper.h — shared helpers for the test programs
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gantry-core.h"

G_BEGIN_DECLS

/* A plan that uses every feature of the model: a three-level outline,
 * every link type with working, elapsed, percent and negative lags, all
 * eight constraints, a deadline, every task type, milestones, manual,
 * estimated and elapsed durations, progress with actuals, baselines 0 and
 * 5, unicode notes, work/material/cost resources with rates, a derived
 * resource calendar with a one-off exception, one of each recurrence and a
 * work week, a task calendar, assignments with units/work/delay, extras on
 * every object type (some outside the schema), project settings, the
 * status narrative and date.  Row numbers are 1..n, the history is empty
 * and the plan is not modified. */
GantryProject *gantry_test_build_full_plan          (void);

/* Deep equality of two plans: every readable property of every object
 * (found generically with g_object_class_list_properties; references to
 * other objects compared by UID), calendar definitions, baselines, extras,
 * the outline, links, assignments, document settings.  Fails the test with
 * a message naming the object and the property.
 *
 * Not compared: "modified", "can-undo", "can-redo" (history, not document).
 * The project-wide lists of links and assignments, a task's successors and
 * a resource's assignments are compared as sets (their order is not part
 * of the document: MSPDI stores links under each successor); every other
 * list is compared in order. */
void           gantry_test_assert_projects_equal     (GantryProject *a, GantryProject *b);

/* Like gantry_test_assert_projects_equal, and every list must also be in
 * the same order (what undo must restore). */
void           gantry_test_assert_projects_identical (GantryProject *a, GantryProject *b);

/* $GANTRY_CORPUS_DIR when that folder exists, else NULL (the caller then
 * calls g_test_skip saying why). */
const char    *gantry_test_get_corpus_dir           (void);
/* Full paths of the corpus's *.xml files, sorted; empty when there is no
 * corpus.  Free with g_ptr_array_unref. */
GPtrArray     *gantry_test_list_corpus_files        (void);

/* Adds three risks to a plan from gantry_test_build_full_plan (not part
 * of it: MSPDI has no place for risks) with every field set, owners
 * resources 1 and 2, and linked tasks incl. a UID not in the plan. */
void           gantry_test_add_risks                (GantryProject *p);

G_END_DECLS
