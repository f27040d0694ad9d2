#include "platform/windows/WindowsConsole.h"

#include <windows.h>

namespace gatehouse::platform::windows {

namespace {

void (*g_onStop)(void *) = nullptr;
void *g_context = nullptr;

BOOL WINAPI onConsoleEvent(DWORD type)
{
    switch (type) {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
    case CTRL_CLOSE_EVENT:
    case CTRL_LOGOFF_EVENT:
    case CTRL_SHUTDOWN_EVENT:
        if (g_onStop) {
            g_onStop(g_context);
            return TRUE;
        }
        return FALSE;
    default:
        return FALSE;
    }
}

}  // namespace

void installConsoleStopHandler(void (*onStop)(void *context), void *context)
{
    g_onStop = onStop;
    g_context = context;
    ::SetConsoleCtrlHandler(onConsoleEvent, TRUE);
}

void removeConsoleStopHandler()
{
    ::SetConsoleCtrlHandler(onConsoleEvent, FALSE);
    g_onStop = nullptr;
    g_context = nullptr;
}

}  // namespace gatehouse::platform::windows
