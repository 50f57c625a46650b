package bulletin

import (
	"cmp"
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
	Modified time.Time // the last revision's time, or Created
	Mentions []*Event  // every version, oldest first
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
				} else if !sameSchedule(t.Event, e) {
					t.Sequence++
					t.Modified = b.Published()
				}
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

// sameSchedule reports whether two versions of an event agree on all that
// a calendar subscriber must be told of again: time, place, status and
// title.
func sameSchedule(a, b *Event) bool {
	return a.Title == b.Title && a.Location == b.Location && a.Status == b.Status &&
		a.AllDay == b.AllDay && a.Start.Equal(b.Start) && a.End.Equal(b.End) &&
		zoneName(a) == zoneName(b) && a.Date == b.Date && a.Until == b.Until &&
		sameRepeat(a.Repeat, b.Repeat)
}

func zoneName(e *Event) string {
	if e.Zone == nil || e.AllDay {
		return ""
	}
	return e.Zone.String()
}

func sameRepeat(a, b *Repeat) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Rule == b.Rule && a.Until == b.Until && a.Count == b.Count && slices.Equal(a.Except, b.Except)
}

// FirstDay returns the day the event starts, in its own zone.
func (e *Event) FirstDay() Date {
	if e.AllDay {
		return e.Date
	}
	return DateOf(e.Start)
}
