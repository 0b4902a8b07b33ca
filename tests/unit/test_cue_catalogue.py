"""The catalogue of cue kinds, as a practitioner edits it: kinds grouped by family, renamed
without losing their cues, retired and brought back, and never deleted while in use."""

from __future__ import annotations

from datetime import date

import pytest

from contactkeeper.errors import CueKindInUse, InvalidRecord, RecordNotFound
from contactkeeper.records import cue_catalogue, processes, readiness
from contactkeeper.records.readiness import NewCue
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Dimension, Direction


def _kind(vault: Vault, key: str) -> readiness.CueKindInfo:
    return next(k for k in readiness.cue_kinds(vault) if k.key == key)


def _cue(vault: Vault, kind_id: int) -> readiness.CueInfo:
    talks = processes.create_process(vault, "Highland talks").id
    return readiness.record_cue(vault, NewCue(kind_id, date(2026, 5, 1), process_id=talks))


def test_the_catalogue_groups_kinds_by_family_with_each_familys_description(
    vault: Vault,
) -> None:
    families = cue_catalogue.catalogue(vault)
    by_key = {f.key: f for f in families}
    assert list(by_key)[:2] == ["stalemate", "catastrophe"]
    assert by_key["stalemate"].label == "Perceived hurting stalemate"
    assert "cannot win" in by_key["stalemate"].description
    assert "hurting-stalemate" in [k.kind.key for k in by_key["stalemate"].kinds]
    assert "hardening" in [k.kind.key for k in by_key["counter"].kinds]
    # Every kind is listed once.
    listed = [k.kind.id for f in families for k in f.kinds]
    assert sorted(listed) == sorted(k.id for k in readiness.cue_kinds(vault))


def test_a_kind_added_with_its_family_dimension_and_direction_is_offered_at_once(
    vault: Vault,
) -> None:
    added = readiness.add_cue_kind(
        vault,
        "Militia commanders ask about amnesty",
        Direction.TOWARD,
        "Fighters' leaders sound out what would happen to them after a deal.",
        Dimension.OPTIMISM,
        "way-out",
    )
    [family] = [f for f in cue_catalogue.catalogue(vault) if f.key == "way-out"]
    [listed] = [k for k in family.kinds if k.kind.id == added.id]
    assert listed.kind.dimension is Dimension.OPTIMISM
    assert listed.uses == 0
    assert listed.deletable
    assert added.id in [k.id for k in readiness.cue_kinds(vault, include_retired=False)]


def test_a_renamed_kind_keeps_its_cues_and_its_old_label_is_free_again(vault: Vault) -> None:
    hardening = _kind(vault, "hardening")
    cue = _cue(vault, hardening.id)
    readiness.update_cue_kind(vault, hardening.id, "Leadership hardens in public")
    assert readiness.get_cue(vault, cue.id).kind_label == "Leadership hardens in public"
    renamed = _kind(vault, "hardening")
    assert renamed.usual_direction is Direction.AWAY  # only the label changed
    assert renamed.description == hardening.description
    again = readiness.add_cue_kind(vault, hardening.label, Direction.AWAY)
    assert again.key == "hardening-2"


def test_two_kinds_cannot_read_the_same(vault: Vault) -> None:
    way_out = _kind(vault, "way-out")
    with pytest.raises(InvalidRecord, match="already in the catalogue"):
        readiness.update_cue_kind(vault, _kind(vault, "hardening").id, way_out.label.upper())
    with pytest.raises(InvalidRecord, match="Cue kind"):
        readiness.update_cue_kind(vault, way_out.id, "   ")


def test_a_kind_in_use_is_never_deleted_the_error_says_to_retire_it(vault: Vault) -> None:
    hardening = _kind(vault, "hardening")
    _cue(vault, hardening.id)
    with pytest.raises(CueKindInUse) as refused:
        readiness.delete_cue_kind(vault, hardening.id)
    assert refused.value.uses == 1
    assert "used by 1 cue, so it cannot be deleted" in refused.value.message
    assert "Retire it instead" in refused.value.message
    assert hardening.id in [k.id for k in readiness.cue_kinds(vault)]
    # Retired, it is offered no more for new cues; its cue keeps it; it can come back.
    readiness.retire_cue_kind(vault, hardening.id)
    assert hardening.id not in [k.id for k in readiness.cue_kinds(vault, include_retired=False)]
    [counter] = [f for f in cue_catalogue.catalogue(vault) if f.key == "counter"]
    [listed] = [k for k in counter.kinds if k.kind.id == hardening.id]
    assert listed.kind.retired
    assert listed.uses == 1
    assert not listed.deletable
    readiness.retire_cue_kind(vault, hardening.id, False)
    assert hardening.id in [k.id for k in readiness.cue_kinds(vault, include_retired=False)]


def test_an_unused_kind_is_deleted(vault: Vault) -> None:
    added = readiness.add_cue_kind(vault, "Ceasefire violations drop", Direction.TOWARD)
    readiness.delete_cue_kind(vault, added.id)
    assert added.id not in [k.id for k in readiness.cue_kinds(vault)]
    with pytest.raises(RecordNotFound):
        readiness.delete_cue_kind(vault, added.id)
