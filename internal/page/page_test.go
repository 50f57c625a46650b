package page_test

import (
	"bytes"
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

func TestSubscribeLinks(t *testing.T) {
	tests := []struct{ name, got, want string }{
		{"webcal", page.Webcal("https://prayer.example.org/calendars/all.ics"), "webcal://prayer.example.org/calendars/all.ics"},
		{"google subscribe", page.GoogleSubscribe("https://prayer.example.org/calendars/all.ics"),
			"https://calendar.google.com/calendar/r?cid=https%3A%2F%2Fprayer.example.org%2Fcalendars%2Fall.ics"},
		{"outlook subscribe", page.OutlookSubscribe("https://prayer.example.org/calendars/all.ics", "Prayer & co"),
			"https://outlook.live.com/calendar/0/addfromweb?name=Prayer+%26+co&url=https%3A%2F%2Fprayer.example.org%2Fcalendars%2Fall.ics"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.name, tt.got, tt.want)
		}
	}
}
