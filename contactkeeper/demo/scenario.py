"""The demo vault's story: every process, organization, actor, tie, cue and follow-up of the
fictional scenario, as data. :mod:`contactkeeper.demo` writes it into a vault through the
services.

Every person, place and organization is invented; any likeness is chance.
"""

from __future__ import annotations

from dataclasses import dataclass

from contactkeeper.vault.model import (
    ActorStatus,
    ChannelKind,
    InteractionKind,
    OrganizationKind,
    ParticipationRole,
    ProcessPhase,
    RelationshipKind,
    Sensitivity,
    Tier,
    Track,
)

DEMO_SETTING = "demo"
NOTE = "Fictional demo character."

_IK = InteractionKind
_S = Sensitivity
_CK = ChannelKind
_R = ParticipationRole


# -- the cast ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Process:
    key: str
    name: str
    track: Track
    phase: ProcessPhase
    description: str


@dataclass(frozen=True)
class Org:
    key: str
    name: str
    kind: OrganizationKind
    country: str


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    variants: tuple[str, ...]
    codename: str
    country: str
    languages: str
    process: str  # the process most of their contacts are about
    cadence: int
    last_days: int  # days since their latest contact
    last_kind: InteractionKind
    history: int  # earlier contacts over the year
    sensitivity: Sensitivity = _S.NORMAL
    status: ActorStatus = ActorStatus.ACTIVE
    tags: tuple[str, ...] = ()
    notes: str = ""
    direct: tuple[ChannelKind, ...] = (_CK.IN_PERSON, _CK.PHONE)
    via: tuple[str, ...] = ()  # intermediaries of an indirect channel, nearest first


PROCESSES = (
    Process(
        "coast",
        "Qaranis Coastal Dialogue",
        Track.TWO,
        ProcessPhase.PRE_NEGOTIATION,
        "Quiet talks between the Qaranis interior ministry and the coastal tribes and "
        "brigades about local ceasefires, detainees and the reopening of the fishing port. "
        "(Fictional demo scenario.)",
    ),
    Process(
        "north",
        "Northern Verenia Ceasefire Channel",
        Track.ONE_AND_A_HALF,
        ProcessPhase.EXPLORATORY,
        "A discreet channel between the Verenian government and the northern militias on a "
        "winter ceasefire and prisoner exchanges. (Fictional demo scenario.)",
    ),
    Process(
        "water",
        "Tal Haroshet Water Dialogue",
        Track.TWO,
        ProcessPhase.NEGOTIATION,
        "Engineers, mayors and elders from both banks of the Tal Haroshet valley draft a "
        "shared plan for the springs and the aquifer. (Fictional demo scenario.)",
    ),
    Process(
        "return",
        "Dry Valley Return Initiative",
        Track.TWO,
        ProcessPhase.STALLED,
        "Return of displaced families to the Dry Valley villages; stalled since the spring "
        "clashes. (Fictional demo scenario.)",
    ),
)

ORGANIZATIONS = (
    Org("interior", "Qaranis Ministry of the Interior", OrganizationKind.MINISTRY, "Qaranis"),
    Org("forum", "Coastal Women's Forum", OrganizationKind.NGO, "Qaranis"),
    Org("sahil", "Banu Sahil", OrganizationKind.TRIBE, "Qaranis"),
    Org("brigades", "Coastal Brigades", OrganizationKind.ARMED_GROUP, "Qaranis"),
    Org("university", "University of Port Qaran", OrganizationKind.OTHER, "Qaranis"),
    Org("farouk", "Farouk Shipping", OrganizationKind.COMPANY, "Qaranis"),
    Org("reintegration", "Verenian Ministry of Reintegration", OrganizationKind.MINISTRY,
         "Verenia"),
    Org("party", "Party of the North", OrganizationKind.PARTY, "Verenia"),
    Org("monastery", "Monastery of St. Eliseus", OrganizationKind.RELIGIOUS, "Verenia"),
    Org("mission", "Regional Monitoring Mission", OrganizationKind.OTHER, ""),
    Org("springs", "Shared Springs Initiative", OrganizationKind.NGO, "Tal Haroshet"),
    Org("foundation", "Nordvik Mediation Foundation", OrganizationKind.NGO, ""),
    Org("courier", "The Valley Courier", OrganizationKind.MEDIA, "Tal Haroshet"),
    Org("barakat", "The Barakat family", OrganizationKind.FAMILY, "Qaranis"),
    Org("mosque", "Harbour Mosque of Port Qaran", OrganizationKind.RELIGIOUS, "Qaranis"),
    Org("radio", "Radio Port Qaran", OrganizationKind.MEDIA, "Qaranis"),
    Org("khoury", "Khoury Holdings", OrganizationKind.COMPANY, "Qaranis"),
    Org("guard", "Dry Valley Guard", OrganizationKind.ARMED_GROUP, "Qaranis"),
    Org("returns", "Valley Returns Office", OrganizationKind.OTHER, ""),
    Org("militia", "Northern Defence Volunteers", OrganizationKind.ARMED_GROUP, "Verenia"),
    Org("herald", "The Northern Herald", OrganizationKind.MEDIA, "Verenia"),
    Org("diocese", "Diocese of Northern Verenia", OrganizationKind.RELIGIOUS, "Verenia"),
    Org("families", "Committee of Families of the Missing", OrganizationKind.NGO, "Verenia"),
    Org("security", "Verenian State Security Service", OrganizationKind.MINISTRY, "Verenia"),
    Org("council", "Tal Haroshet Regional Council", OrganizationKind.OTHER, "Tal Haroshet"),
    Org("villages", "Eastern Villages Council", OrganizationKind.OTHER, "Tal Haroshet"),
    Org("authority", "Western Bank Water Authority", OrganizationKind.MINISTRY,
         "Tal Haroshet"),
    Org("dahan", "Dahan Water Works", OrganizationKind.COMPANY, "Tal Haroshet"),
    Org("fund", "Lakeside Stabilisation Fund", OrganizationKind.OTHER, ""),
)  # fmt: skip

