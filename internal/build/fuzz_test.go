package build_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/url"
	"path"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/prayerfeed/prayerfeed/internal/build"
	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/spool"
)

// FuzzRender puts arbitrary text, which the loader would refuse, straight
// into every text field of a site and renders every output: each must
// still be well formed, whatever the text.
func FuzzRender(f *testing.F) {
	f.Add("Title", "Body with *emphasis*", "Place, Town; Region")
	f.Add("Control \x00\x01\x1b\x7f\u0085", "Invalid \xff\xfe UTF-8 ]]> <script>alert(1)</script>", "\r\n\\;,")
	f.Add("עברית العربية 🙏🏽", "[x](javascript:alert(1)) <img src=x onerror=alert(1)>", strings.Repeat("long ", 200))
	f.Fuzz(func(t *testing.T, title, body, place string) {
		files, err := build.RenderAll(fuzzModel(t, title, body, place))
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range files {
			checkFile(t, file)
		}
	})
}

// fuzzModel returns the model of a site of three bulletins whose every
// text is one of title, body and place.
func fuzzModel(t *testing.T, title, body, place string) *build.Model {
	sd, _ := time.LoadLocation("America/Santo_Domingo")
	base, _ := url.Parse("https://example.org/prayer/")
	s := &bulletin.Site{Title: title, Description: body, BaseURL: base, Language: "en", Location: sd, IDDomain: "example.org",
		Org: bulletin.Org{Name: title, Email: "a@example.org"}, About: body, FeedLimit: 2, PastDays: 90, CancelledDays: 30,
		Refresh: 12 * time.Hour, EventDuration: time.Hour, Hub: "https://hub.example.net/",
		Regions: []*bulletin.Region{{ID: "r", Name: title, Description: body}}}
	var bs []*bulletin.Bulletin
	for i := range 3 {
		b := &bulletin.Bulletin{ID: "b" + string(rune('0'+i)), Title: title, Date: time.Date(2026, 11, 6+7*i, 0, 0, 0, 0, sd),
			Scripture: bulletin.Scripture{Text: body, Reference: title, Version: place}, Intro: spool.Of(body),
			Pos: bulletin.Pos{File: "b.yaml", Line: 1, Col: 1}}
		pt := &bulletin.Point{ID: "r-1", Region: "r", Kind: bulletin.Prayer, Title: title, Body: spool.Of(body), Bulletin: b}
		start := time.Date(2026, 12, 1+i, 9, 0, 0, 0, sd)
		pt.Events = []*bulletin.Event{{ID: "e", Kind: bulletin.Hearing, Title: title, Location: place, Status: bulletin.Postponed,
			Start: start, End: start.Add(time.Hour), Zone: sd, Point: pt, URL: "https://example.org/x"}}
		b.Points = []*bulletin.Point{pt}
		bs = append(bs, b)
	}
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	m, err := build.NewModel(s, bulletin.Public(bs, now), now, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// checkFile checks that a rendered file is well formed for its kind.
func checkFile(t *testing.T, f build.File) {
	t.Helper()
	if !utf8.Valid(f.Data) {
		t.Fatalf("%s is not valid UTF-8", f.Path)
	}
	switch path.Ext(f.Path) {
	case ".atom", ".rss", ".opml", ".xml":
		dec := xml.NewDecoder(bytes.NewReader(f.Data))
		dec.Strict = true
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Path, err)
			}
		}
	case ".json":
		if !json.Valid(f.Data) {
			t.Fatalf("%s is not valid JSON", f.Path)
		}
	case ".ics":
		text := string(f.Data)
		for _, l := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
			if len(l) > 75 || strings.ContainsAny(l, "\r\n") || !utf8.ValidString(l) {
				t.Fatalf("%s: bad line %q", f.Path, l)
			}
		}
	case ".html":
		if n := strings.Count(string(f.Data), "<script"); n != 1 {
			t.Fatalf("%s has %d scripts", f.Path, n)
		}
	}
}
