# Install rehabit like any other command-line tool:
#   make install                      # into ~/.local (bin, share/man, completions)
#   make install PREFIX=/usr/local    # system-wide (as root)
#   make install DESTDIR=/tmp/pkg     # staged, for packaging
#   make uninstall                    # the same PREFIX and DESTDIR remove what install put there
# Needs swift 6.3, libncurses-dev; nothing else.

PREFIX ?= $(HOME)/.local
DESTDIR ?=
SWIFT ?= swift

BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

RELEASE := .build/release/rehabit
# swift-argument-parser's generate-manual plugin writes here. It builds the package first; the
# debug configuration is enough for the help text and is already built by `swift test`, which
# saves a second release build.
MANUAL := .build/plugins/GenerateManual/outputs/rehabit/rehabit.1
COMPLETIONS := .build/completions

.PHONY: all build man completions install uninstall

all: build man completions

build:
	$(SWIFT) build -c release --static-swift-stdlib --product rehabit

man:
	$(SWIFT) package generate-manual --configuration debug

completions: build
	mkdir -p $(COMPLETIONS)
	$(RELEASE) --generate-completion-script bash > $(COMPLETIONS)/rehabit.bash
	$(RELEASE) --generate-completion-script zsh > $(COMPLETIONS)/_rehabit
	$(RELEASE) --generate-completion-script fish > $(COMPLETIONS)/rehabit.fish

install: all
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 0755 $(RELEASE) $(BINDIR)/rehabit
	install -m 0644 $(MANUAL) $(MANDIR)/rehabit.1
	install -m 0644 $(COMPLETIONS)/rehabit.bash $(BASHDIR)/rehabit
	install -m 0644 $(COMPLETIONS)/_rehabit $(ZSHDIR)/_rehabit
	install -m 0644 $(COMPLETIONS)/rehabit.fish $(FISHDIR)/rehabit.fish
	@case ":$$PATH:" in *":$(PREFIX)/bin:"*) ;; *) \
	  echo "rehabit is in $(BINDIR); put it on PATH: echo 'export PATH=\"$(PREFIX)/bin:\$$PATH\"' >> ~/.profile" ;; esac

uninstall:
	rm -f $(BINDIR)/rehabit $(MANDIR)/rehabit.1 $(BASHDIR)/rehabit $(ZSHDIR)/_rehabit \
	  $(FISHDIR)/rehabit.fish
