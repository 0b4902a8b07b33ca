# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'actor_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_ActorForm(object):
    def setupUi(self, ActorForm):
        if not ActorForm.objectName():
            ActorForm.setObjectName(u"ActorForm")
        ActorForm.resize(520, 460)
        self.mainLayout = QVBoxLayout(ActorForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.displayNameLabel = QLabel(ActorForm)
        self.displayNameLabel.setObjectName(u"displayNameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.displayNameLabel)

        self.displayNameEdit = QLineEdit(ActorForm)
        self.displayNameEdit.setObjectName(u"displayNameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.displayNameEdit)

        self.codenameLabel = QLabel(ActorForm)
        self.codenameLabel.setObjectName(u"codenameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.codenameLabel)

        self.codenameEdit = QLineEdit(ActorForm)
        self.codenameEdit.setObjectName(u"codenameEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.codenameEdit)

        self.sensitivityLabel = QLabel(ActorForm)
        self.sensitivityLabel.setObjectName(u"sensitivityLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sensitivityLabel)

        self.sensitivityCombo = QComboBox(ActorForm)
        self.sensitivityCombo.setObjectName(u"sensitivityCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sensitivityCombo)

        self.statusLabel = QLabel(ActorForm)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusLayout = QHBoxLayout()
        self.statusLayout.setObjectName(u"statusLayout")
        self.statusCombo = QComboBox(ActorForm)
        self.statusCombo.setObjectName(u"statusCombo")

        self.statusLayout.addWidget(self.statusCombo)

        self.snoozeLabel = QLabel(ActorForm)
        self.snoozeLabel.setObjectName(u"snoozeLabel")

        self.statusLayout.addWidget(self.snoozeLabel)

        self.snoozeEdit = QDateEdit(ActorForm)
        self.snoozeEdit.setObjectName(u"snoozeEdit")
        self.snoozeEdit.setCalendarPopup(True)
        self.snoozeEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.statusLayout.addWidget(self.snoozeEdit)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.statusLayout)

        self.cadenceLabel = QLabel(ActorForm)
        self.cadenceLabel.setObjectName(u"cadenceLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.cadenceLabel)

        self.cadenceLayout = QHBoxLayout()
        self.cadenceLayout.setObjectName(u"cadenceLayout")
        self.tierCombo = QComboBox(ActorForm)
        self.tierCombo.setObjectName(u"tierCombo")

        self.cadenceLayout.addWidget(self.tierCombo)

        self.cadenceSpin = QSpinBox(ActorForm)
        self.cadenceSpin.setObjectName(u"cadenceSpin")
        self.cadenceSpin.setMinimum(1)
        self.cadenceSpin.setMaximum(3650)
        self.cadenceSpin.setValue(30)

        self.cadenceLayout.addWidget(self.cadenceSpin)

        self.maxSpin = QSpinBox(ActorForm)
        self.maxSpin.setObjectName(u"maxSpin")
        self.maxSpin.setMinimum(0)
        self.maxSpin.setMaximum(7300)
        self.maxSpin.setValue(0)

        self.cadenceLayout.addWidget(self.maxSpin)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.cadenceLayout)

        self.countryLabel = QLabel(ActorForm)
        self.countryLabel.setObjectName(u"countryLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.countryLabel)

        self.countryEdit = QLineEdit(ActorForm)
        self.countryEdit.setObjectName(u"countryEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.countryEdit)

        self.languagesLabel = QLabel(ActorForm)
        self.languagesLabel.setObjectName(u"languagesLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.languagesLabel)

        self.languagesEdit = QLineEdit(ActorForm)
        self.languagesEdit.setObjectName(u"languagesEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.languagesEdit)

        self.tagsLabel = QLabel(ActorForm)
        self.tagsLabel.setObjectName(u"tagsLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.tagsLabel)

        self.tagsEdit = QLineEdit(ActorForm)
        self.tagsEdit.setObjectName(u"tagsEdit")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.tagsEdit)

        self.variantsLabel = QLabel(ActorForm)
        self.variantsLabel.setObjectName(u"variantsLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.variantsLabel)

        self.variantsLayout = QVBoxLayout()
        self.variantsLayout.setObjectName(u"variantsLayout")
        self.variantList = QListWidget(ActorForm)
        self.variantList.setObjectName(u"variantList")
        self.variantList.setMaximumSize(QSize(16777215, 90))

        self.variantsLayout.addWidget(self.variantList)

        self.addVariantLayout = QHBoxLayout()
        self.addVariantLayout.setObjectName(u"addVariantLayout")
        self.variantEdit = QLineEdit(ActorForm)
        self.variantEdit.setObjectName(u"variantEdit")

        self.addVariantLayout.addWidget(self.variantEdit)

        self.variantScriptEdit = QLineEdit(ActorForm)
        self.variantScriptEdit.setObjectName(u"variantScriptEdit")
        self.variantScriptEdit.setMaximumSize(QSize(140, 16777215))

        self.addVariantLayout.addWidget(self.variantScriptEdit)

        self.addVariantButton = QPushButton(ActorForm)
        self.addVariantButton.setObjectName(u"addVariantButton")
        self.addVariantButton.setAutoDefault(False)

        self.addVariantLayout.addWidget(self.addVariantButton)


        self.variantsLayout.addLayout(self.addVariantLayout)


        self.formLayout.setLayout(8, QFormLayout.ItemRole.FieldRole, self.variantsLayout)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ActorForm)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"QLabel { color: #9b2c2c; }")

        self.mainLayout.addWidget(self.errorLabel)

#if QT_CONFIG(shortcut)
        self.displayNameLabel.setBuddy(self.displayNameEdit)
        self.codenameLabel.setBuddy(self.codenameEdit)
        self.sensitivityLabel.setBuddy(self.sensitivityCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.snoozeLabel.setBuddy(self.snoozeEdit)
        self.cadenceLabel.setBuddy(self.cadenceSpin)
        self.countryLabel.setBuddy(self.countryEdit)
        self.languagesLabel.setBuddy(self.languagesEdit)
        self.tagsLabel.setBuddy(self.tagsEdit)
        self.variantsLabel.setBuddy(self.variantList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.displayNameEdit, self.codenameEdit)
        QWidget.setTabOrder(self.codenameEdit, self.sensitivityCombo)
        QWidget.setTabOrder(self.sensitivityCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.snoozeEdit)
        QWidget.setTabOrder(self.snoozeEdit, self.tierCombo)
        QWidget.setTabOrder(self.tierCombo, self.cadenceSpin)
        QWidget.setTabOrder(self.cadenceSpin, self.maxSpin)
        QWidget.setTabOrder(self.maxSpin, self.countryEdit)
        QWidget.setTabOrder(self.countryEdit, self.languagesEdit)
        QWidget.setTabOrder(self.languagesEdit, self.tagsEdit)
        QWidget.setTabOrder(self.tagsEdit, self.variantList)
        QWidget.setTabOrder(self.variantList, self.variantEdit)
        QWidget.setTabOrder(self.variantEdit, self.variantScriptEdit)
        QWidget.setTabOrder(self.variantScriptEdit, self.addVariantButton)

        self.retranslateUi(ActorForm)

        QMetaObject.connectSlotsByName(ActorForm)
    # setupUi

    def retranslateUi(self, ActorForm):
#if QT_CONFIG(accessibility)
        ActorForm.setAccessibleName(QCoreApplication.translate("ActorForm", u"Profile", None))
#endif // QT_CONFIG(accessibility)
        self.displayNameLabel.setText(QCoreApplication.translate("ActorForm", u"&Name", None))
#if QT_CONFIG(accessibility)
        self.displayNameEdit.setAccessibleName(QCoreApplication.translate("ActorForm", u"Display name", None))
#endif // QT_CONFIG(accessibility)
        self.codenameLabel.setText(QCoreApplication.translate("ActorForm", u"C&odename", None))
#if QT_CONFIG(accessibility)
        self.codenameEdit.setAccessibleName(QCoreApplication.translate("ActorForm", u"Codename", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.codenameEdit.setToolTip(QCoreApplication.translate("ActorForm", u"Shown instead of the name in privacy mode", None))
#endif // QT_CONFIG(tooltip)
        self.sensitivityLabel.setText(QCoreApplication.translate("ActorForm", u"Sensiti&vity", None))
#if QT_CONFIG(accessibility)
        self.sensitivityCombo.setAccessibleName(QCoreApplication.translate("ActorForm", u"Sensitivity", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabel.setText(QCoreApplication.translate("ActorForm", u"S&tatus", None))
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(QCoreApplication.translate("ActorForm", u"Status", None))
#endif // QT_CONFIG(accessibility)
        self.snoozeLabel.setText(QCoreApplication.translate("ActorForm", u"Snoo&zed until", None))
#if QT_CONFIG(accessibility)
        self.snoozeEdit.setAccessibleName(QCoreApplication.translate("ActorForm", u"Snoozed until: no reminder before this day", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.snoozeEdit.setToolTip(QCoreApplication.translate("ActorForm", u"No going-cold reminder about them until this day has passed", None))
#endif // QT_CONFIG(tooltip)
        self.snoozeEdit.setSpecialValueText(QCoreApplication.translate("ActorForm", u"not snoozed", None))
        self.cadenceLabel.setText(QCoreApplication.translate("ActorForm", u"C&adence", None))
#if QT_CONFIG(accessibility)
        self.tierCombo.setAccessibleName(QCoreApplication.translate("ActorForm", u"Tier: how close you keep them", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.tierCombo.setToolTip(QCoreApplication.translate("ActorForm", u"Each tier has its ideal interval: inner circle 14 days, regular 30, occasional 90", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.cadenceSpin.setAccessibleName(QCoreApplication.translate("ActorForm", u"Cadence: ideal days between contacts", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.cadenceSpin.setToolTip(QCoreApplication.translate("ActorForm", u"The ideal interval: warm until it has passed", None))
#endif // QT_CONFIG(tooltip)
        self.cadenceSpin.setPrefix(QCoreApplication.translate("ActorForm", u"ideal every ", None))
        self.cadenceSpin.setSuffix(QCoreApplication.translate("ActorForm", u" days", None))
#if QT_CONFIG(accessibility)
        self.maxSpin.setAccessibleName(QCoreApplication.translate("ActorForm", u"Maximum days between contacts", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.maxSpin.setToolTip(QCoreApplication.translate("ActorForm", u"The longest interval: cooling until it has passed, then cold", None))
#endif // QT_CONFIG(tooltip)
        self.maxSpin.setPrefix(QCoreApplication.translate("ActorForm", u"at most ", None))
        self.maxSpin.setSuffix(QCoreApplication.translate("ActorForm", u" days", None))
        self.maxSpin.setSpecialValueText(QCoreApplication.translate("ActorForm", u"at most twice the ideal", None))
        self.countryLabel.setText(QCoreApplication.translate("ActorForm", u"Co&untry", None))
#if QT_CONFIG(accessibility)
        self.countryEdit.setAccessibleName(QCoreApplication.translate("ActorForm", u"Country", None))
#endif // QT_CONFIG(accessibility)
        self.languagesLabel.setText(QCoreApplication.translate("ActorForm", u"&Languages", None))
#if QT_CONFIG(accessibility)
        self.languagesEdit.setAccessibleName(QCoreApplication.translate("ActorForm", u"Languages", None))
#endif // QT_CONFIG(accessibility)
        self.tagsLabel.setText(QCoreApplication.translate("ActorForm", u"Ta&gs", None))
#if QT_CONFIG(accessibility)
        self.tagsEdit.setAccessibleName(QCoreApplication.translate("ActorForm", u"Tags, separated by commas", None))
#endif // QT_CONFIG(accessibility)
        self.tagsEdit.setPlaceholderText(QCoreApplication.translate("ActorForm", u"separated by commas", None))
        self.variantsLabel.setText(QCoreApplication.translate("ActorForm", u"Name &variants", None))
#if QT_CONFIG(accessibility)
        self.variantList.setAccessibleName(QCoreApplication.translate("ActorForm", u"Name variants", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.variantList.setToolTip(QCoreApplication.translate("ActorForm", u"Delete removes the selected variant", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.variantEdit.setAccessibleName(QCoreApplication.translate("ActorForm", u"New name variant", None))
#endif // QT_CONFIG(accessibility)
        self.variantEdit.setPlaceholderText(QCoreApplication.translate("ActorForm", u"Another spelling or script", None))
#if QT_CONFIG(accessibility)
        self.variantScriptEdit.setAccessibleName(QCoreApplication.translate("ActorForm", u"Script of the new variant", None))
#endif // QT_CONFIG(accessibility)
        self.variantScriptEdit.setPlaceholderText(QCoreApplication.translate("ActorForm", u"script (e.g. Arabic)", None))
        self.addVariantButton.setText(QCoreApplication.translate("ActorForm", u"A&dd", None))
#if QT_CONFIG(accessibility)
        self.addVariantButton.setAccessibleName(QCoreApplication.translate("ActorForm", u"Add the name variant", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("ActorForm", u"Message", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

