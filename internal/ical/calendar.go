// Package ical writes the iCalendar (RFC 5545, RFC 7986) calendars of a
// site's hearings and gatherings through golang-ical, building around
// what it lacks: local times with their TZID, VTIMEZONEs made from Go's
// tz database, CRLF line ends, and text cleaned of what iCalendar cannot
// carry.
//
// Churches subscribe to these calendars by URL and never subscribe again,
// so every build must update their copy in place: an event keeps its UID
// for life, SEQUENCE grows with every change, every time carries the zone
// where the event happens, and a cancelled event stays, marked cancelled,
// until subscribers' calendars have seen it.
package ical

import (
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	ics "github.com/arran4/golang-ical"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/recur"
	"github.com/prayerfeed/prayerfeed/internal/spool"
)

// ProdID names prayerfeed as the calendars' maker.
const ProdID = "-//prayerfeed//prayerfeed//EN"

// A Calendar is one calendar file: the events in it and its names.
type Calendar struct {
	Path        string // "calendars/all.ics", "events/<id>.ics"
	Title       string
	Description string
	Events      []*bulletin.Tracked
	// Cancelled are the events that left the calendar, kept in it a while
	// as cancelled (see Cancelled).
	Cancelled []*Cancelled
	// Subscription is set on the calendars meant to be subscribed to,
	// which carry a refresh interval.
	Subscription bool
	// Stamp dates the note that stands in an empty calendar.
	Stamp time.Time
}

// Calendars returns the subscription calendars of a site at now: all
// events, hearings, gatherings, and one per region. Each holds the events
// still to come and those of the last calendar_past_days days; a
// cancelled event stays for cancelled_days after its last day, so that
// subscribers' copies are removed or struck through, then goes.
func Calendars(s *bulletin.Site, events []*bulletin.Tracked, now time.Time) []*Calendar {
	var listed []*bulletin.Tracked
	for _, t := range events {
		if Listed(s, t, now) {
			listed = append(listed, t)
		}
	}
	filter := func(keep func(*bulletin.Tracked) bool) []*bulletin.Tracked {
		var out []*bulletin.Tracked
		for _, t := range listed {
			if keep(t) {
				out = append(out, t)
			}
		}
		return out
	}
	w := s.Words()
	cals := []*Calendar{
		{Path: "calendars/all.ics", Title: s.Title, Description: w.F("Court hearings and prayer gatherings from %s.", s.Title), Events: listed},
		{Path: "calendars/hearings.ics", Title: s.Title + " — " + w.T("Court hearings"), Description: w.F("Court hearings to pray for, from %s.", s.Title),
			Events: filter(func(t *bulletin.Tracked) bool { return t.Kind == bulletin.Hearing })},
		{Path: "calendars/gatherings.ics", Title: s.Title + " — " + w.T("Prayer gatherings"), Description: w.F("Prayer gatherings from %s.", s.Title),
			Events: filter(func(t *bulletin.Tracked) bool { return t.Kind == bulletin.Gathering })},
	}
	for _, r := range s.Regions {
		events := filter(func(t *bulletin.Tracked) bool { return t.Point.Region == r.ID })
		cals = append(cals, &Calendar{
			Path: "calendars/" + r.ID + ".ics", Title: s.Title + " — " + r.Name,
			Description: w.F("Court hearings and prayer gatherings in %s, from %s.", r.Name, s.Title),
			Events:      events,
		})
	}
	// The note in an empty calendar is dated by the newest event, or a
	// fixed day: never the clock, which would rewrite it every build.
	stamp := time.Unix(0, 0)
	for _, t := range events {
		if t.Modified.After(stamp) {
			stamp = t.Modified
		}
	}
	for _, c := range cals {
		c.Subscription = true
		c.Stamp = stamp
	}
	return cals
}

// A Cancelled is an event that left a calendar while subscribers' copies
// of the calendar still hold it: moved to another region's, or no longer
// in any published bulletin. It stays in the calendar, cancelled, for a
// while (the build decides how long), so that subscribers' apps drop it
// (Google) or strike it through (Apple). It says no more of the event
// than a calendar app needs to match it and place it, for it may have
// been withdrawn for good reason.
type Cancelled struct {
	UID    string
	Kind   bulletin.EventKind
	AllDay bool
	Start  time.Time     // a timed event's first start, in its zone
	End    time.Time     // its end
	Date   bulletin.Date // an all-day event's first day
	Until  bulletin.Date // its last day
	// Sequence outranks every SEQUENCE the event was published with.
	Sequence int
	Left     time.Time // when it left the calendar: its DTSTAMP
}

