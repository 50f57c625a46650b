package load

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// Skeleton returns the YAML of a new draft bulletin dated day, titled
// title, with one point for every region of the site, and comments that
// teach the format. It is valid as it is: it loads, and being a draft,
// is never published.
func Skeleton(s *bulletin.Site, day bulletin.Date, title string) []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# The bulletin of %s %d %s %d.\n", day.Weekday(), day.Day, day.Month, day.Year)
	p("#\n")
	p("# Replace every %s with the bulletin's text, delete the points you do not\n", bulletin.Placeholder)
	p("# need, then delete \"draft: true\" to publish it with the next build.\n")
	p("# \"prayerfeed check\" names every mistake with its line and column.\n")
	p("# Text after a # is a comment, for you only. Indent with spaces, never tabs.\n\n")
	p("date: %s\n", day)
	p("title: %s\n", quote(title))
	p("draft: true\n")
	p("# publish: \"%s 06:00\"   # embargo: not published before this time\n\n", day)
	p("scripture:\n")
	p("  text: %s\n", quote(bulletin.Placeholder+": the verse, without quotation marks"))
	p("  reference: %s\n", quote(bulletin.Placeholder+": Book 1:2"))
	p("  # version: NIV   # the translation, if you name it\n\n")
	p("# The points, in reading order. kind is praise or prayer. The body is\n")
	p("# Markdown: *emphasis*, [a link](https://example.org/). Keep the body\n")
	p("# indented under \"body: |\". A point's id is how feed readers know it,\n")
	p("# for good: give every new point an id of its own, unique in the bulletin.\n")
	p("items:\n")
	for _, r := range s.Regions {
		p("  - id: %s-1\n", r.ID)
		p("    region: %s   # %s\n", r.ID, r.Name)
		p("    kind: prayer\n")
		p("    title: %s\n", quote(bulletin.Placeholder+": a short title"))
		p("    body: |\n")
		p("      %s: the point, in one or more paragraphs.\n", bulletin.Placeholder)
		if r == s.Regions[0] {
			p("    # A point may announce hearings and gatherings. The same id in a later\n")
			p("    # bulletin is the same event: repeat it there with its new date or status.\n")
			p("    # events:\n")
			p("    #   - id: city-hearing-%d        # lower-case letters, digits, hyphens\n", day.Year)
			p("    #     kind: hearing              # hearing or gathering\n")
			p("    #     title: Trafficking case hearing\n")
			p("    #     start: \"%s 09:00\"   # local time where it happens\n", day.AddDays(7))
			p("    #     end: \"12:00\"\n")
			p("    #     timezone: America/Santo_Domingo\n")
			p("    #     location: Palace of Justice, Santo Domingo\n")
			p("    #     status: confirmed          # confirmed, tentative, postponed or cancelled\n")
		}
	}
	return b.Bytes()
}

// quote returns s as a YAML scalar, quoted only when YAML needs it.
func quote(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		// Marshalling a string fails only on invalid UTF-8, which the
		// loader never lets through.
		panic(err)
	}
	return string(bytes.TrimSuffix(out, []byte("\n")))
}
