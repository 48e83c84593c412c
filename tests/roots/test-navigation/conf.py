project = "Navigation test"
extensions = ["myst_parser", "fast_navigation"]
html_theme = "furo"
