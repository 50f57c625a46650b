package feed_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/feed"
	"github.com/prayerfeed/prayerfeed/internal/golden"
	"github.com/prayerfeed/prayerfeed/internal/load"
)

// testSite loads the general-case site of the build tests.
func testSite(t *testing.T) (*bulletin.Site, *feed.Set) {
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
	return site, feed.Build(site, bulletin.Public(bs, now), bulletin.Track(bulletin.Public(bs, now)), site.Diary(bulletin.Public(bs, now), now), now)
}

type format struct {
	ext    string
	encode func(io.Writer, *feed.Feed) error
}

var formats = []format{{"atom", feed.EncodeAtom}, {"rss", feed.EncodeRSS}, {"json", feed.EncodeJSON}}

func encode(t *testing.T, f format, fd *feed.Feed) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.encode(&buf, fd); err != nil {
		t.Fatalf("encode %s as %s: %v", fd.Name, f.ext, err)
	}
	return buf.Bytes()
}

// strictXML decodes every token of an XML document with a strict decoder.
func strictXML(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// TestReadBack reads every feed of the test site back with gofeed, as
// many readers do, and checks ids, titles, links, dates, categories and
// content against the model.
func TestReadBack(t *testing.T) {
	_, set := testSite(t)
	for _, fd := range set.Every() {
		for _, f := range formats {
			if fd.Archive != nil && f.ext != "atom" {
				continue
			}
			name := fd.Name + "." + f.ext
			if fd.Archive != nil {
				name = fd.Archive.Path
			}
			t.Run(name, func(t *testing.T) {
				data := encode(t, f, fd)
				if f.ext != "json" {
					if err := strictXML(data); err != nil {
						t.Fatalf("not well-formed XML: %v", err)
					}
				}
				got, err := gofeed.NewParser().ParseString(string(data))
				if err != nil {
					t.Fatalf("gofeed: %v", err)
				}
				if got.Title != fd.Title {
					t.Errorf("title = %q, want %q", got.Title, fd.Title)
				}
				if got.Link != fd.HomeURL {
					t.Errorf("link = %q, want %q", got.Link, fd.HomeURL)
				}
				if got.FeedLink != fd.SelfURL(f.ext) {
					t.Errorf("self link = %q, want %q", got.FeedLink, fd.SelfURL(f.ext))
				}
				if got.Language != fd.Language {
					t.Errorf("language = %q, want %q", got.Language, fd.Language)
				}
				if len(got.Items) != len(fd.Entries) {
					t.Fatalf("%d items, want %d", len(got.Items), len(fd.Entries))
				}
				for i, it := range got.Items {
					e := fd.Entries[i]
					if it.GUID != e.ID {
						t.Errorf("item %d: id %q, want %q", i, it.GUID, e.ID)
					}
					if it.Title != e.Title {
						t.Errorf("item %d: title %q, want %q", i, it.Title, e.Title)
					}
					if it.Link != e.URL {
						t.Errorf("item %d: link %q, want %q", i, it.Link, e.URL)
					}
					if it.PublishedParsed == nil || !it.PublishedParsed.Equal(e.Published) {
						t.Errorf("item %d: published %v, want %v", i, it.PublishedParsed, e.Published)
					}
					if f.ext != "rss" && (it.UpdatedParsed == nil || !it.UpdatedParsed.Equal(e.Updated)) {
						t.Errorf("item %d: updated %v, want %v", i, it.UpdatedParsed, e.Updated)
					}
					var labels []string
					for _, c := range e.Categories {
						labels = append(labels, c.Label)
					}
					if !slices.Equal(it.Categories, labels) {
						t.Errorf("item %d: categories %q, want %q", i, it.Categories, labels)
					}
					if it.Content != e.Content {
						t.Errorf("item %d: content differs:\n%s\nwant\n%s", i, it.Content, e.Content)
					}
					if len(it.Authors) == 0 || it.Authors[0].Name != e.Author.Name {
						t.Errorf("item %d: authors %v, want %q", i, it.Authors, e.Author.Name)
					}
				}
			})
		}
	}
}

// TestValidatorRules checks the rules the W3C feed validator enforces:
// a self link, guids that are not permalinks, no relative references in
// content, RFC 822 dates with four-digit years, an author, unique ids.
func TestValidatorRules(t *testing.T) {
	_, set := testSite(t)
	for _, fd := range set.Heads {
		ids := map[string]bool{}
		for _, e := range fd.Entries {
			if ids[e.ID] {
				t.Errorf("%s: duplicate id %s", fd.Name, e.ID)
			}
			ids[e.ID] = true
			for _, ref := range references(t, e.Content) {
				if u, err := url.Parse(ref); err != nil || !u.IsAbs() {
					t.Errorf("%s: entry %s: relative reference %q in content", fd.Name, e.ID, ref)
				}
			}
		}

		atom := string(encode(t, formats[0], fd))
		if !strings.Contains(atom, fmt.Sprintf(`<link href="%s" rel="self" type="application/atom+xml">`, fd.SelfURL("atom"))) {
			t.Errorf("%s.atom: no self link", fd.Name)
		}
		if !strings.Contains(atom, "<author>") {
			t.Errorf("%s.atom: no author", fd.Name)
		}

		var rss struct {
			Channel struct {
				Links []struct {
					Href string `xml:"href,attr"`
					Rel  string `xml:"rel,attr"`
				} `xml:"http://www.w3.org/2005/Atom link"`
				Items []struct {
					GUID struct {
						IsPermaLink string `xml:"isPermaLink,attr"`
					} `xml:"guid"`
					PubDate string `xml:"pubDate"`
					Author  string `xml:"author"`
				} `xml:"item"`
			} `xml:"channel"`
		}
		if err := xml.Unmarshal(encode(t, formats[1], fd), &rss); err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(rss.Channel.Links, func(l struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		}) bool {
			return l.Rel == "self" && l.Href == fd.SelfURL("rss")
		}) {
			t.Errorf("%s.rss: no atom:link rel=self to %s", fd.Name, fd.SelfURL("rss"))
		}
		for _, it := range rss.Channel.Items {
			if it.GUID.IsPermaLink != "false" {
				t.Errorf("%s.rss: guid isPermaLink=%q", fd.Name, it.GUID.IsPermaLink)
			}
			if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
				t.Errorf("%s.rss: pubDate %q: %v", fd.Name, it.PubDate, err)
			}
			if !strings.Contains(it.Author, "@") {
				t.Errorf("%s.rss: author %q is not an e-mail address", fd.Name, it.Author)
			}
		}
	}
}