ACTORS = (
    # -- the Qaranis coast (Arabic script) --
    Person("karim", "Karim Nassar", ("كريم نصار", "Kareem Nasser"), "CEDAR HERON", "Qaranis",
           "Arabic, French", "coast", 30, 9, _IK.MEETING, 6,
           tags=("ministry", "reformer"),
           notes="Adviser to the interior minister; prefers meetings over lunch. " + NOTE),
    Person("layla", "Layla Haddad", ("ليلى حداد", "Leila Haddad"), "AMBER WREN", "Qaranis",
           "Arabic, English", "coast", 21, 4, _IK.CALL, 7,
           tags=("gatekeeper", "women-peace-security"), direct=(_CK.PHONE, _CK.MESSENGER),
           notes="Runs the Coastal Women's Forum; trusted by the tribal elders. " + NOTE),
    Person("tariq", "Sheikh Tariq al-Masri", ("الشيخ طارق المصري", "Tarek el-Masry"),
           "SALT ANCHOR", "Qaranis", "Arabic", "coast", 45, 58, _IK.SOCIAL, 4,
           sensitivity=_S.SENSITIVE, tags=("elder", "gatekeeper"), direct=(_CK.IN_PERSON,),
           notes="Elder of Banu Sahil. Never discuss names on the phone. " + NOTE),
    Person("yusuf", "Yusuf Barakat", ("يوسف بركات", "Youssef Barakat"), "ONYX FALCON",
           "Qaranis", "Arabic", "coast", 60, 40, _IK.VIA_INTERMEDIARY, 3,
           sensitivity=_S.HIGH_RISK, tags=("armed-group", "hardliner"), direct=(),
           via=("layla", "tariq"),
           notes="Field commander of the Coastal Brigades. Reached only through the "
           "Forum and the Sheikh. " + NOTE),
    Person("samira", "Dr. Samira Khalil", ("سميرة خليل",), "IVORY LANTERN", "Qaranis",
           "Arabic, English, French", "coast", 30, 12, _IK.SIDELINES, 5,
           tags=("academic", "convenor"), direct=(_CK.IN_PERSON, _CK.EMAIL),
           notes="Hosts the coastal workshops at the university. " + NOTE),
    Person("omar", "Omar Farouk", ("عمر فاروق",), "COPPER HARBOR", "Qaranis",
           "Arabic, English", "coast", 60, 170, _IK.MEETING, 3,
           tags=("business",), direct=(_CK.PHONE,),
           notes="Port shipping owner; can open doors at the ministry. " + NOTE),
    Person("nadia", "Nadia Aziz", ("نادية عزيز",), "RUSSET SPARROW", "Qaranis",
           "Arabic, English", "return", 45, 80, _IK.MESSAGE, 3,
           tags=("media",), direct=(_CK.MESSENGER,),
           notes="Reporter who covered the Dry Valley displacement. " + NOTE),
    Person("hassan", "Hassan Qadri", ("حسن قادري",), "OCHRE MESA", "Qaranis", "Arabic",
           "return", 30, 130, _IK.CALL, 3,
           tags=("displaced", "return"), direct=(_CK.PHONE,),
           notes="Speaks for the displaced families of the upper Dry Valley. " + NOTE),
    # -- northern Verenia (Cyrillic script) --
    Person("mikhail", "Mikhail Orlov", ("Михаил Орлов", "Michail Orloff"), "SLATE BRIDGE",
           "Verenia", "Verenian, Russian, English", "north", 30, 18, _IK.MEETING, 5,
           sensitivity=_S.SENSITIVE, tags=("ministry",),
           notes="Deputy minister for reintegration; wants a winter ceasefire. " + NOTE),
    Person("anna", "Anna Volkova", ("Анна Волкова",), "FROST ORCHARD", "Verenia",
           "Verenian, English", "north", 21, 3, _IK.CALL, 6,
           tags=("party", "reformer"), direct=(_CK.PHONE, _CK.MESSENGER),
           notes="Adviser in the Party of the North. " + NOTE),
    Person("dmitri", "Dmitri Sokolov", ("Дмитрий Соколов",), "SABLE KESTREL", "Verenia",
           "Verenian", "north", 45, 100, _IK.VIA_INTERMEDIARY, 3,
           sensitivity=_S.HIGH_RISK, tags=("militia", "hardliner"), direct=(),
           via=("pavel",),
           notes="Commands a northern militia; reached only through Father Pavel. " + NOTE),
    Person("pavel", "Father Pavel Lebedev", ("Отец Павел Лебедев",), "WINTER PILGRIM",
           "Verenia", "Verenian", "north", 30, 38, _IK.SOCIAL, 5,
           sensitivity=_S.SENSITIVE, tags=("religious", "gatekeeper"),
           direct=(_CK.IN_PERSON,),
           notes="Abbot of St. Eliseus; carries messages across the line. Since Oleg stopped "
           "trading north he is the only door to Sokolov, his quartermaster and the bishop: "
           "visit before the frost. " + NOTE),
    Person("irina", "Irina Kuznetsova", ("Ирина Кузнецова",), "PEARL COMPASS", "Verenia",
           "Verenian, English, German", "north", 30, 26, _IK.CALL, 4,
           tags=("monitor",), direct=(_CK.PHONE, _CK.EMAIL),
           notes="Deputy head of the Regional Monitoring Mission's northern office. " + NOTE),
    Person("viktor", "Viktor Morozov", ("Виктор Морозов",), "FLINT CANYON", "Verenia",
           "Verenian", "north", 60, 210, _IK.SIDELINES, 2,
           sensitivity=_S.SENSITIVE, tags=("hardliner", "parliament"), direct=(_CK.PHONE,),
           via=("oleg",), notes="Member of parliament opposed to any talks. " + NOTE),
    Person("oleg", "Oleg Petrenko", ("Олег Петренко",), "BRASS FERRY", "Verenia",
           "Verenian, English", "north", 45, 35, _IK.MEETING, 4,
           tags=("business",), direct=(_CK.PHONE,),
           notes="Grain trader; stopped crossing the line after the checkpoint shelling. Old "
           "friend of Morozov. " + NOTE),
    # -- the Tal Haroshet valley (Hebrew and Arabic script) --
    Person("yael", "Yael Ben-Ami", ("יעל בן-עמי",), "JADE TIDE", "Tal Haroshet",
           "Hebrew, English", "water", 30, 6, _IK.MEETING, 6,
           tags=("water", "engineer"),
           notes="Hydrologist advising the western bank's water authority. " + NOTE),
    Person("avner", "Avner Shalev", ("אבנר שלו",), "GRANITE WARDEN", "Tal Haroshet",
           "Hebrew, English", "water", 60, 75, _IK.MEETING, 3,
           sensitivity=_S.SENSITIVE, tags=("security", "retired"), direct=(_CK.PHONE,),
           notes="Retired general; can introduce us to the security cabinet. " + NOTE),
    Person("noa", "Noa Levinson", ("נועה לוינסון",), "LINEN GARDEN", "Tal Haroshet",
           "Hebrew, English", "water", 45, 50, _IK.MESSAGE, 3,
           tags=("municipal",), direct=(_CK.MESSENGER, _CK.EMAIL),
           notes="Council member for the valley towns. " + NOTE),
    Person("rami", "Rami Saleh", ("رامي صالح",), "OLIVE ISLAND", "Tal Haroshet",
           "Arabic, Hebrew, English", "water", 30, 14, _IK.CALL, 5,
           tags=("water", "engineer"), direct=(_CK.PHONE,), via=("dalia",),
           notes="Engineer for the eastern bank's village councils. " + NOTE),
    Person("dalia", "Dalia Mansour", ("داليا منصور",), "HAZEL BEACON", "Tal Haroshet",
           "Arabic, Hebrew, English", "water", 21, 2, _IK.MEETING, 7,
           tags=("convenor", "water"),
           notes="Director of the Shared Springs Initiative. " + NOTE),
    Person("eitan", "Eitan Carmi", ("איתן כרמי",), "DUSK RAVEN", "Tal Haroshet",
           "Hebrew, Arabic, English", "water", 60, 140, _IK.CALL, 2,
           tags=("media",), direct=(_CK.PHONE,),
           notes="Editor at The Valley Courier. " + NOTE),
    # -- international (Latin script) --
    Person("helena", "Helena Brandt", (), "NORTH SUMMIT", "", "Norwegian, English, German",
           "north", 14, 1, _IK.CALL, 9,
           tags=("convenor", "donor"), direct=(_CK.PHONE, _CK.EMAIL),
           notes="Director of the Nordvik Mediation Foundation. " + NOTE),
    Person("jonas", "Jonas Whitfield", (), "SILVER VALLEY", "", "English, Arabic",
           "coast", 21, 24, _IK.MESSAGE, 5,
           tags=("envoy",), direct=(_CK.PHONE, _CK.EMAIL),
           notes="Political officer in the regional envoy's office. " + NOTE),
    Person("marisol", "Marisol Ortega", ("Marisol Ortega Ruiz",), "CORAL TERRACE", "",
           "Spanish, English", "water", 60, 95, _IK.SIDELINES, 2,
           tags=("donor",), direct=(_CK.EMAIL,),
           notes="Programme officer at a donor fund. " + NOTE),
    Person("pieter", "Pieter van Dijk", ("Piet van Dyk",), "WILLOW MERIDIAN", "",
           "Dutch, English, Arabic", "return", 90, 60, _IK.SOCIAL, 2,
           tags=("former-diplomat",),
           notes="Former ambassador in Qaranis; knows everyone at the port. " + NOTE),
    Person("amara", "Amara Okafor", (), "TAWNY LARK", "", "English, French", "return", 60,
           200, _IK.MEETING, 1, status=ActorStatus.DORMANT, tags=("academic",),
           direct=(_CK.EMAIL,), notes="Researcher on returns; on sabbatical. " + NOTE),
    Person("giorgos", "Giorgos Andreou", ("Γιώργος Ανδρέου",), "ASHEN QUARRY", "",
           "Greek, English", "north", 30, 150, _IK.CALL, 1,
           status=ActorStatus.DO_NOT_CONTACT, tags=("compromised",), direct=(_CK.PHONE,),
           notes="Shared a draft with the press; do not contact. " + NOTE),
    # -- more of the Qaranis coast and the Dry Valley (Arabic script) --
    Person("munir", "Munir Tamimi", ("منير التميمي", "Mounir al-Tamimi"), "LAPIS GATE",
           "Qaranis", "Arabic, French", "coast", 30, 11, _IK.MEETING, 3,
           tags=("ministry", "aide"), direct=(_CK.IN_PERSON, _CK.PHONE, _CK.MESSENGER),
           notes="Chief of staff to the interior minister; keeps the minister's diary. " + NOTE),
    Person("fatima", "Hajja Fatima Zahran", ("الحاجة فاطمة زهران", "Fatma Zahrane"),
           "MOSS CISTERN", "Qaranis", "Arabic", "coast", 45, 30, _IK.SOCIAL, 2,
           tags=("elder", "women-peace-security"), direct=(_CK.IN_PERSON,),
           notes="The Sheikh's sister; sits on the Forum's board. Visits only, never calls. "
           + NOTE),
    Person("khalid", "Khalid Barakat", ("خالد بركات", "Khaled Barakat"), "UMBER DUNE",
           "Qaranis", "Arabic", "coast", 60, 70, _IK.VIA_INTERMEDIARY, 2,
           sensitivity=_S.HIGH_RISK, tags=("armed-group", "political"), direct=(),
           via=("fatima",),
           notes="Yusuf's younger brother, political officer of the Coastal Brigades. Word "
           "goes through his aunt, the Hajja, and nothing else. " + NOTE),
    Person("salim", "Imam Salim Odeh", ("الإمام سالم عودة", "Salem Odeh"), "QUIET MINARET",
           "Qaranis", "Arabic", "coast", 45, 40, _IK.SOCIAL, 2,
           sensitivity=_S.SENSITIVE, tags=("religious", "community"), direct=(_CK.IN_PERSON,),
           notes="Imam of the harbour mosque; his Friday sermons move the port quarter. "
           + NOTE),
    Person("rania", "Rania Sabbagh", ("رانيا صباغ", "Rania Sabbag"), "ROSE SIGNAL", "Qaranis",
           "Arabic, English", "coast", 30, 22, _IK.MESSAGE, 2,
           tags=("media",), direct=(_CK.MESSENGER, _CK.PHONE),
           notes="Reporter at Radio Port Qaran; strictly off the record. " + NOTE),
    Person("walid", "Walid Farouk", ("وليد فاروق",), "TEAL MOORING", "Qaranis",
           "Arabic, English", "coast", 60, 25, _IK.CALL, 1,
           tags=("business", "family"), direct=(_CK.PHONE,),
           notes="Omar's son; runs Farouk Shipping day to day. " + NOTE),
    # Walid again, entered from a messaging app's contacts in Arabic script: the
    # "Possible duplicates" view finds the pair.
    Person("walid_again", "وليد فاروق", (), "HAZEL QUAY", "Qaranis", "Arabic", "coast", 60,
           120, _IK.MESSAGE, 0, tags=("business",), direct=(_CK.MESSENGER,),
           notes="Added from a phone's contacts. " + NOTE),
    Person("nabil", "Nabil Khoury", ("نبيل خوري", "Nabeel Khouri"), "GILDED KEEL", "Qaranis",
           "Arabic, French, English", "coast", 90, 150, _IK.MEETING, 1,
           tags=("donor", "business", "diaspora"), direct=(_CK.PHONE, _CK.EMAIL),
           notes="Diaspora businessman who pays for the coastal workshops. " + NOTE),
    Person("hadi", "Hadi Mourad", ("هادي مراد", "Hady Murad"), "EMBER KITE", "Qaranis",
           "Arabic", "coast", 30, 35, _IK.CALL, 1,
           tags=("youth", "activist"), direct=(_CK.PHONE, _CK.MESSENGER),
           notes="Leads the young men of the port quarter; impatient with the elders. " + NOTE),
    Person("amina", "Amina Qadri", ("أمينة قادري", "Amena Kadri"), "BRIGHT LOOM", "Qaranis",
           "Arabic, English", "return", 30, 8, _IK.CALL, 3,
           tags=("displaced", "return", "teacher"), direct=(_CK.PHONE, _CK.MESSENGER),
           notes="Hassan's sister; teaches at the camp school and keeps the family lists. "
           + NOTE),
    Person("jamal", "Jamal Darwish", ("جمال درويش", "Gamal Darwish"), "BARLEY TOWER",
           "Qaranis", "Arabic", "return", 45, 55, _IK.MEETING, 1,
           sensitivity=_S.SENSITIVE, tags=("ministry", "local-government"),
           direct=(_CK.PHONE,), via=("karim",),
           notes="New district officer for the Dry Valley; best approached through Karim. "
           + NOTE),
    Person("bashir", "Bashir Hamdan", ("بشير حمدان", "Bachir Hamdane"), "CINDER TOLL",
           "Qaranis", "Arabic", "return", 90, 120, _IK.VIA_INTERMEDIARY, 1,
           sensitivity=_S.HIGH_RISK, tags=("armed-group", "spoiler"), direct=(),
           via=("pieter", "omar"),
           notes="Commands the Dry Valley Guard that tolls the valley road. Only through "
           "Pieter and Omar's trucking contacts. " + NOTE),
    Person("boutros", "Father Boutros Hanna", ("الأب بطرس حنا", "Boutros Hanna"),
           "CHALK BELFRY", "Qaranis", "Arabic, French", "return", 60, 65, _IK.SOCIAL, 1,
           sensitivity=_S.SENSITIVE, tags=("religious", "return"), direct=(_CK.IN_PERSON,),
           notes="Parish priest of the last village still lived in up the valley. " + NOTE),
    # -- more of northern Verenia (Cyrillic script) --
    Person("sergei", "Sergei Belov", ("Сергей Белов", "Sergey Byelov"), "IRON LEDGER",
           "Verenia", "Verenian, Russian, English", "north", 21, 5, _IK.CALL, 4,
           tags=("ministry", "aide"), direct=(_CK.PHONE, _CK.MESSENGER),
           notes="Orlov's chief of staff; drafts the prisoner lists. " + NOTE),
    Person("yelena", "Yelena Zhukova", ("Елена Жукова", "Elena Joukova"), "VELVET ECHO",
           "Verenia", "Verenian, English", "north", 45, 20, _IK.MESSAGE, 2,
           tags=("media",), direct=(_CK.MESSENGER, _CK.EMAIL),
           notes="Northern Herald correspondent; broke the story of the leaked draft. " + NOTE),
    Person("ruslan", "Ruslan Gromov", ("Руслан Громов",), "SMOKE GRANARY", "Verenia",
           "Verenian", "north", 60, 45, _IK.VIA_INTERMEDIARY, 2,
           sensitivity=_S.HIGH_RISK, tags=("militia", "logistics"), direct=(), via=("pavel",),
           notes="Quartermaster of Sokolov's militia; bought grain from Oleg until the "
           "checkpoint shelling. Now word goes through the monastery. " + NOTE),
    Person("nikolai", "Bishop Nikolai Vetrov", ("Епископ Николай Ветров", "Nikolaj Wetrow"),
           "CANDLE HERALD", "Verenia", "Verenian, Greek", "north", 90, 44,
           _IK.VIA_INTERMEDIARY, 1, sensitivity=_S.SENSITIVE, tags=("religious", "elder"),
           direct=(), via=("pavel",),
           notes="Pavel's bishop; blesses, or forbids, what the monastery carries. Receives "
           "outsiders only when Pavel asks. " + NOTE),
    Person("tatiana", "Tatiana Gerasimova", ("Татьяна Герасимова", "Tatjana Gerassimowa"),
           "LILAC THREAD", "Verenia", "Verenian, Russian", "north", 30, 10, _IK.MEETING, 3,
           sensitivity=_S.SENSITIVE, tags=("families", "prisoners"),
           direct=(_CK.IN_PERSON, _CK.PHONE),
           notes="Chairs the Committee of Families of the Missing; her son is held in the "
           "north. " + NOTE),
    Person("boris", "Boris Kovalenko", ("Борис Коваленко", "Borys Kovalenko"), "TIN CORRIDOR",
           "Verenia", "Verenian, English", "north", 60, 100, _IK.CALL, 1,
           sensitivity=_S.SENSITIVE, tags=("parliament", "aide"), direct=(_CK.PHONE,),
           notes="Morozov's parliamentary aide; more pragmatic than his master. " + NOTE),
    Person("kirill", "Kirill Zaitsev", ("Кирилл Зайцев",), "GREY KEYHOLE", "Verenia",
           "Verenian, Russian", "north", 60, 180, _IK.MEETING, 1,
           sensitivity=_S.HIGH_RISK, status=ActorStatus.DO_NOT_CONTACT,
           tags=("security-service", "compromised"), direct=(_CK.PHONE,),
           notes="Security service liaison; suspected of reporting on the channel. Do not "
           "contact. " + NOTE),
    # -- more of the Tal Haroshet valley (Hebrew and Arabic script) --
    Person("moshe", "Rabbi Moshe Adler", ("הרב משה אדלר", "Moishe Adler"), "BASALT SCROLL",
           "Tal Haroshet", "Hebrew, English, Yiddish", "water", 60, 35, _IK.SOCIAL, 1,
           tags=("religious", "community"), direct=(_CK.IN_PERSON,),
           notes="Rabbi of the western valley towns; hosts Sabbath dinners for both banks. "
           + NOTE),
    Person("shira", "Shira Katz", ("שירה כץ", "Shira Kats"), "MINT ATLAS", "Tal Haroshet",
           "Hebrew, English", "water", 30, 16, _IK.MESSAGE, 2,
           tags=("municipal", "aide"), direct=(_CK.MESSENGER, _CK.EMAIL),
           notes="Chief of staff of the regional council. " + NOTE),
    Person("yosef", "Yosef Mizrahi", ("יוסף מזרחי", "Yossi Mizrachi"), "STEEL ORACLE",
           "Tal Haroshet", "Hebrew, Arabic, English", "water", 60, 80, _IK.CALL, 1,
           sensitivity=_S.SENSITIVE, tags=("security", "retired"), direct=(_CK.PHONE,),
           via=("avner",),
           notes="Retired colonel, once Avner's deputy; sits on the security cabinet's "
           "advisory panel. " + NOTE),
    Person("mahmoud", "Mukhtar Mahmoud Jaber", ("المختار محمود جابر", "Mahmud Jaber"),
           "CLAY WELLSPRING", "Tal Haroshet", "Arabic", "water", 45, 30, _IK.VIA_INTERMEDIARY,
           2, sensitivity=_S.SENSITIVE, tags=("elder", "village-council"), direct=(),
           via=("dalia", "rami"),
           notes="Elder of the eastern villages; meets outsiders only if Rami vouches. "
           + NOTE),
    Person("huda", "Huda Nasrallah", ("هدى نصر الله", "Houda Nasrallah"), "SAFFRON INK",
           "Tal Haroshet", "Arabic, Hebrew, English", "water", 45, 28, _IK.CALL, 1,
           tags=("media",), direct=(_CK.PHONE,),
           notes="Reports for The Valley Courier's Arabic edition. " + NOTE),
    Person("ariel", "Ariel Dahan", ("אריאל דהן",), "COBALT SLUICE", "Tal Haroshet",
           "Hebrew, French, English", "water", 60, 45, _IK.MEETING, 1,
           tags=("business", "water"), direct=(_CK.IN_PERSON, _CK.PHONE),
           notes="Founder of Dahan Water Works; wants to build the joint plant. " + NOTE),
    Person("ilan", "Ilan Shapira", ("אילן שפירא", "Ilan Shapiro"), "PINE CANAL",
           "Tal Haroshet", "Hebrew, English", "water", 30, 48, _IK.MEETING, 2,
           tags=("water", "official"), direct=(_CK.IN_PERSON, _CK.EMAIL),
           notes="Deputy director of the western bank's water authority; Yael's boss. " + NOTE),
    Person("suha", "Suha al-Khatib", ("سهى الخطيب", "Souha Khatib"), "BRONZE FOUNTAIN",
           "Tal Haroshet", "Arabic, Hebrew, English", "water", 30, 3, _IK.MEETING, 2,
           tags=("municipal", "mayor"), direct=(_CK.IN_PERSON, _CK.PHONE),
           notes="Mayor of Ein Sahra on the eastern bank. " + NOTE),
    Person("doron", "Doron Avidan", ("דורון אבידן",), "OAKEN STEEPLE", "Tal Haroshet",
           "Hebrew, English", "water", 30, 3, _IK.MEETING, 2,
           tags=("municipal", "mayor"), direct=(_CK.IN_PERSON, _CK.PHONE),
           notes="Mayor of Tal Haroshet town; heads the regional council. " + NOTE),
    Person("yevgeny", "Yevgeny Rabinovich",
           ("Евгений Рабинович", "יבגני רבינוביץ'", "Evgeni Rabinowitz"), "SILT ANVIL",
           "Tal Haroshet", "Hebrew, Russian, English", "water", 45, 12, _IK.CALL, 1,
           tags=("engineer", "water"), direct=(_CK.PHONE, _CK.EMAIL),
           notes="Desalination engineer at Dahan Water Works. " + NOTE),
    # -- more international (Latin script) --
    Person("ingrid", "Ingrid Solberg", ("Ingrid Sohlberg",), "ARCTIC QUILL", "",
           "Norwegian, English, Russian", "north", 14, 3, _IK.CALL, 4,
           tags=("convenor", "staff"), direct=(_CK.PHONE, _CK.EMAIL),
           notes="Programme manager at the Nordvik Mediation Foundation. " + NOTE),
    Person("sophie", "Sophie Marchal", ("Sophie Marchal-Dupont",), "QUARTZ PAVILION", "",
           "French, English, Arabic", "coast", 45, 33, _IK.SIDELINES, 2,
           tags=("donor",), direct=(_CK.EMAIL, _CK.PHONE),
           notes="Head of programmes at the Lakeside Stabilisation Fund. " + NOTE),
    Person("tomasz", "Tomasz Wiśniewski", ("Tomasz Wisniewski",), "PLUM HORIZON", "",
           "Polish, English, Russian", "north", 60, 75, _IK.MESSAGE, 1,
           tags=("media", "foreign-press"), direct=(_CK.MESSENGER, _CK.EMAIL),
           notes="Freelance foreign correspondent; embargo everything. " + NOTE),
    Person("mehmet", "Mehmet Yıldız", ("Mehmet Yildiz",), "SAGE CROSSING", "",
           "Turkish, English, Russian", "north", 45, 52, _IK.SIDELINES, 1,
           sensitivity=_S.SENSITIVE, tags=("envoy", "neighbour"), direct=(_CK.PHONE,),
           notes="Special envoy of a neighbouring state; offers a venue. " + NOTE),
    Person("claire", "Claire Dumas", ("Claire Dumas-Leclerc",), "PALE ORCHID", "",
           "French, English, Arabic", "return", 30, 15, _IK.MEETING, 2,
           tags=("humanitarian",), direct=(_CK.IN_PERSON, _CK.EMAIL),
           notes="Protection officer at the Valley Returns Office. " + NOTE),
)  # fmt: skip

