"""Where a webhook may go: never into our own network (server-side request forgery).

A partner's webhook URL is typed by an admin, but the host name in it is controlled by whoever
controls its DNS. Sent blindly, a webhook could reach the server itself (``127.0.0.1``, ``[::1]``,
a name resolving to them), the internal network (``10.x``, ``192.168.x``), a cloud metadata
service (``169.254.169.254``) — and its answer would be logged for staff to read. So:

- **https only.** ``http`` only when ``PARTNER_WEBHOOK_ALLOW_HTTP`` is set (tests; the
  simulator speaks plain HTTP). No user name or password in the URL.
- **Public addresses only.** Every address the host resolves to must be a global unicast
  address: loopback, private, shared (CGNAT), link-local, multicast, reserved, unspecified and
  documentation ranges are refused, for IPv4 and IPv6, and an IPv6 address that embeds an IPv4
  one (IPv4-mapped ``::ffff:127.0.0.1``, 6to4, Teredo) is judged by the embedded one too. Only
  the networks listed in ``PARTNER_WEBHOOK_ALLOWED_NETWORKS`` (tests: loopback, where the
  simulator listens) are let through besides.
- **Checked when saved** (the model field's validator, so the admin form, and the integration
  actions) and **again when sending**: the host is resolved once, every address checked, and
  the connection is made to that checked address (the TLS certificate is still verified
  against the host name). A DNS answer that changes between the check and the connection (DNS
  rebinding) is never asked for. A name that does not resolve when saved is accepted (DNS may
  be down); it is checked when sending like any other.
- **Redirects are not followed** (``http.client`` never follows them): a 3xx is a failed
  attempt, so a public receiver cannot bounce the request inside.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeDestination(Exception):
    """The URL may not be used for a webhook; ``message`` says why (translated)."""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = message


def allow_http() -> bool:
    return bool(getattr(settings, "PARTNER_WEBHOOK_ALLOW_HTTP", False))


def allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [
        ipaddress.ip_network(n, strict=False)
        for n in getattr(settings, "PARTNER_WEBHOOK_ALLOWED_NETWORKS", ())
    ]


def _embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    found = []
    if address.ipv4_mapped is not None:
        found.append(address.ipv4_mapped)
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        found.extend(address.teredo)
    return found


def is_public(address: IPAddress) -> bool:
    """True for a global unicast address (and, for IPv6, any IPv4 address it embeds)."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id:
            return False
        embedded = _embedded_ipv4(address)
        if embedded:
            return all(is_public(v4) for v4 in embedded)
    return not (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


def address_allowed(address: IPAddress) -> bool:
    if is_public(address):
        return True
    plain = address
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        plain = address.ipv4_mapped
    return any(
        plain in network for network in allowed_networks() if network.version == plain.version
    )


@dataclass(frozen=True)
class Destination:
    scheme: str
    host: str
    port: int
    path: str  # path and query, as sent in the request line


def parse(url: str) -> Destination:
    """The parts of ``url`` a webhook uses; raises ``UnsafeDestination`` for a URL that may not
    be one whatever it resolves to."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise UnsafeDestination(_("This is not a valid URL.")) from None
    scheme = parts.scheme.lower()
    if scheme != "https" and not (scheme == "http" and allow_http()):
        raise UnsafeDestination(_("The webhook URL must start with https://."))
    if parts.username is not None or parts.password is not None:
        raise UnsafeDestination(_("The webhook URL may not contain a user name or password."))
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise UnsafeDestination(_("The webhook URL has no host name."))
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Destination(scheme, host, port or (443 if scheme == "https" else 80), path)


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to for TCP (one DNS lookup), in the resolver's order."""
    literal = _literal(host)
    if literal is not None:
        return [literal]
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    found: list[IPAddress] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        # An IPv6 link-local answer carries its zone ("fe80::1%eth0"): kept, and refused.
        address = ipaddress.ip_address(str(sockaddr[0]))
        if address not in found:
            found.append(address)
    return found


def _refuse_unless_allowed(addresses: list[IPAddress]) -> None:
    if not addresses:
        raise UnsafeDestination(_("The webhook host name does not resolve to any address."))
    for address in addresses:
        if not address_allowed(address):
            # The address itself is not named: this text reaches the delivery log, and an
            # internal address is nobody's business there.
            raise UnsafeDestination(
                _(
                    "The webhook URL leads to an address inside a private, local or reserved "
                    "network; only public internet addresses are allowed."
                )
            )


def check_destination(url: str) -> tuple[Destination, IPAddress]:
    """Resolve ``url``'s host once and check every address; the address to connect to.
    Raises ``UnsafeDestination``, or ``OSError`` when the name does not resolve now."""
    destination = parse(url)
    try:
        addresses = resolve(destination.host, destination.port)
    except UnicodeError:
        raise UnsafeDestination(_("The webhook URL has an invalid host name.")) from None
    # A failed lookup (socket.gaierror, an OSError) propagates: like a refused connection, it
    # is a failed attempt that is tried again later.
    _refuse_unless_allowed(addresses)
    return destination, addresses[0]


def validate_webhook_url(url: str) -> None:
    """Model/form validator: refuse what is unsafe now. A host name that does not resolve at
    the moment is accepted (it is checked again, and refused, when sending)."""
    if not url:
        return
    try:
        destination = parse(url)
        try:
            addresses = resolve(destination.host, destination.port)
        except UnicodeError:
            raise UnsafeDestination(_("The webhook URL has an invalid host name.")) from None
        except OSError:
            return
        _refuse_unless_allowed(addresses)
    except UnsafeDestination as exc:
        raise ValidationError(exc.message, code="unsafe_webhook_url") from None


# --- sending -------------------------------------------------------------------------------


def _connection(
    destination: Destination, address: IPAddress, timeout: float
) -> http.client.HTTPConnection:
    connection: http.client.HTTPConnection
    if destination.scheme == "https":
        connection = http.client.HTTPSConnection(
            destination.host,
            destination.port,
            timeout=timeout,
            context=ssl.create_default_context(),
        )
    else:
        connection = http.client.HTTPConnection(destination.host, destination.port, timeout=timeout)
    pinned = str(address)

    # http.client resolves ``host`` itself when it connects; here it connects to the address
    # that was checked instead. The Host header and (https) the certificate check still use
    # the host name.
    def create_connection(
        _address: tuple[str, int], timeout: Any = None, source_address: Any = None
    ) -> socket.socket:
        return socket.create_connection((pinned, destination.port), timeout, source_address)

    connection._create_connection = create_connection  # type: ignore[attr-defined]
    return connection


def post(url: str, body: bytes, headers: dict[str, str], timeout: float, max_response: int) -> int:
    """POST ``body`` to ``url`` after checking where it goes; the HTTP status (a redirect is
    returned, not followed). Raises ``UnsafeDestination`` before connecting anywhere unsafe,
    ``OSError`` on network failures."""
    destination, address = check_destination(url)
    connection = _connection(destination, address, timeout)
    try:
        connection.request("POST", destination.path, body=body, headers=headers)
        response = connection.getresponse()
        response.read(max_response)
        return int(response.status)
    finally:
        connection.close()
