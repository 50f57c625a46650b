package draft

import (
	"bytes"
	"fmt"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// Skeleton returns the YAML of a new draft bulletin dated day, titled
// title, with one point for every region of the site, and comments that
// teach the format. It is valid as it is: it loads, and being a draft,
// is never published. Nothing in it is quoted, so that a writer who types
// an apostrophe or a quotation mark over a placeholder breaks nothing.
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
	writeText(&b, "", "title", title)
	p("draft: true\n")
	p("# publish: %s 06:00   # embargo: not published before this time\n\n", day)
	p("scripture:\n")
	p("  text: >-\n")
	p("    %s the verse, without quotation marks\n", bulletin.Placeholder)
	p("  reference: %s Book 1:2\n", bulletin.Placeholder)
	p("  # version: NIV   # the translation, if you name it\n\n")
	p("# The points, in reading order. kind is praise or prayer. The body is\n")
	p("# Markdown: *emphasis*, [a link](https://example.org/). Keep the body\n")
	p("# indented under \"body: |\". A point's id is how feed readers know it,\n")
	p("# for good: give every new point an id of its own, unique in the bulletin.\n")
	aboutNote(&b, s)
	p("items:\n")
	for _, r := range s.Regions {
		p("  - id: %s-1\n", r.ID)
		p("    region: %s   # %s\n", r.ID, oneLine(r.Name))
		p("    kind: prayer\n")
		p("    title: %s a short title\n", bulletin.Placeholder)
		p("    body: |\n")
		p("      %s the point, in one or more paragraphs.\n", bulletin.Placeholder)
		if r == s.Regions[0] {
			eventsHelp(&b, day)
		}
	}
	return b.Bytes()
}

// aboutNote says where the paragraph that closes every bulletin comes
// from.
func aboutNote(b *bytes.Buffer, s *bulletin.Site) {
	if s.About == "" {
		b.WriteString("# A paragraph that closes every bulletin belongs in site.yaml's about.\n")
		return
	}
	b.WriteString("# The paragraph that closes every bulletin comes from site.yaml's about.\n")
}

// eventsHelp writes, as comments under a point, how it announces a
// hearing or a gathering.
func eventsHelp(b *bytes.Buffer, day bulletin.Date) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("    # A point may announce hearings and gatherings. The same id in a later\n")
	p("    # bulletin is the same event: repeat it there with its new date or status.\n")
	p("    # events:\n")
	p("    #   - id: city-hearing-%d        # lower-case letters, digits, hyphens\n", day.Year)
	p("    #     kind: hearing              # hearing or gathering\n")
	p("    #     title: Trafficking case hearing\n")
	p("    #     start: %s 09:00      # local time where it happens\n", day.AddDays(7))
	p("    #     end: 12:00                 # a time that day, or a date and time\n")
	p("    #     timezone: America/Santo_Domingo\n")
	p("    #     location: Palace of Justice, Santo Domingo\n")
	p("    #     status: confirmed          # confirmed, tentative, postponed or cancelled\n")
	p("    #     repeat:                    # for a gathering that recurs\n")
	p("    #       every: week              # day, week, month, year, or 2 weeks\n")
	p("    #       until: %s        # its last day, or count: 6\n", day.AddDays(7*12))
}
