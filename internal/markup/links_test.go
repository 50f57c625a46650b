package markup_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/markup"
	"github.com/prayerfeed/prayerfeed/internal/spool"
)

func TestEventLinks(t *testing.T) {
	sd, _ := time.LoadLocation("America/Santo_Domingo")
	base, _ := url.Parse("https://prayer.example.org/")
	s := &bulletin.Site{BaseURL: base, Title: "Prayer"}
	b := &bulletin.Bulletin{ID: "2026-11-20", Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}
	pt := &bulletin.Point{ID: "latin-america-1", Body: spool.Of("Pray for the *team*."), Bulletin: b}
	timed := &bulletin.Event{ID: "h", Kind: bulletin.Hearing, Title: "Hearing, Santo Domingo", Location: "Palacio & Co",
		Start: time.Date(2026, 11, 30, 9, 0, 0, 0, sd), End: time.Date(2026, 11, 30, 12, 0, 0, 0, sd), Zone: sd, Point: pt}
	allDay := &bulletin.Event{ID: "c", Kind: bulletin.Gathering, Title: "Conference", AllDay: true,
		Date: bulletin.Date{Year: 2026, Month: 12, Day: 30}, Until: bulletin.Date{Year: 2026, Month: 12, Day: 31}, Point: pt}
	weekly := &bulletin.Event{ID: "w", Kind: bulletin.Gathering, Title: "Vigil", Start: timed.Start, End: timed.End, Zone: sd, Point: pt,
		Repeat: &bulletin.Repeat{Rule: "FREQ=WEEKLY", Until: bulletin.Date{Year: 2027, Month: 2, Day: 1}}}
	tests := []struct{ name, got, want string }{
		{"google timed", markup.GoogleEvent(s, timed),
			"https://calendar.google.com/calendar/render?action=TEMPLATE&ctz=America%2FSanto_Domingo&dates=20261130T090000%2F20261130T120000&details=Pray%20for%20the%20team.%0A%0Ahttps%3A%2F%2Fprayer.example.org%2Fbulletins%2F2026-11-20%2F%23latin-america-1&location=Palacio%20%26%20Co&text=Court%20hearing%3A%20Hearing%2C%20Santo%20Domingo"},
		{"google all day", markup.GoogleEvent(s, allDay),
			"https://calendar.google.com/calendar/render?action=TEMPLATE&dates=20261230%2F20270101&details=Pray%20for%20the%20team.%0A%0Ahttps%3A%2F%2Fprayer.example.org%2Fbulletins%2F2026-11-20%2F%23latin-america-1&text=Prayer%20gathering%3A%20Conference"},
		{"google weekly", markup.GoogleEvent(s, weekly),
			"https://calendar.google.com/calendar/render?action=TEMPLATE&ctz=America%2FSanto_Domingo&dates=20261130T090000%2F20261130T120000&details=Pray%20for%20the%20team.%0A%0Ahttps%3A%2F%2Fprayer.example.org%2Fbulletins%2F2026-11-20%2F%23latin-america-1&recur=RRULE%3AFREQ%3DWEEKLY%3BUNTIL%3D20270201&text=Prayer%20gathering%3A%20Vigil"},
		{"outlook timed", markup.OutlookEvent(s, timed),
			"https://outlook.live.com/calendar/0/deeplink/compose?body=Pray%20for%20the%20team.%0A%0Ahttps%3A%2F%2Fprayer.example.org%2Fbulletins%2F2026-11-20%2F%23latin-america-1&enddt=2026-11-30T12%3A00%3A00-04%3A00&location=Palacio%20%26%20Co&path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&startdt=2026-11-30T09%3A00%3A00-04%3A00&subject=Court%20hearing%3A%20Hearing%2C%20Santo%20Domingo"},
		{"outlook all day", markup.OutlookEvent(s, allDay),
			"https://outlook.live.com/calendar/0/deeplink/compose?allday=true&body=Pray%20for%20the%20team.%0A%0Ahttps%3A%2F%2Fprayer.example.org%2Fbulletins%2F2026-11-20%2F%23latin-america-1&enddt=2027-01-01&path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&startdt=2026-12-30&subject=Prayer%20gathering%3A%20Conference"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.name, tt.got, tt.want)
		}
	}
}

