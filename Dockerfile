# Kancelaria: one image for the web process (gunicorn), the Celery worker and Celery beat.
# Configuration comes from the environment at run time (see .env.example and README.md).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_ENV=production \
    VAR_DIR=/app/var \
    MEDIA_ROOT=/app/var/media \
    STATIC_ROOT=/app/static_collected

# WeasyPrint renders PDFs with the system Pango; DejaVu covers Polish letters; pg_dump makes backups;
# libldap/libsasl serve directory login (python-ldap, built in the next step).
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libffi8 \
        fonts-dejavu-core shared-mime-info tzdata postgresql-client libldap-2.5-0 libsasl2-2 \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 kancelaria \
    && useradd --system --uid 10001 --gid kancelaria --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin kancelaria

WORKDIR /app

COPY requirements.lock requirements-ldap.lock ./
RUN pip install -r requirements.lock \
    && apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev libldap2-dev libsasl2-dev \
    && pip install -r requirements-ldap.lock \
    && apt-get purge -y --auto-remove gcc libc6-dev libldap2-dev libsasl2-dev \
    && rm -rf /var/lib/apt/lists/*

COPY . .

# Static files are collected into the image and served by WhiteNoise (hashed names, compressed).
# The production storage writes the manifest, so collect with production settings; the values
# below exist only for this build step and are never stored in the image.
RUN DJANGO_ENV=production \
    SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(48))')" \
    ALLOWED_HOSTS=build.invalid \
    DATABASE_URL=postgres://build@127.0.0.1:5432/build \
    REDIS_URL=redis://127.0.0.1:6379/0 \
    python manage.py collectstatic --noinput --verbosity 1 \
    && mkdir -p /app/var/media /backups \
    && chown -R kancelaria:kancelaria /app/var /backups

USER kancelaria

EXPOSE 8000

# The request carries an allowed host name (the first of ALLOWED_HOSTS) and says it came over
# HTTPS, as the TLS proxy would; /health/ answers 200 when the database (and Redis) are fine.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD python -c "import os, sys, urllib.request as u; host = (os.environ.get('ALLOWED_HOSTS') or 'localhost').split(',')[0].strip().lstrip('.').replace('*', 'localhost') or 'localhost'; r = u.urlopen(u.Request('http://127.0.0.1:8000/health/live/', headers={'Host': host, 'X-Forwarded-Proto': 'https'}), timeout=8); sys.exit(0 if r.status == 200 else 1)"

CMD ["sh", "-c", "exec gunicorn office.wsgi:application --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3} --access-logfile - --error-logfile -"]
