package bulletin_test

import (
	"testing"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

func TestOrdinal(t *testing.T) {
	tests := map[int]string{
		1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 9: "9th", 10: "10th",
		11: "11th", 12: "12th", 13: "13th", 14: "14th",
		21: "21st", 22: "22nd", 23: "23rd", 24: "24th", 30: "30th", 31: "31st",
		101: "101st", 111: "111th", 112: "112th", 113: "113th",
	}
	for n, want := range tests {
		if got := bulletin.Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestDatedTitle checks that a bulletin's title gets its date once.
func TestDatedTitle(t *testing.T) {
	day := time.Date(2026, 12, 11, 0, 0, 0, 0, time.UTC)
	tests := map[string]string{
		"Prayer bulletin":                     "Prayer bulletin — 11 December 2026",
		"Prayer bulletin — 11 December 2026":  "Prayer bulletin — 11 December 2026",
		"Prayer bulletin, December 11th 2026": "Prayer bulletin, December 11th 2026",
		"Prayer bulletin 11 Dec 2026":         "Prayer bulletin 11 Dec 2026",
		"Prayer bulletin 2026-12-11":          "Prayer bulletin 2026-12-11",
		"Prayer for December 2026":            "Prayer for December 2026 — 11 December 2026",
		"Prayer bulletin 1 December 2026":     "Prayer bulletin 1 December 2026 — 11 December 2026",
		"Issue 12 — December 2026":            "Issue 12 — December 2026 — 11 December 2026",
		"Bulletin 11: 4 December 2026":        "Bulletin 11: 4 December 2026 — 11 December 2026",
		"December 2026: 11 ways to pray":      "December 2026: 11 ways to pray — 11 December 2026",
		"Prayer, 11th of December, 2026":      "Prayer, 11th of December, 2026",
	}
	for title, want := range tests {
		b := &bulletin.Bulletin{Title: title, Date: day}
		if got := b.DatedTitle(); got != want {
			t.Errorf("%q: %q, want %q", title, got, want)
		}
	}
}

// TestStatusLabel checks that an event's state is said once.
func TestStatusLabel(t *testing.T) {
	tests := []struct {
		title  string
		status bulletin.Status
		want   string
	}{
		{"Trial hearing, Lima", bulletin.Postponed, "Postponed"},
		{"Trial hearing, Lima (postponed)", bulletin.Postponed, ""},
		{"Vigil CANCELLED", bulletin.Cancelled, ""},
		{"Vigil canceled", bulletin.Cancelled, ""},
		{"Uncancelled vigil", bulletin.Cancelled, "Cancelled"},
		{"Vigil", bulletin.Confirmed, ""},
	}
	for _, tt := range tests {
		e := &bulletin.Event{Title: tt.title, Status: tt.status}
		if got := e.StatusLabel(); got != tt.want {
			t.Errorf("%q %s: %q, want %q", tt.title, tt.status, got, tt.want)
		}
	}
}

func TestUnclosedBidi(t *testing.T) {
	tests := map[string]rune{
		"plain":                      0,
		"a \u202eb":                  '\u202e',
		"a \u202eb\u202c c":          0,
		"\u202b\u202db\u202c\u202c":  0,
		"\u202b\u202db\u202c":        '\u202b',
		"\u2067x\u202ey\u2069":       0, // an isolate's end closes all within it
		"\u2068x":                    '\u2068',
		"\u202c\u2069 stray closers": 0,
		"עברית and العربية, no controls": 0,
	}
	for s, want := range tests {
		if got := bulletin.UnclosedBidi(s); got != want {
			t.Errorf("UnclosedBidi(%q) = %U, want %U", s, got, want)
		}
	}
}

// TestPublishedAtMidnight checks that east of UTC a bulletin is out from
// the start of its date where the site is, though feeds date it when the
// UTC date turns (Dated), so that every reader lists it under its date.
func TestPublishedAtMidnight(t *testing.T) {
	sydney, _ := time.LoadLocation("Australia/Sydney")
	b := &bulletin.Bulletin{ID: "b", Date: time.Date(2026, 12, 11, 0, 0, 0, 0, sydney), Points: []*bulletin.Point{{ID: "p"}}}
	if got := bulletin.Public([]*bulletin.Bulletin{b}, time.Date(2026, 12, 11, 9, 0, 0, 0, sydney)); len(got) != 1 {
		t.Errorf("at 09:00 on its date in Sydney the bulletin is not out")
	}
	if got := b.Dated(); !got.Equal(time.Date(2026, 12, 11, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Dated() = %v, want the start of 11 December in UTC", got)
	}
}