// Listed reports whether a subscription calendar lists the event at now.
func Listed(s *bulletin.Site, t *bulletin.Tracked, now time.Time) bool {
	return !ListedUntil(s, t).Before(t.Today(now))
}

// ListedUntil returns the last day, where the event happens, that
// subscription calendars list it: calendar_past_days after its last day,
// or cancelled_days when it is cancelled.
func ListedUntil(s *bulletin.Site, t *bulletin.Tracked) bulletin.Date {
	days := s.PastDays
	if t.Status == bulletin.Cancelled {
		days = s.CancelledDays
	}
	return t.LastDay().AddDays(days)
}

// Single returns the calendar of one event, for its download link.
func Single(s *bulletin.Site, t *bulletin.Tracked) *Calendar {
	return &Calendar{Path: bulletin.EventPath(t.Event), Title: summary(t.Event), Description: s.Title, Events: []*bulletin.Tracked{t}}
}

// Encode writes c as an iCalendar document with CRLF line ends. Its
// events' descriptions hold their points' texts as plain renders them
// from Markdown: a markdown.Cache's Text, say.
func Encode(w io.Writer, s *bulletin.Site, c *Calendar, plain func(markdown spool.Text) string) error {
	cal := newCalendar(s, c.Title, c.Description, c.Subscription)
	for _, z := range zones(c.Events, c.Cancelled) {
		cal.AddVTimezone(Timezone(z.loc, z.from, z.to))
	}
	for _, t := range c.Events {
		cal.AddVEvent(vevent(s, t, plain))
	}
	for _, g := range c.Cancelled {
		cal.AddVEvent(cancelled(s, g))
	}
	if len(c.Events) == 0 && len(c.Cancelled) == 0 {
		cal.AddVJournal(emptyNote(s, c))
	}
	return cal.SerializeTo(w, ics.WithNewLineWindows)
}

// newCalendar returns a calendar document of the site, with its names,
// and how often to refresh it when it is one to subscribe to.
func newCalendar(s *bulletin.Site, title, description string, subscription bool) *ics.Calendar {
	cal := ics.NewCalendar()
	cal.SetProductId(ProdID)
	cal.SetMethod(ics.MethodPublish)
	cal.SetCalscale("GREGORIAN")
	cal.SetName(text(title))
	cal.SetXWRCalName(text(title))
	cal.SetXWRCalDesc(text(description))
	siteZone := "UTC"
	if s.Location != nil {
		siteZone = s.Location.String()
	}
	cal.SetXWRTimezone(siteZone)
	if subscription {
		refresh := duration(s.Refresh)
		cal.SetRefreshInterval(refresh) // golang-ical adds VALUE=DURATION
		cal.SetXPublishedTTL(refresh)
	}
	return cal
}

// emptyNote returns the journal entry that stands in a calendar with no
// events: RFC 5545 wants at least one component, and calendar apps show
// no journal entries, so subscribers see an empty calendar.
func emptyNote(s *bulletin.Site, c *Calendar) *ics.VJournal {
	j := ics.NewJournal(s.UIDOf(strings.TrimSuffix(strings.ReplaceAll(c.Path, "/", "-"), ".ics")))
	j.SetProperty(ics.ComponentPropertyDtstamp, c.Stamp.UTC().Format(utcLayout))
	j.SetProperty(ics.ComponentPropertyDtStart, c.Stamp.UTC().Format(dateLayout), ics.WithValue("DATE"))
	addr, cn := organizer(s)
	j.SetProperty(ics.ComponentPropertyOrganizer, addr, cn)
	j.SetProperty(ics.ComponentPropertySummary, text(c.Title))
	note := s.Words().T("No hearings or gatherings at the moment. Events appear here as the bulletins announce them.")
	if c.Path == DiaryPath {
		note = s.Words().T("No points to pray at the moment: the diary fills again with the next bulletin.")
	}
	j.SetProperty(ics.ComponentPropertyDescription, text(note))
	return j
}

// organizer returns the ORGANIZER of every event, which RFC 5546 requires
// of a published calendar: the organisation's e-mail address, or its web
// address.
func organizer(s *bulletin.Site) (string, ics.PropertyParameter) {
	cn := ics.WithCN(paramText(s.Org.Name))
	switch {
	case s.Org.Email != "":
		return "mailto:" + s.Org.Email, cn
	case s.Org.URL != "":
		return s.Org.URL, cn
	}
	return s.URL(""), cn
}

// A zoneSpan is a time zone and the span of the events that use it.
type zoneSpan struct {
	loc      *time.Location
	from, to time.Time
}

