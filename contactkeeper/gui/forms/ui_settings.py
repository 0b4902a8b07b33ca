# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QFrame, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSpinBox, QStackedWidget, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(560, 520)
        self.dialogLayout = QVBoxLayout(SettingsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.pagesScroll = QScrollArea(SettingsDialog)
        self.pagesScroll.setObjectName(u"pagesScroll")
        self.pagesScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.pagesScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pagesScroll.setWidgetResizable(True)
        self.pages = QStackedWidget()
        self.pages.setObjectName(u"pages")
        self.settingsPage = QWidget()
        self.settingsPage.setObjectName(u"settingsPage")
        self.settingsLayout = QVBoxLayout(self.settingsPage)
        self.settingsLayout.setObjectName(u"settingsLayout")
        self.settingsLayout.setContentsMargins(0, 0, 0, 0)
        self.settingsScroll = QScrollArea(self.settingsPage)
        self.settingsScroll.setObjectName(u"settingsScroll")
        self.settingsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.settingsScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.settingsScroll.setWidgetResizable(True)
        self.settingsContent = QWidget()
        self.settingsContent.setObjectName(u"settingsContent")
        self.settingsContentLayout = QVBoxLayout(self.settingsContent)
        self.settingsContentLayout.setObjectName(u"settingsContentLayout")
        self.settingsContentLayout.setContentsMargins(0, 0, 0, 0)
        self.deviceBox = QGroupBox(self.settingsContent)
        self.deviceBox.setObjectName(u"deviceBox")
        self.deviceLayout = QVBoxLayout(self.deviceBox)
        self.deviceLayout.setObjectName(u"deviceLayout")
        self.rememberCheck = QCheckBox(self.deviceBox)
        self.rememberCheck.setObjectName(u"rememberCheck")

        self.deviceLayout.addWidget(self.rememberCheck)

        self.keyringLabel = QLabel(self.deviceBox)
        self.keyringLabel.setObjectName(u"keyringLabel")
        self.keyringLabel.setWordWrap(True)

        self.deviceLayout.addWidget(self.keyringLabel)

        self.rememberHelpLabel = QLabel(self.deviceBox)
        self.rememberHelpLabel.setObjectName(u"rememberHelpLabel")
        self.rememberHelpLabel.setWordWrap(True)

        self.deviceLayout.addWidget(self.rememberHelpLabel)

        self.forgetLayout = QHBoxLayout()
        self.forgetLayout.setObjectName(u"forgetLayout")
        self.forgetButton = QPushButton(self.deviceBox)
        self.forgetButton.setObjectName(u"forgetButton")

        self.forgetLayout.addWidget(self.forgetButton)

        self.forgetSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.forgetLayout.addItem(self.forgetSpacer)


        self.deviceLayout.addLayout(self.forgetLayout)

        self.recentCheck = QCheckBox(self.deviceBox)
        self.recentCheck.setObjectName(u"recentCheck")

        self.deviceLayout.addWidget(self.recentCheck)

        self.recentHelpLabel = QLabel(self.deviceBox)
        self.recentHelpLabel.setObjectName(u"recentHelpLabel")
        self.recentHelpLabel.setWordWrap(True)

        self.deviceLayout.addWidget(self.recentHelpLabel)


        self.settingsContentLayout.addWidget(self.deviceBox)

        self.lockBox = QGroupBox(self.settingsContent)
        self.lockBox.setObjectName(u"lockBox")
        self.lockLayout = QFormLayout(self.lockBox)
        self.lockLayout.setObjectName(u"lockLayout")
        self.autoLockLabel = QLabel(self.lockBox)
        self.autoLockLabel.setObjectName(u"autoLockLabel")

        self.lockLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.autoLockLabel)

        self.autoLockSpin = QSpinBox(self.lockBox)
        self.autoLockSpin.setObjectName(u"autoLockSpin")
        self.autoLockSpin.setMinimum(0)
        self.autoLockSpin.setMaximum(480)
        self.autoLockSpin.setValue(5)

        self.lockLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.autoLockSpin)

        self.wipeLayout = QHBoxLayout()
        self.wipeLayout.setObjectName(u"wipeLayout")
        self.wipeCheck = QCheckBox(self.lockBox)
        self.wipeCheck.setObjectName(u"wipeCheck")

        self.wipeLayout.addWidget(self.wipeCheck)

        self.wipeSpin = QSpinBox(self.lockBox)
        self.wipeSpin.setObjectName(u"wipeSpin")
        self.wipeSpin.setEnabled(False)
        self.wipeSpin.setMinimum(3)
        self.wipeSpin.setMaximum(50)
        self.wipeSpin.setValue(10)

        self.wipeLayout.addWidget(self.wipeSpin)

        self.wipeAfterLabel = QLabel(self.lockBox)
        self.wipeAfterLabel.setObjectName(u"wipeAfterLabel")

        self.wipeLayout.addWidget(self.wipeAfterLabel)

        self.wipeSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.wipeLayout.addItem(self.wipeSpacer)


        self.lockLayout.setLayout(1, QFormLayout.ItemRole.SpanningRole, self.wipeLayout)

        self.wipeWarningLabel = QLabel(self.lockBox)
        self.wipeWarningLabel.setObjectName(u"wipeWarningLabel")
        self.wipeWarningLabel.setWordWrap(True)

        self.lockLayout.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.wipeWarningLabel)


        self.settingsContentLayout.addWidget(self.lockBox)

        self.keyBox = QGroupBox(self.settingsContent)
        self.keyBox.setObjectName(u"keyBox")
        self.keyBoxLayout = QVBoxLayout(self.keyBox)
        self.keyBoxLayout.setObjectName(u"keyBoxLayout")
        self.keyHelpLabel = QLabel(self.keyBox)
        self.keyHelpLabel.setObjectName(u"keyHelpLabel")
        self.keyHelpLabel.setWordWrap(True)

        self.keyBoxLayout.addWidget(self.keyHelpLabel)

        self.rekeyButtonLayout = QHBoxLayout()
        self.rekeyButtonLayout.setObjectName(u"rekeyButtonLayout")
        self.rekeyButton = QPushButton(self.keyBox)
        self.rekeyButton.setObjectName(u"rekeyButton")

        self.rekeyButtonLayout.addWidget(self.rekeyButton)

        self.rekeySpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rekeyButtonLayout.addItem(self.rekeySpacer)


        self.keyBoxLayout.addLayout(self.rekeyButtonLayout)


        self.settingsContentLayout.addWidget(self.keyBox)

        self.destroyBox = QGroupBox(self.settingsContent)
        self.destroyBox.setObjectName(u"destroyBox")
        self.destroyBoxLayout = QVBoxLayout(self.destroyBox)
        self.destroyBoxLayout.setObjectName(u"destroyBoxLayout")
        self.destroyHelpLabel = QLabel(self.destroyBox)
        self.destroyHelpLabel.setObjectName(u"destroyHelpLabel")
        self.destroyHelpLabel.setWordWrap(True)

        self.destroyBoxLayout.addWidget(self.destroyHelpLabel)

        self.destroyLayout = QHBoxLayout()
        self.destroyLayout.setObjectName(u"destroyLayout")
        self.destroyButton = QPushButton(self.destroyBox)
        self.destroyButton.setObjectName(u"destroyButton")

        self.destroyLayout.addWidget(self.destroyButton)

        self.destroySpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.destroyLayout.addItem(self.destroySpacer)


        self.destroyBoxLayout.addLayout(self.destroyLayout)


        self.settingsContentLayout.addWidget(self.destroyBox)

        self.settingsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.settingsContentLayout.addItem(self.settingsSpacer)

        self.settingsScroll.setWidget(self.settingsContent)

        self.settingsLayout.addWidget(self.settingsScroll)

        self.pages.addWidget(self.settingsPage)
        self.destroyPage = QWidget()
        self.destroyPage.setObjectName(u"destroyPage")
        self.destroyPageLayout = QVBoxLayout(self.destroyPage)
        self.destroyPageLayout.setObjectName(u"destroyPageLayout")
        self.destroyPageLayout.setContentsMargins(0, 0, 0, 0)
        self.destroyTitleLabel = QLabel(self.destroyPage)
        self.destroyTitleLabel.setObjectName(u"destroyTitleLabel")

        self.destroyPageLayout.addWidget(self.destroyTitleLabel)

        self.destroyWarningLabel = QLabel(self.destroyPage)
        self.destroyWarningLabel.setObjectName(u"destroyWarningLabel")
        self.destroyWarningLabel.setWordWrap(True)

        self.destroyPageLayout.addWidget(self.destroyWarningLabel)

        self.backupsLabel = QLabel(self.destroyPage)
        self.backupsLabel.setObjectName(u"backupsLabel")
        self.backupsLabel.setWordWrap(True)

        self.destroyPageLayout.addWidget(self.backupsLabel)

        self.confirmEdit = QLineEdit(self.destroyPage)
        self.confirmEdit.setObjectName(u"confirmEdit")

        self.destroyPageLayout.addWidget(self.confirmEdit)

        self.confirmLayout = QHBoxLayout()
        self.confirmLayout.setObjectName(u"confirmLayout")
        self.confirmSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.confirmLayout.addItem(self.confirmSpacer)

        self.keepButton = QPushButton(self.destroyPage)
        self.keepButton.setObjectName(u"keepButton")

        self.confirmLayout.addWidget(self.keepButton)

        self.confirmDestroyButton = QPushButton(self.destroyPage)
        self.confirmDestroyButton.setObjectName(u"confirmDestroyButton")
        self.confirmDestroyButton.setEnabled(False)

        self.confirmLayout.addWidget(self.confirmDestroyButton)


        self.destroyPageLayout.addLayout(self.confirmLayout)

        self.destroyPageSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.destroyPageLayout.addItem(self.destroyPageSpacer)

        self.pages.addWidget(self.destroyPage)
        self.rekeyPage = QWidget()
        self.rekeyPage.setObjectName(u"rekeyPage")
        self.rekeyPageLayout = QVBoxLayout(self.rekeyPage)
        self.rekeyPageLayout.setObjectName(u"rekeyPageLayout")
        self.rekeyPageLayout.setContentsMargins(0, 0, 0, 0)
        self.rekeyTitleLabel = QLabel(self.rekeyPage)
        self.rekeyTitleLabel.setObjectName(u"rekeyTitleLabel")

        self.rekeyPageLayout.addWidget(self.rekeyTitleLabel)

        self.rekeyHelpLabel = QLabel(self.rekeyPage)
        self.rekeyHelpLabel.setObjectName(u"rekeyHelpLabel")
        self.rekeyHelpLabel.setWordWrap(True)

        self.rekeyPageLayout.addWidget(self.rekeyHelpLabel)

        self.rekeyForm = QFormLayout()
        self.rekeyForm.setObjectName(u"rekeyForm")
        self.currentLabel = QLabel(self.rekeyPage)
        self.currentLabel.setObjectName(u"currentLabel")

        self.rekeyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currentLabel)

        self.currentEdit = QLineEdit(self.rekeyPage)
        self.currentEdit.setObjectName(u"currentEdit")
        self.currentEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.rekeyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.currentEdit)

        self.newLabel = QLabel(self.rekeyPage)
        self.newLabel.setObjectName(u"newLabel")

        self.rekeyForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newLabel)

        self.newEdit = QLineEdit(self.rekeyPage)
        self.newEdit.setObjectName(u"newEdit")
        self.newEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.rekeyForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newEdit)

        self.againLabel = QLabel(self.rekeyPage)
        self.againLabel.setObjectName(u"againLabel")

        self.rekeyForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.againLabel)

        self.againEdit = QLineEdit(self.rekeyPage)
        self.againEdit.setObjectName(u"againEdit")
        self.againEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.rekeyForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.againEdit)


        self.rekeyPageLayout.addLayout(self.rekeyForm)

        self.rekeyProgress = QProgressBar(self.rekeyPage)
        self.rekeyProgress.setObjectName(u"rekeyProgress")
        self.rekeyProgress.setVisible(False)
        self.rekeyProgress.setValue(0)

        self.rekeyPageLayout.addWidget(self.rekeyProgress)

        self.rekeyButtonsLayout = QHBoxLayout()
        self.rekeyButtonsLayout.setObjectName(u"rekeyButtonsLayout")
        self.rekeyButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rekeyButtonsLayout.addItem(self.rekeyButtonsSpacer)

        self.rekeyCancelButton = QPushButton(self.rekeyPage)
        self.rekeyCancelButton.setObjectName(u"rekeyCancelButton")

        self.rekeyButtonsLayout.addWidget(self.rekeyCancelButton)

        self.rekeyStartButton = QPushButton(self.rekeyPage)
        self.rekeyStartButton.setObjectName(u"rekeyStartButton")

        self.rekeyButtonsLayout.addWidget(self.rekeyStartButton)


        self.rekeyPageLayout.addLayout(self.rekeyButtonsLayout)

        self.rekeyPageSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rekeyPageLayout.addItem(self.rekeyPageSpacer)

        self.pages.addWidget(self.rekeyPage)
        self.pagesScroll.setWidget(self.pages)

        self.dialogLayout.addWidget(self.pagesScroll)

        self.messageLabel = QLabel(SettingsDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.autoLockLabel.setBuddy(self.autoLockSpin)
        self.wipeAfterLabel.setBuddy(self.wipeSpin)
        self.currentLabel.setBuddy(self.currentEdit)
        self.newLabel.setBuddy(self.newEdit)
        self.againLabel.setBuddy(self.againEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
#if QT_CONFIG(accessibility)
        SettingsDialog.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Settings", None))
#endif // QT_CONFIG(accessibility)
        self.deviceBox.setTitle(QCoreApplication.translate("SettingsDialog", u"This device", None))
        self.rememberCheck.setText(QCoreApplication.translate("SettingsDialog", u"&Remember on this device", None))
#if QT_CONFIG(accessibility)
        self.rememberCheck.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Remember on this device", None))
#endif // QT_CONFIG(accessibility)
        self.keyringLabel.setText("")
#if QT_CONFIG(accessibility)
        self.keyringLabel.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Keyring", None))
#endif // QT_CONFIG(accessibility)
        self.rememberHelpLabel.setText(QCoreApplication.translate("SettingsDialog", u"Off by default. When on, this computer opens the vault without the passphrase, for anyone who uses your logged-in session. Forget it before you travel.", None))
        self.forgetButton.setText(QCoreApplication.translate("SettingsDialog", u"&Forget on this device", None))
#if QT_CONFIG(accessibility)
        self.forgetButton.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Forget on this device", None))
#endif // QT_CONFIG(accessibility)
        self.recentCheck.setText(QCoreApplication.translate("SettingsDialog", u"&List recently opened vaults on the start screen", None))
#if QT_CONFIG(accessibility)
        self.recentCheck.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"List recently opened vaults on the start screen", None))
