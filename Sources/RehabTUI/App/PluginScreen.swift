import TerminalUI

/// A screen from outside the app's own list (an extension, or a test): any `ScreenComponent`
/// with its state, behind one type so that `Screen` and `AppAction` need not name it. Its
/// actions travel as `PluginAction`s; one meant for another component is ignored.
public struct PluginScreen: Equatable, Sendable {
  private let box: any PluginBox

  init<Component: ScreenComponent>(_ component: Component.Type, state: Component.State) {
    box = ComponentBox<Component>(state: state)
  }

  /// The component's state, when the screen is `Component`.
  func state<Component: ScreenComponent>(of component: Component.Type) -> Component.State? {
    (box as? ComponentBox<Component>)?.state
  }

  var title: String { box.title }
  var keys: ScreenKeys { box.keys }
  var helpKeys: ScreenKeys { box.helpKeys }

  /// The screen after `action` and the reply, or nil when the action is another component's.
  func reduce(_ action: PluginAction, context: ScreenContext) -> (
    screen: PluginScreen, reply: ScreenReply
  )? {
    box.reduce(action, context: context).map { (PluginScreen(box: $0.0), $0.1) }
  }

  func render(app: AppState, into buffer: inout ScreenBuffer, theme: Theme) {
    box.render(app: app, into: &buffer, theme: theme)
  }

  private init(box: any PluginBox) { self.box = box }

  public static func == (lhs: PluginScreen, rhs: PluginScreen) -> Bool {
    lhs.box.isEqual(to: rhs.box)
  }
}

/// An action of a `PluginScreen`'s component.
public struct PluginAction: Equatable, Sendable {
  fileprivate let value: any Equatable & Sendable

  init<Component: ScreenComponent>(_ component: Component.Type, _ action: Component.Action) {
    value = action
  }

  public static func == (lhs: PluginAction, rhs: PluginAction) -> Bool {
    isEqual(lhs.value, rhs.value)
  }
}

private func isEqual<Value: Equatable>(_ lhs: Value, _ rhs: any Equatable) -> Bool {
  (rhs as? Value) == lhs
}

private protocol PluginBox: Sendable {
  var title: String { get }
  var keys: ScreenKeys { get }
  var helpKeys: ScreenKeys { get }
  func isEqual(to other: any PluginBox) -> Bool
  func reduce(_ action: PluginAction, context: ScreenContext) -> (any PluginBox, ScreenReply)?
  func render(app: AppState, into buffer: inout ScreenBuffer, theme: Theme)
}

private struct ComponentBox<Component: ScreenComponent>: PluginBox {
  let state: Component.State

  var title: String { Component.title(state) }
  var keys: ScreenKeys { Component.keys(for: state) }
  var helpKeys: ScreenKeys { Component.helpKeys(for: state) }

  func isEqual(to other: any PluginBox) -> Bool {
    (other as? ComponentBox<Component>)?.state == state
  }

  func reduce(_ action: PluginAction, context: ScreenContext) -> (any PluginBox, ScreenReply)? {
    guard let action = action.value as? Component.Action else { return nil }
    var next = state
    let reply = Component.reduce(&next, action, context: context)
    return (ComponentBox(state: next), reply)
  }

  func render(app: AppState, into buffer: inout ScreenBuffer, theme: Theme) {
    Component.render(state, app: app, into: &buffer, theme: theme)
  }
}
