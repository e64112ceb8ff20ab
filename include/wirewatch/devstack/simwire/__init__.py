"""simwire: a simulated news wire on loopback serving RSS, Atom and RDF feeds and article pages.

Each fictional outlet owns its own 127.0.x.y address; one asyncio server in a daemon thread
serves them all. The content is fixed hand-written texts (one agency story in six versions and
its hard negatives) plus deterministic filler that grows as the (injectable) clock advances.
"""

from wirewatch.devstack.simwire.model import FEED_FAULTS, PAGE_FAULTS, ItemTruth, WireSettings
from wirewatch.devstack.simwire.wire import SimWire, serve

__all__ = ["FEED_FAULTS", "PAGE_FAULTS", "ItemTruth", "SimWire", "WireSettings", "serve"]
