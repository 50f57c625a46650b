package feed_test

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/feed"
	"github.com/prayerfeed/prayerfeed/internal/golden"
	"github.com/prayerfeed/prayerfeed/internal/load"
)

// testPodcast builds the podcast feed of the general-case site at now.
func testPodcast(t *testing.T, now time.Time) (*bulletin.Site, *feed.Podcast, []byte) {
	t.Helper()
	site, bs := loadAllAt(t, filepath.Join("..", "build", "testdata", "site", "bulletins"), now)
	p := feed.BuildPodcast(site, bs, bulletin.Track(bs), now)
	if p == nil {
		t.Fatal("no podcast feed")
	}
	var buf bytes.Buffer
	if err := feed.EncodePodcast(&buf, p); err != nil {
		t.Fatal(err)
	}
	return site, p, buf.Bytes()
}

func loadAllAt(t *testing.T, src string, now time.Time) (*bulletin.Site, []*bulletin.Bulletin) {
	t.Helper()
	root, err := os.OpenRoot(src)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	site, bs, errs := load.Dir(root.FS(), "bulletins")
	verrs, _ := bulletin.ValidateAll(site, bs, now)
	errs.Append(verrs)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return site, bulletin.Public(bs, now)
}

var siteNow = time.Date(2026, 4, 2, 12, 0, 0, 0, time.UTC)

func TestPodcastGolden(t *testing.T) {
	_, _, data := testPodcast(t, siteNow)
	golden.Check(t, filepath.Join("testdata", "podcast.rss.golden"), data)
	for _, canary := range []string{"DRAFT-CANARY", "EMBARGO-CANARY", "PRIVATE-CANARY"} {
		if bytes.Contains(data, []byte(canary)) {
			t.Errorf("the podcast feed holds %s", canary)
		}
	}
}

// TestPodcastReadBack reads the podcast feed with gofeed's iTunes
// extension, as podcast apps built on it do.
func TestPodcastReadBack(t *testing.T) {
	site, p, data := testPodcast(t, siteNow)
	got, err := gofeed.NewParser().ParseString(string(data))
	if err != nil {
		t.Fatal(err)
	}
	if got.FeedType != "rss" || got.Title != "Prayer Partners UK" || got.Language != "en-GB" || got.Link != "https://example.org/prayer/" {
		t.Errorf("feed %s %q %q %q", got.FeedType, got.Title, got.Language, got.Link)
	}
	if got.FeedLink != "https://example.org/prayer/feeds/podcast.rss" {
		t.Errorf("self link %q", got.FeedLink)
	}
	it := got.ITunesExt
	if it == nil {
		t.Fatal("no iTunes extension")
	}
	if it.Image != "https://example.org/prayer/podcast.png" {
		t.Errorf("itunes:image %q", it.Image)
	}
	if len(it.Categories) != 1 || it.Categories[0].Text != "Religion & Spirituality" ||
		it.Categories[0].Subcategory == nil || it.Categories[0].Subcategory.Text != "Christianity" {
		t.Errorf("itunes:category %+v", it.Categories)
	}
	if it.Explicit != "false" {
		t.Errorf("itunes:explicit %q", it.Explicit)
	}
	if it.Author != "The Prayer Partners team" {
		t.Errorf("itunes:author %q", it.Author)
	}
	if it.Owner == nil || it.Owner.Name != "Prayer Partners podcast desk" || it.Owner.Email != "podcast@example.org" {
		t.Errorf("itunes:owner %+v", it.Owner)
	}
	pc := got.Extensions["podcast"]
	if g := pc["guid"]; len(g) != 1 || g[0].Value != load.PodcastGUID("example.org/prayer/feeds/podcast.rss") || g[0].Value != site.Podcast.GUID {
		t.Errorf("podcast:guid %+v, want %s", g, site.Podcast.GUID)
	}
	if l := pc["locked"]; len(l) != 1 || l[0].Value != "yes" || l[0].Attrs["owner"] != "podcast@example.org" {
		t.Errorf("podcast:locked %+v", l)
	}

	want := []struct {
		id, url, length, typ, duration, episode, date string
	}{
		{"tag:example.org,2026-03-20:2026-03-20", "https://media.example.org/prayer/2026-03-20.m4a", "59612345", "audio/x-m4a", "3723", "2", "2026-03-20"},
		{"tag:example.org,2025-12-19:2025-12-19", "https://media.example.org/prayer/2025-12-19.mp3", "8724113", "audio/mpeg", "545", "1", "2025-12-19"},
	}
	if len(got.Items) != len(want) {
		t.Fatalf("%d items, want %d: only the published bulletins with audio", len(got.Items), len(want))
	}
	for i, w := range want {
		item := got.Items[i]
		if item.GUID != w.id || item.GUID != p.Episodes[i].ID {
			t.Errorf("item %d: guid %q, want %q", i, item.GUID, w.id)
		}
		if len(item.Enclosures) != 1 || item.Enclosures[0].URL != w.url || item.Enclosures[0].Length != w.length || item.Enclosures[0].Type != w.typ {
			t.Errorf("item %d: enclosure %+v", i, item.Enclosures)
		}
		if item.ITunesExt == nil || item.ITunesExt.Duration != w.duration || item.ITunesExt.Episode != w.episode {
			t.Errorf("item %d: itunes %+v, want duration %s, episode %s", i, item.ITunesExt, w.duration, w.episode)
		}
		if item.PublishedParsed == nil || item.PublishedParsed.In(site.Location).Format("2006-01-02") != w.date {
			t.Errorf("item %d: published %v", i, item.PublishedParsed)
		}
		if item.Link != "https://example.org/prayer/bulletins/"+w.date+"/" {
			t.Errorf("item %d: link %q", i, item.Link)
		}
		tr := item.Extensions["podcast"]["transcript"]
		if len(tr) != 2 || tr[0].Attrs["url"] != "https://example.org/prayer/scripts/"+w.date+".txt" || tr[0].Attrs["type"] != "text/plain" ||
			tr[1].Attrs["url"] != "https://example.org/prayer/scripts/"+w.date+".md" || tr[1].Attrs["type"] != "text/markdown" {
			t.Errorf("item %d: podcast:transcript %+v", i, tr)
		}
	}
}

