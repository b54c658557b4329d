#ifndef REHABIT_CNCURSES_SHIM_H
#define REHABIT_CNCURSES_SHIM_H

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE flags, so ask for the wide API here
   (see NCURSES-NOTES.md): without these, cchar_t and wget_wch do not import. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

/* Globals that Swift 6 strict concurrency rejects, returned through accessors. */
static inline WINDOW *rh_stdscr(void) { return stdscr; }
static inline int rh_lines(void) { return LINES; }
static inline int rh_cols(void) { return COLS; }
static inline int rh_colors(void) { return COLORS; }

/* Macros that do not import. */
static inline int rh_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline attr_t rh_a_normal(void) { return A_NORMAL; }
static inline attr_t rh_a_bold(void) { return A_BOLD; }
static inline attr_t rh_a_dim(void) { return A_DIM; }
static inline attr_t rh_a_reverse(void) { return A_REVERSE; }
static inline attr_t rh_a_underline(void) { return A_UNDERLINE; }
static inline int rh_key_f(int n) { return KEY_F(n); }
static inline int rh_err(void) { return ERR; }
static inline int rh_ok(void) { return OK; }
static inline int rh_key_code_yes(void) { return KEY_CODE_YES; }

#endif
