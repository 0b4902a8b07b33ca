# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backup_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QProgressBar,
    QPushButton, QRadioButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_BackupDialog(object):
    def setupUi(self, BackupDialog):
        if not BackupDialog.objectName():
            BackupDialog.setObjectName(u"BackupDialog")
        BackupDialog.resize(620, 400)
        self.mainLayout = QVBoxLayout(BackupDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(BackupDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.folderLabel = QLabel(BackupDialog)
        self.folderLabel.setObjectName(u"folderLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.folderLabel)

        self.folderLayout = QHBoxLayout()
        self.folderLayout.setObjectName(u"folderLayout")
        self.folderEdit = QLineEdit(BackupDialog)
        self.folderEdit.setObjectName(u"folderEdit")

        self.folderLayout.addWidget(self.folderEdit)

        self.browseButton = QPushButton(BackupDialog)
        self.browseButton.setObjectName(u"browseButton")
        self.browseButton.setAutoDefault(False)

        self.folderLayout.addWidget(self.browseButton)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.folderLayout)

        self.protectLabel = QLabel(BackupDialog)
        self.protectLabel.setObjectName(u"protectLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.protectLabel)

        self.protectLayout = QHBoxLayout()
        self.protectLayout.setObjectName(u"protectLayout")
        self.passphraseRadio = QRadioButton(BackupDialog)
        self.passphraseRadio.setObjectName(u"passphraseRadio")
        self.passphraseRadio.setChecked(True)

        self.protectLayout.addWidget(self.passphraseRadio)

        self.keysRadio = QRadioButton(BackupDialog)
        self.keysRadio.setObjectName(u"keysRadio")

        self.protectLayout.addWidget(self.keysRadio)

        self.protectSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.protectLayout.addItem(self.protectSpacer)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.protectLayout)

        self.passphraseLabel = QLabel(BackupDialog)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphraseEdit = QLineEdit(BackupDialog)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.passphraseEdit)

        self.confirmLabel = QLabel(BackupDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmEdit = QLineEdit(BackupDialog)
        self.confirmEdit.setObjectName(u"confirmEdit")
        self.confirmEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.confirmEdit)

        self.recipientsLabel = QLabel(BackupDialog)
        self.recipientsLabel.setObjectName(u"recipientsLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.recipientsLabel)

        self.recipientsEdit = QPlainTextEdit(BackupDialog)
        self.recipientsEdit.setObjectName(u"recipientsEdit")
        self.recipientsEdit.setTabChangesFocus(True)
        self.recipientsEdit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.recipientsEdit.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.recipientsEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.progressBar = QProgressBar(BackupDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMaximum(100)
        self.progressBar.setValue(0)

        self.mainLayout.addWidget(self.progressBar)

        self.stageLabel = QLabel(BackupDialog)
        self.stageLabel.setObjectName(u"stageLabel")
        self.stageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.stageLabel)

        self.messageLabel = QLabel(BackupDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.messageLabel)

        self.resultLabel = QLabel(BackupDialog)
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

        self.cancelButton = QPushButton(BackupDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.cancelButton)

        self.closeButton = QPushButton(BackupDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.closeButton)

        self.startButton = QPushButton(BackupDialog)
        self.startButton.setObjectName(u"startButton")

        self.buttonLayout.addWidget(self.startButton)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.folderLabel.setBuddy(self.folderEdit)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.confirmLabel.setBuddy(self.confirmEdit)
        self.recipientsLabel.setBuddy(self.recipientsEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.folderEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.passphraseRadio)
        QWidget.setTabOrder(self.passphraseRadio, self.keysRadio)
        QWidget.setTabOrder(self.keysRadio, self.passphraseEdit)
        QWidget.setTabOrder(self.passphraseEdit, self.confirmEdit)
        QWidget.setTabOrder(self.confirmEdit, self.recipientsEdit)
        QWidget.setTabOrder(self.recipientsEdit, self.startButton)
        QWidget.setTabOrder(self.startButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.closeButton)

        self.retranslateUi(BackupDialog)

        self.startButton.setDefault(True)


        QMetaObject.connectSlotsByName(BackupDialog)
    # setupUi

    def retranslateUi(self, BackupDialog):
        BackupDialog.setWindowTitle(QCoreApplication.translate("BackupDialog", u"Back up the vault", None))
#if QT_CONFIG(accessibility)
        BackupDialog.setAccessibleName(QCoreApplication.translate("BackupDialog", u"Back up the vault", None))
#endif // QT_CONFIG(accessibility)
        self.introLabel.setText(QCoreApplication.translate("BackupDialog", u"A backup is an encrypted copy of this vault that can be restored on another computer. Keep it away from this laptop, for example on a USB stick. Without its passphrase or private key nobody can open it, not even you.", None))
        self.folderLabel.setText(QCoreApplication.translate("BackupDialog", u"&Folder:", None))
#if QT_CONFIG(accessibility)
        self.folderEdit.setAccessibleName(QCoreApplication.translate("BackupDialog", u"Backup folder", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.folderEdit.setToolTip(QCoreApplication.translate("BackupDialog", u"The folder the backup file is written to; an earlier backup is never overwritten", None))
#endif // QT_CONFIG(tooltip)
        self.browseButton.setText(QCoreApplication.translate("BackupDialog", u"&Browse\u2026", None))
#if QT_CONFIG(accessibility)
        self.browseButton.setAccessibleName(QCoreApplication.translate("BackupDialog", u"Choose the backup folder", None))
#endif // QT_CONFIG(accessibility)
        self.protectLabel.setText(QCoreApplication.translate("BackupDialog", u"Protect with:", None))
        self.passphraseRadio.setText(QCoreApplication.translate("BackupDialog", u"a &passphrase", None))
#if QT_CONFIG(accessibility)
        self.passphraseRadio.setAccessibleName(QCoreApplication.translate("BackupDialog", u"Protect the backup with a passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.keysRadio.setText(QCoreApplication.translate("BackupDialog", u"public &keys (age1\u2026)", None))
#if QT_CONFIG(accessibility)
        self.keysRadio.setAccessibleName(QCoreApplication.translate("BackupDialog", u"Encrypt the backup to public keys", None))
#endif // QT_CONFIG(accessibility)
        self.passphraseLabel.setText(QCoreApplication.translate("BackupDialog", u"Pass&phrase:", None))
#if QT_CONFIG(accessibility)
        self.passphraseEdit.setAccessibleName(QCoreApplication.translate("BackupDialog", u"Backup passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.passphraseEdit.setPlaceholderText(QCoreApplication.translate("BackupDialog", u"May differ from the vault's passphrase", None))
        self.confirmLabel.setText(QCoreApplication.translate("BackupDialog", u"&Again:", None))
#if QT_CONFIG(accessibility)
        self.confirmEdit.setAccessibleName(QCoreApplication.translate("BackupDialog", u"Backup passphrase again", None))
#endif // QT_CONFIG(accessibility)
        self.recipientsLabel.setText(QCoreApplication.translate("BackupDialog", u"Public &keys:", None))
#if QT_CONFIG(accessibility)
        self.recipientsEdit.setAccessibleName(QCoreApplication.translate("BackupDialog", u"Recipients' public keys", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.recipientsEdit.setToolTip(QCoreApplication.translate("BackupDialog", u"Only the holders of the matching private keys (identity files) can open the backup", None))
#endif // QT_CONFIG(tooltip)
        self.recipientsEdit.setPlaceholderText(QCoreApplication.translate("BackupDialog", u"One age public key per line (age1\u2026)", None))
#if QT_CONFIG(accessibility)
        self.progressBar.setAccessibleName(QCoreApplication.translate("BackupDialog", u"Backup progress", None))
#endif // QT_CONFIG(accessibility)
        self.stageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.stageLabel.setAccessibleName(QCoreApplication.translate("BackupDialog", u"Backup step", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("BackupDialog", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.resultLabel.setText("")
#if QT_CONFIG(accessibility)
        self.resultLabel.setAccessibleName(QCoreApplication.translate("BackupDialog", u"Backup result", None))
#endif // QT_CONFIG(accessibility)
        self.cancelButton.setText(QCoreApplication.translate("BackupDialog", u"Ca&ncel backup", None))
#if QT_CONFIG(accessibility)
        self.cancelButton.setAccessibleName(QCoreApplication.translate("BackupDialog", u"Cancel the backup", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.cancelButton.setToolTip(QCoreApplication.translate("BackupDialog", u"Stop after the current step; no backup file is left behind", None))
#endif // QT_CONFIG(tooltip)
        self.closeButton.setText(QCoreApplication.translate("BackupDialog", u"&Close", None))
        self.startButton.setText(QCoreApplication.translate("BackupDialog", u"&Back up now", None))
#if QT_CONFIG(accessibility)
        self.startButton.setAccessibleName(QCoreApplication.translate("BackupDialog", u"Back up now", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

