/* gantry-store.c — the native .gantry file (SQLite)
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A .gantry file is an SQLite database with PRAGMA application_id set to
 * GANTRY_APPLICATION_ID and PRAGMA user_version set to the schema version.
 * There is one table per model type; every table is listed once below as
 * an X-macro, so that the CREATE, INSERT and SELECT statements, the column
 * indexes and the schema check all come from the same list (at compile
 * time: no SQL text is ever assembled from data at run time).
 *
 * Saving writes a complete new database beside the target in one
 * transaction, fsyncs it, renames it over the target and fsyncs the
 * directory, so a crash leaves either the old or the new file.
 *
 * Opening treats the file as untrusted: the header is checked by hand
 * first (so that a truncated, foreign or non-SQLite file gets its own
 * message), then SQLite opens it read-only in defensive mode, the schema is
 * checked, and every value is bounded before it reaches the model.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gantry-store.h"
#include "gantry-store-risks.h"

G_DEFINE_QUARK (gantry-store-error-quark, gantry_store_error)

/* ---- schema ------------------------------------------------------------ */

/* Each table: F (first column, SQL type) then C (column, SQL type)... */

#define PROJECT_COLUMNS(F, C) \
  F (name,                     "TEXT") \
  C (title,                    "TEXT") \
  C (manager,                  "TEXT") \
  C (company,                  "TEXT") \
  C (author,                   "TEXT") \
  C (subject,                  "TEXT") \
  C (notes,                    "TEXT") \
  C (narrative,                "TEXT") \
  C (start,                    "INTEGER") \
  C (finish,                   "INTEGER") \
  C (status_date,              "INTEGER") \
  C (current_date_time,        "INTEGER") \
  C (schedule_from_start,      "INTEGER") \
  C (calendar_uid,             "INTEGER") \
  C (minutes_per_day,          "INTEGER") \
  C (minutes_per_week,         "INTEGER") \
  C (days_per_month,           "INTEGER") \
  C (default_start_time,       "INTEGER") \
  C (default_finish_time,      "INTEGER") \
  C (currency_symbol,          "TEXT") \
  C (currency_code,            "TEXT") \
  C (currency_digits,          "INTEGER") \
  C (currency_symbol_position, "INTEGER") \
  C (critical_slack_limit,     "INTEGER") \
  C (multiple_critical_paths,  "INTEGER") \
  C (honor_constraints,        "INTEGER") \
  C (default_task_type,        "INTEGER") \
  C (new_tasks_effort_driven,  "INTEGER") \
  C (new_tasks_manual,         "INTEGER") \
  C (duration_format,          "INTEGER") \
  C (work_format,              "INTEGER") \
  C (week_start_day,           "INTEGER")

#define CALENDAR_COLUMNS(F, C) \
  F (uid,                      "INTEGER PRIMARY KEY") \
  C (position,                 "INTEGER NOT NULL") \
  C (name,                     "TEXT") \
  C (base_uid,                 "INTEGER") \
  C (is_base,                  "INTEGER NOT NULL") \
  C (is_baseline,              "INTEGER NOT NULL")

#define EXCEPTION_COLUMNS(F, C) \
  F (calendar_uid,             "INTEGER NOT NULL") \
  C (position,                 "INTEGER NOT NULL") \
  C (name,                     "TEXT") \
  C (from_day,                 "INTEGER NOT NULL") \
  C (to_day,                   "INTEGER NOT NULL") \
  C (recurrence,               "INTEGER NOT NULL") \
  C (period,                   "INTEGER NOT NULL") \
  C (occurrences,              "INTEGER NOT NULL") \
  C (entered_by_occurrences,   "INTEGER NOT NULL") \
  C (days_of_week,             "INTEGER NOT NULL") \
  C (month_item,               "INTEGER NOT NULL") \
  C (month_position,           "INTEGER NOT NULL") \
  C (month,                    "INTEGER NOT NULL") \
  C (month_day,                "INTEGER NOT NULL")

#define WORK_WEEK_COLUMNS(F, C) \
  F (calendar_uid,             "INTEGER NOT NULL") \
  C (position,                 "INTEGER NOT NULL") \
  C (name,                     "TEXT") \
  C (from_day,                 "INTEGER NOT NULL") \
  C (to_day,                   "INTEGER NOT NULL")

/* owner: 0 the normal week, 1 an exception, 2 a work week */
#define DAY_COLUMNS(F, C) \
  F (calendar_uid,             "INTEGER NOT NULL") \
  C (owner,                    "INTEGER NOT NULL") \
  C (owner_index,              "INTEGER NOT NULL") \
  C (weekday,                  "INTEGER NOT NULL") \
  C (kind,                     "INTEGER NOT NULL")

#define RANGE_COLUMNS(F, C) \
  F (calendar_uid,             "INTEGER NOT NULL") \
  C (owner,                    "INTEGER NOT NULL") \
  C (owner_index,              "INTEGER NOT NULL") \
  C (weekday,                  "INTEGER NOT NULL") \
  C (position,                 "INTEGER NOT NULL") \
  C (from_minute,              "INTEGER NOT NULL") \
  C (to_minute,                "INTEGER NOT NULL")

#define RESOURCE_COLUMNS(F, C) \
  F (uid,                      "INTEGER PRIMARY KEY") \
  C (position,                 "INTEGER NOT NULL") \
  C (id,                       "INTEGER NOT NULL") \
  C (name,                     "TEXT") \
  C (initials,                 "TEXT") \
  C (group_name,               "TEXT") \
  C (email,                    "TEXT") \
  C (notes,                    "TEXT") \
  C (material_label,           "TEXT") \
  C (resource_type,            "INTEGER NOT NULL") \
  C (max_units,                "REAL NOT NULL") \
  C (standard_rate,            "REAL NOT NULL") \
  C (overtime_rate,            "REAL NOT NULL") \
  C (cost_per_use,             "REAL NOT NULL") \
  C (accrue_at,                "INTEGER NOT NULL") \
  C (calendar_uid,             "INTEGER") \
  C (generic,                  "INTEGER NOT NULL") \
  C (inactive,                 "INTEGER NOT NULL") \
  C (work,                     "INTEGER NOT NULL") \
  C (cost,                     "REAL NOT NULL") \
  C (overallocated,            "INTEGER NOT NULL") \
  C (peak_units,               "REAL NOT NULL")

#define TASK_COLUMNS(F, C) \
  F (uid,                      "INTEGER PRIMARY KEY") \
  C (parent_uid,               "INTEGER") \
  C (position,                 "INTEGER NOT NULL") \
  C (id,                       "INTEGER NOT NULL") \
  C (name,                     "TEXT") \
  C (notes,                    "TEXT") \
  C (wbs,                      "TEXT") \
  C (duration,                 "INTEGER NOT NULL") \
  C (duration_format,          "INTEGER NOT NULL") \
  C (start,                    "INTEGER") \
  C (finish,                   "INTEGER") \
  C (constraint_type,          "INTEGER NOT NULL") \
  C (constraint_date,          "INTEGER") \
  C (deadline,                 "INTEGER") \
  C (task_type,                "INTEGER NOT NULL") \
  C (effort_driven,            "INTEGER NOT NULL") \
  C (milestone,                "INTEGER NOT NULL") \
  C (manual,                   "INTEGER NOT NULL") \
  C (active,                   "INTEGER NOT NULL") \
  C (is_null,                  "INTEGER NOT NULL") \
  C (percent_complete,         "INTEGER NOT NULL") \
  C (percent_work_complete,    "INTEGER NOT NULL") \
  C (actual_start,             "INTEGER") \
  C (actual_finish,            "INTEGER") \
  C (actual_duration,          "INTEGER NOT NULL") \
  C (remaining_duration,       "INTEGER NOT NULL") \
  C (priority,                 "INTEGER NOT NULL") \
  C (calendar_uid,             "INTEGER") \
  C (ignore_resource_calendar, "INTEGER NOT NULL") \
  C (work,                     "INTEGER NOT NULL") \
  C (fixed_cost,               "REAL NOT NULL") \
  C (fixed_cost_accrual,       "INTEGER NOT NULL") \
  C (leveling_delay,           "INTEGER NOT NULL") \
  C (leveling_delay_format,    "INTEGER NOT NULL") \
  C (hide_bar,                 "INTEGER NOT NULL") \
  C (rollup,                   "INTEGER NOT NULL") \
  C (early_start,              "INTEGER") \
  C (early_finish,             "INTEGER") \
  C (late_start,               "INTEGER") \
  C (late_finish,              "INTEGER") \
  C (total_slack,              "INTEGER NOT NULL") \
  C (free_slack,               "INTEGER NOT NULL") \
  C (start_slack,              "INTEGER NOT NULL") \
  C (finish_slack,             "INTEGER NOT NULL") \
  C (critical,                 "INTEGER NOT NULL") \
  C (cost,                     "REAL NOT NULL") \
  C (actual_cost,              "REAL NOT NULL") \
  C (actual_work,              "INTEGER NOT NULL")

#define BASELINE_COLUMNS(F, C) \
  F (task_uid,                 "INTEGER NOT NULL") \
  C (number,                   "INTEGER NOT NULL") \
  C (interim,                  "INTEGER NOT NULL") \
  C (start,                    "INTEGER") \
  C (finish,                   "INTEGER") \
  C (duration,                 "INTEGER NOT NULL") \
  C (duration_format,          "INTEGER NOT NULL") \
  C (estimated,                "INTEGER NOT NULL") \
  C (work,                     "INTEGER NOT NULL") \
  C (cost,                     "REAL NOT NULL") \
  C (bcws,                     "REAL NOT NULL") \
  C (bcwp,                     "REAL NOT NULL") \
  C (fixed_cost,               "REAL NOT NULL")

#define LINK_COLUMNS(F, C) \
  F (position,                 "INTEGER PRIMARY KEY") \
  C (predecessor_uid,          "INTEGER NOT NULL") \
  C (successor_uid,            "INTEGER NOT NULL") \
  C (link_type,                "INTEGER NOT NULL") \
  C (lag,                      "INTEGER NOT NULL") \
  C (lag_format,               "INTEGER NOT NULL")

#define ASSIGNMENT_COLUMNS(F, C) \
  F (uid,                      "INTEGER PRIMARY KEY") \
  C (position,                 "INTEGER NOT NULL") \
  C (task_uid,                 "INTEGER NOT NULL") \
  C (resource_uid,             "INTEGER NOT NULL") \
  C (units,                    "REAL NOT NULL") \
  C (work,                     "INTEGER NOT NULL") \
  C (delay,                    "INTEGER NOT NULL") \
  C (actual_work,              "INTEGER NOT NULL") \
  C (overtime_work,            "INTEGER NOT NULL") \
  C (percent_work_complete,    "INTEGER NOT NULL") \
  C (work_contour,             "INTEGER NOT NULL") \
  C (cost_rate_table,          "INTEGER NOT NULL") \
  C (start,                    "INTEGER") \
  C (finish,                   "INTEGER") \
  C (cost,                     "REAL NOT NULL")

/* owner_kind: see ExtrasOwner.  Links are identified by their position. */
#define EXTRA_COLUMNS(F, C) \
  F (owner_kind,               "INTEGER NOT NULL") \
  C (owner_uid,                "INTEGER NOT NULL") \
  C (ordinal,                  "INTEGER NOT NULL") \
  C (name,                     "TEXT NOT NULL") \
  C (xml,                      "TEXT NOT NULL") \
  C (in_schema,                "INTEGER NOT NULL")

#define SETTING_COLUMNS(F, C) \
  F (key,                      "TEXT PRIMARY KEY") \
  C (value,                    "TEXT NOT NULL")

/* Helpers that turn a column list into SQL text or C symbols. */
#define SQL_DEF_FIRST(n, t)  #n " " t
#define SQL_DEF(n, t)        ", " #n " " t
#define SQL_NAME_FIRST(n, t) #n
#define SQL_NAME(n, t)       ", " #n
#define SQL_Q_FIRST(n, t)    "?"
#define SQL_Q(n, t)          ", ?"
#define COL_STRING(n, t)     #n,

#define SQL_CREATE(table, COLS, extra) \
  "CREATE TABLE " table " (" COLS (SQL_DEF_FIRST, SQL_DEF) extra ")"
#define SQL_INSERT(table, COLS) \
  "INSERT INTO " table " (" COLS (SQL_NAME_FIRST, SQL_NAME) ") VALUES (" \
  COLS (SQL_Q_FIRST, SQL_Q) ")"
/* Multi-row inserts: one statement execution per BATCH_ROWS rows saves
 * most of SQLite's per-statement cost on big plans. */
#define BATCH_ROWS 16
#define SQL_ROW(COLS)    "(" COLS (SQL_Q_FIRST, SQL_Q) ")"
#define SQL_ROWS4(COLS)  SQL_ROW (COLS) "," SQL_ROW (COLS) "," SQL_ROW (COLS) "," SQL_ROW (COLS)
#define SQL_ROWS16(COLS) SQL_ROWS4 (COLS) "," SQL_ROWS4 (COLS) "," SQL_ROWS4 (COLS) "," \
                         SQL_ROWS4 (COLS)
#define SQL_INSERT_BATCH(table, COLS) \
  "INSERT INTO " table " (" COLS (SQL_NAME_FIRST, SQL_NAME) ") VALUES " SQL_ROWS16 (COLS)
#define SQL_SELECT(table, COLS) \
  "SELECT " COLS (SQL_NAME_FIRST, SQL_NAME) " FROM " table

#define ENUM_P(n, t) P_##n,
#define ENUM_CAL(n, t) CAL_##n,
#define ENUM_EX(n, t) EX_##n,
#define ENUM_WW(n, t) WW_##n,
#define ENUM_DAY(n, t) DAY_##n,
#define ENUM_RG(n, t) RG_##n,
#define ENUM_R(n, t) R_##n,
#define ENUM_T(n, t) T_##n,
#define ENUM_B(n, t) B_##n,
#define ENUM_L(n, t) L_##n,
#define ENUM_A(n, t) A_##n,
#define ENUM_X(n, t) X_##n,
#define ENUM_S(n, t) S_##n,

enum { PROJECT_COLUMNS (ENUM_P, ENUM_P) P_N_COLUMNS };
enum { CALENDAR_COLUMNS (ENUM_CAL, ENUM_CAL) CAL_N_COLUMNS };
enum { EXCEPTION_COLUMNS (ENUM_EX, ENUM_EX) EX_N_COLUMNS };
enum { WORK_WEEK_COLUMNS (ENUM_WW, ENUM_WW) WW_N_COLUMNS };
enum { DAY_COLUMNS (ENUM_DAY, ENUM_DAY) DAY_N_COLUMNS };
enum { RANGE_COLUMNS (ENUM_RG, ENUM_RG) RG_N_COLUMNS };
enum { RESOURCE_COLUMNS (ENUM_R, ENUM_R) R_N_COLUMNS };
enum { TASK_COLUMNS (ENUM_T, ENUM_T) T_N_COLUMNS };
enum { BASELINE_COLUMNS (ENUM_B, ENUM_B) B_N_COLUMNS };
enum { LINK_COLUMNS (ENUM_L, ENUM_L) L_N_COLUMNS };
enum { ASSIGNMENT_COLUMNS (ENUM_A, ENUM_A) A_N_COLUMNS };
enum { EXTRA_COLUMNS (ENUM_X, ENUM_X) X_N_COLUMNS };
enum { SETTING_COLUMNS (ENUM_S, ENUM_S) S_N_COLUMNS };

