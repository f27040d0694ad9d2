#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace gatehouse::gui {

class CertificatesModel;

// The Certificates tab: each certificate's state, expiry, next renewal, last
// error and progress, with Renew now for the selected one.
class CertificatesView : public QWidget
{
    Q_OBJECT

public:
    explicit CertificatesView(CertificatesModel *model, QWidget *parent = nullptr);
    QTableView *table() const { return m_table; }
    // A sentence above the table (the service offers no certificates, a renewal failed...).
    void setNote(const QString &note);

Q_SIGNALS:
    void renewRequested(const QString &domain);
    void refreshRequested();

private:
    void updateButtons();

    CertificatesModel *m_model;
    QLabel *m_note;
    QTableView *m_table;
    QPushButton *m_renew;
};

}  // namespace gatehouse::gui