// references returns every href and src in an HTML fragment.
func references(t *testing.T, fragment string) []string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "href" || a.Key == "src" {
				refs = append(refs, a.Val)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return refs
}

// TestJSONFeedRules checks every JSON feed against the rules of JSON Feed
// 1.1: the version URL, items present even when empty, string ids,
// content, RFC 3339 dates, and the feed's URLs.
func TestJSONFeedRules(t *testing.T) {
	_, set := testSite(t)
	empty := false
	for _, fd := range set.Heads {
		var doc map[string]any
		if err := json.Unmarshal(encode(t, formats[2], fd), &doc); err != nil {
			t.Fatal(err)
		}
		if doc["version"] != "https://jsonfeed.org/version/1.1" {
			t.Errorf("%s.json: version %v", fd.Name, doc["version"])
		}
		for _, key := range []string{"title", "home_page_url", "feed_url", "language"} {
			if s, ok := doc[key].(string); !ok || s == "" {
				t.Errorf("%s.json: %s missing", fd.Name, key)
			}
		}
		if authors, ok := doc["authors"].([]any); !ok || len(authors) == 0 {
			t.Errorf("%s.json: no authors", fd.Name)
		}
		items, ok := doc["items"].([]any)
		if !ok {
			t.Fatalf("%s.json: items missing or not a list", fd.Name)
		}
		if len(items) == 0 {
			empty = true
		}
		for _, raw := range items {
			it := raw.(map[string]any)
			if id, ok := it["id"].(string); !ok || id == "" {
				t.Errorf("%s.json: id %v is not a string", fd.Name, it["id"])
			}
			if _, ok := it["content_html"].(string); !ok {
				t.Errorf("%s.json: item %v has no content_html", fd.Name, it["id"])
			}
			for _, key := range []string{"date_published", "date_modified"} {
				if _, err := time.Parse(time.RFC3339, fmt.Sprint(it[key])); err != nil {
					t.Errorf("%s.json: %s %v: %v", fd.Name, key, it[key], err)
				}
			}
		}
	}
	if !empty {
		t.Errorf("the test site has no empty feed; the rule that items is always present goes untested")
	}
}

func TestArchives(t *testing.T) {
	_, set := testSite(t)
	var all []*feed.Feed
	for _, a := range set.Every()[len(set.Heads):] {
		if a.Name == "all" {
			all = append(all, a)
		}
	}
	if len(all) < 2 {
		t.Fatalf("%d archives of the all feed; the test site should have several", len(all))
	}
	head := set.Heads[0]
	if head.PrevArchive != head.BaseURL+strings.TrimPrefix(all[len(all)-1].Archive.Path, "feeds/") {
		t.Errorf("head prev-archive %q does not lead to the newest archive", head.PrevArchive)
	}
	seen := map[string]bool{}
	for i, a := range all {
		if a.Archive.Current != head.SelfURL("atom") {
			t.Errorf("archive %d: current %q", a.Archive.Year, a.Archive.Current)
		}
		if (i == 0) != (a.Archive.Prev == "") || (i == len(all)-1) != (a.Archive.Next == "") {
			t.Errorf("archive %d: prev %q, next %q", a.Archive.Year, a.Archive.Prev, a.Archive.Next)
		}
		for _, e := range a.Entries {
			seen[e.ID] = true
		}
		data := string(encode(t, formats[0], a))
		if !strings.Contains(data, "<fh:archive></fh:archive>") {
			t.Errorf("archive %d is not marked fh:archive", a.Archive.Year)
		}
	}
	for _, e := range head.Entries {
		seen[e.ID] = true
	}
	// Every entry ever published is in the head feed or an archive.
	_, bs := loadAll(t)
	for _, b := range bs {
		if !seen["tag:example.org,"+b.Date.Format("2006-01-02")+":"+b.ID] {
			t.Errorf("bulletin %s is in neither the head feed nor an archive", b.ID)
		}
	}
}