AFFILIATIONS = (
    # actor, organization, role, started (days ago), ended (days ago) or None
    ("karim", "interior", "Adviser to the minister", 900, None),
    ("layla", "forum", "Director", 2400, None),
    ("tariq", "sahil", "Elder", 9000, None),
    ("yusuf", "brigades", "Field commander", 1500, None),
    ("yusuf", "sahil", "Member", 12000, None),
    ("samira", "university", "Professor of law", 4000, None),
    ("omar", "farouk", "Owner", 6000, None),
    ("mikhail", "reintegration", "Deputy minister", 400, None),
    ("mikhail", "party", "Secretary for the north", 2000, 400),
    ("anna", "party", "Policy adviser", 1200, None),
    ("pavel", "monastery", "Abbot", 3000, None),
    ("irina", "mission", "Deputy head, northern office", 700, None),
    ("viktor", "party", "Member of parliament", 3000, 500),
    ("dalia", "springs", "Director", 1800, None),
    ("yael", "springs", "Technical adviser", 300, None),
    ("rami", "springs", "Engineer", 600, None),
    ("eitan", "courier", "Editor", 2500, None),
    ("helena", "foundation", "Director", 3500, None),
    ("nadia", "courier", "Correspondent", 900, 200),
    ("munir", "interior", "Chief of staff to the minister", 1100, None),
    ("fatima", "forum", "Board member", 2000, None),
    ("fatima", "sahil", "Member", 20000, None),
    ("khalid", "brigades", "Political officer", 1000, None),
    ("khalid", "barakat", "Member", 14000, None),
    ("yusuf", "barakat", "Member", 15000, None),
    ("salim", "mosque", "Imam", 5000, None),
    ("rania", "radio", "Reporter", 800, None),
    ("walid", "farouk", "Managing director", 700, None),
    ("walid_again", "farouk", "", 700, None),
    ("nabil", "khoury", "Chairman", 5000, None),
    ("jamal", "interior", "District officer, Dry Valley", 30, None),
    ("bashir", "guard", "Commander", 900, None),
    ("claire", "returns", "Protection officer", 500, None),
    ("sergei", "reintegration", "Chief of staff to the deputy minister", 380, None),
    ("sergei", "party", "Youth organiser", 2500, 400),
    ("yelena", "herald", "Correspondent", 1500, None),
    ("dmitri", "militia", "Commander", 1300, None),
    ("ruslan", "militia", "Quartermaster", 800, None),
    ("nikolai", "diocese", "Bishop", 4000, None),
    ("tatiana", "families", "Chair", 600, None),
    ("boris", "party", "Parliamentary aide", 2800, 500),
    ("kirill", "security", "Liaison officer", 2000, None),
    ("ingrid", "foundation", "Programme manager", 1200, None),
    ("shira", "council", "Chief of staff", 450, None),
    ("doron", "council", "Head of the council", 1600, None),
    ("noa", "council", "Council member", 1500, None),
    ("mahmoud", "villages", "Mukhtar", 7000, None),
    ("suha", "villages", "Mayor of Ein Sahra", 1100, None),
    ("rami", "villages", "Engineer", 1500, None),
    ("huda", "courier", "Reporter, Arabic edition", 400, None),
    ("ariel", "dahan", "Founder", 3000, None),
    ("yevgeny", "dahan", "Senior engineer", 1000, None),
    ("ilan", "authority", "Deputy director", 1400, None),
    ("yael", "authority", "Consulting hydrologist", 2000, 300),
    ("sophie", "fund", "Head of programmes", 900, None),
    ("marisol", "fund", "Programme officer", 1300, None),
)

