# Production image: the web process, the Celery worker and beat all run it.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY ecobiz ecobiz
COPY accounts accounts
COPY cooperatives cooperatives
COPY marketplace marketplace
COPY knowledge knowledge
COPY collaboration collaboration
COPY monitoring monitoring
RUN pip install .
COPY . .
RUN SECRET_KEY=build-only DATABASE_URL=postgres://build/build \
    python manage.py compile_translations \
    && SECRET_KEY=build-only DATABASE_URL=postgres://build/build \
    python manage.py collectstatic --noinput \
    && useradd --system --home /app ecobiz \
    && mkdir -p /app/var/media && chown -R ecobiz /app/var

USER ecobiz
EXPOSE 8000
CMD ["gunicorn", "ecobiz.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
