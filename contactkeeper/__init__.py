"""ContactKeeper: a secure relationship manager for track-two diplomacy and mediation."""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "ContactKeeper"  # the name shown, and the name of its folders and settings

try:
    __version__ = version("contactkeeper")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0"
