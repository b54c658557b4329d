import CNCurses
import TerminalUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real terminal, through ncursesw. The only type in the program that calls ncurses; it
/// holds the screen and window pointers, so it is main-actor bound and never shared.
///
/// Start with `start(options:)` and always call `stop()` (it is safe to call twice); signal
/// handlers and an exit hook also restore the terminal if the program dies first.
@MainActor
public final class CursesTerminal: Terminal {
  public let capabilities: TerminalCapabilities
  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  private var colorPairs: ColorPairCache
  private var isStopped = false
  private static var isRunning = false

  private init(
    screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>,
    capabilities: TerminalCapabilities, colorPairs: ColorPairCache
  ) {
    self.screen = screen
    self.window = window
    self.capabilities = capabilities
    self.colorPairs = colorPairs
  }

  /// Puts the terminal in full-screen mode, or explains in one line why it cannot.
  public static func start(
    options: CursesTerminalOptions = CursesTerminalOptions()
  ) throws(TerminalStartError) -> CursesTerminal {
    guard !isRunning else { throw TerminalStartError(.alreadyRunning, options: options) }
    // ncurses happily writes escape codes into a pipe; refuse instead.
    guard isatty(0) == 1, isatty(1) == 1 else {
      throw TerminalStartError(.notInteractive, options: options)
    }
    let term = environment("TERM") ?? ""
    // With TERM=dumb ncurses "succeeds" and draws garbage.
    guard !term.isEmpty, term != "dumb" else {
      throw TerminalStartError(
        .unsupportedTerminal(term.isEmpty ? "(unset)" : term),
        options: options)
    }
    TerminalSignals.unblockTerminalSignals()
    let unicode = configureLocale()
    if options.installsSignalHandlers { TerminalSignals.installHandlers() }

    // newterm returns NULL for an unknown TERM where initscr would print and exit(1).
    guard let screen = newterm(nil, rh_stdout(), rh_stdin()) else {
      TerminalSignals.cursesWillStop()
      throw TerminalStartError(.cannotInitialize(term), options: options)
    }
    guard rh_has_cursor_addressing() != 0, let window = rh_stdscr() else {
      TerminalSignals.cursesWillStop()
      endwin()
      delscreen(screen)
      throw TerminalStartError(.unsupportedTerminal(term), options: options)
    }

    // cbreak, not raw: Ctrl-C must stay SIGINT so the handler restores the terminal.
    cbreak()
    noecho()
    keypad(window, true)
    curs_set(0)
    set_escdelay(Int32(clamping: options.escapeDelayMilliseconds))

    let colors = options.allowsColor && !noColorRequested() && setUpColors()
    let defaultColorsWork = colors && use_default_colors() == rh_ok()
    let pairs = ColorPairCache(
      pairLimit: colors ? Int(rh_color_pairs()) : 0, defaultColorsWork: defaultColorsWork,
      register: { pair, foreground, background in
        _ = init_pair(pair, foreground, background)
      })

    TerminalSignals.cursesDidStart()
    isRunning = true
    return CursesTerminal(
      screen: screen, window: window,
      capabilities: TerminalCapabilities(colors: colors, unicode: unicode), colorPairs: pairs)
  }

  /// Restores the terminal (modes, cursor, screen contents). Safe to call more than once.
  public func stop() {
    guard !isStopped else { return }
    isStopped = true
    TerminalSignals.cursesWillStop()
    curs_set(1)
    endwin()
    delscreen(screen)
    Self.isRunning = false
  }

  isolated deinit {
    stop()
  }

  public var size: Size {
    Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
  }

  /// Draws the whole buffer; ncurses works out which cells changed and sends only those.
  public func draw(_ buffer: ScreenBuffer) {
    guard !isStopped else { return }
    werase(window)
    let visible = size
    for y in 0..<min(buffer.size.height, visible.height) {
      for x in 0..<min(buffer.size.width, visible.width) {
        let cell = buffer[x, y]
        // The left half of a wide grapheme already covers this column.
        if cell.isContinuation { continue }
        drawCell(cell, x: Int32(x), y: Int32(y))
      }
    }
    wnoutrefresh(window)
    doupdate()
  }

  /// The terminal's bell (ncurses flashes the screen instead where there is no bell).
  public func bell() {
    guard !isStopped else { return }
    beep()
  }

  /// Waits for a key, a resize, or the timeout (`.tick`); with `watching`, also for that
  /// descriptor (`.filesChanged`). Returns nil when input is closed.
  public func nextEvent(timeoutMilliseconds: Int?, watching descriptor: Int32?) -> TerminalEvent? {
    guard !isStopped else { return nil }
    guard let descriptor else { return nextKey(timeoutMilliseconds: timeoutMilliseconds) }
    return nextEvent(timeoutMilliseconds: timeoutMilliseconds, orReadable: descriptor)
  }

