"""Remote control and the browser views: HTTP, WebSocket and OSC front-ends of the Host.

Nothing here is imported unless `podium run` is given `--serve` or `--osc`; the server, the
API, the security rules and the pages each live in their own module.
"""
