"""Exchange between colleagues: records shared as signed, encrypted bundle files.

The envelope and the people: :mod:`.identity` (this vault's keys, cards, fingerprints),
:mod:`.colleagues` (who bundles are exchanged with), :mod:`.envelope` (sealing and
opening bundles). What is inside a bundle, and how it is merged: :mod:`.sharing`.
"""
