from typing import Any

from django.apps import AppConfig
from django.core import checks


class Config(AppConfig):
    name = "lapor.reports"
    label = "reports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        checks.register(ffmpeg_installed)


def ffmpeg_installed(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Voice notes and videos are cleaned with ffmpeg; without it they are refused."""
    from lapor.reports.cleaning import ffmpeg_available

    if ffmpeg_available():
        return []
    return [
        checks.Warning(
            "ffmpeg/ffprobe not found: voice notes and videos will be refused, because their "
            "metadata cannot be removed.",
            hint="apt-get install ffmpeg",
            id="reports.W001",
        )
    ]
