"""Promise 1 at the core: no plaintext of a record reaches any file, log or temporary file.

A child process, with HOME, every XDG folder and TMPDIR pointed into the test's folder and
Python's logging (SQLAlchemy's statements included) written to a file there, works through
the services with random canary strings in every kind of text a record holds: it creates,
searches, updates, deletes, copies the write-ahead log in the middle of a transaction, and
checkpoints. Then every byte of every file under those folders (and what the child printed)
is searched for every canary, as UTF-8 and UTF-16-LE, as typed and lower-cased.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from tests.helpers.canary import files_under, found_in, new_canary

CHECKOUT = Path(__file__).resolve().parents[2]

FIELDS = (
    "name",
    "variant",
    "codename",
    "note",
    "tag",
    "country",
    "org",
    "org_note",
    "process",
    "process_description",
    "role",
    "channel",
    "summary",
    "followup",
    "followup_note",
    "cue",
    "relationship",
    "updated",
    "mid_transaction",
    "discarded",
)

WORKFLOW = r"""
import json, logging, os, shutil, sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

c = json.load(sys.stdin)
state = Path(os.environ["XDG_STATE_HOME"])
logging.basicConfig(filename=state / "workflow.log", level=logging.DEBUG)
logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # every statement, logged

from contactkeeper.records import (
    actors,
    channels,
    followups,
    interactions,
    organizations,
    processes,
    readiness,
    relationships,
    search,
    trash,
)
from contactkeeper.records.actors import NewActor
from contactkeeper.records.channels import Hop
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.vault.keyfile import KdfParams
from contactkeeper.vault.model import ChannelKind, InteractionKind, ParticipationRole
from contactkeeper.records.readiness import NewCue
from contactkeeper.vault import Vault
from tests.helpers.canary import canaries_in_deleted_files

now = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
place = Path(os.environ["XDG_DATA_HOME"]) / "ContactKeeper" / "vault"
vault = Vault.create(place, "canary test passphrase", kdf=KdfParams(8192, 1, 1))
report = {}

target = actors.create_actor(vault, NewActor(
    c["name"], codename=c["codename"], name_variants=[c["variant"], c["cyrillic"]],
    notes=f"Met at the {c['note']} dinner; {c['arabic']}.", tags=[c["tag"]],
    country=c["country"],
), now)
helper = actors.create_actor(vault, NewActor("Ordinary Helper"), now)
org = organizations.create_organization(vault, c["org"], notes=c["org_note"])
organizations.add_affiliation(vault, target.id, org.id, c["role"])
process = processes.create_process(vault, c["process"], description=c["process_description"])
processes.add_participant(vault, process.id, target.id, ParticipationRole.PARTY)
channel = channels.add_channel(
    vault, target.id, now, kind=ChannelKind.INDIRECT, hops=[Hop(helper.id)], notes=c["channel"]
)
logged = interactions.log_interaction(
    vault, occurred_at=now - timedelta(days=2), kind=InteractionKind.MEETING,
    participants=[target.id, helper.id], summary=f"Talked about {c['summary']}.",
    channel_id=channel.id, process_id=process.id,
    follow_up=NewFollowUp(c["followup"], date(2026, 6, 5), note=c["followup_note"]),
)
kinds = {k.key: k.id for k in readiness.cue_kinds(vault)}
readiness.record_cue(vault, NewCue(
    kinds["way-out"], date(2026, 5, 30), process_id=process.id, actor_id=target.id, note=c["cue"],
))
relationships.add_relationship(
    vault, helper.id, target.id, "can introduce", source=c["relationship"]
)

report["found by name"] = len(search.search(vault, c["name"]))
report["found by summary"] = len(search.search(vault, c["summary"].lower()))
report["found by cyrillic"] = len(search.search(vault, c["cyrillic"][:6]))
actors.update_actor(vault, target.id, now, notes=f"Now: {c['updated']}")
report["found after update"] = len(search.search(vault, c["updated"]))

wal = place / "vault.db-wal"
with vault.transaction() as session:
    actors.add_actor(session, NewActor(c["mid_transaction"], notes=c["mid_transaction"] * 50))
    session.flush()
    shutil.copyfile(wal, state / "wal-copied-mid-transaction")
    report["wal bytes mid-transaction"] = (state / "wal-copied-mid-transaction").stat().st_size
    report["canaries in deleted open files"] = canaries_in_deleted_files(c.values())

