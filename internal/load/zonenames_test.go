package load

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestZoneHint(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"Dallas", `unknown time zone "Dallas"; use an IANA name (Dallas is in "America/Chicago")`},
		{"america/dallas", `unknown time zone "america/dallas"; use an IANA name (Dallas is in "America/Chicago")`},
		{"Guatemala City", `unknown time zone "Guatemala City"; use an IANA name (did you mean "America/Guatemala"?)`},
		{"Manila", `unknown time zone "Manila"; use an IANA name (did you mean "Asia/Manila"?)`},
		{"dar es salaam", `unknown time zone "dar es salaam"; use an IANA name (did you mean "Africa/Dar_es_Salaam"?)`},
		{"CST", `unknown time zone "CST"; use an IANA name ("CST" is an abbreviation, which some apps read otherwise: write "America/Chicago" (US Central) or "Asia/Shanghai" (China))`},
		{"US/Eastern", `unknown time zone "US/Eastern"; use an IANA name (did you mean "America/New_York"?)`},
		{"Mumbai", `unknown time zone "Mumbai"; use an IANA name (Mumbai is in "Asia/Kolkata")`},
		{"Atlantis", `unknown time zone "Atlantis"; use an IANA name such as "America/New_York" or "Asia/Kolkata"`},
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
