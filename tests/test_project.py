"""Checks of the project as a whole: commands, layout, deployment settings."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "accounts",
    "cooperatives",
    "marketplace",
    "knowledge",
    "collaboration",
    "monitoring",
]


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text()
    return set(re.findall(r"^([a-z][a-z-]*):", text, flags=re.MULTILINE))


def test_readme_commands_are_makefile_targets():
    readme = (ROOT / "README.md").read_text()
    commands = re.findall(r"^make ([a-z-]+)$", readme, flags=re.MULTILINE)
    assert "run" in commands
    assert "test" in commands
    assert set(commands) <= makefile_targets()


def test_ci_script_calls_make_test():
    script = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", script, flags=re.MULTILINE)


def _imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
    return found & set(APPS)


def _python_files(app: str):
    return [
        path for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts
    ]


def test_cooperatives_imports_no_other_app():
    imported = set()
    for path in _python_files("cooperatives"):
        imported |= _imported_apps(path)
    assert imported <= {"cooperatives"}


def test_nothing_imports_monitoring():
    importers = [
        str(path.relative_to(ROOT))
        for app in APPS
        if app != "monitoring"
        for path in _python_files(app)
        if "monitoring" in _imported_apps(path)
    ]
    importers += [
        str(path.relative_to(ROOT))
        for path in (ROOT / "ecobiz").rglob("*.py")
        if "monitoring" in _imported_apps(path)
    ]
    assert importers == []


def test_docker_compose_runs_every_process():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"db", "redis", "web", "worker", "beat", "migrate"} <= set(services)
    assert services["db"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")
    for name in ("web", "worker", "beat", "migrate"):
        environment = services[name]["environment"]
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert environment["REDIS_URL"].startswith("redis://")
    assert "gunicorn" in services["web"]["command"]
    assert services["worker"]["command"][:4] == ["celery", "-A", "ecobiz", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "ecobiz", "beat"]


def test_deploy_check_passes_with_production_environment():
    environment = {
        "PATH": os.environ["PATH"],
        "DEBUG": "false",
        "SECRET_KEY": "x" * 20 + "-production-secret-key-of-fifty-chars-or-more",
        "ALLOWED_HOSTS": "ecobiz.example.id",
        "CSRF_TRUSTED_ORIGINS": "https://ecobiz.example.id",
        "DATABASE_URL": os.environ.get("DATABASE_URL", "postgres:///ecobiz"),
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "EMAIL_URL": "smtp+tls://user:password@smtp.example.id:587",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stderr


def test_settings_use_indonesian_and_jakarta_time(settings):
    assert settings.LANGUAGE_CODE == "id"
    assert [code for code, _name in settings.LANGUAGES] == ["id", "en"]
    assert settings.TIME_ZONE == "Asia/Jakarta"
    assert settings.USE_TZ is True


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_code_passes_ruff():
    result = _run(sys.executable, "-m", "ruff", "check", ".")

    assert result.returncode == 0, result.stdout


def test_code_is_ruff_formatted():
    result = _run(sys.executable, "-m", "ruff", "format", "--check", ".")

    assert result.returncode == 0, result.stdout


@pytest.mark.django_db
def test_models_match_migrations():
    result = _run(sys.executable, "manage.py", "makemigrations", "--check", "--dry-run")

    assert result.returncode == 0, result.stdout + result.stderr


def test_every_template_icon_is_in_icon_subset():
    stylesheet = (
        ROOT / "static" / "vendor" / "bootstrap-icons" / "bootstrap-icons-subset.css"
    ).read_text()
    defined = set(re.findall(r"\.bi-([a-z0-9-]+)::before", stylesheet))
    used = set()
    for template in (ROOT / "templates").rglob("*.html"):
        used.update(re.findall(r"\bbi-([a-z0-9-]+)", template.read_text()))
    assert used - defined == set(), "run frontend/scripts/subset_icons.py"