doomed = actors.create_actor(vault, NewActor(c["discarded"], notes=c["discarded"]), now)
trash.discard(vault, "actor", doomed.id, "someone", now)
trash.empty(vault)
interactions.delete_interaction(vault, logged.id)
actors.delete_actor(vault, helper.id)
shutil.copyfile(wal, state / "wal-copied-before-checkpoint")
vault.checkpoint()
vault.close()
print(json.dumps(report))
"""


def test_no_canary_reaches_any_file_the_core_writes(tmp_path: Path) -> None:
    canaries = {field: new_canary(field.title().replace("_", "")) for field in FIELDS}
    canaries["cyrillic"] = "Жук" + "".join(
        secrets.choice("бвгджзклмнпрстфхцчшщ") for _ in range(14)
    )
    canaries["arabic"] = "بيت" + "".join(
        secrets.choice("بتثجحخدذرزسشصضطظعغفقلمن") for _ in range(14)
    )
    folders = {
        name: tmp_path / name.lower()
        for name in (
            "HOME",
            "XDG_DATA_HOME",
            "XDG_CONFIG_HOME",
            "XDG_CACHE_HOME",
            "XDG_STATE_HOME",
            "XDG_RUNTIME_DIR",
            "TMPDIR",
        )
    }
    for folder in folders.values():
        folder.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "CONTACTKEEPER_"))}
    env.update({name: str(folder) for name, folder in folders.items()})
    env.update(SQLITE_TMPDIR=str(folders["TMPDIR"]), TMP=str(folders["TMPDIR"]))
    env["TEMP"] = str(folders["TMPDIR"])

    child = subprocess.run(
        [sys.executable, "-c", WORKFLOW],
        input=json.dumps(canaries),
        env=env,
        cwd=CHECKOUT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert child.returncode == 0, (
        "the workflow failed (its error text is withheld: it may hold canaries)"
    )
    report = json.loads(child.stdout)

    # The workflow really wrote and found what it planted...
    assert report["found by name"] == 1
    assert report["found by summary"] == 1
    assert report["found by cyrillic"] == 1
    assert report["found after update"] == 1
    assert report["wal bytes mid-transaction"] > 0
    assert report["canaries in deleted open files"] == {}
    scanned = list(files_under(tmp_path))
    names = {path.name for path in scanned}
    assert {"vault.db", "vault.key", "workflow.log", "wal-copied-mid-transaction"} <= names
    assert (folders["XDG_STATE_HOME"] / "workflow.log").stat().st_size > 1000

    # ...and no byte anywhere holds any of it.
    leaks = {
        str(path.relative_to(tmp_path)): found
        for path in scanned
        if (found := found_in(path.read_bytes(), canaries.values()))
    }
    assert leaks == {}
    printed = (child.stdout + child.stderr).encode("utf-8")
    assert found_in(printed, canaries.values()) == []


def test_the_scan_finds_a_canary_in_any_of_its_forms(tmp_path: Path) -> None:
    canary = new_canary("Control")
    cyrillic = "Жукбвгджзклмнпр"
    (tmp_path / "utf16.txt").write_bytes(f"x {canary} y".encode("utf-16-le"))
    (tmp_path / "folded.bin").write_bytes(b"\x00" + canary.lower().encode() + b"\x00")
    (tmp_path / "cyrillic.txt").write_bytes(cyrillic.lower().encode("utf-8"))
    for path in tmp_path.iterdir():
        assert found_in(path.read_bytes(), [canary, cyrillic]) != [], path.name


def _demo_texts() -> list[str]:
    """Every name, name variant, organization, cue note and follow-up of the demo."""
    from contactkeeper.demo import scenario

    texts = [a.name for a in scenario.ACTORS] + [v for a in scenario.ACTORS for v in a.variants]
    texts += [o.name for o in scenario.ORGANIZATIONS] + [p.name for p in scenario.PROCESSES]
    texts += [cue[-1] for cue in scenario.CUES] + [f[0] for f in scenario.FOLLOW_UPS]
    return texts


def test_a_demo_vault_made_by_the_command_holds_no_plaintext(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "CONTACTKEEPER_"))}
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "TMPDIR"):
        (tmp_path / name.lower()).mkdir()
        env[name] = str(tmp_path / name.lower())
    env["CONTACTKEEPER_PASSPHRASE"] = "demo canary passphrase"
    script = Path(sys.executable).with_name("contactkeeper")
    made = subprocess.run(
        [str(script), "demo"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    vault = tmp_path / "xdg_data_home" / "ContactKeeper" / "demo-vault"
    assert (vault / "vault.db").stat().st_size > 100_000

    texts = _demo_texts()
    assert len(texts) > 100
    leaks = {
        str(path.relative_to(tmp_path)): found
        for path in files_under(tmp_path)
        if (found := found_in(path.read_bytes(), texts))
    }
    assert leaks == {}
