"""For the web site: link previews and preview cards, JSON-LD, sitemap, redirects."""