static const char * const project_columns[] = { PROJECT_COLUMNS (COL_STRING, COL_STRING) NULL };
static const char * const calendar_columns[] = { CALENDAR_COLUMNS (COL_STRING, COL_STRING) NULL };
static const char * const exception_columns[] = { EXCEPTION_COLUMNS (COL_STRING, COL_STRING) NULL };
static const char * const work_week_columns[] = { WORK_WEEK_COLUMNS (COL_STRING, COL_STRING) NULL };
static const char * const day_columns[] = { DAY_COLUMNS (COL_STRING, COL_STRING) NULL };
static const char * const range_columns[] = { RANGE_COLUMNS (COL_STRING, COL_STRING) NULL };
static const char * const resource_columns[] = { RESOURCE_COLUMNS (COL_STRING, COL_STRING) NULL };
static const char * const task_columns[] = { TASK_COLUMNS (COL_STRING, COL_STRING) NULL };
static const char * const baseline_columns[] = { BASELINE_COLUMNS (COL_STRING, COL_STRING) NULL };
static const char * const link_columns[] = { LINK_COLUMNS (COL_STRING, COL_STRING) NULL };
static const char * const assignment_columns[] = { ASSIGNMENT_COLUMNS (COL_STRING, COL_STRING) NULL };
static const char * const extra_columns[] = { EXTRA_COLUMNS (COL_STRING, COL_STRING) NULL };
static const char * const setting_columns[] = { SETTING_COLUMNS (COL_STRING, COL_STRING) NULL };

static const char schema_v1[] =
  SQL_CREATE ("project", PROJECT_COLUMNS, "") ";"
  SQL_CREATE ("calendars", CALENDAR_COLUMNS, "") ";"
  SQL_CREATE ("calendar_exceptions", EXCEPTION_COLUMNS,
              ", PRIMARY KEY (calendar_uid, position)") " WITHOUT ROWID;"
  SQL_CREATE ("calendar_work_weeks", WORK_WEEK_COLUMNS,
              ", PRIMARY KEY (calendar_uid, position)") " WITHOUT ROWID;"
  SQL_CREATE ("calendar_days", DAY_COLUMNS,
              ", PRIMARY KEY (calendar_uid, owner, owner_index, weekday)") " WITHOUT ROWID;"
  SQL_CREATE ("calendar_ranges", RANGE_COLUMNS,
              ", PRIMARY KEY (calendar_uid, owner, owner_index, weekday, position)")
  " WITHOUT ROWID;"
  SQL_CREATE ("resources", RESOURCE_COLUMNS, "") ";"
  SQL_CREATE ("tasks", TASK_COLUMNS, "") ";"
  SQL_CREATE ("baselines", BASELINE_COLUMNS,
              ", PRIMARY KEY (task_uid, number)") " WITHOUT ROWID;"
  SQL_CREATE ("links", LINK_COLUMNS, "") ";"
  SQL_CREATE ("assignments", ASSIGNMENT_COLUMNS, "") ";"
  SQL_CREATE ("extras", EXTRA_COLUMNS,
              ", PRIMARY KEY (owner_kind, owner_uid, ordinal)") " WITHOUT ROWID;"
  SQL_CREATE ("settings", SETTING_COLUMNS, "") ";";

typedef struct
{
  const char         *name;
  const char * const *columns;
} TableInfo;

/* Every table a current file must have, with its columns. */
static const TableInfo tables[] = {
  { "project", project_columns },
  { "calendars", calendar_columns },
  { "calendar_exceptions", exception_columns },
  { "calendar_work_weeks", work_week_columns },
  { "calendar_days", day_columns },
  { "calendar_ranges", range_columns },
  { "resources", resource_columns },
  { "tasks", task_columns },
  { "baselines", baseline_columns },
  { "links", link_columns },
  { "assignments", assignment_columns },
  { "extras", extra_columns },
  { "settings", setting_columns },
};

typedef enum
{
  OWNER_PROJECT    = 0,
  OWNER_TASK       = 1,   /* including the root task, uid 0 */
  OWNER_RESOURCE   = 2,
  OWNER_ASSIGNMENT = 3,
  OWNER_CALENDAR   = 4,
  OWNER_LINK       = 5,   /* owner_uid = the link's position */
} ExtrasOwner;

typedef enum
{
  DAY_OWNER_WEEK      = 0,
  DAY_OWNER_EXCEPTION = 1,
  DAY_OWNER_WORK_WEEK = 2,
} DayOwner;

/* How each project column maps to a GObject property. */
typedef enum
{
  FIELD_TEXT,
  FIELD_TIME,
  FIELD_BOOL,
  FIELD_INT,
  FIELD_FORMAT,
  FIELD_CALENDAR,
} FieldKind;

typedef struct
{
  const char *property;
  FieldKind   kind;
  gint64      min;
  gint64      max;
} ProjectField;

static const ProjectField project_fields[P_N_COLUMNS] = {
  [P_name] = { "name", FIELD_TEXT, 0, 0 },
  [P_title] = { "title", FIELD_TEXT, 0, 0 },
  [P_manager] = { "manager", FIELD_TEXT, 0, 0 },
  [P_company] = { "company", FIELD_TEXT, 0, 0 },
  [P_author] = { "author", FIELD_TEXT, 0, 0 },
  [P_subject] = { "subject", FIELD_TEXT, 0, 0 },
  [P_notes] = { "notes", FIELD_TEXT, 0, 0 },
  [P_narrative] = { "narrative", FIELD_TEXT, 0, 0 },
  [P_start] = { "start", FIELD_TIME, 0, 0 },
  [P_finish] = { "finish", FIELD_TIME, 0, 0 },
  [P_status_date] = { "status-date", FIELD_TIME, 0, 0 },
  [P_current_date_time] = { "current-date", FIELD_TIME, 0, 0 },
  [P_schedule_from_start] = { "schedule-from-start", FIELD_BOOL, 0, 1 },
  [P_calendar_uid] = { "calendar", FIELD_CALENDAR, 0, 0 },
  [P_minutes_per_day] = { "minutes-per-day", FIELD_INT, 1, 1440 },
  [P_minutes_per_week] = { "minutes-per-week", FIELD_INT, 1, 10080 },
  [P_days_per_month] = { "days-per-month", FIELD_INT, 1, 31 },
  [P_default_start_time] = { "default-start-time", FIELD_INT, 0, 1440 },
  [P_default_finish_time] = { "default-finish-time", FIELD_INT, 0, 1440 },
  [P_currency_symbol] = { "currency-symbol", FIELD_TEXT, 0, 0 },
  [P_currency_code] = { "currency-code", FIELD_TEXT, 0, 0 },
  [P_currency_digits] = { "currency-digits", FIELD_INT, 0, 10 },
  [P_currency_symbol_position] = { "currency-symbol-position", FIELD_INT, 0, 3 },
  [P_critical_slack_limit] = { "critical-slack-limit", FIELD_INT, -1000000, 1000000 },
  [P_multiple_critical_paths] = { "multiple-critical-paths", FIELD_BOOL, 0, 1 },
  [P_honor_constraints] = { "honor-constraints", FIELD_BOOL, 0, 1 },
  [P_default_task_type] = { "default-task-type", FIELD_INT, 0, 2 },
  [P_new_tasks_effort_driven] = { "new-tasks-effort-driven", FIELD_BOOL, 0, 1 },
  [P_new_tasks_manual] = { "new-tasks-manual", FIELD_BOOL, 0, 1 },
  [P_duration_format] = { "duration-format", FIELD_FORMAT, 0, 0 },
  [P_work_format] = { "work-format", FIELD_INT, 1, 5 },
  [P_week_start_day] = { "week-start-day", FIELD_INT, 0, 6 },
};

/* Value bounds.  Durations and slack span at most the whole calendar;
 * work may be many times that (many units over a long task). */
#define DURATION_MAX (GANTRY_TIME_MAX - GANTRY_TIME_MIN)
#define WORK_MAX     ((gint64) 100000000000000000LL)   /* 1e17 ms */
#define MONEY_MAX    1e15
#define UNITS_MAX    1e9
#define DAY_MIN      (GANTRY_TIME_MIN / GANTRY_MS_DAY)
#define DAY_MAX      (GANTRY_TIME_MAX / GANTRY_MS_DAY)

/* ---- migrations ---------------------------------------------------------
 *
 * Each step upgrades a database from user_version from_version to the next.  Files
 * are never modified when opened: an older file is first copied into an
 * in-memory database, and the steps run there.  Version 1 is the first
 * format, so there are no steps yet; version 2 adds { 1, "ALTER ..." }.
 */
typedef struct
{
  int         from_version;
  const char *sql;
} Migration;

static const Migration migrations[] = {
  { 0, NULL },
};

/* ---- small helpers ----------------------------------------------------- */

