"""The demo vault's story: every process, organization, actor, tie, cue and follow-up of the
fictional scenario, as data. :mod:`contactkeeper.demo` writes it into a vault through the
services.

Every person, place and organization is invented; any likeness is chance.
"""

from __future__ import annotations

from dataclasses import dataclass

from contactkeeper.i18n import N_
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
NOTE = N_("Fictional demo character.")

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
        N_("Qaranis Coastal Dialogue"),
        Track.TWO,
        ProcessPhase.PRE_NEGOTIATION,
        N_(
            "Quiet talks between the Qaranis interior ministry and the coastal tribes and "
            "brigades about local ceasefires, detainees and the reopening of the fishing port. "
            "(Fictional demo scenario.)"
        ),
    ),
    Process(
        "north",
        N_("Northern Verenia Ceasefire Channel"),
        Track.ONE_AND_A_HALF,
        ProcessPhase.EXPLORATORY,
        N_(
            "A discreet channel between the Verenian government and the northern militias on a "
            "winter ceasefire and prisoner exchanges. (Fictional demo scenario.)"
        ),
    ),
    Process(
        "water",
        N_("Tal Haroshet Water Dialogue"),
        Track.TWO,
        ProcessPhase.NEGOTIATION,
        N_(
            "Engineers, mayors and elders from both banks of the Tal Haroshet valley draft a "
            "shared plan for the springs and the aquifer. (Fictional demo scenario.)"
        ),
    ),
    Process(
        "return",
        N_("Dry Valley Return Initiative"),
        Track.TWO,
        ProcessPhase.STALLED,
        N_(
            "Return of displaced families to the Dry Valley villages; stalled since the spring "
            "clashes. (Fictional demo scenario.)"
        ),
    ),
)

ORGANIZATIONS = (
    Org("interior", N_("Qaranis Ministry of the Interior"), OrganizationKind.MINISTRY, "Qaranis"),
    Org("forum", N_("Coastal Women's Forum"), OrganizationKind.NGO, "Qaranis"),
    Org("sahil", N_("Banu Sahil"), OrganizationKind.TRIBE, "Qaranis"),
    Org("brigades", N_("Coastal Brigades"), OrganizationKind.ARMED_GROUP, "Qaranis"),
    Org("university", N_("University of Port Qaran"), OrganizationKind.OTHER, "Qaranis"),
    Org("farouk", N_("Farouk Shipping"), OrganizationKind.COMPANY, "Qaranis"),
    Org("reintegration", N_("Verenian Ministry of Reintegration"), OrganizationKind.MINISTRY,
         "Verenia"),
    Org("party", N_("Party of the North"), OrganizationKind.PARTY, "Verenia"),
    Org("monastery", N_("Monastery of St. Eliseus"), OrganizationKind.RELIGIOUS, "Verenia"),
    Org("mission", N_("Regional Monitoring Mission"), OrganizationKind.OTHER, ""),
    Org("springs", N_("Shared Springs Initiative"), OrganizationKind.NGO, "Tal Haroshet"),
    Org("foundation", N_("Nordvik Mediation Foundation"), OrganizationKind.NGO, ""),
    Org("courier", N_("The Valley Courier"), OrganizationKind.MEDIA, "Tal Haroshet"),
    Org("barakat", N_("The Barakat family"), OrganizationKind.FAMILY, "Qaranis"),
    Org("mosque", N_("Harbour Mosque of Port Qaran"), OrganizationKind.RELIGIOUS, "Qaranis"),
    Org("radio", N_("Radio Port Qaran"), OrganizationKind.MEDIA, "Qaranis"),
    Org("khoury", N_("Khoury Holdings"), OrganizationKind.COMPANY, "Qaranis"),
    Org("guard", N_("Dry Valley Guard"), OrganizationKind.ARMED_GROUP, "Qaranis"),
    Org("returns", N_("Valley Returns Office"), OrganizationKind.OTHER, ""),
    Org("militia", N_("Northern Defence Volunteers"), OrganizationKind.ARMED_GROUP, "Verenia"),
    Org("herald", N_("The Northern Herald"), OrganizationKind.MEDIA, "Verenia"),
    Org("diocese", N_("Diocese of Northern Verenia"), OrganizationKind.RELIGIOUS, "Verenia"),
    Org("families", N_("Committee of Families of the Missing"), OrganizationKind.NGO, "Verenia"),
    Org("security", N_("Verenian State Security Service"), OrganizationKind.MINISTRY, "Verenia"),
    Org("council", N_("Tal Haroshet Regional Council"), OrganizationKind.OTHER, "Tal Haroshet"),
    Org("villages", N_("Eastern Villages Council"), OrganizationKind.OTHER, "Tal Haroshet"),
    Org("authority", N_("Western Bank Water Authority"), OrganizationKind.MINISTRY,
         "Tal Haroshet"),
    Org("dahan", N_("Dahan Water Works"), OrganizationKind.COMPANY, "Tal Haroshet"),
    Org("fund", N_("Lakeside Stabilisation Fund"), OrganizationKind.OTHER, ""),
)  # fmt: skip

