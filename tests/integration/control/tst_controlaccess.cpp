#include <QTest>

class tst_ControlAccess : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(tst_ControlAccess)
#include "tst_controlaccess.moc"
