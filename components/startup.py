"""Once per server process, when its first page starts: the imported modules' objects are
set aside from the garbage collector.

About 140,000 objects come with the imports (Streamlit, pandas, Plotly, DuckDB, Huddle's own
modules) and live as long as the process. Python's full collection walked every one of them
again, once in the middle of a page's first run: 65-75 ms of the stand-up's at ten million
order lines. gc.freeze() moves what is alive now into a generation no collection walks; what
is made after (answers, session state) is collected as before.
"""

from __future__ import annotations

import atexit
import gc

_frozen = False


def set_imports_aside() -> None:
    """Freeze what is alive now, the first time only (a rerun adds nothing to set aside: it
    imports nothing new, and its objects are not for keeping)."""
    global _frozen
    if _frozen:
        return
    _frozen = True
    gc.freeze()
    # Back within reach when the process ends, so its last collection frees them as before
    # (DuckDB's bindings otherwise report its type objects as leaked, on every exit).
    atexit.register(gc.unfreeze)