PARTICIPANTS = (
    ("coast", "karim", _R.PARTY),
    ("coast", "tariq", _R.PARTY),
    ("coast", "yusuf", _R.PARTY),
    ("coast", "layla", _R.INTERMEDIARY),
    ("coast", "samira", _R.CONVENOR),
    ("coast", "omar", _R.ADVISER),
    ("coast", "jonas", _R.OBSERVER),
    ("north", "mikhail", _R.PARTY),
    ("north", "anna", _R.ADVISER),
    ("north", "dmitri", _R.PARTY),
    ("north", "pavel", _R.INTERMEDIARY),
    ("north", "irina", _R.OBSERVER),
    ("north", "viktor", _R.SPOILER),
    ("north", "helena", _R.CONVENOR),
    ("north", "oleg", _R.INTERMEDIARY),
    ("water", "yael", _R.PARTY),
    ("water", "rami", _R.PARTY),
    ("water", "noa", _R.PARTY),
    ("water", "dalia", _R.CONVENOR),
    ("water", "avner", _R.ADVISER),
    ("water", "marisol", _R.OBSERVER),
    ("water", "eitan", _R.OBSERVER),
    ("return", "hassan", _R.PARTY),
    ("return", "karim", _R.PARTY),
    ("return", "pieter", _R.INTERMEDIARY),
    ("return", "nadia", _R.OBSERVER),
    ("return", "amara", _R.ADVISER),
    ("coast", "munir", _R.ADVISER),
    ("coast", "fatima", _R.INTERMEDIARY),
    ("coast", "khalid", _R.PARTY),
    ("coast", "salim", _R.OBSERVER),
    ("coast", "rania", _R.OBSERVER),
    ("coast", "walid", _R.ADVISER),
    ("coast", "nabil", _R.OBSERVER),
    ("coast", "hadi", _R.SPOILER),
    ("coast", "sophie", _R.OBSERVER),
    ("north", "sergei", _R.ADVISER),
    ("north", "yelena", _R.OBSERVER),
    ("north", "ruslan", _R.PARTY),
    ("north", "nikolai", _R.INTERMEDIARY),
    ("north", "tatiana", _R.PARTY),
    ("north", "boris", _R.ADVISER),
    ("north", "kirill", _R.SPOILER),
    ("north", "ingrid", _R.CONVENOR),
    ("north", "tomasz", _R.OBSERVER),
    ("north", "mehmet", _R.INTERMEDIARY),
    ("water", "moshe", _R.OBSERVER),
    ("water", "shira", _R.ADVISER),
    ("water", "yosef", _R.ADVISER),
    ("water", "mahmoud", _R.PARTY),
    ("water", "huda", _R.OBSERVER),
    ("water", "ariel", _R.ADVISER),
    ("water", "ilan", _R.PARTY),
    ("water", "suha", _R.PARTY),
    ("water", "doron", _R.PARTY),
    ("water", "yevgeny", _R.ADVISER),
    ("return", "amina", _R.PARTY),
    ("return", "jamal", _R.PARTY),
    ("return", "bashir", _R.SPOILER),
    ("return", "boutros", _R.INTERMEDIARY),
    ("return", "claire", _R.ADVISER),
    ("return", "walid", _R.OBSERVER),
)

