import TerminalUI

/// Draws into a fresh buffer of `width` × `height` and returns it, for snapshot-style asserts.
func rendered(width: Int, height: Int, _ draw: (inout ScreenBuffer, Rect) -> Void)
  -> ScreenBuffer
{
  var buffer = ScreenBuffer(size: Size(width: width, height: height))
  draw(&buffer, buffer.bounds)
  return buffer
}
