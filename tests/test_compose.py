"""The container stack: docker-compose.yaml, Dockerfile and .dockerignore, checked without Docker.

docker-compose.yaml is validated against the Compose Specification JSON schema that the
check-jsonschema package ships (so the test runs offline), after the same `${VAR:-default}`
interpolation Compose does; then the wiring the schema cannot see is checked service by service.
"""

from __future__ import annotations

import copy
import importlib.resources
import json
import re
import shlex
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from jsonschema.validators import validator_for

REPO = Path(__file__).resolve().parents[1]
COMPOSE_FILE = REPO / "docker-compose.yaml"
DOCKERFILE = REPO / "Dockerfile"
DOCKERIGNORE = REPO / ".dockerignore"
LOCK = REPO / "requirements.lock"
FEEDS_FILE = REPO / "include" / "config" / "feeds.yaml"

AIRFLOW_SERVICES = {
    "airflow-apiserver",
    "airflow-scheduler",
    "airflow-dag-processor",
    "airflow-worker",
    "airflow-triggerer",
    "airflow-init",
}
REQUIRED_SERVICES = AIRFLOW_SERVICES | {"postgres", "redis"}
# Services that do not run the Wirewatch image.
INFRA_SERVICES = {"postgres", "redis"}
# What the host may bind-mount into the Airflow containers; everything else is baked into the image.
ALLOWED_BIND_MOUNTS = {"dags", "plugins", "include/config"}


# --- Compose interpolation -----------------------------------------------------------------------

_VARIABLE = re.compile(r"\$(?:(?P<escaped>\$)|\{(?P<braced>[^}]*)\}|(?P<named>[A-Za-z_][A-Za-z0-9_]*))")
_BRACED = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:-|-|:\?|\?|:\+|\+)(?P<arg>.*))?$", re.S)


def interpolate(node: Any, env: dict[str, str], unset: set[str]) -> Any:
    """Resolve `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`, `${VAR:+alt}`
    and `$$` in every string value, as Compose does; names read but unset without a default go to
    `unset` (Compose would warn and use an empty string)."""
    if isinstance(node, dict):
        return {key: interpolate(value, env, unset) for key, value in node.items()}
    if isinstance(node, list):
        return [interpolate(item, env, unset) for item in node]
    if not isinstance(node, str):
        return node

    def substitute(match: re.Match[str]) -> str:
        if match["escaped"]:
            return "$"
        if match["named"]:
            name, op, arg = match["named"], None, ""
        else:
            parsed = _BRACED.match(match["braced"])
            assert parsed, f"invalid interpolation {match[0]!r} in {node!r}"
            name, op, arg = parsed["name"], parsed["op"], parsed["arg"] or ""
        value = env.get(name)
        if op in (":-", "-"):
            use_default = value is None or (op == ":-" and value == "")
            return arg if use_default else value
        if op in (":?", "?"):
            assert value is not None and (op == "?" or value), f"required variable {name} is unset: {arg}"
            return value
        if op in (":+", "+"):
            return arg if value is not None and (op == "+" or value) else ""
        if value is None:
            unset.add(name)
            return ""
        return value

    return _VARIABLE.sub(substitute, node)


def resolve(raw: dict, env: dict[str, str] | None = None) -> dict:
    unset: set[str] = set()
    resolved = interpolate(raw, env or {}, unset)
    assert not unset, f"variables without a default (set them in .env or give a default): {sorted(unset)}"
    return resolved


# --- Fixtures ------------------------------------------------------------------------------------


def load_compose_schema() -> dict:
    try:
        vendored = importlib.resources.files("check_jsonschema.builtin_schemas.vendor")
        return json.loads(vendored.joinpath("compose-spec.json").read_bytes())
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        pytest.fail(
            "the Compose Specification schema comes from the check-jsonschema package "
            f"(check_jsonschema/builtin_schemas/vendor/compose-spec.json), which is missing: {exc}"
        )


@pytest.fixture(scope="module")
def compose_validator():
    schema = load_compose_schema()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@pytest.fixture(scope="module")
def raw_compose() -> dict:
    with COMPOSE_FILE.open(encoding="utf-8") as f:
        # SafeLoader resolves the `<<: *anchor` merge keys the file relies on, as Compose does.
        return yaml.safe_load(f)


@pytest.fixture(scope="module")
def compose(raw_compose) -> dict:
    """The file as `docker compose config` would see it with an empty environment and no .env."""
    return resolve(raw_compose)


@pytest.fixture(scope="module")
def services(compose) -> dict[str, dict]:
    return compose["services"]