ACTORS = (
    # -- the Qaranis coast (Arabic script) --
    Person("karim", "Karim Nassar", ("كريم نصار", "Kareem Nasser"), "CEDAR HERON", "Qaranis",
           N_("Arabic, French"), "coast", 30, 9, _IK.MEETING, 6,
           tags=("ministry", "reformer"),
           notes=N_("Adviser to the interior minister; prefers meetings over lunch.")),
    Person("layla", "Layla Haddad", ("ليلى حداد", "Leila Haddad"), "AMBER WREN", "Qaranis",
           N_("Arabic, English"), "coast", 21, 4, _IK.CALL, 7,
           tags=("gatekeeper", "women-peace-security"), direct=(_CK.PHONE, _CK.MESSENGER),
           notes=N_("Runs the Coastal Women's Forum; trusted by the tribal elders.")),
    Person("tariq", "Sheikh Tariq al-Masri", ("الشيخ طارق المصري", "Tarek el-Masry"),
           "SALT ANCHOR", "Qaranis", N_("Arabic"), "coast", 45, 58, _IK.SOCIAL, 4,
           sensitivity=_S.SENSITIVE, tags=("elder", "gatekeeper"), direct=(_CK.IN_PERSON,),
           notes=N_("Elder of Banu Sahil. Never discuss names on the phone.")),
    Person("yusuf", "Yusuf Barakat", ("يوسف بركات", "Youssef Barakat"), "ONYX FALCON",
           "Qaranis", N_("Arabic"), "coast", 60, 40, _IK.VIA_INTERMEDIARY, 3,
           sensitivity=_S.HIGH_RISK, tags=("armed-group", "hardliner"), direct=(),
           via=("layla", "tariq"),
           notes=N_("Field commander of the Coastal Brigades. Reached only through the "
           "Forum and the Sheikh.")),
    Person("samira", "Dr. Samira Khalil", ("سميرة خليل",), "IVORY LANTERN", "Qaranis",
           N_("Arabic, English, French"), "coast", 30, 12, _IK.SIDELINES, 5,
           tags=("academic", "convenor"), direct=(_CK.IN_PERSON, _CK.EMAIL),
           notes=N_("Hosts the coastal workshops at the university.")),
    Person("omar", "Omar Farouk", ("عمر فاروق",), "COPPER HARBOR", "Qaranis",
           N_("Arabic, English"), "coast", 60, 170, _IK.MEETING, 3,
           tags=("business",), direct=(_CK.PHONE,),
           notes=N_("Port shipping owner; can open doors at the ministry.")),
    Person("nadia", "Nadia Aziz", ("نادية عزيز",), "RUSSET SPARROW", "Qaranis",
           N_("Arabic, English"), "return", 45, 80, _IK.MESSAGE, 3,
           tags=("media",), direct=(_CK.MESSENGER,),
           notes=N_("Reporter who covered the Dry Valley displacement.")),
    Person("hassan", "Hassan Qadri", ("حسن قادري",), "OCHRE MESA", "Qaranis", N_("Arabic"),
           "return", 30, 130, _IK.CALL, 3,
           tags=("displaced", "return"), direct=(_CK.PHONE,),
           notes=N_("Speaks for the displaced families of the upper Dry Valley.")),
    # -- northern Verenia (Cyrillic script) --
    Person("mikhail", "Mikhail Orlov", ("Михаил Орлов", "Michail Orloff"), "SLATE BRIDGE",
           "Verenia", N_("Verenian, Russian, English"), "north", 30, 18, _IK.MEETING, 5,
           sensitivity=_S.SENSITIVE, tags=("ministry",),
           notes=N_("Deputy minister for reintegration; wants a winter ceasefire.")),
    Person("anna", "Anna Volkova", ("Анна Волкова",), "FROST ORCHARD", "Verenia",
           N_("Verenian, English"), "north", 21, 3, _IK.CALL, 6,
           tags=("party", "reformer"), direct=(_CK.PHONE, _CK.MESSENGER),
           notes=N_("Adviser in the Party of the North.")),
    Person("dmitri", "Dmitri Sokolov", ("Дмитрий Соколов",), "SABLE KESTREL", "Verenia",
           N_("Verenian"), "north", 45, 100, _IK.VIA_INTERMEDIARY, 3,
           sensitivity=_S.HIGH_RISK, tags=("militia", "hardliner"), direct=(),
           via=("pavel",),
           notes=N_("Commands a northern militia; reached only through Father Pavel.")),
    Person("pavel", "Father Pavel Lebedev", ("Отец Павел Лебедев",), "WINTER PILGRIM",
           "Verenia", N_("Verenian"), "north", 30, 38, _IK.SOCIAL, 5,
           sensitivity=_S.SENSITIVE, tags=("religious", "gatekeeper"),
           direct=(_CK.IN_PERSON,),
           notes=N_("Abbot of St. Eliseus; carries messages across the line. Since Oleg stopped "
           "trading north he is the only door to Sokolov, his quartermaster and the bishop: "
           "visit before the frost.")),
    Person("irina", "Irina Kuznetsova", ("Ирина Кузнецова",), "PEARL COMPASS", "Verenia",
           N_("Verenian, English, German"), "north", 30, 26, _IK.CALL, 4,
           tags=("monitor",), direct=(_CK.PHONE, _CK.EMAIL),
           notes=N_("Deputy head of the Regional Monitoring Mission's northern office.")),
    Person("viktor", "Viktor Morozov", ("Виктор Морозов",), "FLINT CANYON", "Verenia",
           N_("Verenian"), "north", 60, 210, _IK.SIDELINES, 2,
           sensitivity=_S.SENSITIVE, tags=("hardliner", "parliament"), direct=(_CK.PHONE,),
           via=("oleg",), notes=N_("Member of parliament opposed to any talks.")),
    Person("oleg", "Oleg Petrenko", ("Олег Петренко",), "BRASS FERRY", "Verenia",
           N_("Verenian, English"), "north", 45, 35, _IK.MEETING, 4,
           tags=("business",), direct=(_CK.PHONE,),
           notes=N_("Grain trader; stopped crossing the line after the checkpoint shelling. Old "
           "friend of Morozov.")),
    # -- the Tal Haroshet valley (Hebrew and Arabic script) --
    Person("yael", "Yael Ben-Ami", ("יעל בן-עמי",), "JADE TIDE", "Tal Haroshet",
           N_("Hebrew, English"), "water", 30, 6, _IK.MEETING, 6,
           tags=("water", "engineer"),
           notes=N_("Hydrologist advising the western bank's water authority.")),
    Person("avner", "Avner Shalev", ("אבנר שלו",), "GRANITE WARDEN", "Tal Haroshet",
           N_("Hebrew, English"), "water", 60, 75, _IK.MEETING, 3,
           sensitivity=_S.SENSITIVE, tags=("security", "retired"), direct=(_CK.PHONE,),
           notes=N_("Retired general; can introduce us to the security cabinet.")),
    Person("noa", "Noa Levinson", ("נועה לוינסון",), "LINEN GARDEN", "Tal Haroshet",
           N_("Hebrew, English"), "water", 45, 50, _IK.MESSAGE, 3,
           tags=("municipal",), direct=(_CK.MESSENGER, _CK.EMAIL),
           notes=N_("Council member for the valley towns.")),
    Person("rami", "Rami Saleh", ("رامي صالح",), "OLIVE ISLAND", "Tal Haroshet",
           N_("Arabic, Hebrew, English"), "water", 30, 14, _IK.CALL, 5,
           tags=("water", "engineer"), direct=(_CK.PHONE,), via=("dalia",),
           notes=N_("Engineer for the eastern bank's village councils.")),
    Person("dalia", "Dalia Mansour", ("داليا منصور",), "HAZEL BEACON", "Tal Haroshet",
           N_("Arabic, Hebrew, English"), "water", 21, 2, _IK.MEETING, 7,
           tags=("convenor", "water"),
           notes=N_("Director of the Shared Springs Initiative.")),
    Person("eitan", "Eitan Carmi", ("איתן כרמי",), "DUSK RAVEN", "Tal Haroshet",
           N_("Hebrew, Arabic, English"), "water", 60, 140, _IK.CALL, 2,
           tags=("media",), direct=(_CK.PHONE,),
           notes=N_("Editor at The Valley Courier.")),
    # -- international (Latin script) --
    Person("helena", "Helena Brandt", (), "NORTH SUMMIT", "", N_("Norwegian, English, German"),
           "north", 14, 1, _IK.CALL, 9,
           tags=("convenor", "donor"), direct=(_CK.PHONE, _CK.EMAIL),
           notes=N_("Director of the Nordvik Mediation Foundation.")),
    Person("jonas", "Jonas Whitfield", (), "SILVER VALLEY", "", N_("English, Arabic"),
           "coast", 21, 24, _IK.MESSAGE, 5,
           tags=("envoy",), direct=(_CK.PHONE, _CK.EMAIL),
           notes=N_("Political officer in the regional envoy's office.")),
    Person("marisol", "Marisol Ortega", ("Marisol Ortega Ruiz",), "CORAL TERRACE", "",
           N_("Spanish, English"), "water", 60, 95, _IK.SIDELINES, 2,
           tags=("donor",), direct=(_CK.EMAIL,),
           notes=N_("Programme officer at a donor fund.")),
    Person("pieter", "Pieter van Dijk", ("Piet van Dyk",), "WILLOW MERIDIAN", "",
           N_("Dutch, English, Arabic"), "return", 90, 60, _IK.SOCIAL, 2,
           tags=("former-diplomat",),
           notes=N_("Former ambassador in Qaranis; knows everyone at the port.")),
    Person("amara", "Amara Okafor", (), "TAWNY LARK", "", N_("English, French"), "return", 60,
           200, _IK.MEETING, 1, status=ActorStatus.DORMANT, tags=("academic",),
           direct=(_CK.EMAIL,), notes=N_("Researcher on returns; on sabbatical.")),
    Person("giorgos", "Giorgos Andreou", ("Γιώργος Ανδρέου",), "ASHEN QUARRY", "",
           N_("Greek, English"), "north", 30, 150, _IK.CALL, 1,
           status=ActorStatus.DO_NOT_CONTACT, tags=("compromised",), direct=(_CK.PHONE,),
           notes=N_("Shared a draft with the press; do not contact.")),
    # -- more of the Qaranis coast and the Dry Valley (Arabic script) --
    Person("munir", "Munir Tamimi", ("منير التميمي", "Mounir al-Tamimi"), "LAPIS GATE",
           "Qaranis", N_("Arabic, French"), "coast", 30, 11, _IK.MEETING, 3,
           tags=("ministry", "aide"), direct=(_CK.IN_PERSON, _CK.PHONE, _CK.MESSENGER),
           notes=N_("Chief of staff to the interior minister; keeps the minister's diary.")),
    Person("fatima", "Hajja Fatima Zahran", ("الحاجة فاطمة زهران", "Fatma Zahrane"),
           "MOSS CISTERN", "Qaranis", N_("Arabic"), "coast", 45, 30, _IK.SOCIAL, 2,
           tags=("elder", "women-peace-security"), direct=(_CK.IN_PERSON,),
           notes=N_("The Sheikh's sister; sits on the Forum's board. Visits only, never calls.")),
    Person("khalid", "Khalid Barakat", ("خالد بركات", "Khaled Barakat"), "UMBER DUNE",
           "Qaranis", N_("Arabic"), "coast", 60, 70, _IK.VIA_INTERMEDIARY, 2,
           sensitivity=_S.HIGH_RISK, tags=("armed-group", "political"), direct=(),
           via=("fatima",),
           notes=N_("Yusuf's younger brother, political officer of the Coastal Brigades. Word "
           "goes through his aunt, the Hajja, and nothing else.")),
    Person("salim", "Imam Salim Odeh", ("الإمام سالم عودة", "Salem Odeh"), "QUIET MINARET",
           "Qaranis", N_("Arabic"), "coast", 45, 40, _IK.SOCIAL, 2,
           sensitivity=_S.SENSITIVE, tags=("religious", "community"), direct=(_CK.IN_PERSON,),
           notes=N_("Imam of the harbour mosque; his Friday sermons move the port quarter.")),
    Person("rania", "Rania Sabbagh", ("رانيا صباغ", "Rania Sabbag"), "ROSE SIGNAL", "Qaranis",
           N_("Arabic, English"), "coast", 30, 22, _IK.MESSAGE, 2,
           tags=("media",), direct=(_CK.MESSENGER, _CK.PHONE),
           notes=N_("Reporter at Radio Port Qaran; strictly off the record.")),
    Person("walid", "Walid Farouk", ("وليد فاروق",), "TEAL MOORING", "Qaranis",
           N_("Arabic, English"), "coast", 60, 25, _IK.CALL, 1,
           tags=("business", "family"), direct=(_CK.PHONE,),
           notes=N_("Omar's son; runs Farouk Shipping day to day.")),
    # Walid again, entered from a messaging app's contacts in Arabic script: the
    # "Possible duplicates" view finds the pair.
    Person("walid_again", "وليد فاروق", (), "HAZEL QUAY", "Qaranis", N_("Arabic"), "coast", 60,
           120, _IK.MESSAGE, 0, tags=("business",), direct=(_CK.MESSENGER,),
           notes=N_("Added from a phone's contacts.")),
    Person("nabil", "Nabil Khoury", ("نبيل خوري", "Nabeel Khouri"), "GILDED KEEL", "Qaranis",
           N_("Arabic, French, English"), "coast", 90, 150, _IK.MEETING, 1,
           tags=("donor", "business", "diaspora"), direct=(_CK.PHONE, _CK.EMAIL),
           notes=N_("Diaspora businessman who pays for the coastal workshops.")),
    Person("hadi", "Hadi Mourad", ("هادي مراد", "Hady Murad"), "EMBER KITE", "Qaranis",
           N_("Arabic"), "coast", 30, 35, _IK.CALL, 1,
           tags=("youth", "activist"), direct=(_CK.PHONE, _CK.MESSENGER),
           notes=N_("Leads the young men of the port quarter; impatient with the elders.")),
    Person("amina", "Amina Qadri", ("أمينة قادري", "Amena Kadri"), "BRIGHT LOOM", "Qaranis",
           N_("Arabic, English"), "return", 30, 8, _IK.CALL, 3,
           tags=("displaced", "return", "teacher"), direct=(_CK.PHONE, _CK.MESSENGER),
           notes=N_("Hassan's sister; teaches at the camp school and keeps the family lists.")),
    Person("jamal", "Jamal Darwish", ("جمال درويش", "Gamal Darwish"), "BARLEY TOWER",
           "Qaranis", N_("Arabic"), "return", 45, 55, _IK.MEETING, 1,
           sensitivity=_S.SENSITIVE, tags=("ministry", "local-government"),
           direct=(_CK.PHONE,), via=("karim",),
           notes=N_("New district officer for the Dry Valley; best approached through Karim.")),
    Person("bashir", "Bashir Hamdan", ("بشير حمدان", "Bachir Hamdane"), "CINDER TOLL",
           "Qaranis", N_("Arabic"), "return", 90, 120, _IK.VIA_INTERMEDIARY, 1,
           sensitivity=_S.HIGH_RISK, tags=("armed-group", "spoiler"), direct=(),
           via=("pieter", "omar"),
           notes=N_("Commands the Dry Valley Guard that tolls the valley road. Only through "
           "Pieter and Omar's trucking contacts.")),
    Person("boutros", "Father Boutros Hanna", ("الأب بطرس حنا", "Boutros Hanna"),
           "CHALK BELFRY", "Qaranis", N_("Arabic, French"), "return", 60, 65, _IK.SOCIAL, 1,
           sensitivity=_S.SENSITIVE, tags=("religious", "return"), direct=(_CK.IN_PERSON,),
           notes=N_("Parish priest of the last village still lived in up the valley.")),
    # -- more of northern Verenia (Cyrillic script) --
    Person("sergei", "Sergei Belov", ("Сергей Белов", "Sergey Byelov"), "IRON LEDGER",
           "Verenia", N_("Verenian, Russian, English"), "north", 21, 5, _IK.CALL, 4,
           tags=("ministry", "aide"), direct=(_CK.PHONE, _CK.MESSENGER),
           notes=N_("Orlov's chief of staff; drafts the prisoner lists.")),
    Person("yelena", "Yelena Zhukova", ("Елена Жукова", "Elena Joukova"), "VELVET ECHO",
           "Verenia", N_("Verenian, English"), "north", 45, 20, _IK.MESSAGE, 2,
           tags=("media",), direct=(_CK.MESSENGER, _CK.EMAIL),
           notes=N_("Northern Herald correspondent; broke the story of the leaked draft.")),
    Person("ruslan", "Ruslan Gromov", ("Руслан Громов",), "SMOKE GRANARY", "Verenia",
           N_("Verenian"), "north", 60, 45, _IK.VIA_INTERMEDIARY, 2,
           sensitivity=_S.HIGH_RISK, tags=("militia", "logistics"), direct=(), via=("pavel",),
           notes=N_("Quartermaster of Sokolov's militia; bought grain from Oleg until the "
           "checkpoint shelling. Now word goes through the monastery.")),
    Person("nikolai", "Bishop Nikolai Vetrov", ("Епископ Николай Ветров", "Nikolaj Wetrow"),
           "CANDLE HERALD", "Verenia", N_("Verenian, Greek"), "north", 90, 44,
           _IK.VIA_INTERMEDIARY, 1, sensitivity=_S.SENSITIVE, tags=("religious", "elder"),
           direct=(), via=("pavel",),
           notes=N_("Pavel's bishop; blesses, or forbids, what the monastery carries. Receives "
           "outsiders only when Pavel asks.")),
    Person("tatiana", "Tatiana Gerasimova", ("Татьяна Герасимова", "Tatjana Gerassimowa"),
           "LILAC THREAD", "Verenia", N_("Verenian, Russian"), "north", 30, 10, _IK.MEETING, 3,
           sensitivity=_S.SENSITIVE, tags=("families", "prisoners"),
           direct=(_CK.IN_PERSON, _CK.PHONE),
           notes=N_("Chairs the Committee of Families of the Missing; her son is held in the "
           "north.")),
    Person("boris", "Boris Kovalenko", ("Борис Коваленко", "Borys Kovalenko"), "TIN CORRIDOR",
           "Verenia", N_("Verenian, English"), "north", 60, 100, _IK.CALL, 1,
           sensitivity=_S.SENSITIVE, tags=("parliament", "aide"), direct=(_CK.PHONE,),
           notes=N_("Morozov's parliamentary aide; more pragmatic than his master.")),
    Person("kirill", "Kirill Zaitsev", ("Кирилл Зайцев",), "GREY KEYHOLE", "Verenia",
           N_("Verenian, Russian"), "north", 60, 180, _IK.MEETING, 1,
           sensitivity=_S.HIGH_RISK, status=ActorStatus.DO_NOT_CONTACT,
           tags=("security-service", "compromised"), direct=(_CK.PHONE,),
           notes=N_("Security service liaison; suspected of reporting on the channel. Do not "
           "contact.")),
    # -- more of the Tal Haroshet valley (Hebrew and Arabic script) --
    Person("moshe", "Rabbi Moshe Adler", ("הרב משה אדלר", "Moishe Adler"), "BASALT SCROLL",
           "Tal Haroshet", N_("Hebrew, English, Yiddish"), "water", 60, 35, _IK.SOCIAL, 1,
           tags=("religious", "community"), direct=(_CK.IN_PERSON,),
           notes=N_("Rabbi of the western valley towns; hosts Sabbath dinners for both banks.")),
    Person("shira", "Shira Katz", ("שירה כץ", "Shira Kats"), "MINT ATLAS", "Tal Haroshet",
           N_("Hebrew, English"), "water", 30, 16, _IK.MESSAGE, 2,
           tags=("municipal", "aide"), direct=(_CK.MESSENGER, _CK.EMAIL),
           notes=N_("Chief of staff of the regional council.")),
    Person("yosef", "Yosef Mizrahi", ("יוסף מזרחי", "Yossi Mizrachi"), "STEEL ORACLE",
           "Tal Haroshet", N_("Hebrew, Arabic, English"), "water", 60, 80, _IK.CALL, 1,
           sensitivity=_S.SENSITIVE, tags=("security", "retired"), direct=(_CK.PHONE,),
           via=("avner",),
           notes=N_("Retired colonel, once Avner's deputy; sits on the security cabinet's "
           "advisory panel.")),
    Person("mahmoud", "Mukhtar Mahmoud Jaber", ("المختار محمود جابر", "Mahmud Jaber"),
           "CLAY WELLSPRING", "Tal Haroshet", N_("Arabic"), "water", 45, 30, _IK.VIA_INTERMEDIARY,
           2, sensitivity=_S.SENSITIVE, tags=("elder", "village-council"), direct=(),
           via=("dalia", "rami"),
           notes=N_("Elder of the eastern villages; meets outsiders only if Rami vouches.")),
    Person("huda", "Huda Nasrallah", ("هدى نصر الله", "Houda Nasrallah"), "SAFFRON INK",
           "Tal Haroshet", N_("Arabic, Hebrew, English"), "water", 45, 28, _IK.CALL, 1,
           tags=("media",), direct=(_CK.PHONE,),
           notes=N_("Reports for The Valley Courier's Arabic edition.")),
    Person("ariel", "Ariel Dahan", ("אריאל דהן",), "COBALT SLUICE", "Tal Haroshet",
           N_("Hebrew, French, English"), "water", 60, 45, _IK.MEETING, 1,
           tags=("business", "water"), direct=(_CK.IN_PERSON, _CK.PHONE),
           notes=N_("Founder of Dahan Water Works; wants to build the joint plant.")),
    Person("ilan", "Ilan Shapira", ("אילן שפירא", "Ilan Shapiro"), "PINE CANAL",
           "Tal Haroshet", N_("Hebrew, English"), "water", 30, 48, _IK.MEETING, 2,
           tags=("water", "official"), direct=(_CK.IN_PERSON, _CK.EMAIL),
           notes=N_("Deputy director of the western bank's water authority; Yael's boss.")),
    Person("suha", "Suha al-Khatib", ("سهى الخطيب", "Souha Khatib"), "BRONZE FOUNTAIN",
           "Tal Haroshet", N_("Arabic, Hebrew, English"), "water", 30, 3, _IK.MEETING, 2,
           tags=("municipal", "mayor"), direct=(_CK.IN_PERSON, _CK.PHONE),
           notes=N_("Mayor of Ein Sahra on the eastern bank.")),
    Person("doron", "Doron Avidan", ("דורון אבידן",), "OAKEN STEEPLE", "Tal Haroshet",
           N_("Hebrew, English"), "water", 30, 3, _IK.MEETING, 2,
           tags=("municipal", "mayor"), direct=(_CK.IN_PERSON, _CK.PHONE),
           notes=N_("Mayor of Tal Haroshet town; heads the regional council.")),
    Person("yevgeny", "Yevgeny Rabinovich",
           ("Евгений Рабинович", "יבגני רבינוביץ'", "Evgeni Rabinowitz"), "SILT ANVIL",
           "Tal Haroshet", N_("Hebrew, Russian, English"), "water", 45, 12, _IK.CALL, 1,
           tags=("engineer", "water"), direct=(_CK.PHONE, _CK.EMAIL),
           notes=N_("Desalination engineer at Dahan Water Works.")),
    # -- more international (Latin script) --
    Person("ingrid", "Ingrid Solberg", ("Ingrid Sohlberg",), "ARCTIC QUILL", "",
           N_("Norwegian, English, Russian"), "north", 14, 3, _IK.CALL, 4,
           tags=("convenor", "staff"), direct=(_CK.PHONE, _CK.EMAIL),
           notes=N_("Programme manager at the Nordvik Mediation Foundation.")),
    Person("sophie", "Sophie Marchal", ("Sophie Marchal-Dupont",), "QUARTZ PAVILION", "",
           N_("French, English, Arabic"), "coast", 45, 33, _IK.SIDELINES, 2,
           tags=("donor",), direct=(_CK.EMAIL, _CK.PHONE),
           notes=N_("Head of programmes at the Lakeside Stabilisation Fund.")),
    Person("tomasz", "Tomasz Wiśniewski", ("Tomasz Wisniewski",), "PLUM HORIZON", "",
           N_("Polish, English, Russian"), "north", 60, 75, _IK.MESSAGE, 1,
           tags=("media", "foreign-press"), direct=(_CK.MESSENGER, _CK.EMAIL),
           notes=N_("Freelance foreign correspondent; embargo everything.")),
    Person("mehmet", "Mehmet Yıldız", ("Mehmet Yildiz",), "SAGE CROSSING", "",
           N_("Turkish, English, Russian"), "north", 45, 52, _IK.SIDELINES, 1,
           sensitivity=_S.SENSITIVE, tags=("envoy", "neighbour"), direct=(_CK.PHONE,),
           notes=N_("Special envoy of a neighbouring state; offers a venue.")),
    Person("claire", "Claire Dumas", ("Claire Dumas-Leclerc",), "PALE ORCHID", "",
           N_("French, English, Arabic"), "return", 30, 15, _IK.MEETING, 2,
           tags=("humanitarian",), direct=(_CK.IN_PERSON, _CK.EMAIL),
           notes=N_("Protection officer at the Valley Returns Office.")),
)  # fmt: skip

