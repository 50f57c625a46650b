package recur

import (
	"testing"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

func TestStarts(t *testing.T) {
	zone := func(name string) *time.Location {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		return loc
	}
	santiago, chicago, sydney := zone("America/Santiago"), zone("America/Chicago"), zone("Australia/Sydney")
	tests := []struct {
		name  string
		rule  bulletin.Repeat
		start time.Time
		want  []string // wall-clock starts
	}{
		// 13 October 1996 had no midnight in Santiago: clocks went from
		// 23:59 on the 12th to 01:00. The gathering is still on the 13th.
		{"a day without midnight", bulletin.Repeat{Rule: "FREQ=WEEKLY;INTERVAL=2", Count: 3}, time.Date(1996, 10, 13, 17, 0, 0, 0, santiago),
			[]string{"1996-10-13 17:00 -03", "1996-10-27 17:00 -03", "1996-11-10 17:00 -03"}},
		{"across the March change", bulletin.Repeat{Rule: "FREQ=WEEKLY", Until: bulletin.Date{Year: 2027, Month: 3, Day: 17}}, time.Date(2027, 3, 3, 19, 0, 0, 0, chicago),
			[]string{"2027-03-03 19:00 CST", "2027-03-10 19:00 CST", "2027-03-17 19:00 CDT"}},
		{"the last Saturday, across April's change", bulletin.Repeat{Rule: "FREQ=MONTHLY;BYDAY=-1SA", Count: 2}, time.Date(2027, 3, 27, 9, 30, 0, 0, sydney),
			[]string{"2027-03-27 09:30 AEDT", "2027-04-24 09:30 AEST"}},
		{"until the day, at any hour of it", bulletin.Repeat{Rule: "FREQ=DAILY", Until: bulletin.Date{Year: 2026, Month: 12, Day: 2}}, time.Date(2026, 11, 30, 23, 30, 0, 0, chicago),
			[]string{"2026-11-30 23:30 CST", "2026-12-01 23:30 CST", "2026-12-02 23:30 CST"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Starts(&tt.rule, tt.start, 10) {
				got = append(got, s.Format("2006-01-02 15:04 MST"))
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("got %q, want %q", got, tt.want)
					break
				}
			}
			last := Last(&tt.rule, tt.start).Format("2006-01-02 15:04 MST")
			if last != tt.want[len(tt.want)-1] {
				t.Errorf("Last = %s, want %s", last, tt.want[len(tt.want)-1])
			}
		})
	}
}
