"""The hosted checkout page of `flex serve` in a real browser (headless Chromium through Selenium).

Run by tests-browser/run.sh, which starts flex-serve and sets FLEX_SERVE_URL. A small loopback
"shop" stands in for the merchant's application: its success and cancel pages, and a webhook
receiver. Every wait is bounded. Screenshots go to FLEX_SCREENSHOT_DIR (docs/images/ when the
documentation's pictures are refreshed).
"""

import base64
import hashlib
import hmac
import http.server
import json
import os
import threading
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait
from axe_selenium_python import Axe

SERVER = os.environ.get("FLEX_SERVE_URL", "http://127.0.0.1:4010")
SCREENSHOTS = os.environ.get("FLEX_SCREENSHOT_DIR", "")
API_KEY = "fsk_test_browser0000000000"
WAIT_SECONDS = 20

THERMOMETER = ("Digital thermometer", "auto_substantiation", 2499, 2)
BANDAGES = ("Bandages (box of 100)", "auto_substantiation", 899, 1)
CANDY = ("Chocolate bar", "not_eligible", 199, 3)
CPAP = ("CPAP machine", "letter_of_medical_necessity", 45000, 1)


def api(method, path, body=None):
    """One request to flex serve's API; returns (status, JSON body)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(SERVER + path, data=data, method=method)
    request.add_header("Authorization", "Bearer " + API_KEY)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def create_session(shop, items, **extra):
    """Products, prices and a checkout session whose success and cancel URLs are the shop's."""
    lines = []
    for name, eligibility, cents, quantity in items:
        _, product = api("POST", "/v1/products", {"product": {"name": name, "hsa_fsa_eligibility": eligibility}})
        _, price = api("POST", "/v1/prices", {"price": {"product": product["product"]["product_id"], "unit_amount": cents}})
        lines.append({"price": price["price"]["price_id"], "quantity": quantity})
    fields = {"line_items": lines, "success_url": shop.url + "/done?session={CHECKOUT_SESSION_ID}",
              "cancel_url": shop.url + "/cart"}
    fields.update(extra)
    status, body = api("POST", "/v1/checkout/sessions", {"checkout_session": fields})
    assert status == 200, body
    return body["checkout_session"]


def session_state(session_id):
    _, body = api("GET", "/v1/checkout/sessions/" + session_id)
    return body["checkout_session"]


def svix_signature_valid(secret, headers, body):
    """Svix's scheme, written here independently of flex: base64 HMAC-SHA256 with the secret's
    base64 key (after its `…sec_` prefix) over `id.timestamp.body`, one of the space-separated
    `v1,…` signatures."""
    key = base64.b64decode(secret.split("_", 1)[1])
    signed = ("%s.%s." % (headers["svix-id"], headers["svix-timestamp"])).encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    given = [part.split(",", 1)[1] for part in headers["svix-signature"].split(" ") if part.startswith("v1,")]
    return any(hmac.compare_digest(expected, signature) for signature in given)


class Shop:
    """The merchant's application on a loopback port: /done, /cart and a webhook receiver."""

    def __init__(self):
        self.deliveries = []
        shop = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                path = urllib.parse.urlparse(self.path)
                title = "Order confirmed" if path.path == "/done" else "Your cart"
                page = "<!doctype html><html lang=en><title>%s</title><h1>%s</h1><p id=query>%s</p></html>" % (
                    title, title, path.query)
                self.answer(200, page.encode(), "text/html; charset=utf-8")

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(min(length, 1 << 20))
                headers = {name.lower(): value for name, value in self.headers.items()}
                shop.deliveries.append((urllib.parse.urlparse(self.path).path, headers, body))
                self.answer(204, b"", None)

            def answer(self, status, body, content_type):
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *arguments):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def make_browser(javascript=True):
    options = Options()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1000,1400",
                     "--force-device-scale-factor=1", "--lang=en-US"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    browser = webdriver.Chrome(options=options, service=service)
    browser.set_page_load_timeout(WAIT_SECONDS)
    browser.set_script_timeout(WAIT_SECONDS)
    return browser


class CheckoutPageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.shop = Shop()
        cls.browser = make_browser()

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        cls.shop.stop()

    # Helpers

    def open(self, session):
        self.assertTrue(session["redirect_url"].startswith(SERVER + "/pay/c/"), session["redirect_url"])
        self.browser.get(session["redirect_url"])

    def fill(self, fields):
        for field_id, value in fields.items():
            element = self.browser.find_element(By.ID, field_id)
            if element.get_attribute("type") == "radio":
                element.click()
            else:
                element.clear()
                element.send_keys(value)

    def card(self, number="4242 4242 4242 4242", email="ada@example.com"):
        return {"email": email, "cardholder_name": "Ada Lovelace", "card_number": number, "card_expiry": "12/34", "card_cvc": "123"}

    def submit(self):
        self.browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()

    def wait_for_url(self, prefix):
        WebDriverWait(self.browser, WAIT_SECONDS).until(lambda browser: browser.current_url.startswith(prefix))

    def screenshot(self, name):
        if not SCREENSHOTS:
            return
        os.makedirs(SCREENSHOTS, exist_ok=True)
        # The whole page from its top, without the focus ring of the field last typed into.
        self.browser.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
        size = self.browser.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
        # Down to the end of the content (a short page is not padded to the window's height).
        bottom = self.browser.execute_script("return document.querySelector('main').getBoundingClientRect().bottom + 24")
        clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], bottom, 4000), "scale": 1}
        shot = self.browser.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip})
        with open(os.path.join(SCREENSHOTS, name), "wb") as file:
            file.write(base64.b64decode(shot["data"]))

    def assert_accessible(self, what):
        axe = Axe(self.browser)
        axe.inject()
        results = axe.run()
        serious = [violation for violation in results["violations"] if violation.get("impact") in ("serious", "critical")]
        self.assertEqual(serious, [], "%s: axe-core found serious or critical violations: %s" % (
            what, json.dumps([(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in serious], indent=1)))
        self.assertGreater(len(results["passes"]), 10, "axe-core did not run")

    # The flows

    def test_pay_with_an_hsa_card_lands_on_the_success_url(self):
        status, registered = api("POST", "/v1/webhooks", {"webhook": {
            "url": self.shop.url + "/webhooks", "events": ["checkout.session.completed"]}})
        self.assertEqual(status, 200, registered)
        session = create_session(self.shop, [THERMOMETER, BANDAGES])
        self.open(session)
        self.assertIn("TEST MODE", self.browser.find_element(By.TAG_NAME, "header").text)
        self.assertIn("$58.97", self.browser.find_element(By.ID, "total").text)
        self.assertEqual(self.browser.find_element(By.ID, "card_number").get_attribute("autocomplete"), "cc-number")
        self.browser.find_element(By.TAG_NAME, "summary").click()
        self.assertTrue(self.browser.find_element(By.XPATH, "//li/code[text()='4000 0000 0000 0002']").is_displayed())
        self.screenshot("checkout-page.png")
        self.fill(self.card())
        self.fill({"card_kind_hsa": True})
        self.submit()
        self.wait_for_url(self.shop.url + "/done")
        self.assertEqual(self.browser.current_url, "%s/done?session=%s" % (self.shop.url, session["checkout_session_id"]))
        paid = session_state(session["checkout_session_id"])
        self.assertEqual(paid["status"], "complete")
        self.assertEqual(paid["amount_received"], 5897)
        _, events = api("GET", "/_sim/events?type=checkout.session.completed&object=" + session["checkout_session_id"])
        self.assertEqual(len(events["events"]), 1)
        # The signed message the shop's endpoint is owed (recorded by the simulator; sending it over
        # HTTP is test_the_shop_receives_a_signed_checkout_session_completed), checked independently.
        _, deliveries = api("GET", "/_sim/webhooks/deliveries?webhook=" + registered["webhook"]["webhook_id"])
        completed = [d for d in deliveries["deliveries"] if d["event_type"] == "checkout.session.completed"]
        self.assertEqual(len(completed), 1)
        body = completed[0]["body"].encode()
        self.assertTrue(svix_signature_valid(registered["webhook"]["secret"], completed[0]["headers"], body))
        self.assertFalse(svix_signature_valid(registered["webhook"]["secret"], completed[0]["headers"], body + b" "))
        self.assertEqual(json.loads(body)["object"]["checkout_session_id"], session["checkout_session_id"])

    def test_the_letter_of_medical_necessity_step(self):
        session = create_session(self.shop, [CPAP])
        self.open(session)
        legend = self.browser.find_element(By.XPATH, "//legend[text()='Letter of medical necessity']")
        self.assertTrue(legend.is_displayed())
        self.fill(self.card())
        self.fill({"lmn_approved": True})
        self.screenshot("checkout-lmn.png")
        self.submit()
        self.wait_for_url(self.shop.url + "/done")
        paid = session_state(session["checkout_session_id"])
        self.assertEqual(paid["status"], "complete")
        self.assertEqual([fee["fee_type"] for fee in paid["fees"]], ["lmn_consultation"])

    def test_the_split_cart_pays_with_two_cards(self):
        session = create_session(self.shop, [THERMOMETER, CANDY])
        self.open(session)
        self.fill(self.card())
        self.fill({"split_card_number": "5555 5555 5555 4444", "split_card_expiry": "01/30", "split_card_cvc": "321"})
        self.screenshot("checkout-split-cart.png")
        self.submit()
        self.wait_for_url(self.shop.url + "/done")
        paid = session_state(session["checkout_session_id"])
        self.assertEqual(len(paid["payment_intents"]), 2)
        self.assertEqual(paid["amount_received"], 2 * 2499 + 3 * 199)

    def test_a_decline_shows_the_reason_and_keeps_the_form(self):
        session = create_session(self.shop, [THERMOMETER])
        self.open(session)
        self.fill(self.card("4000 0000 0000 0002"))
        self.submit()
        alert = WebDriverWait(self.browser, WAIT_SECONDS).until(
            expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[role=alert]")))
        self.assertIn("The card ending in 0002 was declined (generic_decline). Try another card.", alert.text)
        self.assertEqual(self.browser.find_element(By.ID, "card_number").get_attribute("value"), "")
        self.assertEqual(self.browser.find_element(By.ID, "email").get_attribute("value"), "ada@example.com")
        self.screenshot("checkout-declined.png")
        self.assert_accessible("the declined page")
        self.assertEqual(session_state(session["checkout_session_id"])["status"], "open")
        # The shopper tries another card on the same form.
        self.fill({"card_number": "4242 4242 4242 4242", "card_cvc": "123"})
        self.submit()
        self.wait_for_url(self.shop.url + "/done")

    def test_cancel_returns_to_the_shop_and_leaves_the_session_open(self):
        session = create_session(self.shop, [THERMOMETER])
        self.open(session)
        self.browser.find_element(By.ID, "cancel").click()
        self.wait_for_url(self.shop.url + "/cart")
        self.assertEqual(session_state(session["checkout_session_id"])["status"], "open")

    def test_an_expired_session_shows_its_state(self):
        session = create_session(self.shop, [THERMOMETER])
        status, _ = api("POST", "/_sim/clock/advance", {"clock": {"seconds": 86401}})
        self.assertEqual(status, 200)
        self.open(session)
        self.assertEqual(self.browser.find_element(By.TAG_NAME, "h1").text, "Checkout expired")
        self.assertEqual(self.browser.find_elements(By.TAG_NAME, "form"), [])
        self.screenshot("checkout-expired.png")

    def test_a_complete_session_shows_its_state(self):
        session = create_session(self.shop, [BANDAGES])
        status, _ = api("POST", "/_sim/checkout/sessions/%s/pay" % session["checkout_session_id"],
                        {"payment": {"card": "4242424242424242", "email": "ada@example.com"}})
        self.assertEqual(status, 200)
        self.open(session)
        self.assertEqual(self.browser.find_element(By.TAG_NAME, "h1").text, "Payment complete")

    def test_no_serious_accessibility_violations(self):
        session = create_session(self.shop, [THERMOMETER, CANDY, CPAP])
        self.open(session)
        self.assert_accessible("the checkout page with a split cart and a consultation")
        self.browser.find_element(By.TAG_NAME, "summary").click()
        self.assert_accessible("the page with the test cards open")

    def test_the_keyboard_alone_pays(self):
        session = create_session(self.shop, [THERMOMETER])
        self.open(session)
        typed = self.card()
        reached = []
        body = self.browser.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB)
        for _ in range(40):
            active = self.browser.switch_to.active_element
            field = active.get_attribute("id") or active.tag_name
            reached.append(field)
            if active.tag_name == "button":
                active.send_keys(Keys.ENTER)
                break
            if field in typed:
                active.send_keys(typed[field])
            active.send_keys(Keys.TAB)
        for field in ["email", "card_kind_hsa", "cardholder_name", "card_number", "card_expiry", "card_cvc", "button"]:
            self.assertIn(field, reached, "Tab never reached %s: %s" % (field, reached))
        self.wait_for_url(self.shop.url + "/done")

    def test_without_javascript(self):
        session = create_session(self.shop, [THERMOMETER])
        browser = make_browser(javascript=False)
        try:
            # This browser really runs no script: the paragraph keeps its text.
            browser.get("data:text/html,<p id=probe>off</p><script>document.getElementById('probe').textContent='on'</script>")
            self.assertEqual(browser.find_element(By.ID, "probe").text, "off")
            browser.get(session["redirect_url"])
            for field_id, value in self.card().items():
                browser.find_element(By.ID, field_id).send_keys(value)
            browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
            WebDriverWait(browser, WAIT_SECONDS).until(lambda b: b.current_url.startswith(self.shop.url + "/done"))
        finally:
            browser.quit()
        self.assertEqual(session_state(session["checkout_session_id"])["status"], "complete")

    def test_a_plain_form_post(self):
        session = create_session(self.shop, [THERMOMETER])
        form = urllib.parse.urlencode(dict(self.card(), card_kind="hsa")).encode()
        request = urllib.request.Request(session["redirect_url"], data=form, method="POST")
        request.add_header("Content-Type", "application/x-www-form-urlencoded")

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *arguments):
                return None

        opener = urllib.request.build_opener(NoRedirect)
        with self.assertRaises(urllib.error.HTTPError) as raised:
            opener.open(request, timeout=WAIT_SECONDS)
        self.assertEqual(raised.exception.code, 303)
        self.assertEqual(raised.exception.headers["Location"], "%s/done?session=%s" % (self.shop.url, session["checkout_session_id"]))

    def test_the_signature_check_matches_svix_published_example(self):
        # Svix's documented example (docs.svix.com, "Verifying manually"): the test's own check is right.
        headers = {"svix-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "svix-timestamp": "1614265330",
                   "svix-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="}
        self.assertTrue(svix_signature_valid("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", headers, b'{"test": 2432232314}'))
        self.assertFalse(svix_signature_valid("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", headers, b'{"test": 2432232315}'))

    def test_the_shop_receives_a_signed_checkout_session_completed(self):
        status, registered = api("POST", "/v1/webhooks", {"webhook": {
            "url": self.shop.url + "/webhooks/signed", "events": ["checkout.session.completed"]}})
        self.assertEqual(status, 200, registered)
        secret = registered["webhook"]["secret"]
        session = create_session(self.shop, [BANDAGES])
        self.open(session)
        self.fill(self.card())
        self.submit()
        self.wait_for_url(self.shop.url + "/done")
        # Endpoints registered by other tests deliver the same event to the shop at the same time
        # (each endpoint has its own queue), so only the deliveries to this test's path count.
        deadline = time.monotonic() + WAIT_SECONDS
        mine = []
        while not mine and time.monotonic() < deadline:
            time.sleep(0.05)
            mine = [(headers, body) for path, headers, body in list(self.shop.deliveries) if path == "/webhooks/signed"]
        self.assertEqual(len(mine), 1, "the shop's endpoint received %d webhooks" % len(mine))
        headers, body = mine[0]
        self.assertTrue(svix_signature_valid(secret, headers, body))
        event = json.loads(body)
        self.assertEqual(event["event_type"], "checkout.session.completed")
        self.assertEqual(event["object"]["checkout_session_id"], session["checkout_session_id"])


if __name__ == "__main__":
    unittest.main()
