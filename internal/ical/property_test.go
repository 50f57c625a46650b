package ical_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/ical"
	"github.com/prayerfeed/prayerfeed/internal/load"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/spool"
)

var texts = []string{
	"Hearing",
	"Commas, semicolons; backslashes \\ and\nnew lines",
	"Emoji 🙏🏽 and accents: São Paulo, Kraków, Ōsaka — “quotes”",
	"Right-to-left: עברית العربية",
	"Control \x00\x07\x1b\r characters and \xff invalid bytes",
	strings.Repeat("A long title that goes on and on, ", 20),
}

var zoneNames = []string{"America/New_York", "America/Santo_Domingo", "Asia/Kolkata", "Europe/London",
	"Australia/Sydney", "America/Sao_Paulo", "Asia/Tehran", "Africa/Casablanca", "America/Santiago", "Pacific/Auckland"}

// generate makes random tracked events across zones, all-day and timed,
// some repeating, some cancelled, with hostile text.
func generate(r *rand.Rand) (*bulletin.Site, []*bulletin.Tracked) {
	pick := func() string { return texts[r.IntN(len(texts))] }
	base, _ := url.Parse("https://example.org/")
	s := &bulletin.Site{Title: pick(), BaseURL: base, IDDomain: "example.org", Org: bulletin.Org{Name: pick()},
		Regions: []*bulletin.Region{{ID: "r", Name: pick()}}, PastDays: 90, CancelledDays: 30, Refresh: 12 * time.Hour}
	var events []*bulletin.Tracked
	for i := range 1 + r.IntN(8) {
		b := &bulletin.Bulletin{ID: "b", Title: pick(), Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
		pt := &bulletin.Point{ID: "p", Region: "r", Kind: bulletin.Prayer, Title: pick(), Body: spool.Of(pick()), Bulletin: b}
		loc, _ := time.LoadLocation(zoneNames[r.IntN(len(zoneNames))])
		e := &bulletin.Event{ID: fmt.Sprintf("e%d", i), Kind: bulletin.Hearing, Title: pick(), Location: pick(),
			Status: []bulletin.Status{bulletin.Confirmed, bulletin.Tentative, bulletin.Postponed, bulletin.Cancelled}[r.IntN(4)], Point: pt}
		day := bulletin.Date{Year: 2026 + r.IntN(3), Month: time.Month(1 + r.IntN(12)), Day: 1 + r.IntN(28)}
		if r.IntN(3) == 0 {
			e.AllDay, e.Date = true, day
			if r.IntN(2) == 0 {
				e.Until = day.AddDays(r.IntN(5))
			}
		} else {
			e.Zone = loc
			e.Start = time.Date(day.Year, day.Month, day.Day, r.IntN(24), 15*r.IntN(4), 0, 0, loc)
			e.End = e.Start.Add(time.Duration(30+r.IntN(600)) * time.Minute)
		}
		if r.IntN(3) == 0 {
			e.Repeat = &bulletin.Repeat{Rule: []string{"FREQ=WEEKLY", "FREQ=MONTHLY;BYDAY=1SA", "FREQ=DAILY;INTERVAL=3"}[r.IntN(3)]}
			if r.IntN(2) == 0 {
				e.Repeat.Count = 1 + r.IntN(20)
			} else {
				e.Repeat.Until = day.AddDays(r.IntN(400))
				e.Repeat.Except = []bulletin.Date{day.AddDays(7)}
			}
		}
		pt.Events = []*bulletin.Event{e}
		b.Points = []*bulletin.Point{pt}
		events = append(events, &bulletin.Tracked{Event: e, Sequence: r.IntN(3), Created: b.Date, Modified: b.Date})
	}
	return s, events
}

// TestProperties checks the rules of checkWellFormed over generated
// calendars, and that every text comes back from golang-ical's parser as
// it went in, less the characters iCalendar cannot carry.
func TestProperties(t *testing.T) {
	for seed := range uint64(300) {
		s, events := generate(rand.New(rand.NewPCG(seed, 7)))
		var buf bytes.Buffer
		c := &ical.Calendar{Path: "calendars/all.ics", Title: s.Title, Description: "d", Events: events, Subscription: true}
		if err := ical.Encode(&buf, s, c, markdown.NewCache(nil).Text); err != nil {
			t.Fatal(err)
		}
		checkWellFormed(t, buf.String())
		cal, err := ics.ParseCalendar(strings.NewReader(buf.String()))
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range cal.Events() {
			e := events[i].Event
			if got := ics.FromText(v.GetProperty(ics.ComponentPropertyLocation).Value); got != clean(e.Location) {
				t.Fatalf("seed %d: LOCATION %q, want %q", seed, got, clean(e.Location))
			}
			if got := ics.FromText(v.GetProperty(ics.ComponentPropertySummary).Value); !strings.HasSuffix(got, ": "+clean(e.Title)) {
				t.Fatalf("seed %d: SUMMARY %q does not end with %q", seed, got, clean(e.Title))
			}
		}
		if t.Failed() {
			t.Fatalf("seed %d:\n%s", seed, buf.String())
		}
	}
}

// clean drops what iCalendar text cannot carry and what no text may
// hold, as the encoder must: invalid bytes, controls but newline and
// tab, and U+FFFD to U+FFFF.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "")
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f || r >= 0xfffd && r <= 0xffff {
			return -1
		}
		return r
	}, s)
}

// TestSites checks every calendar of the golden sites.
func TestSites(t *testing.T) {
	for _, tc := range []struct {
		dir string
		now time.Time
	}{
		{filepath.Join("..", "..", "bulletins"), time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)},
		{filepath.Join("..", "build", "testdata", "site", "bulletins"), time.Date(2026, 4, 2, 12, 0, 0, 0, time.UTC)},
	} {
		root, err := os.OpenRoot(tc.dir)
		if err != nil {
			t.Fatal(err)
		}
		site, bs, errs := load.Dir(root.FS(), "bulletins")
		root.Close()
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		events := bulletin.Track(bulletin.Public(bs, tc.now))
		cals := ical.Calendars(site, events, tc.now)
		for _, e := range events {
			cals = append(cals, ical.Single(site, e))
		}
		for _, c := range cals {
			var buf bytes.Buffer
			if err := ical.Encode(&buf, site, c, markdown.NewCache(nil).Text); err != nil {
				t.Fatal(err)
			}
			t.Run(c.Path, func(t *testing.T) { checkWellFormed(t, buf.String()) })
		}
	}
}
