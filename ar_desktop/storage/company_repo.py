"""The company profile (one row) and per-file settings."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ar_desktop.domain.records import CompanyProfile
from ar_desktop.storage.company_row import no_profile
from ar_desktop.storage.orm import Company, Setting


def get(s: Session) -> CompanyProfile:
    c = s.get(Company, 1)
    if c is None:
        raise no_profile()
    return CompanyProfile(**{f.name: getattr(c, f.name) for f in fields(CompanyProfile)})


def save(s: Session, profile: CompanyProfile) -> None:
    c = s.get(Company, 1)
    if c is None:
        s.add(Company(id=1, **asdict(profile)))
    else:
        for k, v in asdict(profile).items():
            setattr(c, k, v)


def get_setting(s: Session, key: str, default: Any = None) -> Any:
    raw = s.scalar(select(Setting.value).where(Setting.key == key))
    return default if raw is None else json.loads(raw)


def get_settings(s: Session, keys: list[str]) -> dict[str, Any]:
    """The settings among ``keys`` that are stored (absent keys left out), in one query."""
    return {k: json.loads(v) for k, v in s.execute(select(Setting.key, Setting.value).where(Setting.key.in_(keys)))}


def set_setting(s: Session, key: str, value: Any) -> None:
    row = s.get(Setting, key)
    text = json.dumps(value)
    if row is None:
        s.add(Setting(key=key, value=text))
    else:
        row.value = text
