"""PDF reports: the profile worksheet, the printable checklist, the deadline list and the
permanent-residence forms worksheet.

Built with reportlab from values already computed (ReportInput); no Qt, no database and no
clock, so the GUI, the command line and the tests make the same documents.
"""

from ee_desktop.report.document import KINDS, PAPERS, render
from ee_desktop.report.model import ReportInput

__all__ = ["KINDS", "PAPERS", "ReportInput", "render"]
