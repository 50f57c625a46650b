package feed_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math/rand/v2"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/feed"
	"github.com/prayerfeed/prayerfeed/internal/spool"
)

// texts are the strings generated bulletins are made of, hostile ones
// among them: control characters, invalid UTF-8, the end of a CDATA
// section, markup, right-to-left text, emoji and a very long line.
var texts = []string{
	"Pray for the hearing.",
	"Praise God! *Emphasis* and [a link](https://example.org/x) and [relative](a/b).",
	"Control \x00\x01\x08\x0b\x0c\x1b\x7f\u0085 characters",
	"Invalid \xff\xfe\xc3 UTF-8",
	"CDATA ]]> end ]]]]>>",
	"<script>alert(1)</script> <b onmouseover=x>bold</b> & < > \" '",
	"עברית and العربية \u202e reversed \u202c",
	"🙏🏽 emoji 👩‍👩‍👧",
	string(bytes.Repeat([]byte("long line "), 2000)),
	"\uFFFE\uFFFF non-characters",
}

var zones = []string{"UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "America/Santiago"}

// generate makes a random site and its published bulletins, newest first.
func generate(r *rand.Rand, basePath string) (*bulletin.Site, []*bulletin.Bulletin) {
	text := func() string { return texts[r.IntN(len(texts))] }
	loc, _ := time.LoadLocation(zones[r.IntN(len(zones))])
	base, _ := url.Parse("https://example.org" + basePath)
	s := &bulletin.Site{
		Title: text(), Description: text(), BaseURL: base, Language: "en", Location: loc,
		IDDomain: "example.org", Org: bulletin.Org{Name: text(), Email: "a@example.org"},
		About: text(), FeedLimit: 1 + r.IntN(5), Hub: "https://hub.example.net/",
	}
	for i := range 1 + r.IntN(4) {
		s.Regions = append(s.Regions, &bulletin.Region{ID: fmt.Sprintf("region-%d", i), Name: text()})
	}
	var bs []*bulletin.Bulletin
	day := time.Date(2024, 1, 5, 0, 0, 0, 0, loc)
	for range 1 + r.IntN(10) {
		day = day.AddDate(0, 0, 1+r.IntN(200))
		b := &bulletin.Bulletin{
			ID: day.Format("2006-01-02"), Title: text(), Date: day, File: text(),
			Scripture: bulletin.Scripture{Text: text(), Reference: text()}, Intro: spool.Of(text()),
		}
		perRegion := map[string]int{}
		for range 1 + r.IntN(6) {
			reg := s.Regions[r.IntN(len(s.Regions))].ID
			perRegion[reg]++
			pt := &bulletin.Point{
				ID: fmt.Sprintf("%s-%d", reg, perRegion[reg]), Region: reg, Kind: []bulletin.Kind{bulletin.Praise, bulletin.Prayer}[r.IntN(2)],
				Title: text(), Body: spool.Of(text()), Bulletin: b,
			}
			if r.IntN(3) == 0 {
				start := day.Add(time.Duration(r.IntN(1000)) * time.Hour)
				pt.Events = append(pt.Events, &bulletin.Event{
					ID: fmt.Sprintf("event-%d", r.IntN(5)), Kind: bulletin.Hearing, Title: text(), Location: text(),
					Status: bulletin.Cancelled, Start: start, End: start.Add(time.Hour), Zone: loc, Point: pt,
				})
			}
			b.Points = append(b.Points, pt)
		}
		bs = append(bs, b)
	}
	bulletin.SortNewestFirst(bs)
	return s, bs
}

// ids returns the entry ids of every feed, its head and archives
// together, sorted, after checking that the three formats of each
// document are well formed and carry the same ids, each once. (Which
// entries a head feed holds and which only its archives depends on their
// size: a head feed stays under feed.MaxSize.)
func ids(t *testing.T, set *feed.Set) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, f := range set.Every() {
		key := f.SelfURL("atom")
		var want []string
		for _, e := range f.Entries {
			want = append(want, e.ID)
		}
		seen := map[string]bool{}
		for _, id := range want {
			if seen[id] {
				t.Fatalf("%s: id %s twice", key, id)
			}
			seen[id] = true
		}
		var atom struct {
			IDs []string `xml:"entry>id"`
		}
		decodeXML(t, encodeFeed(t, feed.EncodeAtom, f), &atom)
		var rss struct {
			IDs []string `xml:"channel>item>guid"`
		}
		decodeXML(t, encodeFeed(t, feed.EncodeRSS, f), &rss)
		var js struct {
			Items []struct{ ID string } `json:"items"`
		}
		data := encodeFeed(t, feed.EncodeJSON, f)
		if err := json.Unmarshal(data, &js); err != nil {
			t.Fatalf("%s.json: %v", f.Name, err)
		}
		var jsonIDs []string
		for _, it := range js.Items {
			jsonIDs = append(jsonIDs, it.ID)
		}
		if !slices.Equal(atom.IDs, want) || !slices.Equal(rss.IDs, want) || !slices.Equal(jsonIDs, want) {
			t.Fatalf("%s: ids differ between formats:\natom %q\nrss  %q\njson %q\nwant %q", key, atom.IDs, rss.IDs, jsonIDs, want)
		}
		for _, id := range want {
			if !slices.Contains(out[f.Name], id) {
				out[f.Name] = append(out[f.Name], id)
			}
		}
	}
	for _, ids := range out {
		slices.Sort(ids)
	}
	return out
}

