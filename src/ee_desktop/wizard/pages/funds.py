"""The Settlement funds page: one figure, or the accounts with their balances and deposits
and the exchange rates, and the position they give today and over six months.

The ``funds`` section is written to the draft only while it has an account or a rate, so
a file without a ledger stays as it was (``settlement_funds_cad`` alone).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ee_desktop.funds.ledger import funds_report
from ee_desktop.i18n import current_locale, format_date, format_money
from ee_desktop.profile.funds_codec import currency_codes
from ee_desktop.services.wizard import Assessment, WizardService
from ee_desktop.wizard import terms
from ee_desktop.wizard.fields import AmountField, DecimalField, Form, Node
from ee_desktop.wizard.funds_chart import FundsChart
from ee_desktop.wizard.pages.base import Problems, WizardPage
from ee_desktop.wizard.pages.numbering import numbered
from ee_desktop.wizard.records import Card, RecordList

# The currencies most applicants hold, after CAD; every ISO 4217 code follows them.
COMMON_CURRENCIES: tuple[str, ...] = (
    "CAD", "INR", "USD", "EUR", "GBP", "CNY", "PHP", "NGN", "PKR", "AED", "BDT", "NPR",
    "LKR", "SAR", "IRR", "KRW", "JPY", "MXN", "BRL", "VND", "ZAR", "KES", "GHS", "EGP",
    "TRY", "AUD",
)  # fmt: skip


@cache
def _currency_options(locale: str) -> tuple[tuple[str, str], ...]:
    from babel.numbers import get_currency_name

    def option(code: str) -> tuple[str, str]:
        name = get_currency_name(code, locale=locale)
        return code, code if name == code else f"{code} — {name}"

    common = [code for code in COMMON_CURRENCIES if code in currency_codes()]
    rest = sorted(currency_codes() - set(common))
    return tuple(option(code) for code in (*common, *rest))


def currency_choice(form: Form, key: str, label: str, tooltip: str) -> None:
    """A drop-down of ISO 4217 codes with their names: CAD and the common ones first."""
    field = form.choice(key, label, _currency_options(current_locale()), tooltip, width=20)
    field.combo.insertSeparator(len([c for c in COMMON_CURRENCIES if c in currency_codes()]))
    field.combo.setMaxVisibleItems(20)


def _heading(text: str) -> QLabel:
    label = QLabel(f"<b>{text}</b>")
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def _help(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class BalanceCard(Card):
    def __init__(self, base_path: str, index: int) -> None:
        super().__init__(
            numbered(QCoreApplication.translate("wizard", "Balance %1"), index + 1),
            base_path,
            QCoreApplication.translate("wizard", "Remove this balance"),
        )
        f = self.form
        f.date("on", self.tr("&Date:"), self.tr("The day of the balance, as on the statement."))
        f.number(
            "amount",
            self.tr("&Amount:"),
            self.tr("The balance on that day, in the account's currency."),
            kind=AmountField,
        )


class DepositCard(Card):
    def __init__(self, base_path: str, index: int) -> None:
        super().__init__(
            numbered(QCoreApplication.translate("wizard", "Deposit %1"), index + 1),
            base_path,
            QCoreApplication.translate("wizard", "Remove this deposit"),
        )
        f = self.form
        f.date("on", self.tr("&Date:"), self.tr("The day the money came into the account."))
        f.number(
            "amount", self.tr("&Amount:"), self.tr("In the account's currency."), kind=AmountField
        )
        f.text(
            "source",
            self.tr("&Source:"),
            self.tr(
                "Where the money came from: a salary, the sale of a car or a flat, a gift "
                "(with a gift letter). Leave it empty while it is not explained yet."
            ),
            placeholder=self.tr("Empty: not explained yet"),
            nullable=True,
        )


class AccountCard(Card):
    """An account: who holds it, its currency, and its own lists of balances and deposits."""

    def __init__(self, base_path: str, index: int) -> None:
        super().__init__(
            numbered(QCoreApplication.translate("wizard", "Account %1"), index + 1),
            base_path,
            QCoreApplication.translate("wizard", "Remove this account"),
        )
        f = self.form
        f.text(
            "institution",
            self.tr("&Institution:"),
            self.tr("The bank or institution holding the account, as on its statements."),
        )
        currency_choice(
            f,
            "currency",
            self.tr("C&urrency:"),
            self.tr("The currency of the account. Other than CAD, it needs an exchange rate."),
        )
        f.choice(
            "owner",
            self.tr("&Held by:"),
            [
                ("applicant", self.tr("You")),
                ("spouse", self.tr("Your spouse or partner")),
                ("joint", self.tr("Joint")),
            ],
            self.tr("IRCC counts your funds and those of your spouse or partner who comes."),
        )
        f.date(
            "opened_on",
            self.tr("&Opened on:"),
            self.tr(
                "Optional: the day the account was opened. An account younger than six "
                "months needs the source of its money explained."
            ),
            nullable=True,
        )
        self.balances = RecordList(
            f"{base_path}.balances",
            QCoreApplication.translate("wizard", "Add a &balance"),
            QCoreApplication.translate(
                "wizard",
                "No balance entered yet. Add the balance of six months ago and the latest "
                "one, from your statements.",
            ),
            lambda: {"on": "", "amount": ""},
            BalanceCard,
        )
        self.deposits = RecordList(
            f"{base_path}.deposits",
            QCoreApplication.translate("wizard", "Add a &deposit"),
            QCoreApplication.translate(
                "wizard",
                "No deposit entered. Add the large deposits of the last six months: officers "
                "ask where they came from.",
            ),
            lambda: {"on": "", "amount": "", "source": None},
            DepositCard,
        )
        for heading, records in (
            (self.tr("Balances"), self.balances),
            (self.tr("Deposits"), self.deposits),
        ):
            records.edited.connect(self.edited)
            self.layout_.insertWidget(self.layout_.count() - 1, _heading(heading))
            self.layout_.insertWidget(self.layout_.count() - 1, records)

    def bind(self, node: Node) -> None:
        super().bind(node)
        self.balances.bind(node.setdefault("balances", []))
        self.deposits.bind(node.setdefault("deposits", []))

    def show_problems(self, problems: Problems, force: bool) -> None:
        super().show_problems(problems, force)
        self.balances.show_problems(problems, force)
        self.deposits.show_problems(problems, force)


class RateCard(Card):
    def __init__(self, base_path: str, index: int) -> None:
        super().__init__(
            numbered(QCoreApplication.translate("wizard", "Rate %1"), index + 1),
            base_path,
            QCoreApplication.translate("wizard", "Remove this rate"),
        )
        f = self.form
        currency_choice(f, "currency", self.tr("C&urrency:"), self.tr("The currency converted."))
        f.number(
            "cad",
            self.tr("&CAD for one unit:"),
            self.tr(
                "What one unit of the currency is worth in Canadian dollars, for example "
                "0.016 for one Indian rupee."
            ),
            placeholder="0.016",
            kind=DecimalField,
        )
        f.date(
            "on",
            self.tr("Date of the &rate:"),
            self.tr("The day of the rate: it is used from that day until a newer one."),
        )


def new_account() -> Node:
    return {
        "institution": "",
        "currency": "CAD",
        "owner": "applicant",
        "opened_on": None,
        "balances": [],
        "deposits": [],
    }


def new_rate() -> Node:
    return {"currency": "INR", "cad": "", "on": ""}


class FundsPage(WizardPage):
    key = "funds"
    refreshed_when_hidden = False

    def __init__(self, service: WizardService, today: Callable[[], date]) -> None:
        super().__init__(service, today)
        self.funds_node: Node = {"accounts": [], "rates": []}
        self.single = Form("")
        self.single.number(
            "settlement_funds_cad",
            self.tr("Settlement f&unds (CAD):"),
            terms.settlement_funds(),
            placeholder=self.tr("e.g. 25000"),
            nullable=True,
            kind=AmountField,
        )
        self.single_note = _help("")
        self.single_note.setObjectName("funds:single_note")
        self.single.add_widget(self.single_note)
        self.body.addWidget(self.single)

        self.accounts = RecordList(
            "funds.accounts",
            self.tr("Add an &account"),
            self.tr("No account entered: the figure above is used."),
            new_account,
            AccountCard,
        )
        self.rates = RecordList(
            "funds.rates",
            self.tr("Add an exchange &rate"),
            self.tr("No exchange rate entered. Accounts in CAD need none."),
            new_rate,
            RateCard,
        )
        for heading, help_text, records in (
            (
                self.tr("Your accounts"),
                self.tr(
                    "Each account of yours, or of your spouse or partner, with its balances "
                    "from your statements and the deposits an officer would ask about."
                ),
                self.accounts,
            ),
            (
                self.tr("Exchange rates"),
                self.tr(
                    "For each currency other than CAD: what one unit is worth in Canadian "
                    "dollars, and the date of that rate (from your bank or the Bank of "
                    "Canada). Each day uses the latest rate on or before it."
                ),
                self.rates,
            ),
        ):
            self.body.addWidget(_heading(heading))
            self.body.addWidget(_help(help_text))
            self.body.addWidget(records)
            records.edited.connect(self._sync)

        self.body.addWidget(_heading(self.tr("Your position today")))
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        self.figures: dict[str, QLabel] = {}
        for row, (key, name) in enumerate(
            (
                ("required", self.tr("Required for your family:")),
                ("available", self.tr("Available today:")),
                ("average", self.tr("Average over the last six months:")),
                ("shortfall", self.tr("Shortfall:")),
            )
        ):
            label = QLabel(name)
            value = QLabel("—")
            value.setObjectName(f"funds:{key}")
            value.setAccessibleName(name.rstrip(": "))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setBuddy(value)
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
            self.figures[key] = value
        grid.setColumnStretch(2, 1)
        holder = QWidget()
        holder.setLayout(grid)
        self.body.addWidget(holder)
        self.position_note = _help("")
        self.position_note.setObjectName("funds:note")
        self.body.addWidget(self.position_note)
        self.chart = FundsChart()
        self.body.addWidget(self.chart)
        self.problems_heading = _heading(self.tr("What an officer would ask about"))
        self.body.addWidget(self.problems_heading)
        self.problem_list = _help("")
        self.problem_list.setObjectName("funds:problems")
        self.problem_list.setTextFormat(Qt.TextFormat.PlainText)
        self.body.addWidget(self.problem_list)
        self._connect(self.single, self.accounts, self.rates)
        self.finish_layout()

    def title(self) -> str:
        return self.tr("Settlement funds")

    def introduction(self) -> str:
        return self.tr(
            "The money you can use to settle in Canada. Give one figure in Canadian dollars, "
            "or enter your accounts: when you enter accounts, they replace the figure, and "
            "the app counts what they hold today and over the last six months, as an "
            "officer does."
        )

    def bind(self, draft: Node) -> None:
        super().bind(draft)
        found = draft.get("funds")
        self.funds_node = found if isinstance(found, dict) else {"accounts": [], "rates": []}
        self.single.bind(draft)
        self.accounts.bind(self.funds_node.setdefault("accounts", []))
        self.rates.bind(self.funds_node.setdefault("rates", []))
        self._update_single_note()

    def _sync(self) -> None:
        """The section is in the draft while it has an account or a rate, and only then."""
        if self.funds_node.get("accounts") or self.funds_node.get("rates"):
            self.draft["funds"] = self.funds_node
        else:
            self.draft.pop("funds", None)
        self._update_single_note()

    def _has_accounts(self) -> bool:
        return bool(self.funds_node.get("accounts"))

    def _update_single_note(self) -> None:
        self.single_note.setText(
            self.tr("Your accounts below replace this figure: it is not used while they exist.")
            if self._has_accounts()
            else self.tr("If you enter your accounts below, they replace this figure.")
        )

    def show_problems(self, problems: Problems, force: bool) -> None:
        self.single.show_problems(problems, force)
        self.accounts.show_problems(problems, force)
        self.rates.show_problems(problems, force)

    def refresh(self, assessment: Assessment) -> None:
        evaluation = assessment.evaluation
        if evaluation is None:
            for value in self.figures.values():
                value.setText("—")
            self.position_note.setText(
                self.tr("Your position shows once the pages before are complete.")
            )
            self.chart.show_months((), None)
            self.chart.setVisible(False)
            self.problems_heading.setVisible(False)
            self.problem_list.setText("")
            return
        report = funds_report(evaluation)

        def money(value: float | None) -> str:
            return "—" if value is None else format_money(value)

        self.figures["required"].setText(money(report.required_cad))
        self.figures["available"].setText(money(report.available_cad))
        self.figures["average"].setText(money(report.six_month_average_cad))
        self.figures["shortfall"].setText(
            money(report.shortfall_cad) if report.required_cad is not None else "—"
        )
        notes = []
        if report.exempt == "job_offer":
            notes.append(
                self.tr(
                    "You do not need to show funds: you are authorized to work in Canada and "
                    "have a valid job offer."
                )
            )
        elif report.exempt == "cec":
            notes.append(
                self.tr(
                    "You do not need to show funds: you qualify only through the Canadian "
                    "Experience Class."
                )
            )
        if report.required_cad is None:
            notes.append(self.tr("No table of required funds is in force today."))
        elif report.table_from is not None:
            notes.append(
                self.tr("Required amount from IRCC's table of %1, for a family of %2.")
                .replace("%1", format_date(report.table_from))
                .replace("%2", str(report.family_size))
            )
        self.position_note.setText(" ".join(notes))
        self.chart.setVisible(report.ledger)
        self.chart.show_months(report.months, report.required_cad)
        self.problems_heading.setVisible(bool(report.problems))
        self.problem_list.setText("\n".join(f"• {p.message}" for p in report.problems))
