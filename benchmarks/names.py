"""Word and name pools for the synthetic benchmark vault (all invented or common names).

Each name is (Latin form, form in its own script, other transliterations), so an actor can
carry the name variants a practitioner really collects: a Latin display name with its
Arabic, Hebrew or Cyrillic spelling, or the other way round.
"""

from __future__ import annotations

Name = tuple[str, str, tuple[str, ...]]

ARABIC_FIRST: tuple[Name, ...] = (
    ("Karim", "كريم", ("Kareem",)),
    ("Mohammed", "محمد", ("Muhammad", "Mohamed")),
    ("Ahmed", "أحمد", ("Ahmad",)),
    ("Youssef", "يوسف", ("Yusuf",)),
    ("Omar", "عمر", ()),
    ("Hassan", "حسن", ()),
    ("Ali", "علي", ()),
    ("Khaled", "خالد", ("Khalid",)),
    ("Tariq", "طارق", ("Tarek",)),
    ("Samir", "سمير", ()),
    ("Layla", "ليلى", ("Leila",)),
    ("Fatima", "فاطمة", ("Fatma",)),
    ("Nadia", "نادية", ()),
    ("Samira", "سميرة", ()),
    ("Amira", "أميرة", ()),
    ("Huda", "هدى", ()),
    ("Rania", "رانيا", ()),
    ("Salma", "سلمى", ()),
    ("Ibrahim", "إبراهيم", ("Ebrahim",)),
    ("Mahmoud", "محمود", ("Mahmud",)),
    ("Faisal", "فيصل", ()),
    ("Nour", "نور", ("Noor",)),
    ("Zainab", "زينب", ("Zeinab",)),
    ("Mustafa", "مصطفى", ("Moustafa",)),
)
ARABIC_LAST: tuple[Name, ...] = (
    ("Nassar", "نصار", ("Nasser",)),
    ("Haddad", "حداد", ()),
    ("al-Masri", "المصري", ("el-Masry",)),
    ("Barakat", "بركات", ()),
    ("Khalil", "خليل", ()),
    ("Farouk", "فاروق", ("Faruq",)),
    ("Aziz", "عزيز", ()),
    ("Qadri", "قادري", ("Kadri",)),
    ("Mansour", "منصور", ("Mansur",)),
    ("Saleh", "صالح", ("Salih",)),
    ("Hamdan", "حمدان", ()),
    ("Darwish", "درويش", ()),
    ("Khoury", "خوري", ("Khouri",)),
    ("Jaber", "جابر", ("Jabir",)),
    ("al-Obeidi", "العبيدي", ("al-Obaidi",)),
    ("Rashid", "راشد", ("Rashed",)),
    ("Sharif", "شريف", ("Cherif",)),
    ("Zaki", "زكي", ()),
    ("Hijazi", "حجازي", ("Higazy",)),
    ("Toukan", "طوقان", ("Tuqan",)),
)
HEBREW_FIRST: tuple[Name, ...] = (
    ("Yael", "יעל", ()),
    ("Avi", "אבי", ()),
    ("Noa", "נועה", ()),
    ("David", "דוד", ()),
    ("Moshe", "משה", ()),
    ("Tamar", "תמר", ()),
    ("Eitan", "איתן", ("Ethan",)),
    ("Michal", "מיכל", ()),
    ("Yosef", "יוסף", ("Joseph",)),
    ("Rivka", "רבקה", ("Rebecca",)),
    ("Ariel", "אריאל", ()),
    ("Shira", "שירה", ()),
    ("Amos", "עמוס", ()),
    ("Dalia", "דליה", ()),
    ("Gideon", "גדעון", ()),
    ("Hila", "הילה", ()),
)
HEBREW_LAST: tuple[Name, ...] = (
    ("Levi", "לוי", ("Levy",)),
    ("Cohen", "כהן", ("Kohen",)),
    ("Mizrahi", "מזרחי", ()),
    ("Peretz", "פרץ", ("Perez",)),
    ("Biton", "ביטון", ()),
    ("Friedman", "פרידמן", ()),
    ("Shapira", "שפירא", ("Shapiro",)),
    ("Avraham", "אברהם", ()),
    ("Dahan", "דהן", ()),
    ("Katz", "כץ", ()),
    ("Goldberg", "גולדברג", ()),
    ("Ben-David", "בן דוד", ()),
    ("Azoulay", "אזולאי", ()),
    ("Halevi", "הלוי", ()),
)
CYRILLIC_FIRST: tuple[Name, ...] = (
    ("Mikhail", "Михаил", ("Michail",)),
    ("Dmitri", "Дмитрий", ("Dmitry",)),
    ("Sergei", "Сергей", ("Sergey",)),
    ("Alexei", "Алексей", ("Aleksey",)),
    ("Ivan", "Иван", ()),
    ("Pavel", "Павел", ()),
    ("Nikolai", "Николай", ("Nikolay",)),
    ("Andrei", "Андрей", ("Andrey",)),
    ("Yuri", "Юрий", ("Yury",)),
    ("Fyodor", "Фёдор", ("Fedor",)),
    ("Pyotr", "Пётр", ("Petr",)),
    ("Bogdan", "Богдан", ()),
)
CYRILLIC_FIRST_FEMININE: tuple[Name, ...] = (
    ("Anna", "Анна", ()),
    ("Yulia", "Юлия", ("Julia",)),
    ("Olga", "Ольга", ()),
    ("Natalia", "Наталья", ("Natalya",)),
    ("Elena", "Елена", ("Yelena",)),
    ("Tatiana", "Татьяна", ("Tatyana",)),
    ("Irina", "Ирина", ()),
    ("Svetlana", "Светлана", ()),
    ("Ksenia", "Ксения", ("Kseniya",)),
)
CYRILLIC_LAST: tuple[Name, ...] = (
    ("Orlov", "Орлов", ("Orloff",)),
    ("Volkov", "Волков", ()),
    ("Sokolov", "Соколов", ()),
    ("Ivanov", "Иванов", ()),
    ("Petrov", "Петров", ()),
    ("Smirnov", "Смирнов", ()),
    ("Kuznetsov", "Кузнецов", ()),
    ("Popov", "Попов", ()),
    ("Lebedev", "Лебедев", ()),
    ("Kozlov", "Козлов", ()),
    ("Novikov", "Новиков", ()),
    ("Morozov", "Морозов", ()),
    ("Fyodorov", "Фёдоров", ("Fedorov",)),
    ("Belov", "Белов", ()),
    ("Zaitsev", "Зайцев", ("Zaytsev",)),
)
LATIN_FIRST: tuple[str, ...] = (
    "James",
    "Maria",
    "Thomas",
    "Sophie",
    "Lars",
    "Ingrid",
    "Pierre",
    "Claire",
    "Hans",
    "Marco",
    "Giulia",
    "Jonas",
    "Zoë",
    "Andrés",
    "Lucía",
    "Søren",
    "Agnieszka",
    "Tomás",
    "Hélène",
    "Kwame",
    "Amara",
    "Priya",
    "Kenji",
    "Ayşe",
)
LATIN_LAST: tuple[str, ...] = (
    "Andersen",
    "Müller",
    "Dubois",
    "Rossi",
    "García",
    "Novák",
    "Øverby",
    "Kowalski",
    "Schmidt",
    "Lefèvre",
    "Bianchi",
    "Hansen",
    "O'Neill",
    "Mensah",
    "Okafor",
    "Yılmaz",
    "Moreau",
    "Lindqvist",
    "Fernández",
    "Nakamura",
)