// TestPodcastStrict decodes the podcast feed strictly with encoding/xml,
// by namespace, so that an undeclared prefix fails.
func TestPodcastStrict(t *testing.T) {
	_, p, data := testPodcast(t, siteNow)
	if err := strictXML(data); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Channel struct {
			// Before link, which without a namespace would take atom:link too.
			Self []struct {
				Href string `xml:"href,attr"`
				Rel  string `xml:"rel,attr"`
				Type string `xml:"type,attr"`
			} `xml:"http://www.w3.org/2005/Atom link"`
			Title    string `xml:"title"`
			Link     string `xml:"link"`
			Desc     string `xml:"description"`
			Language string `xml:"language"`
			Image    struct {
				Href string `xml:"href,attr"`
			} `xml:"http://www.itunes.com/dtds/podcast-1.0.dtd image"`
			Category struct {
				Text string `xml:"text,attr"`
				Sub  struct {
					Text string `xml:"text,attr"`
				} `xml:"http://www.itunes.com/dtds/podcast-1.0.dtd category"`
			} `xml:"http://www.itunes.com/dtds/podcast-1.0.dtd category"`
			Explicit string `xml:"http://www.itunes.com/dtds/podcast-1.0.dtd explicit"`
			Author   string `xml:"http://www.itunes.com/dtds/podcast-1.0.dtd author"`
			Owner    struct {
				Name  string `xml:"http://www.itunes.com/dtds/podcast-1.0.dtd name"`
				Email string `xml:"http://www.itunes.com/dtds/podcast-1.0.dtd email"`
			} `xml:"http://www.itunes.com/dtds/podcast-1.0.dtd owner"`
			GUID   string `xml:"https://podcastindex.org/namespace/1.0 guid"`
			Locked struct {
				Owner string `xml:"owner,attr"`
				Value string `xml:",chardata"`
			} `xml:"https://podcastindex.org/namespace/1.0 locked"`
			Items []struct {
				GUID struct {
					IsPermaLink string `xml:"isPermaLink,attr"`
					Value       string `xml:",chardata"`
				} `xml:"guid"`
				PubDate   string `xml:"pubDate"`
				Enclosure struct {
					URL    string `xml:"url,attr"`
					Length int64  `xml:"length,attr"`
					Type   string `xml:"type,attr"`
				} `xml:"enclosure"`
				Duration    int64  `xml:"http://www.itunes.com/dtds/podcast-1.0.dtd duration"`
				Episode     int    `xml:"http://www.itunes.com/dtds/podcast-1.0.dtd episode"`
				Content     string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
				Transcripts []struct {
					URL  string `xml:"url,attr"`
					Type string `xml:"type,attr"`
				} `xml:"https://podcastindex.org/namespace/1.0 transcript"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	ch := doc.Channel
	if ch.Title != p.Title || ch.Link != p.HomeURL || ch.Desc != p.Description || ch.Language != p.Language {
		t.Errorf("channel %q %q %q %q", ch.Title, ch.Link, ch.Desc, ch.Language)
	}
	if len(ch.Self) == 0 || ch.Self[0].Rel != "self" || ch.Self[0].Href != p.SelfURL || ch.Self[0].Type != "application/rss+xml" {
		t.Errorf("atom:link %+v", ch.Self)
	}
	if ch.Image.Href != p.Image || ch.Category.Text != p.Category || ch.Category.Sub.Text != p.Subcategory ||
		ch.Explicit != "false" || ch.Author != p.Author || ch.Owner.Email != p.Owner.Email || ch.Owner.Name != p.Owner.Name {
		t.Errorf("itunes: %+v", ch)
	}
	if ch.GUID != p.GUID || ch.Locked.Value != "yes" || ch.Locked.Owner != p.Owner.Email {
		t.Errorf("podcast: guid %q, locked %+v", ch.GUID, ch.Locked)
	}
	if len(ch.Items) != len(p.Episodes) {
		t.Fatalf("%d items, want %d", len(ch.Items), len(p.Episodes))
	}
	for i, item := range ch.Items {
		e := p.Episodes[i]
		if item.GUID.Value != e.ID || item.GUID.IsPermaLink != "false" {
			t.Errorf("item %d: guid %+v", i, item.GUID)
		}
		if _, err := time.Parse(time.RFC1123Z, item.PubDate); err != nil {
			t.Errorf("item %d: pubDate: %v", i, err)
		}
		if item.Enclosure.URL != e.Audio.URL || item.Enclosure.Length != e.Audio.Length || item.Enclosure.Type != e.Audio.Type {
			t.Errorf("item %d: enclosure %+v", i, item.Enclosure)
		}
		if item.Duration != int64(e.Audio.Duration/time.Second) || item.Episode != e.Number {
			t.Errorf("item %d: duration %d, episode %d", i, item.Duration, item.Episode)
		}
		if item.Content == "" || len(item.Transcripts) != 2 {
			t.Errorf("item %d: content %d bytes, %d transcripts", i, len(item.Content), len(item.Transcripts))
		}
	}
}

// TestEpisodeNumbers checks that episodes are numbered in publication
// order and that a new episode leaves the numbers of the older ones.
func TestEpisodeNumbers(t *testing.T) {
	numbers := func(now time.Time) map[string]int {
		_, p, _ := testPodcast(t, now)
		m := map[string]int{}
		for _, e := range p.Episodes {
			m[e.ID] = e.Number
		}
		return m
	}
	before := numbers(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	after := numbers(siteNow)
	const first, second = "tag:example.org,2025-12-19:2025-12-19", "tag:example.org,2026-03-20:2026-03-20"
	if len(before) != 1 || before[first] != 1 {
		t.Errorf("before the second episode: %v", before)
	}
	if len(after) != 2 || after[first] != 1 || after[second] != 2 {
		t.Errorf("after the second episode: %v", after)
	}
	// The draft and the embargoed bulletin carry audio too, and are
	// numbered only once published.
	later := numbers(time.Date(2026, 4, 3, 12, 0, 0, 0, time.UTC))
	if len(later) != 3 || later[first] != 1 || later[second] != 2 || later["tag:example.org,2026-04-03:2026-04-03"] != 3 {
		t.Errorf("after the embargo: %v", later)
	}
}

// TestNoPodcastWithoutAudio checks that a site whose bulletins have no
// audio has no podcast feed.
func TestNoPodcastWithoutAudio(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	site, bs := loadAllAt(t, filepath.Join("..", "..", "bulletins"), now)
	if p := feed.BuildPodcast(site, bs, bulletin.Track(bs), now); p != nil {
		t.Errorf("the sample has a podcast feed of %d episodes; it has no audio", len(p.Episodes))
	}
	// Nor does a site with podcast settings and no audio.
	site.Podcast = &bulletin.Podcast{Title: "x", Image: "https://example.org/a.png", Category: "History"}
	if p := feed.BuildPodcast(site, bs, bulletin.Track(bs), now); p != nil {
		t.Errorf("a site with podcast settings and no audio has a podcast feed")
	}
}
