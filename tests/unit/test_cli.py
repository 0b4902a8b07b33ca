"""The ``contactkeeper`` command, run in-process: what a person types and reads."""

from __future__ import annotations

import io
import json
import sys
import textwrap
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contactkeeper import cli
from contactkeeper import vault as vault_module
from contactkeeper.records import actors, search
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault, schema_head
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
NEW_PASSPHRASE = "a different passphrase entirely"


@pytest.fixture(autouse=True)
def _quick_and_private(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep the commands off the real home, and their key derivation cheap.

    ``init`` and ``demo`` calibrate Argon2id to half a second; here they get the suite's
    cheap parameters instead (the real ones are exercised by tests/unit/test_keyfile.py and
    tests/integration/test_cli_subprocess.py).
    """
    monkeypatch.setattr(vault_module, "calibrate", lambda *a, **k: FAST_KDF)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.delenv(cli.PASSPHRASE_ENV, raising=False)


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[str]]:
    """Answer the passphrase prompts with these strings, in order.

    There is no terminal under pytest, so the terminal and getpass's answers are faked.
    Returns the list of prompts shown, so a test can check what was asked.
    """
    shown: list[str] = []
    monkeypatch.setattr(cli, "_interactive", lambda: True)

    def answer(*answers: str | type[BaseException]) -> list[str]:
        queue = list(answers)

        def fake_getpass(prompt: str = "Password: ", stream: object = None) -> str:
            shown.append(prompt)
            value = queue.pop(0)
            if isinstance(value, type):
                raise value()
            return value

        monkeypatch.setattr(cli.getpass, "getpass", fake_getpass)
        return shown

    return answer


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    """A vault on disk holding two actors; closed, as a command finds it."""
    path = tmp_path / "existing"
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as vault:
        actors.create_actor(
            vault, NewActor("Layla Haddad", codename="AMBER WREN", notes="Forum director"), NOW
        )
        # A codename of its own: a random one starting "Li" matched "lay" (one of whose
        # spellings is "li"), one run in forty.
        actors.create_actor(
            vault,
            NewActor("Karim Nassar", codename="STONE HERON", name_variants=["كريم نصار"]),
            NOW,
        )
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def passphrase_file(tmp_path: Path, text: str, name: str = "pass.txt") -> str:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


# -- init -------------------------------------------------------------------------------


def test_init_asks_for_the_passphrase_twice_and_creates_the_vault(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: Callable[..., list[str]]
) -> None:
    prompts = typed(PASSPHRASE, PASSPHRASE)
    status, out, err = run(capsys, "init", "--vault", str(tmp_path / "new"))
    assert (status, err) == (0, "")
    assert len(prompts) == 2
    assert "Created a vault" in out
    with Vault.unlock(tmp_path / "new", PASSPHRASE) as vault:
        assert vault.schema_revision() == schema_head()


def test_init_refuses_two_different_passphrases_and_makes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: Callable[..., list[str]]
) -> None:
    typed(PASSPHRASE, PASSPHRASE + "!")
    status, _, err = run(capsys, "init", "--vault", str(tmp_path / "new"))
    assert status == 1
    assert err == "contactkeeper: the two passphrases differ; nothing was changed\n"
    assert not (tmp_path / "new").exists()


def test_init_refuses_a_weak_passphrase_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: Callable[..., list[str]]
) -> None:
    prompts = typed("short")
    status, _, err = run(capsys, "init", "--vault", str(tmp_path / "new"))
    assert status == 1
    assert "at least 8 characters" in err
    assert len(prompts) == 1  # refused before asking for it again
    assert not (tmp_path / "new").exists()


def test_init_refuses_a_weak_passphrase_from_the_environment_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, "short")
    status, _, err = run(capsys, "init", "--vault", str(tmp_path / "new"))
    assert status == 1
    assert "at least 8 characters" in err


def test_init_never_overwrites_an_existing_vault(
    existing: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {p.name: p.read_bytes() for p in existing.iterdir()}
    monkeypatch.setenv(cli.PASSPHRASE_ENV, NEW_PASSPHRASE)
    status, _, err = run(capsys, "init", "--vault", str(existing))
    assert status == 1
    assert "will not overwrite" in err
    assert {p.name: p.read_bytes() for p in existing.iterdir()} == before


def test_without_vault_option_the_vault_lives_in_the_user_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    status, _, _ = run(capsys, "init")
    assert status == 0
    assert (tmp_path / "data-home" / "ContactKeeper" / "vault" / "vault.key").is_file()


# -- passphrases ------------------------------------------------------------------------


def test_a_passphrase_file_is_read_without_its_line_break(
    existing: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = passphrase_file(tmp_path, PASSPHRASE)
    status, out, _ = run(capsys, "info", "--vault", str(existing), "--passphrase-file", secret)
    assert status == 0
    assert "actors:" in out


def test_the_passphrase_file_wins_over_the_environment(
    existing: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, "not the passphrase")
    secret = passphrase_file(tmp_path, PASSPHRASE)
    status, _, _ = run(capsys, "info", "--vault", str(existing), "--passphrase-file", secret)
    assert status == 0


def test_a_missing_passphrase_file_is_one_clear_line(
    existing: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "nowhere.txt")
    status, out, err = run(capsys, "info", "--vault", str(existing), "--passphrase-file", missing)
    assert status == 1
    assert out == ""
    assert err.startswith("contactkeeper: cannot read the passphrase file ")
    assert err.count("\n") == 1


def test_a_wrong_passphrase_is_one_line_without_a_traceback(
    existing: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, "not the passphrase")
    status, out, err = run(capsys, "info", "--vault", str(existing))
    assert status == 1
    assert out == ""
    assert err.startswith("contactkeeper: That passphrase does not open this vault.")
    assert "Traceback" not in err
    assert err.count("\n") == 1


def test_a_folder_that_is_not_a_vault_is_named_in_the_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    (tmp_path / "photos").mkdir()
    status, _, err = run(capsys, "info", "--vault", str(tmp_path / "photos"))
    assert status == 1
    assert "photos is not a ContactKeeper vault" in err


def test_no_passphrase_at_all_says_where_one_can_come_from(
    existing: Path, capsys: pytest.CaptureFixture[str], typed: Callable[..., list[str]]
) -> None:
    typed(EOFError)
    status, _, err = run(capsys, "info", "--vault", str(existing))
    assert status == 1
    assert "--passphrase-file" in err
    assert cli.PASSPHRASE_ENV in err


def test_ctrl_c_at_the_prompt_exits_130_quietly(
    existing: Path, capsys: pytest.CaptureFixture[str], typed: Callable[..., list[str]]
) -> None:
    typed(KeyboardInterrupt)
    status, _, err = run(capsys, "info", "--vault", str(existing))
    assert status == 130
    assert "Traceback" not in err


def test_from_a_pipe_the_passphrase_is_the_next_line(
    existing: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{PASSPHRASE}\n"))
    status, out, err = run(capsys, "info", "--vault", str(existing))
    assert (status, err) == (0, "")
    assert "actors:" in out


def test_init_from_a_pipe_reads_the_passphrase_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{PASSPHRASE}\n{PASSPHRASE}\n"))
    status, _, err = run(capsys, "init", "--vault", str(tmp_path / "piped"))
    assert (status, err) == (0, "")
    Vault.unlock(tmp_path / "piped", PASSPHRASE).close()


def test_an_empty_pipe_is_no_passphrase(
    existing: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    status, _, err = run(capsys, "info", "--vault", str(existing))
    assert status == 1
    assert err.startswith("contactkeeper: no passphrase given")


# -- info, check, search ----------------------------------------------------------------


def test_info_counts_records_and_shows_schema_key_derivation_and_backup(
    existing: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    status, out, _ = run(capsys, "info", "--vault", str(existing))
    assert status == 0
    lines = dict(line.split(":", 1) for line in out.splitlines())
    assert lines["actors"].strip() == "2"
    assert lines["interactions"].strip() == "0"
    assert lines["schema"].strip() == f"{schema_head()} (newest)"
    assert lines["key derivation"].strip() == "Argon2id, 8 MiB, 1 pass, 1 lane"
    assert lines["last backup"].strip() == "never"
    with Vault.unlock(existing, PASSPHRASE) as vault:
        assert lines["vault id"].strip() == vault.vault_id


def test_info_as_json_for_scripts(
    existing: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    status, out, _ = run(capsys, "info", "--vault", str(existing), "--json")
    assert status == 0
    body = json.loads(out)
    assert body["counts"]["actors"] == 2
    assert body["schema_revision"] == body["schema_head"] == schema_head()
    assert body["kdf"] == {"name": "argon2id", "memory_kib": 8192, "iterations": 1, "lanes": 1}
    assert body["last_backup_at"] is None


def test_check_passes_on_an_intact_vault(
    existing: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    status, out, _ = run(capsys, "check", "--vault", str(existing))
    assert status == 0
    assert "SQLCipher page check: ok" in out
    assert "SQLite integrity check: ok" in out
    assert "The vault is intact." in out


def test_check_fails_loudly_on_a_damaged_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "damaged"
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as vault:
        for i in range(30):
            actors.create_actor(vault, NewActor(f"Person {i}", notes="words " * 500), NOW)
        vault.checkpoint()
    db = path / "vault.db"
    data = bytearray(db.read_bytes())
    data[-2000] ^= 0x01  # a bit in the last page: a record's page, not the schema's
    db.write_bytes(bytes(data))
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    status, out, err = run(capsys, "check", "--vault", str(path))
    assert status == 1
    assert "SQLCipher page check: FAILED" in out
    assert "HMAC verification failed for page" in out
    assert "SQLite integrity check: FAILED" in out
    assert len(out.splitlines()) < 50  # long reports are cut to the first lines of each check
    assert "damaged" in err


def test_search_lists_ranked_hits_with_kind_title_and_subtitle(
    existing: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    status, out, _ = run(capsys, "search", "lay", "--vault", str(existing))
    assert status == 0
    assert out.splitlines() == ["actor  Layla Haddad  (AMBER WREN)"]


def test_search_in_another_script_as_json(
    existing: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    status, out, _ = run(capsys, "search", "كريم", "--json", "--vault", str(existing))
    assert status == 0
    hits = json.loads(out)
    assert [(h["kind"], h["title"]) for h in hits] == [("actor", "Karim Nassar")]
    assert set(hits[0]) >= {"kind", "id", "uuid", "title", "subtitle", "rank"}


def test_search_limit_caps_the_hits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "many"
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as vault:
        for i in range(5):
            actors.create_actor(vault, NewActor(f"Nadia {i}"), NOW)
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    status, out, _ = run(capsys, "search", "nadia", "--limit", "3", "--vault", str(path))
    assert status == 0
    assert len(out.splitlines()) == 3


def test_search_says_on_stderr_when_more_names_match_than_are_ranked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``RANKED_AT_MOST`` (1,000) set to 4 so that a small vault passes it."""
    path = tmp_path / "many"
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as vault:
        for i in range(6):
            actors.create_actor(vault, NewActor(f"Nadia {i}", codename=f"HERON {i}"), NOW)
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    monkeypatch.setattr(search, "RANKED_AT_MOST", 4)
    status, out, err = run(capsys, "search", "n", "--limit", "2", "--vault", str(path))
    assert status == 0
    assert len(out.splitlines()) == 2
    assert {line.split()[2] for line in out.splitlines()} <= {"2", "3", "4", "5"}  # the newest
    assert err.startswith("More than 4 names match “n”: the best of the most recently added")
    status, out, err = run(capsys, "search", "nadia 1", "--limit", "2", "--vault", str(path))
    assert (status, out, err) == (0, "actor  Nadia 1  (HERON 1)\n", "")  # the oldest but one


def test_search_with_no_match_says_so_on_stderr(
    existing: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    status, out, err = run(capsys, "search", "zebra", "--vault", str(existing))
    assert (status, out, err) == (0, "", "No matches.\n")


# -- passwd -----------------------------------------------------------------------------


def test_passwd_from_files_makes_the_new_passphrase_the_only_one(
    existing: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = passphrase_file(tmp_path, PASSPHRASE, "old.txt")
    new = passphrase_file(tmp_path, NEW_PASSPHRASE, "new.txt")
    db_before = (existing / "vault.db").read_bytes()
    status, out, _ = run(
        capsys,
        "passwd",
        "--vault",
        str(existing),
        "--passphrase-file",
        old,
        "--new-passphrase-file",
        new,
    )
    assert status == 0
    assert "changed" in out
    status, _, err = run(capsys, "info", "--vault", str(existing), "--passphrase-file", old)
    assert status == 1
    assert "does not open" in err
    status, _, _ = run(capsys, "info", "--vault", str(existing), "--passphrase-file", new)
    assert status == 0
    assert (existing / "vault.db").read_bytes() == db_before


def test_passwd_prompts_for_the_new_passphrase_twice(
    existing: Path, capsys: pytest.CaptureFixture[str], typed: Callable[..., list[str]]
) -> None:
    prompts = typed(PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
    status, _, err = run(capsys, "passwd", "--vault", str(existing))
    assert (status, err) == (0, "")
    assert prompts == ["Current passphrase: ", "New passphrase: ", "Same new passphrase again: "]
    Vault.unlock(existing, NEW_PASSPHRASE).close()


def test_passwd_keeps_the_old_passphrase_when_the_new_ones_differ(
    existing: Path, capsys: pytest.CaptureFixture[str], typed: Callable[..., list[str]]
) -> None:
    typed(PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE + "?")
    status, _, err = run(capsys, "passwd", "--vault", str(existing))
    assert status == 1
    assert "differ" in err
    Vault.unlock(existing, PASSPHRASE).close()


def test_passwd_refuses_a_weak_new_passphrase_before_asking_again(
    existing: Path, capsys: pytest.CaptureFixture[str], typed: Callable[..., list[str]]
) -> None:
    prompts = typed(PASSPHRASE, "weak")
    status, _, err = run(capsys, "passwd", "--vault", str(existing))
    assert status == 1
    assert "at least 8 characters" in err
    assert prompts == ["Current passphrase: ", "New passphrase: "]
    Vault.unlock(existing, PASSPHRASE).close()


def test_passwd_with_a_wrong_current_passphrase_asks_nothing_more(
    existing: Path, capsys: pytest.CaptureFixture[str], typed: Callable[..., list[str]]
) -> None:
    prompts = typed("not the passphrase")
    status, _, err = run(capsys, "passwd", "--vault", str(existing))
    assert status == 1
    assert "does not open this vault" in err
    assert prompts == ["Current passphrase: "]
    Vault.unlock(existing, PASSPHRASE).close()


# -- demo, usage, extensions ------------------------------------------------------------


def test_demo_creates_a_fictional_vault_and_never_touches_an_existing_one(
    tmp_path: Path,
    existing: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    status, out, _ = run(capsys, "demo", "--vault", str(tmp_path / "demo"))
    assert status == 0
    assert "fictional" in out
    with Vault.unlock(tmp_path / "demo", PASSPHRASE) as vault:
        assert actors.count_actors(vault, NOW) >= 25
    before = {p.name: p.read_bytes() for p in existing.iterdir()}
    status, _, err = run(capsys, "demo", "--vault", str(existing))
    assert status == 1
    assert "will not overwrite" in err
    assert {p.name: p.read_bytes() for p in existing.iterdir()} == before


def test_a_usage_mistake_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "frobnicate")
    assert status == 2
    assert "invalid choice" in err


def test_search_without_a_query_is_a_usage_mistake(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "search")
    assert status == 2
    assert "QUERY" in err


def test_help_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--help")
    assert status == 0
    for command in ("init", "info", "check", "passwd", "search", "demo"):
        assert command in out


def test_an_extension_module_adds_its_own_subcommand(
    tmp_path: Path,
    existing: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "ck_extension_for_test.py").write_text(
        textwrap.dedent(
            """
            from contactkeeper.records import actors
            from contactkeeper import cli

            def handler(args):
                with cli.unlock_vault(args) as vault:
                    print("actors:", len(actors.all_tags(vault)) + 2)
                return 7

            def register(subparsers):
                parser = subparsers.add_parser("count-twice")
                cli.add_vault_arguments(parser)
                parser.set_defaults(func=handler)
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(cli, "EXTENSIONS", ("ck_extension_for_test",))
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    status, out, _ = run(capsys, "count-twice", "--vault", str(existing))
    assert (status, out) == (7, "actors: 2\n")
    monkeypatch.delitem(sys.modules, "ck_extension_for_test")


def test_demo_without_vault_option_stays_away_from_the_real_vault(tmp_path: Path) -> None:
    data = tmp_path / "data-home" / "ContactKeeper"
    assert cli.vault_path(cli.build_parser().parse_args(["demo"])) == data / "demo-vault"
    assert cli.vault_path(cli.build_parser().parse_args(["info"])) == data / "vault"


def test_backup_import_export_and_device_commands_are_offered(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["--help"]) == 0
    listed = capsys.readouterr().out
    for command in ("backup", "import", "export", "remember", "forget-device", "destroy"):
        assert f"    {command}" in listed
