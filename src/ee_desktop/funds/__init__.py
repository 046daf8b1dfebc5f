"""Settlement funds: the ledger's position on a date against the amount the family needs."""

from ee_desktop.funds.ledger import FundsProblem, FundsReport, funds_report

__all__ = ["FundsProblem", "FundsReport", "funds_report"]
