# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'open_backup_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QProgressBar, QPushButton, QRadioButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_OpenBackupDialog(object):
    def setupUi(self, OpenBackupDialog):
        if not OpenBackupDialog.objectName():
            OpenBackupDialog.setObjectName(u"OpenBackupDialog")
        OpenBackupDialog.resize(580, 470)
        self.mainLayout = QVBoxLayout(OpenBackupDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(OpenBackupDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fileLabel = QLabel(OpenBackupDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEdit = QLineEdit(OpenBackupDialog)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setPlaceholderText(u"backup-YYYYMMDD-HHMMSS.age")

        self.fileLayout.addWidget(self.fileEdit)

        self.browseFileButton = QPushButton(OpenBackupDialog)
        self.browseFileButton.setObjectName(u"browseFileButton")
        self.browseFileButton.setAutoDefault(False)

        self.fileLayout.addWidget(self.browseFileButton)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.fileLayout)

        self.openWithLabel = QLabel(OpenBackupDialog)
        self.openWithLabel.setObjectName(u"openWithLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.openWithLabel)

        self.openWithLayout = QHBoxLayout()
        self.openWithLayout.setObjectName(u"openWithLayout")
        self.passphraseRadio = QRadioButton(OpenBackupDialog)
        self.passphraseRadio.setObjectName(u"passphraseRadio")
        self.passphraseRadio.setChecked(True)

        self.openWithLayout.addWidget(self.passphraseRadio)

        self.identityRadio = QRadioButton(OpenBackupDialog)
        self.identityRadio.setObjectName(u"identityRadio")

        self.openWithLayout.addWidget(self.identityRadio)

        self.openWithSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.openWithLayout.addItem(self.openWithSpacer)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.openWithLayout)

        self.passphraseLabel = QLabel(OpenBackupDialog)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphraseEdit = QLineEdit(OpenBackupDialog)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.passphraseEdit)

        self.identityLabel = QLabel(OpenBackupDialog)
        self.identityLabel.setObjectName(u"identityLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.identityLabel)

        self.identityLayout = QHBoxLayout()
        self.identityLayout.setObjectName(u"identityLayout")
        self.identityEdit = QLineEdit(OpenBackupDialog)
        self.identityEdit.setObjectName(u"identityEdit")

        self.identityLayout.addWidget(self.identityEdit)

        self.browseIdentityButton = QPushButton(OpenBackupDialog)
        self.browseIdentityButton.setObjectName(u"browseIdentityButton")
        self.browseIdentityButton.setAutoDefault(False)

        self.identityLayout.addWidget(self.browseIdentityButton)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.identityLayout)


        self.mainLayout.addLayout(self.formLayout)

        self.summaryLabel = QLabel(OpenBackupDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.summaryLabel)

        self.restoreGroup = QGroupBox(OpenBackupDialog)
        self.restoreGroup.setObjectName(u"restoreGroup")
        self.restoreLayout = QVBoxLayout(self.restoreGroup)
        self.restoreLayout.setObjectName(u"restoreLayout")
        self.restoreWarningLabel = QLabel(self.restoreGroup)
        self.restoreWarningLabel.setObjectName(u"restoreWarningLabel")
        self.restoreWarningLabel.setWordWrap(True)
        self.restoreWarningLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.restoreLayout.addWidget(self.restoreWarningLabel)

        self.replaceWarningLabel = QLabel(self.restoreGroup)
        self.replaceWarningLabel.setObjectName(u"replaceWarningLabel")
        self.replaceWarningLabel.setWordWrap(True)
        self.replaceWarningLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.restoreLayout.addWidget(self.replaceWarningLabel)

        self.replaceAnywayCheck = QCheckBox(self.restoreGroup)
        self.replaceAnywayCheck.setObjectName(u"replaceAnywayCheck")

        self.restoreLayout.addWidget(self.replaceAnywayCheck)

        self.newPassphraseLayout = QFormLayout()
        self.newPassphraseLayout.setObjectName(u"newPassphraseLayout")
        self.newPassphraseLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.newPassphraseLabel = QLabel(self.restoreGroup)
        self.newPassphraseLabel.setObjectName(u"newPassphraseLabel")

        self.newPassphraseLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.newPassphraseLabel)

        self.newPassphraseEdit = QLineEdit(self.restoreGroup)
        self.newPassphraseEdit.setObjectName(u"newPassphraseEdit")
        self.newPassphraseEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.newPassphraseLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.newPassphraseEdit)

        self.newConfirmLabel = QLabel(self.restoreGroup)
        self.newConfirmLabel.setObjectName(u"newConfirmLabel")

        self.newPassphraseLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newConfirmLabel)

        self.newConfirmEdit = QLineEdit(self.restoreGroup)
        self.newConfirmEdit.setObjectName(u"newConfirmEdit")
        self.newConfirmEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.newPassphraseLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newConfirmEdit)


        self.restoreLayout.addLayout(self.newPassphraseLayout)


        self.mainLayout.addWidget(self.restoreGroup)

        self.progressBar = QProgressBar(OpenBackupDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMaximum(100)
        self.progressBar.setValue(0)

        self.mainLayout.addWidget(self.progressBar)

        self.messageLabel = QLabel(OpenBackupDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.messageLabel)

        self.bottomSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(OpenBackupDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.closeButton)

        self.verifyButton = QPushButton(OpenBackupDialog)
        self.verifyButton.setObjectName(u"verifyButton")

        self.buttonLayout.addWidget(self.verifyButton)

        self.restoreButton = QPushButton(OpenBackupDialog)
        self.restoreButton.setObjectName(u"restoreButton")
        self.restoreButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.restoreButton)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.fileEdit)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.identityLabel.setBuddy(self.identityEdit)
        self.newPassphraseLabel.setBuddy(self.newPassphraseEdit)
        self.newConfirmLabel.setBuddy(self.newConfirmEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fileEdit, self.browseFileButton)
        QWidget.setTabOrder(self.browseFileButton, self.passphraseRadio)
        QWidget.setTabOrder(self.passphraseRadio, self.identityRadio)
        QWidget.setTabOrder(self.identityRadio, self.passphraseEdit)
        QWidget.setTabOrder(self.passphraseEdit, self.identityEdit)
        QWidget.setTabOrder(self.identityEdit, self.browseIdentityButton)
        QWidget.setTabOrder(self.browseIdentityButton, self.newPassphraseEdit)
        QWidget.setTabOrder(self.newPassphraseEdit, self.newConfirmEdit)
        QWidget.setTabOrder(self.newConfirmEdit, self.verifyButton)
        QWidget.setTabOrder(self.verifyButton, self.restoreButton)
        QWidget.setTabOrder(self.restoreButton, self.closeButton)

        self.retranslateUi(OpenBackupDialog)

        self.verifyButton.setDefault(True)


        QMetaObject.connectSlotsByName(OpenBackupDialog)
    # setupUi

    def retranslateUi(self, OpenBackupDialog):
        OpenBackupDialog.setWindowTitle(QCoreApplication.translate("OpenBackupDialog", u"Verify a backup", None))
        self.introLabel.setText("")
        self.fileLabel.setText(QCoreApplication.translate("OpenBackupDialog", u"&Backup file:", None))
