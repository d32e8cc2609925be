"""Worker tasks of the public pages (scheduled in lapor.notifications.schedule)."""

from __future__ import annotations

from django_tasks import task


@task()
def refresh_search_words() -> int:
    """Every five minutes: add the words of recently published or edited reports to the search
    vocabulary (lapor.public.vocabulary), the words a misspelled search is corrected towards.
    Returns the number of new words."""
    from lapor.public.vocabulary import refresh_words

    return refresh_words()


@task()
def rebuild_search_words() -> int:
    """Nightly: rebuild the search vocabulary from every publicly visible report (drops the
    words of reports no longer public). Returns its size."""
    from lapor.public.vocabulary import refresh_words

    return refresh_words(full=True)
