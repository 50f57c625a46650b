package draft

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// A Settings is what a new site's site.yaml says of the organisation.
type Settings struct {
	Org      string   // the organisation's name
	Email    string   // its address for readers, or ""
	Title    string   // the bulletin's title
	BaseURL  string   // where the site will be published, ending in "/"
	IDDomain string   // the domain of every entry ID and UID
	Timezone string   // an IANA name
	Regions  []string // region names, in display order
}

// Site returns the site.yaml of a new site, with comments that say what
// each setting is for and which never change once published.
func Site(s Settings) []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# Site settings for prayerfeed: \"prayerfeed -h\" and docs/format.md\n")
	p("# describe every one.\n")
	writeText(&b, "", "title", s.Title)
	writeBlock(&b, "", "description", "Weekly praise and prayer requests from "+s.Org+".", false)
	p("base_url: %s\n", s.BaseURL)
	p("# The domain in every feed entry ID and calendar UID, for good: keep it\n")
	p("# when the site moves to another address.\n")
	p("id_domain: %s\n", s.IDDomain)
	p("language: en\n")
	p("timezone: %s\n", s.Timezone)
	p("organization:\n")
	writeText(&b, "  ", "name", s.Org)
	if s.Email != "" {
		p("  email: %s\n", s.Email)
	} else {
		p("  # email: prayer@example.org\n")
	}
	p("# The paragraph that closes every bulletin, such as where the\n")
	p("# organisation works:\n")
	p("# about: >-\n")
	p("#   %s works in …\n", oneLine(s.Org))
	p("# In display order. Region ids are part of permanent feed and calendar\n")
	p("# IDs: never change them once published. aliases are other names of a\n")
	p("# region's heading, for prayerfeed import.\n")
	p("regions:\n")
	for _, name := range s.Regions {
		p("  - id: %s\n", Slug(name))
		writeText(&b, "    ", "name", name)
	}
	return b.Bytes()
}

// Slug returns an id made of name: lower-case letters, digits and
// single hyphens, accents dropped ("Amérique latine" is
// "amerique-latine").
func Slug(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
		case unicode.Is(unicode.Mn, r): // an accent
		default:
			hyphen = true
		}
	}
	return b.String()
}
