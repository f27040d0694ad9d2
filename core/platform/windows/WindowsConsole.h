#pragma once

namespace gatehouse::platform::windows {

// Pure Win32: calls onStop(context) on a system thread when the console asks the
// process to stop (Ctrl+C, Ctrl+Break, close, logoff, shutdown).
void installConsoleStopHandler(void (*onStop)(void *context), void *context);
void removeConsoleStopHandler();

}  // namespace gatehouse::platform::windows
