// Precompiled for the GUI library, the `gatehouse` program and the GUI tests
// (GATEHOUSE_PCH): the core's set plus the widgets the views are made of.
#pragma once

#include "core.h"

#include <QAbstractTableModel>
#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QWidget>
