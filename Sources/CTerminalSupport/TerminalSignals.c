#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <ncursesw/ncurses.h>
#include "CTerminalSupport.h"

/* Signal handling lives in C so the handler touches no Swift runtime (no retain/release, no
   allocation): restore the terminal, put back the previous action, re-raise. The previous action
   is the default for INT/TERM/HUP (exit codes 130/143/129) and, for crashes, Swift's backtracer,
   which then prints onto a usable terminal.
   This is a compiled C target rather than header inline functions because Swift's importer does
   not emit the file-scope statics a header would need: the state lives here, once. */
#define RH_SIGNAL_SLOTS 65
struct sigaction *rh_previous_actions(void) {
  static struct sigaction actions[RH_SIGNAL_SLOTS];
  return actions;
}
volatile sig_atomic_t *rh_installed(void) {
  static volatile sig_atomic_t installed[RH_SIGNAL_SLOTS];
  return installed;
}
volatile sig_atomic_t *rh_curses_active(void) {
  static volatile sig_atomic_t active;
  return &active;
}

void rh_end_curses_once(void) {
  volatile sig_atomic_t *active = rh_curses_active();
  if (*active) {
    *active = 0;
    endwin();
  }
}

static void rh_restoring_handler(int sig) {
  rh_end_curses_once();
  if (sig > 0 && sig < RH_SIGNAL_SLOTS && rh_installed()[sig]) {
    sigaction(sig, &rh_previous_actions()[sig], NULL);
  } else {
    signal(sig, SIG_DFL);
  }
  raise(sig);
}

int rh_install_restoring_handler(int sig) {
  if (sig <= 0 || sig >= RH_SIGNAL_SLOTS || rh_installed()[sig]) return -1;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = rh_restoring_handler;
  sigemptyset(&action.sa_mask);
  if (sigaction(sig, &action, &rh_previous_actions()[sig]) != 0) return -1;
  rh_installed()[sig] = 1;
  return 0;
}

void rh_uninstall_restoring_handler(int sig) {
  if (sig <= 0 || sig >= RH_SIGNAL_SLOTS || !rh_installed()[sig]) return;
  sigaction(sig, &rh_previous_actions()[sig], NULL);
  rh_installed()[sig] = 0;
}

/* Whether the handlers and the exit hook should call endwin(). */
void rh_set_curses_active(int active) { *rh_curses_active() = active; }

/* exit() from anywhere (an argument parser, a library) must not leave curses mode on. */
static void rh_endwin_at_exit(void) { rh_end_curses_once(); }

void rh_register_exit_hook(void) {
  static int registered = 0;
  if (!registered) {
    registered = 1;
    atexit(rh_endwin_at_exit);
  }
}

/* Unblocks the signals a full-screen program relies on: Swift Testing workers and some spawning
   parents leave them blocked, and a blocked WINCH means no resize events. */
int rh_unblock_terminal_signals(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGWINCH);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGTSTP);
  sigaddset(&set, SIGCONT);
  return pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

