"""ContactKeeper: a secure relationship manager for track-two diplomacy and mediation."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("contactkeeper")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0"
