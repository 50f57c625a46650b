package bulletin

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// diaryBulletin returns a bulletin of day d (in November 2026, New York)
// with n points, titled by their place.
func diaryBulletin(ny *time.Location, d, n int) *Bulletin {
	b := &Bulletin{ID: fmt.Sprintf("b%d", d), Date: time.Date(2026, 11, d, 0, 0, 0, 0, ny)}
	for i := range n {
		b.Points = append(b.Points, &Point{ID: fmt.Sprintf("p%d", i+1), Region: "africa", Bulletin: b})
	}
	return b
}

// days writes a diary as "13:b13/p1 14:b13/p2 …".
func days(diary []DiaryDay) string {
	var out []string
	for _, d := range diary {
		out = append(out, fmt.Sprintf("%d:%s/%s", d.Day.Day, d.Point.Bulletin.ID, d.Point.ID))
	}
	return strings.Join(out, " ")
}

func TestDiary(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	site := &Site{Location: ny}
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, ny)

	// Fewer points than days: again from the first. More: the next
	// bulletin takes over from its day.
	a, b := diaryBulletin(ny, 13, 3), diaryBulletin(ny, 20, 9)
	c := diaryBulletin(ny, 27, 2)
	got := days(site.Diary([]*Bulletin{c, a, b}, now))
	want := "13:b13/p1 14:b13/p2 15:b13/p3 16:b13/p1 17:b13/p2 18:b13/p3 19:b13/p1 " +
		"20:b20/p1 21:b20/p2 22:b20/p3 23:b20/p4 24:b20/p5 25:b20/p6 26:b20/p7 " +
		"27:b27/p1 28:b27/p2 29:b27/p1 30:b27/p2 1:b27/p1 2:b27/p2 3:b27/p1"
	if got != want {
		t.Errorf("diary:\n%s\nwant:\n%s", got, want)
	}

	// Published late, on Sunday: the week before runs on until then.
	c.Publish = time.Date(2026, 11, 29, 6, 0, 0, 0, ny)
	if got := days(site.Diary([]*Bulletin{b, c}, now)); !strings.Contains(got, "28:b20/p9 29:b27/p1") {
		t.Errorf("published late:\n%s", got)
	}

	// An order and a day given; a point left out (made private, it is
	// not among Public's) is not prayed.
	c.Publish = time.Time{}
	c.DiaryOrder = []string{"p2", "p1"}
	c.DiaryDays = map[Date]string{{2026, 11, 30}: "p1"}
	c.Points[0].Private = true // as if Public had not yet dropped it
	if got := days(site.Diary([]*Bulletin{c}, now)); got != "27:b27/p2 28:b27/p2 29:b27/p2 30:b27/p2 1:b27/p2 2:b27/p2 3:b27/p2" {
		t.Errorf("with an order, a day and a private point:\n%s", got)
	}
	c.Points[0].Private = false
	if got := days(site.Diary([]*Bulletin{c}, now)); got != "27:b27/p2 28:b27/p1 29:b27/p2 30:b27/p1 1:b27/p1 2:b27/p2 3:b27/p1" {
		t.Errorf("with an order and a day:\n%s", got)
	}

	// Only the last DiaryPast days; none at all when turned off, and
	// only the regions named.
	if got := days(site.Diary([]*Bulletin{a, b, c}, time.Date(2026, 12, 20, 12, 0, 0, 0, ny))); !strings.HasPrefix(got, "20:b20/p1") {
		t.Errorf("30 days back from 20 December:\n%s", got)
	}
	if got := (&Site{Location: ny, DiaryOff: true}).Diary([]*Bulletin{a}, now); got != nil {
		t.Errorf("diary turned off: %v", got)
	}
	if got := (&Site{Location: ny, DiaryRegions: []string{"asia"}}).Diary([]*Bulletin{a}, now); got != nil {
		t.Errorf("diary of another region: %v", days(got))
	}
}
