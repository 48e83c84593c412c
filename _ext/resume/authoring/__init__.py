"""Support for the author: every problem reported on every build, checks of
the source as typed, cross-page consistency, the live preview's problem box.
"""
