"""The search page in a real browser: headless Chromium (Debian's ``chromium`` and
``chromium-driver`` packages) driven by selenium. Skipped, saying why, when either is missing.

Set ``DEFNAMES_SCREENSHOT=path.png`` to save a screenshot of the entity card (how
``docs/serve-page.png`` is made).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = next((p for p in map(shutil.which, ["chromium", "chromium-browser"]) if p), None)
DRIVER = shutil.which("chromedriver")
APT = "apt-get install -y chromium chromium-driver"

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason=f"no chromium on this machine ({APT})"),
    pytest.mark.skipif(DRIVER is None, reason=f"no chromedriver on this machine ({APT})"),
]

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,1000",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver", reason="the browser test needs selenium")
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager download anything
    profile = tempfile.mkdtemp(prefix="defnames-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _wait(driver: Any, css: str, *, text: str | None = None, timeout: float = 15) -> Any:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(driver, timeout)
    if text is not None:
        wait.until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))
    return wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, css)))


def test_type_pick_a_suggestion_and_read_the_card(browser: Any, real_url: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(real_url + "/")
    box = _wait(browser, "#q")
    box.send_keys("Turkish Aeros")
    first = _wait(browser, "#suggestions li", text="Turkish Aerospace")
    assert "TR" in first.text
    box.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
    card = _wait(browser, "#card h2", text="Turkish Aerospace")
    assert card.text == "Turkish Aerospace"
    body = browser.find_element(By.CSS_SELECTOR, "#card").text
    assert "Türkiye" in body or "Turkey" in body
    assert "Turkish Armed Forces Foundation" in body  # the parent chain
    assert "%" in body  # owners with shares
    assert "Arabic" in body  # names in every script
    assert "former name" in body
    assert not {"null", "undefined", "NaN"} & set(body.split())
    svg = _wait(browser, "#card .tree svg")
    assert svg.find_elements(By.CSS_SELECTOR, "g.node-self")
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#card .sources a")]
    assert links and all(h.startswith("http") for h in links)
    assert browser.execute_script("return location.hash") == "#/entity/turkish-aerospace"


def test_search_lists_results_and_clicking_opens_a_card(browser: Any, real_url: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(real_url + "/#/search?q=Thales")
    _wait(browser, "#results li", text="Thales")
    items = browser.find_elements(By.CSS_SELECTOR, "#results li")
    assert items and "match" in items[0].text
    _wait(browser, "#card h2", text="Thales")
    # follow a link inside the ownership tree: a subsidiary's card opens
    node = _wait(browser, "#card .tree svg a g.node-child")
    target = node.get_attribute("data-id")
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", node)
    _wait(browser, "#card h2")
    assert browser.execute_script("return location.hash") == f"#/entity/{target}"
    shot = os.environ.get("DEFNAMES_SCREENSHOT")
    browser.get(real_url + "/#/search?q=Turkish+Aerospace")
    _wait(browser, "#card .tree svg")
    if shot:
        browser.save_screenshot(shot)


def test_no_match_says_so(browser: Any, real_url: str) -> None:
    browser.get(real_url + "/#/search?q=Leonardo+da+Vinci")
    status = _wait(browser, "#status", text="Leonardo da Vinci")
    assert "resolves to" not in status.text


def test_the_page_needs_no_other_host(browser: Any, real_url: str) -> None:
    browser.get(real_url + "/#/entity/rheinmetall")
    _wait(browser, "#card h2", text="Rheinmetall")
    hosts = browser.execute_script("return performance.getEntriesByType('resource').map(e => new URL(e.name).host)")
    assert set(hosts) <= {real_url.split("//", 1)[1]}


def test_the_api_docs_render_offline(browser: Any, real_url: str) -> None:
    browser.get(real_url + "/docs")
    _wait(browser, ".swagger-ui .opblock", timeout=30)
    hosts = browser.execute_script("return performance.getEntriesByType('resource').map(e => new URL(e.name).host)")
    assert set(hosts) <= {real_url.split("//", 1)[1]}
