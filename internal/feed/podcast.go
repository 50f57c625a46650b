package feed

import (
	"cmp"
	"encoding/xml"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/feeds"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
)

// The podcast feed: RSS 2.0 with Apple's podcast tags and those of the
// Podcasting 2.0 namespace.
//
//   - Apple Podcasts: https://podcasters.apple.com/support/823-podcast-requirements
//   - Podcasting 2.0: https://podcastindex.org/namespace/1.0
//
// The structs wrap gorilla/feeds' RssFeed, RssItem and RssEnclosure, as
// rss.go does, adding the itunes: and podcast: elements they lack.

// Namespaces of the podcast feed.
const (
	ITunesNS  = "http://www.itunes.com/dtds/podcast-1.0.dtd"
	PodcastNS = "https://podcastindex.org/namespace/1.0"
)

// A Podcast is the podcast feed of a site: every published bulletin that
// carries a recording, as an episode.
type Podcast struct {
	Title       string
	Description string
	Language    string
	HomeURL     string
	SelfURL     string
	Hub         string
	Author      string
	Owner       Person // Name and Email
	Image       string
	Category    string
	Subcategory string
	Explicit    bool
	GUID        string // podcast:guid, fixed for life
	Locked      bool
	Updated     time.Time  // the newest episode's, never the build time
	Episodes    []*Episode // newest first
}

// An Episode is one bulletin's recording: the bulletin's entry in the
// feed of whole bulletins, with its audio.
type Episode struct {
	*Entry          // the same ID, title, link, dates, content and summary
	Number      int // 1 for the first published, in order of publication
	Audio       bulletin.Audio
	Transcripts []Transcript
}

// A Transcript is a text of an episode: its read-aloud script.
type Transcript struct {
	URL  string
	Type string // media type
}

// HasPodcast reports whether the site has a podcast feed: whether
// BuildPodcast returns one.
func HasPodcast(s *bulletin.Site, bulletins []*bulletin.Bulletin) bool {
	return s.Podcast != nil && slices.ContainsFunc(bulletins, func(b *bulletin.Bulletin) bool { return b.Audio != nil })
}

// BuildPodcast returns the podcast feed of the site, or nil when no
// bulletin has audio. The bulletins must be the published ones
// (bulletin.Public), newest first, and events the events they announce
// (bulletin.Track), and now the build's clock; the site's podcast
// settings must be valid
// (bulletin.CheckAudio), which they are when any bulletin has audio.
func BuildPodcast(s *bulletin.Site, bulletins []*bulletin.Bulletin, events []*bulletin.Tracked, now time.Time) *Podcast {
	if !HasPodcast(s, bulletins) {
		return nil
	}
	var withAudio []*bulletin.Bulletin
	for _, b := range bulletins {
		if b.Audio != nil {
			withAudio = append(withAudio, b)
		}
	}
	ps := s.Podcast
	p := &Podcast{
		Title:       ps.Title,
		Description: s.Description,
		Language:    s.Language,
		HomeURL:     s.URL(""),
		SelfURL:     s.URL(bulletin.PodcastPath),
		Hub:         s.Hub,
		Author:      ps.Author,
		Owner:       Person{Name: ps.Owner.Name, Email: ps.Owner.Email},
		Image:       ps.Image,
		Category:    ps.Category,
		Subcategory: ps.Subcategory,
		Explicit:    ps.Explicit,
		GUID:        ps.GUID,
		Locked:      ps.Locked,
	}
	// Number the episodes oldest first, as Track orders bulletins, so
	// that a new episode never renumbers those before it.
	oldest := slices.Clone(withAudio)
	slices.SortFunc(oldest, func(a, b *bulletin.Bulletin) int {
		return cmp.Or(a.Published().Compare(b.Published()), a.Date.Compare(b.Date), strings.Compare(a.ID, b.ID))
	})
	number := make(map[*bulletin.Bulletin]int, len(oldest))
	for i, b := range oldest {
		number[b] = i + 1
	}
	bd := &builder{s, markdown.NewCache(s.BaseURL), bulletin.ByID(events), now}
	for _, b := range withAudio {
		e := &Episode{
			Entry:  bd.bulletinEntry(source{b: b}),
			Number: number[b],
			Audio:  *b.Audio,
			Transcripts: []Transcript{
				{URL: s.URL(bulletin.ScriptPath(b, "txt")), Type: "text/plain"},
				{URL: s.URL(bulletin.ScriptPath(b, "md")), Type: "text/markdown"},
			},
		}
		p.Episodes = append(p.Episodes, e)
		if e.Updated.After(p.Updated) {
			p.Updated = e.Updated
		}
	}
	return p
}

// podcastDoc is the rss element with the namespaces of a podcast.
type podcastDoc struct {
	XMLName   xml.Name `xml:"rss"`
	Version   string   `xml:"version,attr"`
	ContentNS string   `xml:"xmlns:content,attr"`
	AtomNS    string   `xml:"xmlns:atom,attr"`
	ITunesNS  string   `xml:"xmlns:itunes,attr"`
	PodcastNS string   `xml:"xmlns:podcast,attr"`
	Channel   *podcastChannel
}

