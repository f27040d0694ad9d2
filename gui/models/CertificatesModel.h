#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace gatehouse::gui {

// The service's certificates (certs.list), kept current by certificate.changed
// events: domains, state, expiry relative and absolute, next renewal, progress
// while issuing, the issuer and serial of the certificate served, last error.
class CertificatesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Domains, State, Expires, NextRenewal, Progress, Issuer, Serial, LastError, ColumnCount };

    explicit CertificatesModel(QObject *parent = nullptr);

    void setCertificates(const QJsonArray &certificates);
    void updateCertificate(const QJsonObject &certificate);
    QJsonArray certificates() const;
    const QJsonObject &certificate(int row) const { return m_certificates.at(row); }
    QStringList domains(int row) const;
    void setNow(const QDateTime &now) { m_now = now; }

    // Relative times ("next retry in 4 seconds") move on; views call this now and then.
    void refreshTimes()
    {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QDateTime now() const { return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc(); }
    QString timeText(const QJsonValue &iso) const;

    QList<QJsonObject> m_certificates;
    QDateTime m_now;
};

}  // namespace gatehouse::gui
