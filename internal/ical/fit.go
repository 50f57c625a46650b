package ical

import (
	"cmp"
	"slices"
	"sort"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/spool"
)

// MaxSize is the most a subscription calendar may weigh: Google Calendar
// stops reading a subscribed calendar at about 1 MB.
const MaxSize = 1000 << 10

// plainText renders a text from Markdown as a markdown.Cache does, for
// once.
func plainText(src spool.Text) string { return markdown.Text(src.String()) }

// Fit leaves out of c the fewest events that keep it within max bytes,
// and returns them: first those already over, the longest over first,
// then those to come, the furthest first. Its cancelled copies stay.
// Calendars hold a recent window of events, and a bulletin's events are
// bounded, so this is rare: a site with very many events at once.
func Fit(s *bulletin.Site, c *Calendar, now time.Time, max int) ([]*bulletin.Tracked, error) {
	size := func(events []*bulletin.Tracked) (int, error) {
		var n counter
		cc := *c
		cc.Events = events
		err := Encode(&n, s, &cc, plainText)
		return int(n), err
	}
	if n, err := size(c.Events); err != nil || n <= max {
		return nil, err
	}
	// The order in which events give way.
	order := slices.Clone(c.Events)
	over := func(t *bulletin.Tracked) bool { return t.LastDay().Before(t.Today(now)) }
	slices.SortStableFunc(order, func(a, b *bulletin.Tracked) int {
		switch {
		case over(a) && !over(b):
			return -1
		case over(b) && !over(a):
			return 1
		case over(a):
			return cmp.Or(a.LastDay().Compare(b.LastDay()), cmp.Compare(a.ID, b.ID))
		}
		return cmp.Or(b.FirstDay().Compare(a.FirstDay()), cmp.Compare(b.ID, a.ID))
	})
	keep := func(drop int) []*bulletin.Tracked {
		gone := map[*bulletin.Tracked]bool{}
		for _, t := range order[:drop] {
			gone[t] = true
		}
		return slices.DeleteFunc(slices.Clone(c.Events), func(t *bulletin.Tracked) bool { return gone[t] })
	}
	var err error
	drop := sort.Search(len(order), func(k int) bool {
		n, e := size(keep(k))
		if e != nil {
			err = e
		}
		return n <= max
	})
	if err != nil {
		return nil, err
	}
	dropped := order[:drop]
	c.Events = keep(drop)
	return dropped, nil
}

// counter counts the bytes written to it.
type counter int

func (c *counter) Write(p []byte) (int, error) {
	*c += counter(len(p))
	return len(p), nil
}
