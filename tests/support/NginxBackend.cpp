#include "NginxBackend.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

namespace gatehouse::test {

NginxBackend::~NginxBackend()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
    }
}

QString NginxBackend::program()
{
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("nginx"));
    return !onPath.isEmpty()
        ? onPath
        : QStandardPaths::findExecutable(QStringLiteral("nginx"),
                                         { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin") });
}

bool NginxBackend::start(const Options &options)
{
    if (!m_prefix.isValid() || program().isEmpty()) {
        m_errors = QStringLiteral("nginx not found: scripts/install-deps.sh test installs it");
        return false;
    }
    m_port = freePort();
    const QString prefix = m_prefix.path();
    QDir(prefix).mkpath(QStringLiteral("tmp"));
    QFile conf(m_prefix.filePath(QStringLiteral("nginx.conf")));
    if (!conf.open(QIODevice::WriteOnly)) {
        m_errors = QStringLiteral("cannot write %1: %2").arg(conf.fileName(), conf.errorString());
        return false;
    }
    const QString temp = prefix + QStringLiteral("/tmp/");
    const QString log = options.accessLog
        ? QStringLiteral("  log_format connections '$connection $connection_requests \"$request\" $status';\n"
                         "  access_log %1/access.log connections;\n")
              .arg(prefix)
        : QStringLiteral("  access_log off;\n");
    const QString content = options.root.isEmpty()
        ? QStringLiteral("location / { return 200 \"hello from the backend\\n\"; }")
        : QStringLiteral("root %1;").arg(options.root);
    conf.write(QStringLiteral("daemon off;\nmaster_process off;\nworker_processes 1;\npid %1/nginx.pid;\n"
                              "error_log %1/error.log warn;\nevents { worker_connections 4096; }\nhttp {\n"
                              "  default_type application/octet-stream;\n%3"
                              "  client_body_temp_path %2body; proxy_temp_path %2proxy;\n"
                              "  fastcgi_temp_path %2fastcgi; uwsgi_temp_path %2uwsgi; scgi_temp_path %2scgi;\n"
                              "  keepalive_requests 1000000;\n"
                              "  server { listen 127.0.0.1:%4 backlog=4096; %5 }\n}\n")
                   .arg(prefix, temp, log)
                   .arg(m_port)
                   .arg(content)
                   .toUtf8());
    conf.close();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(program(),
                    { QStringLiteral("-p"), prefix, QStringLiteral("-c"), conf.fileName(), QStringLiteral("-e"),
                      m_prefix.filePath(QStringLiteral("error.log")) });
    const QString pid = m_prefix.filePath(QStringLiteral("nginx.pid"));
    const bool up
        = QTest::qWaitFor([&] { return QFile::exists(pid) || m_process.state() == QProcess::NotRunning; }, 10000);
    if (!up || m_process.state() == QProcess::NotRunning) {
        m_errors = QString::fromLocal8Bit(m_process.readAll()) + read(QStringLiteral("error.log"));
        return false;
    }
    return true;
}

QStringList NginxBackend::accessLog() const
{
    return read(QStringLiteral("access.log")).split(u'\n', Qt::SkipEmptyParts);
}

QString NginxBackend::read(const QString &name) const
{
    QFile file(m_prefix.filePath(name));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

}  // namespace gatehouse::test
