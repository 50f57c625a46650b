package ical

import (
	"io"
	"strconv"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/spool"
)

// DiaryPath is the path of the prayer diary's calendar.
const DiaryPath = "calendars/diary.ics"

// A DiaryDay is a day of the prayer diary as its calendar lists it.
type DiaryDay struct {
	bulletin.DiaryDay
	// Sequence is the day's SEQUENCE: it rises when the day's point
	// changes, as the day keeps its UID for good.
	Sequence int
}

// DiaryUID returns the UID of a day of the diary, for good: a date, not
// a point, so that a day whose point changes is updated in place. No
// event's UID has a dot before its @, so none can be one.
func DiaryUID(s *bulletin.Site, day bulletin.Date) string {
	return s.UIDOf(day.String() + ".diary")
}

// EncodeDiary writes the prayer diary as an iCalendar document: an
// all-day event a day, free (TRANSP:TRANSPARENT), titled by the day's
// point, described by its text, as plain renders a point's Markdown, and
// a link to it; and the days gone (with no Point) as cancelled. Stamp
// dates those, and the note that stands in a diary of no days.
func EncodeDiary(w io.Writer, s *bulletin.Site, title string, days, gone []DiaryDay, stamp time.Time, plain func(markdown spool.Text) string) error {
	cal := newCalendar(s, title, "A point a day from "+s.Title+" to pray through the week.", true)
	for _, d := range days {
		pt := d.Point
		modified := pt.Bulletin.Modified().UTC().Format(utcLayout)
		v := ics.NewEvent(DiaryUID(s, d.Day))
		v.SetProperty(ics.ComponentPropertyDtstamp, modified)
		v.SetProperty(ics.ComponentPropertySequence, strconv.Itoa(d.Sequence))
		v.SetProperty(ics.ComponentPropertyLastModified, modified)
		v.SetProperty(ics.ComponentPropertyDtStart, dateValue(d.Day), ics.WithValue("DATE"))
		v.SetProperty(ics.ComponentPropertyDtEnd, dateValue(d.Day.AddDays(1)), ics.WithValue("DATE"))
		v.SetProperty(ics.ComponentPropertySummary, text(pt.Title))
		v.SetProperty(ics.ComponentPropertyDescription, text(plain(pt.Body)+"\n\n"+s.PointURL(pt)))
		v.SetProperty(ics.ComponentPropertyUrl, s.PointURL(pt))
		addr, cn := organizer(s)
		v.SetProperty(ics.ComponentPropertyOrganizer, addr, cn)
		v.AddProperty(ics.ComponentPropertyCategories, text(pt.Kind.Label(s.Words())))
		if r := s.Region(pt.Region); r != nil {
			v.AddProperty(ics.ComponentPropertyCategories, text(r.Name))
		}
		v.SetProperty(ics.ComponentPropertyTransp, "TRANSPARENT")
		cal.AddVEvent(v)
	}
	for _, d := range gone {
		v := ics.NewEvent(DiaryUID(s, d.Day))
		v.SetProperty(ics.ComponentPropertyDtstamp, stamp.UTC().Format(utcLayout))
		v.SetProperty(ics.ComponentPropertySequence, strconv.Itoa(d.Sequence))
		v.SetProperty(ics.ComponentPropertyDtStart, dateValue(d.Day), ics.WithValue("DATE"))
		v.SetProperty(ics.ComponentPropertyDtEnd, dateValue(d.Day.AddDays(1)), ics.WithValue("DATE"))
		v.SetProperty(ics.ComponentPropertySummary, text(s.Words().T("Prayer diary (cancelled)")))
		addr, cn := organizer(s)
		v.SetProperty(ics.ComponentPropertyOrganizer, addr, cn)
		v.SetProperty(ics.ComponentPropertyStatus, "CANCELLED")
		v.SetProperty(ics.ComponentPropertyTransp, "TRANSPARENT")
		cal.AddVEvent(v)
	}
	if len(days) == 0 && len(gone) == 0 {
		cal.AddVJournal(emptyNote(s, &Calendar{Path: DiaryPath, Title: title, Stamp: stamp}))
	}
	return cal.SerializeTo(w, ics.WithNewLineWindows)
}
