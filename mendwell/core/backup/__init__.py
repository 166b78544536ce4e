"""Online backups and restores of a whole instance (database and keyring),
encrypted with ``BACKUP_ENCRYPTION_KEY``, which is never written beside them."""
