"""SSRF guard: refuse connections to internal addresses, checked on the resolved IP of every connection.

Feed items can link anywhere, including 169.254.169.254 or a database on 10.0.0.5. The check
runs where the socket is opened (every request and every redirect opens through here), on the
address actually dialled, so DNS rebinding between a check and the connect cannot slip through.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

import anyio
import httpcore

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class BlockedAddress(httpcore.ConnectError):
    """The host resolves to an address the policy refuses."""


def parse_networks(cidrs: Iterable[str]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(cidr, strict=False) for cidr in cidrs)


def refusal(address: str, allowed: tuple[Network, ...]) -> str | None:
    """Why this IP may not be dialled, or None when it may."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if any(ip in network for network in allowed):
        return None
    if ip.is_multicast or not ip.is_global:
        kind = next(
            (
                name
                for name, flag in (
                    ("unspecified", ip.is_unspecified),
                    ("loopback", ip.is_loopback),
                    ("link-local", ip.is_link_local),
                    ("multicast", ip.is_multicast),
                    ("private", ip.is_private),
                )
                if flag
            ),
            "reserved",
        )
        return f"{address} ({kind} address)"
    return None


class GuardedBackend(httpcore.AnyIOBackend):
    """httpcore's network backend, resolving names itself and dialling only permitted IPs."""

    def __init__(self, allowed: tuple[Network, ...]) -> None:
        self.allowed = allowed

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        try:
            with anyio.fail_after(timeout):
                infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, TimeoutError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        # every address must pass: a name that resolves to one public and one private IP is refused
        for address in addresses:
            reason = refusal(address, self.allowed)
            if reason:
                raise BlockedAddress(f"blocked: {host} resolves to {reason}, not in allow_networks")
        last: Exception | None = None
        for address in addresses:
            try:
                return await super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                last = exc
        raise last or httpcore.ConnectError(f"no address for {host}")
