"""The app's log file, DATA_DIR/logs/ee-desktop.log: readable by the user alone, since a
traceback may quote personal data."""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOGGER = "ee_desktop"
LOG_NAME = "ee-desktop.log"


def log_path(data_dir: Path) -> Path:
    return data_dir / "logs" / LOG_NAME


def attach_log_file(data_dir: Path) -> Path | None:
    """Send the app's log records to its log file; None when the folder cannot be written."""
    path = log_path(data_dir)
    old_umask = os.umask(0o077)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    finally:
        os.umask(old_umask)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger(LOGGER)
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return path


def detach_log_file(path: Path) -> None:
    logger = logging.getLogger(LOGGER)
    for handler in list(logger.handlers):
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path:
            logger.removeHandler(handler)
            handler.close()
