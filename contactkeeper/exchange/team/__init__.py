"""Exchange between colleagues: records shared as signed, encrypted bundle files.

:mod:`.sharing` is the public interface of what a bundle carries: choose what to share
(:class:`~.sharing.Selection`, :func:`~.sharing.preview_selection`), build the payload an
exchange bundle carries (:func:`~.sharing.build_payload`), preview and apply a payload
received from a colleague (:func:`~.sharing.preview_payload`, :func:`~.sharing.apply_payload`)
and settle what conflicts (:func:`~.sharing.pending_conflicts`,
:func:`~.sharing.settle_conflict`).

The envelope and the people: :mod:`.identity` (this vault's keys, cards, fingerprints),
:mod:`.colleagues` (who bundles are exchanged with), :mod:`.envelope` (signing and
encrypting a payload to colleagues, and opening what they send), :mod:`.bundles` (the two
together, for the command line and the desktop).
"""
