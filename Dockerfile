# Wirewatch image: Apache Airflow 3.3.2 on Python 3.11 with the locked dependencies and the
# wirewatch package. Build: `docker compose build` (or `docker build -t wirewatch/airflow:local .`).
#
# Base: the *slim* variant of the official image. The regular image bundles ~30 providers
# (amazon, google, ...) whose pins clash with requirements.lock (e.g. python-dateutil,
# tenacity), so installing the lock on top of it leaves a broken environment. The slim image
# carries Airflow core only, and requirements.lock then defines everything else, including
# the Celery and FAB providers the compose stack needs. The Python version must be the one
# the lock was compiled for (`uv pip compile ... --python-version 3.11`).
FROM apache/airflow:slim-3.3.2-python3.11

# The image's airflow user (uid 50000, group 0), numeric so that runAsNonRoot-style checks can verify it.
USER 50000

# Written by airflow-init and the tasks; docker-compose.yaml mounts a named volume here, and a
# new named volume takes over the ownership of this directory (airflow, uid 50000).
ENV WIREWATCH_DATA_DIR=/opt/airflow/wirewatch-data \
    WIREWATCH_CONFIG_DIR=/opt/airflow/include/config
RUN mkdir -p "${WIREWATCH_DATA_DIR}"

# 1. Locked dependencies, in their own layer: it is rebuilt only when the lock changes.
#    The apache-airflow pin keeps the lock from moving Airflow away from the base image.
#    `pip check` fails the build if the result is not a consistent environment.
COPY requirements.lock /tmp/requirements.lock
RUN --mount=type=cache,target=/tmp/.cache/pip,uid=50000,gid=0 \
    pip install "apache-airflow==${AIRFLOW_VERSION}" -r /tmp/requirements.lock \
    && pip check

# 2. The wirewatch package itself (no dependencies: they all come from the lock). It is
#    installed as a regular, non-editable package; /opt/airflow/include keeps the config files
#    (WIREWATCH_CONFIG_DIR above) next to a copy of the source.
COPY --chown=airflow:0 pyproject.toml /opt/airflow/pyproject.toml
COPY --chown=airflow:0 include/ /opt/airflow/include/
RUN --mount=type=cache,target=/tmp/.cache/pip,uid=50000,gid=0 \
    pip install --no-deps /opt/airflow \
    && rm -rf /opt/airflow/build /opt/airflow/include/*.egg-info \
    && wirewatch --help >/dev/null

# 3. DAGs and plugins change most often, so they come last.
COPY --chown=airflow:0 dags/ /opt/airflow/dags/
COPY --chown=airflow:0 plugins/ /opt/airflow/plugins/
