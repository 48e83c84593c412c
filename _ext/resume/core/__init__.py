"""The pure core: records read from front matter, dates, the career's queries,
the author's order and the warning vocabulary. Imports neither Sphinx nor docutils.
"""
