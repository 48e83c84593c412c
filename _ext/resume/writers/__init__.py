"""How each builder draws the extension's nodes: one module per output."""