AFFILIATIONS = (
    # actor, organization, role, started (days ago), ended (days ago) or None
    ("karim", "interior", N_("Adviser to the minister"), 900, None),
    ("layla", "forum", N_("Director"), 2400, None),
    ("tariq", "sahil", N_("Elder"), 9000, None),
    ("yusuf", "brigades", N_("Field commander"), 1500, None),
    ("yusuf", "sahil", N_("Member"), 12000, None),
    ("samira", "university", N_("Professor of law"), 4000, None),
    ("omar", "farouk", N_("Owner"), 6000, None),
    ("mikhail", "reintegration", N_("Deputy minister"), 400, None),
    ("mikhail", "party", N_("Secretary for the north"), 2000, 400),
    ("anna", "party", N_("Policy adviser"), 1200, None),
    ("pavel", "monastery", N_("Abbot"), 3000, None),
    ("irina", "mission", N_("Deputy head, northern office"), 700, None),
    ("viktor", "party", N_("Member of parliament"), 3000, 500),
    ("dalia", "springs", N_("Director"), 1800, None),
    ("yael", "springs", N_("Technical adviser"), 300, None),
    ("rami", "springs", N_("Engineer"), 600, None),
    ("eitan", "courier", N_("Editor"), 2500, None),
    ("helena", "foundation", N_("Director"), 3500, None),
    ("nadia", "courier", N_("Correspondent"), 900, 200),
    ("munir", "interior", N_("Chief of staff to the minister"), 1100, None),
    ("fatima", "forum", N_("Board member"), 2000, None),
    ("fatima", "sahil", N_("Member"), 20000, None),
    ("khalid", "brigades", N_("Political officer"), 1000, None),
    ("khalid", "barakat", N_("Member"), 14000, None),
    ("yusuf", "barakat", N_("Member"), 15000, None),
    ("salim", "mosque", N_("Imam"), 5000, None),
    ("rania", "radio", N_("Reporter"), 800, None),
    ("walid", "farouk", N_("Managing director"), 700, None),
    ("walid_again", "farouk", "", 700, None),
    ("nabil", "khoury", N_("Chairman"), 5000, None),
    ("jamal", "interior", N_("District officer, Dry Valley"), 30, None),
    ("bashir", "guard", N_("Commander"), 900, None),
    ("claire", "returns", N_("Protection officer"), 500, None),
    ("sergei", "reintegration", N_("Chief of staff to the deputy minister"), 380, None),
    ("sergei", "party", N_("Youth organiser"), 2500, 400),
    ("yelena", "herald", N_("Correspondent"), 1500, None),
    ("dmitri", "militia", N_("Commander"), 1300, None),
    ("ruslan", "militia", N_("Quartermaster"), 800, None),
    ("nikolai", "diocese", N_("Bishop"), 4000, None),
    ("tatiana", "families", N_("Chair"), 600, None),
    ("boris", "party", N_("Parliamentary aide"), 2800, 500),
    ("kirill", "security", N_("Liaison officer"), 2000, None),
    ("ingrid", "foundation", N_("Programme manager"), 1200, None),
    ("shira", "council", N_("Chief of staff"), 450, None),
    ("doron", "council", N_("Head of the council"), 1600, None),
    ("noa", "council", N_("Council member"), 1500, None),
    ("mahmoud", "villages", N_("Mukhtar"), 7000, None),
    ("suha", "villages", N_("Mayor of Ein Sahra"), 1100, None),
    ("rami", "villages", N_("Engineer"), 1500, None),
    ("huda", "courier", N_("Reporter, Arabic edition"), 400, None),
    ("ariel", "dahan", N_("Founder"), 3000, None),
    ("yevgeny", "dahan", N_("Senior engineer"), 1000, None),
    ("ilan", "authority", N_("Deputy director"), 1400, None),
    ("yael", "authority", N_("Consulting hydrologist"), 2000, 300),
    ("sophie", "fund", N_("Head of programmes"), 900, None),
    ("marisol", "fund", N_("Programme officer"), 1300, None),
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
    ("coast", N_("Interior ministry"), ("karim", "munir")),
    ("coast", N_("Coastal tribes and brigades"), ("tariq", "yusuf", "khalid")),
    ("north", N_("Verenian government"), ("mikhail", "anna", "sergei")),
    ("north", N_("Northern militias"), ("dmitri", "ruslan", "tatiana")),
    ("water", N_("Western bank"), ("yael", "ilan", "noa", "doron")),
    ("water", N_("Eastern villages"), ("rami", "mahmoud", "suha")),
    ("return", N_("Displaced families"), ("hassan", "amina")),
    ("return", N_("District administration"), ("jamal", "karim")),
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
    ("layla", "tariq", RelationshipKind.TRUSTS, 5, 4, N_("Seen together at every Forum event")),
    ("tariq", "yusuf", RelationshipKind.FAMILY, 4, 5, N_("Yusuf is the Sheikh's nephew")),
    ("layla", "yusuf", RelationshipKind.CAN_INTRODUCE, 3, 3, N_("Layla, in person")),
    ("karim", "omar", RelationshipKind.KNOWS, 3, 4, N_("School friends")),
    ("omar", "karim", RelationshipKind.CAN_INTRODUCE, 4, 3, N_("Omar, over dinner")),
    ("samira", "karim", RelationshipKind.KNOWS, 2, 4, ""),
    ("yusuf", "karim", RelationshipKind.RIVAL, 4, 3, N_("Press reports")),
    ("pavel", "dmitri", RelationshipKind.TRUSTS, 4, 3, N_("Pavel baptised his children")),
    ("viktor", "dmitri", RelationshipKind.RIVAL, 4, 4, N_("Morozov wants the militias crushed")),
    ("oleg", "viktor", RelationshipKind.TRUSTS, 4, 4, N_("Oleg, on the phone")),
    ("anna", "mikhail", RelationshipKind.REPORTS_TO, 3, 5, N_("Party organigram")),
    ("mikhail", "viktor", RelationshipKind.RIVAL, 5, 5, N_("Public record")),
    ("irina", "helena", RelationshipKind.KNOWS, 3, 5, ""),
    ("dalia", "rami", RelationshipKind.TRUSTS, 4, 4, N_("Dalia, in person")),
    ("dalia", "yael", RelationshipKind.KNOWS, 4, 5, ""),
    ("avner", "noa", RelationshipKind.FAMILY, 3, 4, N_("Noa is Avner's niece")),
    ("avner", "yael", RelationshipKind.CAN_INTRODUCE, 3, 3, N_("Avner, over coffee")),
    ("eitan", "noa", RelationshipKind.KNOWS, 2, 3, ""),
    ("pieter", "omar", RelationshipKind.KNOWS, 4, 4, N_("Pieter, at the embassy")),
    ("pieter", "hassan", RelationshipKind.CAN_INTRODUCE, 3, 3, ""),
    ("nadia", "hassan", RelationshipKind.KNOWS, 3, 4, N_("Her reports quote him")),
    ("helena", "jonas", RelationshipKind.KNOWS, 4, 5, ""),
    ("giorgos", "eitan", RelationshipKind.KNOWS, 3, 4, N_("He passed Eitan the draft")),
    ("munir", "karim", RelationshipKind.KNOWS, 4, 5, N_("Same corridor at the ministry")),
    ("karim", "jamal", RelationshipKind.CAN_INTRODUCE, 4, 4, N_("Karim, in person")),
    ("jamal", "karim", RelationshipKind.REPORTS_TO, 3, 4, N_("Ministry organigram")),
    ("fatima", "tariq", RelationshipKind.FAMILY, 5, 5, N_("The Sheikh's sister")),
    ("fatima", "khalid", RelationshipKind.CAN_INTRODUCE, 4, 3, N_("The Hajja, over tea")),
    ("khalid", "yusuf", RelationshipKind.FAMILY, 5, 5, N_("Brothers")),
    ("salim", "tariq", RelationshipKind.TRUSTS, 4, 3, N_("They pray together on Fridays")),
    ("hadi", "yusuf", RelationshipKind.RIVAL, 3, 2, N_("Talk in the port quarter")),
    ("rania", "nadia", RelationshipKind.KNOWS, 3, 4, N_("Former colleagues")),
    ("walid", "omar", RelationshipKind.FAMILY, 5, 5, N_("Omar's son")),
    ("nabil", "samira", RelationshipKind.KNOWS, 3, 4, N_("He funds her workshops")),
    ("sophie", "marisol", RelationshipKind.KNOWS, 4, 4, N_("Donor coordination group")),
    ("sophie", "jonas", RelationshipKind.KNOWS, 3, 4, ""),
    ("amina", "hassan", RelationshipKind.FAMILY, 5, 5, N_("Hassan's sister")),
    ("omar", "bashir", RelationshipKind.CAN_INTRODUCE, 2, 2, N_("Omar's trucks pay his toll")),
    ("boutros", "hassan", RelationshipKind.TRUSTS, 4, 4, N_("Neighbours in the upper valley")),
    ("claire", "amara", RelationshipKind.KNOWS, 3, 4, N_("Co-authors of a returns study")),
    ("sergei", "mikhail", RelationshipKind.REPORTS_TO, 4, 5, N_("Ministry organigram")),
    ("ruslan", "dmitri", RelationshipKind.REPORTS_TO, 4, 3, N_("Oleg, over tea")),
    ("oleg", "ruslan", RelationshipKind.CAN_INTRODUCE, 3, 3, N_("Oleg sold him grain")),
    ("nikolai", "pavel", RelationshipKind.TRUSTS, 4, 4, N_("Pavel's bishop")),
    ("tatiana", "anna", RelationshipKind.KNOWS, 3, 4, ""),
    ("boris", "viktor", RelationshipKind.REPORTS_TO, 4, 5, N_("Parliament staff list")),
    ("kirill", "giorgos", RelationshipKind.KNOWS, 2, 2, N_("Seen together in the capital")),
    ("ingrid", "helena", RelationshipKind.REPORTS_TO, 4, 5, N_("Foundation staff list")),
    ("mehmet", "irina", RelationshipKind.KNOWS, 3, 4, ""),
    ("tomasz", "yelena", RelationshipKind.RIVAL, 2, 3, N_("Competing for the same story")),
    ("shira", "doron", RelationshipKind.REPORTS_TO, 4, 5, N_("Council staff list")),
    ("doron", "noa", RelationshipKind.KNOWS, 4, 4, N_("Same council")),
    ("suha", "doron", RelationshipKind.KNOWS, 3, 4, N_("Mayors' forum")),
    ("yosef", "avner", RelationshipKind.TRUSTS, 5, 4, N_("Served under Avner")),
    ("rami", "mahmoud", RelationshipKind.CAN_INTRODUCE, 3, 3, N_("Rami, on the phone")),
    ("huda", "eitan", RelationshipKind.REPORTS_TO, 3, 5, N_("The Courier's masthead")),
    ("yevgeny", "ariel", RelationshipKind.REPORTS_TO, 3, 5, N_("Company website")),
    ("ilan", "yael", RelationshipKind.KNOWS, 3, 4, N_("Former colleagues at the authority")),
    ("moshe", "avner", RelationshipKind.KNOWS, 3, 3, N_("Same synagogue")),
)

