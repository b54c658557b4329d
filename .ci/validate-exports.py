#!/usr/bin/env python3
"""Validates rehabit's exports with third-party parsers (issue 6).

Builds a demo-like data directory through the CLI (init, check, skip, pain, checkin, note), exports every format, and checks each with
a real parser: icalendar (RFC 5545), html5lib (strict HTML5 parsing), fhir.resources (FHIR R4
4.0.1 models, pydantic validation), Python's csv and json; `rehabit import` must restore the JSON
export to identical files. A hostile note must survive every format intact and harmless.

Usage: validate-exports.py [PATH-TO-REHABIT]   (default: .build/debug/rehabit)
Needs: pip install icalendar html5lib 'fhir.resources==6.1.0' 'pydantic<2'
"""

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
import tempfile

import html5lib
import icalendar
import fhir.resources

HOSTILE = '=cmd() <script>alert("x")</script>, "quoted"\nsecond line \U0001F9B6\U0001F3FD sore'
START = dt.date(2026, 11, 30)
AS_OF = dt.date(2026, 12, 18)
FAILURES = []
REVISED = []  # set when the binary has `programme` and the seed recorded revisions


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print(f"  FAIL {message}")


def run(binary, *args, expect_ok=True):
    # The history is dated after the real today: REHABIT_TODAY stands in for the clock.
    env = {**os.environ, "LANG": "C.UTF-8", "REHABIT_TODAY": AS_OF.isoformat()}
    result = subprocess.run([binary, *args], capture_output=True, env=env)
    if expect_ok and result.returncode != 0:
        raise SystemExit(f"rehabit {' '.join(args)} failed: {result.stderr.decode(errors='replace')}")
    return result


def has_command(binary, name):
    listing = run(binary, "--help").stdout.decode()
    return any(line.split()[:1] == [name] for line in listing.splitlines())


def today(binary, data, day):
    out = run(binary, "today", "--json", "--date", day.isoformat(), "--data-dir", data).stdout
    return json.loads(out)["items"]


def iso_week(day):
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def edit_week(data, day, change):
    """Adds records to a progress file by hand (the files are documented, hand-editable JSON)."""
    path = os.path.join(data, "progress", f"{iso_week(day)}.json")
    week = {"schemaVersion": 1, "week": iso_week(day), "items": {}, "pain": [], "notes": []}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            week = json.load(handle)
    change(week)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(week, handle, ensure_ascii=False, indent=2, sort_keys=True)
    os.chmod(path, 0o600)


