"""The ``contactkeeper`` command speaks the language chosen for it: the system's (``LANG``),
unless one was saved in Settings; its own help, argparse's words and its error messages.

Each test runs the real command in a fresh process (``python -m contactkeeper``), with the
suite's ``CONTACTKEEPER_LANGUAGE=en`` taken out of its environment and a configuration
folder of its own, so that only what the test sets decides the language.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from contactkeeper import i18n
from contactkeeper.cli import PASSPHRASE_ENV
from contactkeeper.vault import Vault
from contactkeeper.vault.keyfile import FLOOR
from tests.conftest import PASSPHRASE

# Every variable that could choose a language or a passphrase for the child.
_CHOOSERS = (i18n.ENVIRONMENT, *i18n.SYSTEM_VARIABLES, "LC_TIME", PASSPHRASE_ENV)


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A configuration folder of the test's own, for the child and for this process (so
    that :func:`i18n.save_choice` here writes where the child reads)."""
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


def contactkeeper(
    config_home: Path, *args: str, **variables: str
) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if name not in _CHOOSERS}
    env["XDG_CONFIG_HOME"] = str(config_home)
    env.update(variables)
    return subprocess.run(
        [sys.executable, "-m", "contactkeeper", *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def test_help_answers_in_arabic_under_an_arabic_system_locale(config_home: Path) -> None:
    done = contactkeeper(config_home, "--help", LANG="ar_EG.UTF-8")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("الاستخدام: contactkeeper")  # argparse's own "usage:"
    assert "الوسائط الموضعية" in out  # and its "positional arguments"
    assert "مدير علاقات آمن لدبلوماسية المسار الثاني والوساطة" in out  # the description
    assert "إنشاء خزنة جديدة" in out  # "init: create a new vault"
    assert "usage:" not in out
    assert "create a new vault" not in out


def test_help_answers_in_french_under_a_french_system_locale(config_home: Path) -> None:
    done = contactkeeper(config_home, "--help", LANG="fr_FR.UTF-8")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("utilisation : contactkeeper")
    assert "diplomatie de voie 2" in out
    assert "créer un nouveau coffre" in out
    assert "afficher ce message d'aide et quitter" in out
    assert "create a new vault" not in out


def test_a_subcommands_help_and_usage_mistake_in_french(config_home: Path) -> None:
    done = contactkeeper(config_home, "backup", "create", "--help", LANG="fr_FR.UTF-8")
    assert done.returncode == 0, done.stderr
    assert "Écrire une nouvelle sauvegarde, vérifiée." in done.stdout  # its description
    assert "le nouveau fichier de sauvegarde, ou un dossier" in done.stdout
    assert "--vault CHEMIN" in done.stdout  # the metavars too

    wrong = contactkeeper(config_home, "export", "--format", "pdf", "x", LANG="fr_FR.UTF-8")
    assert wrong.returncode == 2
    assert "contactkeeper export : erreur : argument --format : choix invalide" in wrong.stderr


def test_an_error_message_in_french(config_home: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-file"
    done = contactkeeper(
        config_home,
        "info",
        "--vault",
        str(tmp_path / "vault"),
        "--passphrase-file",
        str(missing),
        LANG="fr_FR.UTF-8",
    )
    assert done.returncode == 1
    assert done.stderr.startswith(
        f"contactkeeper: impossible de lire le fichier de phrase secrète {missing} : "
    )
    assert done.stderr.count("\n") == 1  # one line, no traceback


def test_an_unknown_actor_is_reported_in_french(config_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    Vault.create(folder, PASSPHRASE, kdf=FLOOR).close()  # a key file the real program opens
    done = contactkeeper(
        config_home,
        "paths",
        "Nobody",
        "--vault",
        str(folder),
        LANG="fr_FR.UTF-8",
        **{PASSPHRASE_ENV: PASSPHRASE},
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr == (
        "contactkeeper: aucun acteur ne correspond à « Nobody » ; essayez `contactkeeper search`\n"
    )


def test_the_language_saved_in_settings_wins_over_the_system_locale(config_home: Path) -> None:
    i18n.save_choice("fr")
    assert (config_home / "ContactKeeper" / i18n.CHOICE_FILE).read_text().strip() == "fr"
    done = contactkeeper(config_home, "--help", LANG="ar_EG.UTF-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("utilisation : contactkeeper")
    assert "الاستخدام" not in done.stdout

    i18n.save_choice(None)  # back to the system's language
    done = contactkeeper(config_home, "--help", LANG="ar_EG.UTF-8")
    assert done.stdout.startswith("الاستخدام: contactkeeper")
