# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unlock.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_UnlockPage(object):
    def setupUi(self, UnlockPage):
        if not UnlockPage.objectName():
            UnlockPage.setObjectName(u"UnlockPage")
        UnlockPage.resize(640, 480)
        self.outerLayout = QHBoxLayout(UnlockPage)
        self.outerLayout.setObjectName(u"outerLayout")
        self.leftSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outerLayout.addItem(self.leftSpacer)

        self.columnLayout = QVBoxLayout()
        self.columnLayout.setSpacing(12)
        self.columnLayout.setObjectName(u"columnLayout")
        self.topSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.columnLayout.addItem(self.topSpacer)

        self.titleLabel = QLabel(UnlockPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.columnLayout.addWidget(self.titleLabel)

        self.vaultLabel = QLabel(UnlockPage)
        self.vaultLabel.setObjectName(u"vaultLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.vaultLabel.sizePolicy().hasHeightForWidth())
        self.vaultLabel.setSizePolicy(sizePolicy)
        self.vaultLabel.setMinimumSize(QSize(460, 0))

        self.columnLayout.addWidget(self.vaultLabel)

        self.passphraseLayout = QHBoxLayout()
        self.passphraseLayout.setObjectName(u"passphraseLayout")
        self.passphraseEdit = QLineEdit(UnlockPage)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.passphraseLayout.addWidget(self.passphraseEdit)

        self.unlockButton = QPushButton(UnlockPage)
        self.unlockButton.setObjectName(u"unlockButton")

        self.passphraseLayout.addWidget(self.unlockButton)


        self.columnLayout.addLayout(self.passphraseLayout)

        self.busyBar = QProgressBar(UnlockPage)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.columnLayout.addWidget(self.busyBar)

        self.messageLabel = QLabel(UnlockPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.columnLayout.addWidget(self.messageLabel)

        self.recentLabel = QLabel(UnlockPage)
        self.recentLabel.setObjectName(u"recentLabel")

        self.columnLayout.addWidget(self.recentLabel)

        self.recentList = QListWidget(UnlockPage)
        self.recentList.setObjectName(u"recentList")
        self.recentList.setMaximumSize(QSize(16777215, 120))

        self.columnLayout.addWidget(self.recentList)

        self.otherButton = QPushButton(UnlockPage)
        self.otherButton.setObjectName(u"otherButton")

        self.columnLayout.addWidget(self.otherButton)

        self.bottomSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.columnLayout.addItem(self.bottomSpacer)


        self.outerLayout.addLayout(self.columnLayout)

        self.rightSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outerLayout.addItem(self.rightSpacer)

#if QT_CONFIG(shortcut)
        self.recentLabel.setBuddy(self.recentList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.passphraseEdit, self.unlockButton)
        QWidget.setTabOrder(self.unlockButton, self.recentList)
        QWidget.setTabOrder(self.recentList, self.otherButton)

        self.retranslateUi(UnlockPage)

        self.unlockButton.setDefault(True)


        QMetaObject.connectSlotsByName(UnlockPage)
    # setupUi

    def retranslateUi(self, UnlockPage):
#if QT_CONFIG(accessibility)
        UnlockPage.setAccessibleName(QCoreApplication.translate("UnlockPage", u"Unlock", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("UnlockPage", u"Unlock your vault", None))
        self.vaultLabel.setText("")
#if QT_CONFIG(accessibility)
        self.vaultLabel.setAccessibleName(QCoreApplication.translate("UnlockPage", u"Vault", None))
#endif // QT_CONFIG(accessibility)
        self.passphraseEdit.setPlaceholderText(QCoreApplication.translate("UnlockPage", u"Passphrase", None))
#if QT_CONFIG(accessibility)
        self.passphraseEdit.setAccessibleName(QCoreApplication.translate("UnlockPage", u"Passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.unlockButton.setText(QCoreApplication.translate("UnlockPage", u"&Unlock", None))
#if QT_CONFIG(accessibility)
        self.unlockButton.setAccessibleName(QCoreApplication.translate("UnlockPage", u"Unlock", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.busyBar.setAccessibleName(QCoreApplication.translate("UnlockPage", u"Unlocking", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("UnlockPage", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.recentLabel.setText(QCoreApplication.translate("UnlockPage", u"&Recent vaults", None))
#if QT_CONFIG(accessibility)
        self.recentList.setAccessibleName(QCoreApplication.translate("UnlockPage", u"Recent vaults", None))
#endif // QT_CONFIG(accessibility)
        self.otherButton.setText(QCoreApplication.translate("UnlockPage", u"Create or &open another vault\u2026", None))
#if QT_CONFIG(accessibility)
        self.otherButton.setAccessibleName(QCoreApplication.translate("UnlockPage", u"Create or open another vault", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

