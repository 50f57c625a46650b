package page

import (
	"encoding/xml"
	"io"
	"slices"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
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
	newest := r.newest()
	urls := []sitemapURL{{r.s.URL(""), newest}}
	for _, b := range r.in.Bulletins {
		urls = append(urls, sitemapURL{r.s.URL(bulletin.BulletinPath(b)), b.Modified()})
	}
	for _, reg := range r.s.Regions {
		var t time.Time
		for _, b := range r.in.Bulletins {
			if b.Modified().After(t) && slices.ContainsFunc(b.Points, func(pt *bulletin.Point) bool { return pt.Region == reg.ID }) {
				t = b.Modified()
			}
		}
		urls = append(urls, sitemapURL{r.s.URL(bulletin.RegionPath(reg)), t})
	}
	for _, p := range []string{"archive/", "events/", "subscribe/"} {
		urls = append(urls, sitemapURL{r.s.URL(p), newest})
	}
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, u := range urls {
		l := sitemapLoc{Loc: u.Loc}
		if !u.LastMod.IsZero() {
			l.LastMod = u.LastMod.UTC().Format(time.RFC3339)
		}
		set.URLs = append(set.URLs, l)
	}
	io.WriteString(r.w, xml.Header)
	enc := xml.NewEncoder(r.w)
	enc.Indent("", "  ")
	if err := enc.Encode(set); err != nil && r.err == nil {
		r.err = err
	}
	if _, err := io.WriteString(r.w, "\n"); err != nil && r.err == nil {
		r.err = err
	}
}
