package build

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// Cache lifetimes, in seconds: feeds and calendars are polled, pages are
// read, the stylesheet and script change only with prayerfeed.
const (
	feedMaxAge  = 900
	assetMaxAge = 86400
)

// headers renders _headers, the headers file of Netlify and Cloudflare
// Pages: the media type of every feed and calendar (hosts guess JSON Feed
// and OPML wrong), CORS for feeds and calendars so that web readers can
// fetch them, and cache lifetimes. Paths are under base_url's path.
func headers(m *Model) []Job {
	return []Job{{Path: "_headers", Render: func(w *bytes.Buffer, _ *Part) error {
		_, err := w.Write(headersFile(m))
		return err
	}}}
}

func headersFile(m *Model) []byte {
	s := m.Site
	type file struct{ prefix, path string }
	var files []file
	for _, x := range m.Sites() {
		var paths []string
		for _, f := range x.Feeds.Heads {
			for _, ext := range []string{"atom", "json", "rss"} {
				paths = append(paths, "feeds/"+f.Name+"."+ext)
			}
		}
		paths = append(paths, "feeds.opml")
		if x.Podcast != nil {
			paths = append(paths, bulletin.PodcastPath)
		}
		for _, c := range x.Calendars {
			paths = append(paths, c.Path)
		}
		for _, p := range paths {
			files = append(files, file{x.Prefix, p})
		}
	}
	prefix := strings.TrimSuffix(s.BaseURL.Path, "/")
	var b strings.Builder
	b.WriteString("# Headers for Netlify and Cloudflare Pages, written by prayerfeed.\n")
	rule := func(path string, lines ...string) {
		fmt.Fprintf(&b, "\n%s%s\n", prefix, path)
		for _, l := range lines {
			fmt.Fprintf(&b, "  %s\n", l)
		}
	}
	cors := "Access-Control-Allow-Origin: *"
	rule("/*", "X-Content-Type-Options: nosniff")
	rule("/assets/*", fmt.Sprintf("Cache-Control: public, max-age=%d", assetMaxAge))
	for _, x := range m.Sites() {
		rule("/"+x.Prefix+"events/*", cors, fmt.Sprintf("Cache-Control: public, max-age=%d", feedMaxAge))
		rule("/"+x.Prefix+"feeds/archive/*", "Content-Type: "+atomType, cors, fmt.Sprintf("Cache-Control: public, max-age=%d", feedMaxAge))
	}
	for _, f := range files {
		rule("/"+(&url.URL{Path: f.prefix + f.path}).EscapedPath(), "Content-Type: "+MediaType(f.path), cors, fmt.Sprintf("Cache-Control: public, max-age=%d", feedMaxAge))
	}
	return []byte(b.String())
}
