// Package recur expands the repeat rules of gatherings (RFC 5545 RRULE)
// through rrule-go, in the wall-clock time of the event's own zone, as
// RFC 5545 (§3.3.10) says and calendar apps do: a rule counts days and
// hours as the people at the place do, whatever their clocks did that
// day. (rrule-go counts in instants; on a day whose midnight a change of
// clock skips, as Santiago's did on 13 October 1996, it loses the day.)
package recur

import (
	"time"

	"github.com/teambition/rrule-go"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// Starts returns the starts of the first max occurrences of an event
// that starts at start and repeats by r, in start's location; fewer when
// the rule ends first, and none for a rule that never falls on a day or
// that rrule-go cannot read.
func Starts(r *bulletin.Repeat, start time.Time, max int) []time.Time {
	next := iterator(r, start)
	var starts []time.Time
	for len(starts) < max {
		t, ok := next()
		if !ok {
			break
		}
		starts = append(starts, t)
	}
	return starts
}

// Last returns the start of the last occurrence of an event that starts
// at start and repeats by r, in start's location.
func Last(r *bulletin.Repeat, start time.Time) time.Time {
	last := start
	next := iterator(r, start)
	for {
		t, ok := next()
		if !ok {
			return last
		}
		last = t
	}
}

// iterator returns the occurrences of r from start one by one, in
// start's location.
func iterator(r *bulletin.Repeat, start time.Time) rrule.Next {
	opt, err := rrule.StrToROption(r.Rule)
	if err != nil {
		return func() (time.Time, bool) { return time.Time{}, false }
	}
	opt.Dtstart = floating(start)
	switch {
	case r.Count > 0:
		opt.Count = r.Count
	case !r.Until.IsZero():
		opt.Until = time.Date(r.Until.Year, r.Until.Month, r.Until.Day, 23, 59, 59, 0, time.UTC)
	}
	rule, err := rrule.NewRRule(*opt)
	if err != nil {
		return func() (time.Time, bool) { return time.Time{}, false }
	}
	next := rule.Iterator()
	loc := start.Location()
	return func() (time.Time, bool) {
		t, ok := next()
		if !ok {
			return time.Time{}, false
		}
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc), true
	}
}

// floating returns the wall-clock time of t, as if in UTC, where no
// clock ever changes.
func floating(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

// LastDay returns the last day of the last occurrence of the event e,
// in its own zone, its repeat rule expanded: what the loader records as
// e.Last.
func LastDay(e *bulletin.Event) bulletin.Date {
	if e.AllDay {
		if e.Date.IsZero() {
			return bulletin.Date{}
		}
		length := 0
		if !e.Until.IsZero() {
			length = int(e.Until.In(time.UTC).Sub(e.Date.In(time.UTC)).Hours() / 24)
		}
		return bulletin.DateOf(LastStart(e)).AddDays(length)
	}
	if e.Start.IsZero() {
		return bulletin.Date{}
	}
	return bulletin.DateOf(LastStart(e).Add(e.End.Sub(e.Start)))
}

// LastStart returns the start of the last occurrence of the event e, its
// repeat rule expanded: in its zone, or a day's midnight in UTC for an
// all-day event.
func LastStart(e *bulletin.Event) time.Time {
	start := e.Start
	if e.AllDay {
		start = e.Date.In(time.UTC)
	}
	if e.Repeat == nil {
		return start
	}
	return Last(e.Repeat, start)
}
