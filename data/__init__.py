"""The data layer: Huddle's DuckDB file, its migrations, the store, ingestion and the demo company.

Nothing here imports streamlit; the metrics layer builds on this package, never the reverse.
"""
