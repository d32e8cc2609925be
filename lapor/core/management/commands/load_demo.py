from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lapor.core.demo import DEMO_PASSWORD, USERS, load_demo


class Command(BaseCommand):
    help = "Load demo staff accounts and a few reports (idempotent). Not for production."

    def handle(self, *args: object, **options: object) -> None:
        # Demo users have a published password: only an explicit demo run (`make run`, which
        # sets LAPOR_DEMO=1) or a developer's DEBUG machine may create them.
        if not (settings.DEMO or settings.DEBUG):
            raise CommandError(
                "Refusing to load demo data and demo users: this is not a demo run. "
                "`make run` is the local demo (it sets LAPOR_DEMO=1); a production server "
                "starts without demo data (README, section Production)."
            )
        counts = load_demo()
        self.stdout.write(
            f"Demo data: {counts['users']} new users, {counts['reports']} new reports."
        )
        self.stdout.write(f"Demo logins (password “{DEMO_PASSWORD}”):")
        for user in USERS:
            self.stdout.write(f"  {user.email:40} {user.role or 'reporter'}")
        from lapor.ppid.demo import USERS as PPID_USERS

        for email, _name, _agency, role in PPID_USERS:
            self.stdout.write(f"  {email:40} {role}")
