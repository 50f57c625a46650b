package feed

import (
	"encoding/xml"
	"io"
	"time"

	"github.com/gorilla/feeds"
)

// Atom 1.0, RFC 4287: https://www.rfc-editor.org/rfc/rfc4287
//
// The structs wrap gorilla/feeds' AtomFeed and AtomEntry, adding what they
// lack: several links per feed (self, alternate, hub), xml:lang, the
// generator, categories with term and label, and "published"; and an
// entry's content as a CDATA section (atomContent).

// atomFeed is the atom:feed element (RFC 4287 §4.1.1).
type atomFeed struct {
	XMLName xml.Name `xml:"feed"`
	// xml:lang: the language of the feed's text (RFC 4287 §2).
	Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	*feeds.AtomFeed
	// atom:link: self, alternate, hub, prev-archive (RFC 4287 §4.2.7, RFC 5005).
	Links []feeds.AtomLink `xml:"link"`
	// atom:generator: the agent that made the feed (RFC 4287 §4.2.4).
	Generator *atomGenerator
	// fh:archive marks an archive document (RFC 5005 §4.2).
	ArchiveNS string    `xml:"xmlns:fh,attr,omitempty"`
	Archive   *struct{} `xml:"fh:archive"`
	// atom:entry (RFC 4287 §4.1.2).
	Entries []*atomEntry `xml:"entry"`
}

// atomGenerator is the atom:generator element (RFC 4287 §4.2.4).
type atomGenerator struct {
	XMLName xml.Name `xml:"generator"`
	URI     string   `xml:"uri,attr,omitempty"`
	Name    string   `xml:",chardata"`
}

// atomEntry is the atom:entry element (RFC 4287 §4.1.2).
type atomEntry struct {
	XMLName xml.Name `xml:"entry"`
	*feeds.AtomEntry
	// atom:link rel="alternate": the point or bulletin on the site (§4.2.7).
	Links []feeds.AtomLink `xml:"link"`
	// atom:category with term and label (RFC 4287 §4.2.2).
	Categories []atomCategory `xml:"category"`
	// atom:content, in place of feeds.AtomEntry's (RFC 4287 §4.1.3).
	Content *atomContent
}

// atomContent is the atom:content element (RFC 4287 §4.1.3) as a CDATA
// section, as RSS's content:encoded is: an entry's HTML is most of what
// a feed holds, and escaped character by character it took encoding/xml
// more time than the rest of the document and a fifth more room.
type atomContent struct {
	XMLName xml.Name `xml:"content"`
	Type    string   `xml:"type,attr"`
	Content string   `xml:",cdata"`
}

// atomCategory is the atom:category element (RFC 4287 §4.2.2).
type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// EncodeAtom writes f as an Atom 1.0 document.
func EncodeAtom(w io.Writer, f *Feed) error {
	f = f.clean()
	af := &atomFeed{
		Lang: f.Language,
		AtomFeed: &feeds.AtomFeed{
			Xmlns:    "http://www.w3.org/2005/Atom",
			Title:    f.Title,
			Id:       f.ID,
			Updated:  atomTime(f.Updated),
			Subtitle: f.Description,
			Icon:     f.Icon,
			Logo:     f.Logo,
			Author:   atomAuthor(f.Author),
		},
		Links: []feeds.AtomLink{
			{Href: f.SelfURL("atom"), Rel: "self", Type: "application/atom+xml"},
			{Href: f.HomeURL, Rel: "alternate", Type: "text/html"},
		},
		Generator: &atomGenerator{URI: GeneratorURI, Name: Generator},
	}
	if f.Hub != "" {
		af.Links = append(af.Links, feeds.AtomLink{Href: f.Hub, Rel: "hub"})
	}
	if f.PrevArchive != "" {
		af.Links = append(af.Links, feeds.AtomLink{Href: f.PrevArchive, Rel: "prev-archive", Type: "application/atom+xml"})
	}
	if a := f.Archive; a != nil {
		af.ArchiveNS = "http://purl.org/syndication/history/1.0"
		af.Archive = &struct{}{}
		af.Links = append(af.Links, feeds.AtomLink{Href: a.Current, Rel: "current", Type: "application/atom+xml"})
		if a.Prev != "" {
			af.Links = append(af.Links, feeds.AtomLink{Href: a.Prev, Rel: "prev-archive", Type: "application/atom+xml"})
		}
		if a.Next != "" {
			af.Links = append(af.Links, feeds.AtomLink{Href: a.Next, Rel: "next-archive", Type: "application/atom+xml"})
		}
	}
	for _, e := range f.Entries {
		ae := &atomEntry{
			AtomEntry: &feeds.AtomEntry{
				Title:     e.Title,
				Id:        e.ID,
				Updated:   atomTime(e.Updated),
				Published: atomTime(e.Published),
				Summary:   &feeds.AtomSummary{Content: e.Summary, Type: "text"},
				Author:    atomAuthor(e.Author),
			},
			Links:   []feeds.AtomLink{{Href: e.URL, Rel: "alternate", Type: "text/html"}},
			Content: &atomContent{Type: "html", Content: e.Content},
		}
		for _, c := range e.Categories {
			ae.Categories = append(ae.Categories, atomCategory(c))
		}
		af.Entries = append(af.Entries, ae)
	}
	return encodeXML(w, af)
}

func atomAuthor(p Person) *feeds.AtomAuthor {
	return &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: p.Name, Email: p.Email, Uri: p.URI}}
}

// atomTime formats t as an RFC 3339 date-time in UTC.
func atomTime(t time.Time) string {
	return t.UTC().Format(time.RFC3339)
}

// encodeXML writes the XML declaration and v, indented, ending in a newline.
func encodeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
