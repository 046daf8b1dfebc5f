"""Widget updates made only when they change something. The editor checks the document
after each pause in typing; setting the same text, visibility or style again would lay
out and repaint for nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def set_text(widget: QLabel | QAbstractButton, text: str) -> None:
    if widget.text() != text:
        widget.setText(text)


def set_shown(widget: QWidget, on: bool) -> None:
    if widget.isHidden() == on:
        widget.setVisible(on)


def set_style(widget: QWidget, style: str) -> None:
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)


def set_tooltip(widget: QWidget, text: str) -> None:
    if widget.toolTip() != text:
        widget.setToolTip(text)
