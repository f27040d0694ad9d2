#include "platform/QtServiceRunner.h"

#include <QCoreApplication>
#include <QMetaObject>

namespace gatehouse::platform {

namespace {

class QtServiceCallbacks final : public ServiceCallbacks
{
public:
    explicit QtServiceCallbacks(const QtServiceHooks &hooks) : m_hooks(hooks) { }

    std::string start() override { return m_hooks.start().toStdString(); }
    int run() override { return QCoreApplication::exec(); }

    // These two run on the SCM's dispatcher thread: queue the work to the main
    // thread. The lambdas hold copies of the hooks, not this object.
    void stopRequested() override
    {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [stop = m_hooks.stop] {
                stop();
                QCoreApplication::exit(0);
            },
            Qt::QueuedConnection);
    }
    void reloadRequested() override
    {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [reload = m_hooks.reload] { reload(); }, Qt::QueuedConnection);
    }

private:
    const QtServiceHooks &m_hooks;
};

}  // namespace

Result<int, ServiceError> runQtService(const QString &name, const QtServiceHooks &hooks)
{
    QtServiceCallbacks callbacks(hooks);
    return runAsService(name.toStdString(), callbacks);
}

}  // namespace gatehouse::platform
