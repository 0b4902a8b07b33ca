"""The PySide6 desktop application. Only this package may import Qt."""
