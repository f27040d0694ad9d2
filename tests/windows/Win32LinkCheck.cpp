// Linked (never run) by scripts/check-windows.sh with mingw-w64 together with
// the pure-Win32 platform files and the libraries core/platform/CMakeLists.txt
// gives gatehouse_core on Windows, so a Win32 call whose import library is
// missing there fails on Linux instead of on the first Windows build.
#include "platform/ListenSocket.h"
#include "platform/PeerCredentials.h"
#include "platform/PortHolderLookup.h"
#include "platform/ServiceHost.h"
#include "platform/WindowsCommandLine.h"
#include "platform/windows/WindowsConsole.h"

int main()
{
    using namespace gatehouse::platform;
    const auto peers = PeerCredentials::create();
    const auto holders = PortHolderLookup::create();
    const auto socket = openListeningSocket("127.0.0.1", 0, 1);
    const auto commandLine = windowsCommandLine("C:\\Gatehouse\\gatehoused.exe", { "--service" });
    const auto uninstalled = uninstallService("an unlikely service name");
    windows::removeConsoleStopHandler();
    return peers && holders && socket.ok() && commandLine.ok() && !uninstalled.ok() ? 0 : 1;
}