#endif // QT_CONFIG(accessibility)
        self.recentHelpLabel.setText(QCoreApplication.translate("SettingsDialog", u"The list keeps the folders of the vaults you opened in this computer's settings. When off, no vault's folder is kept there: open a vault from its folder each time.", None))
        self.lockBox.setTitle(QCoreApplication.translate("SettingsDialog", u"Locking", None))
        self.autoLockLabel.setText(QCoreApplication.translate("SettingsDialog", u"Lock after &idle time:", None))
#if QT_CONFIG(accessibility)
        self.autoLockSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Lock after idle time, in minutes", None))
#endif // QT_CONFIG(accessibility)
        self.autoLockSpin.setSpecialValueText(QCoreApplication.translate("SettingsDialog", u"Never", None))
        self.autoLockSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" min", None))
        self.wipeCheck.setText(QCoreApplication.translate("SettingsDialog", u"Des&troy this vault after", None))
#if QT_CONFIG(accessibility)
        self.wipeCheck.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Destroy this vault after a number of failed unlocks in a row", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.wipeSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Failed unlocks in a row before the vault is destroyed", None))
#endif // QT_CONFIG(accessibility)
        self.wipeAfterLabel.setText(QCoreApplication.translate("SettingsDialog", u"failed unlocks in a row", None))
        self.wipeWarningLabel.setText(QCoreApplication.translate("SettingsDialog", u"Off by default. When on, anyone who types a wrong passphrase that many times in a row on this computer, you included, destroys this vault here for good, as \"Destroy this vault\" below does. Only a backup can bring it back. It does not stop someone who copies the vault's folder first and guesses elsewhere. The count is kept in this computer's settings, never in the vault.", None))
