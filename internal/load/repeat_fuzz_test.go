package load_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/ical"
	"github.com/prayerfeed/prayerfeed/internal/load"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/recur"
)

// FuzzRepeat loads a gathering that repeats by an arbitrary rule, until,
// count and days off. Whatever they say, loading must end quickly and
// never run out of memory (the fuzzer's timeout and memory bound catch
// it), every problem must stand at a position, and a repeat the loader
// accepts must fall on its start and on at most 1,000 days, so that
// nothing after it expands more.
func FuzzRepeat(f *testing.F) {
	f.Add("FREQ=WEEKLY", "2027-01-31", "", "2026-12-28")
	f.Add("FREQ=MONTHLY;BYDAY=1MO", "", "5", "")
	f.Add("FREQ=DAILY;BYHOUR=0,12;BYMINUTE=0,30;BYSECOND=0,30", "2200-12-31", "", "")
	f.Add("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=5", "", "", "")
	f.Add("FREQ=DAILY;INTERVAL=1000", "9999-12-31", "", "")
	f.Add("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;UNTIL=22001231", "", "", "")
	f.Add("FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO", "", "1000", "")
	f.Add("FREQ=DAILY", "", "18446744073709551617", "")
	f.Fuzz(func(t *testing.T, rule, until, count, except string) {
		var b strings.Builder
		b.WriteString(goodBulletin + event + "        start: \"2026-11-30 10:00\"\n        repeat:\n")
		fmt.Fprintf(&b, "          rule: %s\n", strconv.Quote(rule))
		if until != "" {
			fmt.Fprintf(&b, "          until: %s\n", strconv.Quote(until))
		}
		if count != "" {
			fmt.Fprintf(&b, "          count: %s\n", strconv.Quote(count))
		}
		if except != "" {
			fmt.Fprintf(&b, "          except: [%s]\n", strconv.Quote(except))
		}
		fsys := fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}, "b.yaml": {Data: []byte(b.String())}}
		s, bs, errs := load.Dir(fsys, "bulletins")
		for _, e := range errs {
			if !errorShape.MatchString(e.Error()) {
				t.Fatalf("problem without a position: %q", e.Error())
			}
		}
		if len(errs) > 0 {
			return
		}
		for _, bl := range bs {
			for _, pt := range bl.Points {
				for _, e := range pt.Events {
					if e.Repeat == nil {
						continue
					}
					if e.Last.IsZero() {
						t.Fatalf("a repeat accepted without a last day: %+v", e.Repeat)
					}
					if starts := recur.Starts(e.Repeat, e.Start, 1001); len(starts) == 0 || len(starts) > 1000 || !starts[0].Equal(e.Start) {
						t.Fatalf("a repeat accepted that falls on %d days from %v: %+v", len(starts), starts[:min(1, len(starts))], e.Repeat)
					}
					// The calendars expand it: they must end too.
					events := bulletin.Track(bulletin.Public(bs, now))
					for _, c := range ical.Calendars(s, events, now) {
						var w strings.Builder
						if err := ical.Encode(&w, s, c, markdown.NewCache(nil).Text); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
		}
	})
}
