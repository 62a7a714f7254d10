"""Storage: peewee models, the journal file, migrations, import and export."""
