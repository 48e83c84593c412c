"""Drawings: the timeline's layout (:mod:`.timeline`, :mod:`.labels`), one drawing
model (:mod:`.geometry`) and its SVG and TikZ renderings, the palette, preview cards.
"""
