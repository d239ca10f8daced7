"""What a local Dask cluster exposes to the network (issue 20.13)."""

from __future__ import annotations

from pathlib import Path


def _listening(port: int) -> list[str]:
    """Local addresses (hex, as /proc/net/tcp writes them) of the sockets listening on `port`."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            local, state = row.split()[1], row.split()[3]
            addr, hexport = local.rsplit(":", 1)
            if state == "0A" and int(hexport, 16) == port:  # 0A: LISTEN
                found.append(addr)
    return found


def test_dashboard_listens_on_loopback_only(client) -> None:  # type: ignore[no-untyped-def]
    """The dashboard (task stream, worker logs, no login) listened on 0.0.0.0, open to the network."""
    port = client.scheduler_info()["services"]["dashboard"]
    addresses = _listening(port)
    assert addresses, f"nothing listens on the dashboard port {port}"
    loopback = {"0100007F", "00000000000000000000000001000000"}  # 127.0.0.1, ::1
    assert set(addresses) <= loopback, addresses