#if QT_CONFIG(accessibility)
        self.wipeWarningLabel.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"What destroying after failed unlocks means", None))
#endif // QT_CONFIG(accessibility)
        self.keyBox.setTitle(QCoreApplication.translate("SettingsDialog", u"Passphrase and database key", None))
        self.keyHelpLabel.setText(QCoreApplication.translate("SettingsDialog", u"If your passphrase may be known to someone else, change it together with the database key: no earlier copy of the vault's key file opens the vault afterwards.", None))
        self.rekeyButton.setText(QCoreApplication.translate("SettingsDialog", u"Change passphrase and &key\u2026", None))
#if QT_CONFIG(accessibility)
        self.rekeyButton.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Change the passphrase and the database key", None))
#endif // QT_CONFIG(accessibility)
        self.destroyBox.setTitle(QCoreApplication.translate("SettingsDialog", u"Destroy this vault", None))
        self.destroyHelpLabel.setText(QCoreApplication.translate("SettingsDialog", u"Destroys the key file and this device's keyring entry, then deletes the vault's folder. No copy of the vault can be opened afterwards, not even with the passphrase. Existing backups are not affected.", None))
        self.destroyButton.setText(QCoreApplication.translate("SettingsDialog", u"D&estroy this vault\u2026", None))
#if QT_CONFIG(accessibility)
        self.destroyButton.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Destroy this vault", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.destroyPage.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Destroy this vault", None))