  /// One `poll(2)` on the keyboard and `descriptor` together, so the app sleeps until either
  /// has something (no polling loop). ncurses keeps keys it has read but not returned in its
  /// own buffer, which poll cannot see, so a non-blocking read comes first.
  private func nextEvent(timeoutMilliseconds: Int?, orReadable descriptor: Int32) -> TerminalEvent?
  {
    let deadline = timeoutMilliseconds.map { Self.monotonicMilliseconds() + max(0, $0) }
    while true {
      // Buffered keys, and KEY_RESIZE after a SIGWINCH, without waiting.
      if let event = nextKey(timeoutMilliseconds: 0), event != .tick { return event }
      let remaining = deadline.map { Int32(clamping: max(0, $0 - Self.monotonicMilliseconds())) }
      var descriptors = [
        pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
        pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&descriptors, 2, remaining ?? -1)
      if ready < 0 {
        // A signal (SIGWINCH: ncurses has queued KEY_RESIZE for the read above).
        guard errno == EINTR else { return nil }
        if let event = nextKey(timeoutMilliseconds: 0), event != .tick { return event }
        return .interrupt
      }
      if ready == 0 { return .tick }
      let keyboard = descriptors[0].revents
      if keyboard & Int16(POLLIN) != 0 {
        // Keys first: a key pressed as files change is not delayed. The escape delay still
        // applies inside the read.
        if let event = nextKey(timeoutMilliseconds: 0), event != .tick { return event }
      }
      // The terminal hung up with nothing left to read: input is gone (never spin on it).
      if keyboard & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return nil }
      if descriptors[1].revents != 0 { return .filesChanged }
      if let deadline, Self.monotonicMilliseconds() >= deadline { return .tick }
    }
  }

  /// Waits for a key, a resize, or the timeout (`.tick`). Returns nil when input is closed.
  private func nextKey(timeoutMilliseconds: Int?) -> TerminalEvent? {
    wtimeout(window, timeoutMilliseconds.map { Int32(clamping: max(0, $0)) } ?? -1)
    while true {
      var code: wint_t = 0
      let status = wget_wch(window, &code)
      if status == rh_err() {
        if timeoutMilliseconds != nil { return .tick }
        // A blocking read fails only when a signal interrupts it or the input is gone.
        return errno == EINTR ? .interrupt : nil
      }
      switch KeyDecoder.curses.decode(status: status, code: UInt32(code)) {
      case .key(let key):
        return .key(key)
      case .resize:
        return .resize(size)
      case .nothing:
        // An unbound key (mouse, keypad extras): a timed wait reports it as a tick rather than
        // restarting the full timeout.
        if timeoutMilliseconds != nil { return .tick }
      }
    }
  }

  private static func monotonicMilliseconds() -> Int {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Int(spec.tv_sec) * 1000 + Int(spec.tv_nsec) / 1_000_000
  }

  private func drawCell(_ cell: Cell, x: Int32, y: Int32) {
    let text = capabilities.unicode ? cell.grapheme : ASCIIFallback.ascii(cell.grapheme)
    var characters = text.unicodeScalars.prefix(Int(CCHARW_MAX)).map {
      wchar_t(bitPattern: $0.value)
    }
    // A scalar this locale cannot print would be drawn as a multi-cell escape like "~X".
    if let base = characters.first, rh_wcwidth(base) < 0 {
      characters = [wchar_t(bitPattern: UInt32(("?" as Unicode.Scalar).value))]
    }
    if characters.isEmpty { characters = [0x20] }
    characters.append(0)
    let pair =
      capabilities.colors
      ? colorPairs.pair(foreground: cell.style.foreground, background: cell.style.background)
      : 0
    var cchar = cchar_t()
    _ = setcchar(&cchar, characters, attributes(cell.style), pair, nil)
    _ = mvwadd_wch(window, y, x, &cchar)
  }

  private func attributes(_ style: Style) -> attr_t {
    var result = rh_a_normal()
    if style.bold { result |= rh_a_bold() }
    if style.dim { result |= rh_a_dim() }
    if style.reverse { result |= rh_a_reverse() }
    if style.underline { result |= rh_a_underline() }
    return result
  }

  /// Sets the locale from the environment, falling back to C.UTF-8 for characters when that
  /// is not UTF-8 (LANG unset or naming a missing locale). Returns whether UTF-8 is in effect.
  private static func configureLocale() -> Bool {
    setlocale(LC_ALL, "")
    if rh_locale_is_utf8() == 0 {
      setlocale(LC_CTYPE, "C.UTF-8")
    }
    return rh_locale_is_utf8() != 0
  }

  private static func setUpColors() -> Bool {
    guard has_colors(), start_color() == rh_ok() else { return false }
    return rh_colors() >= 8
  }

  /// https://no-color.org: any non-empty value turns colour off; ncurses does not check it.
  private static func noColorRequested() -> Bool {
    guard let value = environment("NO_COLOR") else { return false }
    return !value.isEmpty
  }

  private static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }
}