// zones returns the zones of the timed events, sorted by name, each with
// the span its VTIMEZONE must cover: a day either side of the events.
func zones(events []*bulletin.Tracked, gone []*Cancelled) []zoneSpan {
	byName := map[string]*zoneSpan{}
	add := func(loc *time.Location, from, to time.Time) {
		z := byName[loc.String()]
		if z == nil {
			byName[loc.String()] = &zoneSpan{loc: loc, from: from, to: to}
			return
		}
		if from.Before(z.from) {
			z.from = from
		}
		if to.After(z.to) {
			z.to = to
		}
	}
	for _, t := range events {
		if !t.AllDay {
			add(t.Zone, t.Start.AddDate(0, 0, -1), recur.LastStart(t.Event).Add(t.End.Sub(t.Start)).AddDate(0, 0, 1))
		}
	}
	for _, g := range gone {
		if !g.AllDay {
			add(g.Start.Location(), g.Start.AddDate(0, 0, -1), g.End.AddDate(0, 0, 1))
		}
	}
	var out []zoneSpan
	for _, name := range slices.Sorted(maps.Keys(byName)) {
		out = append(out, *byName[name])
	}
	return out
}

const (
	localLayout = "20060102T150405"
	utcLayout   = "20060102T150405Z"
	dateLayout  = "20060102"
)

func vevent(s *bulletin.Site, t *bulletin.Tracked, plain func(spool.Text) string) *ics.VEvent {
	e := t.Event
	v := ics.NewEvent(s.UID(e))
	v.SetProperty(ics.ComponentPropertyDtstamp, t.Modified.UTC().Format(utcLayout))
	v.SetProperty(ics.ComponentPropertySequence, strconv.Itoa(t.Sequence))
	v.SetProperty(ics.ComponentPropertyCreated, t.Created.UTC().Format(utcLayout))
	v.SetProperty(ics.ComponentPropertyLastModified, t.Modified.UTC().Format(utcLayout))
	if e.AllDay {
		last := e.Until
		if last.IsZero() {
			last = e.Date
		}
		v.SetProperty(ics.ComponentPropertyDtStart, dateValue(e.Date), ics.WithValue("DATE"))
		v.SetProperty(ics.ComponentPropertyDtEnd, dateValue(last.AddDays(1)), ics.WithValue("DATE"))
	} else {
		tzid := ics.WithTZID(e.Zone.String())
		v.SetProperty(ics.ComponentPropertyDtStart, e.Start.Format(localLayout), tzid)
		v.SetProperty(ics.ComponentPropertyDtEnd, e.End.Format(localLayout), tzid)
	}
	if r := e.Repeat; r != nil {
		v.AddProperty(ics.ComponentPropertyRrule, rruleValue(e))
		if len(r.Except) > 0 {
			var dates []string
			for _, d := range r.Except {
				if e.AllDay {
					dates = append(dates, dateValue(d))
				} else {
					dates = append(dates, time.Date(d.Year, d.Month, d.Day, e.Start.Hour(), e.Start.Minute(), e.Start.Second(), 0, e.Zone).Format(localLayout))
				}
			}
			if e.AllDay {
				v.AddProperty(ics.ComponentPropertyExdate, strings.Join(dates, ","), ics.WithValue("DATE"))
			} else {
				v.AddProperty(ics.ComponentPropertyExdate, strings.Join(dates, ","), ics.WithTZID(e.Zone.String()))
			}
		}
	}
	v.SetProperty(ics.ComponentPropertySummary, text(summary(e)))
	v.SetProperty(ics.ComponentPropertyDescription, text(description(s, e, plain)))
	if e.Location != "" {
		v.SetProperty(ics.ComponentPropertyLocation, text(e.Location))
	}
	v.SetProperty(ics.ComponentPropertyUrl, s.PointURL(e.Point))
	addr, cn := organizer(s)
	v.SetProperty(ics.ComponentPropertyOrganizer, addr, cn)
	v.AddProperty(ics.ComponentPropertyCategories, text(e.Kind.Label(s.Words())))
	if r := s.Region(e.Point.Region); r != nil {
		v.AddProperty(ics.ComponentPropertyCategories, text(r.Name))
	}
	v.SetProperty(ics.ComponentPropertyStatus, status(e.Status))
	v.SetProperty(ics.ComponentPropertyTransp, "TRANSPARENT")
	return v
}

