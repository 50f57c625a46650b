package feed

import (
	"encoding/xml"
	"io"
)

// OPML 2.0: http://opml.org/spec2.opml

// opml is the opml element.
type opml struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    opmlHead `xml:"head"`
	// body: one outline per feed (OPML 2.0, "<body>").
	Outlines []opmlOutline `xml:"body>outline"`
}

// opmlHead is the head element. It has no dateCreated or dateModified,
// which would change with every build.
type opmlHead struct {
	Title      string `xml:"title"`
	OwnerName  string `xml:"ownerName,omitempty"`
	OwnerEmail string `xml:"ownerEmail,omitempty"`
	OwnerID    string `xml:"ownerId,omitempty"`
	Docs       string `xml:"docs"`
}

// opmlOutline is a subscription (OPML 2.0, "Subscription lists").
type opmlOutline struct {
	Type        string `xml:"type,attr"`
	Text        string `xml:"text,attr"`
	Title       string `xml:"title,attr"`
	Description string `xml:"description,attr,omitempty"`
	Language    string `xml:"language,attr,omitempty"`
	XMLURL      string `xml:"xmlUrl,attr"`
	HTMLURL     string `xml:"htmlUrl,attr"`
}

// EncodeOPML writes the head feeds of set as an OPML 2.0 subscription
// list titled title, pointing at their RSS versions, which every reader
// reads.
func EncodeOPML(w io.Writer, title string, owner Person, set *Set) error {
	doc := &opml{
		Version: "2.0",
		Head: opmlHead{
			Title:      xmlText(title),
			OwnerName:  xmlText(owner.Name),
			OwnerEmail: xmlText(owner.Email),
			OwnerID:    xmlText(owner.URI),
			Docs:       "http://opml.org/spec2.opml",
		},
	}
	for _, f := range set.Heads {
		f = f.clean()
		doc.Outlines = append(doc.Outlines, opmlOutline{
			Type:        "rss",
			Text:        f.Title,
			Title:       f.Title,
			Description: f.Description,
			Language:    f.Language,
			XMLURL:      f.SelfURL("rss"),
			HTMLURL:     f.HomeURL,
		})
	}
	return encodeXML(w, doc)
}