# The parties to each process's conflict, and who speaks for which: process, side, members.
SIDES = (
    ("coast", "Interior ministry", ("karim", "munir")),
    ("coast", "Coastal tribes and brigades", ("tariq", "yusuf", "khalid")),
    ("north", "Verenian government", ("mikhail", "anna", "sergei")),
    ("north", "Northern militias", ("dmitri", "ruslan", "tatiana")),
    ("water", "Western bank", ("yael", "ilan", "noa", "doron")),
    ("water", "Eastern villages", ("rami", "mahmoud", "suha")),
    ("return", "Displaced families", ("hassan", "amina")),
    ("return", "District administration", ("jamal", "karim")),
)

# How much weight an actor carries on their process's issues (1 to 5), where judged.
INFLUENCE = {
    "karim": 4, "munir": 4, "tariq": 4, "yusuf": 5, "khalid": 3, "layla": 3, "samira": 2,
    "mikhail": 5, "anna": 3, "dmitri": 5, "ruslan": 2, "tatiana": 3, "pavel": 4,
    "nikolai": 4, "viktor": 3, "kirill": 4, "yael": 3, "ilan": 4, "noa": 2, "doron": 5,
    "rami": 3, "mahmoud": 5, "suha": 4, "hassan": 4, "amina": 2, "jamal": 3, "bashir": 4,
}  # fmt: skip