// podcastChannel is the channel element of a podcast.
type podcastChannel struct {
	XMLName xml.Name `xml:"channel"`
	*feeds.RssFeed
	// atom:link rel="self" and rel="hub" (RSS Best Practices, WebSub §4).
	AtomLinks []atomLink `xml:"atom:link"`
	// itunes:image: the artwork, 1400 to 3000 pixels square (Apple).
	Image *itunesImage `xml:"itunes:image"`
	// itunes:category, with a subcategory inside (Apple).
	Category *itunesCategory `xml:"itunes:category"`
	// itunes:explicit: "true" or "false" (Apple).
	Explicit string `xml:"itunes:explicit"`
	// itunes:author: the group responsible for the show (Apple).
	Author string `xml:"itunes:author,omitempty"`
	// itunes:owner: whom Apple writes to about the show (Apple).
	Owner *itunesOwner `xml:"itunes:owner"`
	// itunes:type: "episodic", newest first (Apple).
	Type string `xml:"itunes:type"`
	// podcast:guid: the podcast's identity for life (Podcasting 2.0).
	GUID string `xml:"podcast:guid"`
	// podcast:locked: "yes" when no other platform may import the feed (Podcasting 2.0).
	Locked *podcastLocked `xml:"podcast:locked"`
	// item (RSS 2.0, "Elements of <item>").
	Items []*podcastItem `xml:"item"`
}

type itunesImage struct {
	Href string `xml:"href,attr"`
}

type itunesCategory struct {
	Text string          `xml:"text,attr"`
	Sub  *itunesCategory `xml:"itunes:category"`
}

type itunesOwner struct {
	Name  string `xml:"itunes:name,omitempty"`
	Email string `xml:"itunes:email"`
}

type podcastLocked struct {
	Owner string `xml:"owner,attr,omitempty"` // an e-mail address that proves ownership
	Value string `xml:",chardata"`            // "yes" or "no"
}

// podcastItem is an episode's item element.
type podcastItem struct {
	XMLName xml.Name `xml:"item"`
	*feeds.RssItem
	// itunes:duration: the running time in seconds (Apple).
	Duration int64 `xml:"itunes:duration"`
	// itunes:episode: the episode's number (Apple).
	Episode int `xml:"itunes:episode"`
	// itunes:episodeType: "full" (Apple).
	EpisodeType string `xml:"itunes:episodeType"`
	// podcast:transcript: the texts of the episode (Podcasting 2.0).
	Transcripts []podcastTranscript `xml:"podcast:transcript"`
}

type podcastTranscript struct {
	URL  string `xml:"url,attr"`
	Type string `xml:"type,attr"`
}

// EncodePodcast writes p as an RSS 2.0 podcast feed.
func EncodePodcast(w io.Writer, p *Podcast) error {
	p = p.clean()
	ch := &podcastChannel{
		RssFeed: &feeds.RssFeed{
			Title:         p.Title,
			Link:          p.HomeURL,
			Description:   rssText(p.Description),
			Language:      p.Language,
			LastBuildDate: rssTime(p.Updated),
			Generator:     Generator,
			Docs:          "https://www.rssboard.org/rss-specification",
		},
		AtomLinks: []atomLink{{Href: p.SelfURL, Rel: "self", Type: "application/rss+xml"}},
		Image:     &itunesImage{Href: p.Image},
		Category:  &itunesCategory{Text: p.Category},
		Explicit:  strconv.FormatBool(p.Explicit),
		Author:    p.Author,
		Type:      "episodic",
		GUID:      p.GUID,
		Locked:    &podcastLocked{Owner: p.Owner.Email, Value: "no"},
	}
	if p.Subcategory != "" {
		ch.Category.Sub = &itunesCategory{Text: p.Subcategory}
	}
	if p.Owner.Email != "" {
		ch.Owner = &itunesOwner{Name: p.Owner.Name, Email: p.Owner.Email}
	}
	if p.Locked {
		ch.Locked.Value = "yes"
	}
	if p.Hub != "" {
		ch.AtomLinks = append(ch.AtomLinks, atomLink{Href: p.Hub, Rel: "hub"})
	}
	if len(p.Episodes) > 0 {
		ch.PubDate = rssTime(p.Episodes[0].Published)
	}
	for _, e := range p.Episodes {
		it := &podcastItem{
			RssItem: &feeds.RssItem{
				Title:       e.Title,
				Link:        e.URL,
				Description: rssText(e.Summary),
				Content:     &feeds.RssContent{Content: e.Content},
				Enclosure:   &feeds.RssEnclosure{Url: e.Audio.URL, Length: strconv.FormatInt(e.Audio.Length, 10), Type: e.Audio.Type},
				Guid:        &feeds.RssGuid{Id: e.ID, IsPermaLink: "false"},
				PubDate:     rssTime(e.Published),
			},
			Duration:    int64(e.Audio.Duration.Round(time.Second) / time.Second),
			Episode:     e.Number,
			EpisodeType: "full",
		}
		for _, t := range e.Transcripts {
			it.Transcripts = append(it.Transcripts, podcastTranscript(t))
		}
		ch.Items = append(ch.Items, it)
	}
	return encodeXML(w, &podcastDoc{
		Version:   "2.0",
		ContentNS: "http://purl.org/rss/1.0/modules/content/",
		AtomNS:    "http://www.w3.org/2005/Atom",
		ITunesNS:  ITunesNS,
		PodcastNS: PodcastNS,
		Channel:   ch,
	})
}