#endif // QT_CONFIG(accessibility)
        self.destroyTitleLabel.setText(QCoreApplication.translate("SettingsDialog", u"Destroy this vault?", None))
        self.destroyWarningLabel.setText("")
#if QT_CONFIG(accessibility)
        self.destroyWarningLabel.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"What destroying means", None))
#endif // QT_CONFIG(accessibility)
        self.backupsLabel.setText(QCoreApplication.translate("SettingsDialog", u"Existing backups are not affected: whoever has a backup and its passphrase can still restore everything in it. Destroy those separately if you must.", None))
#if QT_CONFIG(accessibility)
        self.backupsLabel.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Backups", None))
#endif // QT_CONFIG(accessibility)
        self.confirmEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"The vault's folder name", None))
#if QT_CONFIG(accessibility)
        self.confirmEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Type the vault's folder name to confirm", None))
#endif // QT_CONFIG(accessibility)
        self.keepButton.setText(QCoreApplication.translate("SettingsDialog", u"&Keep the vault", None))
        self.confirmDestroyButton.setText(QCoreApplication.translate("SettingsDialog", u"&Destroy", None))
#if QT_CONFIG(accessibility)
        self.confirmDestroyButton.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Destroy the vault now", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.rekeyPage.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Change the passphrase and the database key", None))
