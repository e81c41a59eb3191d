/* report-test-plan.h — plans built field by field for the report tests
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gantry-report.h"

G_BEGIN_DECLS

#define H(n)   ((gint64) (n) * GANTRY_MS_HOUR)
#define T(y, mo, d, h) gantry_time_make ((y), (mo), (d), (h), 0, 0)

/* Adds a task under parent (NULL = top level) with its dates, duration
 * and % complete; returns it (owned by the project). */
GantryTask    *rtp_add_task        (GantryProject *p, GantryTask *parent, int uid,
                                    const char *name, GantryTime start, GantryTime finish,
                                    GantryDuration duration, int percent);
GantryTask    *rtp_add_milestone   (GantryProject *p, GantryTask *parent, int uid,
                                    const char *name, GantryTime at, int percent);
/* Sets the computed fields the engine would write. */
void           rtp_set_computed    (GantryTask *t, gboolean critical, double cost,
                                    double actual_cost, GantryDuration actual_work);
void           rtp_set_baseline    (GantryTask *t, GantryTime start, GantryTime finish,
                                    GantryDuration work, double cost);

void           rtp_link            (GantryProject *p, int pred_uid, int succ_uid,
                                    GantryLinkType type);
/* The plan described in test-report-data.c (status date Wed 11 Mar 2026
 * 17:00, week starting Monday 9 Mar). */
GantryProject *rtp_status_plan     (void);
/* n leaf tasks under n/50 summaries, every one late; every second one
 * critical; every third one slipping.  Status date 1 Jun 2026. */
GantryProject *rtp_big_plan        (guint n);
/* Runs pdftotext on pdf; NULL (and a skip) when it is not installed. */
char          *rtp_pdf_to_text     (const char *pdf, gboolean layout);
/* Number of pages in pdftotext output (form feeds). */
guint          rtp_count_pages     (const char *text);
/* A path for name in the test's temporary output folder (made on first
 * use); rtp_remove_output deletes the folder at the end unless
 * GANTRY_KEEP_TEST_OUTPUT is set (to look at the pages). */
char          *rtp_tmp_path        (const char *name);
void           rtp_remove_output   (void);

G_END_DECLS