def seed(binary, data):
    run(binary, "init", "--template", "chronic-ankle-instability", "--start", START.isoformat(),
        "--affected-side", "left", "--data-dir", data)
    if has_command(binary, "programme"):
        # Revisions (issue 15): a revised dose with the hostile note, and a pause with an end,
        # so the CarePlan carries revised and on-hold activities and import must restore them.
        run(binary, "programme", "set", "band-eversion", "--reps", "14", "--from",
            (START + dt.timedelta(days=9)).isoformat(), "--note", HOSTILE, "--data-dir", data)
        run(binary, "programme", "pause", "side-leg-raises", "--from",
            (START + dt.timedelta(days=4)).isoformat(), "--until",
            (START + dt.timedelta(days=8)).isoformat(), "--data-dir", data)
        REVISED.append(True)
    cli = all(has_command(binary, name) for name in ("check", "skip", "pain", "checkin"))
    print(f"seeding through {'the CLI' if cli else 'the documented progress files (check/skip/pain/checkin not built yet)'}")
    day = START
    while day < AS_OF:
        items = today(binary, data, day)
        offset = (day - START).days
        for index, item in enumerate(items):
            number = str(item["number"])
            if (offset + index) % 5 == 0:
                if cli:
                    run(binary, "skip", number, "--reason", "@SUM(A1) sore, \"really\"", "--date", day.isoformat(), "--data-dir", data)
                else:
                    edit_week(data, day, lambda w, i=item: w["items"].__setitem__(i["id"], {
                        "status": "skipped", "at": f"{day}T18:00:00Z", "reason": "@SUM(A1) sore, \"really\""}))
            elif (offset + index) % 7 != 3:
                if cli:
                    run(binary, "check", number, "--date", day.isoformat(), "--data-dir", data)
                else:
                    edit_week(data, day, lambda w, i=item: w["items"].__setitem__(i["id"], {
                        "status": "done", "at": f"{day}T18:00:00Z"}))
        if offset % 3 == 0:
            if cli:
                run(binary, "pain", str(offset % 6), "--date", day.isoformat(), "--data-dir", data)
            else:
                edit_week(data, day, lambda w: w["pain"].append({
                    "day": day.isoformat(), "level": offset % 6, "timing": "during", "at": f"{day}T18:30:00Z"}))
        if offset % 7 == 0:
            values = {"pain": 5 - offset // 7, "function": 50 + offset, "cait": 12 + offset // 7,
                      "left": 8 + offset // 4, "right": 20}
            if cli:
                run(binary, "checkin", "--pain", str(values["pain"]), "--function", str(values["function"]),
                    "--measure", f"cait={values['cait']}", "--measure", f"balance:left={values['left']}",
                    "--measure", f"balance:right={values['right']}", "--date", day.isoformat(), "--data-dir", data)
            else:
                edit_week(data, day, lambda w: w.__setitem__("checkin", {
                    "day": day.isoformat(), "at": f"{day}T09:00:00Z",
                    "values": {"pain": values["pain"], "sane": values["function"], "cait": values["cait"],
                               "balance": {"left": values["left"], "right": values["right"]}}}))
        day += dt.timedelta(days=1)
    first_item = today(binary, data, START + dt.timedelta(days=1))[0]["id"]
    for note_day, item_id in ((START + dt.timedelta(days=1), None), (START + dt.timedelta(days=1), first_item), (AS_OF, None)):
        about = ["--item", item_id] if item_id else []
        run(binary, "note", HOSTILE, *about, "--date", note_day.isoformat(), "--data-dir", data)


def export(binary, data, out, fmt, *extra):
    path = os.path.join(out, f"export.{fmt}{'-'.join(extra)}")
    run(binary, "export", "--format", fmt, "--date", AS_OF.isoformat(), "--data-dir", data, "--output", path, *extra)
    with open(path, "rb") as handle:
        return handle.read()


def scheduled_days(binary, data, first, last):
    day, counts = first, {}
    while day <= last:
        counts[day] = len(today(binary, data, day))
        day += dt.timedelta(days=1)
    return counts


def validate_ics(raw, binary, data, at=None):
    print(f"ics: icalendar{' (--at ' + at.strftime('%H:%M') + ')' if at else ''}")
    lines = raw.split(b"\r\n")
    check(lines[-1] == b"", "ics ends with CRLF")
    check(all(len(line) <= 75 for line in lines), "ics lines are at most 75 octets")
    check(b"\n" not in raw.replace(b"\r\n", b""), "ics has no bare line feed")
    for line in lines:
        line.decode("utf-8")  # raises if a fold split a UTF-8 sequence
    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    end = START + dt.timedelta(days=8 * 7 - 1)
    expected = [day for day, count in scheduled_days(binary, data, AS_OF, end).items() if count]
    check(len(events) == len(expected), f"ics has one event per remaining day ({len(events)} vs {len(expected)})")
    if at is None:
        check([e.decoded("DTSTART") for e in events] == expected, "ics events are the remaining days, in order")
    else:
        # Floating local time: a naive datetime, no TZID and no trailing Z.
        starts = [e.decoded("DTSTART") for e in events]
        check(starts == [dt.datetime.combine(day, at) for day in expected], "ics --at events start at that time, in order")
        check(all(s.tzinfo is None for s in starts), "ics --at times are floating (no time zone)")
        check(all(e.decoded("DURATION") == dt.timedelta(minutes=30) for e in events), "ics --at events last 30 minutes")
    alarms = [e.walk("VALARM") for e in events]
    check(all(len(a) == 1 for a in alarms), "ics has one VALARM per event")
    check(all(str(a[0]["ACTION"]) == "DISPLAY" and a[0].decoded("TRIGGER") == dt.timedelta(0) for a in alarms if a),
          "ics alarms are DISPLAY, at the event start")
    check(all(HOSTILE not in str(a[0].get("DESCRIPTION", "")) for a in alarms if a), "ics alarms carry no note")
    check(len({str(e["UID"]) for e in events}) == len(events), "ics UIDs are unique")
    check(("Note: " + HOSTILE) in str(events[0]["DESCRIPTION"]), "ics keeps the note intact")


def validate_html(raw):
    print("html: html5lib (strict)")
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(raw)
    tags = [element.tag for element in document.iter() if isinstance(element.tag, str)]
    check(not any(tag.endswith("script") for tag in tags), "html has no script element")
    check(sum(tag.endswith("svg") for tag in tags) >= 2, "html has inline SVG charts")
    text = "".join(document.itertext())
    check(HOSTILE.split("\n")[0] in text and HOSTILE.split("\n")[1] in text, "html keeps the note's text")
    lowered = raw.lower()
    check(b"<script" not in lowered and b"src=" not in lowered and b"href=" not in lowered, "html has no scripts or external assets")


def validate_fhir(raw):
    version = getattr(fhir.resources, "__fhir_version__", "?")
    print(f"fhir: fhir.resources {version}")
    check(version == "4.0.1", f"fhir.resources models FHIR R4 4.0.1 (installed: {version}; pin fhir.resources==6.1.0)")
    from fhir.resources.bundle import Bundle
    bundle = Bundle.parse_raw(raw)
    resources = [entry.resource for entry in bundle.entry]
    kinds = [resource.resource_type for resource in resources]
    check(kinds.count("CarePlan") == 1, "fhir has one CarePlan")
    check(kinds.count("Patient") == 1, "fhir has one Patient")
    care_plan = next(r for r in resources if r.resource_type == "CarePlan")
    check(len(care_plan.activity) >= 1, "fhir CarePlan has activities")
    statuses = [activity.detail.status for activity in care_plan.activity]
    check(not REVISED or "on-hold" in statuses, "fhir CarePlan has the paused treatment's activity on-hold")
    check(not REVISED or any((activity.detail.description or "").startswith("From ") for activity in care_plan.activity),
          "fhir CarePlan has an activity from a revised dose")
    pain = [r for r in resources if r.resource_type == "Observation" and r.code.coding
            and any(c.system == "http://loinc.org" and c.code == "72514-3" for c in r.code.coding)]
    check(len(pain) >= 1, "fhir has pain Observations coded LOINC 72514-3")
    check(kinds.count("Procedure") >= 1, "fhir has Procedures for completed items")
    check(len({entry.fullUrl for entry in bundle.entry}) == len(bundle.entry), "fhir fullUrls are unique")


def validate_csv(raw, binary, data):
    print("csv: Python csv")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    check(rows[0][:11] == ["date", "week", "programme_week", "item_id", "treatment", "kind", "side", "dose",
                           "status", "reason", "pain"], "csv header")
    expected = sum(scheduled_days(binary, data, START, AS_OF).values())
    check(len(rows) - 1 == expected, f"csv has one row per scheduled item ({len(rows) - 1} vs {expected})")
    notes = [row[11] for row in rows[1:] if row[11]]
    check(notes == ["'" + HOSTILE], "csv keeps the item note intact, formula neutralised")
    reasons = {row[9] for row in rows[1:] if row[9]}
    check(all(reason.startswith("'") for reason in reasons), "csv neutralises a leading @ in reasons")


def validate_json(raw, binary, data, out):
    print("json: Python json + rehabit import")
    document = json.loads(raw)
    check(document.get("schemaVersion") == 3 and document.get("format") == "rehabit-export", "json is versioned")
    notes = [note["text"] for week in document["weeks"] for note in week.get("notes", [])]
    check(notes == [HOSTILE] * 3, "json keeps the notes intact")
    path = os.path.join(out, "export.json")
    restored = os.path.join(out, "restored")
    run(binary, "import", path, "--data-dir", restored)
    def records(folder):
        """Every data file parsed (a hand-edited file and the store's rewrite differ in spacing only)."""
        found = {}
        for base, _, names in os.walk(folder):
            for name in names:
                if name.endswith(".json"):
                    path = os.path.join(base, name)
                    with open(path, encoding="utf-8") as handle:
                        found[os.path.relpath(path, folder)] = json.load(handle)
        return found
    original, copy = records(data), records(restored)
    check(sorted(original) == sorted(copy), f"import restores the same files ({sorted(original)} vs {sorted(copy)})")
    check(original == copy, "import restores identical records")
    with open(os.path.join(data, "programme.json"), "rb") as a, open(os.path.join(restored, "programme.json"), "rb") as b:
        check(a.read() == b.read(), "import restores programme.json byte for byte")


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/rehabit")
    with tempfile.TemporaryDirectory(prefix="rehabit-validate-") as root:
        data = os.path.join(root, "data")
        out = os.path.join(root, "out")
        os.mkdir(out)
        seed(binary, data)
        # A data directory written by hand-edits must still read back the way the store writes it.
        validate_ics(export(binary, data, out, "ics"), binary, data)
        validate_ics(export(binary, data, out, "ics", "--at", "07:30"), binary, data, at=dt.time(7, 30))
        validate_html(export(binary, data, out, "html"))
        validate_fhir(export(binary, data, out, "fhir"))
        validate_csv(export(binary, data, out, "csv"), binary, data)
        markdown = export(binary, data, out, "markdown").decode("utf-8")
        check("self-management aid" in markdown and "<script>" not in markdown, "markdown has the disclaimer, no raw HTML")
        json_raw = export(binary, data, out, "json")
        validate_json(json_raw, binary, data, out)
    if FAILURES:
        print(f"validate-exports: {len(FAILURES)} check(s) failed")
        return 1
    print("validate-exports: every format parsed and validated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
