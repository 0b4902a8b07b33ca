# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'create_vault.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QProgressBar, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_CreateVaultPage(object):
    def setupUi(self, CreateVaultPage):
        if not CreateVaultPage.objectName():
            CreateVaultPage.setObjectName(u"CreateVaultPage")
        CreateVaultPage.resize(640, 480)
        self.outerLayout = QHBoxLayout(CreateVaultPage)
        self.outerLayout.setObjectName(u"outerLayout")
        self.leftSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outerLayout.addItem(self.leftSpacer)

        self.columnLayout = QVBoxLayout()
        self.columnLayout.setSpacing(12)
        self.columnLayout.setObjectName(u"columnLayout")
        self.topSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.columnLayout.addItem(self.topSpacer)

        self.titleLabel = QLabel(CreateVaultPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.columnLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(CreateVaultPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setMinimumSize(QSize(460, 0))
        self.introLabel.setWordWrap(True)

        self.columnLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.locationLabel = QLabel(CreateVaultPage)
        self.locationLabel.setObjectName(u"locationLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.locationLabel)

        self.locationLayout = QHBoxLayout()
        self.locationLayout.setObjectName(u"locationLayout")
        self.locationEdit = QLineEdit(CreateVaultPage)
        self.locationEdit.setObjectName(u"locationEdit")

        self.locationLayout.addWidget(self.locationEdit)

        self.browseButton = QPushButton(CreateVaultPage)
        self.browseButton.setObjectName(u"browseButton")

        self.locationLayout.addWidget(self.browseButton)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.locationLayout)

        self.passphraseLabel = QLabel(CreateVaultPage)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphraseEdit = QLineEdit(CreateVaultPage)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passphraseEdit)

        self.confirmLabel = QLabel(CreateVaultPage)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmEdit = QLineEdit(CreateVaultPage)
        self.confirmEdit.setObjectName(u"confirmEdit")
        self.confirmEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.confirmEdit)

        self.strengthLabel = QLabel(CreateVaultPage)
        self.strengthLabel.setObjectName(u"strengthLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.strengthLabel)

        self.strengthBar = QProgressBar(CreateVaultPage)
        self.strengthBar.setObjectName(u"strengthBar")
        self.strengthBar.setMaximum(100)
        self.strengthBar.setValue(0)
        self.strengthBar.setTextVisible(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.strengthBar)

        self.adviceLabel = QLabel(CreateVaultPage)
        self.adviceLabel.setObjectName(u"adviceLabel")
        self.adviceLabel.setMinimumSize(QSize(360, 0))
        self.adviceLabel.setWordWrap(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.adviceLabel)


        self.columnLayout.addLayout(self.formLayout)

        self.busyBar = QProgressBar(CreateVaultPage)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.columnLayout.addWidget(self.busyBar)

        self.messageLabel = QLabel(CreateVaultPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.columnLayout.addWidget(self.messageLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.backButton = QPushButton(CreateVaultPage)
        self.backButton.setObjectName(u"backButton")

        self.buttonLayout.addWidget(self.backButton)

        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.createButton = QPushButton(CreateVaultPage)
        self.createButton.setObjectName(u"createButton")

        self.buttonLayout.addWidget(self.createButton)


        self.columnLayout.addLayout(self.buttonLayout)

        self.bottomSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.columnLayout.addItem(self.bottomSpacer)


        self.outerLayout.addLayout(self.columnLayout)

        self.rightSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outerLayout.addItem(self.rightSpacer)

#if QT_CONFIG(shortcut)
        self.locationLabel.setBuddy(self.locationEdit)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.confirmLabel.setBuddy(self.confirmEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.locationEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.passphraseEdit)
        QWidget.setTabOrder(self.passphraseEdit, self.confirmEdit)
        QWidget.setTabOrder(self.confirmEdit, self.createButton)
        QWidget.setTabOrder(self.createButton, self.backButton)

        self.retranslateUi(CreateVaultPage)

        self.createButton.setDefault(True)


        QMetaObject.connectSlotsByName(CreateVaultPage)
    # setupUi

    def retranslateUi(self, CreateVaultPage):
#if QT_CONFIG(accessibility)
        CreateVaultPage.setAccessibleName(QCoreApplication.translate("CreateVaultPage", u"Create a vault", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("CreateVaultPage", u"Create a vault", None))
        self.introLabel.setText(QCoreApplication.translate("CreateVaultPage", u"A vault is a folder holding your encrypted records. Its passphrase cannot be recovered: nobody, including the makers of ContactKeeper, can open the vault without it. Nothing is written until you press Create.", None))
        self.locationLabel.setText(QCoreApplication.translate("CreateVaultPage", u"&Folder:", None))
#if QT_CONFIG(accessibility)
        self.locationEdit.setAccessibleName(QCoreApplication.translate("CreateVaultPage", u"Vault folder", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.locationEdit.setToolTip(QCoreApplication.translate("CreateVaultPage", u"A new or empty folder for the vault", None))
#endif // QT_CONFIG(tooltip)
        self.browseButton.setText(QCoreApplication.translate("CreateVaultPage", u"&Browse\u2026", None))
#if QT_CONFIG(accessibility)
        self.browseButton.setAccessibleName(QCoreApplication.translate("CreateVaultPage", u"Choose the vault folder", None))
#endif // QT_CONFIG(accessibility)
        self.passphraseLabel.setText(QCoreApplication.translate("CreateVaultPage", u"&Passphrase:", None))
#if QT_CONFIG(accessibility)
        self.passphraseEdit.setAccessibleName(QCoreApplication.translate("CreateVaultPage", u"Passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.confirmLabel.setText(QCoreApplication.translate("CreateVaultPage", u"&Again:", None))
#if QT_CONFIG(accessibility)
        self.confirmEdit.setAccessibleName(QCoreApplication.translate("CreateVaultPage", u"Passphrase again", None))
#endif // QT_CONFIG(accessibility)
        self.strengthLabel.setText(QCoreApplication.translate("CreateVaultPage", u"Strength:", None))
        self.strengthBar.setFormat("")
#if QT_CONFIG(accessibility)
        self.strengthBar.setAccessibleName(QCoreApplication.translate("CreateVaultPage", u"Passphrase strength", None))
#endif // QT_CONFIG(accessibility)
        self.adviceLabel.setText("")
#if QT_CONFIG(accessibility)
        self.adviceLabel.setAccessibleName(QCoreApplication.translate("CreateVaultPage", u"Passphrase advice", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.busyBar.setAccessibleName(QCoreApplication.translate("CreateVaultPage", u"Working", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("CreateVaultPage", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.backButton.setText(QCoreApplication.translate("CreateVaultPage", u"Back", None))
#if QT_CONFIG(accessibility)
        self.backButton.setAccessibleName(QCoreApplication.translate("CreateVaultPage", u"Back to the start", None))
#endif // QT_CONFIG(accessibility)
        self.createButton.setText(QCoreApplication.translate("CreateVaultPage", u"&Create the vault", None))
#if QT_CONFIG(accessibility)
        self.createButton.setAccessibleName(QCoreApplication.translate("CreateVaultPage", u"Create the vault", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