# Ties that have ended: (from, to) -> days ago. Oleg stopped trading across the line after
# the checkpoint shelling, and with him went the second way to the militias.
ENDED_TIES = {("oleg", "ruslan"): 25}

CUES = (
    # process, actor or None, days ago, cue kind key, strength, reliability, note
    ("coast", None, 330, "hardening", 3, 3, N_("Ministry rules out talks with the Brigades.")),
    ("coast", "yusuf", 290, "spoiler-activity", 4, 3, N_("Brigades seize a fishing boat.")),
    ("coast", None, 250, "external-pressure", 3, 4,
     N_("Donors tie port funds to a local ceasefire.")),
    ("coast", "tariq", 190, "hurting-stalemate", 4, 4,
     N_("Sheikh: the port closure ruins us all.")),
    ("coast", "karim", 130, "way-out", 3, 4, N_("Karim floats observers for detainee releases.")),
    ("coast", "yusuf", 75, "back-channel-request", 4, 2,
     N_("Via Layla: Yusuf asks for a channel.")),
    ("coast", None, 40, "public-softening", 3, 4, N_("Minister speaks of 'our brothers'.")),
    ("coast", "karim", 20, "leadership-change", 4, 5,
     N_("A new governor is appointed for the coast.")),
    ("coast", "layla", 5, "way-out", 4, 4, N_("Elders propose a joint port committee.")),
    ("north", None, 350, "looming-catastrophe", 4, 4,
     N_("Winter fuel shortage feared in the north.")),
    ("north", "viktor", 300, "hardening", 4, 4,
     N_("Morozov's bill bans contact with the militias.")),
    ("north", "dmitri", 240, "hurting-stalemate", 3, 3, N_("Fighters leave for the harvest.")),
    ("north", "mikhail", 180, "back-channel-request", 4, 4,
     N_("Orlov asks Pavel to carry a note.")),
    ("north", None, 120, "external-pressure", 3, 4, N_("Neighbours close the border crossing.")),
    ("north", "viktor", 60, "spoiler-activity", 4, 3, N_("Leaked draft on the evening news.")),
    ("north", "dmitri", 25, "hardening", 3, 2, N_("Sokolov's men shell a checkpoint.")),
    ("north", "mikhail", 10, "hardening", 4, 4, N_("Orlov suspends the prisoner lists.")),
    ("water", None, 340, "hurting-stalemate", 3, 4, N_("Third dry summer; wells failing.")),
    ("water", "noa", 270, "public-softening", 3, 3, N_("Council votes to study a shared plan.")),
    ("water", "rami", 200, "way-out", 4, 4, N_("Villages accept metering if data is shared.")),
    ("water", "avner", 150, "hardening", 3, 3, N_("Security cabinet objects to joint patrols.")),
    ("water", None, 90, "external-pressure", 4, 5,
     N_("Donor conference pledges for a joint plant.")),
    ("water", "yael", 45, "way-out", 4, 4, N_("Draft allocation formula accepted by both teams.")),
    ("water", None, 15, "looming-catastrophe", 4, 4, N_("Spring flow at a record low.")),
    ("water", "dalia", 3, "public-softening", 3, 4,
     N_("Both mayors appear together at the springs.")),
    ("return", None, 320, "way-out", 3, 3, N_("First families visit their villages.")),
    ("return", "hassan", 210, "spoiler-activity", 4, 4, N_("Spring clashes; houses burned.")),
    ("return", None, 160, "hardening", 3, 3, N_("Checkpoints close the valley road.")),
    ("return", "pieter", 100, "other", 2, 2, N_("Pieter hears the port authority wants the land.")),
    ("return", "karim", 30, "leadership-change", 3, 3,
     N_("New district officer for the Dry Valley.")),
    ("coast", "khalid", 160, "back-channel-request", 3, 2,
     N_("Khalid asks if the talks are real.")),
    ("coast", "salim", 95, "public-softening", 3, 3,
     N_("Friday sermon asks for the port to reopen.")),
    ("coast", "nabil", 55, "external-pressure", 3, 3, N_("Diaspora money only after a ceasefire.")),
    ("coast", "hadi", 12, "spoiler-activity", 3, 2, N_("Port youth burn tyres at the checkpoint.")),
    ("north", "tatiana", 210, "hurting-stalemate", 4, 4, N_("Families march for the missing.")),
    ("north", "kirill", 140, "spoiler-activity", 3, 2, N_("A monastery courier is detained.")),
    ("north", "mehmet", 100, "external-pressure", 4, 4, N_("Neighbour offers a venue for talks.")),
    ("north", "sergei", 35, "back-channel-request", 3, 4, N_("Belov asks to meet the Foundation.")),
    ("north", "ruslan", 15, "hurting-stalemate", 3, 2, N_("Militia short of winter boots.")),
    ("water", "suha", 230, "public-softening", 3, 4,
     N_("Eastern mayor invites western engineers.")),
    ("water", "ilan", 110, "hardening", 3, 3, N_("Water authority delays the data memo.")),
    ("water", "ariel", 60, "way-out", 3, 3, N_("Dahan offers to build the plant at cost.")),
    ("water", "mahmoud", 20, "hardening", 3, 2, N_("Mukhtar warns villagers against meters.")),
    ("return", "bashir", 260, "spoiler-activity", 4, 3, N_("The Guard tolls the valley road.")),
    ("return", "boutros", 45, "public-softening", 2, 3, N_("Sermon on welcoming neighbours home.")),
    ("return", "jamal", 25, "way-out", 3, 3, N_("Pilot return proposed for two villages.")),
    ("return", "claire", 8, "external-pressure", 3, 4,
     N_("Returns office offers shelter repairs.")),
)  # fmt: skip

