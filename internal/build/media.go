package build

import (
	"path"
	"strings"
)

// mediaTypes are the media types of the files a build writes, by
// extension. The build's files, _headers and the preview server all take
// them from here.
var mediaTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".atom": "application/atom+xml",
	".rss":  "application/rss+xml",
	".json": "application/feed+json", // in feeds/; elsewhere application/json
	".opml": "text/x-opml",
	".ics":  "text/calendar; charset=utf-8",
	".xml":  "application/xml",
	".txt":  "text/plain; charset=utf-8",
	".md":   "text/markdown; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
}

// MediaType returns the media type a host should serve the file at p
// with, or "application/octet-stream".
func MediaType(p string) string {
	if strings.HasSuffix(p, "/_headers") || p == "_headers" {
		return "text/plain; charset=utf-8"
	}
	if path.Ext(p) == ".json" && !strings.HasPrefix(p, "feeds/") {
		return "application/json"
	}
	if t, ok := mediaTypes[path.Ext(p)]; ok {
		return t
	}
	return "application/octet-stream"
}
