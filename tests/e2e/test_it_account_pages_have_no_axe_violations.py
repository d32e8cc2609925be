"""axe-core finds no WCAG 2.1 A/AA violation on the account pages of issue 10.6 and 10.7:
confirm the account, forgot password (e-mail and SMS), the login pause, two-step login, and
"forget this report on this device" — under the Content-Security-Policy."""

from __future__ import annotations

from tests.axe import AxeAudit

PW = "Lapor-Kuat-2026!"


def test_the_account_pages_have_no_axe_violations(page, new_context, cast, shot):
    audit = AxeAudit(shot=shot)

    def check(name, target=page):
        audit.check(target, name)

    page.goto("/en/akun/daftar/")
    page.fill("#id_full_name", "Pak Harjo")
    page.fill("#id_login", "0813 1234 9876")
    page.fill("#id_password1", PW)
    page.fill("#id_password2", PW)
    page.click("button[type=submit]")
    page.wait_for_url("**/akun/verifikasi/")
    check("account-verify-phone")
    page.fill("#id_code", "123456")
    page.click("form:has(#id_code) button[type=submit]")
    check("account-verify-wrong-code")
    page.goto("/en/akun/lupa-sandi/")
    check("password-reset")
    page.fill("#id_login", "nobody@example.id")
    page.click("button[type=submit]")
    check("password-reset-sent")
    page.goto("/en/akun/lupa-sandi/")
    page.fill("#id_login", "0813 1234 9876")
    page.click("button[type=submit]")
    page.wait_for_url("**/lupa-sandi/kode/")
    check("password-reset-code")

    locked = new_context().new_page()
    for _ in range(5):
        locked.goto("/en/akun/masuk/")
        locked.fill("#id_login", cast.officer_a.email)
        locked.fill("#id_password", "salah-salah")
        locked.click("main button[type=submit]")
    check("login-paused", locked)

    staff = new_context().new_page()
    staff.goto("/en/akun/masuk/")
    staff.fill("#id_login", cast.officer_b.email)
    staff.fill("#id_password", cast.password)
    staff.click("main button[type=submit]")
    staff.goto("/en/akun/2fa/atur/")
    check("two-step-setup", staff)

    audit.assert_clean()
