// Package feed builds the subscription feeds of a site, one model for RSS
// 2.0, Atom 1.0 and JSON Feed 1.1, and writes them through the structs of
// gorilla/feeds, wrapped where those lack what readers need.
package feed

import (
	"bytes"
	_ "embed"
	"html/template"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
)

// Generator names prayerfeed in every feed.
const Generator = "prayerfeed"

// GeneratorURI is the home of prayerfeed.
const GeneratorURI = "https://github.com/prayerfeed/prayerfeed"

// A Feed is one feed, whatever the format it is written in.
type Feed struct {
	Name        string // "all" or a region ID: the file name in feeds/
	ID          string // permanent
	Title       string
	Description string
	Language    string
	HomeURL     string // the HTML page the feed mirrors
	BaseURL     string // the folder of the feed files, ending in "/"
	Author      Person
	Icon        string
	Logo        string
	Hub         string
	Updated     time.Time // the newest entry's, never the build time
	Entries     []*Entry  // newest first
}

// SelfURL returns the feed's own URL in a format: "atom", "rss" or "json".
func (f *Feed) SelfURL(ext string) string {
	return f.BaseURL + f.Name + "." + ext
}

// A Person is an author.
type Person struct {
	Name  string
	Email string
	URI   string
}

// An Entry is one item of a feed.
type Entry struct {
	ID         string // permanent, the same in every format
	Title      string
	URL        string
	Published  time.Time
	Updated    time.Time // Published when never corrected
	Content    string    // HTML, every link absolute
	Summary    string    // plain text
	Categories []Category
	Author     Person
}

// A Category is a subject of an entry.
type Category struct {
	Term  string // stable, lower case: "south-asia", "prayer", "hearing"
	Label string // as shown: "South Asia", "Prayer", "Court hearing"
}

// summaryLength is the length of an entry's plain-text summary.
const summaryLength = 280

// feedID returns the permanent ID of a site's feed by name: a name-based
// UUID (RFC 9562, version 5) of the feed's place under the site's
// id_domain, so that it does not change when the site moves.
func feedID(s *bulletin.Site, name string) string {
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://"+s.IDDomain+"/feeds/"+name)).URN()
}

func newFeed(s *bulletin.Site, name, title, description, home string) *Feed {
	return &Feed{
		Name:        name,
		ID:          feedID(s, name),
		Title:       title,
		Description: description,
		Language:    s.Language,
		HomeURL:     home,
		BaseURL:     s.URL("feeds/"),
		Author:      Person{Name: s.Org.Name, Email: s.Org.Email, URI: s.Org.URL},
		Icon:        s.Icon,
		Logo:        s.Logo,
		Hub:         s.Hub,
	}
}

// All returns the feed of whole bulletins, one entry each, newest first.
// The bulletins must be the published ones (bulletin.Public), newest first.
func All(s *bulletin.Site, bulletins []*bulletin.Bulletin) *Feed {
	f := newFeed(s, "all", s.Title, s.Description, s.URL(""))
	for _, b := range bulletins {
		if len(f.Entries) == s.FeedLimit {
			break
		}
		f.Entries = append(f.Entries, bulletinEntry(s, b))
	}
	f.setUpdated()
	return f
}

func (f *Feed) setUpdated() {
	for _, e := range f.Entries {
		if e.Updated.After(f.Updated) {
			f.Updated = e.Updated
		}
	}
}

func bulletinEntry(s *bulletin.Site, b *bulletin.Bulletin) *Entry {
	e := &Entry{
		ID:        s.EntryID(b),
		Title:     b.Title + " — " + longDate(b.Date),
		URL:       s.URL(bulletin.BulletinPath(b)),
		Published: b.Published(),
		Updated:   b.Modified(),
		Content:   bulletinHTML(s, b),
		Summary:   markdown.Shorten(strings.Join(strings.Fields(b.Scripture.Text), " ")+" — "+b.Scripture.Reference, summaryLength),
		Author:    Person{Name: s.Org.Name, Email: s.Org.Email, URI: s.Org.URL},
	}
	seen := map[string]bool{}
	add := func(c Category) {
		if !seen[c.Term] {
			seen[c.Term] = true
			e.Categories = append(e.Categories, c)
		}
	}
	for _, r := range s.Regions {
		for _, it := range b.Items {
			if it.Region == r.ID {
				add(Category{Term: r.ID, Label: r.Name})
				break
			}
		}
	}
	for _, it := range b.Items {
		for _, ev := range it.Events {
			add(Category{Term: string(ev.Kind), Label: ev.Kind.Label()})
		}
	}
	return e
}

func longDate(t time.Time) string { return t.Format("2 January 2006") }

//go:embed bulletin.tmpl
var bulletinTmplText string

var bulletinTmpl = template.Must(template.New("bulletin").Parse(bulletinTmplText))

// A section is one region's points in a bulletin.
type section struct {
	Region *bulletin.Region
	Items  []*point
}

type point struct {
	*bulletin.Item
	URL  string
	Body template.HTML
}

// bulletinHTML renders a whole bulletin in reading order: the scripture,
// the intro, each region's points with their events, and the site's
// closing text.
func bulletinHTML(s *bulletin.Site, b *bulletin.Bulletin) string {
	var sections []section
	for _, r := range s.Regions {
		sec := section{Region: r}
		for _, it := range b.Items {
			if it.Region == r.ID {
				sec.Items = append(sec.Items, &point{Item: it, URL: s.ItemURL(it), Body: template.HTML(markdown.HTML(it.Body, s.BaseURL))})
			}
		}
		if len(sec.Items) > 0 {
			sections = append(sections, sec)
		}
	}
	var buf bytes.Buffer
	err := bulletinTmpl.Execute(&buf, map[string]any{
		"Scripture": b.Scripture,
		"Intro":     template.HTML(markdown.HTML(b.Intro, s.BaseURL)),
		"Sections":  sections,
		"About":     template.HTML(markdown.HTML(s.About, s.BaseURL)),
	})
	if err != nil {
		// The template is fixed and its data well typed: an error here
		// is a bug in prayerfeed, not in the input.
		panic(err)
	}
	return buf.String()
}
