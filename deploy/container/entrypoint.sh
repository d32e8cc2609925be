#!/bin/sh
# The container's roles: web | worker | mail-intake | migrate | manage <args…>
set -e
cd /opt/lapor
case "${1:-web}" in
  web)
    exec granian --interface wsgi --host 0.0.0.0 --port "${PORT:-8000}" \
      --workers "${WEB_WORKERS:-2}" --blocking-threads "${WEB_THREADS:-4}" \
      --backpressure 16 --workers-kill-timeout 10 lapor.wsgi:application ;;
  worker) exec python manage.py run_worker ;;
  mail-intake) exec python manage.py run_mail_intake ;;
  migrate) python manage.py migrate --noinput && exec python manage.py createcachetable ;;
  manage) shift; exec python manage.py "$@" ;;
  *) echo "usage: lapor web|worker|mail-intake|migrate|manage <command>" >&2; exit 64 ;;
esac
