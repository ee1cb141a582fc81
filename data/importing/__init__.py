"""Importing CRM and sales exports: read, detect, map, validate in bulk, commit, log."""
