"""Reusable UI pieces: tiles, charts, filters, tables. Pages compose these; no SQL here."""

import streamlit.delta_generator as _delta_generator

# At the first element a process draws, Streamlit checks whether it runs in a Python REPL
# (to print "run it with streamlit run"): inspect.stack() and a walk of every loaded module,
# 116 ms of the first page a fresh server shows, with Huddle's modules loaded. Huddle only
# runs under `streamlit run` (and AppTest), so the check is marked as made. A Streamlit that
# renames the flag only makes the check again (tests/components/test_start.py says so).
_delta_generator._use_warning_has_been_displayed = True
