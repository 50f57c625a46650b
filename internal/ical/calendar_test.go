package ical_test

import (
	"bytes"
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/golden"
	"github.com/prayerfeed/prayerfeed/internal/ical"
	"github.com/prayerfeed/prayerfeed/internal/load"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/spool"
)

const siteYAML = `title: Test Prayer
description: Test bulletins
base_url: https://prayer.example.org/
timezone: America/New_York
organization:
  name: Test Org
regions:
  - id: africa
    name: Africa
  - id: latin-america
    name: Latin America
`

// bulletinYAML returns a bulletin dated date whose one point, in region,
// announces the event described by the YAML lines of event.
func bulletinYAML(date, region, event string) string {
	return "date: " + date + "\ntitle: Test\nscripture:\n  text: Sing!\n  reference: Psalm 1:1\nitems:\n" +
		"  - region: " + region + "\n    kind: prayer\n    title: A point\n    body: Pray; for, them\\ now.\n    events:\n      - id: hearing-1\n" + event
}

const hearing = `        kind: hearing
        title: Trafficking case hearing
        start: "2026-11-30 09:00"
        end: "12:00"
        timezone: America/Santo_Domingo
        location: Palacio de Justicia, Santo Domingo
`

// calendarOf loads the files and returns the all-events calendar's text
// at now.
func calendarOf(t *testing.T, files map[string]string, now time.Time) string {
	t.Helper()
	fsys := fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	site, bs, errs := load.Dir(fsys, "bulletins")
	verrs, _ := bulletin.ValidateAll(site, bs, now)
	errs.Append(verrs)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	cals := ical.Calendars(site, bulletin.Track(bulletin.Public(bs, now)), now)
	var buf bytes.Buffer
	if err := ical.Encode(&buf, site, cals[0], markdown.NewCache(nil).Text); err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, buf.String())
	return buf.String()
}

// prop returns the unfolded value of the first line of the named
// property, with its parameters: "DTSTART;TZID=America/Santo_Domingo:2026…".
func prop(ical, name string) string {
	unfolded := strings.ReplaceAll(ical, "\r\n ", "")
	if i := strings.Index(unfolded, "BEGIN:VEVENT"); i >= 0 && name != "TZID" && !strings.HasPrefix(name, "X-") &&
		name != "METHOD" && name != "CALSCALE" && name != "REFRESH-INTERVAL" {
		unfolded = unfolded[i:]
	}
	for _, l := range strings.Split(unfolded, "\r\n") {
		if strings.HasPrefix(l, name+":") || strings.HasPrefix(l, name+";") {
			return l
		}
	}
	return ""
}

// checkWellFormed checks the rules every calendar must keep: CRLF line
// ends only, lines of at most 75 octets that split no UTF-8 sequence,
// one VTIMEZONE per TZID used, unique UIDs, DTEND after DTSTART, and a
// parse by golang-ical.
func checkWellFormed(t *testing.T, text string) {
	t.Helper()
	if !strings.HasSuffix(text, "\r\n") || strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\n") || strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\r") {
		t.Errorf("a line does not end in CRLF")
	}
	for i, l := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
	}
	cal, err := ics.ParseCalendar(strings.NewReader(text))
	if err != nil {
		t.Fatalf("golang-ical cannot parse the calendar: %v", err)
	}
	zones := map[string]int{}
	for _, z := range cal.Timezones() {
		zones[z.GetProperty(ics.ComponentPropertyTzid).Value]++
	}
	uids := map[string]bool{}
	for _, e := range cal.Events() {
		uid := e.GetProperty(ics.ComponentPropertyUniqueId).Value
		if uids[uid] {
			t.Errorf("UID %s twice", uid)
		}
		uids[uid] = true
		start, end := e.GetProperty(ics.ComponentPropertyDtStart), e.GetProperty(ics.ComponentPropertyDtEnd)
		if start == nil || end == nil {
			t.Errorf("%s: no DTSTART or DTEND", uid)
			continue
		}
		for _, p := range []*ics.IANAProperty{start, end} {
			if tz := p.ICalParameters["TZID"]; len(tz) == 1 && zones[tz[0]] != 1 {
				t.Errorf("%s: TZID %s has %d VTIMEZONEs", uid, tz[0], zones[tz[0]])
			}
		}
		if end.Value <= start.Value {
			t.Errorf("%s: DTEND %s is not after DTSTART %s", uid, end.Value, start.Value)
		}
	}
}

