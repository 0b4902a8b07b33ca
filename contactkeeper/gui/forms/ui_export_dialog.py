# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QProgressBar, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_ExportDialog(object):
    def setupUi(self, ExportDialog):
        if not ExportDialog.objectName():
            ExportDialog.setObjectName(u"ExportDialog")
        ExportDialog.resize(560, 380)
        self.mainLayout = QVBoxLayout(ExportDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.formatLabel = QLabel(ExportDialog)
        self.formatLabel.setObjectName(u"formatLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.formatLabel)

        self.formatCombo = QComboBox(ExportDialog)
        self.formatCombo.setObjectName(u"formatCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.formatCombo)

        self.formatHelpLabel = QLabel(ExportDialog)
        self.formatHelpLabel.setObjectName(u"formatHelpLabel")
        self.formatHelpLabel.setMinimumSize(QSize(420, 0))
        self.formatHelpLabel.setWordWrap(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.formatHelpLabel)

        self.fileLabel = QLabel(ExportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEdit = QLineEdit(ExportDialog)
        self.fileEdit.setObjectName(u"fileEdit")

        self.fileLayout.addWidget(self.fileEdit)

        self.browseButton = QPushButton(ExportDialog)
        self.browseButton.setObjectName(u"browseButton")
        self.browseButton.setAutoDefault(False)

        self.fileLayout.addWidget(self.browseButton)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.fileLayout)


        self.mainLayout.addLayout(self.formLayout)

        self.warningLabel = QLabel(ExportDialog)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setWordWrap(True)
        self.warningLabel.setStyleSheet(u"QLabel { color: #7a4b00; background: #fff4d6; border-radius: 4px; padding: 6px; }")

        self.mainLayout.addWidget(self.warningLabel)

        self.confirmCheck = QCheckBox(ExportDialog)
        self.confirmCheck.setObjectName(u"confirmCheck")

        self.mainLayout.addWidget(self.confirmCheck)

        self.progressBar = QProgressBar(ExportDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMaximum(0)
        self.progressBar.setTextVisible(False)

        self.mainLayout.addWidget(self.progressBar)

        self.messageLabel = QLabel(ExportDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.messageLabel)

        self.resultLabel = QLabel(ExportDialog)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.resultLabel)

        self.bottomSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(ExportDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.closeButton)

        self.exportButton = QPushButton(ExportDialog)
        self.exportButton.setObjectName(u"exportButton")

        self.buttonLayout.addWidget(self.exportButton)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.formatLabel.setBuddy(self.formatCombo)
        self.fileLabel.setBuddy(self.fileEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ExportDialog)

        self.exportButton.setDefault(True)


        QMetaObject.connectSlotsByName(ExportDialog)
    # setupUi

    def retranslateUi(self, ExportDialog):
        ExportDialog.setWindowTitle(QCoreApplication.translate("ExportDialog", u"Export", None))
#if QT_CONFIG(accessibility)
        ExportDialog.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Export", None))
#endif // QT_CONFIG(accessibility)
        self.formatLabel.setText(QCoreApplication.translate("ExportDialog", u"F&ormat:", None))
#if QT_CONFIG(accessibility)
        self.formatCombo.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Export format", None))
#endif // QT_CONFIG(accessibility)
        self.formatHelpLabel.setText("")
#if QT_CONFIG(accessibility)
        self.formatHelpLabel.setAccessibleName(QCoreApplication.translate("ExportDialog", u"What this format holds", None))
#endif // QT_CONFIG(accessibility)
        self.fileLabel.setText(QCoreApplication.translate("ExportDialog", u"&File:", None))
#if QT_CONFIG(accessibility)
        self.fileEdit.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Export file", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.fileEdit.setToolTip(QCoreApplication.translate("ExportDialog", u"A new file; an existing file is never overwritten", None))
#endif // QT_CONFIG(tooltip)
        self.browseButton.setText(QCoreApplication.translate("ExportDialog", u"&Browse\u2026", None))
#if QT_CONFIG(accessibility)
        self.browseButton.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Choose where to write the export", None))
#endif // QT_CONFIG(accessibility)
        self.warningLabel.setText("")
#if QT_CONFIG(accessibility)
        self.warningLabel.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Warning", None))
#endif // QT_CONFIG(accessibility)
        self.confirmCheck.setText(QCoreApplication.translate("ExportDialog", u"I &understand: this file will be readable by anyone who gets it", None))
#if QT_CONFIG(accessibility)
        self.confirmCheck.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Confirm a plaintext export", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.progressBar.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Working", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.resultLabel.setText("")
#if QT_CONFIG(accessibility)
        self.resultLabel.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Export result", None))
#endif // QT_CONFIG(accessibility)
        self.closeButton.setText(QCoreApplication.translate("ExportDialog", u"&Close", None))
        self.exportButton.setText(QCoreApplication.translate("ExportDialog", u"&Export", None))
#if QT_CONFIG(accessibility)
        self.exportButton.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Write the export", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

