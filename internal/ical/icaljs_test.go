package ical_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/teambition/rrule-go"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/ical"
	"github.com/prayerfeed/prayerfeed/internal/load"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/spool"
)

// icaljsEvent is an event as ical.js reads it (testdata/icaljs/expand.js).
type icaljsEvent struct {
	UID         string `json:"uid"`
	Summary     string `json:"summary"`
	Sequence    int    `json:"sequence"`
	Status      string `json:"status"`
	AllDay      bool   `json:"allDay"`
	Start       any    `json:"start"`
	Zone        string `json:"zone"`
	Occurrences []any  `json:"occurrences"`
}

// icaljs returns how to have ical.js read a calendar file and expand
// its events between two days, or skips the test where node or ical.js
// is missing (CI must run it).
func icaljs(t *testing.T) func(path, from, to string) []icaljsEvent {
	t.Helper()
	dir := filepath.Join("testdata", "icaljs")
	node, err := exec.LookPath("node")
	if _, serr := os.Stat(filepath.Join(dir, "node_modules", "ical.js")); err != nil || serr != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI must run this test: install node and run npm ci in internal/ical/testdata/icaljs")
		}
		t.Skip("node or ical.js missing; run npm ci in internal/ical/testdata/icaljs")
	}
	return func(path, from, to string) []icaljsEvent {
		t.Helper()
		out, err := exec.Command(node, filepath.Join(dir, "expand.js"), path, from, to).Output()
		if err != nil {
			t.Fatalf("%s: ical.js: %v", filepath.Base(path), err)
		}
		var got []icaljsEvent
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatal(err)
		}
		return got
	}
}

// icaljsSite loads the build tests' general-case site, and its clock.
func icaljsSite(t *testing.T) (*bulletin.Site, []*bulletin.Bulletin, time.Time) {
	t.Helper()
	root, err := os.OpenRoot(filepath.Join("..", "build", "testdata", "site", "bulletins"))
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	site, bs, errs := load.Dir(root.FS(), "bulletins")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return site, bs, time.Date(2026, 4, 2, 12, 0, 0, 0, time.UTC)
}

// TestICALJS has ical.js, the parser inside Thunderbird, read every
// calendar of the test site and expand its recurring gatherings, and
// compares what it finds with what the bulletins say. It needs node and
// the npm packages of testdata/icaljs (npm ci there, as .ci/run does).
func TestICALJS(t *testing.T) {
	expand := icaljs(t)
	site, bs, now := icaljsSite(t)
	events := bulletin.Track(bulletin.Public(bs, now))
	from, to := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC)
	tmp := t.TempDir()
	sydney, _ := time.LoadLocation("Australia/Sydney")
	copies := []*ical.Cancelled{ // events that left a calendar
		{UID: "gone-timed@example.org", Kind: bulletin.Gathering, Start: time.Date(2026, 4, 5, 19, 0, 0, 0, sydney),
			End: time.Date(2026, 4, 5, 21, 0, 0, 0, sydney), Sequence: 2, Left: now},
		{UID: "gone-all-day@example.org", Kind: bulletin.Hearing, AllDay: true, Date: bulletin.Date{Year: 2026, Month: 4, Day: 17},
			Until: bulletin.Date{Year: 2026, Month: 4, Day: 17}, Sequence: 1, Left: now},
	}
	for _, c := range ical.Calendars(site, events, now) {
		c.Cancelled = copies
		path := filepath.Join(tmp, filepath.Base(c.Path))
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := ical.Encode(f, site, c, markdown.NewCache(nil).Text); err != nil {
			t.Fatal(err)
		}
		f.Close()
		got := expand(path, from.Format("2006-01-02"), to.Format("2006-01-02"))
		if len(got) != len(c.Events)+len(copies) {
			t.Fatalf("%s: ical.js reads %d events, want %d", c.Path, len(got), len(c.Events)+len(copies))
		}
		for i, g := range got[len(c.Events):] {
			if w := copies[i]; g.UID != w.UID || g.Sequence != w.Sequence || !strings.EqualFold(g.Status, "cancelled") || g.AllDay != w.AllDay || len(g.Occurrences) != 1 {
				t.Errorf("%s: ical.js reads the cancelled copy %s as %+v", c.Path, w.UID, g)
			}
		}
		for i, e := range c.Events {
			g := got[i]
			if g.UID != site.UID(e.Event) || g.Sequence != e.Sequence {
				t.Errorf("%s: event %d: uid %s sequence %d, want %s %d", c.Path, i, g.UID, g.Sequence, site.UID(e.Event), e.Sequence)
			}
			want := expectedStarts(t, e.Event, from, to)
			var starts []string
			for _, o := range g.Occurrences {
				starts = append(starts, occurrence(o))
			}
			if !slices.Equal(starts, want) {
				t.Errorf("%s: %s: ical.js expands to\n%q\nwant\n%q", c.Path, e.ID, starts, want)
			}
		}
	}
}