#endif // QT_CONFIG(accessibility)
        self.rekeyTitleLabel.setText(QCoreApplication.translate("SettingsDialog", u"Change the passphrase and the database key", None))
        self.rekeyHelpLabel.setText(QCoreApplication.translate("SettingsDialog", u"The database is re-encrypted under a new random key, wrapped by the new passphrase, so that no earlier copy of the vault's key file opens it. The vault locks while this runs and opens again when it is done. This device forgets the vault. Older backups still open with the old passphrase.", None))
#if QT_CONFIG(accessibility)
        self.rekeyHelpLabel.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"What changing the database key means", None))
#endif // QT_CONFIG(accessibility)
        self.currentLabel.setText(QCoreApplication.translate("SettingsDialog", u"C&urrent passphrase:", None))
#if QT_CONFIG(accessibility)
        self.currentEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Current passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.newLabel.setText(QCoreApplication.translate("SettingsDialog", u"&New passphrase:", None))
#if QT_CONFIG(accessibility)
        self.newEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"New passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.againLabel.setText(QCoreApplication.translate("SettingsDialog", u"New passphrase &again:", None))
#if QT_CONFIG(accessibility)
        self.againEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"New passphrase again", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.rekeyProgress.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Progress of the change", None))
#endif // QT_CONFIG(accessibility)
        self.rekeyCancelButton.setText(QCoreApplication.translate("SettingsDialog", u"&Cancel", None))
        self.rekeyStartButton.setText(QCoreApplication.translate("SettingsDialog", u"Change passphrase and &key", None))
#if QT_CONFIG(accessibility)
        self.rekeyStartButton.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Change the passphrase and the database key now", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Message", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

