# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QDialog,
    QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QProgressBar, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(720, 560)
        self.mainLayout = QVBoxLayout(ImportDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ImportDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fileLabel = QLabel(ImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEdit = QLineEdit(ImportDialog)
        self.fileEdit.setObjectName(u"fileEdit")

        self.fileLayout.addWidget(self.fileEdit)

        self.browseButton = QPushButton(ImportDialog)
        self.browseButton.setObjectName(u"browseButton")
        self.browseButton.setAutoDefault(False)

        self.fileLayout.addWidget(self.browseButton)

        self.previewButton = QPushButton(ImportDialog)
        self.previewButton.setObjectName(u"previewButton")
        self.previewButton.setAutoDefault(False)

        self.fileLayout.addWidget(self.previewButton)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.fileLayout)


        self.mainLayout.addLayout(self.formLayout)

        self.summaryLabel = QLabel(ImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.previewTable = QTableView(ImportDialog)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.previewTable.setTabKeyNavigation(False)
        self.previewTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.previewTable.setAlternatingRowColors(True)
        self.previewTable.setWordWrap(False)

        self.mainLayout.addWidget(self.previewTable)

        self.skipInvalidCheck = QCheckBox(ImportDialog)
        self.skipInvalidCheck.setObjectName(u"skipInvalidCheck")

        self.mainLayout.addWidget(self.skipInvalidCheck)

        self.skipDuplicatesCheck = QCheckBox(ImportDialog)
        self.skipDuplicatesCheck.setObjectName(u"skipDuplicatesCheck")

        self.mainLayout.addWidget(self.skipDuplicatesCheck)

        self.progressBar = QProgressBar(ImportDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMaximum(0)
        self.progressBar.setTextVisible(False)

        self.mainLayout.addWidget(self.progressBar)

        self.messageLabel = QLabel(ImportDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.messageLabel)

        self.resultLabel = QLabel(ImportDialog)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.resultLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(ImportDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.closeButton)

        self.importButton = QPushButton(ImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonLayout.addWidget(self.importButton)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.fileEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportDialog)

        self.importButton.setDefault(True)


        QMetaObject.connectSlotsByName(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"Import contacts", None))
#if QT_CONFIG(accessibility)
        ImportDialog.setAccessibleName(QCoreApplication.translate("ImportDialog", u"Import contacts", None))
#endif // QT_CONFIG(accessibility)
        self.introLabel.setText(QCoreApplication.translate("ImportDialog", u"Import actors from an address book: a vCard file (.vcf) or a CSV exported by Google Contacts or Outlook. Nothing is written until you press Import; an import is all or nothing.", None))
        self.fileLabel.setText(QCoreApplication.translate("ImportDialog", u"&File:", None))
#if QT_CONFIG(accessibility)
        self.fileEdit.setAccessibleName(QCoreApplication.translate("ImportDialog", u"File to import", None))
#endif // QT_CONFIG(accessibility)
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("ImportDialog", u"contacts.vcf or contacts.csv", None))
        self.browseButton.setText(QCoreApplication.translate("ImportDialog", u"&Browse\u2026", None))
#if QT_CONFIG(accessibility)
        self.browseButton.setAccessibleName(QCoreApplication.translate("ImportDialog", u"Choose the file to import", None))
#endif // QT_CONFIG(accessibility)
        self.previewButton.setText(QCoreApplication.translate("ImportDialog", u"&Preview", None))
#if QT_CONFIG(accessibility)
        self.previewButton.setAccessibleName(QCoreApplication.translate("ImportDialog", u"Preview the import", None))
#endif // QT_CONFIG(accessibility)
        self.summaryLabel.setText("")
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("ImportDialog", u"What the import would do", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.previewTable.setAccessibleName(QCoreApplication.translate("ImportDialog", u"Import preview", None))
#endif // QT_CONFIG(accessibility)
        self.skipInvalidCheck.setText(QCoreApplication.translate("ImportDialog", u"Skip the &invalid entries and import the rest", None))
#if QT_CONFIG(accessibility)
        self.skipInvalidCheck.setAccessibleName(QCoreApplication.translate("ImportDialog", u"Skip invalid entries", None))
#endif // QT_CONFIG(accessibility)
        self.skipDuplicatesCheck.setText(QCoreApplication.translate("ImportDialog", u"Skip the likely &duplicates", None))
#if QT_CONFIG(accessibility)
        self.skipDuplicatesCheck.setAccessibleName(QCoreApplication.translate("ImportDialog", u"Skip likely duplicates", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.progressBar.setAccessibleName(QCoreApplication.translate("ImportDialog", u"Working", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("ImportDialog", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.resultLabel.setText("")
#if QT_CONFIG(accessibility)
        self.resultLabel.setAccessibleName(QCoreApplication.translate("ImportDialog", u"Import result", None))
#endif // QT_CONFIG(accessibility)
        self.closeButton.setText(QCoreApplication.translate("ImportDialog", u"&Close", None))
        self.importButton.setText(QCoreApplication.translate("ImportDialog", u"&Import", None))
#if QT_CONFIG(accessibility)
        self.importButton.setAccessibleName(QCoreApplication.translate("ImportDialog", u"Import the contacts", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

