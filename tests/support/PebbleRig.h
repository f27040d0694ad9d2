#pragma once

#include <QByteArray>
#include <QHash>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace gatehouse::test {

// A real ACME CA for tests: Debian's `pebble`, with `pebble-challtestsrv` as its
// DNS (every name is 127.0.0.1), on free loopback ports, with a generated TLS
// certificate for its own HTTPS. Validation connects to httpPort (http-01) and
// tlsPort (tls-alpn-01) on 127.0.0.1, so tests point them at their listeners.
// Both processes are killed on destruction.
class PebbleRig
{
public:
    struct Options
    {
        quint16 httpPort = 5002;  // where Pebble connects for http-01
        quint16 tlsPort = 5001;  // where Pebble connects for tls-alpn-01
        // Extra environment for pebble, e.g. PEBBLE_WFE_NONCEREJECT or
        // PEBBLE_AUTHZREUSE; PEBBLE_VA_NOSLEEP=1 is set unless given here.
        QHash<QString, QString> environment;
    };

    explicit PebbleRig(Options options);
    PebbleRig() : PebbleRig(Options {}) { }
    ~PebbleRig();
    PebbleRig(const PebbleRig &) = delete;
    PebbleRig &operator=(const PebbleRig &) = delete;

    // Starts both, waits (event loop running) until the directory answers and
    // fetches the root; false with errorString() when anything fails.
    bool start(int timeoutMs = 20000);
    QString errorString() const { return m_error; }

    QString directoryUrl() const;  // https://127.0.0.1:<port>/dir
    QString managementUrl() const;  // https://127.0.0.1:<port>
    QString caBundlePath() const;  // PEM of Pebble's own HTTPS certificate (for acme.caBundle)
    QByteArray rootPem() const { return m_rootPem; }  // the issuing root, from /roots/0
    QString rootPemPath() const;  // the same, written next to caBundlePath()
    QByteArray intermediatePem() const { return m_intermediatePem; }  // /intermediates/0
    const Options &options() const { return m_options; }
    // pebble's log so far (for failure messages).
    QByteArray log() const;

    // An HTTPS GET trusting caBundlePath(), run to completion (test helper).
    std::optional<QByteArray> fetch(const QString &url, QString *error = nullptr) const;

private:
    bool fail(const QString &error);

    Options m_options;
    QTemporaryDir m_dir;
    quint16 m_listenPort = 0;
    quint16 m_managementPort = 0;
    quint16 m_dnsPort = 0;
    quint16 m_dnsManagementPort = 0;
    std::unique_ptr<QProcess> m_pebble;
    std::unique_ptr<QProcess> m_dns;
    QByteArray m_pebbleLog;
    QByteArray m_dnsLog;
    QByteArray m_rootPem;
    QByteArray m_intermediatePem;
    QString m_error;
};

}  // namespace gatehouse::test
