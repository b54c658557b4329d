#!/usr/bin/env python3
"""Checks the clinician's HTML summary in a real browser (issue 16).

Builds a 12-week history through the CLI (init, check, pain, weekly checkin) and a 52-week one
(weekly check-ins only: crowded axes), exports each as HTML,
opens it in headless Chromium through Selenium and the system chromedriver, and asserts on what
the browser computed, not on the markup:

- every trend line (<polyline>/<path> in a chart) has computed fill `none`;
- every chart has at least two labelled ticks on each axis, an axis label, and x labels that do
  not overlap each other;
- left and right differ by more than colour: dash pattern, marker shape, and a legend in the SVG;
- the MCID band and the 70 % adherence line are labelled on the chart;
- no text overflows its SVG, and no table cell's text overflows its cell;
- with print media emulated: every chart sits in a figure with computed `break-inside: avoid`,
  colours print exactly, an @page rule sets margins, no figure is taller than an A4/Letter
  page's printable height, and, with the page laid out as page-high columns (the browser's own
  fragmentation, simulating A4 and Letter with the @page margins), no figure is split.

Saves .build/browser-check/summary.png and summary-52-weeks.png (and each figure as a PNG, and
A4 and Letter PDFs) for a person to
look at. Exits 1 with the list of failures.

Usage: browser-check.py [PATH-TO-REHABIT]   (default: .build/debug/rehabit)
Needs: Debian's chromium and chromium-driver; pip install selenium
"""

import base64
import datetime as dt
import os
import subprocess
import sys
import tempfile

# Selenium Manager must never go to the network: the driver is given explicitly, stats are off.
os.environ["SE_AVOID_STATS"] = "true"

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

START = dt.date(2026, 9, 7)  # a Monday
WEEKS = 12
AS_OF = START + dt.timedelta(days=7 * WEEKS - 1)
OUT_DIR = os.path.join(".build", "browser-check")
# Printable page height in CSS px for the smaller of A4 (297 mm) and Letter (279.4 mm) with the
# stylesheet's 15 mm top and bottom margins: 96 px per inch, 25.4 mm per inch.
PAGE_MARGIN_MM = 15
PRINTABLE_HEIGHT_PX = (279.4 - 2 * PAGE_MARGIN_MM) * 96 / 25.4
LONG_WEEKS = 52
LONG_AS_OF = START + dt.timedelta(days=7 * LONG_WEEKS - 1)
FAILURES = []
PAGE = {"name": ""}


def check(condition, message):
    if not condition:
        message = f"{PAGE['name']}: {message}"
        FAILURES.append(message)
        print(f"  FAIL {message}")
    return condition


def run(binary, *args, today=AS_OF):
    env = {**os.environ, "LANG": "C.UTF-8", "REHABIT_TODAY": today.isoformat()}
    result = subprocess.run([binary, *args], capture_output=True, env=env)
    if result.returncode != 0:
        raise SystemExit(f"browser-check: rehabit {' '.join(args)} failed: {result.stderr.decode(errors='replace')}")
    return result.stdout.decode()


def today_numbers(binary, data, day):
    import json
    out = run(binary, "today", "--json", "--date", day.isoformat(), "--data-dir", data)
    return [str(item["number"]) for item in json.loads(out)["items"]]