FOLLOW_UPS = (
    # title, due in days (negative: past), actor, process, done days ago or None
    (N_("Send Karim the note on observer terms"), 3, "karim", "coast", None),
    (N_("Ask Layla whether the Sheikh will host the elders"), -4, "layla", "coast", None),
    (N_("Thank the Sheikh for the dinner"), -30, "tariq", "coast", 28),
    (N_("Check detainee list through Layla"), -12, "yusuf", "coast", None),
    (N_("Workshop agenda to Dr. Khalil"), 6, "samira", "coast", None),
    (N_("Call Omar about the port committee"), -20, "omar", "coast", None),
    (N_("Prisoner list draft to Orlov"), 2, "mikhail", "north", None),
    (N_("Brief Helena on the winter ceasefire"), 0, "helena", "north", None),
    (N_("Visit St. Eliseus before the frost"), -2, "pavel", "north", None),
    (N_("Share monitoring map with Irina"), -45, "irina", "north", 40),
    (N_("Allocation formula comments to Yael"), 5, "yael", "water", None),
    (N_("Set up the mayors' walk at the springs"), -9, "dalia", "water", 6),
    (N_("Ask Avner about the security cabinet"), 12, "avner", "water", None),
    (N_("Budget note for Marisol"), -60, "marisol", "water", 55),
    (N_("Find Hassan's new number"), -7, "hassan", "return", None),
    (N_("Ask Munir for the minister's July diary"), 4, "munir", "coast", None),
    (N_("Condolence visit to Hajja Fatima"), -3, "fatima", "coast", None),
    (N_("Background note to Rania (off the record)"), 1, "rania", "coast", None),
    (N_("Thank Nabil for the workshop grant"), -40, "nabil", "coast", 35),
    (N_("Meet Amina at the camp school"), 7, "amina", "return", None),
    (N_("Introduce Claire to the district officer"), -5, "claire", "return", None),
    (N_("Ask Sergei for the revised prisoner list"), 1, "sergei", "north", None),
    (N_("Families' letter to Tatiana"), -15, "tatiana", "north", 12),
    (N_("Venue options for a first meeting with Ingrid"), 9, "ingrid", "north", None),
    (N_("Check the neighbour's venue offer with Mehmet"), -1, "mehmet", "north", None),
    (N_("Data-sharing memo to Ilan"), -8, "ilan", "water", None),
    (N_("Plant costing from Ariel for the donors"), 14, "ariel", "water", None),
    (N_("Agenda for the mayors' joint press call"), 2, "suha", "water", None),
    (N_("Ask Rabbi Adler to host both banks for dinner"), 20, "moshe", "water", None),
    (N_("Hear the Mukhtar's objections through Rami"), -1, "mahmoud", "water", 1),
)

