"""Sign in: the only page before anyone is signed in (with the demo's accounts on the demo)."""

from __future__ import annotations

from components import access
from components.sign_in_view import sign_in_page

access.require("pages/sign_in.py")
sign_in_page()
