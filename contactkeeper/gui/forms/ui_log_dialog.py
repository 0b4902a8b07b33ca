# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'log_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
    QFrame, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QScrollArea, QSizePolicy, QVBoxLayout,
    QWidget)

from contactkeeper.gui.widgets.scale_combo import ScaleCombo

class Ui_LogDialog(object):
    def setupUi(self, LogDialog):
        if not LogDialog.objectName():
            LogDialog.setObjectName(u"LogDialog")
        LogDialog.resize(560, 500)
        self.mainLayout = QVBoxLayout(LogDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.bodyScroll = QScrollArea(LogDialog)
        self.bodyScroll.setObjectName(u"bodyScroll")
        self.bodyScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.bodyScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.bodyScroll.setWidgetResizable(True)
        self.body = QWidget()
        self.body.setObjectName(u"body")
        self.bodyLayout = QVBoxLayout(self.body)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.bodyLayout.setContentsMargins(0, 0, 0, 0)
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.participantLabel = QLabel(self.body)
        self.participantLabel.setObjectName(u"participantLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.participantLabel)

        self.participantLayout = QVBoxLayout()
        self.participantLayout.setObjectName(u"participantLayout")
        self.participantEditLayout = QHBoxLayout()
        self.participantEditLayout.setObjectName(u"participantEditLayout")
        self.participantEdit = QLineEdit(self.body)
        self.participantEdit.setObjectName(u"participantEdit")

        self.participantEditLayout.addWidget(self.participantEdit)

        self.newActorButton = QPushButton(self.body)
        self.newActorButton.setObjectName(u"newActorButton")
        self.newActorButton.setAutoDefault(False)

        self.participantEditLayout.addWidget(self.newActorButton)


        self.participantLayout.addLayout(self.participantEditLayout)

        self.participantList = QListWidget(self.body)
        self.participantList.setObjectName(u"participantList")
        self.participantList.setMaximumSize(QSize(16777215, 84))

        self.participantLayout.addWidget(self.participantList)

        self.similarLabel = QLabel(self.body)
        self.similarLabel.setObjectName(u"similarLabel")
        self.similarLabel.setWordWrap(True)
        self.similarLabel.setStyleSheet(u"QLabel { color: #7a4b00; background: #fff4d6; border-radius: 4px; padding: 4px; }")

        self.participantLayout.addWidget(self.similarLabel)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.participantLayout)

        self.occurredLabel = QLabel(self.body)
        self.occurredLabel.setObjectName(u"occurredLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.occurredLabel)

        self.occurredEdit = QDateTimeEdit(self.body)
        self.occurredEdit.setObjectName(u"occurredEdit")
        self.occurredEdit.setDisplayFormat(u"yyyy-MM-dd HH:mm")
        self.occurredEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.occurredEdit)

        self.kindLabel = QLabel(self.body)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.body)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.registerLabel = QLabel(self.body)
        self.registerLabel.setObjectName(u"registerLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.registerLabel)

        self.registerCombo = QComboBox(self.body)
        self.registerCombo.setObjectName(u"registerCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.registerCombo)

        self.channelLabel = QLabel(self.body)
        self.channelLabel.setObjectName(u"channelLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channelCombo = QComboBox(self.body)
        self.channelCombo.setObjectName(u"channelCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.channelCombo)

        self.processLabel = QLabel(self.body)
        self.processLabel.setObjectName(u"processLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.processLabel)

        self.processCombo = QComboBox(self.body)
        self.processCombo.setObjectName(u"processCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.processCombo)

        self.summaryLabel = QLabel(self.body)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summaryEdit = QPlainTextEdit(self.body)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setTabChangesFocus(True)
        self.summaryEdit.setMinimumSize(QSize(0, 90))

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.summaryEdit)


        self.bodyLayout.addLayout(self.formLayout)

        self.followUpBox = QGroupBox(self.body)
        self.followUpBox.setObjectName(u"followUpBox")
        self.followUpBox.setCheckable(True)
        self.followUpBox.setChecked(False)
        self.followUpLayout = QHBoxLayout(self.followUpBox)
        self.followUpLayout.setObjectName(u"followUpLayout")
        self.followUpEdit = QLineEdit(self.followUpBox)
        self.followUpEdit.setObjectName(u"followUpEdit")

        self.followUpLayout.addWidget(self.followUpEdit)

        self.dueLabel = QLabel(self.followUpBox)
        self.dueLabel.setObjectName(u"dueLabel")

        self.followUpLayout.addWidget(self.dueLabel)

        self.followUpDueEdit = QDateEdit(self.followUpBox)
        self.followUpDueEdit.setObjectName(u"followUpDueEdit")
        self.followUpDueEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.followUpDueEdit.setCalendarPopup(True)

        self.followUpLayout.addWidget(self.followUpDueEdit)


        self.bodyLayout.addWidget(self.followUpBox)

        self.cueBox = QGroupBox(self.body)
        self.cueBox.setObjectName(u"cueBox")
        self.cueBox.setCheckable(True)
        self.cueBox.setChecked(False)
        self.cueLayout = QFormLayout(self.cueBox)
        self.cueLayout.setObjectName(u"cueLayout")
        self.cueKindLabel = QLabel(self.cueBox)
        self.cueKindLabel.setObjectName(u"cueKindLabel")

        self.cueLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.cueKindLabel)

        self.cueKindCombo = QComboBox(self.cueBox)
        self.cueKindCombo.setObjectName(u"cueKindCombo")

        self.cueLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.cueKindCombo)

        self.cueDirectionLabel = QLabel(self.cueBox)
        self.cueDirectionLabel.setObjectName(u"cueDirectionLabel")

        self.cueLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.cueDirectionLabel)

        self.cueDirectionLayout = QHBoxLayout()
        self.cueDirectionLayout.setObjectName(u"cueDirectionLayout")
        self.cueDirectionCombo = QComboBox(self.cueBox)
        self.cueDirectionCombo.setObjectName(u"cueDirectionCombo")

        self.cueDirectionLayout.addWidget(self.cueDirectionCombo)

        self.cueStrengthLabel = QLabel(self.cueBox)
        self.cueStrengthLabel.setObjectName(u"cueStrengthLabel")

        self.cueDirectionLayout.addWidget(self.cueStrengthLabel)

        self.cueStrengthCombo = ScaleCombo(self.cueBox)
        self.cueStrengthCombo.setObjectName(u"cueStrengthCombo")

        self.cueDirectionLayout.addWidget(self.cueStrengthCombo)


        self.cueLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.cueDirectionLayout)

        self.cueReliabilityLabel = QLabel(self.cueBox)
        self.cueReliabilityLabel.setObjectName(u"cueReliabilityLabel")

        self.cueLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.cueReliabilityLabel)

        self.cueReliabilityCombo = QComboBox(self.cueBox)
        self.cueReliabilityCombo.setObjectName(u"cueReliabilityCombo")

        self.cueLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.cueReliabilityCombo)

        self.cueCredibilityLabel = QLabel(self.cueBox)
        self.cueCredibilityLabel.setObjectName(u"cueCredibilityLabel")

        self.cueLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.cueCredibilityLabel)

        self.cueCredibilityCombo = QComboBox(self.cueBox)
        self.cueCredibilityCombo.setObjectName(u"cueCredibilityCombo")

        self.cueLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.cueCredibilityCombo)

        self.cueReporterLabel = QLabel(self.cueBox)
        self.cueReporterLabel.setObjectName(u"cueReporterLabel")

        self.cueLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.cueReporterLabel)

        self.cueReporterCombo = QComboBox(self.cueBox)
        self.cueReporterCombo.setObjectName(u"cueReporterCombo")

        self.cueLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.cueReporterCombo)

        self.cueNoteLabel = QLabel(self.cueBox)
        self.cueNoteLabel.setObjectName(u"cueNoteLabel")

        self.cueLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.cueNoteLabel)

        self.cueNoteEdit = QLineEdit(self.cueBox)
        self.cueNoteEdit.setObjectName(u"cueNoteEdit")

        self.cueLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.cueNoteEdit)


        self.bodyLayout.addWidget(self.cueBox)

        self.bodyScroll.setWidget(self.body)

        self.mainLayout.addWidget(self.bodyScroll)

        self.errorLabel = QLabel(LogDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"QLabel { color: #9b2c2c; }")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(LogDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.participantLabel.setBuddy(self.participantEdit)
        self.occurredLabel.setBuddy(self.occurredEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.registerLabel.setBuddy(self.registerCombo)
        self.channelLabel.setBuddy(self.channelCombo)
        self.processLabel.setBuddy(self.processCombo)
        self.summaryLabel.setBuddy(self.summaryEdit)
        self.dueLabel.setBuddy(self.followUpDueEdit)
        self.cueKindLabel.setBuddy(self.cueKindCombo)
        self.cueDirectionLabel.setBuddy(self.cueDirectionCombo)
        self.cueStrengthLabel.setBuddy(self.cueStrengthCombo)
        self.cueReliabilityLabel.setBuddy(self.cueReliabilityCombo)
        self.cueCredibilityLabel.setBuddy(self.cueCredibilityCombo)
        self.cueReporterLabel.setBuddy(self.cueReporterCombo)
        self.cueNoteLabel.setBuddy(self.cueNoteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.participantEdit, self.newActorButton)
        QWidget.setTabOrder(self.newActorButton, self.participantList)
        QWidget.setTabOrder(self.participantList, self.occurredEdit)
        QWidget.setTabOrder(self.occurredEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.registerCombo)
        QWidget.setTabOrder(self.registerCombo, self.channelCombo)
        QWidget.setTabOrder(self.channelCombo, self.processCombo)
        QWidget.setTabOrder(self.processCombo, self.summaryEdit)
        QWidget.setTabOrder(self.summaryEdit, self.followUpBox)
        QWidget.setTabOrder(self.followUpBox, self.followUpEdit)
        QWidget.setTabOrder(self.followUpEdit, self.followUpDueEdit)
        QWidget.setTabOrder(self.followUpDueEdit, self.cueBox)
        QWidget.setTabOrder(self.cueBox, self.cueKindCombo)
        QWidget.setTabOrder(self.cueKindCombo, self.cueDirectionCombo)
        QWidget.setTabOrder(self.cueDirectionCombo, self.cueStrengthCombo)
        QWidget.setTabOrder(self.cueStrengthCombo, self.cueReliabilityCombo)
        QWidget.setTabOrder(self.cueReliabilityCombo, self.cueCredibilityCombo)
        QWidget.setTabOrder(self.cueCredibilityCombo, self.cueReporterCombo)
        QWidget.setTabOrder(self.cueReporterCombo, self.cueNoteEdit)

        self.retranslateUi(LogDialog)

        QMetaObject.connectSlotsByName(LogDialog)
    # setupUi

    def retranslateUi(self, LogDialog):
        LogDialog.setWindowTitle(QCoreApplication.translate("LogDialog", u"Log a contact", None))
        self.participantLabel.setText(QCoreApplication.translate("LogDialog", u"&Who", None))
#if QT_CONFIG(accessibility)
        self.participantEdit.setAccessibleName(QCoreApplication.translate("LogDialog", u"Add a participant", None))
#endif // QT_CONFIG(accessibility)
        self.participantEdit.setPlaceholderText(QCoreApplication.translate("LogDialog", u"Type a name or codename; Enter adds it", None))
        self.newActorButton.setText(QCoreApplication.translate("LogDialog", u"&New actor", None))
#if QT_CONFIG(accessibility)
        self.newActorButton.setAccessibleName(QCoreApplication.translate("LogDialog", u"Create the typed name as a new actor", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.participantList.setAccessibleName(QCoreApplication.translate("LogDialog", u"Participants", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.participantList.setToolTip(QCoreApplication.translate("LogDialog", u"Delete removes the selected participant", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.similarLabel.setAccessibleName(QCoreApplication.translate("LogDialog", u"Possible duplicate", None))
#endif // QT_CONFIG(accessibility)
        self.occurredLabel.setText(QCoreApplication.translate("LogDialog", u"W&hen", None))
#if QT_CONFIG(accessibility)
        self.occurredEdit.setAccessibleName(QCoreApplication.translate("LogDialog", u"Date and time (local)", None))
#endif // QT_CONFIG(accessibility)
        self.kindLabel.setText(QCoreApplication.translate("LogDialog", u"&Kind", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("LogDialog", u"Kind of contact", None))
#endif // QT_CONFIG(accessibility)
        self.registerLabel.setText(QCoreApplication.translate("LogDialog", u"&Register", None))
#if QT_CONFIG(accessibility)
        self.registerCombo.setAccessibleName(QCoreApplication.translate("LogDialog", u"Register", None))
#endif // QT_CONFIG(accessibility)
        self.channelLabel.setText(QCoreApplication.translate("LogDialog", u"&Channel", None))
#if QT_CONFIG(accessibility)
        self.channelCombo.setAccessibleName(QCoreApplication.translate("LogDialog", u"Channel used", None))
#endif // QT_CONFIG(accessibility)
        self.processLabel.setText(QCoreApplication.translate("LogDialog", u"&Process", None))
#if QT_CONFIG(accessibility)
        self.processCombo.setAccessibleName(QCoreApplication.translate("LogDialog", u"Process", None))
#endif // QT_CONFIG(accessibility)
        self.summaryLabel.setText(QCoreApplication.translate("LogDialog", u"&Summary", None))
#if QT_CONFIG(accessibility)
        self.summaryEdit.setAccessibleName(QCoreApplication.translate("LogDialog", u"Summary", None))
#endif // QT_CONFIG(accessibility)
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("LogDialog", u"What was said, what you noticed (Ctrl+Enter saves)", None))
        self.followUpBox.setTitle(QCoreApplication.translate("LogDialog", u"&Follow-up", None))
#if QT_CONFIG(accessibility)
        self.followUpBox.setAccessibleName(QCoreApplication.translate("LogDialog", u"Add a follow-up", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.followUpEdit.setAccessibleName(QCoreApplication.translate("LogDialog", u"Follow-up task", None))
#endif // QT_CONFIG(accessibility)
        self.followUpEdit.setPlaceholderText(QCoreApplication.translate("LogDialog", u"What to do next", None))
        self.dueLabel.setText(QCoreApplication.translate("LogDialog", u"d&ue", None))
#if QT_CONFIG(accessibility)
        self.followUpDueEdit.setAccessibleName(QCoreApplication.translate("LogDialog", u"Follow-up due date", None))
#endif // QT_CONFIG(accessibility)
        self.cueBox.setTitle(QCoreApplication.translate("LogDialog", u"Readiness c&ue", None))
#if QT_CONFIG(accessibility)
        self.cueBox.setAccessibleName(QCoreApplication.translate("LogDialog", u"Add a readiness cue", None))
#endif // QT_CONFIG(accessibility)
        self.cueKindLabel.setText(QCoreApplication.translate("LogDialog", u"Signal", None))
#if QT_CONFIG(accessibility)
        self.cueKindCombo.setAccessibleName(QCoreApplication.translate("LogDialog", u"Kind of readiness cue", None))
#endif // QT_CONFIG(accessibility)
        self.cueDirectionLabel.setText(QCoreApplication.translate("LogDialog", u"Direction", None))
#if QT_CONFIG(accessibility)
        self.cueDirectionCombo.setAccessibleName(QCoreApplication.translate("LogDialog", u"Direction of the cue", None))
#endif // QT_CONFIG(accessibility)
        self.cueStrengthLabel.setText(QCoreApplication.translate("LogDialog", u"Strength", None))
#if QT_CONFIG(accessibility)
        self.cueStrengthCombo.setAccessibleName(QCoreApplication.translate("LogDialog", u"Strength of the cue", None))
#endif // QT_CONFIG(accessibility)
        self.cueReliabilityLabel.setText(QCoreApplication.translate("LogDialog", u"Source", None))
#if QT_CONFIG(accessibility)
        self.cueReliabilityCombo.setAccessibleName(QCoreApplication.translate("LogDialog", u"Reliability of the source, A to F", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.cueReliabilityCombo.setToolTip(QCoreApplication.translate("LogDialog", u"How far the source has proved reliable: A completely, F cannot be judged", None))
#endif // QT_CONFIG(tooltip)
        self.cueCredibilityLabel.setText(QCoreApplication.translate("LogDialog", u"Information", None))
#if QT_CONFIG(accessibility)
        self.cueCredibilityCombo.setAccessibleName(QCoreApplication.translate("LogDialog", u"Credibility of the information, 1 to 6", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.cueCredibilityCombo.setToolTip(QCoreApplication.translate("LogDialog", u"How credible this piece of information is: 1 confirmed by other sources, 6 cannot be judged", None))
#endif // QT_CONFIG(tooltip)
        self.cueReporterLabel.setText(QCoreApplication.translate("LogDialog", u"Reported by", None))
#if QT_CONFIG(accessibility)
        self.cueReporterCombo.setAccessibleName(QCoreApplication.translate("LogDialog", u"Reported by", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.cueReporterCombo.setToolTip(QCoreApplication.translate("LogDialog", u"Who told you, among the participants; the channel is the contact's", None))
#endif // QT_CONFIG(tooltip)
        self.cueNoteLabel.setText(QCoreApplication.translate("LogDialog", u"Note", None))
#if QT_CONFIG(accessibility)
        self.cueNoteEdit.setAccessibleName(QCoreApplication.translate("LogDialog", u"Note on the cue", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("LogDialog", u"Message", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

