"""JSON Resume in and out of the knowledge base.

``-b jsonresume`` (``make json``) writes the site as a JSON Resume document;
``python -m resume.jsonresume.newsite`` (``make new``) makes a new site from one.
The mapping both ways is plain data (:mod:`.export`, :mod:`.importer`); what
JSON Resume has and the résumé model does not is kept in each page's
``jsonresume`` front matter and shown by ``{resume-details}`` (:mod:`.details`).

The mappings (:mod:`.export`, :mod:`.importer`, :mod:`.newsite`, :mod:`.schema`)
import no Sphinx; :mod:`.builder`, :mod:`.details`, :mod:`.config` and
:mod:`.education` are its Sphinx side, wired by :func:`.builder.setup_jsonresume`.
"""