func loadAll(t *testing.T) (*bulletin.Site, []*bulletin.Bulletin) {
	t.Helper()
	root, err := os.OpenRoot(filepath.Join("..", "build", "testdata", "site", "bulletins"))
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	site, bs, _ := load.Dir(root.FS(), "bulletins")
	return site, bulletin.Public(bs, time.Date(2026, 4, 2, 12, 0, 0, 0, time.UTC))
}

// TestGolden keeps one feed in each format beside the package, for
// reading; the whole sites' goldens are in package build.
func TestGolden(t *testing.T) {
	_, set := testSite(t)
	for _, f := range formats {
		golden.Check(t, filepath.Join("testdata", "oceania."+f.ext+".golden"), encode(t, f, set.Heads[2]))
	}
	var buf bytes.Buffer
	if err := feed.EncodeOPML(&buf, "Feeds", feed.Person{Name: "Org"}, set); err != nil {
		t.Fatal(err)
	}
	if err := strictXML(buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "feeds.opml.golden"), buf.Bytes())
}

// TestHeadsBounded gives a site bulletins so long that fifty of them
// would make feeds of megabytes, and checks that every head feed stays
// under feed.MaxSize in every format, the oldest entries going to the
// archives instead.
func TestHeadsBounded(t *testing.T) {
	t.Run("many long bulletins", func(t *testing.T) { headsBounded(t, 40, 6) })
	t.Run("one bulletin longer than a feed", func(t *testing.T) { headsBounded(t, 1, 120) })
}

// headsBounded checks the head feeds of n bulletins of points points of
// 6.7 KB each.
func headsBounded(t *testing.T, n, points int) {
	siteYAML, err := os.ReadFile(filepath.Join("..", "build", "testdata", "site", "bulletins", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"site.yaml": {Data: regexp.MustCompile(`(?m)^feed_limit:.*\n`).ReplaceAll(siteYAML, nil)}}
	body := strings.Repeat("Pray for the families & the <court>. ", 180) // 6.7 KB
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "date: 2025-%02d-%02d\ntitle: Long\nscripture:\n  text: Pray.\n  reference: Psalm 1:1\nitems:\n", 1+i/28, 1+i%28)
		for range points {
			fmt.Fprintf(&b, "  - region: oceania\n    kind: prayer\n    title: A long point\n    body: %q\n", body)
		}
		fsys[fmt.Sprintf("b%02d.yaml", i)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	site, bs, errs := load.Dir(fsys, "bulletins")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	now := time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC)
	set := feed.Build(site, bulletin.Public(bs, now), bulletin.Track(bulletin.Public(bs, now)), site.Diary(bulletin.Public(bs, now), now), now)
	seen := map[string]bool{}
	for _, fd := range set.Every() {
		for _, f := range formats {
			if fd.Archive != nil {
				break
			}
			if n := len(encode(t, f, fd)); n > feed.MaxSize {
				t.Errorf("feeds/%s.%s is %d bytes, over %d", fd.Name, f.ext, n, feed.MaxSize)
			}
		}
		for _, e := range fd.Entries {
			seen[e.ID] = true
		}
		if fd.Name == "all" && fd.Archive == nil && (len(fd.Entries) >= 40 || len(fd.Entries) == 0) {
			t.Errorf("the all feed holds %d entries; the test should make it cut some", len(fd.Entries))
		}
	}
	for _, b := range bs {
		if !seen[site.EntryID(b)] {
			t.Errorf("bulletin %s is in neither a head feed nor an archive", b.ID)
		}
	}
}

// TestDiaryFeed: a point a day up to today, newest first, each entry
// naming its day and its point, no two at one time.
func TestDiaryFeed(t *testing.T) {
	_, set := testSite(t)
	var diary *feed.Feed
	for _, f := range set.Heads {
		if f.Name == "diary" {
			diary = f
		}
	}
	if diary == nil || len(diary.Entries) == 0 {
		t.Fatalf("no diary feed, or an empty one")
	}
	now := time.Date(2026, 4, 2, 12, 0, 0, 0, time.UTC)
	times := map[time.Time]bool{}
	for i, e := range diary.Entries {
		if e.Published.After(now) {
			t.Errorf("%s: a day still to come, %s", e.ID, e.Published)
		}
		if i > 0 && !e.Published.Before(diary.Entries[i-1].Published) {
			t.Errorf("%s: not older than the entry before it", e.ID)
		}
		if !strings.Contains(e.ID, e.Published.In(e.Published.Location()).Format("2006-01-02")+":diary/") || !strings.Contains(e.URL, "#") {
			t.Errorf("entry %s (%s) does not name its day and point", e.ID, e.URL)
		}
		if times[e.Updated] {
			t.Errorf("%s: updated at %s, as another entry is", e.ID, e.Updated)
		}
		times[e.Updated] = true
	}
}
