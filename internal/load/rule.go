package load

import (
	"strings"

	"github.com/teambition/rrule-go"
	"go.yaml.in/yaml/v3"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// rule checks an RFC 5545 RRULE value with rrule-go and returns it
// without UNTIL and COUNT, which it moves into r.
func (d *decoder) rule(v *yaml.Node, s string, r *bulletin.Repeat) string {
	s = strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(s)), "RRULE:")
	opt, err := rrule.StrToROption(s)
	if err != nil {
		d.errorf(v, "rule %q is not an RFC 5545 RRULE such as \"FREQ=MONTHLY;BYDAY=1SA\": %v", s, err)
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
			r.Count = opt.Count
		case "DTSTART", "TZID":
			d.errorf(v, "rule %q must not hold %s; the event's start gives it", s, name)
			return ""
		default:
			kept = append(kept, part)
		}
	}
	return strings.Join(kept, ";")
}