static char *
display_name (const char *path)
{
  return g_filename_display_basename (path);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* ---- saving ------------------------------------------------------------ */

typedef struct
{
  sqlite3      *db;
  const char   *display;
  GError      **error;
  sqlite3_stmt *calendar, *exception, *work_week, *day, *range;
  sqlite3_stmt *resource, *task, *baseline, *link, *assignment, *extra, *setting;
  sqlite3_stmt *task_batch, *link_batch, *assignment_batch;
} Saver;

/* Rows 0 .. n_full - 1 go through the batch statement, BATCH_ROWS at a
 * time; the last n % BATCH_ROWS rows through the single-row one. */
typedef struct
{
  sqlite3_stmt *one;
  sqlite3_stmt *many;
  int           n_columns;
  guint         n_full;
} Batch;

static void
batch_init (Batch *b, sqlite3_stmt *one, sqlite3_stmt *many, int n_columns, guint n_rows)
{
  b->one = one;
  b->many = many;
  b->n_columns = n_columns;
  b->n_full = n_rows - n_rows % BATCH_ROWS;
}

/* The statement row i binds into, and the column offset of that row. */
static sqlite3_stmt *
batch_row (Batch *b, guint i, int *base)
{
  if (i < b->n_full)
    {
      *base = (int) (i % BATCH_ROWS) * b->n_columns;
      return b->many;
    }
  *base = 0;
  return b->one;
}

static gboolean
saver_fail_sqlite (Saver *s, const char *what)
{
  if (s->error != NULL && *s->error != NULL)
    return FALSE;
  g_set_error (s->error, GANTRY_STORE_ERROR, GANTRY_STORE_ERROR_IO,
               /* Translators: first %s is a file name, second an error from SQLite */
               _("Could not save “%s”: %s"), s->display,
               s->db != NULL ? sqlite3_errmsg (s->db) : what);
  return FALSE;
}

static gboolean
saver_exec (Saver *s, const char *sql)
{
  if (sqlite3_exec (s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return saver_fail_sqlite (s, sql);
  return TRUE;
}

static gboolean
saver_prepare (Saver *s, const char *sql, sqlite3_stmt **stmt)
{
  if (sqlite3_prepare_v2 (s->db, sql, -1, stmt, NULL) != SQLITE_OK)
    return saver_fail_sqlite (s, sql);
  return TRUE;
}

static gboolean
saver_step (Saver *s, sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return saver_fail_sqlite (s, "step");
  return TRUE;
}

/* Inserts row i once it is bound (a batch when its last row is). */
static gboolean
batch_row_done (Saver *s, Batch *b, guint i)
{
  if (i < b->n_full)
    return i % BATCH_ROWS == BATCH_ROWS - 1 ? saver_step (s, b->many) : TRUE;
  return saver_step (s, b->one);
}

static inline void
bind_int (sqlite3_stmt *stmt, int col, gint64 value)
{
  sqlite3_bind_int64 (stmt, col + 1, value);
}

static inline void
bind_double (sqlite3_stmt *stmt, int col, double value)
{
  sqlite3_bind_double (stmt, col + 1, value);
}

static inline void
bind_time (sqlite3_stmt *stmt, int col, GantryTime t)
{
  if (t == GANTRY_TIME_NONE)
    sqlite3_bind_null (stmt, col + 1);
  else
    sqlite3_bind_int64 (stmt, col + 1, t);
}

/* The string must stay alive until the statement has been stepped. */
static inline void
bind_text (sqlite3_stmt *stmt, int col, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, col + 1);
  else
    sqlite3_bind_text (stmt, col + 1, text, -1, SQLITE_STATIC);
}

static inline void
bind_calendar (sqlite3_stmt *stmt, int col, GantryCalendar *cal)
{
  if (cal == NULL)
    sqlite3_bind_null (stmt, col + 1);
  else
    sqlite3_bind_int64 (stmt, col + 1, gantry_calendar_get_uid (cal));
}

static gboolean
save_extras (Saver *s, ExtrasOwner kind, gint64 uid, const GantryExtras *extras)
{
  guint n = extras != NULL ? gantry_extras_get_n (extras) : 0;

  for (guint i = 0; i < n; i++)
    {
      const GantryExtra *e = gantry_extras_get (extras, i);

      bind_int (s->extra, X_owner_kind, kind);
      bind_int (s->extra, X_owner_uid, uid);
      bind_int (s->extra, X_ordinal, i);
      bind_text (s->extra, X_name, e->name != NULL ? e->name : "");
      bind_text (s->extra, X_xml, e->xml != NULL ? e->xml : "");
      bind_int (s->extra, X_in_schema, e->in_schema ? 1 : 0);
      if (!saver_step (s, s->extra))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_project_row (Saver *s, GantryProject *project)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (!saver_prepare (s, SQL_INSERT ("project", PROJECT_COLUMNS), &stmt))
    return FALSE;

  for (int i = 0; i < P_N_COLUMNS; i++)
    {
      const ProjectField *f = &project_fields[i];

      switch (f->kind)
        {
        case FIELD_TEXT:
          {
            char *text = NULL;

            g_object_get (project, f->property, &text, NULL);
            g_ptr_array_add (strings, text);
            bind_text (stmt, i, text);
          }
          break;
        case FIELD_TIME:
          {
            gint64 t = GANTRY_TIME_NONE;

            g_object_get (project, f->property, &t, NULL);
            bind_time (stmt, i, t);
          }
          break;
        case FIELD_BOOL:
          {
            gboolean b = FALSE;

            g_object_get (project, f->property, &b, NULL);
            bind_int (stmt, i, b ? 1 : 0);
          }
          break;
        case FIELD_INT:
        case FIELD_FORMAT:
          {
            int v = 0;

            g_object_get (project, f->property, &v, NULL);
            bind_int (stmt, i, v);
          }
          break;
        case FIELD_CALENDAR:
          bind_calendar (stmt, i, gantry_project_get_calendar (project));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  ok = saver_step (s, stmt);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
save_day (Saver *s, int cal_uid, DayOwner owner, int owner_index, int weekday,
          const GantryDayDef *def)
{
  bind_int (s->day, DAY_calendar_uid, cal_uid);
  bind_int (s->day, DAY_owner, owner);
  bind_int (s->day, DAY_owner_index, owner_index);
  bind_int (s->day, DAY_weekday, weekday);
  bind_int (s->day, DAY_kind, def->kind);
  if (!saver_step (s, s->day))
    return FALSE;

  for (int i = 0; i < def->n_ranges && i < GANTRY_CALENDAR_MAX_RANGES; i++)
    {
      bind_int (s->range, RG_calendar_uid, cal_uid);
      bind_int (s->range, RG_owner, owner);
      bind_int (s->range, RG_owner_index, owner_index);
      bind_int (s->range, RG_weekday, weekday);
      bind_int (s->range, RG_position, i);
      bind_int (s->range, RG_from_minute, def->ranges[i].from);
      bind_int (s->range, RG_to_minute, def->ranges[i].to);
      if (!saver_step (s, s->range))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_calendar (Saver *s, gpointer item, guint position)
{
  GantryCalendar *cal = item;
  int uid = gantry_calendar_get_uid (cal);
  guint n;

  bind_int (s->calendar, CAL_uid, uid);
  bind_int (s->calendar, CAL_position, position);
  bind_text (s->calendar, CAL_name, gantry_calendar_get_name (cal));
  bind_calendar (s->calendar, CAL_base_uid, gantry_calendar_get_base (cal));
  bind_int (s->calendar, CAL_is_base, gantry_calendar_get_is_base_calendar (cal) ? 1 : 0);
  bind_int (s->calendar, CAL_is_baseline,
            gantry_calendar_get_is_baseline_calendar (cal) ? 1 : 0);
  if (!saver_step (s, s->calendar))
    return FALSE;

  for (int wd = 0; wd < 7; wd++)
    if (!save_day (s, uid, DAY_OWNER_WEEK, 0, wd, gantry_calendar_get_weekday (cal, wd)))
      return FALSE;

  n = gantry_calendar_get_n_exceptions (cal);
  for (guint i = 0; i < n; i++)
    {
      const GantryCalendarException *ex = gantry_calendar_get_exception (cal, i);
      sqlite3_stmt *st = s->exception;

      bind_int (st, EX_calendar_uid, uid);
      bind_int (st, EX_position, i);
      bind_text (st, EX_name, ex->name);
      bind_int (st, EX_from_day, ex->from_day);
      bind_int (st, EX_to_day, ex->to_day);
      bind_int (st, EX_recurrence, ex->recurrence);
      bind_int (st, EX_period, ex->period);
      bind_int (st, EX_occurrences, ex->occurrences);
      bind_int (st, EX_entered_by_occurrences, ex->entered_by_occurrences ? 1 : 0);
      bind_int (st, EX_days_of_week, ex->days_of_week);
      bind_int (st, EX_month_item, ex->month_item);
      bind_int (st, EX_month_position, ex->month_position);
      bind_int (st, EX_month, ex->month);
      bind_int (st, EX_month_day, ex->month_day);
      if (!saver_step (s, st))
        return FALSE;
      if (!save_day (s, uid, DAY_OWNER_EXCEPTION, i, 0, &ex->day))
        return FALSE;
    }

  n = gantry_calendar_get_n_work_weeks (cal);
  for (guint i = 0; i < n; i++)
    {
      const GantryWorkWeek *ww = gantry_calendar_get_work_week (cal, i);

      bind_int (s->work_week, WW_calendar_uid, uid);
      bind_int (s->work_week, WW_position, i);
      bind_text (s->work_week, WW_name, ww->name);
      bind_int (s->work_week, WW_from_day, ww->from_day);
      bind_int (s->work_week, WW_to_day, ww->to_day);
      if (!saver_step (s, s->work_week))
        return FALSE;
      for (int wd = 0; wd < 7; wd++)
        if (!save_day (s, uid, DAY_OWNER_WORK_WEEK, i, wd, &ww->days[wd]))
          return FALSE;
    }

  return save_extras (s, OWNER_CALENDAR, uid, gantry_calendar_get_extras (cal));
}

static gboolean
save_resource (Saver *s, gpointer item, guint position)
{
  GantryResource *r = item;
  sqlite3_stmt *st = s->resource;
  int uid = gantry_resource_get_uid (r);

  bind_int (st, R_uid, uid);
  bind_int (st, R_position, position);
  bind_int (st, R_id, gantry_resource_get_id (r));
  bind_text (st, R_name, gantry_resource_get_name (r));
  bind_text (st, R_initials, gantry_resource_get_initials (r));
  bind_text (st, R_group_name, gantry_resource_get_group (r));
  bind_text (st, R_email, gantry_resource_get_email (r));
  bind_text (st, R_notes, gantry_resource_get_notes (r));
  bind_text (st, R_material_label, gantry_resource_get_material_label (r));
  bind_int (st, R_resource_type, gantry_resource_get_resource_type (r));
  bind_double (st, R_max_units, gantry_resource_get_max_units (r));
  bind_double (st, R_standard_rate, gantry_resource_get_standard_rate (r));
  bind_double (st, R_overtime_rate, gantry_resource_get_overtime_rate (r));
  bind_double (st, R_cost_per_use, gantry_resource_get_cost_per_use (r));
  bind_int (st, R_accrue_at, gantry_resource_get_accrue_at (r));
  bind_calendar (st, R_calendar_uid, gantry_resource_get_calendar (r));
  bind_int (st, R_generic, gantry_resource_get_generic (r) ? 1 : 0);
  bind_int (st, R_inactive, gantry_resource_get_inactive (r) ? 1 : 0);
  bind_int (st, R_work, gantry_resource_get_work (r));
  bind_double (st, R_cost, gantry_resource_get_cost (r));
  bind_int (st, R_overallocated, gantry_resource_get_overallocated (r) ? 1 : 0);
  bind_double (st, R_peak_units, gantry_resource_get_peak_units (r));
  if (!saver_step (s, st))
    return FALSE;

  return save_extras (s, OWNER_RESOURCE, uid, gantry_resource_get_extras (r));
}

static gboolean
save_task (Saver *s, Batch *batch, guint row, GantryTask *t, GantryTask *parent, int position)
{
  int b;
  sqlite3_stmt *st = batch_row (batch, row, &b);
  int uid = gantry_task_get_uid (t);

  bind_int (st, b + T_uid, uid);
  if (parent != NULL)
    bind_int (st, b + T_parent_uid, gantry_task_get_uid (parent));
  else
    sqlite3_bind_null (st, b + T_parent_uid + 1);
  bind_int (st, b + T_position, position);
  bind_int (st, b + T_id, gantry_task_get_id (t));
  bind_text (st, b + T_name, gantry_task_get_name (t));
  bind_text (st, b + T_notes, gantry_task_get_notes (t));
  bind_text (st, b + T_wbs, gantry_task_get_wbs (t));
  bind_int (st, b + T_duration, gantry_task_get_duration (t));
  bind_int (st, b + T_duration_format, gantry_task_get_duration_format (t));
  bind_time (st, b + T_start, gantry_task_get_start (t));
  bind_time (st, b + T_finish, gantry_task_get_finish (t));
  bind_int (st, b + T_constraint_type, gantry_task_get_constraint_type (t));
  bind_time (st, b + T_constraint_date, gantry_task_get_constraint_date (t));
  bind_time (st, b + T_deadline, gantry_task_get_deadline (t));
  bind_int (st, b + T_task_type, gantry_task_get_task_type (t));
  bind_int (st, b + T_effort_driven, gantry_task_get_effort_driven (t) ? 1 : 0);
  bind_int (st, b + T_milestone, gantry_task_get_milestone (t) ? 1 : 0);
  bind_int (st, b + T_manual, gantry_task_get_manual (t) ? 1 : 0);
  bind_int (st, b + T_active, gantry_task_get_active (t) ? 1 : 0);
  bind_int (st, b + T_is_null, gantry_task_get_is_null (t) ? 1 : 0);
  bind_int (st, b + T_percent_complete, gantry_task_get_percent_complete (t));
  bind_int (st, b + T_percent_work_complete, gantry_task_get_percent_work_complete (t));
  bind_time (st, b + T_actual_start, gantry_task_get_actual_start (t));
  bind_time (st, b + T_actual_finish, gantry_task_get_actual_finish (t));
  bind_int (st, b + T_actual_duration, gantry_task_get_actual_duration (t));
  bind_int (st, b + T_remaining_duration, gantry_task_get_remaining_duration (t));
  bind_int (st, b + T_priority, gantry_task_get_priority (t));
  bind_calendar (st, b + T_calendar_uid, gantry_task_get_calendar (t));
  bind_int (st, b + T_ignore_resource_calendar,
            gantry_task_get_ignore_resource_calendar (t) ? 1 : 0);
  bind_int (st, b + T_work, gantry_task_get_work (t));
  bind_double (st, b + T_fixed_cost, gantry_task_get_fixed_cost (t));
  bind_int (st, b + T_fixed_cost_accrual, gantry_task_get_fixed_cost_accrual (t));
  bind_int (st, b + T_leveling_delay, gantry_task_get_leveling_delay (t));
  bind_int (st, b + T_leveling_delay_format, gantry_task_get_leveling_delay_format (t));
  bind_int (st, b + T_hide_bar, gantry_task_get_hide_bar (t) ? 1 : 0);
  bind_int (st, b + T_rollup, gantry_task_get_rollup (t) ? 1 : 0);
  bind_time (st, b + T_early_start, gantry_task_get_early_start (t));
  bind_time (st, b + T_early_finish, gantry_task_get_early_finish (t));
  bind_time (st, b + T_late_start, gantry_task_get_late_start (t));
  bind_time (st, b + T_late_finish, gantry_task_get_late_finish (t));
  bind_int (st, b + T_total_slack, gantry_task_get_total_slack (t));
  bind_int (st, b + T_free_slack, gantry_task_get_free_slack (t));
  bind_int (st, b + T_start_slack, gantry_task_get_start_slack (t));
  bind_int (st, b + T_finish_slack, gantry_task_get_finish_slack (t));
  bind_int (st, b + T_critical, gantry_task_get_critical (t) ? 1 : 0);
  bind_double (st, b + T_cost, gantry_task_get_cost (t));
  bind_double (st, b + T_actual_cost, gantry_task_get_actual_cost (t));
  bind_int (st, b + T_actual_work, gantry_task_get_actual_work (t));
  if (!batch_row_done (s, batch, row))
    return FALSE;

  for (guint n = 0; n < GANTRY_N_BASELINES; n++)
    {
      const GantryBaseline *bl = gantry_task_get_baseline (t, n);
      sqlite3_stmt *bs = s->baseline;

      if (bl == NULL || !bl->set)
        continue;
      bind_int (bs, B_task_uid, uid);
      bind_int (bs, B_number, n);
      bind_int (bs, B_interim, bl->interim ? 1 : 0);
      bind_time (bs, B_start, bl->start);
      bind_time (bs, B_finish, bl->finish);
      bind_int (bs, B_duration, bl->duration);
      bind_int (bs, B_duration_format, bl->duration_format);
      bind_int (bs, B_estimated, bl->estimated ? 1 : 0);
      bind_int (bs, B_work, bl->work);
      bind_double (bs, B_cost, bl->cost);
      bind_double (bs, B_bcws, bl->bcws);
      bind_double (bs, B_bcwp, bl->bcwp);
      bind_double (bs, B_fixed_cost, bl->fixed_cost);
      if (!saver_step (s, bs))
        return FALSE;
    }

  return save_extras (s, OWNER_TASK, uid, gantry_task_get_extras (t));
}

typedef struct
{
  GantryTask *task;
  GantryTask *parent;
  int         position;
} TaskPlace;

typedef struct
{
  GantryTask *task;
  guint       next_child;
} TaskFrame;

/* The root and every task below it, parents first (pre-order), without
 * recursion so that any outline depth is fine. */
static gboolean
save_tasks (Saver *s, GantryProject *project)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (TaskFrame));
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (TaskPlace),
                                               gantry_project_get_n_tasks (project) + 1);
  TaskFrame root = { gantry_project_get_root_task (project), 0 };
  TaskPlace place = { root.task, NULL, 0 };
  Batch batch;

  g_array_append_val (order, place);
  g_array_append_val (stack, root);
  while (stack->len > 0)
    {
      TaskFrame *top = &g_array_index (stack, TaskFrame, stack->len - 1);
      GantryTask *parent = top->task;
      GantryTask *child;
      TaskFrame frame;
      guint i;

      if (top->next_child >= gantry_task_get_n_children (parent))
        {
          g_array_set_size (stack, stack->len - 1);
          continue;
        }
      i = top->next_child++;
      child = gantry_task_get_child (parent, i);
      place.task = child;
      place.parent = parent;
      place.position = (int) i;
      g_array_append_val (order, place);
      if (gantry_task_get_n_children (child) > 0)
        {
          frame.task = child;
          frame.next_child = 0;
          g_array_append_val (stack, frame);
        }
    }

  batch_init (&batch, s->task, s->task_batch, T_N_COLUMNS, order->len);
  for (guint i = 0; i < order->len; i++)
    {
      TaskPlace *p = &g_array_index (order, TaskPlace, i);

      if (!save_task (s, &batch, i, p->task, p->parent, p->position))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_link (Saver *s, Batch *batch, gpointer item, guint position)
{
  GantryLink *l = item;
  int b;
  sqlite3_stmt *st = batch_row (batch, position, &b);

  bind_int (st, b + L_position, position);
  bind_int (st, b + L_predecessor_uid, gantry_task_get_uid (gantry_link_get_predecessor (l)));
  bind_int (st, b + L_successor_uid, gantry_task_get_uid (gantry_link_get_successor (l)));
  bind_int (st, b + L_link_type, gantry_link_get_link_type (l));
  bind_int (st, b + L_lag, gantry_link_get_lag (l));
  bind_int (st, b + L_lag_format, gantry_link_get_lag_format (l));
  if (!batch_row_done (s, batch, position))
    return FALSE;
  return save_extras (s, OWNER_LINK, position, gantry_link_get_extras (l));
}

static gboolean
save_assignment (Saver *s, Batch *batch, gpointer item, guint position)
{
  GantryAssignment *a = item;
  int b;
  sqlite3_stmt *st = batch_row (batch, position, &b);
  int uid = gantry_assignment_get_uid (a);

  bind_int (st, b + A_uid, uid);
  bind_int (st, b + A_position, position);
  bind_int (st, b + A_task_uid, gantry_task_get_uid (gantry_assignment_get_task (a)));
  bind_int (st, b + A_resource_uid, gantry_resource_get_uid (gantry_assignment_get_resource (a)));
  bind_double (st, b + A_units, gantry_assignment_get_units (a));
  bind_int (st, b + A_work, gantry_assignment_get_work (a));
  bind_int (st, b + A_delay, gantry_assignment_get_delay (a));
  bind_int (st, b + A_actual_work, gantry_assignment_get_actual_work (a));
  bind_int (st, b + A_overtime_work, gantry_assignment_get_overtime_work (a));
  bind_int (st, b + A_percent_work_complete, gantry_assignment_get_percent_work_complete (a));
  bind_int (st, b + A_work_contour, gantry_assignment_get_work_contour (a));
  bind_int (st, b + A_cost_rate_table, gantry_assignment_get_cost_rate_table (a));
  bind_time (st, b + A_start, gantry_assignment_get_start (a));
  bind_time (st, b + A_finish, gantry_assignment_get_finish (a));
  bind_double (st, b + A_cost, gantry_assignment_get_cost (a));
  if (!batch_row_done (s, batch, position))
    return FALSE;
  return save_extras (s, OWNER_ASSIGNMENT, uid, gantry_assignment_get_extras (a));
}

static gboolean
save_settings (Saver *s, GantryProject *project)
{
  g_autoptr(GPtrArray) keys = gantry_project_list_settings (project);

  for (guint i = 0; keys != NULL && i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      const char *value = gantry_project_get_setting (project, key);

      if (value == NULL)
        continue;
      bind_text (s->setting, S_key, key);
      bind_text (s->setting, S_value, value);
      if (!saver_step (s, s->setting))
        return FALSE;
    }
  return TRUE;
}

static void
saver_finalize_statements (Saver *s)
{
  sqlite3_stmt **all[] = {
    &s->calendar, &s->exception, &s->work_week, &s->day, &s->range, &s->resource,
    &s->task, &s->baseline, &s->link, &s->assignment, &s->extra, &s->setting,
    &s->task_batch, &s->link_batch, &s->assignment_batch,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      sqlite3_finalize (*all[i]);
      *all[i] = NULL;
    }
}

static gboolean
save_list (Saver *s, GListModel *model,
           gboolean (*save_one) (Saver *, gpointer, guint))
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (!save_one (s, item, i))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_batched_list (Saver *s, GListModel *model, sqlite3_stmt *one, sqlite3_stmt *many,
                   int n_columns, gboolean (*save_one) (Saver *, Batch *, gpointer, guint))
{
  guint n = g_list_model_get_n_items (model);
  Batch batch;

  batch_init (&batch, one, many, n_columns, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (!save_one (s, &batch, item, i))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_database (Saver *s, GantryProject *project)
{
  g_autofree char *header_sql = NULL;

  /* The temp file is thrown away on any failure, so no journal and no
   * syncing while it is built; it is fsynced once, as a whole, below. */
  if (!saver_exec (s, "PRAGMA page_size = 4096;"
                      "PRAGMA journal_mode = OFF;"
                      "PRAGMA synchronous = OFF;"
                      "PRAGMA locking_mode = EXCLUSIVE;"
                      "PRAGMA temp_store = MEMORY;"
                      "PRAGMA cache_size = -32768;"))
    return FALSE;

  /* Only compile-time integer constants go into this text. */
  header_sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                (int) GANTRY_APPLICATION_ID, (int) GANTRY_SCHEMA_VERSION);

  if (!saver_exec (s, "BEGIN") ||
      !saver_exec (s, header_sql) ||
      !saver_exec (s, schema_v1))
    return FALSE;

  if (!saver_prepare (s, SQL_INSERT ("calendars", CALENDAR_COLUMNS), &s->calendar) ||
      !saver_prepare (s, SQL_INSERT ("calendar_exceptions", EXCEPTION_COLUMNS), &s->exception) ||
      !saver_prepare (s, SQL_INSERT ("calendar_work_weeks", WORK_WEEK_COLUMNS), &s->work_week) ||
      !saver_prepare (s, SQL_INSERT ("calendar_days", DAY_COLUMNS), &s->day) ||
      !saver_prepare (s, SQL_INSERT ("calendar_ranges", RANGE_COLUMNS), &s->range) ||
      !saver_prepare (s, SQL_INSERT ("resources", RESOURCE_COLUMNS), &s->resource) ||
      !saver_prepare (s, SQL_INSERT ("tasks", TASK_COLUMNS), &s->task) ||
      !saver_prepare (s, SQL_INSERT ("baselines", BASELINE_COLUMNS), &s->baseline) ||
      !saver_prepare (s, SQL_INSERT ("links", LINK_COLUMNS), &s->link) ||
      !saver_prepare (s, SQL_INSERT ("assignments", ASSIGNMENT_COLUMNS), &s->assignment) ||
      !saver_prepare (s, SQL_INSERT ("extras", EXTRA_COLUMNS), &s->extra) ||
      !saver_prepare (s, SQL_INSERT ("settings", SETTING_COLUMNS), &s->setting) ||
      !saver_prepare (s, SQL_INSERT_BATCH ("tasks", TASK_COLUMNS), &s->task_batch) ||
      !saver_prepare (s, SQL_INSERT_BATCH ("links", LINK_COLUMNS), &s->link_batch) ||
      !saver_prepare (s, SQL_INSERT_BATCH ("assignments", ASSIGNMENT_COLUMNS),
                      &s->assignment_batch))
    return FALSE;

  if (!save_project_row (s, project) ||
      !save_extras (s, OWNER_PROJECT, 0, gantry_project_get_extras (project)) ||
      !save_list (s, gantry_project_get_calendars (project), save_calendar) ||
      !save_list (s, gantry_project_get_resources (project), save_resource) ||
      !save_tasks (s, project) ||
      !save_batched_list (s, gantry_project_get_links (project), s->link, s->link_batch,
                          L_N_COLUMNS, save_link) ||
      !save_batched_list (s, gantry_project_get_assignments (project), s->assignment,
                          s->assignment_batch, A_N_COLUMNS, save_assignment) ||
      !save_settings (s, project) ||
      !_gantry_store_save_risks (s->db, project, s->display, s->error))
    return FALSE;

  saver_finalize_statements (s);
  return saver_exec (s, "COMMIT");
}

static gboolean
fsync_directory (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int rc;

  if (fd < 0)
    return FALSE;
  rc = fsync (fd);
  close (fd);
  /* Some file systems cannot sync directories; the rename is done. */
  return rc == 0 || errno == EINVAL || errno == EROFS;
}

static void
set_io_error (GError **error, int err, const char *format, const char *display)
{
  g_set_error (error, GANTRY_STORE_ERROR, GANTRY_STORE_ERROR_IO, format,
               display, g_strerror (err));
}

gboolean
gantry_store_save (GantryProject  *project,
                   const char     *path,
                   GError        **error)
{
  g_autofree char *display = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;
  const char *target;
  Saver s = { 0 };
  GError *local_error = NULL;
  struct stat st;
  gboolean have_old;
  int fd;
  int rc;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = display_name (path);

  /* Saving through a symbolic link replaces the file it points to. */
  resolved = realpath (path, NULL);
  target = resolved != NULL ? resolved : path;

  have_old = stat (target, &st) == 0;
  if (have_old && S_ISDIR (st.st_mode))
    {
      set_io_error (error, EISDIR,
                    /* Translators: first %s is a file name, second the reason */
                    _("Could not save “%s”: %s"), display);
      return FALSE;
    }

  tmp = g_strconcat (target, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_io_error (error, errno, _("Could not save “%s”: %s"), display);
      return FALSE;
    }
  /* Keep the permissions of the file being replaced. */
  if (have_old)
    (void) fchmod (fd, st.st_mode & 07777);

  s.display = display;
  s.error = &local_error;
  rc = sqlite3_open_v2 (tmp, &s.db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    saver_fail_sqlite (&s, sqlite3_errstr (rc));
  else
    write_database (&s, project);

  saver_finalize_statements (&s);
  if (s.db != NULL)
    {
      rc = sqlite3_close (s.db);
      s.db = NULL;
      if (rc != SQLITE_OK && local_error == NULL)
        saver_fail_sqlite (&s, sqlite3_errstr (rc));
    }

  if (local_error == NULL && fsync (fd) != 0)
    set_io_error (&local_error, errno, _("Could not save “%s”: %s"), display);
  close (fd);

  if (local_error == NULL && g_rename (tmp, target) != 0)
    set_io_error (&local_error, errno, _("Could not save “%s”: %s"), display);

  if (local_error != NULL)
    {
      g_unlink (tmp);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  dir = g_path_get_dirname (target);
  if (!fsync_directory (dir))
    {
      /* The new file is in place; only its durability is in doubt. */
      g_debug ("Could not sync directory %s: %s", dir, g_strerror (errno));
    }

  return TRUE;
}

/* ---- loading ----------------------------------------------------------- */

typedef struct
{
  GantryCalendar *calendar;
  int             base_uid;
  gboolean        has_base;
  GantryDayDef    week[7];
  GArray         *exceptions;   /* GantryCalendarException */
  GArray         *work_weeks;   /* GantryWorkWeek */
} CalendarLoad;

typedef struct
{
  GantryTask *task;
  int         uid;
  int         parent_uid;
  gint64      position;
} TaskRow;

typedef struct
{
  const char    *path;
  const char    *display;
  sqlite3       *db;
  gint64         file_size;
  gint64         expected_size;  /* from the header; 0 when unknown */
  GError        *error;
  GantryProject *project;
  GHashTable    *calendars;      /* uid -> CalendarLoad* */
  GPtrArray     *calendar_order; /* CalendarLoad*, file order */
  GHashTable    *tasks;          /* uid -> GantryTask* (borrowed) */
  GHashTable    *resources;      /* uid -> GantryResource* (borrowed) */
  GHashTable    *assignments;    /* uid -> GantryAssignment* (borrowed) */
  GPtrArray     *links;          /* GantryLink* (borrowed), file order */
} Loader;

static void
calendar_load_free (gpointer data)
{
  CalendarLoad *cl = data;

  g_clear_object (&cl->calendar);
  if (cl->exceptions != NULL)
    {
      for (guint i = 0; i < cl->exceptions->len; i++)
        gantry_calendar_exception_clear (&g_array_index (cl->exceptions,
                                                         GantryCalendarException, i));
      g_array_unref (cl->exceptions);
    }
  if (cl->work_weeks != NULL)
    {
      for (guint i = 0; i < cl->work_weeks->len; i++)
        gantry_work_week_clear (&g_array_index (cl->work_weeks, GantryWorkWeek, i));
      g_array_unref (cl->work_weeks);
    }
  g_free (cl);
}

static gboolean
loader_fail (Loader       *l,
             GantryStoreError code,
             const char   *format,
             ...) G_GNUC_PRINTF (3, 4);

static gboolean
loader_fail (Loader           *l,
             GantryStoreError  code,
             const char       *format,
             ...)
{
  va_list args;

  if (l->error != NULL)
    return FALSE;
  va_start (args, format);
  l->error = g_error_new_valist (GANTRY_STORE_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}

/* A damaged file: detail says what is wrong. */
static gboolean
loader_damaged (Loader     *l,
                const char *detail)
{
  return loader_fail (l, GANTRY_STORE_ERROR_CORRUPT,
                      /* Translators: %s is a file name, then what is wrong with it */
                      _("“%s” is damaged and cannot be opened: %s."), l->display, detail);
}

/* Page-level damage, with SQLite's own words in brackets. */
static gboolean
loader_corrupted (Loader     *l,
                  const char *sqlite_text)
{
  g_auto(GStrv) lines = g_strsplit (sqlite_text != NULL ? sqlite_text : "", "\n", 0);
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *detail = NULL;
  g_autofree char *clean = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0' || g_str_has_prefix (lines[i], "***"))
        continue;
      if (words->len > 0)
        g_string_append (words, "; ");
      g_string_append (words, lines[i]);
    }
  clean = g_utf8_make_valid (words->str, -1);
  /* Translators: %s is SQLite's (English) description of the damage */
  detail = g_strdup_printf (_("its data is corrupted (%s)"), clean);
  return loader_damaged (l, detail);
}

static gboolean
loader_truncated (Loader *l)
{
  g_autofree char *have = g_strdup_printf ("%" G_GINT64_FORMAT, l->file_size);
  g_autofree char *want = g_strdup_printf ("%" G_GINT64_FORMAT, l->expected_size);

  if (l->expected_size > l->file_size)
    return loader_fail (l, GANTRY_STORE_ERROR_TRUNCATED,
                        /* Translators: %s are a file name and two byte counts */
                        _("“%s” is truncated: it has %s bytes but should have %s. "
                          "It was probably not copied or downloaded completely."),
                        l->display, have, want);
  return loader_fail (l, GANTRY_STORE_ERROR_TRUNCATED,
                      _("“%s” is truncated: it ends in the middle of its data. "
                        "It was probably not copied or downloaded completely."),
                      l->display);
}

/* Maps an SQLite failure to the right store error. */
static gboolean
loader_fail_sqlite (Loader *l,
                    int     rc)
{
  int primary = rc & 0xff;

  if (l->error != NULL)
    return FALSE;

  switch (primary)
    {
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
    case SQLITE_RANGE:
      if (l->expected_size > l->file_size)
        return loader_truncated (l);
      return loader_corrupted (l, sqlite3_errstr (rc));

    case SQLITE_NOTADB:
      return loader_damaged (l, _("its database header is invalid"));

    case SQLITE_ERROR:
    case SQLITE_MISMATCH:
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_AUTH:
      return loader_damaged (l, l->db != NULL ? sqlite3_errmsg (l->db) : sqlite3_errstr (rc));

    case SQLITE_NOMEM:
      return loader_fail (l, GANTRY_STORE_ERROR_IO,
                          _("Cannot open “%s”: there is not enough memory."), l->display);

    default:
      return loader_fail (l, GANTRY_STORE_ERROR_IO,
                          /* Translators: first %s is a file name, second the reason */
                          _("Cannot open “%s”: %s"), l->display,
                          l->db != NULL ? sqlite3_errmsg (l->db) : sqlite3_errstr (rc));
    }
}

static gboolean
loader_prepare (Loader        *l,
                const char    *sql,
                sqlite3_stmt **stmt)
{
  int rc = sqlite3_prepare_v2 (l->db, sql, -1, stmt, NULL);

  if (rc != SQLITE_OK)
    return loader_fail_sqlite (l, rc);
  return TRUE;
}

/* Steps a SELECT: TRUE with a row, FALSE at the end or on failure (then
 * l->error is set). */
static gboolean
loader_step (Loader       *l,
             sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    loader_fail_sqlite (l, rc);
  return FALSE;
}

/* ---- bounded reading of one row ---------------------------------------- */

typedef struct
{
  Loader             *loader;
  sqlite3_stmt       *stmt;
  const char         *table;
  const char * const *columns;
  gint64              key;        /* identifies the row in messages */
  gboolean            failed;
} Row;

static void
row_init (Row *r, Loader *l, sqlite3_stmt *stmt, const char *table,
          const char * const *columns)
{
  r->loader = l;
  r->stmt = stmt;
  r->table = table;
  r->columns = columns;
  r->key = 0;
  r->failed = FALSE;
}

static gboolean
row_fail (Row        *r,
          int         col,
          const char *problem)
{
  g_autofree char *detail = NULL;
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, r->key);

  if (r->failed)
    return FALSE;
  r->failed = TRUE;
  /* Translators: table name, row key, column name, then the problem */
  detail = g_strdup_printf (_("in table “%s”, row %s, column “%s” %s"),
                            r->table, key, r->columns[col], problem);
  return loader_damaged (r->loader, detail);
}

static gboolean
row_fail_range (Row        *r,
                int         col,
                const char *value,
                const char *min,
                const char *max)
{
  g_autofree char *problem =
    /* Translators: a value, and the smallest and largest allowed */
    g_strdup_printf (_("holds %s, which is outside the allowed range %s to %s"),
                     value, min, max);

  return row_fail (r, col, problem);
}

static gboolean
row_is_null (Row *r, int col)
{
  return sqlite3_column_type (r->stmt, col) == SQLITE_NULL;
}

static gint64
row_int (Row    *r,
         int     col,
         gint64  min,
         gint64  max)
{
  sqlite3_value *value;
  gint64 v;

  if (r->failed)
    return min;
  /* One API call per column: this runs a few million times per big file. */
  value = sqlite3_column_value (r->stmt, col);
  if (sqlite3_value_type (value) != SQLITE_INTEGER)
    {
      row_fail (r, col, _("does not hold a whole number"));
      return min;
    }
  v = sqlite3_value_int64 (value);
  if (v < min || v > max)
    {
      g_autofree char *sv = g_strdup_printf ("%" G_GINT64_FORMAT, v);
      g_autofree char *smin = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *smax = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      row_fail_range (r, col, sv, smin, smax);
      return min;
    }
  return v;
}

static gboolean
row_bool (Row *r, int col)
{
  return row_int (r, col, 0, 1) != 0;
}

/* A 32-bit identifier. */
static int
row_uid (Row *r, int col)
{
  return (int) row_int (r, col, G_MININT, G_MAXINT);
}

/* NULL is "not set"; anything else must be a valid instant. */
static GantryTime
row_time (Row *r, int col)
{
  sqlite3_value *value;
  gint64 v;

  if (r->failed)
    return GANTRY_TIME_NONE;
  value = sqlite3_column_value (r->stmt, col);
  switch (sqlite3_value_type (value))
    {
    case SQLITE_NULL:
      return GANTRY_TIME_NONE;
    case SQLITE_INTEGER:
      v = sqlite3_value_int64 (value);
      if (v >= GANTRY_TIME_MIN && v <= GANTRY_TIME_MAX)
        return v;
      G_GNUC_FALLTHROUGH;
    default:
      /* the slow path says what is wrong */
      return row_int (r, col, GANTRY_TIME_MIN, GANTRY_TIME_MAX);
    }
}

static GantryDuration
row_duration (Row *r, int col)
{
  return row_int (r, col, -DURATION_MAX, DURATION_MAX);
}

static GantryDuration
row_work (Row *r, int col)
{
  return row_int (r, col, -WORK_MAX, WORK_MAX);
}

static int
row_percent (Row *r, int col)
{
  return (int) row_int (r, col, 0, 100);
}

/* A duration format: one of MSPDI's codes (0 is accepted as "unset"). */
static GantryDurationFormat
row_format (Row *r, int col)
{
  gint64 v = row_int (r, col, 0, 255);

  if (!r->failed && v != 0 && !gantry_format_is_valid ((int) v))
    {
      g_autofree char *problem =
        g_strdup_printf (_("holds %d, which is not a duration format"), (int) v);

      row_fail (r, col, problem);
      return GANTRY_FORMAT_DAYS;
    }
  return (GantryDurationFormat) v;
}

static double
row_double (Row    *r,
            int     col,
            double  min,
            double  max)
{
  sqlite3_value *value;
  int type;
  double v;

  if (r->failed)
    return min;
  value = sqlite3_column_value (r->stmt, col);
  type = sqlite3_value_type (value);
  if (type != SQLITE_FLOAT && type != SQLITE_INTEGER)
    {
      row_fail (r, col, _("does not hold a number"));
      return min;
    }
  v = sqlite3_value_double (value);
  if (!isfinite (v) || v < min || v > max)
    {
      char sv[G_ASCII_DTOSTR_BUF_SIZE], smin[G_ASCII_DTOSTR_BUF_SIZE];
      char smax[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (sv, sizeof sv, v);
      g_ascii_dtostr (smin, sizeof smin, min);
      g_ascii_dtostr (smax, sizeof smax, max);
      row_fail_range (r, col, sv, smin, smax);
      return min;
    }
  return v;
}

static double
row_money (Row *r, int col)
{
  return row_double (r, col, -MONEY_MAX, MONEY_MAX);
}

/* NULL or valid UTF-8 text without NUL bytes.  The pointer is valid until
 * the next step of the statement. */
static const char *
row_text (Row *r, int col)
{
  const char *text;
  int type;
  int len;

  if (r->failed)
    return NULL;
  type = sqlite3_column_type (r->stmt, col);
  if (type == SQLITE_NULL)
    return NULL;
  if (type != SQLITE_TEXT)
    {
      row_fail (r, col, _("does not hold text"));
      return NULL;
    }
  text = (const char *) sqlite3_column_text (r->stmt, col);
  len = sqlite3_column_bytes (r->stmt, col);
  if (text == NULL || !g_utf8_validate_len (text, len, NULL) || (int) strlen (text) != len)
    {
      row_fail (r, col, _("holds text that is not valid UTF-8"));
      return NULL;
    }
  return text;
}

static const char *
row_text_required (Row *r, int col)
{
  const char *text = row_text (r, col);

  if (!r->failed && text == NULL)
    row_fail (r, col, _("is empty"));
  return text;
}

/* What the uid in column col refers to, looked up in table (uid → object).
 * A uid that is not there fails the row with problem_format, a translated
 * message whose one %d is the uid. */
static gpointer
row_reference (Row        *r,
               int         col,
               GHashTable *table,
               const char *problem_format)
{
  gpointer found;
  int uid = row_uid (r, col);

  if (r->failed)
    return NULL;
  found = g_hash_table_lookup (table, GINT_TO_POINTER (uid));
  if (found == NULL)
    {
      g_autofree char *problem = g_strdup_printf (problem_format, uid);

      row_fail (r, col, problem);
    }
  return found;
}

/* Looks up a calendar given by a nullable uid column. */
static GantryCalendar *
row_calendar (Row *r, int col)
{
  CalendarLoad *cl;

  if (r->failed || row_is_null (r, col))
    return NULL;
  cl = row_reference (r, col, r->loader->calendars,
                      _("refers to calendar %d, which does not exist"));
  return cl != NULL ? cl->calendar : NULL;
}

static gboolean
row_duplicate (Row *r, int col, int uid)
{
  g_autofree char *problem =
    g_strdup_printf (_("holds %d, which is used by another row too"), uid);

  return row_fail (r, col, problem);
}

/* ---- the header, checked by hand before SQLite sees the file ----------- */

static gboolean
check_header (Loader *l)
{
  static const char magic[16] = "SQLite format 3";   /* with its final NUL */
  guint8 header[100];
  struct stat st;
  gssize got = 0;
  guint32 page_size, page_count, app_id, version;
  int fd;

  fd = open (l->path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    {
      int err = errno;

      return loader_fail (l, GANTRY_STORE_ERROR_IO, _("Cannot open “%s”: %s"),
                          l->display, g_strerror (err));
    }
  if (fstat (fd, &st) != 0)
    {
      int err = errno;

      close (fd);
      return loader_fail (l, GANTRY_STORE_ERROR_IO, _("Cannot open “%s”: %s"),
                          l->display, g_strerror (err));
    }
  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      return loader_fail (l, GANTRY_STORE_ERROR_IO, _("Cannot open “%s”: %s"),
                          l->display, g_strerror (EISDIR));
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return loader_fail (l, GANTRY_STORE_ERROR_IO,
                          _("Cannot open “%s”: it is not a regular file."), l->display);
    }
  l->file_size = st.st_size;

  while (got < (gssize) sizeof header)
    {
      gssize n = read (fd, header + got, sizeof header - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int err = errno;

          close (fd);
          return loader_fail (l, GANTRY_STORE_ERROR_IO, _("Cannot open “%s”: %s"),
                              l->display, g_strerror (err));
        }
      if (n == 0)
        break;
      got += n;
    }
  close (fd);

  if (got == 0)
    return loader_fail (l, GANTRY_STORE_ERROR_NOT_SQLITE,
                        _("“%s” is not a Gantry file: it is empty."), l->display);
  if (memcmp (header, magic, MIN (got, (gssize) sizeof magic)) != 0)
    return loader_fail (l, GANTRY_STORE_ERROR_NOT_SQLITE,
                        _("“%s” is not a Gantry file: it is not an SQLite database."),
                        l->display);
  if (got < (gssize) sizeof header)
    {
      l->expected_size = sizeof header;
      return loader_truncated (l);
    }

  app_id = read_be32 (header + 68);
  if (app_id != GANTRY_APPLICATION_ID)
    return loader_fail (l, GANTRY_STORE_ERROR_FOREIGN,
                        _("“%s” is an SQLite database of another program, "
                          "not a Gantry file."), l->display);

  version = read_be32 (header + 60);
  if (version > GANTRY_SCHEMA_VERSION)
    return loader_fail (l, GANTRY_STORE_ERROR_NEWER,
                        /* Translators: %s is a file name, the numbers are format versions */
                        _("“%s” was saved by a newer version of Gantry (file format %u; "
                          "this version reads formats up to %d). Update Gantry to open it."),
                        l->display, version, GANTRY_SCHEMA_VERSION);

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    return loader_damaged (l, _("its database header is invalid"));

  /* The page count in the header is valid when the "version valid for"
   * number equals the change counter (always so for files SQLite >= 3.7
   * wrote). */
  page_count = read_be32 (header + 28);
  if (page_count > 0 && read_be32 (header + 92) == read_be32 (header + 24))
    l->expected_size = (gint64) page_count * page_size;
  else
    l->expected_size = (l->file_size + page_size - 1) / page_size * page_size;

  if (l->file_size < l->expected_size)
    return loader_truncated (l);

  if (version < 1)
    return loader_damaged (l, _("it has no file format version"));

  return TRUE;
}

/* ---- opening and checking the database --------------------------------- */

static gboolean
query_int (Loader     *l,
           const char *sql,
           gint64     *out)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (!loader_prepare (l, sql, &stmt))
    return FALSE;
  if (loader_step (l, stmt))
    {
      *out = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  else if (l->error == NULL)
    loader_damaged (l, sql);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
open_database (Loader *l)
{
  g_autofree char *abs_path = g_canonicalize_filename (l->path, NULL);
  int rc;

  /* An absolute path is never taken for a URI or ":memory:". */
  rc = sqlite3_open_v2 (abs_path, &l->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    return loader_fail_sqlite (l, rc);

  sqlite3_extended_result_codes (l->db, 1);
  sqlite3_db_config (l->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (l->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (l->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (l->db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (l->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  /* A hostile file cannot make us hold huge strings or run huge queries. */
  sqlite3_limit (l->db, SQLITE_LIMIT_LENGTH, 256 * 1024 * 1024);
  sqlite3_limit (l->db, SQLITE_LIMIT_ATTACHED, 0);

  rc = sqlite3_exec (l->db,
                     "PRAGMA trusted_schema = OFF;"
                     "PRAGMA query_only = ON;"
                     "PRAGMA temp_store = MEMORY;"
                     "PRAGMA cell_size_check = ON;"
                     "PRAGMA cache_size = -16384;",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return loader_fail_sqlite (l, rc);
  return TRUE;
}

static gboolean
check_identity (Loader *l)
{
  gint64 app_id = 0, version = 0;

  if (!query_int (l, "PRAGMA application_id", &app_id) ||
      !query_int (l, "PRAGMA user_version", &version))
    return FALSE;

  if (app_id != GANTRY_APPLICATION_ID)
    return loader_fail (l, GANTRY_STORE_ERROR_FOREIGN,
                        _("“%s” is an SQLite database of another program, "
                          "not a Gantry file."), l->display);
  if (version > GANTRY_SCHEMA_VERSION)
    return loader_fail (l, GANTRY_STORE_ERROR_NEWER,
                        _("“%s” was saved by a newer version of Gantry (file format %u; "
                          "this version reads formats up to %d). Update Gantry to open it."),
                        l->display, (guint) version, GANTRY_SCHEMA_VERSION);
  if (version < 1)
    return loader_damaged (l, _("it has no file format version"));
  return TRUE;
}

/* Page-level damage: every b-tree page is walked once. */
static gboolean
check_integrity (Loader *l)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (!loader_prepare (l, "PRAGMA quick_check(1)", &stmt))
    return FALSE;
  if (loader_step (l, stmt))
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (result, "ok") != 0)
        {
          if (l->expected_size > l->file_size)
            loader_truncated (l);
          else
            loader_corrupted (l, result);
          ok = FALSE;
        }
    }
  else
    ok = FALSE;
  if (ok && l->error != NULL)
    ok = FALSE;
  sqlite3_finalize (stmt);
  return ok;
}

/* Copies an older file into memory and brings it up to date there. */
static gboolean
migrate (Loader *l,
         int     version)
{
  sqlite3 *mem = NULL;
  sqlite3_backup *backup;
  int rc;

  if (version >= GANTRY_SCHEMA_VERSION)
    return TRUE;

  rc = sqlite3_open_v2 (":memory:", &mem, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_close (mem);
      return loader_fail_sqlite (l, rc);
    }
  backup = sqlite3_backup_init (mem, "main", l->db, "main");
  if (backup == NULL)
    {
      sqlite3_close (mem);
      return loader_fail_sqlite (l, SQLITE_ERROR);
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      sqlite3_close (mem);
      return loader_fail_sqlite (l, rc);
    }

  /* Apply the steps in order: from version v to v + 1, until current. */
  while (version < GANTRY_SCHEMA_VERSION)
    {
      const Migration *step = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
        if (migrations[i].sql != NULL && migrations[i].from_version == version)
          step = &migrations[i];
      if (step == NULL)
        break;
      rc = sqlite3_exec (mem, step->sql, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          sqlite3_close (mem);
          return loader_fail_sqlite (l, rc);
        }
      version++;
    }

  if (version != GANTRY_SCHEMA_VERSION)
    {
      sqlite3_close (mem);
      return loader_damaged (l, _("its file format version is unknown"));
    }

  sqlite3_close (l->db);
  l->db = mem;
  sqlite3_db_config (l->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  return TRUE;
}

/* Every table must be a real table with at least the expected columns. */
static gboolean
check_schema (Loader *l)
{
  sqlite3_stmt *kind = NULL;
  sqlite3_stmt *cols = NULL;
  gboolean ok = TRUE;

  if (!loader_prepare (l, "SELECT type FROM sqlite_schema WHERE name = ?1", &kind) ||
      !loader_prepare (l, "SELECT name FROM pragma_table_info(?1)", &cols))
    {
      sqlite3_finalize (kind);
      return FALSE;
    }

  for (guint t = 0; ok && t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                          g_free, NULL);
      const char *type;

      sqlite3_reset (kind);
      sqlite3_bind_text (kind, 1, tables[t].name, -1, SQLITE_STATIC);
      if (!loader_step (l, kind))
        {
          g_autofree char *detail = NULL;

          if (l->error != NULL)
            {
              ok = FALSE;
              break;
            }
          detail = g_strdup_printf (_("the table “%s” is missing"), tables[t].name);
          ok = loader_damaged (l, detail);
          break;
        }
      type = (const char *) sqlite3_column_text (kind, 0);
      if (g_strcmp0 (type, "table") != 0)
        {
          g_autofree char *detail =
            g_strdup_printf (_("“%s” is not a table"), tables[t].name);

          ok = loader_damaged (l, detail);
          break;
        }

      sqlite3_reset (cols);
      sqlite3_bind_text (cols, 1, tables[t].name, -1, SQLITE_STATIC);
      while (loader_step (l, cols))
        {
          const char *name = (const char *) sqlite3_column_text (cols, 0);

          if (name != NULL)
            g_hash_table_add (have, g_strdup (name));
        }
      if (l->error != NULL)
        {
          ok = FALSE;
          break;
        }
      for (const char * const *c = tables[t].columns; *c != NULL; c++)
        if (!g_hash_table_contains (have, *c))
          {
            g_autofree char *detail =
              g_strdup_printf (_("the table “%s” has no column “%s”"), tables[t].name, *c);

            ok = loader_damaged (l, detail);
            break;
          }
    }

  sqlite3_finalize (kind);
  sqlite3_finalize (cols);
  return ok;
}

/* ---- loading the model -------------------------------------------------- */

static gboolean
load_calendars (Loader *l)
{
  sqlite3_stmt *stmt = NULL;
  Row r;

  if (!loader_prepare (l, SQL_SELECT ("calendars", CALENDAR_COLUMNS) " ORDER BY position, uid",
                       &stmt))
    return FALSE;
  row_init (&r, l, stmt, "calendars", calendar_columns);
  while (loader_step (l, stmt))
    {
      CalendarLoad *cl;
      int uid;

      r.key = sqlite3_column_int64 (stmt, CAL_uid);
      uid = row_uid (&r, CAL_uid);
      row_int (&r, CAL_position, G_MININT, G_MAXINT);
      if (!r.failed && g_hash_table_contains (l->calendars, GINT_TO_POINTER (uid)))
        row_duplicate (&r, CAL_uid, uid);
      if (r.failed)
        break;

      cl = g_new0 (CalendarLoad, 1);
      cl->calendar = gantry_calendar_new (uid, row_text (&r, CAL_name));
      g_hash_table_insert (l->calendars, GINT_TO_POINTER (uid), cl);
      g_ptr_array_add (l->calendar_order, cl);
      cl->exceptions = g_array_new (FALSE, TRUE, sizeof (GantryCalendarException));
      cl->work_weeks = g_array_new (FALSE, TRUE, sizeof (GantryWorkWeek));
      for (int wd = 0; wd < 7; wd++)
        cl->week[wd] = *gantry_calendar_get_weekday (cl->calendar, wd);
      cl->has_base = !row_is_null (&r, CAL_base_uid);
      if (cl->has_base)
        cl->base_uid = row_uid (&r, CAL_base_uid);
      gantry_calendar_set_is_base_calendar (cl->calendar, row_bool (&r, CAL_is_base));
      gantry_calendar_set_is_baseline_calendar (cl->calendar, row_bool (&r, CAL_is_baseline));
      if (r.failed)
        break;
    }
  sqlite3_finalize (stmt);
  return l->error == NULL;
}

static CalendarLoad *
row_calendar_load (Row *r, int col)
{
  return row_reference (r, col, r->loader->calendars,
                        _("refers to calendar %d, which does not exist"));
}

static gboolean
load_exceptions (Loader *l)
{
  sqlite3_stmt *stmt = NULL;
  Row r;
  gint64 n = 0;

  if (!loader_prepare (l, SQL_SELECT ("calendar_exceptions", EXCEPTION_COLUMNS)
                          " ORDER BY calendar_uid, position", &stmt))
    return FALSE;
  row_init (&r, l, stmt, "calendar_exceptions", exception_columns);
  while (loader_step (l, stmt))
    {
      GantryCalendarException ex = { 0 };
      CalendarLoad *cl;

      r.key = n++;
      cl = row_calendar_load (&r, EX_calendar_uid);
      ex.name = g_strdup (row_text (&r, EX_name));
      ex.from_day = row_int (&r, EX_from_day, DAY_MIN, DAY_MAX);
      ex.to_day = row_int (&r, EX_to_day, DAY_MIN, DAY_MAX);
      ex.recurrence = row_int (&r, EX_recurrence, GANTRY_RECUR_DAILY, GANTRY_RECUR_NONE);
      ex.period = row_int (&r, EX_period, 0, 1000000);
      ex.occurrences = row_int (&r, EX_occurrences, 0, 1000000);
      ex.entered_by_occurrences = row_bool (&r, EX_entered_by_occurrences);
      ex.days_of_week = row_int (&r, EX_days_of_week, 0, 127);
      ex.month_item = row_int (&r, EX_month_item, 0, 9);
      ex.month_position = row_int (&r, EX_month_position, 0, 4);
      ex.month = row_int (&r, EX_month, 0, 11);
      ex.month_day = row_int (&r, EX_month_day, 0, 31);
      ex.day.kind = GANTRY_DAY_NONWORKING;
      if (r.failed)
        {
          g_free (ex.name);
          break;
        }
      g_array_append_val (cl->exceptions, ex);
    }
  sqlite3_finalize (stmt);
  return l->error == NULL;
}

static gboolean
load_work_weeks (Loader *l)
{
  sqlite3_stmt *stmt = NULL;
  Row r;
  gint64 n = 0;

  if (!loader_prepare (l, SQL_SELECT ("calendar_work_weeks", WORK_WEEK_COLUMNS)
                          " ORDER BY calendar_uid, position", &stmt))
    return FALSE;
  row_init (&r, l, stmt, "calendar_work_weeks", work_week_columns);
  while (loader_step (l, stmt))
    {
      GantryWorkWeek ww = { 0 };
      CalendarLoad *cl;

      r.key = n++;
      cl = row_calendar_load (&r, WW_calendar_uid);
      ww.name = g_strdup (row_text (&r, WW_name));
      ww.from_day = row_int (&r, WW_from_day, DAY_MIN, DAY_MAX);
      ww.to_day = row_int (&r, WW_to_day, DAY_MIN, DAY_MAX);
      if (r.failed)
        {
          g_free (ww.name);
          break;
        }
      g_array_append_val (cl->work_weeks, ww);
    }
  sqlite3_finalize (stmt);
  return l->error == NULL;
}

/* The day definition a calendar_days / calendar_ranges row points at. */
static GantryDayDef *
row_day_def (Row *r, int cal_col, int owner_col, int index_col, int weekday_col)
{
  CalendarLoad *cl = row_calendar_load (r, cal_col);
  gint64 owner = row_int (r, owner_col, DAY_OWNER_WEEK, DAY_OWNER_WORK_WEEK);
  gint64 index = row_int (r, index_col, 0, G_MAXINT);
  gint64 weekday = row_int (r, weekday_col, 0, 6);

  if (r->failed)
    return NULL;

  switch (owner)
    {
    case DAY_OWNER_WEEK:
      if (index != 0)
        break;
      return &cl->week[weekday];
    case DAY_OWNER_EXCEPTION:
      if (index >= cl->exceptions->len || weekday != 0)
        break;
      return &g_array_index (cl->exceptions, GantryCalendarException, index).day;
    case DAY_OWNER_WORK_WEEK:
      if (index >= cl->work_weeks->len)
        break;
      return &g_array_index (cl->work_weeks, GantryWorkWeek, index).days[weekday];
    default:
      break;
    }
  row_fail (r, index_col, _("refers to an exception or work week that does not exist"));
  return NULL;
}

static gboolean
load_days (Loader *l)
{
  sqlite3_stmt *stmt = NULL;
  Row r;
  gint64 n = 0;

  if (!loader_prepare (l, SQL_SELECT ("calendar_days", DAY_COLUMNS), &stmt))
    return FALSE;
  row_init (&r, l, stmt, "calendar_days", day_columns);
  while (loader_step (l, stmt))
    {
      GantryDayDef *def;
      gint64 kind;

      r.key = n++;
      def = row_day_def (&r, DAY_calendar_uid, DAY_owner, DAY_owner_index, DAY_weekday);
      kind = row_int (&r, DAY_kind, GANTRY_DAY_DEFAULT, GANTRY_DAY_WORKING);
      if (r.failed)
        break;
      def->kind = kind;
      def->n_ranges = 0;
    }
  sqlite3_finalize (stmt);
  if (l->error != NULL)
    return FALSE;

  if (!loader_prepare (l, SQL_SELECT ("calendar_ranges", RANGE_COLUMNS)
                          " ORDER BY calendar_uid, owner, owner_index, weekday, position",
                       &stmt))
    return FALSE;
  row_init (&r, l, stmt, "calendar_ranges", range_columns);
  n = 0;
  while (loader_step (l, stmt))
    {
      GantryDayDef *def;
      int from, to;

      r.key = n++;
      def = row_day_def (&r, RG_calendar_uid, RG_owner, RG_owner_index, RG_weekday);
      from = row_int (&r, RG_from_minute, 0, 1439);
      to = row_int (&r, RG_to_minute, 1, 1440);
      if (r.failed)
        break;
      if (def->n_ranges >= GANTRY_CALENDAR_MAX_RANGES)
        {
          row_fail (&r, RG_position, _("adds more than five working-time ranges to one day"));
          break;
        }
      if (to <= from || (def->n_ranges > 0 && from < def->ranges[def->n_ranges - 1].to))
        {
          row_fail (&r, RG_from_minute,
                    _("holds a working-time range that is empty, out of order or overlapping"));
          break;
        }
      def->ranges[def->n_ranges].from = from;
      def->ranges[def->n_ranges].to = to;
      def->n_ranges++;
    }
  sqlite3_finalize (stmt);
  return l->error == NULL;
}

/* Puts the calendars into the project, then connects their bases. */
static gboolean
finish_calendars (Loader *l)
{
  for (guint i = 0; i < l->calendar_order->len; i++)
    {
      CalendarLoad *cl = g_ptr_array_index (l->calendar_order, i);

      for (int wd = 0; wd < 7; wd++)
        gantry_calendar_set_weekday (cl->calendar, wd, &cl->week[wd]);
      for (guint j = 0; j < cl->exceptions->len; j++)
        gantry_calendar_add_exception (cl->calendar,
                                       &g_array_index (cl->exceptions,
                                                       GantryCalendarException, j));
      for (guint j = 0; j < cl->work_weeks->len; j++)
        gantry_calendar_add_work_week (cl->calendar,
                                       &g_array_index (cl->work_weeks, GantryWorkWeek, j));
      if (!gantry_project_add_calendar (l->project, cl->calendar))
        {
          g_autofree char *detail =
            g_strdup_printf (_("calendar %d cannot be added"),
                             gantry_calendar_get_uid (cl->calendar));

          return loader_damaged (l, detail);
        }
    }

  for (guint i = 0; i < l->calendar_order->len; i++)
    {
      CalendarLoad *cl = g_ptr_array_index (l->calendar_order, i);
      CalendarLoad *base;

      if (!cl->has_base)
        continue;
      base = g_hash_table_lookup (l->calendars, GINT_TO_POINTER (cl->base_uid));
      if (base == NULL)
        {
          g_autofree char *detail =
            g_strdup_printf (_("calendar %d is based on calendar %d, which does not exist"),
                             gantry_calendar_get_uid (cl->calendar), cl->base_uid);

          return loader_damaged (l, detail);
        }
      if (!gantry_calendar_set_base (cl->calendar, base->calendar))
        {
          g_autofree char *detail =
            g_strdup_printf (_("the base calendars of calendar %d form a cycle"),
                             gantry_calendar_get_uid (cl->calendar));

          return loader_damaged (l, detail);
        }
    }
  return TRUE;
}

static gboolean
set_project_property (Loader     *l,
                      Row        *r,
                      int         col,
                      GValue     *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (l->project),
                                                    project_fields[col].property);
  g_auto(GValue) converted = G_VALUE_INIT;

  if (pspec == NULL)
    return TRUE;   /* a property this build does not have: nothing to set */

  g_value_init (&converted, G_PARAM_SPEC_VALUE_TYPE (pspec));
  if (G_VALUE_HOLDS_ENUM (&converted))
    g_value_set_enum (&converted, (int) g_value_get_int64 (value));
  else if (!g_value_transform (value, &converted))
    return TRUE;

  /* The property's own bounds apply too. */
  if (g_param_value_validate (pspec, &converted))
    return row_fail (r, col, _("holds a value outside its allowed range"));

  g_object_set_property (G_OBJECT (l->project), project_fields[col].property, &converted);
  return TRUE;
}

static gboolean
load_project (Loader *l)
{
  sqlite3_stmt *stmt = NULL;
  GantryCalendar *calendar = NULL;
  gboolean have_row = FALSE;
  Row r;

  if (!loader_prepare (l, SQL_SELECT ("project", PROJECT_COLUMNS), &stmt))
    return FALSE;
  row_init (&r, l, stmt, "project", project_columns);
  while (loader_step (l, stmt))
    {
      if (have_row)
        {
          loader_damaged (l, _("it describes more than one project"));
          break;
        }
      have_row = TRUE;
      r.key = 1;

      for (int i = 0; i < P_N_COLUMNS && !r.failed; i++)
        {
          const ProjectField *f = &project_fields[i];
          g_auto(GValue) value = G_VALUE_INIT;

          switch (f->kind)
            {
            case FIELD_TEXT:
              {
                const char *text = row_text (&r, i);

                if (r.failed)
                  break;
                g_value_init (&value, G_TYPE_STRING);
                g_value_set_string (&value, text);
                set_project_property (l, &r, i, &value);
              }
              break;
            case FIELD_TIME:
              g_value_init (&value, G_TYPE_INT64);
              g_value_set_int64 (&value, row_time (&r, i));
              if (!r.failed)
                set_project_property (l, &r, i, &value);
              break;
            case FIELD_BOOL:
              g_value_init (&value, G_TYPE_BOOLEAN);
              g_value_set_boolean (&value, row_bool (&r, i));
              if (!r.failed)
                set_project_property (l, &r, i, &value);
              break;
            case FIELD_INT:
              g_value_init (&value, G_TYPE_INT64);
              g_value_set_int64 (&value, row_int (&r, i, f->min, f->max));
              if (!r.failed)
                set_project_property (l, &r, i, &value);
              break;
            case FIELD_FORMAT:
              g_value_init (&value, G_TYPE_INT64);
              g_value_set_int64 (&value, row_format (&r, i));
              if (!r.failed)
                set_project_property (l, &r, i, &value);
              break;
            case FIELD_CALENDAR:
              calendar = row_calendar (&r, i);
              break;
            default:
              g_assert_not_reached ();
            }
        }
      if (r.failed)
        break;
    }
  sqlite3_finalize (stmt);
  if (l->error != NULL)
    return FALSE;
  if (!have_row)
    return loader_damaged (l, _("it contains no project"));

  gantry_project_set_calendar (l->project, calendar);
  return TRUE;
}

static gboolean
load_resources (Loader *l)
{
  sqlite3_stmt *stmt = NULL;
  Row r;

  if (!loader_prepare (l, SQL_SELECT ("resources", RESOURCE_COLUMNS) " ORDER BY position, uid",
                       &stmt))
    return FALSE;
  row_init (&r, l, stmt, "resources", resource_columns);
  while (loader_step (l, stmt))
    {
      g_autoptr(GantryResource) res = NULL;
      GantryDuration work;
      double cost, peak;
      gboolean over;
      int uid;

      r.key = sqlite3_column_int64 (stmt, R_uid);
      uid = row_uid (&r, R_uid);
      row_int (&r, R_position, G_MININT, G_MAXINT);
      if (!r.failed && g_hash_table_contains (l->resources, GINT_TO_POINTER (uid)))
        row_duplicate (&r, R_uid, uid);
      if (r.failed)
        break;

      res = gantry_resource_new (uid, row_text (&r, R_name));
      gantry_resource_set_id (res, row_uid (&r, R_id));
      gantry_resource_set_initials (res, row_text (&r, R_initials));
      gantry_resource_set_group (res, row_text (&r, R_group_name));
      gantry_resource_set_email (res, row_text (&r, R_email));
      gantry_resource_set_notes (res, row_text (&r, R_notes));
      gantry_resource_set_material_label (res, row_text (&r, R_material_label));
      gantry_resource_set_resource_type (res, row_int (&r, R_resource_type,
                                                       GANTRY_RESOURCE_WORK,
                                                       GANTRY_RESOURCE_COST));
      gantry_resource_set_max_units (res, row_double (&r, R_max_units, 0, UNITS_MAX));
      gantry_resource_set_standard_rate (res, row_money (&r, R_standard_rate));
      gantry_resource_set_overtime_rate (res, row_money (&r, R_overtime_rate));
      gantry_resource_set_cost_per_use (res, row_money (&r, R_cost_per_use));
      gantry_resource_set_accrue_at (res, row_int (&r, R_accrue_at, GANTRY_ACCRUE_START,
                                                   GANTRY_ACCRUE_PRORATED));
      gantry_resource_set_calendar (res, row_calendar (&r, R_calendar_uid));
      gantry_resource_set_generic (res, row_bool (&r, R_generic));
      gantry_resource_set_inactive (res, row_bool (&r, R_inactive));
      work = row_work (&r, R_work);
      cost = row_money (&r, R_cost);
      over = row_bool (&r, R_overallocated);
      peak = row_double (&r, R_peak_units, 0, UNITS_MAX);
      if (r.failed)
        break;
      gantry_resource_set_computed (res, work, cost, over, peak);

      if (!gantry_project_add_resource (l->project, -1, res))
        {
          row_duplicate (&r, R_uid, uid);
          break;
        }
      g_hash_table_insert (l->resources, GINT_TO_POINTER (uid), res);
    }
  sqlite3_finalize (stmt);
  return l->error == NULL;
}

static int
compare_task_rows (gconstpointer a,
                   gconstpointer b)
{
  const TaskRow *ra = a, *rb = b;

  if (ra->parent_uid != rb->parent_uid)
    return ra->parent_uid < rb->parent_uid ? -1 : 1;
  if (ra->position != rb->position)
    return ra->position < rb->position ? -1 : 1;
  if (ra->uid != rb->uid)
    return ra->uid < rb->uid ? -1 : 1;
  return 0;
}

/* One decoded, bounded row of the tasks table. */
typedef struct
{
  int                  uid;
  gboolean             has_parent;
  int                  parent_uid;
  gint64               position;
  int                  id;
  char                *name, *notes, *wbs;
  GantryDurationFormat duration_format, leveling_delay_format;
  GantryConstraintType constraint_type;
  GantryTime           constraint_date, deadline, actual_start, actual_finish;
  GantryTaskType       task_type;
  gboolean             effort_driven, milestone, manual, active, is_null;
  gboolean             ignore_resource_calendar, hide_bar, rollup;
  int                  percent_complete, percent_work_complete, priority;
  GantryDuration       actual_duration, remaining_duration, leveling_delay;
  GantryCalendar      *calendar;
  double               fixed_cost;
  GantryAccrual        fixed_cost_accrual;
  GantryTaskSchedule   sched;
} TaskRecord;

static void
task_record_clear (TaskRecord *rec)
{
  g_clear_pointer (&rec->name, g_free);
  g_clear_pointer (&rec->notes, g_free);
  g_clear_pointer (&rec->wbs, g_free);
}

/* Decodes and bounds one row.  Touches no GObject: runs in the reader
 * thread (the calendar table is only read). */
static void
read_task_record (Row        *r,
                  TaskRecord *rec)
{
  r->key = sqlite3_column_int64 (r->stmt, T_uid);
  rec->uid = row_uid (r, T_uid);
  rec->position = row_int (r, T_position, G_MININT, G_MAXINT);
  rec->has_parent = !row_is_null (r, T_parent_uid);
  if (rec->has_parent)
    rec->parent_uid = row_uid (r, T_parent_uid);
  if (r->failed)
    return;
  if (rec->uid == 0 && rec->has_parent)
    {
      row_fail (r, T_parent_uid, _("gives the project's summary task a parent"));
      return;
    }
  if (rec->uid != 0 && !rec->has_parent)
    {
      row_fail (r, T_parent_uid, _("is empty"));
      return;
    }

  rec->id = row_uid (r, T_id);
  rec->name = g_strdup (row_text (r, T_name));
  rec->notes = g_strdup (row_text (r, T_notes));
  rec->wbs = g_strdup (row_text (r, T_wbs));
  rec->duration_format = row_format (r, T_duration_format);
  rec->constraint_type = row_int (r, T_constraint_type, GANTRY_CONSTRAINT_ASAP,
                                  GANTRY_CONSTRAINT_FNLT);
  rec->constraint_date = row_time (r, T_constraint_date);
  rec->deadline = row_time (r, T_deadline);
  rec->task_type = row_int (r, T_task_type, GANTRY_TASK_FIXED_UNITS, GANTRY_TASK_FIXED_WORK);
  rec->effort_driven = row_bool (r, T_effort_driven);
  rec->milestone = row_bool (r, T_milestone);
  rec->manual = row_bool (r, T_manual);
  rec->active = row_bool (r, T_active);
  rec->is_null = row_bool (r, T_is_null);
  rec->percent_complete = row_percent (r, T_percent_complete);
  rec->percent_work_complete = row_percent (r, T_percent_work_complete);
  rec->actual_start = row_time (r, T_actual_start);
  rec->actual_finish = row_time (r, T_actual_finish);
  rec->actual_duration = row_duration (r, T_actual_duration);
  rec->remaining_duration = row_duration (r, T_remaining_duration);
  rec->priority = row_int (r, T_priority, 0, 1000);
  rec->calendar = row_calendar (r, T_calendar_uid);
  rec->ignore_resource_calendar = row_bool (r, T_ignore_resource_calendar);
  rec->fixed_cost = row_money (r, T_fixed_cost);
  rec->fixed_cost_accrual = row_int (r, T_fixed_cost_accrual, GANTRY_ACCRUE_START,
                                     GANTRY_ACCRUE_PRORATED);
  rec->leveling_delay = row_duration (r, T_leveling_delay);
  rec->leveling_delay_format = row_format (r, T_leveling_delay_format);
  rec->hide_bar = row_bool (r, T_hide_bar);
  rec->rollup = row_bool (r, T_rollup);

  /* Start, finish, duration and work are inputs too; the schedule sets
   * them together with the computed fields, in one notification batch. */
  rec->sched.start = row_time (r, T_start);
  rec->sched.finish = row_time (r, T_finish);
  rec->sched.duration = row_duration (r, T_duration);
  rec->sched.work = row_work (r, T_work);
  rec->sched.early_start = row_time (r, T_early_start);
  rec->sched.early_finish = row_time (r, T_early_finish);
  rec->sched.late_start = row_time (r, T_late_start);
  rec->sched.late_finish = row_time (r, T_late_finish);
  rec->sched.total_slack = row_duration (r, T_total_slack);
  rec->sched.free_slack = row_duration (r, T_free_slack);
  rec->sched.start_slack = row_duration (r, T_start_slack);
  rec->sched.finish_slack = row_duration (r, T_finish_slack);
  rec->sched.critical = row_bool (r, T_critical);
  rec->sched.cost = row_money (r, T_cost);
  rec->sched.actual_cost = row_money (r, T_actual_cost);
  rec->sched.actual_work = row_work (r, T_actual_work);
}

static void
apply_task_record (const TaskRecord *rec,
                   GantryTask       *task)
{
  gantry_task_set_id (task, rec->id);
  gantry_task_set_name (task, rec->name);
  gantry_task_set_notes (task, rec->notes);
  gantry_task_set_wbs (task, rec->wbs);
  gantry_task_set_duration_format (task, rec->duration_format);
  gantry_task_set_constraint_type (task, rec->constraint_type);
  gantry_task_set_constraint_date (task, rec->constraint_date);
  gantry_task_set_deadline (task, rec->deadline);
  gantry_task_set_task_type (task, rec->task_type);
  gantry_task_set_effort_driven (task, rec->effort_driven);
  gantry_task_set_milestone (task, rec->milestone);
  gantry_task_set_manual (task, rec->manual);
  gantry_task_set_active (task, rec->active);
  gantry_task_set_is_null (task, rec->is_null);
  gantry_task_set_percent_complete (task, rec->percent_complete);
  gantry_task_set_percent_work_complete (task, rec->percent_work_complete);
  gantry_task_set_actual_start (task, rec->actual_start);
  gantry_task_set_actual_finish (task, rec->actual_finish);
  gantry_task_set_actual_duration (task, rec->actual_duration);
  gantry_task_set_remaining_duration (task, rec->remaining_duration);
  gantry_task_set_priority (task, rec->priority);
  gantry_task_set_calendar (task, rec->calendar);
  gantry_task_set_ignore_resource_calendar (task, rec->ignore_resource_calendar);
  gantry_task_set_fixed_cost (task, rec->fixed_cost);
  gantry_task_set_fixed_cost_accrual (task, rec->fixed_cost_accrual);
  gantry_task_set_leveling_delay (task, rec->leveling_delay);
  gantry_task_set_leveling_delay_format (task, rec->leveling_delay_format);
  gantry_task_set_hide_bar (task, rec->hide_bar);
  gantry_task_set_rollup (task, rec->rollup);
  gantry_task_set_schedule (task, &rec->sched);
}

/*
 * The tasks table is decoded in a second thread while this one builds the
 * task objects: on two cores that about halves the time a big file takes
 * to open.  The reader owns the SQLite connection until it is joined; it
 * reports its own errors in its own Loader copy.
 */
#define TASK_CHUNK 512

typedef struct
{
  Loader       own;      /* the reader's copy: same db and calendars, own error */
  GAsyncQueue *chunks;   /* GArray of TaskRecord; an empty one ends the stream */
  int          cancel;   /* atomic: set by the builder when it has failed */
} TaskReader;

static void
task_chunk_free (GArray *chunk)
{
  for (guint i = 0; i < chunk->len; i++)
    task_record_clear (&g_array_index (chunk, TaskRecord, i));
  g_array_unref (chunk);
}

static gpointer
task_reader_thread (gpointer data)
{
  TaskReader *tr = data;
  Loader *l = &tr->own;
  sqlite3_stmt *stmt = NULL;
  GArray *chunk = NULL;
  Row r;

  if (loader_prepare (l, SQL_SELECT ("tasks", TASK_COLUMNS), &stmt))
    {
      row_init (&r, l, stmt, "tasks", task_columns);
      while (!g_atomic_int_get (&tr->cancel) && loader_step (l, stmt))
        {
          TaskRecord rec = { 0 };

          read_task_record (&r, &rec);
          if (r.failed)
            {
              task_record_clear (&rec);
              break;
            }
          if (chunk == NULL)
            chunk = g_array_sized_new (FALSE, FALSE, sizeof (TaskRecord), TASK_CHUNK);
          g_array_append_val (chunk, rec);
          if (chunk->len == TASK_CHUNK)
            {
              g_async_queue_push (tr->chunks, chunk);
              chunk = NULL;
            }
        }
    }
  sqlite3_finalize (stmt);

  if (chunk != NULL)
    g_async_queue_push (tr->chunks, chunk);
  g_async_queue_push (tr->chunks, g_array_new (FALSE, FALSE, sizeof (TaskRecord)));
  return NULL;
}

static gboolean
load_tasks (Loader *l)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (TaskRow));
  g_autoptr(GHashTable) first_child = NULL;
  g_autoptr(GArray) queue = NULL;
  GantryTask *root = gantry_project_get_root_task (l->project);
  gboolean have_root = FALSE;
  TaskReader reader = { 0 };
  GThread *thread;
  guint visited = 0;
  Row r;

  /* Only for messages about duplicates (no statement). */
  row_init (&r, l, NULL, "tasks", task_columns);

  reader.own = *l;
  reader.own.error = NULL;
  reader.chunks = g_async_queue_new ();
  /* Without a thread (none available, or GANTRY_STORE_THREADS=0 to
   * compare), the reader runs to the end first; the queue holds it all. */
  thread = NULL;
  if (g_strcmp0 (g_getenv ("GANTRY_STORE_THREADS"), "0") != 0)
    thread = g_thread_try_new ("gantry-store-tasks", task_reader_thread, &reader, NULL);
  if (thread == NULL)
    task_reader_thread (&reader);

  for (;;)
    {
      GArray *chunk = g_async_queue_pop (reader.chunks);
      gboolean end = chunk->len == 0;

      for (guint i = 0; i < chunk->len && l->error == NULL; i++)
        {
          const TaskRecord *rec = &g_array_index (chunk, TaskRecord, i);
          TaskRow row = { 0 };
          GantryTask *task;

          r.key = rec->uid;
          if (g_hash_table_contains (l->tasks, GINT_TO_POINTER (rec->uid)))
            {
              row_duplicate (&r, T_uid, rec->uid);
              break;
            }
          if (rec->uid == 0)
            {
              apply_task_record (rec, root);
              have_root = TRUE;
              g_hash_table_insert (l->tasks, GINT_TO_POINTER (0), root);
              continue;
            }

          /* Cheaper than gantry_task_new (no construct properties by name). */
          task = g_object_new (GANTRY_TYPE_TASK, NULL);
          gantry_task_set_uid (task, rec->uid);
          apply_task_record (rec, task);
          row.task = task;
          row.uid = rec->uid;
          row.parent_uid = rec->parent_uid;
          row.position = rec->position;
          g_array_append_val (rows, row);
          g_hash_table_insert (l->tasks, GINT_TO_POINTER (rec->uid), task);
        }
      task_chunk_free (chunk);
      if (end)
        break;
      if (l->error != NULL)
        g_atomic_int_set (&reader.cancel, 1);   /* then drain to the end */
    }
  if (thread != NULL)
    g_thread_join (thread);
  g_async_queue_unref (reader.chunks);

  if (l->error == NULL)
    l->error = g_steal_pointer (&reader.own.error);
  g_clear_error (&reader.own.error);

  if (l->error == NULL && !have_root)
    loader_damaged (l, _("the project's summary task (task 0) is missing"));

  /* Every parent must exist. */
  for (guint i = 0; l->error == NULL && i < rows->len; i++)
    {
      TaskRow *row = &g_array_index (rows, TaskRow, i);

      if (!g_hash_table_contains (l->tasks, GINT_TO_POINTER (row->parent_uid)))
        {
          g_autofree char *detail =
            g_strdup_printf (_("task %d has parent task %d, which does not exist"),
                             row->uid, row->parent_uid);

          loader_damaged (l, detail);
        }
    }

  /* Children of each parent are contiguous after sorting; walk the tree
   * from the root, breadth first.  Whatever is not reached is in a cycle. */
  if (l->error == NULL)
    {
      g_array_sort (rows, compare_task_rows);
      first_child = g_hash_table_new (NULL, NULL);
      for (guint i = rows->len; i-- > 0;)
        g_hash_table_insert (first_child,
                             GINT_TO_POINTER (g_array_index (rows, TaskRow, i).parent_uid),
                             GUINT_TO_POINTER (i + 1));

      queue = g_array_sized_new (FALSE, FALSE, sizeof (int), rows->len + 1);
      {
        int zero = 0;

        g_array_append_val (queue, zero);
      }
      for (guint q = 0; l->error == NULL && q < queue->len; q++)
        {
          int parent_uid = g_array_index (queue, int, q);
          GantryTask *parent = g_hash_table_lookup (l->tasks, GINT_TO_POINTER (parent_uid));
          guint i = GPOINTER_TO_UINT (g_hash_table_lookup (first_child,
                                                           GINT_TO_POINTER (parent_uid)));

          if (i == 0)
            continue;
          for (i = i - 1; i < rows->len; i++)
            {
              TaskRow *row = &g_array_index (rows, TaskRow, i);

              if (row->parent_uid != parent_uid)
                break;
              if (!gantry_project_add_task (l->project, parent, -1, row->task))
                {
                  g_autofree char *detail =
                    g_strdup_printf (_("task %d cannot be placed in the outline"), row->uid);

                  loader_damaged (l, detail);
                  break;
                }
              visited++;
              g_array_append_val (queue, row->uid);
            }
        }

      if (l->error == NULL && visited != rows->len)
        {
          for (guint i = 0; i < rows->len; i++)
            {
              TaskRow *row = &g_array_index (rows, TaskRow, i);

              if (gantry_task_get_project (row->task) == NULL)
                {
                  g_autofree char *detail =
                    g_strdup_printf (_("task %d is its own ancestor in the outline"),
                                     row->uid);

                  loader_damaged (l, detail);
                  break;
                }
            }
          loader_damaged (l, _("the outline forms a cycle"));
        }
    }

  /* The project holds its own references now; drop ours. */
  for (guint i = 0; i < rows->len; i++)
    g_object_unref (g_array_index (rows, TaskRow, i).task);

  return l->error == NULL;
}

static GantryTask *
row_task (Row *r, int col)
{
  return row_reference (r, col, r->loader->tasks, _("refers to task %d, which does not exist"));
}

static gboolean
load_baselines (Loader *l)
{
  sqlite3_stmt *stmt = NULL;
  Row r;

  if (!loader_prepare (l, SQL_SELECT ("baselines", BASELINE_COLUMNS), &stmt))
    return FALSE;
  row_init (&r, l, stmt, "baselines", baseline_columns);
  while (loader_step (l, stmt))
    {
      GantryBaseline b = { 0 };
      GantryTask *task;
      guint n;

      r.key = sqlite3_column_int64 (stmt, B_task_uid);
      task = row_task (&r, B_task_uid);
      n = row_int (&r, B_number, 0, GANTRY_N_BASELINES - 1);
      b.set = TRUE;
      b.interim = row_bool (&r, B_interim);
      b.start = row_time (&r, B_start);
      b.finish = row_time (&r, B_finish);
      b.duration = row_duration (&r, B_duration);
      b.duration_format = row_format (&r, B_duration_format);
      b.estimated = row_bool (&r, B_estimated);
      b.work = row_work (&r, B_work);
      b.cost = row_money (&r, B_cost);
      b.bcws = row_money (&r, B_bcws);
      b.bcwp = row_money (&r, B_bcwp);
      b.fixed_cost = row_money (&r, B_fixed_cost);
      if (r.failed)
        break;
      gantry_task_set_baseline (task, n, &b);
    }
  sqlite3_finalize (stmt);
  return l->error == NULL;
}

static gboolean
load_links (Loader *l)
{
  sqlite3_stmt *stmt = NULL;
  Row r;

  if (!loader_prepare (l, SQL_SELECT ("links", LINK_COLUMNS) " ORDER BY position", &stmt))
    return FALSE;
  row_init (&r, l, stmt, "links", link_columns);
  while (loader_step (l, stmt))
    {
      g_autoptr(GantryLink) link = NULL;
      GantryTask *pred, *succ;
      GantryLinkType type;
      gint64 lag;
      GantryDurationFormat format;

      r.key = sqlite3_column_int64 (stmt, L_position);
      row_int (&r, L_position, 0, G_MAXINT);
      pred = row_task (&r, L_predecessor_uid);
      succ = row_task (&r, L_successor_uid);
      type = row_int (&r, L_link_type, GANTRY_LINK_FF, GANTRY_LINK_SS);
      lag = row_duration (&r, L_lag);
      format = row_format (&r, L_lag_format);
      if (r.failed)
        break;

      link = gantry_link_new (pred, succ, type, lag, format);
      if (!gantry_project_add_link (l->project, link))
        {
          row_fail (&r, L_successor_uid,
                    _("makes a link that repeats another one or links a task to itself"));
          break;
        }
      g_ptr_array_add (l->links, link);
    }
  sqlite3_finalize (stmt);
  return l->error == NULL;
}

static gboolean
load_assignments (Loader *l)
{
  sqlite3_stmt *stmt = NULL;
  Row r;

  if (!loader_prepare (l, SQL_SELECT ("assignments", ASSIGNMENT_COLUMNS)
                          " ORDER BY position, uid", &stmt))
    return FALSE;
  row_init (&r, l, stmt, "assignments", assignment_columns);
  while (loader_step (l, stmt))
    {
      g_autoptr(GantryAssignment) a = NULL;
      GantryResource *res = NULL;
      GantryTask *task;
      GantryTime start, finish;
      double units, cost;
      GantryDuration work;
      int uid;

      r.key = sqlite3_column_int64 (stmt, A_uid);
      uid = row_uid (&r, A_uid);
      row_int (&r, A_position, G_MININT, G_MAXINT);
      if (!r.failed && g_hash_table_contains (l->assignments, GINT_TO_POINTER (uid)))
        row_duplicate (&r, A_uid, uid);
      task = row_task (&r, A_task_uid);
      res = row_reference (&r, A_resource_uid, l->resources,
                           _("refers to resource %d, which does not exist"));
      units = row_double (&r, A_units, 0, UNITS_MAX);
      work = row_work (&r, A_work);
      if (r.failed)
        break;

      a = gantry_assignment_new (uid, task, res, units, work);
      gantry_assignment_set_delay (a, row_duration (&r, A_delay));
      gantry_assignment_set_actual_work (a, row_work (&r, A_actual_work));
      gantry_assignment_set_overtime_work (a, row_work (&r, A_overtime_work));
      gantry_assignment_set_percent_work_complete (a, row_percent (&r, A_percent_work_complete));
      gantry_assignment_set_work_contour (a, row_int (&r, A_work_contour, 0, 8));
      gantry_assignment_set_cost_rate_table (a, row_int (&r, A_cost_rate_table, 0, 4));
      start = row_time (&r, A_start);
      finish = row_time (&r, A_finish);
      cost = row_money (&r, A_cost);
      if (r.failed)
        break;
      gantry_assignment_set_computed (a, start, finish, cost);

      if (!gantry_project_add_assignment (l->project, a))
        {
          row_fail (&r, A_uid, _("makes an assignment that cannot be added"));
          break;
        }
      g_hash_table_insert (l->assignments, GINT_TO_POINTER (uid), a);
    }
  sqlite3_finalize (stmt);
  return l->error == NULL;
}

static gboolean
load_extras (Loader *l)
{
  sqlite3_stmt *stmt = NULL;
  Row r;
  gint64 n = 0;

  if (!loader_prepare (l, SQL_SELECT ("extras", EXTRA_COLUMNS)
                          " ORDER BY owner_kind, owner_uid, ordinal", &stmt))
    return FALSE;
  row_init (&r, l, stmt, "extras", extra_columns);
  while (loader_step (l, stmt))
    {
      GantryExtras *extras = NULL;
      const char *name, *xml;
      gint64 kind, uid;
      gboolean in_schema;
      gpointer owner = NULL;

      r.key = n++;
      kind = row_int (&r, X_owner_kind, OWNER_PROJECT, OWNER_LINK);
      uid = row_uid (&r, X_owner_uid);
      row_int (&r, X_ordinal, 0, G_MAXINT);
      name = row_text_required (&r, X_name);
      xml = row_text_required (&r, X_xml);
      in_schema = row_bool (&r, X_in_schema);
      if (r.failed)
        break;

      switch (kind)
        {
        case OWNER_PROJECT:
          if (uid == 0)
            extras = gantry_project_get_extras (l->project);
          break;
        case OWNER_TASK:
          if ((owner = g_hash_table_lookup (l->tasks, GINT_TO_POINTER (uid))) != NULL)
            extras = gantry_task_get_extras (owner);
          break;
        case OWNER_RESOURCE:
          if ((owner = g_hash_table_lookup (l->resources, GINT_TO_POINTER (uid))) != NULL)
            extras = gantry_resource_get_extras (owner);
          break;
        case OWNER_ASSIGNMENT:
          if ((owner = g_hash_table_lookup (l->assignments, GINT_TO_POINTER (uid))) != NULL)
            extras = gantry_assignment_get_extras (owner);
          break;
        case OWNER_CALENDAR:
          if ((owner = g_hash_table_lookup (l->calendars, GINT_TO_POINTER (uid))) != NULL)
            extras = gantry_calendar_get_extras (((CalendarLoad *) owner)->calendar);
          break;
        case OWNER_LINK:
          if (uid >= 0 && uid < l->links->len)
            extras = gantry_link_get_extras (g_ptr_array_index (l->links, uid));
          break;
        default:
          break;
        }
      if (extras == NULL)
        {
          row_fail (&r, X_owner_uid, _("refers to an object that does not exist"));
          break;
        }
      gantry_extras_append (extras, name, xml, in_schema);
    }
  sqlite3_finalize (stmt);
  return l->error == NULL;
}

static gboolean
load_settings (Loader *l)
{
  sqlite3_stmt *stmt = NULL;
  Row r;
  gint64 n = 0;

  if (!loader_prepare (l, SQL_SELECT ("settings", SETTING_COLUMNS), &stmt))
    return FALSE;
  row_init (&r, l, stmt, "settings", setting_columns);
  while (loader_step (l, stmt))
    {
      const char *key, *value;

      r.key = n++;
      key = row_text_required (&r, S_key);
      value = row_text_required (&r, S_value);
      if (r.failed)
        break;
      gantry_project_set_setting (l->project, key, value);
    }
  sqlite3_finalize (stmt);
  return l->error == NULL;
}

/* Some projects start with objects of their own (a default calendar);
 * a loaded file replaces them. */
static void
empty_project (GantryProject *project)
{
  GListModel *calendars = gantry_project_get_calendars (project);

  gantry_project_set_calendar (project, NULL);
  while (g_list_model_get_n_items (calendars) > 0)
    {
      g_autoptr(GantryCalendar) cal = g_list_model_get_item (calendars, 0);

      gantry_project_remove_calendar (project, cal);
    }
}

/* Times each step of loading when GANTRY_STORE_TIMING is set (for
 * profiling big files). */
static gboolean
timed_phase (gint64     *clock,
             const char *name,
             gboolean    ok)
{
  static int enabled = -1;
  gint64 t;

  if (enabled < 0)
    enabled = g_getenv ("GANTRY_STORE_TIMING") != NULL;
  if (!enabled)
    return ok;
  t = g_get_monotonic_time ();
  g_printerr ("store: %s: %.3f s\n", name, (t - *clock) / 1e6);
  *clock = t;
  return ok;
}

#define PHASE(call) timed_phase (&clock, #call, (call))

GantryProject *
gantry_store_load (const char  *path,
                   GError     **error)
{
  g_autofree char *display = NULL;
  Loader l = { 0 };
  gint64 version = 0;
  GantryProject *result = NULL;
  gint64 clock = g_get_monotonic_time ();

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = display_name (path);
  l.path = path;
  l.display = display;

  if (!PHASE (check_header (&l)) ||
      !PHASE (open_database (&l)) ||
      !PHASE (check_identity (&l)) ||
      !PHASE (check_integrity (&l)) ||
      !query_int (&l, "PRAGMA user_version", &version) ||
      !PHASE (migrate (&l, (int) version)) ||
      !PHASE (check_schema (&l)))
    goto out;

  l.project = gantry_project_new ();
  l.calendars = g_hash_table_new_full (NULL, NULL, NULL, calendar_load_free);
  l.calendar_order = g_ptr_array_new ();
  l.tasks = g_hash_table_new (NULL, NULL);
  l.resources = g_hash_table_new (NULL, NULL);
  l.assignments = g_hash_table_new (NULL, NULL);
  l.links = g_ptr_array_new ();

  empty_project (l.project);
  g_object_freeze_notify (G_OBJECT (l.project));

  if (PHASE (load_calendars (&l)) &&
      PHASE (load_exceptions (&l)) &&
      PHASE (load_work_weeks (&l)) &&
      PHASE (load_days (&l)) &&
      PHASE (finish_calendars (&l)) &&
      PHASE (load_project (&l)) &&
      PHASE (load_resources (&l)) &&
      PHASE (load_tasks (&l)) &&
      PHASE (load_baselines (&l)) &&
      PHASE (load_links (&l)) &&
      PHASE (load_assignments (&l)) &&
      PHASE (load_extras (&l)) &&
      PHASE (load_settings (&l)) &&
      PHASE (_gantry_store_load_risks (l.db, l.project, l.display, &l.error)))
    {
      g_object_thaw_notify (G_OBJECT (l.project));
      gantry_project_clear_history (l.project);
      gantry_project_mark_saved (l.project);
      result = g_steal_pointer (&l.project);
    }
  else if (l.project != NULL)
    g_object_thaw_notify (G_OBJECT (l.project));

out:
  if (l.db != NULL)
    sqlite3_close (l.db);
  g_clear_object (&l.project);
  g_clear_pointer (&l.calendars, g_hash_table_unref);
  g_clear_pointer (&l.calendar_order, g_ptr_array_unref);
  g_clear_pointer (&l.tasks, g_hash_table_unref);
  g_clear_pointer (&l.resources, g_hash_table_unref);
  g_clear_pointer (&l.assignments, g_hash_table_unref);
  g_clear_pointer (&l.links, g_ptr_array_unref);

  if (result == NULL)
    {
      if (l.error == NULL)
        loader_damaged (&l, _("it could not be read"));
      g_propagate_error (error, l.error);
    }
  return result;
}
