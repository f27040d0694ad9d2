#include "platform/WorkerEventDispatcher.h"

#if defined(Q_OS_LINUX)
#include "platform/linux/EpollEventDispatcher.h"
#endif

namespace gatehouse::platform {

std::unique_ptr<QAbstractEventDispatcher> createWorkerEventDispatcher()
{
#if defined(Q_OS_LINUX)
    return std::make_unique<EpollEventDispatcher>();
#else
    return nullptr;
#endif
}

bool hasWorkerEventDispatcher()
{
#if defined(Q_OS_LINUX)
    return true;
#else
    return false;
#endif
}

}  // namespace gatehouse::platform
