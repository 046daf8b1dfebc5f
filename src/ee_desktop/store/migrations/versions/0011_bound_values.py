"""Every encrypted value is bound to its place: each table with encrypted columns gains
``row_key`` (a random value per row), and each value is encrypted again with its table,
column and row key in the associated data (see store/crypto.py). Attached files are
encrypted again, bound to their attachment record, under new names; the old files are
removed once the transaction has committed (``obsolete_files``), the new ones if it fails
(``new_files``).

Rows that already have a row key are left alone. A value that does not decrypt is left as
it is: it was damaged before, and is reported as damaged where it is read.

The data key comes from the caller (``config.attributes["cipher"]``), and the vault's
folder too (``config.attributes["vault"]``).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import context, op

from ee_desktop.store.crypto import LEGACY_FIELD_CONTEXT, DecryptionError, field_context
from ee_desktop.store.models import new_row_key
from ee_desktop.store.vault import LEGACY_CONTEXT, Vault

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# The encrypted columns at this revision.
SEALED = {
    "personal_files": ("label", "settlement_funds_cad"),
    "people": (
        "given_names", "family_name", "date_of_birth", "country_of_residence", "passport",
        "certificate_of_qualification", "provincial_nomination", "job_offer", "background",
    ),
    "language_tests": ("registration_number",),
    "education": ("institution", "field", "eca_reference"),
    "jobs": ("title", "employer"),
    "residences": ("country", "from_date", "to_date", "address"),
    "drafts": ("content",),
    "checklist_items": ("item_key", "snapshot", "notes"),
    "attachments": ("filename",),
    "milestones": ("note",),
    "custom_deadlines": ("title", "notes"),
    "pnp_answers": ("content",),
    "pnp_events": ("content",),
}  # fmt: skip


def upgrade() -> None:
    for table in SEALED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("row_key", sa.String(32), nullable=False, server_default=""))
    attributes: dict[str, Any] = context.config.attributes
    connection = op.get_bind()
    cipher: Any = attributes.get("cipher")
    for table, columns in SEALED.items():
        listed = ", ".join(columns)
        rows = connection.execute(
            sa.text(f"SELECT rowid, {listed} FROM {table} WHERE row_key = ''")  # noqa: S608
        ).all()
        if rows and cipher is None:
            raise RuntimeError("the data key is needed to update the encrypted values")
        for rowid, *values in rows:
            key = new_row_key()
            changes: dict[str, Any] = {"row_key": key}
            for column, value in zip(columns, values, strict=True):
                if value is None:
                    continue
                try:
                    plain = cipher.decrypt(value, LEGACY_FIELD_CONTEXT)
                except DecryptionError:
                    continue  # damaged before: stays damaged, and is reported where read
                changes[column] = cipher.encrypt(plain, field_context(table, column, key))
            assignments = ", ".join(f"{name} = :{name}" for name in changes)
            connection.execute(
                sa.text(f"UPDATE {table} SET {assignments} WHERE rowid = :rowid"),  # noqa: S608
                {**changes, "rowid": rowid},
            )
    _bind_vault_files(connection, cipher, attributes)


def _bind_vault_files(connection: Any, cipher: Any, attributes: dict[str, Any]) -> None:
    folder = attributes.get("vault")
    rows = connection.execute(sa.text("SELECT id, row_key, vault_name FROM attachments")).all()
    if not rows or folder is None:
        return
    vault = Vault(Path(folder), cipher, lambda name: "")
    new_files: list[Path] = attributes.setdefault("new_files", [])
    obsolete: list[Path] = attributes.setdefault("obsolete_files", [])
    for row_id, key, name in rows:
        old = vault.folder / name
        try:
            plain = cipher.decrypt(old.read_bytes(), LEGACY_CONTEXT)
        except (OSError, DecryptionError):
            continue  # missing or damaged before: reported when opened
        new_name = vault.write(plain, key)
        new_files.append(vault.folder / new_name)
        connection.execute(
            sa.text("UPDATE attachments SET vault_name = :name WHERE id = :id"),
            {"name": new_name, "id": row_id},
        )
        obsolete.append(old)


def downgrade() -> None:
    raise NotImplementedError("the values cannot be unbound; restore a backup instead")
