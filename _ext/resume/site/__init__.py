"""The site-level part of the extension: what a knowledge base needs beyond
the ``resume`` extension itself (the book's chapters, fast navigation, valid
ARIA, a quiet console).
"""