def seed(binary, data):
    run(binary, "init", "--template", "lateral-ankle-sprain", "--start", START.isoformat(),
        "--weeks", str(WEEKS), "--affected-side", "left", "--data-dir", data)
    for offset in range(7 * WEEKS):
        day = START + dt.timedelta(days=offset)
        numbers = today_numbers(binary, data, day)
        # About 80 % done, half in weeks 5 and 6, so some weeks fall under 70 %.
        keep = [n for i, n in enumerate(numbers)
                if (offset + i) % (2 if 28 <= offset < 42 else 6) != 0]
        if keep:
            run(binary, "check", *keep, "--date", day.isoformat(), "--data-dir", data)
        if offset % 10 == 2:
            run(binary, "pain", str(max(0, 5 - offset // 14)), "--date", day.isoformat(), "--data-dir", data)
        if offset % 7 == 0:
            week = offset // 7
            run(binary, "checkin", "--pain", str(max(0, 6 - week // 2)), "--function", str(40 + 4 * week),
                "--measure", f"heel-raises:left={8 + 2 * week}",
                "--measure", f"heel-raises:right={24 + week % 3}",
                "--date", day.isoformat(), "--data-dir", data)


def seed_long(binary, data):
    """A year of weekly check-ins and no check-offs: crowded date and week axes."""
    run(binary, "init", "--template", "lateral-ankle-sprain", "--start", START.isoformat(),
        "--weeks", str(LONG_WEEKS), "--affected-side", "right", "--data-dir", data, today=LONG_AS_OF)
    for week in range(LONG_WEEKS):
        day = START + dt.timedelta(days=7 * week + 3)
        run(binary, "checkin", "--pain", str(max(0, 7 - week // 6)), "--function", str(min(100, 30 + week)),
            "--measure", f"heel-raises:left={20 + week % 5}", "--measure", f"heel-raises:right={5 + week}",
            "--date", day.isoformat(), "--data-dir", data, today=LONG_AS_OF)


# Every geometry question is asked in the page, in one script, so the answers are consistent.
INSPECT = r"""
const out = {charts: [], cells: [], lines: []};
const box = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height});
for (const el of document.querySelectorAll('svg polyline, svg path')) {
  out.lines.push({cls: el.getAttribute('class') || el.tagName, fill: getComputedStyle(el).fill,
                  dash: getComputedStyle(el).strokeDasharray});
}
document.querySelectorAll('svg').forEach((svg, index) => {
  const label = svg.getAttribute('aria-label') || ('chart ' + index);
  const svgBox = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')].map(t => ({
    text: t.textContent, cls: t.getAttribute('class') || '', box: box(t.getBoundingClientRect())}));
  const sided = svg.querySelectorAll('.line.left, .line.right').length > 0;
  const shape = side => [...new Set([...svg.querySelectorAll('.point.' + side)].map(e => e.tagName))];
  const dash = side => { const e = svg.querySelector('.line.' + side); return e ? getComputedStyle(e).strokeDasharray : null; };
  const figure = svg.closest('figure');
  out.charts.push({label, box: box(svgBox), texts, sided,
    leftShape: shape('left'), rightShape: shape('right'), leftDash: dash('left'), rightDash: dash('right'),
    legend: svg.querySelector('.legend') ? svg.querySelector('.legend').textContent : null,
    band: !!svg.querySelector('.band'), threshold: !!svg.querySelector('.threshold'),
    inFigure: !!figure, figureHeight: figure ? figure.getBoundingClientRect().height : null});
});
for (const cell of document.querySelectorAll('td, th')) {
  if (!cell.textContent.trim()) continue;
  const range = document.createRange();
  range.selectNodeContents(cell);
  out.cells.push({text: cell.textContent.slice(0, 40), cell: box(cell.getBoundingClientRect()),
                  content: box(range.getBoundingClientRect()), scroll: cell.scrollWidth, client: cell.clientWidth});
}
return out;
"""

PRINT_INSPECT = r"""
const figures = [...document.querySelectorAll('figure')].map(f => ({
  caption: (f.querySelector('figcaption') || f).textContent.slice(0, 50),
  breakInside: getComputedStyle(f).breakInside,
  colorAdjust: getComputedStyle(f).printColorAdjust || getComputedStyle(f).webkitPrintColorAdjust,
  height: f.getBoundingClientRect().height}));
const orphans = [...document.querySelectorAll('svg')].filter(s => !s.closest('figure')).length;
let pageMargins = [];
for (const sheet of document.styleSheets) {
  for (const rule of sheet.cssRules) {
    const walk = r => {
      if (r.type === CSSRule.PAGE_RULE) pageMargins.push(r.style.margin || r.style.marginTop);
      if (r.cssRules) for (const inner of r.cssRules) walk(inner);
    };
    walk(rule);
  }
}
return {figures, orphans, pageMargins};
"""


# Pages simulated in the browser: the body laid out as fixed-height columns, one column a page's
# printable area (the @page margins taken off), which the browser fragments by the same rules as
# print (break-inside is honoured). A figure split across pages has more than one fragment.
PAGINATE = r"""
const [width, height] = arguments;
const body = document.body;
const saved = body.getAttribute('style');
body.style.cssText = `margin:0; padding:0; max-width:none; width:${width}px; height:${height}px;` +
  'columns:1; column-gap:0; column-fill:auto; overflow:visible;';
const top = body.getBoundingClientRect().top;
const figures = [...document.querySelectorAll('figure')].map(f => {
  const rects = [...f.getClientRects()].filter(r => r.height > 0);
  const r = f.getBoundingClientRect();
  return {caption: (f.querySelector('figcaption') || f).textContent.slice(0, 50), fragments: rects.length,
          page: Math.round(r.left / width) + 1, top: r.top - top, bottom: r.bottom - top};
});
if (saved === null) body.removeAttribute('style'); else body.setAttribute('style', saved);
return figures;
"""
MM = 96 / 25.4
PAPERS = {"A4": ((210 - 2 * PAGE_MARGIN_MM) * MM, (297 - 2 * PAGE_MARGIN_MM) * MM),
          "Letter": ((215.9 - 2 * PAGE_MARGIN_MM) * MM, (279.4 - 2 * PAGE_MARGIN_MM) * MM)}


def check_pages(driver):
    for paper, (width, height) in PAPERS.items():
        figures = driver.execute_script(PAGINATE, width, height)
        for figure in figures:
            check(figure["fragments"] == 1 and figure["top"] >= -0.5 and figure["bottom"] <= height + 0.5,
                  f"print ({paper}): figure {figure['caption']!r} is split across pages "
                  f"({figure['fragments']} fragments, page {figure['page']})")


def inside(inner, outer, slack=0.5):
    return (inner["left"] >= outer["left"] - slack and inner["right"] <= outer["right"] + slack
            and inner["top"] >= outer["top"] - slack and inner["bottom"] <= outer["bottom"] + slack)


def number(text):
    try:
        return float(text.replace("%", "").replace("\u2009", "").strip())
    except ValueError:
        return None


def check_screen(result):
    check(result["lines"], "no trend line (<polyline>/<path>) in any chart")
    for line in result["lines"]:
        check(line["fill"] == "none", f"trend line {line['cls']!r} has computed fill {line['fill']!r}, not 'none'")
    check(len(result["charts"]) >= 3, f"expected the adherence chart and two measure charts, found {len(result['charts'])}")
    for chart in result["charts"]:
        name = chart["label"]
        y_ticks = [t for t in chart["texts"] if "tick" in t["cls"].split() and "y" in t["cls"].split()]
        x_ticks = [t for t in chart["texts"] if "tick" in t["cls"].split() and "x" in t["cls"].split()]
        check(len(y_ticks) >= 2, f"{name}: {len(y_ticks)} labelled y tick(s) (class 'tick y'), need at least 2")
        check(len(x_ticks) >= 2, f"{name}: {len(x_ticks)} labelled x tick(s) (class 'tick x'), need at least 2")
        values = [number(t["text"]) for t in y_ticks]
        check(all(v is not None for v in values), f"{name}: a y tick is not a number: {[t['text'] for t in y_ticks]}")
        if len(values) >= 3 and all(v is not None for v in values):
            steps = {round(b - a, 6) for a, b in zip(sorted(values), sorted(values)[1:])}
            check(len(steps) == 1, f"{name}: y ticks are not evenly stepped: {sorted(values)}")
            step = steps.pop() if len(steps) == 1 else 0
            mantissa = step / 10 ** int(f"{step:e}".split("e")[1]) if step else 0
            check(round(mantissa, 6) in (1, 2, 2.5, 5), f"{name}: y tick step {step} is not a round 1/2/5×10ⁿ")
        check(any("axis-label" in t["cls"].split() for t in chart["texts"]), f"{name}: no axis label (class 'axis-label')")
        ordered = sorted(x_ticks, key=lambda t: t["box"]["left"])
        for a, b in zip(ordered, ordered[1:]):
            check(a["box"]["right"] <= b["box"]["left"] + 0.5,
                  f"{name}: x labels {a['text']!r} and {b['text']!r} overlap")
        for text in chart["texts"]:
            check(inside(text["box"], chart["box"]),
                  f"{name}: text {text['text']!r} overflows its SVG ({text['box']} outside {chart['box']})")
        if chart["sided"]:
            check(chart["leftDash"] != chart["rightDash"], f"{name}: left and right lines have the same dash pattern {chart['leftDash']!r}")
            check(chart["leftShape"] and chart["rightShape"] and chart["leftShape"] != chart["rightShape"],
                  f"{name}: left and right points have the same marker shape {chart['leftShape']} / {chart['rightShape']}")
            legend = (chart["legend"] or "").lower()
            check("left" in legend and "right" in legend, f"{name}: no legend naming left and right inside the SVG")
        if chart["band"]:
            check(any("band-label" in t["cls"].split() for t in chart["texts"]), f"{name}: the MCID band has no label on the chart")
        if chart["threshold"]:
            check(any("threshold-label" in t["cls"].split() and "70" in t["text"] for t in chart["texts"]),
                  f"{name}: the 70 % line has no label on the chart")
    for cell in result["cells"]:
        check(inside(cell["content"], cell["cell"]) and cell["scroll"] <= cell["client"] + 1,
              f"table cell {cell['text']!r} overflows its cell")


def check_print(result):
    check(result["orphans"] == 0, f"{result['orphans']} chart(s) not inside a <figure>, so nothing keeps them on one page")
    check(result["pageMargins"], "no @page rule with margins")
    for figure in result["figures"]:
        name = figure["caption"]
        check(figure["breakInside"] == "avoid", f"print: figure {name!r} has computed break-inside {figure['breakInside']!r}")
        check(figure["colorAdjust"] == "exact", f"print: figure {name!r} has print-color-adjust {figure['colorAdjust']!r}, colours may not print")
        check(figure["height"] <= PRINTABLE_HEIGHT_PX,
              f"print: figure {name!r} is {figure['height']:.0f} px tall, more than a page ({PRINTABLE_HEIGHT_PX:.0f} px)")


def inspect(driver, name, html_path, screenshot):
    PAGE["name"] = name
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "screen"})
    driver.set_window_size(1000, 900)
    driver.get("file://" + html_path)
    print(f"browser-check: {name}: screen")
    check_screen(driver.execute_script(INSPECT))
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1000, min(height + 40, 16000))
    driver.save_screenshot(os.path.join(OUT_DIR, f"{screenshot}.png"))
    for index, figure in enumerate(driver.find_elements("css selector", "figure")):
        figure.screenshot(os.path.join(OUT_DIR, f"{screenshot}-figure-{index + 1}.png"))
    driver.set_window_size(1000, 900)
    print(f"browser-check: {name}: print media")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    check_print(driver.execute_script(PRINT_INSPECT))
    check_pages(driver)
    for paper, (width, height) in {"a4": (8.27, 11.69), "letter": (8.5, 11)}.items():
        pdf = driver.execute_cdp_cmd("Page.printToPDF", {
            "paperWidth": width, "paperHeight": height, "printBackground": True,
            "preferCSSPageSize": False})
        with open(os.path.join(OUT_DIR, f"{screenshot}-{paper}.pdf"), "wb") as handle:
            handle.write(base64.b64decode(pdf["data"]))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/rehabit"
    os.makedirs(OUT_DIR, exist_ok=True)
    pages = []
    with tempfile.TemporaryDirectory(prefix="rehabit-browser-") as tmp:
        for name, seeder, as_of, stem in (
                ("12-week history", seed, AS_OF, "summary"),
                ("52-week history", seed_long, LONG_AS_OF, "summary-52-weeks")):
            data = os.path.join(tmp, stem)
            print(f"browser-check: seeding a {name}")
            seeder(binary, data)
            html_path = os.path.abspath(os.path.join(OUT_DIR, f"{stem}.html"))
            run(binary, "export", "--format", "html", "--date", as_of.isoformat(), "--data-dir", data,
                "--output", html_path, "--force", today=as_of)
            pages.append((name, html_path, stem))

    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,900",
                     "--hide-scrollbars"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    try:
        for name, html_path, stem in pages:
            inspect(driver, name, html_path, stem)
    finally:
        driver.quit()

    if FAILURES:
        print(f"browser-check: {len(FAILURES)} failure(s); see {OUT_DIR}/summary.png")
        sys.exit(1)
    print(f"browser-check: ok; screenshots in {OUT_DIR}/ (summary.png, summary-52-weeks.png)")


if __name__ == "__main__":
    main()