func encodeFeed(t *testing.T, enc func(io.Writer, *feed.Feed) error, f *feed.Feed) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := enc(&buf, f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func decodeXML(t *testing.T, data []byte, v any) {
	t.Helper()
	if err := strictXML(data); err != nil {
		t.Fatalf("not well-formed: %v\n%.2000s", err, data)
	}
	if err := xml.Unmarshal(data, v); err != nil {
		t.Fatal(err)
	}
}

// TestDescriptionsStayText builds RSS feeds from generated bulletins,
// whose texts hold markup, entities and code, and reads every description
// back as feed readers do: gofeed decodes the XML, and what it gives is
// parsed as HTML, which must hold no element and say the plain text.
func TestDescriptionsStayText(t *testing.T) {
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	parser := gofeed.NewParser()
	for seed := range uint64(40) {
		s, bs := generate(rand.New(rand.NewPCG(seed, 1)), "/")
		for _, f := range feed.Build(s, bs, bulletin.Track(bs), s.Diary(bs, now), now).Heads {
			fd, err := parser.Parse(bytes.NewReader(encodeFeed(t, feed.EncodeRSS, f)))
			if err != nil {
				t.Fatal(err)
			}
			checkText(t, f.Name+" channel", fd.Description)
			js, err := parser.Parse(bytes.NewReader(encodeFeed(t, feed.EncodeJSON, f)))
			if err != nil {
				t.Fatal(err)
			}
			for i, it := range fd.Items {
				// What a reader shows is the summary, word for word.
				if got, want := strings.TrimSpace(checkText(t, f.Name+" "+it.GUID, it.Description)), strings.TrimSpace(js.Items[i].Description); got != want {
					t.Fatalf("%s %s: a reader shows %q, for the summary %q", f.Name, it.GUID, got, want)
				}
			}
		}
		// And the podcast's, every bulletin with audio.
		s.Podcast = &bulletin.Podcast{Title: s.Title, Author: "A", Image: "https://example.org/a.png", Category: "Religion & Spirituality"}
		for _, b := range bs {
			b.Audio = &bulletin.Audio{URL: "https://example.org/a.mp3", Length: 1, Type: "audio/mpeg", Duration: time.Minute}
		}
		var buf bytes.Buffer
		if err := feed.EncodePodcast(&buf, feed.BuildPodcast(s, bs, bulletin.Track(bs), now)); err != nil {
			t.Fatal(err)
		}
		fd, err := parser.Parse(&buf)
		if err != nil {
			t.Fatal(err)
		}
		checkText(t, "podcast channel", fd.Description)
		for _, it := range fd.Items {
			checkText(t, "podcast "+it.GUID, it.Description)
		}
	}
}

// checkText fails the test when an HTML reader would find an element in
// the description d, and returns the text it would show.
func checkText(t *testing.T, where, d string) string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(d), &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"})
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, n := range nodes {
		if n.Type != html.TextNode {
			t.Fatalf("%s: a reader finds %s in the description %q", where, n.Data, d)
		}
		text.WriteString(n.Data)
	}
	return text.String()
}