// TestAddToCalendar checks which events a point offers to add to a
// calendar: those still to come, as they now stand, and not one a later
// bulletin cancelled, nor one already over.
func TestAddToCalendar(t *testing.T) {
	sd, _ := time.LoadLocation("America/Santo_Domingo")
	base, _ := url.Parse("https://prayer.example.org/")
	s := &bulletin.Site{BaseURL: base, Title: "Prayer"}
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	point := func(id string, day int, status bulletin.Status) *bulletin.Point {
		b := &bulletin.Bulletin{ID: id, Date: time.Date(2026, 11, day, 0, 0, 0, 0, sd)}
		pt := &bulletin.Point{ID: "p", Title: "Point", Body: spool.Of("Pray."), Bulletin: b}
		start := time.Date(2026, 11, 30, 9, 0, 0, 0, sd)
		pt.Events = []*bulletin.Event{{ID: "h", Kind: bulletin.Hearing, Title: "Hearing", Status: status, Start: start, End: start.Add(time.Hour), Zone: sd, Point: pt}}
		return pt
	}
	past := point("old", 1, bulletin.Confirmed)
	past.Events[0].Start, past.Events[0].End = time.Date(2026, 11, 27, 9, 0, 0, 0, sd), time.Date(2026, 11, 27, 10, 0, 0, 0, sd)
	announced, cancelled := point("first", 20, bulletin.Confirmed), point("second", 27, bulletin.Cancelled)
	tests := []struct {
		name    string
		pt      *bulletin.Point
		tracked *bulletin.Event
		links   bool
	}{
		{"still to come", announced, announced.Events[0], true},
		{"cancelled by a later bulletin", announced, cancelled.Events[0], false},
		{"already over", past, past.Events[0], false},
	}
	for _, tt := range tests {
		w := &markup.Writer{Site: s, Tracked: map[string]*bulletin.Tracked{"h": {Event: tt.tracked}}, Markdown: markdown.NewCache(base), Root: "/", Now: now}
		w.Point(tt.pt, "p")
		if got := strings.Contains(w.String(), `class="add"`); got != tt.links {
			t.Errorf("%s: links %v, want %v:\n%s", tt.name, got, tt.links, w.String())
		}
	}
}

// TestAddSeries checks that a link is offered only when it adds what the
// calendar holds: Google's template takes no EXDATE, and Outlook's
// compose link no repeat at all; the .ics download is always right.
func TestAddSeries(t *testing.T) {
	chicago, _ := time.LoadLocation("America/Chicago")
	base, _ := url.Parse("https://prayer.example.org/")
	s := &bulletin.Site{BaseURL: base, Title: "Prayer"}
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	until := bulletin.Date{Year: 2027, Month: 1, Day: 28}
	tests := []struct {
		name            string
		repeat          *bulletin.Repeat
		google, outlook bool
	}{
		{"one day", nil, true, true},
		{"weekly", &bulletin.Repeat{Rule: "FREQ=WEEKLY", Until: until}, true, false},
		{"weekly with a day off", &bulletin.Repeat{Rule: "FREQ=WEEKLY", Until: until, Except: []bulletin.Date{{Year: 2026, Month: 12, Day: 29}}}, false, false},
	}
	for _, tt := range tests {
		b := &bulletin.Bulletin{ID: "b", Date: time.Date(2026, 11, 27, 0, 0, 0, 0, chicago)}
		pt := &bulletin.Point{ID: "p", Title: "Point", Body: spool.Of("Pray."), Bulletin: b}
		start := time.Date(2026, 12, 8, 19, 0, 0, 0, chicago)
		e := &bulletin.Event{ID: "call", Kind: bulletin.Gathering, Title: "Call", Start: start, End: start.Add(time.Hour), Zone: chicago,
			Repeat: tt.repeat, Last: until, Point: pt}
		pt.Events = []*bulletin.Event{e}
		w := &markup.Writer{Site: s, Tracked: map[string]*bulletin.Tracked{"call": {Event: e}}, Markdown: markdown.NewCache(base), Root: "/", Now: now}
		w.Point(pt, "p")
		html := w.String()
		if got := strings.Contains(html, "calendar.google.com"); got != tt.google {
			t.Errorf("%s: Google link %v, want %v", tt.name, got, tt.google)
		}
		if got := strings.Contains(html, "outlook.live.com"); got != tt.outlook {
			t.Errorf("%s: Outlook link %v, want %v", tt.name, got, tt.outlook)
		}
		if !strings.Contains(html, `/events/call.ics" download>`) {
			t.Errorf("%s: no .ics download:\n%s", tt.name, html)
		}
	}
}
