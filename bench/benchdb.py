"""Shared start of the bench scripts: a separate ``<name>_bench`` PostgreSQL database, Django set up.

Import it first in a bench script (``import benchdb``): it points DATABASE_URL at the bench
database (created when missing) and calls ``django.setup()``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "office.settings")
os.environ.setdefault("DJANGO_ENV", "test")

base_url = os.environ.get("DATABASE_URL", "")
if not base_url.startswith("postgres"):
    sys.exit("Set DATABASE_URL=postgres://... (the targets are for PostgreSQL).")
server, _, database = base_url.rpartition("/")
bench_name = database.split("?")[0] + "_bench"
os.environ["DATABASE_URL"] = f"{server}/{bench_name}"

import psycopg  # noqa: E402

with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [bench_name]).fetchone():
        conn.execute(f'CREATE DATABASE "{bench_name}"')

import django  # noqa: E402

django.setup()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]
