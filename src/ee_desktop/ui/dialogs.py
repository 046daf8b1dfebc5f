"""Small dialogs: passphrase, validation problems, about."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from ee_desktop import __version__
from ee_desktop.store.keys import MIN_PASSPHRASE_LENGTH, passphrase_length


class PassphraseDialog(QDialog):
    """Asks for the passphrase of an existing database, or for a new one (typed twice)."""

    def __init__(self, new: bool, error: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._new = new
        self.setWindowTitle(self.tr("ee-desktop: passphrase"))
        layout = QVBoxLayout(self)
        if new:
            intro = self.tr(
                "Your personal data is encrypted on this computer. No system keyring is "
                "available to keep the key, so choose a passphrase (at least %n characters). "
                "It cannot be recovered if you lose it.",
                "",
                MIN_PASSPHRASE_LENGTH,
            )
        else:
            intro = self.tr("Enter the passphrase that protects your ee-desktop data.")
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("passphrase_repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        if new:
            form.addRow(self.tr("&Repeat it:"), self.repeat)
        layout.addLayout(form)
        self.message = QLabel(error)
        self.message.setVisible(bool(error))
        self.message.setObjectName("passphrase_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def accept(self) -> None:
        value = self.passphrase.text()
        if self._new and passphrase_length(value) < MIN_PASSPHRASE_LENGTH:
            problem = self.tr(
                "The passphrase needs at least %n characters.", "", MIN_PASSPHRASE_LENGTH
            )
        elif self._new and value != self.repeat.text():
            problem = self.tr("The two passphrases differ.")
        elif not value:
            problem = self.tr("Enter the passphrase.")
        else:
            super().accept()
            return
        self.message.setText(problem)
        self.message.setVisible(True)


class DialogPassphrases:
    """A PassphraseSource that asks through dialogs; the last error is shown on the next ask."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.error = ""
        self.parent = parent  # the window the dialogs show over

    def _ask(self, new: bool) -> str | None:
        dialog = PassphraseDialog(new, self.error, self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase.text()

    def existing(self) -> str | None:
        return self._ask(new=False)

    def new(self) -> str | None:
        return self._ask(new=True)


class ProblemsDialog(QDialog):
    """Lists every problem found in a file, one per line, and says nothing was changed."""

    def __init__(
        self, title: str, intro: str, problems: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget()
        self.list.setObjectName("problems")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(3)
        self.list.addItems(list(problems))
        self.list.setAccessibleName(self.tr("Problems found"))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(640, 360)


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, key_mode: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About ee-desktop"))
        layout = QVBoxLayout(self)
        if key_mode == "keyring":
            protection = self.tr("The encryption key is kept in your system keyring.")
        else:
            protection = self.tr("The encryption key is protected by your passphrase.")
        text = QLabel(
            self.tr(
                "<h2>ee-desktop {version}</h2>"
                "<p>A companion for people who apply to Canada's Express Entry on their own, "
                "that keeps their personal file on their own computer.</p>"
                "<p>Nothing leaves this computer: the app makes no network connections. Your "
                "personal data is encrypted at rest. {protection}</p>"
                "<p>Data folder: {folder}</p>"
                "<p>This app is not affiliated with the Government of Canada. Check every "
                "answer against the official instructions before you submit.</p>"
            ).format(version=__version__, protection=protection, folder=data_dir)
        )
        text.setObjectName("about_text")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
