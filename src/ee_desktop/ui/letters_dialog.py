"""Letters from the Documents tab: a reference letter to draft for an employer, a reference
letter received to check against the personal file, and a letter of explanation to fill from
the file, edit, save and attach to the item it explains."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ee_desktop.checklist import ChecklistEntry
from ee_desktop.i18n import format_date
from ee_desktop.letters import LetterError
from ee_desktop.letters.explain import KINDS, Explanation, blocks, explanation
from ee_desktop.letters.writer import Block
from ee_desktop.profile import Profile
from ee_desktop.profile.model import Job
from ee_desktop.services.checklist import ChecklistService
from ee_desktop.services.letters import (
    attach_letter,
    entry_for,
    file_name,
    job_for_key,
    jobs,
    people,
)
from ee_desktop.store.vault import VaultError
from ee_desktop.wizard.country_input import CountryCombo

ERROR_STYLE = "color: #b00020;"
GOOD = "✓"
BAD = "✗"


def _with_suffix(chosen: str, suffix: str) -> Path:
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


class _JobPicker(QObject):
    """Whose job (when there is a spouse or partner) and which one, as the file lists them:
    two drop-downs for the dialog's form."""

    changed = Signal()

    def __init__(self, profile: Profile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.person = QComboBox()
        self.person.setObjectName("letters:person")
        for person, name in people(profile):
            label = (
                self.tr("%1 (you)") if person == "applicant" else self.tr("%1 (spouse or partner)")
            )
            self.person.addItem(label.replace("%1", name), person)
        self.job = QComboBox()
        self.job.setObjectName("letters:job")
        self.job.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.job.setMinimumContentsLength(30)
        self.person.currentIndexChanged.connect(self._fill_jobs)
        self.job.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self._fill_jobs()

    def _fill_jobs(self) -> None:
        self.job.blockSignals(True)
        self.job.clear()
        for number, job in enumerate(jobs(self.profile, self.person_code()), 1):
            self.job.addItem(job_label(self, job), number)
            self.job.setItemData(number - 1, job_label(self, job), Qt.ItemDataRole.ToolTipRole)
        self.job.blockSignals(False)
        self.changed.emit()

    def person_code(self) -> str:
        return str(self.person.currentData() or "applicant")

    def number(self) -> int | None:
        value = self.job.currentData()
        return int(value) if value else None

    def choose(self, person: str, number: int | None = None) -> None:
        index = self.person.findData(person)
        if index >= 0:
            self.person.setCurrentIndex(index)
        if number is not None:
            self.job.setCurrentIndex(max(0, self.job.findData(number)))

    def add_rows(self, form: QFormLayout) -> None:
        if self.person.count() > 1:
            form.addRow(self.tr("&Person:"), self.person)
        else:
            self.person.setVisible(False)
        form.addRow(self.tr("&Job:"), self.job)


def job_label(widget: QObject, job: Job) -> str:
    end = format_date(job.end) if job.end else widget.tr("now")
    return (
        widget.tr("%1 at %2, %3 to %4")
        .replace("%1", job.title)
        .replace("%2", job.employer)
        .replace("%3", format_date(job.start))
        .replace("%4", end)
    )


# -- the button on the Documents tab ---------------------------------------------------------
class LettersButton(QToolButton):
    """The Letters menu: draft a reference letter, check one received, write a letter of
    explanation. ``current`` gives the selected checklist item; ``attached`` is emitted with
    an item's key when a letter was attached to it."""

    attached = Signal(str)

    def __init__(
        self,
        service: ChecklistService,
        today: Callable[[], date],
        current: Callable[[], ChecklistEntry | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.today = today
        self.current = current
        self.setObjectName("checklist:letters")
        self.setText(self.tr("&Letters"))
        self.setToolTip(
            self.tr("Reference letters to draft and check, and letters of explanation.")
        )
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        self.draft_action = menu.addAction(self.tr("&Draft a reference letter…"))
        self.draft_action.setObjectName("letters:draft")
        self.draft_action.triggered.connect(self.draft_reference)
        self.check_action = menu.addAction(self.tr("&Check a letter I received…"))
        self.check_action.setObjectName("letters:check")
        self.check_action.triggered.connect(self.check_received)
        self.explain_action = menu.addAction(self.tr("&Write a letter of explanation…"))
        self.explain_action.setObjectName("letters:explain")
        self.explain_action.triggered.connect(self.write_explanation)
        menu.aboutToShow.connect(self.update_actions)
        self.setMenu(menu)

    def profile(self) -> Profile | None:
        return self.service.active.profile_or_none()

    def update_actions(self) -> None:
        """Reference letters need a job in the file; every letter needs a file. Checked when
        the menu opens: the file is read then, not on every refresh of the tab."""
        profile = self.profile()
        has_jobs = profile is not None and any(jobs(profile, p) for p, _n in people(profile))
        self.draft_action.setEnabled(has_jobs)
        self.check_action.setEnabled(has_jobs)
        self.explain_action.setEnabled(profile is not None)

    def _selected_job(self, profile: Profile) -> tuple[str, int] | None:
        entry = self.current()
        return job_for_key(profile, entry.key) if entry is not None else None

    # -- a. a draft for the employer --------------------------------------------------------
    def draft_reference(self) -> None:
        from ee_desktop.letters.reference import reference_draft, write_reference

        profile = self.profile()
        if profile is None:
            return
        chosen = self._selected_job(profile) or self._ask_job(profile)
        if chosen is None:
            return
        person, number = chosen
        try:
            draft = reference_draft(profile, person, number)
        except LetterError as exc:
            QMessageBox.warning(self, self.tr("No draft was written"), str(exc))
            return
        path = self._save_path(
            self.tr("Save the draft reference letter"),
            file_name(self.tr("Reference letter %1").replace("%1", draft.employer), ".docx"),
        )
        if path is None:
            return
        try:
            write_reference(draft, path)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("No draft was written"), str(exc))
            return
        entry = self.current()
        if entry is None or job_for_key(profile, entry.key) != chosen:
            QMessageBox.information(
                self,
                self.tr("Draft reference letter"),
                self.tr(
                    "The draft is saved in %1. Send it to the employer to put on letterhead, "
                    "complete and sign."
                ).replace("%1", str(path)),
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Draft reference letter"),
            self.tr(
                "The draft is saved in %1. Send it to the employer to put on letterhead, "
                "complete and sign.\n\nAlso attach the draft to “%2”?"
            )
            .replace("%1", str(path))
            .replace("%2", entry.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self.service.attach(entry_for(self.service, self.today(), entry.key) or entry, path)
            except VaultError as exc:
                QMessageBox.warning(self, self.tr("The file was not attached"), str(exc))
                return
            self.attached.emit(entry.key)

    def _ask_job(self, profile: Profile) -> tuple[str, int] | None:
        choices = [
            (person, number, job)
            for person, _name in people(profile)
            for number, job in enumerate(jobs(profile, person), 1)
        ]
        if not choices:
            QMessageBox.information(
                self,
                self.tr("Draft a reference letter"),
                self.tr("Add your jobs to the work history of your personal file first."),
            )
            return None
        several = len({person for person, _n, _j in choices}) > 1
        labels = [
            (self.tr("Spouse or partner: %1") if person == "spouse" and several else "%1").replace(
                "%1", job_label(self, job)
            )
            for person, _number, job in choices
        ]
        text, ok = QInputDialog.getItem(
            self,
            self.tr("Draft a reference letter"),
            self.tr("For which job?"),
            labels,
            0,
            False,
        )
        if not ok or text not in labels:
            return None
        person, number, _job = choices[labels.index(text)]
        return person, number

    def _save_path(self, caption: str, suggested: str) -> Path | None:
        docx, pdf = self.tr("Word document (*.docx)"), self.tr("PDF document (*.pdf)")
        chosen, kind = QFileDialog.getSaveFileName(
            self, caption, str(Path.home() / suggested), f"{docx};;{pdf}"
        )
        if not chosen:
            return None
        suffix = Path(chosen).suffix.lower()
        if suffix not in (".docx", ".pdf"):
            suffix = ".pdf" if kind == pdf else ".docx"
        return _with_suffix(chosen, suffix)

    # -- b. a letter received ---------------------------------------------------------------
    def check_received(self) -> None:
        profile = self.profile()
        if profile is None:
            return
        chosen, _kind = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the reference letter you received"),
            "",
            ";;".join(
                (
                    self.tr("Letters (*.pdf *.docx *.txt)"),
                    self.tr("Scans (*.png *.jpg *.jpeg *.tif *.tiff)"),
                    self.tr("All files (*)"),
                )
            ),
        )
        if not chosen:
            return
        dialog = CheckLetterDialog(profile, Path(chosen), self._selected_job(profile), self)
        dialog.exec()

    # -- c. a letter of explanation ---------------------------------------------------------
    def write_explanation(self) -> None:
        profile = self.profile()
        if profile is None:
            return
        dialog = ExplanationDialog(self.service, self.today, profile, self.current(), self)
        dialog.attached.connect(self.attached.emit)
        dialog.exec()


# -- the check of a letter received ----------------------------------------------------------
class CheckLetterDialog(QDialog):
    """What a reference letter received has and lacks, for the job chosen; a scan that has no
    text to read gives the same fields as boxes to tick by hand."""

    def __init__(
        self,
        profile: Profile,
        path: Path,
        selected: tuple[str, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        from ee_desktop.letters.check import CannotReadText, read_letter

        super().__init__(parent)
        self.setObjectName("letters:check-dialog")
        self.setWindowTitle(self.tr("Check a reference letter"))
        self.profile = profile
        self.path = path
        self.field_names = field_names(self)
        self.text: str | None = None
        self.readable = True
        self.problem = ""
        try:
            self.text = read_letter(path)
        except CannotReadText:
            self.readable = False
        except LetterError as exc:
            self.problem = str(exc)

        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Letter: %1").replace("%1", path.name))
        heading.setWordWrap(True)
        heading.setToolTip(str(path))
        heading.setStyleSheet("font-weight: 600;")
        layout.addWidget(heading)
        self.picker = _JobPicker(profile, self)
        form = QFormLayout()
        self.picker.add_rows(form)
        layout.addLayout(form)
        if selected is not None:
            self.picker.choose(*selected)

        self.summary = QLabel()
        self.summary.setObjectName("letters:check-summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.fields = QWidget()
        fields_layout = QVBoxLayout(self.fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        self.field_labels: dict[str, QLabel] = {}
        self.by_hand: dict[str, QCheckBox] = {}
        for field, name in self.field_names.items():
            if self.readable:
                label = QLabel()
                label.setObjectName(f"letters:field:{field}")
                label.setWordWrap(True)
                self.field_labels[field] = label
                fields_layout.addWidget(label)
            else:
                box = QCheckBox(name)
                box.setObjectName(f"letters:tick:{field}")
                self.by_hand[field] = box
                fields_layout.addWidget(box)
        self.details = QLabel()
        self.details.setObjectName("letters:check-details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        fields_layout.addWidget(self.details)
        fields_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.picker.changed.connect(self.check)
        self.check()
        self.resize(620, 560)

    def check(self) -> None:
        from ee_desktop.letters import job_at
        from ee_desktop.letters.check import check_letter

        if self.problem:
            self.summary.setText(self.problem)
            self.summary.setStyleSheet(ERROR_STYLE)
            self.fields.setVisible(False)
            return
        if not self.readable:
            self.summary.setText(
                self.tr(
                    "Cannot read text: check by hand. This file is a scan or a picture, so the "
                    "app cannot read its words. Tick each field you find in the letter; the "
                    "ticks are for your own check and are not saved."
                )
            )
            self.details.setText("")
            return
        number = self.picker.number()
        if number is None or self.text is None:
            self.summary.setText(self.tr("Choose the job this letter is about."))
            return
        try:
            _name, job = job_at(self.profile, self.picker.person_code(), number)
        except LetterError as exc:
            self.summary.setText(str(exc))
            return
        result = check_letter(self.text, job)
        self.summary.setText(
            self.tr("The letter has every field IRCC asks for.")
            if not result.missing
            else self.tr(
                "Fields marked ✗ are missing from the letter, or written in a way the app does "
                "not recognise: look for them yourself."
            )
        )
        for field, label in self.field_labels.items():
            found = field not in result.missing
            label.setText(f"{GOOD if found else BAD} {self.field_names[field]}")
            label.setStyleSheet("" if found else ERROR_STYLE)
        parts: list[str] = []
        if result.mismatches:
            parts.append(self.tr("Differences with your personal file:"))
            parts += [
                "• "
                + self.tr("%1: your file says %2; the letter says %3")
                .replace("%1", self.field_names.get(m.field, m.field))
                .replace("%2", m.in_file)
                .replace("%3", m.in_letter)
                for m in result.mismatches
            ]
            parts.append("")
        parts.append(
            self.tr("The letter's duties cover %1 of the %2 main duties of NOC %3.")
            .replace("%1", str(len(result.noc_duties_covered)))
            .replace("%2", str(result.noc_duties_total))
            .replace("%3", result.noc_code)
        )
        parts += [f"• {duty}" for duty in result.noc_duties_covered]
        if result.copied:
            parts += [
                "",
                self.tr(
                    "These lines are the NOC's text, word for word: the letter must describe "
                    "the duties really performed, in the employer's own words."
                ),
            ]
            parts += [f"• {line}" for line in result.copied]
        self.details.setText("\n".join(parts))


def field_names(widget: QObject) -> dict[str, str]:
    """The fields IRCC asks of a reference letter, in plain words (check.FIELDS's order)."""
    return {
        "employer_contact": widget.tr("Employer's address, telephone or email"),
        "signatory": widget.tr("Name and title of the person who signs"),
        "job_title": widget.tr("Job title"),
        "dates": widget.tr("Dates of employment"),
        "hours_per_week": widget.tr("Hours per week"),
        "salary": widget.tr("Salary"),
        "duties": widget.tr("Main duties"),
    }


# -- a letter of explanation -----------------------------------------------------------------
class ExplanationDialog(QDialog):
    """Choose what to explain, fill the letter from the file, edit it, then save it as DOCX or
    PDF, or attach it as a PDF to the checklist item it explains. What is written is the text
    as edited."""

    attached = Signal(str)

    def __init__(
        self,
        service: ChecklistService,
        today: Callable[[], date],
        profile: Profile,
        selected: ChecklistEntry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("letters:explain-dialog")
        self.setWindowTitle(self.tr("Letter of explanation"))
        self.service = service
        self.today = today
        self.profile = profile
        self.letter: Explanation | None = None
        self.entry: ChecklistEntry | None = None
        kinds = {
            "gap": self.tr("A gap in my personal history or my addresses"),
            "names": self.tr("My names written differently in my documents"),
            "police": self.tr("A police certificate I asked for but have not received yet"),
            "reference": self.tr("A job without a reference letter"),
            "funds": self.tr("Where the deposits in my settlement funds came from"),
        }
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("letters:kind")
        for kind in KINDS:
            self.kind.addItem(kinds.get(kind, kind), kind)
        form.addRow(self.tr("&What it explains:"), self.kind)
        self.picker = _JobPicker(profile, self)
        if self.picker.person.count() > 1:
            form.addRow(self.tr("&Person:"), self.picker.person)
        else:
            self.picker.person.setVisible(False)
        self.job_label = QLabel(self.tr("&Job:"))
        self.job_label.setBuddy(self.picker.job)
        form.addRow(self.job_label, self.picker.job)
        self.country = CountryCombo()
        self.country.setObjectName("letters:country")
        self.country_label = QLabel(self.tr("&Country:"))
        self.country_label.setBuddy(self.country)
        form.addRow(self.country_label, self.country)
        layout.addLayout(form)
        fill_row = QHBoxLayout()
        self.fill_button = QPushButton(self.tr("&Fill from my file"))
        self.fill_button.setObjectName("letters:fill")
        self.fill_button.clicked.connect(self.fill)
        fill_row.addWidget(self.fill_button)
        fill_row.addStretch(1)
        layout.addLayout(fill_row)
        self.message = QLabel()
        self.message.setObjectName("letters:message")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("letters:text")
        self.editor.setPlaceholderText(
            self.tr(
                "Choose what the letter explains, then Fill from my file. Replace what is in "
                "square brackets with your own words before you sign."
            )
        )
        self.editor.textChanged.connect(self._update_buttons)
        layout.addWidget(self.editor, 1)
        buttons = QHBoxLayout()
        self.docx_button = QPushButton(self.tr("Save as &DOCX…"))
        self.docx_button.setObjectName("letters:save-docx")
        self.docx_button.clicked.connect(lambda: self.save(".docx"))
        self.pdf_button = QPushButton(self.tr("Save as &PDF…"))
        self.pdf_button.setObjectName("letters:save-pdf")
        self.pdf_button.clicked.connect(lambda: self.save(".pdf"))
        self.attach_button = QPushButton()
        self.attach_button.setObjectName("letters:attach")
        self.attach_button.clicked.connect(self.attach)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.docx_button, self.pdf_button, self.attach_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for signal in (
            self.kind.currentIndexChanged,
            self.picker.person.currentIndexChanged,
            self.picker.job.currentIndexChanged,
            self.country.currentIndexChanged,
        ):
            signal.connect(self._choice_changed)
        self._preselect(selected)
        self._kind_changed()
        self._update_buttons()
        self.resize(760, 600)

    def _preselect(self, entry: ChecklistEntry | None) -> None:
        """The kind, person, job or country of the item chosen on the Documents tab."""
        if entry is None:
            return
        parts = entry.key.split(":")
        job = job_for_key(self.profile, entry.key)
        if job is not None:
            self.kind.setCurrentIndex(self.kind.findData("reference"))
            self.picker.choose(*job)
        elif parts[0] == "police" and len(parts) == 3:
            self.kind.setCurrentIndex(self.kind.findData("police"))
            self.picker.choose(parts[1])
            self.country.set_code(parts[2])
        elif parts[0] in ("passport", "profile.passport") and len(parts) == 2:
            self.kind.setCurrentIndex(self.kind.findData("names"))
            self.picker.choose(parts[1])
        elif parts[0] in ("funds", "profile.funds"):
            self.kind.setCurrentIndex(self.kind.findData("funds"))

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        for widget in (self.job_label, self.picker.job):
            widget.setVisible(kind == "reference")
        for widget in (self.country_label, self.country):
            widget.setVisible(kind == "police")
        self.picker.person.setEnabled(kind != "funds")

    def _choice_changed(self) -> None:
        if self.letter is not None:
            self._show_message(
                self.tr(
                    "The text below is still the letter written before. Click Fill from my "
                    "file to write the letter for this choice."
                )
            )

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setVisible(bool(text))

    def fill(self) -> None:
        """The letter filled from the file, in the editor; what is missing to write it is said
        in the dialog."""
        edited = self.editor.toPlainText().strip()
        if edited and (self.letter is None or edited != self.letter.text.strip()):
            answer = QMessageBox.question(
                self,
                self.tr("Replace the text?"),
                self.tr("Replace the text you wrote with a new letter filled from your file?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        kind = str(self.kind.currentData())
        self.country.commit()
        if kind == "police" and self.country.code() is None:
            self._show_message(
                self.country.problem() or self.tr("Choose the country of the police certificate."),
                error=True,
            )
            return
        if kind == "reference" and self.picker.number() is None:
            self._show_message(self.tr("The work history has no job to choose."), error=True)
            return
        try:
            letter = explanation(
                kind,
                self.profile,
                self.today(),
                "applicant" if kind == "funds" else self.picker.person_code(),
                self.picker.number() if kind == "reference" else None,
                self.country.code() if kind == "police" else None,
            )
        except LetterError as exc:
            self._show_message(str(exc), error=True)
            return
        self.letter = letter
        self.entry = entry_for(self.service, self.today(), letter.slot)
        self.editor.setPlainText(letter.text)
        self._show_message(
            self.tr("Replace what is in square brackets […] with your own words before you sign.")
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.letter is not None and bool(self.editor.toPlainText().strip())
        self.docx_button.setEnabled(ready)
        self.pdf_button.setEnabled(ready)
        if self.entry is not None:
            title = self.entry.title
            short = title if len(title) <= 60 else title[:59].rstrip() + "…"
            self.attach_button.setText(self.tr("&Attach to “%1”").replace("%1", short))
            self.attach_button.setToolTip(
                self.tr("Attach the letter as a PDF to “%1” on the Documents tab.").replace(
                    "%1", title
                )
            )
        else:
            self.attach_button.setText(self.tr("&Attach to its item"))
            self.attach_button.setToolTip(
                self.tr(
                    "This letter goes with no particular item: save it, then attach it to the "
                    "item of your choice."
                )
                if self.letter is not None
                else ""
            )
        self.attach_button.setEnabled(ready and self.entry is not None)

    def edited_blocks(self) -> list[Block]:
        assert self.letter is not None
        return blocks(self.letter, self.editor.toPlainText())

    def save(self, suffix: str) -> None:
        from ee_desktop.letters.writer import write_letter

        if self.letter is None:
            return
        kind = (
            self.tr("Word document (*.docx)")
            if suffix == ".docx"
            else self.tr("PDF document (*.pdf)")
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the letter"),
            str(Path.home() / file_name(self.letter.title, suffix)),
            kind,
        )
        if not chosen:
            return
        path = _with_suffix(chosen, suffix)
        try:
            write_letter(self.edited_blocks(), path, self.letter.title)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("The letter was not saved"), str(exc))
            return
        self._show_message(self.tr("Saved in %1.").replace("%1", str(path)))

    def attach(self) -> None:
        if self.letter is None or self.entry is None:
            return
        entry = entry_for(self.service, self.today(), self.entry.key) or self.entry
        try:
            attachment = attach_letter(self.service, entry, self.edited_blocks(), self.letter.title)
        except (OSError, ValueError, VaultError) as exc:
            QMessageBox.warning(self, self.tr("The letter was not attached"), str(exc))
            return
        self._show_message(
            self.tr("Attached %1 to “%2”.")
            .replace("%1", attachment.filename)
            .replace("%2", entry.title)
        )
        self.attached.emit(entry.key)