var now = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

func TestEvent(t *testing.T) {
	cal := calendarOf(t, map[string]string{"2026/a.yaml": bulletinYAML("2026-11-20", "latin-america", hearing)}, now)
	golden.Check(t, filepath.Join("testdata", "event.ics.golden"), []byte(cal))
	for _, want := range []string{
		"UID:hearing-1@prayer.example.org",
		"SEQUENCE:0",
		"DTSTAMP:20261120T050000Z",
		"DTSTART;TZID=America/Santo_Domingo:20261130T090000",
		"DTEND;TZID=America/Santo_Domingo:20261130T120000",
		"SUMMARY:Court hearing: Trafficking case hearing",
		"LOCATION:Palacio de Justicia\\, Santo Domingo",
		"URL:https://prayer.example.org/bulletins/2026-11-20/#latin-america-1",
		"STATUS:CONFIRMED",
		"REFRESH-INTERVAL;VALUE=DURATION:PT12H",
		"X-PUBLISHED-TTL:PT12H",
		"X-WR-TIMEZONE:America/New_York",
		"METHOD:PUBLISH",
		"CALSCALE:GREGORIAN",
		"TZID:America/Santo_Domingo",
	} {
		name, _, _ := strings.Cut(want, ":")
		name, _, _ = strings.Cut(name, ";")
		if got := prop(cal, name); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	if !strings.Contains(strings.ReplaceAll(cal, "\r\n ", ""), `Pray\; for\, them\\ now.`) {
		t.Errorf("DESCRIPTION does not escape ; , and \\:\n%s", cal)
	}
	if strings.Contains(cal, "VALARM") {
		t.Errorf("the calendar has an alarm")
	}
}

// TestEdits follows an event through the edits editors make, checking
// that its UID stays and SEQUENCE grows with each change that matters to
// subscribers, and only then.
func TestEdits(t *testing.T) {
	first := bulletinYAML("2026-11-20", "latin-america", hearing)
	tests := []struct {
		name      string
		later     string // the next bulletin, or "" for none
		rename    bool   // the first bulletin's file is renamed
		corrected bool   // the first bulletin gets updated:
		sequence  int
		check     string // a property line the calendar must hold
	}{
		// A later mention links its own point: the event's text changes,
		// and LAST-MODIFIED with it, though nothing is revised.
		{name: "unchanged mention", later: bulletinYAML("2026-11-27", "latin-america", hearing), sequence: 0, check: "LAST-MODIFIED:20261127T050000Z"},
		{name: "reschedule", later: bulletinYAML("2026-11-27", "latin-america", strings.Replace(hearing, "2026-11-30 09:00", "2026-12-07 09:00", 1)),
			sequence: 1, check: "DTSTART;TZID=America/Santo_Domingo:20261207T090000"},
		{name: "retitle", later: bulletinYAML("2026-11-27", "latin-america", strings.Replace(hearing, "Trafficking case hearing", "Sentencing hearing", 1)),
			sequence: 1, check: "SUMMARY:Court hearing: Sentencing hearing"},
		{name: "move region", later: bulletinYAML("2026-11-27", "africa", hearing), sequence: 0, check: "CATEGORIES:Africa"},
		{name: "postpone", later: bulletinYAML("2026-11-27", "latin-america", hearing+"        status: postponed\n"),
			sequence: 1, check: "STATUS:TENTATIVE"},
		{name: "cancel", later: bulletinYAML("2026-11-27", "latin-america", hearing+"        status: cancelled\n"),
			sequence: 1, check: "STATUS:CANCELLED"},
		{name: "rename the file", rename: true, sequence: 0},
		{name: "correct the bulletin", corrected: true, sequence: 1, check: "LAST-MODIFIED:20261121T150000Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"2026/a.yaml": first}
			if tt.rename {
				files = map[string]string{"2026/renamed.yaml": first}
			}
			if tt.corrected {
				files["2026/a.yaml"] = strings.Replace(first, "title: Test\n", "title: Test\nupdated: \"2026-11-21 10:00\"\n", 1)
			}
			if tt.later != "" {
				files["2026/b.yaml"] = tt.later
			}
			cal := calendarOf(t, files, now)
			if got := prop(cal, "UID"); got != "UID:hearing-1@prayer.example.org" {
				t.Errorf("UID: %s", got)
			}
			if got, want := prop(cal, "SEQUENCE"), fmt.Sprintf("SEQUENCE:%d", tt.sequence); got != want {
				t.Errorf("got %s, want %s", got, want)
			}
			if tt.check != "" && !regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(tt.check)+"\r$").MatchString(strings.ReplaceAll(cal, "\r\n ", "")) {
				t.Errorf("the calendar has no %q:\n%s", tt.check, cal)
			}
		})
	}
}

