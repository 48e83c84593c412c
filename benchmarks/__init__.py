"""Benchmarks of the ``resume`` extension on synthetic knowledge bases.

``python benchmarks/run.py`` runs them; README.md beside this file holds the
results and explains each measurement.
"""
