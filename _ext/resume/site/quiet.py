"""A build's console says what matters: no debug dump, no false "configuration changed".

Two things made every build noisy, so that real messages were easy to miss:

- myst-parser logs its whole parser configuration (one very long
  ``myst v…: MdParserConfig(...)`` line) on every build. That one message is
  dropped; every other message of myst-parser is kept.
- Furo declares its ``pygments_dark_style`` setting when the HTML builder loads
  the theme, which is after Sphinx has compared this build's settings with the
  ones saved by the last build. The saved settings had it and the new ones do
  not yet, so every incremental build said "The configuration has changed (1
  option: 'pygments_dark_style')". Furo has read the setting by the time the
  environment is saved; a setting declared that late is left out of the saved
  copy, and put back before pages are written.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

MYST_LOGGER = "sphinx.myst_parser.sphinx_ext.main"


class _NoConfigDump(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno == logging.INFO and "MdParserConfig(" in record.getMessage())


_NO_CONFIG_DUMP = _NoConfigDump()


class _Settings:
    """What one application declared in time, and what it declared late."""

    def __init__(self, declared: set[str]) -> None:
        self.declared = declared
        self.late: dict[str, Any] = {}


_SETTINGS: WeakKeyDictionary[Sphinx, _Settings] = WeakKeyDictionary()


def _note_settings(app: Sphinx, config: Config) -> None:
    """``config-inited``: the settings declared before Sphinx compares them."""
    _SETTINGS[app] = _Settings(set(config._options))


def _leave_out_late_settings(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: just before the environment is saved."""
    settings = _SETTINGS.get(app)
    if settings is None:
        return
    options = env.config._options
    settings.late = {name: options.pop(name) for name in sorted(set(options) - settings.declared)}


def _put_back_late_settings(app: Sphinx, builder: Builder) -> None:
    """``write-started``: the environment is saved; pages may read every setting."""
    settings = _SETTINGS.get(app)
    if settings is not None:
        app.config._options.update(settings.late)
        settings.late = {}


def setup(app: Sphinx) -> ExtensionMetadata:
    logger = logging.getLogger(MYST_LOGGER)
    if _NO_CONFIG_DUMP not in logger.filters:
        logger.addFilter(_NO_CONFIG_DUMP)
    app.connect("config-inited", _note_settings)
    app.connect("env-updated", _leave_out_late_settings)
    app.connect("write-started", _put_back_late_settings)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