COUNTRIES = (
    "Qaranis",
    "Verenia",
    "Tal Haroshet",
    "Ostravia",
    "Meridia",
    "Kestrel Isles",
    "Norland",
    "Sahel Coast",
    "Upper Valley",
    "Dry Valley",
)
LANGUAGES = ("Arabic", "Hebrew", "Russian", "English", "French", "Verenian", "Turkish")

TAGS = (
    "ministry",
    "reformer",
    "gatekeeper",
    "elder",
    "armed-group",
    "hardliner",
    "academic",
    "convenor",
    "business",
    "media",
    "displaced",
    "return",
    "party",
    "cleric",
    "women-peace-security",
    "youth",
    "diaspora",
    "donor",
    "security",
    "intelligence",
    "negotiator",
    "spoiler",
    "moderate",
    "tribal",
    "water",
    "detainees",
    "ceasefire",
    "humanitarian",
    "legal",
    "military",
)

ORGANIZATION_STEMS = (
    ("Ministry of the Interior", "ministry"),
    ("Ministry of Foreign Affairs", "ministry"),
    ("Ministry of Reintegration", "ministry"),
    ("Ministry of Water", "ministry"),
    ("Party of the North", "party"),
    ("National Unity Party", "party"),
    ("Coastal Brigades", "armed group"),
    ("Mountain Front", "armed group"),
    ("Women's Forum", "NGO"),
    ("Shared Springs Initiative", "NGO"),
    ("Mediation Foundation", "NGO"),
    ("Family Council", "family"),
    ("Banu Sahil", "tribe"),
    ("Valley Confederation", "tribe"),
    ("Shipping Company", "company"),
    ("Trading House", "company"),
    ("Monastery", "religious body"),
    ("Council of Clerics", "religious body"),
    ("Courier", "media"),
    ("Broadcasting", "media"),
    ("Monitoring Mission", "other"),
    ("University", "other"),
)

