"""REST API v1 (django-ninja) at /api/v1/: see docs/api.md."""
