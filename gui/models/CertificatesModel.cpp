#include "models/CertificatesModel.h"

#include "GuiText.h"

#include <QBrush>
#include <QColor>
#include <QJsonDocument>

namespace gatehouse::gui {

namespace {

QStringList domainsOf(const QJsonObject &certificate)
{
    QStringList names;
    for (const QJsonValue &domain : certificate.value(QStringLiteral("domains")).toArray())
        names << domain.toString();
    return names;
}

}  // namespace

CertificatesModel::CertificatesModel(QObject *parent) : QAbstractTableModel(parent) { }

void CertificatesModel::setCertificates(const QJsonArray &certificates)
{
    beginResetModel();
    m_certificates.clear();
    for (const QJsonValue &certificate : certificates)
        m_certificates << certificate.toObject();
    endResetModel();
}

void CertificatesModel::updateCertificate(const QJsonObject &certificate)
{
    const QStringList names = domainsOf(certificate);
    for (int row = 0; row < m_certificates.size(); ++row) {
        if (domainsOf(m_certificates[row]) == names) {
            m_certificates[row] = certificate;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
    const int row = int(m_certificates.size());
    beginInsertRows({}, row, row);
    m_certificates << certificate;
    endInsertRows();
}

QJsonArray CertificatesModel::certificates() const
{
    QJsonArray array;
    for (const QJsonObject &certificate : m_certificates)
        array.append(certificate);
    return array;
}

QStringList CertificatesModel::domains(int row) const
{
    return domainsOf(m_certificates.at(row));
}

QString CertificatesModel::timeText(const QJsonValue &iso) const
{
    const QDateTime time = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    return tr("%1 (%2)").arg(GuiText::relative(time, now()),
                             time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

int CertificatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_certificates.size());
}

int CertificatesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CertificatesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_certificates.size())
        return {};
    const QJsonObject &cert = m_certificates.at(index.row());
    const QString state = cert.value(QStringLiteral("state")).toString();
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (Column(index.column())) {
        case Domains:
            return domainsOf(cert).join(QStringLiteral(", "));
        case State: {
            const int attempts = cert.value(QStringLiteral("attempts")).toInt();
            if (attempts > 1 && state != QStringLiteral("valid"))
                return tr("%1 (attempt %2)").arg(GuiText::certificateState(state)).arg(attempts);
            return GuiText::certificateState(state);
        }
        case Expires:
            return timeText(cert.value(QStringLiteral("notAfter")));
        case NextRenewal: {
            const QString next = timeText(cert.value(QStringLiteral("nextRenewal")));
            const QString attempt = timeText(cert.value(QStringLiteral("nextAttempt")));
            if (!attempt.isEmpty() && state != QStringLiteral("valid"))
                return tr("next attempt %1").arg(attempt);
            return next;
        }
        case LastError:
            return cert.value(QStringLiteral("lastError")).toString();
        case Issuer:
            return cert.value(QStringLiteral("issuer")).toString();
        case Serial:
            return cert.value(QStringLiteral("serial")).toString();
        case Progress: {
            const QJsonValue progress = cert.value(QStringLiteral("progress"));
            if (progress.isDouble())
                return tr("%1%").arg(progress.toDouble(), 0, 'f', 0);
            if (progress.isString())
                return progress.toString();
            if (progress.isObject())
                return QString::fromUtf8(QJsonDocument(progress.toObject()).toJson(QJsonDocument::Compact));
            return {};
        }
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::BackgroundRole) {
        if (state == QStringLiteral("failed") || state == QStringLiteral("expired"))
            return QBrush(QColor(0xf8, 0xd7, 0xda));
        if (state == QStringLiteral("pending") || state == QStringLiteral("issuing")
            || state == QStringLiteral("renewing"))
            return QBrush(QColor(0xff, 0xe8, 0xb3));
        return {};
    }
    if (role == Qt::ForegroundRole && state != QStringLiteral("valid"))
        return QBrush(QColor(0x20, 0x20, 0x20));
    return {};
}

QVariant CertificatesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Domains:
        return tr("Domains");
    case State:
        return tr("State");
    case Expires:
        return tr("Expires");
    case NextRenewal:
        return tr("Next renewal");
    case LastError:
        return tr("Last error");
    case Issuer:
        return tr("Issuer");
    case Serial:
        return tr("Serial");
    case Progress:
        return tr("Progress");
    case ColumnCount:
        break;
    }
    return {};
}

}  // namespace gatehouse::gui