SUMMARIES: dict[str, tuple[str, ...]] = {
    "coast": (
        N_("Talked through the detainee lists; {name} wants names checked twice."),
        N_("{name} says the port closure is hurting every family on the coast."),
        N_("Discussed who could sit on a joint port committee."),
        N_("{name} passed on that the elders would meet if the ministry sends no uniforms."),
        N_("Long lunch; mostly family news, then a word about the new governor."),
        N_("Reviewed the draft terms for local ceasefire observers."),
    ),
    "north": (
        N_("{name} thinks a winter ceasefire is possible if prisoner lists move first."),
        N_("Compared notes on the checkpoint incidents along the line."),
        N_("Tea after the liturgy; {name} carried greetings from across the line."),
        N_("Discussed fuel deliveries to the northern villages."),
        N_("{name} worried about the leak of the draft; asked for fewer copies."),
        N_("Talked about a neutral venue for a first direct meeting."),
    ),
    "water": (
        N_("Went through the spring-flow data with {name}."),
        N_("{name} raised metering in the eastern villages again."),
        N_("Dinner with the engineers; talk of the new joint plant."),
        N_("Discussed how to present the allocation formula to the councils."),
        N_("{name} suggested the mayors walk the springs together."),
        N_("Reviewed the donor conditions for the joint plant."),
    ),
    "return": (
        N_("{name} described the state of the upper-valley houses."),
        N_("Discussed a timetable for the first returns after the clashes."),
        N_("{name} heard the valley road may reopen before the harvest."),
        N_("Talked about who owns the land near the old port road."),
        N_("Coffee; {name} shared photographs of the villages."),
    ),
}

SOCIAL_SUMMARIES = (
    N_("Wedding of {name}'s cousin; a few words on the margins."),
    N_("Birthday dinner; {name} was relaxed and talkative."),
    N_("Condolence visit; no business discussed."),
    N_("Football match together; {name} asked after the family."),
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
    _CK.IN_PERSON: N_("In person"),
    _CK.PHONE: N_("Personal phone"),
    _CK.MESSENGER: N_("Signal"),
    _CK.EMAIL: N_("Private e-mail"),
}