// cancelled returns the VEVENT of an event that left the calendar.
func cancelled(s *bulletin.Site, g *Cancelled) *ics.VEvent {
	v := ics.NewEvent(g.UID)
	stamp := g.Left.UTC().Format(utcLayout)
	v.SetProperty(ics.ComponentPropertyDtstamp, stamp)
	v.SetProperty(ics.ComponentPropertySequence, strconv.Itoa(g.Sequence))
	v.SetProperty(ics.ComponentPropertyLastModified, stamp)
	if g.AllDay {
		v.SetProperty(ics.ComponentPropertyDtStart, dateValue(g.Date), ics.WithValue("DATE"))
		v.SetProperty(ics.ComponentPropertyDtEnd, dateValue(g.Until.AddDays(1)), ics.WithValue("DATE"))
	} else {
		tzid := ics.WithTZID(g.Start.Location().String())
		v.SetProperty(ics.ComponentPropertyDtStart, g.Start.Format(localLayout), tzid)
		v.SetProperty(ics.ComponentPropertyDtEnd, g.End.Format(localLayout), tzid)
	}
	v.SetProperty(ics.ComponentPropertySummary, text(s.Words().F("%s (cancelled)", g.Kind.Label(s.Words()))))
	addr, cn := organizer(s)
	v.SetProperty(ics.ComponentPropertyOrganizer, addr, cn)
	v.SetProperty(ics.ComponentPropertyStatus, "CANCELLED")
	v.SetProperty(ics.ComponentPropertyTransp, "TRANSPARENT")
	return v
}

func dateValue(d bulletin.Date) string {
	return d.In(time.UTC).Format(dateLayout)
}

// rruleValue returns the RRULE of a repeating event: its rule with the
// end as COUNT, or as UNTIL: a date for an all-day event, else the end of
// the last day in the event's zone, in UTC (RFC 5545 §3.3.10).
func rruleValue(e *bulletin.Event) string {
	r := e.Repeat
	switch {
	case r.Count > 0:
		return r.Rule + ";COUNT=" + strconv.Itoa(r.Count)
	case e.AllDay:
		return r.Rule + ";UNTIL=" + dateValue(r.Until)
	default:
		end := time.Date(r.Until.Year, r.Until.Month, r.Until.Day, 23, 59, 59, 0, e.Zone)
		return r.Rule + ";UNTIL=" + end.UTC().Format(utcLayout)
	}
}

// summary names the kind of event first: "Court hearing: …", with the
// state of one that is not going ahead as planned.
func summary(e *bulletin.Event) string {
	w := e.Point.Bulletin.Words()
	label := e.Kind.Label(w)
	if l := e.StatusLabel(); l != "" && (e.Status == bulletin.Postponed || e.Status == bulletin.Cancelled) {
		label += " (" + strings.ToLower(l) + ")"
	}
	return w.F("%s: %s", label, e.Title)
}

// description returns the plain text of the point that announces the
// event, and a link to its bulletin.
func description(s *bulletin.Site, e *bulletin.Event, plain func(spool.Text) string) string {
	pt := e.Point
	var b strings.Builder
	if label := e.StatusLabel(); label != "" && e.Status != bulletin.Tentative {
		b.WriteString(label + ". ")
	}
	b.WriteString(e.When() + ".\n\n")
	w := pt.Bulletin.Words()
	b.WriteString(w.F("%s: %s", pt.Kind.Label(w), pt.Title) + "\n\n")
	b.WriteString(plain(pt.Body) + "\n\n")
	b.WriteString(w.F("From %s: %s", pt.Bulletin.DatedTitle(), s.URL(bulletin.BulletinPath(pt.Bulletin))))
	return b.String()
}

func status(s bulletin.Status) string {
	switch s {
	case bulletin.Cancelled:
		return "CANCELLED"
	case bulletin.Tentative, bulletin.Postponed:
		return "TENTATIVE"
	}
	return "CONFIRMED"
}

// duration returns d as an RFC 5545 duration: "PT12H", "PT90M".
func duration(d time.Duration) string {
	switch {
	case d%time.Hour == 0:
		return "PT" + strconv.Itoa(int(d/time.Hour)) + "H"
	case d%time.Minute == 0:
		return "PT" + strconv.Itoa(int(d/time.Minute)) + "M"
	}
	return "PT" + strconv.Itoa(int(d/time.Second)) + "S"
}

// text returns s without what iCalendar TEXT cannot carry: the
// characters no text of a site may hold (bulletin.Clean), and carriage
// returns. golang-ical escapes backslashes, semicolons, commas and
// newlines, but passes these through.
func text(s string) string {
	return strings.ReplaceAll(bulletin.Clean(s), "\r", "")
}

// paramText returns s fit for a parameter value, such as CN: on one line,
// without the characters RFC 5545 allows there only inside quotes, which
// golang-ical escapes with backslashes instead (a display name loses
// nothing that matters).
func paramText(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`";:,\`, r) || unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, text(s))
	return strings.Join(strings.Fields(s), " ")
}
