project = "Navigation test"
extensions = ["myst_parser", "resume.site.navigation"]
html_theme = "furo"
