package page

import (
	"bytes"
	"encoding/xml"
	"time"
)

// Sitemaps 0.9: https://www.sitemaps.org/protocol.html

type sitemapURL struct {
	Loc     string
	LastMod time.Time
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapLoc `xml:"url"`
}

type sitemapLoc struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

func (r *renderer) sitemap() {
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, u := range r.urls {
		l := sitemapLoc{Loc: u.Loc}
		if !u.LastMod.IsZero() {
			l.LastMod = u.LastMod.UTC().Format(time.RFC3339)
		}
		set.URLs = append(set.URLs, l)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(set); err != nil && r.err == nil {
		r.err = err
	}
	buf.WriteByte('\n')
	r.files = append(r.files, File{Path: "sitemap.xml", Data: buf.Bytes()})
}
