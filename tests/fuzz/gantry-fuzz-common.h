/* gantry-fuzz-common.h — shared set-up for the libFuzzer harnesses
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Bad input must give an error, never a g_critical (a failed
 * g_return_if_fail is a bug) nor an abort.  Plain warnings about bad
 * values are expected and dropped, so the fuzzer's output stays readable
 * and fast. */
static void
gantry_fuzz_log_handler (const char     *domain,
                         GLogLevelFlags  level,
                         const char     *message,
                         gpointer        user_data)
{
  if (level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    {
      g_printerr ("%s-CRITICAL: %s\n", domain ? domain : "", message);
      abort ();
    }
}

static inline void
gantry_fuzz_init (void)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_log_set_default_handler (gantry_fuzz_log_handler, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR);
}

/* The input as a NUL-terminated string (what text parsers take). */
static inline char *
gantry_fuzz_strndup (const uint8_t *data, size_t size)
{
  return g_strndup ((const char *) data, size);
}