#if QT_CONFIG(accessibility)
        self.fileEdit.setAccessibleName(QCoreApplication.translate("OpenBackupDialog", u"Backup file", None))
#endif // QT_CONFIG(accessibility)
        self.browseFileButton.setText(QCoreApplication.translate("OpenBackupDialog", u"B&rowse\u2026", None))
#if QT_CONFIG(accessibility)
        self.browseFileButton.setAccessibleName(QCoreApplication.translate("OpenBackupDialog", u"Choose the backup file", None))
#endif // QT_CONFIG(accessibility)
        self.openWithLabel.setText(QCoreApplication.translate("OpenBackupDialog", u"Open with:", None))
        self.passphraseRadio.setText(QCoreApplication.translate("OpenBackupDialog", u"its &passphrase", None))
#if QT_CONFIG(accessibility)
        self.passphraseRadio.setAccessibleName(QCoreApplication.translate("OpenBackupDialog", u"Open the backup with its passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.identityRadio.setText(QCoreApplication.translate("OpenBackupDialog", u"an i&dentity file (private key)", None))
#if QT_CONFIG(accessibility)
        self.identityRadio.setAccessibleName(QCoreApplication.translate("OpenBackupDialog", u"Open the backup with an identity file", None))
#endif // QT_CONFIG(accessibility)
        self.passphraseLabel.setText(QCoreApplication.translate("OpenBackupDialog", u"Pass&phrase:", None))
#if QT_CONFIG(accessibility)
        self.passphraseEdit.setAccessibleName(QCoreApplication.translate("OpenBackupDialog", u"Backup passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.identityLabel.setText(QCoreApplication.translate("OpenBackupDialog", u"&Identity file:", None))
#if QT_CONFIG(accessibility)
        self.identityEdit.setAccessibleName(QCoreApplication.translate("OpenBackupDialog", u"Identity file", None))
#endif // QT_CONFIG(accessibility)
        self.identityEdit.setPlaceholderText(QCoreApplication.translate("OpenBackupDialog", u"A file holding AGE-SECRET-KEY-1\u2026", None))
        self.browseIdentityButton.setText(QCoreApplication.translate("OpenBackupDialog", u"Br&owse\u2026", None))
#if QT_CONFIG(accessibility)
        self.browseIdentityButton.setAccessibleName(QCoreApplication.translate("OpenBackupDialog", u"Choose the identity file", None))
#endif // QT_CONFIG(accessibility)
        self.summaryLabel.setText("")
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("OpenBackupDialog", u"What the backup holds", None))
#endif // QT_CONFIG(accessibility)
        self.restoreGroup.setTitle(QCoreApplication.translate("OpenBackupDialog", u"Restore", None))
        self.restoreWarningLabel.setText("")
#if QT_CONFIG(accessibility)
        self.restoreWarningLabel.setAccessibleName(QCoreApplication.translate("OpenBackupDialog", u"What restoring does", None))
#endif // QT_CONFIG(accessibility)
        self.replaceWarningLabel.setText("")
#if QT_CONFIG(accessibility)
        self.replaceWarningLabel.setAccessibleName(QCoreApplication.translate("OpenBackupDialog", u"Why this restore needs your confirmation", None))
#endif // QT_CONFIG(accessibility)
        self.replaceAnywayCheck.setText(QCoreApplication.translate("OpenBackupDialog", u"I have checked both: &replace this vault anyway", None))
#if QT_CONFIG(accessibility)
        self.replaceAnywayCheck.setAccessibleName(QCoreApplication.translate("OpenBackupDialog", u"Replace this vault anyway", None))
#endif // QT_CONFIG(accessibility)
        self.newPassphraseLabel.setText(QCoreApplication.translate("OpenBackupDialog", u"&New passphrase:", None))
#if QT_CONFIG(accessibility)
        self.newPassphraseEdit.setAccessibleName(QCoreApplication.translate("OpenBackupDialog", u"Passphrase for the restored vault", None))
#endif // QT_CONFIG(accessibility)
        self.newConfirmLabel.setText(QCoreApplication.translate("OpenBackupDialog", u"&Again:", None))
#if QT_CONFIG(accessibility)
        self.newConfirmEdit.setAccessibleName(QCoreApplication.translate("OpenBackupDialog", u"Passphrase for the restored vault again", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.progressBar.setAccessibleName(QCoreApplication.translate("OpenBackupDialog", u"Progress", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("OpenBackupDialog", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.closeButton.setText(QCoreApplication.translate("OpenBackupDialog", u"&Close", None))
        self.verifyButton.setText(QCoreApplication.translate("OpenBackupDialog", u"&Verify", None))
#if QT_CONFIG(accessibility)
        self.verifyButton.setAccessibleName(QCoreApplication.translate("OpenBackupDialog", u"Verify the backup", None))
#endif // QT_CONFIG(accessibility)
        self.restoreButton.setText(QCoreApplication.translate("OpenBackupDialog", u"R&estore", None))
#if QT_CONFIG(accessibility)
        self.restoreButton.setAccessibleName(QCoreApplication.translate("OpenBackupDialog", u"Restore the backup", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

