"""The Sphinx skin's base: settings, the domain that keeps the records, the
directives and roles, the nodes, and the pending links the content is made of.
"""