// TestWindow checks which events subscription calendars keep: past ones
// for calendar_past_days, cancelled ones for cancelled_days.
func TestWindow(t *testing.T) {
	cancelled := hearing + "        status: cancelled\n"
	tests := []struct {
		name  string
		event string
		now   time.Time
		want  bool
	}{
		{"upcoming", hearing, now, true},
		{"past, within 90 days", hearing, time.Date(2027, 2, 27, 0, 0, 0, 0, time.UTC), true},
		{"past, beyond 90 days", hearing, time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC), false},
		{"cancelled, within 30 days", cancelled, time.Date(2026, 12, 29, 0, 0, 0, 0, time.UTC), true},
		{"cancelled, beyond 30 days", cancelled, time.Date(2027, 1, 1, 12, 0, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cal := calendarOf(t, map[string]string{"2026/a.yaml": bulletinYAML("2026-11-20", "latin-america", tt.event)}, tt.now)
			if got := strings.Contains(cal, "BEGIN:VEVENT"); got != tt.want {
				t.Errorf("listed: got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRepeatAndAllDay(t *testing.T) {
	gathering := `        kind: gathering
        title: Monthly prayer night
        start: "2026-12-03 19:00"
        end: "21:00"
        timezone: Australia/Sydney
        repeat:
          rule: FREQ=MONTHLY;BYDAY=1TH
          until: 2027-06-30
          except: [2027-01-07]
`
	allDay := `        kind: gathering
        title: Conference
        date: 2026-12-11
        until: 2026-12-13
`
	files := map[string]string{
		"2026/a.yaml": bulletinYAML("2026-11-20", "africa", gathering),
		"2026/b.yaml": strings.Replace(bulletinYAML("2026-11-27", "africa", allDay), "hearing-1", "conference", 1),
	}
	cal := strings.ReplaceAll(calendarOf(t, files, now), "\r\n ", "")
	for _, want := range []string{
		"RRULE:FREQ=MONTHLY;BYDAY=1TH;UNTIL=20270630T135959Z",
		"EXDATE;TZID=Australia/Sydney:20270107T190000",
		"DTSTART;VALUE=DATE:20261211",
		"DTEND;VALUE=DATE:20261214",
	} {
		if !strings.Contains(cal, "\r\n"+want+"\r\n") {
			t.Errorf("the calendar has no %q", want)
		}
	}
}

// TestEmptyCalendarIsStable checks that a calendar without events does
// not change with the clock.
func TestEmptyCalendarIsStable(t *testing.T) {
	base, _ := url.Parse("https://prayer.example.org/")
	s := &bulletin.Site{Title: "T", BaseURL: base, IDDomain: "prayer.example.org", Org: bulletin.Org{Name: "O"}, Refresh: time.Hour}
	var first string
	for _, now := range []time.Time{now, now.AddDate(1, 0, 0)} {
		var buf bytes.Buffer
		if err := ical.Encode(&buf, s, ical.Calendars(s, nil, now)[0], markdown.NewCache(nil).Text); err != nil {
			t.Fatal(err)
		}
		checkWellFormed(t, buf.String())
		if first == "" {
			first = buf.String()
		} else if buf.String() != first {
			t.Errorf("an empty calendar changed with the clock:\n%s\nwas\n%s", buf.String(), first)
		}
	}
}

// TestCancelled checks the copy of an event that left a calendar: just
// enough for apps to match and place it, cancelled, with its SEQUENCE,
// its zone's VTIMEZONE, and no title, place or link of the event.
func TestCancelled(t *testing.T) {
	base, _ := url.Parse("https://prayer.example.org/")
	s := &bulletin.Site{Title: "T", BaseURL: base, IDDomain: "prayer.example.org", Org: bulletin.Org{Name: "O", Email: "o@example.org"}, Refresh: time.Hour}
	sydney, _ := time.LoadLocation("Australia/Sydney")
	left := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	c := &ical.Calendar{Path: "calendars/all.ics", Title: "T", Subscription: true, Cancelled: []*ical.Cancelled{
		{UID: "vigil@prayer.example.org", Kind: bulletin.Gathering, Start: time.Date(2027, 3, 4, 19, 0, 0, 0, sydney),
			End: time.Date(2027, 3, 4, 21, 0, 0, 0, sydney), Sequence: 3, Left: left},
		{UID: "conference@prayer.example.org", Kind: bulletin.Gathering, AllDay: true, Date: bulletin.Date{Year: 2027, Month: 4, Day: 17},
			Until: bulletin.Date{Year: 2027, Month: 4, Day: 19}, Sequence: 1, Left: left},
	}}
	var buf bytes.Buffer
	if err := ical.Encode(&buf, s, c, markdown.NewCache(nil).Text); err != nil {
		t.Fatal(err)
	}
	cal := buf.String()
	checkWellFormed(t, cal)
	for _, want := range []string{
		"UID:vigil@prayer.example.org", "SEQUENCE:3", "STATUS:CANCELLED", "SUMMARY:Prayer gathering (cancelled)",
		"DTSTART;TZID=Australia/Sydney:20270304T190000", "DTEND;TZID=Australia/Sydney:20270304T210000", "TZID:Australia/Sydney",
		"DTSTAMP:20261205T000000Z", "DTSTART;VALUE=DATE:20270417", "DTEND;VALUE=DATE:20270420",
	} {
		if !strings.Contains(cal, "\r\n"+want+"\r\n") {
			t.Errorf("the calendar has no %q:\n%s", want, cal)
		}
	}
	for _, not := range []string{"LOCATION", "URL", "DESCRIPTION", "VJOURNAL"} {
		if strings.Contains(cal, "\r\n"+not) {
			t.Errorf("the calendar has %s:\n%s", not, cal)
		}
	}
}

// TestFit fills a calendar past its bound: it is left within it, without
// the events furthest in the past, then those furthest in the future.
func TestFit(t *testing.T) {
	base, _ := url.Parse("https://prayer.example.org/")
	s := &bulletin.Site{Title: "T", BaseURL: base, IDDomain: "prayer.example.org", Org: bulletin.Org{Name: "O", Email: "o@example.org"}, Refresh: time.Hour}
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	b := &bulletin.Bulletin{ID: "2026-11-27", Title: "B", Date: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}
	pt := &bulletin.Point{ID: "p", Title: "Point", Body: spool.Of(strings.Repeat("Pray for the hearing. ", 40)), Bulletin: b}
	var events []*bulletin.Tracked
	for day := -60; day < 60; day++ {
		start := now.AddDate(0, 0, day)
		e := &bulletin.Event{ID: fmt.Sprintf("e%03d", day+60), Kind: bulletin.Hearing, Title: "Hearing", Start: start, End: start.Add(time.Hour), Zone: time.UTC, Point: pt}
		events = append(events, &bulletin.Tracked{Event: e, Created: b.Date, Modified: b.Date})
	}
	c := &ical.Calendar{Path: "calendars/all.ics", Title: "T", Subscription: true, Events: events}
	const max = 60 << 10
	out, err := ical.Fit(s, c, now, max)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	ical.Encode(&buf, s, c, markdown.NewCache(nil).Text)
	if buf.Len() > max || len(out) == 0 || len(c.Events)+len(out) != len(events) {
		t.Fatalf("%d bytes, %d events left out, %d kept", buf.Len(), len(out), len(c.Events))
	}
	// Those kept run without a gap from the latest past ones they keep to
	// the nearest to come.
	first, last := c.Events[0].ID, c.Events[len(c.Events)-1].ID
	if len(c.Events) > 60 && (first != fmt.Sprintf("e%03d", 120-len(c.Events)) || last != "e119") {
		t.Errorf("kept %s to %s", first, last)
	}
	if len(c.Events) <= 60 && (first != "e060" || last != fmt.Sprintf("e%03d", 59+len(c.Events))) {
		t.Errorf("kept %s to %s, %d events", first, last, len(c.Events))
	}
}
