project = "Hostile input"
author = "A. Tester"
copyright = "2012, A. Tester"
version = release = "1"
extensions = ["myst_parser", "resume"]
resume_as_of = "2012-04"
latex_engine = "xelatex"
