project = author = "王小明"
copyright = "2012, 王小明"
version = release = "1"
extensions = ["myst_parser", "resume.site"]
resume_as_of = "2012-04"
latex_engine = "xelatex"
