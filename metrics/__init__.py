"""The metrics layer: every KPI declared once (catalogue), compiled to parameterized DuckDB SQL.

Pages and the CLI ask for numbers only through this package, so the dashboard and
`python cli.py kpi` always print the same figures. Nothing here imports streamlit.
"""
