"""The REST API and web UI over a store: `linkchart serve` (see docs/ui.md).

`linkchart.server.api.create_app(store_url, token=None)` builds the app; importing this
package alone imports nothing heavy, so the command line starts fast.
"""