PROCESS_STEMS = (
    "Coastal Dialogue",
    "Ceasefire Channel",
    "Water Dialogue",
    "Return Initiative",
    "Detainee Exchange Talks",
    "Border Commission",
    "Elders' Forum",
    "Reconciliation Track",
    "Prisoner Release Channel",
    "Humanitarian Corridor Talks",
)

# Words of notes and summaries: what a practitioner writes after a contact.
_TEXT = """
    met discussed ceasefire detainees prisoners exchange harbour port fishing water springs
    aquifer elders council ministry minister adviser deputy commander brigade militia party
    faction cleric sheikh bishop mayor village valley coast border crossing checkpoint
    corridor humanitarian aid convoy winter summer spring autumn deadline proposal draft text
    agenda workshop retreat lunch dinner coffee wedding funeral sidelines conference summit
    signal message passed through intermediary cousin brother nephew family tribe clan
    trust mistrust suspicion guarantee guarantor monitor mission observers donors pressure
    sanctions elections leadership change successor rival hardliner moderate reformer spoiler
    statement speech interview newspaper radio television rumour leak confidential discreet
    quiet back channel request meeting phone call messenger secure line travel visa airport
    hotel capital north south east west river mountain desert city town district province
    land property compensation return displaced families camps schools clinics electricity
    roads reconstruction budget salaries payroll customs revenue oil gas grain trade market
    prices smuggling weapons mines demining patrol incident clash casualties wounded
    missing bodies exhumation memorial apology recognition amnesty justice courts lawyers
    constitution federalism autonomy decentralisation referendum census language schools
    religion mosque church synagogue pilgrimage festival holiday calendar schedule postpone
    confirm cancel follow next week month year soon later urgent careful sensitive risky
    willing reluctant open closed positive negative cautious hopeful frustrated tired angry
    calm respectful warm cold distant friendly formal informal personal professional social
    asked offered promised refused accepted agreed disagreed suggested warned hinted
    insisted explained complained thanked invited introduced recommended mentioned
    expects wants needs fears believes doubts hopes plans prepares waits watches listens
"""
WORDS = tuple(_TEXT.split())
