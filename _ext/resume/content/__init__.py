"""The content of each aggregate directive, made from the career once every
page is read (:mod:`.fill`), with links Sphinx resolves for every builder.
"""
