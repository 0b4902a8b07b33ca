"""The actor page's header says who someone is with and where they take part: their current
role and affiliation, and their processes (each a link); a high-risk actor's affiliation is
hidden whenever the name is, in privacy mode above all."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import HIDDEN, WITHHELD, AppContext
from contactkeeper.gui.views.actor_page import ActorPage
from contactkeeper.gui.views.actors import ActorsView
from contactkeeper.i18n import isolate
from contactkeeper.records import actors, organizations, processes
from contactkeeper.records.actors import NewActor
from contactkeeper.vault.model import ParticipationRole, Sensitivity
from tests.gui.test_privacy_mode import names_on_screen
from tests.gui.window_helpers import show_active


def _page(context: AppContext, qtbot: QtBot, actor_id: int) -> ActorPage:
    page = ActorPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 640)
    show_active(qtbot, page)
    page.show_actor(actor_id)
    return page


def _affiliate(
    context: AppContext, actor_id: int, organization: str, role: str, **dates: date
) -> None:
    org = organizations.create_organization(context.vault, organization)
    organizations.add_affiliation(context.vault, actor_id, org.id, role, **dates)


def test_the_header_names_the_current_role_and_every_process_taken_part_in(
    context: AppContext, qtbot: QtBot
) -> None:
    vault, now = context.vault, context.now()
    karim = actors.create_actor(vault, NewActor("Karim Nassar"), now).id
    _affiliate(
        context,
        karim,
        "Coastal Chamber of Commerce",
        "Secretary",
        started_on=date(2015, 1, 1),
        ended_on=date(2022, 6, 30),
    )
    _affiliate(
        context, karim, "Qaranis Ministry of the Interior", "Adviser to the minister",
        started_on=date(2022, 7, 1),
    )  # fmt: skip
    coast = processes.create_process(vault, "Coastal dialogue")
    water = processes.create_process(vault, "Water talks")
    processes.add_participant(vault, coast.id, karim, ParticipationRole.PARTY)
    processes.add_participant(vault, water.id, karim, ParticipationRole.ADVISER)
    processes.add_participant(vault, water.id, karim, ParticipationRole.INTERMEDIARY)

    page = _page(context, qtbot, karim)
    roles = page.roles
    assert (
        roles.affiliation_label.text()
        == f"{isolate('Adviser to the minister')}, {isolate('Qaranis Ministry of the Interior')}"
    )
    assert roles.affiliation_label.isVisible()
    assert "Coastal dialogue\u2069</a> (party)" in roles.processes_label.text()
    assert "Water talks\u2069</a> (adviser, intermediary)" in roles.processes_label.text()

    # A process is one click away.
    with qtbot.waitSignal(context.open_process) as opened:
        roles.processes_label.linkActivated.emit(f"process:{water.id}")
    assert opened.args == [water.id]

    # Someone whose affiliation has ended, and who takes part in nothing, says so.
    omar = actors.create_actor(vault, NewActor("Omar Farouk"), now).id
    _affiliate(
        context, omar, "Farouk Shipping", "Owner",
        started_on=date(2001, 1, 1), ended_on=now.date() - timedelta(days=400),
    )  # fmt: skip
    page.show_actor(omar)
    assert roles.affiliation_label.text().startswith(
        f"Formerly {isolate('Owner')}, {isolate('Farouk Shipping')} (until "
    )
    assert roles.processes_label.text() == "In no process yet"

    context.lock()
    assert roles.affiliation_label.text() == roles.processes_label.text() == ""


def test_a_high_risk_actors_affiliation_is_hidden_like_the_name(
    context: AppContext, qtbot: QtBot
) -> None:
    vault, now = context.vault, context.now()
    yusuf = actors.create_actor(
        vault, NewActor("Yusuf Barakat", sensitivity=Sensitivity.HIGH_RISK), now
    ).id
    _affiliate(context, yusuf, "Coastal Brigades", "Field commander")
    layla = actors.create_actor(vault, NewActor("Layla Haddad"), now).id
    _affiliate(context, layla, "Coastal Women's Forum", "Director")
    giveaway = {"coastal brigades": "yusuf", "field commander": "yusuf"}
    page = _page(context, qtbot, yusuf)
    listing = ActorsView(context)
    qtbot.addWidget(listing)
    listing.reload()

    # Outside privacy mode the name is hidden until revealed, and so is the affiliation:
    # in the header, the Profile tab and the Actors list.
    assert page.name_label.text() != "Yusuf Barakat"
    assert page.roles.affiliation_label.text() == f"Affiliation {WITHHELD}"
    assert not page.affiliation_button.isEnabled()
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
    assert names_on_screen(giveaway, page) == []
    assert names_on_screen(giveaway, listing) == []

    # Once the passphrase reveals the name, the affiliation shows with it.
    context.reveal(yusuf)
    assert page.name_label.text() == "Yusuf Barakat"
    commander = f"{isolate('Field commander')}, {isolate('Coastal Brigades')}"
    assert page.roles.affiliation_label.text() == commander
    assert page.affiliations.rowCount() == 1
    assert names_on_screen(giveaway, listing)

    # Privacy mode hides it again, revealed or not, and every other actor's too (in privacy
    # mode nobody's details stand beside a codename).
    context.set_privacy(True)
    assert page.roles.affiliation_label.text() == f"Affiliation {HIDDEN}"
    assert page.affiliations.rowCount() == 0
    assert names_on_screen(giveaway, page) == []
    assert names_on_screen(giveaway, listing) == []
    page.show_actor(layla)
    assert page.roles.affiliation_label.text() == f"Affiliation {HIDDEN}"
    context.set_privacy(False)
    forum = "Coastal Women's Forum"
    director = f"{isolate('Director')}, {isolate(forum)}"
    assert page.roles.affiliation_label.text() == director
