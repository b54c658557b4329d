#ifndef REHABIT_CTERMINALSUPPORT_H
#define REHABIT_CTERMINALSUPPORT_H

/* Signal and exit handling that restores the terminal; see TerminalSignals.c. */
int rh_install_restoring_handler(int sig);
void rh_uninstall_restoring_handler(int sig);
void rh_set_curses_active(int active);
void rh_register_exit_hook(void);
int rh_unblock_terminal_signals(void);

#endif