# How close each actor is kept (records/warmth.py): the few in the inner circle, those seen
# now and then; everyone else is regular. Their own ideal (``cadence``) stays as given.
TIERS = {
    "helena": Tier.INNER, "dalia": Tier.INNER, "anna": Tier.INNER, "jonas": Tier.INNER,
    "layla": Tier.INNER, "ingrid": Tier.INNER,
    "viktor": Tier.OCCASIONAL, "avner": Tier.OCCASIONAL, "eitan": Tier.OCCASIONAL,
    "marisol": Tier.OCCASIONAL, "pieter": Tier.OCCASIONAL, "amara": Tier.OCCASIONAL,
}  # fmt: skip
# Snoozed until this many days after the demo's day: the editor, until the press storm over
# the leaked draft has passed (Giorgos, who leaked it, is do not contact).
SNOOZED = {"eitan": 20}

RELATIONSHIPS = (
    # from, to, kind, strength, confidence, source
    ("layla", "tariq", RelationshipKind.TRUSTS, 5, 4, "Seen together at every Forum event"),
    ("tariq", "yusuf", RelationshipKind.FAMILY, 4, 5, "Yusuf is the Sheikh's nephew"),
    ("layla", "yusuf", RelationshipKind.CAN_INTRODUCE, 3, 3, "Layla, in person"),
    ("karim", "omar", RelationshipKind.KNOWS, 3, 4, "School friends"),
    ("omar", "karim", RelationshipKind.CAN_INTRODUCE, 4, 3, "Omar, over dinner"),
    ("samira", "karim", RelationshipKind.KNOWS, 2, 4, ""),
    ("yusuf", "karim", RelationshipKind.RIVAL, 4, 3, "Press reports"),
    ("pavel", "dmitri", RelationshipKind.TRUSTS, 4, 3, "Pavel baptised his children"),
    ("viktor", "dmitri", RelationshipKind.RIVAL, 4, 4, "Morozov wants the militias crushed"),
    ("oleg", "viktor", RelationshipKind.TRUSTS, 4, 4, "Oleg, on the phone"),
    ("anna", "mikhail", RelationshipKind.REPORTS_TO, 3, 5, "Party organigram"),
    ("mikhail", "viktor", RelationshipKind.RIVAL, 5, 5, "Public record"),
    ("irina", "helena", RelationshipKind.KNOWS, 3, 5, ""),
    ("dalia", "rami", RelationshipKind.TRUSTS, 4, 4, "Dalia, in person"),
    ("dalia", "yael", RelationshipKind.KNOWS, 4, 5, ""),
    ("avner", "noa", RelationshipKind.FAMILY, 3, 4, "Noa is Avner's niece"),
    ("avner", "yael", RelationshipKind.CAN_INTRODUCE, 3, 3, "Avner, over coffee"),
    ("eitan", "noa", RelationshipKind.KNOWS, 2, 3, ""),
    ("pieter", "omar", RelationshipKind.KNOWS, 4, 4, "Pieter, at the embassy"),
    ("pieter", "hassan", RelationshipKind.CAN_INTRODUCE, 3, 3, ""),
    ("nadia", "hassan", RelationshipKind.KNOWS, 3, 4, "Her reports quote him"),
    ("helena", "jonas", RelationshipKind.KNOWS, 4, 5, ""),
    ("giorgos", "eitan", RelationshipKind.KNOWS, 3, 4, "He passed Eitan the draft"),
    ("munir", "karim", RelationshipKind.KNOWS, 4, 5, "Same corridor at the ministry"),
    ("karim", "jamal", RelationshipKind.CAN_INTRODUCE, 4, 4, "Karim, in person"),
    ("jamal", "karim", RelationshipKind.REPORTS_TO, 3, 4, "Ministry organigram"),
    ("fatima", "tariq", RelationshipKind.FAMILY, 5, 5, "The Sheikh's sister"),
    ("fatima", "khalid", RelationshipKind.CAN_INTRODUCE, 4, 3, "The Hajja, over tea"),
    ("khalid", "yusuf", RelationshipKind.FAMILY, 5, 5, "Brothers"),
    ("salim", "tariq", RelationshipKind.TRUSTS, 4, 3, "They pray together on Fridays"),
    ("hadi", "yusuf", RelationshipKind.RIVAL, 3, 2, "Talk in the port quarter"),
    ("rania", "nadia", RelationshipKind.KNOWS, 3, 4, "Former colleagues"),
    ("walid", "omar", RelationshipKind.FAMILY, 5, 5, "Omar's son"),
    ("nabil", "samira", RelationshipKind.KNOWS, 3, 4, "He funds her workshops"),
    ("sophie", "marisol", RelationshipKind.KNOWS, 4, 4, "Donor coordination group"),
    ("sophie", "jonas", RelationshipKind.KNOWS, 3, 4, ""),
    ("amina", "hassan", RelationshipKind.FAMILY, 5, 5, "Hassan's sister"),
    ("omar", "bashir", RelationshipKind.CAN_INTRODUCE, 2, 2, "Omar's trucks pay his toll"),
    ("boutros", "hassan", RelationshipKind.TRUSTS, 4, 4, "Neighbours in the upper valley"),
    ("claire", "amara", RelationshipKind.KNOWS, 3, 4, "Co-authors of a returns study"),
    ("sergei", "mikhail", RelationshipKind.REPORTS_TO, 4, 5, "Ministry organigram"),
    ("ruslan", "dmitri", RelationshipKind.REPORTS_TO, 4, 3, "Oleg, over tea"),
    ("oleg", "ruslan", RelationshipKind.CAN_INTRODUCE, 3, 3, "Oleg sold him grain"),
    ("nikolai", "pavel", RelationshipKind.TRUSTS, 4, 4, "Pavel's bishop"),
    ("tatiana", "anna", RelationshipKind.KNOWS, 3, 4, ""),
    ("boris", "viktor", RelationshipKind.REPORTS_TO, 4, 5, "Parliament staff list"),
    ("kirill", "giorgos", RelationshipKind.KNOWS, 2, 2, "Seen together in the capital"),
    ("ingrid", "helena", RelationshipKind.REPORTS_TO, 4, 5, "Foundation staff list"),
    ("mehmet", "irina", RelationshipKind.KNOWS, 3, 4, ""),
    ("tomasz", "yelena", RelationshipKind.RIVAL, 2, 3, "Competing for the same story"),
    ("shira", "doron", RelationshipKind.REPORTS_TO, 4, 5, "Council staff list"),
    ("doron", "noa", RelationshipKind.KNOWS, 4, 4, "Same council"),
    ("suha", "doron", RelationshipKind.KNOWS, 3, 4, "Mayors' forum"),
    ("yosef", "avner", RelationshipKind.TRUSTS, 5, 4, "Served under Avner"),
    ("rami", "mahmoud", RelationshipKind.CAN_INTRODUCE, 3, 3, "Rami, on the phone"),
    ("huda", "eitan", RelationshipKind.REPORTS_TO, 3, 5, "The Courier's masthead"),
    ("yevgeny", "ariel", RelationshipKind.REPORTS_TO, 3, 5, "Company website"),
    ("ilan", "yael", RelationshipKind.KNOWS, 3, 4, "Former colleagues at the authority"),
    ("moshe", "avner", RelationshipKind.KNOWS, 3, 3, "Same synagogue"),
)

