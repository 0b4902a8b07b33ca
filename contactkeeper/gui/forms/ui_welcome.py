# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'welcome.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_WelcomePage(object):
    def setupUi(self, WelcomePage):
        if not WelcomePage.objectName():
            WelcomePage.setObjectName(u"WelcomePage")
        WelcomePage.resize(640, 480)
        self.outerLayout = QHBoxLayout(WelcomePage)
        self.outerLayout.setObjectName(u"outerLayout")
        self.leftSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outerLayout.addItem(self.leftSpacer)

        self.columnLayout = QVBoxLayout()
        self.columnLayout.setSpacing(12)
        self.columnLayout.setObjectName(u"columnLayout")
        self.topSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.columnLayout.addItem(self.topSpacer)

        self.titleLabel = QLabel(WelcomePage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.columnLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(WelcomePage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setMinimumSize(QSize(460, 0))
        self.introLabel.setWordWrap(True)

        self.columnLayout.addWidget(self.introLabel)

        self.createButton = QPushButton(WelcomePage)
        self.createButton.setObjectName(u"createButton")

        self.columnLayout.addWidget(self.createButton)

        self.openButton = QPushButton(WelcomePage)
        self.openButton.setObjectName(u"openButton")

        self.columnLayout.addWidget(self.openButton)

        self.demoButton = QPushButton(WelcomePage)
        self.demoButton.setObjectName(u"demoButton")

        self.columnLayout.addWidget(self.demoButton)

        self.busyBar = QProgressBar(WelcomePage)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.columnLayout.addWidget(self.busyBar)

        self.messageLabel = QLabel(WelcomePage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.columnLayout.addWidget(self.messageLabel)

        self.bottomSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.columnLayout.addItem(self.bottomSpacer)


        self.outerLayout.addLayout(self.columnLayout)

        self.rightSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outerLayout.addItem(self.rightSpacer)

        QWidget.setTabOrder(self.createButton, self.openButton)
        QWidget.setTabOrder(self.openButton, self.demoButton)

        self.retranslateUi(WelcomePage)

        QMetaObject.connectSlotsByName(WelcomePage)
    # setupUi

    def retranslateUi(self, WelcomePage):
#if QT_CONFIG(accessibility)
        WelcomePage.setAccessibleName(QCoreApplication.translate("WelcomePage", u"Welcome", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("WelcomePage", u"Welcome to ContactKeeper", None))
#if QT_CONFIG(accessibility)
        self.titleLabel.setAccessibleName(QCoreApplication.translate("WelcomePage", u"Welcome to ContactKeeper", None))
#endif // QT_CONFIG(accessibility)
        self.introLabel.setText(QCoreApplication.translate("WelcomePage", u"A private record of the people you talk to, the channels that reach them and the signs that a conflict is ripening. Everything stays in an encrypted vault on this computer; nothing goes over a network.", None))
        self.createButton.setText(QCoreApplication.translate("WelcomePage", u"&Create a vault\u2026", None))
#if QT_CONFIG(tooltip)
        self.createButton.setToolTip(QCoreApplication.translate("WelcomePage", u"Choose a folder and a passphrase for a new, empty vault", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.createButton.setAccessibleName(QCoreApplication.translate("WelcomePage", u"Create a vault", None))
#endif // QT_CONFIG(accessibility)
        self.openButton.setText(QCoreApplication.translate("WelcomePage", u"&Open a vault\u2026", None))
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(QCoreApplication.translate("WelcomePage", u"Choose the folder of an existing vault (it holds vault.key and vault.db)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.openButton.setAccessibleName(QCoreApplication.translate("WelcomePage", u"Open a vault", None))
#endif // QT_CONFIG(accessibility)
        self.demoButton.setText(QCoreApplication.translate("WelcomePage", u"&Explore the demo", None))
#if QT_CONFIG(tooltip)
        self.demoButton.setToolTip(QCoreApplication.translate("WelcomePage", u"A fictional vault made on the spot, to try everything safely", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.demoButton.setAccessibleName(QCoreApplication.translate("WelcomePage", u"Explore the demo", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.busyBar.setAccessibleName(QCoreApplication.translate("WelcomePage", u"Working", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("WelcomePage", u"Message", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

