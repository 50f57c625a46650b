package bulletin

import (
	"net/url"
	"strings"
)

// The permanent identity and the addresses of what a site publishes.
// IDs are built from what an editor does not change after publication
// (the site's id_domain, a bulletin's date and id, a point's id, an
// event's id), never from a title, a file name or a URL path, so that
// readers and calendars never see one thing twice.

// EntryID returns the permanent ID of a bulletin's entry in every feed:
// a tag URI (RFC 4151) such as "tag:prayer.example.org,2026-11-20:2026-11-20".
func (s *Site) EntryID(b *Bulletin) string {
	return s.Tag(b.Date.Format("2006-01-02"), b.ID)
}

// Tag returns a tag URI (RFC 4151) of the site's, minted on date:
// "tag:<id_domain>,<date>:<specific>". A translation's (IDLanguage) have
// its language first: "tag:prayer.example.org,2026-11-20:es/2026-11-20".
// No bulletin id holds a slash, so none is taken for a language.
func (s *Site) Tag(date, specific string) string {
	if s.IDLanguage != "" {
		specific = s.IDLanguage + "/" + specific
	}
	return "tag:" + s.IDDomain + "," + date + ":" + specific
}

// UIDOf returns an iCalendar UID of the site's: "<local>@<id_domain>",
// or, in a translation, "<local>.<lang>@<id_domain>". No event id holds
// a dot, so none is taken for a language.
func (s *Site) UIDOf(local string) string {
	if s.IDLanguage != "" {
		local += "." + s.IDLanguage
	}
	return local + "@" + s.IDDomain
}

// PointEntryID returns the permanent ID of a point's entry in its region's
// feeds: its bulletin's EntryID, a slash and the point's ID.
func (s *Site) PointEntryID(pt *Point) string {
	return s.EntryID(pt.Bulletin) + "/" + pt.ID
}

// UID returns the permanent iCalendar UID of an event: "<id>@<id_domain>"
// (see UIDOf).
func (s *Site) UID(e *Event) string { return s.UIDOf(e.ID) }

// URL returns the absolute URL of a path within the site. A path ending
// in "/" keeps it.
func (s *Site) URL(path string) string {
	if path == "" {
		return s.BaseURL.String()
	}
	// Every link of every output is made here: the paths a build makes
	// (IDs, "feeds/all.atom") are joined to a plain base URL as they
	// are, as JoinPath would leave them, without its parsing.
	if u := s.BaseURL; plainBase(u) && plainPath(path) {
		return u.Scheme + "://" + u.Host + u.Path + path
	}
	return s.BaseURL.JoinPath(path).String()
}

// plainBase reports whether u is an absolute URL that String writes as
// its scheme, host and path as they are, its path ending in "/".
func plainBase(u *url.URL) bool {
	return u.Scheme != "" && u.Opaque == "" && u.User == nil && u.RawPath == "" && !u.ForceQuery &&
		u.RawQuery == "" && u.Fragment == "" && strings.HasPrefix(u.Path, "/") && strings.HasSuffix(u.Path, "/") &&
		plainPath(u.Host) && plainPath(u.Path[1:]) && u.Host != ""
}

// plainPath reports whether p is a relative path of letters, digits and
// "-._~/" that no URL escapes, without a "." or ".." segment or an empty
// one but the last, which JoinPath would change.
func plainPath(p string) bool {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '~' || c == '.' || c == '/') {
			return false
		}
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == "." || seg == ".." {
			return false
		}
	}
	return !strings.HasPrefix(p, "/") && !strings.Contains(p, "//")
}

// BulletinPath returns the path of a bulletin's page: "bulletins/<id>/".
func BulletinPath(b *Bulletin) string { return "bulletins/" + b.ID + "/" }

// PodcastPath is the path of the podcast feed.
const PodcastPath = "feeds/podcast.rss"

// ScriptPath returns the path of a bulletin's read-aloud script in a
// format, "txt" or "md": "scripts/<id>.txt".
func ScriptPath(b *Bulletin, ext string) string { return "scripts/" + b.ID + "." + ext }

// RegionPath returns the path of a region's page: "regions/<id>/".
func RegionPath(r *Region) string { return "regions/" + r.ID + "/" }

// PointURL returns the URL of a point: its anchor on its bulletin's page.
func (s *Site) PointURL(pt *Point) string {
	return s.URL(BulletinPath(pt.Bulletin)) + "#" + pt.ID
}

// EventPath returns the path of an event's own calendar file:
// "events/<id>.ics".
func EventPath(e *Event) string { return "events/" + e.ID + ".ics" }
