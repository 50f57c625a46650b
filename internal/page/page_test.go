package page_test

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	_ "github.com/prayerfeed/prayerfeed/internal/golden" // -update; the pages' goldens are package build's
	"github.com/prayerfeed/prayerfeed/internal/load"
	"github.com/prayerfeed/prayerfeed/internal/page"
)

func render(t *testing.T) []page.File {
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
	now := time.Date(2026, 4, 2, 12, 0, 0, 0, time.UTC)
	pub := bulletin.Public(bs, now)
	pages, err := page.New(&page.Input{Site: site, Bulletins: pub, Events: bulletin.Track(pub), Now: now,
		Feeds:     []page.Feed{{Name: "all", Title: "All", RSS: "https://example.org/prayer/feeds/all.rss", Atom: "https://example.org/prayer/feeds/all.atom", JSON: "https://example.org/prayer/feeds/all.json"}},
		Calendars: []page.Calendar{{Name: "all", Title: "All", URL: "https://example.org/prayer/calendars/all.ics"}}})
	if err != nil {
		t.Fatal(err)
	}
	files, err := pages.All()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestNoLiveScript checks every page of the test site, whose bulletins
// hold a <script>, an onerror= attribute and a javascript: link, for
// anything that would run: a script other than the site's own, an event
// handler attribute, or a javascript: or data: address.
func TestNoLiveScript(t *testing.T) {
	for _, f := range render(t) {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(f.Data))
		if err != nil {
			t.Fatal(err)
		}
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				if n.Data == "script" && !(len(n.Attr) == 2 && strings.HasSuffix(attr(n, "src"), "/assets/copy.js")) {
					t.Errorf("%s: a script: %v", f.Path, n.Attr)
				}
				for _, a := range n.Attr {
					v := strings.ToLower(strings.TrimSpace(a.Val))
					if strings.HasPrefix(a.Key, "on") {
						t.Errorf("%s: <%s %s=%q>", f.Path, n.Data, a.Key, a.Val)
					}
					if (a.Key == "href" || a.Key == "src" || a.Key == "action") && (strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:")) {
						t.Errorf("%s: <%s %s=%q>", f.Path, n.Data, a.Key, a.Val)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// TestEveryPage checks that every page has the head every page needs:
// its language, a title, feed autodiscovery, a canonical URL and Open
// Graph, and that every template is used.
func TestEveryPage(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range render(t) {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		s := string(f.Data)
		for _, want := range []string{`<html lang="en-GB">`, "<title>", `rel="alternate" type="application/atom+xml"`, `property="og:title"`, `name="viewport"`} {
			if !strings.Contains(s, want) {
				t.Errorf("%s lacks %s", f.Path, want)
			}
		}
		ids := map[string]bool{}
		for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(s, -1) {
			if ids[m[1]] {
				t.Errorf("%s: id %q twice", f.Path, m[1])
			}
			ids[m[1]] = true
		}
		if strings.Contains(s, "ZgotmplZ") {
			t.Errorf("%s: html/template refused a value (ZgotmplZ)", f.Path)
		}
		if f.Path != "404.html" && !strings.Contains(s, `<link rel="canonical" href="https://example.org/prayer/`) {
			t.Errorf("%s has no canonical URL", f.Path)
		}
		seen[strings.SplitN(f.Path, "/", 2)[0]] = true
	}
	for _, want := range []string{"index.html", "bulletins", "regions", "archive", "events", "subscribe", "404.html"} {
		if !seen[want] {
			t.Errorf("no page %s", want)
		}
	}
	entries, _ := os.ReadDir("templates")
	if len(entries) != 8 {
		t.Errorf("%d templates; TestEveryPage knows of 8 (layout and 7 pages): check the new one is rendered", len(entries))
	}
}

func TestLinks(t *testing.T) {
	sd, _ := time.LoadLocation("America/Santo_Domingo")
	base, _ := url.Parse("https://prayer.example.org/")
	s := &bulletin.Site{BaseURL: base, Title: "Prayer"}
	b := &bulletin.Bulletin{ID: "2026-11-20", Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}
	pt := &bulletin.Point{ID: "latin-america-1", Body: "Pray for the *team*.", Bulletin: b}
	timed := &bulletin.Event{ID: "h", Kind: bulletin.Hearing, Title: "Hearing, Santo Domingo", Location: "Palacio & Co",
		Start: time.Date(2026, 11, 30, 9, 0, 0, 0, sd), End: time.Date(2026, 11, 30, 12, 0, 0, 0, sd), Zone: sd, Point: pt}
	allDay := &bulletin.Event{ID: "c", Kind: bulletin.Gathering, Title: "Conference", AllDay: true,
		Date: bulletin.Date{Year: 2026, Month: 12, Day: 30}, Until: bulletin.Date{Year: 2026, Month: 12, Day: 31}, Point: pt}
	weekly := &bulletin.Event{ID: "w", Kind: bulletin.Gathering, Title: "Vigil", Start: timed.Start, End: timed.End, Zone: sd, Point: pt,
		Repeat: &bulletin.Repeat{Rule: "FREQ=WEEKLY", Until: bulletin.Date{Year: 2027, Month: 2, Day: 1}}}
	tests := []struct{ name, got, want string }{
		{"webcal", page.Webcal("https://prayer.example.org/calendars/all.ics"), "webcal://prayer.example.org/calendars/all.ics"},
		{"google subscribe", page.GoogleSubscribe("https://prayer.example.org/calendars/all.ics"),
			"https://calendar.google.com/calendar/r?cid=https%3A%2F%2Fprayer.example.org%2Fcalendars%2Fall.ics"},
		{"outlook subscribe", page.OutlookSubscribe("https://prayer.example.org/calendars/all.ics", "Prayer & co"),
			"https://outlook.live.com/calendar/0/addfromweb?name=Prayer+%26+co&url=https%3A%2F%2Fprayer.example.org%2Fcalendars%2Fall.ics"},
		{"google timed", page.GoogleEvent(s, timed),
			"https://calendar.google.com/calendar/render?action=TEMPLATE&ctz=America%2FSanto_Domingo&dates=20261130T090000%2F20261130T120000&details=Pray+for+the+team.%0A%0Ahttps%3A%2F%2Fprayer.example.org%2Fbulletins%2F2026-11-20%2F%23latin-america-1&location=Palacio+%26+Co&text=Court+hearing%3A+Hearing%2C+Santo+Domingo"},
		{"google all day", page.GoogleEvent(s, allDay),
			"https://calendar.google.com/calendar/render?action=TEMPLATE&dates=20261230%2F20270101&details=Pray+for+the+team.%0A%0Ahttps%3A%2F%2Fprayer.example.org%2Fbulletins%2F2026-11-20%2F%23latin-america-1&text=Prayer+gathering%3A+Conference"},
		{"google weekly", page.GoogleEvent(s, weekly),
			"https://calendar.google.com/calendar/render?action=TEMPLATE&ctz=America%2FSanto_Domingo&dates=20261130T090000%2F20261130T120000&details=Pray+for+the+team.%0A%0Ahttps%3A%2F%2Fprayer.example.org%2Fbulletins%2F2026-11-20%2F%23latin-america-1&recur=RRULE%3AFREQ%3DWEEKLY%3BUNTIL%3D20270201&text=Prayer+gathering%3A+Vigil"},
		{"outlook timed", page.OutlookEvent(s, timed),
			"https://outlook.live.com/calendar/0/deeplink/compose?body=Pray+for+the+team.%0A%0Ahttps%3A%2F%2Fprayer.example.org%2Fbulletins%2F2026-11-20%2F%23latin-america-1&enddt=2026-11-30T12%3A00%3A00-04%3A00&location=Palacio+%26+Co&path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&startdt=2026-11-30T09%3A00%3A00-04%3A00&subject=Court+hearing%3A+Hearing%2C+Santo+Domingo"},
		{"outlook all day", page.OutlookEvent(s, allDay),
			"https://outlook.live.com/calendar/0/deeplink/compose?allday=true&body=Pray+for+the+team.%0A%0Ahttps%3A%2F%2Fprayer.example.org%2Fbulletins%2F2026-11-20%2F%23latin-america-1&enddt=2027-01-01&path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&startdt=2026-12-30&subject=Prayer+gathering%3A+Conference"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.name, tt.got, tt.want)
		}
	}
}
