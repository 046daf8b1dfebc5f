"""The live score beside every page: total, sections and programs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ee_desktop.i18n import _, format_date
from ee_desktop.rules import Evaluation
from ee_desktop.rules.explain import SECTIONS

PANEL_WIDTH = 260  # fixed: a longer hint wraps instead of moving the form under the pointer
TOTAL = "font-size: 30pt; font-weight: 700;"
STALE = TOTAL + " color: #8a8a8a;"  # the last complete score, while an entry is being completed


class ScorePanel(QFrame):
    """The live score. While an entry is incomplete, the last complete score stays, marked
    as such, with what is missing; the panel never changes width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(PANEL_WIDTH)
        self.last: Evaluation | None = None  # the last complete evaluation shown
        self.stale = False
        layout = QVBoxLayout(self)
        caption = QLabel(self.tr("Your CRS score"))
        caption.setStyleSheet("font-weight: 600;")
        layout.addWidget(caption)
        self.total = QLabel("—")
        self.total.setObjectName("score:total")
        self.total.setStyleSheet(TOTAL)
        self.total.setAccessibleName(self.tr("CRS score"))
        layout.addWidget(self.total)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("score:hint")
        layout.addWidget(self.hint)
        grid = QGridLayout()
        self.sections: dict[str, QLabel] = {}
        for row, (key, name) in enumerate(SECTIONS.items()):
            label = QLabel(_(name))
            label.setWordWrap(True)
            value = QLabel("—")
            value.setObjectName(f"score:{key}")
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
            self.sections[key] = value
        layout.addLayout(grid)
        programs = QLabel(self.tr("Programs"))
        programs.setStyleSheet("font-weight: 600; margin-top: 8px;")
        layout.addWidget(programs)
        self.programs = QLabel("—")
        self.programs.setObjectName("score:programs")
        self.programs.setWordWrap(True)
        layout.addWidget(self.programs)
        self.footer = QLabel()
        self.footer.setWordWrap(True)
        self.footer.setObjectName("score:footer")
        self.footer.setStyleSheet("color: #555; font-size: 8pt; margin-top: 8px;")
        layout.addWidget(self.footer)
        layout.addStretch(1)

    def show_evaluation(
        self,
        evaluation: Evaluation | None,
        pending: int,
        baseline: Evaluation | None = None,
        missing: Sequence[str] = (),
    ) -> None:
        """``pending``: entries left out of the score because they are not complete yet;
        ``baseline``: today's evaluation of the saved file, shown beside a what-if;
        ``missing``: what keeps the draft from being scored, in the user's words."""
        if evaluation is None:
            self._show_missing(missing)
            return
        self.last, self.stale = evaluation, False
        self.total.setStyleSheet(TOTAL)
        crs = evaluation.crs
        self.total.setText(str(crs.total))
        self.total.setToolTip("")
        hints = []
        if baseline is not None:
            change = crs.total - baseline.crs.total
            hints.append(
                self.tr("Your saved file today: %1 (%2). Nothing changes until you save.")
                .replace("%1", str(baseline.crs.total))
                .replace("%2", f"{change:+d}")
            )
        if pending:
            hints.append(self.tr("Entries still being completed are not counted yet."))
        self.hint.setText(" ".join(hints))
        for key, value in self.sections.items():
            value.setText(str(getattr(crs, key)))
        lines = []
        for name, result in (
            (self.tr("Federal Skilled Worker"), evaluation.fsw),
            (self.tr("Canadian Experience Class"), evaluation.cec),
            (self.tr("Federal Skilled Trades"), evaluation.fst),
        ):
            mark = "✓" if result.eligible else "✗"
            lines.append(f"{mark} {name}")
        self.programs.setText("\n".join(lines))
        self.footer.setText(
            self.tr("Computed on this computer for %1 with the rules verified up to %2.")
            .replace("%1", format_date(evaluation.as_of))
            .replace("%2", format_date(evaluation.verified_on))
        )

    def _show_missing(self, missing: Sequence[str]) -> None:
        """No score for the draft as it is: keep the last one, say what is missing."""
        shown = list(missing[:3])
        if len(missing) > 3:
            shown.append(self.tr("and %n more", "", len(missing) - 3))
        needs = "\n".join(f"• {text}" for text in shown)
        if self.last is None:
            self.total.setText("—")
            first = self.tr("Your score appears as soon as the About you page is complete.")
            self.hint.setText(first + ("\n" + needs if needs else ""))
            for value in self.sections.values():
                value.setText("—")
            self.programs.setText("—")
            self.footer.setText("")
            return
        self.stale = True
        self.total.setStyleSheet(STALE)
        self.total.setText(str(self.last.crs.total))
        self.total.setToolTip(self.tr("The last complete score, before the entry being changed"))
        text = self.tr("Last complete score. It updates once this is complete:")
        self.hint.setText(text + ("\n" + needs if needs else ""))
