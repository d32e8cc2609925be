"""Settings for bench/intake_http.py: the project's own, plus the bare insert view's URL."""

from lapor.settings import *  # noqa: F403

ROOT_URLCONF = "bench.intake"