# Ties that have ended: (from, to) -> days ago. Oleg stopped trading across the line after
# the checkpoint shelling, and with him went the second way to the militias.
ENDED_TIES = {("oleg", "ruslan"): 25}

CUES = (
    # process, actor or None, days ago, cue kind key, strength, reliability, note
    ("coast", None, 330, "hardening", 3, 3, "Ministry rules out talks with the Brigades."),
    ("coast", "yusuf", 290, "spoiler-activity", 4, 3, "Brigades seize a fishing boat."),
    ("coast", None, 250, "external-pressure", 3, 4, "Donors tie port funds to a local ceasefire."),
    ("coast", "tariq", 190, "hurting-stalemate", 4, 4, "Sheikh: the port closure ruins us all."),
    ("coast", "karim", 130, "way-out", 3, 4, "Karim floats observers for detainee releases."),
    ("coast", "yusuf", 75, "back-channel-request", 4, 2, "Via Layla: Yusuf asks for a channel."),
    ("coast", None, 40, "public-softening", 3, 4, "Minister speaks of 'our brothers'."),
    ("coast", "karim", 20, "leadership-change", 4, 5, "A new governor is appointed for the coast."),
    ("coast", "layla", 5, "way-out", 4, 4, "Elders propose a joint port committee."),
    ("north", None, 350, "looming-catastrophe", 4, 4, "Winter fuel shortage feared in the north."),
    ("north", "viktor", 300, "hardening", 4, 4, "Morozov's bill bans contact with the militias."),
    ("north", "dmitri", 240, "hurting-stalemate", 3, 3, "Fighters leave for the harvest."),
    ("north", "mikhail", 180, "back-channel-request", 4, 4, "Orlov asks Pavel to carry a note."),
    ("north", None, 120, "external-pressure", 3, 4, "Neighbours close the border crossing."),
    ("north", "viktor", 60, "spoiler-activity", 4, 3, "Leaked draft on the evening news."),
    ("north", "dmitri", 25, "hardening", 3, 2, "Sokolov's men shell a checkpoint."),
    ("north", "mikhail", 10, "hardening", 4, 4, "Orlov suspends the prisoner lists."),
    ("water", None, 340, "hurting-stalemate", 3, 4, "Third dry summer; wells failing."),
    ("water", "noa", 270, "public-softening", 3, 3, "Council votes to study a shared plan."),
    ("water", "rami", 200, "way-out", 4, 4, "Villages accept metering if data is shared."),
    ("water", "avner", 150, "hardening", 3, 3, "Security cabinet objects to joint patrols."),
    ("water", None, 90, "external-pressure", 4, 5, "Donor conference pledges for a joint plant."),
    ("water", "yael", 45, "way-out", 4, 4, "Draft allocation formula accepted by both teams."),
    ("water", None, 15, "looming-catastrophe", 4, 4, "Spring flow at a record low."),
    ("water", "dalia", 3, "public-softening", 3, 4, "Both mayors appear together at the springs."),
    ("return", None, 320, "way-out", 3, 3, "First families visit their villages."),
    ("return", "hassan", 210, "spoiler-activity", 4, 4, "Spring clashes; houses burned."),
    ("return", None, 160, "hardening", 3, 3, "Checkpoints close the valley road."),
    ("return", "pieter", 100, "other", 2, 2, "Pieter hears the port authority wants the land."),
    ("return", "karim", 30, "leadership-change", 3, 3, "New district officer for the Dry Valley."),
    ("coast", "khalid", 160, "back-channel-request", 3, 2, "Khalid asks if the talks are real."),
    ("coast", "salim", 95, "public-softening", 3, 3, "Friday sermon asks for the port to reopen."),
    ("coast", "nabil", 55, "external-pressure", 3, 3, "Diaspora money only after a ceasefire."),
    ("coast", "hadi", 12, "spoiler-activity", 3, 2, "Port youth burn tyres at the checkpoint."),
    ("north", "tatiana", 210, "hurting-stalemate", 4, 4, "Families march for the missing."),
    ("north", "kirill", 140, "spoiler-activity", 3, 2, "A monastery courier is detained."),
    ("north", "mehmet", 100, "external-pressure", 4, 4, "Neighbour offers a venue for talks."),
    ("north", "sergei", 35, "back-channel-request", 3, 4, "Belov asks to meet the Foundation."),
    ("north", "ruslan", 15, "hurting-stalemate", 3, 2, "Militia short of winter boots."),
    ("water", "suha", 230, "public-softening", 3, 4, "Eastern mayor invites western engineers."),
    ("water", "ilan", 110, "hardening", 3, 3, "Water authority delays the data memo."),
    ("water", "ariel", 60, "way-out", 3, 3, "Dahan offers to build the plant at cost."),
    ("water", "mahmoud", 20, "hardening", 3, 2, "Mukhtar warns villagers against meters."),
    ("return", "bashir", 260, "spoiler-activity", 4, 3, "The Guard tolls the valley road."),
    ("return", "boutros", 45, "public-softening", 2, 3, "Sermon on welcoming neighbours home."),
    ("return", "jamal", 25, "way-out", 3, 3, "Pilot return proposed for two villages."),
    ("return", "claire", 8, "external-pressure", 3, 4, "Returns office offers shelter repairs."),
)  # fmt: skip

