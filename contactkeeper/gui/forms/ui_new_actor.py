# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_actor.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_NewActorDialog(object):
    def setupUi(self, NewActorDialog):
        if not NewActorDialog.objectName():
            NewActorDialog.setObjectName(u"NewActorDialog")
        NewActorDialog.resize(480, 420)
        self.mainLayout = QVBoxLayout(NewActorDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.nameLabel = QLabel(NewActorDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(NewActorDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.variantsLabel = QLabel(NewActorDialog)
        self.variantsLabel.setObjectName(u"variantsLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.variantsLabel)

        self.variantsEdit = QLineEdit(NewActorDialog)
        self.variantsEdit.setObjectName(u"variantsEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.variantsEdit)

        self.codenameLabel = QLabel(NewActorDialog)
        self.codenameLabel.setObjectName(u"codenameLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.codenameLabel)

        self.codenameEdit = QLineEdit(NewActorDialog)
        self.codenameEdit.setObjectName(u"codenameEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.codenameEdit)

        self.sensitivityLabel = QLabel(NewActorDialog)
        self.sensitivityLabel.setObjectName(u"sensitivityLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sensitivityLabel)

        self.sensitivityCombo = QComboBox(NewActorDialog)
        self.sensitivityCombo.setObjectName(u"sensitivityCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sensitivityCombo)

        self.cadenceLabel = QLabel(NewActorDialog)
        self.cadenceLabel.setObjectName(u"cadenceLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.cadenceLabel)

        self.cadenceLayout = QHBoxLayout()
        self.cadenceLayout.setObjectName(u"cadenceLayout")
        self.tierCombo = QComboBox(NewActorDialog)
        self.tierCombo.setObjectName(u"tierCombo")

        self.cadenceLayout.addWidget(self.tierCombo)

        self.cadenceSpin = QSpinBox(NewActorDialog)
        self.cadenceSpin.setObjectName(u"cadenceSpin")
        self.cadenceSpin.setMinimum(1)
        self.cadenceSpin.setMaximum(3650)
        self.cadenceSpin.setValue(30)

        self.cadenceLayout.addWidget(self.cadenceSpin)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.cadenceLayout)

        self.countryLabel = QLabel(NewActorDialog)
        self.countryLabel.setObjectName(u"countryLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.countryLabel)

        self.countryEdit = QLineEdit(NewActorDialog)
        self.countryEdit.setObjectName(u"countryEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.countryEdit)

        self.tagsLabel = QLabel(NewActorDialog)
        self.tagsLabel.setObjectName(u"tagsLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.tagsLabel)

        self.tagsEdit = QLineEdit(NewActorDialog)
        self.tagsEdit.setObjectName(u"tagsEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.tagsEdit)

        self.notesLabel = QLabel(NewActorDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(NewActorDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.messageLabel = QLabel(NewActorDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(NewActorDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.variantsLabel.setBuddy(self.variantsEdit)
        self.codenameLabel.setBuddy(self.codenameEdit)
        self.sensitivityLabel.setBuddy(self.sensitivityCombo)
        self.cadenceLabel.setBuddy(self.cadenceSpin)
        self.countryLabel.setBuddy(self.countryEdit)
        self.tagsLabel.setBuddy(self.tagsEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.variantsEdit)
        QWidget.setTabOrder(self.variantsEdit, self.codenameEdit)
        QWidget.setTabOrder(self.codenameEdit, self.sensitivityCombo)
        QWidget.setTabOrder(self.sensitivityCombo, self.tierCombo)
        QWidget.setTabOrder(self.tierCombo, self.cadenceSpin)
        QWidget.setTabOrder(self.cadenceSpin, self.countryEdit)
        QWidget.setTabOrder(self.countryEdit, self.tagsEdit)
        QWidget.setTabOrder(self.tagsEdit, self.notesEdit)

        self.retranslateUi(NewActorDialog)

        QMetaObject.connectSlotsByName(NewActorDialog)
    # setupUi

    def retranslateUi(self, NewActorDialog):
        NewActorDialog.setWindowTitle(QCoreApplication.translate("NewActorDialog", u"New actor", None))
#if QT_CONFIG(accessibility)
        NewActorDialog.setAccessibleName(QCoreApplication.translate("NewActorDialog", u"New actor", None))
#endif // QT_CONFIG(accessibility)
        self.nameLabel.setText(QCoreApplication.translate("NewActorDialog", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("NewActorDialog", u"Name", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("NewActorDialog", u"As you usually write it", None))
        self.variantsLabel.setText(QCoreApplication.translate("NewActorDialog", u"Other &spellings:", None))
#if QT_CONFIG(accessibility)
        self.variantsEdit.setAccessibleName(QCoreApplication.translate("NewActorDialog", u"Other spellings", None))
#endif // QT_CONFIG(accessibility)
        self.variantsEdit.setPlaceholderText(QCoreApplication.translate("NewActorDialog", u"Transliterations or other scripts, separated by ;", None))
        self.codenameLabel.setText(QCoreApplication.translate("NewActorDialog", u"&Codename:", None))
#if QT_CONFIG(accessibility)
        self.codenameEdit.setAccessibleName(QCoreApplication.translate("NewActorDialog", u"Codename", None))
#endif // QT_CONFIG(accessibility)
        self.codenameEdit.setPlaceholderText(QCoreApplication.translate("NewActorDialog", u"Leave empty for a random one", None))
        self.sensitivityLabel.setText(QCoreApplication.translate("NewActorDialog", u"S&ensitivity:", None))
#if QT_CONFIG(accessibility)
        self.sensitivityCombo.setAccessibleName(QCoreApplication.translate("NewActorDialog", u"Sensitivity", None))
#endif // QT_CONFIG(accessibility)
        self.cadenceLabel.setText(QCoreApplication.translate("NewActorDialog", u"C&adence:", None))
#if QT_CONFIG(accessibility)
        self.tierCombo.setAccessibleName(QCoreApplication.translate("NewActorDialog", u"Tier: how close you keep them", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.tierCombo.setToolTip(QCoreApplication.translate("NewActorDialog", u"Each tier has its ideal interval: inner circle 14 days, regular 30, occasional 90; at most twice the ideal", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.cadenceSpin.setAccessibleName(QCoreApplication.translate("NewActorDialog", u"Cadence: ideal days between contacts", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.cadenceSpin.setToolTip(QCoreApplication.translate("NewActorDialog", u"How many days between contacts keeps this relationship warm; cold after twice as many", None))
#endif // QT_CONFIG(tooltip)
        self.cadenceSpin.setPrefix(QCoreApplication.translate("NewActorDialog", u"ideal every ", None))
        self.cadenceSpin.setSuffix(QCoreApplication.translate("NewActorDialog", u" days", None))
        self.countryLabel.setText(QCoreApplication.translate("NewActorDialog", u"C&ountry:", None))
#if QT_CONFIG(accessibility)
        self.countryEdit.setAccessibleName(QCoreApplication.translate("NewActorDialog", u"Country", None))
#endif // QT_CONFIG(accessibility)
        self.tagsLabel.setText(QCoreApplication.translate("NewActorDialog", u"&Tags:", None))
#if QT_CONFIG(accessibility)
        self.tagsEdit.setAccessibleName(QCoreApplication.translate("NewActorDialog", u"Tags", None))
#endif // QT_CONFIG(accessibility)
        self.tagsEdit.setPlaceholderText(QCoreApplication.translate("NewActorDialog", u"Separated by commas", None))
        self.notesLabel.setText(QCoreApplication.translate("NewActorDialog", u"N&otes:", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("NewActorDialog", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("NewActorDialog", u"Message", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

