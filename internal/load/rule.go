package load

import (
	"strconv"
	"strings"
	"time"

	"github.com/teambition/rrule-go"
	"go.yaml.in/yaml/v3"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/recur"
)

// Bounds on repeats, so that no rule expands into a flood of occurrences.
const (
	maxCount    = 1000
	maxInterval = 1000
)

// rule checks an RFC 5545 RRULE value with rrule-go and returns it
// without UNTIL and COUNT, which it moves into r.
func (d *decoder) rule(v *yaml.Node, s string, r *bulletin.Repeat) string {
	s = strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(s)), "RRULE:")
	opt, err := rrule.StrToROption(s)
	if err != nil {
		reason := err.Error()
		if strings.Contains(reason, "parsing time") {
			reason = "UNTIL must be a date such as 20270630"
		}
		d.errorf(v, "rule %s is not an RFC 5545 RRULE such as \"FREQ=MONTHLY;BYDAY=1SA\": %s", short(s), reason)
		return ""
	}
	if opt.Freq > rrule.DAILY {
		d.errorf(v, "rule %q repeats more often than daily; gatherings repeat daily at most", s)
		return ""
	}
	var kept []string
	for _, part := range strings.Split(s, ";") {
		name, value, _ := strings.Cut(part, "=")
		switch name {
		case "UNTIL":
			if len(value) < 8 {
				d.errorf(v, "rule %q: UNTIL must be a date such as 20270630", s)
				return ""
			}
			day, err := makeDate(value[0:4], value[4:6], value[6:8])
			if err != nil {
				d.errorf(v, "rule UNTIL %v", err)
				return ""
			}
			r.Until = day
		case "COUNT":
			if opt.Count < 1 || opt.Count > maxCount {
				d.errorf(v, "rule COUNT must be from 1 to %d, not %s", maxCount, value)
				return ""
			}
			r.Count = opt.Count
		case "INTERVAL":
			if n, err := strconv.Atoi(value); err != nil || n < 1 || n > maxInterval {
				d.errorf(v, "rule INTERVAL must be from 1 to %d, not %s", maxInterval, value)
				return ""
			}
			kept = append(kept, part)
		case "DTSTART", "TZID":
			d.errorf(v, "rule %q must not hold %s; the event's start gives it", s, name)
			return ""
		case "BYHOUR", "BYMINUTE", "BYSECOND":
			d.errorf(v, "rule %q must not hold %s: a gathering happens once on each day it falls on, at its start time; leave %s out", s, name, name)
			return ""
		default:
			kept = append(kept, part)
		}
	}
	return strings.Join(kept, ";")
}

// checkOccurrences reports a repeat that falls on no day at all (the 30th
// of February), on more than maxCount days, or first on a day other than
// the event's start, such as a start on a Tuesday with "the first
// Saturday of every month": RFC 5545 leaves that undefined, and calendar
// apps disagree on whether the start counts as an occurrence. It expands
// no more than maxCount+1 occurrences, and reports whether the repeat is
// sound, so that nothing later expands one that is not.
func (d *decoder) checkOccurrences(n *yaml.Node, e *bulletin.Event) bool {
	r := e.Repeat
	if r.Rule == "" || (e.AllDay && e.Date.IsZero()) || (!e.AllDay && e.Start.IsZero()) {
		return false
	}
	start := e.Start
	if e.AllDay {
		start = e.Date.In(time.UTC)
	}
	starts := recur.Starts(r, start, maxCount+1)
	switch day := bulletin.DateOf(start); {
	case len(starts) == 0:
		d.errorf(n, "the repeat never falls on a day after the start (%s): check its rule, which may ask for a day no month has, such as the 30th of February", day)
	case !starts[0].Equal(start):
		d.errorf(n, "the event starts on %s %s, which is not a day its repeat falls on (the first is %s %s); start it on that day",
			day.Weekday(), day, starts[0].Weekday(), bulletin.DateOf(starts[0]))
	case len(starts) > maxCount:
		d.errorf(n, "the repeat falls on more than %d days; give it an earlier until (the %dth is %s), so that calendars stay small enough for calendar apps",
			maxCount, maxCount, bulletin.DateOf(starts[maxCount-1]))
	default:
		return true
	}
	return false
}