FOLLOW_UPS = (
    # title, due in days (negative: past), actor, process, done days ago or None
    ("Send Karim the note on observer terms", 3, "karim", "coast", None),
    ("Ask Layla whether the Sheikh will host the elders", -4, "layla", "coast", None),
    ("Thank the Sheikh for the dinner", -30, "tariq", "coast", 28),
    ("Check detainee list through Layla", -12, "yusuf", "coast", None),
    ("Workshop agenda to Dr. Khalil", 6, "samira", "coast", None),
    ("Call Omar about the port committee", -20, "omar", "coast", None),
    ("Prisoner list draft to Orlov", 2, "mikhail", "north", None),
    ("Brief Helena on the winter ceasefire", 0, "helena", "north", None),
    ("Visit St. Eliseus before the frost", -2, "pavel", "north", None),
    ("Share monitoring map with Irina", -45, "irina", "north", 40),
    ("Allocation formula comments to Yael", 5, "yael", "water", None),
    ("Set up the mayors' walk at the springs", -9, "dalia", "water", 6),
    ("Ask Avner about the security cabinet", 12, "avner", "water", None),
    ("Budget note for Marisol", -60, "marisol", "water", 55),
    ("Find Hassan's new number", -7, "hassan", "return", None),
    ("Ask Munir for the minister's July diary", 4, "munir", "coast", None),
    ("Condolence visit to Hajja Fatima", -3, "fatima", "coast", None),
    ("Background note to Rania (off the record)", 1, "rania", "coast", None),
    ("Thank Nabil for the workshop grant", -40, "nabil", "coast", 35),
    ("Meet Amina at the camp school", 7, "amina", "return", None),
    ("Introduce Claire to the district officer", -5, "claire", "return", None),
    ("Ask Sergei for the revised prisoner list", 1, "sergei", "north", None),
    ("Families' letter to Tatiana", -15, "tatiana", "north", 12),
    ("Venue options for a first meeting with Ingrid", 9, "ingrid", "north", None),
    ("Check the neighbour's venue offer with Mehmet", -1, "mehmet", "north", None),
    ("Data-sharing memo to Ilan", -8, "ilan", "water", None),
    ("Plant costing from Ariel for the donors", 14, "ariel", "water", None),
    ("Agenda for the mayors' joint press call", 2, "suha", "water", None),
    ("Ask Rabbi Adler to host both banks for dinner", 20, "moshe", "water", None),
    ("Hear the Mukhtar's objections through Rami", -1, "mahmoud", "water", 1),
)

SUMMARIES: dict[str, tuple[str, ...]] = {
    "coast": (
        "Talked through the detainee lists; {name} wants names checked twice.",
        "{name} says the port closure is hurting every family on the coast.",
        "Discussed who could sit on a joint port committee.",
        "{name} passed on that the elders would meet if the ministry sends no uniforms.",
        "Long lunch; mostly family news, then a word about the new governor.",
        "Reviewed the draft terms for local ceasefire observers.",
    ),
    "north": (
        "{name} thinks a winter ceasefire is possible if prisoner lists move first.",
        "Compared notes on the checkpoint incidents along the line.",
        "Tea after the liturgy; {name} carried greetings from across the line.",
        "Discussed fuel deliveries to the northern villages.",
        "{name} worried about the leak of the draft; asked for fewer copies.",
        "Talked about a neutral venue for a first direct meeting.",
    ),
    "water": (
        "Went through the spring-flow data with {name}.",
        "{name} raised metering in the eastern villages again.",
        "Dinner with the engineers; talk of the new joint plant.",
        "Discussed how to present the allocation formula to the councils.",
        "{name} suggested the mayors walk the springs together.",
        "Reviewed the donor conditions for the joint plant.",
    ),
    "return": (
        "{name} described the state of the upper-valley houses.",
        "Discussed a timetable for the first returns after the clashes.",
        "{name} heard the valley road may reopen before the harvest.",
        "Talked about who owns the land near the old port road.",
        "Coffee; {name} shared photographs of the villages.",
    ),
}

SOCIAL_SUMMARIES = (
    "Wedding of {name}'s cousin; a few words on the margins.",
    "Birthday dinner; {name} was relaxed and talkative.",
    "Condolence visit; no business discussed.",
    "Football match together; {name} asked after the family.",
)

HISTORY_KINDS = (
    (_IK.MEETING, 5),
    (_IK.CALL, 5),
    (_IK.MESSAGE, 4),
    (_IK.SOCIAL, 2),
    (_IK.SIDELINES, 2),
    (_IK.VIA_INTERMEDIARY, 1),
)
CHANNEL_FOR_KIND = {
    _IK.MEETING: _CK.IN_PERSON,
    _IK.SOCIAL: _CK.IN_PERSON,
    _IK.SIDELINES: _CK.IN_PERSON,
    _IK.CALL: _CK.PHONE,
    _IK.MESSAGE: _CK.MESSENGER,
    _IK.VIA_INTERMEDIARY: _CK.INDIRECT,
}
CHANNEL_LABELS = {
    _CK.IN_PERSON: "In person",
    _CK.PHONE: "Personal phone",
    _CK.MESSENGER: "Signal",
    _CK.EMAIL: "Private e-mail",
}
