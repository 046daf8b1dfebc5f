"""The main window: the active personal file's tabs, and the File, Tools and Help menus."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QSystemTrayIcon,
    QTabWidget,
    QToolBar,
    QWidget,
)

from ee_desktop.i18n import LANGUAGE_NAMES, system_language
from ee_desktop.preferences import language_choice
from ee_desktop.store.peek import peek_setting
from ee_desktop.ui.translator import desktop_languages

if TYPE_CHECKING:  # the tabs and the data load after the window is first drawn
    from ee_desktop.deadlines import Deadline
    from ee_desktop.profile import Profile
    from ee_desktop.services import Services
    from ee_desktop.ui.forms.editor import FormsEditor
    from ee_desktop.ui.report_export import ReportJob
    from ee_desktop.wizard.view import WizardView

GEOMETRY_KEY = "main_window/geometry"

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    # The user picked a language in Tools > Language: its code, or "" for the system's.
    language_chosen = Signal(str)

    # Emitted once, just after the window is first drawn: the data opens then.
    first_frame = Signal()

    def __init__(
        self, data_dir: Path, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        """The window without its data: menus (disabled), its saved size and place, and a
        line saying the data is being opened. ``attach`` fills it in."""
        super().__init__(parent)
        self.data_dir = data_dir
        self.today = today
        self.attached = False
        self._drawn = False
        self._folder = ""
        self.setWindowTitle(self.tr("ee-desktop"))
        self.setMinimumSize(600, 420)
        self.opening = QLabel(self.tr("Opening your data…"))
        self.opening.setObjectName("opening")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.opening)
        self.setCentralWidget(self.stack)
        self._build_menus()
        self._build_toolbar()
        self.toolbar.setVisible(False)
        self.menuBar().setEnabled(False)
        self._restore_geometry(peek_setting(data_dir, GEOMETRY_KEY))

    @classmethod
    def open(
        cls,
        services: Services,
        today: Callable[[], date],
        parent: QWidget | None = None,
        resume_draft: bool = True,
    ) -> MainWindow:
        """The window with its data, in one step."""
        window = cls(services.data_dir, today, parent)
        window.attach(services, resume_draft)
        return window

    def attach(self, services: Services, resume_draft: bool = True) -> None:
        """Build the tabs on the open data and show the active file (or the welcome)."""
        from ee_desktop.ui.application_view import ApplicationView
        from ee_desktop.ui.checklist_view import ChecklistView
        from ee_desktop.ui.deadlines_view import DeadlinesView
        from ee_desktop.ui.overview_view import EmptyStateView, OverviewView
        from ee_desktop.ui.provinces_view import ProvincesView
        from ee_desktop.ui.strategy_view import StrategyView

        today = self.today
        self.services = services
        self.service = services.files
        self.empty_state = EmptyStateView()
        self.empty_state.create_requested.connect(self.create_file)
        self.empty_state.resume_requested.connect(self.resume_draft)
        self.empty_state.import_requested.connect(self.choose_and_import)
        self.empty_state.example_requested.connect(self.save_example)
        self.overview = OverviewView()
        self.overview.edit_requested.connect(self.edit_file)
        self.overview.resume_requested.connect(self.resume_draft)
        self.overview.forms_requested.connect(self.open_forms)
        self.checklist = ChecklistView(services.checklist, today)
        self.deadlines_service = services.deadlines
        self.deadlines = DeadlinesView(self.deadlines_service, today)
        self.deadlines.changed.connect(self.refresh)
        self.home = QTabWidget()
        self.home.setObjectName("home_tabs")
        self.home.addTab(self.overview, self.tr("&Overview"))
        self.home.addTab(self.checklist, self.tr("&Documents"))
        self.home.addTab(self.deadlines, self.tr("Dead&lines"))
        self.application = ApplicationView(
            services.application, today, forms_report=lambda on: services.history.report(on)
        )
        self.application.changed.connect(self.refresh)
        self.application.forms_requested.connect(self.open_forms)
        self.application.checklist_requested.connect(self.show_application_checklist)
        self.deadlines.application_requested.connect(
            lambda: self.home.setCurrentWidget(self.application)
        )
        self.home.addTab(self.application, self.tr("&Application"))
        self.strategy_service = services.strategy
        self.strategy = StrategyView(self.strategy_service, today)
        self.strategy.try_requested.connect(lambda profile, on: self.try_changes(profile, on))
        self.home.addTab(self.strategy, self.tr("St&rategy"))
        self.provinces = ProvincesView(services.provinces, today)
        self.provinces.changed.connect(self.refresh)
        self.home.addTab(self.provinces, self.tr("&Provinces"))
        self.notified: set[str] = set()  # deadline ids announced so far
        self.home.currentChanged.connect(self._tab_changed)
        self.wizard_service = services.wizard
        self._wizard: WizardView | None = None  # built when first opened
        self.forms_editor: FormsEditor | None = None  # the last opened
        self._due: tuple[date, list[Deadline]] | None = None  # due_soon of the last refresh
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.home)
        self.attached = True
        self.menuBar().setEnabled(True)
        self.refresh()
        if resume_draft:
            self._resume_draft()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._drawn:
            self._drawn = True
            QTimer.singleShot(0, self.first_frame.emit)  # once this frame is on screen

    # -- construction ----------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.action_new = QAction(self.tr("&New personal file…"), self)
        self.action_new.setShortcut(QKeySequence.StandardKey.New)
        self.action_new.triggered.connect(self.create_file)
        file_menu.addAction(self.action_new)
        self.action_edit = QAction(self.tr("&Edit personal file…"), self)
        self.action_edit.setShortcut(QKeySequence("Ctrl+D"))
        self.action_edit.triggered.connect(self.edit_file)
        file_menu.addAction(self.action_edit)
        self.action_resume = QAction(self.tr("&Resume the draft"), self)
        self.action_resume.triggered.connect(self.resume_draft)
        file_menu.addAction(self.action_resume)
        file_menu.addSeparator()
        self.action_import = QAction(self.tr("&Import personal file…"), self)
        self.action_import.setShortcut(QKeySequence.StandardKey.Open)
        self.action_import.triggered.connect(self.choose_and_import)
        file_menu.addAction(self.action_import)
        self.action_export = QAction(self.tr("&Export personal file…"), self)
        self.action_export.setShortcut(QKeySequence("Ctrl+E"))
        self.action_export.triggered.connect(self.choose_and_export)
        file_menu.addAction(self.action_export)
        self.action_pdf = QAction(self.tr("Export &PDF…"), self)
        self.action_pdf.setShortcut(QKeySequence.StandardKey.Print)
        self.action_pdf.triggered.connect(self.export_pdf)
        file_menu.addAction(self.action_pdf)
        file_menu.addSeparator()
        self.action_data_folder = QAction(self.tr("Open &data folder"), self)
        self.action_data_folder.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))
        )
        file_menu.addAction(self.action_data_folder)
        file_menu.addSeparator()
        action_quit = QAction(self.tr("&Quit"), self)
        action_quit.setShortcut(QKeySequence.StandardKey.Quit)
        action_quit.triggered.connect(self.close)
        file_menu.addAction(action_quit)

        tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        self.action_rules = QAction(self.tr("&Rules updates…"), self)
        self.action_rules.triggered.connect(self.show_rules)
        tools_menu.addAction(self.action_rules)
        self.language_menu = self._language_menu()
        tools_menu.addMenu(self.language_menu)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.action_about = QAction(self.tr("&About ee-desktop"), self)
        self.action_about.triggered.connect(self.show_about)
        help_menu.addAction(self.action_about)

    def _language_menu(self) -> QMenu:
        """System language, then each language named in itself; the choice is checked."""
        menu = QMenu(self.tr("&Language"), self)
        group = QActionGroup(menu)
        system = LANGUAGE_NAMES[system_language(preferred=desktop_languages())]
        chosen = language_choice(self.data_dir) or ""
        choices = [("", self.tr("&System language (%1)").replace("%1", system))]
        choices += list(LANGUAGE_NAMES.items())
        self.language_actions: dict[str, QAction] = {}
        for code, label in choices:
            action = QAction(label, group)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.triggered.connect(lambda _checked=False, code=code: self._choose_language(code))
            menu.addAction(action)
            self.language_actions[code] = action
        return menu

    def _choose_language(self, code: str) -> None:
        if code != (language_choice(self.data_dir) or ""):
            self.language_chosen.emit(code)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Personal file"))
        self.toolbar.setObjectName("file_toolbar")
        self.toolbar.setMovable(False)
        label = QLabel(self.tr("Personal &file:"))
        self.file_switcher = QComboBox()
        self.file_switcher.setObjectName("file_switcher")
        self.file_switcher.setMinimumContentsLength(24)
        label.setBuddy(self.file_switcher)
        self.file_switcher.activated.connect(self._switch_file)
        self.toolbar.addWidget(label)
        self.toolbar.addWidget(self.file_switcher)
        self.addToolBar(self.toolbar)

    @property
    def wizard(self) -> WizardView:
        """The editor, built the first time it is needed (most starts never open it)."""
        if self._wizard is None:
            from ee_desktop.wizard.view import WizardView

            self._wizard = WizardView(self.wizard_service, self.today)
            self._wizard.finished.connect(self._wizard_finished)
            self._wizard.closed.connect(self._leave_wizard)
            self.stack.addWidget(self._wizard)
        return self._wizard

    def in_wizard(self) -> bool:
        return (
            self.attached
            and self._wizard is not None
            and self.stack.currentWidget() is self._wizard
        )

    def due_soon(self, fresh: bool = False) -> list[Deadline]:
        """What falls due within the reminder period: the last refresh's on the same day
        (the start shows it on the overview and in the reminder), else computed anew."""
        today = self.today()
        if fresh or self._due is None or self._due[0] != today:
            self._due = (today, self.deadlines_service.due_soon(today))
        return self._due[1]

    # -- state -----------------------------------------------------------------
    def refresh(self) -> None:
        """Show the active file's overview, or the welcome when there is none."""
        files = self.service.files()
        self.file_switcher.blockSignals(True)
        self.file_switcher.clear()
        for summary in files:
            self.file_switcher.addItem(summary.label, summary.id)
            if summary.is_active:
                self.file_switcher.setCurrentIndex(self.file_switcher.count() - 1)
        self.file_switcher.blockSignals(False)
        self.toolbar.setVisible(len(files) > 1)

        profile = self.service.current()
        in_wizard = self.in_wizard()
        has_draft = self.wizard_service.store.draft() is not None
        # While the wizard is open, nothing else may change the file it will save over.
        for action in (self.action_new, self.action_import):
            action.setEnabled(not in_wizard)
        self.action_export.setEnabled(profile is not None and not in_wizard)
        self.action_pdf.setEnabled(profile is not None and not in_wizard)
        self.action_edit.setEnabled(profile is not None and not in_wizard)
        self.action_resume.setEnabled(has_draft and not in_wizard)
        self.file_switcher.setEnabled(not in_wizard)
        self.empty_state.resume_button.setVisible(has_draft)
        self.overview.resume_button.setVisible(has_draft)
        if in_wizard:
            self.toolbar.setVisible(False)
            return
        if profile is None:
            self.stack.setCurrentWidget(self.empty_state)
            return
        today = self.today()
        self._due = None  # the file or its records may have changed
        self.overview.show_sections(profile.applicant.full_name, self.service.overview(profile))
        self.overview.show_score(self.service.evaluation(today, profile))
        self.overview.show_outlook(self.strategy_service.outlook(today, profile))
        self.overview.show_next(self.due_soon()[:5], today)
        self.stack.setCurrentWidget(self.home)
        self._tab_changed(self.home.currentIndex())

    # -- the wizard ---------------------------------------------------------------------
    def _resume_draft(self) -> None:
        """A draft left open (even by a crash) reopens on the page the user was on."""
        draft = self.wizard_service.resume()
        if draft is not None:
            self._show_wizard(draft.content, draft.page)

    def _show_wizard(self, content: dict[str, Any], page: str) -> None:
        from ee_desktop.profile.draft import WHAT_IF

        what_if = content.get(WHAT_IF)
        if isinstance(what_if, dict):  # a what-if left open: the same view again
            as_of = date.fromisoformat(what_if["as_of"])
            self.wizard.today = lambda: as_of
            self.wizard.savable = bool(what_if.get("savable", True))
            baseline = self.strategy_service.evaluation(as_of)
            self.wizard.open_draft(content, page, baseline)
        else:
            self.wizard.today = self.today
            self.wizard.savable = True
            self.wizard.open_draft(content, page)
        self.stack.setCurrentWidget(self.wizard)
        self.refresh()

    def _leave_wizard(self) -> None:
        self.stack.setCurrentWidget(self.home)
        self.refresh()

    def resume_draft(self) -> None:
        draft = self.wizard_service.resume()
        if draft is not None:
            self._show_wizard(draft.content, draft.page)

    def ask_about_draft(self) -> str:
        """With a draft in progress: "resume", "discard" (and go on) or "cancel"."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Draft in progress"))
        box.setText(self.tr("You have a personal file in progress that is not saved yet."))
        box.setInformativeText(self.tr("Resume it, or discard it and go on?"))
        resume = box.addButton(self.tr("&Resume the draft"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("&Discard it"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(resume)
        box.exec()
        clicked = box.clickedButton()
        if clicked is resume:
            return "resume"
        return "discard" if clicked is discard else "cancel"

    def _before_new_draft(self) -> bool:
        """True when a new draft may start; a draft in progress is resumed or discarded."""
        if self.wizard_service.store.draft() is None:
            return True
        choice = self.ask_about_draft()
        if choice == "resume":
            self.resume_draft()
        elif choice == "discard":
            self.wizard_service.discard()
            return True
        return False

    def create_file(self) -> None:
        if self._before_new_draft():
            self._show_wizard(self.wizard_service.start_new(), "about")

    def edit_file(self) -> None:
        if self.service.current() is not None and self._before_new_draft():
            self._show_wizard(self.wizard_service.start_edit(), "about")

    def try_changes(self, profile: Profile | None, on: date | None = None) -> None:
        """What-if: the editor on a copy with the saved file's score beside it, both on the
        same date. A plan's copy (``profile``, ready ``on``) is shown, not saved; the user's
        own changes (``profile`` None) are saved over the file only when they save."""
        current = self.service.current()
        if current is None or not self._before_new_draft():
            return
        as_of = on or self.today()
        content = self.wizard_service.start_what_if(
            profile or current, as_of, savable=profile is None
        )
        self._show_wizard(content, "review" if profile is not None else "about")

    def _wizard_finished(self, _file_id: int) -> None:
        self.stack.setCurrentWidget(self.home)
        self.refresh()
        self.statusBar().showMessage(self.tr("Personal file saved."), 5000)

    def _tab_changed(self, _index: int) -> None:
        if self.home.currentWidget() is self.checklist:
            self.checklist.refresh()
        elif self.home.currentWidget() is self.deadlines:
            self.deadlines.refresh()
        elif self.home.currentWidget() is self.strategy:
            self.strategy.refresh()
        elif self.home.currentWidget() is self.provinces:
            self.provinces.refresh()
        elif self.home.currentWidget() is self.application:
            self.application.refresh()

    def open_forms(self) -> FormsEditor | None:
        """The application forms editor, over this window until closed; the views showing
        the file refresh after each save. A wizard draft of the same file would save over
        what is saved here: it is resumed or discarded first."""
        from ee_desktop.ui.forms.editor import FormsEditor

        if self.service.current() is None:
            return None
        draft = self.wizard_service.store.draft()
        if draft is not None and draft.file_id == self.services.active.id_or_none():
            choice = self.ask_about_draft()
            if choice == "resume":
                self.resume_draft()
            if choice != "discard":
                return None
            self.wizard_service.discard()
            self.refresh()
        if self.forms_editor is not None:
            self.forms_editor.deleteLater()  # closed: one editor at a time is kept
        self.forms_editor = FormsEditor(self.services.history, self.today, self)
        self.forms_editor.saved.connect(self.refresh)
        self.forms_editor.open()
        return self.forms_editor

    def show_application_checklist(self) -> None:
        """The Documents tab, showing the application stage."""
        stage = self.checklist.stage_filter
        stage.setCurrentIndex(stage.findData("application"))
        self.home.setCurrentWidget(self.checklist)

    # -- reminders -----------------------------------------------------------------------------
    def remind(self) -> list[Deadline]:
        """At start: what falls due within the reminder period, in one message."""
        due = self.due_soon() if self.service.current() else []
        if due:
            self.notified.update(d.uid for d in due)
            self.show_reminder(self.tr("Deadlines coming up"), self.reminder_text(due))
        return due

    def reminder_text(self, due: list[Deadline]) -> str:
        """The start-up reminder (rich text): a heading, why it appears, then the dates."""
        from html import escape

        heading = self.tr("Deadlines coming up")
        why = self.tr(
            "Shown when you open ee-desktop while a date falls within its reminder period: "
            "the period you set on the Deadlines tab (%1 days), or longer when a date needs "
            "more notice."
        ).replace("%1", str(self.deadlines_service.reminder_days))
        lines = [f"• {d.due.isoformat()}: {escape(d.title)}" for d in due[:12]]
        more = len(due) - 12
        if more > 0:
            lines.append(
                escape(self.tr("… and %1 more on the Deadlines tab.").replace("%1", str(more)))
            )
        return f"<p><b>{escape(heading)}</b></p><p>{escape(why)}</p><p>{'<br>'.join(lines)}</p>"

    def show_reminder(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self)
        box.setObjectName("reminder")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.exec()

    def notify_new(self, tray: QSystemTrayIcon) -> list[Deadline]:
        """While running: a tray notification for dates that entered the reminder period."""
        if self.service.current() is None:
            return []
        fresh = [d for d in self.due_soon(fresh=True) if d.uid not in self.notified]
        if fresh:
            self.notified.update(d.uid for d in fresh)
            text = "\n".join(f"{d.due.isoformat()}: {d.title}" for d in fresh[:5])
            tray.showMessage(
                self.tr("ee-desktop: coming up"),
                text,
                QSystemTrayIcon.MessageIcon.Information,
                15000,
            )
        return fresh

    def _switch_file(self, index: int) -> None:
        self.service.switch_to(int(self.file_switcher.itemData(index)))
        self.refresh()

    # -- import / export ---------------------------------------------------------
    def _last_folder(self) -> str:
        # Remembered for this session only: a folder name can reveal personal details.
        return self._folder or str(Path.home())

    def choose_and_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import personal file"),
            self._last_folder(),
            self.tr("Personal files (*.json);;All files (*)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        """Import ``path`` after asking whether it replaces the active file; True when stored."""
        from ee_desktop.profile import ProfileError
        from ee_desktop.ui.dialogs import ProblemsDialog

        as_new = False
        if self.service.current() is not None:
            choice = self.ask_replace_or_keep()
            if choice is None:
                return False
            as_new = choice == "keep"
        try:
            self.service.import_file(path, today=self.today(), as_new=as_new)
        except Exception as exc:  # noqa: BLE001 - any failure is shown, never a traceback
            if not isinstance(exc, ProfileError):
                log.exception("import failed")
                self._failed(self.tr("Import failed"), exc)
                return False
            ProblemsDialog(
                self.tr("This file cannot be imported"),
                self.tr(
                    "Problems found in %1: %2. Nothing was changed; correct the file and "
                    "import it again."
                )
                .replace("%1", path.name)
                .replace("%2", str(len(exc.problems))),
                [str(p) for p in exc.problems],
                self,
            ).exec()
            return False
        self._folder = str(path.parent)
        self.refresh()
        self.statusBar().showMessage(self.tr("Imported %1.").replace("%1", path.name), 5000)
        return True

    def save_example(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the example personal file"),
            str(Path(self._last_folder()) / "example-profile.json"),
            self.tr("Personal files (*.json)"),
        )
        if not path:
            return
        try:
            self.service.save_example(Path(path))
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Saving failed"),
                self.tr("The file could not be written: %1").replace("%1", str(exc)),
            )
            return
        self.statusBar().showMessage(self.tr("Example saved to %1.").replace("%1", path), 8000)

    def export_pdf(self) -> ReportJob | None:
        """Worksheet, checklist or deadlines as a PDF, rendered off the GUI thread."""
        from ee_desktop.ui.report_export import ReportChoice, ReportExport

        profile = self.service.current()
        if profile is None:
            return None
        choice = ReportChoice(self)
        if choice.exec() != ReportChoice.DialogCode.Accepted:
            return None
        kind, paper = choice.kind(), choice.paper.currentData()
        suggested = Path(self._last_folder()) / f"{profile.applicant.family_name}-{kind}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export PDF"), str(suggested), self.tr("PDF files (*.pdf)")
        )
        if not path:
            return None
        self._folder = str(Path(path).parent)
        data = self.services.reports.input(
            self.today()
        )  # read here: the store stays on this thread
        self.pdf_export = ReportExport(self)
        self.pdf_export.done.connect(
            lambda written: self.statusBar().showMessage(
                self.tr("PDF saved to %1.").replace("%1", written), 8000
            )
        )
        # One export at a time, and no change of language under it: the PDF is worded in
        # the worker thread, and switching rebuilds (and deletes) this window.
        for widget in (self.action_pdf, self.language_menu):
            widget.setEnabled(False)
            self.pdf_export.ended.connect(lambda widget=widget: widget.setEnabled(True))
        return self.pdf_export.start(data, kind, paper, Path(path))

    def ask_replace_or_keep(self) -> str | None:
        """ "replace", "keep" (add as another file) or None (cancel)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Import personal file"))
        box.setText(self.tr("You already have a personal file open."))
        box.setInformativeText(
            self.tr(
                "Replace it with the imported file, or keep both (for example, your "
                "partner's own file)?"
            )
        )
        replace = box.addButton(self.tr("&Replace"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("&Keep both"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(replace)
        box.exec()
        clicked = box.clickedButton()
        if clicked is replace:
            return "replace"
        if clicked is keep:
            return "keep"
        return None

    def choose_and_export(self) -> None:
        profile = self.service.current()
        if profile is None:
            return
        suggested = Path(self._last_folder()) / f"{profile.applicant.family_name}-profile.json"
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export personal file"),
            str(suggested),
            self.tr("Personal files (*.json)"),
        )
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> bool:
        try:
            self.service.export_file(path)
        except Exception as exc:  # noqa: BLE001 - any failure is shown, never a traceback
            log.exception("export failed")
            self._failed(self.tr("Export failed"), exc)
            return False
        self._folder = str(path.parent)
        self.statusBar().showMessage(self.tr("Exported to %1.").replace("%1", str(path)), 5000)
        return True

    def _failed(self, title: str, error: Exception) -> None:
        detail = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        QMessageBox.warning(
            self, title, self.tr("Nothing was changed. The reason: %1").replace("%1", detail)
        )

    # -- misc ------------------------------------------------------------------
    def show_rules(self) -> None:
        from ee_desktop.ui.rules_dialog import RulesDialog

        RulesDialog(self.service.rules, self).exec()
        self.refresh()
        if self.in_wizard():
            self.wizard.refresh()

    def show_about(self) -> None:
        from ee_desktop.ui.dialogs import AboutDialog

        AboutDialog(self.data_dir, self.service.store.key_mode, self).exec()

    def _restore_geometry(self, saved: object) -> None:
        if not isinstance(saved, str) or not self.restoreGeometry(
            QByteArray.fromBase64(saved.encode("ascii"))
        ):
            self.resize(960, 680)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.attached:
            if self.in_wizard():
                self.wizard.keep()
            geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
            self.service.store.set_setting(GEOMETRY_KEY, geometry)
        super().closeEvent(event)
