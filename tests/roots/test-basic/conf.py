import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "_ext"))

project = "Test career"
extensions = ["myst_parser", "resume"]
resume_as_of = "2012-04"
exclude_patterns = ["_build"]
latex_engine = "xelatex"
