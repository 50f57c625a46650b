package feed

import (
	"encoding/xml"
	"io"
	"regexp"
	"time"

	"github.com/gorilla/feeds"
)

// RSS 2.0: https://www.rssboard.org/rss-specification
//
// The structs wrap gorilla/feeds' RssFeed and RssItem, adding what they
// lack: the atom:link to the feed itself and its hub (the W3C validator's
// MissingAtomSelfLink), several categories per item, guid's isPermaLink,
// and dc:creator where RSS's author, which must be an e-mail address,
// cannot be used.

// rssDoc is the rss element, with the namespaces the channel uses.
type rssDoc struct {
	XMLName   xml.Name `xml:"rss"`
	Version   string   `xml:"version,attr"`
	ContentNS string   `xml:"xmlns:content,attr"`
	AtomNS    string   `xml:"xmlns:atom,attr"`
	DCNS      string   `xml:"xmlns:dc,attr"`
	Channel   *rssChannel
}

// rssChannel is the channel element.
type rssChannel struct {
	XMLName xml.Name `xml:"channel"`
	*feeds.RssFeed
	// atom:link rel="self" and rel="hub" (RSS Best Practices, WebSub §4).
	AtomLinks []atomLink `xml:"atom:link"`
	// item (RSS 2.0, "Elements of <item>").
	Items []*rssItem `xml:"item"`
}

// atomLink is an atom:link inside RSS.
type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
}

// rssItem is the item element.
type rssItem struct {
	XMLName xml.Name `xml:"item"`
	*feeds.RssItem
	// category, one per subject (RSS 2.0, "<category> sub-element").
	Categories []string `xml:"category"`
	// dc:creator: the author by name (Dublin Core), when there is no
	// e-mail address for RSS's author.
	Creator string `xml:"dc:creator,omitempty"`
}

// EncodeRSS writes f as an RSS 2.0 document.
func EncodeRSS(w io.Writer, f *Feed) error {
	f = f.clean()
	ch := &rssChannel{
		RssFeed: &feeds.RssFeed{
			Title:          f.Title,
			Link:           f.HomeURL,
			Description:    rssText(f.Description),
			Language:       f.Language,
			ManagingEditor: rssAuthor(f.Author),
			LastBuildDate:  rssTime(f.Updated),
			Generator:      Generator,
			Docs:           "https://www.rssboard.org/rss-specification",
		},
		AtomLinks: []atomLink{{Href: f.SelfURL("rss"), Rel: "self", Type: "application/rss+xml"}},
	}
	if len(f.Entries) > 0 {
		ch.PubDate = rssTime(f.Entries[0].Published)
	}
	if img := cmpOr(f.Logo, f.Icon); img != "" {
		ch.Image = &feeds.RssImage{Url: img, Title: f.Title, Link: f.HomeURL}
	}
	if f.Hub != "" {
		ch.AtomLinks = append(ch.AtomLinks, atomLink{Href: f.Hub, Rel: "hub"})
	}
	for _, e := range f.Entries {
		it := &rssItem{
			RssItem: &feeds.RssItem{
				Title:       e.Title,
				Link:        e.URL,
				Description: rssText(e.Summary),
				Content:     &feeds.RssContent{Content: e.Content},
				Author:      rssAuthor(e.Author),
				Guid:        &feeds.RssGuid{Id: e.ID, IsPermaLink: "false"},
				PubDate:     rssTime(e.Published),
			},
		}
		if it.Author == "" {
			it.Creator = e.Author.Name
		}
		for _, c := range e.Categories {
			it.Categories = append(it.Categories, c.Label)
		}
		ch.Items = append(ch.Items, it)
	}
	return encodeXML(w, &rssDoc{
		Version:   "2.0",
		ContentNS: "http://purl.org/rss/1.0/modules/content/",
		AtomNS:    "http://www.w3.org/2005/Atom",
		DCNS:      "http://purl.org/dc/elements/1.1/",
		Channel:   ch,
	})
}

// rssText returns plain text as HTML that shows it. Readers take an RSS
// description for HTML (RSS 2.0 allows "entity-encoded HTML" there), so
// text escaped once for XML alone would reach them as markup: a body
// about "<img src=x onerror=…>" would be an image, with its script. It
// escapes only what HTML would read as markup, a "<" before a tag's
// first character and an "&" before a reference's: "Prayer & praise"
// stays as it is, which the W3C validator wants of a channel's
// description, which it takes for text.
func rssText(s string) string {
	return markupStart.ReplaceAllStringFunc(s, func(m string) string {
		if m[0] == '<' {
			return "&lt;" + m[1:]
		}
		return "&amp;" + m[1:]
	})
}

// markupStart matches where HTML text would begin a tag, a comment or a
// character reference.
var markupStart = regexp.MustCompile(`<[A-Za-z/!?]|&[A-Za-z0-9#]`)

// rssAuthor returns "email (name)", the form RSS requires, or "" when
// there is no e-mail address.
func rssAuthor(p Person) string {
	if p.Email == "" {
		return ""
	}
	if p.Name == "" {
		return p.Email
	}
	return p.Email + " (" + p.Name + ")"
}

// rssTime formats t as RFC 822 with a four-digit year, in UTC.
func rssTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC1123Z)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
