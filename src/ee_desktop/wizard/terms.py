"""Plain explanations of the terms the forms use, shown as tooltips."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def clb() -> str:
    return QCoreApplication.translate(
        "terms",
        "CLB (Canadian Language Benchmarks) and NCLC (Niveaux de compétence linguistique "
        "canadiens) are the national scales for English and French. Test scores are converted "
        "to a level from 1 to 12 for each ability; Express Entry points depend on these levels.",
    )


def eca() -> str:
    return QCoreApplication.translate(
        "terms",
        "ECA (Educational Credential Assessment): a report from an organization designated by "
        "IRCC (such as WES or ICAS) that says what a diploma from outside Canada is worth in "
        "Canada. A foreign credential earns points only with an ECA; it stays valid five years.",
    )


def noc() -> str:
    return QCoreApplication.translate(
        "terms",
        "NOC (National Occupational Classification): the five-digit code Canada gives each "
        "occupation. Choose the code whose lead statement and main duties match what you "
        "actually did, not just the job title. Type a code or a job title to search.",
    )


def teer() -> str:
    return QCoreApplication.translate(
        "terms",
        "TEER (Training, Education, Experience and Responsibilities): the second digit of a "
        "NOC code, from 0 to 5. Jobs in TEER 0, 1, 2 and 3 count as skilled work for Express "
        "Entry.",
    )


def accompanying() -> str:
    return QCoreApplication.translate(
        "terms",
        "An accompanying spouse or partner will come with you to Canada as a permanent "
        "resident. When they accompany you and are not already a Canadian citizen or permanent "
        "resident, your score is calculated with a spouse and their language, education and "
        "Canadian work can add points.",
    )


def hours() -> str:
    return QCoreApplication.translate(
        "terms",
        "Hours actually worked per week. At most 30 hours a week count toward experience: "
        "1,560 hours make one year. Working more does not make a year shorter.",
    )


def full_time_student() -> str:
    return QCoreApplication.translate(
        "terms",
        "Tick when you did this work while you were a full-time student. Such work does not "
        "count as experience for the Canadian Experience Class.",
    )


def settlement_funds() -> str:
    return QCoreApplication.translate(
        "terms",
        "Money you can use to settle in Canada, in Canadian dollars: savings that are yours, "
        "not borrowed and not the value of property. Most Federal Skilled Worker and Federal "
        "Skilled Trades applicants must show a minimum that depends on the family size.",
    )
