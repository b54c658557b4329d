#ifndef REHABIT_CNCURSES_SHIM_H
#define REHABIT_CNCURSES_SHIM_H

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE flags, so ask for the wide API here
   (see docs/NCURSES-NOTES.md): without these, cchar_t and wget_wch do not import. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

/* Globals that Swift 6 strict concurrency rejects, returned through accessors. */
static inline WINDOW *rh_stdscr(void) { return stdscr; }
static inline int rh_lines(void) { return LINES; }
static inline int rh_cols(void) { return COLS; }
static inline int rh_colors(void) { return COLORS; }
static inline int rh_color_pairs(void) { return COLOR_PAIRS; }
/* glibc's stdin/stdout are mutable globals too (newterm needs them). */
static inline FILE *rh_stdin(void) { return stdin; }
static inline FILE *rh_stdout(void) { return stdout; }

/* Macros that do not import. */
static inline int rh_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline attr_t rh_a_normal(void) { return A_NORMAL; }
static inline attr_t rh_a_bold(void) { return A_BOLD; }
static inline attr_t rh_a_dim(void) { return A_DIM; }
static inline attr_t rh_a_reverse(void) { return A_REVERSE; }
static inline attr_t rh_a_underline(void) { return A_UNDERLINE; }
static inline int rh_key_f(int n) { return KEY_F(n); }
static inline int rh_key_resize(void) { return KEY_RESIZE; }
static inline int rh_err(void) { return ERR; }
static inline int rh_ok(void) { return OK; }
static inline int rh_key_code_yes(void) { return KEY_CODE_YES; }

/* wcwidth is hidden behind _XOPEN_SOURCE in glibc's headers, which SwiftPM does not set; the
   symbol is always there. -1 means the locale cannot print the character. */
extern int wcwidth(wchar_t c);
static inline int rh_wcwidth(wchar_t c) { return wcwidth(c); }

/* True when the LC_CTYPE code set is UTF-8 (CODESET is an enum plus macro that Swift imports
   awkwardly, so compare here). */
static inline int rh_locale_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL
         && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

/* Cursor addressing ("cup") is what full-screen drawing needs; tigetstr returns NULL when it is
   absent and (char *)-1 when the name is not a string capability. */
static inline int rh_has_cursor_addressing(void) {
  char *cup = tigetstr("cup");
  return cup != NULL && cup != (char *)-1;
}

#endif