def schema_errors(validator, document: dict) -> list[str]:
    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    return ["/".join(map(str, e.absolute_path)) + f": {e.message}" for e in errors]


def environment(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return {key: None if value is None else str(value) for key, value in env.items()}


def depends_on(service: dict) -> dict[str, dict]:
    deps = service.get("depends_on") or {}
    if isinstance(deps, list):
        return {name: {"condition": "service_started"} for name in deps}
    return deps


def volume_mounts(service: dict) -> list[dict]:
    """Short (`src:dst[:mode]`) and long volume syntax, as {type, source, target, read_only}."""
    mounts = []
    for item in service.get("volumes") or []:
        if isinstance(item, dict):
            mounts.append(item)
            continue
        parts = item.split(":")
        source, target = (parts[0], parts[1]) if len(parts) > 1 else (None, parts[0])
        kind = "volume" if source and not source.startswith((".", "/", "~")) else "bind"
        read_only = len(parts) > 2 and "ro" in parts[2].split(",")
        mounts.append({"type": kind, "source": source, "target": target, "read_only": read_only})
    return mounts


def image_services(services: dict[str, dict]) -> dict[str, dict]:
    return {name: svc for name, svc in services.items() if name not in INFRA_SERVICES}


def command_text(service: dict) -> str:
    command = service.get("command") or ""
    return command if isinstance(command, str) else "\n".join(command)


def lock_pins() -> dict[str, str]:
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;#]+)", line):
            pins[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return pins


def lock_python_version() -> str:
    header = LOCK.read_text(encoding="utf-8")[:2000]
    match = re.search(r"--python-version[ =](\d+\.\d+)", header)
    assert match, "requirements.lock does not say which Python it was compiled for (--python-version)"
    return match[1]


# --- The Compose Specification -------------------------------------------------------------------


def test_compose_file_matches_the_compose_specification(compose_validator, compose):
    assert schema_errors(compose_validator, compose) == []


def test_compose_file_matches_the_specification_before_interpolation_too(compose_validator, raw_compose):
    assert schema_errors(compose_validator, raw_compose) == []


def _set(path: str, value: Any) -> Callable[[dict], None]:
    *parents, last = path.split("/")

    def mutate(document: dict) -> None:
        node = document
        for key in parents:
            node = node[key]
        node[last] = value

    return mutate


# name: (path of the expected error, text in its message, mutation)
BROKEN = {
    "unknown service key": (
        "services/redis",
        "restart_policy",
        _set("services/redis/restart_policy", "always"),
    ),
    "bad depends_on condition": (
        "services/airflow-scheduler/depends_on",
        "service_ready",
        _set("services/airflow-scheduler/depends_on/postgres/condition", "service_ready"),
    ),
    "depends_on without condition": (
        "services/airflow-worker/depends_on",
        "",
        _set("services/airflow-worker/depends_on/redis", {"restart": True}),
    ),
    "unknown healthcheck key": (
        "services/postgres/healthcheck",
        "intervall",
        _set("services/postgres/healthcheck/intervall", "10s"),
    ),
    "ports not a list": (
        "services/airflow-apiserver/ports",
        "array",
        _set("services/airflow-apiserver/ports", {"web": 8080}),
    ),
    "bad service name": ("services", "airflow worker", _set("services/airflow worker", {"image": "busybox"})),
    "unknown top-level key": ("", "'service'", _set("service", {})),
}


@pytest.mark.parametrize("where, text, mutate", BROKEN.values(), ids=BROKEN.keys())
def test_schema_rejects_a_broken_copy(compose_validator, compose, where, text, mutate):
    broken = copy.deepcopy(compose)
    mutate(broken)
    errors = schema_errors(compose_validator, broken)
    assert errors, "the broken copy passed validation: the schema check is not working"
    assert any(error.startswith(where + ":") and text in error for error in errors), errors


# --- Services and their wiring -------------------------------------------------------------------


def test_required_services_exist(services):
    assert REQUIRED_SERVICES <= services.keys(), sorted(REQUIRED_SERVICES - services.keys())


def test_airflow_services_run_the_image_built_from_the_dockerfile(compose, services):
    common = compose["x-airflow-common"]
    build = common["build"]
    context = REPO / (build if isinstance(build, str) else build.get("context", "."))
    dockerfile = context / ("Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile"))
    assert dockerfile.resolve() == DOCKERFILE
    assert not common["image"].startswith("apache/airflow"), "the stock image lacks Wirewatch"
    for name, service in image_services(services).items():
        assert service.get("build") == build, f"{name} does not build from the Dockerfile"
        assert service.get("image") == common["image"], f"{name} runs another image"


def test_airflow_services_share_one_configuration(compose, services):
    common = environment(compose["x-airflow-common"])
    for name, service in image_services(services).items():
        env = environment(service)
        different = {key for key, value in common.items() if env.get(key) != value}
        assert not different, f"{name} overrides or lacks the common settings {sorted(different)}"


def test_celery_executor_with_redis_and_postgres(compose, services):
    env = environment(compose["x-airflow-common"])
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert env["AIRFLOW__CORE__LOAD_EXAMPLES"] == "false"
    broker = urlsplit(env["AIRFLOW__CELERY__BROKER_URL"])
    assert (broker.scheme, broker.hostname) == ("redis", "redis")
    for key in ("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "AIRFLOW__CELERY__RESULT_BACKEND"):
        url = urlsplit(env[key])
        assert "postgresql" in url.scheme and url.hostname == "postgres", (key, env[key])
        assert url.path == "/" + environment(services["postgres"])["POSTGRES_DB"], (key, env[key])
    assert "celery worker" in command_text(services["airflow-worker"])
    assert environment(services["airflow-worker"])["DUMB_INIT_SETSID"] == "0"


def test_components_reach_the_execution_api_with_a_shared_jwt_secret(compose, services):
    env = environment(compose["x-airflow-common"])
    api = urlsplit(env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"])
    assert (api.hostname, api.path) == ("airflow-apiserver", "/execution/")
    apiserver = services["airflow-apiserver"]
    assert command_text(apiserver) == "api-server"
    published = {str(port).rsplit(":", 1)[-1] for port in apiserver["ports"]}
    assert str(api.port or 80) in published
    assert env["AIRFLOW__API_AUTH__JWT_SECRET"], "an empty JWT secret makes each component invent its own"


def test_warehouse_is_a_separate_postgres_database(compose, services):
    env = environment(compose["x-airflow-common"])
    uri = env["AIRFLOW_CONN_WIREWATCH_WAREHOUSE"]
    url = urlsplit(uri)
    assert url.scheme in ("postgres", "postgresql"), uri
    assert url.hostname == "postgres" and url.hostname in services
    database = url.path.lstrip("/")
    assert database and database != environment(services["postgres"])["POSTGRES_DB"]
    # The `wirewatch` CLI (airflow-init) reads WIREWATCH_WAREHOUSE_URL, tasks read the connection.
    assert env["WIREWATCH_WAREHOUSE_URL"] == uri


def test_postgres_init_script_creates_the_warehouse_database(compose, services):
    postgres = services["postgres"]
    assert postgres["image"].split(":")[1].split(".")[0] == "16"
    init_mounts = [m for m in volume_mounts(postgres) if m["target"] == "/docker-entrypoint-initdb.d"]
    assert len(init_mounts) == 1, "no init scripts mounted into postgres"
    init_dir = REPO / init_mounts[0]["source"]
    scripts = sorted(init_dir.glob("*.sql")) + sorted(init_dir.glob("*.sh"))
    assert scripts, f"no init script in {init_dir}"
    created = {
        name.lower()
        for script in scripts
        for name in re.findall(r"CREATE DATABASE\s+\"?(\w+)", script.read_text(encoding="utf-8"), re.I)
    }
    database = urlsplit(environment(compose["x-airflow-common"])["AIRFLOW_CONN_WIREWATCH_WAREHOUSE"]).path
    assert database.lstrip("/") in created


def test_wirewatch_settings(compose, services):
    env = environment(compose["x-airflow-common"])
    assert env["WIREWATCH_FEED_LIST"] == "public"
    lists = (yaml.safe_load(FEEDS_FILE.read_text(encoding="utf-8")) or {}).get("lists", {})
    assert "public" in lists, f"{FEEDS_FILE.relative_to(REPO)} has no feed list 'public'"

    data_dir = env["WIREWATCH_DATA_DIR"]
    assert data_dir == "/opt/airflow/wirewatch-data"
    config_dir = env["WIREWATCH_CONFIG_DIR"]
    for name, service in image_services(services).items():
        mounts = {m["target"]: m for m in volume_mounts(service)}
        assert data_dir in mounts, f"{name} does not mount the data volume"
        assert mounts[data_dir]["type"] == "volume" and mounts[data_dir]["source"] in compose["volumes"]
        assert mounts.get(config_dir, {}).get("source", "").endswith("include/config"), name


def test_smtp_connection_is_json_with_an_overridable_host(compose, raw_compose):
    conn = json.loads(environment(compose["x-airflow-common"])["AIRFLOW_CONN_SMTP_DEFAULT"])
    assert conn["conn_type"] == "smtp"
    assert conn["host"] == "mailhog" and isinstance(conn["port"], int)
    relay = resolve(raw_compose, {"WIREWATCH_SMTP_HOST": "smtp.example.org", "WIREWATCH_SMTP_PORT": "587"})
    conn = json.loads(environment(relay["x-airflow-common"])["AIRFLOW_CONN_SMTP_DEFAULT"])
    assert (conn["host"], conn["port"]) == ("smtp.example.org", 587)


def test_only_dags_plugins_and_config_are_bind_mounted(services):
    for name, service in image_services(services).items():
        for mount in volume_mounts(service):
            if mount["type"] != "bind":
                continue
            source = PurePosixPath(mount["source"])
            relative = str(source.relative_to(".")) if not source.is_absolute() else str(source)
            assert relative in ALLOWED_BIND_MOUNTS, f"{name} bind-mounts {mount['source']}"
            assert mount["target"] == f"/opt/airflow/{relative}", mount
            assert mount["read_only"], f"{name} mounts {relative} writable"
            assert (REPO / relative).is_dir(), f"{relative}/ is missing"


def test_healthchecks(services):
    for name in ("postgres", "redis", *sorted(AIRFLOW_SERVICES - {"airflow-init"})):
        test = services[name].get("healthcheck", {}).get("test")
        assert test and test[0] in ("CMD", "CMD-SHELL"), f"{name} has no health check"


def test_depends_on_targets_exist_and_can_satisfy_their_condition(services):
    for name, service in services.items():
        for target, spec in depends_on(service).items():
            assert target in services, f"{name} depends on unknown service {target}"
            assert target != name
            condition = spec.get("condition")
            if condition == "service_healthy":
                assert "healthcheck" in services[target], f"{name} waits for {target} to be healthy"
            if condition == "service_completed_successfully":
                assert services[target].get("restart", "no") in ("no", "on-failure"), target
            if not service.get("profiles"):
                assert not services[target].get("profiles"), f"{name} needs {target}, which is in a profile"


def test_dependencies_have_no_cycle(services):
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        if state.get(name) == "done":
            return
        assert state.get(name) != "visiting", " -> ".join([*path, name])
        state[name] = "visiting"
        for target in depends_on(services[name]):
            visit(target, [*path, name])
        state[name] = "done"

    for name in services:
        visit(name, [])


def test_long_running_airflow_services_wait_for_init(services):
    for name in AIRFLOW_SERVICES - {"airflow-init"}:
        deps = depends_on(services[name])
        assert deps.get("airflow-init", {}).get("condition") == "service_completed_successfully", name
        for infra in ("postgres", "redis"):
            assert deps.get(infra, {}).get("condition") == "service_healthy", (name, infra)
    worker_deps = depends_on(services["airflow-worker"])
    assert worker_deps["airflow-apiserver"]["condition"] == "service_healthy"


def test_init_migrates_airflow_then_creates_the_user_then_migrates_the_warehouse(services):
    init = services["airflow-init"]
    env = environment(init)
    assert env["_AIRFLOW_DB_MIGRATE"] == "true" and env["_AIRFLOW_WWW_USER_CREATE"] == "true"
    assert env["_AIRFLOW_WWW_USER_USERNAME"] and env["_AIRFLOW_WWW_USER_PASSWORD"]
    script = command_text(init)
    # The image's /entrypoint does the migration and user creation before the airflow command.
    airflow_step = script.find("/entrypoint airflow")
    warehouse_step = script.find("wirewatch warehouse migrate")
    assert 0 <= airflow_step < warehouse_step, script
    assert "set -e" in script, "a failed step must fail airflow-init, or the stack starts anyway"


def test_lock_has_what_the_stack_configuration_needs(compose):
    env = environment(compose["x-airflow-common"])
    pins = lock_pins()
    needed = {"apache-airflow"}
    if env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor":
        needed |= {"apache-airflow-providers-celery", "celery", "redis"}
    if env.get("AIRFLOW__CORE__AUTH_MANAGER", "").startswith("airflow.providers.fab."):
        needed.add("apache-airflow-providers-fab")
    if "+psycopg2" in env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]:
        needed.add("psycopg2-binary" if "psycopg2-binary" in pins else "psycopg2")
    needed |= {"apache-airflow-providers-postgres", "apache-airflow-providers-smtp", "psycopg"}
    assert not needed - pins.keys(), f"requirements.lock lacks {sorted(needed - pins.keys())}"


# --- Dockerfile ----------------------------------------------------------------------------------


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with comments dropped and continuation lines joined."""
    instructions, pending = [], ""
    for line in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if pending and stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        keyword, _, rest = (pending + stripped).partition(" ")
        instructions.append((keyword.upper(), rest.strip()))
        pending = ""
    assert not pending, "the Dockerfile ends inside a continued line"
    return instructions


def copies() -> list[tuple[int, list[str], str]]:
    """(position, sources, destination) of each COPY from the build context."""
    result = []
    for position, (keyword, args) in enumerate(dockerfile_instructions()):
        if keyword != "COPY":
            continue
        words = [word for word in shlex.split(args) if not word.startswith("--")]
        assert "--from" not in args, "COPY --from is not expected here"
        result.append((position, words[:-1], words[-1]))
    return result


def copy_position(source: str) -> tuple[int, str]:
    for position, sources, destination in copies():
        if source in [s.rstrip("/") for s in sources]:
            return position, destination
    pytest.fail(f"the Dockerfile does not COPY {source}")


def test_dockerfile_builds_on_the_airflow_image_of_the_lock():
    froms = [args for keyword, args in dockerfile_instructions() if keyword == "FROM"]
    assert len(froms) == 1, froms
    image = froms[0].split()[0]
    match = re.fullmatch(r"apache/airflow:(?:slim-)?(?P<airflow>[\d.]+)-python(?P<python>[\d.]+)", image)
    assert match, f"base image {image} is not apache/airflow:[slim-]<version>-python<version>"
    assert match["airflow"] == "3.3.2"
    assert match["airflow"] == lock_pins()["apache-airflow"], "base image and lock disagree on Airflow"
    assert match["python"] == lock_python_version(), "the lock was compiled for another Python"


def test_dockerfile_installs_the_lock_before_copying_the_code():
    lock_at, lock_dest = copy_position("requirements.lock")
    instructions = dockerfile_instructions()
    installs = [
        position
        for position, (keyword, args) in enumerate(instructions)
        if keyword == "RUN" and re.search(r"pip install\b.*\s-r\s+" + re.escape(lock_dest) + r"\b", args)
    ]
    assert installs and installs[0] > lock_at, "no RUN installs the copied requirements.lock"
    for source in ("include", "dags", "plugins", "pyproject.toml"):
        assert copy_position(source)[0] > installs[0], f"{source} is copied before the dependencies"


def test_dockerfile_installs_the_project_without_touching_the_locked_dependencies():
    instructions = dockerfile_instructions()
    pyproject_at, pyproject_dest = copy_position("pyproject.toml")
    project_dir = str(
        PurePosixPath(pyproject_dest).parent if pyproject_dest.endswith(".toml") else pyproject_dest
    )
    include_at, include_dest = copy_position("include")
    assert include_dest.rstrip("/") == f"{project_dir.rstrip('/')}/include", "pyproject.toml expects include/"
    installs = [
        (position, args)
        for position, (keyword, args) in enumerate(instructions)
        if keyword == "RUN"
        and re.search(r"pip install\b[^&;|]*\s" + re.escape(project_dir) + r"/?(\s|$)", args)
    ]
    assert installs, f"no RUN installs the project from {project_dir}"
    position, args = installs[0]
    assert position > max(pyproject_at, include_at)
    assert "--no-deps" in args, "the project install must not re-resolve the locked dependencies"


def test_dockerfile_copies_dags_plugins_and_include_to_airflow_home():
    for source in ("dags", "plugins", "include"):
        _, destination = copy_position(source)
        assert destination.rstrip("/") == f"/opt/airflow/{source}"
        folder = REPO / source
        # git keeps no empty folder, and COPY of a missing folder fails the build
        assert folder.is_dir() and any(p.is_file() for p in folder.rglob("*")), f"{source}/ has no file"


def test_dockerfile_runs_as_the_airflow_user():
    users = [args for keyword, args in dockerfile_instructions() if keyword == "USER"]
    assert users and users[-1].split(":")[0] in ("airflow", "50000")


def test_dockerignore_lets_only_the_copied_files_in():
    patterns = [
        line.strip()
        for line in DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert patterns[0] == "*", ".dockerignore should start by excluding everything"
    allowed = {pattern[1:].strip("/") for pattern in patterns if pattern.startswith("!")}
    for _, sources, _ in copies():
        for source in sources:
            assert source.strip("/") in allowed, f".dockerignore keeps {source} out of the build context"
    assert not {".venv", ".git", ".airflow"} & allowed
