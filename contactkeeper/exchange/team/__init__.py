"""Exchange between colleagues: what an exchange bundle carries and how it merges.

:mod:`.sharing` is the public interface: choose what to share (:class:`~.sharing.Selection`,
:func:`~.sharing.preview_selection`), build the payload an exchange bundle carries
(:func:`~.sharing.build_payload`), preview and apply a payload received from a colleague
(:func:`~.sharing.preview_payload`, :func:`~.sharing.apply_payload`) and settle what
conflicts (:func:`~.sharing.pending_conflicts`, :func:`~.sharing.settle_conflict`).
The payload is opaque bytes to the envelope that signs and encrypts it.
"""
