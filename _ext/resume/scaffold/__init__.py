"""What a site made by ``make new`` shares with this project, and how it gets
a newer version: the machinery manifest (:mod:`.machinery`), the starter's
own pages (``starter/``) and ``make upgrade`` (:mod:`.upgrade`). Pure Python;
no Sphinx is loaded.
"""
