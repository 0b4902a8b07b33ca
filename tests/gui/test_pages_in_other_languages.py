"""The process, organization and track-two pages in another language: the vault's fixed
choices (a track, a phase, a kind of organization, an answer to an invitation) read as
words of that language while the vault keeps storing its own; figures are written with the
language's digits, a signed figure keeping its sign before it in Arabic; counts take the
form their number asks for."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from contactkeeper import i18n
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.enum_words import word
from contactkeeper.gui.views.organization_page import OrganizationPage
from contactkeeper.gui.views.processes import ProcessesView
from contactkeeper.gui.views.track_two import EventPage
from contactkeeper.records import organizations, processes, readiness
from contactkeeper.records.readiness import NewCue
from contactkeeper.vault import vocabulary
from contactkeeper.vault.model import InvitationStatus, OrganizationKind, ProcessPhase, Track
from tests.gui.window_helpers import show_active

ARABIC_DIGITS = set("٠١٢٣٤٥٦٧٨٩")


@pytest.fixture
def speaking() -> Iterator[None]:
    """Each test chooses its language; English again after."""
    yield
    i18n.set_language(i18n.ENGLISH)


def _processes_view(qtbot: QtBot, context: AppContext) -> ProcessesView:
    view = ProcessesView(context)
    qtbot.addWidget(view)
    view.resize(1000, 300)
    show_active(qtbot, view)
    return view


def test_the_fixed_choices_read_in_the_language_and_the_vault_keeps_its_words(
    qtbot: QtBot, context: AppContext, speaking: None
) -> None:
    i18n.set_language(i18n.PSEUDO)  # every translated word comes out as ⟦…⟧
    view = _processes_view(qtbot, context)
    tracks = [view.track.itemText(i) for i in range(view.track.count())]
    phases = [view.phase.itemText(i) for i in range(view.phase.count())]
    assert tracks == [i18n.pseudo(t.value) for t in Track]
    assert phases == [i18n.pseudo(p.value) for p in ProcessPhase]
    view.name.setText("Coastal dialogue")
    view.phase.setCurrentIndex(view.phase.findData(ProcessPhase.NEGOTIATION.value))
    view.create_process()
    created = processes.list_processes(context.vault)[0]
    assert (created.track, created.phase) == (Track.TWO, ProcessPhase.NEGOTIATION)
    row = [view.model.index(0, c).data() for c in range(view.model.columnCount())]
    assert row[1:3] == [i18n.pseudo("track two"), i18n.pseudo("negotiation")]


def test_every_fixed_choice_shown_on_these_pages_has_its_word(speaking: None) -> None:
    i18n.set_language(i18n.PSEUDO)
    families = (
        vocabulary.Track,
        vocabulary.ProcessPhase,
        vocabulary.ParticipationRole,
        vocabulary.OrganizationKind,
        vocabulary.InteractionKind,
        vocabulary.Direction,
        vocabulary.AttributionRule,
        vocabulary.EventKind,
        vocabulary.InvitationStatus,
        vocabulary.EventRole,
        vocabulary.OutcomeKind,
        vocabulary.TransferKind,
        vocabulary.TransferResult,
        vocabulary.ReviewDecision,
    )
    for family in families:
        for value in family:
            assert word(value) == i18n.pseudo(value.value), value
    i18n.set_language(i18n.ENGLISH)
    assert word(OrganizationKind.NGO) == "NGO"  # English reads as the vault stores


def test_an_ngo_is_written_ngo_on_its_page(qtbot: QtBot, context: AppContext) -> None:
    """The kind opens the summary with a capital, and an acronym stays one ("Ngo" before)."""
    ngo = organizations.create_organization(
        context.vault, "Women of the Valley", OrganizationKind.NGO, "Verenia"
    )
    page = OrganizationPage(context)
    qtbot.addWidget(page)
    page.show_organization(ngo.id)
    assert page.facts_label.text().startswith("NGO · ")
    assert "0 members now, 0 before" in page.facts_label.text()


def test_in_arabic_a_readiness_figure_has_arabic_digits_and_its_sign_before_it(
    qtbot: QtBot, context: AppContext, speaking: None
) -> None:
    vault, day = context.vault, context.now().date()
    coast = processes.create_process(vault, "Coastal dialogue")
    kind = next(k.id for k in readiness.cue_kinds(vault) if k.key == "back-channel-request")
    readiness.record_cue(
        vault,
        NewCue(
            kind,
            day - timedelta(days=5),
            process_id=coast.id,
            strength=3,
            reliability="A",
            credibility=1,
        ),
    )
    i18n.set_language("ar")
    view = _processes_view(qtbot, context)
    figure = str(view.model.index(0, 4).data())
    trend = str(view.model.index(0, 5).data())
    # Kept left to right inside the Arabic line: "+٢٫٤", never "٢٫٤+".
    assert figure.startswith(i18n.FSI)
    assert figure.endswith(i18n.PDI)
    assert figure[1] in "+-"
    assert set(figure[2:-1]) <= ARABIC_DIGITS | {"٫"}
    assert trend[0] in "▲▼"
    assert set(trend) & ARABIC_DIGITS
    assert "." not in figure + trend


def test_an_invitation_s_answer_is_offered_in_the_language(
    qtbot: QtBot, context: AppContext, speaking: None
) -> None:
    i18n.set_language(i18n.PSEUDO)
    page = EventPage(context)
    qtbot.addWidget(page)
    answers = [page.status.itemText(i) for i in range(page.status.count())]
    stored = [page.status.itemData(i) for i in range(page.status.count())]
    assert answers == [i18n.pseudo(s.value) for s in InvitationStatus]
    assert stored == [s.value for s in InvitationStatus]