// TestProperties builds feeds from generated bulletins: every output is
// well formed whatever the text, ids are unique and the same in every
// format, and they do not change when titles, bodies, file names or the
// base URL's path change: for 20 generated sites, or 80 with
// PRAYERFEED_LONG=1 (as CI runs it).
func TestProperties(t *testing.T) {
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	sites := uint64(20)
	if os.Getenv("PRAYERFEED_LONG") != "" {
		sites = 80
	}
	for seed := range sites {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			properties(t, seed, now)
		})
	}
}

// properties checks the properties of the site generated from seed.
func properties(t *testing.T, seed uint64, now time.Time) {
	s, bs := generate(rand.New(rand.NewPCG(seed, 1)), "/")
	before := ids(t, feed.Build(s, bs, bulletin.Track(bs), s.Diary(bs, now), now))

	s2, bs2 := generate(rand.New(rand.NewPCG(seed, 1)), "/moved/elsewhere/")
	r := rand.New(rand.NewPCG(seed, 2))
	for _, b := range bs2 {
		b.Title, b.File = texts[r.IntN(len(texts))], "renamed.yaml"
		for _, pt := range b.Points {
			pt.Title, pt.Body = texts[r.IntN(len(texts))], spool.Of(texts[r.IntN(len(texts))])
		}
	}
	after := ids(t, feed.Build(s2, bs2, bulletin.Track(bs2), s2.Diary(bs2, now), now))
	for name, want := range before {
		if !slices.Equal(after[name], want) {
			t.Fatalf("seed %d: %s ids changed with titles, bodies, files and base path:\n%q\nwas\n%q", seed, name, after[name], want)
		}
	}
}

// TestSizeBound checks the bound that spares most head feeds being
// encoded to be measured: no feed of a generated site, nor a feed of the
// most escaped and the emptiest strings, exceeds it in any format.
func TestSizeBound(t *testing.T) {
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	var feeds []*feed.Feed
	for seed := range uint64(20) {
		s, bs := generate(rand.New(rand.NewPCG(seed, 1)), "/")
		feeds = append(feeds, feed.Build(s, bs, bulletin.Track(bs), s.Diary(bs, now), now).Every()...)
	}
	for _, text := range []string{"", "x", `&<>"'\]` + "\u2028\x01", "&]]\x00>&", "\xff\xfe", "]]>]]>]", `"\"\\` + "\n\t\r\x7f\u2029"} {
		f := &feed.Feed{Name: text, ID: text, Title: text, Description: text, Language: text, HomeURL: text, BaseURL: text,
			Author: feed.Person{Name: text, Email: text, URI: text}, Icon: text, Logo: text, Hub: text, Updated: now,
			PrevArchive: text, Archive: &feed.Archive{Year: 2030, Path: text, Current: text, Prev: text, Next: text}}
		for i := range 40 {
			e := &feed.Entry{ID: text, Title: text, URL: text, Published: now, Updated: now, Content: text, Summary: text,
				Author: feed.Person{Name: text, Email: text, URI: text}}
			if i == 0 {
				for range 20 {
					e.Categories = append(e.Categories, feed.Category{Term: text, Label: text})
				}
			}
			f.Entries = append(f.Entries, e)
		}
		feeds = append(feeds, f)
	}
	// Long texts of what escapes most, in an entry's HTML and in its
	// title and summary, where the markup around them is too little to
	// make up for a bound too low.
	for _, text := range []string{"]]>", `"`, `\`, "\n", "\u2028", "\x01", "<&>'", "]]\x00>"} {
		long := strings.Repeat(text, 4000)
		for _, e := range []*feed.Entry{{Content: long}, {Title: long}, {Summary: long}} {
			e.ID, e.Published, e.Updated = "x", now, now
			feeds = append(feeds, &feed.Feed{Name: "long", Title: "Long", Updated: now, Entries: []*feed.Entry{e}})
		}
	}
	for _, f := range feeds {
		bound := feed.SizeBound(f)
		for _, enc := range []func(io.Writer, *feed.Feed) error{feed.EncodeAtom, feed.EncodeRSS, feed.EncodeJSON} {
			if n := len(encodeFeed(t, enc, f)); n > bound {
				t.Errorf("%q: %d bytes encoded, over the bound %d", f.Name, n, bound)
			}
		}
	}
}
