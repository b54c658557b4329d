/// What a key did to a `TextField`, so the owner knows whether to validate, submit or close.
public enum TextFieldOutcome: Hashable, Sendable {
  /// The value changed.
  case edited
  /// Only the cursor moved; the key was still consumed.
  case moved
  /// Enter: the user accepts the value.
  case submitted
  /// Esc: the user abandons the edit.
  case cancelled
  /// The key means nothing here (or would exceed `maxLength`); a modal should still swallow it.
  case ignored
}
