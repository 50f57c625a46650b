package bulletin

import (
	"math"
	"strings"
	"testing"
	"time"

	// Registers -update, so that "go test ./... -update" runs here too.
	_ "github.com/prayerfeed/prayerfeed/internal/golden"
)

func TestErrorListSort(t *testing.T) {
	var l ErrorList
	l.Add(Pos{"b.yaml", 2, 1}, "second file")
	l.Add(Pos{"a.yaml", 10, 2}, "later line")
	l.Add(Pos{"a.yaml", 9, 5}, "earlier line")
	l.Add(Pos{"a.yaml", 9, 5}, "earlier line")
	l.Add(Pos{"a.yaml", 9, 1}, "earlier column")
	l.Sort()
	want := "a.yaml:9:1: earlier column\na.yaml:9:5: earlier line\na.yaml:10:2: later line\nb.yaml:2:1: second file"
	if got := l.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if (ErrorList{}).Err() != nil {
		t.Errorf("empty list: Err() is not nil")
	}
}

func TestDate(t *testing.T) {
	d := Date{2026, 2, 28}
	if got := d.AddDays(1); got != (Date{2026, 3, 1}) {
		t.Errorf("AddDays(1) = %v", got)
	}
	if got := d.AddDays(-59); got != (Date{2025, 12, 31}) {
		t.Errorf("AddDays(-59) = %v", got)
	}
	if !d.Before(Date{2026, 3, 1}) || d.Before(d) {
		t.Errorf("Before is wrong")
	}
	if d.String() != "2026-02-28" || d.Weekday() != time.Saturday {
		t.Errorf("String %s, Weekday %s", d, d.Weekday())
	}
}

func TestWhen(t *testing.T) {
	sd, _ := time.LoadLocation("America/Santo_Domingo")
	kol, _ := time.LoadLocation("Asia/Kolkata")
	manila, _ := time.LoadLocation("Asia/Manila")
	chicago, _ := time.LoadLocation("America/Chicago")
	tests := []struct {
		e    *Event
		want string
	}{
		{&Event{Start: time.Date(2026, 11, 30, 9, 0, 0, 0, sd), End: time.Date(2026, 11, 30, 12, 0, 0, 0, sd)},
			"Monday 30 November 2026, 9:00 am – 12:00 pm, Santo Domingo time (UTC-4)"},
		{&Event{Start: time.Date(2026, 12, 31, 22, 30, 0, 0, kol), End: time.Date(2027, 1, 1, 0, 30, 0, 0, kol)},
			"Thursday 31 December 2026, 10:30 pm – Friday 1 January 2027, 12:30 am, Kolkata time (UTC+5:30)"},
		// Manila's "PST" is not US Pacific time.
		{&Event{Start: time.Date(2026, 12, 20, 19, 0, 0, 0, manila), End: time.Date(2026, 12, 20, 20, 0, 0, 0, manila)},
			"Sunday 20 December 2026, 7:00 pm – 8:00 pm, Manila time (UTC+8)"},
		// A series into summer time keeps its clock; its days off are said.
		{&Event{Start: time.Date(2027, 2, 25, 19, 0, 0, 0, chicago), End: time.Date(2027, 2, 25, 20, 0, 0, 0, chicago), Last: Date{2027, 3, 25},
			Repeat: &Repeat{Rule: "FREQ=WEEKLY", Until: Date{2027, 3, 25}, Except: []Date{{2027, 3, 4}}}},
			"Thursday 25 February 2027, 7:00 pm – 8:00 pm, Chicago time, every week until Thursday 25 March 2027, except Thursday 4 March 2027"},
		{&Event{Start: time.Date(2027, 1, 7, 19, 0, 0, 0, chicago), End: time.Date(2027, 1, 7, 20, 0, 0, 0, chicago), Last: Date{2027, 2, 25},
			Repeat: &Repeat{Rule: "FREQ=WEEKLY", Until: Date{2027, 2, 25}}},
			"Thursday 7 January 2027, 7:00 pm – 8:00 pm, Chicago time (UTC-6), every week until Thursday 25 February 2027"},
		{&Event{AllDay: true, Date: Date{2026, 12, 8}}, "Tuesday 8 December 2026, all day"},
		{&Event{AllDay: true, Date: Date{2026, 12, 1}, Until: Date{2026, 12, 3}}, "Tuesday 1 December 2026 to Thursday 3 December 2026"},
		{&Event{AllDay: true, Date: Date{2026, 12, 1}, Repeat: &Repeat{Rule: "FREQ=WEEKLY;INTERVAL=2", Until: Date{2027, 2, 1}}},
			"Tuesday 1 December 2026, all day, every 2 weeks until Monday 1 February 2027"},
		{&Event{AllDay: true, Date: Date{2026, 12, 1}, Repeat: &Repeat{Rule: "FREQ=MONTHLY", Count: 3}},
			"Tuesday 1 December 2026, all day, every month, 3 times"},
		{&Event{AllDay: true, Date: Date{2026, 12, 10}, Repeat: &Repeat{Rule: "FREQ=MONTHLY;BYDAY=2TH", Count: 3}},
			"Thursday 10 December 2026, all day, every month on the second Thursday, 3 times"},
		{&Event{AllDay: true, Date: Date{2026, 12, 7}, Repeat: &Repeat{Rule: "FREQ=WEEKLY;BYDAY=MO,WE,FR", Count: 3}},
			"Monday 7 December 2026, all day, every week on Monday, Wednesday and Friday, 3 times"},
		{&Event{AllDay: true, Date: Date{2026, 12, 31}, Repeat: &Repeat{Rule: "FREQ=MONTHLY;BYDAY=-1TH", Count: 3}},
			"Thursday 31 December 2026, all day, every month on the last Thursday, 3 times"},
	}
	for _, tt := range tests {
		if got := tt.e.When(); got != tt.want {
			t.Errorf("When() = %q, want %q", got, tt.want)
		}
	}
}

