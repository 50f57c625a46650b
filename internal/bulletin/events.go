package bulletin

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// A Tracked event is an event followed across the bulletins that mention
// it: the version in force (the latest published bulletin's), when it was
// first published and last changed, and how often it changed.
type Tracked struct {
	*Event // the latest version

	// Sequence counts the revisions: each later mention that changes the
	// event's time, place, status or title, and each mention in a
	// bulletin corrected after publication (one with Updated set). It
	// only grows, as RFC 5545's SEQUENCE must.
	Sequence int
	Created  time.Time // the first mention's publication
	// Modified is the latest mention's time, its bulletin's correction or
	// publication: a later mention gives the event its own point, link
	// and description even when it revises nothing.
	Modified time.Time
	Mentions []*Event // every version, oldest first
}

// Track follows every event through the bulletins, which must be the
// published ones (see Public), in any order. It returns one Tracked per
// event ID, sorted by first day, then ID.
func Track(bulletins []*Bulletin) []*Tracked {
	ordered := slices.Clone(bulletins)
	slices.SortFunc(ordered, func(a, b *Bulletin) int {
		return cmp.Or(a.Published().Compare(b.Published()), a.Date.Compare(b.Date), strings.Compare(a.ID, b.ID))
	})
	byID := map[string]*Tracked{}
	var all []*Tracked
	for _, b := range ordered {
		for _, pt := range b.Points {
			for _, e := range pt.Events {
				t := byID[e.ID]
				if t == nil {
					t = &Tracked{Created: b.Published(), Modified: b.Published()}
					byID[e.ID] = t
					all = append(all, t)
				} else if t.Event.Revision() != e.Revision() {
					t.Sequence++
				}
				t.Modified = b.Published()
				if !b.Updated.IsZero() {
					t.Sequence++
					t.Modified = b.Updated
				}
				t.Event = e
				t.Mentions = append(t.Mentions, e)
			}
		}
	}
	slices.SortFunc(all, func(a, b *Tracked) int {
		return cmp.Or(a.FirstDay().Compare(b.FirstDay()), strings.Compare(a.ID, b.ID))
	})
	return all
}

// ByID returns the events by their IDs.
func ByID(events []*Tracked) map[string]*Tracked {
	m := make(map[string]*Tracked, len(events))
	for _, t := range events {
		m[t.ID] = t
	}
	return m
}

// Revision returns, as text, all that a calendar subscriber must be told
// of again when it changes: the event's title, place, status, time and
// zone, and how it repeats. Two versions of an event with the same
// revision are the same to a calendar; this is the one definition of an
// event that changed, by which SEQUENCE grows.
func (e *Event) Revision() string {
	zone := ""
	if e.Zone != nil && !e.AllDay {
		zone = e.Zone.String()
	}
	repeat := ""
	if r := e.Repeat; r != nil {
		repeat = fmt.Sprint(r.Rule, r.Until, r.Count, r.Except)
	}
	return fmt.Sprint(e.Title, "\x00", e.Location, "\x00", e.Status, "\x00", e.AllDay, e.Start.Unix(), e.End.Unix(), zone,
		e.Date, e.Until, repeat)
}

// FirstDay returns the day the event starts, in its own zone.
func (e *Event) FirstDay() Date {
	if e.AllDay {
		return e.Date
	}
	return DateOf(e.Start)
}
