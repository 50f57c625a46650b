package ical

import (
	"fmt"
	"time"

	ics "github.com/arran4/golang-ical"
)

// Timezone returns the VTIMEZONE component for loc, named by loc.String(),
// whose observances give the UTC offset Go gives at every instant from
// `from` to `to` (inclusive), for use in a calendar whose events span that range.
//
// Transitions come from Go's tz database through [time.Time.ZoneBounds].
// Runs of yearly transitions that follow a rule (the nth or last weekday of
// a month at the same local time) become one observance with an RRULE, as
// Outlook expects; every other transition is an observance of its own. A
// zone that does not change within the span gets a single observance whose
// TZOFFSETFROM equals its TZOFFSETTO, starting 1970-01-01 (or at from, if
// earlier).
//
// Every VTIMEZONE has a STANDARD observance, which Outlook requires
// (MS-OXCICAL) and python-icalendar needs: a span that lies wholly in
// summer time begins, instead, where the standard time before it did.
func Timezone(loc *time.Location, from, to time.Time) *ics.VTimezone {
	tz := ics.NewTimezone(loc.String())
	for _, o := range observances(transitions(loc, standardBefore(loc, from), to)) {
		var c *ics.ComponentBase
		if o.first.dst {
			d := &ics.Daylight{}
			tz.Components = append(tz.Components, d)
			c = &d.ComponentBase
		} else {
			c = &tz.AddStandard().ComponentBase
		}
		c.SetProperty(ics.ComponentPropertyDtStart, o.first.local().Format("20060102T150405"))
		c.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), formatOffset(o.first.offFrom))
		c.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), formatOffset(o.first.offTo))
		c.SetProperty(ics.ComponentProperty(ics.PropertyTzname), o.first.name)
		if !o.last.at.Equal(o.first.at) {
			day := "-1"
			if o.nth > 0 {
				day = fmt.Sprint(o.nth)
			}
			c.SetProperty(ics.ComponentPropertyRrule, fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%s%s;UNTIL=%s",
				o.first.local().Month(), day, weekdays[o.first.local().Weekday()],
				o.last.at.UTC().Format("20060102T150405Z")))
		}
	}
	return tz
}

// weekdays holds the RFC 5545 weekday codes, indexed by time.Weekday.
var weekdays = [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// A transition is a change of zone: at the instant at, the UTC offset
// changes from offFrom to offTo seconds and the zone becomes name.
type transition struct {
	at             time.Time
	offFrom, offTo int
	name           string
	dst            bool
}

// local returns the wall-clock time of t in the offset in effect before it,
// as RFC 5545 wants for DTSTART, in a UTC-located time.
func (t transition) local() time.Time {
	return t.at.UTC().Add(time.Duration(t.offFrom) * time.Second)
}

// transitionAt returns the transition of loc at the instant at, and
// whether anything (offset, name or DST) changes there.
func transitionAt(loc *time.Location, at time.Time) (transition, bool) {
	b := at.Add(-time.Second).In(loc)
	nameBefore, before := b.Zone()
	a := at.In(loc)
	name, after := a.Zone()
	changes := before != after || nameBefore != name || b.IsDST() != a.IsDST()
	return transition{at: at, offFrom: before, offTo: after, name: name, dst: a.IsDST()}, changes
}

// nextBound returns the end of loc's zone period containing t, or the zero
// time if it never ends. The period may end without a change: Go also cuts
// periods at year ends and where the TZif table gives way to its TZ rule.
func nextBound(loc *time.Location, t time.Time) time.Time {
	_, end := t.In(loc).ZoneBounds()
	if !end.IsZero() && !end.After(t) {
		// In the last UTC day of a leap year served by the TZ rule, Go
		// ends the period at that day's start, before t
		// (https://go.dev/issue/81583). Look from the next day.
		start, end := t.Add(24 * time.Hour).In(loc).ZoneBounds()
		if start.After(t) {
			return start
		}
		return end
	}
	return end
}

// standardBefore returns from, or, when loc keeps summer time at from,
// the last instant of standard time before it, if there is one.
func standardBefore(loc *time.Location, from time.Time) time.Time {
	for at, i := from, 0; at.In(loc).IsDST() && i < 100; i++ {
		start, _ := at.In(loc).ZoneBounds()
		if start.IsZero() {
			break
		}
		if at = start.Add(-time.Second); !at.In(loc).IsDST() {
			return at
		}
	}
	return from
}

// transitions returns the transition that began the zone period containing
// from, followed by every transition of loc after from up to and including
// to. If loc does not change in that span, or never changed before from,
// the first transition is a synthetic one with equal offsets at 1970-01-01
// local time, or at from if that is earlier.
func transitions(loc *time.Location, from, to time.Time) []transition {
	var ts []transition
	for at := nextBound(loc, from); !at.IsZero() && !at.After(to); at = nextBound(loc, at) {
		if t, ok := transitionAt(loc, at); ok {
			ts = append(ts, t)
		}
	}
	f := from.In(loc)
	name, off := f.Zone()
	first := transition{at: time.Unix(int64(-off), 0), offFrom: off, offTo: off, name: name, dst: f.IsDST()}
	if from.Before(first.at) {
		first.at = from
	}
	for start, _ := f.ZoneBounds(); len(ts) > 0 && !start.IsZero(); start, _ = start.Add(-time.Second).In(loc).ZoneBounds() {
		if t, ok := transitionAt(loc, start); ok {
			first = t
			break
		}
	}
	return append([]transition{first}, ts...)
}

// An observance is a run of transitions, one a year in consecutive years,
// that fall on the nth (1 to 4) or last weekday of a month at the same local
// time, with the same offsets and name: one RRULE describes them all.
type observance struct {
	first, last transition
	nth         int  // 1 to 4 if every transition is the nth weekday, or 0
	isLast      bool // whether every transition is the last weekday
}

// observances groups ts, in order, into observances.
func observances(ts []transition) []*observance {
	var obs []*observance
next:
	for _, t := range ts {
		nth, isLast := weekdayPosition(t.local())
		for _, o := range obs {
			a, b := o.last.local(), t.local()
			if a.Year()+1 != b.Year() || a.Month() != b.Month() || a.Weekday() != b.Weekday() ||
				a.Hour() != b.Hour() || a.Minute() != b.Minute() || a.Second() != b.Second() ||
				o.last.offFrom != t.offFrom || o.last.offTo != t.offTo ||
				o.last.name != t.name || o.last.dst != t.dst {
				continue
			}
			n, l := o.nth, o.isLast && isLast
			if n != nth {
				n = 0
			}
			if n == 0 && !l {
				continue
			}
			o.last, o.nth, o.isLast = t, n, l
			continue next
		}
		obs = append(obs, &observance{first: t, last: t, nth: nth, isLast: isLast})
	}
	return obs
}

// weekdayPosition reports whether t's day is the nth (1 to 4) weekday of its
// month, or 0 if it is the fifth, and whether it is the last.
func weekdayPosition(t time.Time) (nth int, last bool) {
	nth = (t.Day()-1)/7 + 1
	if nth > 4 {
		nth = 0
	}
	return nth, t.AddDate(0, 0, 7).Month() != t.Month()
}

// formatOffset formats an offset east of UTC in seconds as ±hhmm, or
// ±hhmmss if the seconds are not zero.
func formatOffset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	s := fmt.Sprintf("%c%02d%02d", sign, sec/3600, sec/60%60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}
