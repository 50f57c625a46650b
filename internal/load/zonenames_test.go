package load

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestZoneHint(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"Dallas", `unknown time zone "Dallas"; write the name of a time zone (Dallas is in "America/Chicago")`},
		{"america/dallas", `unknown time zone "america/dallas"; write the name of a time zone (Dallas is in "America/Chicago")`},
		{"Guatemala City", `unknown time zone "Guatemala City"; write the name of a time zone (did you mean "America/Guatemala"?)`},
		{"Manila", `unknown time zone "Manila"; write the name of a time zone (did you mean "Asia/Manila"?)`},
		{"dar es salaam", `unknown time zone "dar es salaam"; write the name of a time zone (did you mean "Africa/Dar_es_Salaam"?)`},
		{"CST", `unknown time zone "CST"; write the name of a time zone ("CST" names no one zone, and the clocks it means change in summer in some places and not in others: write "America/Chicago" (US Central), "America/Guatemala" or another Central American city's zone, or "Asia/Shanghai" (China))`},
		{"US/Eastern", `unknown time zone "US/Eastern"; write the name of a time zone (did you mean "America/New_York"?)`},
		{"Mumbai", `unknown time zone "Mumbai"; write the name of a time zone (Mumbai is in "Asia/Kolkata")`},
		{"Atlantis", `unknown time zone "Atlantis"; write the name of a time zone such as "America/New_York" or "Asia/Kolkata" (every one is in the list of tz database time zones)`},
	} {
		_, err := loadZone(tc.name)
		if err == nil || err.Error() != tc.want {
			t.Errorf("loadZone(%q): %v\nwant %s", tc.name, err, tc.want)
		}
	}
}

// TestZoneTables: every zone the tables suggest loads, and is a name
// the loader accepts.
func TestZoneTables(t *testing.T) {
	quoted := regexp.MustCompile(`"([^"]+)"`)
	var names []string
	for _, z := range abbreviations {
		for _, m := range quoted.FindAllStringSubmatch(z, -1) {
			names = append(names, m[1])
		}
	}
	for _, m := range []map[string]string{legacyZones, cities} {
		for k, z := range m {
			names = append(names, z)
			if k != strings.ToLower(k) {
				t.Errorf("key %q is not in lower case", k)
			}
		}
	}
	for _, z := range names {
		if _, err := time.LoadLocation(z); err != nil || !ianaName(z) {
			t.Errorf("%q: %v", z, err)
		}
	}
}