// TestPublic checks that drafts, embargoed bulletins, private points and
// private events are left out, and that the input is not changed.
func TestPublic(t *testing.T) {
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	mk := func(id string, date time.Time) *Bulletin {
		b := &Bulletin{ID: id, Date: date}
		pub := &Point{ID: "p", Bulletin: b}
		pub.Events = []*Event{{ID: "open", Point: pub}, {ID: "secret", Private: true, Point: pub}}
		b.Points = []*Point{pub, {ID: "private", Private: true, Bulletin: b}}
		return b
	}
	old := mk("old", now.AddDate(0, 0, -14))
	recent := mk("recent", now.AddDate(0, 0, -7))
	draft := mk("draft", now.AddDate(0, 0, -1))
	draft.Draft = true
	embargoed := mk("embargoed", now.AddDate(0, 0, -1))
	embargoed.Publish = now.Add(time.Hour)
	future := mk("future", now.AddDate(0, 0, 1))
	onlyPrivate := &Bulletin{ID: "only-private", Date: now.AddDate(0, 0, -2)}
	onlyPrivate.Points = []*Point{{ID: "x", Private: true, Bulletin: onlyPrivate}}

	got := Public([]*Bulletin{old, draft, recent, embargoed, future, onlyPrivate}, now)
	var ids []string
	for _, b := range got {
		ids = append(ids, b.ID)
		if len(b.Points) != 1 || b.Points[0].ID != "p" || len(b.Points[0].Events) != 1 || b.Points[0].Events[0].ID != "open" {
			t.Errorf("bulletin %s keeps private content", b.ID)
		}
		if b.Points[0].Bulletin != b || b.Points[0].Events[0].Point != b.Points[0] {
			t.Errorf("bulletin %s: back references lead to the unfiltered copy", b.ID)
		}
	}
	if strings.Join(ids, ",") != "recent,old" {
		t.Errorf("published %v, want recent,old", ids)
	}
	if len(old.Points) != 2 || len(old.Points[0].Events) != 2 {
		t.Errorf("Public changed its input")
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{"South Asia": "south-asia", "IJM HQ & Global": "ijm-hq-global", "!!!": "my-id", "Ça va": "a-va"} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHeadingKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"IJM HQ & Global Partners", "ijm hq and global partners"},
		{"Africa+Europe:", "AFRICA AND EUROPE"},
		{"**Latin America**", "Latin  America"},
		{"## South-East Asia", "south east asia"},
		{"Amérique latine", "amérique LATINE"},
	} {
		if a, b := HeadingKey(tc.a), HeadingKey(tc.b); a != b || a == "" {
			t.Errorf("HeadingKey(%q) = %q, HeadingKey(%q) = %q; want the same", tc.a, a, tc.b, b)
		}
	}
	if HeadingKey("Africa") == HeadingKey("Africa & Europe") {
		t.Error("Africa and Africa & Europe are one heading")
	}
}

func TestHeld(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, ny)
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, ny) }
	bs := []*Bulletin{
		{Pos: Pos{File: "a.yaml"}, Date: day(20)},
		{Pos: Pos{File: "b.yaml"}, Date: day(20), Draft: true},
		{Pos: Pos{File: "b2.yaml", Line: 1}, Date: day(20), Draft: true, Title: "TODO a title", Points: []*Point{{Pos: Pos{File: "b2.yaml", Line: 9}, Title: "TODO a few words"}}},
		{Pos: Pos{File: "c.yaml"}, Date: day(27), Publish: time.Date(2026, 11, 28, 13, 30, 0, 0, ny)},
		{Pos: Pos{File: "d.yaml"}, Date: day(29)},
		{Pos: Pos{File: "e.yaml"}, Date: day(27), Publish: time.Date(2026, 11, 28, 11, 0, 0, 0, ny)},
	}
	var got []string
	for _, e := range Held(bs, now) {
		got = append(got, e.Error())
	}
	want := []string{
		`b.yaml: a draft, not published; delete "draft: true" to publish it`,
		`b2.yaml:1:0: a draft, not published, with 2 placeholders (TODO) still to write (the first at line 1); then delete "draft: true" to publish it`,
		"c.yaml: held back until its publish time, Saturday 28 November 2026 at 13:30 in America/New_York",
		"d.yaml: dated in the future without publish, so held back until Sunday 29 November 2026 at 00:00 in America/New_York",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Held:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestColorContrast(t *testing.T) {
	white := Color{255, 255, 255}
	for _, tc := range []struct {
		s    string
		want float64 // contrast on white (#767676 is WebAIM's 4.54:1)
	}{{"#000000", 21}, {"#0b5394", 7.84}, {"#767676", 4.54}, {"#fc0", 1.51}} {
		c, ok := ParseColor(tc.s)
		if got := c.Contrast(white); !ok || math.Abs(got-tc.want) > 0.02 {
			t.Errorf("%s: contrast %.2f, %v; want %.2f", tc.s, got, ok, tc.want)
		}
	}
	for _, bad := range []string{"", "0b5394", "#0b539", "#gggggg", "blue"} {
		if _, ok := ParseColor(bad); ok {
			t.Errorf("ParseColor(%q) ok", bad)
		}
	}
}
