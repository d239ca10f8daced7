# syntax=docker/dockerfile:1
# The marsad server (REST API + Arabic web pages) in a container. Every command of the image is `marsad`:
#   docker build -t marsad .
#   docker run --rm -v marsad-data:/data marsad marsad ingest /data/inbox   # or: marsad watch …
#   docker run -d -p 127.0.0.1:8765:8765 -v marsad-data:/data marsad      # serves /data/marsad.db
# compose.yaml runs it against PostgreSQL 16 with `marsad watch` next to it (README: "Running it as a service").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Every dependency is pinned in pyproject.toml and published as a manylinux wheel for x86_64, so no
# compiler is needed. The models and the knowledge base are package data inside marsad/.
WORKDIR /src
COPY pyproject.toml README.md ./
COPY marsad ./marsad
RUN pip install /src && rm -rf /src

# An unprivileged user owning only the store's folder.
RUN useradd --system --uid 10001 --user-group --home-dir /data --shell /usr/sbin/nologin marsad \
    && mkdir -p /data \
    && chown marsad:marsad /data
USER marsad
WORKDIR /data

# The SQLite store lives on the volume; set MARSAD_DB=postgresql://user@host:5432/db (password in
# PGPASSWORD) to use a PostgreSQL server instead.
ENV MARSAD_DB=/data/marsad.db
VOLUME ["/data"]

EXPOSE 8765
# /api/stats answers from the store, so a server whose database is gone is reported unhealthy. The Host
# check of `marsad serve` accepts an IP address, so no --allowed-host is needed for it.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8765/api/stats', timeout=4)"]

CMD ["marsad", "serve", "--host", "0.0.0.0"]
