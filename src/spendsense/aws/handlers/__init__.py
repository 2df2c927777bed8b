"""Lambda entry points, one module per function family; each handler parses, calls the domain, shapes.

Importing a handler module is most of a cold start, and while a few hundred modules build
their classes the cyclic garbage collector runs again and again over a growing heap for
almost nothing to free (about 15 % of the API's import). So it is paused from here, before
the handler module's own imports, until that module calls `imported()` as its last line.
"""

import gc

_collecting = gc.isenabled()
gc.disable()


def imported() -> None:
    """Resume the collector; what is loaded by now lives as long as the container, so it is frozen out of it."""
    gc.freeze()
    if _collecting:
        gc.enable()
