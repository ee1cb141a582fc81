"""Every page in the sidebar at a laptop's size (1366x768): see test_pages.py, whose walk this
is, in a file of its own so the two sizes run on two workers side by side."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.e2e.conftest import LAPTOP, AppPage
from tests.e2e.test_pages import check_every_page

pytestmark = pytest.mark.browser


def test_every_page_loads_cleanly_with_screenshot_at_laptop_size(
    new_app_page: Callable[..., AppPage],
) -> None:
    check_every_page(new_app_page, LAPTOP)
