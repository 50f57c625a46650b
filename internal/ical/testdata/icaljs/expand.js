// expand.js FILE.ics FROM TO: parses a calendar with ical.js and prints,
// as JSON, every event with its occurrences' starts between FROM and TO
// (ISO dates), in UTC, as Thunderbird would compute them.
"use strict";
const fs = require("fs");
const ICAL = require("ical.js");

const [file, from, to] = process.argv.slice(2);
const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(file, "utf8")));
for (const tz of comp.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(tz);
}
const start = ICAL.Time.fromDateTimeString(from + "T00:00:00Z");
const end = ICAL.Time.fromDateTimeString(to + "T00:00:00Z");
const out = [];
for (const v of comp.getAllSubcomponents("vevent")) {
  const ev = new ICAL.Event(v);
  const occurrences = [];
  const it = ev.iterator();
  for (let next = it.next(), n = 0; next && n < 5000; next = it.next(), n++) {
    if (next.compare(end) > 0) break;
    if (next.compare(start) < 0) continue;
    occurrences.push(ev.startDate.isDate ? next.toString() : next.toUnixTime());
  }
  out.push({
    uid: ev.uid,
    summary: ev.summary,
    sequence: ev.sequence,
    status: v.getFirstPropertyValue("status"),
    allDay: ev.startDate.isDate,
    start: ev.startDate.isDate ? ev.startDate.toString() : ev.startDate.toUnixTime(),
    end: ev.endDate.isDate ? ev.endDate.toString() : ev.endDate.toUnixTime(),
    zone: ev.startDate.zone ? ev.startDate.zone.tzid : "",
    occurrences,
  });
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
