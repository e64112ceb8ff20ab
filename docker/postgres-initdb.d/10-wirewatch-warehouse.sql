-- Creates the Wirewatch warehouse database next to Airflow's metadata database.
-- The postgres image runs the files in /docker-entrypoint-initdb.d through psql once, when
-- the data volume is empty. If the volume predates this script, run it by hand:
--   docker compose exec -T postgres psql -U airflow -d airflow < docker/postgres-initdb.d/10-wirewatch-warehouse.sql
-- (idempotent: \gexec runs CREATE DATABASE only when the database is missing).
SELECT 'CREATE DATABASE wirewatch OWNER airflow'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'wirewatch')\gexec
