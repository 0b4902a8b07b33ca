"""The actor page says which of an actor's values came from a colleague, and keeps what a
merge replaced in view ("From Nour Khalidi, 1 June 2026: name, ..., country"); in privacy
mode it says nothing of it."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from contactkeeper.exchange.team import sharing
from contactkeeper.exchange.team.sharing import Selection
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.views.actor_page import ActorPage
from contactkeeper.records import actors
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from tests.gui.window_helpers import show_active


def test_the_page_names_the_colleague_a_value_came_from_and_what_it_replaced(
    context: AppContext, qtbot: QtBot, make_vault: Callable[..., Vault]
) -> None:
    nour, now = make_vault("nour"), context.now()
    samir = actors.create_actor(nour, NewActor("Samir Khoury", country="Jordan"), now)
    only_samir = Selection(actor_ids=frozenset({samir.id}))

    def receive() -> None:
        payload = sharing.build_payload(nour, only_samir, sender_name="Nour", now=now)
        sharing.apply_payload(context.vault, payload, sender="Nour Khalidi", received_at=now)

    receive()
    actors.update_actor(nour, samir.id, now, country="Lebanon")
    receive()
    here = actors.find_by_uuid(context.vault, samir.uuid)
    own = actors.create_actor(context.vault, NewActor("Amal Haddad"), now).id
    assert here is not None

    page = ActorPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 640)
    show_active(qtbot, page)
    page.show_actor(here)
    shown = page.provenance_label.text()
    assert not page.provenance_label.isHidden(), shown
    assert shown.startswith("From \u2068Nour Khalidi\u2069, 1 June 2026: name, codename")
    assert "country" in shown.splitlines()[0]
    assert "Replaced or lost in merges:" in shown
    assert "Jordan" in shown

    context.set_privacy(True)
    page.show_actor(here)
    assert page.provenance_label.isHidden()
    assert "Jordan" not in page.provenance_label.text()

    context.set_privacy(False)
    page.show_actor(own)
    assert page.provenance_caption.isHidden()
