"""Who carries WhatsApp messages: Meta's Cloud API (``cloud``), or a local Business Solution
Provider added as one more folder here with a ``Provider`` class (see ``base.Provider``) and
selected with ``WHATSAPP_PROVIDER``."""

from __future__ import annotations

import importlib
from functools import cache

from django.conf import settings

from lapor.whatsapp.providers.base import Provider


@cache
def _load(name: str) -> Provider:
    module = importlib.import_module(f"lapor.whatsapp.providers.{name}")
    provider: Provider = module.Provider()
    return provider


def provider() -> Provider:
    return _load(str(settings.WHATSAPP_PROVIDER))
