"""Qt's side of the language: ``self.tr()`` answered from the app's gettext catalogue,
Qt's own dialogs from Qt's translations, and QLocale's formats for date fields."""

from __future__ import annotations

import ctypes

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ee_desktop import i18n


class CatalogTranslator(QTranslator):
    """Looks every ``tr()``/``translate()`` text up in the core's catalogue.

    One catalogue serves the whole app, so Qt's context (the class name) is not part
    of the key; a disambiguation, when given, is the gettext context. Qt's plurals are
    single strings with %n: the catalogue keeps them as message and plural alike.
    """

    def translate(  # noqa: D102 - Qt's virtual
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        if disambiguation is None:
            # PySide6 hands this override a None it does not own when Qt passes no
            # disambiguation (every plain tr(), Qt's own key names): each call would take a
            # reference from None until the interpreter aborts. Give back the one taken; an
            # extra reference to None, should PySide stop taking it, is harmless.
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
        if n >= 0 and disambiguation:
            found = i18n.npgettext(disambiguation, source_text, source_text, n)
        elif n >= 0:
            found = i18n.ngettext(source_text, source_text, n)
        elif disambiguation:
            found = i18n.pgettext(disambiguation, source_text)
        else:
            found = i18n._(source_text)
        # None (a null string) lets Qt ask the next translator: its own texts are in qtbase's.
        return None if found == source_text else found

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


_installed: list[QTranslator] = []


def desktop_languages() -> list[str]:
    """The desktop's UI languages, first choice first: on Windows and macOS they are not
    in the environment that ``i18n.system_language`` reads."""
    return QLocale.system().uiLanguages()


def apply_language(language: str) -> str:
    """Speak ``language`` from now on (core, ``tr()``, Qt's dialogs, QLocale); returns the
    language in use. Widgets already built keep their text: callers rebuild them."""
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    language = i18n.install(language)
    QLocale.setDefault(QLocale(i18n.current_locale()))
    if app is None or language == i18n.DEFAULT_LANGUAGE:
        return language
    qt_own = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", folder):  # Qt's buttons and file dialogs
        _installed.append(qt_own)
    _installed.append(CatalogTranslator(app))
    for translator in _installed:
        app.installTranslator(translator)
    return language
