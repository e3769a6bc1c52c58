"""Compile every locale/*/LC_MESSAGES/*.po file into its .mo file.

Django's compilemessages needs GNU gettext's msgfmt, which a machine with
only Python lacks; Babel compiles the same catalogues in pure Python.
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile the translation catalogues in LOCALE_PATHS without msgfmt."

    def handle(self, *args, **options):
        compiled = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                self._compile(po_path)
                compiled += 1
        self.stdout.write(f"Compiled {compiled} translation catalogue(s).")

    def _compile(self, po_path: Path) -> None:
        try:
            with po_path.open("rb") as po_file:
                catalog = read_po(po_file, abort_invalid=True)
        except Exception as error:
            raise CommandError(f"Cannot read {po_path}: {error}") from error
        with po_path.with_suffix(".mo").open("wb") as mo_file:
            # Fuzzy entries are left out, as msgfmt does by default.
            write_mo(mo_file, catalog, use_fuzzy=False)
