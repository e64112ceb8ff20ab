"""The warehouse: schema, migrations, engines and idempotent loads."""