// TestICALJSDiary has ical.js read the prayer diary of the test site,
// with a day gone: an all-day event a day, each on its day, and the day
// gone cancelled.
func TestICALJSDiary(t *testing.T) {
	expand := icaljs(t)
	site, bs, now := icaljsSite(t)
	var days []ical.DiaryDay
	for _, d := range site.Diary(bulletin.Public(bs, now), now) {
		days = append(days, ical.DiaryDay{DiaryDay: d, Sequence: 1})
	}
	gone := []ical.DiaryDay{{DiaryDay: bulletin.DiaryDay{Day: bulletin.Date{Year: 2026, Month: 2, Day: 28}}, Sequence: 3}}
	path := filepath.Join(t.TempDir(), "diary.ics")
	f, _ := os.Create(path)
	if err := ical.EncodeDiary(f, site, "Diary", days, gone, now, spool.Text.String); err != nil {
		t.Fatal(err)
	}
	f.Close()
	got := expand(path, "2026-01-01", "2027-01-01")
	if len(got) != len(days)+1 || len(days) == 0 {
		t.Fatalf("ical.js reads %d days, want %d", len(got), len(days)+1)
	}
	for i, d := range append(days, gone...) {
		g := got[i]
		if g.UID != ical.DiaryUID(site, d.Day) || !g.AllDay || g.Sequence != d.Sequence || len(g.Occurrences) != 1 || occurrence(g.Occurrences[0]) != d.Day.String() {
			t.Errorf("ical.js reads day %s as %+v", d.Day, g)
		}
	}
	if last := got[len(got)-1]; !strings.EqualFold(last.Status, "cancelled") {
		t.Errorf("the day gone reads as %q", last.Status)
	}
}

// expectedStarts returns the starts of an event's occurrences between
// from and to, computed from the bulletin with rrule-go and Go's time
// zones: Unix seconds for a timed event, dates for an all-day one.
func expectedStarts(t *testing.T, e *bulletin.Event, from, to time.Time) []string {
	t.Helper()
	start := e.Start
	if e.AllDay {
		start = e.Date.In(time.UTC)
	}
	times := []time.Time{start}
	if r := e.Repeat; r != nil {
		opt, err := rrule.StrToROption(r.Rule)
		if err != nil {
			t.Fatal(err)
		}
		opt.Dtstart = start
		if r.Count > 0 {
			opt.Count = r.Count
		} else {
			opt.Until = time.Date(r.Until.Year, r.Until.Month, r.Until.Day, 23, 59, 59, 0, start.Location())
		}
		rule, err := rrule.NewRRule(*opt)
		if err != nil {
			t.Fatal(err)
		}
		times = nil
		for _, o := range rule.All() {
			if !slices.Contains(r.Except, bulletin.DateOf(o)) {
				times = append(times, o)
			}
		}
	}
	var out []string
	for _, o := range times {
		if o.Before(from) || o.After(to) {
			continue
		}
		if e.AllDay {
			out = append(out, o.Format("2006-01-02"))
		} else {
			out = append(out, occurrence(float64(o.Unix())))
		}
	}
	return out
}

func occurrence(v any) string {
	switch v := v.(type) {
	case float64:
		return time.Unix(int64(v), 0).UTC().Format(time.RFC3339)
	case string:
		return v
	}
	return "?"
}
